/* test-import.c: importing recommendations (upr-import.h) from the real files of issue 4 and
 * from small tables: every record arrives, counts and samples agree with the source,
 * importing again changes nothing, a failed or cancelled import leaves the database as it
 * was, and what cannot be matched is reported with its row, column and value. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "upr-import-layout.h"
#include "upr-fold.h"
#include "upr-import.h"
#include "upr-organisation.h"
#include "upr-recommendation.h"
#include "upr-store.h"
#include "upr-table.h"

typedef struct
{
  char     *dir;
  char     *path;
  UprStore *store;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("upright-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
  fixture->store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
  upr_store_set_officer (fixture->store, "Officer A");
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Helpers */

/* The real files of issue 4, copied into tests/data (public UPR Info and OHCHR documents). */
static char *
real_file (const char *name)
{
  g_autofree char *in_import = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  g_autofree char *in_table = g_test_build_filename (G_TEST_DIST, "data", "table", name, NULL);

  /* The real files are kept once: UPR Info's in tests/data, OHCHR's with the readers' corpus. */
  if (g_file_test (in_import, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&in_import);
  if (g_file_test (in_table, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&in_table);
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
test_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static UprTable *
read_table (const char *path,
            const char *encoding)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UprTableOptions options = { encoding, 0 };
  UprTable *table = upr_table_read (file, &options, NULL, &error);

  g_assert_no_error (error);
  return table;
}

static UprTable *
table_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  UprTable *table = upr_table_read_bytes (bytes, "test.csv", NULL, NULL, &error);

  g_assert_no_error (error);
  return table;
}

static UprImport *
new_import (Fixture    *fixture,
            UprTable   *table,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  UprImport *import = upr_import_new (fixture->store, table, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

/* Imports @path (named as its base name) and returns the finished import. */
static UprImport *
import_path (Fixture    *fixture,
             const char *path,
             const char *encoding)
{
  g_autoptr(UprTable) table = read_table (path, encoding);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(UprImport) import = new_import (fixture, table, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (upr_import_run (import, FALSE, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The first row of @sql as "a|b|c" (NULL as "∅"). */
static char *
query_row (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, c);

        g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", text != NULL ? text : "∅");
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every row of every table, in a fixed order: equal dumps, equal databases. */
static char *
dump_database (Fixture *fixture)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      const char *sql = (const char *) sqlite3_column_text (tables, 1);
      g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\"", name);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (out, "## %s\n%s\n", name, sql != NULL ? sql : "");
      if (sql == NULL || !g_str_has_prefix (sql, "CREATE TABLE"))
        continue;
      g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          GString *line = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const char *text = (const char *) sqlite3_column_text (rows, c);

              g_string_append_printf (line, "%s%s", c > 0 ? "\t" : "", text != NULL ? text : "∅");
            }
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
      sqlite3_finalize (rows);
      /* In a fixed order, whatever the order of the rows on disk. */
      g_ptr_array_sort (lines, compare_lines);
      for (guint i = 0; i < lines->len; i++)
        g_string_append_printf (out, "%s\n", (const char *) lines->pdata[i]);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
assert_summary (UprImport *import,
                guint      n_new,
                guint      n_updated,
                guint      n_unchanged,
                guint      n_skipped)
{
  const UprImportSummary *summary = upr_import_get_summary (import);

  g_assert_cmpuint (summary->n_new, ==, n_new);
  g_assert_cmpuint (summary->n_updated, ==, n_updated);
  g_assert_cmpuint (summary->n_unchanged, ==, n_unchanged);
  g_assert_cmpuint (summary->n_skipped, ==, n_skipped);
  g_assert_cmpuint (summary->n_rows, ==, n_new + n_updated + n_unchanged + n_skipped);
}

/* The issue of @import at @row with @severity, or NULL. */
static const UprImportIssue *
find_issue (UprImport        *import,
            guint             row,
            UprImportSeverity severity)
{
  GPtrArray *issues = upr_import_get_issues (import);

  for (guint i = 0; i < issues->len; i++)
    {
      const UprImportIssue *issue = issues->pdata[i];

      if (issue->row == row && issue->severity == severity)
        return issue;
    }
  return NULL;
}

/* "text|states|terms|goals|response|action|session|country" of the recommendation from row
 * @row of @file. */
static char *
describe_row (Fixture    *fixture,
              const char *file,
              guint       row)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT r.text,"
    " (SELECT group_concat (country_code, ',') FROM (SELECT country_code FROM"
    "   recommendation_state WHERE recommendation_id = r.id ORDER BY 1)),"
    " (SELECT group_concat (term_id, ',') FROM (SELECT term_id FROM recommendation_term"
    "   WHERE recommendation_id = r.id ORDER BY 1)),"
    " (SELECT group_concat (goal, ',') FROM (SELECT goal FROM recommendation_sdg"
    "   WHERE recommendation_id = r.id ORDER BY 1)),"
    " r.response, r.action_category, v.session, v.country_code"
    " FROM recommendation AS r JOIN review AS v ON v.id = r.review_id"
    " WHERE r.source_file = '%s' AND r.source_row = %u", file, row);

  return query_row (fixture, sql);
}

static gint64
count_country (Fixture    *fixture,
               const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM recommendation AS r JOIN review"
                                          " AS v ON v.id = r.review_id"
                                          " WHERE v.country_code = '%s'", code);

  return query_int (fixture, sql);
}

/* Layouts */

static void
test_headers (void)
{
  static const struct { const char *header; UprImportField field; } cases[] = {
    { "To", UPR_IMPORT_FIELD_COUNTRY }, { "SuR", UPR_IMPORT_FIELD_COUNTRY },
    { "To-Rgrp", UPR_IMPORT_FIELD_IGNORE }, { "Rgrp", UPR_IMPORT_FIELD_IGNORE },
    { "Org", UPR_IMPORT_FIELD_IGNORE }, { "Text", UPR_IMPORT_FIELD_TEXT },
    { "Recommendation", UPR_IMPORT_FIELD_TEXT }, { "From", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
    { "RS", UPR_IMPORT_FIELD_RECOMMENDING_STATES }, { "Response", UPR_IMPORT_FIELD_RESPONSE },
    { "Action", UPR_IMPORT_FIELD_ACTION_CATEGORY }, { "Issue", UPR_IMPORT_FIELD_ISSUES },
    { " Session ", UPR_IMPORT_FIELD_SESSION },
    { "Countries Concerned", UPR_IMPORT_FIELD_COUNTRY },
    { "UPR Reccomending States", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
    { "UPR Position", UPR_IMPORT_FIELD_RESPONSE }, { "UPR Session", UPR_IMPORT_FIELD_SESSION },
    { "Affected Persons", UPR_IMPORT_FIELD_GROUPS }, { "SDGs", UPR_IMPORT_FIELD_SDGS },
    { "Reccomending Body", UPR_IMPORT_FIELD_BODY },
    { "OHCHR Annotation Id", UPR_IMPORT_FIELD_IGNORE },
    { "Recommendation and recommending State", UPR_IMPORT_FIELD_TEXT },
    { "Position of the State under review", UPR_IMPORT_FIELD_RESPONSE },
    { "Human rights themes and groups of persons", UPR_IMPORT_FIELD_THEMES },
    { "Relevant SDGs", UPR_IMPORT_FIELD_SDGS },
    { "Full list of themes", UPR_IMPORT_FIELD_THEMES },
    { "Source of position", UPR_IMPORT_FIELD_RESPONSE_SOURCE },
    { "Assessment/comments on level of implementation", UPR_IMPORT_FIELD_IGNORE },
    { "Recommandation", UPR_IMPORT_FIELD_TEXT }, { "Pays", UPR_IMPORT_FIELD_COUNTRY },
    { "\xc3\x89tat examin\xc3\xa9", UPR_IMPORT_FIELD_COUNTRY },
    { "Statut", UPR_IMPORT_FIELD_RESPONSE }, { "R\xc3\xa9ponse", UPR_IMPORT_FIELD_RESPONSE },
    { "\xc3\x89tat(s) recommandant(s)", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
    { "Source", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
    { "Th\xc3\xa8mes", UPR_IMPORT_FIELD_THEMES }, { "ODD", UPR_IMPORT_FIELD_SDGS },
    { "Paragraphe", UPR_IMPORT_FIELD_PARAGRAPH }, { "No.", UPR_IMPORT_FIELD_PARAGRAPH },
    { "N\xc2\xb0", UPR_IMPORT_FIELD_PARAGRAPH }, { "Cycle", UPR_IMPORT_FIELD_CYCLE },
    { "Action category", UPR_IMPORT_FIELD_ACTION_CATEGORY },
    { "Groups of persons", UPR_IMPORT_FIELD_GROUPS },
    { "Recommending State(s)", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
    { "State under review", UPR_IMPORT_FIELD_COUNTRY },
    { "Position of Senegal", UPR_IMPORT_FIELD_RESPONSE },
    { "&#40;Session&#41;", UPR_IMPORT_FIELD_SESSION },
    /* Either State, or an implementation status: for the user to say. */
    { "State", UPR_IMPORT_FIELD_NONE }, { "Status", UPR_IMPORT_FIELD_NONE },
    { "Libell\xc3\xa9", UPR_IMPORT_FIELD_NONE }, { "", UPR_IMPORT_FIELD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (upr_import_layout_field_for_header (cases[i].header) != cases[i].field)
      g_error ("“%s” gave %s, expected %s", cases[i].header,
               upr_import_field_id (upr_import_layout_field_for_header (cases[i].header)),
               upr_import_field_id (cases[i].field));
}

static void
test_layouts (void)
{
  static const char * const upr_info[] = { "SuR", "Rgrp", "Org", "Recommendation", "RS", "Rgrp",
                                           "Org", "Response", "Action", "Issue", "Session", NULL };
  static const char * const uhri[] = { "Text", "Countries Concerned", "UPR Session",
                                       "UPR Position", NULL };
  static const char * const thematic[] = { "Recommendation and recommending State",
                                           "Position of the State under review", NULL };
  static const char * const generic[] = { "Recommandation", "Pays", "Session", NULL };
  static const char * const unknown[] = { "Name", "Email", NULL };
  UprImportField fields[11];
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  g_autofree char *mapping = NULL;
  UprImportField parsed[11];

  upr_import_layout_map (upr_info, 11, fields);
  g_assert_cmpint (fields[1], ==, UPR_IMPORT_FIELD_IGNORE);
  g_assert_cmpint (fields[5], ==, UPR_IMPORT_FIELD_IGNORE);
  g_assert_cmpint (upr_import_layout_identify (upr_info, fields, 11, UPR_TABLE_FORMAT_XLS), ==,
                   UPR_IMPORT_LAYOUT_UPR_INFO);
  upr_import_layout_map (uhri, 4, fields);
  g_assert_cmpint (upr_import_layout_identify (uhri, fields, 4, UPR_TABLE_FORMAT_XLSX), ==,
                   UPR_IMPORT_LAYOUT_UHRI);
  upr_import_layout_map (thematic, 2, fields);
  g_assert_cmpint (upr_import_layout_identify (thematic, fields, 2, UPR_TABLE_FORMAT_XLSX), ==,
                   UPR_IMPORT_LAYOUT_OHCHR_THEMATIC);
  upr_import_layout_map (generic, 3, fields);
  g_assert_cmpint (upr_import_layout_identify (generic, fields, 3, UPR_TABLE_FORMAT_CSV), ==,
                   UPR_IMPORT_LAYOUT_GENERIC);
  upr_import_layout_map (unknown, 2, fields);
  g_assert_cmpint (upr_import_layout_score (fields, 2), ==, 0);
  g_assert_cmpint (upr_import_layout_identify (unknown, fields, 2, UPR_TABLE_FORMAT_CSV), ==,
                   UPR_IMPORT_LAYOUT_UNKNOWN);

  /* The header key ignores case, accents and spacing, not order or names. */
  key_a = upr_import_layout_header_key (generic, 3);
  key_b = upr_import_layout_header_key ((const char * const[]) { " RECOMMANDATION", "pays",
                                                                 "Session ", NULL }, 3);
  g_assert_cmpstr (key_a, ==, key_b);
  g_clear_pointer (&key_b, g_free);
  key_b = upr_import_layout_header_key ((const char * const[]) { "Pays", "Recommandation",
                                                                 "Session", NULL }, 3);
  g_assert_cmpstr (key_a, !=, key_b);

  upr_import_layout_map (upr_info, 11, fields);
  mapping = upr_import_layout_serialise (fields, 11);
  g_assert_true (upr_import_layout_parse (mapping, parsed, 11));
  g_assert_cmpmem (parsed, sizeof parsed, fields, sizeof fields);
  g_assert_false (upr_import_layout_parse (mapping, parsed, 10));
  g_assert_false (upr_import_layout_parse ("text\nnonsense", parsed, 2));
}

/* The real files */

/* UPR Info's legacy export of sessions 1–5: 6,094 recommendations, every one. */
static void
test_upr_info_xls (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autofree char *path = real_file ("1-5.xls");
  g_autoptr(UprImport) import = import_path (fixture, path, NULL);
  g_autofree char *row = NULL;
  const UprImportIssue *issue;

  g_assert_cmpint (upr_import_get_layout (import), ==, UPR_IMPORT_LAYOUT_UPR_INFO);
  assert_summary (import, 6094, 0, 0, 0);
  /* The only warnings: nine recommendations whose State UPR Info did not know. */
  g_assert_cmpuint (upr_import_get_summary (import)->n_warnings, ==, 9);
  issue = find_issue (import, 2497, UPR_IMPORT_SEVERITY_WARNING);
  g_assert_nonnull (issue);
  g_assert_cmpstr (issue->column, ==, "RS");
  g_assert_cmpstr (issue->value, ==, "(Unknown)");

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"), ==, 6094);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM review"), ==, 80);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_state"), ==, 6085);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_term"), ==, 10391);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE response = 'supported'"), ==, 4087);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE response = 'noted'"), ==, 2007);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE action_category = 4"), ==, 2405);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation AS r JOIN review"
                                       " AS v ON v.id = r.review_id WHERE v.session = 3"), ==,
                   1335);
  g_assert_cmpint (count_country (fixture, "AF"), ==, 147);
  g_assert_cmpint (count_country (fixture, "AR"), ==, 41);
  g_assert_cmpint (count_country (fixture, "ZM"), ==, 38);
  g_assert_cmpint (count_country (fixture, "CV"), ==, 50);  /* "Cape Verde" */
  g_assert_cmpint (count_country (fixture, "MK"), ==, 91);  /* "Macedonia FYR" */
  g_assert_cmpint (count_country (fixture, "CZ"), ==, 37);  /* "Czech Republic" */
  g_assert_cmpint (count_country (fixture, "KR"), ==, 47);  /* "Republic of Korea" */
  /* One change-log entry per recommendation and per review created. */
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, 6094 + 80);

  /* Five records, field by field, as the file has them. */
  row = describe_row (fixture, "1-5.xls", 2);
  g_assert_cmpstr (row, ==, "Enact legislation and take effective measures to protect and "
                   "promote women's rights, especially with regard to forced marriages, honour "
                   "killings and access to education for all girls.|AT|"
                   "uprinfo-issue:rights-of-the-child,uprinfo-issue:womens-rights|∅|supported|5|"
                   "5|AF");
  g_free (row);
  /* Untrimmed in the file. */
  row = describe_row (fixture, "1-5.xls", 6);
  g_assert_cmpstr (row, ==, "Take extensive and timely steps to ensure the independence of the "
                   "media free from intimidation and suppression, including through proper "
                   "implementation of the media law passed in the fall of 2008.|DK|"
                   "uprinfo-issue:freedom-of-the-press|∅|supported|5|5|AF");
  g_free (row);
  /* "&#40;Unknown&#41;": no State, said so in the report. */
  row = describe_row (fixture, "1-5.xls", 2497);
  g_assert_cmpstr (row, ==, "Indonesia is commended for its efforts in the field of human "
                   "rights training and education and is encouraged to continue in this regard, "
                   "and to provide additional training for law enforcement officials, including "
                   "prosecutors, police and judges, as well as for security forces.|∅|"
                   "uprinfo-issue:human-rights-education-and-training|∅|supported|2|1|ID");
  g_free (row);
  row = describe_row (fixture, "1-5.xls", 3002);
  g_assert_cmpstr (row, ==, "Include mechanisms for the internal control of prison guards in "
                   "the rules and regulations for prisons and detention centres.|NL|"
                   "uprinfo-issue:detention|∅|supported|4|5|MK");
  g_free (row);
  /* Accents, a trailing space, "Noted". */
  row = describe_row (fixture, "1-5.xls", 4639);
  g_assert_cmpstr (row, ==, "Contribute towards combating impunity internationally, as soon as "
                   "possible the mandate bestowed on it by the African Union and to bring the "
                   "former head of State of Chad, Mr. Hiss\xc3\xa8ne Habr\xc3\xa9 to justice|"
                   "IE|uprinfo-issue:impunity|∅|noted|4|4|SN");
}

