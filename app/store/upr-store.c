/* upr-store.c: opening, checking and migrating the database; transactions; the generic
 * load and save of records; the change log. Queries for particular entities live in
 * upr-store-*.c beside this file. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "upr-fold.h"
#include "upr-migrations.h"
#include "upr-store-private.h"

/* 'UPRI': marks the file as Upright's, so another program's SQLite file is refused. */
#define UPR_APPLICATION_ID 0x55505249
/* How long to wait for another process's write before saying the file is in use. */
#define BUSY_TIMEOUT_MS 1000

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_OFFICER, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UprStore, upr_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (upr-store-error-quark, upr_store_error)

/* Helpers */

static const char *
column_of (const char *name)
{
  /* Property names use '-', columns '_': converted once per name and kept for good. */
  static GHashTable *columns;
  static GMutex lock;
  const char *column;

  g_mutex_lock (&lock);
  if (columns == NULL)
    columns = g_hash_table_new (g_str_hash, g_str_equal);
  column = g_hash_table_lookup (columns, name);
  if (column == NULL)
    {
      char *converted = g_strdup (name);

      g_strdelimit (converted, "-", '_');
      column = g_intern_string (converted);
      g_free (converted);
      g_hash_table_insert (columns, (gpointer) name, (gpointer) column);
    }
  g_mutex_unlock (&lock);
  return column;
}

char *
upr_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
upr_store_fail (UprStore *self,
                int       rc,
                GError  **error)
{
  int code;
  const char *detail = sqlite3_errmsg (self->db);

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT: code = UPR_STORE_ERROR_CONSTRAINT; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = UPR_STORE_ERROR_LOCKED; break;
    case SQLITE_READONLY: code = UPR_STORE_ERROR_READ_ONLY; break;
    case SQLITE_CORRUPT: code = UPR_STORE_ERROR_CORRUPT; break;
    case SQLITE_NOTADB: code = UPR_STORE_ERROR_NOT_A_DATABASE; break;
    default: code = UPR_STORE_ERROR_FAILED; break;
    }

  if (code == UPR_STORE_ERROR_CONSTRAINT)
    g_set_error (error, UPR_STORE_ERROR, code,
                 _("The change was refused because a value is missing or not allowed (%s)."),
                 detail);
  else if (code == UPR_STORE_ERROR_LOCKED)
    g_set_error (error, UPR_STORE_ERROR, code,
                 _("The database is in use by another program. Close the other copy of Upright, "
                   "or wait for it to finish, then try again."));
  else if (rc == SQLITE_FULL)
    g_set_error (error, UPR_STORE_ERROR, code,
                 _("The disk is full: the change was not saved. Free some space and try again."));
  else
    g_set_error (error, UPR_STORE_ERROR, code, _("The database reported an error: %s."), detail);
  return FALSE;
}

sqlite3_stmt *
upr_store_prepare (UprStore   *self,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  return stmt;
}

UprCachedStmt *
upr_store_prepare_cached (UprStore   *self,
                          const char *sql,
                          GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
upr_cached_stmt_release (UprCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
upr_store_exec (UprStore   *self,
                const char *sql,
                GError    **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || upr_store_fail (self, rc, error);
}

static gint64
query_int (UprStore   *self,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (self, sql, NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return -1;
}

/* upr_fold() as an SQL function, for accent- and case-insensitive lookups of names. */
static void
sql_fold (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, upr_fold (text), -1, g_free);
}

/* Opening */

static gboolean
check_file_before_open (const char *path,
                        GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  char header[16] = { 0 };
  FILE *file;
  size_t n;

  if (g_stat (path, &st) != 0)
    {
      if (g_mkdir_with_parents (dir, 0700) != 0 || g_access (dir, W_OK) != 0)
        {
          g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_READ_ONLY,
                       _("Cannot create the database “%s”: the folder cannot be written to."),
                       path);
          return FALSE;
        }
      return TRUE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not an Upright database."), path);
      return FALSE;
    }

  /* A file without any write permission is refused even for root, who could otherwise
   * write to it: the user made it read-only on purpose. */
  if ((st.st_mode & 0222) == 0 || g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be changed: the file or its folder is read-only. Copy it to a "
                     "folder you can write to, or make it writable."),
                   path);
      return FALSE;
    }

  if (st.st_size == 0)
    return TRUE;

  file = g_fopen (path, "rb");
  n = file != NULL ? fread (header, 1, sizeof header, file) : 0;
  if (file != NULL)
    fclose (file);
  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not an Upright database."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_locked_error (UprStore *self,
                  GError  **error)
{
  g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_LOCKED,
               _("“%s” is in use by another program. Close the other copy of Upright, or "
                 "wait for it to finish, then try again."),
               self->path);
  return FALSE;
}

