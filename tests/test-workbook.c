/* test-workbook.c: the workbook export and the CSV writer (suite io): the bulk read of the
 * matrix, the workbook language's catalogue, what the snapshot lets through of people, the
 * safe writing (atomic replacement, cancellation, a failing disk, a rename that fails), the
 * cutting and repairing of text, progress, errors; CSV quoting and formula protection.
 *
 * The workbook's contents are read back by an independent reader in test-workbook.py; this
 * program also builds the database that test uses:
 *
 *   test-workbook --fixture DBPATH
 *
 * writes the demo data plus recommendations of the Democratic Republic of the Congo and
 * Georgia with every implementation field, text that looks like formulas, one text over
 * Excel's limit and one with invalid UTF-8 and control characters. */
#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>

#include "upr-agenda-item.h"
#include "upr-assessment.h"
#include "upr-csv-writer.h"
#include "upr-demo.h"
#include "upr-indicator.h"
#include "upr-matrix-return.h"
#include "upr-organisation.h"
#include "upr-planned-action.h"
#include "upr-progress-update.h"
#include "upr-recommendation.h"
#include "upr-review.h"
#include "upr-store-export.h"
#include "upr-store.h"
#include "upr-workbook-catalog.h"
#include "upr-workbook-private.h"
#include "upr-workbook.h"

#define CD_WORKSHOP_TITLE_START "Atelier national de planification"
#define N_CD 12
#define LONG_TEXT_CHARS 40000

typedef struct
{
  char     *dir;
  char     *path;
  UprStore *store;
} Fixture;

/* Building the database */

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

static char *
organisation_id (UprStore   *store,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprOrganisation) organisation = upr_store_find_organisation (store, name, &error);

  check (organisation != NULL, error, name);
  return g_strdup (upr_record_get_id (UPR_RECORD (organisation)));
}

static void
save (UprStore *store,
      gpointer  record)
{
  g_autoptr(GError) error = NULL;

  check (upr_store_save (store, UPR_RECORD (record), &error), error, "save");
}

typedef struct
{
  const char *paragraph;
  const char *text;
  const char *response;
  const char *status;
  const char *status_date;
  int         category;
  const char *states;   /* comma-separated ISO codes */
  const char *terms;    /* comma-separated term ids */
  guint       goals;
  const char *notes;
} RecommendationSpec;

static const RecommendationSpec cd_specs[N_CD] = {
  { "140.1", "Ratifier le deuxième Protocole facultatif se rapportant au Pacte international "
    "relatif aux droits civils et politiques.", "noted", "not-started", NULL, 3, "FR,BE",
    "uhri-theme:right-to-life", 0, NULL },
  { "140.2", "=1+1 is how the partner typed this recommendation.", "supported", "in-progress",
    "2024-03-01", 4, "CH", "uhri-theme:right-to-health", UPR_SDG_BIT (3), "=1+1" },
  { "140.10", "+cmd /c calc: strengthen the national human rights commission.", "supported",
    "implemented", "2024-09-30", 5, "DE,AT", "uhri-theme:national-human-rights-institution-nhri",
    UPR_SDG_BIT (16), "+cmd" },
  { "140.3", "@SUM(A1) Adopt a law protecting human rights defenders.", "supported-in-part",
    "partially-implemented", "2024-06-15", 5, "NO", "uhri-group:civil-society",
    UPR_SDG_BIT (16), "@SUM(A1)" },
  { "140.4", "-2 Combat sexual violence in the east of the country.", "supported",
    "in-progress", NULL, 4, "SE,FI,DK", "uhri-theme:violence-against-women",
    UPR_SDG_BIT (5) | UPR_SDG_BIT (16), NULL },
  { "140.5", "Garantir l’accès de tous les enfants à l’éducation primaire gratuite.",
    "supported", "not-started", NULL, 5, "SN", "uhri-theme:right-to-education",
    UPR_SDG_BIT (4), NULL },
  { "140.6", "Continue its efforts to reform the justice sector.", "supported", "in-progress",
    NULL, 2, "CA", "uhri-theme:access-to-justice-and-remedy", UPR_SDG_BIT (16), NULL },
  { "140.7", "Consider ratifying the Convention on the Rights of Persons with Disabilities.",
    "pending", "not-applicable", NULL, 3, "GB", "uhri-group:persons-with-disabilities", 0,
    NULL },
  { "140.8", "Take measures to end the recruitment of children by armed groups.", "supported",
    "not-started", NULL, 4, "US,MX", "uhri-group:children", UPR_SDG_BIT (16), NULL },
  { "140.9", "Literal escape _x0041_ must stay as typed.", "noted", "not-started", NULL, 0,
    "BR", NULL, 0, NULL },
  { "140.11", "Adopt a national action plan on business and human rights.", "supported",
    "in-progress", NULL, 5, "NL", "uhri-theme:labour-rights-and-right-to-work", UPR_SDG_BIT (8),
    NULL },
  { "140.12", "Intensify the fight against corruption.", "supported", "implemented",
    "2023-12-01", 4, "JP", "uhri-theme:good-governance-and-corruption", UPR_SDG_BIT (16), NULL },
};

static GStrv
split_or_null (const char *list)
{
  return list != NULL ? g_strsplit (list, ",", -1) : g_new0 (char *, 1);
}

static UprRecommendation *
add_recommendation (UprStore                 *store,
                    UprReview                *review,
                    const RecommendationSpec *spec,
                    const char               *lead,
                    const char               *support)
{
  g_autoptr(GError) error = NULL;
  UprRecommendation *recommendation = upr_recommendation_new ();
  g_autoptr(UprRecommendationLinks) links = upr_recommendation_links_new ();

  g_object_set (recommendation, "review-id", upr_record_get_id (UPR_RECORD (review)),
                "paragraph", spec->paragraph, "text", spec->text, "response", spec->response,
                "action-category", spec->category, "status", spec->status,
                "lead-organisation-id", lead, "notes", spec->notes, NULL);
  if (spec->status_date != NULL)
    g_object_set (recommendation, "status-date", spec->status_date, NULL);
  save (store, recommendation);
  g_strfreev (links->states);
  g_strfreev (links->terms);
  g_strfreev (links->supporting);
  links->states = split_or_null (spec->states);
  /* Terms the vocabularies do not have are simply left out. */
  links->terms = g_new0 (char *, 1);
  links->sdg_goals = spec->goals;
  links->supporting = split_or_null (support);
  check (upr_store_set_recommendation_links (store, upr_record_get_id (UPR_RECORD (recommendation)),
                                             links, &error),
         error, "links");
  if (spec->terms != NULL)
    {
      const char *ids[] = { upr_record_get_id (UPR_RECORD (recommendation)), NULL };
      g_autoptr(GError) term_error = NULL;

      /* An unknown term fails and changes nothing: the fixture does not depend on it. */
      upr_store_bulk_add_term (store, ids, spec->terms, NULL, &term_error);
    }
  return recommendation;
}

