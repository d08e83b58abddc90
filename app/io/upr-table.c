/* upr-table.c: a table read from a file (upr-table.h): the object importers see, the
 * builder the format readers fill (upr-table-private.h), and the choice of reader by the
 * file's content.
 *
 * Cells are kept in one GStringChunk per table and each sheet's rows in one pointer array
 * (each row NULL-terminated, so a row is a slice of it): a 40,000-row file is a few large
 * allocations instead of a million small ones, and reading stays a small part of an
 * import. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "upr-table.h"
#include "upr-table-private.h"
#include "upr-zip.h"

typedef struct
{
  guint start; /* index in UprTableSheet.cells of the row's first cell */
  guint line;
} RowInfo;

struct _UprTableSheet
{
  char      *name;
  GPtrArray *cells; /* every row's cells, each row ended by NULL */
  GArray    *rows;  /* RowInfo */
  guint      n_columns;
  gboolean   row_open;
};

struct _UprTable
{
  GObject        parent_instance;

  UprTableFormat format;
  char          *encoding;
  gboolean       encoding_certain;
  char           separator;

  GPtrArray     *sheets;  /* UprTableSheet */
  GStringChunk  *strings; /* every cell's text, but for the text reader's */
  char          *buffer;  /* the text reader's decoded text, its cells in place */
  gsize          n_cells; /* for UPR_TABLE_MAX_CELLS */
};

G_DEFINE_FINAL_TYPE (UprTable, upr_table, G_TYPE_OBJECT)

/* The empty cell, shared: most sparse rows are mostly empty. */
static const char empty_cell[] = "";

typedef struct
{
  const char *magic;
  gsize       length;
  const char *message;
} BinaryKind;

/* Files people mistake for tables, named so the message can say what they picked. */
static const BinaryKind binary_kinds[] = {
  { "\x89PNG\r\n\x1a\n", 8, N_("This file is a PNG image, not a table.") },
  { "\xff\xd8\xff", 3, N_("This file is a JPEG image, not a table.") },
  { "GIF8", 4, N_("This file is a GIF image, not a table.") },
  { "%PDF-", 5, N_("This file is a PDF document, not a table. Ask for the spreadsheet or "
                   "Word version of it.") },
  { "{\\rtf", 5, N_("This file is an RTF document. Save it as a Word document (.docx) and "
                    "import that.") },
  { "\x1f\x8b", 2, N_("This file is compressed (gzip). Unpack it first.") },
  { "7z\xbc\xaf\x27\x1c", 6, N_("This file is a 7-Zip archive. Unpack it first.") },
  { "Rar!\x1a\x07", 6, N_("This file is a RAR archive. Unpack it first.") },
  { "SQLite format 3", 16, N_("This file is a database, not a table.") },
};

static const guint8 zip_magic[] = { 'P', 'K', 0x03, 0x04 };
static const guint8 empty_zip_magic[] = { 'P', 'K', 0x05, 0x06 };
static const guint8 ole2_magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

G_DEFINE_QUARK (upr-table-error-quark, upr_table_error)

static void
sheet_free (UprTableSheet *sheet)
{
  g_free (sheet->name);
  g_ptr_array_unref (sheet->cells);
  g_array_unref (sheet->rows);
  g_free (sheet);
}

static UprTableSheet *
get_sheet (UprTable *self,
           guint     sheet)
{
  g_return_val_if_fail (UPR_IS_TABLE (self), NULL);
  g_return_val_if_fail (sheet < self->sheets->len, NULL);

  return g_ptr_array_index (self->sheets, sheet);
}

