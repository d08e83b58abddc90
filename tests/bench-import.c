/* bench-import.c: the benchmark of issue 4 (`meson test --benchmark`). Imports UPR Info's
 * 1-5.xls (6,094 recommendations) and a generated CSV of 40,000, each into a new database
 * with all normalisation and matching, and, in the same run, times the sqlite3 shell's
 * `.import` of the same CSV into a bare table: the yardstick. Prints the times and the
 * ratio (target: within 3×); asserts only that everything was imported. Wall-clock time is
 * the measure; processor time is printed too, as it depends less on what else the machine
 * is doing.
 *
 * A third measure shows what the schema itself costs: the same rows written with plain
 * prepared statements, one row each, with random ids, into a new Upright database (a review
 * per State and session, the recommendation, its recommending State and issues, its
 * change-log entry), without reading the file, normalising or matching: what writing into
 * this schema costs before any of the importer's work.
 *
 * Usage: bench-import TESTS_DATA_DIR [N_ROWS]
 *
 * The CSV is made from tests/data/1-5.csv (Mac Roman, CR line ends), converted to UTF-8 and
 * repeated with later sessions until it has N_ROWS rows: the same every run, and as varied
 * as the real file (80 States, 139 recommending States, texts of every length). */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <sqlite3.h>

#include "upr-fold.h"
#include "upr-import.h"
#include "upr-normalise-names.h"
#include "upr-store.h"
#include "upr-table.h"

#define DEFAULT_ROWS 40000
/* The best of this many runs of each, as the machine may be busy. */
#define N_RUNS 3

static char *
make_csv (const char *dir,
          const char *source,
          guint       n_rows)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char *path = g_build_filename (dir, "generated.csv", NULL);
  gsize length;
  guint n = 0;

  if (!g_file_get_contents (source, &raw, &length, &error)
      || (text = g_convert (raw, length, "UTF-8", "MACINTOSH", NULL, NULL, &error)) == NULL)
    g_error ("%s: %s", source, error->message);
  lines = g_strsplit (text, "\r", -1);
  g_string_append_printf (out, "%s\n", lines[0]);
  for (guint copy = 0; n < n_rows; copy++)
    for (guint i = 1; lines[i] != NULL && n < n_rows; i++)
      {
        /* The session is the last field: UPR Info's sessions 1–5 become 6–10, 11–15… */
        char *comma = strrchr (lines[i], ',');

        if (lines[i][0] == '\0' || comma == NULL)
          continue;
        g_string_append_len (out, lines[i], comma - lines[i] + 1);
        g_string_append_printf (out, "%d\n", atoi (comma + 1) + 5 * (int) copy);
        n++;
      }
  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s: %s", path, error->message);
  return path;
}

