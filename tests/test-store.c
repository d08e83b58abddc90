/* test-store.c: the store as the application uses it — round trips of every entity,
 * what the schema refuses, the entity queries, the change log, the ::changed signal, and
 * every file that must be refused without being touched. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "upr-agenda-item.h"
#include "upr-attendance.h"
#include "upr-country.h"
#include "upr-fold.h"
#include "upr-migrations.h"
#include "upr-organisation.h"
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

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("upright-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
  fixture->store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
  upr_store_set_officer (fixture->store, "Officer A");
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

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize len = strlen (needle);

  for (gsize i = 0; i + len <= size; i++)
    if (memcmp (data + i, needle, len) == 0)
      return TRUE;
  return FALSE;
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
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static UprWorkshop *
save_workshop (Fixture    *fixture,
               const char *country,
               const char *title,
               const char *start_date)
{
  g_autoptr(GError) error = NULL;
  UprWorkshop *workshop = upr_workshop_new ();

  upr_record_set_string (UPR_RECORD (workshop), "country-code", country);
  upr_record_set_string (UPR_RECORD (workshop), "title", title);
  upr_record_set_string (UPR_RECORD (workshop), "start-date", start_date);
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (workshop), &error));
  g_assert_no_error (error);
  return workshop;
}

static UprPerson *
save_person (Fixture    *fixture,
             const char *name,
             const char *organisation_id)
{
  g_autoptr(GError) error = NULL;
  UprPerson *person = upr_person_new ();

  upr_record_set_string (UPR_RECORD (person), "name", name);
  upr_record_set_string (UPR_RECORD (person), "organisation-id", organisation_id);
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (person), &error));
  g_assert_no_error (error);
  return person;
}

static UprAttendance *
save_attendance (Fixture    *fixture,
                 const char *workshop_id,
                 const char *person_id)
{
  g_autoptr(GError) error = NULL;
  UprAttendance *attendance = upr_attendance_new ();

  upr_record_set_string (UPR_RECORD (attendance), "workshop-id", workshop_id);
  upr_record_set_string (UPR_RECORD (attendance), "person-id", person_id);
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (attendance), &error));
  g_assert_no_error (error);
  return attendance;
}

static const char *
id_of (gpointer record)
{
  return upr_record_get_id (UPR_RECORD (record));
}

/* Round trip */

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

/* Saves @record, whose every field must differ from its default (so that a field added
 * later without a value here fails the test), loads it back and compares every field. */
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

  g_assert_true (upr_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
  g_assert_nonnull (upr_record_get_id (record));
  g_assert_true (g_uuid_string_is_valid (upr_record_get_id (record)));
  g_assert_nonnull (upr_record_get_created_at (record));
  g_assert_false (upr_record_has_changes (record));

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
  g_autoptr(UprOrganisation) organisation = upr_organisation_new ();
  g_autoptr(UprWorkshop) workshop = upr_workshop_new ();
  g_autoptr(UprAgendaItem) item = upr_agenda_item_new ();
  g_autoptr(UprPerson) person = upr_person_new ();
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();

  g_object_set (organisation,
                "name", "Commission nationale des droits de l’homme de Côte d’Ivoire",
                "acronym", "CNDH-CI",
                "stakeholder-type", "nhri",
                "country-code", "CI",
                NULL);
  assert_round_trip (fixture, UPR_RECORD (organisation));

  g_object_set (workshop,
                "country-code", "CH",
                "title", "UPR Implementation: Best Practices and challenges for the 4th UPR cycle",
                "kind", "side-event",
                "cycle", 4,
                "start-date", "2023-03-27",
                "end-date", "2023-03-28",
                "start-time", "13:00",
                "end-time", "14:00",
                "venue", "Room XXII, Building E, Palais des Nations",
                "format", "hybrid",
                "online-link", "https://example.org/meeting",
                "languages", "English",
                "organisers", "UPR Info",
                "partners", "OHCHR",
                "objectives", "Share good practices.\nDiscuss challenges.",
                "notes", "52nd session of the Human Rights Council",
                "deleted-at", "2023-04-01T10:00:00Z",
                NULL);
  assert_round_trip (fixture, UPR_RECORD (workshop));

  g_object_set (item,
                "workshop-id", id_of (workshop),
                "position", 3,
                "time", "13:05",
                "duration-minutes", 10,
                "title", "Statement by the NHRI",
                "role", "statement",
                "speaker", "Speaker of the NHRI",
                "organisation-id", id_of (organisation),
                "confirmed", FALSE,
                NULL);
  assert_round_trip (fixture, UPR_RECORD (item));

  g_object_set (person,
                "name", "Aïcha N’Guessan",
                "honorific", "Dr",
                "gender", "self-described",
                "gender-description", "Described in their own words",
                "organisation-id", id_of (organisation),
                "position", "Commissioner",
                "email", "aicha@example.org",
                "phone", "+225 00 00 00 00",
                "consent-date", "2023-03-20",
                "consent-scope", "reports",
                NULL);
  assert_round_trip (fixture, UPR_RECORD (person));

  g_object_set (attendance,
                "workshop-id", id_of (workshop),
                "person-id", id_of (person),
                "registration", "registered",
                "mode", "online",
                "days-attended", 2,
                NULL);
  assert_round_trip (fixture, UPR_RECORD (attendance));
}

