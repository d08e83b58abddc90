/* test-model.c: the context (officer binding, shared lists kept as the same objects), the
 * participant row (derived properties and their notifications) and the participant list
 * (loading, adding, refusing a duplicate, live counts, removal and Undo). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "upr-attendance.h"
#include "upr-context.h"
#include "upr-country.h"
#include "upr-fold.h"
#include "upr-organisation.h"
#include "upr-participant-list.h"
#include "upr-participant.h"
#include "upr-person.h"
#include "upr-recommendation.h"
#include "upr-review.h"
#include "upr-store.h"
#include "upr-workshop.h"

typedef struct
{
  char       *dir;
  char       *path;
  UprStore   *store;
  GSettings  *settings;
  UprContext *context;
} Fixture;

/* Records of the signals a model emitted. */
typedef struct
{
  guint n_calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("upright-model-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
  fixture->store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new ("org.upr_info.Upright");
  g_settings_reset (fixture->settings, "officer-name");
  fixture->context = upr_context_new (fixture->store, fixture->settings);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
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
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *record = user_data;

  record->n_calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
counts_changed_cb (UprParticipantList *list,
                   gpointer            user_data)
{
  (*(guint *) user_data)++;
}

static char *
save_workshop (Fixture    *fixture,
               const char *country_code,
               const char *title)
{
  g_autoptr(UprWorkshop) workshop = upr_workshop_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "country-code", country_code, "title", title, NULL);
  upr_store_save (fixture->store, UPR_RECORD (workshop), &error);
  g_assert_no_error (error);
  return g_strdup (upr_record_get_id (UPR_RECORD (workshop)));
}

static UprOrganisation *
ensure_organisation (Fixture    *fixture,
                     const char *name,
                     const char *type)
{
  g_autoptr(GError) error = NULL;
  UprOrganisation *organisation =
    upr_context_ensure_organisation (fixture->context, name, type, "CD", &error);

  g_assert_no_error (error);
  g_assert_nonnull (organisation);
  return organisation;
}

static UprPerson *
make_person (const char      *name,
             const char      *gender,
             UprOrganisation *organisation)
{
  UprPerson *person = upr_person_new ();

  g_object_set (person,
                "name", name,
                "gender", gender,
                "organisation-id", organisation != NULL
                                   ? upr_record_get_id (UPR_RECORD (organisation)) : NULL,
                NULL);
  return person;
}

static UprParticipant *
add (UprParticipantList *list,
     UprPerson          *person,
     const char         *registration)
{
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  g_autoptr(GError) error = NULL;
  UprParticipant *participant;

  upr_record_set_string (UPR_RECORD (attendance), "registration", registration);
  participant = upr_participant_list_add (list, person, attendance, &error);
  g_assert_no_error (error);
  g_assert_nonnull (participant);
  return participant;
}

/* Context */

static void
test_context_officer (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *last = NULL;
  g_autofree char *setting = NULL;

  g_settings_set_string (fixture->settings, "officer-name", "Officer One");
  drain_main_context ();
  g_assert_cmpstr (upr_store_get_officer (fixture->store), ==, "Officer One");

  id = save_workshop (fixture, "CD", "Atelier");
  last = upr_store_describe_last_change (fixture->store);
  g_assert_nonnull (strstr (last, "Officer One"));

  /* The binding goes one way: the store does not write the setting. */
  upr_store_set_officer (fixture->store, "Someone else");
  setting = g_settings_get_string (fixture->settings, "officer-name");
  g_assert_cmpstr (setting, ==, "Officer One");

  g_settings_set_string (fixture->settings, "officer-name", "Officer Two");
  drain_main_context ();
  g_assert_cmpstr (upr_store_get_officer (fixture->store), ==, "Officer Two");
}

static void
test_context_countries (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *countries = upr_context_get_countries (fixture->context);
  ItemsChanged changes = { 0 };
  g_autoptr(UprCountry) first = NULL;
  g_autoptr(UprCountry) second = NULL;
  g_autoptr(UprCountry) found = NULL;
  g_autoptr(UprWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *other_id = NULL;
  guint n;

  n = g_list_model_get_n_items (countries);
  g_assert_cmpuint (n, >=, 193);
  g_assert_true (g_list_model_get_item_type (countries) == UPR_TYPE_COUNTRY);
  second = g_list_model_get_item (countries, 1);
  g_signal_connect (countries, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  id = save_workshop (fixture, "GE", "Consultation");

  /* Refilled in place, in one change, with the country that has data first; the rows
   * before its old place are replaced, those after it are kept. */
  g_assert_true (upr_context_get_countries (fixture->context) == countries);
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, n);
  g_assert_cmpuint (changes.n_calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, changes.added);
  g_assert_cmpuint (changes.added, <, n);
  first = g_list_model_get_item (countries, 0);
  g_assert_cmpstr (upr_country_get_code (first), ==, "GE");
  g_assert_cmpint (upr_country_get_n_workshops (first), ==, 1);
  g_clear_object (&second);
  second = g_list_model_get_item (countries, 1);
  g_assert_cmpstr (upr_country_get_code (second), !=, "GE");

  found = upr_context_find_country (fixture->context, "ge");
  g_assert_true (found == first);
  g_assert_null (upr_context_find_country (fixture->context, "ZZ"));
  g_assert_null (upr_context_find_country (fixture->context, NULL));

  /* A second workshop there changes one row only. */
  other_id = save_workshop (fixture, "GE", "Training");
  g_assert_cmpuint (changes.n_calls, ==, 2);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (countries, 0);
  g_assert_cmpint (upr_country_get_n_workshops (first), ==, 2);

  /* Editing a workshop changes nothing the sidebar shows: no change at all. */
  workshop = UPR_WORKSHOP (upr_store_load (fixture->store, UPR_TYPE_WORKSHOP, id, &error));
  g_assert_no_error (error);
  upr_record_set_string (UPR_RECORD (workshop), "title", "Consultation nationale");
  upr_store_save (fixture->store, UPR_RECORD (workshop), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_calls, ==, 2);

  g_signal_handlers_disconnect_by_data (countries, &changes);
}

/* A country whose recommendations are in Upright is worked on, even before any workshop. */
static void
test_context_countries_recommendations (Fixture       *fixture,
                                        gconstpointer  data)
{
  GListModel *countries = upr_context_get_countries (fixture->context);
  g_autoptr(UprReview) review = NULL;
  g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
  g_autoptr(UprCountry) first = NULL;
  g_autoptr(GError) error = NULL;

  review = upr_store_ensure_review (fixture->store, "KG", 49, &error);
  g_assert_no_error (error);
  upr_record_set_string (UPR_RECORD (recommendation), "review-id",
                         upr_record_get_id (UPR_RECORD (review)));
  upr_record_set_string (UPR_RECORD (recommendation), "text",
                         "Establish a national mechanism for implementation");
  upr_store_save (fixture->store, UPR_RECORD (recommendation), &error);
  g_assert_no_error (error);

  g_assert_true (upr_context_get_countries (fixture->context) == countries);
  first = g_list_model_get_item (countries, 0);
  g_assert_cmpstr (upr_country_get_code (first), ==, "KG");
  g_assert_cmpint (upr_country_get_n_workshops (first), ==, 0);
  g_assert_cmpint (upr_country_get_n_recommendations (first), ==, 1);
  g_assert_true (upr_country_has_data (first));
}

static void
test_context_organisations (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *organisations = upr_context_get_organisations (fixture->context);
  ItemsChanged changes = { 0 };
  g_autoptr(UprOrganisation) created = NULL;
  g_autoptr(UprOrganisation) same = NULL;
  g_autoptr(UprOrganisation) by_acronym = NULL;
  g_autoptr(UprOrganisation) listed = NULL;
  g_autoptr(UprOrganisation) failed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, 0);
  g_signal_connect (organisations, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  created = ensure_organisation (fixture, "  Commission nationale des droits de l’homme ", "nhri");
  g_assert_nonnull (upr_record_get_id (UPR_RECORD (created)));
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (created), "name"), ==,
                   "Commission nationale des droits de l’homme");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (created), "country-code"), ==, "CD");
  g_assert_true (upr_context_get_organisations (fixture->context) == organisations);
  g_assert_cmpuint (changes.n_calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, 1);
  listed = g_list_model_get_item (organisations, 0);
  g_assert_cmpstr (upr_record_get_id (UPR_RECORD (listed)), ==,
                   upr_record_get_id (UPR_RECORD (created)));

  /* Typed differently, it is the same organisation, kept with its own type. */
  same = ensure_organisation (fixture, "COMMISSION NATIONALE DES DROITS DE L'HOMME", "cso");
  g_assert_cmpstr (upr_record_get_id (UPR_RECORD (same)), ==,
                   upr_record_get_id (UPR_RECORD (created)));
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (same), "stakeholder-type"), ==, "nhri");
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, 1);

  upr_record_set_string (UPR_RECORD (created), "acronym", "CNDH");
  upr_store_save (fixture->store, UPR_RECORD (created), &error);
  g_assert_no_error (error);
  by_acronym = ensure_organisation (fixture, "cndh", NULL);
  g_assert_cmpstr (upr_record_get_id (UPR_RECORD (by_acronym)), ==,
                   upr_record_get_id (UPR_RECORD (created)));
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, 1);

  g_clear_object (&listed);
  g_clear_object (&same);
  same = ensure_organisation (fixture, "Radio Tomisa FM", NULL);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (same), "stakeholder-type"), ==, "other");
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, 2);

  /* A rename shows at once, even within the second of the last change. */
  upr_record_set_string (UPR_RECORD (created), "name", "CNDH de la RDC");
  upr_store_save (fixture->store, UPR_RECORD (created), &error);
  g_assert_no_error (error);
  upr_record_set_string (UPR_RECORD (created), "name", "Commission nationale (RDC)");
  upr_store_save (fixture->store, UPR_RECORD (created), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, 2);
  listed = g_list_model_get_item (organisations, 0);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (listed), "name"), ==,
                   "Commission nationale (RDC)");

  failed = upr_context_ensure_organisation (fixture->context, "   ", "cso", "CD", &error);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_assert_null (failed);
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, 2);

  g_signal_handlers_disconnect_by_data (organisations, &changes);
}

