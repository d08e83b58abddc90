/* test-recommendations.c: the store's recommendations and implementation matrix (schema
 * version 3): the migration from version 2, reference vocabularies, round trips of every new
 * record, what the schema refuses, cascades, the matrix rows, links, bulk edits, the progress
 * history and the status on any date, UPR Info's averaging of assessments, the overview's
 * counts and deletion with undo. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "upr-assessment.h"
#include "upr-attendance.h"
#include "upr-fold.h"
#include "upr-indicator.h"
#include "upr-migrations.h"
#include "upr-organisation.h"
#include "upr-person.h"
#include "upr-planned-action.h"
#include "upr-progress-update.h"
#include "upr-recommendation.h"
#include "upr-recommendation-row.h"
#include "upr-review.h"
#include "upr-store.h"
#include "upr-term.h"
#include "upr-vocab.h"
#include "upr-workshop.h"

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

  fixture->dir = g_dir_make_tmp ("upright-recommendations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
  /* The migration test opens its own store at version 2. */
  if (user_data == NULL)
    {
      fixture->store = upr_store_open (fixture->path, &error);
      g_assert_no_error (error);
      upr_store_set_officer (fixture->store, "Officer A");
    }
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

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static const char *
id_of (gpointer record)
{
  return upr_record_get_id (UPR_RECORD (record));
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
save (Fixture  *fixture,
      gpointer  record)
{
  g_autoptr(GError) error = NULL;

  if (!upr_store_save (fixture->store, UPR_RECORD (record), &error))
    g_error ("saving %s: %s", G_OBJECT_TYPE_NAME (record), error->message);
}

static UprReview *
save_review (Fixture    *fixture,
             const char *country,
             int         session,
             const char *review_date)
{
  UprReview *review = upr_review_new ();

  g_object_set (review, "country-code", country, "session", session, "review-date", review_date,
                NULL);
  save (fixture, review);
  return review;
}

static UprRecommendation *
save_recommendation (Fixture    *fixture,
                     UprReview  *review,
                     const char *paragraph,
                     const char *text)
{
  UprRecommendation *recommendation = upr_recommendation_new ();

  g_object_set (recommendation, "review-id", id_of (review), "paragraph", paragraph, "text", text,
                NULL);
  save (fixture, recommendation);
  return recommendation;
}

static UprOrganisation *
save_organisation (Fixture    *fixture,
                   const char *name,
                   const char *acronym)
{
  UprOrganisation *organisation = upr_organisation_new ();

  g_object_set (organisation, "name", name, "acronym", acronym, "stakeholder-type", "government",
                NULL);
  save (fixture, organisation);
  return organisation;
}

static void
set_links (Fixture           *fixture,
           UprRecommendation *recommendation,
           const char        *states,
           const char        *terms,
           guint              goals,
           const char        *supporting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprRecommendationLinks) links = upr_recommendation_links_new ();

  g_strfreev (links->states);
  g_strfreev (links->terms);
  g_strfreev (links->supporting);
  links->states = g_strsplit (states, " ", -1);
  links->terms = g_strsplit (terms, " ", -1);
  links->supporting = g_strsplit (supporting, " ", -1);
  links->sdg_goals = goals;
  /* g_strsplit ("") gives an empty array, as wanted. */
  g_assert_true (upr_store_set_recommendation_links (fixture->store, id_of (recommendation), links,
                                                     &error));
  g_assert_no_error (error);
}

static UprProgressUpdate *
add_update (Fixture           *fixture,
            UprRecommendation *recommendation,
            const char        *date,
            const char        *status,
            const char        *text)
{
  g_autoptr(GError) error = NULL;
  UprProgressUpdate *update = upr_progress_update_new ();

  g_object_set (update, "recommendation-id", id_of (recommendation), "date", date,
                "status", status, "text", text, NULL);
  g_assert_true (upr_store_add_progress_update (fixture->store, update, &error));
  g_assert_no_error (error);
  return update;
}

static UprAssessment *
add_assessment (Fixture           *fixture,
                UprRecommendation *recommendation,
                const char        *source,
                const char        *organisation_id,
                const char        *level,
                const char        *date)
{
  g_autoptr(GError) error = NULL;
  UprAssessment *assessment = upr_assessment_new ();

  g_object_set (assessment, "recommendation-id", id_of (recommendation), "source", source,
                "organisation-id", organisation_id, "level", level, "date", date, NULL);
  g_assert_true (upr_store_add_assessment (fixture->store, assessment, &error));
  g_assert_no_error (error);
  return assessment;
}

static UprRecommendation *
load_recommendation (Fixture    *fixture,
                     const char *id)
{
  g_autoptr(GError) error = NULL;
  UprRecord *record = upr_store_load (fixture->store, UPR_TYPE_RECOMMENDATION, id, &error);

  g_assert_no_error (error);
  return UPR_RECOMMENDATION (record);
}

static UprRecommendationRow *
find_row (GListModel *rows,
          const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);

      if (g_str_equal (upr_recommendation_row_get_id (row), id))
        return row;
    }
  return NULL;
}

static GListModel *
list (Fixture    *fixture,
      const char *country,
      int         cycle)
{
  g_autoptr(GError) error = NULL;
  GListModel *rows = upr_store_list_recommendations (fixture->store, country, cycle, &error);

  g_assert_no_error (error);
  return rows;
}

static guint
count_of (GArray     *counts,
          const char *key)
{
  for (guint i = 0; i < counts->len; i++)
    {
      UprCount *count = &g_array_index (counts, UprCount, i);

      if (g_strcmp0 (count->key, key) == 0)
        return count->count;
    }
  return G_MAXUINT;
}

