/* upr-cli-export.c: `upright export --country ISO [--workshop ID] --output FILE.xlsx [--lang fr]
 * [--names]`, with also --all-countries, --cycle N and --sheets LIST.
 *
 * The export runs as the window runs it: the store is read on this thread, the workbook
 * written in a worker thread, while a main loop waits; Ctrl+C (SIGINT) or SIGTERM cancels
 * it, and the export then leaves no partial file and keeps any previous one. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#ifdef G_OS_UNIX
#include <glib-unix.h>
#endif
#include <string.h>

#include "upr-cli-export.h"
#include "upr-workbook.h"

enum
{
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

struct _UprCliExport
{
  GStrv              countries;
  gboolean           all_countries;
  char              *workshop_id;
  int                cycle;
  char              *output;
  char              *language;
  gboolean           names;
  UprWorkbookSheets  sheets;
};

/* Parsing */

static gboolean
usage (GError    **error,
       const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return FALSE;
}

/* "--country CD,GE --country ML" → CD, GE, ML, upper case, each once. */
static GStrv
split_countries (char **given)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (given[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          char *code = g_ascii_strup (g_strstrip (parts[j]), -1);

          if (code[0] == '\0' || g_ptr_array_find_with_equal_func (seen, code, g_str_equal, NULL))
            {
              g_free (code);
              continue;
            }
          g_strv_builder_add (codes, code);
          g_ptr_array_add (seen, code);
        }
    }
  return g_strv_builder_end (codes);
}

static gboolean
parse_sheets (const char        *list,
              UprWorkbookSheets *sheets,
              GError           **error)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);
  g_autoptr(GFlagsClass) klass = g_type_class_ref (UPR_TYPE_WORKBOOK_SHEETS);

  *sheets = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      GFlagsValue *value = g_flags_get_value_by_nick (klass, g_strstrip (names[i]));

      if (value == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is what was given; keep the sheet names in English. */
          message = g_strdup_printf (_("Unknown sheet “%s”: choose among summary, matrix, "
                                       "workshops and participants."),
                                     names[i]);
          return usage (error, message);
        }
      *sheets |= value->value;
    }
  return *sheets != 0 || usage (error, _("--sheets names no sheet."));
}

static gboolean
check_options (UprCliExport  *self,
               const char    *sheets,
               GError       **error)
{
  if (self->output == NULL)
    return usage (error, _("Say where to write the workbook with --output FILE.xlsx."));
  if (self->countries[0] == NULL && !self->all_countries && self->workshop_id == NULL)
    return usage (error, _("Choose the countries with --country ISO (or --all-countries), or "
                           "a workshop with --workshop ID."));
  if (self->countries[0] != NULL && self->all_countries)
    return usage (error, _("Use either --country or --all-countries, not both."));
  if (g_strcmp0 (self->language, "en") != 0 && g_strcmp0 (self->language, "fr") != 0)
    return usage (error, _("The workbook language (--lang) is “en” or “fr”."));
  if (self->cycle < 0)
    return usage (error, _("The cycle (--cycle) is a number such as 4."));
  return sheets == NULL || parse_sheets (sheets, &self->sheets, error);
}

