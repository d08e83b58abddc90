/* test-demo.c: the demo data loads whole, covers what it promises (every stakeholder type,
 * the side event's programme with its "tbc" items), and loading it again changes nothing. */
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

#undef ADD

  return g_test_run ();
}
