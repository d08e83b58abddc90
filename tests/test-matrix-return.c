/* test-matrix-return.c: a matrix exported, filled in by a partner (with openpyxl, as Excel or
 * LibreOffice would save it: tests/data/return/edit-matrix.py) and read back: the diff, the
 * problems, applying it, and refusals that leave the database as it was.
 *
 * Arguments: the path of edit-matrix.py and the folder of the built catalogues (<build>/po),
 * for the French workbook. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "upr-demo.h"
#include "upr-matrix-return.h"
#include "upr-organisation.h"
#include "upr-store-export.h"
#include "upr-workbook.h"

#define TODAY "2026-01-15"

static const char *edit_script;

typedef struct
{
  char     *dir;
  char     *path;     /* the database */
  UprStore *store;
  GFile    *exported; /* the French matrix of the Republic of the Congo, untouched */
} Fixture;

/* Helpers */

static GFile *
export (Fixture    *fixture,
        const char *language,
        const char *name)
{
  g_autoptr(UprWorkbook) workbook = upr_workbook_new ();
  const char *countries[] = { "CG", NULL };
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UprWorkbookReport) report = NULL;
  g_autoptr(GError) error = NULL;

  upr_workbook_set_countries (workbook, countries);
  upr_workbook_set_language (workbook, language);
  upr_workbook_set_sheets (workbook, UPR_WORKBOOK_SHEET_MATRIX | UPR_WORKBOOK_SHEET_SUMMARY);
  report = upr_workbook_export (workbook, fixture->store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_recommendations, ==, 40);
  return g_steal_pointer (&file);
}

/* A copy of the exported matrix with @edits (see edit-matrix.py), NULL-terminated. */
static GFile *
edited (Fixture    *fixture,
        const char *name,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *in = g_file_get_path (fixture->exported);
  g_autofree char *out = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (char *) "/usr/bin/python3");
  g_ptr_array_add (argv, (char *) edit_script);
  g_ptr_array_add (argv, in);
  g_ptr_array_add (argv, out);
  va_start (args, name);
  for (const char *edit = va_arg (args, const char *); edit != NULL;
       edit = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) edit);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &errors,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("edit-matrix.py failed: %s", errors);
  return g_file_new_for_path (out);
}

static UprMatrixReturn *
read_back (Fixture    *fixture,
           GFile      *file,
           const char *partner_id,
           GError    **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autoptr(UprTable) table = upr_table_read (file, NULL, NULL, &read_error);

  g_assert_no_error (read_error);
  return upr_matrix_return_new (fixture->store, table, partner_id, error);
}

/* The recommendation on spreadsheet row @row of the export (2: the first). */
static const UprExportRecommendation *
item_at (UprExportMatrix *matrix,
         guint            row)
{
  return upr_export_matrix_get_item (matrix, row - 2);
}

static const UprMatrixReturnChange *
change_at (UprMatrixReturn *matrix,
           guint            index)
{
  GPtrArray *changes = upr_matrix_return_get_changes (matrix);

  g_assert_cmpuint (index, <, changes->len);
  return changes->pdata[index];
}

static void
assert_change (const UprMatrixReturnChange *change,
               guint                        row,
               const char                  *recommendation_id,
               UprMatrixReturnField         field,
               const char                  *value)
{
  g_assert_cmpuint (change->row, ==, row);
  g_assert_cmpstr (change->recommendation_id, ==, recommendation_id);
  g_assert_cmpint (change->field, ==, field);
  g_assert_cmpstr (change->value, ==, value);
  g_assert_nonnull (change->reference);
}

static char *
query (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", text != NULL ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Every row of the tables a return may write, in a fixed order. */
static char *
dump (Fixture *fixture)
{
  return query (fixture,
                "SELECT 'r', id, status, status_date, updated_at FROM recommendation"
                " UNION ALL SELECT 'p', id, date, text, status FROM progress_update"
                " UNION ALL SELECT 'a', id, level, date, source FROM assessment"
                " UNION ALL SELECT 'o', id, name, stakeholder_type, NULL FROM organisation"
                " UNION ALL SELECT 'c', count(*), NULL, NULL, NULL FROM change_log"
                " ORDER BY 1, 2");
}

static char *
organisation_id (Fixture    *fixture,
                 const char *name)
{
  g_autoptr(UprOrganisation) organisation = upr_store_find_organisation (fixture->store, name,
                                                                         NULL);

  g_assert_nonnull (organisation);
  return g_strdup (upr_record_get_string (UPR_RECORD (organisation), "id"));
}

/* Fixture */

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("upright-return-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
  fixture->store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (upr_demo_load (fixture->store, &error));
  g_assert_no_error (error);
  fixture->exported = export (fixture, "fr", "matrice.xlsx");
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->exported);
  g_clear_object (&fixture->store);
  remove_all (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Tests */

static void
test_untouched (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GFile) english = export (fixture, "en", "matrix.xlsx");
  g_autoptr(GFile) saved = edited (fixture, "saved.xlsx", NULL);
  GFile *files[] = { fixture->exported, english, saved };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UprMatrixReturn) matrix = read_back (fixture, files[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (upr_matrix_return_get_language (matrix), ==, i == 1 ? "en" : "fr");
      g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 0);
      g_assert_cmpuint (upr_matrix_return_get_problems (matrix)->len, ==, 0);
    }
}