/* The same export as CSV: Mac Roman with CR line ends, as the old Macs that made it wrote it.
 * Imported after the .xls, every row finds its recommendation and nothing changes. */
static void
test_upr_info_csv (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autofree char *xls = real_file ("1-5.xls");
  g_autofree char *csv = real_file ("1-5.csv");
  g_autoptr(UprImport) first = import_path (fixture, xls, NULL);
  g_autoptr(UprImport) second = NULL;
  gint64 n_changes = upr_store_count_changes (fixture->store);
  g_autofree char *row = NULL;

  second = import_path (fixture, csv, "MACINTOSH");
  g_assert_cmpint (upr_import_get_layout (second), ==, UPR_IMPORT_LAYOUT_UPR_INFO);
  assert_summary (second, 0, 0, 6094, 0);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"), ==, 6094);
  /* The provenance stays that of the file that made the record. */
  row = describe_row (fixture, "1-5.xls", 4639);
  g_assert_true (g_str_has_prefix (row, "Contribute towards combating impunity"));
}

static void
sql_fold (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  sqlite3_result_text (context, upr_fold ((const char *) sqlite3_value_text (argv[0])), -1,
                       g_free);
}

/* The importer folds the search text itself rather than leave it to the insert trigger: it
 * must be exactly what the trigger would have written, accents and all. */