/* In WAL mode a process holding the database for writing does not stop others reading it,
 * so opening would succeed and the first change would fail after the user typed it. Taking
 * the write lock for a moment (writing nothing) tells now. */
static gboolean
check_writable (UprStore *self,
                GError  **error)
{
  int rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return set_locked_error (self, error);
  if (rc != SQLITE_OK)
    return upr_store_fail (self, rc, error);
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return TRUE;
}

/* Reads the header under a shared lock: reports a lock held by another process, another
 * program's database, or one from a newer Upright, before anything is written. */
static gboolean
check_identity (UprStore *self,
                GError  **error)
{
  gint64 app_id, version, n_tables;
  int rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);

  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not an Upright database."), self->path);
      return FALSE;
    }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return set_locked_error (self, error);
  if (rc != SQLITE_OK)
    return upr_store_fail (self, rc, error);

  app_id = query_int (self, "PRAGMA application_id");
  version = query_int (self, "PRAGMA user_version");
  n_tables = query_int (self, "SELECT count(*) FROM sqlite_master");
  if (app_id != UPR_APPLICATION_ID && (app_id != 0 || version != 0 || n_tables != 0))
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database, but not one of Upright’s."), self->path);
      return FALSE;
    }
  if (version > upr_migrations_latest ())
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Upright (database version %d; this "
                     "version reads up to %d). Update Upright to open it."),
                   self->path, (int) version, upr_migrations_latest ());
      return FALSE;
    }
  return n_tables == 0 || check_writable (self, error);
}

static gboolean
set_damaged_error (UprStore   *self,
                   const char *detail,
                   GError    **error)
{
  g_auto(GStrv) lines = g_strsplit (detail != NULL ? detail : "", "\n", -1);
  const char *first = "";

  /* quick_check's report may run to many lines under a "*** in database main ***" banner:
   * the first real one is enough here, `upright check` gives them all. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "***"))
      {
        first = lines[i];
        break;
      }
  g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CORRUPT,
               _("“%s” is damaged (%s). Restore a backup, or run “upright check” for "
                 "details."),
               self->path, first);
  return FALSE;
}

static gboolean
quick_check (UprStore *self,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (self, "PRAGMA quick_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  /* Damage bad enough that the check itself cannot run gets the same message. */
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    return set_damaged_error (self, sqlite3_errmsg (self->db), error);
  if (rc != SQLITE_ROW)
    return upr_store_fail (self, rc, error);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    return set_damaged_error (self, (const char *) sqlite3_column_text (stmt, 0), error);
  return TRUE;
}

