/* upr-import-layout.h: which field each column of an imported table holds, read from its
 * header (English and French names, the exports of UPR Info and OHCHR), and the layout those
 * headers make. Shared by upr-import.c and its tests; not for other callers. */
#pragma once

#include "upr-import.h"

G_BEGIN_DECLS

/* The field a header names, by meaning rather than position: exact names first, then the
 * words a name holds ("Position of the State under review" is the response). */
UprImportField  upr_import_layout_field_for_header (const char           *header);

/* The field of each of the @n_columns cells of @header into @fields; a field found twice is
 * kept for its first column only (UPR Info's two "Rgrp" and "Org" are both left out). */
void            upr_import_layout_map              (const char * const   *header,
                                                    guint                 n_columns,
                                                    UprImportField       *fields);
/* How well @fields describe recommendations: 0 without a text column, else the number of
 * columns placed. Picks the header row. */
guint           upr_import_layout_score            (const UprImportField *fields,
                                                    guint                 n_columns);
UprImportLayout upr_import_layout_identify         (const char * const   *header,
                                                    const UprImportField *fields,
                                                    guint                 n_columns,
                                                    UprTableFormat        format);

/* A key for the set of headers (folded, in order), under which a mapping is remembered. */
char           *upr_import_layout_header_key       (const char * const   *header,
                                                    guint                 n_columns);
/* A mapping as text (one field id per line) and back; FALSE when @text is not a mapping of
 * @n_columns columns. */
char           *upr_import_layout_serialise        (const UprImportField *fields,
                                                    guint                 n_columns);
gboolean        upr_import_layout_parse            (const char           *text,
                                                    UprImportField       *fields,
                                                    guint                 n_columns);

G_END_DECLS
