/* upr-table-xls.c: legacy Excel workbooks (BIFF, .xls) through libfreexl, which reads the
 * UPR Info database exports that other readers choke on (DESIGN.md §4).
 *
 * libfreexl 1.0.6 is the one library here that parses a binary format in C, and fuzzing
 * showed it reading past its buffers and leaking on damaged files (tests/fuzz/README.md).
 * So it runs in a child process: the child opens the workbook, reads every cell and
 * writes them down a pipe as short records; the parent builds the table from them. A
 * crash, a hang or a leak in libfreexl then ends only the child, and the user gets "this
 * workbook is damaged" instead of losing the application. The child is forked, not
 * exec'd: it calls only libfreexl (malloc, stdio, iconv, which glibc keeps usable after
 * fork) and write(), then _exit()s; the converters libfreexl needs are loaded before the
 * fork so that the child need not load any. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <freexl.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <iconv.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "upr-table-private.h"

/* The child's records, each a tag then native-endian fields: what the parent reads. */
enum
{
  RECORD_SHEET = 'S', /* guint32 length, name */
  RECORD_ROW   = 'R', /* guint32 source line */
  RECORD_CELL  = 'C', /* guint32 length, UTF-8 text */
  RECORD_ERROR = 'E', /* gint32 libfreexl code, or one of ours below */
  RECORD_DONE  = 'D',
};

#define ERROR_PASSWORD  (-1000)
#define ERROR_NO_SHEETS (-1001)

/* However damaged the workbook, a child that has written nothing for this long is stuck. */
#define CHILD_TIMEOUT_MS (120 * 1000)
/* More than any table within UPR_TABLE_MAX_CELLS cells of a real size. */
#define MAX_STREAM_BYTES ((gsize) 1024 * 1024 * 1024)

/* The child side. */

typedef struct
{
  int    fd;
  gsize  length;
  guint8 buffer[64 * 1024];
} Writer;

static gboolean
writer_flush (Writer *writer)
{
  const guint8 *p = writer->buffer;

  while (writer->length > 0)
    {
      ssize_t n = write (writer->fd, p, writer->length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      writer->length -= n;
    }
  return TRUE;
}

static gboolean
writer_put (Writer     *writer,
            const void *data,
            gsize       length)
{
  const guint8 *p = data;

  while (length > 0)
    {
      gsize n = MIN (length, sizeof writer->buffer - writer->length);

      memcpy (writer->buffer + writer->length, p, n);
      writer->length += n;
      p += n;
      length -= n;
      if (writer->length == sizeof writer->buffer && !writer_flush (writer))
        return FALSE;
    }
  return TRUE;
}

static gboolean
writer_record (Writer     *writer,
               guint8      tag,
               const char *text,
               guint32     value)
{
  guint32 length = text != NULL ? strlen (text) : value;

  return writer_put (writer, &tag, 1)
         && writer_put (writer, &length, sizeof length)
         && (text == NULL || writer_put (writer, text, length));
}

static gboolean
write_value (Writer                 *writer,
             const FreeXL_CellValue *value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  switch (value->type)
    {
    case FREEXL_CELL_INT:
      g_snprintf (number, sizeof number, "%d", value->value.int_value);
      return writer_record (writer, RECORD_CELL, number, 0);
    case FREEXL_CELL_DOUBLE:
      /* The UPR Info exports store session numbers and categories as floats: "5", not
       * "5.0". */
      upr_table_format_number (value->value.double_value, number, sizeof number);
      return writer_record (writer, RECORD_CELL, number, 0);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return writer_record (writer, RECORD_CELL,
                            value->value.text_value != NULL ? value->value.text_value : "", 0);
    case FREEXL_CELL_NULL:
    default:
      return writer_record (writer, RECORD_CELL, "", 0);
    }
}

static int
write_worksheet (Writer        *writer,
                 const void    *handle,
                 unsigned short index)
{
  const char *name = NULL;
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  int code;

  code = freexl_get_worksheet_name (handle, index, &name);
  if (code == FREEXL_OK)
    code = freexl_select_active_worksheet (handle, index);
  if (code == FREEXL_OK)
    code = freexl_worksheet_dimensions (handle, &n_rows, &n_columns);
  if (code != FREEXL_OK)
    return code;
  if (!writer_record (writer, RECORD_SHEET, name != NULL ? name : "", 0))
    return FREEXL_CFBF_READ_ERROR;
  /* libfreexl gives the row and column counts (not the last indexes, whatever its
   * documentation says). */
  for (unsigned int row = 0; row < n_rows && row < UPR_TABLE_MAX_ROWS; row++)
    {
      if (!writer_record (writer, RECORD_ROW, NULL, row + 1))
        return FREEXL_CFBF_READ_ERROR;
      for (unsigned short column = 0; column < n_columns; column++)
        {
          FreeXL_CellValue value;

          code = freexl_get_cell_value (handle, row, column, &value);
          if (code != FREEXL_OK)
            return code;
          if (!write_value (writer, &value))
            return FREEXL_CFBF_READ_ERROR;
        }
    }
  return FREEXL_OK;
}

static int
write_workbook (Writer     *writer,
                const char *path)
{
  const void *handle = NULL;
  unsigned int password = 0, n_sheets = 0;
  int code;

  code = freexl_open (path, &handle);
  if (code == FREEXL_OK)
    code = freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password);
  if (code == FREEXL_OK && password == FREEXL_BIFF_OBFUSCATED)
    code = ERROR_PASSWORD;
  if (code == FREEXL_OK)
    code = freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets);
  if (code == FREEXL_OK && n_sheets == 0)
    code = ERROR_NO_SHEETS;
  for (unsigned int i = 0; code == FREEXL_OK && i < n_sheets && i <= G_MAXUINT16; i++)
    code = write_worksheet (writer, handle, i);
  /* libfreexl wants closing even after a failed open. */
  if (handle != NULL)
    freexl_close (handle);
  return code;
}

