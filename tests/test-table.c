/* test-table.c: the file readers of the import (upr-table.h) on the corpus of good and bad
 * files in tests/data/table (made by make-corpus.py), on the real files people have (UPR
 * Info's 1-5.csv and 1-5.xls, OHCHR's thematic list for Slovenia), and on every corpus file
 * with every set of options, as the fuzzers do.
 *
 * Argument: the corpus folder (tests/data/table); the real UPR Info files are in its parent. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "upr-table.h"

static const char *corpus_dir;
static char *tmp_dir;

typedef struct
{
  const char   *file;
  const char   *encoding;
  UprTableError code;
  const char   *message; /* expected in the error message */
} BadCase;

/* Every malformed file gets its error, and a message naming the problem and the row. */
static const BadCase bad_cases[] = {
  { "empty.csv", NULL, UPR_TABLE_ERROR_EMPTY, "The file is empty." },
  { "bom-only.csv", NULL, UPR_TABLE_ERROR_EMPTY, "only a byte order mark" },
  { "whitespace-lines.csv", NULL, UPR_TABLE_ERROR_EMPTY, "only empty lines" },
  { "binary.csv", NULL, UPR_TABLE_ERROR_NOT_A_TABLE, "This file is a PNG image" },
  { "not-office.zip.csv", NULL, UPR_TABLE_ERROR_NOT_A_TABLE,
    "This file is a zip archive but not an Excel workbook or Word document." },
  { "opendocument.ods", NULL, UPR_TABLE_ERROR_NOT_A_TABLE, "OpenDocument spreadsheet" },
  { "unterminated-quote.csv", NULL, UPR_TABLE_ERROR_SYNTAX,
    "Row 4 (line 5): the quote opened on line 5 is never closed." },
  { "ragged.csv", NULL, UPR_TABLE_ERROR_SYNTAX,
    "Row 3 has more values (4) than the header row has columns (3)." },
  { "nul.csv", NULL, UPR_TABLE_ERROR_SYNTAX, "Row 3, column 2: the file holds a NUL byte" },
  { "long-field.csv", NULL, UPR_TABLE_ERROR_TOO_LARGE,
    "Row 2, column 2: the cell has 100000 characters; a cell can hold at most 32767." },
  { "invalid-utf8.csv", "UTF-8", UPR_TABLE_ERROR_ENCODING,
    "Row 3, column 2: the text is not valid UTF-8." },
  { "cp1252.csv", "UTF-8", UPR_TABLE_ERROR_ENCODING,
    "Row 1, column 3: the text is not valid UTF-8." },
  { "cp1252.csv", "NO-SUCH-ENCODING", UPR_TABLE_ERROR_ENCODING,
    "Upright cannot read text in the encoding “NO-SUCH-ENCODING”." },
  { "utf16-odd.txt", NULL, UPR_TABLE_ERROR_ENCODING,
    "Row 3, column 1: the text is not valid UTF-16LE." },
  { "no-table.docx", NULL, UPR_TABLE_ERROR_NO_TABLE, "This document has no table." },
  { "truncated.docx", NULL, UPR_TABLE_ERROR_DAMAGED, "damaged or incomplete" },
  { "truncated.xlsx", NULL, UPR_TABLE_ERROR_DAMAGED, "damaged or incomplete" },
  { "bad-xml.xlsx", NULL, UPR_TABLE_ERROR_DAMAGED,
    "its part “xl/worksheets/sheet1.xml” is not valid XML (line 4)." },
  { "doctype.xlsx", NULL, UPR_TABLE_ERROR_DAMAGED, "document type declaration" },
  { "no-sheet.xlsx", NULL, UPR_TABLE_ERROR_NO_TABLE, "This workbook has no sheets." },
  { "truncated.xls", NULL, UPR_TABLE_ERROR_DAMAGED, "This Excel workbook is damaged" },
  { "not-workbook.xls", NULL, UPR_TABLE_ERROR_NOT_A_TABLE, "not an Excel workbook" },
};

static char *
corpus_path (const char *name)
{
  return g_build_filename (corpus_dir, name, NULL);
}

static GBytes *
load (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  return g_bytes_new_take (contents, length);
}

/* Reads a corpus file from memory (as the fuzzers do) and, to check both paths agree, from
 * its path. */
static UprTable *
read_corpus (const char *name,
             const char *encoding,
             GError    **error)
{
  g_autofree char *path = corpus_path (name);
  g_autoptr (GBytes) bytes = load (path);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) file_error = NULL;
  g_autoptr (UprTable) from_file = NULL;
  UprTableOptions options = { encoding, 0 };
  UprTable *table;

  table = upr_table_read_bytes (bytes, name, &options, NULL, error);
  from_file = upr_table_read (file, &options, NULL, &file_error);
  g_assert_true ((table == NULL) == (from_file == NULL));
  if (table != NULL)
    g_assert_cmpuint (upr_table_get_n_sheets (table), ==, upr_table_get_n_sheets (from_file));
  else
    g_assert_cmpstr (file_error->message, ==, (*error)->message);
  return table;
}

