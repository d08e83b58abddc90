/* main.c: Upright's entry point (the rest is in libupright).
 *
 * The interface language is chosen before anything is translated: the "language" setting
 * becomes $LANGUAGE, and the C locale (the only one on many machines, and one under which
 * gettext ignores $LANGUAGE) becomes C.UTF-8 so that the choice is honoured without a
 * French system locale installed. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "upr-application.h"
#include "upr-cli.h"

static void
apply_language_setting (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *language = NULL;

  if (source == NULL
      || (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)) == NULL)
    return;

  settings = g_settings_new_full (schema, NULL, NULL);
  language = g_settings_get_string (settings, "language");
  if (g_strcmp0 (language, "en") == 0 || g_strcmp0 (language, "fr") == 0)
    g_setenv ("LANGUAGE", language, TRUE);
}

static void
use_utf8_c_locale (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (messages != NULL && (strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0))
    setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (UprApplication) application = NULL;
  const char *localedir = g_getenv ("UPRIGHT_LOCALEDIR");

  setlocale (LC_ALL, "");
  apply_language_setting ();
  use_utf8_c_locale ();

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (upr_cli_handles (argc, argv))
    return upr_cli_run (argc, argv);

  g_set_application_name ("Upright");
  application = upr_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