static void
add_implementation (UprStore          *store,
                    UprRecommendation *recommendation,
                    const char        *organisation)
{
  const char *id = upr_record_get_id (UPR_RECORD (recommendation));
  g_autoptr(UprPlannedAction) late = upr_planned_action_new ();
  g_autoptr(UprPlannedAction) soon = upr_planned_action_new ();
  g_autoptr(UprIndicator) indicator = upr_indicator_new ();
  g_autoptr(UprProgressUpdate) older = upr_progress_update_new ();
  g_autoptr(UprProgressUpdate) newer = upr_progress_update_new ();
  g_autoptr(UprProgressUpdate) bare = upr_progress_update_new ();
  g_autoptr(UprAssessment) assessment = upr_assessment_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (late, "recommendation-id", id, "text", "Train 200 judicial police officers",
                "organisation-id", organisation, "due-date", "2026-06-30", "status", "planned",
                "resources", "=HYPERLINK(\"http://x\")", NULL);
  g_object_set (soon, "recommendation-id", id, "text", "Draft the bill", "start-date",
                "2025-01-15", "due-date", "2025-12-31", "status", "in-progress", NULL);
  g_object_set (indicator, "recommendation-id", id, "text", "Number of cases prosecuted",
                "baseline", "12 (2023)", "target", "60 (2027)", "means-of-verification",
                "Annual report of the Ministry", NULL);
  save (store, late);
  save (store, soon);
  save (store, indicator);
  g_object_set (older, "recommendation-id", id, "date", "2024-02-01", "text",
                "Older progress", "organisation-id", organisation, NULL);
  g_object_set (newer, "recommendation-id", id, "date", "2024-11-20", "text",
                "@Newest progress reported at the workshop", "organisation-id", organisation,
                NULL);
  g_object_set (bare, "recommendation-id", id, "date", "2025-01-10", "status", "in-progress",
                NULL);
  check (upr_store_add_progress_update (store, older, &error), error, "update");
  check (upr_store_add_progress_update (store, newer, &error), error, "update");
  check (upr_store_add_progress_update (store, bare, &error), error, "update");
  g_object_set (assessment, "recommendation-id", id, "source", "nhri", "level",
                "partially-implemented", "date", "2024-12-01", NULL);
  check (upr_store_add_assessment (store, assessment, &error), error, "assessment");
}

static void
add_speaker (UprStore   *store,
             const char *workshop_title_start,
             const char *speaker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workshops = upr_store_list_workshops (store, "CD", &error);
  g_autoptr(UprAgendaItem) item = upr_agenda_item_new ();

  check (workshops != NULL, error, "workshops");
  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(UprRecord) workshop = g_list_model_get_item (workshops, i);

      if (!g_str_has_prefix (upr_record_get_string (workshop, "title"), workshop_title_start))
        continue;
      g_object_set (item, "workshop-id", upr_record_get_id (workshop), "position", 99,
                    "time", "16:00", "title", "Témoignage", "role", "statement", "speaker",
                    speaker, NULL);
      save (store, item);
      return;
    }
  g_error ("no workshop %s", workshop_title_start);
}

static char *
long_text (void)
{
  GString *text = g_string_new ("Adopt ");

  while (g_utf8_strlen (text->str, -1) < LONG_TEXT_CHARS)
    g_string_append (text, "une loi très détaillée ");
  return g_string_free (text, FALSE);
}

static void
build_fixture (UprStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) cd = NULL;
  g_autoptr(UprReview) ge = NULL;
  g_autofree char *justice = NULL;
  g_autofree char *cndh = NULL;
  g_autofree char *parliament = NULL;
  g_autofree char *text = long_text ();
  RecommendationSpec long_spec = { "117.1", text, "supported", "in-progress", NULL, 5, "FR",
                                   NULL, 0, NULL };
  RecommendationSpec dirty_spec = { "117.2", "Protect minorities.", "supported",
                                    "not-started", NULL, 4, "TR", NULL, 0,
                                    "Bad \xff\xfe bytes\x01 and a bell\x07 here\r\nnext line" };

  upr_store_set_officer (store, "Test Officer");
  check (upr_demo_load (store, &error), error, "demo");
  justice = organisation_id (store, "Ministère de la Justice");
  cndh = organisation_id (store, "Commission nationale des droits de l’homme");
  parliament = organisation_id (store, "Parliament of Georgia");
  check (upr_store_begin (store, &error), error, "begin");
  cd = upr_store_ensure_review (store, "CD", 47, &error);
  check (cd != NULL, error, "review");
  for (guint i = 0; i < N_CD; i++)
    {
      g_autoptr(UprRecommendation) recommendation
        = add_recommendation (store, cd, &cd_specs[i], i % 2 == 0 ? justice : cndh,
                              i % 3 == 0 ? cndh : NULL);

      if (i < 3)
        add_implementation (store, recommendation, justice);
    }
  ge = upr_store_ensure_review (store, "GE", 51, &error);
  check (ge != NULL, error, "review");
  g_object_unref (add_recommendation (store, ge, &long_spec, parliament, NULL));
  g_object_unref (add_recommendation (store, ge, &dirty_spec, NULL, NULL));
  check (upr_store_commit (store, &error), error, "commit");
  /* A speaker given by name: someone without consent, and someone with. */
  add_speaker (store, CD_WORKSHOP_TITLE_START, "Esther Bahati Namegabe (témoin)");
  add_speaker (store, CD_WORKSHOP_TITLE_START, "Mme Béatrice Mbuyi Kalala");
}

static int
make_fixture (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open (path, &error);

  check (store != NULL, error, "open");
  build_fixture (store);
  return 0;
}

/* Fixture */

/* The database is built once (the demo data takes a while), then copied for each test. */
static char *template_dir;
static char *template_path;

static void
build_template (void)
{
  g_autoptr(GError) error = NULL;

  template_dir = g_dir_make_tmp ("upright-workbook-template-XXXXXX", &error);
  g_assert_no_error (error);
  template_path = g_build_filename (template_dir, "upright.db", NULL);
  /* Closing the only connection folds the write-ahead log into the file. */
  make_fixture (template_path);
}

