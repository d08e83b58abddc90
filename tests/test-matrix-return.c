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

#include "upr-assessment.h"
#include "upr-demo.h"
#include "upr-matrix-return.h"
#include "upr-organisation.h"
#include "upr-progress-update.h"
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

/* The officer's work in Upright after the export: a progress update on the recommendation of
 * spreadsheet row @row, with no organisation. */
static void
officer_update (Fixture    *fixture,
                guint       row,
                const char *date,
                const char *status,
                const char *text)
{
  g_autoptr(UprExportMatrix) rows = upr_store_export_matrix (fixture->store,
                                                             (const char *[]) { "CG", NULL },
                                                             0, NULL);
  g_autoptr(UprProgressUpdate) update = upr_progress_update_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (update, "recommendation-id", item_at (rows, row)->id, "date", date, "status",
                status, "text", text, NULL);
  g_assert_true (upr_store_add_progress_update (fixture->store, update, &error));
  g_assert_no_error (error);
}

static const UprMatrixReturnProblem *
problem_at (UprMatrixReturn *matrix,
            guint            index)
{
  GPtrArray *problems = upr_matrix_return_get_problems (matrix);

  g_assert_cmpuint (index, <, problems->len);
  return problems->pdata[index];
}

static void
assert_problem (const UprMatrixReturnProblem *problem,
                guint                         row,
                const char                   *column,
                const char                   *in_message)
{
  g_assert_cmpuint (problem->row, ==, row);
  g_assert_cmpstr (problem->column, ==, column);
  if (strstr (problem->message, in_message) == NULL)
    g_error ("row %u: “%s” not in “%s”", row, in_message, problem->message);
}

/* Fixture */

/* The demo database and its French matrix, made once: each test starts from copies (loading
 * the demo and exporting are most of a test's time, under the sanitizers above all). */
static char *template_dir;

