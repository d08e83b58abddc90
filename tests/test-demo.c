/* test-demo.c: the demo data loads whole, covers what it promises (every stakeholder type,
 * the side event's programme with its "tbc" items, 40 real recommendations of the Congo with
 * their implementation, the same as in UPR Info's data), and loading it again changes
 * nothing. Usage: test-demo [PATH-OF-1-5.csv] */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "upr-agenda-item.h"
#include "upr-attendance.h"
#include "upr-context.h"
#include "upr-demo.h"
#include "upr-organisation.h"
#include "upr-participant-list.h"
#include "upr-participant.h"
#include "upr-person.h"
#include "upr-recommendation.h"
#include "upr-recommendation-row.h"
#include "upr-review.h"
#include "upr-store.h"
#include "upr-vocab.h"
#include "upr-workshop.h"

typedef struct
{
  char     *dir;
  char     *path;
  UprStore *store;
} Fixture;

typedef struct
{
  const char *country_code;
  const char *kind;
  guint       n_agenda;
  guint       n_tbc;
  guint       n_participants;
} Expected;

static const Expected expected[] = {
  { "CH", "side-event", 8, 2, 0 },
  { "CD", "implementation-planning", 7, 1, 31 },
  { "GE", "consultation", 5, 1, 7 },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("upright-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
  fixture->store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
load_demo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (upr_demo_load (fixture->store, &error));
  g_assert_no_error (error);
}

/* The only workshop of @country_code. */
static UprWorkshop *
workshop_of (Fixture    *fixture,
             const char *country_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workshops = upr_store_list_workshops (fixture->store, country_code,
                                                              &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 1);
  return g_list_model_get_item (workshops, 0);
}

static UprParticipantList *
participants_of (UprContext  *context,
                 UprWorkshop *workshop)
{
  g_autoptr(GError) error = NULL;
  UprParticipantList *list =
    upr_participant_list_new (context, upr_record_get_id (UPR_RECORD (workshop)), &error);

  g_assert_no_error (error);
  return list;
}

static void
test_demo_contents (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprContext) context = NULL;

  load_demo (fixture);
  context = upr_context_new (fixture->store, NULL);
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 3);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(UprWorkshop) workshop = workshop_of (fixture, expected[i].country_code);
      g_autoptr(GListModel) agenda = NULL;
      g_autoptr(UprParticipantList) list = NULL;
      guint n_tbc = 0;

      g_assert_cmpstr (upr_record_get_string (UPR_RECORD (workshop), "kind"), ==,
                       expected[i].kind);
      g_assert_cmpint (upr_record_get_int (UPR_RECORD (workshop), "cycle"), ==, 4);
      agenda = upr_store_list_agenda (fixture->store, upr_record_get_id (UPR_RECORD (workshop)),
                                      &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, expected[i].n_agenda);
      for (guint j = 0; j < expected[i].n_agenda; j++)
        {
          g_autoptr(UprRecord) item = g_list_model_get_item (agenda, j);

          g_assert_cmpint (upr_record_get_int (item, "position"), ==, (int) j);
          g_assert_nonnull (upr_record_get_string (item, "time"));
          g_assert_cmpint (upr_vocab_index (UPR_VOCAB_AGENDA_ROLE,
                                            upr_record_get_string (item, "role")), >=, 0);
          if (!upr_record_get_int (item, "confirmed"))
            n_tbc++;
        }
      g_assert_cmpuint (n_tbc, ==, expected[i].n_tbc);

      list = participants_of (context, workshop);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                        expected[i].n_participants);
    }
}

