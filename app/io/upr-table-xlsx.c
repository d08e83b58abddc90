/* upr-table-xlsx.c: Excel workbooks (.xlsx, Office Open XML), such as the OHCHR Universal
 * Human Rights Index export, read part by part with libxml2's streaming reader (upr-zip.h):
 * the workbook's sheet list and its relationships, the shared strings, the styles (to tell
 * dates from numbers), then each worksheet. A cell is shown as Excel shows it with the
 * General format: "5" rather than "5.0", "2024-03-01" for a date, "TRUE", "#N/A"; skipped
 * cells and rows become empty ones so that columns and row numbers stay where Excel has
 * them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "upr-table-private.h"
#include "upr-zip.h"

typedef enum
{
  SHOW_NUMBER,
  SHOW_DATE,
  SHOW_DATE_TIME,
  SHOW_TIME,
  SHOW_PERCENT,
} Show;

typedef struct
{
  char *name;
  char *part; /* resolved: "xl/worksheets/sheet1.xml" */
} SheetRef;

typedef struct
{
  UprTable     *table;
  UprZip       *zip;
  GCancellable *cancellable;

  GHashTable   *rels;            /* id → resolved part */
  GHashTable   *rel_types;       /* id → type's last segment ("worksheet", "chartsheet"…) */
  char         *shared_strings;  /* resolved part, or NULL */
  char         *styles;          /* resolved part, or NULL */
  GArray       *sheets;          /* SheetRef */
  gboolean      date1904;

  GPtrArray    *strings;         /* interned shared strings; too_long_string for long ones */
  GArray       *xf_show;         /* guint8 Show, by cell style index */
} Workbook;

/* Stands for a shared string longer than UPR_TABLE_MAX_CELL: refused only if a cell uses it. */
static const char too_long_string[] = "";

/* The longest text kept while reading a string: more cannot fit a cell anyway. */
#define MAX_CELL_BYTES (UPR_TABLE_MAX_CELL * 4 + 4)

static void
sheet_ref_clear (SheetRef *ref)
{
  g_free (ref->name);
  g_free (ref->part);
}

static void
workbook_clear (Workbook *book)
{
  g_clear_pointer (&book->rels, g_hash_table_unref);
  g_clear_pointer (&book->rel_types, g_hash_table_unref);
  g_clear_pointer (&book->shared_strings, g_free);
  g_clear_pointer (&book->styles, g_free);
  g_clear_pointer (&book->sheets, g_array_unref);
  g_clear_pointer (&book->strings, g_ptr_array_unref);
  g_clear_pointer (&book->xf_show, g_array_unref);
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
         || type == XML_READER_TYPE_WHITESPACE;
}

static void
append_text (GString          *text,
             xmlTextReaderPtr  reader)
{
  const char *value = (const char *) xmlTextReaderConstValue (reader);

  if (value != NULL && text->len <= MAX_CELL_BYTES)
    g_string_append (text, value);
}

/* A relationship's target, relative to the workbook's folder unless it starts with "/",
 * with "." and ".." resolved; NULL when it climbs out of the archive. */