/* Participant */

static void
test_participant_derived (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(UprOrganisation) organisation = upr_organisation_new ();
  g_autoptr(UprOrganisation) other = upr_organisation_new ();
  g_autoptr(UprPerson) person = upr_person_new ();
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  g_autoptr(UprParticipant) participant = NULL;
  g_autofree char *label = NULL;
  g_autofree char *folded_query = NULL;
  const char *key;
  guint n_gender = 0, n_gender_label = 0, n_key = 0, n_organisation = 0, n_stakeholder = 0;
  guint n_registration = 0;

  g_object_set (organisation, "name", "Conseil national des droits de l’homme",
                "acronym", "CNDH", "stakeholder-type", "nhri", NULL);
  g_object_set (other, "name", "Réseau jeunesse", "stakeholder-type", "cso", NULL);
  g_object_set (person, "name", "Élodie Mbala", "honorific", "Mme",
                "email", "elodie.mbala@example.org", "gender", "woman", NULL);
  participant = upr_participant_new (attendance, person, organisation);

  g_assert_cmpstr (upr_participant_get_name (participant), ==, "Élodie Mbala");
  g_object_get (participant, "gender-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Woman");
  g_clear_pointer (&label, g_free);
  g_object_get (participant, "stakeholder-label", &label, NULL);
  g_assert_cmpstr (label, ==, "National human rights institution");
  g_clear_pointer (&label, g_free);
  g_object_get (participant, "registration-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Attended");
  g_clear_pointer (&label, g_free);

  key = upr_participant_get_search_key (participant);
  g_assert_true (upr_participant_get_search_key (participant) == key); /* kept, not rebuilt */
  folded_query = upr_fold ("elodie CÔTE cndh d'homme");
  g_assert_false (upr_fold_match (key, folded_query));
  g_clear_pointer (&folded_query, g_free);
  folded_query = upr_fold ("ELODIE conseil national l'homme cndh example");
  g_assert_true (upr_fold_match (key, folded_query));

  g_signal_connect (participant, "notify::gender", G_CALLBACK (notified_cb), &n_gender);
  g_signal_connect (participant, "notify::gender-label", G_CALLBACK (notified_cb), &n_gender_label);
  g_signal_connect (participant, "notify::search-key", G_CALLBACK (notified_cb), &n_key);
  g_signal_connect (participant, "notify::organisation-name", G_CALLBACK (notified_cb),
                    &n_organisation);
  g_signal_connect (participant, "notify::stakeholder-type", G_CALLBACK (notified_cb),
                    &n_stakeholder);
  g_signal_connect (participant, "notify::registration-label", G_CALLBACK (notified_cb),
                    &n_registration);

  /* The person described their gender: shown in their own words. */
  g_object_set (person, "gender", "self-described", "gender-description", "Genre fluide", NULL);
  g_assert_cmpuint (n_gender, ==, 1);
  g_assert_cmpuint (n_gender_label, ==, 2);
  g_assert_cmpuint (n_key, ==, 0);
  g_object_get (participant, "gender-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Genre fluide");
  g_clear_pointer (&label, g_free);

  upr_record_set_string (UPR_RECORD (organisation), "name", "Conseil national (Côte d’Ivoire)");
  g_assert_cmpuint (n_organisation, ==, 1);
  g_assert_cmpuint (n_key, ==, 1);
  g_clear_pointer (&folded_query, g_free);
  folded_query = upr_fold ("cote d'ivoire");
  g_assert_true (upr_fold_match (upr_participant_get_search_key (participant), folded_query));

  upr_record_set_string (UPR_RECORD (attendance), "registration", "absent");
  g_assert_cmpuint (n_registration, ==, 1);

  /* A new organisation: the old one no longer feeds the row, the person points to it. */
  upr_record_set_string (UPR_RECORD (other), "id", "c0ffee00-0000-4000-8000-000000000001");
  upr_participant_set_organisation (participant, other);
  g_assert_cmpuint (n_stakeholder, ==, 1);
  g_assert_cmpuint (n_organisation, ==, 2);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (person), "organisation-id"), ==,
                   "c0ffee00-0000-4000-8000-000000000001");
  g_object_get (participant, "stakeholder-type", &label, NULL);
  g_assert_cmpstr (label, ==, "cso");
  g_clear_pointer (&label, g_free);
  upr_record_set_string (UPR_RECORD (organisation), "name", "Something else");
  g_assert_cmpuint (n_organisation, ==, 2);
  g_assert_false (upr_fold_match (upr_participant_get_search_key (participant), folded_query));

  upr_participant_set_organisation (participant, NULL);
  g_assert_null (upr_record_get_string (UPR_RECORD (person), "organisation-id"));
  g_object_get (participant, "stakeholder-label", &label, NULL);
  g_assert_cmpstr (label, ==, "");
}

