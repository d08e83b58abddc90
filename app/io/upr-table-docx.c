/* upr-table-docx.c: the tables of a Word document (.docx), such as the OHCHR "Thematic list
 * of recommendations" that officers receive for each country and session. Each top-level
 * table is a sheet; its rows and cells are kept as Word lays them out on its grid: a cell
 * spanning columns gives its text to the first and empty cells to the others, a row that
 * starts later on the grid (w:gridBefore) starts with empty cells, so columns stay aligned.
 * Paragraphs in a cell are joined by "\n"; a table nested in a cell is flattened into the
 * cell's text. Word's non-breaking hyphen (w:noBreakHyphen) becomes U+2011, which the
 * importer maps.
 *
 * The document's title comes first, as a row of one cell above the first table: the short
 * paragraphs of its page headers and those before its first table, one per line. OHCHR
 * prints "UPR of Slovenia (4th Cycle - 48th Session)" in the page header only, and the
 * importer finds the State and the session in the rows above a table's header, as it does
 * in a workbook's title rows. Rows are numbered as the table view shows them: the title is
 * row 1 of "Table 1". */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-table-private.h"
#include "upr-zip.h"

#define W_NAMESPACE        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT_NAMESPACE "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NAMESPACE       "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* The longest text kept for a cell while reading: more cannot fit a cell anyway. */
#define MAX_CELL_BYTES (UPR_TABLE_MAX_CELL * 4 + 4)
/* A title is a few short lines: a longer paragraph is text, not a title. */
#define MAX_TITLE_LINES      8
#define MAX_TITLE_LINE_BYTES 300
#define MAX_HEADER_PARTS     6
#define DOCUMENT_RELS        "word/_rels/document.xml.rels"

typedef struct
{
  UprTable      *table;
  UprZip        *zip;
  GCancellable  *cancellable;

  UprTableSheet *sheet;        /* of the top-level table being read */
  guint          n_tables;
  guint          depth;        /* of table nesting: 1 in a top-level table */
  gboolean       in_row;       /* of a top-level table */
  gboolean       in_cell;      /* of a top-level table */
  guint          grid_span;    /* of the top-level cell */
  guint          n_paragraphs; /* begun in the top-level cell */
  guint          in_run;
  gboolean       in_text;
  guint          in_fallback;  /* mc:Fallback repeats what mc:Choice says: skipped */
  GString       *cell;

  GPtrArray     *title;        /* its lines: distinct, not empty */
  GString       *title_line;   /* the paragraph of the title being read */
  gboolean       in_title_text;
} DocReader;

static gboolean
is_word (xmlTextReaderPtr xml)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (xml);

  return uri != NULL && (strcmp (uri, W_NAMESPACE) == 0 || strcmp (uri, W_STRICT_NAMESPACE) == 0);
}

/* Counts the mc:Fallback elements @xml is in, if it is one: a Fallback repeats what its
 * mc:Choice says, and is skipped. */
static gboolean
track_fallback (DocReader       *reader,
                xmlTextReaderPtr xml,
                gboolean         start)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (xml);

  if (uri == NULL || strcmp (uri, MC_NAMESPACE) != 0 || !upr_xml_is (xml, "Fallback"))
    return FALSE;
  reader->in_fallback += start ? 1 : reader->in_fallback > 0 ? -1 : 0;
  return TRUE;
}

static void
append (DocReader  *reader,
        const char *text)
{
  if (reader->in_cell && reader->in_fallback == 0 && reader->cell->len <= MAX_CELL_BYTES)
    g_string_append (reader->cell, text);
}

/* A w:val attribute as a count, clamped to [1, UPR_TABLE_MAX_COLUMNS]. */
static guint
count_value (xmlTextReaderPtr xml,
             guint            minimum)
{
  g_autoptr (UprXmlString) value = upr_xml_attribute (xml, "val");
  guint64 count = value != NULL ? g_ascii_strtoull (value, NULL, 10) : minimum;

  return CLAMP (count, minimum, UPR_TABLE_MAX_COLUMNS);
}

/* The title */

