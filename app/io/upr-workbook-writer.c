/* upr-workbook-writer.c: the workbook's file with libxlsxwriter: formats, document properties,
 * the hidden description sheet, and the one door every value goes through to a cell.
 *
 * libxlsxwriter 1.1.4 (DESIGN.md §7) writes invalid UTF-8 as it is, which corrupts the file;
 * refuses a string over 32,767 characters and leaves the cell empty; escapes control
 * characters as "_xHHHH_", which Excel shows as control characters; and writes a literal
 * "_x0041_" as it is, which Excel and LibreOffice read back as "A". So every value is made
 * safe here first. Strings are always written with worksheet_write_string(): in the
 * constant-memory mode used here they are inline strings (t="inlineStr"), which no reader
 * evaluates, so "=1+1" stays text.
 *
 * Constant memory: each sheet's rows go to a temporary file as they are written, so a
 * 40,000-row matrix costs the same memory as a small one. The price is that rows must be
 * written in order (every sheet here is) and that strings are not shared (a larger file,
 * which the zip compression mostly takes back). Excel, LibreOffice and openpyxl read inline
 * strings; Excel turns them into shared strings when it saves. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-workbook-private.h"

/* Fraction of the progress given to writing rows; the rest is libxlsxwriter's assembly of
 * the zip file in workbook_close(), which reports nothing. */
#define ROWS_SHARE 0.75

#define HIDDEN_SHEET "Upright"
#define FORMAT_NAME "upright-workbook"
#define FORMAT_VERSION "1"


/* Errors */

gboolean
upr_writer_check (UprWorkbookWriter *writer,
                  lxw_error          result,
                  GError           **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;
  switch (result)
    {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      g_set_error_literal (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_FAILED,
                           _("There was not enough memory to write the workbook."));
      break;
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
      g_set_error_literal (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_WRITE,
                           _("The workbook could not be written: the folder may be read-only "
                             "or the disk full."));
      break;
    default:
      g_set_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_FAILED,
                   /* Translators: %s is the sheet's name, the last %s a technical detail in
                    * English from the library that writes workbooks. */
                   _("The sheet “%s” of the workbook could not be written (%s)."),
                   writer->sheet_name != NULL ? writer->sheet_name : "", lxw_strerror (result));
      break;
    }
  return FALSE;
}

void
upr_writer_warn (UprWorkbookWriter *writer,
                 char              *message)
{
  g_ptr_array_add (writer->warnings, message);
}

const char *
upr_writer_label (UprWorkbookWriter *writer,
                  const char        *msgid)
{
  return upr_snapshot_label (writer->snapshot, msgid);
}

/* Progress and cancellation */

static void
report_progress (UprWorkbookWriter *writer,
                 double             fraction)
{
  if (writer->progress == NULL || fraction - writer->last_fraction < 0.01)
    return;
  writer->last_fraction = fraction;
  writer->progress (fraction, writer->progress_data);
}

gboolean
upr_writer_advance (UprWorkbookWriter *writer,
                    guint              n_rows,
                    GError           **error)
{
  writer->rows_done += n_rows;
  if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
    return FALSE;
  if (writer->rows_total > 0)
    report_progress (writer, ROWS_SHARE * MIN (1.0, (double) writer->rows_done
                                                    / writer->rows_total));
  return TRUE;
}

/* Making text safe */

/* UTF-16 code units of valid UTF-8 @text: what Excel counts. */
static gsize
utf16_units (const char *text,
             gsize       length)
{
  gsize units = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if ((c & 0xC0) != 0x80)
        units += c >= 0xF0 ? 2 : 1;
    }
  return units;
}

static gboolean
is_hex (char c)
{
  return g_ascii_isxdigit (c);
}

/* "_xHHHH_", which Excel would read as an escaped character. */
static gboolean
is_escape_at (const char *p)
{
  return p[0] == '_' && p[1] == 'x' && is_hex (p[2]) && is_hex (p[3]) && is_hex (p[4])
         && is_hex (p[5]) && p[6] == '_';
}

/* Bytes that make a text worth a closer look: the end, control characters (but tab and line
 * feed), "_" (an escape look-alike?), and the first byte of a multi-byte character (to be
 * validated, and U+FFFE/U+FFFF?). Every cell is scanned once: one table lookup an ASCII
 * byte, and its length comes with it. */
enum
{
  LOOK = 1,  /* maybe a problem */
  WIDE = 2,  /* starts a multi-byte character, or is not UTF-8 */
  END = 4,
};