static void
test_update (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(UprWorkshop) workshop = save_workshop (fixture, "GE", "Mid-term review", NULL);
  g_autoptr(UprRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = g_strdup (upr_record_get_created_at (UPR_RECORD (workshop)));
  gint64 n_changes = upr_store_count_changes (fixture->store);

  /* Saving without a change writes nothing. */
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (workshop), &error));
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);

  upr_record_set_string (UPR_RECORD (workshop), "venue", "Tbilisi");
  upr_record_set_string (UPR_RECORD (workshop), "title", "");
  upr_record_set_string (UPR_RECORD (workshop), "title", "Mid-term review, Georgia");
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (workshop), &error));
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 1);

  loaded = upr_store_load (fixture->store, UPR_TYPE_WORKSHOP, id_of (workshop), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_record_get_string (loaded, "venue"), ==, "Tbilisi");
  g_assert_cmpstr (upr_record_get_string (loaded, "title"), ==, "Mid-term review, Georgia");
  g_assert_cmpstr (upr_record_get_created_at (loaded), ==, created);

  /* Deleted for good: loading says so. */
  g_assert_true (upr_store_delete (fixture->store, UPR_RECORD (workshop), &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = upr_store_load (fixture->store, UPR_TYPE_WORKSHOP, id_of (workshop), &error);
  g_assert_null (loaded);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
}

/* Constraints */

static void
assert_refused (Fixture    *fixture,
                UprRecord  *record,
                const char *field,
                const char *value)
{
  g_autoptr(GError) error = NULL;
  gint64 n_changes = upr_store_count_changes (fixture->store);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s",
                                          UPR_RECORD_GET_CLASS (record)->table);
  gint64 n_rows = query_int (fixture, sql);

  if (field != NULL)
    upr_record_set_string (record, field, value);
  if (upr_store_save (fixture->store, record, &error))
    g_error ("%s = “%s” was accepted", field, value);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes);
  g_assert_cmpint (query_int (fixture, sql), ==, n_rows);
}

static UprWorkshop *
valid_workshop (void)
{
  UprWorkshop *workshop = upr_workshop_new ();

  g_object_set (workshop, "country-code", "NP", "title", "Training", NULL);
  return workshop;
}

static void
test_constraints (Fixture      *fixture,
                  gconstpointer user_data)
{
  const char *bad_dates[] = { "2024-02-30", "27/03/2024", "2024-3-27", "2024-03-27 10:00",
                              "tomorrow" };
  const char *bad_times[] = { "25:00", "24:00", "1pm", "13:60", "13:00:00", "9:00" };
  g_autoptr(UprWorkshop) saved = save_workshop (fixture, "NP", "Saved", "2024-01-10");
  g_autoptr(UprPerson) person = save_person (fixture, "Person A", NULL);
  g_autoptr(UprAttendance) first = save_attendance (fixture, id_of (saved), id_of (person));

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(UprWorkshop) workshop = valid_workshop ();
      g_autoptr(UprPerson) other = upr_person_new ();

      assert_refused (fixture, UPR_RECORD (workshop), "start-date", bad_dates[i]);
      upr_record_set_string (UPR_RECORD (other), "name", "Someone");
      assert_refused (fixture, UPR_RECORD (other), "consent-date", bad_dates[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_times); i++)
    {
      g_autoptr(UprWorkshop) workshop = valid_workshop ();

      assert_refused (fixture, UPR_RECORD (workshop), "end-time", bad_times[i]);
    }

  {
    g_autoptr(UprWorkshop) workshop = valid_workshop ();

    assert_refused (fixture, UPR_RECORD (workshop), "kind", "webinar");
  }
  {
    g_autoptr(UprWorkshop) workshop = valid_workshop ();

    assert_refused (fixture, UPR_RECORD (workshop), "title", "   ");
    assert_refused (fixture, UPR_RECORD (workshop), "title", NULL);
  }
  {
    g_autoptr(UprWorkshop) workshop = valid_workshop ();

    upr_record_set_string (UPR_RECORD (workshop), "start-date", "2024-03-27");
    assert_refused (fixture, UPR_RECORD (workshop), "end-date", "2024-03-26");
  }
  {
    g_autoptr(UprWorkshop) workshop = valid_workshop ();

    assert_refused (fixture, UPR_RECORD (workshop), "country-code", "XX");
    assert_refused (fixture, UPR_RECORD (workshop), "country-code", NULL);
  }
  {
    g_autoptr(UprWorkshop) workshop = valid_workshop ();

    upr_record_set_int (UPR_RECORD (workshop), "cycle", 7); /* no such UPR cycle */
    assert_refused (fixture, UPR_RECORD (workshop), NULL, NULL);
  }
  {
    g_autoptr(UprAttendance) again = upr_attendance_new ();

    upr_record_set_string (UPR_RECORD (again), "workshop-id", id_of (saved));
    assert_refused (fixture, UPR_RECORD (again), "person-id", id_of (person));
  }
  {
    g_autoptr(UprAttendance) orphan = upr_attendance_new ();

    upr_record_set_string (UPR_RECORD (orphan), "workshop-id", "no-such-workshop");
    assert_refused (fixture, UPR_RECORD (orphan), "person-id", id_of (person));
  }
  {
    g_autoptr(UprPerson) nameless = upr_person_new ();

    assert_refused (fixture, UPR_RECORD (nameless), "name", " ");
  }
}

/* The ids of upr-vocab.c and the CHECK lists of the schema, in both directions. */

typedef struct
{
  UprVocab    vocab;
  const char *table;
  const char *column;
  GType     (*get_type) (void);
  const char *field;
} VocabColumn;

static const VocabColumn vocab_columns[] = {
  { UPR_VOCAB_WORKSHOP_KIND, "workshop", "kind", upr_workshop_get_type, "kind" },
  { UPR_VOCAB_WORKSHOP_FORMAT, "workshop", "format", upr_workshop_get_type, "format" },
  { UPR_VOCAB_AGENDA_ROLE, "agenda_item", "role", upr_agenda_item_get_type, "role" },
  { UPR_VOCAB_GENDER, "person", "gender", upr_person_get_type, "gender" },
  { UPR_VOCAB_CONSENT_SCOPE, "person", "consent_scope", upr_person_get_type, "consent-scope" },
  { UPR_VOCAB_REGISTRATION, "attendance", "registration", upr_attendance_get_type,
    "registration" },
  { UPR_VOCAB_ATTENDANCE_MODE, "attendance", "mode", upr_attendance_get_type, "mode" },
  { UPR_VOCAB_STAKEHOLDER_TYPE, "organisation", "stakeholder_type", upr_organisation_get_type,
    "stakeholder-type" },
  { UPR_VOCAB_UN_GROUP, "country", "un_group", NULL, NULL },
};

