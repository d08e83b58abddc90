/* upr-cli-import.h: `upright import FILE`, recommendations from a file on the command line.
 * upr-cli.c parses the global options and opens the store; this parses the command's own
 * options, runs the import (upr-import.h) and prints its report. */
#pragma once

#include "upr-store.h"

G_BEGIN_DECLS

typedef struct _UprCliImport UprCliImport;

/* The words after "import" (FILE and its options); NULL with a translated message in @error
 * for a usage error. */
UprCliImport *upr_cli_import_parse (char         **args,
                                    GError       **error);
/* Reads the file, imports it and prints the report; returns the exit status: 0 imported
 * (or, for a dry run, importable), 1 the file was refused or the import failed, 2 the
 * country or session must be given, or is unknown. */
int           upr_cli_import_run   (UprCliImport  *self,
                                    UprStore      *store);
void          upr_cli_import_free  (UprCliImport  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprCliImport, upr_cli_import_free)

G_END_DECLS
