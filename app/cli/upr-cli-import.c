/* upr-cli-import.c: `upright import FILE [--country ISO] [--session N] [--dry-run]
 * [--encoding NAME] [--from ORGANISATION]`, and with `--workshop ID` a participant list
 * (upr-cli-import-participants.c).
 *
 * A matrix exported by Upright and returned by a partner is not imported as recommendations:
 * its changes are printed as a diff, and applied only with --from (upr-matrix-return.h).
 *
 * The import runs as the window runs it: in steps from the main loop, in one transaction.
 * Ctrl+C (SIGINT) or SIGTERM cancels it between two steps and the database is left exactly
 * as it was; so it is if the process is killed outright (the transaction never commits). */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#ifdef G_OS_UNIX
#include <glib-unix.h>
#endif
#include <stdio.h>
#include <string.h>

#include "upr-cli-import.h"
#include "upr-cli-import-private.h"
#include "upr-import.h"
#include "upr-matrix-return.h"
#include "upr-table.h"

enum
{
  EXIT_OK = UPR_CLI_IMPORT_EXIT_OK,
  EXIT_FAILED = UPR_CLI_IMPORT_EXIT_FAILED,
  EXIT_USAGE = UPR_CLI_IMPORT_EXIT_USAGE,
};

struct _UprCliImport
{
  char    *file;
  char    *country;
  int      session;
  gboolean dry_run;
  char    *encoding;
  char    *from;
  char    *workshop;
};

/* Parsing */

UprCliImport *
upr_cli_import_parse (char   **args,
                      GError **error)
{
  g_autoptr(UprCliImport) self = g_new0 (UprCliImport, 1);
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) words = NULL;
  guint n_words;
  const GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_STRING, &self->country, NULL, NULL },
    { "session", 0, 0, G_OPTION_ARG_INT, &self->session, NULL, NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &self->dry_run, NULL, NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &self->encoding, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &self->from, NULL, NULL },
    { "workshop", 0, 0, G_OPTION_ARG_STRING, &self->workshop, NULL, NULL },
    { NULL }
  };

  g_return_val_if_fail (args != NULL, NULL);

  /* GOption wants a program name first. */
  words = g_new0 (char *, g_strv_length (args) + 2);
  words[0] = g_strdup ("import");
  for (guint i = 0; args[i] != NULL; i++)
    words[i + 1] = g_strdup (args[i]);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &words, error))
    return NULL;

  n_words = g_strv_length (words);
  if (n_words < 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Name the file to import."));
      return NULL;
    }
  if (n_words > 2)
    {
      /* Translators: %s is an argument given on the command line. */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Too many arguments: “%s”."), words[2]);
      return NULL;
    }
  if (self->session < 0 || self->session > 999)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The session must be a number from 1 to 999."));
      return NULL;
    }
  if (self->workshop != NULL
      && (self->country != NULL || self->session != 0 || self->from != NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--workshop imports a list of participants: it does not go with "
                             "--country, --session or --from."));
      return NULL;
    }
  self->file = g_strdup (words[1]);
  return g_steal_pointer (&self);
}

void
upr_cli_import_free (UprCliImport *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->country);
  g_free (self->encoding);
  g_free (self->from);
  g_free (self->workshop);
  g_free (self);
}

/* The report */

static void
print_file (UprCliImport *self,
            UprTable     *table,
            UprImport    *import)
{
  upr_cli_import_print_table (self->file, table);
  g_print (_("Layout: %s"), upr_import_layout_label (upr_import_get_layout (import)));
  g_print ("\n");
}

static void
print_columns (UprImport *import)
{
  g_print ("%s\n", _("Columns:"));
  for (guint c = 0; c < upr_import_get_n_columns (import); c++)
    {
      UprImportField field = upr_import_get_column_field (import, c);

      if (field == UPR_IMPORT_FIELD_NONE)
        continue;
      g_print ("  “%s” → %s\n", upr_import_get_column_name (import, c),
               upr_import_field_label (field));
    }
}

/* The country and session, when the file named them only in its name or title. */
static void
print_found (UprImport *import)
{
  gboolean country_found = FALSE, session_found = FALSE;
  const char *country = upr_import_get_country (import, &country_found);
  int session = upr_import_get_session (import, &session_found);

  if (country != NULL && country_found)
    {
      /* Translators: %s is an ISO country code; --country is an option, do not translate. */
      g_print (_("State under review: %s, from the file's name or title (--country to change)"),
               country);
      g_print ("\n");
    }
  if (session != 0 && session_found)
    {
      /* Translators: %d is a session number; --session is an option, do not translate. */
      g_print (_("Session: %d, from the file's name or title (--session to change)"), session);
      g_print ("\n");
    }
}