/* The quoted words of "<column> IN ('a', 'b', …)" in the table's CREATE statement. */
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
  g_autoptr(GMatchInfo) list = NULL;
  g_autoptr(GMatchInfo) word = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *items = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE name = ?", -1,
                                       &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (!g_regex_match (list_regex, sql, 0, &list))
    g_error ("no CHECK list for %s.%s", table, column);
  items = g_match_info_fetch (list, 1);
  for (g_regex_match (word_regex, items, 0, &word); g_match_info_matches (word);
       g_match_info_next (word, NULL))
    g_ptr_array_add (ids, g_match_info_fetch (word, 1));
  return g_steal_pointer (&ids);
}

static void
test_vocab_in_step (Fixture      *fixture,
                    gconstpointer user_data)
{
  for (guint v = 0; v < G_N_ELEMENTS (vocab_columns); v++)
    {
      const VocabColumn *vc = &vocab_columns[v];
      g_autoptr(GPtrArray) ids = schema_ids (fixture, vc->table, vc->column);
      const UprVocabEntry *entries;
      guint n_entries;

      entries = upr_vocab_entries (vc->vocab, &n_entries);
      g_assert_cmpuint (ids->len, ==, n_entries);
      for (guint i = 0; i < ids->len; i++)
        if (upr_vocab_index (vc->vocab, g_ptr_array_index (ids, i)) < 0)
          g_error ("%s.%s allows “%s”, which upr-vocab.c lacks", vc->table, vc->column,
                   (char *) g_ptr_array_index (ids, i));

      if (vc->get_type == NULL)
        continue;
      /* And every id is accepted when saved. */
      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(UprWorkshop) workshop = save_workshop (fixture, "CD", "Vocabulary", NULL);
          g_autoptr(UprPerson) person = save_person (fixture, "Vocabulary", NULL);
          g_autoptr(UprRecord) record = g_object_new (vc->get_type (), NULL);

          if (UPR_IS_WORKSHOP (record))
            g_object_set (record, "country-code", "CD", "title", "Kinds", NULL);
          else if (UPR_IS_AGENDA_ITEM (record))
            g_object_set (record, "workshop-id", id_of (workshop), "title", "Roles", NULL);
          else if (UPR_IS_PERSON (record))
            g_object_set (record, "name", "Genders", NULL);
          else if (UPR_IS_ATTENDANCE (record))
            g_object_set (record, "workshop-id", id_of (workshop), "person-id", id_of (person),
                          NULL);
          else if (UPR_IS_ORGANISATION (record))
            g_object_set (record, "name", "Stakeholders", NULL);
          upr_record_set_string (record, vc->field, entries[i].id);
          if (!upr_store_save (fixture->store, record, &error))
            g_error ("%s.%s refuses “%s”: %s", vc->table, vc->column, entries[i].id,
                     error->message);
        }
    }
}

/* Countries */

static void
test_countries (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) countries = upr_store_list_countries (fixture->store, &error);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(UprCountry) cd = NULL;
  g_autoptr(UprCountry) missing = NULL;
  guint n, n_observers = 0, n_no_group = 0;
  int ci = -1, costa_rica = -1, croatia = -1;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (countries);
  g_assert_cmpuint (n, ==, 195);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (countries, i);
      const char *group = upr_country_get_un_group (country);
      g_autofree char *name = NULL;

      g_assert_cmpuint (strlen (upr_country_get_code (country)), ==, 2);
      g_assert_cmpuint (strlen (upr_country_get_alpha3 (country)), ==, 3);
      g_assert_nonnull (upr_country_get_name_fr (country));
      g_assert_cmpstr (upr_country_get_name_fr (country), !=, "");
      /* ISO's inverted forms ("Korea, Republic of") were replaced by UN names. */
      g_assert_null (strchr (upr_country_get_name_en (country), ','));
      /* LANGUAGE=en in this test. */
      g_object_get (country, "name", &name, NULL);
      g_assert_cmpstr (name, ==, upr_country_get_name_en (country));
      g_assert_cmpint (upr_country_get_n_workshops (country), ==, 0);

      if (g_str_equal (upr_country_get_un_status (country), "observer"))
        n_observers++;
      else
        g_assert_cmpstr (upr_country_get_un_status (country), ==, "member");
      if (group == NULL)
        n_no_group++;
      else
        g_hash_table_insert (groups, (gpointer) group,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (groups,
                                                                                      group))
                                               + 1));
      if (g_str_equal (upr_country_get_code (country), "CI"))
        ci = (int) i;
      else if (g_str_equal (upr_country_get_code (country), "CR"))
        costa_rica = (int) i;
      else if (g_str_equal (upr_country_get_code (country), "HR"))
        croatia = (int) i;

      /* Sorted by name, accents aside. */
      if (i > 0)
        {
          g_autoptr(UprCountry) previous = g_list_model_get_item (countries, i - 1);

          g_assert_cmpstr (upr_country_get_sort_key (previous), <=,
                           upr_country_get_sort_key (country));
        }
    }

  g_assert_cmpuint (n_observers, ==, 2);
  g_assert_cmpuint (n_no_group, ==, 1); /* the Holy See */
#define GROUP_SIZE(g) GPOINTER_TO_UINT (g_hash_table_lookup (groups, g))
  g_assert_cmpuint (GROUP_SIZE ("african"), ==, 54);
  g_assert_cmpuint (GROUP_SIZE ("asia-pacific"), ==, 55); /* 54 members and Palestine */
  g_assert_cmpuint (GROUP_SIZE ("eastern-european"), ==, 23);
  g_assert_cmpuint (GROUP_SIZE ("grulac"), ==, 33);
  g_assert_cmpuint (GROUP_SIZE ("weog"), ==, 29); /* 28 members and the United States */