static void
test_demo_side_event (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(UprWorkshop) workshop = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(UprRecord) first = NULL;
  g_autoptr(UprRecord) last = NULL;
  g_autoptr(GError) error = NULL;
  UprRecord *record;

  load_demo (fixture);
  workshop = workshop_of (fixture, "CH");
  record = UPR_RECORD (workshop);
  g_assert_cmpstr (upr_record_get_string (record, "title"), ==,
                   "UPR Implementation: Best Practices and challenges for the 4th UPR cycle");
  g_assert_cmpstr (upr_record_get_string (record, "start-date"), ==, "2023-03-27");
  g_assert_cmpstr (upr_record_get_string (record, "start-time"), ==, "13:00");
  g_assert_cmpstr (upr_record_get_string (record, "end-time"), ==, "14:00");
  g_assert_cmpstr (upr_record_get_string (record, "format"), ==, "hybrid");
  g_assert_cmpstr (upr_record_get_string (record, "languages"), ==, "English");
  g_assert_cmpstr (upr_record_get_string (record, "organisers"), ==, "UPR Info");
  g_assert_nonnull (strstr (upr_record_get_string (record, "venue"), "Room XXII"));

  /* The programme fills the hour: it starts at 13:00 and the Q&A ends it at 14:00. */
  agenda = upr_store_list_agenda (fixture->store, upr_record_get_id (record), &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (agenda, 0);
  last = g_list_model_get_item (agenda, g_list_model_get_n_items (agenda) - 1);
  g_assert_cmpstr (upr_record_get_string (first, "role"), ==, "welcome");
  g_assert_cmpstr (upr_record_get_string (first, "time"), ==, "13:00");
  g_assert_cmpstr (upr_record_get_string (first, "speaker"), ==, "Chief, UPR Branch");
  g_assert_nonnull (upr_record_get_string (first, "organisation-id"));
  g_assert_cmpstr (upr_record_get_string (last, "role"), ==, "discussion");
  g_assert_cmpstr (upr_record_get_string (last, "time"), ==, "13:45");
  g_assert_cmpint (upr_record_get_int (last, "duration-minutes"), ==, 15);
}

static void
test_demo_participants (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(UprContext) context = NULL;
  g_autoptr(UprWorkshop) workshop = NULL;
  g_autoptr(UprParticipantList) list = NULL;
  const UprVocabEntry *entries;
  guint n_entries, n, n_attended;
  gboolean registrations[4] = { FALSE };
  gboolean consents[4] = { FALSE };
  gboolean online = FALSE;

  load_demo (fixture);
  context = upr_context_new (fixture->store, NULL);
  workshop = workshop_of (fixture, "CD");
  list = participants_of (context, workshop);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >=, 28);

  entries = upr_vocab_entries (UPR_VOCAB_STAKEHOLDER_TYPE, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      if (upr_participant_list_count_stakeholder (list, entries[i].id) == 0)
        g_error ("No demo participant of stakeholder type “%s”", entries[i].id);
    }
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, NULL), ==, 0);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "prefer-not-to-say"), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "self-described"), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (list, NULL), ==, 0);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "woman"), >=, n / 3);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "man"), >=, n / 3);

  /* Mostly attended, some not; both modes; every consent scope. */
  n_attended = upr_participant_list_count_attended (list);
  g_assert_cmpuint (n_attended, >=, n * 2 / 3);
  g_assert_cmpuint (n_attended, <, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprParticipant) participant = g_list_model_get_item (G_LIST_MODEL (list), i);
      UprRecord *attendance = UPR_RECORD (upr_participant_get_attendance (participant));
      UprRecord *person = UPR_RECORD (upr_participant_get_person (participant));
      const char *email = upr_record_get_string (person, "email");
      const char *consent = upr_record_get_string (person, "consent-scope");
      int registration = upr_vocab_index (UPR_VOCAB_REGISTRATION,
                                          upr_record_get_string (attendance, "registration"));

      g_assert_cmpint (registration, >=, 0);
      registrations[registration] = TRUE;
      consents[upr_vocab_index (UPR_VOCAB_CONSENT_SCOPE, consent)] = TRUE;
      online |= g_strcmp0 (upr_record_get_string (attendance, "mode"), "online") == 0;
      /* Fictitious: no address outside example.org, consent dated when given. */
      g_assert_true (email == NULL || g_str_has_suffix (email, "@example.org"));
      g_assert_true ((g_strcmp0 (consent, "none") == 0)
                     == (upr_record_get_string (person, "consent-date") == NULL));
      if (g_strcmp0 (upr_record_get_string (attendance, "registration"), "attended") == 0)
        g_assert_cmpint (upr_record_get_int (attendance, "days-attended"), >=, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (registrations); i++)
    g_assert_true (registrations[i]);
  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    g_assert_true (consents[i]);
  g_assert_true (online);
}