static gboolean
configure_connection (UprStore *self,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* A larger page cache keeps a workshop of thousands of participants in memory between
   * queries; temporary tables (sorts) stay in memory, so no personal data goes to /tmp. */
  if (!upr_store_exec (self,
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA secure_delete = ON;"
                       "PRAGMA synchronous = FULL;"
                       "PRAGMA cache_size = -32768;"
                       "PRAGMA temp_store = MEMORY;",
                       error))
    return FALSE;

  stmt = upr_store_prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW
      || g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                   _("Cannot use the database “%s” safely: write-ahead logging is not available "
                     "on this disk."),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

/* @for_check: for `upright check`, which must report on a damaged database rather than
 * refuse it, and must not change the schema of the file it inspects. */
static UprStore *
open_store (const char *path,
            int         max_version,
            gboolean    for_check,
            GError    **error)
{
  g_autoptr(UprStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_file_before_open (path, error))
    return NULL;

  self = g_object_new (UPR_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  rc = sqlite3_create_function_v2 (self->db, "upr_fold", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                   sql_fold, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }

  if (!check_identity (self, error))
    return NULL;
  if (for_check)
    return g_steal_pointer (&self);
  if (!quick_check (self, error) || !configure_connection (self, error)
      || !upr_store_migrate (self, max_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Overrides */

static void
upr_store_finalize (GObject *object)
{
  UprStore *self = UPR_STORE (object);

  g_hash_table_destroy (self->statements);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->officer);
  g_array_unref (self->pending);

  G_OBJECT_CLASS (upr_store_parent_class)->finalize (object);
}

static void
upr_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  UprStore *self = UPR_STORE (object);

  switch (prop_id)
    {
    case PROP_OFFICER:
      g_value_set_string (value, self->officer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  UprStore *self = UPR_STORE (object);

  switch (prop_id)
    {
    case PROP_OFFICER:
      upr_store_set_officer (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_store_class_init (UprStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upr_store_finalize;
  object_class->get_property = upr_store_get_property;
  object_class->set_property = upr_store_set_property;

  properties[PROP_OFFICER] =
    g_param_spec_string ("officer", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UprStore::changed:
   * @table: the table that changed ("workshop", "attendance", …)
   *
   * Emitted after a transaction that changed @table has been committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
upr_store_init (UprStore *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (GQuark));
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* Public API */

char *
upr_store_default_path (void)
{
  const char *env = g_getenv ("UPRIGHT_DATABASE");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "upright", "upright.db", NULL);
}

UprStore *
upr_store_open (const char *path,
                GError    **error)
{
  return open_store (path, upr_migrations_latest (), FALSE, error);
}

UprStore *
upr_store_open_for_check (const char *path,
                          GError    **error)
{
  return open_store (path, upr_migrations_latest (), TRUE, error);
}

UprStore *
upr_store_open_at_version (const char *path,
                           int         version,
                           GError    **error)
{
  return open_store (path, version, FALSE, error);
}

gboolean
upr_store_migrate (UprStore *self,
                   int       version,
                   GError  **error)
{
  const UprMigration *migrations;
  guint n_migrations;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);

  migrations = upr_migrations_get (&n_migrations);
  for (guint i = 0; i < n_migrations; i++)
    {
      const UprMigration *m = &migrations[i];
      g_autofree char *bump = NULL;

      if (m->version <= upr_store_get_schema_version (self) || m->version > version)
        continue;

      bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                              m->version, UPR_APPLICATION_ID);
      if (!upr_store_begin (self, error))
        return FALSE;
      if (!upr_store_exec (self, m->sql, error)
          || (m->seed != NULL && !m->seed (self->db, error))
          || !upr_store_exec (self, bump, error)
          || !upr_store_commit (self, error))
        {
          upr_store_rollback (self);
          g_prefix_error (error, _("Cannot update the database “%s” to version %d: "),
                          self->path, m->version);
          return FALSE;
        }
    }
  return TRUE;
}

const char *
upr_store_get_path (UprStore *self)
{
  g_return_val_if_fail (UPR_IS_STORE (self), NULL);

  return self->path;
}

int
upr_store_get_schema_version (UprStore *self)
{
  g_return_val_if_fail (UPR_IS_STORE (self), -1);

  return (int) query_int (self, "PRAGMA user_version");
}

const char *
upr_store_get_officer (UprStore *self)
{
  g_return_val_if_fail (UPR_IS_STORE (self), NULL);

  return self->officer;
}

void
upr_store_set_officer (UprStore   *self,
                       const char *officer)
{
  g_return_if_fail (UPR_IS_STORE (self));

  if (g_strcmp0 (self->officer, officer) == 0)
    return;
  g_free (self->officer);
  self->officer = g_strdup (officer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICER]);
}

gboolean
upr_store_check (UprStore *self,
                 GString  *report,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) integrity = NULL;
  g_autoptr(sqlite3_stmt) foreign = NULL;
  guint n_problems = 0;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);

  integrity = upr_store_prepare (self, "PRAGMA integrity_check (25)", error);
  if (integrity == NULL)
    return FALSE;
  while (sqlite3_step (integrity) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (integrity, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      g_string_append_printf (report, "%s\n", line);
      n_problems++;
    }

  foreign = upr_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (foreign == NULL)
    return FALSE;
  while (sqlite3_step (foreign) == SQLITE_ROW)
    {
      g_string_append_printf (report, _("Row %lld of table “%s” refers to a missing row of “%s”.\n"),
                              (long long) sqlite3_column_int64 (foreign, 1),
                              sqlite3_column_text (foreign, 0), sqlite3_column_text (foreign, 2));
      n_problems++;
    }

  if (n_problems > 0)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CORRUPT,
                   g_dngettext (GETTEXT_PACKAGE, "%u problem found in “%s”.",
                                "%u problems found in “%s”.", n_problems),
                   n_problems, self->path);
      return FALSE;
    }
  g_string_append_printf (report, _("“%s”: no problem found (database version %d).\n"), self->path,
                          upr_store_get_schema_version (self));
  return TRUE;
}

/* Transactions */

gboolean
upr_store_begin (UprStore *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT upr_%u", self->depth);
  if (!upr_store_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
upr_store_commit (UprStore *self,
                  GError  **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GArray) pending = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE upr_%u", self->depth - 1);
  if (!upr_store_exec (self, sql, error))
    return FALSE;
  self->depth--;
  if (self->depth > 0)
    return TRUE;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (GQuark));
  for (guint i = 0; i < pending->len; i++)
    {
      GQuark table = g_array_index (pending, GQuark, i);

      g_signal_emit (self, signals[CHANGED], table, g_quark_to_string (table));
    }
  return TRUE;
}

void
upr_store_rollback (UprStore *self)
{
  g_return_if_fail (UPR_IS_STORE (self));

  if (self->depth == 0)
    return;
  if (self->depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_array_set_size (self->pending, 0);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO upr_%u; RELEASE upr_%u",
                                              self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

void
upr_store_touch (UprStore   *self,
                 const char *table)
{
  GQuark quark = g_quark_from_string (table);

  for (guint i = 0; i < self->pending->len; i++)
    if (g_array_index (self->pending, GQuark, i) == quark)
      return;
  g_array_append_val (self->pending, quark);
}

gboolean
upr_store_log_change (UprStore   *self,
                      const char *entity,
                      const char *entity_id,
                      const char *action,
                      const char *fields,
                      GError    **error)
{
  g_autofree char *now = upr_store_now ();
  g_autoptr(UprCachedStmt) stmt = NULL;
  int rc;

  stmt = upr_store_prepare_cached (self,
                                   "INSERT INTO change_log"
                                   " (at, officer, entity, entity_id, action, fields)"
                                   " VALUES (?, ?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->officer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, fields != NULL && fields[0] ? fields : NULL, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  return rc == SQLITE_DONE || upr_store_fail (self, rc, error);
}

gint64
upr_store_count_changes (UprStore *self)
{
  g_return_val_if_fail (UPR_IS_STORE (self), -1);

  return query_int (self, "SELECT count(*) FROM change_log");
}

char *
upr_store_describe_last_change (UprStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);

  stmt = upr_store_prepare (self,
                            "SELECT action, entity, coalesce (fields, ''), coalesce (officer, '')"
                            " FROM change_log ORDER BY seq DESC LIMIT 1",
                            NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strstrip (g_strdup_printf ("%s %s %s %s", sqlite3_column_text (stmt, 0),
                                      sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 3),
                                      sqlite3_column_text (stmt, 2)));
}

/* Generic records */

char *
upr_store_select_columns (GType       type,
                          const char *alias)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  UprRecordClass *record_class = UPR_RECORD_CLASS (klass);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < record_class->n_fields; i++)
    g_string_append_printf (out, "%s%s.%s", i ? ", " : "", alias,
                            column_of (record_class->fields[i].name));
  return g_string_free (out, FALSE);
}

UprRecord *
upr_store_record_from_row (GType         type,
                           sqlite3_stmt *stmt,
                           int           first)
{
  UprRecord *record = g_object_new (type, NULL);
  UprRecordClass *klass = UPR_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      int col = first + (int) i;
      g_auto(GValue) value = G_VALUE_INIT;

      if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
        {
          if (klass->fields[i].type == UPR_FIELD_STRING)
            {
              g_value_init (&value, G_TYPE_STRING);
              upr_record_set_value (record, i, &value);
            }
          continue;
        }
      switch (klass->fields[i].type)
        {
        case UPR_FIELD_STRING:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, (const char *) sqlite3_column_text (stmt, col));
          break;
        case UPR_FIELD_INT:
          g_value_init (&value, G_TYPE_INT);
          g_value_set_int (&value, sqlite3_column_int (stmt, col));
          break;
        case UPR_FIELD_BOOLEAN:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, sqlite3_column_int (stmt, col) != 0);
          break;
        default:
          g_assert_not_reached ();
        }
      upr_record_set_value (record, i, &value);
    }
  upr_record_clear_changes (record);
  return record;
}