#undef GROUP_SIZE
  g_assert_cmpuint (g_hash_table_size (groups), ==, 5);
  /* "Côte d'Ivoire" between "Costa Rica" and "Croatia", even under the C locale. */
  g_assert_cmpint (costa_rica, <, ci);
  g_assert_cmpint (ci, <, croatia);

  cd = upr_store_get_country (fixture->store, "cd", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_country_get_code (cd), ==, "CD");
  g_assert_cmpstr (upr_country_get_alpha3 (cd), ==, "COD");
  g_assert_cmpstr (upr_country_get_name_en (cd), ==, "Democratic Republic of the Congo");
  g_assert_cmpstr (upr_country_get_name_fr (cd), ==, "République démocratique du Congo");
  g_assert_cmpstr (upr_country_get_un_group (cd), ==, "african");
  g_assert_true (upr_fold_match (upr_country_get_search_key (cd), "republique congo"));
  g_assert_true (upr_fold_match (upr_country_get_search_key (cd), "cod"));

  missing = upr_store_get_country (fixture->store, "XX", &error);
  g_assert_null (missing);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
}

static void
test_countries_with_data_first (Fixture      *fixture,
                                gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkshop) georgia_1 = save_workshop (fixture, "GE", "One", NULL);
  g_autoptr(UprWorkshop) georgia_2 = save_workshop (fixture, "GE", "Two", NULL);
  g_autoptr(UprWorkshop) albania = save_workshop (fixture, "AL", "Three", NULL);
  g_autoptr(UprWorkshop) nepal = save_workshop (fixture, "NP", "Trashed", NULL);
  g_autoptr(GListModel) countries = NULL;
  g_autoptr(UprCountry) first = NULL;
  g_autoptr(UprCountry) second = NULL;
  g_autoptr(UprCountry) third = NULL;
  g_autoptr(UprCountry) georgia = NULL;

  g_assert_true (upr_store_trash_workshop (fixture->store, nepal, &error));
  g_assert_no_error (error);

  countries = upr_store_list_countries (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 195);
  first = g_list_model_get_item (countries, 0);
  second = g_list_model_get_item (countries, 1);
  third = g_list_model_get_item (countries, 2);
  g_assert_cmpstr (upr_country_get_code (first), ==, "AL");
  g_assert_cmpint (upr_country_get_n_workshops (first), ==, 1);
  g_assert_cmpstr (upr_country_get_code (second), ==, "GE");
  g_assert_cmpint (upr_country_get_n_workshops (second), ==, 2);
  /* A trashed workshop does not count; the others follow by name. */
  g_assert_cmpint (upr_country_get_n_workshops (third), ==, 0);
  g_assert_cmpstr (upr_country_get_code (third), ==, "AF");

  georgia = upr_store_get_country (fixture->store, "GE", &error);
  g_assert_cmpint (upr_country_get_n_workshops (georgia), ==, 2);
}

/* A French catalogue holding only the message that says which language it is. */
static void
install_french_catalogue (const char *dir)
{
  static const char po[] =
    "msgid \"\"\n"
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\n"
    "msgctxt \"interface language code\"\n"
    "msgid \"en\"\n"
    "msgstr \"fr\"\n";
  g_autofree char *messages = g_build_filename (dir, "fr", "LC_MESSAGES", NULL);
  g_autofree char *po_path = g_build_filename (messages, "test.po", NULL);
  g_autofree char *mo_path = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL };
  int status = -1;

  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po_path, po, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* Under C.UTF-8 with LANGUAGE=fr (no French system locale needed), names are French and
 * sorted as a French reader expects. Runs in a subprocess: the language is process-wide. */
static void
test_countries_french (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) countries = NULL;
  g_autoptr(UprCountry) first = NULL;
  g_autoptr(UprCountry) second = NULL;
  g_autoptr(UprCountry) cd = NULL;
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  int egypt = -1, ecuador = -1, spain = -1, eritrea = -1;

  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_false (upr_country_interface_is_french ());
  install_french_catalogue (fixture->dir);
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, fixture->dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_true (upr_country_interface_is_french ());

  countries = upr_store_list_countries (fixture->store, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (countries, 0);
  second = g_list_model_get_item (countries, 1);
  g_assert_cmpstr (upr_country_get_name (first), ==, "Afghanistan");
  g_assert_cmpstr (upr_country_get_name (second), ==, "Afrique du Sud");
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (countries, i);
      const char *code = upr_country_get_code (country);

      g_assert_cmpstr (upr_country_get_name (country), ==, upr_country_get_name_fr (country));
      if (g_str_equal (code, "EG"))
        egypt = (int) i;
      else if (g_str_equal (code, "EC"))
        ecuador = (int) i;
      else if (g_str_equal (code, "ER"))
        eritrea = (int) i;
      else if (g_str_equal (code, "ES"))
        spain = (int) i;
    }
  /* Égypte, Équateur, Érythrée, Espagne: accents do not send them after Zimbabwe. */
  g_assert_cmpint (egypt, <, ecuador);
  g_assert_cmpint (ecuador, <, eritrea);
  g_assert_cmpint (eritrea, <, spain);

  cd = upr_store_get_country (fixture->store, "CD", &error);
  g_assert_cmpstr (upr_country_get_name (cd), ==, "République démocratique du Congo");
}

/* Workshops, trash and purge */

static void
test_list_workshops (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkshop) old = save_workshop (fixture, "GE", "Consultation", "2021-05-01");
  g_autoptr(UprWorkshop) recent = save_workshop (fixture, "GE", "Review", "2024-02-01");
  g_autoptr(UprWorkshop) undated_b = save_workshop (fixture, "GE", "b planned", NULL);
  g_autoptr(UprWorkshop) undated_a = save_workshop (fixture, "GE", "A planned", NULL);
  g_autoptr(UprWorkshop) elsewhere = save_workshop (fixture, "NP", "Training", "2023-01-01");
  g_autoptr(GListModel) georgia = upr_store_list_workshops (fixture->store, "GE", &error);
  g_autoptr(GListModel) all = NULL;
  UprWorkshop *expected[] = { recent, old, undated_a, undated_b };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (georgia), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(UprRecord) item = g_list_model_get_item (georgia, i);

      g_assert_cmpstr (upr_record_get_id (item), ==, id_of (expected[i]));
      g_assert_false (upr_record_has_changes (item));
    }

  all = upr_store_list_workshops (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 5);
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 5);
}