static void
print_summary (UprImport *import,
               gboolean   dry_run)
{
  const UprImportSummary *summary = upr_import_get_summary (import);
  guint n;

  upr_cli_import_print_heading (dry_run);
  n = summary->n_rows;
  upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u recommendation read",
                                           "%u recommendations read", n), n);
  n = summary->n_new;
  upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", n), n);
  upr_cli_import_print_changes (summary->n_updated, summary->n_unchanged, summary->n_skipped);
  n = summary->n_other_country;
  if (n > 0)
    upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u of other States, left out",
                                             "%u of other States, left out", n), n);
  upr_cli_import_print_warnings (summary->n_warnings);
}

/* Running */

static gboolean
step (gpointer   import,
      gboolean  *done,
      GError   **error)
{
  if (!upr_import_step (import, UPR_CLI_IMPORT_STEP, done, error))
    return FALSE;
  return !*done || upr_import_finish (import, error);
}

static void
cancel (gpointer import)
{
  upr_import_cancel (import);
}

#ifdef G_OS_UNIX
static gboolean
signal_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}
#endif

static gboolean
run_import (UprImport    *import,
            gboolean      dry_run,
            GCancellable *cancellable,
            GError      **error)
{
  return upr_import_start (import, dry_run, error)
         && upr_cli_import_run_steps (import, step, cancel, cancellable, error);
}

/* The mapping cannot run: says why, and what to give. */
static int
refuse (UprImport *import,
        GError    *error)
{
  upr_cli_import_print_error (error->message);
  if (g_error_matches (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_COUNTRY))
    {
      g_printerr ("%s\n", _("Give it with --country, as an ISO code (for example --country SI)."));
      return EXIT_USAGE;
    }
  if (g_error_matches (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_SESSION))
    {
      g_printerr ("%s\n", _("Give it with --session (for example --session 48)."));
      return EXIT_USAGE;
    }
  if (g_error_matches (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_HEADER))
    g_printerr ("%s\n", _("If it is a list of participants, name their workshop with --workshop "
                          "(its id or its title)."));
  print_columns (import);
  return EXIT_FAILED;
}

/* A returned matrix */

/* A text on one line of the diff. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return g_strdup (_("(empty)"));
  lines = g_strsplit (text, "\n", -1);
  return g_strjoinv (" / ", lines);
}

static void
print_changes (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const UprMatrixReturnChange *change = changes->pdata[i];
      g_autofree char *old_value = one_line (change->old_value);
      g_autofree char *new_value = one_line (change->new_value);

      /* Translators: a recommendation's reference, a column, its old and new values. */
      g_print (_("  %s, %s: %s → %s"),
               change->reference != NULL ? change->reference : change->recommendation_id,
               upr_matrix_return_field_label (change->field), old_value, new_value);
      g_print ("\n");
    }
}

static void
print_problems (GPtrArray *problems)
{
  if (problems->len == 0)
    return;
  g_print ("%s\n", _("Rows left out:"));
  for (guint i = 0; i < problems->len; i++)
    {
      const UprMatrixReturnProblem *problem = problems->pdata[i];
      UprImportIssue issue = {
        .severity = UPR_IMPORT_SEVERITY_SKIPPED,
        .row = problem->row,
        .column = problem->column,
        .value = problem->value,
        .message = problem->message,
      };

      upr_cli_import_print_issue (&issue);
    }
}

static int
apply_matrix (UprCliImport    *self,
              UprStore        *store,
              UprMatrixReturn *matrix)
{
  g_autoptr(GError) error = NULL;
  guint n = upr_matrix_return_get_changes (matrix)->len;

  if (self->dry_run)
    {
      g_print ("%s\n", _("Dry run: nothing was changed."));
      return EXIT_OK;
    }
  if (n == 0)
    {
      g_print ("%s\n", _("Nothing to apply: the matrix holds no change."));
      return EXIT_OK;
    }
  if (self->from == NULL)
    {
      upr_cli_import_print_error (_("Nothing was changed: give the partner organisation the "
                                    "matrix comes from with --from (its name, acronym or id; a "
                                    "new name is created) to apply these changes."));
      return EXIT_USAGE;
    }
  if (!upr_matrix_return_apply (matrix, store, self->from, NULL, &error))
    {
      upr_cli_import_print_error (error->message);
      return EXIT_FAILED;
    }
  /* Translators: %s is the name of the partner organisation given with --from. */
  g_print (_("Applied, as progress from “%s”."), self->from);
  g_print ("\n");
  return EXIT_OK;
}