static void
test_search_text (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autofree char *xls = real_file ("1-5.xls");
  g_autoptr(UprImport) import = import_path (fixture, xls, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_create_function (db, "upr_fold", 1, SQLITE_UTF8, NULL, sql_fold,
                                            NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*), count(*) FILTER (WHERE search_folded"
                                       " IS NOT upr_fold (coalesce (paragraph, '') || ' ' || text"
                                       " || ' ' || coalesce (notes, '') || ' '"
                                       " || coalesce (cluster, '') || ' '"
                                       " || coalesce (response_source, ''))),"
                                       " count(*) FILTER (WHERE text GLOB '*[^ -~]*')"
                                       " FROM recommendation",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 6094);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  /* Some texts are not plain ASCII and took the general way of folding. */
  g_assert_cmpint (sqlite3_column_int (stmt, 2), >, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* OHCHR's thematic list for Slovenia (UPR 48): 254 recommendations, 140.1 to 140.254. */
static void
test_thematic_docx (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autofree char *path = real_file ("upr48-slovenia-thematic-list.docx");
  g_autoptr(UprTable) table = read_table (path, NULL);
  g_autoptr(UprImport) import = new_import (fixture, table, "upr48-slovenia-thematic-list.docx");
  g_autoptr(UprImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  gboolean from_file = FALSE;
  gint64 n_changes;

  g_assert_cmpint (upr_import_get_layout (import), ==, UPR_IMPORT_LAYOUT_OHCHR_THEMATIC);
  /* The country and session are only in the title and the name of the file. */
  g_assert_cmpstr (upr_import_get_country (import, &from_file), ==, "SI");
  g_assert_true (from_file);
  g_assert_cmpint (upr_import_get_session (import, &from_file), ==, 48);
  g_assert_true (from_file);
  g_assert_true (upr_import_run (import, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_summary (import, 254, 0, 0, 0);
  g_assert_cmpuint (upr_import_get_issues (import)->len, ==, 0);

  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT paragraph) FROM recommendation"
                                       " WHERE paragraph GLOB '140.*'"), ==, 254);
  g_assert_cmpint (query_int (fixture, "SELECT min (CAST (substr (paragraph, 5) AS INTEGER))"
                                       " FROM recommendation"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT max (CAST (substr (paragraph, 5) AS INTEGER))"
                                       " FROM recommendation"), ==, 254);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE response = 'supported'"), ==, 217);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE response = 'noted'"), ==, 37);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_state"), ==, 262);
  /* As the document has them, typo included ("Para.3vv" for 140.113). */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation WHERE"
                                       " response_source GLOB 'A/HRC/59/15/Add.1 - Para.[345]*'"),
                   ==, 254);
  /* No States, paragraphs or non-breaking hyphens left in the texts. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation WHERE text GLOB"
                                       " '*)' OR text GLOB '*;' OR text GLOB '140.*'"
                                       " OR instr (text, char (8209)) > 0"), ==, 0);

  row = query_row (fixture, "SELECT r.text, r.response, r.response_source,"
                   " (SELECT group_concat (country_code) FROM (SELECT country_code FROM"
                   "  recommendation_state WHERE recommendation_id = r.id ORDER BY 1)),"
                   " (SELECT count(*) FROM recommendation_sdg WHERE recommendation_id = r.id),"
                   " (SELECT group_concat (term_id) FROM (SELECT term_id FROM recommendation_term"
                   "  WHERE recommendation_id = r.id ORDER BY 1)), v.country_code, v.session"
                   " FROM recommendation AS r JOIN review AS v ON v.id = r.review_id"
                   " WHERE r.paragraph = '140.7'");
  g_assert_cmpstr (row, ==, "Ratify the Optional Protocol to the International Covenant on "
                   "Economic, Social and Cultural Rights|supported|A/HRC/59/15/Add.1 - Para.3|"
                   "MV,PT|8|uhri-group:public-officials,uhri-theme:economic-social-and-cultural-"
                   "rights-general-measures-of-implementation,uhri-theme:ratification-of-and-"
                   "accession-to-international-instruments|SI|48");
  g_free (row);
  /* "(Iraq)." at the end, and "(Venezuela (Bolivarian Republic of))". */
  row = query_row (fixture, "SELECT r.text, s.country_code FROM recommendation AS r JOIN"
                   " recommendation_state AS s ON s.recommendation_id = r.id"
                   " WHERE r.paragraph = '140.254'");
  g_assert_cmpstr (row, ==, "Strengthen measures to reduce statelessness and ensure the "
                   "protection of stateless persons|IQ");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_state"
                                       " WHERE country_code = 'VE'"), >=, 1);

  /* Again: nothing changes. */
  n_changes = upr_store_count_changes (fixture->store);
  again = new_import (fixture, table, "upr48-slovenia-thematic-list.docx");
  g_assert_true (upr_import_run (again, FALSE, NULL, &error));
  assert_summary (again, 0, 0, 254, 0);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
}