static GArray *
count (Fixture    *fixture,
       const char *country,
       int         cycle,
       UprCountBy  by,
       const char *as_of)
{
  g_autoptr(GError) error = NULL;
  GArray *counts = upr_store_count_recommendations (fixture->store, country, cycle, by, as_of,
                                                    NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (counts);
  return counts;
}

/* The counts on many days read at once are those of each day read alone. */
static void
assert_over_time_as_each_day (Fixture    *fixture,
                              const char *country)
{
  static const char * const days[] = { "2019-01-01", "2021-02-28", "2021-03-01", "2021-06-01",
                                        "2022-09-15", "2023-06-01", "2024-06-29", "2024-06-30",
                                        "2030-01-01", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) over_time = upr_store_count_status_over_time (fixture->store, country,
                                                                     days, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (over_time->len, ==, G_N_ELEMENTS (days) - 1);
  for (guint d = 0; days[d] != NULL; d++)
    {
      g_autoptr(GArray) alone = count (fixture, country, 0, UPR_COUNT_BY_STATUS, days[d]);
      GArray *together = g_ptr_array_index (over_time, d);

      g_assert_cmpuint (together->len, ==, alone->len);
      for (guint i = 0; i < alone->len; i++)
        {
          UprCount *a = &g_array_index (alone, UprCount, i);
          UprCount *t = &g_array_index (together, UprCount, i);

          g_assert_cmpstr (t->key, ==, a->key);
          if (t->count != a->count)
            g_error ("%s on %s: %u %s, expected %u", country != NULL ? country : "all",
                     days[d], t->count, a->key, a->count);
        }
    }
}

static void
increment_cb (UprStore   *store,
              const char *table,
              guint      *counter)
{
  (*counter)++;
}

/* Migration */

static void
test_migrate_2_to_3 (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open_at_version (fixture->path, 2, &error);
  g_autoptr(UprOrganisation) organisation = upr_organisation_new ();
  g_autoptr(UprWorkshop) workshop = upr_workshop_new ();
  g_autoptr(UprPerson) person = upr_person_new ();
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  g_autoptr(UprRecord) loaded = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(UprReview) review = NULL;
  g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
  gint64 n_changes;

  g_assert_no_error (error);
  g_assert_cmpint (upr_store_get_schema_version (store), ==, 2);
  upr_store_set_officer (store, "Officer A");
  g_object_set (organisation, "name", "Ministère de la Justice", "acronym", "MJ",
                "stakeholder-type", "government", "country-code", "CD", NULL);
  g_assert_true (upr_store_save (store, UPR_RECORD (organisation), &error));
  g_object_set (workshop, "country-code", "CD", "title", "Atelier de validation", "cycle", 4,
                "start-date", "2024-05-02", NULL);
  g_assert_true (upr_store_save (store, UPR_RECORD (workshop), &error));
  g_object_set (person, "name", "Participant A", "organisation-id", id_of (organisation), NULL);
  g_assert_true (upr_store_save (store, UPR_RECORD (person), &error));
  g_object_set (attendance, "workshop-id", id_of (workshop), "person-id", id_of (person), NULL);
  g_assert_true (upr_store_save (store, UPR_RECORD (attendance), &error));
  g_assert_no_error (error);
  n_changes = upr_store_count_changes (store);
  g_clear_object (&store);

  store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_get_schema_version (store), ==, upr_migrations_latest ());
  g_assert_cmpint (upr_store_count_changes (store), ==, n_changes);
  g_assert_true (upr_store_check (store, report, &error));
  g_assert_no_error (error);

  /* The workshop data is all there. */
  loaded = upr_store_load (store, UPR_TYPE_WORKSHOP, id_of (workshop), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_record_get_string (loaded, "title"), ==, "Atelier de validation");
  g_assert_cmpint (upr_record_get_int (loaded, "cycle"), ==, 4);
  g_clear_object (&loaded);
  loaded = upr_store_load (store, UPR_TYPE_ATTENDANCE, id_of (attendance), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_record_get_string (loaded, "person-id"), ==, id_of (person));
  g_clear_object (&loaded);
  loaded = upr_store_load (store, UPR_TYPE_ORGANISATION, id_of (organisation), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_record_get_string (loaded, "name"), ==, "Ministère de la Justice");

  /* And the organisation is shared with the matrix. */
  review = upr_store_ensure_review (store, "CD", 46, &error);
  g_assert_no_error (error);
  g_object_set (recommendation, "review-id", id_of (review), "text", "Adopt a law.",
                "lead-organisation-id", id_of (organisation), NULL);
  g_assert_true (upr_store_save (store, UPR_RECORD (recommendation), &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM workshop"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM attendance"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE lead_organisation_id IS NOT NULL"),
                   ==, 1);
}

/* Reference data */

static void
test_reference_data (Fixture      *fixture,
                     gconstpointer user_data)
{
  struct { const char *scheme; guint n; } schemes[] = {
    { "uhri-theme", 60 }, { "uhri-group", 24 }, { "uprinfo-issue", 54 }, { "sdg", 17 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = upr_store_list_terms (fixture->store, NULL, &error);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;

  g_assert_no_error (error);
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autoptr(GListModel) terms = upr_store_list_terms (fixture->store, schemes[s].scheme,
                                                          &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (terms), ==, schemes[s].n);
      g_assert_cmpint (upr_vocab_index (UPR_VOCAB_TERM_SCHEME, schemes[s].scheme), >=, 0);
      total += schemes[s].n;
    }
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, total);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(UprTerm) term = g_list_model_get_item (all, i);

      /* Every label in both languages, every id unique. */
      g_assert_cmpstr (upr_term_get_label_en (term), !=, "");
      g_assert_cmpstr (upr_term_get_label_fr (term), !=, "");
      g_assert_cmpstr (upr_term_get_label (term), ==, upr_term_get_label_en (term));
      g_assert_false (g_hash_table_contains (ids, upr_term_get_id (term)));
      g_hash_table_add (ids, (gpointer) upr_term_get_id (term));
      g_assert_true (g_str_has_prefix (upr_term_get_id (term), upr_term_get_scheme (term)));
    }

  /* Published English labels as importers will meet them, and French labels. */
  {
    g_autoptr(UprTerm) first = g_list_model_get_item (all, 0);
    g_autoptr(GListModel) goals = upr_store_list_terms (fixture->store, "sdg", &error);
    g_autoptr(UprTerm) goal_5 = g_list_model_get_item (goals, 4);
    g_autoptr(UprTerm) goal_16 = g_list_model_get_item (goals, 15);

    g_assert_cmpstr (upr_term_get_id (first), ==,
                     "uhri-theme:2030-agenda-and-other-voluntary-commitments");
    g_assert_cmpstr (upr_term_get_id (goal_5), ==, "sdg:5");
    g_assert_cmpstr (upr_term_get_label_en (goal_5), ==, "Gender equality");
    g_assert_cmpstr (upr_term_get_label_fr (goal_5), ==, "Égalité entre les sexes");
    g_assert_cmpstr (upr_term_get_label_fr (goal_16), ==, "Paix, justice et institutions efficaces");
  }
  g_assert_true (g_hash_table_contains (ids, "uprinfo-issue:rights-of-the-child"));
  g_assert_true (g_hash_table_contains (ids, "uprinfo-issue:womens-rights"));
  g_assert_true (g_hash_table_contains (ids, "uhri-group:lgbti"));
  {
    g_autofree char *label = query_text (fixture, "SELECT label_fr || '|' || label_en"
                                                  " FROM vocabulary_term"
                                                  " WHERE id = 'uprinfo-issue:human-rights-defenders'");

    g_assert_cmpstr (label, ==, "Défenseurs des droits de l’homme|Human rights defenders");
  }
  {
    g_autofree char *label = query_text (fixture, "SELECT label_en FROM vocabulary_term"
                                                  " WHERE id = 'uprinfo-issue:womens-rights'");

    g_assert_cmpstr (label, ==, "Women's rights");
  }
}

static void
test_cycle_for_session (Fixture      *fixture,
                        gconstpointer user_data)
{
  struct { int session; int cycle; } cases[] = {
    { 1, 1 }, { 12, 1 }, { 13, 2 }, { 26, 2 }, { 27, 3 }, { 40, 3 }, { 41, 4 }, { 54, 4 },
    { 55, 0 }, { 0, 0 }, { -3, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (upr_store_cycle_for_session (fixture->store, cases[i].session), ==,
                     cases[i].cycle);
}

static void
test_reviews (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) late = save_review (fixture, "SN", 44, "2023-11-13");
  g_autoptr(UprReview) early = save_review (fixture, "SN", 17, NULL);
  g_autoptr(UprReview) other = save_review (fixture, "ML", 43, NULL);
  g_autoptr(GListModel) reviews = upr_store_list_reviews (fixture->store, "SN", &error);
  g_autoptr(UprReview) first = NULL;
  g_autoptr(UprReview) found = NULL;
  g_autoptr(UprReview) again = NULL;
  g_autoptr(UprReview) created = NULL;
  gint64 n_changes;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 2);
  first = g_list_model_get_item (reviews, 0);
  g_assert_cmpstr (id_of (first), ==, id_of (early));

  found = upr_store_find_review (fixture->store, "SN", 44, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id_of (found), ==, id_of (late));
  g_assert_null (upr_store_find_review (fixture->store, "SN", 31, &error));
  g_assert_no_error (error);

  /* Ensuring an existing review changes nothing; a missing one is created and logged. */
  n_changes = upr_store_count_changes (fixture->store);
  again = upr_store_ensure_review (fixture->store, "ML", 43, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id_of (again), ==, id_of (other));
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  created = upr_store_ensure_review (fixture->store, "ML", 29, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id_of (created));
  g_assert_cmpint (upr_record_get_int (UPR_RECORD (created), "session"), ==, 29);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 1);
  g_assert_null (upr_store_ensure_review (fixture->store, "XX", 29, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
}

/* Round trips */

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT (a))
    return g_value_get_int (a) == g_value_get_int (b);
  return !g_value_get_boolean (a) == !g_value_get_boolean (b);
}

/* Saves @record, whose every field must differ from its default (so that a field added later
 * without a value here fails), loads it back and compares every field. */
static void
assert_round_trip (Fixture   *fixture,
                   UprRecord *record)
{
  UprRecordClass *klass = UPR_RECORD_GET_CLASS (record);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprRecord) loaded = NULL;

  for (guint i = 3; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                        klass->fields[i].name);

      if (g_param_value_defaults (pspec, upr_record_peek_value (record, i)))
        g_error ("%s: field “%s” left at its default in the round trip", klass->table,
                 klass->fields[i].name);
    }
  save (fixture, record);
  g_assert_true (g_uuid_string_is_valid (upr_record_get_id (record)));
  loaded = upr_store_load (fixture->store, G_OBJECT_TYPE (record), upr_record_get_id (record),
                           &error);
  g_assert_no_error (error);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!values_equal (upr_record_peek_value (record, i), upr_record_peek_value (loaded, i)))
      g_error ("%s: field “%s” changed in the round trip", klass->table, klass->fields[i].name);
  g_assert_false (upr_record_has_changes (loaded));
}

static void
test_round_trip (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr(UprOrganisation) ministry = save_organisation (fixture, "Ministère de la Justice",
                                                           "MJ");
  g_autoptr(UprReview) review = upr_review_new ();
  g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
  g_autoptr(UprPlannedAction) action = upr_planned_action_new ();
  g_autoptr(UprIndicator) indicator = upr_indicator_new ();
  g_autoptr(UprProgressUpdate) update = upr_progress_update_new ();
  g_autoptr(UprAssessment) assessment = upr_assessment_new ();

  g_object_set (review,
                "country-code", "SI",
                "session", 48,
                "review-date", "2025-01-21",
                "adoption-date", "2025-07-03",
                "report-symbol", "A/HRC/59/13",
                "notes", "Fourth review",
                NULL);
  assert_round_trip (fixture, UPR_RECORD (review));

  g_object_set (recommendation,
                "review-id", id_of (review),
                "paragraph", "140.7",
                "text", "Ratify the Optional Protocol to the Convention against Torture",
                "response", "supported-in-part",
                "response-source", "A/HRC/59/13/Add.1",
                "action-category", 5,
                "voluntary-pledge", TRUE,
                "cluster", "Torture",
                "priority", "high",
                "notes", "Discussed at the validation workshop",
                "source-file", "upr48-slovenia-thematic-list.docx",
                "source-row", 12,
                "lead-organisation-id", id_of (ministry),
                "status", "in-progress",
                "status-date", "2025-09-01",
                "deleted-at", "2025-10-01T10:00:00Z",
                NULL);
  assert_round_trip (fixture, UPR_RECORD (recommendation));

  g_object_set (action,
                "recommendation-id", id_of (recommendation),
                "text", "Draft the ratification bill",
                "organisation-id", id_of (ministry),
                "start-date", "2025-09-01",
                "due-date", "2026-03-31",
                "resources", "EUR 20,000",
                "status", "in-progress",
                NULL);
  assert_round_trip (fixture, UPR_RECORD (action));

  g_object_set (indicator,
                "recommendation-id", id_of (recommendation),
                "text", "Optional Protocol ratified",
                "baseline", "Not ratified",
                "target", "Ratified by 2027",
                "means-of-verification", "UN Treaty Collection",
                NULL);
  assert_round_trip (fixture, UPR_RECORD (indicator));

  g_object_set (update,
                "recommendation-id", id_of (recommendation),
                "date", "2025-11-15",
                "organisation-id", id_of (ministry),
                "status", "partially-implemented",
                "text", "Bill sent to Parliament",
                "evidence", "https://example.org/bill",
                NULL);
  assert_round_trip (fixture, UPR_RECORD (update));

  g_object_set (assessment,
                "recommendation-id", id_of (recommendation),
                "source", "nhri",
                "organisation-id", id_of (ministry),
                "level", "partially-implemented",
                "date", "2025-12-01",
                "note", "Mid-term assessment",
                NULL);
  assert_round_trip (fixture, UPR_RECORD (assessment));
}