static void
assert_row (UprTable   *table,
            guint       sheet,
            guint       row,
            guint       line,
            const char *first,
            ...)
{
  const char * const *cells = upr_table_get_row (table, sheet, row);
  const char *expected = first;
  va_list args;
  guint i = 0;

  g_assert_nonnull (cells);
  g_assert_cmpuint (upr_table_get_source_line (table, sheet, row), ==, line);
  va_start (args, first);
  for (; expected != NULL; expected = va_arg (args, const char *), i++)
    {
      if (cells[i] == NULL)
        g_error ("row %u: cell %u missing, expected “%s”", row, i, expected);
      g_assert_cmpstr (cells[i], ==, expected);
    }
  va_end (args);
  if (cells[i] != NULL)
    g_error ("row %u: unexpected cell %u “%s”", row, i, cells[i]);
}

static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus (bad->file, bad->encoding, &error);

  g_assert_null (table);
  g_assert_error (error, UPR_TABLE_ERROR, (int) bad->code);
  if (strstr (error->message, bad->message) == NULL)
    g_error ("“%s”: message “%s”, expected “%s”", bad->file, error->message, bad->message);
}

static void
test_header_only (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("header-only.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_format (table), ==, UPR_TABLE_FORMAT_CSV);
  g_assert_cmpuint (upr_table_get_n_sheets (table), ==, 1);
  g_assert_cmpstr (upr_table_get_sheet_name (table, 0), ==, "header-only.csv");
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 1);
  g_assert_cmpuint (upr_table_get_n_columns (table, 0), ==, 3);
  assert_row (table, 0, 0, 1, "Country", "Recommendation", "Response", NULL);
  g_assert_cmpstr (upr_table_get_encoding (table), ==, "UTF-8");
  g_assert_true (upr_table_get_encoding_certain (table));
  g_assert_cmpint (upr_table_get_separator (table), ==, ',');
}