/* A status in French with its date, a progress text, a status without a date, an
 * assessment: exactly those cells. */
static void
test_diff (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(UprExportMatrix) rows = upr_store_export_matrix (fixture->store,
                                                             (const char *[]) { "CG", NULL },
                                                             0, NULL);
  g_autoptr(GFile) file = edited (fixture, "filled.xlsx", "2:status=Mise en œuvre",
                                  "2:status-date=date:2025-03-31",
                                  "3:latest-progress=Loi adoptée le 2 mars 2025.",
                                  "6:status=en cours", "7:assessment=Pleinement mise en œuvre",
                                  NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = read_back (fixture, file, NULL, &error);
  const UprMatrixReturnChange *change;

  g_assert_no_error (error);
  g_assert_cmpuint (upr_matrix_return_get_problems (matrix)->len, ==, 0);
  g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 5);
  change = change_at (matrix, 0);
  assert_change (change, 2, item_at (rows, 2)->id, UPR_MATRIX_RETURN_STATUS, "implemented");
  g_assert_cmpstr (change->old_value, ==, "In progress");
  g_assert_cmpstr (change->new_value, ==, "Implemented");
  change = change_at (matrix, 1);
  assert_change (change, 2, item_at (rows, 2)->id, UPR_MATRIX_RETURN_STATUS_DATE, "2025-03-31");
  g_assert_cmpstr (change->old_value, ==, item_at (rows, 2)->status_date);
  change = change_at (matrix, 2);
  assert_change (change, 3, item_at (rows, 3)->id, UPR_MATRIX_RETURN_PROGRESS,
                 "Loi adoptée le 2 mars 2025.");
  g_assert_cmpstr (change->old_value, ==, item_at (rows, 3)->progress_text);
  assert_change (change_at (matrix, 3), 6, item_at (rows, 6)->id, UPR_MATRIX_RETURN_STATUS,
                 "in-progress");
  assert_change (change_at (matrix, 4), 7, item_at (rows, 7)->id,
                 UPR_MATRIX_RETURN_ASSESSMENT, "fully-implemented");
}

/* What cannot be read is reported with its row and column, and the row is left out. */
static void
test_problems (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(UprExportMatrix) rows = upr_store_export_matrix (fixture->store,
                                                             (const char *[]) { "CG", NULL },
                                                             0, NULL);
  g_autofree char *copied_key = g_strdup_printf ("5:key=%s", item_at (rows, 4)->id);
  g_autoptr(GFile) file = edited (fixture, "problems.xlsx", "2:status=Bientôt",
                                  "3:status-date=31/02/2025", "3:latest-progress=Texte",
                                  copied_key, "6:key=not-a-key", "7:status=Mise en œuvre",
                                  NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = read_back (fixture, file, NULL, &error);
  GPtrArray *problems;
  const struct
  {
    guint       row;
    const char *column;
    const char *value;
  } expected[] = {
    { 2, "Statut", "Bientôt" },
    { 3, "Date du statut", "31/02/2025" },
    { 5, "Clé", item_at (rows, 4)->id },
    { 6, "Clé", "not-a-key" },
  };

  g_assert_no_error (error);
  problems = upr_matrix_return_get_problems (matrix);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      const UprMatrixReturnProblem *problem = problems->pdata[i];

      g_assert_cmpuint (problem->row, ==, expected[i].row);
      g_assert_cmpstr (problem->column, ==, expected[i].column);
      g_assert_cmpstr (problem->value, ==, expected[i].value);
      g_assert_nonnull (problem->message);
    }
  /* Only the sound row 7 is a change. */
  g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 1);
  assert_change (change_at (matrix, 0), 7, item_at (rows, 7)->id, UPR_MATRIX_RETURN_STATUS,
                 "implemented");
}