static char *
resolve_target (const char *target)
{
  g_auto (GStrv) segments = NULL;
  g_autoptr (GPtrArray) path = g_ptr_array_new ();

  if (target[0] != '/')
    g_ptr_array_add (path, "xl");
  segments = g_strsplit (target, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (segments[i][0] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (path->len == 0)
            return NULL;
          g_ptr_array_remove_index (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, segments[i]);
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

static gboolean
read_rels (Workbook *book,
           GError  **error)
{
  xmlTextReaderPtr reader = upr_zip_begin_xml (book->zip, "xl/_rels/workbook.xml.rels", error);
  int ret;

  if (reader == NULL)
    return FALSE;
  book->rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book->rel_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((ret = upr_zip_xml_next (book->zip, reader)) == 1)
    {
      g_autoptr (UprXmlString) id = NULL;
      g_autoptr (UprXmlString) type = NULL;
      g_autoptr (UprXmlString) target = NULL;
      g_autoptr (UprXmlString) mode = NULL;
      const char *kind;
      char *part;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT
          || !upr_xml_is (reader, "Relationship"))
        continue;
      id = upr_xml_attribute (reader, "Id");
      type = upr_xml_attribute (reader, "Type");
      target = upr_xml_attribute (reader, "Target");
      mode = upr_xml_attribute (reader, "TargetMode");
      if (id == NULL || type == NULL || target == NULL
          || (mode != NULL && strcmp (mode, "External") == 0))
        continue;
      part = resolve_target (target);
      if (part == NULL)
        continue;
      kind = strrchr (type, '/') != NULL ? strrchr (type, '/') + 1 : type;
      if (strcmp (kind, "sharedStrings") == 0)
        g_free (book->shared_strings), book->shared_strings = g_strdup (part);
      else if (strcmp (kind, "styles") == 0)
        g_free (book->styles), book->styles = g_strdup (part);
      g_hash_table_replace (book->rel_types, g_strdup (id), g_strdup (kind));
      g_hash_table_replace (book->rels, g_strdup (id), part);
    }
  return upr_zip_end_xml (book->zip, reader, ret, error);
}

static gboolean
is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
}

static void
add_sheet_ref (Workbook        *book,
               xmlTextReaderPtr reader)
{
  g_autoptr (UprXmlString) name = upr_xml_attribute (reader, "name");
  g_autoptr (UprXmlString) id = upr_xml_attribute (reader, "id");
  const char *part = id != NULL ? g_hash_table_lookup (book->rels, id) : NULL;
  const char *kind = id != NULL ? g_hash_table_lookup (book->rel_types, id) : NULL;
  SheetRef ref;

  /* Chart sheets and dialog sheets hold no cells. */
  if (part == NULL || kind == NULL || strcmp (kind, "worksheet") != 0)
    return;
  ref.name = g_strdup (name != NULL ? name : "");
  ref.part = g_strdup (part);
  g_array_append_val (book->sheets, ref);
}

static gboolean
read_workbook_part (Workbook *book,
                    GError  **error)
{
  xmlTextReaderPtr reader = upr_zip_begin_xml (book->zip, "xl/workbook.xml", error);
  int ret;

  if (reader == NULL)
    return FALSE;
  book->sheets = g_array_new (FALSE, FALSE, sizeof (SheetRef));
  g_array_set_clear_func (book->sheets, (GDestroyNotify) sheet_ref_clear);
  while ((ret = upr_zip_xml_next (book->zip, reader)) == 1)
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;
      if (upr_xml_is (reader, "sheet"))
        add_sheet_ref (book, reader);
      else if (upr_xml_is (reader, "workbookPr"))
        {
          g_autoptr (UprXmlString) date1904 = upr_xml_attribute (reader, "date1904");

          book->date1904 = is_true (date1904);
        }
    }
  return upr_zip_end_xml (book->zip, reader, ret, error);
}

static void
add_shared_string (Workbook *book,
                   GString  *text)
{
  gsize n_chars;

  if (upr_table_text_too_long (text->str, text->len, &n_chars))
    g_ptr_array_add (book->strings, (gpointer) too_long_string);
  else
    g_ptr_array_add (book->strings,
                     (gpointer) upr_table_intern (book->table, text->str, text->len));
}

/* <si> holds a <t>, or runs <r><t>…</t></r> to be joined; <rPh> is phonetic guidance for
 * East Asian text, not part of it. */