static void
copy_template (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (template_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("upright-workbook-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
  if (user_data == NULL)
    copy_template (fixture->path);
  fixture->store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
  upr_store_set_officer (fixture->store, "Test Officer");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Helpers */

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static UprWorkbook *
workbook_of (const char *countries)
{
  UprWorkbook *workbook = upr_workbook_new ();
  g_auto(GStrv) codes = countries != NULL ? g_strsplit (countries, ",", -1) : NULL;

  upr_workbook_set_countries (workbook, (const char * const *) codes);
  return workbook;
}

static UprWorkbookReport *
export (Fixture      *fixture,
        UprWorkbook  *workbook,
        const char   *name,
        GCancellable *cancellable,
        GError      **error)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return upr_workbook_export (workbook, fixture->store, file, cancellable, error);
}

/* Files whose name starts with the temporary prefix, left in the folder. */
static guint
count_leftovers (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, ".upright-export-");
  return n;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static gboolean
is_zip (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 4
         && memcmp (contents, "PK\x03\x04", 4) == 0;
}

static UprWorkbookSnapshot *
snapshot_of (Fixture           *fixture,
             const char        *countries,
             UprWorkbookPeople  people)
{
  g_autoptr(UprWorkbook) workbook = workbook_of (countries);
  g_autoptr(GError) error = NULL;
  UprWorkbookSnapshot *snapshot;

  upr_workbook_set_people (workbook, people);
  snapshot = upr_workbook_snapshot_new (workbook, fixture->store, &error);
  g_assert_no_error (error);
  return snapshot;
}

static const UprExportRecommendation *
find_item (UprExportMatrix *matrix,
           const char      *paragraph,
           guint           *index)
{
  for (guint i = 0; i < upr_export_matrix_get_n_items (matrix); i++)
    {
      const UprExportRecommendation *item = upr_export_matrix_get_item (matrix, i);

      if (g_strcmp0 (item->paragraph, paragraph) == 0)
        {
          if (index != NULL)
            *index = i;
          return item;
        }
    }
  g_error ("no recommendation %s", paragraph);
  return NULL;
}

/* The bulk read */

static void
test_matrix_bulk (Fixture      *fixture,
                  gconstpointer user_data)
{
  const char *countries[] = { "CD", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(UprExportMatrix) matrix = upr_store_export_matrix (fixture->store, countries, 0,
                                                               &error);
  const UprExportRecommendation *item;

  g_assert_no_error (error);
  g_assert_cmpuint (upr_export_matrix_get_n_items (matrix), ==, N_CD);
  /* Paragraphs as numbers: 140.9 before 140.10. */
  for (guint i = 0; i < N_CD; i++)
    {
      g_autofree char *expected = g_strdup_printf ("140.%u", i + 1);

      g_assert_cmpstr (upr_export_matrix_get_item (matrix, i)->paragraph, ==, expected);
    }
  item = find_item (matrix, "140.1", NULL);
  g_assert_cmpstr (item->country_code, ==, "CD");
  g_assert_cmpint (item->session, ==, 47);
  g_assert_cmpint (item->cycle, ==, 4);
  g_assert_cmpuint (g_strv_length ((char **) item->states), ==, 2);
  g_assert_nonnull (item->supporting);
  /* Planned actions by due date, the latest update with a text, the combined assessment. */
  g_assert_cmpuint (item->n_actions, ==, 2);
  g_assert_cmpstr (item->actions[0].text, ==, "Draft the bill");
  g_assert_cmpstr (item->actions[1].text, ==, "Train 200 judicial police officers");
  g_assert_cmpuint (item->n_indicators, ==, 1);
  g_assert_cmpstr (item->indicators[0].baseline, ==, "12 (2023)");
  g_assert_cmpstr (item->progress_text, ==, "@Newest progress reported at the workshop");
  g_assert_cmpstr (item->progress_date, ==, "2024-11-20");
  g_assert_cmpstr (item->assessment_level, ==, "partially-implemented");
  /* The bare status update made "in-progress" current. */
  g_assert_cmpstr (item->status, ==, "in-progress");

  item = find_item (matrix, "140.5", NULL);
  g_assert_cmpuint (item->n_actions, ==, 0);
  g_assert_null (item->actions);
  g_assert_null (item->progress_text);
  g_assert_null (item->assessment_level);
  g_assert_cmpuint (item->sdg_goals, ==, UPR_SDG_BIT (4));
}

/* The latest update with a text, whatever order they were written in: by date, then the one
 * written last; a bare change of status is not it. Read for one country and for all. */
static void
test_matrix_latest_progress (Fixture      *fixture,
                             gconstpointer user_data)
{
  const char *countries[] = { "CD", NULL };
  const char *updates[][3] = {
    { "2025-06-01", "Same day, written first", NULL },
    { "2025-06-01", "Same day, written last", NULL },
    { "2025-03-01", "Older, written after both", NULL },
    { "2025-09-01", NULL, "implemented" },
  };
  g_autoptr(UprExportMatrix) matrix = upr_store_export_matrix (fixture->store, countries, 0,
                                                               NULL);
  const char *id = find_item (matrix, "140.2", NULL)->id;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      g_autoptr(UprProgressUpdate) update = upr_progress_update_new ();

      g_object_set (update, "recommendation-id", id, "date", updates[i][0], "text",
                    updates[i][1], "status", updates[i][2], NULL);
      check (upr_store_add_progress_update (fixture->store, update, &error), error, "update");
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(UprExportMatrix) read = upr_store_export_matrix (fixture->store,
                                                                 pass == 0 ? countries : NULL,
                                                                 0, &error);
      const UprExportRecommendation *item;

      g_assert_no_error (error);
      item = find_item (read, "140.2", NULL);
      g_assert_cmpstr (item->progress_text, ==, "Same day, written last");
      g_assert_cmpstr (item->progress_date, ==, "2025-06-01");
      g_assert_cmpstr (item->status, ==, "implemented");
    }
}

static void
test_matrix_all_countries (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprExportMatrix) all = upr_store_export_matrix (fixture->store, NULL, 0, &error);
  const char *both[] = { "GE", "CD", NULL };
  g_autoptr(UprExportMatrix) two = upr_store_export_matrix (fixture->store, both, 0, &error);
  g_autoptr(UprExportMatrix) cycle3 = upr_store_export_matrix (fixture->store, NULL, 3, &error);

  g_assert_no_error (error);
  /* The demo data has recommendations of its own, of another country. */
  g_assert_cmpint (upr_export_matrix_get_n_items (all), ==,
                   query_int (fixture, "SELECT count (*) FROM recommendation"));
  g_assert_cmpuint (upr_export_matrix_get_n_items (all), >, N_CD + 2);
  g_assert_cmpuint (upr_export_matrix_get_n_items (two), ==, N_CD + 2);
  g_assert_cmpuint (upr_export_matrix_get_n_items (cycle3), ==, 0);
  /* By ISO code: CD before GE whatever the order asked. */
  g_assert_cmpstr (upr_export_matrix_get_item (two, 0)->country_code, ==, "CD");
  g_assert_cmpstr (upr_export_matrix_get_item (two, N_CD)->country_code, ==, "GE");
}

static void
test_compare_paragraphs (void)
{
  g_assert_cmpint (upr_export_compare_paragraphs ("140.9", "140.10"), <, 0);
  g_assert_cmpint (upr_export_compare_paragraphs ("99.1", "100.1"), <, 0);
  g_assert_cmpint (upr_export_compare_paragraphs ("140.09", "140.9"), ==, 0);
  g_assert_cmpint (upr_export_compare_paragraphs ("140.1a", "140.1b"), <, 0);
  g_assert_cmpint (upr_export_compare_paragraphs (NULL, "1"), <, 0);
  g_assert_cmpint (upr_export_compare_paragraphs ("1", "1"), ==, 0);
}

/* The catalogue */

static char *
compile_catalogue (const char *dir,
                   const char *po)
{
  g_autofree char *po_path = g_build_filename (dir, "test.po", NULL);
  g_autofree char *folder = g_build_filename (dir, "fr", "LC_MESSAGES", NULL);
  char *mo_path = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_mkdir_with_parents (folder, 0755);
  write_file (po_path, po);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return mo_path;
}

static gboolean
have_msgfmt (void)
{
  g_autofree char *path = g_find_program_in_path ("msgfmt");

  return path != NULL;
}

static const char test_po[] =
  "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n\n"
  "msgctxt \"workbook\"\nmsgid \"Summary\"\nmsgstr \"Synthèse (test)\"\n\n"
  "msgctxt \"workbook\"\nmsgid \"Matrix\"\nmsgstr \"Matrice: [test]\"\n\n"
  "msgid \"Summary\"\nmsgstr \"Résumé de l’interface\"\n\n"
  "msgid \"Not started\"\nmsgstr \"Non commencée (test)\"\n\n"
  "msgctxt \"workbook\"\nmsgid \"Untranslated\"\nmsgstr \"\"\n\n"
  "msgid \"%u file\"\nmsgid_plural \"%u files\"\nmsgstr[0] \"%u fichier\"\n"
  "msgstr[1] \"%u fichiers\"\n";

static void
test_catalogue (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autofree char *mo = NULL;
  g_autofree char *bad = path_in (fixture, "bad.mo");
  g_autoptr(UprWorkbookCatalog) french = NULL;
  g_autoptr(UprWorkbookCatalog) english = NULL;
  g_autoptr(UprWorkbookCatalog) missing = NULL;
  g_autoptr(UprWorkbookCatalog) damaged = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_msgfmt ())
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  mo = compile_catalogue (fixture->dir, test_po);
  french = upr_workbook_catalog_new_from_file ("fr", mo, &error);
  g_assert_no_error (error);
  /* The workbook's context and the interface's are kept apart. */
  g_assert_cmpstr (upr_workbook_catalog_lookup (french, "workbook", "Summary"), ==,
                   "Synthèse (test)");
  g_assert_cmpstr (upr_workbook_catalog_lookup (french, NULL, "Summary"), ==,
                   "Résumé de l’interface");
  g_assert_cmpstr (upr_workbook_catalog_lookup (french, NULL, "Not started"), ==,
                   "Non commencée (test)");
  g_assert_cmpstr (upr_workbook_catalog_lookup (french, "workbook", "Untranslated"), ==,
                   "Untranslated");
  g_assert_cmpstr (upr_workbook_catalog_lookup (french, "workbook", "Absent"), ==, "Absent");
  g_assert_cmpstr (upr_workbook_catalog_lookup (french, NULL, "%u file"), ==, "%u fichier");
  g_assert_cmpstr (upr_workbook_catalog_get_language (french), ==, "fr");

  english = upr_workbook_catalog_new ("en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_workbook_catalog_lookup (english, "workbook", "Summary"), ==, "Summary");

  missing = upr_workbook_catalog_new_from_file ("fr", "/nonexistent/upright.mo", &error);
  g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NO_TRANSLATION);
  g_assert_null (missing);
  g_clear_error (&error);
  /* A truncated catalogue: its tables point past the end. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_file_get_contents (mo, &contents, &length, &error);
    g_assert_no_error (error);
    g_file_set_contents (bad, contents, (gssize) length / 2, &error);
    g_assert_no_error (error);
  }
  damaged = upr_workbook_catalog_new_from_file ("fr", bad, &error);
  g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NO_TRANSLATION);
  g_assert_null (damaged);
}

/* The snapshot's labels come from the catalogue bound to the text domain, whatever the
 * interface language (this test runs with LANGUAGE=en). */
static void
test_snapshot_language (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autofree char *mo = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(UprWorkbook) workbook = workbook_of ("CD");
  g_autoptr(UprWorkbookSnapshot) snapshot = NULL;
  g_autoptr(UprWorkbookSnapshot) both = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (256);
  const char *cells[UPR_MATRIX_N_COLUMNS];
  guint index;

  if (!have_msgfmt ())
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  mo = compile_catalogue (fixture->dir, test_po);
  previous = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  bindtextdomain (GETTEXT_PACKAGE, fixture->dir);
  upr_workbook_set_language (workbook, "fr");
  snapshot = upr_workbook_snapshot_new (workbook, fixture->store, &error);
  g_assert_no_error (error);
  /* Several States: by their names in French, “Géorgie” before “République…”. */
  upr_workbook_set_countries (workbook, (const char *[]) { "CD", "GE", NULL });
  both = upr_workbook_snapshot_new (workbook, fixture->store, &error);
  bindtextdomain (GETTEXT_PACKAGE, previous);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_export_matrix_get_item (both->matrix, 0)->country_code, ==, "GE");
  g_assert_cmpstr (upr_export_matrix_get_item (both->matrix, 2)->country_code, ==, "CD");
  g_assert_cmpstr (upr_export_matrix_get_item (both->matrix, 2)->paragraph, ==, "140.1");
  g_assert_cmpuint (upr_export_matrix_get_n_items (both->matrix), ==, N_CD + 2);

  g_assert_cmpstr (upr_snapshot_label (snapshot, "Summary"), ==, "Synthèse (test)");
  g_assert_cmpstr (upr_snapshot_vocab (snapshot, UPR_VOCAB_IMPLEMENTATION_STATUS,
                                       "not-started"), ==, "Non commencée (test)");
  /* Country names and SDG titles come from the database, in French. */
  g_assert_cmpstr (upr_snapshot_country (snapshot, "CD"), ==,
                   "République démocratique du Congo");
  g_assert_cmpstr (snapshot->scope, ==, "République démocratique du Congo");
  find_item (snapshot->matrix, "140.1", &index);
  upr_workbook_matrix_row_cells (snapshot, index, chunk, cells);
  g_assert_cmpstr (cells[UPR_MATRIX_STATUS], ==, "In progress");
  g_assert_cmpstr (cells[UPR_MATRIX_STATES], ==, "Belgique, France");
  find_item (snapshot->matrix, "140.5", &index);
  upr_workbook_matrix_row_cells (snapshot, index, chunk, cells);
  g_assert_cmpstr (cells[UPR_MATRIX_STATUS], ==, "Non commencée (test)");
  g_assert_true (g_str_has_prefix (cells[UPR_MATRIX_SDGS], "4 – "));
  g_assert_cmpstr (cells[UPR_MATRIX_SDGS] + strlen ("4 – "), ==, snapshot->sdg_titles[4]);
  g_assert_true (g_str_has_prefix (snapshot->sdg_titles[4], "Éducation"));
}

