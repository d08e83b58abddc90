/* upr-import-run.c: the run both importers share; see upr-import-run.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-import-run.h"
#include "upr-store-import.h"

void
upr_import_run_init (UprImportRun            *run,
                     const UprImportRunClass *klass,
                     GObject                 *importer,
                     GParamSpec              *progress_pspec,
                     UprStore                *store,
                     gpointer                 summary,
                     gsize                    summary_size,
                     guint                   *n_warnings)
{
  memset (run, 0, sizeof *run);
  run->klass = klass;
  run->importer = importer;
  run->progress_pspec = progress_pspec;
  run->store = g_object_ref (store);
  run->summary = summary;
  run->summary_size = summary_size;
  run->n_warnings = n_warnings;
  run->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) upr_import_issue_free);
}

void
upr_import_run_dispose (UprImportRun *run)
{
  /* An import dropped half-way leaves the database as it was. */
  upr_import_run_cancel (run);
  g_clear_object (&run->store);
}

void
upr_import_run_finalize (UprImportRun *run)
{
  g_clear_pointer (&run->header_key, g_free);
  g_clear_pointer (&run->issues, g_ptr_array_unref);
}

void
upr_import_run_add_issue (UprImportRun      *run,
                          GPtrArray         *issues,
                          UprImportSeverity  severity,
                          guint              line,
                          int                column,
                          const char        *value,
                          const char        *message)
{
  UprImportIssue *issue;

  if (issues == NULL)
    return;
  issue = g_new0 (UprImportIssue, 1);
  issue->severity = severity;
  issue->row = line;
  issue->column = g_strdup (run->klass->column_name (run->importer, column));
  issue->value = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
  issue->message = g_strdup (message);
  g_ptr_array_add (issues, issue);
  if (issues == run->issues && severity == UPR_IMPORT_SEVERITY_WARNING)
    (*run->n_warnings)++;
}

static void
set_progress (UprImportRun *run,
              double        progress)
{
  if (progress == run->progress)
    return;
  run->progress = progress;
  g_object_notify_by_pspec (run->importer, run->progress_pspec);
}

static void
end_run (UprImportRun *run)
{
  run->running = FALSE;
  run->klass->end (run->importer);
}

/* Rolls back after a failure, keeping the failure in the report. */
static gboolean
fail_run (UprImportRun *run,
          GError      **error,
          GError       *cause)
{
  upr_store_rollback (run->store);
  end_run (run);
  upr_import_run_add_issue (run, run->issues, UPR_IMPORT_SEVERITY_ERROR, 0, -1, NULL,
                            cause->message);
  g_set_error (error, run->klass->error_quark (), run->klass->error_failed,
               _("The import failed and changed nothing: %s"), cause->message);
  g_error_free (cause);
  return FALSE;
}

gboolean
upr_import_run_start (UprImportRun *run,
                      gboolean      dry_run,
                      GError      **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (!run->running, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (run->issues, 0);
  memset (run->summary, 0, run->summary_size);
  set_progress (run, 0.0);
  if (!run->klass->check (run->importer, error) || !upr_store_begin (run->store, error))
    return FALSE;
  run->running = TRUE;
  run->dry_run = dry_run;
  if (!run->klass->begin (run->importer, &local_error))
    return fail_run (run, error, local_error);
  return TRUE;
}

gboolean
upr_import_run_step (UprImportRun *run,
                     guint         n,
                     gboolean     *finished,
                     GError      **error)
{
  GError *local_error = NULL;
  double progress = 0.0;

  g_return_val_if_fail (run->running, FALSE);
  g_return_val_if_fail (finished != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!run->klass->step (run->importer, n, finished, &progress, &local_error))
    return fail_run (run, error, local_error);
  set_progress (run, progress);
  return TRUE;
}

gboolean
upr_import_run_finish (UprImportRun *run,
                       GError      **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (run->running, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (run->klass->flush != NULL && !run->klass->flush (run->importer, &local_error))
    return fail_run (run, error, local_error);
  if (run->dry_run)
    {
      upr_store_rollback (run->store);
      end_run (run);
      return TRUE;
    }
  if (run->mapping_edited)
    {
      g_autofree char *mapping = run->klass->mapping (run->importer);

      if (!upr_store_set_import_mapping (run->store, run->header_key, mapping, &local_error))
        return fail_run (run, error, local_error);
    }
  if (!upr_store_commit (run->store, &local_error))
    return fail_run (run, error, local_error);
  run->mapping_edited = FALSE;
  end_run (run);
  return TRUE;
}

void
upr_import_run_cancel (UprImportRun *run)
{
  if (!run->running)
    return;
  upr_store_rollback (run->store);
  end_run (run);
}

gboolean
upr_import_run_run (UprImportRun *run,
                    gboolean      dry_run,
                    GCancellable *cancellable,
                    GError      **error)
{
  gboolean finished = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!upr_import_run_start (run, dry_run, error))
    return FALSE;
  while (!finished)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          upr_import_run_cancel (run);
          g_set_error_literal (error, run->klass->error_quark (),
                               run->klass->error_cancelled,
                               _("The import was cancelled: nothing was changed."));
          return FALSE;
        }
      if (!upr_import_run_step (run, run->klass->run_step, &finished, error))
        return FALSE;
    }
  return upr_import_run_finish (run, error);
}

char *
upr_import_run_quoted_list (char **names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    /* Translators: a column name in a list of them, as in “Text”, “Country”. */
    g_string_append_printf (out, i > 0 ? _(", “%s”") : _("“%s”"), names[i]);
  return g_string_free (out, FALSE);
}