static gboolean
has_prefix (const guint8 *data,
            gsize         length,
            const void   *prefix,
            gsize         prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

static const BinaryKind *
find_binary_kind (const guint8 *head,
                  gsize         length)
{
  for (guint i = 0; i < G_N_ELEMENTS (binary_kinds); i++)
    if (has_prefix (head, length, binary_kinds[i].magic, binary_kinds[i].length))
      return &binary_kinds[i];
  return NULL;
}

/* Part names in the local headers at the start of a zip: enough when the workbook or
 * document part comes early, as it does in files from LibreOffice and most libraries
 * (Excel and Word put two small parts first). */
static UprTableFormat
sniff_zip_head (const guint8 *head,
                gsize         length)
{
  gsize offset = 0;

  while (offset + 30 <= length && memcmp (head + offset, zip_magic, 4) == 0)
    {
      guint flags = head[offset + 6] | head[offset + 7] << 8;
      guint64 compressed = (guint64) head[offset + 18] | (guint64) head[offset + 19] << 8
                           | (guint64) head[offset + 20] << 16 | (guint64) head[offset + 21] << 24;
      gsize name_length = head[offset + 26] | head[offset + 27] << 8;
      gsize extra_length = head[offset + 28] | head[offset + 29] << 8;
      const char *name = (const char *) head + offset + 30;

      if (offset + 30 + name_length > length)
        break;
      if (name_length >= 3 && g_ascii_strncasecmp (name, "xl/", 3) == 0)
        return UPR_TABLE_FORMAT_XLSX;
      if (name_length >= 5 && g_ascii_strncasecmp (name, "word/", 5) == 0)
        return UPR_TABLE_FORMAT_DOCX;
      /* With a data descriptor the size comes after the data: the next header is lost. */
      if ((flags & 0x08) != 0)
        break;
      offset += 30 + name_length + extra_length + compressed;
    }
  return UPR_TABLE_FORMAT_UNKNOWN;
}

static void
upr_table_finalize (GObject *object)
{
  UprTable *self = UPR_TABLE (object);

  g_free (self->encoding);
  g_ptr_array_unref (self->sheets);
  g_string_chunk_free (self->strings);
  g_free (self->buffer);

  G_OBJECT_CLASS (upr_table_parent_class)->finalize (object);
}

static void
upr_table_class_init (UprTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = upr_table_finalize;
}

static void
upr_table_init (UprTable *self)
{
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->encoding_certain = TRUE;
}

/* Builder (upr-table-private.h) */

UprTable *
upr_table_new (UprTableFormat format)
{
  UprTable *self = g_object_new (UPR_TYPE_TABLE, NULL);

  self->format = format;
  return self;
}

void
upr_table_set_text_info (UprTable   *self,
                         const char *encoding,
                         gboolean    certain,
                         char        separator)
{
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
  self->encoding_certain = certain;
  self->separator = separator;
}

void
upr_table_take_buffer (UprTable *self,
                       char     *buffer)
{
  g_free (self->buffer);
  self->buffer = buffer;
}

UprTableSheet *
upr_table_add_sheet (UprTable   *self,
                     const char *name)
{
  UprTableSheet *sheet = g_new0 (UprTableSheet, 1);

  sheet->name = g_strdup (name != NULL ? name : "");
  sheet->cells = g_ptr_array_new ();
  sheet->rows = g_array_new (FALSE, FALSE, sizeof (RowInfo));
  g_ptr_array_add (self->sheets, sheet);
  return sheet;
}

const char *
upr_table_intern (UprTable   *self,
                  const char *text,
                  gssize      length)
{
  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return empty_cell;
  return g_string_chunk_insert_len (self->strings, text, length);
}

static guint
sheet_index (UprTable      *self,
             UprTableSheet *sheet)
{
  guint index = 0;

  g_ptr_array_find (self->sheets, sheet, &index);
  return index;
}

static gboolean
count_cell (UprTable      *self,
            UprTableSheet *sheet,
            GError       **error)
{
  RowInfo *row = &g_array_index (sheet->rows, RowInfo, sheet->rows->len - 1);
  guint column = sheet->cells->len - row->start;

  if (column >= UPR_TABLE_MAX_COLUMNS)
    {
      g_autofree char *where = upr_table_describe_row (self, sheet->name,
                                                       sheet_index (self, sheet),
                                                       sheet->rows->len - 1, row->line);

      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                   _("%s has more than %u columns."), where, UPR_TABLE_MAX_COLUMNS);
      return FALSE;
    }
  if (++self->n_cells > UPR_TABLE_MAX_CELLS)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                   _("This file has more than %u cells; Upright does not read files that "
                     "large."), UPR_TABLE_MAX_CELLS);
      return FALSE;
    }
  return TRUE;
}

