/* upr-cli-import-participants.c: `upright import FILE --workshop ID [--dry-run]
 * [--encoding NAME]`, a participant list (upr-participant-import.h) into a workshop.
 *
 * The report is the recommendation import's (upr-cli-import.c): the file and its format, the
 * columns placed, the problems by row and column, then the summary. The import runs as the
 * window runs it, in steps from the main loop, in one transaction: Ctrl+C (SIGINT, SIGTERM)
 * between two steps, or a killed process, leaves the database exactly as it was. The
 * report names the people it skips (the user's own file, on the user's terminal); nothing
 * is logged. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "upr-cli-import-private.h"
#include "upr-fold.h"
#include "upr-import.h"
#include "upr-participant-import.h"
#include "upr-workshop.h"

/* The workshop */

/* Workshops not in the trash whose title is @title, case and accents aside. */
static GPtrArray *
workshops_titled (UprStore   *store,
                  const char *title,
                  GError    **error)
{
  g_autoptr(GListModel) workshops = upr_store_list_workshops (store, NULL, error);
  g_autofree char *key = upr_fold (title);
  GPtrArray *found;

  if (workshops == NULL)
    return NULL;
  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(UprRecord) workshop = g_list_model_get_item (workshops, i);
      const char *other = upr_record_get_string (workshop, "title");
      g_autofree char *other_key = other != NULL ? upr_fold (other) : NULL;

      if (g_strcmp0 (key, other_key) == 0)
        g_ptr_array_add (found, g_steal_pointer (&workshop));
    }
  return found;
}

static void
print_ambiguous (const char *title,
                 GPtrArray  *workshops)
{
  /* Translators: %s is the title given after --workshop. */
  g_autofree char *message = g_strdup_printf (_("Several workshops are called “%s”: give the "
                                                "id of one with --workshop."),
                                              title);

  upr_cli_import_print_error (message);
  for (guint i = 0; i < workshops->len; i++)
    {
      UprRecord *workshop = workshops->pdata[i];
      const char *date = upr_record_get_string (workshop, "start-date");

      g_printerr ("  %s  %s  %s\n", upr_record_get_id (workshop),
                  upr_record_get_string (workshop, "country-code") != NULL
                    ? upr_record_get_string (workshop, "country-code") : "--",
                  date != NULL ? date : _("(no date)"));
    }
}

/* The workshop @name names: its id, else the title of exactly one workshop. NULL, with the
 * message printed, when there is none or more than one. */
static UprRecord *
find_workshop (UprStore   *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprRecord) workshop = upr_store_load (store, UPR_TYPE_WORKSHOP, name, &error);
  g_autoptr(GPtrArray) titled = NULL;
  g_autofree char *message = NULL;

  if (workshop != NULL && upr_record_get_string (workshop, "deleted-at") == NULL)
    return g_steal_pointer (&workshop);
  if (workshop != NULL)
    /* Translators: %s is the title of a workshop. */
    message = g_strdup_printf (_("The workshop “%s” is in the trash: restore it first."),
                               upr_record_get_string (workshop, "title"));
  else if (!g_error_matches (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND))
    message = g_strdup (error->message);
  else if (g_clear_error (&error), (titled = workshops_titled (store, name, &error)) == NULL)
    message = g_strdup (error->message);
  else if (titled->len == 1)
    return g_object_ref (titled->pdata[0]);
  else if (titled->len > 1)
    {
      print_ambiguous (name, titled);
      return NULL;
    }
  else
    /* Translators: %s is what was given after --workshop. */
    message = g_strdup_printf (_("There is no workshop “%s”: give its id or its title."), name);
  upr_cli_import_print_error (message);
  return NULL;
}

/* The report */

static void
print_workshop (UprRecord *workshop)
{
  const char *title = upr_record_get_string (workshop, "title");
  const char *date = upr_record_get_string (workshop, "start-date");

  if (title == NULL)
    title = _("(untitled)");
  if (date != NULL)
    /* Translators: a workshop's title, then its date (YYYY-MM-DD). */
    g_print (_("Workshop: %s, %s"), title, date);
  else
    g_print (_("Workshop: %s"), title);
  g_print ("\n");
}