static void
test_mixed_line_ends (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("mixed-eol.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 5);
  assert_row (table, 0, 0, 1, "A", "B", NULL);
  assert_row (table, 0, 1, 2, "1", "2", NULL);
  assert_row (table, 0, 2, 3, "3", "4", NULL);
  /* A CR alone inside quotes is a line break of the cell, and of the file. */
  assert_row (table, 0, 3, 4, "5", "x\ny", NULL);
  assert_row (table, 0, 4, 6, "6", "7", NULL);
}

static void
test_quoted_newlines (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("quoted-newlines.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 4);
  assert_row (table, 0, 0, 1, "Country", "Text", "Response", NULL);
  assert_row (table, 0, 1, 2, "Chad", "First line\nsecond line\nthird \"quoted\" line",
              "Supported", NULL);
  assert_row (table, 0, 2, 5, "Mali", "Plain", "Noted", NULL);
  /* Text after a closing quote is kept, as Excel does. */
  assert_row (table, 0, 3, 6, "Peru", "Two\n\nbreaks", "xy", NULL);
}

static void
test_short_rows (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("short-rows.csv", NULL, &error);

  g_assert_no_error (error);
  assert_row (table, 0, 0, 1, "Country", "Recommendation", "Response", NULL);
  assert_row (table, 0, 1, 2, "Chad", NULL);
  assert_row (table, 0, 2, 3, "Mali", "Adopt", "Noted", NULL);
  g_assert_cmpuint (upr_table_get_n_columns (table, 0), ==, 3);
}

static void
test_max_field (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("max-field.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (upr_table_get_row (table, 0, 1)[1]), ==, UPR_TABLE_MAX_CELL);
}

static void
test_utf16 (void)
{
  const char *files[] = { "utf16le-bom.txt", "utf16be-bom.txt", "utf16le-nobom.txt" };
  const char *encodings[] = { "UTF-16LE", "UTF-16BE", "UTF-16LE" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (UprTable) table = read_corpus (files[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (upr_table_get_encoding (table), ==, encodings[i]);
      g_assert_true (upr_table_get_encoding_certain (table));
      g_assert_cmpint (upr_table_get_separator (table), ==, '\t');
      g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 2);
      assert_row (table, 0, 0, 1, "Pays", "Recommandation", "Réponse", NULL);
      assert_row (table, 0, 1, 2, "Côte d’Ivoire", "Ratifier la Convention", "Acceptée", NULL);
    }
}

static void
test_utf8_bom (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("utf8-bom.csv", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (upr_table_get_encoding (table), ==, "UTF-8");
  assert_row (table, 0, 0, 1, "Country", "Text", NULL);
  assert_row (table, 0, 1, 2, "Türkiye", "Garantir l’accès", NULL);
}

static void
test_code_pages (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) western = read_corpus ("cp1252.csv", NULL, &error);
  g_autoptr (UprTable) cyrillic = NULL;
  g_autoptr (UprTable) forced = NULL;
  g_autoptr (UprTable) damaged = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (upr_table_get_encoding (western), ==, "WINDOWS-1252");
  g_assert_false (upr_table_get_encoding_certain (western));
  g_assert_cmpint (upr_table_get_separator (western), ==, ';');
  assert_row (western, 0, 0, 1, "Pays", "Recommandation", "Réponse", NULL);
  assert_row (western, 0, 1, 2, "Côte d’Ivoire", "Améliorer l’accès à l’éducation", "Acceptée",
              NULL);

  cyrillic = read_corpus ("cp1251.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_table_get_encoding (cyrillic), ==, "WINDOWS-1251");
  g_assert_false (upr_table_get_encoding_certain (cyrillic));
  assert_row (cyrillic, 0, 0, 1, "Страна", "Рекомендация", "Ответ", NULL);
  assert_row (cyrillic, 0, 2, 3, "Беларусь", "Укрепить независимость судей",
              "Принята к сведению", NULL);

  /* The user's choice is taken, and sure. */
  forced = read_corpus ("cp1251.csv", "WINDOWS-1252", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_table_get_encoding (forced), ==, "WINDOWS-1252");
  g_assert_true (upr_table_get_encoding_certain (forced));
  g_assert_cmpstr (upr_table_get_row (forced, 0, 0)[0], ==, "Ñòðàíà");

  /* UTF-8 with a bad byte is not UTF-8: a guess, which the user can correct. */
  damaged = read_corpus ("invalid-utf8.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (upr_table_get_encoding_certain (damaged));
}

static void
test_separators (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) sep_line = read_corpus ("sep-line.csv", NULL, &error);
  g_autoptr (UprTable) semicolon = NULL;
  g_autoptr (UprTable) tabs = NULL;
  g_autoptr (UprTable) forced = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  UprTableOptions options = { NULL, ',' };

  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_separator (sep_line), ==, ';');
  /* The sep= line is consumed; row numbers follow the file's lines. */
  g_assert_cmpuint (upr_table_get_n_rows (sep_line, 0), ==, 2);
  assert_row (sep_line, 0, 0, 2, "Country", "Text", "Session", NULL);
  assert_row (sep_line, 0, 1, 3, "Chad", "Ratify, and report", "5", NULL);

  semicolon = read_corpus ("semicolon.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_separator (semicolon), ==, ';');
  assert_row (semicolon, 0, 1, 2, "Tchad", "Ratifier, signer et appliquer la Convention", "5",
              NULL);
  assert_row (semicolon, 0, 2, 3, "Mali", "Adopter; puis appliquer", "12", NULL);

  tabs = read_corpus ("tabs.tsv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_separator (tabs), ==, '\t');
  assert_row (tabs, 0, 1, 2, "Chad", "Ratify, sign", "5", NULL);
  assert_row (tabs, 0, 2, 3, "Mali", "Adopt", "12", NULL);

  /* A separator the user chose wins over the detected one. */
  path = corpus_path ("semicolon.csv");
  bytes = load (path);
  forced = upr_table_read_bytes (bytes, "semicolon.csv", &options, NULL, &error);
  g_assert_null (forced);
  g_assert_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Row 2"));
}

static UprTable *
read_inline (const char *text,
             char        separator,
             GError    **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  UprTableOptions options = { NULL, separator };

  return upr_table_read_bytes (bytes, "inline.csv", &options, NULL, error);
}

/* Microsoft Teams's attendance report (tests/data/participants/make-teams-reports.py):
 * UTF-16, tabs, three numbered sections, each with its own header, and dates holding
 * commas ("3/14/24, 9:55:03 AM") that split every data row into three fields: the sections'
 * headers show the tab is the separator. */
static void
test_sections_teams (void)
{
  g_autofree char *path = g_build_filename (corpus_dir, "..", "participants",
                                            "teams-report-en.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = upr_table_read (file, NULL, NULL, &error);
  g_autoptr (UprTable) french = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (upr_table_get_encoding (table), ==, "UTF-16LE");
  g_assert_cmpint (upr_table_get_separator (table), ==, '\t');
  g_assert_cmpuint (upr_table_get_n_sheets (table), ==, 1);
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 26);
  g_assert_cmpuint (upr_table_get_n_columns (table, 0), ==, 7);
  assert_row (table, 0, 0, 1, "1. Summary", NULL);
  assert_row (table, 0, 3, 4, "Start time", "3/14/24, 9:55:03 AM", NULL);
  assert_row (table, 0, 7, 8, NULL);
  assert_row (table, 0, 8, 9, "2. Participants", NULL);
  assert_row (table, 0, 9, 10, "Name", "First Join", "Last Leave", "In-Meeting Duration",
              "Email", "Participant ID (UPN)", "Role", NULL);
  assert_row (table, 0, 17, 18, "3. In-Meeting Activities", NULL);
  assert_row (table, 0, 25, 26, "+4122*****12", "3/14/24, 11:00:00 AM", "3/14/24, 11:40:00 AM",
              "40m", "", "Attendee", NULL);

  g_clear_pointer (&path, g_free);
  path = g_build_filename (corpus_dir, "..", "participants", "teams-report-fr.csv", NULL);
  g_clear_object (&file);
  file = g_file_new_for_path (path);
  french = upr_table_read (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_separator (french), ==, '\t');
  assert_row (french, 0, 0, 1, "1. Résumé", NULL);
  assert_row (french, 0, 14, 15, "3. Activités de la réunion", NULL);
  assert_row (french, 0, 15, 16, "Nom", "Heure d'arrivée", "Heure de départ", "Durée", "E-mail",
              "Rôle", NULL);
}

/* What makes a report in sections, and what does not: the ragged-row check holds within
 * each section and everywhere else. */
static void
test_sections_rules (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = NULL;

  /* Sections with commas, padded titles, CRLF; the sections' widths differ. */
  table = read_inline ("1. Summary,,\r\nTitle,Workshop\r\n\r\n2. Participants,,\r\n"
                       "Name,Email,Role\r\nAwa Diop,awa@example.org,Attendee\r\n", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_separator (table), ==, ',');
  assert_row (table, 0, 3, 4, "2. Participants", NULL);
  assert_row (table, 0, 5, 6, "Awa Diop", "awa@example.org", "Attendee", NULL);
  g_clear_object (&table);

  /* Within a section, a row wider than the section's header is still refused. */
  table = read_inline ("1. Summary\nTitle\tWorkshop\n2. Participants\nName\tEmail\n"
                       "Awa Diop\tawa@example.org\tAttendee\n", 0, &error);
  g_assert_null (table);
  g_assert_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Row 5 has more values (3) than the header row "
                                            "has columns (2)."));
  g_clear_error (&error);

  /* A "1." title without a "2." further down: not a report in sections. */
  table = read_inline ("1. Summary\nTitle,Workshop\n", 0, &error);
  g_assert_null (table);
  g_assert_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_SYNTAX);
  g_clear_error (&error);

  /* Titles out of order are rows like any other. */
  table = read_inline ("1. Summary\nTitle,Workshop\n3. Participants\nName,Email\n", 0,
                       &error);
  g_assert_null (table);
  g_assert_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_SYNTAX);
  g_clear_error (&error);

  /* A numbered list inside a quoted cell is no title: "2. Adopt" does not make the file a
   * report in sections, so its one-cell first row is its header. */
  table = read_inline ("1. Recommendations\nText,State\n\"Ratify\n2. Adopt\",Chad\n", 0,
                       &error);
  g_assert_null (table);
  g_assert_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Row 2 has more values (2) than the header row "
                                            "has columns (1)."));
  g_clear_error (&error);

  /* Numbers that are not titles: "12.5", "1.5 million", "1." alone. */
  table = read_inline ("12.5 Summary\nTitle,Workshop\n", 0, &error);
  g_assert_null (table);
  g_clear_error (&error);
  table = read_inline ("1.5 million\nTitle,Workshop\n\n2. Participants\nName,Email\n", 0,
                       &error);
  g_assert_null (table);
  g_clear_error (&error);

  /* A quoted cell is never a title, even one that reads like the next: the section's header
   * still holds, and a row wider than it is refused. */
  table = read_inline ("1. Summary\nTitle,Workshop\n2. Participants\nName,Email\n"
                       "\"3. Other\"\nAwa Diop,awa@example.org,Attendee\n", 0, &error);
  g_assert_null (table);
  g_assert_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Row 6 has more values (3) than the header row "
                                            "has columns (2)."));
  g_clear_error (&error);

  /* A separator the user forces applies to every section. */
  table = read_inline ("1. Summary\nTitle;Workshop\n2. Participants\nName;Email\n"
                       "Awa Diop;awa@example.org\n", ';', &error);
  g_assert_no_error (error);
  assert_row (table, 0, 4, 5, "Awa Diop", "awa@example.org", NULL);
}

