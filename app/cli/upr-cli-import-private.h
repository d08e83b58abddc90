/* upr-cli-import-private.h: what `upright import` shares between its two sides, the
 * recommendations (upr-cli-import.c) and a workshop's participant list
 * (upr-cli-import-participants.c): the exit statuses, reading the file, the run in steps and
 * the parts of the report both print alike (upr-cli-import-common.c). */
#pragma once

#include "upr-import.h"
#include "upr-store.h"
#include "upr-table.h"

G_BEGIN_DECLS

enum
{
  UPR_CLI_IMPORT_EXIT_OK = 0,
  UPR_CLI_IMPORT_EXIT_FAILED = 1,
  UPR_CLI_IMPORT_EXIT_USAGE = 2,
};

/* Rows or people per step: small enough that Ctrl+C answers at once, large enough to cost
 * nothing. */
#define UPR_CLI_IMPORT_STEP 500

void      upr_cli_import_print_error    (const char           *message);
/* "File: …" and "Format: …" (with the encoding of a text file). */
void      upr_cli_import_print_table    (const char           *path,
                                         UprTable             *table);
/* One line of the report: severity, row and column, message and value. */
void      upr_cli_import_print_issue    (const UprImportIssue *issue);
/* "Report:" and one line per issue (GPtrArray of UprImportIssue); nothing when empty. */
void      upr_cli_import_print_issues   (GPtrArray            *issues);
/* An indented line of a summary; @format holds one %u. */
void      upr_cli_import_print_count    (const char           *format,
                                         guint                 n);
/* The summary's first line: "Summary:", or for a dry run what the import would give. */
void      upr_cli_import_print_heading  (gboolean              dry_run);
/* "N updated", "N unchanged", "N skipped" of the summary. */
void      upr_cli_import_print_changes  (guint                 n_updated,
                                         guint                 n_unchanged,
                                         guint                 n_skipped);
/* "N warnings" of the summary, when there are any. */
void      upr_cli_import_print_warnings (guint                 n_warnings);
UprTable *upr_cli_import_read_table     (const char           *path,
                                         const char           *encoding,
                                         GCancellable         *cancellable,
                                         GError              **error);

/* One step of a started import (UPR_CLI_IMPORT_STEP rows or people), and its finish after
 * the last: sets @done then. */
typedef gboolean (*UprCliImportStep)   (gpointer   import,
                                        gboolean  *done,
                                        GError   **error);
typedef void     (*UprCliImportCancel) (gpointer   import);

/* Steps the started @import from a main loop until it is done, failed, or @cancellable is
 * cancelled (then @cancel rolls it back and the error is G_IO_ERROR_CANCELLED). */
gboolean  upr_cli_import_run_steps      (gpointer              import,
                                         UprCliImportStep      step,
                                         UprCliImportCancel    cancel,
                                         GCancellable         *cancellable,
                                         GError              **error);

/* Imports the participant list @path into @workshop (an id, or the title of one workshop)
 * and prints the report; returns the exit status: 0 imported (or, for a dry run,
 * importable), 1 the file was refused or the import failed or was cancelled, 2 the
 * workshop is unknown or ambiguous. */
int       upr_cli_import_participants   (UprStore             *store,
                                         const char           *path,
                                         const char           *encoding,
                                         const char           *workshop,
                                         gboolean              dry_run,
                                         GCancellable         *cancellable);

G_END_DECLS