/* Participant list */

static void
test_list_load (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *workshop_id = save_workshop (fixture, "CD", "Atelier");
  g_autofree char *other_id = save_workshop (fixture, "CD", "Autre atelier");
  g_autoptr(UprOrganisation) cso = ensure_organisation (fixture, "AFJC", "cso");
  const char *names[] = { "Chantal Mujinga", "Trésor Kalombo", "Odette Kabange" };
  const char *genders[] = { "woman", "man", "woman" };
  g_autoptr(UprParticipantList) list = NULL;
  g_autoptr(UprParticipant) first = NULL;
  g_autoptr(UprParticipant) second = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(UprPerson) person = make_person (names[i], genders[i], i < 2 ? cso : NULL);
      g_autoptr(UprAttendance) attendance = upr_attendance_new ();

      upr_record_set_string (UPR_RECORD (attendance), "workshop-id",
                             i < 2 ? workshop_id : other_id);
      upr_store_save_participant (fixture->store, person, attendance, &error);
      g_assert_no_error (error);
    }

  list = upr_participant_list_new (fixture->context, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == UPR_TYPE_PARTICIPANT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));
  g_assert_cmpuint (upr_participant_list_count_gender (list, "woman"), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "man"), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (list, NULL), ==, 0);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, "cso"), ==, 2);
  g_assert_cmpuint (upr_participant_list_count_attended (list), ==, 2);

  /* Rows naming the same organisation share one object, so a rename shows in both. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_nonnull (upr_participant_get_organisation (first));
  g_assert_true (upr_participant_get_organisation (first)
                 == upr_participant_get_organisation (second));
}

static void
test_list_add (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *workshop_id = save_workshop (fixture, "CD", "Atelier");
  g_autoptr(UprOrganisation) ministry = ensure_organisation (fixture, "Ministère", "government");
  g_autoptr(UprParticipantList) list = NULL;
  g_autoptr(UprParticipantList) reloaded = NULL;
  g_autoptr(UprPerson) person = make_person ("Serge Ndombe", "man", ministry);
  g_autoptr(UprAttendance) again = upr_attendance_new ();
  g_autoptr(GError) error = NULL;
  UprParticipant *participant;
  ItemsChanged changes = { 0 };
  guint n_counts = 0, n_items = 0;

  list = upr_participant_list_new (fixture->context, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (list, "counts-changed", G_CALLBACK (counts_changed_cb), &n_counts);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (notified_cb), &n_items);

  participant = add (list, person, "attended");
  g_assert_cmpuint (changes.n_calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (n_counts, ==, 1);
  g_assert_cmpuint (n_items, ==, 1);
  g_assert_cmpstr (upr_participant_get_name (participant), ==, "Serge Ndombe");
  g_assert_nonnull (upr_participant_get_organisation (participant));
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, "government"), ==, 1);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (upr_participant_get_attendance (participant)),
                                          "workshop-id"), ==, workshop_id);

  /* The same person again: refused, and nothing changes. */
  g_assert_null (upr_participant_list_add (list, person, again, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (changes.n_calls, ==, 1);
  g_assert_cmpuint (n_counts, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_clear_error (&error);
  reloaded = upr_participant_list_new (fixture->context, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);

  g_signal_handlers_disconnect_by_data (list, &changes);
}

static void
test_list_edit_counts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *workshop_id = save_workshop (fixture, "CD", "Atelier");
  g_autoptr(UprOrganisation) cso = ensure_organisation (fixture, "REJEDH", "cso");
  g_autoptr(UprOrganisation) ministry = ensure_organisation (fixture, "Ministère", "government");
  g_autoptr(UprPerson) a = make_person ("Béatrice Mbuyi", "woman", cso);
  g_autoptr(UprPerson) b = make_person ("Alain Mpoyi", "man", ministry);
  g_autoptr(UprPerson) c = make_person ("Amani Baraka", NULL, NULL);
  g_autoptr(UprParticipantList) list = NULL;
  g_autoptr(UprParticipantList) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  UprParticipant *pa;
  guint n_counts = 0;

  list = upr_participant_list_new (fixture->context, workshop_id, &error);
  g_assert_no_error (error);
  pa = add (list, a, "attended");
  add (list, b, "attended");
  add (list, c, "invited");
  g_assert_cmpuint (upr_participant_list_count_gender (list, "woman"), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "man"), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (list, NULL), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, "cso"), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, NULL), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_attended (list), ==, 2);
  g_signal_connect (list, "counts-changed", G_CALLBACK (counts_changed_cb), &n_counts);

  /* An edit moves the row between counts as it is made. */
  upr_record_set_string (UPR_RECORD (a), "gender", "prefer-not-to-say");
  g_assert_cmpuint (n_counts, ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "woman"), ==, 0);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "prefer-not-to-say"), ==, 1);

  /* Edits that do not move it between counts say nothing. */
  upr_record_set_string (UPR_RECORD (a), "position", "Coordonnatrice");
  g_assert_cmpuint (n_counts, ==, 1);

  upr_participant_set_organisation (pa, ministry);
  g_assert_cmpuint (n_counts, ==, 2);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, "cso"), ==, 0);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, "government"), ==, 2);

  upr_record_set_string (UPR_RECORD (upr_participant_get_attendance (pa)), "registration",
                         "absent");
  g_assert_cmpuint (n_counts, ==, 3);
  g_assert_cmpuint (upr_participant_list_count_attended (list), ==, 1);

  upr_participant_list_save (list, pa, &error);
  g_assert_no_error (error);

  /* What was saved is what a fresh load counts. */
  reloaded = upr_participant_list_new (fixture->context, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_participant_list_count_gender (reloaded, "prefer-not-to-say"), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (reloaded, "woman"), ==, 0);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (reloaded, "government"), ==, 2);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (reloaded, "cso"), ==, 0);
  g_assert_cmpuint (upr_participant_list_count_attended (reloaded), ==, 1);

  /* A new organisation typed during the event is saved with the participant. */
  {
    g_autoptr(UprOrganisation) media = upr_organisation_new ();
    g_autoptr(UprParticipantList) again = NULL;

    g_object_set (media, "name", "Radio Tomisa FM", "stakeholder-type", "media", NULL);
    upr_participant_set_organisation (pa, media);
    g_assert_cmpuint (upr_participant_list_count_stakeholder (list, "media"), ==, 1);
    upr_participant_list_save (list, pa, &error);
    g_assert_no_error (error);
    g_assert_nonnull (upr_record_get_id (UPR_RECORD (media)));
    g_assert_cmpstr (upr_record_get_string (UPR_RECORD (a), "organisation-id"), ==,
                     upr_record_get_id (UPR_RECORD (media)));
    again = upr_participant_list_new (fixture->context, workshop_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (upr_participant_list_count_stakeholder (again, "media"), ==, 1);
  }
}