static void
copy_file (const char *from_dir,
           const char *to_dir,
           const char *name)
{
  g_autofree char *from_path = g_build_filename (from_dir, name, NULL);
  g_autofree char *to_path = g_build_filename (to_dir, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFile) to = g_file_new_for_path (to_path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
make_template (void)
{
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0 };

  template_dir = g_dir_make_tmp ("upright-return-template-XXXXXX", &error);
  g_assert_no_error (error);
  fixture.dir = template_dir;
  fixture.path = g_build_filename (template_dir, "upright.db", NULL);
  fixture.store = upr_store_open (fixture.path, &error);
  g_assert_no_error (error);
  g_assert_true (upr_demo_load (fixture.store, &error));
  g_assert_no_error (error);
  g_object_unref (export (&fixture, "fr", "matrice.xlsx"));
  /* Closed, the database is whole in its one file. */
  g_clear_object (&fixture.store);
  g_free (fixture.path);
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;

  if (template_dir == NULL)
    make_template ();
  fixture->dir = g_dir_make_tmp ("upright-return-XXXXXX", &error);
  g_assert_no_error (error);
  copy_file (template_dir, fixture->dir, "upright.db");
  copy_file (template_dir, fixture->dir, "matrice.xlsx");
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
  fixture->store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
  exported = g_build_filename (fixture->dir, "matrice.xlsx", NULL);
  fixture->exported = g_file_new_for_path (exported);
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

/* The officer worked on rows 2, 3, 5, 6 and 7 in Upright after the export. What the partner
 * left as exported is not a change (rows 2 and 3: the defect this guards against would have
 * put the old values back over the officer's); what both changed the same way is none either
 * (row 6); what both changed differently is a problem naming Upright's value (rows 5 and 7);
 * only row 4, changed by the partner alone, is a change. */
static void
test_officer_newer (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(GFile) file = edited (fixture, "filled.xlsx", "4:status=Mise en œuvre",
                                  "5:status=Mise en œuvre", "6:status=En cours",
                                  "6:status-date=date:2025-06-04",
                                  "7:latest-progress=Le partenaire écrit ceci.", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = NULL;
  g_autoptr(UprExportMatrix) rows = NULL;

  officer_update (fixture, 2, "2025-06-01", "implemented", "Noted by the officer.");
  officer_update (fixture, 3, "2025-06-02", NULL, "Officer's progress.");
  officer_update (fixture, 5, "2025-06-03", "partially-implemented", NULL);
  officer_update (fixture, 6, "2025-06-04", "in-progress", NULL);
  officer_update (fixture, 7, "2025-06-05", NULL, "Officer's text.");
  rows = upr_store_export_matrix (fixture->store, (const char *[]) { "CG", NULL }, 0, NULL);

  matrix = read_back (fixture, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 1);
  assert_change (change_at (matrix, 0), 4, item_at (rows, 4)->id, UPR_MATRIX_RETURN_STATUS,
                 "implemented");
  g_assert_cmpuint (upr_matrix_return_get_problems (matrix)->len, ==, 2);
  assert_problem (problem_at (matrix, 0), 5, "Statut", "“Partially implemented (2025-06-03)”");
  g_assert_cmpstr (problem_at (matrix, 0)->value, ==, "Mise en œuvre");
  assert_problem (problem_at (matrix, 1), 7, "Dernier avancement", "“Officer's text.”");

  g_assert_true (upr_matrix_return_apply (matrix, fixture->store, "CFD", TODAY, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, upr_export_matrix_free);
  rows = upr_store_export_matrix (fixture->store, (const char *[]) { "CG", NULL }, 0, NULL);
  g_assert_cmpstr (item_at (rows, 2)->status, ==, "implemented");
  g_assert_cmpstr (item_at (rows, 2)->status_date, ==, "2025-06-01");
  g_assert_cmpstr (item_at (rows, 3)->progress_text, ==, "Officer's progress.");
  g_assert_cmpstr (item_at (rows, 4)->status, ==, "implemented");
  g_assert_cmpstr (item_at (rows, 5)->status, ==, "partially-implemented");
  g_assert_cmpstr (item_at (rows, 7)->progress_text, ==, "Officer's text.");
}

/* A matrix exported before keys carried a baseline (only ids in the key column) is compared
 * with the database, as it always was; a key whose baseline was tampered with is refused. */
static void
test_without_baseline (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(UprExportMatrix) rows = upr_store_export_matrix (fixture->store,
                                                             (const char *[]) { "CG", NULL },
                                                             0, NULL);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GFile) old = NULL;
  g_autoptr(GFile) tampered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = NULL;
  g_autofree char *bad_key = g_strdup_printf ("3:key=%s|in-progress|", item_at (rows, 3)->id);
  g_autofree char *in = g_file_get_path (fixture->exported);
  g_autofree char *out = g_build_filename (fixture->dir, "old.xlsx", NULL);

  for (guint row = 2; row < upr_export_matrix_get_n_items (rows) + 2; row++)
    g_ptr_array_add (edits, g_strdup_printf ("%u:key=%s", row, item_at (rows, row)->id));
  /* Too many edits for edited()'s arguments: the same call, by hand. */
  g_ptr_array_add (argv, (char *) "/usr/bin/python3");
  g_ptr_array_add (argv, (char *) edit_script);
  g_ptr_array_add (argv, in);
  g_ptr_array_add (argv, out);
  g_ptr_array_extend (argv, edits, NULL, NULL);
  g_ptr_array_add (argv, (char *) "4:status=Mise en œuvre");
  g_ptr_array_add (argv, NULL);
  {
    int status = -1;

    g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  old = g_file_new_for_path (out);
  matrix = read_back (fixture, old, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_matrix_return_get_problems (matrix)->len, ==, 0);
  g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 1);
  assert_change (change_at (matrix, 0), 4, item_at (rows, 4)->id, UPR_MATRIX_RETURN_STATUS,
                 "implemented");
  g_clear_pointer (&matrix, upr_matrix_return_free);

  tampered = edited (fixture, "tampered.xlsx", bad_key, NULL);
  matrix = read_back (fixture, tampered, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 0);
  g_assert_cmpuint (upr_matrix_return_get_problems (matrix)->len, ==, 1);
  assert_problem (problem_at (matrix, 0), 3, "Clé", "edited");
}

/* A cell emptied by the partner is never dropped silently: a status, a status date, a
 * progress text or an assessment cannot be unsaid, and the row is left out, said so. */
static void
test_erased (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(UprExportMatrix) rows = upr_store_export_matrix (fixture->store,
                                                             (const char *[]) { "CG", NULL },
                                                             0, NULL);
  g_autoptr(GFile) file = edited (fixture, "erased.xlsx", "2:status=", "3:status-date=",
                                  "4:latest-progress=", "5:assessment=",
                                  "5:status=Mise en œuvre", "8:status=Mise en œuvre",
                                  "6:status-date=", "6:assessment=", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = read_back (fixture, file, NULL, &error);

  g_assert_no_error (error);
  /* Row 6 had no status date nor assessment: emptying them again is nothing. */
  g_assert_null (item_at (rows, 6)->status_date);
  g_assert_null (item_at (rows, 6)->assessment_level);
  g_assert_cmpuint (upr_matrix_return_get_problems (matrix)->len, ==, 4);
  assert_problem (problem_at (matrix, 0), 2, "Statut", "status was erased");
  assert_problem (problem_at (matrix, 1), 3, "Date du statut", "status date was erased");
  assert_problem (problem_at (matrix, 2), 4, "Dernier avancement", "progress was erased");
  assert_problem (problem_at (matrix, 3), 5, "Évaluation", "assessment was erased");
  for (guint i = 0; i < 4; i++)
    g_assert_null (problem_at (matrix, i)->value);
  /* Row 5's new status goes with its erased assessment; row 8 is sound. */
  g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 1);
  assert_change (change_at (matrix, 0), 8, item_at (rows, 8)->id, UPR_MATRIX_RETURN_STATUS,
                 "implemented");
}

/* Assessments need a partner that can make one (UPR Info's sources): a new name needs a type
 * that is one, a known organisation of another type is refused by name; the assessments can
 * be left out and the rest applied. */
static void
test_assessing_partner (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr(GFile) file = edited (fixture, "filled.xlsx", "3:latest-progress=Texte.",
                                  "7:assessment=Pleinement mise en œuvre", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = read_back (fixture, file, NULL, &error);
  g_autoptr(UprMatrixReturn) again = NULL;
  g_autofree char *university = organisation_id (fixture, "UNIKIN");
  g_autofree char *network = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *assessments = NULL;
  g_autofree char *updates = NULL;
  g_autoptr(UprOrganisation) created = NULL;

  g_assert_no_error (error);
  g_assert_true (upr_matrix_return_has_assessments (matrix));
  g_assert_true (upr_matrix_return_check_partner (matrix, fixture->store, "CFD", NULL, &error));
  g_assert_no_error (error);

  g_assert_false (upr_matrix_return_check_partner (matrix, fixture->store, "Réseau Kouilou",
                                                   "academia", &error));
  g_assert_error (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_PARTNER);
  g_assert_nonnull (strstr (error->message, "choose the type of Réseau Kouilou"));
  g_clear_error (&error);
  g_assert_false (upr_matrix_return_check_partner (matrix, fixture->store, "UNIKIN", "cso",
                                                   &error));
  g_assert_nonnull (strstr (error->message, "Université de Kinshasa – Faculté de droit is "
                                            "recorded as “Academia”"));
  g_clear_error (&error);
  g_assert_false (upr_matrix_return_apply_as (matrix, fixture->store, "UNIKIN", NULL, TODAY,
                                              &error));
  g_assert_error (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_PARTNER);
  g_clear_error (&error);

  /* The university, without the assessments: its progress is recorded, and nothing else. */
  again = read_back (fixture, file, university, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_matrix_return_leave_out_assessments (again), ==, 1);
  g_assert_false (upr_matrix_return_has_assessments (again));
  g_assert_cmpuint (upr_matrix_return_get_changes (again)->len, ==, 1);
  g_assert_true (upr_matrix_return_apply_as (again, fixture->store, "UNIKIN", NULL, TODAY,
                                             &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT (SELECT group_concat(text) FROM progress_update"
                         " WHERE organisation_id = '%s' AND date = '" TODAY "'),"
                         " (SELECT count(*) FROM assessment WHERE organisation_id = '%s')",
                         university, university);
  updates = query (fixture, sql);
  g_assert_cmpstr (updates, ==, "Texte.|0\n");

  /* A new name chosen as civil society: created so, and its assessment recorded. */
  g_assert_true (upr_matrix_return_apply_as (matrix, fixture->store, "Réseau Kouilou", "cso",
                                             TODAY, &error));
  g_assert_no_error (error);
  created = upr_store_find_organisation (fixture->store, "Réseau Kouilou", NULL);
  g_assert_nonnull (created);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (created), "stakeholder-type"), ==, "cso");
  network = g_strdup (upr_record_get_string (UPR_RECORD (created), "id"));
  g_free (sql);
  sql = g_strdup_printf ("SELECT level, source FROM assessment WHERE organisation_id = '%s'",
                         network);
  assessments = query (fixture, sql);
  g_assert_cmpstr (assessments, ==, "fully-implemented|cso\n");
}

/* The baseline of a progress text survives what a spreadsheet may do to it: accents composed,
 * Windows line ends, spaces around. Written back so, while the officer reported newer
 * progress in Upright, it is neither a change nor a conflict. */
static void
test_text_forms (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(GFile) french = g_steal_pointer (&fixture->exported);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = NULL;

  /* "adoptée" with a combining accent, as some keyboards and PDFs give it. */
  officer_update (fixture, 8, "2025-06-01", NULL, "Loi adopte\xcc\x81" "e.");
  fixture->exported = export (fixture, "fr", "nfd.xlsx");
  file = edited (fixture, "nfc.xlsx",
                 "8:latest-progress=  2025-06-01\r\nLoi adopt\xc3\xa9" "e.\r\n", NULL);
  officer_update (fixture, 8, "2025-06-02", "implemented", "Loi promulguée.");

  matrix = read_back (fixture, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_matrix_return_get_problems (matrix)->len, ==, 0);
  g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 0);
  g_clear_object (&fixture->exported);
  fixture->exported = g_steal_pointer (&french);
}

static void
add_assessment (Fixture    *fixture,
                const char *recommendation_id,
                const char *source,
                const char *organisation_id,
                const char *level,
                const char *date)
{
  g_autoptr(UprAssessment) assessment = upr_assessment_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (assessment, "recommendation-id", recommendation_id, "source", source,
                "organisation-id", organisation_id, "level", level, "date", date, NULL);
  g_assert_true (upr_store_add_assessment (fixture->store, assessment, &error));
  g_assert_no_error (error);
}

/* Read before the partner is named (as the window does), a partner's own assessment said
 * again in the workbook is a change (the matrix shows the level combined with the other
 * stakeholders'), but applied as that partner it is not recorded twice. */
static void
test_partner_restates (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(GFile) french = g_steal_pointer (&fixture->exported);
  g_autoptr(UprExportMatrix) rows = upr_store_export_matrix (fixture->store,
                                                             (const char *[]) { "CG", NULL },
                                                             0, NULL);
  g_autofree char *partner = organisation_id (fixture, "CFD");
  g_autofree char *sql = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) matrix = NULL;

  add_assessment (fixture, item_at (rows, 7)->id, "cso", partner, "fully-implemented",
                  "2025-05-01");
  add_assessment (fixture, item_at (rows, 7)->id, "government", NULL, "not-implemented",
                  "2025-05-02");
  fixture->exported = export (fixture, "fr", "assessed.xlsx");
  file = edited (fixture, "restated.xlsx", "7:assessment=Pleinement mise en œuvre", NULL);
  matrix = read_back (fixture, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 1);
  assert_change (change_at (matrix, 0), 7, item_at (rows, 7)->id, UPR_MATRIX_RETURN_ASSESSMENT,
                 "fully-implemented");
  g_assert_true (upr_matrix_return_apply (matrix, fixture->store, "CFD", TODAY, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM assessment WHERE organisation_id = '%s'"
                         " AND recommendation_id = '%s'", partner, item_at (rows, 7)->id);
  count = query (fixture, sql);
  g_assert_cmpstr (count, ==, "1\n");
  g_clear_object (&fixture->exported);
  fixture->exported = g_steal_pointer (&french);
}

/* A progress text longer than a cell holds is cut in the workbook, with the marker: sent
 * back as it was (saved again, too), it is no change; written over, it is. */
static void
test_cut_text (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GFile) french = g_steal_pointer (&fixture->exported);
  g_autoptr(GString) text = g_string_new ("Rapport détaillé.");
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GFile) rewritten = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UprMatrixReturn) changed = NULL;

  while (text->len < 40000)
    g_string_append (text, " Étape franchie.");
  officer_update (fixture, 8, "2025-06-01", NULL, text->str);
  fixture->exported = export (fixture, "fr", "long.xlsx");
  saved = edited (fixture, "long-saved.xlsx", NULL);
  rewritten = edited (fixture, "long-new.xlsx", "8:latest-progress=2025-07-01\nNouvelle étape.",
                      NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(UprMatrixReturn) matrix = read_back (fixture, i == 0 ? fixture->exported : saved,
                                                     NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (upr_matrix_return_get_problems (matrix)->len, ==, 0);
      g_assert_cmpuint (upr_matrix_return_get_changes (matrix)->len, ==, 0);
    }
  changed = read_back (fixture, rewritten, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_matrix_return_get_problems (changed)->len, ==, 0);
  g_assert_cmpuint (upr_matrix_return_get_changes (changed)->len, ==, 2);
  g_assert_cmpuint (change_at (changed, 0)->field, ==, UPR_MATRIX_RETURN_PROGRESS);
  g_assert_cmpstr (change_at (changed, 0)->value, ==, "Nouvelle étape.");
  g_clear_object (&fixture->exported);
  fixture->exported = g_steal_pointer (&french);
}

int
main (int   argc,
      char *argv[])
{
  int status;

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
  ADD ("/upright/matrix-return/cut-text", test_cut_text);
  ADD ("/upright/matrix-return/partner-restates", test_partner_restates);
  ADD ("/upright/matrix-return/problems", test_problems);
  ADD ("/upright/matrix-return/apply", test_apply);
  ADD ("/upright/matrix-return/new-partner", test_new_partner);
  ADD ("/upright/matrix-return/refused-apply", test_refused_apply);
  ADD ("/upright/matrix-return/refusals", test_refusals);
  ADD ("/upright/matrix-return/officer-newer", test_officer_newer);
  ADD ("/upright/matrix-return/without-baseline", test_without_baseline);
  ADD ("/upright/matrix-return/erased", test_erased);
  ADD ("/upright/matrix-return/assessing-partner", test_assessing_partner);
  ADD ("/upright/matrix-return/text-forms", test_text_forms);
#undef ADD

  status = g_test_run ();
  if (template_dir != NULL)
    remove_all (template_dir);
  g_free (template_dir);
  return status;
}