gboolean
upr_table_sheet_begin_row (UprTable      *self,
                           UprTableSheet *sheet,
                           guint          source_line,
                           GError       **error)
{
  RowInfo row = { sheet->cells->len, source_line };

  g_assert (!sheet->row_open);

  if (sheet->rows->len >= UPR_TABLE_MAX_ROWS)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                   _("This file has more than %u rows; Upright does not read files that "
                     "large."), UPR_TABLE_MAX_ROWS);
      return FALSE;
    }
  /* The row's NULL terminator counts as a cell, so empty rows are bounded too. */
  if (++self->n_cells > UPR_TABLE_MAX_CELLS)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                   _("This file has more than %u cells; Upright does not read files that "
                     "large."), UPR_TABLE_MAX_CELLS);
      return FALSE;
    }
  g_array_append_val (sheet->rows, row);
  sheet->row_open = TRUE;
  return TRUE;
}

gboolean
upr_table_text_too_long (const char *text,
                         gsize       length,
                         gsize      *n_chars)
{
  /* A character is at least one byte: only long text needs counting. */
  *n_chars = length <= UPR_TABLE_MAX_CELL ? length : (gsize) g_utf8_strlen (text, length);
  return *n_chars > UPR_TABLE_MAX_CELL;
}

gboolean
upr_table_sheet_add_interned (UprTable      *self,
                              UprTableSheet *sheet,
                              const char    *interned,
                              GError       **error)
{
  g_assert (sheet->row_open);

  if (!count_cell (self, sheet, error))
    return FALSE;
  g_ptr_array_add (sheet->cells, (gpointer) interned);
  return TRUE;
}

gboolean
upr_table_sheet_add_cell (UprTable      *self,
                          UprTableSheet *sheet,
                          const char    *text,
                          gssize         length,
                          GError       **error)
{
  gsize n_chars;

  if (length < 0)
    length = strlen (text);
  if (upr_table_text_too_long (text, length, &n_chars))
    {
      RowInfo *row = &g_array_index (sheet->rows, RowInfo, sheet->rows->len - 1);
      g_autofree char *where = upr_table_describe_cell (self, sheet->name,
                                                        sheet_index (self, sheet),
                                                        sheet->rows->len - 1, row->line,
                                                        sheet->cells->len - row->start);

      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                   _("%s: the cell has %u characters; a cell can hold at most %u."), where,
                   (guint) MIN (n_chars, G_MAXUINT), UPR_TABLE_MAX_CELL);
      return FALSE;
    }
  return upr_table_sheet_add_interned (self, sheet, upr_table_intern (self, text, length),
                                       error);
}

void
upr_table_sheet_end_row (UprTable      *self,
                         UprTableSheet *sheet)
{
  RowInfo *row = &g_array_index (sheet->rows, RowInfo, sheet->rows->len - 1);

  g_assert (sheet->row_open);

  /* Trailing empty cells carry nothing and would make every row as wide as the widest
   * stray separator. */
  while (sheet->cells->len > row->start
         && *(const char *) g_ptr_array_index (sheet->cells, sheet->cells->len - 1) == '\0')
    {
      g_ptr_array_set_size (sheet->cells, sheet->cells->len - 1);
      self->n_cells--;
    }
  sheet->n_columns = MAX (sheet->n_columns, sheet->cells->len - row->start);
  g_ptr_array_add (sheet->cells, NULL);
  sheet->row_open = FALSE;
}

void
upr_table_sheet_trim_empty_rows (UprTable      *self,
                                 UprTableSheet *sheet)
{
  g_assert (!sheet->row_open);

  /* An empty row holds only its NULL. */
  while (sheet->rows->len > 0
         && g_array_index (sheet->rows, RowInfo, sheet->rows->len - 1).start
            == sheet->cells->len - 1)
    {
      g_array_set_size (sheet->rows, sheet->rows->len - 1);
      g_ptr_array_set_size (sheet->cells, sheet->cells->len - 1);
      self->n_cells--;
    }
}