/* The family of thematic lists: a third-cycle matrix (make-thematic-cycle3.py) has other
 * columns, older theme codes and "Affected persons:". */
static void
test_thematic_cycle3 (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autofree char *path = test_file ("upr31-senegal-matrix.docx");
  g_autoptr(UprImport) import = import_path (fixture, path, NULL);
  const UprImportIssue *issue;
  g_autofree char *row = NULL;

  g_assert_cmpint (upr_import_get_layout (import), ==, UPR_IMPORT_LAYOUT_OHCHR_THEMATIC);
  g_assert_cmpint (upr_import_get_column_field (import, 2), ==, UPR_IMPORT_FIELD_THEMES);
  g_assert_cmpint (upr_import_get_column_field (import, 3), ==, UPR_IMPORT_FIELD_IGNORE);
  assert_summary (import, 5, 0, 0, 0);
  /* A theme of the time with no successor today is reported, not guessed. */
  g_assert_cmpuint (upr_import_get_issues (import)->len, ==, 1);
  issue = find_issue (import, 5, UPR_IMPORT_SEVERITY_WARNING);
  g_assert_cmpstr (issue->column, ==, "Full list of themes");
  g_assert_cmpstr (issue->value, ==, "D32 Enforced disappearances");

  row = query_row (fixture, "SELECT r.paragraph, r.text, r.response, r.response_source,"
                   " (SELECT group_concat (country_code) FROM (SELECT country_code FROM"
                   "  recommendation_state WHERE recommendation_id = r.id ORDER BY 1)),"
                   " (SELECT group_concat (term_id) FROM (SELECT term_id FROM recommendation_term"
                   "  WHERE recommendation_id = r.id ORDER BY 1)), v.country_code, v.session"
                   " FROM recommendation AS r JOIN review AS v ON v.id = r.review_id"
                   " WHERE r.paragraph = '142.30'");
  g_assert_cmpstr (row, ==, "142.30|Ensure that all allegations of torture and ill-treatment by "
                   "law-enforcement officers are investigated promptly|supported|A/HRC/40/5/Add.1 "
                   "- Para. 3|DK|uhri-group:persons-deprived-of-their-liberty-and-detainees,"
                   "uhri-theme:conditions-of-detention,uhri-theme:right-to-physical-and-moral-"
                   "integrity|SN|31");
  g_free (row);
  row = describe_row (fixture, "upr31-senegal-matrix.docx", 10);
  g_assert_cmpstr (row, ==, "Amend the Family Code to guarantee the equal rights of women and "
                   "men in marriage|BE|uhri-group:women-and-girls,uhri-theme:discrimination-"
                   "against-women,uhri-theme:rights-related-to-marriage-and-family|∅|noted|∅|31|"
                   "SN");
  g_free (row);
  row = describe_row (fixture, "upr31-senegal-matrix.docx", 8);
  g_assert_true (g_str_has_prefix (row, "Take measures to reduce overcrowding in prisons|IT,VA|"));
}

