/* upr-cli-export.h: `upright export`, the workbook for headquarters from the command line.
 * upr-cli.c parses the global options and opens the store; this parses the command's own
 * options and writes the workbook. */
#pragma once

#include "upr-store.h"

G_BEGIN_DECLS

typedef struct _UprCliExport UprCliExport;

/* The words after "export" (its options); NULL with a translated message in @error for a
 * usage error. */
UprCliExport *upr_cli_export_parse (char          **args,
                                    GError        **error);
/* Writes the workbook; returns the exit status: 0 written, 1 could not be written, 2 an
 * unknown country or workshop. */
int           upr_cli_export_run   (UprCliExport   *self,
                                    UprStore       *store);
void          upr_cli_export_free  (UprCliExport   *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprCliExport, upr_cli_export_free)

G_END_DECLS