guint
upr_table_sheet_get_n_rows (UprTableSheet *sheet)
{
  return sheet->rows->len;
}

/* "A", "Z", "AA", … as a spreadsheet names column @column (0-based). */
static void
column_letters (guint column,
                char  buffer[8])
{
  char reversed[8];
  guint n = 0;

  column++;
  while (column > 0 && n < sizeof reversed - 1)
    {
      reversed[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  for (guint i = 0; i < n; i++)
    buffer[i] = reversed[n - 1 - i];
  buffer[n] = '\0';
}

char *
upr_table_describe_cell (UprTable   *self,
                         const char *sheet_name,
                         guint       sheet,
                         guint       row,
                         guint       line,
                         guint       column)
{
  char letters[8];

  switch (self->format)
    {
    case UPR_TABLE_FORMAT_XLS:
    case UPR_TABLE_FORMAT_XLSX:
      column_letters (column, letters);
      /* Translators: a cell of a workbook, e.g. Sheet “Data”, cell C5 */
      return g_strdup_printf (_("Sheet “%s”, cell %s%u"), sheet_name, letters, row + 1);
    case UPR_TABLE_FORMAT_DOCX:
      return g_strdup_printf (_("Table %u, row %u, column %u"), sheet + 1, row + 1, column + 1);
    case UPR_TABLE_FORMAT_CSV:
    case UPR_TABLE_FORMAT_UNKNOWN:
    default:
      if (line == row + 1)
        return g_strdup_printf (_("Row %u, column %u"), row + 1, column + 1);
      /* Translators: a quoted line break or a sep= line makes rows and lines differ */
      return g_strdup_printf (_("Row %u (line %u), column %u"), row + 1, line, column + 1);
    }
}

char *
upr_table_describe_row (UprTable   *self,
                        const char *sheet_name,
                        guint       sheet,
                        guint       row,
                        guint       line)
{
  switch (self->format)
    {
    case UPR_TABLE_FORMAT_XLS:
    case UPR_TABLE_FORMAT_XLSX:
      return g_strdup_printf (_("Sheet “%s”, row %u"), sheet_name, row + 1);
    case UPR_TABLE_FORMAT_DOCX:
      return g_strdup_printf (_("Table %u, row %u"), sheet + 1, row + 1);
    case UPR_TABLE_FORMAT_CSV:
    case UPR_TABLE_FORMAT_UNKNOWN:
    default:
      if (line == row + 1)
        return g_strdup_printf (_("Row %u"), row + 1);
      return g_strdup_printf (_("Row %u (line %u)"), row + 1, line);
    }
}

gboolean
upr_table_check_cancelled (GCancellable *cancellable,
                           GError      **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return TRUE;
  g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_CANCELLED,
                       _("Reading the file was cancelled."));
  return FALSE;
}

void
upr_table_format_number (double value,
                         char  *buffer,
                         gsize  size)
{
  /* Excel keeps 15 significant digits and shows no more: 0.1 + 0.2 is "0.3" there too. */
  if (value == 0.0)
    value = 0.0; /* not "-0" */
  g_ascii_formatd (buffer, size, "%.15g", value);
  /* "1E+20", as Excel writes it. */
  for (char *p = buffer; *p != '\0'; p++)
    if (*p == 'e')
      *p = 'E';
}

/* Reading */

static gboolean
read_zip (UprTable    **table,
          GBytes       *bytes,
          GCancellable *cancellable,
          GError      **error)
{
  g_autoptr (UprZip) zip = upr_zip_open (bytes, error);
  g_autoptr (GBytes) mimetype = NULL;
  const char *kind = "";

  if (zip == NULL)
    return FALSE;
  if (upr_zip_has_entry (zip, "xl/workbook.xml"))
    {
      *table = upr_table_new (UPR_TABLE_FORMAT_XLSX);
      return upr_table_read_xlsx (*table, zip, cancellable, error);
    }
  if (upr_zip_has_entry (zip, "word/document.xml"))
    {
      *table = upr_table_new (UPR_TABLE_FORMAT_DOCX);
      return upr_table_read_docx (*table, zip, cancellable, error);
    }

  mimetype = upr_zip_read_small (zip, "mimetype", 128);
  if (mimetype != NULL)
    kind = g_bytes_get_data (mimetype, NULL);
  if (mimetype != NULL && g_bytes_get_size (mimetype) > 0
      && strncmp (kind, "application/vnd.oasis.opendocument.spreadsheet",
                  g_bytes_get_size (mimetype)) == 0)
    g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_NOT_A_TABLE,
                         _("This file is an OpenDocument spreadsheet. Save it as an Excel "
                           "workbook (.xlsx) or CSV and import that."));
  else if (mimetype != NULL && g_bytes_get_size (mimetype) > 0
           && strncmp (kind, "application/vnd.oasis.opendocument.text",
                       g_bytes_get_size (mimetype)) == 0)
    g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_NOT_A_TABLE,
                         _("This file is an OpenDocument text. Save it as a Word document "
                           "(.docx) and import that."));
  else
    g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_NOT_A_TABLE,
                         _("This file is a zip archive but not an Excel workbook or Word "
                           "document."));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* libfreexl opens only a path, so bytes in memory go through a temporary file. It is
 * private to the user (g_file_open_tmp creates it 0600) and unlinked as soon as libfreexl
 * is done with it: the data may be personal, so the copy must not outlive the reading. */