static void
test_xlsx (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("tiny.xlsx", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_format (table), ==, UPR_TABLE_FORMAT_XLSX);
  g_assert_cmpint (upr_table_get_separator (table), ==, 0);
  g_assert_true (upr_table_get_encoding_certain (table));
  /* The workbook's order, not the relationships'. */
  g_assert_cmpuint (upr_table_get_n_sheets (table), ==, 2);
  g_assert_cmpstr (upr_table_get_sheet_name (table, 0), ==, "Recommendations");
  g_assert_cmpstr (upr_table_get_sheet_name (table, 1), ==, "Notes");

  /* Row 3 is skipped in the file: an empty row, so row numbers match Excel's. Row 6 holds
   * only formatted empty cells: not a row. */
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 5);
  g_assert_cmpuint (upr_table_get_n_columns (table, 0), ==, 6);
  assert_row (table, 0, 0, 1, "Country", "Recommendation", "Response", "Date", "Score", NULL);
  /* Shared strings (rich runs joined, the phonetic run left out), inline strings, a date
   * style, a float shown as Excel shows it. */
  assert_row (table, 0, 1, 2, "Côte d’Ivoire ", "Ratify the Convention", "Supported",
              "2024-01-01", "5", NULL);
  assert_row (table, 0, 2, 3, NULL);
  /* A formula's text, a skipped column, a boolean, the 1900 leap-year bug, 15 digits. */
  assert_row (table, 0, 3, 4, "SLOVENIA", "", "TRUE", "1900-02-29", "12.5", "0.3", NULL);
  /* An error value, percent, a coloured number format, date and time, a styled empty cell
   * kept as a gap and a cell without a reference that follows it. */
  assert_row (table, 0, 4, 5, "#N/A", "25%", "3", "2024-01-01 12:00:00", "", "7", NULL);
  assert_row (table, 1, 0, 1, "2024-03-01", "-0.0015", "1E+20", NULL);
}