G_GNUC_NORETURN static void
run_child (int         fd,
           const char *path)
{
  static Writer writer;
  int code;

  writer.fd = fd;
  code = write_workbook (&writer, path);
  if (code == FREEXL_OK)
    writer_record (&writer, RECORD_DONE, NULL, 0);
  else
    writer_record (&writer, RECORD_ERROR, NULL, (guint32) code);
  _exit (writer_flush (&writer) ? 0 : 1);
}

/* The parent side. */

static void
set_freexl_error (int      code,
                  GError **error)
{
  switch (code)
    {
    case ERROR_PASSWORD:
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_NOT_A_TABLE,
                           _("This workbook is protected with a password. Remove the "
                             "password in Excel, save it, and import it again."));
      break;
    case ERROR_NO_SHEETS:
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_NO_TABLE,
                           _("This workbook has no sheets."));
      break;
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_NOT_A_TABLE,
                           _("This file is an Office document but not an Excel workbook "
                             "(perhaps a Word .doc, or a workbook protected with a "
                             "password)."));
      break;
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_ENCODING,
                           _("This workbook’s text is in an encoding Upright cannot read."));
      break;
    case FREEXL_INSUFFICIENT_MEMORY:
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                           _("This workbook is too large to read."));
      break;
    default:
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                   _("This Excel workbook is damaged and cannot be read (error %d)."), code);
      break;
    }
}

static void
set_damaged (GError **error)
{
  g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                       _("This Excel workbook is damaged and cannot be read."));
}

/* Loads the converters libfreexl will ask for, so that the child finds them loaded (after
 * a fork, loading one could wait on a lock another thread held). */
static void
load_converters_once (void)
{
  static gsize done = 0;
  static const char *codes[] = { "UTF-16LE", "CP1252", "CP1251", "CP1250", "CP1253", "CP1254",
                                 "CP1255", "CP1256", "CP1257", "CP1258", "CP437", "CP850",
                                 "CP932", "CP936", "CP949", "CP950", "MACINTOSH" };

  if (!g_once_init_enter (&done))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      iconv_t converter = iconv_open ("UTF-8", codes[i]);

      if (converter != (iconv_t) -1)
        iconv_close (converter);
    }
  g_once_init_leave (&done, 1);
}

/* Reads the child's records until it closes the pipe; FALSE with an error when it is
 * cancelled, stuck or sends too much. */
static gboolean
read_stream (int           fd,
             GByteArray   *stream,
             GCancellable *cancellable,
             GError      **error)
{
  GPollFD fds[2] = { { fd, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 } };
  guint n_fds = g_cancellable_make_pollfd (cancellable, &fds[1]) ? 2 : 1;
  gboolean ok = TRUE;
  guint8 buffer[64 * 1024];

  for (;;)
    {
      ssize_t n;
      int ready = g_poll (fds, n_fds, CHILD_TIMEOUT_MS);

      if (ready < 0 && errno == EINTR)
        continue;
      if (!upr_table_check_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (ready <= 0)
        {
          set_damaged (error);
          ok = FALSE;
          break;
        }
      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      if (stream->len + (gsize) n > MAX_STREAM_BYTES)
        {
          g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                               _("This workbook is too large to read."));
          ok = FALSE;
          break;
        }
      g_byte_array_append (stream, buffer, n);
    }
  if (n_fds > 1)
    g_cancellable_release_fd (cancellable);
  return ok;
}