static gboolean
read_xls_bytes (UprTable     *table,
                GBytes       *bytes,
                GCancellable *cancellable,
                GError      **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) local_error = NULL;
  const guint8 *data;
  gsize length;
  int fd;
  gboolean ok;

  data = g_bytes_get_data (bytes, &length);
  fd = g_file_open_tmp ("upright-XXXXXX.xls", &path, &local_error);
  if (fd < 0)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                   _("The workbook cannot be read: no temporary file could be made (%s)."),
                   local_error->message);
      return FALSE;
    }
  ok = write_all (fd, data, length);
  close (fd);
  if (!ok)
    {
      int saved_errno = errno;

      g_unlink (path);
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                   _("The workbook cannot be read: no temporary file could be made (%s)."),
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* upr_table_read_xls() unlinks the path once libfreexl is done with it. */
  return upr_table_read_xls (table, path, TRUE, cancellable, error);
}

static UprTable *
read_data (GBytes                *bytes,
           const char            *path,
           const char            *name,
           const UprTableOptions *options,
           GCancellable          *cancellable,
           GError               **error)
{
  g_autoptr (UprTable) table = NULL;
  const BinaryKind *kind;
  const guint8 *data;
  gsize length;
  gboolean ok;

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }
  if (length > UPR_TABLE_MAX_FILE_SIZE)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                   _("This file is larger than %u MB; Upright does not read files that "
                     "large."), UPR_TABLE_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!upr_table_check_cancelled (cancellable, error))
    return NULL;

  if (has_prefix (data, length, zip_magic, sizeof zip_magic)
      || has_prefix (data, length, empty_zip_magic, sizeof empty_zip_magic))
    ok = read_zip (&table, bytes, cancellable, error);
  else if (has_prefix (data, length, ole2_magic, sizeof ole2_magic))
    {
      table = upr_table_new (UPR_TABLE_FORMAT_XLS);
      ok = path != NULL ? upr_table_read_xls (table, path, FALSE, cancellable, error)
                        : read_xls_bytes (table, bytes, cancellable, error);
    }
  else if ((kind = find_binary_kind (data, length)) != NULL)
    {
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_NOT_A_TABLE,
                           _(kind->message));
      ok = FALSE;
    }
  else
    {
      table = upr_table_new (UPR_TABLE_FORMAT_CSV);
      ok = upr_table_read_text (table, data, length, name, options, cancellable, error);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&table);
}

/* Public API */