static void
test_xlsx_1904 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("date1904.xlsx", NULL, &error);

  g_assert_no_error (error);
  assert_row (table, 0, 0, 1, "1904-01-01", "1904-01-02", "2024-01-01", NULL);
}

static void
test_xlsx_openpyxl (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("openpyxl.xlsx", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (upr_table_get_sheet_name (table, 0), ==, "UHRI export");
  assert_row (table, 0, 0, 1, "Text", "Countries Concerned", "UPR Session", "Date",
              "UPR Position", NULL);
  assert_row (table, 0, 1, 2, "Ratify the Optional Protocol", "- Slovenia", "48", "2025-01-20",
              "- Supported", NULL);
  assert_row (table, 0, 2, 3, "Adopt a national action plan", "- Slovenia", "48",
              "2025-01-20 15:30:00", "- Noted", NULL);
}

static void
test_xls (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("tiny.xls", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_format (table), ==, UPR_TABLE_FORMAT_XLS);
  g_assert_cmpuint (upr_table_get_n_sheets (table), ==, 2);
  g_assert_cmpstr (upr_table_get_sheet_name (table, 0), ==, "Recommendations");
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 4);
  assert_row (table, 0, 0, 1, "SuR", "Recommendation", "Response", "Session", "Date", "Score",
              NULL);
  /* Text kept as it is (the importer trims), a float session shown as "5". */
  assert_row (table, 0, 1, 2, "Côte d’Ivoire", "Ratify the Convention ", "", "5",
              "2015-08-14", "12.5", NULL);
  assert_row (table, 0, 2, 3, NULL);
  assert_row (table, 0, 3, 4, "Россия", "Line one\nline two", "Noted", "12", "", "1", NULL);
  assert_row (table, 1, 0, 1, "Note", NULL);
}

static void
test_docx (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("tiny.docx", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_format (table), ==, UPR_TABLE_FORMAT_DOCX);
  g_assert_cmpuint (upr_table_get_n_sheets (table), ==, 2);
  g_assert_cmpstr (upr_table_get_sheet_name (table, 0), ==, "Table 1");
  g_assert_cmpstr (upr_table_get_sheet_name (table, 1), ==, "Table 2");
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 6);
  /* The paragraph before the first table is its title, in a row of its own. */
  assert_row (table, 0, 0, 1, "Thematic list of recommendations", NULL);
  assert_row (table, 0, 1, 2, "Recommendation", "Position", "Themes", NULL);
  /* A cell spanning the grid: its text in the first column. */
  assert_row (table, 0, 2, 3, "Theme: Ratification", NULL);
  /* Paragraphs joined by "\n"; a tab and a break in a run, not the paragraph's tab stops;
   * a non-breaking hyphen; deleted text and field codes left out; a nested table flattened
   * into its cell. */
  assert_row (table, 0, 3, 4, "140.7 Ratify\tthe\nConvention\u2011now\n(Austria)", "Supported",
              "- Women\nn1\nn2\n- Children", NULL);
  /* w:gridBefore: the row starts one column in. */
  assert_row (table, 0, 4, 5, "", "x", "y", NULL);
  /* mc:Fallback repeats mc:Choice: read once. */
  assert_row (table, 0, 5, 6, "choice", "", "last", NULL);
  /* Only the first table has the title. */
  assert_row (table, 1, 0, 1, "only", NULL);
}