static const guint8 *
byte_classes (void)
{
  static guint8 classes[256];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint c = 0; c < 0x20; c++)
        classes[c] = c == '\t' || c == '\n' ? 0 : LOOK;
      classes[0] = END;
      classes['_'] = LOOK;
      for (guint c = 0x80; c < 0x100; c++)
        classes[c] = WIDE;
      g_once_init_leave (&ready, 1);
    }
  return classes;
}

static gboolean
is_continuation (guchar c)
{
  return (c & 0xC0) == 0x80;
}

/* The length of the character at @p if it is well-formed UTF-8, 0 if not: Unicode's table of
 * well-formed byte sequences (3-7), as g_utf8_validate () has it: no overlong form, no
 * surrogate, nothing past U+10FFFF. Stops at a NUL, which is no continuation byte. */
static guint
sequence_length (const guchar *p)
{
  guchar c = p[0];

  if (c >= 0xC2 && c <= 0xDF)
    return is_continuation (p[1]) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF)
    {
      guchar low = c == 0xE0 ? 0xA0 : 0x80;
      guchar high = c == 0xED ? 0x9F : 0xBF;

      return p[1] >= low && p[1] <= high && is_continuation (p[2]) ? 3 : 0;
    }
  if (c >= 0xF0 && c <= 0xF4)
    {
      guchar low = c == 0xF0 ? 0x90 : 0x80;
      guchar high = c == 0xF4 ? 0x8F : 0xBF;

      return p[1] >= low && p[1] <= high && is_continuation (p[2]) && is_continuation (p[3])
             ? 4 : 0;
    }
  return 0;
}

enum
{
  SCAN_INVALID = 1, /* not UTF-8 */
  SCAN_DIRTY = 2,   /* needs cleaning */
};

/* One pass over @text, which gives its @length (unless invalid, where it stops): whether it
 * is valid UTF-8, and whether it needs cleaning: a control character other than tab and line
 * feed, a non-character U+FFFE/U+FFFF (not allowed in XML), an escape look-alike, or more
 * than Excel holds. */