static void
print_list_kind (UprParticipantImport *import)
{
  g_print (_("Layout: %s"), upr_participant_import_is_attendance_report (import)
                              ? _("online meeting attendance report")
                              : _("participant list"));
  g_print ("\n");
}

static void
print_columns (UprParticipantImport *import)
{
  g_print ("%s\n", _("Columns:"));
  for (guint c = 0; c < upr_participant_import_get_n_columns (import); c++)
    {
      UprParticipantField field = upr_participant_import_get_column_field (import, c);

      if (field == UPR_PARTICIPANT_FIELD_NONE)
        continue;
      g_print ("  “%s” → %s\n", upr_participant_import_get_column_name (import, c),
               upr_participant_field_label (field));
    }
}

static void
print_summary (UprParticipantImport *import,
               gboolean              dry_run)
{
  const UprParticipantImportSummary *summary = upr_participant_import_get_summary (import);
  guint n;

  upr_cli_import_print_heading (dry_run);
  n = summary->n_rows;
  upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u row read", "%u rows read", n),
                              n);
  n = summary->n_merged;
  if (n > 0)
    upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE,
                                             "%u merged with another row of the same person",
                                             "%u merged with another row of the same person",
                                             n), n);
  n = summary->n_new;
  upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", n), n);
  n = summary->n_known;
  if (n > 0)
    upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE,
                                             "%u of them known from other workshops",
                                             "%u of them known from other workshops", n), n);
  upr_cli_import_print_changes (summary->n_updated, summary->n_unchanged, summary->n_skipped);
  n = summary->n_organisations;
  if (n > 0)
    upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u organisation created",
                                             "%u organisations created", n), n);
  upr_cli_import_print_warnings (summary->n_warnings);
}

/* Running */

static gboolean
step (gpointer   import,
      gboolean  *done,
      GError   **error)
{
  if (!upr_participant_import_step (import, UPR_CLI_IMPORT_STEP, done, error))
    return FALSE;
  return !*done || upr_participant_import_finish (import, error);
}

static void
cancel (gpointer import)
{
  upr_participant_import_cancel (import);
}

static gboolean
run_import (UprParticipantImport *import,
            gboolean              dry_run,
            GCancellable         *cancellable,
            GError              **error)
{
  return upr_participant_import_start (import, dry_run, error)
         && upr_cli_import_run_steps (import, step, cancel, cancellable, error);
}

/* The list cannot be imported as it is: says why, and what was recognised. */
static int
refuse (UprParticipantImport *import,
        GError               *error)
{
  upr_cli_import_print_error (error->message);
  print_columns (import);
  return UPR_CLI_IMPORT_EXIT_FAILED;
}

int
upr_cli_import_participants (UprStore     *store,
                             const char   *path,
                             const char   *encoding,
                             const char   *workshop_name,
                             gboolean      dry_run,
                             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprRecord) workshop = NULL;
  g_autoptr(UprTable) table = NULL;
  g_autoptr(UprParticipantImport) import = NULL;

  g_return_val_if_fail (UPR_IS_STORE (store), UPR_CLI_IMPORT_EXIT_FAILED);

  workshop = find_workshop (store, workshop_name);
  if (workshop == NULL)
    return UPR_CLI_IMPORT_EXIT_USAGE;
  table = upr_cli_import_read_table (path, encoding, cancellable, &error);
  if (table != NULL)
    import = upr_participant_import_new (store, table, upr_record_get_id (workshop), &error);
  if (import == NULL)
    {
      upr_cli_import_print_error (error->message);
      return UPR_CLI_IMPORT_EXIT_FAILED;
    }

  upr_cli_import_print_table (path, table);
  print_list_kind (import);
  print_workshop (workshop);
  if (!upr_participant_import_check (import, &error))
    return refuse (import, error);
  print_columns (import);
  fflush (stdout);

  if (!run_import (import, dry_run, cancellable, &error))
    {
      upr_cli_import_print_issues (upr_participant_import_get_issues (import));
      upr_cli_import_print_error (error->message);
      return UPR_CLI_IMPORT_EXIT_FAILED;
    }
  upr_cli_import_print_issues (upr_participant_import_get_issues (import));
  print_summary (import, dry_run);
  return UPR_CLI_IMPORT_EXIT_OK;
}