UprCliExport *
upr_cli_export_parse (char   **args,
                      GError **error)
{
  g_autoptr(UprCliExport) self = g_new0 (UprCliExport, 1);
  g_auto(GStrv) countries = NULL;
  g_autofree char *sheets = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) argv = NULL;
  const GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_STRING_ARRAY, &countries, NULL, NULL },
    { "all-countries", 0, 0, G_OPTION_ARG_NONE, &self->all_countries, NULL, NULL },
    { "workshop", 0, 0, G_OPTION_ARG_STRING, &self->workshop_id, NULL, NULL },
    { "cycle", 0, 0, G_OPTION_ARG_INT, &self->cycle, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &self->output, NULL, NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &self->language, NULL, NULL },
    { "names", 0, 0, G_OPTION_ARG_NONE, &self->names, NULL, NULL },
    { "sheets", 0, 0, G_OPTION_ARG_STRING, &sheets, NULL, NULL },
    { NULL }
  };
  guint n = g_strv_length (args);

  g_return_val_if_fail (args != NULL, NULL);

  self->sheets = UPR_WORKBOOK_SHEETS_ALL;
  /* GOption wants a program name first. */
  argv = g_new0 (char *, n + 2);
  argv[0] = g_strdup ("upright export");
  for (guint i = 0; i < n; i++)
    argv[i + 1] = g_strdup (args[i]);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &argv, error))
    return NULL;
  if (argv[1] != NULL)
    {
      /* Translators: %s is a word of the command line. */
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."), argv[1]);

      usage (error, message);
      return NULL;
    }
  self->countries = split_countries (countries);
  if (self->language == NULL)
    self->language = g_strdup ("en");
  if (!check_options (self, sheets, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
upr_cli_export_free (UprCliExport *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->countries);
  g_free (self->workshop_id);
  g_free (self->output);
  g_free (self->language);
  g_free (self);
}

/* Running */

typedef struct
{
  GMainLoop         *loop;
  UprWorkbookReport *report;
  GError            *error;
} Run;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Run *run = data;

  run->report = upr_workbook_export_finish (UPR_WORKBOOK (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

#ifdef G_OS_UNIX
static gboolean
interrupted_cb (gpointer data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
  return G_SOURCE_CONTINUE;
}
#endif

static UprWorkbook *
workbook_for (UprCliExport *self,
              UprStore     *store)
{
  UprWorkbook *workbook = upr_workbook_new ();

  upr_workbook_set_countries (workbook, self->countries[0] != NULL
                                          ? (const char * const *) self->countries : NULL);
  upr_workbook_set_workshop_id (workbook, self->workshop_id);
  upr_workbook_set_cycle (workbook, self->cycle);
  upr_workbook_set_sheets (workbook, self->sheets);
  upr_workbook_set_language (workbook, self->language);
  upr_workbook_set_people (workbook, self->names ? UPR_WORKBOOK_PEOPLE_NAMES
                                                 : UPR_WORKBOOK_PEOPLE_AGGREGATE);
  upr_workbook_set_author (workbook, upr_store_get_officer (store));
  return workbook;
}

static void
print_report (const char              *output,
              const UprWorkbookReport *report)
{
  g_autofree char *display = g_filename_display_name (output);

  /* Translators: %s is the file written. */
  g_print (_("Wrote “%s”:"), display);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u recommendation", "%u recommendations",
                        report->n_recommendations),
           report->n_recommendations);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u workshop", "%u workshops", report->n_workshops),
           report->n_workshops);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u participant counted",
                        "%u participants counted", report->n_participants),
           report->n_participants);
  g_print ("\n  ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u participant named", "%u participants named",
                        report->n_named),
           report->n_named);
  g_print ("\n");
  for (guint i = 0; report->warnings[i] != NULL; i++)
    g_printerr ("upright: %s\n", report->warnings[i]);
}

int
upr_cli_export_run (UprCliExport *self,
                    UprStore     *store)
{
  g_autoptr(UprWorkbook) workbook = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { 0 };
#ifdef G_OS_UNIX
  guint sigint, sigterm;
#endif

  g_return_val_if_fail (self != NULL, EXIT_USAGE);
  g_return_val_if_fail (UPR_IS_STORE (store), EXIT_USAGE);

  workbook = workbook_for (self, store);
  file = g_file_new_for_commandline_arg (self->output);
  /* The default main context, where the signal sources are too. */
  run.loop = g_main_loop_new (NULL, FALSE);
#ifdef G_OS_UNIX
  sigint = g_unix_signal_add (SIGINT, interrupted_cb, cancellable);
  sigterm = g_unix_signal_add (SIGTERM, interrupted_cb, cancellable);
#endif
  upr_workbook_export_async (workbook, store, file, cancellable, exported_cb, &run);
  g_main_loop_run (run.loop);
#ifdef G_OS_UNIX
  g_source_remove (sigint);
  g_source_remove (sigterm);
#endif
  g_main_loop_unref (run.loop);

  if (run.report == NULL)
    {
      g_autoptr(GError) error = run.error;

      g_printerr ("upright: %s\n", error->message);
      return g_error_matches (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOT_FOUND)
               ? EXIT_USAGE : EXIT_FAILED;
    }
  print_report (self->output, run.report);
  upr_workbook_report_free (run.report);
  return EXIT_OK;
}