static void
test_trash_restore (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkshop) workshop = save_workshop (fixture, "GE", "To trash", "2024-01-01");
  g_autoptr(GListModel) listed = NULL;
  g_autofree char *last = NULL;

  g_assert_true (upr_store_trash_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);
  g_assert_nonnull (upr_record_get_string (UPR_RECORD (workshop), "deleted-at"));
  g_assert_false (upr_record_has_changes (UPR_RECORD (workshop)));
  last = upr_store_describe_last_change (fixture->store);
  g_assert_cmpstr (last, ==, "delete workshop Officer A");
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 0);
  listed = upr_store_list_workshops (fixture->store, "GE", &error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);
  g_clear_object (&listed);

  /* Trashing twice changes nothing more. */
  g_assert_true (upr_store_trash_workshop (fixture->store, workshop, &error));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM change_log WHERE action = 'delete'"),
                   ==, 1);

  g_assert_true (upr_store_restore_workshop (fixture->store, workshop, &error));
  g_assert_no_error (error);
  g_assert_null (upr_record_get_string (UPR_RECORD (workshop), "deleted-at"));
  g_clear_pointer (&last, g_free);
  last = upr_store_describe_last_change (fixture->store);
  g_assert_cmpstr (last, ==, "restore workshop Officer A");
  listed = upr_store_list_workshops (fixture->store, "GE", &error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 1);
}

static void
test_purge (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkshop) kept = save_workshop (fixture, "GE", "Kept", NULL);
  g_autoptr(UprWorkshop) doomed = save_workshop (fixture, "GE", "Doomed", NULL);
  g_autoptr(UprPerson) person = save_person (fixture, "Person Kept", NULL);
  g_autoptr(UprAttendance) a1 = save_attendance (fixture, id_of (kept), id_of (person));
  g_autoptr(UprAttendance) a2 = save_attendance (fixture, id_of (doomed), id_of (person));
  g_autoptr(UprAgendaItem) item = upr_agenda_item_new ();
  g_autoptr(UprRecord) restored = NULL;
  g_autoptr(GBytes) database = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  GStatBuf st;

  g_object_set (item, "workshop-id", id_of (doomed), "title", "Statement",
                "speaker", "Xanthippe Speakerton-Unique", NULL);
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (item), &error));
  g_assert_no_error (error);

  /* Purge without anything in the trash deletes nothing. */
  g_assert_true (upr_store_purge_trash (fixture->store, &error));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM agenda_item"), ==, 1);

  g_assert_true (upr_store_trash_workshop (fixture->store, doomed, &error));
  g_assert_true (upr_store_purge_trash (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM workshop"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM agenda_item"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM attendance"), ==, 1);
  /* People are kept for other workshops. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM person"), ==, 1);

  /* Gone for good: restoring fails, and the speaker's name is nowhere on disk. */
  g_assert_false (upr_store_restore_workshop (fixture->store, doomed, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  database = read_bytes (fixture->path);
  g_assert_false (bytes_contain (database, "Xanthippe"));
  restored = upr_store_load (fixture->store, UPR_TYPE_WORKSHOP, id_of (kept), NULL);
  g_assert_nonnull (restored);
}

/* Programme */

static void
increment_cb (UprStore   *store,
              const char *table,
              guint      *counter)
{
  (*counter)++;
}

static void
test_agenda (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkshop) workshop = save_workshop (fixture, "CH", "Side event", "2023-03-27");
  g_autoptr(UprWorkshop) other = save_workshop (fixture, "CH", "Other", NULL);
  g_autoptr(GListStore) reordered = g_list_store_new (UPR_TYPE_AGENDA_ITEM);
  g_autoptr(GListModel) agenda = NULL;
  const char *titles[] = { "Welcome", "Moderation", "Statements", "Q&A" };
  UprAgendaItem *items[G_N_ELEMENTS (titles)];
  gint64 n_changes;
  guint n_signals = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      items[i] = upr_agenda_item_new ();
      g_object_set (items[i], "workshop-id", id_of (workshop), "title", titles[i],
                    "position", (int) i, NULL);
      g_assert_true (upr_store_save (fixture->store, UPR_RECORD (items[i]), &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(UprAgendaItem) elsewhere = upr_agenda_item_new ();

    g_object_set (elsewhere, "workshop-id", id_of (other), "title", "Elsewhere", NULL);
    g_assert_true (upr_store_save (fixture->store, UPR_RECORD (elsewhere), &error));
  }

  agenda = upr_store_list_agenda (fixture->store, id_of (workshop), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 4);
  g_clear_object (&agenda);

  /* Move the last item first: all four move, each logged once, one ::changed. */
  g_signal_connect (fixture->store, "changed::agenda_item", G_CALLBACK (increment_cb),
                    &n_signals);
  g_list_store_append (reordered, items[3]);
  for (guint i = 0; i < 3; i++)
    g_list_store_append (reordered, items[i]);
  n_changes = upr_store_count_changes (fixture->store);
  g_assert_true (upr_store_reorder_agenda (fixture->store, G_LIST_MODEL (reordered), &error));
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 4);
  g_assert_cmpuint (n_signals, ==, 1);
  for (guint i = 0; i < 4; i++)
    g_assert_false (upr_record_has_changes (UPR_RECORD (items[i])));
  g_assert_cmpint (upr_record_get_int (UPR_RECORD (items[3]), "position"), ==, 0);

  agenda = upr_store_list_agenda (fixture->store, id_of (workshop), &error);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(UprRecord) item = g_list_model_get_item (agenda, i);
      UprAgendaItem *expected = i == 0 ? items[3] : items[i - 1];

      g_assert_cmpstr (upr_record_get_id (item), ==, id_of (expected));
      g_assert_cmpint (upr_record_get_int (item, "position"), ==, (int) i);
    }

  /* The same order again moves nothing. */
  g_assert_true (upr_store_reorder_agenda (fixture->store, agenda, &error));
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, n_changes + 4);
  g_assert_cmpuint (n_signals, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_object_unref (items[i]);
}

/* Organisations and people */

static UprOrganisation *
save_organisation (Fixture    *fixture,
                   const char *name,
                   const char *acronym,
                   const char *country)
{
  g_autoptr(GError) error = NULL;
  UprOrganisation *organisation = upr_organisation_new ();

  g_object_set (organisation, "name", name, "acronym", acronym, "country-code", country, NULL);
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (organisation), &error));
  g_assert_no_error (error);
  return organisation;
}

