/* upr-store-import.c: bulk reading and writing of recommendations for importers, and the
 * remembered column mappings; see upr-store-import.h.
 *
 * Speed matters here: a UPR Info export holds tens of thousands of rows, and the import
 * runs in one transaction in the main loop's idle time. Every statement is kept prepared;
 * new recommendations, their links and their change-log entries are written 64 to a
 * statement, with ids in increasing order (see new_id ()). Measured on 40,000 rows, this
 * takes a third of the processor time of upr_store_save () and
 * upr_store_set_recommendation_links () row by row. */
#include "config.h"

#include <string.h>

#include "upr-fold.h"
#include "upr-store-import.h"
#include "upr-store-recommendations-private.h"

/* Helpers */

static char **
empty_strv (void)
{
  return g_new0 (char *, 1);
}

UprImportedRecommendation *
upr_imported_recommendation_new (void)
{
  UprImportedRecommendation *rec = g_new0 (UprImportedRecommendation, 1);

  rec->states = empty_strv ();
  rec->terms = empty_strv ();
  return rec;
}

void
upr_imported_recommendation_free (UprImportedRecommendation *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->id);
  g_free (rec->paragraph);
  g_free (rec->text);
  g_free (rec->response);
  g_free (rec->response_source);
  g_free (rec->source_file);
  g_strfreev (rec->states);
  g_strfreev (rec->terms);
  g_free (rec);
}

static gboolean
step_done (UprStore     *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  return rc == SQLITE_DONE || upr_store_fail (self, rc, error);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           param,
                   const char   *text)
{
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, param);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           param,
                  int           value)
{
  if (value > 0)
    sqlite3_bind_int (stmt, param, value);
  else
    sqlite3_bind_null (stmt, param);
}

/* Reading a review */

static UprImportedRecommendation *
recommendation_from_row (sqlite3_stmt *stmt)
{
  UprImportedRecommendation *rec = upr_imported_recommendation_new ();

  rec->id = column_text (stmt, 0);
  rec->paragraph = column_text (stmt, 1);
  rec->text = column_text (stmt, 2);
  rec->response = column_text (stmt, 3);
  rec->response_source = column_text (stmt, 4);
  rec->action_category = sqlite3_column_int (stmt, 5);
  rec->source_file = column_text (stmt, 6);
  rec->source_row = sqlite3_column_int (stmt, 7);
  rec->trashed = sqlite3_column_int (stmt, 8) != 0;
  return rec;
}

typedef enum
{
  LINK_STATES,
  LINK_TERMS,
  LINK_GOALS,
} LinkKind;

/* Gives each recommendation of @by_id the values @sql reads for it, as (id, value) rows
 * ordered by id and value. */