static void
test_demo_organisations (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GListModel) congolese = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  load_demo (fixture);
  congolese = upr_store_list_organisations (fixture->store, "CD", &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (congolese);
  g_assert_cmpuint (n, >=, 12);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) organisation = g_list_model_get_item (congolese, i);

      g_assert_cmpint (upr_vocab_index (UPR_VOCAB_STAKEHOLDER_TYPE,
                                        upr_record_get_string (organisation, "stakeholder-type")),
                       >=, 0);
    }
}

static void
test_demo_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) organisations = NULL;
  gint64 n_changes;
  guint n_organisations;

  load_demo (fixture);
  n_changes = upr_store_count_changes (fixture->store);
  g_assert_cmpint (n_changes, >, 0);
  organisations = upr_store_list_organisations (fixture->store, NULL, &error);
  g_assert_no_error (error);
  n_organisations = g_list_model_get_n_items (organisations);
  g_clear_object (&organisations);

  load_demo (fixture);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 3);
  g_assert_no_error (error);
  organisations = upr_store_list_organisations (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, n_organisations);
}

/* A trainer who deleted a demo workshop gets it back; the rest is left as it is. */
static void
test_demo_restores_trashed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkshop) workshop = NULL;
  g_autoptr(UprWorkshop) back = NULL;

  load_demo (fixture);
  workshop = workshop_of (fixture, "GE");
  upr_store_trash_workshop (fixture->store, workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 2);

  load_demo (fixture);
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 3);
  back = workshop_of (fixture, "GE");
  g_assert_cmpstr (upr_record_get_id (UPR_RECORD (back)), ==,
                   upr_record_get_id (UPR_RECORD (workshop)));
}

/* Deleted for good, it comes back whole; the people it named are known still and are not
 * duplicated. */
static void
test_demo_after_purge (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkshop) workshop = NULL;
  g_autoptr(UprWorkshop) back = NULL;
  g_autoptr(UprContext) context = NULL;
  g_autoptr(UprParticipantList) list = NULL;
  g_autoptr(GListModel) people = NULL;

  load_demo (fixture);
  workshop = workshop_of (fixture, "GE");
  upr_store_trash_workshop (fixture->store, workshop, &error);
  g_assert_no_error (error);
  upr_store_purge_trash (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 2);

  load_demo (fixture);
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 3);
  back = workshop_of (fixture, "GE");
  context = upr_context_new (fixture->store, NULL);
  list = participants_of (context, back);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  people = upr_store_find_people (fixture->store, "Nino Beridze", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
}

/* An organisation the user already has is used, not duplicated. */
static void
test_demo_reuses_organisation (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(UprOrganisation) mine = upr_organisation_new ();
  g_autoptr(GListModel) congolese = NULL;
  g_autoptr(GError) error = NULL;
  guint n_named = 0;

  g_object_set (mine, "name", "Commission nationale des droits de l'homme",
                "stakeholder-type", "nhri", "country-code", "CD", NULL);
  upr_store_save (fixture->store, UPR_RECORD (mine), &error);
  g_assert_no_error (error);

  load_demo (fixture);
  congolese = upr_store_list_organisations (fixture->store, "CD", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (congolese); i++)
    {
      g_autoptr(UprRecord) organisation = g_list_model_get_item (congolese, i);

      if (g_strcmp0 (upr_record_get_string (organisation, "acronym"), "CNDH") == 0
          || g_str_has_prefix (upr_record_get_string (organisation, "name"),
                               "Commission nationale des droits"))
        n_named++;
    }
  g_assert_cmpuint (n_named, ==, 1);
}

/* Recommendations: the Republic of the Congo's first review. */