static gboolean
read_shared_strings (Workbook *book,
                     GError  **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  xmlTextReaderPtr reader;
  gboolean in_t = FALSE;
  guint in_phonetic = 0;
  int ret;

  book->strings = g_ptr_array_new ();
  if (book->shared_strings == NULL || !upr_zip_has_entry (book->zip, book->shared_strings))
    return TRUE;
  reader = upr_zip_begin_xml (book->zip, book->shared_strings, error);
  if (reader == NULL)
    return FALSE;
  while ((ret = upr_zip_xml_next (book->zip, reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      gboolean empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (reader);

      if (type == XML_READER_TYPE_ELEMENT && upr_xml_is (reader, "si"))
        {
          g_string_truncate (text, 0);
          if (empty)
            add_shared_string (book, text);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && upr_xml_is (reader, "si"))
        add_shared_string (book, text);
      else if (upr_xml_is (reader, "rPh") && !empty)
        in_phonetic += type == XML_READER_TYPE_ELEMENT ? 1 : in_phonetic > 0 ? -1 : 0;
      else if (upr_xml_is (reader, "t"))
        in_t = type == XML_READER_TYPE_ELEMENT && !empty && in_phonetic == 0;
      else if (in_t && is_text_node (type))
        append_text (text, reader);
      if (book->strings->len > (guint) UPR_TABLE_MAX_CELLS)
        {
          upr_zip_end_xml (book->zip, reader, 0, NULL);
          g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                       _("This file has more than %u cells; Upright does not read files "
                         "that large."), UPR_TABLE_MAX_CELLS);
          return FALSE;
        }
    }
  return upr_zip_end_xml (book->zip, reader, ret, error);
}

/* How a custom number format shows a number: the letters outside quoted text, escapes and
 * [brackets] decide (d, y: a date; h, s: a time; m alone: months; a trailing %: percent). */
static Show
classify_format (const char *code)
{
  gboolean date = FALSE, time = FALSE, month = FALSE, percent = FALSE;

  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      switch (*p)
        {
        case '"':
          while (p[1] != '\0' && p[1] != '"')
            p++;
          if (p[1] == '"')
            p++;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] != '\0')
            p++;
          break;
        case '[':
          /* [h], [mm], [ss]: elapsed time; anything else: colour, condition, locale. */
          if (p[1] != '\0' && strchr ("hHmMsS", p[1]) != NULL)
            time = TRUE;
          while (p[1] != '\0' && p[1] != ']')
            p++;
          break;
        case 'd': case 'D': case 'y': case 'Y':
          date = TRUE;
          break;
        case 'm': case 'M':
          month = TRUE;
          break;
        case 'h': case 'H': case 's': case 'S':
          time = TRUE;
          break;
        case '%':
          percent = TRUE;
          break;
        default:
          break;
        }
    }
  if (month && !time)
    date = TRUE;
  if (date)
    return time ? SHOW_DATE_TIME : SHOW_DATE;
  if (time)
    return SHOW_TIME;
  return percent ? SHOW_PERCENT : SHOW_NUMBER;
}

/* Excel's built-in formats (ECMA-376 part 1, 18.8.30), the date and time ones including
 * the East Asian ids 27–36 and 50–58. */
static Show
builtin_format (guint64 id)
{
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return SHOW_DATE;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
    return SHOW_TIME;
  if (id == 22)
    return SHOW_DATE_TIME;
  if (id == 9 || id == 10)
    return SHOW_PERCENT;
  return SHOW_NUMBER;
}

static guint64
parse_id (const char *text)
{
  return text != NULL ? g_ascii_strtoull (text, NULL, 10) : 0;
}

static void
add_xf (Workbook        *book,
        GHashTable      *custom,
        xmlTextReaderPtr reader)
{
  g_autoptr (UprXmlString) format = upr_xml_attribute (reader, "numFmtId");
  guint64 id = parse_id (format);
  gpointer show;
  guint8 value;

  if (g_hash_table_lookup_extended (custom, GSIZE_TO_POINTER ((gsize) id), NULL, &show))
    value = GPOINTER_TO_UINT (show);
  else
    value = builtin_format (id);
  g_array_append_val (book->xf_show, value);
}

