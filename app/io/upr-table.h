/* upr-table.h: the rows of a file people really have (DESIGN.md §4), whatever its format:
 * CSV or tab-separated text in any common encoding, legacy .xls (libfreexl), .xlsx and the
 * tables of a .docx (minizip + libxml2's streaming reader). Importers see only this: sheets
 * of rows of UTF-8 cells. The format is detected from the content, never from the name.
 *
 * A table is read whole into memory (a UPR file has at most tens of thousands of rows) so
 * that the import assistant can preview it, re-read it with another encoding, and import
 * it in one transaction. No GTK here. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UPR_TABLE_ERROR (upr_table_error_quark ())

/* Every error has a translated message that names the problem and, where there is one,
 * the row (1-based, as a spreadsheet shows it) and column. upr_table_read() may also fail
 * with a G_IO_ERROR when the file cannot be opened. */
typedef enum
{
  UPR_TABLE_ERROR_EMPTY,          /* no bytes, a byte order mark only, or no rows at all */
  UPR_TABLE_ERROR_NOT_A_TABLE,    /* binary, an unknown zip, an image…: not a format we read */
  UPR_TABLE_ERROR_NO_TABLE,       /* a .docx without a table, a workbook without a sheet */
  UPR_TABLE_ERROR_DAMAGED,        /* truncated or corrupt container or XML */
  UPR_TABLE_ERROR_ENCODING,       /* bytes invalid in the encoding given or detected */
  UPR_TABLE_ERROR_SYNTAX,         /* unterminated quote, embedded NUL, ragged row */
  UPR_TABLE_ERROR_TOO_LARGE,      /* a cell over UPR_TABLE_MAX_CELL, too many rows or columns */
  UPR_TABLE_ERROR_CANCELLED,
} UprTableError;

/* Excel's limit for one cell: no real recommendation comes near it, and the workbook export
 * could not write a longer one back. */
#define UPR_TABLE_MAX_CELL 32767

typedef enum
{
  UPR_TABLE_FORMAT_UNKNOWN,
  UPR_TABLE_FORMAT_CSV,  /* any delimited text: comma, semicolon, tab */
  UPR_TABLE_FORMAT_XLS,  /* legacy BIFF workbook */
  UPR_TABLE_FORMAT_XLSX,
  UPR_TABLE_FORMAT_DOCX, /* each table of the document is a sheet */
} UprTableFormat;

/* How to read a delimited text file. Zero/NULL members mean "detect". */
typedef struct
{
  /* iconv name: "UTF-8", "UTF-16LE", "UTF-16" (byte order from the BOM, else little-endian),
   * "WINDOWS-1252", "WINDOWS-1251", "MACINTOSH" (Mac OS Roman)… */
  const char *encoding;
  char        separator; /* ',', ';', '\t' */
} UprTableOptions;

#define UPR_TYPE_TABLE (upr_table_get_type ())
G_DECLARE_FINAL_TYPE (UprTable, upr_table, UPR, TABLE, GObject)

GQuark         upr_table_error_quark   (void);

/* Detected from the first bytes of a file (at least 8; 512 is plenty), except that telling
 * an .xlsx from a .docx needs the whole file when the names of its first parts do not tell
 * (a zip lists its parts at the end): then UNKNOWN. Reading always looks at the whole. */
UprTableFormat upr_table_sniff_format  (const guint8 *head,
                                        gsize         length);

/* Reads @file. @options may be NULL (detect everything); they matter for text files only. */
UprTable      *upr_table_read          (GFile                 *file,
                                        const UprTableOptions *options,
                                        GCancellable          *cancellable,
                                        GError               **error);
/* The same from bytes in memory (the fuzzers and tests use it); @name is for messages. */
UprTable      *upr_table_read_bytes    (GBytes                *bytes,
                                        const char            *name,
                                        const UprTableOptions *options,
                                        GCancellable          *cancellable,
                                        GError               **error);

UprTableFormat upr_table_get_format    (UprTable   *self);
/* For text files: the encoding used, and whether detection was sure of it (a BOM, the NULs
 * of UTF-16, valid UTF-8 with non-ASCII text, pure ASCII, or the encoding the options
 * named). When it was not (a guessed code page: Windows-1252, Windows-1251 or Mac OS
 * Roman), the assistant lets the user choose, with a preview. Workbooks are always sure. */
const char    *upr_table_get_encoding  (UprTable   *self);
gboolean       upr_table_get_encoding_certain (UprTable *self);
/* For text files: the separator used (',', ';' or '\t', or what an Excel "sep=" first line
 * names). 0 for workbooks. */
char           upr_table_get_separator (UprTable   *self);

guint          upr_table_get_n_sheets  (UprTable   *self);
/* The sheet's name in a workbook; "Table 1", "Table 2"… (translated) for a .docx; the file's
 * base name for text. */
const char    *upr_table_get_sheet_name (UprTable  *self,
                                         guint      sheet);
guint          upr_table_get_n_rows    (UprTable   *self,
                                        guint      sheet);
/* The widest row of the sheet. */
guint          upr_table_get_n_columns (UprTable   *self,
                                        guint      sheet);
/* Row @row (0-based) of @sheet: a NULL-terminated array of its cells, in valid UTF-8 (NFC
 * not applied: normalisation is the importer's), never NULL cells ("" for empty ones), as
 * many as the row has (trailing empty cells may be missing). Empty rows are kept, so that
 * row numbers match the file (a workbook's empty rows after its last data are not rows);
 * the text reader's quoted newlines stay inside their cell, as "\n".
 * Numbers read from workbooks are written as people see them ("5", "12.5", not "5.0");
 * cells formatted as dates become "YYYY-MM-DD". */
const char * const *upr_table_get_row  (UprTable   *self,
                                        guint      sheet,
                                        guint      row);
/* The 1-based line (text) or row (workbook) of the file where row @row starts, for
 * messages: a quoted newline makes lines and rows differ. */
guint          upr_table_get_source_line (UprTable *self,
                                          guint     sheet,
                                          guint     row);

G_END_DECLS