static void
append_title (DocReader  *reader,
              const char *text)
{
  if (reader->in_fallback == 0 && reader->title_line->len <= MAX_TITLE_LINE_BYTES)
    g_string_append (reader->title_line, text);
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Keeps the paragraph just read as a line of the title, unless it is too long, has no
 * letter (empty, or a page number), or was said already (the first page's header often
 * repeats the others'). */
static void
end_title_line (DocReader *reader)
{
  char *line = g_strstrip (reader->title_line->str);
  gboolean keep = strlen (line) <= MAX_TITLE_LINE_BYTES && reader->title->len < MAX_TITLE_LINES
                  && has_letter (line);

  for (guint i = 0; keep && i < reader->title->len; i++)
    keep = strcmp (reader->title->pdata[i], line) != 0;
  if (keep)
    g_ptr_array_add (reader->title, g_strdup (line));
  g_string_truncate (reader->title_line, 0);
  reader->in_title_text = FALSE;
}

/* Elements that make the title's text: paragraphs and their text. A tab or a break ends a
 * line too: a page header puts its parts apart with tabs ("UPR of Slovenia (4th Cycle - 48th
 * Session)", tab, "Thematic list of recommendations", tab, "Page 1 of 2"). */
static void
title_element (DocReader       *reader,
               xmlTextReaderPtr xml,
               gboolean         start)
{
  if (upr_xml_is (xml, "t"))
    reader->in_title_text = start;
  else if (upr_xml_is (xml, "p")
           || (start && (upr_xml_is (xml, "tab") || upr_xml_is (xml, "ptab")
                         || upr_xml_is (xml, "br") || upr_xml_is (xml, "cr"))))
    end_title_line (reader);
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
         || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

/* Adds the lines of the page header in @part to the title. */
static gboolean
read_header_part (DocReader  *reader,
                  const char *part,
                  GError    **error)
{
  xmlTextReaderPtr xml = upr_zip_begin_xml (reader->zip, part, error);
  int ret;

  if (xml == NULL)
    return FALSE;
  while ((ret = upr_zip_xml_next (reader->zip, xml)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (xml);

          if (!track_fallback (reader, xml, TRUE) && is_word (xml))
            title_element (reader, xml, TRUE);
          if (empty && !track_fallback (reader, xml, FALSE) && is_word (xml))
            title_element (reader, xml, FALSE);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (!track_fallback (reader, xml, FALSE) && is_word (xml))
            title_element (reader, xml, FALSE);
        }
      else if (reader->in_title_text && is_text_node (type))
        append_title (reader, (const char *) xmlTextReaderConstValue (xml));
    }
  end_title_line (reader);
  /* The count goes back to 0 in a well-formed part; the document starts afresh anyway. */
  reader->in_fallback = 0;
  return upr_zip_end_xml (reader->zip, xml, ret, error);
}

/* The parts of the page headers, as the document's relationships name them. */
static GPtrArray *
list_header_parts (DocReader *reader,
                   GError   **error)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  xmlTextReaderPtr xml;
  int ret;

  if (!upr_zip_has_entry (reader->zip, DOCUMENT_RELS))
    return g_steal_pointer (&parts);
  xml = upr_zip_begin_xml (reader->zip, DOCUMENT_RELS, error);
  if (xml == NULL)
    return NULL;
  while ((ret = upr_zip_xml_next (reader->zip, xml)) == 1)
    {
      g_autoptr (UprXmlString) type = NULL;
      g_autoptr (UprXmlString) target = NULL;
      g_autoptr (UprXmlString) mode = NULL;

      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT
          || !upr_xml_is (xml, "Relationship") || parts->len >= MAX_HEADER_PARTS)
        continue;
      type = upr_xml_attribute (xml, "Type");
      target = upr_xml_attribute (xml, "Target");
      mode = upr_xml_attribute (xml, "TargetMode");
      /* Targets are relative to word/, or absolute from the root of the package. */
      if (type != NULL && target != NULL && mode == NULL && g_str_has_suffix (type, "/header"))
        g_ptr_array_add (parts, target[0] == '/' ? g_strdup (target + 1)
                                                 : g_strconcat ("word/", target, NULL));
    }
  if (!upr_zip_end_xml (reader->zip, xml, ret, error))
    return NULL;
  return g_steal_pointer (&parts);
}

static gboolean
read_page_headers (DocReader *reader,
                   GError   **error)
{
  g_autoptr (GPtrArray) parts = list_header_parts (reader, error);

  if (parts == NULL)
    return FALSE;
  for (guint i = 0; i < parts->len; i++)
    if (upr_zip_has_entry (reader->zip, parts->pdata[i])
        && !read_header_part (reader, parts->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* The title, as the first row of the first table's sheet. */
static gboolean
add_title_row (DocReader *reader,
               GError   **error)
{
  g_autofree char *text = NULL;

  if (reader->title->len == 0)
    return TRUE;
  g_ptr_array_add (reader->title, NULL);
  text = g_strjoinv ("\n", (char **) reader->title->pdata);
  g_ptr_array_set_size (reader->title, 0);
  if (!upr_table_sheet_begin_row (reader->table, reader->sheet, 1, error)
      || !upr_table_sheet_add_cell (reader->table, reader->sheet, text, -1, error))
    return FALSE;
  upr_table_sheet_end_row (reader->table, reader->sheet);
  return TRUE;
}

/* The tables */

static gboolean
begin_table (DocReader *reader,
             GError   **error)
{
  g_autofree char *name = NULL;

  if (++reader->depth > 1)
    return TRUE;
  reader->n_tables++;
  /* Translators: the name of the n-th table of a Word document, shown like a sheet name */
  name = g_strdup_printf (_("Table %u"), reader->n_tables);
  reader->sheet = upr_table_add_sheet (reader->table, name);
  if (reader->n_tables == 1)
    {
      end_title_line (reader);
      if (!add_title_row (reader, error))
        return FALSE;
    }
  return upr_table_check_cancelled (reader->cancellable, error);
}

static gboolean
begin_row (DocReader *reader,
           GError   **error)
{
  guint line = upr_table_sheet_get_n_rows (reader->sheet) + 1;

  if (line % UPR_TABLE_CANCEL_EVERY == 0 && !upr_table_check_cancelled (reader->cancellable, error))
    return FALSE;
  reader->in_row = TRUE;
  return upr_table_sheet_begin_row (reader->table, reader->sheet, line, error);
}

static gboolean
add_empty_cells (DocReader *reader,
                 guint      count,
                 GError   **error)
{
  for (guint i = 0; i < count; i++)
    if (!upr_table_sheet_add_interned (reader->table, reader->sheet, "", error))
      return FALSE;
  return TRUE;
}

static gboolean
end_cell (DocReader *reader,
          GError   **error)
{
  reader->in_cell = FALSE;
  return upr_table_sheet_add_cell (reader->table, reader->sheet, reader->cell->str,
                                   reader->cell->len, error)
         && add_empty_cells (reader, reader->grid_span - 1, error);
}

/* Ends the top-level row, and its cell, if they are open. */
static gboolean
close_row (DocReader *reader,
           GError   **error)
{
  if (reader->in_cell && !end_cell (reader, error))
    return FALSE;
  if (reader->in_row)
    {
      reader->in_row = FALSE;
      upr_table_sheet_end_row (reader->table, reader->sheet);
    }
  return TRUE;
}

/* Elements that shape the top-level table: tables, rows, cells and their grid. */
static gboolean
table_element (DocReader       *reader,
               xmlTextReaderPtr xml,
               gboolean         start,
               GError         **error)
{
  if (upr_xml_is (xml, "tbl"))
    {
      if (start)
        return (reader->depth > 0 || close_row (reader, error)) && begin_table (reader, error);
      if (reader->depth > 0 && --reader->depth == 0)
        return close_row (reader, error);
      return TRUE;
    }
  if (reader->depth != 1)
    return TRUE;
  if (upr_xml_is (xml, "tr"))
    {
      if (start && !reader->in_row)
        return begin_row (reader, error);
      if (!start)
        return close_row (reader, error);
      return TRUE;
    }
  if (!reader->in_row)
    return TRUE;
  if (upr_xml_is (xml, "tc"))
    {
      if (!start)
        return reader->in_cell ? end_cell (reader, error) : TRUE;
      if (reader->in_cell && !end_cell (reader, error))
        return FALSE;
      reader->in_cell = TRUE;
      reader->grid_span = 1;
      reader->n_paragraphs = 0;
      reader->in_run = 0;
      reader->in_text = FALSE;
      g_string_truncate (reader->cell, 0);
      return TRUE;
    }
  if (start && upr_xml_is (xml, "gridSpan") && reader->in_cell)
    reader->grid_span = count_value (xml, 1);
  else if (start && upr_xml_is (xml, "gridBefore") && !reader->in_cell)
    return add_empty_cells (reader, count_value (xml, 0), error);
  return TRUE;
}

/* Elements that make a cell's text. */
static void
text_element (DocReader       *reader,
              xmlTextReaderPtr xml,
              gboolean         start)
{
  if (upr_xml_is (xml, "p"))
    {
      if (start && reader->n_paragraphs++ > 0)
        append (reader, "\n");
    }
  else if (upr_xml_is (xml, "r"))
    reader->in_run += start ? 1 : reader->in_run > 0 ? -1 : 0;
  else if (upr_xml_is (xml, "t"))
    reader->in_text = start;
  else if (!start || reader->in_run == 0)
    return;
  else if (upr_xml_is (xml, "tab") || upr_xml_is (xml, "ptab"))
    append (reader, "\t");
  else if (upr_xml_is (xml, "br") || upr_xml_is (xml, "cr"))
    append (reader, "\n");
  else if (upr_xml_is (xml, "noBreakHyphen"))
    append (reader, "\u2011");
}

static gboolean
element (DocReader       *reader,
         xmlTextReaderPtr xml,
         gboolean         start,
         GError         **error)
{
  if (track_fallback (reader, xml, start) || !is_word (xml))
    return TRUE;
  /* Before the first table, paragraphs make the title. */
  if (reader->n_tables == 0)
    title_element (reader, xml, start);
  if (!table_element (reader, xml, start, error))
    return FALSE;
  if (reader->in_cell)
    text_element (reader, xml, start);
  return TRUE;
}

static gboolean
read_document (DocReader *reader,
               GError   **error)
{
  xmlTextReaderPtr xml = upr_zip_begin_xml (reader->zip, "word/document.xml", error);
  int ret;

  if (xml == NULL)
    return FALSE;
  while ((ret = upr_zip_xml_next (reader->zip, xml)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);
      gboolean ok = TRUE;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (xml);

          ok = element (reader, xml, TRUE, error) && (!empty || element (reader, xml, FALSE, error));
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        ok = element (reader, xml, FALSE, error);
      else if (reader->in_text && reader->in_cell && is_text_node (type))
        append (reader, (const char *) xmlTextReaderConstValue (xml));
      else if (reader->in_title_text && reader->n_tables == 0 && is_text_node (type))
        append_title (reader, (const char *) xmlTextReaderConstValue (xml));
      if (!ok)
        {
          upr_zip_end_xml (reader->zip, xml, 0, NULL);
          return FALSE;
        }
    }
  return upr_zip_end_xml (reader->zip, xml, ret, error);
}

gboolean
upr_table_read_docx (UprTable     *self,
                     UprZip       *zip,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr (GString) cell = g_string_new (NULL);
  g_autoptr (GPtrArray) title = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) title_line = g_string_new (NULL);
  DocReader reader = { 0 };

  reader.table = self;
  reader.zip = zip;
  reader.cancellable = cancellable;
  reader.cell = cell;
  reader.title = title;
  reader.title_line = title_line;
  if (!read_page_headers (&reader, error) || !read_document (&reader, error))
    return FALSE;
  if (reader.n_tables == 0)
    {
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_NO_TABLE,
                           _("This document has no table."));
      return FALSE;
    }
  return TRUE;
}