static void
test_organisations (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprOrganisation) justice = save_organisation (fixture, "Ministère de la Justice",
                                                          "MJ", "CD");
  g_autoptr(UprOrganisation) undp = save_organisation (fixture, "UNDP Nepal", "PNUD", "NP");
  g_autoptr(UprOrganisation) assembly = save_organisation (fixture, "Assemblée nationale",
                                                           NULL, "CD");
  g_autoptr(UprOrganisation) egal = save_organisation (fixture, "Égalité Femmes", NULL, "CD");
  g_autoptr(GListModel) cd = upr_store_list_organisations (fixture->store, "CD", &error);
  g_autoptr(GListModel) all = NULL;
  const char *expected[] = { "Assemblée nationale", "Égalité Femmes",
                             "Ministère de la Justice" };
  const char *found[] = { "ministere de la justice", "MINISTÈRE  DE LA JUSTICE ", "mj", "Mj",
                          "Ministère de la Justice" };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cd), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(UprRecord) item = g_list_model_get_item (cd, i);

      g_assert_cmpstr (upr_record_get_string (item, "name"), ==, expected[i]);
    }
  all = upr_store_list_organisations (fixture->store, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_autoptr(UprOrganisation) hit = upr_store_find_organisation (fixture->store, found[i],
                                                                    &error);

      g_assert_no_error (error);
      g_assert_nonnull (hit);
      g_assert_cmpstr (id_of (hit), ==, id_of (justice));
    }
  {
    g_autoptr(UprOrganisation) hit = upr_store_find_organisation (fixture->store, "pnud",
                                                                  &error);

    g_assert_cmpstr (id_of (hit), ==, id_of (undp));
  }
  {
    g_autoptr(UprOrganisation) none = upr_store_find_organisation (fixture->store, "Ministère",
                                                                   &error);
    g_autoptr(UprOrganisation) empty = upr_store_find_organisation (fixture->store, "  ",
                                                                    &error);

    g_assert_no_error (error);
    g_assert_null (none);
    g_assert_null (empty);
  }
}

static void
test_find_people (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprPerson) jp = save_person (fixture, "Jean\xe2\x80\x91Pierre  Mbemba", NULL);
  g_autoptr(UprPerson) other = save_person (fixture, "Jean Mbemba", NULL);
  g_autoptr(GListModel) hits = upr_store_find_people (fixture->store, "jean-pierre mbemba",
                                                      &error);
  g_autoptr(GListModel) none = NULL;
  g_autoptr(UprRecord) hit = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpstr (upr_record_get_id (hit), ==, id_of (jp));

  /* A whole name, not part of one. */
  none = upr_store_find_people (fixture->store, "jean", &error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_clear_object (&none);
  none = upr_store_find_people (fixture->store, "", &error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
}

typedef struct
{
  GPtrArray *names;
  GPtrArray *organisations;
} Collected;

static void
collect_cb (UprAttendance   *attendance,
            UprPerson       *person,
            UprOrganisation *organisation,
            gpointer         user_data)
{
  Collected *collected = user_data;

  g_assert_true (UPR_IS_ATTENDANCE (attendance));
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (attendance), "person-id"), ==,
                   id_of (person));
  g_assert_false (upr_record_has_changes (UPR_RECORD (person)));
  g_ptr_array_add (collected->names,
                   g_strdup (upr_record_get_string (UPR_RECORD (person), "name")));
  g_ptr_array_add (collected->organisations,
                   g_strdup (organisation != NULL
                               ? upr_record_get_string (UPR_RECORD (organisation), "name")
                               : NULL));
}

static void
test_participants (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkshop) workshop = save_workshop (fixture, "GE", "Workshop", NULL);
  g_autoptr(UprWorkshop) other = save_workshop (fixture, "GE", "Other", NULL);
  g_autoptr(UprOrganisation) cso = save_organisation (fixture, "Georgian Young Lawyers", "GYLA",
                                                      "GE");
  g_autoptr(UprPerson) fatou = save_person (fixture, "Fatou Sow", id_of (cso));
  g_autoptr(UprPerson) ebo = save_person (fixture, "Ébo Mensah", NULL);
  g_autoptr(UprPerson) zara = save_person (fixture, "zara Kvaratskhelia", id_of (cso));
  g_autoptr(UprAttendance) a1 = save_attendance (fixture, id_of (workshop), id_of (zara));
  g_autoptr(UprAttendance) a2 = save_attendance (fixture, id_of (workshop), id_of (fatou));
  g_autoptr(UprAttendance) a3 = save_attendance (fixture, id_of (workshop), id_of (ebo));
  g_autoptr(UprAttendance) a4 = save_attendance (fixture, id_of (other), id_of (ebo));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) organisations = g_ptr_array_new_with_free_func (g_free);
  Collected collected = { names, organisations };

  g_assert_true (upr_store_foreach_participant (fixture->store, id_of (workshop), collect_cb,
                                                &collected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Ébo Mensah");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Fatou Sow");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "zara Kvaratskhelia");
  g_assert_null (g_ptr_array_index (organisations, 0));
  g_assert_cmpstr (g_ptr_array_index (organisations, 1), ==, "Georgian Young Lawyers");
  g_assert_cmpstr (g_ptr_array_index (organisations, 2), ==, "Georgian Young Lawyers");
}