typedef struct
{
  const guint8 *p;
  const guint8 *end;
} Cursor;

static gboolean
take_u32 (Cursor  *cursor,
          guint32 *value)
{
  if (cursor->end - cursor->p < (gssize) sizeof *value)
    return FALSE;
  memcpy (value, cursor->p, sizeof *value);
  cursor->p += sizeof *value;
  return TRUE;
}

static gboolean
add_text (UprTable      *self,
          UprTableSheet *sheet,
          const char    *text,
          gsize          length,
          GError       **error)
{
  g_autofree char *valid = NULL;

  /* libfreexl converts to UTF-8 with iconv; a hostile file still gets checked. */
  if (!g_utf8_validate_len (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
    }
  return upr_table_sheet_add_cell (self, sheet, text, length, error);
}

/* Builds the table from the child's records. */
static gboolean
build_table (UprTable     *self,
             GByteArray   *stream,
             GCancellable *cancellable,
             GError      **error)
{
  Cursor cursor = { stream->data, stream->data };
  UprTableSheet *sheet = NULL;
  gboolean row_open = FALSE;
  guint n_rows = 0;

  /* Nothing at all came: the child died at once. */
  if (stream->len == 0)
    goto damaged;
  cursor.end += stream->len;
  while (cursor.p < cursor.end)
    {
      guint8 tag = *cursor.p++;
      guint32 value;

      if (!take_u32 (&cursor, &value))
        break;
      if (row_open && (tag != RECORD_CELL))
        {
          upr_table_sheet_end_row (self, sheet);
          row_open = FALSE;
        }
      switch (tag)
        {
        case RECORD_SHEET:
          {
            g_autofree char *name = NULL;

            if ((gsize) (cursor.end - cursor.p) < value)
              goto damaged;
            if (sheet != NULL)
              upr_table_sheet_trim_empty_rows (self, sheet);
            name = g_utf8_make_valid ((const char *) cursor.p, value);
            cursor.p += value;
            sheet = upr_table_add_sheet (self, name);
          }
          break;
        case RECORD_ROW:
          if (sheet == NULL)
            goto damaged;
          if (++n_rows % UPR_TABLE_CANCEL_EVERY == 0
              && !upr_table_check_cancelled (cancellable, error))
            return FALSE;
          if (!upr_table_sheet_begin_row (self, sheet, value, error))
            return FALSE;
          row_open = TRUE;
          break;
        case RECORD_CELL:
          if (!row_open || (gsize) (cursor.end - cursor.p) < value)
            goto damaged;
          if (!add_text (self, sheet, (const char *) cursor.p, value, error))
            return FALSE;
          cursor.p += value;
          break;
        case RECORD_ERROR:
          set_freexl_error ((gint32) value, error);
          return FALSE;
        case RECORD_DONE:
          if (sheet != NULL)
            upr_table_sheet_trim_empty_rows (self, sheet);
          return TRUE;
        default:
          goto damaged;
        }
    }

damaged:
  /* The child died before its last record: libfreexl crashed on the file. */
  set_damaged (error);
  return FALSE;
}

gboolean
upr_table_read_xls (UprTable     *self,
                    const char   *path,
                    gboolean      temporary,
                    GCancellable *cancellable,
                    GError      **error)
{
  g_autoptr (GByteArray) stream = g_byte_array_new ();
  gboolean ok;
  int fds[2];
  pid_t child;

  load_converters_once ();
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    {
      set_damaged (error);
      return FALSE;
    }
  child = fork ();
  if (child == 0)
    {
      close (fds[0]);
      run_child (fds[1], path);
    }
  close (fds[1]);
  if (child < 0)
    {
      close (fds[0]);
      set_damaged (error);
      return FALSE;
    }

  ok = read_stream (fds[0], stream, cancellable, error);
  close (fds[0]);
  if (!ok)
    kill (child, SIGKILL);
  while (waitpid (child, NULL, 0) < 0 && errno == EINTR)
    ;
  /* A temporary copy (upr-table.c) is not needed once the child is done with it. */
  if (temporary)
    g_unlink (path);
  return ok && build_table (self, stream, cancellable, error);
}