static void
test_matrix_cells (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(UprWorkbookSnapshot) snapshot = snapshot_of (fixture, "CD",
                                                         UPR_WORKBOOK_PEOPLE_AGGREGATE);
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (256);
  const char *cells[UPR_MATRIX_N_COLUMNS];
  guint index;

  g_assert_false (snapshot->several_countries);
  find_item (snapshot->matrix, "140.1", &index);
  upr_workbook_matrix_row_cells (snapshot, index, chunk, cells);
  g_assert_cmpstr (cells[UPR_MATRIX_REFERENCE], ==, "140.1");
  g_assert_cmpstr (cells[UPR_MATRIX_SESSION], ==, "47");
  g_assert_cmpstr (cells[UPR_MATRIX_CYCLE], ==, "4");
  g_assert_cmpstr (cells[UPR_MATRIX_STATES], ==, "Belgium, France");
  g_assert_cmpstr (cells[UPR_MATRIX_RESPONSE], ==, "Noted");
  g_assert_cmpstr (cells[UPR_MATRIX_CATEGORY], ==, "3 – Considering action");
  g_assert_cmpstr (cells[UPR_MATRIX_LEAD], ==, "Ministère de la Justice");
  g_assert_cmpstr (cells[UPR_MATRIX_SUPPORTING], ==,
                   "Commission nationale des droits de l’homme (CNDH)");
  g_assert_cmpstr (cells[UPR_MATRIX_ACTIONS], ==,
                   "• Draft the bill · Start: 2025-01-15 · Due: 2025-12-31 · In progress\n"
                   "• Train 200 judicial police officers · Ministère de la Justice · "
                   "Due: 2026-06-30 · Planned · Resources: =HYPERLINK(\"http://x\")");
  g_assert_cmpstr (cells[UPR_MATRIX_INDICATORS], ==,
                   "• Number of cases prosecuted · Baseline: 12 (2023) · Target: 60 (2027) · "
                   "Means of verification: Annual report of the Ministry");
  g_assert_cmpstr (cells[UPR_MATRIX_PROGRESS], ==,
                   "2024-11-20 · Ministère de la Justice\n"
                   "@Newest progress reported at the workshop");
  g_assert_cmpstr (cells[UPR_MATRIX_ASSESSMENT], ==, "Partially implemented");
  g_assert_cmpstr (cells[UPR_MATRIX_KEY], ==, upr_export_matrix_get_item (snapshot->matrix,
                                                                          index)->id);
}