static GListModel *
congo_rows (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GListModel *rows = upr_store_list_recommendations (fixture->store, "CG", 0, &error);

  g_assert_no_error (error);
  return rows;
}

static UprRecord *
full_recommendation (Fixture              *fixture,
                     UprRecommendationRow *row)
{
  g_autoptr(GError) error = NULL;
  UprRecord *record = upr_store_load (fixture->store, UPR_TYPE_RECOMMENDATION,
                                      upr_recommendation_row_get_id (row), &error);

  g_assert_no_error (error);
  return record;
}

static void
test_demo_recommendations (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint n, n_noted = 0, n_with_history = 0, n_actions = 0, n_indicators = 0, n_overdue = 0;
  guint n_led = 0, n_supported = 0, n_themed = 0, n_sdg = 0, n_two_states = 0;

  load_demo (fixture);
  rows = congo_rows (fixture);
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, ==, 40);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);
      const char *id = upr_recommendation_row_get_id (row);
      g_autoptr(UprRecord) record = full_recommendation (fixture, row);
      g_autoptr(GListModel) updates = upr_store_list_progress_updates (fixture->store, id, NULL);
      g_autoptr(GListModel) actions = upr_store_list_planned_actions (fixture->store, id, NULL);
      g_autoptr(GListModel) indicators = upr_store_list_indicators (fixture->store, id, NULL);
      g_autoptr(GListModel) assessments = upr_store_list_assessments (fixture->store, id, NULL);
      guint n_states = g_strv_length ((char **) upr_recommendation_row_get_states (row));

      g_assert_cmpint (upr_recommendation_row_get_session (row), ==, 5);
      g_assert_cmpint (upr_recommendation_row_get_cycle (row), ==, 1);
      g_assert_cmpint (upr_recommendation_row_get_action_category (row), >=, 1);
      g_assert_cmpstr (upr_record_get_string (record, "source-file"), ==, "1-5.csv");
      g_assert_cmpint (upr_record_get_int (record, "source-row"), >, 1);
      g_assert_cmpuint (n_states, >=, 1);
      n_two_states += n_states == 2;
      n_noted += g_strcmp0 (upr_recommendation_row_get_response (row), "noted") == 0;
      n_led += upr_recommendation_row_get_lead_organisation_id (row) != NULL;
      n_supported += upr_recommendation_row_get_supporting_organisations (row)[0] != NULL;
      n_themed += upr_recommendation_row_get_terms (row)[0] != NULL;
      n_sdg += upr_recommendation_row_get_sdg_goals (row) != 0;

      /* The current status is the last one reported. */
      g_assert_nonnull (updates);
      n_with_history += g_list_model_get_n_items (updates) > 0;
      g_assert_cmpstr (upr_store_get_status_as_of (fixture->store, id, "9999-12-31", &error), ==,
                       upr_recommendation_row_get_status (row));
      g_assert_no_error (error);

      n_actions += g_list_model_get_n_items (actions);
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(UprRecord) action = g_list_model_get_item (actions, j);
          const char *due = upr_record_get_string (action, "due-date");
          const char *status = upr_record_get_string (action, "status");

          g_assert_nonnull (upr_record_get_string (action, "organisation-id"));
          n_overdue += due != NULL && strcmp (due, "2026-01-01") < 0
                       && (g_str_equal (status, "planned") || g_str_equal (status, "in-progress"));
        }
      n_indicators += g_list_model_get_n_items (indicators);
      for (guint j = 0; j < g_list_model_get_n_items (assessments); j++)
        {
          g_autoptr(UprRecord) assessment = g_list_model_get_item (assessments, j);

          g_hash_table_add (sources, (gpointer) g_intern_string (upr_record_get_string (assessment,
                                                                                        "source")));
        }
    }
  /* Some noted, most led by an institution, every kind of implementation data. */
  g_assert_cmpuint (n_noted, >=, 4);
  g_assert_cmpuint (n_two_states, >=, 2);
  g_assert_cmpuint (n_led, >=, 30);
  g_assert_cmpuint (n_supported, >=, 20);
  g_assert_cmpuint (n_themed, ==, n);
  g_assert_cmpuint (n_sdg, >=, 30);
  g_assert_cmpuint (n_with_history, >=, 25);
  g_assert_cmpuint (n_actions, >=, 15);
  g_assert_cmpuint (n_overdue, >=, 3);
  g_assert_cmpuint (n_indicators, >=, 10);
  g_assert_cmpuint (g_hash_table_size (sources), ==, 4);
}