static gboolean
read_styles (Workbook *book,
             GError  **error)
{
  g_autoptr (GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  xmlTextReaderPtr reader;
  gboolean in_cell_xfs = FALSE;
  int ret;

  book->xf_show = g_array_new (FALSE, FALSE, sizeof (guint8));
  if (book->styles == NULL || !upr_zip_has_entry (book->zip, book->styles))
    return TRUE;
  reader = upr_zip_begin_xml (book->zip, book->styles, error);
  if (reader == NULL)
    return FALSE;
  while ((ret = upr_zip_xml_next (book->zip, reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (upr_xml_is (reader, "cellXfs"))
        in_cell_xfs = type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement (reader);
      else if (type != XML_READER_TYPE_ELEMENT)
        continue;
      else if (upr_xml_is (reader, "numFmt"))
        {
          g_autoptr (UprXmlString) id = upr_xml_attribute (reader, "numFmtId");
          g_autoptr (UprXmlString) code = upr_xml_attribute (reader, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_insert (custom, GSIZE_TO_POINTER ((gsize) parse_id (id)),
                                 GUINT_TO_POINTER (classify_format (code)));
        }
      else if (in_cell_xfs && upr_xml_is (reader, "xf") && book->xf_show->len < G_MAXUINT16 * 16)
        add_xf (book, custom, reader);
    }
  return upr_zip_end_xml (book->zip, reader, ret, error);
}

/* Excel's serial date: days since 1899-12-30 in the 1900 system (which counts a 29 February
 * 1900 that never was: serial 60), since 1904-01-01 in the 1904 one. */
static gboolean
format_date (double  serial,
             gboolean date1904,
             Show    show,
             char   *buffer,
             gsize   size)
{
  GDate date;
  gint64 days;
  gint64 seconds;
  int hours, minutes;

  if (!(serial >= 0 && serial < 2958466))
    return FALSE;
  days = (gint64) floor (serial);
  seconds = (gint64) llround ((serial - days) * 86400.0);
  if (seconds >= 86400)
    days++, seconds -= 86400;
  hours = seconds / 3600;
  minutes = seconds / 60 % 60;
  if (show == SHOW_TIME)
    {
      g_snprintf (buffer, size, "%02d:%02d:%02d", hours, minutes, (int) (seconds % 60));
      return TRUE;
    }
  if (!date1904 && days == 0)
    return FALSE; /* Excel's "1900-01-00": a time without a date */

  if (!date1904 && days == 60)
    g_strlcpy (buffer, "1900-02-29", size);
  else
    {
      g_date_clear (&date, 1);
      if (date1904)
        g_date_set_dmy (&date, 1, 1, 1904);
      else
        {
          g_date_set_dmy (&date, 31, 12, 1899);
          days -= days > 60 ? 1 : 0;
        }
      g_date_add_days (&date, days);
      g_snprintf (buffer, size, "%04d-%02d-%02d", g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date));
    }
  if (show == SHOW_DATE_TIME)
    {
      gsize length = strlen (buffer);

      g_snprintf (buffer + length, size - length, " %02d:%02d:%02d", hours, minutes,
                  (int) (seconds % 60));
    }
  return TRUE;
}

/* The state of one worksheet being read. */
typedef struct
{
  Workbook      *book;
  UprTableSheet *sheet;
  const char    *sheet_name;
  GPtrArray     *row;        /* the cells of the row being read, by column; NULL: none */
  guint          row_number; /* 1-based, of the row being read */
  guint          n_emitted;  /* rows given to the table so far */
  guint          column;     /* 0-based, of the cell being read */
  guint          next_column; /* of a cell without a reference */
  char           cell_type[16];
  guint64        cell_style;
  gboolean       in_row, in_cell, in_value, in_inline, in_t;
  guint          in_phonetic;
  GString       *text;       /* of <v> or of an inline string */

  /* Element and attribute names as the parser's dictionary holds them: a sheet has hundreds
   * of thousands of nodes, and comparing pointers instead of strings halves its reading
   * time. */
  const xmlChar *name_row, *name_c, *name_v, *name_is, *name_t, *name_rph, *name_r, *name_s;
} SheetReader;

static gboolean
set_cell_error (SheetReader *reader,
                const char  *problem,
                GError     **error,
                int          code)
{
  g_autofree char *where = upr_table_describe_cell (reader->book->table, reader->sheet_name,
                                                    0, reader->row_number - 1,
                                                    reader->row_number, reader->column);

  g_set_error (error, UPR_TABLE_ERROR, code, _("%s: %s"), where, problem);
  return FALSE;
}

/* "C5" → column 2 (0-based); FALSE when there are no letters. Rows come from <row>. */
static gboolean
parse_column (const char *reference,
              guint      *column)
{
  guint64 value = 0;
  const char *p = reference;

  for (; g_ascii_isalpha (*p); p++)
    {
      value = value * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (value > UPR_TABLE_MAX_COLUMNS)
        return *column = UPR_TABLE_MAX_COLUMNS, TRUE;
    }
  if (p == reference)
    return FALSE;
  *column = value - 1;
  return TRUE;
}

static Show
cell_show (SheetReader *reader)
{
  GArray *xf = reader->book->xf_show;

  return reader->cell_style < xf->len ? g_array_index (xf, guint8, reader->cell_style)
                                      : SHOW_NUMBER;
}

/* The text of a number cell as Excel would show it. */
static const char *
number_text (SheetReader *reader,
             const char  *value,
             char        *buffer,
             gsize        size)
{
  char *end = NULL;
  double number;
  Show show = cell_show (reader);

  number = g_ascii_strtod (value, &end);
  if (end == value || *end != '\0')
    return value;
  if ((show == SHOW_DATE || show == SHOW_DATE_TIME || show == SHOW_TIME)
      && format_date (number, reader->book->date1904, show, buffer, size))
    return buffer;
  if (show == SHOW_PERCENT)
    {
      gsize length;

      upr_table_format_number (number * 100, buffer, size - 1);
      length = strlen (buffer);
      buffer[length] = '%', buffer[length + 1] = '\0';
      return buffer;
    }
  upr_table_format_number (number, buffer, size);
  return buffer;
}

/* The cell just read, interned; NULL with an error when it cannot be. */
static const char *
cell_text (SheetReader *reader,
           GError     **error)
{
  const char *type = reader->cell_type;
  const char *value = reader->text->str;
  char buffer[64];
  gsize n_chars;

  if (strcmp (type, "s") == 0)
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (value, &end, 10);
      const char *shared;

      if (end == value || index >= reader->book->strings->len)
        {
          set_cell_error (reader, _("the cell refers to a shared text that does not exist."),
                          error, UPR_TABLE_ERROR_DAMAGED);
          return NULL;
        }
      shared = g_ptr_array_index (reader->book->strings, index);
      if (shared == too_long_string)
        {
          g_autofree char *problem =
            g_strdup_printf (_("the cell has more than %u characters."), UPR_TABLE_MAX_CELL);

          set_cell_error (reader, problem, error, UPR_TABLE_ERROR_TOO_LARGE);
          return NULL;
        }
      return shared;
    }
  if (strcmp (type, "b") == 0)
    value = strcmp (value, "1") == 0 ? "TRUE" : strcmp (value, "0") == 0 ? "FALSE" : value;
  else if (strcmp (type, "d") == 0 && reader->text->len >= 19 && value[10] == 'T'
           && strncmp (value + 11, "00:00:00", 8) == 0)
    {
      /* An ISO 8601 date cell at midnight is a date. */
      g_string_truncate (reader->text, 10);
      value = reader->text->str;
    }
  else if (type[0] == '\0' || strcmp (type, "n") == 0)
    value = number_text (reader, value, buffer, sizeof buffer);

  if (upr_table_text_too_long (value, strlen (value), &n_chars))
    {
      g_autofree char *problem =
        g_strdup_printf (_("the cell has %u characters; a cell can hold at most %u."),
                         (guint) MIN (n_chars, G_MAXUINT), UPR_TABLE_MAX_CELL);

      set_cell_error (reader, problem, error, UPR_TABLE_ERROR_TOO_LARGE);
      return NULL;
    }
  return upr_table_intern (reader->book->table, value, -1);
}

static gboolean
begin_cell (SheetReader     *reader,
            xmlTextReaderPtr xml,
            GError         **error)
{
  guint column = reader->next_column;

  reader->cell_type[0] = '\0';
  reader->cell_style = 0;
  if (xmlTextReaderMoveToFirstAttribute (xml) == 1)
    {
      do
        {
          const char *value = (const char *) xmlTextReaderConstValue (xml);
          const xmlChar *name = xmlTextReaderConstLocalName (xml);

          if (value == NULL)
            continue;
          if (name == reader->name_r)
            parse_column (value, &column);
          else if (name == reader->name_t)
            g_strlcpy (reader->cell_type, value, sizeof reader->cell_type);
          else if (name == reader->name_s)
            reader->cell_style = parse_id (value);
        }
      while (xmlTextReaderMoveToNextAttribute (xml) == 1);
      xmlTextReaderMoveToElement (xml);
    }
  reader->column = column;
  reader->next_column = column + 1;
  if (column >= UPR_TABLE_MAX_COLUMNS)
    {
      g_autofree char *problem = g_strdup_printf (_("the sheet has more than %u columns."),
                                                  UPR_TABLE_MAX_COLUMNS);

      return set_cell_error (reader, problem, error, UPR_TABLE_ERROR_TOO_LARGE);
    }
  g_string_truncate (reader->text, 0);
  reader->in_cell = TRUE;
  return TRUE;
}

static gboolean
end_cell (SheetReader *reader,
          GError     **error)
{
  const char *text;

  reader->in_cell = reader->in_value = reader->in_inline = reader->in_t = FALSE;
  reader->in_phonetic = 0;
  /* A cell with a style and no value is empty, whatever its type says. */
  if (reader->text->len == 0 && strcmp (reader->cell_type, "inlineStr") != 0
      && strcmp (reader->cell_type, "str") != 0)
    return TRUE;
  text = cell_text (reader, error);
  if (text == NULL)
    return FALSE;
  if (reader->column >= reader->row->len)
    g_ptr_array_set_size (reader->row, reader->column + 1);
  g_ptr_array_index (reader->row, reader->column) = (gpointer) text;
  return TRUE;
}

static gboolean
begin_row (SheetReader     *reader,
           xmlTextReaderPtr xml,
           GError         **error)
{
  g_autoptr (UprXmlString) r = upr_xml_attribute (xml, "r");
  guint64 number = r != NULL ? g_ascii_strtoull (r, NULL, 10) : 0;

  /* Rows come in order; one without a number, or out of order, follows the last. */
  if (number <= reader->row_number)
    number = reader->row_number + 1;
  if (number > UPR_TABLE_MAX_ROWS)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                   _("This file has more than %u rows; Upright does not read files that "
                     "large."), UPR_TABLE_MAX_ROWS);
      return FALSE;
    }
  reader->row_number = number;
  reader->next_column = 0;
  g_ptr_array_set_size (reader->row, 0);
  reader->in_row = TRUE;
  return TRUE;
}