/* People */

static void
test_snapshot_aggregate (Fixture      *fixture,
                         gconstpointer user_data)
{
  g_autoptr(UprWorkbookSnapshot) snapshot = snapshot_of (fixture, "CD",
                                                         UPR_WORKBOOK_PEOPLE_AGGREGATE);
  UprSnapWorkshop *workshop;
  guint n_speakers = 0;

  /* No list of names at all, not even held in memory for the writer. */
  g_assert_null (snapshot->participants);
  g_assert_false (snapshot->sheets & UPR_WORKBOOK_SHEET_PARTICIPANTS);
  g_assert_cmpuint (snapshot->workshops->len, ==, 1);
  workshop = g_ptr_array_index (snapshot->workshops, 0);
  /* The demo's workshop in Kinshasa: 31 people, of whom 26 attended. */
  g_assert_cmpuint (workshop->n_attended, ==, 26);
  g_assert_cmpuint (snapshot->people->len, ==, 26);
  g_assert_cmpuint (workshop->n_women + workshop->n_men, <=, workshop->n_attended);
  /* Both named speakers are withheld: nobody may be named here. */
  for (guint i = 0; i < workshop->agenda->len; i++)
    {
      UprSnapAgendaItem *item = g_ptr_array_index (workshop->agenda, i);

      if (g_strcmp0 (item->title, "Témoignage") == 0)
        {
          g_assert_null (item->speaker);
          n_speakers++;
        }
    }
  g_assert_cmpuint (n_speakers, ==, 2);
  g_assert_cmpuint (snapshot->n_redacted, ==, 2);
}

static void
test_snapshot_names (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(UprWorkbookSnapshot) snapshot = snapshot_of (fixture, "CD",
                                                         UPR_WORKBOOK_PEOPLE_NAMES);
  UprSnapWorkshop *workshop = g_ptr_array_index (snapshot->workshops, 0);
  gboolean esther = FALSE, beatrice = FALSE, pascal = FALSE;

  g_assert_nonnull (snapshot->participants);
  g_assert_true (snapshot->sheets & UPR_WORKBOOK_SHEET_PARTICIPANTS);
  for (guint i = 0; i < snapshot->participants->len; i++)
    {
      UprSnapParticipant *participant = g_ptr_array_index (snapshot->participants, i);

      esther |= strstr (participant->name, "Esther") != NULL;
      beatrice |= strstr (participant->name, "Béatrice") != NULL;
      /* Registered online, never marked as attended. */
      pascal |= strstr (participant->name, "Pascal") != NULL;
    }
  g_assert_false (esther);
  g_assert_true (beatrice);
  g_assert_false (pascal);
  g_assert_cmpuint (snapshot->participants->len + snapshot->n_withheld, ==,
                    workshop->n_attended);
  g_assert_cmpuint (snapshot->n_withheld, >, 0);
  /* Only the speaker who may not appear is withheld. */
  for (guint i = 0; i < workshop->agenda->len; i++)
    {
      UprSnapAgendaItem *item = g_ptr_array_index (workshop->agenda, i);

      if (g_strcmp0 (item->title, "Témoignage") == 0 && item->speaker != NULL)
        g_assert_cmpstr (item->speaker, ==, "Mme Béatrice Mbuyi Kalala");
    }
  g_assert_cmpuint (snapshot->n_redacted, ==, 1);
}

/* Writing */

static void
test_export (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(UprWorkbook) workbook = workbook_of ("CD,GE");
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkbookReport) report = NULL;
  g_autofree char *path = path_in (fixture, "report.xlsx");

  upr_workbook_set_author (workbook, "Test Officer");
  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (is_zip (path));
  g_assert_cmpuint (report->n_recommendations, ==, N_CD + 2);
  g_assert_cmpuint (report->n_workshops, ==, 2);
  g_assert_cmpuint (report->n_named, ==, 0);
  g_assert_cmpuint (report->n_truncated, ==, 1);
  g_assert_cmpuint (report->n_repaired, ==, 1);
  g_assert_cmpuint (report->n_redacted, ==, 2);
  /* One warning for the cut text, one for the repaired one, one for the withheld texts. */
  g_assert_cmpuint (g_strv_length (report->warnings), ==, 3);
  g_assert_nonnull (strstr (report->warnings[0], "32,767"));
  g_assert_cmpfloat (upr_workbook_get_fraction (workbook), ==, 1.0);
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);
}

static void
test_replaces_previous (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(UprWorkbook) workbook = workbook_of ("GE");
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkbookReport) report = NULL;
  g_autofree char *path = path_in (fixture, "report.xlsx");

  write_file (path, "OLD");
  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (is_zip (path));
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);
}

static void
fraction_notified_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    data)
{
  GArray *fractions = data;
  double fraction = upr_workbook_get_fraction (UPR_WORKBOOK (object));

  g_array_append_val (fractions, fraction);
}

static void
cancel_midway_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    data)
{
  if (upr_workbook_get_fraction (UPR_WORKBOOK (object)) > 0.05)
    g_cancellable_cancel (G_CANCELLABLE (data));
}

/* A bigger matrix, so that the export has many steps to cancel between. */
static void
add_many (Fixture *fixture,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = upr_store_ensure_review (fixture->store, "ML", 43, &error);

  check (review != NULL, error, "review");
  check (upr_store_begin (fixture->store, &error), error, "begin");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
      g_autofree char *paragraph = g_strdup_printf ("120.%u", i + 1);

      g_object_set (recommendation, "review-id", upr_record_get_id (UPR_RECORD (review)),
                    "paragraph", paragraph, "text", "Continue its efforts.", NULL);
      save (fixture->store, recommendation);
    }
  check (upr_store_commit (fixture->store, &error), error, "commit");
}

static void
test_cancel (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(UprWorkbook) workbook = workbook_of ("ML");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkbookReport) report = NULL;
  g_autofree char *path = path_in (fixture, "report.xlsx");

  add_many (fixture, 3000);
  write_file (path, "OLD");
  g_signal_connect (workbook, "notify::fraction", G_CALLBACK (cancel_midway_cb), cancellable);
  report = export (fixture, workbook, "report.xlsx", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_assert_cmpfloat (upr_workbook_get_fraction (workbook), <, 0.5);
  assert_file_contents (path, "OLD");
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);
}

/* Whether a reader can work out a "<5" of a line from its total, knowing that "<5" is 1 to 4
 * and "x" is 0 or 5 to @bound: by brute force over every value, not as
 * upr-workbook-suppress.c reasons (by spans of sums). */
