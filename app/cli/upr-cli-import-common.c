/* upr-cli-import-common.c: what `upright import` prints and runs alike for recommendations
 * (upr-cli-import.c) and participant lists (upr-cli-import-participants.c); see
 * upr-cli-import-private.h. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "upr-cli-import-private.h"
#include "upr-import.h"

typedef struct
{
  gpointer           import;
  UprCliImportStep   step;
  UprCliImportCancel cancel;
  GMainLoop         *loop;
  GCancellable      *cancellable;
  GError            *error;
} Run;

/* The report */

void
upr_cli_import_print_error (const char *message)
{
  g_printerr ("upright: %s\n", message);
}

static const char *
format_name (UprTableFormat format)
{
  switch (format)
    {
    case UPR_TABLE_FORMAT_CSV: return _("delimited text");
    case UPR_TABLE_FORMAT_XLS: return _("Excel 97–2003 workbook (.xls)");
    case UPR_TABLE_FORMAT_XLSX: return _("Excel workbook (.xlsx)");
    case UPR_TABLE_FORMAT_DOCX: return _("Word document (.docx)");
    case UPR_TABLE_FORMAT_UNKNOWN:
    default: return _("unknown");
    }
}

void
upr_cli_import_print_table (const char *path,
                            UprTable   *table)
{
  UprTableFormat format = upr_table_get_format (table);

  /* Translators: %s is a file path. */
  g_print (_("File: %s"), path);
  g_print ("\n");
  if (format == UPR_TABLE_FORMAT_CSV)
    /* Translators: the format of a file, then its character encoding. */
    g_print (_("Format: %s, %s%s"), format_name (format), upr_table_get_encoding (table),
             upr_table_get_encoding_certain (table) ? "" : _(" (guessed: use --encoding if the "
                                                             "accents look wrong)"));
  else
    g_print (_("Format: %s"), format_name (format));
  g_print ("\n");
}

static const char *
severity_label (UprImportSeverity severity)
{
  switch (severity)
    {
    case UPR_IMPORT_SEVERITY_WARNING: return _("warning");
    case UPR_IMPORT_SEVERITY_SKIPPED: return _("skipped");
    case UPR_IMPORT_SEVERITY_ERROR:
    default: return _("error");
    }
}

void
upr_cli_import_print_issue (const UprImportIssue *issue)
{
  g_autoptr(GString) where = g_string_new (NULL);

  if (issue->row > 0 && issue->column != NULL)
    /* Translators: a row number and a column name of the imported file. */
    g_string_printf (where, _("Row %u, column “%s”"), issue->row, issue->column);
  else if (issue->row > 0)
    g_string_printf (where, _("Row %u"), issue->row);
  else
    g_string_assign (where, _("File"));
  g_print ("  %s: %s: %s", severity_label (issue->severity), where->str, issue->message);
  if (issue->value != NULL)
    g_print (" (“%s”)", issue->value);
  g_print ("\n");
}

void
upr_cli_import_print_issues (GPtrArray *issues)
{
  if (issues->len == 0)
    return;
  g_print ("%s\n", _("Report:"));
  for (guint i = 0; i < issues->len; i++)
    upr_cli_import_print_issue (issues->pdata[i]);
}

void
upr_cli_import_print_count (const char *format,
                            guint       n)
{
  g_print ("  ");
  g_print (format, n);
  g_print ("\n");
}

void
upr_cli_import_print_heading (gboolean dry_run)
{
  g_print ("%s\n", dry_run ? _("Dry run: nothing was changed. The import would give:")
                           : _("Summary:"));
}

void
upr_cli_import_print_changes (guint n_updated,
                              guint n_unchanged,
                              guint n_skipped)
{
  guint n;

  n = n_updated;
  upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", n), n);
  n = n_unchanged;
  upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", n),
                              n);
  n = n_skipped;
  upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped", n), n);
}

void
upr_cli_import_print_warnings (guint n_warnings)
{
  guint n = n_warnings;

  if (n > 0)
    upr_cli_import_print_count (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n),
                                n);
}

/* Reading and running */

UprTable *
upr_cli_import_read_table (const char   *path,
                           const char   *encoding,
                           GCancellable *cancellable,
                           GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  UprTableOptions options = { encoding, 0 };

  return upr_table_read (file, &options, cancellable, error);
}

static gboolean
step_cb (gpointer user_data)
{
  Run *run = user_data;
  gboolean done = FALSE;

  if (g_cancellable_is_cancelled (run->cancellable))
    {
      run->cancel (run->import);
      g_set_error_literal (&run->error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The import was cancelled: nothing was changed."));
    }
  else if (run->step (run->import, &done, &run->error) && !done)
    return G_SOURCE_CONTINUE;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

gboolean
upr_cli_import_run_steps (gpointer            import,
                          UprCliImportStep    step,
                          UprCliImportCancel  cancel,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Run run = { import, step, cancel, loop, cancellable, NULL };

  g_idle_add (step_cb, &run);
  g_main_loop_run (loop);
  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      return FALSE;
    }
  return TRUE;
}