typedef struct
{
  double wall;
  double cpu; /* user and system */
} Times;

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
keep_best (Times *best,
           Times  times)
{
  best->wall = MIN (best->wall, times.wall);
  best->cpu = MIN (best->cpu, times.cpu);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* Seconds for the sqlite3 shell to import @csv into a bare table of a new database. */
static Times
time_sqlite_shell (const char *dir,
                   const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "bare.db", NULL);
  g_autofree char *command = g_strdup_printf (".import --csv '%s' t", csv);
  const char *argv[] = { "sqlite3", db, command, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start;
  double cpu;
  Times times;

  remove_database (db);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds (RUSAGE_CHILDREN);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("sqlite3 shell: %s (install the package sqlite3)", error->message);
  times.wall = (g_get_monotonic_time () - start) / 1e6;
  times.cpu = cpu_seconds (RUSAGE_CHILDREN) - cpu;
  remove_database (db);
  return times;
}

/* Seconds for Upright to import @file into a new database: reading, normalisation,
 * matching, writing, commit. */
static Times
time_import (const char *dir,
             const char *file,
             guint       expected)
{
  g_autofree char *db = g_build_filename (dir, "upright.db", NULL);
  g_autofree char *name = g_path_get_basename (file);
  g_autoptr(GFile) gfile = g_file_new_for_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autoptr(UprTable) table = NULL;
  g_autoptr(UprImport) import = NULL;
  gint64 start;
  double cpu;
  Times times;

  remove_database (db);
  store = upr_store_open (db, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds (RUSAGE_SELF);
  table = upr_table_read (gfile, NULL, NULL, &error);
  g_assert_no_error (error);
  import = upr_import_new (store, table, name, &error);
  g_assert_no_error (error);
  if (!upr_import_run (import, FALSE, NULL, &error))
    g_error ("%s: %s", file, error->message);
  times.wall = (g_get_monotonic_time () - start) / 1e6;
  times.cpu = cpu_seconds (RUSAGE_SELF) - cpu;
  if (upr_import_get_summary (import)->n_new != expected)
    g_error ("%s: %u imported, expected %u", file, upr_import_get_summary (import)->n_new,
             expected);
  g_clear_object (&import);
  g_clear_object (&store);
  remove_database (db);
  return times;
}

/* The store's upr_fold() for the schema's triggers, on a connection of our own. */
static void
sql_fold (sqlite3_context *context,
          int              argc,
          sqlite3_value  **argv)
{
  sqlite3_result_text (context, upr_fold ((const char *) sqlite3_value_text (argv[0])), -1,
                       g_free);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

static void
step_or_die (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

/* The CSV's rows written as plainly as can be into the schema (columns of the generated
 * file: To, …, Text, From, …, Response, Action, Issue, Session); the fold triggers run. */
static void
write_plainly (sqlite3   *db,
               UprTable  *table,
               GHashTable *codes)
{
  sqlite3_stmt *review = NULL, *rec = NULL, *state = NULL, *term = NULL, *log = NULL;
  g_autoptr(GHashTable) reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         g_free);
  const char *now = "2025-01-01T00:00:00Z";

  sqlite3_prepare_v2 (db, "INSERT INTO review (id, created_at, updated_at, country_code, session)"
                      " VALUES (?1, ?2, ?2, ?3, ?4)", -1, &review, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO recommendation (id, created_at, updated_at, review_id,"
                      " text, response, action_category) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)",
                      -1, &rec, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO recommendation_state VALUES (?, ?)", -1, &state, NULL);
  sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO recommendation_term VALUES (?, ?)", -1, &term,
                      NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO change_log (at, entity, entity_id, action)"
                      " VALUES (?, 'recommendation', ?, 'create')", -1, &log, NULL);
  for (guint r = 1; r < upr_table_get_n_rows (table, 0); r++)
    {
      const char * const *cells = upr_table_get_row (table, 0, r);
      g_autofree char *key = NULL;
      g_autofree char *id = g_uuid_string_random ();
      g_auto(GStrv) issues = NULL;
      const char *code, *review_id, *from;

      if (g_strv_length ((char **) cells) < 11)
        continue;
      code = g_hash_table_lookup (codes, cells[0]);
      key = g_strdup_printf ("%s %s", code, cells[10]);
      review_id = g_hash_table_lookup (reviews, key);
      if (review_id == NULL)
        {
          review_id = g_uuid_string_random ();
          g_hash_table_insert (reviews, g_strdup (key), (gpointer) review_id);
          sqlite3_bind_text (review, 1, review_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (review, 2, now, -1, SQLITE_STATIC);
          sqlite3_bind_text (review, 3, code, -1, SQLITE_STATIC);
          sqlite3_bind_int (review, 4, atoi (cells[10]));
          step_or_die (db, review);
        }
      sqlite3_bind_text (rec, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (rec, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (rec, 3, review_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (rec, 4, cells[3], -1, SQLITE_STATIC);
      sqlite3_bind_text (rec, 5, strcmp (cells[7], "Accepted") == 0 ? "supported" : "noted", -1,
                         SQLITE_STATIC);
      sqlite3_bind_int (rec, 6, atoi (cells[8]));
      step_or_die (db, rec);
      from = g_hash_table_lookup (codes, cells[4]);
      if (from != NULL)
        {
          sqlite3_bind_text (state, 1, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (state, 2, from, -1, SQLITE_STATIC);
          step_or_die (db, state);
        }
      issues = g_strsplit (cells[9], ",", -1);
      for (guint i = 0; issues[i] != NULL; i++)
        {
          const char *term_id = g_hash_table_lookup (codes, issues[i]);

          if (term_id == NULL)
            continue;
          sqlite3_bind_text (term, 1, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (term, 2, term_id, -1, SQLITE_STATIC);
          step_or_die (db, term);
        }
      sqlite3_bind_text (log, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (log, 2, id, -1, SQLITE_STATIC);
      step_or_die (db, log);
    }
  sqlite3_finalize (review);
  sqlite3_finalize (rec);
  sqlite3_finalize (state);
  sqlite3_finalize (term);
  sqlite3_finalize (log);
}

/* The names of the file's States and issues, to codes and term ids, as the importer matches
 * them (not timed). */
static GHashTable *
learn_codes (const char *dir,
             UprTable   *table)
{
  g_autofree char *db_path = g_build_filename (dir, "codes.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autoptr(UprNameIndex) countries = NULL;
  g_autoptr(UprNameIndex) issues = NULL;
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  remove_database (db_path);
  store = upr_store_open (db_path, &error);
  g_assert_no_error (error);
  countries = upr_name_index_new_for_countries (store, &error);
  issues = upr_name_index_new_for_terms (store, "uprinfo-issue", &error);
  g_assert_no_error (error);
  for (guint r = 1; r < upr_table_get_n_rows (table, 0); r++)
    {
      const char * const *cells = upr_table_get_row (table, 0, r);
      g_auto(GStrv) names = NULL;

      if (g_strv_length ((char **) cells) < 10)
        continue;
      for (guint c = 0; c < 5; c += 4)
        if (!g_hash_table_contains (codes, cells[c]))
          g_hash_table_insert (codes, g_strdup (cells[c]),
                               (gpointer) upr_name_index_lookup (countries, cells[c]));
      names = g_strsplit (cells[9], ",", -1);
      for (guint i = 0; names[i] != NULL; i++)
        if (!g_hash_table_contains (codes, names[i]))
          g_hash_table_insert (codes, g_strdup (names[i]),
                               (gpointer) upr_name_index_lookup (issues, names[i]));
    }
  g_clear_object (&store);
  remove_database (db_path);
  return codes;
}

static Times
time_schema_floor (const char *dir,
                   UprTable   *table,
                   GHashTable *codes)
{
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  g_autoptr(GError) error = NULL;
  UprStore *store;
  sqlite3 *db = NULL;
  gint64 start;
  double cpu;
  Times times;

  remove_database (path);
  store = upr_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  sqlite3_open (path, &db);
  sqlite3_create_function_v2 (db, "upr_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                              sql_fold, NULL, NULL, NULL);
  /* As the store configures its connection. */
  exec_or_die (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
                   " PRAGMA synchronous = FULL; PRAGMA cache_size = -32768;"
                   " PRAGMA temp_store = MEMORY; PRAGMA journal_mode = WAL");
  start = g_get_monotonic_time ();
  cpu = cpu_seconds (RUSAGE_SELF);
  exec_or_die (db, "BEGIN IMMEDIATE");
  write_plainly (db, table, codes);
  exec_or_die (db, "COMMIT");
  times.wall = (g_get_monotonic_time () - start) / 1e6;
  times.cpu = cpu_seconds (RUSAGE_SELF) - cpu;
  sqlite3_close (db);
  remove_database (path);
  return times;
}

/* The rows an import wrote (made once, not timed), copied into a new database by SQLite
 * alone: one INSERT … SELECT per table from in-memory copies. What storing exactly these
 * rows in this schema costs (indexes, foreign keys, change log, WAL, the final checkpoint)
 * with no reading, normalising, matching, nor a statement per row: the floor of any
 * importer of this data model. */
static char *
make_imported_database (const char *dir,
                        const char *csv)
{
  char *path = g_build_filename (dir, "imported.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autoptr(UprTable) table = NULL;
  g_autoptr(UprImport) import = NULL;

  remove_database (path);
  store = upr_store_open (path, &error);
  g_assert_no_error (error);
  table = upr_table_read (file, NULL, NULL, &error);
  g_assert_no_error (error);
  import = upr_import_new (store, table, "generated.csv", &error);
  g_assert_no_error (error);
  if (!upr_import_run (import, FALSE, NULL, &error))
    g_error ("%s: %s", csv, error->message);
  return path;
}

static Times
time_copy_floor (const char *dir,
                 const char *imported)
{
  static const char * const tables[] = { "review", "recommendation", "recommendation_state",
                                         "recommendation_term", "recommendation_sdg" };
  g_autofree char *path = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *attach = g_strdup_printf ("ATTACH '%s' AS src", imported);
  g_autoptr(GError) error = NULL;
  UprStore *store;
  sqlite3 *db = NULL;
  gint64 start;
  double cpu;
  Times times;

  remove_database (path);
  store = upr_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  sqlite3_open (path, &db);
  sqlite3_create_function_v2 (db, "upr_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                              sql_fold, NULL, NULL, NULL);
  exec_or_die (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
                   " PRAGMA synchronous = FULL; PRAGMA cache_size = -32768;"
                   " PRAGMA temp_store = MEMORY; PRAGMA journal_mode = WAL");
  exec_or_die (db, attach);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE TEMP TABLE copy_%s AS SELECT * FROM src.%s",
                                              tables[i], tables[i]);
      exec_or_die (db, sql);
    }
  exec_or_die (db, "CREATE TEMP TABLE copy_change_log AS SELECT at, officer, entity, entity_id,"
                   " action, fields FROM src.change_log WHERE entity = 'recommendation'");
  exec_or_die (db, "DETACH src");

  start = g_get_monotonic_time ();
  cpu = cpu_seconds (RUSAGE_SELF);
  exec_or_die (db, "BEGIN IMMEDIATE");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO main.%s SELECT * FROM copy_%s",
                                              tables[i], tables[i]);
      exec_or_die (db, sql);
    }
  exec_or_die (db, "INSERT INTO main.change_log (at, officer, entity, entity_id, action, fields)"
                   " SELECT * FROM copy_change_log");
  exec_or_die (db, "COMMIT");
  times.wall = (g_get_monotonic_time () - start) / 1e6;
  times.cpu = cpu_seconds (RUSAGE_SELF) - cpu;
  sqlite3_close (db);
  remove_database (path);
  return times;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *xls = NULL;
  g_autofree char *csv = NULL;
  guint n_rows = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : DEFAULT_ROWS;
  Times shell = { G_MAXDOUBLE, G_MAXDOUBLE };
  Times upright_csv = shell, upright_xls = shell, floor = shell, copy = shell;
  g_autofree char *imported = NULL;
  g_autoptr(UprTable) table = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-import TESTS_DATA_DIR [N_ROWS]\n");
      return 2;
    }
  dir = g_dir_make_tmp ("upright-bench-import-XXXXXX", NULL);
  source = g_build_filename (argv[1], "1-5.csv", NULL);
  xls = g_build_filename (argv[1], "1-5.xls", NULL);
  csv = make_csv (dir, source, n_rows);
  file = g_file_new_for_path (csv);
  table = upr_table_read (file, NULL, NULL, &error);
  g_assert_no_error (error);
  codes = learn_codes (dir, table);
  imported = make_imported_database (dir, csv);

  /* Interleaved, so that a busy moment of the machine weighs on both sides alike. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      keep_best (&shell, time_sqlite_shell (dir, csv));
      keep_best (&upright_csv, time_import (dir, csv, n_rows));
      keep_best (&upright_xls, time_import (dir, xls, 6094));
      keep_best (&floor, time_schema_floor (dir, table, codes));
      keep_best (&copy, time_copy_floor (dir, imported));
    }

  printf ("best of %d runs, wall-clock time (processor time)\n", N_RUNS);
  printf ("sqlite3 shell .import of %u CSV rows, bare table: %.3f s (%.3f s)\n", n_rows,
          shell.wall, shell.cpu);
  printf ("upright import of the same CSV:                   %.3f s (%.3f s), %.0f rows/s\n",
          upright_csv.wall, upright_csv.cpu, n_rows / upright_csv.wall);
  printf ("ratio upright / sqlite3 shell:                    %.1f× (%.1f×), target 3×\n",
          upright_csv.wall / shell.wall, upright_csv.cpu / shell.cpu);
  printf ("upright import of 1-5.xls, 6,094 recommendations: %.3f s (%.3f s)\n",
          upright_xls.wall, upright_xls.cpu);
  printf ("the same rows, plain statements, no normalisation: %.3f s (%.3f s), %.1f× the shell\n",
          floor.wall, floor.cpu, floor.wall / shell.wall);
  printf ("the rows the import wrote, copied by SQLite alone: %.3f s (%.3f s), %.1f× the shell\n",
          copy.wall, copy.cpu, copy.wall / shell.wall);
  printf ("upright's own work (import minus that copy):        %.3f s (%.3f s)\n",
          upright_csv.wall - copy.wall, upright_csv.cpu - copy.cpu);

  remove_database (imported);
  g_remove (csv);
  g_rmdir (dir);
  return 0;
}