/* The overview has something to show: every status but "not applicable" is used. */
static void
test_demo_recommendation_counts (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GArray) by_status = NULL;
  g_autoptr(GArray) by_assessment = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GError) error = NULL;
  guint n_counted = 0, n_before = 0, n_assessed = 0;

  load_demo (fixture);
  by_status = upr_store_count_recommendations (fixture->store, "CG", 0, UPR_COUNT_BY_STATUS,
                                               NULL, &n_counted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_counted, ==, 40);
  for (guint i = 0; i < by_status->len; i++)
    {
      UprCount *count = &g_array_index (by_status, UprCount, i);

      if (g_strcmp0 (count->key, "not-applicable") != 0)
        g_assert_cmpuint (count->count, >, 0);
    }
  by_assessment = upr_store_count_recommendations (fixture->store, "CG", 0,
                                                   UPR_COUNT_BY_ASSESSMENT, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < by_assessment->len; i++)
    {
      UprCount *count = &g_array_index (by_assessment, UprCount, i);

      if (count->key != NULL)
        n_assessed += count->count;
    }
  g_assert_cmpuint (n_assessed, >=, 20);

  /* History: at the end of 2010 less had moved than at the end of 2013. */
  before = upr_store_count_recommendations (fixture->store, "CG", 0, UPR_COUNT_BY_STATUS,
                                            "2010-12-31", &n_before, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    {
      UprCount *then = &g_array_index (before, UprCount, i);
      UprCount *now = &g_array_index (by_status, UprCount, i);

      g_assert_cmpstr (then->key, ==, now->key);
      if (g_strcmp0 (then->key, "not-started") == 0)
        g_assert_cmpuint (then->count, >, now->count);
    }
}

/* The recommendations are UPR Info's: each one's text, response and category are those of
 * the row of 1-5.csv it cites. */
static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  for (const char *p = contents; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (!quoted && (*p == '\r' || *p == '\n'))
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
        }
      else
        g_string_append_c (field, *p);
    }
  return records;
}

static void
test_demo_recommendations_real (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *csv = data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GListModel) rows = NULL;

  if (csv == NULL)
    {
      g_test_skip ("tests/data/1-5.csv was not given");
      return;
    }
  records = read_csv (csv);
  g_assert_cmpuint (records->len, >, 6000);
  load_demo (fixture);
  rows = congo_rows (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);
      g_autoptr(UprRecord) record = full_recommendation (fixture, row);
      guint number = (guint) upr_record_get_int (record, "source-row");
      char **cells;
      g_autofree char *text = NULL;
      g_autofree char *category = NULL;

      g_assert_cmpuint (number, <=, records->len);
      cells = g_ptr_array_index (records, number - 1);
      g_assert_cmpuint (g_strv_length (cells), ==, 11);
      text = g_strstrip (g_strdup (cells[3]));
      category = g_strdup_printf ("%d", upr_recommendation_row_get_action_category (row));
      g_assert_cmpstr (cells[0], ==, "Republic of Congo");
      g_assert_cmpstr (cells[10], ==, "5");
      g_assert_cmpstr (upr_recommendation_row_get_text (row), ==, text);
      g_assert_cmpstr (cells[8], ==, category);
      g_assert_cmpstr (upr_recommendation_row_get_response (row), ==,
                       g_str_equal (cells[7], "Noted") ? "noted" : "supported");
    }
}

/* Deleted or edited, a demo recommendation is left as the user has it; one in the trash
 * comes back; one the user imported from the same data is not added twice. */