/* A file that does not say its country or session (tiny.docx's title names neither) is refused
 * until they are given. */
static void
test_thematic_without_name (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autofree char *path = real_file ("tiny.docx");
  g_autoptr(UprTable) table = read_table (path, NULL);
  g_autoptr(UprImport) import = new_import (fixture, table, "recommendations.docx");
  g_autoptr(GError) error = NULL;

  g_assert_null (upr_import_get_country (import, NULL));
  g_assert_false (upr_import_check (import, &error));
  g_assert_error (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_COUNTRY);
  g_clear_error (&error);
  g_assert_false (upr_import_set_country (import, "Atlantis"));
  g_assert_true (upr_import_set_country (import, "svn"));
  g_assert_cmpstr (upr_import_get_country (import, NULL), ==, "SI");
  g_assert_false (upr_import_check (import, &error));
  g_assert_error (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_SESSION);
  g_clear_error (&error);
  upr_import_set_session (import, 48);
  g_assert_true (upr_import_run (import, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_summary (import, 2, 0, 0, 1);
}

/* A Universal Human Rights Index export (tests/data/import/make-uhri-sample.py). */
static void
test_uhri_xlsx (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autofree char *path = test_file ("uhri-sample.xlsx");
  g_autoptr(UprImport) import = import_path (fixture, path, NULL);
  g_autofree char *row = NULL;
  const UprImportIssue *issue;

  g_assert_cmpint (upr_import_get_layout (import), ==, UPR_IMPORT_LAYOUT_UHRI);
  assert_summary (import, 7, 0, 0, 1);
  /* The treaty body's recommendation is left out, saying so. */
  issue = find_issue (import, 8, UPR_IMPORT_SEVERITY_SKIPPED);
  g_assert_nonnull (issue);
  g_assert_cmpstr (issue->column, ==, "Reccomending Body");
  g_assert_cmpstr (issue->value, ==, "Committee on the Rights of the Child");
  issue = find_issue (import, 5, UPR_IMPORT_SEVERITY_WARNING);
  g_assert_nonnull (issue);
  g_assert_cmpstr (issue->column, ==, "UPR Reccomending States");
  g_assert_cmpstr (issue->value, ==, "Atlantis");
  g_assert_cmpuint (upr_import_get_summary (import)->n_warnings, ==, 1);

  row = describe_row (fixture, "uhri-sample.xlsx", 2);
  g_assert_cmpstr (row, ==, "Ratify the Second Optional Protocol to the International Covenant "
                   "on Civil and Political Rights, aiming at the abolition of the death penalty|"
                   "AU,ME,PT|uhri-theme:ratification-of-and-accession-to-international-"
                   "instruments,uhri-theme:right-to-life|16|supported|∅|45|SN");
  g_free (row);
  /* "45th session"; goals from targets "5.2", "16.1"; groups of persons. */
  row = describe_row (fixture, "uhri-sample.xlsx", 3);
  g_assert_cmpstr (row, ==, "Strengthen measures to combat gender-based violence, including by "
                   "criminalizing marital rape and ensuring that perpetrators are brought to "
                   "justice|FR|uhri-group:children,uhri-group:women-and-girls,uhri-theme:sexual-"
                   "and-gender-based-violence,uhri-theme:violence-against-women|5,16|supported|∅|"
                   "45|SN");
  g_free (row);
  row = describe_row (fixture, "uhri-sample.xlsx", 5);
  g_assert_cmpstr (row, ==, "Decriminalize consensual sexual relations between adults of the "
                   "same sex|CA|uhri-group:lgbti,uhri-theme:equality-and-non-discrimination|10|"
                   "noted|∅|45|SN");
  g_free (row);
  row = describe_row (fixture, "uhri-sample.xlsx", 7);
  g_assert_cmpstr (row, ==, "Bring the Senegalese Human Rights Committee into full compliance "
                   "with the Paris Principles|CI,TR|uhri-theme:national-human-rights-institution-"
                   "nhri|16|supported|∅|45|SN");
  g_free (row);
  row = describe_row (fixture, "uhri-sample.xlsx", 9);
  g_assert_true (g_str_has_suffix (row, "|MK|uhri-group:stateless-persons,uhri-theme:refugees-"
                                   "and-asylum-seekers|10|supported|∅|48|SI"));
}

/* A matrix of its own in French: ";" separators, a byte order mark, CR LF, a quoted line
 * break, an HTML entity, a State and a theme that match nothing. */
static void
test_french_csv (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autofree char *path = test_file ("francais.csv");
  g_autoptr(UprImport) import = import_path (fixture, path, NULL);
  g_autofree char *row = NULL;
  const UprImportIssue *issue;

  g_assert_cmpint (upr_import_get_layout (import), ==, UPR_IMPORT_LAYOUT_GENERIC);
  assert_summary (import, 4, 0, 0, 1);
  issue = find_issue (import, 5, UPR_IMPORT_SEVERITY_WARNING);
  g_assert_nonnull (issue);
  g_assert_cmpstr (issue->column, ==, "\xc3\x89tat(s) recommandant(s)");
  g_assert_cmpstr (issue->value, ==, "Wakanda");
  issue = find_issue (import, 7, UPR_IMPORT_SEVERITY_SKIPPED);
  g_assert_nonnull (issue);
  g_assert_cmpstr (issue->column, ==, "Pays");
  g_assert_cmpstr (issue->value, ==, "Atlantide");

  row = query_row (fixture, "SELECT r.paragraph, r.text, r.response, v.session,"
                   " (SELECT group_concat (country_code) FROM (SELECT country_code FROM"
                   "  recommendation_state WHERE recommendation_id = r.id ORDER BY 1)),"
                   " (SELECT group_concat (goal) FROM (SELECT goal FROM recommendation_sdg"
                   "  WHERE recommendation_id = r.id ORDER BY 1))"
                   " FROM recommendation AS r JOIN review AS v ON v.id = r.review_id"
                   " WHERE r.paragraph = '144.2'");
  g_assert_cmpstr (row, ==, "144.2|Poursuivre ses efforts pour garantir l'acc\xc3\xa8s de tous "
                   "les enfants \xc3\xa0 l\xe2\x80\x99\xc3\xa9" "ducation,\nen particulier des "
                   "filles|supported|31|CD,CI|4,5");
  g_free (row);
  row = describe_row (fixture, "francais.csv", 2);
  g_assert_cmpstr (row, ==, "Ratifier le Protocole facultatif se rapportant au Pacte "
                   "international relatif aux droits \xc3\xa9" "conomiques, sociaux et culturels|"
                   "PT|uhri-theme:ratification-of-and-accession-to-international-instruments|16|"
                   "supported|∅|31|SN");
  g_free (row);
  row = describe_row (fixture, "francais.csv", 6);
  g_assert_cmpstr (row, ==, "Renforcer la lutte contre la traite des personnes|FR|uhri-theme:"
                   "human-trafficking-and-contemporary-forms-of-slavery|8|supported-in-part|∅|31|"
                   "SN");
}

/* Importing twice */

static const char small_csv[] =
  "Paragraph,Recommendation,Recommending State,State under review,Session,Response,Issues\n"
  "98.1,Ratify the Convention against Torture.,France,Senegal,44,Accepted,Torture and other CID treatment\n"
  "98.2,Adopt a law on domestic violence.,\"Canada, Mexico\",Senegal,44,Pending,Women's rights\n"
  ",Strengthen the national human rights institution.,Chile,Senegal,44,Noted,NHRI\n"
  ",Strengthen the national human rights institution.,Peru,Senegal,44,Noted,NHRI\n";

/* A new response, the rest as before: one update, logged with the field's name only; the
 * officers' fields are kept; rows without a paragraph are told apart by their States. */
static void
test_update (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(UprTable) table = table_from_text (small_csv);
  g_autoptr(UprImport) first = new_import (fixture, table, "matrix.csv");
  g_autoptr(UprImport) second = NULL;
  g_autoptr(UprTable) changed = NULL;
  g_autoptr(UprOrganisation) ministry = upr_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *last = NULL;
  g_autofree char *row = NULL;
  const char *ids[2] = { NULL, NULL };
  gint64 n_changes;

  g_assert_true (upr_import_run (first, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_summary (first, 4, 0, 0, 0);

  /* What an officer then records about 98.2. */
  id = query_row (fixture, "SELECT id FROM recommendation WHERE paragraph = '98.2'");
  ids[0] = id;
  upr_record_set_string (UPR_RECORD (ministry), "name", "Ministry of Justice");
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (ministry), &error));
  g_assert_true (upr_store_bulk_set_lead_organisation (fixture->store, ids,
                                                       upr_record_get_id (UPR_RECORD (ministry)),
                                                       NULL, &error));
  g_assert_true (upr_store_bulk_set_status (fixture->store, ids, "in-progress", "2024-03-01",
                                            NULL, &error));
  g_assert_true (upr_store_bulk_set_cluster (fixture->store, ids, "Violence", NULL, &error));
  g_assert_no_error (error);
  n_changes = upr_store_count_changes (fixture->store);

  csv = g_strdup (small_csv);
  memcpy (strstr (csv, "Pending"), "Noted  ", 7);
  changed = table_from_text (csv);
  second = new_import (fixture, changed, "matrix.csv");
  g_assert_true (upr_import_run (second, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_summary (second, 0, 1, 3, 0);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 1);
  last = upr_store_describe_last_change (fixture->store);
  g_assert_cmpstr (last, ==, "update recommendation Officer A response");

  row = query_row (fixture, "SELECT r.response, r.status, r.status_date, r.cluster, o.name"
                   " FROM recommendation AS r JOIN organisation AS o"
                   " ON o.id = r.lead_organisation_id WHERE r.paragraph = '98.2'");
  g_assert_cmpstr (row, ==, "noted|in-progress|2024-03-01|Violence|Ministry of Justice");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"), ==, 4);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_state"), ==, 5);
}

/* Rows that look alike: a recommendation split in two under one paragraph (UPR Info's way
 * with one supported in part), the same row twice, the same text from two States. Each
 * finds its own record again. */
static void
test_twins (Fixture      *fixture,
            gconstpointer user_data)
{
  static const char csv[] =
    "Paragraph,Recommendation,Recommending State,State under review,Session,Response\n"
    "120.4,Ratify the Rome Statute,Ghana,Mali,29,Accepted\n"
    "120.4,and adopt implementing legislation,Ghana,Mali,29,Noted\n"
    "120.5,Combat child labour,Togo,Mali,29,Accepted\n"
    "120.5,Combat child labour,Togo,Mali,29,Accepted\n"
    ",Protect journalists,Chile,Mali,29,Accepted\n"
    ",Protect journalists,Peru,Mali,29,Noted\n";
  g_autoptr(UprTable) table = table_from_text (csv);
  g_autoptr(UprImport) first = new_import (fixture, table, "twins.csv");
  g_autoptr(UprImport) second = NULL;
  g_autoptr(UprImport) reordered = NULL;
  g_autoptr(UprTable) reversed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) backwards = g_string_new ("Paragraph,Recommendation,Recommending State,"
                                               "State under review,Session,Response\n");
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  gint64 n_changes;

  g_assert_true (upr_import_run (first, FALSE, NULL, &error));
  assert_summary (first, 6, 0, 0, 0);
  n_changes = upr_store_count_changes (fixture->store);
  second = new_import (fixture, table, "twins.csv");
  g_assert_true (upr_import_run (second, FALSE, NULL, &error));
  assert_summary (second, 0, 0, 6, 0);

  /* The same rows in another order, from another file, still match one to one. */
  for (int i = (int) g_strv_length (lines) - 1; i >= 1; i--)
    if (lines[i][0] != '\0')
      g_string_append_printf (backwards, "%s\n", lines[i]);
  reversed = table_from_text (backwards->str);
  reordered = new_import (fixture, reversed, "twins-reversed.csv");
  g_assert_true (upr_import_run (reordered, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_summary (reordered, 0, 0, 6, 0);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"), ==, 6);
}

/* A failed, cancelled, dry or abandoned import leaves every table as it was. */
static void
test_nothing_changes (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autofree char *path = real_file ("1-5.xls");
  g_autoptr(UprTable) table = read_table (path, NULL);
  g_autoptr(UprTable) small = table_from_text (small_csv);
  g_autoptr(UprImport) before = new_import (fixture, small, "matrix.csv");
  g_autoptr(UprImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *after = NULL;
  UprImportSummary dry_summary;
  gboolean finished = FALSE;
  sqlite3 *db = NULL;

  /* Something there already, that must stay as it is. */
  g_assert_true (upr_import_run (before, FALSE, NULL, &error));
  g_assert_no_error (error);
  dump = dump_database (fixture);

  /* Dry run: everything, then rolled back; its summary is that of the real run. */
  import = new_import (fixture, table, "1-5.xls");
  g_assert_true (upr_import_run (import, TRUE, NULL, &error));
  g_assert_no_error (error);
  dry_summary = *upr_import_get_summary (import);
  g_assert_cmpuint (dry_summary.n_new, ==, 6094);
  after = dump_database (fixture);
  g_assert_cmpstr (after, ==, dump);
  g_clear_pointer (&after, g_free);

  /* Cancelled half-way. */
  g_assert_true (upr_import_start (import, FALSE, &error));
  g_assert_true (upr_import_step (import, 3000, &finished, &error));
  g_assert_false (finished);
  g_assert_cmpfloat (upr_import_get_progress (import), >, 0.4);
  g_assert_cmpfloat (upr_import_get_progress (import), <, 0.6);
  upr_import_cancel (import);
  after = dump_database (fixture);
  g_assert_cmpstr (after, ==, dump);
  g_clear_pointer (&after, g_free);

  /* Dropped half-way (the window closed). */
  g_assert_true (upr_import_start (import, FALSE, &error));
  g_assert_true (upr_import_step (import, 1000, &finished, &error));
  g_clear_object (&import);
  after = dump_database (fixture);
  g_assert_cmpstr (after, ==, dump);
  g_clear_pointer (&after, g_free);

  /* Failed at the 1,000th insert: the disk is full, say. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER fail_import BEFORE INSERT ON recommendation"
                                     " WHEN (SELECT count(*) FROM recommendation) >= 1000"
                                     " BEGIN SELECT RAISE (ABORT, 'disk full'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&dump, g_free);
  dump = dump_database (fixture);
  import = new_import (fixture, table, "1-5.xls");
  g_assert_false (upr_import_run (import, FALSE, NULL, &error));
  g_assert_error (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "disk full"));
  g_clear_error (&error);
  g_assert_nonnull (find_issue (import, 0, UPR_IMPORT_SEVERITY_ERROR));
  after = dump_database (fixture);
  g_assert_cmpstr (after, ==, dump);
  g_clear_pointer (&after, g_free);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER fail_import", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Cancelled through a GCancellable. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (upr_import_run (import, FALSE, cancellable, &error));
    g_assert_error (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_CANCELLED);
  }

  /* And after all that, the real run gives what the dry run said. */
  g_clear_object (&import);
  import = new_import (fixture, table, "1-5.xls");
  g_assert_true (upr_import_run (import, FALSE, NULL, NULL));
  g_assert_cmpmem (upr_import_get_summary (import), sizeof dry_summary, &dry_summary,
                   sizeof dry_summary);
}

/* The mapping step */

static const char unknown_csv[] =
  "Libell\xc3\xa9;Etat;Avis;Cote\n"
  "Ratifier la Convention;France;Accept\xc3\xa9" "e;A1\n"
  "Abolir la peine de mort;Mexique;Not\xc3\xa9" "e;A2\n";

static void
test_mapping (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr(UprTable) table = table_from_text (unknown_csv);
  g_autoptr(UprImport) import = new_import (fixture, table, "avis.csv");
  g_autoptr(UprImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unplaced = upr_import_get_unplaced_columns (import);
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) upr_import_issue_free);
  const UprImportPreviewRow *row;

  g_assert_cmpint (upr_import_get_layout (import), ==, UPR_IMPORT_LAYOUT_UNKNOWN);
  g_assert_cmpuint (g_strv_length (unplaced), ==, 4);
  g_assert_false (upr_import_check (import, &error));
  g_assert_error (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_HEADER);
  /* The refusal names the columns it could not place. */
  g_assert_nonnull (strstr (error->message, "“Libell\xc3\xa9”"));
  g_assert_nonnull (strstr (error->message, "“Cote”"));
  g_clear_error (&error);

  upr_import_set_column_field (import, 0, UPR_IMPORT_FIELD_TEXT);
  upr_import_set_column_field (import, 1, UPR_IMPORT_FIELD_RECOMMENDING_STATES);
  upr_import_set_column_field (import, 2, UPR_IMPORT_FIELD_RESPONSE);
  upr_import_set_column_field (import, 3, UPR_IMPORT_FIELD_PARAGRAPH);
  /* One column per field: mapping another to the response unmaps the first. */
  upr_import_set_column_field (import, 3, UPR_IMPORT_FIELD_RESPONSE);
  g_assert_cmpint (upr_import_get_column_field (import, 2), ==, UPR_IMPORT_FIELD_NONE);
  upr_import_set_column_field (import, 2, UPR_IMPORT_FIELD_RESPONSE);
  upr_import_set_column_field (import, 3, UPR_IMPORT_FIELD_IGNORE);
  g_assert_true (upr_import_set_country (import, "SN"));
  upr_import_set_session (import, 44);
  g_assert_true (upr_import_check (import, &error));

  preview = upr_import_preview (import, 1, issues);
  g_assert_cmpuint (preview->len, ==, 1);
  row = preview->pdata[0];
  g_assert_cmpuint (row->row, ==, 2);
  g_assert_cmpstr (row->text, ==, "Ratifier la Convention");
  g_assert_cmpstr (row->country_code, ==, "SN");
  g_assert_cmpint (row->session, ==, 44);
  g_assert_cmpint (row->cycle, ==, 4);
  g_assert_cmpstr (row->response, ==, "supported");
  g_assert_cmpstr (row->states[0], ==, "FR");
  g_assert_false (row->skipped);
  g_assert_cmpuint (issues->len, ==, 0);
  /* A preview writes nothing. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM review"), ==, 0);

  g_assert_true (upr_import_run (import, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_summary (import, 2, 0, 0, 0);

  /* The same headers again: the mapping is remembered. */
  again = new_import (fixture, table, "avis (2).csv");
  g_assert_cmpint (upr_import_get_layout (again), ==, UPR_IMPORT_LAYOUT_REMEMBERED);
  g_assert_cmpint (upr_import_get_column_field (again, 0), ==, UPR_IMPORT_FIELD_TEXT);
  g_assert_cmpint (upr_import_get_column_field (again, 1), ==,
                   UPR_IMPORT_FIELD_RECOMMENDING_STATES);
  g_assert_cmpint (upr_import_get_column_field (again, 2), ==, UPR_IMPORT_FIELD_RESPONSE);
  g_assert_cmpint (upr_import_get_column_field (again, 3), ==, UPR_IMPORT_FIELD_IGNORE);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM import_mapping"), ==, 1);
}

/* Rows a file may hold that are not recommendations, and values that match nothing. */
static void
test_rows_and_problems (Fixture      *fixture,
                        gconstpointer user_data)
{
  static const char csv[] =
    "Recommendation,State under review,Session,Cycle,Recommending States,Response,Action,SDG\n"
    "Theme: Right to health,,,,,,,\n"
    "\n"
    "Recommendation,State under review,Session,Cycle,Recommending States,Response,Action,SDG\n"
    "Improve access to health care.,Mali,29,3,Norway,Supported,4,Goal 3\n"
    ",Mali,29,3,Norway,Supported,4,\n"
    "Ratify the Convention.,Narnia,29,3,Norway,Supported,4,\n"
    "Ratify the Convention.,Mali,twenty,3,Norway,Supported,4,\n"
    "Ratify the Protocol.,Mali,29,2,Norway; Gondor,Maybe,9,SDG 18\n"
    "Consider the Protocol.,Mali,60,,(Unknown),Noted,3,\n";
  g_autoptr(UprTable) table = table_from_text (csv);
  g_autoptr(UprImport) import = new_import (fixture, table, "problems.csv");
  g_autoptr(GError) error = NULL;
  const UprImportIssue *issue;
  GPtrArray *issues;
  guint n_warnings_9 = 0;

  g_assert_true (upr_import_run (import, FALSE, NULL, &error));
  g_assert_no_error (error);
  /* The heading, the empty row and the repeated header are not recommendations. */
  assert_summary (import, 3, 0, 0, 3);

  issue = find_issue (import, 6, UPR_IMPORT_SEVERITY_SKIPPED);
  g_assert_cmpstr (issue->column, ==, "Recommendation");
  issue = find_issue (import, 7, UPR_IMPORT_SEVERITY_SKIPPED);
  g_assert_cmpstr (issue->column, ==, "State under review");
  g_assert_cmpstr (issue->value, ==, "Narnia");
  issue = find_issue (import, 8, UPR_IMPORT_SEVERITY_SKIPPED);
  g_assert_cmpstr (issue->column, ==, "Session");
  g_assert_cmpstr (issue->value, ==, "twenty");

  /* Row 9: the cycle, a State, the response, the category and the goal, each reported. */
  issues = upr_import_get_issues (import);
  for (guint i = 0; i < issues->len; i++)
    {
      const UprImportIssue *each = issues->pdata[i];

      if (each->row != 9)
        continue;
      g_assert_cmpint (each->severity, ==, UPR_IMPORT_SEVERITY_WARNING);
      g_assert_nonnull (each->column);
      g_assert_nonnull (each->value);
      n_warnings_9++;
    }
  g_assert_cmpuint (n_warnings_9, ==, 5);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation WHERE text ="
                                       " 'Ratify the Protocol.' AND response = 'pending'"
                                       " AND action_category IS NULL"), ==, 1);
  /* Row 10: a session in no known cycle, and no State named: imported all the same. */
  issue = find_issue (import, 10, UPR_IMPORT_SEVERITY_WARNING);
  g_assert_nonnull (issue);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM review WHERE session = 60"), ==, 1);
}