static int
import_matrix (UprCliImport *self,
               UprStore     *store,
               UprTable     *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = NULL;
  g_autofree char *partner_id = NULL;
  guint n;

  if (self->from != NULL)
    partner_id = upr_matrix_return_resolve_partner (store, self->from, FALSE, NULL);
  matrix = upr_matrix_return_new (store, table, partner_id, &error);
  if (matrix == NULL)
    {
      upr_cli_import_print_error (error->message);
      return EXIT_FAILED;
    }
  /* Translators: %s is a file path. */
  g_print (_("File: %s"), self->file);
  g_print ("\n");
  /* Translators: %s is a language code, "en" or "fr". */
  g_print (_("Format: implementation matrix exported by Upright, in “%s”"),
           upr_matrix_return_get_language (matrix));
  g_print ("\n");
  n = upr_matrix_return_get_changes (matrix)->len;
  g_print (g_dngettext (GETTEXT_PACKAGE, "Changes: %u", "Changes: %u", n), n);
  g_print ("\n");
  print_changes (upr_matrix_return_get_changes (matrix));
  print_problems (upr_matrix_return_get_problems (matrix));
  return apply_matrix (self, store, matrix);
}

static int
import_file (UprCliImport *self,
             UprStore     *store,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprTable) table = NULL;
  g_autoptr(UprImport) import = NULL;
  g_autofree char *name = NULL;

  table = upr_cli_import_read_table (self->file, self->encoding, cancellable, &error);
  if (table == NULL)
    {
      upr_cli_import_print_error (error->message);
      return EXIT_FAILED;
    }
  if (upr_matrix_return_recognise (table))
    return import_matrix (self, store, table);
  name = g_path_get_basename (self->file);
  import = upr_import_new (store, table, name, &error);
  if (import == NULL)
    {
      upr_cli_import_print_error (error->message);
      return EXIT_FAILED;
    }
  if (self->country != NULL && !upr_import_set_country (import, self->country))
    {
      /* Translators: %s is what was given after --country. */
      g_autofree char *message = g_strdup_printf (_("Unknown country “%s”: give an ISO code "
                                                    "such as SI or SVN, or its name."),
                                                  self->country);

      upr_cli_import_print_error (message);
      return EXIT_USAGE;
    }
  if (self->session > 0)
    upr_import_set_session (import, self->session);

  print_file (self, table, import);
  if (!upr_import_check (import, &error))
    return refuse (import, error);
  print_found (import);
  print_columns (import);
  /* What is being imported shows before the import, which may take a while. */
  fflush (stdout);

  if (!run_import (import, self->dry_run, cancellable, &error))
    {
      upr_cli_import_print_issues (upr_import_get_issues (import));
      upr_cli_import_print_error (error->message);
      return EXIT_FAILED;
    }
  upr_cli_import_print_issues (upr_import_get_issues (import));
  print_summary (import, self->dry_run);
  return EXIT_OK;
}

int
upr_cli_import_run (UprCliImport *self,
                    UprStore     *store)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  int status;
#ifdef G_OS_UNIX
  /* From the start: a Ctrl+C while the file is read cancels the import when it begins. */
  guint sigint = g_unix_signal_add (SIGINT, signal_cb, cancellable);
  guint sigterm = g_unix_signal_add (SIGTERM, signal_cb, cancellable);
#endif

  g_return_val_if_fail (self != NULL, EXIT_FAILED);
  g_return_val_if_fail (UPR_IS_STORE (store), EXIT_FAILED);

  if (self->workshop != NULL)
    status = upr_cli_import_participants (store, self->file, self->encoding, self->workshop,
                                          self->dry_run, cancellable);
  else
    status = import_file (self, store, cancellable);
#ifdef G_OS_UNIX
  g_source_remove (sigint);
  g_source_remove (sigterm);
#endif
  return status;
}