UprTableFormat
upr_table_sniff_format (const guint8 *head,
                        gsize         length)
{
  g_return_val_if_fail (head != NULL || length == 0, UPR_TABLE_FORMAT_UNKNOWN);

  if (has_prefix (head, length, zip_magic, sizeof zip_magic)
      || has_prefix (head, length, empty_zip_magic, sizeof empty_zip_magic))
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (head, length);
      g_autoptr (UprZip) zip = upr_zip_open (bytes, NULL);

      /* The whole archive: its directory names every part. */
      if (zip != NULL)
        return upr_zip_has_entry (zip, "xl/workbook.xml") ? UPR_TABLE_FORMAT_XLSX
               : upr_zip_has_entry (zip, "word/document.xml") ? UPR_TABLE_FORMAT_DOCX
               : UPR_TABLE_FORMAT_UNKNOWN;
      return sniff_zip_head (head, length);
    }
  if (has_prefix (head, length, ole2_magic, sizeof ole2_magic))
    return UPR_TABLE_FORMAT_XLS;
  if (find_binary_kind (head, length) != NULL || upr_table_text_looks_binary (head, length))
    return UPR_TABLE_FORMAT_UNKNOWN;
  return UPR_TABLE_FORMAT_CSV;
}

UprTable *
upr_table_read (GFile                 *file,
                const UprTableOptions *options,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse a huge file before loading it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > UPR_TABLE_MAX_FILE_SIZE)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                   _("This file is larger than %u MB; Upright does not read files that "
                     "large."), UPR_TABLE_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  name = g_strdup (g_file_info_get_display_name (info));
  return read_data (bytes, g_file_peek_path (file), name, options, cancellable, error);
}

UprTable *
upr_table_read_bytes (GBytes                *bytes,
                      const char            *name,
                      const UprTableOptions *options,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_data (bytes, NULL, name, options, cancellable, error);
}

UprTableFormat
upr_table_get_format (UprTable *self)
{
  g_return_val_if_fail (UPR_IS_TABLE (self), UPR_TABLE_FORMAT_UNKNOWN);

  return self->format;
}

const char *
upr_table_get_encoding (UprTable *self)
{
  g_return_val_if_fail (UPR_IS_TABLE (self), NULL);

  return self->encoding != NULL ? self->encoding : "UTF-8";
}

gboolean
upr_table_get_encoding_certain (UprTable *self)
{
  g_return_val_if_fail (UPR_IS_TABLE (self), FALSE);

  return self->encoding_certain;
}

char
upr_table_get_separator (UprTable *self)
{
  g_return_val_if_fail (UPR_IS_TABLE (self), 0);

  return self->separator;
}

guint
upr_table_get_n_sheets (UprTable *self)
{
  g_return_val_if_fail (UPR_IS_TABLE (self), 0);

  return self->sheets->len;
}

const char *
upr_table_get_sheet_name (UprTable *self,
                          guint     sheet)
{
  UprTableSheet *s = get_sheet (self, sheet);

  return s != NULL ? s->name : NULL;
}

guint
upr_table_get_n_rows (UprTable *self,
                      guint     sheet)
{
  UprTableSheet *s = get_sheet (self, sheet);

  return s != NULL ? s->rows->len : 0;
}

guint
upr_table_get_n_columns (UprTable *self,
                         guint     sheet)
{
  UprTableSheet *s = get_sheet (self, sheet);

  return s != NULL ? s->n_columns : 0;
}

const char * const *
upr_table_get_row (UprTable *self,
                   guint     sheet,
                   guint     row)
{
  UprTableSheet *s = get_sheet (self, sheet);

  g_return_val_if_fail (s != NULL, NULL);
  g_return_val_if_fail (row < s->rows->len, NULL);

  return (const char * const *) s->cells->pdata + g_array_index (s->rows, RowInfo, row).start;
}

guint
upr_table_get_source_line (UprTable *self,
                           guint     sheet,
                           guint     row)
{
  UprTableSheet *s = get_sheet (self, sheet);

  g_return_val_if_fail (s != NULL, 0);
  g_return_val_if_fail (row < s->rows->len, 0);

  return g_array_index (s->rows, RowInfo, row).line;
}