static gboolean
reader_finds_one (const guint         *counts,
                  const UprCountShown *shown,
                  guint                first,
                  guint                step,
                  guint                n,
                  guint                bound)
{
  int known = 0;
  guint width = 2 * n * (bound + 5) + 1;
  int offset = (int) width / 2;

  for (guint i = 0; i < n; i++)
    if (shown[first + i * step] == UPR_COUNT_SHOWN)
      known += (i + 1 < n ? 1 : -1) * (int) counts[first + i * step];
  for (guint j = 0; j < n; j++)
    {
      g_autofree guint8 *sums = g_new0 (guint8, width);
      g_autofree guint8 *next = g_new0 (guint8, width);
      guint n_possible = 0;

      /* The people at risk are those of the small counts. */
      if (shown[first + j * step] != UPR_COUNT_SMALL)
        continue;
      sums[offset] = 1;
      for (guint i = 0; i < n; i++)
        {
          int sign = i + 1 < n ? 1 : -1;

          if (i == j || shown[first + i * step] == UPR_COUNT_SHOWN)
            continue;
          memset (next, 0, width);
          for (guint at = 0; at < width; at++)
            for (guint v = 0; sums[at] && v <= bound; v++)
              if ((shown[first + i * step] == UPR_COUNT_SMALL) == (v >= 1 && v <= 4)
                  && (shown[first + i * step] == UPR_COUNT_SMALL || v == 0 || v >= 5))
                {
                  int to = (int) at + sign * (int) v;

                  if (to >= 0 && to < (int) width)
                    next[to] = 1;
                }
          memcpy (sums, next, width);
        }
      for (guint v = 0; v <= bound; v++)
        {
          int sign = j + 1 < n ? 1 : -1;
          int rest = -known - sign * (int) v + offset;
          gboolean allowed = shown[first + j * step] == UPR_COUNT_SMALL ? v >= 1 && v <= 4
                                                                        : v == 0 || v >= 5;

          n_possible += allowed && rest >= 0 && rest < (int) width && sums[rest];
        }
      if (n_possible < 2)
        return TRUE;
    }
  return FALSE;
}

static void
test_suppress (void)
{
  /* 3 women, 10 men, no one else, 13 in all: the men are hidden too, not the zero. */
  const guint row[] = { 3, 10, 0, 13 };
  const UprCountShown row_shown[] = { UPR_COUNT_SMALL, UPR_COUNT_HIDDEN, UPR_COUNT_SHOWN,
                                      UPR_COUNT_SHOWN };
  const guint nothing_small[] = { 5, 6, 0, 11 };
  /* Two "<5" that the total leaves 2 for are 1 and 1: a third count goes. */
  const guint ones[] = { 13, 16, 0, 1, 1, 0, 31 };
  /* A workshop of 6: 1 woman, 5 men. With the men hidden too, "x" being 0 or 5 and more
   * would still say 1 woman: the total goes as well. */
  const guint six[] = { 1, 5, 0, 6 };
  const UprCountShown six_shown[] = { UPR_COUNT_SMALL, UPR_COUNT_HIDDEN, UPR_COUNT_SHOWN,
                                      UPR_COUNT_HIDDEN };
  /* Two types by two genders, with the totals: the 3 takes three others with it. */
  const guint table[] = { 3, 10, 13,
                          6, 7, 13,
                          9, 17, 26 };
  const UprCountShown table_shown[] = { UPR_COUNT_SMALL, UPR_COUNT_HIDDEN, UPR_COUNT_SHOWN,
                                        UPR_COUNT_HIDDEN, UPR_COUNT_HIDDEN, UPR_COUNT_SHOWN,
                                        UPR_COUNT_SHOWN, UPR_COUNT_SHOWN, UPR_COUNT_SHOWN };
  UprCountShown shown[64];
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint n_hidden = 0, n_grand_hidden = 0, n_big = 0;

  upr_workbook_suppress (row, 1, 4, TRUE, FALSE, shown);
  for (guint i = 0; i < G_N_ELEMENTS (row); i++)
    g_assert_cmpint (shown[i], ==, row_shown[i]);
  upr_workbook_suppress (nothing_small, 1, 4, TRUE, FALSE, shown);
  for (guint i = 0; i < G_N_ELEMENTS (nothing_small); i++)
    g_assert_cmpint (shown[i], ==, UPR_COUNT_SHOWN);
  upr_workbook_suppress (ones, 1, 7, TRUE, FALSE, shown);
  g_assert_cmpint (shown[0], ==, UPR_COUNT_HIDDEN);
  g_assert_cmpint (shown[3], ==, UPR_COUNT_SMALL);
  g_assert_false (reader_finds_one (ones, shown, 0, 1, 7, 1000));
  upr_workbook_suppress (six, 1, 4, TRUE, FALSE, shown);
  for (guint i = 0; i < G_N_ELEMENTS (six); i++)
    g_assert_cmpint (shown[i], ==, six_shown[i]);
  upr_workbook_suppress (table, 3, 3, TRUE, TRUE, shown);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    g_assert_cmpint (shown[i], ==, table_shown[i]);

  /* Tables of people as small countries have them, many zeros and small counts: after
   * suppression, no row or column gives a hidden count away to the brute-force reader. */
  for (guint round = 0; round < 2000; round++)
    {
      guint n_rows = (guint) g_rand_int_range (rand, 1, 4);
      guint n_columns = (guint) g_rand_int_range (rand, 1, 4);
      guint counts[64] = { 0 };
      guint R = n_rows + 1, C = n_columns + 1;
      guint grand;

      for (guint r = 0; r < n_rows; r++)
        for (guint c = 0; c < n_columns; c++)
          {
            guint count = g_rand_boolean (rand) ? 0 : (guint) g_rand_int_range (rand, 1, 9);

            counts[r * C + c] = count;
            counts[r * C + n_columns] += count;
            counts[n_rows * C + c] += count;
            counts[n_rows * C + n_columns] += count;
          }
      upr_workbook_suppress (counts, R, C, TRUE, TRUE, shown);
      /* The grand total bounds every count, unless hidden itself. */
      grand = shown[R * C - 1] == UPR_COUNT_SHOWN ? counts[R * C - 1] : 500;
      for (guint i = 0; i + 1 < R * C; i++)
        {
          n_hidden += shown[i] == UPR_COUNT_HIDDEN;
          if (counts[i] >= 1 && counts[i] <= 4)
            g_assert_cmpint (shown[i], ==, UPR_COUNT_SMALL);
        }
      if (counts[R * C - 1] >= 20 && n_rows > 1 && n_columns > 1)
        {
          n_big++;
          n_grand_hidden += shown[R * C - 1] != UPR_COUNT_SHOWN;
        }
      /* With one type or one gender, a line is guarded by the grand total alone. */
      if (n_rows < 2 || n_columns < 2)
        continue;
      for (guint r = 0; r < R; r++)
        g_assert_false (reader_finds_one (counts, shown, r * C, 1, C, grand));
      for (guint c = 0; c < C; c++)
        g_assert_false (reader_finds_one (counts, shown, c, C, R, grand));
    }
  g_assert_cmpuint (n_hidden, >, 0);
  /* The grand total goes only where nothing else would do: seldom with 20 people or more. */
  g_assert_cmpuint (n_grand_hidden, <, n_big / 20);
}

/* The matrix's rows made on a thread of their own: every one, in order, with the cells made
 * safe as they are here one by one, the key with its baseline, the height; a column not
 * shown is left empty; stopped after a few rows, the thread does not wait for the rest. */