/* A title only in the page headers (make-title-docx.py): the default and first-page headers,
 * one reached by an absolute part name, each line once; the page number, the footer, the
 * long paragraph and the empty one before the table left out. */
static void
test_docx_title (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("title-in-header.docx", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (upr_table_get_n_sheets (table), ==, 1);
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 4);
  assert_row (table, 0, 0, 1, "EPU de la Côte d’Ivoire (4e cycle – 47e session)\n"
              "Liste thématique des recommandations", NULL);
  assert_row (table, 0, 1, 2, "Recommendation", "Position", "Themes", NULL);
  g_assert_true (g_str_has_prefix (upr_table_get_row (table, 0, 3)[0], "147.2 Adopt a law"));
}

static void
test_slovenia (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = read_corpus ("upr48-slovenia-thematic-list.docx", NULL, &error);
  guint themes = 0, hyphens = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (upr_table_get_n_sheets (table), ==, 1);
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 309);
  g_assert_cmpuint (upr_table_get_n_columns (table, 0), ==, 4);
  /* The title is only in the page header (word/header1.xml), its parts apart with tabs. */
  assert_row (table, 0, 0, 1, "UPR of Slovenia (4th Cycle - 48th Session)\n"
              "Thematic list of recommendations*\nPage 1 of 2", NULL);
  assert_row (table, 0, 1, 2, "Recommendation and recommending State",
              "Position of the State under review", "Human rights themes and groups of persons",
              "Relevant SDGs", NULL);
  assert_row (table, 0, 2, 3, "Theme: Ratification of & accession to international instruments",
              NULL);
  g_assert_cmpstr (upr_table_get_row (table, 0, 3)[0], ==,
                   "140.7 Ratify the Optional Protocol to the International Covenant on "
                   "Economic, Social and Cultural Rights (Maldives) (Portugal);\n"
                   "Source of Position: A/HRC/59/15/Add.1 - Para.3");
  g_assert_cmpstr (upr_table_get_row (table, 0, 3)[1], ==, "Supported");
  g_assert_true (g_str_has_prefix (upr_table_get_row (table, 0, 3)[3],
                                   "- 1 - NO POVERTY\n- 2 - ZERO HUNGER\n"));
  g_assert_true (g_str_has_prefix (upr_table_get_row (table, 0, 308)[0], "140.253 Establish"));
  g_assert_cmpstr (upr_table_get_row (table, 0, 308)[1], ==, "Noted");
  for (guint row = 1; row < 309; row++)
    {
      const char * const *cells = upr_table_get_row (table, 0, row);

      themes += g_str_has_prefix (cells[0], "Theme: ") && cells[1] == NULL;
      for (guint i = 0; cells[i] != NULL; i++)
        for (const char *p = cells[i]; (p = strstr (p, "\u2011")) != NULL; p++)
          hyphens++;
    }
  g_assert_cmpuint (themes, ==, 53);
  g_assert_cmpuint (hyphens, ==, 7);
}

/* UPR Info's export: 6,094 recommendations, Mac OS Roman, CR line ends. */
static void
test_upr_info_csv (void)
{
  g_autofree char *path = g_build_filename (corpus_dir, "..", "1-5.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = upr_table_read (file, NULL, NULL, &error);
  const char * const *row;

  g_assert_no_error (error);
  g_assert_cmpstr (upr_table_get_encoding (table), ==, "MACINTOSH");
  g_assert_false (upr_table_get_encoding_certain (table));
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 6095);
  assert_row (table, 0, 0, 1, "To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp",
              "From-Org", "Response", "Action", "Issue", "Session", NULL);
  row = upr_table_get_row (table, 0, 3670);
  g_assert_cmpstr (row[0], ==, "Morocco");
  g_assert_true (g_str_has_prefix (row[3], "While recognizing achievements of the Instance "
                                           "Equité - Reconciliation"));
  g_assert_cmpuint (upr_table_get_source_line (table, 0, 6094), ==, 6095);
}