/* Progress in steps, as the window runs it. */
static void
progress_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  double *last = user_data;
  double progress = upr_import_get_progress (UPR_IMPORT (object));

  g_assert_cmpfloat (progress, >=, *last);
  *last = progress;
}

static void
test_steps (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autofree char *path = test_file ("francais.csv");
  g_autoptr(UprTable) table = read_table (path, NULL);
  g_autoptr(UprImport) import = new_import (fixture, table, "francais.csv");
  g_autoptr(GError) error = NULL;
  gboolean finished = FALSE;
  double last = 0.0;
  guint n_steps = 0;

  g_signal_connect (import, "notify::progress", G_CALLBACK (progress_cb), &last);
  g_assert_true (upr_import_start (import, FALSE, &error));
  while (!finished)
    {
      g_assert_true (upr_import_step (import, 2, &finished, &error));
      n_steps++;
    }
  g_assert_true (upr_import_finish (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_steps, ==, 3);
  g_assert_cmpfloat (last, ==, 1.0);
  assert_summary (import, 4, 0, 0, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upright/io/import/headers", test_headers);
  g_test_add_func ("/upright/io/import/layouts", test_layouts);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/upright/io/import/upr-info-xls", test_upr_info_xls);
  ADD ("/upright/io/import/upr-info-csv", test_upr_info_csv);
  ADD ("/upright/io/import/search-text", test_search_text);
  ADD ("/upright/io/import/thematic-docx", test_thematic_docx);
  ADD ("/upright/io/import/thematic-cycle3", test_thematic_cycle3);
  ADD ("/upright/io/import/thematic-without-name", test_thematic_without_name);
  ADD ("/upright/io/import/uhri-xlsx", test_uhri_xlsx);
  ADD ("/upright/io/import/french-csv", test_french_csv);
  ADD ("/upright/io/import/update", test_update);
  ADD ("/upright/io/import/twins", test_twins);
  ADD ("/upright/io/import/nothing-changes", test_nothing_changes);
  ADD ("/upright/io/import/mapping", test_mapping);
  ADD ("/upright/io/import/rows-and-problems", test_rows_and_problems);
  ADD ("/upright/io/import/steps", test_steps);
#undef ADD

  return g_test_run ();
}