/* The recommendation stamps the date of a new status, unless one is given. */
static void
test_status_date (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr(UprReview) review = save_review (fixture, "GE", 37, NULL);
  g_autoptr(UprRecommendation) recommendation = save_recommendation (fixture, review, "1", "A");
  g_autoptr(UprRecommendation) loaded = NULL;
  g_autofree char *date = today ();

  g_assert_null (upr_record_get_string (UPR_RECORD (recommendation), "status-date"));
  g_object_set (recommendation, "status", "in-progress", NULL);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (recommendation), "status-date"), ==, date);
  save (fixture, recommendation);

  /* A given date wins, whichever is set first. */
  g_object_set (recommendation, "status-date", "2024-01-05", "status", "implemented", NULL);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (recommendation), "status-date"), ==,
                   "2024-01-05");
  save (fixture, recommendation);
  g_object_set (recommendation, "status", "in-progress", "status-date", "2024-02-05", NULL);
  save (fixture, recommendation);

  /* Loading keeps the stored date. */
  loaded = load_recommendation (fixture, id_of (recommendation));
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status"), ==, "in-progress");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status-date"), ==, "2024-02-05");
  g_assert_false (upr_record_has_changes (UPR_RECORD (loaded)));
}

/* Constraints */

static void
assert_refused (Fixture    *fixture,
                gpointer    object,
                const char *field,
                const char *value)
{
  UprRecord *record = UPR_RECORD (object);
  g_autoptr(GError) error = NULL;
  gint64 n_changes = upr_store_count_changes (fixture->store);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s",
                                          UPR_RECORD_GET_CLASS (record)->table);
  gint64 n_rows = query_int (fixture, sql);

  if (field != NULL)
    upr_record_set_string (record, field, value);
  if (upr_store_save (fixture->store, record, &error))
    g_error ("%s.%s = “%s” was accepted", UPR_RECORD_GET_CLASS (record)->table, field, value);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpint (query_int (fixture, sql), ==, n_rows);
}

static void
assert_refused_int (Fixture    *fixture,
                    gpointer    object,
                    const char *field,
                    int         value)
{
  g_autoptr(GError) error = NULL;

  upr_record_set_int (UPR_RECORD (object), field, value);
  if (upr_store_save (fixture->store, UPR_RECORD (object), &error))
    g_error ("%s = %d was accepted", field, value);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
}

static UprRecommendation *
valid_recommendation (UprReview *review)
{
  UprRecommendation *recommendation = upr_recommendation_new ();

  g_object_set (recommendation, "review-id", id_of (review), "text", "Adopt a law.", NULL);
  return recommendation;
}