static void
count_cb (UprStore   *store,
          const char *table,
          gpointer    user_data)
{
  GHashTable *counts = user_data;

  g_hash_table_insert (counts, g_strdup (table),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, table))
                                         + 1));
}

static guint
count_of (GHashTable *counts,
          const char *table)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, table));
}

static void
test_save_participant (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(UprWorkshop) workshop = save_workshop (fixture, "CD", "Atelier", NULL);
  g_autoptr(UprPerson) person = upr_person_new ();
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  g_autoptr(UprAttendance) twice = upr_attendance_new ();
  g_autoptr(UprPerson) newcomer = upr_person_new ();
  g_autoptr(UprAttendance) nowhere = upr_attendance_new ();
  g_autoptr(UprRecord) stored = NULL;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_cb), counts);
  upr_record_set_string (UPR_RECORD (person), "name", "Marie Kabila");
  upr_record_set_string (UPR_RECORD (attendance), "workshop-id", id_of (workshop));
  g_assert_true (upr_store_save_participant (fixture->store, person, attendance, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (attendance), "person-id"), ==,
                   id_of (person));
  g_assert_cmpuint (count_of (counts, "person"), ==, 1);
  g_assert_cmpuint (count_of (counts, "attendance"), ==, 1);

  /* The same person twice in a workshop is refused, and the edit of the person made at the
   * same time is neither written nor forgotten. */
  upr_record_set_string (UPR_RECORD (person), "phone", "+243 000");
  upr_record_set_string (UPR_RECORD (twice), "workshop-id", id_of (workshop));
  g_assert_false (upr_store_save_participant (fixture->store, person, twice, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (upr_record_has_changes (UPR_RECORD (person)));
  g_assert_null (upr_record_get_id (UPR_RECORD (twice)));
  stored = upr_store_load (fixture->store, UPR_TYPE_PERSON, id_of (person), &error);
  g_assert_null (upr_record_get_string (stored, "phone"));
  g_assert_cmpuint (count_of (counts, "person"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM attendance"), ==, 1);

  /* A new person whose attendance fails is not left behind, and keeps no id. */
  upr_record_set_string (UPR_RECORD (newcomer), "name", "Newcomer");
  upr_record_set_string (UPR_RECORD (nowhere), "workshop-id", "no-such-workshop");
  g_assert_false (upr_store_save_participant (fixture->store, newcomer, nowhere, &error));
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT);
  g_assert_null (upr_record_get_id (UPR_RECORD (newcomer)));
  g_assert_true (upr_record_has_changes (UPR_RECORD (newcomer)));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM person"), ==, 1);
}

/* Change log and ::changed */

static void
test_change_log (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprPerson) person = save_person (fixture, "Secret Name", NULL);
  g_autofree char *created = upr_store_describe_last_change (fixture->store);
  g_autofree char *updated = NULL;
  g_autofree char *anonymous = NULL;

  g_assert_cmpstr (created, ==, "create person Officer A");

  upr_record_set_string (UPR_RECORD (person), "email", "secret@example.org");
  upr_record_set_string (UPR_RECORD (person), "phone", "+41 22 000 00 00");
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (person), &error));
  updated = upr_store_describe_last_change (fixture->store);
  g_assert_cmpstr (updated, ==, "update person Officer A email, phone");

  /* Without an officer name, the entry has none. */
  upr_store_set_officer (fixture->store, NULL);
  upr_record_set_string (UPR_RECORD (person), "position", "Director");
  g_assert_true (upr_store_save (fixture->store, UPR_RECORD (person), &error));
  anonymous = upr_store_describe_last_change (fixture->store);
  g_assert_cmpstr (anonymous, ==, "update person  position");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM change_log WHERE officer IS NULL"),
                   ==, 1);

  /* No value is ever copied into the log. */
  g_assert_cmpint (query_int (fixture,
                              "SELECT count(*) FROM change_log WHERE fields LIKE '%secret%'"
                              " OR fields LIKE '%Director%' OR entity_id LIKE '%Secret%'"),
                   ==, 0);
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, 3);
}

static void
test_changed_signal (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_workshop = 0;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_cb), counts);
  g_signal_connect (fixture->store, "changed::workshop", G_CALLBACK (increment_cb),
                    &n_workshop);

  /* One save, one signal. */
  g_object_unref (save_workshop (fixture, "GE", "One", NULL));
  g_assert_cmpuint (n_workshop, ==, 1);

  /* Several saves in one transaction: one signal, after the commit. */
  g_assert_true (upr_store_begin (fixture->store, &error));
  g_object_unref (save_workshop (fixture, "GE", "Two", NULL));
  g_object_unref (save_workshop (fixture, "GE", "Three", NULL));
  g_object_unref (save_person (fixture, "Person", NULL));
  g_assert_cmpuint (n_workshop, ==, 1);
  g_assert_true (upr_store_commit (fixture->store, &error));
  g_assert_cmpuint (n_workshop, ==, 2);
  g_assert_cmpuint (count_of (counts, "workshop"), ==, 2);
  g_assert_cmpuint (count_of (counts, "person"), ==, 1);

  /* A rolled-back transaction: no signal, nothing written. */
  g_assert_true (upr_store_begin (fixture->store, &error));
  g_object_unref (save_workshop (fixture, "GE", "Four", NULL));
  upr_store_rollback (fixture->store);
  g_assert_cmpuint (n_workshop, ==, 2);
  g_assert_cmpint (upr_store_count_workshops (fixture->store, &error), ==, 3);

  /* A refused save: no signal. */
  {
    g_autoptr(UprWorkshop) bad = valid_workshop ();

    upr_record_set_string (UPR_RECORD (bad), "kind", "party");
    g_assert_false (upr_store_save (fixture->store, UPR_RECORD (bad), &error));
    g_assert_cmpuint (n_workshop, ==, 2);
  }
}