GListModel *
upr_store_collect (UprStore     *self,
                   GType         type,
                   sqlite3_stmt *stmt,
                   GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, upr_store_record_from_row (type, stmt, 0));
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  /* One splice, so a view bound to the list sees one change, not thousands. */
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static void
bind_field (sqlite3_stmt   *stmt,
            int             param,
            const UprField *field,
            const GValue   *value)
{
  switch (field->type)
    {
    case UPR_FIELD_STRING:
      sqlite3_bind_text (stmt, param, g_value_get_string (value), -1, SQLITE_TRANSIENT);
      break;
    case UPR_FIELD_INT:
      if (field->zero_is_null && g_value_get_int (value) == 0)
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_int (stmt, param, g_value_get_int (value));
      break;
    case UPR_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, param, g_value_get_boolean (value) ? 1 : 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
upsert_sql (UprRecordClass *klass)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", column_of (klass->fields[i].name));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ") ON CONFLICT (id) DO UPDATE SET ");
  for (guint i = 1; i < klass->n_fields; i++)
    {
      const char *column = column_of (klass->fields[i].name);

      g_string_append_printf (sql, "%s%s = excluded.%s", i > 1 ? ", " : "", column, column);
    }
  return g_string_free (sql, FALSE);
}

static gboolean
record_exists (UprStore   *self,
               const char *table,
               const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", table);
  g_autoptr(UprCachedStmt) stmt = upr_store_prepare_cached (self, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static void
stamp_record (UprRecord *record,
              gboolean   is_new)
{
  g_autofree char *now = upr_store_now ();
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  if (upr_record_get_id (record) == NULL)
    {
      g_value_take_string (&value, g_uuid_string_random ());
      upr_record_set_value (record, 0, &value);
    }
  g_value_set_string (&value, now);
  if (is_new && upr_record_get_created_at (record) == NULL)
    upr_record_set_value (record, 1, &value);
  upr_record_set_value (record, 2, &value);
}

static gboolean
write_record (UprStore  *self,
              UprRecord *record,
              GError   **error)
{
  UprRecordClass *klass = UPR_RECORD_GET_CLASS (record);
  g_autofree char *sql = upsert_sql (klass);
  g_autoptr(UprCachedStmt) stmt = upr_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    bind_field (stmt, (int) i + 1, &klass->fields[i], upr_record_peek_value (record, i));
  rc = sqlite3_step (stmt);
  return rc == SQLITE_DONE || upr_store_fail (self, rc, error);
}

gboolean
upr_store_save (UprStore  *self,
                UprRecord *record,
                GError   **error)
{
  UprRecordClass *klass;
  g_autofree char *fields = NULL;
  gboolean is_new;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (UPR_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = UPR_RECORD_GET_CLASS (record);
  is_new = upr_record_get_id (record) == NULL
           || !record_exists (self, klass->table, upr_record_get_id (record));
  if (!is_new && !upr_record_has_changes (record))
    return TRUE;

  fields = is_new ? NULL : upr_record_describe_changes (record);
  if (!upr_store_begin (self, error))
    return FALSE;
  stamp_record (record, is_new);
  if (!write_record (self, record, error)
      || !upr_store_log_change (self, klass->table, upr_record_get_id (record),
                                is_new ? "create" : "update", fields, error))
    {
      upr_store_rollback (self);
      return FALSE;
    }
  upr_store_touch (self, klass->table);
  if (!upr_store_commit (self, error))
    {
      upr_store_rollback (self);
      return FALSE;
    }
  upr_record_clear_changes (record);
  return TRUE;
}

gboolean
upr_store_delete (UprStore  *self,
                  UprRecord *record,
                  GError   **error)
{
  UprRecordClass *klass;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (UPR_IS_RECORD (record), FALSE);
  g_return_val_if_fail (upr_record_get_id (record) != NULL, FALSE);

  klass = UPR_RECORD_GET_CLASS (record);
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", klass->table);
  if (!upr_store_begin (self, error))
    return FALSE;
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, upr_record_get_id (record), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      goto fail;
    }
  if (!upr_store_log_change (self, klass->table, upr_record_get_id (record), "delete", NULL,
                             error))
    goto fail;
  upr_store_touch (self, klass->table);
  return upr_store_commit (self, error);

fail:
  upr_store_rollback (self);
  return FALSE;
}

UprRecord *
upr_store_load (UprStore   *self,
                GType       type,
                const char *id,
                GError    **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, UPR_TYPE_RECORD), NULL);

  klass = g_type_class_ref (type);
  columns = upr_store_select_columns (type, "t");
  sql = g_strdup_printf ("SELECT %s FROM %s AS t WHERE t.id = ?", columns,
                         UPR_RECORD_CLASS (klass)->table);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return upr_store_record_from_row (type, stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND,
                 _("The record was not found; it may have been deleted."));
  else
    upr_store_fail (self, rc, error);
  return NULL;
}