static void
test_matrix_rows (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr(UprWorkbookSnapshot) snapshot = NULL;
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (1024);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean shown[UPR_MATRIX_N_COLUMNS];
  double widths[UPR_MATRIX_N_COLUMNS] = { 0 };
  UprMatrixRows *rows;
  const UprMatrixRow *row;
  guint n, index, expected = 0, n_cut = 0, n_repaired = 0;

  /* More rows than the batches in flight hold. */
  add_many (fixture, 1000);
  snapshot = snapshot_of (fixture, "CD,GE,ML", UPR_WORKBOOK_PEOPLE_AGGREGATE);
  n = upr_export_matrix_get_n_items (snapshot->matrix);
  g_assert_cmpuint (n, ==, N_CD + 2 + 1000);
  for (int c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
    shown[c] = c != UPR_MATRIX_CYCLE;
  widths[UPR_MATRIX_TEXT] = 55;
  widths[UPR_MATRIX_ACTIONS] = 36;

  rows = upr_matrix_rows_new (snapshot, widths, shown);
  while ((row = upr_matrix_rows_next (rows, &index)) != NULL)
    {
      const char *cells[UPR_MATRIX_N_COLUMNS];

      g_assert_cmpuint (index, ==, expected++);
      upr_workbook_matrix_row_cells (snapshot, index, chunk, cells);
      g_string_truncate (key, 0);
      upr_matrix_return_append_key (key, upr_export_matrix_get_item (snapshot->matrix, index));
      cells[UPR_MATRIX_KEY] = key->str;
      g_assert_cmpfloat (row->height, ==,
                         upr_writer_row_height (cells, widths, UPR_MATRIX_N_COLUMNS));
      for (int c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
        {
          guint flags = 0;

          if (!shown[c] || cells[c] == NULL || cells[c][0] == '\0')
            {
              g_assert_null (row->cells[c]);
              continue;
            }
          g_assert_cmpstr (row->cells[c], ==, upr_writer_make_safe (cells[c], clean, &flags));
          g_assert_cmpuint (row->flags[c], ==, flags);
          n_cut += (flags & UPR_SAFE_TEXT_CUT) != 0;
          n_repaired += (flags & UPR_SAFE_TEXT_REPAIRED) != 0;
        }
      g_string_chunk_clear (chunk);
    }
  upr_matrix_rows_free (rows);
  g_assert_cmpuint (expected, ==, n);
  /* Georgia's text over Excel's limit, and its notes with control characters. */
  g_assert_cmpuint (n_cut, ==, 1);
  g_assert_cmpuint (n_repaired, ==, 1);

  rows = upr_matrix_rows_new (snapshot, widths, shown);
  for (guint i = 0; i < 10; i++)
    g_assert_nonnull (upr_matrix_rows_next (rows, &index));
  upr_matrix_rows_free (rows);
}

static void
test_progress (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(UprWorkbook) workbook = workbook_of ("ML");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkbookReport) report = NULL;

  add_many (fixture, 1000);
  g_signal_connect (workbook, "notify::fraction", G_CALLBACK (fraction_notified_cb), fractions);
  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >, 10);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

typedef struct
{
  GMainLoop         *loop;
  UprWorkbookReport *report;
  GError            *error;
  GThread           *notified_in;
  guint              n_notifications;
} AsyncRun;

static void
async_fraction_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    data)
{
  AsyncRun *run = data;

  run->notified_in = g_thread_self ();
  run->n_notifications++;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  AsyncRun *run = data;

  run->report = upr_workbook_export_finish (UPR_WORKBOOK (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
run_async (Fixture      *fixture,
           UprWorkbook  *workbook,
           GCancellable *cancellable,
           AsyncRun     *run)
{
  g_autofree char *path = path_in (fixture, "async.xlsx");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  run->loop = g_main_loop_new (NULL, FALSE);
  upr_workbook_export_async (workbook, fixture->store, file, cancellable, async_done_cb, run);
  g_main_loop_run (run->loop);
  g_main_loop_unref (run->loop);
  /* Let the last progress notifications in. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_async (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr(UprWorkbook) workbook = workbook_of ("CD");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *path = path_in (fixture, "async.xlsx");
  AsyncRun run = { 0 };

  g_signal_connect (workbook, "notify::fraction", G_CALLBACK (async_fraction_cb), &run);
  run_async (fixture, workbook, NULL, &run);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.report);
  g_assert_cmpuint (run.report->n_recommendations, ==, N_CD);
  g_clear_pointer (&run.report, upr_workbook_report_free);
  g_assert_true (is_zip (path));
  /* Progress is told on the thread that started the export. */
  g_assert_cmpuint (run.n_notifications, >, 0);
  g_assert_true (run.notified_in == g_thread_self ());
  g_assert_cmpfloat (upr_workbook_get_fraction (workbook), ==, 1.0);

  /* Cancelled before it could start: the previous file stays. */
  write_file (path, "OLD");
  g_cancellable_cancel (cancelled);
  run_async (fixture, workbook, cancelled, &run);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);
  assert_file_contents (path, "OLD");
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);

  /* A scope error comes through the callback too. */
  upr_workbook_set_countries (workbook, (const char *[]) { "XX", NULL });
  run_async (fixture, workbook, NULL, &run);
  g_assert_error (run.error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOT_FOUND);
  g_clear_error (&run.error);
}

static void
limit_file_size (struct rlimit *saved,
                 rlim_t         size)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, saved), ==, 0);
  limit = *saved;
  limit.rlim_cur = size;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

/* The disk fills up halfway: the write fails, the previous report stays, nothing is left. */
static void
test_disk_full (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(UprWorkbook) workbook = workbook_of ("CD,GE");
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkbookReport) report = NULL;
  g_autofree char *path = path_in (fixture, "report.xlsx");
  struct rlimit saved;

  write_file (path, "OLD");
  /* A file size limit stands for a full disk: writes past it fail (EFBIG), even as root. */
  limit_file_size (&saved, 16 * 1024);
  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_WRITE);
  g_assert_null (report);
  assert_file_contents (path, "OLD");
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);
}

/* libxlsxwriter's temporary files fail without a word (the trap upr-workbook-verify.c is
 * for): at some sizes workbook_close() succeeds with sheets cut short. The export must then
 * fail rather than replace the previous report with a broken one. */
static void
test_silent_truncation (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(UprWorkbook) workbook = workbook_of ("CD,GE");
  g_autoptr(UprWorkbookSnapshot) snapshot = NULL;
  g_autofree char *scratch = path_in (fixture, "scratch.xlsx");
  g_autofree char *path = path_in (fixture, "report.xlsx");
  guint n_silent = 0;

  snapshot = upr_workbook_snapshot_new (workbook, fixture->store, NULL);
  g_assert_nonnull (snapshot);
  for (rlim_t size = 8 * 1024; size <= 512 * 1024; size *= 2)
    {
      g_autoptr(UprWorkbookReport) report = g_new0 (UprWorkbookReport, 1);
      g_autoptr(UprWorkbookReport) exported = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit saved;
      gboolean written, sound;

      limit_file_size (&saved, size);
      written = upr_workbook_write_file (snapshot, scratch, NULL, NULL, NULL, report, &error);
      g_clear_error (&error);
      sound = written && upr_workbook_verify_file (scratch, NULL, &error);
      n_silent += written && !sound;
      g_clear_error (&error);

      write_file (path, "OLD");
      exported = export (fixture, workbook, "report.xlsx", NULL, &error);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      if (exported == NULL)
        {
          g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_WRITE);
          assert_file_contents (path, "OLD");
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (upr_workbook_verify_file (path, NULL, NULL));
        }
      g_assert_cmpuint (count_leftovers (fixture), ==, 0);
      g_remove (scratch);
    }
  g_assert_cmpuint (n_silent, >, 0);
}

/* The workbook is complete but cannot take the target's place (a folder is there). */
static void
test_rename_fails (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(UprWorkbook) workbook = workbook_of ("CD");
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkbookReport) report = NULL;
  g_autofree char *folder = path_in (fixture, "report.xlsx");
  g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);

  g_mkdir (folder, 0755);
  write_file (inside, "KEEP");
  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_WRITE);
  g_assert_null (report);
  assert_file_contents (inside, "KEEP");
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);
}