/* Gives the row to the table, after the empty rows that were skipped before it. A row with
 * no value is held back until a later row has one, so that the formatted but empty rows
 * Excel writes at the end of a sheet do not become a million empty ones. */
static gboolean
end_row (SheetReader *reader,
         GError     **error)
{
  UprTable *table = reader->book->table;

  reader->in_row = FALSE;
  if (reader->row->len == 0)
    return TRUE;
  while (reader->n_emitted + 1 < reader->row_number)
    {
      if (!upr_table_sheet_begin_row (table, reader->sheet, reader->n_emitted + 1, error))
        return FALSE;
      upr_table_sheet_end_row (table, reader->sheet);
      reader->n_emitted++;
    }
  if (!upr_table_sheet_begin_row (table, reader->sheet, reader->row_number, error))
    return FALSE;
  for (guint i = 0; i < reader->row->len; i++)
    {
      const char *cell = g_ptr_array_index (reader->row, i);

      if (!upr_table_sheet_add_interned (table, reader->sheet, cell != NULL ? cell : "",
                                         error))
        return FALSE;
    }
  upr_table_sheet_end_row (table, reader->sheet);
  reader->n_emitted = reader->row_number;
  if (reader->n_emitted % UPR_TABLE_CANCEL_EVERY == 0)
    return upr_table_check_cancelled (reader->book->cancellable, error);
  return TRUE;
}

