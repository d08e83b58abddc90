/* upr-cli-import-private.h: what `upright import` shares between its two sides, the
 * recommendations (upr-cli-import.c) and a workshop's participant list
 * (upr-cli-import-participants.c): the exit statuses, reading the file, and the parts of the
 * report both print alike. */
#pragma once

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

void      upr_cli_import_print_error  (const char   *message);
/* "File: …" and "Format: …" (with the encoding of a text file). */
void      upr_cli_import_print_table  (const char   *path,
                                       UprTable     *table);
/* "Report:" and one line per issue (GPtrArray of UprImportIssue); nothing when empty. */
void      upr_cli_import_print_issues (GPtrArray    *issues);
/* An indented line of a summary; @format holds one %u. */
void      upr_cli_import_print_count  (const char   *format,
                                       guint         n);
UprTable *upr_cli_import_read_table   (const char   *path,
                                       const char   *encoding,
                                       GCancellable *cancellable,
                                       GError      **error);

/* Imports the participant list @path into @workshop (an id, or the title of one workshop)
 * and prints the report; returns the exit status: 0 imported (or, for a dry run,
 * importable), 1 the file was refused or the import failed or was cancelled, 2 the
 * workshop is unknown or ambiguous. */
int       upr_cli_import_participants (UprStore     *store,
                                       const char   *path,
                                       const char   *encoding,
                                       const char   *workshop,
                                       gboolean      dry_run,
                                       GCancellable *cancellable);

G_END_DECLS