static void
test_apply (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(GFile) file = edited (fixture, "filled.xlsx", "2:status=Mise en œuvre",
                                  "2:status-date=date:2025-03-31",
                                  "3:latest-progress=Loi adoptée le 2 mars 2025.",
                                  "6:status=En cours", "7:assessment=Pleinement mise en œuvre",
                                  NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = read_back (fixture, file, NULL, &error);
  g_autoptr(UprMatrixReturn) again = NULL;
  g_autoptr(UprExportMatrix) rows = NULL;
  g_autofree char *partner = organisation_id (fixture, "CFD");
  g_autofree char *sql = NULL;
  g_autofree char *updates = NULL;
  g_autofree char *assessments = NULL;
  gint64 changes_before = upr_store_count_changes (fixture->store);

  g_assert_no_error (error);
  g_assert_true (upr_matrix_return_apply (matrix, fixture->store, "CFD", TODAY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_count_changes (fixture->store), >, changes_before);

  /* One update per recommendation, from the partner, dated as the workbook says or today. */
  sql = g_strdup_printf ("SELECT date, status, text FROM progress_update"
                         " WHERE organisation_id = '%s' AND date >= '2025-01-01'"
                         " ORDER BY date, status", partner);
  updates = query (fixture, sql);
  g_assert_cmpstr (updates, ==,
                   "2025-03-31|implemented|∅\n"
                   TODAY "|∅|Loi adoptée le 2 mars 2025.\n"
                   TODAY "|in-progress|∅\n");
  g_free (sql);
  sql = g_strdup_printf ("SELECT level, source, date FROM assessment"
                         " WHERE organisation_id = '%s' AND date >= '2025-01-01'", partner);
  assessments = query (fixture, sql);
  g_assert_cmpstr (assessments, ==, "fully-implemented|cso|" TODAY "\n");
  rows = upr_store_export_matrix (fixture->store, (const char *[]) { "CG", NULL }, 0, NULL);
  g_assert_cmpstr (item_at (rows, 2)->status, ==, "implemented");
  g_assert_cmpstr (item_at (rows, 2)->status_date, ==, "2025-03-31");
  g_assert_cmpstr (item_at (rows, 3)->progress_text, ==, "Loi adoptée le 2 mars 2025.");
  g_assert_cmpstr (item_at (rows, 6)->status, ==, "in-progress");

  /* The same workbook again: nothing left to apply. */
  again = read_back (fixture, file, partner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_matrix_return_get_changes (again)->len, ==, 0);
  g_assert_cmpuint (upr_matrix_return_get_problems (again)->len, ==, 0);
}

/* A new name is created as the partner. */
static void
test_new_partner (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GFile) file = edited (fixture, "filled.xlsx", "4:latest-progress=Ratifié.", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = read_back (fixture, file, NULL, &error);
  g_autofree char *partner = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *updates = NULL;

  g_assert_no_error (error);
  g_assert_null (upr_store_find_organisation (fixture->store, "Réseau des défenseurs", NULL));
  g_assert_true (upr_matrix_return_apply (matrix, fixture->store, "Réseau des défenseurs", TODAY,
                                          &error));
  g_assert_no_error (error);
  partner = organisation_id (fixture, "reseau des defenseurs");
  sql = g_strdup_printf ("SELECT date, text FROM progress_update WHERE organisation_id = '%s'",
                         partner);
  updates = query (fixture, sql);
  g_assert_cmpstr (updates, ==, TODAY "|Ratifié.\n");
}

/* A refused apply changes nothing: an assessment from a partner that cannot make one (a
 * new organisation, of stakeholder type "other"), the partner's creation included; no
 * partner at all. */
static void
test_refused_apply (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(GFile) file = edited (fixture, "filled.xlsx", "2:status=Mise en œuvre",
                                  "3:latest-progress=Texte.",
                                  "7:assessment=Pleinement mise en œuvre", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = read_back (fixture, file, NULL, &error);
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_false (upr_matrix_return_apply (matrix, fixture->store, "Nouveau partenaire", TODAY,
                                           &error));
  g_assert_error (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_PARTNER);
  g_clear_error (&error);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (upr_store_find_organisation (fixture->store, "Nouveau partenaire", NULL));

  g_assert_false (upr_matrix_return_apply (matrix, fixture->store, "  ", TODAY, &error));
  g_assert_error (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_PARTNER);
  g_free (after);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refusals (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GFile) no_key = edited (fixture, "no-key.xlsx", "delete-key", NULL);
  g_autoptr(GFile) foreign = edited (fixture, "foreign.xlsx", "foreign", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprTable) table = NULL;
  UprMatrixReturn *matrix;

  matrix = read_back (fixture, no_key, NULL, &error);
  g_assert_null (matrix);
  g_assert_error (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_DAMAGED);
  g_clear_error (&error);

  table = upr_table_read (foreign, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (upr_matrix_return_recognise (table));
  matrix = upr_matrix_return_new (fixture->store, table, NULL, &error);
  g_assert_null (matrix);
  g_assert_error (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_NOT_MATRIX);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 3)
    g_error ("usage: test-matrix-return EDIT-MATRIX.PY LOCALEDIR");
  edit_script = argv[1];
  /* The French workbook's labels come from the built catalogue. */
  bindtextdomain (GETTEXT_PACKAGE, argv[2]);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/upright/matrix-return/untouched", test_untouched);
  ADD ("/upright/matrix-return/diff", test_diff);
  ADD ("/upright/matrix-return/problems", test_problems);
  ADD ("/upright/matrix-return/apply", test_apply);
  ADD ("/upright/matrix-return/new-partner", test_new_partner);
  ADD ("/upright/matrix-return/refused-apply", test_refused_apply);
  ADD ("/upright/matrix-return/refusals", test_refusals);
#undef ADD

  return g_test_run ();
}
