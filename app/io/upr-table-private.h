/* upr-table-private.h: what the format readers (upr-table-{text,xls,xlsx,docx}.c) share with
 * upr-table.c: a table under construction, filled row by row and cell by cell, and the
 * checks every reader needs (cell size, cancellation). Not for importers: they see only
 * upr-table.h. */
#pragma once

#include "upr-table.h"
#include "upr-zip.h"

G_BEGIN_DECLS

/* Limits that keep a hostile file from exhausting memory; each well above any real UPR
 * file (tens of thousands of rows, a few dozen columns). Rows and columns are Excel's. */
#define UPR_TABLE_MAX_FILE_SIZE (256 * 1024 * 1024)
#define UPR_TABLE_MAX_ROWS      1048576
#define UPR_TABLE_MAX_COLUMNS   16384
#define UPR_TABLE_MAX_CELLS     (16 * 1024 * 1024)
/* How often long loops look at the cancellable. */
#define UPR_TABLE_CANCEL_EVERY  4096

typedef struct _UprTableSheet UprTableSheet;

UprTable      *upr_table_new              (UprTableFormat format);
void           upr_table_set_text_info    (UprTable      *self,
                                           const char    *encoding,
                                           gboolean       certain,
                                           char           separator);
/* Keeps @buffer (g_free()d with the table): cells may point into it. */
void           upr_table_take_buffer      (UprTable      *self,
                                           char          *buffer);
UprTableSheet *upr_table_add_sheet        (UprTable      *self,
                                           const char    *name);
/* Keeps @text (@length bytes, or -1 for NUL-terminated) in the table's own storage. */
const char    *upr_table_intern           (UprTable      *self,
                                           const char    *text,
                                           gssize         length);

/* A row is begun, given its cells in order, then ended; ending it drops trailing empty
 * cells. @source_line is what upr_table_get_source_line() reports. */
gboolean       upr_table_sheet_begin_row  (UprTable      *self,
                                           UprTableSheet *sheet,
                                           guint          source_line,
                                           GError       **error);
/* Copies @text (valid UTF-8 of @length bytes, -1 for NUL-terminated). Fails with
 * TOO_LARGE when it is longer than UPR_TABLE_MAX_CELL characters or the row or table
 * grows past its limits, naming the cell. */
gboolean       upr_table_sheet_add_cell   (UprTable      *self,
                                           UprTableSheet *sheet,
                                           const char    *text,
                                           gssize         length,
                                           GError       **error);
/* The same for text already checked and kept by upr_table_intern(): no copy. */
gboolean       upr_table_sheet_add_interned (UprTable      *self,
                                             UprTableSheet *sheet,
                                             const char    *interned,
                                             GError       **error);
void           upr_table_sheet_end_row    (UprTable      *self,
                                           UprTableSheet *sheet);
/* Drops the empty rows at the end of @sheet: workbooks often carry formatted, empty rows
 * past their data. */
void           upr_table_sheet_trim_empty_rows (UprTable      *self,
                                                UprTableSheet *sheet);
guint          upr_table_sheet_get_n_rows (UprTableSheet *sheet);

/* Where a cell is, for messages: "Row 5, column 3" (text, with the line when it differs),
 * "Sheet “Data”, cell C5" (workbooks), "Table 2, row 5, column 3" (documents). @row and
 * @column are 0-based; @line is the 1-based source line. */
char          *upr_table_describe_cell    (UprTable      *self,
                                           const char    *sheet_name,
                                           guint          sheet,
                                           guint          row,
                                           guint          line,
                                           guint          column);
/* The same for a whole row: "Row 5", "Sheet “Data”, row 5", "Table 2, row 5". */
char          *upr_table_describe_row     (UprTable      *self,
                                           const char    *sheet_name,
                                           guint          sheet,
                                           guint          row,
                                           guint          line);

/* TRUE when the character count of @text exceeds UPR_TABLE_MAX_CELL (cheap for short text). */
gboolean       upr_table_text_too_long    (const char    *text,
                                           gsize          length,
                                           gsize         *n_chars);
gboolean       upr_table_check_cancelled  (GCancellable  *cancellable,
                                           GError       **error);
/* A number as a spreadsheet's General format shows it: "5", "12.5", "0.3". */
void           upr_table_format_number    (double         value,
                                           char          *buffer,
                                           gsize          size);

/* Whether the start of a file is binary rather than text in some encoding (upr-table-text.c). */
gboolean       upr_table_text_looks_binary (const guint8 *head,
                                            gsize         length);

/* The readers. Each fills @self (created with its format) or fails. */
gboolean       upr_table_read_text        (UprTable              *self,
                                           const guint8          *data,
                                           gsize                  length,
                                           const char            *name,
                                           const UprTableOptions *options,
                                           GCancellable          *cancellable,
                                           GError               **error);
/* @temporary: unlink @path as soon as libfreexl is done with it. */
gboolean       upr_table_read_xls         (UprTable              *self,
                                           const char            *path,
                                           gboolean               temporary,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean       upr_table_read_xlsx        (UprTable              *self,
                                           UprZip                *zip,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean       upr_table_read_docx        (UprTable              *self,
                                           UprZip                *zip,
                                           GCancellable          *cancellable,
                                           GError               **error);

G_END_DECLS