static void
test_list_remove_restore (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *workshop_id = save_workshop (fixture, "CD", "Atelier");
  g_autoptr(UprOrganisation) un = ensure_organisation (fixture, "PNUD", "un");
  const char *names[] = { "Aline Kapinga", "Olivier Nzuzi", "Sylvie Mbombo" };
  const char *genders[] = { "woman", "man", "woman" };
  g_autoptr(UprParticipantList) list = NULL;
  g_autoptr(UprParticipantList) reloaded = NULL;
  g_autoptr(UprParticipant) middle = NULL;
  g_autoptr(UprParticipant) back = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changes = { 0 };
  guint n_counts = 0;

  list = upr_participant_list_new (fixture->context, workshop_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(UprPerson) person = make_person (names[i], genders[i], un);

      add (list, person, "attended");
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (list, "counts-changed", G_CALLBACK (counts_changed_cb), &n_counts);

  middle = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (upr_participant_get_name (middle), ==, "Olivier Nzuzi");
  upr_participant_list_remove (list, middle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (n_counts, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "man"), ==, 0);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, "un"), ==, 2);
  g_assert_cmpuint (upr_participant_list_count_attended (list), ==, 2);

  /* Removed on disk too; the person stays known. */
  reloaded = upr_participant_list_new (fixture->context, workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  {
    g_autoptr(GListModel) people = upr_store_find_people (fixture->store, "olivier nzuzi",
                                                          &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  }

  /* Removing it again is refused. */
  g_assert_false (upr_participant_list_remove (list, middle, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo puts the same row back in its place. */
  upr_participant_list_restore (list, middle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_calls, ==, 2);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (n_counts, ==, 2);
  back = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (back == middle);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "man"), ==, 1);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, "un"), ==, 3);
  g_assert_cmpuint (upr_participant_list_count_attended (list), ==, 3);

  /* Restoring what is in the list already changes nothing. */
  upr_participant_list_restore (list, middle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_calls, ==, 2);

  upr_participant_list_reload (reloaded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 3);

  g_signal_handlers_disconnect_by_data (list, &changes);
}

