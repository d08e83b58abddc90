/* test-migrations.c: every schema version migrates from the previous one with its data, and
 * a database from a newer Upright is refused untouched. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "upr-migrations.h"
#include "upr-organisation.h"
#include "upr-recommendation.h"
#include "upr-review.h"
#include "upr-store.h"
#include "upr-store-import.h"
#include "upr-workshop.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("upright-migrations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_version_1 (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open_at_version (fixture->path, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (upr_store_get_schema_version (store), ==, 1);
  g_clear_object (&store);

  /* Reference data is there from the first version on; workshops are not yet. */
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM country"), ==, 195);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM upr_cycle"), ==, 4);
  g_assert_cmpint (count_rows (fixture->path,
                               "SELECT count(*) FROM sqlite_master WHERE name = 'workshop'"),
                   ==, 0);
}

static void
test_1_to_2_keeps_data (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open_at_version (fixture->path, 1, &error);
  g_autoptr(UprOrganisation) organisation = upr_organisation_new ();
  g_autoptr(UprRecord) loaded = NULL;
  g_autoptr(UprWorkshop) workshop = upr_workshop_new ();
  g_autofree char *id = NULL;
  gint64 n_changes;

  g_assert_no_error (error);
  upr_store_set_officer (store, "Officer A");
  upr_record_set_string (UPR_RECORD (organisation), "name", "Ministère de la Justice");
  upr_record_set_string (UPR_RECORD (organisation), "acronym", "MJ");
  upr_record_set_string (UPR_RECORD (organisation), "stakeholder-type", "government");
  upr_record_set_string (UPR_RECORD (organisation), "country-code", "CD");
  g_assert_true (upr_store_save (store, UPR_RECORD (organisation), &error));
  g_assert_no_error (error);
  id = g_strdup (upr_record_get_id (UPR_RECORD (organisation)));
  n_changes = upr_store_count_changes (store);
  g_assert_cmpint (n_changes, ==, 1);
  g_clear_object (&store);

  /* upr_store_open migrates to the latest version. */
  store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_get_schema_version (store), ==, upr_migrations_latest ());
  g_assert_cmpint (upr_store_count_changes (store), ==, n_changes);

  loaded = upr_store_load (store, UPR_TYPE_ORGANISATION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_record_get_string (loaded, "name"), ==, "Ministère de la Justice");
  g_assert_cmpstr (upr_record_get_string (loaded, "acronym"), ==, "MJ");
  g_assert_cmpstr (upr_record_get_string (loaded, "stakeholder-type"), ==, "government");
  g_assert_cmpstr (upr_record_get_string (loaded, "country-code"), ==, "CD");

  /* And the tables of version 2 work. */
  upr_record_set_string (UPR_RECORD (workshop), "country-code", "CD");
  upr_record_set_string (UPR_RECORD (workshop), "title", "Validation workshop");
  g_assert_true (upr_store_save (store, UPR_RECORD (workshop), &error));
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_count_workshops (store, &error), ==, 1);
}

/* Each version, created from scratch at the previous one, migrates to it and passes the
 * full integrity check; reopening does not migrate again. */
static void
test_each_from_previous (Fixture      *fixture,
                         gconstpointer user_data)
{
  int latest = upr_migrations_latest ();

  for (int version = 1; version <= latest; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.db", version);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(UprStore) store = upr_store_open_at_version (path, version - 1, &error);
      g_autoptr(GString) report = g_string_new (NULL);

      g_assert_no_error (error);
      g_assert_cmpint (upr_store_get_schema_version (store), ==, version - 1);
      g_assert_true (upr_store_migrate (store, version, &error));
      g_assert_no_error (error);
      g_assert_cmpint (upr_store_get_schema_version (store), ==, version);
      g_assert_true (upr_store_check (store, report, &error));
      g_assert_no_error (error);
      g_clear_object (&store);

      store = upr_store_open_at_version (path, version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (upr_store_get_schema_version (store), ==, version);
    }
}

/* Migrating twice, or to a version already reached, changes nothing. */
static void
test_idempotent (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (upr_store_migrate (store, upr_migrations_latest (), &error));
  g_assert_true (upr_store_migrate (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_get_schema_version (store), ==, upr_migrations_latest ());
  g_clear_object (&store);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM country"), ==, 195);
}

/* Version 4 adds the remembered import mappings; the recommendations of version 3 stay. */
static void
test_3_to_4_keeps_data (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open_at_version (fixture->path, 3, &error);
  g_autoptr(UprReview) review = NULL;
  g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
  g_autoptr(UprRecord) loaded = NULL;
  g_autofree char *id = NULL;
  g_autofree char *mapping = NULL;
  gint64 n_changes;

  g_assert_no_error (error);
  g_assert_null (upr_store_get_import_mapping (store, "key", &error));
  g_assert_nonnull (error); /* no such table yet */
  g_clear_error (&error);
  review = upr_store_ensure_review (store, "SN", 45, &error);
  g_assert_no_error (error);
  upr_record_set_string (UPR_RECORD (recommendation), "review-id",
                         upr_record_get_id (UPR_RECORD (review)));
  upr_record_set_string (UPR_RECORD (recommendation), "paragraph", "121.4");
  upr_record_set_string (UPR_RECORD (recommendation), "text", "Ratify the Optional Protocol.");
  g_assert_true (upr_store_save (store, UPR_RECORD (recommendation), &error));
  g_assert_no_error (error);
  id = g_strdup (upr_record_get_id (UPR_RECORD (recommendation)));
  n_changes = upr_store_count_changes (store);
  g_clear_object (&store);

  store = upr_store_open_at_version (fixture->path, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upr_store_get_schema_version (store), ==, 4);
  g_assert_cmpint (upr_store_count_changes (store), ==, n_changes);
  loaded = upr_store_load (store, UPR_TYPE_RECOMMENDATION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_record_get_string (loaded, "paragraph"), ==, "121.4");

  /* The new table: none remembered, then one, replaced in place; the change log is for
   * records, not for this. */
  g_assert_null (upr_store_get_import_mapping (store, "key", &error));
  g_assert_no_error (error);
  g_assert_true (upr_store_set_import_mapping (store, "key", "text\ncountry", &error));
  g_assert_true (upr_store_set_import_mapping (store, "key", "country\ntext", &error));
  g_assert_no_error (error);
  mapping = upr_store_get_import_mapping (store, "key", &error);
  g_assert_cmpstr (mapping, ==, "country\ntext");
  g_assert_cmpint (upr_store_count_changes (store), ==, n_changes);
  g_clear_object (&store);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM import_mapping"), ==, 1);
}

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

static void
test_too_new (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open (fixture->path, &error);
  g_autofree char *sql = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* What a newer Upright would leave behind. */
  sql = g_strdup_printf ("PRAGMA user_version = %d", upr_migrations_latest () + 1);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  before = read_bytes (fixture->path);
  store = upr_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "newer"));
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/upright/store/migrate/version-1", test_version_1);
  ADD ("/upright/store/migrate/1-to-2-keeps-data", test_1_to_2_keeps_data);
  ADD ("/upright/store/migrate/3-to-4-keeps-data", test_3_to_4_keeps_data);
  ADD ("/upright/store/migrate/each-from-previous", test_each_from_previous);
  ADD ("/upright/store/migrate/idempotent", test_idempotent);
  ADD ("/upright/store/migrate/too-new", test_too_new);
#undef ADD

  return g_test_run ();
}