static guint
scan (const char *text,
      gsize      *length)
{
  const guchar *p = (const guchar *) text;
  const guint8 *classes = byte_classes ();
  guint found = 0;
  gsize i = 0;

  for (;;)
    {
      guchar c = p[i];
      guint8 class = classes[c];
      guint n;

      if (G_LIKELY (class == 0))
        {
          i++;
          continue;
        }
      if (class == END)
        break;
      if (class == LOOK)
        {
          if (c < 0x20 || is_escape_at (text + i))
            found |= SCAN_DIRTY;
          i++;
          continue;
        }
      n = sequence_length (p + i);
      if (n == 0)
        return SCAN_INVALID;
      if (c == 0xEF && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
        found |= SCAN_DIRTY;
      i += n;
    }
  *length = i;
  /* A character is at most 2 UTF-16 units for 4 bytes: short texts fit, whatever they hold. */
  if (i > UPR_WORKBOOK_MAX_CELL && utf16_units (text, i) > UPR_WORKBOOK_MAX_CELL)
    found |= SCAN_DIRTY;
  return found;
}

/* Copies @text into @out without what XML or Excel cannot hold; TRUE when something other
 * than a Windows line end had to go. */
static gboolean
clean_into (GString    *out,
            const char *text,
            gsize       length)
{
  gboolean removed = FALSE;

  g_string_truncate (out, 0);
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c == '\r')
        {
          if (i + 1 >= length || text[i + 1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c < 0x20 && c != '\t' && c != '\n')
        removed = TRUE;
      else if (c == 0xEF && i + 2 < length && (guchar) text[i + 1] == 0xBF
               && ((guchar) text[i + 2] == 0xBE || (guchar) text[i + 2] == 0xBF))
        {
          removed = TRUE;
          i += 2;
        }
      else if (c == '_' && is_escape_at (text + i))
        /* The escape for "_" itself, so that Excel shows the text as it was typed. */
        g_string_append (out, "_x005F_");
      else
        g_string_append_c (out, (char) c);
    }
  return removed;
}

/* Cuts @text (valid UTF-8) to Excel's limit with a visible marker. */
static void
cut_to_limit (GString *text)
{
  gsize units = 0;
  gsize at = 0;

  while (at < text->len)
    {
      guchar c = (guchar) text->str[at];
      gsize width = c >= 0xF0 ? 2 : 1;
      gsize bytes = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

      if (units + width > UPR_WORKBOOK_MAX_CELL - UPR_WORKBOOK_CUT_MARKER_UNITS)
        break;
      units += width;
      at += bytes;
    }
  g_string_truncate (text, at);
  g_string_append (text, UPR_WORKBOOK_CUT_MARKER);
}

static void
warn_truncated (UprWorkbookWriter *writer,
                lxw_row_t          row,
                lxw_col_t          col)
{
  char cell[32];

  writer->report->n_truncated++;
  lxw_rowcol_to_cell (cell, row, col);
  /* A few are news; hundreds would bury the other warnings. */
  if (writer->report->n_truncated > 20)
    return;
  upr_writer_warn (writer,
                   /* Translators: %s are a cell ("C12") and a sheet's name. */
                   g_strdup_printf (_("The text of cell %s on the sheet “%s” was longer than "
                                      "Excel allows (32,767 characters) and was cut; it ends "
                                      "with “[…]”."),
                                    cell, writer->sheet_name));
}

const char *
upr_writer_make_safe (const char *text,
                      GString    *clean,
                      guint      *flags)
{
  gsize length = 0;
  guint found = scan (text, &length);
  g_autofree char *valid = NULL;
  gboolean repaired = FALSE;

  *flags = 0;
  if ((found & SCAN_INVALID) != 0)
    {
      valid = g_utf8_make_valid (text, -1);
      text = valid;
      found = scan (text, &length);
      repaired = TRUE;
    }
  if (!repaired && (found & SCAN_DIRTY) == 0)
    return text;

  repaired |= clean_into (clean, text, length);
  if (repaired)
    *flags |= UPR_SAFE_TEXT_REPAIRED;
  if (utf16_units (clean->str, clean->len) > UPR_WORKBOOK_MAX_CELL)
    {
      cut_to_limit (clean);
      *flags |= UPR_SAFE_TEXT_CUT;
    }
  return clean->str;
}

/* Counts and reports what making a cell's text safe found. */
static void
record_safe_text (UprWorkbookWriter *writer,
                  guint              flags,
                  lxw_row_t          row,
                  lxw_col_t          col)
{
  if ((flags & UPR_SAFE_TEXT_REPAIRED) != 0)
    writer->report->n_repaired++;
  if ((flags & UPR_SAFE_TEXT_CUT) != 0)
    warn_truncated (writer, row, col);
}

/* Writing cells */

gboolean
upr_writer_string (UprWorkbookWriter *writer,
                   lxw_worksheet     *sheet,
                   lxw_row_t          row,
                   lxw_col_t          col,
                   const char        *text,
                   lxw_format        *format,
                   GError           **error)
{
  guint flags;

  if (text == NULL || text[0] == '\0')
    return format == NULL
           || upr_writer_check (writer, worksheet_write_blank (sheet, row, col, format), error);
  text = upr_writer_make_safe (text, writer->clean, &flags);
  return upr_writer_safe_string (writer, sheet, row, col, text, flags, format, error);
}

gboolean
upr_writer_safe_string (UprWorkbookWriter *writer,
                        lxw_worksheet     *sheet,
                        lxw_row_t          row,
                        lxw_col_t          col,
                        const char        *text,
                        guint              flags,
                        lxw_format        *format,
                        GError           **error)
{
  record_safe_text (writer, flags, row, col);
  return upr_writer_check (writer, worksheet_write_string (sheet, row, col, text, format),
                           error);
}

gboolean
upr_writer_number (UprWorkbookWriter *writer,
                   lxw_worksheet     *sheet,
                   lxw_row_t          row,
                   lxw_col_t          col,
                   double             number,
                   lxw_format        *format,
                   GError           **error)
{
  return upr_writer_check (writer, worksheet_write_number (sheet, row, col, number, format),
                           error);
}

gboolean
upr_writer_people_count (UprWorkbookWriter *writer,
                         lxw_worksheet     *sheet,
                         lxw_row_t          row,
                         lxw_col_t          col,
                         guint              count,
                         UprCountShown      shown,
                         lxw_format        *format,
                         GError           **error)
{
  /* Not translated: "<5" and "x" read the same in English and French statistics. */
  if (shown == UPR_COUNT_SMALL)
    return upr_writer_check (writer, worksheet_write_string (sheet, row, col, "<5", format),
                             error);
  if (shown == UPR_COUNT_HIDDEN)
    return upr_writer_check (writer, worksheet_write_string (sheet, row, col, "x", format),
                             error);
  return upr_writer_number (writer, sheet, row, col, count, format, error);
}

/* Strictly "YYYY-MM-DD", a real day from 1900 on (Excel's dates start there). */
static gboolean
parse_date (const char   *text,
            lxw_datetime *date)
{
  static const char shape[] = "dddd-dd-dd";
  guint year, month, day;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  *date = (lxw_datetime) { (int) year, (int) month, (int) day, 0, 0, 0 };
  return TRUE;
}

gboolean
upr_writer_date (UprWorkbookWriter *writer,
                 lxw_worksheet     *sheet,
                 lxw_row_t          row,
                 lxw_col_t          col,
                 const char        *date,
                 lxw_format        *format,
                 GError           **error)
{
  lxw_datetime datetime;

  if (!parse_date (date, &datetime))
    return upr_writer_string (writer, sheet, row, col, date, format, error);
  return upr_writer_check (writer, worksheet_write_datetime (sheet, row, col, &datetime, format),
                           error);
}

gboolean
upr_writer_safe_date (UprWorkbookWriter *writer,
                      lxw_worksheet     *sheet,
                      lxw_row_t          row,
                      lxw_col_t          col,
                      const char        *date,
                      guint              flags,
                      lxw_format        *format,
                      GError           **error)
{
  lxw_datetime datetime;

  /* A text made safe is still the date it was: making it safe changes no digit or dash. */
  if (!parse_date (date, &datetime))
    return upr_writer_safe_string (writer, sheet, row, col, date, flags, format, error);
  return upr_writer_check (writer, worksheet_write_datetime (sheet, row, col, &datetime, format),
                           error);
}

/* Row heights */

/* Neither Excel nor LibreOffice fits a row to its wrapped text when it opens a file (measured:
 * LibreOffice 7.4 drew wrapped matrix cells over each other at the default height), so the
 * writer sets each row's height from its text: lines of a column @width characters wide.
 * A width is measured in "0"s, and text is narrower: about 1.2 characters to a "0" in
 * Calibri and its metric twin Carlito, a little less to leave room for words that wrap early
 * (checked on LibreOffice's rendering of English and French matrices). */
guint
upr_writer_count_lines (const char *text,
                        double      width)
{
  glong per_line = MAX (1, (glong) (width * 1.15) - 1);
  guint lines = 0;

  if (text == NULL || text[0] == '\0')
    return 0;
  for (const char *line = text; line != NULL;)
    {
      const char *end = strchr (line, '\n');
      gsize bytes = end != NULL ? (gsize) (end - line) : strlen (line);
      /* Most cells are short: fewer bytes than a line holds characters is one line. */
      /* Bytes, not characters: a few more for accented text, which errs on the side of room,
       * and much faster than counting characters in every cell. */
      lines += MAX (1, (guint) ((bytes + per_line - 1) / per_line));
      line = end != NULL ? end + 1 : NULL;
    }
  return lines;
}

double
upr_writer_row_height (const char * const *texts,
                       const double       *widths,
                       guint               n)
{
  guint lines = 1;

  for (guint i = 0; i < n; i++)
    if (widths[i] > 0)
      lines = MAX (lines, upr_writer_count_lines (texts[i], widths[i]));
  /* 15 points a line of 11-point text; Excel's rows stop at 409 points. */
  return lines > 1 ? MIN (409.0, 15.0 * lines) : 0;
}

gboolean
upr_writer_fit_row (UprWorkbookWriter  *writer,
                    lxw_worksheet      *sheet,
                    lxw_row_t           row,
                    const char * const *texts,
                    const double       *widths,
                    guint               n,
                    GError            **error)
{
  double height = upr_writer_row_height (texts, widths, n);

  if (height == 0)
    return TRUE;
  return upr_writer_check (writer, worksheet_set_row (sheet, row, height, NULL), error);
}

/* Sheets */

/* Excel refuses sheet names over 31 characters, with []:*?/\ or starting or ending with an
 * apostrophe: a translation must not be able to break the workbook. */
static char *
sheet_name_of (const char *label)
{
  GString *name = g_string_new (NULL);
  glong n = 0;

  for (const char *p = label; *p != '\0' && n < LXW_SHEETNAME_MAX; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (name, strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80 ? ' ' : c);
    }
  while (name->len > 0 && (name->str[0] == '\'' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  while (name->len > 0 && (name->str[name->len - 1] == '\'' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_assign (name, "Sheet");
  return g_string_free (name, FALSE);
}

lxw_worksheet *
upr_writer_add_sheet (UprWorkbookWriter *writer,
                      const char        *label,
                      GError           **error)
{
  g_autofree char *name = sheet_name_of (label);
  lxw_worksheet *sheet;

  /* Two labels translated alike: the second gets a number. */
  for (guint n = 2; workbook_get_worksheet_by_name (writer->workbook, name) != NULL; n++)
    {
      g_autofree char *base = sheet_name_of (label);
      g_autofree char *numbered = g_strdup_printf ("%.25s %u", base, n);

      g_free (name);
      name = sheet_name_of (numbered);
    }
  sheet = workbook_add_worksheet (writer->workbook, name);
  if (sheet == NULL)
    {
      g_set_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_FAILED,
                   /* Translators: %s is a sheet's name. */
                   _("The sheet “%s” could not be added to the workbook."), name);
      return NULL;
    }
  writer->sheet_name = sheet->name;
  return sheet;
}

/* Header and footer text: "&" is their escape character. */
static void
append_header_text (GString    *out,
                    const char *text,
                    gsize       max_chars)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      if (*p == '&')
        g_string_append (out, "&&");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

gboolean
upr_writer_print_setup (UprWorkbookWriter *writer,
                        lxw_worksheet     *sheet,
                        int                header_row,
                        gboolean           wide,
                        GError           **error)
{
  g_autoptr(GString) header = g_string_new ("&L&8");
  g_autoptr(GString) footer = g_string_new ("&L&8Upright · ");
  g_autofree char *date = g_date_time_format (writer->snapshot->created, "%Y-%m-%d");

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, wide ? 8 : 9); /* A3, A4 */
  worksheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_fit_to_pages (sheet, 1, 0);
  append_header_text (header, writer->snapshot->scope, 100);
  g_string_append (header, "&R&8");
  append_header_text (header, writer->sheet_name, 31);
  g_string_append (footer, date);
  g_string_append (footer, "&R&8&P / &N");
  if (header_row >= 0
      && !upr_writer_check (writer, worksheet_repeat_rows (sheet, header_row, header_row), error))
    return FALSE;
  return upr_writer_check (writer, worksheet_set_header (sheet, header->str), error)
         && upr_writer_check (writer, worksheet_set_footer (sheet, footer->str), error);
}

/* Formats */

static void
set_cell (lxw_format *format,
          gboolean    bordered)
{
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (bordered)
    {
      format_set_border (format, LXW_BORDER_THIN);
      format_set_border_color (format, 0xBFBFBF);
    }
}

static void
set_fill (lxw_format  *format,
          lxw_color_t  fill,
          lxw_color_t  font)
{
  format_set_bg_color (format, fill);
  format_set_font_color (format, font);
}

static void
set_number (lxw_format *format,
            const char *number_format,
            uint8_t     align)
{
  format_set_num_format (format, number_format);
  format_set_align (format, align);
}

/* Every format first, each checked (libxlsxwriter returns NULL without memory, and its
 * setters do not check), then their looks. */
static gboolean
add_formats (UprWorkbookWriter *writer,
             GError           **error)
{
  lxw_format **all[] = {
    &writer->title, &writer->subtitle, &writer->heading, &writer->header, &writer->cell,
    &writer->wrap, &writer->number, &writer->percent, &writer->date, &writer->total,
    &writer->total_number, &writer->body_cell, &writer->body_wrap, &writer->body_number,
    &writer->body_date,
    &writer->status_formats[0], &writer->status_formats[1], &writer->status_formats[2],
    &writer->status_formats[3], &writer->status_formats[4],
    &writer->assessment_formats[0], &writer->assessment_formats[1],
    &writer->assessment_formats[2],
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if ((*all[i] = workbook_add_format (writer->workbook)) == NULL)
      return upr_writer_check (writer, LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  set_cell (writer->title, FALSE);
  format_set_bold (writer->title);
  format_set_font_size (writer->title, 16);
  format_set_font_color (writer->title, 0x1F4E79);
  set_cell (writer->subtitle, FALSE);
  format_set_italic (writer->subtitle);
  format_set_font_color (writer->subtitle, 0x595959);
  set_cell (writer->heading, FALSE);
  format_set_bold (writer->heading);
  format_set_font_size (writer->heading, 12);
  format_set_font_color (writer->heading, 0x1F4E79);
  set_cell (writer->header, TRUE);
  format_set_bold (writer->header);
  set_fill (writer->header, 0x1F4E79, LXW_COLOR_WHITE);
  format_set_text_wrap (writer->header);
  set_cell (writer->cell, TRUE);
  set_cell (writer->wrap, TRUE);
  format_set_text_wrap (writer->wrap);
  set_cell (writer->number, TRUE);
  set_number (writer->number, "#,##0", LXW_ALIGN_RIGHT);
  set_cell (writer->percent, TRUE);
  format_set_num_format (writer->percent, "0%");
  set_cell (writer->date, TRUE);
  set_number (writer->date, "yyyy-mm-dd", LXW_ALIGN_LEFT);
  set_cell (writer->total, TRUE);
  format_set_bold (writer->total);
  format_set_bg_color (writer->total, 0xDDEBF7);
  set_cell (writer->total_number, TRUE);
  format_set_bold (writer->total_number);
  format_set_bg_color (writer->total_number, 0xDDEBF7);
  set_number (writer->total_number, "#,##0", LXW_ALIGN_RIGHT);

  set_cell (writer->body_cell, FALSE);
  set_cell (writer->body_wrap, FALSE);
  format_set_text_wrap (writer->body_wrap);
  set_cell (writer->body_number, FALSE);
  set_number (writer->body_number, "#,##0", LXW_ALIGN_RIGHT);
  set_cell (writer->body_date, FALSE);
  set_number (writer->body_date, "yyyy-mm-dd", LXW_ALIGN_LEFT);

  /* Status colours, in UPR_VOCAB_IMPLEMENTATION_STATUS order, then assessment levels. */
  set_fill (writer->status_formats[0], 0xEDEDED, 0x404040);
  set_fill (writer->status_formats[1], 0xFFF2CC, 0x7F6000);
  set_fill (writer->status_formats[2], 0xFCE4D6, 0x833C0B);
  set_fill (writer->status_formats[3], 0xC6EFCE, 0x006100);
  set_fill (writer->status_formats[4], 0xD9D9D9, 0x595959);
  set_fill (writer->assessment_formats[0], 0xFFC7CE, 0x9C0006);
  set_fill (writer->assessment_formats[1], 0xFFEB9C, 0x9C5700);
  set_fill (writer->assessment_formats[2], 0xC6EFCE, 0x006100);
  return TRUE;
}

/* Document properties */

static gboolean
set_properties (UprWorkbookWriter *writer,
                GError           **error)
{
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  const char *language = upr_workbook_catalog_get_language (snapshot->catalog);
  g_autofree char *title = g_strdup_printf ("%s – %s",
                                            upr_writer_label (writer,
                                                              NC_("workbook",
                                                                  "UPR implementation")),
                                            snapshot->scope);
  g_autofree char *comments = g_strdup_printf ("Upright %s", PACKAGE_VERSION);
  g_autofree char *safe_title = g_utf8_make_valid (title, -1);
  g_autofree char *safe_author = snapshot->author != NULL
                                   ? g_utf8_make_valid (snapshot->author, -1) : NULL;
  lxw_doc_properties properties = {
    .title = safe_title,
    .subject = (char *) upr_writer_label (writer, NC_("workbook",
                                                       "Follow-up of the recommendations of "
                                                       "the Universal Periodic Review")),
    .author = safe_author,
    .keywords = (char *) "UPR",
    .comments = comments,
    .created = (time_t) g_date_time_to_unix (snapshot->created),
  };

  return upr_writer_check (writer, workbook_set_properties (writer->workbook, &properties), error)
         && upr_writer_check (writer,
                              workbook_set_custom_property_string (writer->workbook,
                                                                   "Upright format",
                                                                   FORMAT_NAME " "
                                                                   FORMAT_VERSION),
                              error)
         && upr_writer_check (writer,
                              workbook_set_custom_property_string (writer->workbook,
                                                                   "Upright language",
                                                                   language),
                              error);
}

/* The hidden sheet: what this workbook is, for the round trip, and the drop-down lists. */

typedef struct
{
  const char *key;
  char       *value;
} MetaRow;

static char *
matrix_columns_list (const UprWorkbookSnapshot *snapshot)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (int c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
    {
      if (c == UPR_MATRIX_COUNTRY && !snapshot->several_countries)
        continue;
      g_string_append_printf (list, "%s%s", list->len > 0 ? "," : "",
                              upr_workbook_matrix_column_key (c));
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
write_vocab_column (UprWorkbookWriter *writer,
                    lxw_worksheet     *sheet,
                    lxw_row_t          row,
                    lxw_col_t          col,
                    UprVocab           vocab,
                    GError           **error)
{
  guint n;
  const UprVocabEntry *entries = upr_vocab_entries (vocab, &n);

  if (row == 0)
    return upr_writer_string (writer, sheet, 0, col, "id", NULL, error)
           && upr_writer_string (writer, sheet, 0, col + 1, "label", NULL, error);
  if (row > n)
    return TRUE;
  return upr_writer_string (writer, sheet, row, col, entries[row - 1].id, NULL, error)
         && upr_writer_string (writer, sheet, row, col + 1,
                               upr_snapshot_vocab (writer->snapshot, vocab, entries[row - 1].id),
                               NULL, error);
}

gboolean
upr_workbook_write_metadata (UprWorkbookWriter *writer,
                             GError           **error)
{
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  g_autofree char *exported = g_date_time_format_iso8601 (snapshot->created);
  MetaRow rows[] = {
    { "key", g_strdup ("value") },
    { "format", g_strdup (FORMAT_NAME) },
    { "version", g_strdup (FORMAT_VERSION) },
    { "application", g_strdup_printf ("Upright %s", PACKAGE_VERSION) },
    { "exported", g_strdup (exported) },
    { "language", g_strdup (upr_workbook_catalog_get_language (snapshot->catalog)) },
    { "people", g_strdup (snapshot->people_mode == UPR_WORKBOOK_PEOPLE_NAMES ? "names"
                                                                              : "aggregate") },
    { "cycle", g_strdup_printf ("%d", snapshot->cycle) },
    { "matrix-sheet", g_strdup (writer->matrix_sheet_name) },
    { "matrix-header-row", g_strdup ("1") },
    { "matrix-columns", matrix_columns_list (snapshot) },
  };
  lxw_worksheet *sheet = upr_writer_add_sheet (writer, HIDDEN_SHEET, error);
  gboolean ok = sheet != NULL;
  guint n_rows = MAX (G_N_ELEMENTS (rows), 6);

  for (guint r = 0; ok && r < n_rows; r++)
    {
      if (r < G_N_ELEMENTS (rows))
        ok = upr_writer_string (writer, sheet, r, 0, rows[r].key, NULL, error)
             && upr_writer_string (writer, sheet, r, 1, rows[r].value, NULL, error);
      ok = ok && write_vocab_column (writer, sheet, r, 3, UPR_VOCAB_IMPLEMENTATION_STATUS, error)
           && write_vocab_column (writer, sheet, r, 5, UPR_VOCAB_ASSESSMENT_LEVEL, error);
    }
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    g_free (rows[r].value);
  if (!ok)
    return FALSE;
  worksheet_hide (sheet);
  return TRUE;
}

/* The matrix's drop-down lists point at the hidden sheet's label columns. */
const char *
upr_workbook_list_formula (UprVocab vocab)
{
  return vocab == UPR_VOCAB_IMPLEMENTATION_STATUS ? "=" HIDDEN_SHEET "!$E$2:$E$6"
                                                  : "=" HIDDEN_SHEET "!$G$2:$G$4";
}

/* The whole file */

static guint
count_rows (const UprWorkbookSnapshot *snapshot)
{
  guint rows = 100; /* the summary and the hidden sheet */

  if ((snapshot->sheets & UPR_WORKBOOK_SHEET_MATRIX) != 0)
    rows += upr_workbook_matrix_n_rows (snapshot);
  if ((snapshot->sheets & UPR_WORKBOOK_SHEET_WORKSHOPS) != 0)
    for (guint i = 0; i < snapshot->workshops->len; i++)
      rows += 1 + ((UprSnapWorkshop *) g_ptr_array_index (snapshot->workshops, i))->agenda->len;
  if ((snapshot->sheets & UPR_WORKBOOK_SHEET_PARTICIPANTS) != 0)
    rows += snapshot->participants->len;
  return rows;
}

static gboolean
write_sheets (UprWorkbookWriter *writer,
              GError           **error)
{
  UprWorkbookSheets sheets = writer->snapshot->sheets;

  return set_properties (writer, error)
         && ((sheets & UPR_WORKBOOK_SHEET_SUMMARY) == 0
             || upr_workbook_write_summary (writer, error))
         && ((sheets & UPR_WORKBOOK_SHEET_MATRIX) == 0
             || upr_workbook_write_matrix (writer, error))
         && ((sheets & UPR_WORKBOOK_SHEET_WORKSHOPS) == 0
             || (upr_workbook_write_workshops (writer, error)
                 && upr_workbook_write_programme (writer, error)))
         && ((sheets & UPR_WORKBOOK_SHEET_PARTICIPANTS) == 0
             || upr_workbook_write_participants (writer, error))
         && upr_workbook_write_metadata (writer, error);
}

static void
writer_clear (UprWorkbookWriter *writer)
{
  g_clear_pointer (&writer->warnings, g_ptr_array_unref);
  if (writer->scratch != NULL)
    g_string_free (writer->scratch, TRUE);
  if (writer->clean != NULL)
    g_string_free (writer->clean, TRUE);
}

static void
finish_report (UprWorkbookWriter *writer)
{
  UprWorkbookReport *report = writer->report;
  const UprWorkbookSnapshot *snapshot = writer->snapshot;

  if (report->n_truncated > 20)
    upr_writer_warn (writer,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u more text was cut at Excel's limit.",
                                                   "%u more texts were cut at Excel's limit.",
                                                   report->n_truncated - 20),
                                      report->n_truncated - 20));
  if (report->n_repaired > 0)
    upr_writer_warn (writer,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u text held characters a workbook cannot "
                                                   "hold (invalid or control characters); they "
                                                   "were left out.",
                                                   "%u texts held characters a workbook cannot "
                                                   "hold (invalid or control characters); they "
                                                   "were left out.",
                                                   report->n_repaired),
                                      report->n_repaired));
  report->n_redacted = snapshot->n_redacted;
  if (snapshot->n_redacted > 0)
    upr_writer_warn (writer,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u text about a workshop was left out "
                                                   "because it names someone who may not "
                                                   "appear in this workbook.",
                                                   "%u texts about workshops were left out "
                                                   "because they name someone who may not "
                                                   "appear in this workbook.",
                                                   snapshot->n_redacted),
                                      snapshot->n_redacted));
  g_ptr_array_add (writer->warnings, NULL);
  g_strfreev (report->warnings);
  report->warnings = (char **) g_ptr_array_steal (writer->warnings, NULL);
}

static void
fill_counts (const UprWorkbookSnapshot *snapshot,
             UprWorkbookReport         *report)
{
  report->n_recommendations = snapshot->matrix != NULL
                                ? upr_export_matrix_get_n_items (snapshot->matrix) : 0;
  report->n_workshops = snapshot->workshops->len;
  report->n_participants = snapshot->people->len;
  report->n_named = snapshot->participants != NULL ? snapshot->participants->len : 0;
  report->n_withheld = snapshot->n_withheld;
}

gboolean
upr_workbook_write_file (const UprWorkbookSnapshot *snapshot,
                         const char                *path,
                         GCancellable              *cancellable,
                         UprWorkbookProgressFunc    progress,
                         gpointer                   progress_data,
                         UprWorkbookReport         *report,
                         GError                   **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  UprWorkbookWriter writer = { 0 };
  gboolean ok;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  writer.snapshot = snapshot;
  writer.cancellable = cancellable;
  writer.progress = progress;
  writer.progress_data = progress_data;
  writer.report = report;
  writer.warnings = g_ptr_array_new_with_free_func (g_free);
  writer.scratch = g_string_sized_new (1024);
  writer.clean = g_string_sized_new (1024);
  writer.rows_total = count_rows (snapshot);
  writer.workbook = workbook_new_opt (path, &options);
  if (writer.workbook == NULL)
    {
      writer_clear (&writer);
      return upr_writer_check (&writer, LXW_ERROR_MEMORY_MALLOC_FAILED, error);
    }
  ok = add_formats (&writer, error) && write_sheets (&writer, error);
  if (!ok)
    {
      /* Frees everything without writing the file. */
      lxw_workbook_free (writer.workbook);
      writer_clear (&writer);
      return FALSE;
    }
  writer.sheet_name = NULL;
  ok = upr_writer_check (&writer, workbook_close (writer.workbook), error);
  if (ok)
    {
      fill_counts (snapshot, report);
      finish_report (&writer);
      report_progress (&writer, 1.0);
    }
  writer_clear (&writer);
  return ok;
}