static void
test_list_reload (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *workshop_id = save_workshop (fixture, "CD", "Atelier");
  g_autoptr(UprParticipantList) list = NULL;
  g_autoptr(UprPerson) person = make_person ("Joseph Mukendi", "man", NULL);
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  g_autoptr(GError) error = NULL;
  ItemsChanged changes = { 0 };
  guint n_counts = 0;

  list = upr_participant_list_new (fixture->context, workshop_id, &error);
  g_assert_no_error (error);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (list, "counts-changed", G_CALLBACK (counts_changed_cb), &n_counts);

  /* Added elsewhere (another window, an import): seen after a reload, in one change. */
  upr_record_set_string (UPR_RECORD (attendance), "workshop-id", workshop_id);
  upr_store_save_participant (fixture->store, person, attendance, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  upr_participant_list_reload (list, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_calls, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (n_counts, ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "man"), ==, 1);

  upr_participant_list_reload (list, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (upr_participant_list_count_gender (list, "man"), ==, 1);

  g_signal_handlers_disconnect_by_data (list, &changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/upright/model/context/officer", test_context_officer);
  ADD ("/upright/model/context/countries", test_context_countries);
  ADD ("/upright/model/context/countries-recommendations",
       test_context_countries_recommendations);
  ADD ("/upright/model/context/organisations", test_context_organisations);
  ADD ("/upright/model/participant/derived", test_participant_derived);
  ADD ("/upright/model/participant-list/load", test_list_load);
  ADD ("/upright/model/participant-list/add", test_list_add);
  ADD ("/upright/model/participant-list/edit-counts", test_list_edit_counts);
  ADD ("/upright/model/participant-list/remove-restore", test_list_remove_restore);
  ADD ("/upright/model/participant-list/reload", test_list_reload);

#undef ADD

  return g_test_run ();
}