static void
test_upr_info_xls (void)
{
  g_autofree char *path = g_build_filename (corpus_dir, "..", "1-5.xls", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = NULL;
  g_autoptr (UprTable) from_bytes = NULL;
  g_autoptr (GDir) dir = NULL;
  const char * const *row;

  file = g_file_new_for_path (path);
  table = upr_table_read (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_table_get_format (table), ==, UPR_TABLE_FORMAT_XLS);
  g_assert_cmpuint (upr_table_get_n_sheets (table), ==, 1);
  g_assert_cmpstr (upr_table_get_sheet_name (table, 0), ==, "UPR Info database export");
  /* The header and 6,094 recommendations; no trailing empty row. */
  g_assert_cmpuint (upr_table_get_n_rows (table, 0), ==, 6095);
  g_assert_cmpuint (upr_table_get_n_columns (table, 0), ==, 11);
  assert_row (table, 0, 0, 1, "SuR", "Rgrp", "Org", "Recommendation", "RS", "Rgrp", "Org",
              "Response", "Action", "Issue", "Session", NULL);
  row = upr_table_get_row (table, 0, 1);
  g_assert_cmpstr (row[0], ==, "Afghanistan");
  g_assert_cmpstr (row[4], ==, "Austria");
  g_assert_cmpstr (row[7], ==, "Accepted");
  /* Numbers stored as floats come out as people see them. */
  g_assert_cmpstr (row[8], ==, "5");
  g_assert_cmpstr (row[9], ==, "Rights of the Child,Women's rights");
  g_assert_cmpstr (row[10], ==, "5");
  row = upr_table_get_row (table, 0, 3670);
  g_assert_true (g_str_has_prefix (row[3], "While recognizing achievements of the Instance "
                                           "Equité - Reconciliation"));
  row = upr_table_get_row (table, 0, 6094);
  g_assert_cmpstr (row[0], ==, "Zambia");
  g_assert_cmpstr (row[4], ==, "Ireland");

  /* From memory, through a private temporary file that is gone afterwards. */
  bytes = load (path);
  from_bytes = upr_table_read_bytes (bytes, "1-5.xls", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_table_get_n_rows (from_bytes, 0), ==, 6095);
  g_assert_cmpstr (upr_table_get_row (from_bytes, 0, 6094)[4], ==, "Ireland");
  dir = g_dir_open (tmp_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_sniff (void)
{
  static const struct
  {
    const char    *file;
    gsize          head;
    UprTableFormat format;
  } cases[] = {
    { "tiny.xlsx", 0, UPR_TABLE_FORMAT_XLSX },
    { "tiny.docx", 0, UPR_TABLE_FORMAT_DOCX },
    { "not-office.zip.csv", 0, UPR_TABLE_FORMAT_UNKNOWN },
    { "tiny.xls", 8, UPR_TABLE_FORMAT_XLS },
    { "binary.csv", 512, UPR_TABLE_FORMAT_UNKNOWN },
    { "cp1251.csv", 512, UPR_TABLE_FORMAT_CSV },
    { "utf16le-nobom.txt", 512, UPR_TABLE_FORMAT_CSV },
    { "nul.csv", 512, UPR_TABLE_FORMAT_CSV },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = corpus_path (cases[i].file);
      g_autoptr (GBytes) bytes = load (path);
      gsize length = g_bytes_get_size (bytes);

      if (cases[i].head > 0)
        length = MIN (length, cases[i].head);
      g_assert_cmpint (upr_table_sniff_format (g_bytes_get_data (bytes, NULL), length), ==,
                       cases[i].format);
    }
}

static void
test_cancel (void)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  const char *files[] = { "tiny.xlsx", "tiny.docx", "tiny.xls", "semicolon.csv" };

  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = corpus_path (files[i]);
      g_autoptr (GBytes) bytes = load (path);
      g_autoptr (GError) error = NULL;
      g_autoptr (UprTable) table = upr_table_read_bytes (bytes, files[i], NULL, cancellable,
                                                         &error);

      g_assert_null (table);
      g_assert_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_CANCELLED);
    }
}

/* What a table promises, whatever the file. */
static void
assert_table_sound (UprTable *table)
{
  for (guint sheet = 0; sheet < upr_table_get_n_sheets (table); sheet++)
    {
      guint n_columns = upr_table_get_n_columns (table, sheet);
      guint last_line = 0;

      g_assert_true (g_utf8_validate (upr_table_get_sheet_name (table, sheet), -1, NULL));
      for (guint row = 0; row < upr_table_get_n_rows (table, sheet); row++)
        {
          const char * const *cells = upr_table_get_row (table, sheet, row);
          guint line = upr_table_get_source_line (table, sheet, row);
          guint i;

          g_assert_cmpuint (line, >, last_line);
          last_line = line;
          for (i = 0; cells[i] != NULL; i++)
            {
              g_assert_true (g_utf8_validate (cells[i], -1, NULL));
              g_assert_cmpuint (g_utf8_strlen (cells[i], -1), <=, UPR_TABLE_MAX_CELL);
            }
          g_assert_cmpuint (i, <=, n_columns);
        }
    }
}