static void
test_constraints (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr(UprReview) review = save_review (fixture, "TG", 40, "2022-01-24");
  g_autoptr(UprRecommendation) saved = save_recommendation (fixture, review, "1", "Saved");
  const char *bad_dates[] = { "2024-02-30", "27/03/2024", "2024-3-27", "tomorrow" };

  /* Reviews: one per country and session, a real session, dates in order. */
  {
    g_autoptr(UprReview) again = upr_review_new ();

    g_object_set (again, "country-code", "TG", NULL);
    assert_refused_int (fixture, again, "session", 40);
    assert_refused_int (fixture, again, "session", 0);
    assert_refused_int (fixture, again, "session", 1000);
    upr_record_set_int (UPR_RECORD (again), "session", 26);
    assert_refused (fixture, again, "country-code", "XX");
    upr_record_set_string (UPR_RECORD (again), "country-code", "TG");
    upr_record_set_string (UPR_RECORD (again), "review-date", "2016-11-01");
    assert_refused (fixture, again, "adoption-date", "2016-10-01");
    upr_record_set_string (UPR_RECORD (again), "adoption-date", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
      assert_refused (fixture, again, "review-date", bad_dates[i]);
  }

  /* Recommendations. */
  {
    g_autoptr(UprRecommendation) r = valid_recommendation (review);

    assert_refused (fixture, r, "text", "  ");
    assert_refused (fixture, r, "text", NULL);
  }
  {
    g_autoptr(UprRecommendation) r = valid_recommendation (review);

    assert_refused (fixture, r, "review-id", "no-such-review");
    assert_refused (fixture, r, "review-id", NULL);
  }
  {
    const char *fields[][2] = {
      { "response", "accepted" }, { "response", NULL }, { "status", "done" },
      { "status", NULL }, { "priority", "urgent" }, { "lead-organisation-id", "nobody" },
      { "status-date", "2024-13-01" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autoptr(UprRecommendation) r = valid_recommendation (review);

        assert_refused (fixture, r, fields[i][0], fields[i][1]);
      }
  }
  {
    g_autoptr(UprRecommendation) r = valid_recommendation (review);

    assert_refused_int (fixture, r, "action-category", 6);
    assert_refused_int (fixture, r, "action-category", -1);
  }

  /* Children: a real recommendation, required text, dates, vocabularies. */
  {
    g_autoptr(UprPlannedAction) action = upr_planned_action_new ();

    g_object_set (action, "recommendation-id", id_of (saved), NULL);
    assert_refused (fixture, action, "text", " ");
    upr_record_set_string (UPR_RECORD (action), "text", "Draft");
    assert_refused (fixture, action, "status", "late");
    upr_record_set_string (UPR_RECORD (action), "status", "planned");
    upr_record_set_string (UPR_RECORD (action), "start-date", "2025-05-01");
    assert_refused (fixture, action, "due-date", "2025-04-30");
    upr_record_set_string (UPR_RECORD (action), "due-date", "2025-05-01");
    assert_refused (fixture, action, "recommendation-id", "none");
  }
  {
    g_autoptr(UprIndicator) indicator = upr_indicator_new ();

    g_object_set (indicator, "recommendation-id", id_of (saved), NULL);
    assert_refused (fixture, indicator, "text", NULL);
  }
  {
    g_autoptr(UprProgressUpdate) update = upr_progress_update_new ();

    g_object_set (update, "recommendation-id", id_of (saved), "status", "in-progress", NULL);
    assert_refused (fixture, update, "date", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
      assert_refused (fixture, update, "date", bad_dates[i]);
    upr_record_set_string (UPR_RECORD (update), "date", "2025-01-01");
    assert_refused (fixture, update, "status", "almost");
    /* Neither a status nor a text: nothing to record. */
    upr_record_set_string (UPR_RECORD (update), "text", "   ");
    assert_refused (fixture, update, "status", NULL);
  }
  {
    g_autoptr(UprAssessment) assessment = upr_assessment_new ();

    g_object_set (assessment, "recommendation-id", id_of (saved), "date", "2025-01-01",
                  "level", "fully-implemented", NULL);
    assert_refused (fixture, assessment, "source", NULL);
    assert_refused (fixture, assessment, "source", "media");
    upr_record_set_string (UPR_RECORD (assessment), "source", "un");
    assert_refused (fixture, assessment, "level", "mostly-implemented");
    assert_refused (fixture, assessment, "level", NULL);
    upr_record_set_string (UPR_RECORD (assessment), "level", "fully-implemented");
    assert_refused (fixture, assessment, "date", NULL);
  }
}

/* The ids of upr-vocab.c and the CHECK lists of the schema, in both directions. */
static GPtrArray *
schema_ids (Fixture    *fixture,
            const char *table,
            const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pattern = g_strdup_printf ("\\b%s IN \\(([^)]*)\\)", column);
  g_autoptr(GRegex) list_regex = g_regex_new (pattern, 0, 0, &error);
  g_autoptr(GRegex) word_regex = g_regex_new ("'([^']*)'", 0, 0, &error);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) word = NULL;
  g_autofree char *query = g_strdup_printf ("SELECT sql FROM sqlite_master WHERE name = '%s'",
                                            table);
  g_autofree char *sql = query_text (fixture, query);
  g_autofree char *items = NULL;

  g_assert_no_error (error);
  if (!g_regex_match (list_regex, sql, 0, &match))
    g_error ("no CHECK list for %s.%s", table, column);
  items = g_match_info_fetch (match, 1);
  for (g_regex_match (word_regex, items, 0, &word); g_match_info_matches (word);
       g_match_info_next (word, NULL))
    g_ptr_array_add (ids, g_match_info_fetch (word, 1));
  return g_steal_pointer (&ids);
}

static void
test_vocab_in_step (Fixture      *fixture,
                    gconstpointer user_data)
{
  struct { UprVocab vocab; const char *table; const char *column; } columns[] = {
    { UPR_VOCAB_RESPONSE, "recommendation", "response" },
    { UPR_VOCAB_PRIORITY, "recommendation", "priority" },
    { UPR_VOCAB_IMPLEMENTATION_STATUS, "recommendation", "status" },
    { UPR_VOCAB_IMPLEMENTATION_STATUS, "progress_update", "status" },
    { UPR_VOCAB_ACTION_STATUS, "planned_action", "status" },
    { UPR_VOCAB_ASSESSMENT_SOURCE, "assessment", "source" },
    { UPR_VOCAB_ASSESSMENT_LEVEL, "assessment", "level" },
  };
  g_autoptr(GPtrArray) schemes = schema_ids (fixture, "vocabulary_term", "scheme");
  guint n_entries;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autoptr(GPtrArray) ids = schema_ids (fixture, columns[c].table, columns[c].column);

      upr_vocab_entries (columns[c].vocab, &n_entries);
      g_assert_cmpuint (ids->len, ==, n_entries);
      for (guint i = 0; i < ids->len; i++)
        if (upr_vocab_index (columns[c].vocab, g_ptr_array_index (ids, i)) < 0)
          g_error ("%s.%s allows “%s”, which upr-vocab.c lacks", columns[c].table,
                   columns[c].column, (char *) g_ptr_array_index (ids, i));
    }

  /* The term schemes, and the goals that are a table of their own. */
  upr_vocab_entries (UPR_VOCAB_TERM_SCHEME, &n_entries);
  g_assert_cmpuint (schemes->len + 1, ==, n_entries);
  for (guint i = 0; i < schemes->len; i++)
    g_assert_cmpint (upr_vocab_index (UPR_VOCAB_TERM_SCHEME, g_ptr_array_index (schemes, i)),
                     >=, 0);

  /* Action categories 1–5, as the schema's range. */
  upr_vocab_entries (UPR_VOCAB_ACTION_CATEGORY, &n_entries);
  g_assert_cmpuint (n_entries, ==, 5);
  for (int category = 1; category <= 5; category++)
    {
      g_autofree char *id = g_strdup_printf ("%d", category);

      g_assert_cmpint (upr_vocab_index (UPR_VOCAB_ACTION_CATEGORY, id), ==, category - 1);
    }
  g_assert_cmpstr (upr_vocab_label (UPR_VOCAB_RESPONSE, "supported-in-part"), ==,
                   "Supported in part");
}

/* Cascades */

static gint64
count_children (Fixture *fixture)
{
  return query_int (fixture, "SELECT (SELECT count(*) FROM recommendation_state)"
                             " + (SELECT count(*) FROM recommendation_term)"
                             " + (SELECT count(*) FROM recommendation_sdg)"
                             " + (SELECT count(*) FROM recommendation_support)"
                             " + (SELECT count(*) FROM planned_action)"
                             " + (SELECT count(*) FROM indicator)"
                             " + (SELECT count(*) FROM progress_update)"
                             " + (SELECT count(*) FROM assessment)");
}

/* A recommendation with one of everything; returns it. */
static UprRecommendation *
save_full_recommendation (Fixture         *fixture,
                          UprReview       *review,
                          UprOrganisation *organisation)
{
  UprRecommendation *recommendation = save_recommendation (fixture, review, "7", "Full");
  g_autoptr(UprPlannedAction) action = upr_planned_action_new ();
  g_autoptr(UprIndicator) indicator = upr_indicator_new ();
  g_autoptr(UprProgressUpdate) update = NULL;
  g_autoptr(UprAssessment) assessment = NULL;

  set_links (fixture, recommendation, "FR DE", "uhri-theme:right-to-health", UPR_SDG_BIT (3),
             id_of (organisation));
  g_object_set (action, "recommendation-id", id_of (recommendation), "text", "Plan",
                "organisation-id", id_of (organisation), NULL);
  save (fixture, action);
  g_object_set (indicator, "recommendation-id", id_of (recommendation), "text", "Count", NULL);
  save (fixture, indicator);
  update = add_update (fixture, recommendation, "2025-02-01", "in-progress", NULL);
  g_object_set (update, "organisation-id", id_of (organisation), NULL);
  save (fixture, update);
  assessment = add_assessment (fixture, recommendation, "cso", id_of (organisation),
                               "not-implemented", "2025-03-01");
  return recommendation;
}

static void
test_cascades (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = save_review (fixture, "BJ", 42, NULL);
  g_autoptr(UprOrganisation) organisation = save_organisation (fixture, "CNDH", NULL);
  g_autoptr(UprOrganisation) other = save_organisation (fixture, "Ministry", NULL);
  g_autoptr(UprRecommendation) first = save_full_recommendation (fixture, review, organisation);
  g_autoptr(UprRecommendation) second = save_full_recommendation (fixture, review, other);

  g_assert_cmpint (count_children (fixture), ==, 2 * 9);

  /* Deleting a recommendation removes its links, actions, indicators, updates, assessments,
   * and nothing of the other one. */
  g_assert_true (upr_store_delete (fixture->store, UPR_RECORD (first), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_children (fixture), ==, 9);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM organisation"), ==, 2);

  /* Deleting an organisation unlinks it: no longer lead or supporting, its updates and
   * assessments stay without it. */
  g_object_set (second, "lead-organisation-id", id_of (other), NULL);
  save (fixture, second);
  g_assert_true (upr_store_delete (fixture->store, UPR_RECORD (other), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_support"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE lead_organisation_id IS NULL"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM progress_update"
                                       " WHERE organisation_id IS NULL"),
                   ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM assessment"), ==, 1);

  /* Deleting a review removes its recommendations and all that hangs from them. */
  g_assert_true (upr_store_delete (fixture->store, UPR_RECORD (review), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"), ==, 0);
  g_assert_cmpint (count_children (fixture), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM vocabulary_term"), ==, 138);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sdg_goal"), ==, 17);
}

/* Links */

static void
test_links (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = save_review (fixture, "CI", 33, NULL);
  g_autoptr(UprOrganisation) a = save_organisation (fixture, "Organisation A", NULL);
  g_autoptr(UprOrganisation) b = save_organisation (fixture, "Organisation B", NULL);
  g_autoptr(UprRecommendation) recommendation = save_recommendation (fixture, review, "1", "R");
  g_autoptr(UprRecommendationLinks) links = NULL;
  g_autoptr(UprRecommendationLinks) bad = NULL;
  g_autofree char *supporting = g_strjoin (" ", id_of (a), id_of (b), NULL);
  g_autofree char *last = NULL;
  gint64 n_changes;
  guint n_changed = 0;

  links = upr_store_get_recommendation_links (fixture->store, id_of (recommendation), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (links->states), ==, 0);
  g_assert_cmpuint (links->sdg_goals, ==, 0);
  g_clear_pointer (&links, upr_recommendation_links_free);

  g_signal_connect (fixture->store, "changed::recommendation", G_CALLBACK (increment_cb),
                    &n_changed);
  n_changes = upr_store_count_changes (fixture->store);
  set_links (fixture, recommendation, "FR BR", "uhri-theme:right-to-health uhri-group:children",
             UPR_SDG_BIT (3) | UPR_SDG_BIT (17), supporting);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 1);
  g_assert_cmpuint (n_changed, ==, 1);
  last = upr_store_describe_last_change (fixture->store);
  g_assert_cmpstr (last, ==, "update recommendation Officer A states, terms, sdg-goals, "
                             "supporting-organisations");

  links = upr_store_get_recommendation_links (fixture->store, id_of (recommendation), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (links->states), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) links->states, "BR"));
  g_assert_true (g_strv_contains ((const char * const *) links->terms, "uhri-group:children"));
  g_assert_cmpuint (links->sdg_goals, ==, UPR_SDG_BIT (3) | UPR_SDG_BIT (17));
  g_assert_cmpuint (g_strv_length (links->supporting), ==, 2);

  /* The same lists in another order: nothing to write, nothing logged. */
  set_links (fixture, recommendation, "BR FR", "uhri-group:children uhri-theme:right-to-health",
             UPR_SDG_BIT (17) | UPR_SDG_BIT (3), supporting);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 1);

  /* One list changed: only it is named. */
  set_links (fixture, recommendation, "BR FR", "uhri-group:children uhri-theme:right-to-health",
             UPR_SDG_BIT (5), supporting);
  g_clear_pointer (&last, g_free);
  last = upr_store_describe_last_change (fixture->store);
  g_assert_cmpstr (last, ==, "update recommendation Officer A sdg-goals");

  /* Anything unknown changes nothing at all. */
  n_changes = upr_store_count_changes (fixture->store);
  bad = upr_store_get_recommendation_links (fixture->store, id_of (recommendation), &error);
  g_strfreev (bad->states);
  bad->states = g_strsplit ("ML XX", " ", -1);
  bad->sdg_goals = UPR_SDG_BIT (1);
  g_assert_false (upr_store_set_recommendation_links (fixture->store, id_of (recommendation), bad,
                                                      &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_strfreev (bad->states);
  bad->states = g_strsplit ("ML", " ", -1);
  g_strfreev (bad->terms);
  bad->terms = g_strsplit ("uhri-theme:no-such-theme", " ", -1);
  g_assert_false (upr_store_set_recommendation_links (fixture->store, id_of (recommendation), bad,
                                                      &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (upr_store_set_recommendation_links (fixture->store, "no-such-id", links,
                                                      &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  g_clear_pointer (&links, upr_recommendation_links_free);
  links = upr_store_get_recommendation_links (fixture->store, id_of (recommendation), &error);
  g_assert_cmpuint (links->sdg_goals, ==, UPR_SDG_BIT (5));
  g_assert_cmpstr (links->states[0], ==, "BR");
  g_assert_cmpuint (g_strv_length (links->terms), ==, 2);
}

/* The matrix */

static void
test_list (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) cycle_2 = save_review (fixture, "CD", 19, "2014-04-30");
  g_autoptr(UprReview) cycle_3 = save_review (fixture, "CD", 33, "2019-05-07");
  g_autoptr(UprReview) elsewhere = save_review (fixture, "NP", 37, NULL);
  g_autoptr(UprOrganisation) ministry = save_organisation (fixture, "Ministère des Droits humains",
                                                           "MDH");
  g_autoptr(UprOrganisation) cndh = save_organisation (fixture, "Commission nationale", NULL);
  g_autoptr(UprRecommendation) r10 = save_recommendation (fixture, cycle_3, "140.10",
                                                          "Adopter une loi sur les défenseurs.");
  g_autoptr(UprRecommendation) r9 = save_recommendation (fixture, cycle_3, "140.9",
                                                         "Réformer le code pénal.");
  g_autoptr(UprRecommendation) r2 = save_recommendation (fixture, cycle_3, "99.2", "Second");
  g_autoptr(UprRecommendation) old = save_recommendation (fixture, cycle_2, "134.1", "Old");
  g_autoptr(UprRecommendation) other = save_recommendation (fixture, elsewhere, "1", "Other");
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) fresh = NULL;
  UprRecommendationRow *row;
  g_autofree char *folded = NULL;
  const char *ids[] = { NULL, NULL, "missing", NULL };

  g_object_set (r9, "lead-organisation-id", id_of (ministry), "cluster", "Justice",
                "action-category", 5, "response", "supported", "notes", "Voir l’atelier", NULL);
  save (fixture, r9);
  set_links (fixture, r9, "FR DE CI", "uprinfo-issue:justice uhri-theme:rule-of-law-and-impunity",
             UPR_SDG_BIT (16) | UPR_SDG_BIT (5), id_of (cndh));
  add_update (fixture, r9, "2020-01-10", "in-progress", NULL);
  add_update (fixture, r9, "2021-06-01", NULL, "Draft discussed");
  add_assessment (fixture, r9, "government", NULL, "fully-implemented", "2021-01-01");
  add_assessment (fixture, r9, "cso", NULL, "partially-implemented", "2021-02-01");

  /* One country, every cycle: by session, then paragraph as numbers. */
  rows = list (fixture, "CD", 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  {
    const char *expected[] = { id_of (old), id_of (r2), id_of (r9), id_of (r10) };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(UprRecommendationRow) at = g_list_model_get_item (rows, i);

        g_assert_cmpstr (upr_recommendation_row_get_id (at), ==, expected[i]);
      }
  }

  row = find_row (rows, id_of (r9));
  g_assert_cmpstr (upr_recommendation_row_get_country_code (row), ==, "CD");
  g_assert_cmpint (upr_recommendation_row_get_session (row), ==, 33);
  g_assert_cmpint (upr_recommendation_row_get_cycle (row), ==, 3);
  g_assert_cmpstr (upr_recommendation_row_get_paragraph (row), ==, "140.9");
  g_assert_cmpstr (upr_recommendation_row_get_text (row), ==, "Réformer le code pénal.");
  g_assert_cmpstr (upr_recommendation_row_get_response (row), ==, "supported");
  g_assert_cmpint (upr_recommendation_row_get_action_category (row), ==, 5);
  g_assert_cmpstr (upr_recommendation_row_get_cluster (row), ==, "Justice");
  g_assert_cmpstr (upr_recommendation_row_get_lead_organisation_name (row), ==,
                   "Ministère des Droits humains (MDH)");
  g_assert_cmpstr (upr_recommendation_row_get_status (row), ==, "in-progress");
  g_assert_cmpstr (upr_recommendation_row_get_status_date (row), ==, "2020-01-10");
  g_assert_cmpstr (upr_recommendation_row_get_last_update (row), ==, "2021-06-01");
  /* Government fully (1) and CSO partially (0.5): 0.75, fully implemented. */
  g_assert_cmpstr (upr_recommendation_row_get_assessment_level (row), ==, "fully-implemented");
  g_assert_cmpstr (upr_recommendation_row_get_state_names (row), ==,
                   "Côte d'Ivoire, France, Germany");
  g_assert_cmpuint (g_strv_length ((char **) upr_recommendation_row_get_states (row)), ==, 3);
  /* Themes before issues. */
  g_assert_cmpstr (upr_recommendation_row_get_terms (row)[0], ==,
                   "uhri-theme:rule-of-law-and-impunity");
  g_assert_cmpstr (upr_recommendation_row_get_terms (row)[1], ==, "uprinfo-issue:justice");
  g_assert_true (upr_recommendation_row_has_term (row, "uprinfo-issue:justice"));
  g_assert_false (upr_recommendation_row_has_term (row, "uprinfo-issue:labour"));
  g_assert_false (upr_recommendation_row_has_term (row, "not a term ever interned"));
  g_assert_cmpuint (upr_recommendation_row_get_sdg_goals (row), ==,
                    UPR_SDG_BIT (5) | UPR_SDG_BIT (16));
  g_assert_cmpstr (upr_recommendation_row_get_supporting_organisations (row)[0], ==,
                   id_of (cndh));

  /* The search key: text, notes, States in both languages, institutions, folded. */
  {
    const char *queries[] = { "reformer", "code penal", "l'atelier", "allemagne", "germany",
                              "cote d'ivoire", "droits humains", "mdh", "commission nationale",
                              "justice", "140.9" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      if (!upr_fold_match (upr_recommendation_row_get_search_key (row), queries[i]))
        g_error ("“%s” not found in “%s”", queries[i],
                 upr_recommendation_row_get_search_key (row));
    g_assert_false (upr_fold_match (upr_recommendation_row_get_search_key (row), "torture"));
  }

  /* A row with nothing linked. */
  row = find_row (rows, id_of (r10));
  g_assert_null (upr_recommendation_row_get_state_names (row));
  g_assert_null (upr_recommendation_row_get_lead_organisation_name (row));
  g_assert_null (upr_recommendation_row_get_last_update (row));
  g_assert_null (upr_recommendation_row_get_assessment_level (row));
  g_assert_cmpstr (upr_recommendation_row_get_response (row), ==, "pending");
  g_assert_cmpstr (upr_recommendation_row_get_status (row), ==, "not-started");
  g_assert_cmpuint (g_strv_length ((char **) upr_recommendation_row_get_terms (row)), ==, 0);
  g_assert_cmpint (upr_recommendation_row_get_action_category (row), ==, 0);
  {
    g_autofree char *text = NULL;
    guint goals;

    g_object_get (row, "text", &text, "sdg-goals", &goals, NULL);
    g_assert_cmpstr (text, ==, "Adopter une loi sur les défenseurs.");
    g_assert_cmpuint (goals, ==, 0);
  }

  /* One cycle; every country. */
  g_clear_object (&rows);
  rows = list (fixture, "CD", 2);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_clear_object (&rows);
  rows = list (fixture, "CD", 4);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_clear_object (&rows);
  rows = list (fixture, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  g_assert_nonnull (find_row (rows, id_of (other)));
  g_clear_object (&rows);
  rows = list (fixture, NULL, 3);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);

  /* The folded text follows edits of the text. */
  g_object_set (r10, "text", "Protéger les journalistes", NULL);
  save (fixture, r10);
  folded = query_text (fixture, "SELECT search_folded FROM recommendation"
                                " WHERE paragraph = '140.10'");
  g_assert_cmpstr (folded, ==, "140.10 proteger les journalistes");

  /* Fresh rows by id, in the order asked, the missing left out. */
  ids[0] = id_of (r10);
  ids[1] = id_of (other);
  fresh = upr_store_get_recommendation_rows (fixture->store, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fresh), ==, 2);
  row = find_row (fresh, id_of (r10));
  g_assert_cmpstr (upr_recommendation_row_get_text (row), ==, "Protéger les journalistes");
  g_assert_true (upr_fold_match (upr_recommendation_row_get_search_key (row), "proteger"));
  {
    g_autoptr(UprRecommendationRow) first = g_list_model_get_item (fresh, 0);

    g_assert_cmpstr (upr_recommendation_row_get_id (first), ==, id_of (r10));
  }
}

/* Bulk edits */

static gint64
count_log (Fixture    *fixture,
           const char *fields)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM change_log"
                                          " WHERE entity = 'recommendation' AND action = 'update'"
                                          " AND fields = '%s'",
                                          fields);

  return query_int (fixture, sql);
}

static void
test_bulk (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = save_review (fixture, "KE", 35, NULL);
  g_autoptr(UprOrganisation) ministry = save_organisation (fixture, "Ministry of Justice", NULL);
  g_autoptr(UprRecommendation) a = save_recommendation (fixture, review, "1", "A");
  g_autoptr(UprRecommendation) b = save_recommendation (fixture, review, "2", "B");
  g_autoptr(UprRecommendation) c = save_recommendation (fixture, review, "3", "C");
  g_autoptr(UprRecommendation) loaded = NULL;
  const char *all[] = { id_of (a), id_of (b), id_of (c), NULL };
  const char *with_bad[] = { id_of (a), "no-such-recommendation", id_of (c), NULL };
  g_auto(GStrv) changed = NULL;
  g_autofree char *date = today ();
  guint n_changed = 0;
  gint64 n_changes;

  g_signal_connect (fixture->store, "changed::recommendation", G_CALLBACK (increment_cb),
                    &n_changed);

  /* Lead institution: one entry per recommendation changed, one ::changed. */
  n_changes = upr_store_count_changes (fixture->store);
  g_assert_true (upr_store_bulk_set_lead_organisation (fixture->store, all, id_of (ministry),
                                                       &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (changed), ==, 3);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 3);
  g_assert_cmpint (count_log (fixture, "lead-organisation-id"), ==, 3);
  g_assert_cmpuint (n_changed, ==, 1);
  g_clear_pointer (&changed, g_strfreev);

  /* Again: nothing changes, nothing is logged. */
  g_assert_true (upr_store_bulk_set_lead_organisation (fixture->store, all, id_of (ministry),
                                                       &changed, &error));
  g_assert_cmpuint (g_strv_length (changed), ==, 0);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 3);
  g_clear_pointer (&changed, g_strfreev);

  /* One bad id among good ones: nothing changed at all. */
  n_changes = upr_store_count_changes (fixture->store);
  g_assert_false (upr_store_bulk_set_cluster (fixture->store, with_bad, "Justice", &changed,
                                              &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (changed);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE cluster IS NOT NULL"),
                   ==, 0);
  /* A bad value too. */
  g_assert_false (upr_store_bulk_set_lead_organisation (fixture->store, all, "nobody", NULL,
                                                        &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (upr_store_bulk_set_status (fixture->store, all, "done", NULL, NULL, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE status = 'not-started' AND lead_organisation_id"
                                       " IS NOT NULL"),
                   ==, 3);

  /* Cluster, and its search text. */
  g_assert_true (upr_store_bulk_set_cluster (fixture->store, all, "Justice réforme", NULL,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE search_folded LIKE '%justice reforme%'"),
                   ==, 3);
  g_assert_cmpint (count_log (fixture, "cluster"), ==, 3);

  /* Status, dated today unless a date is given. */
  {
    /* Edited as the editor would: loaded fresh, so the bulk edits above are kept. */
    g_autoptr(UprRecommendation) fresh = load_recommendation (fixture, id_of (b));

    g_object_set (fresh, "status", "in-progress", NULL);
    save (fixture, fresh);
    g_assert_cmpstr (upr_record_get_string (UPR_RECORD (fresh), "cluster"), ==,
                     "Justice réforme");
  }
  g_assert_true (upr_store_bulk_set_status (fixture->store, all, "in-progress", NULL, &changed,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (changed), ==, 2);
  g_assert_false (g_strv_contains ((const char * const *) changed, id_of (b)));
  g_clear_pointer (&changed, g_strfreev);
  loaded = load_recommendation (fixture, id_of (a));
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status"), ==, "in-progress");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status-date"), ==, date);
  g_assert_cmpstr (upr_record_get_updated_at (UPR_RECORD (loaded)), >=,
                   upr_record_get_created_at (UPR_RECORD (loaded)));
  g_clear_object (&loaded);
  /* Undo: the previous status and date back. */
  {
    const char *just_a[] = { id_of (a), NULL };

    g_assert_true (upr_store_bulk_set_status (fixture->store, just_a, "not-started", "2019-05-01",
                                              NULL, &error));
    loaded = load_recommendation (fixture, id_of (a));
    g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status"), ==, "not-started");
    g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status-date"), ==,
                     "2019-05-01");
    g_clear_object (&loaded);
  }
  /* a and c, a again, and b's own save. */
  g_assert_cmpint (count_log (fixture, "status, status-date"), ==, 4);

  /* Terms: only those without it change; removing undoes exactly that. */
  set_links (fixture, b, "", "uhri-theme:right-to-health", 0, "");
  g_assert_true (upr_store_bulk_add_term (fixture->store, all, "uhri-theme:right-to-health",
                                          &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (changed), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_term"), ==, 3);
  g_assert_true (upr_store_bulk_remove_term (fixture->store, (const char * const *) changed,
                                             "uhri-theme:right-to-health", NULL, &error));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_term"), ==, 1);
  g_clear_pointer (&changed, g_strfreev);
  g_assert_false (upr_store_bulk_add_term (fixture->store, all, "uhri-theme:astrology", NULL,
                                           &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (upr_store_bulk_remove_term (fixture->store, all, "uhri-theme:astrology", NULL,
                                              &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (upr_store_bulk_add_term (fixture->store, with_bad,
                                           "uhri-group:children", NULL, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_term"), ==, 1);

  /* Goals. */
  g_assert_true (upr_store_bulk_add_sdg (fixture->store, all, 16, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (changed), ==, 3);
  g_clear_pointer (&changed, g_strfreev);
  g_assert_false (upr_store_bulk_add_sdg (fixture->store, all, 18, NULL, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (upr_store_bulk_remove_sdg (fixture->store, all, 16, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation_sdg"), ==, 0);
  g_assert_cmpint (count_log (fixture, "sdg-goals"), ==, 6);
}

/* Deletion with undo */

static void
test_trash (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = save_review (fixture, "AM", 35, NULL);
  g_autoptr(UprOrganisation) organisation = save_organisation (fixture, "Ombudsman", NULL);
  g_autoptr(UprRecommendation) kept = save_recommendation (fixture, review, "1", "Kept");
  g_autoptr(UprRecommendation) gone = save_full_recommendation (fixture, review, organisation);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GArray) counts = NULL;
  const char *ids[] = { id_of (gone), NULL };
  const char *bad[] = { id_of (kept), "nothing", NULL };
  gint64 n_changes;

  g_assert_true (upr_store_trash_recommendations (fixture->store, ids, &error));
  g_assert_no_error (error);
  rows = list (fixture, "AM", 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  counts = count (fixture, "AM", 0, UPR_COUNT_BY_RESPONSE, NULL);
  g_assert_cmpuint (count_of (counts, "pending"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM change_log"
                                       " WHERE action = 'delete' AND entity = 'recommendation'"),
                   ==, 1);

  /* Trashing twice logs once; a bad id changes nothing. */
  n_changes = upr_store_count_changes (fixture->store);
  g_assert_true (upr_store_trash_recommendations (fixture->store, ids, &error));
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  g_assert_false (upr_store_trash_recommendations (fixture->store, bad, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"
                                       " WHERE deleted_at IS NULL"),
                   ==, 1);

  /* Restored, with everything it had. */
  g_assert_true (upr_store_restore_recommendations (fixture->store, ids, &error));
  g_assert_no_error (error);
  g_clear_object (&rows);
  rows = list (fixture, "AM", 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpuint (upr_recommendation_row_get_sdg_goals (find_row (rows, id_of (gone))), ==,
                    UPR_SDG_BIT (3));

  /* Purged for good. */
  g_assert_true (upr_store_trash_recommendations (fixture->store, ids, &error));
  g_assert_true (upr_store_purge_recommendations (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM recommendation"), ==, 1);
  g_assert_cmpint (count_children (fixture), ==, 0);
}

/* Progress history and the status on any date */

static void
test_progress (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = save_review (fixture, "MG", 34, NULL);
  g_autoptr(UprRecommendation) r = save_recommendation (fixture, review, "1", "R");
  g_autoptr(UprRecommendation) loaded = NULL;
  g_autoptr(UprProgressUpdate) u1 = NULL;
  g_autoptr(UprProgressUpdate) u2 = NULL;
  g_autoptr(UprProgressUpdate) u3 = NULL;
  g_autoptr(UprProgressUpdate) u4 = NULL;
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(UprProgressUpdate) newest = NULL;
  gint64 n_changes;

  /* A newer update moves the current status, with its date. */
  u1 = add_update (fixture, r, "2021-03-01", "in-progress", "Drafting started");
  loaded = load_recommendation (fixture, id_of (r));
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status"), ==, "in-progress");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status-date"), ==, "2021-03-01");
  g_clear_object (&loaded);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM change_log"
                                       " WHERE entity = 'recommendation'"
                                       " AND fields = 'status, status-date'"),
                   ==, 1);

  u2 = add_update (fixture, r, "2022-09-15", "partially-implemented", NULL);
  /* An older one is history only. */
  u3 = add_update (fixture, r, "2020-12-01", "not-started", "Nothing yet");
  /* One without a status changes no status. */
  n_changes = upr_store_count_changes (fixture->store);
  u4 = add_update (fixture, r, "2023-01-01", NULL, "Workshop held");
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 1);
  loaded = load_recommendation (fixture, id_of (r));
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status"), ==,
                   "partially-implemented");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status-date"), ==, "2022-09-15");
  g_clear_object (&loaded);

  updates = upr_store_list_progress_updates (fixture->store, id_of (r), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, 4);
  newest = g_list_model_get_item (updates, 0);
  g_assert_cmpstr (id_of (newest), ==, id_of (u4));

  /* The status on any date, from the history. */
  {
    struct { const char *date; const char *status; } cases[] = {
      { "2019-01-01", "not-started" }, { "2020-12-01", "not-started" },
      { "2021-02-28", "not-started" }, { "2021-03-01", "in-progress" },
      { "2022-09-14", "in-progress" }, { "2022-09-15", "partially-implemented" },
      { "2030-01-01", "partially-implemented" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        const char *status = upr_store_get_status_as_of (fixture->store, id_of (r),
                                                         cases[i].date, &error);

        g_assert_no_error (error);
        if (g_strcmp0 (status, cases[i].status) != 0)
          g_error ("on %s: %s, expected %s", cases[i].date, status, cases[i].status);
      }
  }

  /* A status set in the matrix on a later day is part of the history from that day. */
  loaded = load_recommendation (fixture, id_of (r));
  g_object_set (loaded, "status", "implemented", "status-date", "2024-06-30", NULL);
  save (fixture, loaded);
  g_assert_cmpstr (upr_store_get_status_as_of (fixture->store, id_of (r), "2024-06-29", &error),
                   ==, "partially-implemented");
  g_assert_cmpstr (upr_store_get_status_as_of (fixture->store, id_of (r), "2024-06-30", &error),
                   ==, "implemented");
  /* An update older than that status does not move it back. */
  g_clear_object (&u1);
  u1 = add_update (fixture, r, "2024-01-01", "in-progress", NULL);
  g_clear_object (&loaded);
  loaded = load_recommendation (fixture, id_of (r));
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (loaded), "status"), ==, "implemented");

  /* Counted by status on a date, for a country. */
  {
    g_autoptr(UprRecommendation) s = save_recommendation (fixture, review, "2", "S");
    g_autoptr(GArray) then = NULL;
    g_autoptr(GArray) now = NULL;
    guint n = 0;

    g_object_unref (add_update (fixture, s, "2022-01-01", "implemented", NULL));
    then = count (fixture, "MG", 0, UPR_COUNT_BY_STATUS, "2021-06-01");
    g_assert_cmpuint (count_of (then, "in-progress"), ==, 1);
    g_assert_cmpuint (count_of (then, "not-started"), ==, 1);
    g_assert_cmpuint (count_of (then, "implemented"), ==, 0);
    g_assert_cmpuint (then->len, ==, 5);
    g_clear_pointer (&then, g_array_unref);
    then = count (fixture, "MG", 0, UPR_COUNT_BY_STATUS, "2023-06-01");
    g_assert_cmpuint (count_of (then, "partially-implemented"), ==, 1);
    g_assert_cmpuint (count_of (then, "implemented"), ==, 1);
    now = upr_store_count_recommendations (fixture->store, "MG", 0, UPR_COUNT_BY_STATUS, NULL,
                                           &n, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpuint (count_of (now, "implemented"), ==, 2);
    assert_over_time_as_each_day (fixture, "MG");
    assert_over_time_as_each_day (fixture, NULL);
  }

  /* The update must belong to a recommendation; a failure leaves it to be saved again. */
  {
    g_autoptr(UprProgressUpdate) orphan = upr_progress_update_new ();

    g_object_set (orphan, "recommendation-id", "none", "date", "2024-01-01", "status",
                  "implemented", NULL);
    g_assert_false (upr_store_add_progress_update (fixture->store, orphan, &error));
    g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
    g_assert_true (upr_record_has_changes (UPR_RECORD (orphan)));
  }
}

/* A review held after the date does not count on that date. */
static void
test_as_of_reviews (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(UprReview) earlier = save_review (fixture, "LR", 22, "2015-05-04");
  g_autoptr(UprReview) later = save_review (fixture, "LR", 36, "2020-11-04");
  g_autoptr(UprRecommendation) a = save_recommendation (fixture, earlier, "1", "A");
  g_autoptr(UprRecommendation) b = save_recommendation (fixture, later, "1", "B");
  g_autoptr(GArray) counts = count (fixture, "LR", 0, UPR_COUNT_BY_RESPONSE, "2018-01-01");

  g_assert_cmpuint (count_of (counts, "pending"), ==, 1);
  g_clear_pointer (&counts, g_array_unref);
  counts = count (fixture, "LR", 0, UPR_COUNT_BY_RESPONSE, "2021-01-01");
  g_assert_cmpuint (count_of (counts, "pending"), ==, 2);
  /* Reviews held between the days, and a status set by hand without a date. */
  g_object_set (b, "status", "in-progress", NULL);
  save (fixture, b);
  assert_over_time_as_each_day (fixture, "LR");
  assert_over_time_as_each_day (fixture, NULL);
}

/* UPR Info's averaging of assessments */

static void
test_averaging (Fixture      *fixture,
                gconstpointer user_data)
{
  struct { guint n_not, n_partially, n_fully; const char *level; } cases[] = {
    { 0, 0, 0, NULL },
    { 1, 0, 0, "not-implemented" },
    { 0, 1, 0, "partially-implemented" },
    { 0, 0, 1, "fully-implemented" },
    /* UPR Info's own example: fully and partially make 0.75. */
    { 0, 1, 1, "fully-implemented" },
    { 1, 0, 1, "partially-implemented" },   /* 0.5 */
    { 1, 1, 0, "not-implemented" },         /* 0.25 */
    { 2, 1, 0, "not-implemented" },         /* 0.17 */
    { 1, 2, 0, "partially-implemented" },   /* 0.33: a third goes up */
    { 1, 1, 1, "partially-implemented" },   /* 0.5 */
    { 1, 0, 2, "fully-implemented" },       /* 0.67: two thirds go up */
    { 2, 0, 1, "partially-implemented" },   /* 0.33 */
    { 1, 2, 1, "partially-implemented" },   /* 0.5 */
    { 1, 1, 2, "partially-implemented" },   /* 0.625, below two thirds */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint points = cases[i].n_partially + 2 * cases[i].n_fully;
      guint n = cases[i].n_not + cases[i].n_partially + cases[i].n_fully;

      if (g_strcmp0 (upr_assessment_combine (points, n), cases[i].level) != 0)
        g_error ("%u not, %u partially, %u fully: %s, expected %s", cases[i].n_not,
                 cases[i].n_partially, cases[i].n_fully, upr_assessment_combine (points, n),
                 cases[i].level);
    }
  g_assert_cmpint (upr_assessment_level_points ("fully-implemented"), ==, 2);
  g_assert_cmpint (upr_assessment_level_points ("nonsense"), ==, -1);
}

static void
test_assessments (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = save_review (fixture, "TN", 27, NULL);
  g_autoptr(UprOrganisation) cso_a = save_organisation (fixture, "CSO A", NULL);
  g_autoptr(UprOrganisation) cso_b = save_organisation (fixture, "CSO B", NULL);
  g_autoptr(UprRecommendation) r = save_recommendation (fixture, review, "1", "R");
  g_autoptr(UprRecommendation) none = save_recommendation (fixture, review, "2", "None");
  g_autoptr(GListModel) assessments = NULL;
  g_autoptr(GArray) counts = NULL;
  guint n = 0;

  g_assert_null (upr_store_get_assessed_level (fixture->store, id_of (r), NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  /* The government said fully, then was corrected to not; its latest counts, once. */
  g_object_unref (add_assessment (fixture, r, "government", NULL, "fully-implemented",
                                  "2019-01-01"));
  g_object_unref (add_assessment (fixture, r, "government", NULL, "not-implemented",
                                  "2020-01-01"));
  g_assert_cmpstr (upr_store_get_assessed_level (fixture->store, id_of (r), NULL, &n, &error), ==,
                   "not-implemented");
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (upr_store_get_assessed_level (fixture->store, id_of (r), "2019-06-01", &n,
                                                 &error),
                   ==, "fully-implemented");

  /* Two CSOs are two stakeholders: not 0, partially 0.5, fully 1 → 0.5. */
  g_object_unref (add_assessment (fixture, r, "cso", id_of (cso_a), "partially-implemented",
                                  "2020-02-01"));
  g_object_unref (add_assessment (fixture, r, "cso", id_of (cso_b), "fully-implemented",
                                  "2020-03-01"));
  g_assert_cmpstr (upr_store_get_assessed_level (fixture->store, id_of (r), NULL, &n, &error), ==,
                   "partially-implemented");
  g_assert_cmpuint (n, ==, 3);
  /* Before the second CSO: 0 and 0.5 → 0.25, not implemented. */
  g_assert_cmpstr (upr_store_get_assessed_level (fixture->store, id_of (r), "2020-02-15", &n,
                                                 &error),
                   ==, "not-implemented");
  g_assert_cmpuint (n, ==, 2);

  assessments = upr_store_list_assessments (fixture->store, id_of (r), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 4);

  /* The overview counts the combined level; those never assessed under NULL. */
  counts = count (fixture, "TN", 0, UPR_COUNT_BY_ASSESSMENT, NULL);
  g_assert_cmpuint (counts->len, ==, 4);
  g_assert_cmpuint (count_of (counts, "partially-implemented"), ==, 1);
  g_assert_cmpuint (count_of (counts, "fully-implemented"), ==, 0);
  g_assert_cmpuint (count_of (counts, NULL), ==, 1);
  g_clear_pointer (&counts, g_array_unref);
  counts = count (fixture, "TN", 0, UPR_COUNT_BY_ASSESSMENT, "2019-06-01");
  g_assert_cmpuint (count_of (counts, "fully-implemented"), ==, 1);
  g_assert_cmpuint (count_of (counts, NULL), ==, 1);
  (void) none;
}

/* Counts for the overview */

static void
test_counts (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) cycle_2 = save_review (fixture, "PK", 14, NULL);
  g_autoptr(UprReview) cycle_4 = save_review (fixture, "PK", 42, NULL);
  g_autoptr(UprReview) other = save_review (fixture, "IN", 41, NULL);
  g_autoptr(UprRecommendation) a = save_recommendation (fixture, cycle_4, "1", "A");
  g_autoptr(UprRecommendation) b = save_recommendation (fixture, cycle_4, "2", "B");
  g_autoptr(UprRecommendation) c = save_recommendation (fixture, cycle_4, "3", "C");
  g_autoptr(UprRecommendation) d = save_recommendation (fixture, cycle_2, "4", "D");
  g_autoptr(UprRecommendation) e = save_recommendation (fixture, other, "5", "E");
  g_autoptr(GArray) counts = NULL;
  guint n = 0;

  g_object_set (a, "response", "supported", "action-category", 5, NULL);
  save (fixture, a);
  g_object_set (b, "response", "supported", "action-category", 3, NULL);
  save (fixture, b);
  g_object_set (c, "response", "noted", NULL);
  save (fixture, c);
  g_object_set (d, "response", "supported-in-part", "action-category", 5, NULL);
  save (fixture, d);
  g_object_set (e, "response", "noted", NULL);
  save (fixture, e);
  set_links (fixture, a, "US", "uhri-theme:right-to-health uhri-group:women-and-girls",
             UPR_SDG_BIT (3) | UPR_SDG_BIT (5), "");
  set_links (fixture, b, "US", "uhri-theme:right-to-health", UPR_SDG_BIT (3), "");
  set_links (fixture, c, "", "uhri-theme:right-to-education", 0, "");
  set_links (fixture, e, "", "uhri-theme:right-to-education", UPR_SDG_BIT (4), "");

  /* By response: every response in order, zeros included. */
  counts = upr_store_count_recommendations (fixture->store, "PK", 0, UPR_COUNT_BY_RESPONSE, NULL,
                                            &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (counts->len, ==, 4);
  g_assert_cmpstr (g_array_index (counts, UprCount, 0).key, ==, "supported");
  g_assert_cmpuint (count_of (counts, "supported"), ==, 2);
  g_assert_cmpuint (count_of (counts, "supported-in-part"), ==, 1);
  g_assert_cmpuint (count_of (counts, "noted"), ==, 1);
  g_assert_cmpuint (count_of (counts, "pending"), ==, 0);
  g_clear_pointer (&counts, g_array_unref);

  /* One cycle; every country. */
  counts = count (fixture, "PK", 4, UPR_COUNT_BY_RESPONSE, NULL);
  g_assert_cmpuint (count_of (counts, "supported-in-part"), ==, 0);
  g_assert_cmpuint (count_of (counts, "supported"), ==, 2);
  g_clear_pointer (&counts, g_array_unref);
  counts = count (fixture, NULL, 0, UPR_COUNT_BY_RESPONSE, NULL);
  g_assert_cmpuint (count_of (counts, "noted"), ==, 2);
  g_clear_pointer (&counts, g_array_unref);

  /* Action categories 1–5, then those not categorised. */
  counts = count (fixture, "PK", 0, UPR_COUNT_BY_ACTION_CATEGORY, NULL);
  g_assert_cmpuint (counts->len, ==, 6);
  g_assert_cmpuint (count_of (counts, "5"), ==, 2);
  g_assert_cmpuint (count_of (counts, "3"), ==, 1);
  g_assert_cmpuint (count_of (counts, "1"), ==, 0);
  g_assert_cmpuint (count_of (counts, NULL), ==, 1);
  g_clear_pointer (&counts, g_array_unref);

  /* Themes: those used, most used first, then those without. */
  counts = count (fixture, "PK", 0, UPR_COUNT_BY_UHRI_THEME, NULL);
  g_assert_cmpuint (counts->len, ==, 3);
  g_assert_cmpstr (g_array_index (counts, UprCount, 0).key, ==, "uhri-theme:right-to-health");
  g_assert_cmpuint (g_array_index (counts, UprCount, 0).count, ==, 2);
  g_assert_cmpuint (count_of (counts, "uhri-theme:right-to-education"), ==, 1);
  g_assert_cmpuint (count_of (counts, NULL), ==, 1);
  g_clear_pointer (&counts, g_array_unref);
  counts = count (fixture, "PK", 0, UPR_COUNT_BY_UHRI_GROUP, NULL);
  g_assert_cmpuint (counts->len, ==, 2);
  g_assert_cmpuint (count_of (counts, "uhri-group:women-and-girls"), ==, 1);
  g_assert_cmpuint (count_of (counts, NULL), ==, 3);
  g_clear_pointer (&counts, g_array_unref);
  counts = count (fixture, "PK", 0, UPR_COUNT_BY_UPRINFO_ISSUE, NULL);
  g_assert_cmpuint (counts->len, ==, 1);
  g_assert_cmpuint (count_of (counts, NULL), ==, 4);
  g_clear_pointer (&counts, g_array_unref);

  /* Goals 1–17 in order, then those without. */
  counts = count (fixture, "PK", 0, UPR_COUNT_BY_SDG, NULL);
  g_assert_cmpuint (counts->len, ==, 18);
  g_assert_cmpstr (g_array_index (counts, UprCount, 0).key, ==, "1");
  g_assert_cmpuint (count_of (counts, "3"), ==, 2);
  g_assert_cmpuint (count_of (counts, "5"), ==, 1);
  g_assert_cmpuint (count_of (counts, "4"), ==, 0);
  g_assert_cmpuint (count_of (counts, NULL), ==, 2);
  g_clear_pointer (&counts, g_array_unref);

  /* A country without recommendations. */
  counts = upr_store_count_recommendations (fixture->store, "FJ", 0, UPR_COUNT_BY_STATUS, NULL,
                                            &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (counts->len, ==, 5);
  g_assert_cmpuint (count_of (counts, "not-started"), ==, 0);
}

static void
test_planned_actions (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = save_review (fixture, "MA", 41, NULL);
  g_autoptr(UprRecommendation) r = save_recommendation (fixture, review, "1", "R");
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(GListModel) indicators = NULL;
  struct { const char *text; const char *due; const char *status; } plan[] = {
    { "Later", "2026-06-01", "planned" }, { "Undated", NULL, "planned" },
    { "Soon", "2025-02-01", "in-progress" }, { "Done", "2025-01-15", "completed" },
    { "Past", "2024-01-01", "planned" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(UprPlannedAction) action = upr_planned_action_new ();
      g_autoptr(UprIndicator) indicator = upr_indicator_new ();

      g_object_set (action, "recommendation-id", id_of (r), "text", plan[i].text,
                    "due-date", plan[i].due, "status", plan[i].status, NULL);
      save (fixture, action);
      g_object_set (indicator, "recommendation-id", id_of (r), "text", plan[i].text, NULL);
      save (fixture, indicator);
    }

  actions = upr_store_list_planned_actions (fixture->store, id_of (r), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 5);
  {
    g_autoptr(UprRecord) first = g_list_model_get_item (actions, 0);
    g_autoptr(UprRecord) last = g_list_model_get_item (actions, 4);

    g_assert_cmpstr (upr_record_get_string (first, "text"), ==, "Past");
    g_assert_cmpstr (upr_record_get_string (last, "text"), ==, "Undated");
  }
  indicators = upr_store_list_indicators (fixture->store, id_of (r), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 5);
  {
    g_autoptr(UprRecord) first = g_list_model_get_item (indicators, 0);

    g_assert_cmpstr (upr_record_get_string (first, "text"), ==, "Later");
  }

  /* Due from a date, still open, soonest first. */
  upcoming = upr_store_list_upcoming_actions (fixture->store, "MA", "2025-01-01", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (upcoming), ==, 2);
  {
    g_autoptr(UprRecord) first = g_list_model_get_item (upcoming, 0);

    g_assert_cmpstr (upr_record_get_string (first, "text"), ==, "Soon");
  }
  g_clear_object (&upcoming);
  upcoming = upr_store_list_upcoming_actions (fixture->store, NULL, NULL, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (upcoming), ==, 1);
  g_clear_object (&upcoming);
  upcoming = upr_store_list_upcoming_actions (fixture->store, "FR", NULL, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (upcoming), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add ("/upright/store/recommendations/migrate-2-to-3", Fixture, "no store",
              fixture_set_up, test_migrate_2_to_3, fixture_tear_down);
  ADD ("/upright/store/recommendations/reference-data", test_reference_data);
  ADD ("/upright/store/recommendations/cycle-for-session", test_cycle_for_session);
  ADD ("/upright/store/recommendations/reviews", test_reviews);
  ADD ("/upright/store/recommendations/round-trip", test_round_trip);
  ADD ("/upright/store/recommendations/status-date", test_status_date);
  ADD ("/upright/store/recommendations/constraints", test_constraints);
  ADD ("/upright/store/recommendations/vocab-in-step", test_vocab_in_step);
  ADD ("/upright/store/recommendations/cascades", test_cascades);
  ADD ("/upright/store/recommendations/links", test_links);
  ADD ("/upright/store/recommendations/list", test_list);
  ADD ("/upright/store/recommendations/bulk", test_bulk);
  ADD ("/upright/store/recommendations/trash", test_trash);
  ADD ("/upright/store/recommendations/progress", test_progress);
  ADD ("/upright/store/recommendations/as-of-reviews", test_as_of_reviews);
  ADD ("/upright/store/recommendations/averaging", test_averaging);
  ADD ("/upright/store/recommendations/assessments", test_assessments);
  ADD ("/upright/store/recommendations/counts", test_counts);
  ADD ("/upright/store/recommendations/planned-actions", test_planned_actions);
#undef ADD

  return g_test_run ();
}