/* Refusals that touch nothing */

static void
assert_refused_untouched (const char *path,
                          int         expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);

  store = upr_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, UPR_STORE_ERROR, expected_code);
  /* The message names the file, for people. */
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  if (!had_wal)
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  return path;
}

static char *
write_sqlite (Fixture    *fixture,
              const char *name,
              const char *sql)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return path;
}

static void
test_refuse_not_database (Fixture      *fixture,
                          gconstpointer user_data)
{
  static const char zip[] = "PK\x03\x04\x14\x00\x00\x00\x08\x00" "compressed data follows...";
  g_autofree char *text = write_file (fixture, "notes.txt", "Participants:\nA\nB\n", -1);
  g_autofree char *archive = write_file (fixture, "bundle.zip", zip, sizeof zip - 1);
  g_autofree char *other_app = write_sqlite (fixture, "other.sqlite",
                                             "CREATE TABLE contacts (name TEXT);"
                                             "INSERT INTO contacts VALUES ('x');");
  g_autofree char *empty_other = write_sqlite (fixture, "empty-other.sqlite",
                                               "PRAGMA application_id = 1234;");
  g_autofree char *versioned = write_sqlite (fixture, "versioned.sqlite",
                                             "PRAGMA user_version = 2;");
  g_autofree char *short_header = write_file (fixture, "short.db", "SQLite format", -1);

  assert_refused_untouched (text, UPR_STORE_ERROR_NOT_A_DATABASE);
  assert_refused_untouched (archive, UPR_STORE_ERROR_NOT_A_DATABASE);
  assert_refused_untouched (other_app, UPR_STORE_ERROR_NOT_A_DATABASE);
  assert_refused_untouched (empty_other, UPR_STORE_ERROR_NOT_A_DATABASE);
  assert_refused_untouched (versioned, UPR_STORE_ERROR_NOT_A_DATABASE);
  assert_refused_untouched (short_header, UPR_STORE_ERROR_NOT_A_DATABASE);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UprStore) folder = upr_store_open (fixture->dir, &error);

    g_assert_null (folder);
    g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_A_DATABASE);
  }
}

/* Closes the fixture's store, so the file is complete on its own (WAL checkpointed). */
static void
close_store (Fixture *fixture)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_clear_object (&fixture->store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_too_new (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          upr_migrations_latest () + 1);
  g_autofree char *path = NULL;

  close_store (fixture);
  g_free (write_sqlite (fixture, "upright.db", sql));
  path = g_strdup (fixture->path);
  assert_refused_untouched (path, UPR_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_read_only (Fixture      *fixture,
                       gconstpointer user_data)
{
  close_store (fixture);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  /* Refused even when run as root, who could write to it. */
  assert_refused_untouched (fixture->path, UPR_STORE_ERROR_READ_ONLY);
}

static void
test_refuse_locked (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr(GBytes) before = NULL;
  sqlite3 *other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autoptr(GBytes) after = NULL;

  close_store (fixture);
  before = read_bytes (fixture->path);

  /* Another process (here another connection) in the middle of writing. */
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  store = upr_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, fixture->path));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  /* Once the other is done, the file opens. */
  g_clear_error (&error);
  fixture->store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
test_refuse_corrupt (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "damaged.db", NULL);
  g_autofree char *damaged = NULL;
  gsize size;
  const guint page_size = 4096;

  /* Enough rows that the tables span several pages. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("Workshop %u with a long enough title", i);

      g_object_unref (save_workshop (fixture, "GE", title, NULL));
    }
  close_store (fixture);
  original = read_bytes (fixture->path);
  size = g_bytes_get_size (original);
  g_assert_cmpuint (size, >, 4 * page_size);

  /* Scribble over the second page, the root of the first table: a b-tree page with a
   * nonsense header and cells. */
  damaged = g_memdup2 (g_bytes_get_data (original, NULL), size);
  memset (damaged + page_size, 0x5a, page_size);
  g_assert_true (g_file_set_contents (copy, damaged, size, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GBytes) before = read_bytes (copy);
    g_autoptr(GBytes) after = NULL;
    g_autoptr(UprStore) store = upr_store_open (copy, &error);

    g_assert_null (store);
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_assert_true (g_error_matches (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CORRUPT)
                   || g_error_matches (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_A_DATABASE));
    g_assert_nonnull (strstr (error->message, copy));
    g_assert_nonnull (strstr (error->message, "damaged"));
    after = read_bytes (copy);
    g_assert_true (g_bytes_equal (before, after));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/upright/store/round-trip", test_round_trip);
  ADD ("/upright/store/update", test_update);
  ADD ("/upright/store/constraints", test_constraints);
  ADD ("/upright/store/vocab-in-step", test_vocab_in_step);
  ADD ("/upright/store/countries", test_countries);
  ADD ("/upright/store/countries-with-data-first", test_countries_with_data_first);
  ADD ("/upright/store/countries-french", test_countries_french);
  ADD ("/upright/store/workshops", test_list_workshops);
  ADD ("/upright/store/trash-restore", test_trash_restore);
  ADD ("/upright/store/purge", test_purge);
  ADD ("/upright/store/agenda", test_agenda);
  ADD ("/upright/store/organisations", test_organisations);
  ADD ("/upright/store/find-people", test_find_people);
  ADD ("/upright/store/participants", test_participants);
  ADD ("/upright/store/save-participant", test_save_participant);
  ADD ("/upright/store/change-log", test_change_log);
  ADD ("/upright/store/changed-signal", test_changed_signal);
  ADD ("/upright/store/refuse/not-a-database", test_refuse_not_database);
  ADD ("/upright/store/refuse/too-new", test_refuse_too_new);
  ADD ("/upright/store/refuse/read-only", test_refuse_read_only);
  ADD ("/upright/store/refuse/locked", test_refuse_locked);
  ADD ("/upright/store/refuse/corrupt", test_refuse_corrupt);
#undef ADD

  return g_test_run ();
}