static gboolean
sheet_element (SheetReader     *reader,
               xmlTextReaderPtr xml,
               gboolean         start,
               GError         **error)
{
  const xmlChar *name = xmlTextReaderConstLocalName (xml);

  if (name == reader->name_row)
    return start ? begin_row (reader, xml, error) : end_row (reader, error);
  if (!reader->in_row)
    return TRUE;
  if (name == reader->name_c)
    return start ? begin_cell (reader, xml, error) : end_cell (reader, error);
  if (!reader->in_cell)
    return TRUE;
  if (name == reader->name_v)
    reader->in_value = start;
  else if (name == reader->name_is)
    reader->in_inline = start;
  else if (name == reader->name_rph && reader->in_inline)
    reader->in_phonetic += start ? 1 : reader->in_phonetic > 0 ? -1 : 0;
  else if (name == reader->name_t && reader->in_inline)
    reader->in_t = start && reader->in_phonetic == 0;
  return TRUE;
}

static gboolean
read_sheet (Workbook       *book,
            const SheetRef *ref,
            GError        **error)
{
  g_autoptr (GPtrArray) row = g_ptr_array_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  SheetReader reader = { 0 };
  xmlTextReaderPtr xml;
  int ret;

  xml = upr_zip_begin_xml (book->zip, ref->part, error);
  if (xml == NULL)
    return FALSE;
  reader.book = book;
  reader.sheet = upr_table_add_sheet (book->table, ref->name);
  reader.sheet_name = ref->name;
  reader.row = row;
  reader.text = text;
  reader.name_row = xmlTextReaderConstString (xml, BAD_CAST "row");
  reader.name_c = xmlTextReaderConstString (xml, BAD_CAST "c");
  reader.name_v = xmlTextReaderConstString (xml, BAD_CAST "v");
  reader.name_is = xmlTextReaderConstString (xml, BAD_CAST "is");
  reader.name_t = xmlTextReaderConstString (xml, BAD_CAST "t");
  reader.name_rph = xmlTextReaderConstString (xml, BAD_CAST "rPh");
  reader.name_r = xmlTextReaderConstString (xml, BAD_CAST "r");
  reader.name_s = xmlTextReaderConstString (xml, BAD_CAST "s");
  while ((ret = upr_zip_xml_next (book->zip, xml)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);
      gboolean ok = TRUE;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (xml);

          ok = sheet_element (&reader, xml, TRUE, error)
               && (!empty || sheet_element (&reader, xml, FALSE, error));
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        ok = sheet_element (&reader, xml, FALSE, error);
      else if ((reader.in_value || reader.in_t) && is_text_node (type))
        append_text (text, xml);
      if (!ok)
        {
          upr_zip_end_xml (book->zip, xml, 0, NULL);
          return FALSE;
        }
    }
  return upr_zip_end_xml (book->zip, xml, ret, error);
}

gboolean
upr_table_read_xlsx (UprTable     *self,
                     UprZip       *zip,
                     GCancellable *cancellable,
                     GError      **error)
{
  Workbook book = { self, zip, cancellable };
  gboolean ok;

  ok = read_rels (&book, error)
       && read_workbook_part (&book, error)
       && read_shared_strings (&book, error)
       && read_styles (&book, error);
  if (ok && book.sheets->len == 0)
    {
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_NO_TABLE,
                           _("This workbook has no sheets."));
      ok = FALSE;
    }
  for (guint i = 0; ok && i < book.sheets->len; i++)
    ok = upr_table_check_cancelled (cancellable, error)
         && read_sheet (&book, &g_array_index (book.sheets, SheetRef, i), error);
  workbook_clear (&book);
  return ok;
}