static gboolean
read_links (UprStore   *self,
            const char *sql,
            const char *review_id,
            GHashTable *by_id,
            LinkKind    kind,
            GError    **error)
{
  g_autoptr(UprCachedStmt) stmt = upr_store_prepare_cached (self, sql, error);
  g_autoptr(GHashTable) lists = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  if (stmt == NULL)
    return FALSE;
  lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  sqlite3_bind_text (stmt, 1, review_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UprImportedRecommendation *rec = g_hash_table_lookup (by_id, sqlite3_column_text (stmt, 0));
      GPtrArray *list;

      if (rec == NULL)
        continue;
      if (kind == LINK_GOALS)
        {
          int goal = sqlite3_column_int (stmt, 1);

          if (goal >= 1 && goal <= 17)
            rec->sdg_goals |= UPR_SDG_BIT (goal);
          continue;
        }
      list = g_hash_table_lookup (lists, rec->id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (lists, rec->id, list);
        }
      g_ptr_array_add (list, column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return upr_store_fail (self, rc, error);

  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      UprImportedRecommendation *rec = g_hash_table_lookup (by_id, key);
      GPtrArray *list = value;
      char ***target = kind == LINK_STATES ? &rec->states : &rec->terms;

      g_ptr_array_add (list, NULL);
      g_strfreev (*target);
      *target = g_memdup2 (list->pdata, sizeof (char *) * list->len);
    }
  return TRUE;
}

GPtrArray *
upr_store_import_list_review (UprStore   *self,
                              const char *review_id,
                              GError    **error)
{
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(UprCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (review_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = upr_store_prepare_cached (self,
                                   "SELECT id, paragraph, text, response, response_source,"
                                   " action_category, source_file, source_row,"
                                   " deleted_at IS NOT NULL"
                                   " FROM recommendation WHERE review_id = ?",
                                   error);
  if (stmt == NULL)
    return NULL;
  recs = g_ptr_array_new_with_free_func ((GDestroyNotify) upr_imported_recommendation_free);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_bind_text (stmt, 1, review_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UprImportedRecommendation *rec = recommendation_from_row (stmt);

      g_ptr_array_add (recs, rec);
      g_hash_table_insert (by_id, rec->id, rec);
    }
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, upr_cached_stmt_release);
  if (recs->len == 0)
    return g_steal_pointer (&recs);

  /* The links through the review's recommendations, ordered so each list comes sorted. */
#define LINKS_OF_REVIEW(table, column) \
  "SELECT l.recommendation_id, l." column " FROM recommendation AS r" \
  " CROSS JOIN " table " AS l ON l.recommendation_id = r.id" \
  " WHERE r.review_id = ? ORDER BY l.recommendation_id, l." column
  if (!read_links (self, LINKS_OF_REVIEW ("recommendation_state", "country_code"), review_id,
                   by_id, LINK_STATES, error)
      || !read_links (self, LINKS_OF_REVIEW ("recommendation_term", "term_id"), review_id,
                      by_id, LINK_TERMS, error)
      || !read_links (self, LINKS_OF_REVIEW ("recommendation_sdg", "goal"), review_id, by_id,
                      LINK_GOALS, error))
    return NULL;
#undef LINKS_OF_REVIEW
  return g_steal_pointer (&recs);
}

/* Writing */

/* A new record's id: a UUID laid out as version 7 (RFC 9562): 48 bits of milliseconds, a
 * counter within the millisecond, then 62 random bits. As unique as a random UUID for
 * merging officers' databases, but in increasing order: each insert then lands at the end
 * of the indexes of ids (the table's, its links', the change log's) instead of at a random
 * place, which makes importing tens of thousands of rows several times quicker. */
static char *
new_id (void)
{
  /* Main thread only, as the store. */
  static gint64 last_ms;
  static guint counter;
  gint64 ms = g_get_real_time () / 1000;
  guint8 b[16];

  if (ms <= last_ms)
    {
      ms = last_ms;
      if (++counter > 0xFFF)
        {
          ms++;
          counter = 0;
        }
    }
  else
    counter = g_random_int_range (0, 0x400);
  last_ms = ms;
  for (int i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (40 - 8 * i));
  b[6] = 0x70 | (guint8) (counter >> 8);
  b[7] = (guint8) counter;
  for (int i = 8; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      memcpy (&b[i], &r, 4);
    }
  b[8] = 0x80 | (b[8] & 0x3F);
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
                          b[11], b[12], b[13], b[14], b[15]);
}

/* Rows per statement: a few hundred parameters at most, far below SQLite's limit. */
#define BATCH_SIZE 64

typedef struct
{
  char                      *review_id;
  UprImportedRecommendation *rec;
  char                      *search_folded;
} Queued;

struct _UprStoreImportBatch
{
  UprStore  *store;   /* owned */
  char      *now;
  GArray    *queued;  /* of Queued */
};

static void
queued_clear (Queued *queued)
{
  g_free (queued->review_id);
  upr_imported_recommendation_free (queued->rec);
  g_free (queued->search_folded);
}

UprStoreImportBatch *
upr_store_import_batch_new (UprStore   *self,
                            const char *now)
{
  UprStoreImportBatch *batch = g_new0 (UprStoreImportBatch, 1);

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  batch->store = g_object_ref (self);
  batch->now = g_strdup (now);
  batch->queued = g_array_new (FALSE, FALSE, sizeof (Queued));
  g_array_set_clear_func (batch->queued, (GDestroyNotify) queued_clear);
  return batch;
}

void
upr_store_import_batch_free (UprStoreImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_array_unref (batch->queued);
  g_free (batch->now);
  g_object_unref (batch->store);
  g_free (batch);
}

/* "INSERT INTO @head VALUES (?, …), (?, …)…": @n_rows groups of @n_columns parameters. */
static char *
multi_row_sql (const char *head,
               guint       n_columns,
               guint       n_rows)
{
  GString *sql = g_string_new (head);

  g_string_append (sql, " VALUES ");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint c = 0; c < n_columns; c++)
        g_string_append (sql, c > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  return g_string_free (sql, FALSE);
}

typedef void (*BindRow) (sqlite3_stmt *stmt,
                         int           first,
                         gpointer      row,
                         gpointer      user_data);

/* Inserts the @n rows of @rows with statements of up to BATCH_SIZE rows each. */
static gboolean
insert_rows (UprStore   *self,
             const char *head,
             guint       n_columns,
             gpointer   *rows,
             guint       n,
             BindRow     bind,
             gpointer    user_data,
             GError    **error)
{
  for (guint done = 0; done < n;)
    {
      guint count = MIN (n - done, BATCH_SIZE);
      g_autofree char *sql = multi_row_sql (head, n_columns, count);
      g_autoptr(UprCachedStmt) stmt = upr_store_prepare_cached (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      for (guint r = 0; r < count; r++)
        bind (stmt, (int) (r * n_columns) + 1, rows[done + r], user_data);
      if (!step_done (self, stmt, error))
        return FALSE;
      done += count;
    }
  return TRUE;
}

static void
bind_recommendation (sqlite3_stmt *stmt,
                     int           first,
                     gpointer      row,
                     gpointer      user_data)
{
  Queued *queued = row;
  UprImportedRecommendation *rec = queued->rec;
  const char *now = user_data;

  sqlite3_bind_text (stmt, first, rec->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 3, queued->review_id, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, first + 4, rec->paragraph);
  sqlite3_bind_text (stmt, first + 5, rec->text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 6, rec->response != NULL ? rec->response : "pending", -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, first + 7, rec->response_source);
  bind_int_or_null (stmt, first + 8, rec->action_category);
  bind_text_or_null (stmt, first + 9, rec->source_file);
  bind_int_or_null (stmt, first + 10, rec->source_row);
  sqlite3_bind_text (stmt, first + 11, queued->search_folded, -1, SQLITE_STATIC);
}

/* A link to write: the recommendation's id and a value (a code, a term id or a goal). */
typedef struct
{
  const char *id;
  const char *value;
  int         goal;
} Link;

static void
bind_link (sqlite3_stmt *stmt,
           int           first,
           gpointer      row,
           gpointer      user_data)
{
  Link *link = row;

  sqlite3_bind_text (stmt, first, link->id, -1, SQLITE_STATIC);
  if (link->value != NULL)
    sqlite3_bind_text (stmt, first + 1, link->value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int (stmt, first + 1, link->goal);
}

/* As upr_store_log_change() writes it, with the officer's name, the field names of none (a
 * creation). */
static void
bind_change (sqlite3_stmt *stmt,
             int           first,
             gpointer      row,
             gpointer      user_data)
{
  Queued *queued = row;
  UprStoreImportBatch *batch = user_data;

  sqlite3_bind_text (stmt, first, batch->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, upr_store_get_officer (batch->store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, "recommendation", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 3, queued->rec->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 4, "create", -1, SQLITE_STATIC);
}

static gboolean
insert_links (UprStoreImportBatch *batch,
              const char          *head,
              const char          *table,
              GArray              *links,
              GError             **error)
{
  g_autofree gpointer *rows = NULL;

  if (links->len == 0)
    return TRUE;
  rows = g_new (gpointer, links->len);
  for (guint i = 0; i < links->len; i++)
    rows[i] = &g_array_index (links, Link, i);
  upr_store_touch (batch->store, table);
  return insert_rows (batch->store, head, 2, rows, links->len, bind_link, NULL, error);
}

/* The links of everything queued, by table. */
static void
collect_links (UprStoreImportBatch *batch,
               GArray              *states,
               GArray              *terms,
               GArray              *goals)
{
  for (guint i = 0; i < batch->queued->len; i++)
    {
      UprImportedRecommendation *rec = g_array_index (batch->queued, Queued, i).rec;

      for (guint s = 0; rec->states[s] != NULL; s++)
        g_array_append_val (states, ((Link) { rec->id, rec->states[s], 0 }));
      for (guint t = 0; rec->terms[t] != NULL; t++)
        g_array_append_val (terms, ((Link) { rec->id, rec->terms[t], 0 }));
      for (int goal = 1; goal <= 17; goal++)
        if (rec->sdg_goals & UPR_SDG_BIT (goal))
          g_array_append_val (goals, ((Link) { rec->id, NULL, goal }));
    }
}

gboolean
upr_store_import_batch_flush (UprStoreImportBatch *batch,
                              GError             **error)
{
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (Link));
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (Link));
  g_autoptr(GArray) goals = g_array_new (FALSE, FALSE, sizeof (Link));
  g_autofree gpointer *rows = NULL;
  guint n = batch->queued->len;
  gboolean ok;

  g_return_val_if_fail (batch != NULL, FALSE);

  if (n == 0)
    return TRUE;
  rows = g_new (gpointer, n);
  for (guint i = 0; i < n; i++)
    rows[i] = &g_array_index (batch->queued, Queued, i);
  collect_links (batch, states, terms, goals);
  ok = insert_rows (batch->store,
                    "INSERT INTO recommendation (id, created_at, updated_at, review_id,"
                    " paragraph, text, response, response_source, action_category, source_file,"
                    " source_row, search_folded)",
                    12, rows, n, bind_recommendation, batch->now, error)
       && insert_links (batch, "INSERT INTO recommendation_state (recommendation_id, country_code)",
                        "recommendation_state", states, error)
       && insert_links (batch, "INSERT INTO recommendation_term (recommendation_id, term_id)",
                        "recommendation_term", terms, error)
       && insert_links (batch, "INSERT INTO recommendation_sdg (recommendation_id, goal)",
                        "recommendation_sdg", goals, error)
       && insert_rows (batch->store,
                       "INSERT INTO change_log (at, officer, entity, entity_id, action)",
                       5, rows, n, bind_change, batch, error);
  upr_store_touch (batch->store, "recommendation");
  g_array_set_size (batch->queued, 0);
  return ok;
}

/* What the insert trigger of recommendation would compute (upr-migrations.c, version 5),
 * folded here so that the row is written once. A new row has no notes and no cluster. */
static char *
fold_search_text (const UprImportedRecommendation *rec)
{
  g_autofree char *joined = g_strjoin (" ", rec->paragraph != NULL ? rec->paragraph : "",
                                       rec->text, "", "",
                                       rec->response_source != NULL ? rec->response_source : "",
                                       NULL);

  return upr_fold (joined);
}

gboolean
upr_store_import_batch_add (UprStoreImportBatch       *batch,
                            const char                *review_id,
                            UprImportedRecommendation *rec,
                            GError                   **error)
{
  Queued queued;

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (review_id != NULL, FALSE);
  g_return_val_if_fail (rec != NULL && rec->id == NULL && rec->text != NULL, FALSE);

  rec->id = new_id ();
  queued.review_id = g_strdup (review_id);
  queued.rec = rec;
  queued.search_folded = fold_search_text (rec);
  g_array_append_val (batch->queued, queued);
  return batch->queued->len < BATCH_SIZE || upr_store_import_batch_flush (batch, error);
}

/* Updates */

static gboolean
update_links (UprStore     *self,
              const char   *sql,
              const char   *id,
              char * const *values,
              GError      **error)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autoptr(UprCachedStmt) stmt = upr_store_prepare_cached (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_goals (UprStore   *self,
              const char *id,
              guint       goals,
              GError    **error)
{
  for (int goal = 1; goal <= 17; goal++)
    {
      g_autoptr(UprCachedStmt) stmt = NULL;

      if ((goals & UPR_SDG_BIT (goal)) == 0)
        continue;
      stmt = upr_store_prepare_cached (self,
                                       "INSERT OR IGNORE INTO recommendation_sdg"
                                       " (recommendation_id, goal) VALUES (?, ?)",
                                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, goal);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

#define INSERT_STATE "INSERT OR IGNORE INTO recommendation_state (recommendation_id, country_code)" \
                     " VALUES (?, ?)"
#define INSERT_TERM  "INSERT OR IGNORE INTO recommendation_term (recommendation_id, term_id)" \
                     " VALUES (?, ?)"

static gboolean
delete_links (UprStore   *self,
              const char *table,
              const char *id,
              GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE recommendation_id = ?", table);
  g_autoptr(UprCachedStmt) stmt = upr_store_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  upr_store_touch (self, table);
  return step_done (self, stmt, error);
}

static gboolean
update_row (UprStore                        *self,
            const UprImportedRecommendation *rec,
            const char                      *now,
            GError                         **error)
{
  g_autoptr(UprCachedStmt) stmt = NULL;
  int rc;

  stmt = upr_store_prepare_cached (self,
                                   "UPDATE recommendation SET paragraph = ?, text = ?,"
                                   " response = ?, response_source = ?, action_category = ?,"
                                   " source_file = ?, source_row = ?, updated_at = ?"
                                   " WHERE id = ?",
                                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, rec->paragraph);
  sqlite3_bind_text (stmt, 2, rec->text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rec->response != NULL ? rec->response : "pending", -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 4, rec->response_source);
  bind_int_or_null (stmt, 5, rec->action_category);
  bind_text_or_null (stmt, 6, rec->source_file);
  bind_int_or_null (stmt, 7, rec->source_row);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, rec->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return upr_store_fail (self, rc, error);
  return sqlite3_changes (self->db) > 0 || upr_store_recommendation_not_found (error);
}

gboolean
upr_store_import_update (UprStore                        *self,
                         const UprImportedRecommendation *rec,
                         UprImportChanges                 changes,
                         const char                      *now,
                         GError                         **error)
{
  g_autofree char *fields = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (rec != NULL && rec->id != NULL && rec->text != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (changes == 0)
    return TRUE;
  if (!update_row (self, rec, now, error))
    return FALSE;
  if ((changes & UPR_IMPORT_CHANGE_STATES)
      && (!delete_links (self, "recommendation_state", rec->id, error)
          || !update_links (self, INSERT_STATE, rec->id, rec->states, error)))
    return FALSE;
  if ((changes & UPR_IMPORT_CHANGE_TERMS)
      && (!delete_links (self, "recommendation_term", rec->id, error)
          || !update_links (self, INSERT_TERM, rec->id, rec->terms, error)))
    return FALSE;
  if ((changes & UPR_IMPORT_CHANGE_SDGS)
      && (!delete_links (self, "recommendation_sdg", rec->id, error)
          || !update_goals (self, rec->id, rec->sdg_goals, error)))
    return FALSE;
  fields = upr_import_changes_describe (changes);
  upr_store_touch (self, "recommendation");
  return upr_store_log_change (self, "recommendation", rec->id, "update", fields, error);
}

char *
upr_import_changes_describe (UprImportChanges changes)
{
  /* The names of the record's properties and of the link lists, as every other change to a
   * recommendation is logged (upr-recommendation.c, upr-store-recommendation-edits.c). */
  static const struct { UprImportChanges change; const char *field; } names[] = {
    { UPR_IMPORT_CHANGE_PARAGRAPH, "paragraph" },
    { UPR_IMPORT_CHANGE_TEXT, "text" },
    { UPR_IMPORT_CHANGE_RESPONSE, "response" },
    { UPR_IMPORT_CHANGE_RESPONSE_SOURCE, "response-source" },
    { UPR_IMPORT_CHANGE_ACTION_CATEGORY, "action-category" },
    { UPR_IMPORT_CHANGE_STATES, "states" },
    { UPR_IMPORT_CHANGE_TERMS, "terms" },
    { UPR_IMPORT_CHANGE_SDGS, "sdg-goals" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (changes & names[i].change)
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", names[i].field);
  return g_string_free (out, FALSE);
}

/* Remembered mappings */

char *
upr_store_get_import_mapping (UprStore   *self,
                              const char *header_key,
                              GError    **error)
{
  g_autoptr(UprCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (header_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = upr_store_prepare_cached (self,
                                   "SELECT mapping FROM import_mapping WHERE header_key = ?",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, header_key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return column_text (stmt, 0);
  if (rc != SQLITE_DONE)
    upr_store_fail (self, rc, error);
  return NULL;
}

gboolean
upr_store_set_import_mapping (UprStore   *self,
                              const char *header_key,
                              const char *mapping,
                              GError    **error)
{
  g_autoptr(UprCachedStmt) stmt = NULL;
  g_autofree char *now = upr_store_now ();

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (header_key != NULL && header_key[0] != '\0', FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = upr_store_prepare_cached (self,
                                   "INSERT INTO import_mapping (header_key, mapping, updated_at)"
                                   " VALUES (?, ?, ?) ON CONFLICT (header_key) DO UPDATE"
                                   " SET mapping = excluded.mapping,"
                                   " updated_at = excluded.updated_at"
                                   " WHERE mapping IS NOT excluded.mapping",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, header_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mapping, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  return step_done (self, stmt, error);
}