/* Every corpus file (and what the fuzzers found, in corpus/fuzz/) with every option: a sound
 * table or a message, never a crash. */
static void
test_corpus (void)
{
  static const UprTableOptions options[] = {
    { NULL, 0 }, { "UTF-8", 0 }, { "UTF-16", '\t' }, { "WINDOWS-1251", ';' },
    { "MACINTOSH", ',' },
  };
  const char *subdirs[] = { "", "fuzz" };
  guint n_files = 0;

  for (guint d = 0; d < G_N_ELEMENTS (subdirs); d++)
    {
      g_autofree char *dir_path = g_build_filename (corpus_dir, subdirs[d], NULL);
      g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autoptr (GBytes) bytes = NULL;

          if (g_file_test (path, G_FILE_TEST_IS_DIR) || g_str_has_suffix (name, ".py")
              || g_str_has_suffix (name, ".md"))
            continue;
          bytes = load (path);
          n_files++;
          for (guint i = 0; i < G_N_ELEMENTS (options); i++)
            {
              g_autoptr (GError) error = NULL;
              g_autoptr (UprTable) table = upr_table_read_bytes (bytes, name, &options[i], NULL,
                                                                 &error);

              if (table != NULL)
                assert_table_sound (table);
              else
                {
                  g_assert_true (error->domain == UPR_TABLE_ERROR);
                  g_assert_cmpuint (strlen (error->message), >, 10);
                  g_assert_null (strstr (error->message, "(null)"));
                }
            }
        }
    }
  g_assert_cmpuint (n_files, >=, 40);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  /* A private temporary folder, to check the .xls reader leaves nothing there. It is made
   * without g_get_tmp_dir(), which would cache the folder before TMPDIR is set. */
  tmp_dir = g_build_filename (g_getenv ("TMPDIR") != NULL ? g_getenv ("TMPDIR") : "/tmp",
                              "test-table-XXXXXX", NULL);
  if (g_mkdtemp (tmp_dir) == NULL)
    g_error ("no temporary folder");
  g_setenv ("TMPDIR", tmp_dir, TRUE);
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-table CORPUS-DIR [REAL-DATA-DIR]");
  corpus_dir = argv[1];

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *test_path =
        g_strdup_printf ("/upright/io/table/bad/%s%s%s", bad_cases[i].file,
                         bad_cases[i].encoding != NULL ? "/" : "",
                         bad_cases[i].encoding != NULL ? bad_cases[i].encoding : "");

      g_test_add_data_func (test_path, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/upright/io/table/csv/header-only", test_header_only);
  g_test_add_func ("/upright/io/table/csv/mixed-line-ends", test_mixed_line_ends);
  g_test_add_func ("/upright/io/table/csv/quoted-newlines", test_quoted_newlines);
  g_test_add_func ("/upright/io/table/csv/short-rows", test_short_rows);
  g_test_add_func ("/upright/io/table/csv/max-field", test_max_field);
  g_test_add_func ("/upright/io/table/csv/utf16", test_utf16);
  g_test_add_func ("/upright/io/table/csv/utf8-bom", test_utf8_bom);
  g_test_add_func ("/upright/io/table/csv/code-pages", test_code_pages);
  g_test_add_func ("/upright/io/table/csv/separators", test_separators);
  g_test_add_func ("/upright/io/table/csv/upr-info", test_upr_info_csv);
  g_test_add_func ("/upright/io/table/csv/sections/teams", test_sections_teams);
  g_test_add_func ("/upright/io/table/csv/sections/rules", test_sections_rules);
  g_test_add_func ("/upright/io/table/xlsx/tiny", test_xlsx);
  g_test_add_func ("/upright/io/table/xlsx/date1904", test_xlsx_1904);
  g_test_add_func ("/upright/io/table/xlsx/openpyxl", test_xlsx_openpyxl);
  g_test_add_func ("/upright/io/table/xls/tiny", test_xls);
  g_test_add_func ("/upright/io/table/xls/upr-info", test_upr_info_xls);
  g_test_add_func ("/upright/io/table/docx/tiny", test_docx);
  g_test_add_func ("/upright/io/table/docx/slovenia", test_slovenia);
  g_test_add_func ("/upright/io/table/docx/title", test_docx_title);
  g_test_add_func ("/upright/io/table/sniff", test_sniff);
  g_test_add_func ("/upright/io/table/cancel", test_cancel);
  g_test_add_func ("/upright/io/table/corpus", test_corpus);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