static void
test_errors (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(UprWorkbook) workbook = workbook_of ("XX");
  g_autoptr(GError) error = NULL;
  UprWorkbookReport *report;

  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "XX"));
  g_assert_null (report);
  g_clear_error (&error);

  upr_workbook_set_countries (workbook, (const char *[]) { "GE", NULL });
  upr_workbook_set_workshop_id (workbook, "no-such-workshop");
  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  upr_workbook_set_workshop_id (workbook, NULL);

  upr_workbook_set_sheets (workbook, 0);
  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOTHING);
  g_clear_error (&error);
  /* Participants alone without names: nothing left to write. */
  upr_workbook_set_sheets (workbook, UPR_WORKBOOK_SHEET_PARTICIPANTS);
  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOTHING);
  g_clear_error (&error);
  upr_workbook_set_sheets (workbook, UPR_WORKBOOK_SHEETS_ALL);

  upr_workbook_set_language (workbook, "xx");
  report = export (fixture, workbook, "report.xlsx", NULL, &error);
  g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NO_TRANSLATION);
  g_clear_error (&error);
  upr_workbook_set_language (workbook, "en");

  /* A folder that does not exist. */
  {
    g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/report.xlsx");

    report = upr_workbook_export (workbook, fixture->store, file, NULL, &error);
    g_assert_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_WRITE);
    g_assert_null (report);
  }
}

static void
test_properties (void)
{
  g_autoptr(UprWorkbook) workbook = upr_workbook_new ();
  g_auto(GStrv) countries = NULL;
  UprWorkbookSheets sheets;
  UprWorkbookPeople people;
  g_autofree char *language = NULL;

  g_object_set (workbook, "countries", (const char *[]) { "CD", "GE", NULL }, "sheets",
                UPR_WORKBOOK_SHEET_MATRIX, "people", UPR_WORKBOOK_PEOPLE_NAMES, "language",
                "fr", "cycle", 4, NULL);
  g_object_get (workbook, "countries", &countries, "sheets", &sheets, "people", &people,
                "language", &language, NULL);
  g_assert_cmpuint (g_strv_length (countries), ==, 2);
  g_assert_cmpint (sheets, ==, UPR_WORKBOOK_SHEET_MATRIX);
  g_assert_cmpint (people, ==, UPR_WORKBOOK_PEOPLE_NAMES);
  g_assert_cmpstr (language, ==, "fr");
  g_assert_cmpint (upr_workbook_get_cycle (workbook), ==, 4);
  upr_workbook_set_language (workbook, NULL);
  g_assert_cmpstr (upr_workbook_get_language (workbook), ==, "en");
  upr_workbook_set_author (workbook, "");
  g_assert_null (upr_workbook_get_author (workbook));
}

/* CSV */

static void
test_csv (Fixture      *fixture,
          gconstpointer user_data)
{
  g_autofree char *path = path_in (fixture, "list.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *header[] = { "Name", "Text", NULL };
  const char *one[] = { "a,b", "say \"hi\"", NULL };
  const char *two[] = { "=1+1", "line\nbreak", NULL };
  const char *three[] = { "-5", "+41 22 000", NULL };
  const char *four[] = { "@SUM(A1)", " padded", NULL };
  const char *five[] = { "bad \xff", "", NULL };

  g_ptr_array_add (rows, header);
  g_ptr_array_add (rows, one);
  g_ptr_array_add (rows, two);
  g_ptr_array_add (rows, three);
  g_ptr_array_add (rows, four);
  g_ptr_array_add (rows, five);
  g_assert_true (upr_csv_write (file, UPR_CSV_DEFAULT, rows, &error));
  g_assert_no_error (error);
  assert_file_contents (path,
                        "\xEF\xBB\xBF" "Name,Text\r\n"
                        "\"a,b\",\"say \"\"hi\"\"\"\r\n"
                        "'=1+1,\"line\nbreak\"\r\n"
                        "-5,'+41 22 000\r\n"
                        "'@SUM(A1),\" padded\"\r\n"
                        "bad \xEF\xBF\xBD,\r\n");

  g_assert_true (upr_csv_write (file, UPR_CSV_SEMICOLON | UPR_CSV_KEEP_FORMULAS, rows, &error));
  g_assert_no_error (error);
  assert_file_contents (path,
                        "\xEF\xBB\xBF" "Name;Text\r\n"
                        "a,b;\"say \"\"hi\"\"\"\r\n"
                        "=1+1;\"line\nbreak\"\r\n"
                        "-5;+41 22 000\r\n"
                        "@SUM(A1);\" padded\"\r\n"
                        "bad \xEF\xBF\xBD;\r\n");
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);
}

static void
test_csv_atomic (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autofree char *path = path_in (fixture, "list.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/list.csv");
  g_autoptr(GError) error = NULL;
  const char *row[] = { "new", NULL };
  UprCsvWriter *writer;

  write_file (path, "OLD");
  writer = upr_csv_writer_new (file, UPR_CSV_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20000; i++)
    g_assert_true (upr_csv_writer_add_row (writer, row, 1, &error));
  g_assert_cmpuint (count_leftovers (fixture), ==, 1);
  /* Abandoned: the old file stays, the partial one goes. */
  upr_csv_writer_free (writer);
  assert_file_contents (path, "OLD");
  g_assert_cmpuint (count_leftovers (fixture), ==, 0);

  writer = upr_csv_writer_new (nowhere, UPR_CSV_DEFAULT, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (writer);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--fixture"))
    return make_fixture (argv[2]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_EMPTY(path, func) \
  g_test_add (path, Fixture, "empty", fixture_set_up, func, fixture_tear_down)

  ADD ("/upright/io/workbook/matrix-bulk", test_matrix_bulk);
  ADD ("/upright/io/workbook/matrix-latest-progress", test_matrix_latest_progress);
  ADD ("/upright/io/workbook/matrix-all-countries", test_matrix_all_countries);
  g_test_add_func ("/upright/io/workbook/compare-paragraphs", test_compare_paragraphs);
  g_test_add_func ("/upright/io/workbook/suppress", test_suppress);
  ADD_EMPTY ("/upright/io/workbook/catalogue", test_catalogue);
  ADD ("/upright/io/workbook/snapshot-language", test_snapshot_language);
  ADD ("/upright/io/workbook/matrix-cells", test_matrix_cells);
  ADD ("/upright/io/workbook/snapshot-aggregate", test_snapshot_aggregate);
  ADD ("/upright/io/workbook/snapshot-names", test_snapshot_names);
  ADD ("/upright/io/workbook/export", test_export);
  ADD ("/upright/io/workbook/replaces-previous", test_replaces_previous);
  ADD ("/upright/io/workbook/matrix-rows", test_matrix_rows);
  ADD ("/upright/io/workbook/cancel", test_cancel);
  ADD ("/upright/io/workbook/progress", test_progress);
  ADD ("/upright/io/workbook/async", test_async);
  ADD ("/upright/io/workbook/disk-full", test_disk_full);
  ADD ("/upright/io/workbook/silent-truncation", test_silent_truncation);
  ADD ("/upright/io/workbook/rename-fails", test_rename_fails);
  ADD ("/upright/io/workbook/errors", test_errors);
  g_test_add_func ("/upright/io/workbook/properties", test_properties);
  ADD_EMPTY ("/upright/io/csv/write", test_csv);
  ADD_EMPTY ("/upright/io/csv/atomic", test_csv_atomic);

  build_template ();
  status = g_test_run ();
  remove_tree (template_dir);
  g_free (template_path);
  g_free (template_dir);
  return status;
}