static void
test_demo_recommendations_twice (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(UprRecommendationRow) first = NULL;
  g_autoptr(UprRecommendationRow) second = NULL;
  g_autoptr(UprRecord) edited = NULL;
  g_autoptr(UprRecord) after = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  const char *trashed[2] = { NULL, NULL };
  gint64 n_changes;

  load_demo (fixture);
  rows = congo_rows (fixture);
  /* The first with planned actions, and another. */
  for (guint i = 0; first == NULL; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);

      g_assert_nonnull (row);
      actions = upr_store_list_planned_actions (fixture->store,
                                                upr_recommendation_row_get_id (row), &error);
      g_assert_no_error (error);
      if (g_list_model_get_n_items (actions) > 0)
        {
          first = g_steal_pointer (&row);
          second = g_list_model_get_item (rows, i == 0 ? 1 : 0);
        }
      else
        g_clear_object (&actions);
    }
  edited = full_recommendation (fixture, first);
  upr_record_set_string (edited, "cluster", "Mine");
  upr_store_save (fixture->store, edited, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(UprRecord) action = g_list_model_get_item (actions, i);

      upr_store_delete (fixture->store, action, &error);
      g_assert_no_error (error);
    }
  trashed[0] = upr_recommendation_row_get_id (second);
  upr_store_trash_recommendations (fixture->store, trashed, &error);
  g_assert_no_error (error);
  g_clear_object (&rows);
  rows = congo_rows (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 39);

  load_demo (fixture);
  g_clear_object (&rows);
  rows = congo_rows (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 40);
  after = full_recommendation (fixture, first);
  g_assert_cmpstr (upr_record_get_string (after, "cluster"), ==, "Mine");
  g_clear_object (&actions);
  actions = upr_store_list_planned_actions (fixture->store, upr_record_get_id (after), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 0);

  /* A third time nothing changes at all. */
  n_changes = upr_store_count_changes (fixture->store);
  load_demo (fixture);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
}

static void
test_demo_after_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = upr_store_ensure_review (fixture->store, "CG", 5, &error);
  g_autoptr(UprRecommendation) imported = upr_recommendation_new ();
  g_autoptr(GListModel) rows = NULL;
  guint n_same = 0;

  /* As an import of 1-5.csv would have it (the file's trailing space trimmed). */
  g_assert_no_error (error);
  g_object_set (imported,
                "review-id", upr_record_get_id (UPR_RECORD (review)),
                "text", "Abolish capital punishment.",
                "response", "supported",
                NULL);
  upr_store_save (fixture->store, UPR_RECORD (imported), &error);
  g_assert_no_error (error);

  load_demo (fixture);
  rows = congo_rows (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 40);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);

      n_same += g_strcmp0 (upr_recommendation_row_get_text (row),
                           "Abolish capital punishment.") == 0;
    }
  g_assert_cmpuint (n_same, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/upright/demo/contents", test_demo_contents);
  ADD ("/upright/demo/side-event", test_demo_side_event);
  ADD ("/upright/demo/participants", test_demo_participants);
  ADD ("/upright/demo/organisations", test_demo_organisations);
  ADD ("/upright/demo/twice", test_demo_twice);
  ADD ("/upright/demo/restores-trashed", test_demo_restores_trashed);
  ADD ("/upright/demo/after-purge", test_demo_after_purge);
  ADD ("/upright/demo/reuses-organisation", test_demo_reuses_organisation);
  ADD ("/upright/demo/recommendations", test_demo_recommendations);
  ADD ("/upright/demo/recommendation-counts", test_demo_recommendation_counts);
  ADD ("/upright/demo/recommendations-twice", test_demo_recommendations_twice);
  ADD ("/upright/demo/after-import", test_demo_after_import);
  /* The data file is the first argument (tests/meson.build). */
  g_test_add ("/upright/demo/recommendations-real", Fixture, argc > 1 ? argv[1] : NULL,
              fixture_set_up, test_demo_recommendations_real, fixture_tear_down);

#undef ADD

  return g_test_run ();
}
