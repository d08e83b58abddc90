/* upr-store-export.c: the implementation matrix read in bulk for an export (see
 * upr-store-export.h): one query for the recommendations, one for each list that hangs from
 * them, whatever their number; strings kept in one chunk, and the lists' arrays in blocks of
 * their own, so that 40,000 rows cost a few allocations rather than a million.
 *
 * Every country at once (the benchmark's case and headquarters'): the tables are read whole,
 * in the order of their keys, without joins; a list's rows of a trashed recommendation are
 * found among none of those read and left out. A country at a time: the rows of its
 * recommendations only, through their review. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "upr-assessment.h"
#include "upr-fold.h"
#include "upr-store-export.h"
#include "upr-store-recommendations-private.h"

/* Lists' arrays come from blocks of this size (bigger lists get their own). */
#define BLOCK_SIZE (64 * 1024)

struct _UprExportMatrix
{
  GArray       *items;   /* UprExportRecommendation */
  GStringChunk *strings; /* every string the items point to, but interned ones */
  GPtrArray    *blocks;  /* the arrays the items point to */
  guint8       *free_at; /* the free end of the block being filled */
  gsize         free_size;
};

/* A list being read: which recommendation it is about, and the items of that one so far. */
typedef enum
{
  RUN_STATES,
  RUN_TERMS,
  RUN_SUPPORTING,
  RUN_ACTIONS,
  RUN_INDICATORS,
} RunKind;

/* A recommendation's place among those read, for finding it by id. Ids are compared by
 * their first bytes first, held here: searching then mostly stays in this array rather than
 * visiting 40,000 strings all over memory. */
typedef struct
{
  guint64     prefix; /* id_prefix () */
  const char *id;
  guint       index;
} IdEntry;

/* What ordered the progress update kept for a recommendation, after its date. */
typedef struct
{
  const char *created_at;
  gint64      rowid;
} ProgressOrder;

/* What the recommendations of a review share. */
typedef struct
{
  const char *country_code; /* interned */
  int         session;
  int         cycle;
} ReviewInfo;

typedef struct
{
  UprStore           *store;
  const UprSelection *selection;
  gboolean            whole;      /* every country: tables read whole */
  UprExportMatrix    *matrix;
  GArray             *by_id;      /* IdEntry of the selection's items, by id */
  char               *ids;        /* their ids, in that order */
  guint               cursor;     /* in by_id: the last one found */
  RunKind             run_kind;
  guint               run_index; /* index + 1 of the recommendation of the run, 0: none */
  GPtrArray          *run_strings;
  GArray             *run_actions;
  GArray             *run_indicators;
  GArray             *cycles;             /* int: number, first and last session, … */
  GHashTable         *term_ranks;         /* interned term id → place in the vocabularies + 1 */
  GHashTable         *organisation_ranks; /* organisation id → place by name + 1 */
  GHashTable         *interned;  /* text → g_intern_string() of it, without its global lock */
  GHashTable         *reviews;   /* review id → ReviewInfo (every country only) */
  GArray             *progress_order; /* ProgressOrder of each item, by index */
  const char         *review_id; /* of the last review found, and what it was */
  const ReviewInfo   *review;
} Loader;

/* Helpers */

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Vocabulary ids and codes repeat across thousands of rows: interned, through a table of
 * the loader's own rather than GLib's, which takes a lock each time. */
static const char *
column_interned (Loader       *loader,
                 sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = column_text (stmt, column);
  const char *interned;

  if (text == NULL)
    return NULL;
  interned = g_hash_table_lookup (loader->interned, text);
  if (interned == NULL)
    {
      interned = g_intern_string (text);
      g_hash_table_add (loader->interned, (gpointer) interned);
    }
  return interned;
}

static const char *
column_copy (Loader       *loader,
             sqlite3_stmt *stmt,
             int           column)
{
  const char *text = column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert_len (loader->matrix->strings, text,
                                                   sqlite3_column_bytes (stmt, column))
                      : NULL;
}

/* Organisation ids repeat across thousands of rows: stored once. */
static const char *
column_shared (Loader       *loader,
               sqlite3_stmt *stmt,
               int           column)
{
  const char *text = column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert_const (loader->matrix->strings, text) : NULL;
}

/* @size bytes for an item's array, freed with the matrix. */
static gpointer
matrix_alloc (UprExportMatrix *matrix,
              gsize            size)
{
  gpointer memory;

  size = (size + 15) & ~(gsize) 15;
  if (size > BLOCK_SIZE / 4)
    {
      memory = g_malloc (size);
      g_ptr_array_add (matrix->blocks, memory);
      return memory;
    }
  if (size > matrix->free_size)
    {
      matrix->free_at = g_malloc (BLOCK_SIZE);
      matrix->free_size = BLOCK_SIZE;
      g_ptr_array_add (matrix->blocks, matrix->free_at);
    }
  memory = matrix->free_at;
  matrix->free_at += size;
  matrix->free_size -= size;
  return memory;
}

static UprExportRecommendation *
item_at (Loader *loader,
         guint   index_plus_one)
{
  return &g_array_index (loader->matrix->items, UprExportRecommendation, index_plus_one - 1);
}

/* The first 8 bytes of @id as a number that orders as strcmp () does. */
static guint64
id_prefix (const char *id)
{
  guint64 prefix = 0;

  for (guint i = 0; i < 8 && id[i] != '\0'; i++)
    prefix |= (guint64) (guchar) id[i] << (56 - 8 * i);
  return prefix;
}

static int
compare_id (const IdEntry *entry,
            guint64        prefix,
            const char    *id)
{
  if (entry->prefix != prefix)
    return entry->prefix < prefix ? -1 : 1;
  return strcmp (entry->id, id);
}

static int
compare_id_entries (gconstpointer a,
                    gconstpointer b)
{
  const IdEntry *y = b;

  return compare_id (a, y->prefix, y->id);
}

/* Puts the @n items in the order of @order (the index of the item for each place),
 * following its cycles: each item is moved once. */
static void
permute (UprExportRecommendation *item,
         guint                    n,
         const guint             *order)
{
  g_autofree guint8 *placed = g_new0 (guint8, n);

  for (guint start = 0; start < n; start++)
    {
      UprExportRecommendation first;
      guint at = start;

      if (placed[start] || order[start] == start)
        continue;
      first = item[start];
      while (order[at] != start)
        {
          item[at] = item[order[at]];
          placed[at] = TRUE;
          at = order[at];
        }
      item[at] = first;
      placed[at] = TRUE;
    }
}

/* The items from @first on, by id, for lookup (): put in that order (sort_items () puts
 * them in theirs at the end), so that lists read whole fill them in one after the other,
 * rather than all over 8 MB. Their ids are copied in that order too. */
static void
index_ids (Loader *loader,
           guint   first)
{
  GArray *items = loader->matrix->items;
  guint n = items->len - first;
  g_autofree guint *order = g_new (guint, n);
  gsize size = 0;
  char *at;

  g_array_set_size (loader->by_id, 0);
  for (guint i = 0; i < n; i++)
    {
      const char *id = g_array_index (items, UprExportRecommendation, first + i).id;
      IdEntry entry = { id_prefix (id), id, i };

      g_array_append_val (loader->by_id, entry);
      size += strlen (id) + 1;
    }
  g_array_sort (loader->by_id, compare_id_entries);
  g_free (loader->ids);
  at = loader->ids = g_malloc (size);
  for (guint i = 0; i < n; i++)
    {
      IdEntry *entry = &g_array_index (loader->by_id, IdEntry, i);
      gsize length = strlen (entry->id) + 1;

      order[i] = entry->index;
      entry->index = first + i;
      memcpy (at, entry->id, length);
      entry->id = at;
      at += length;
    }
  permute (&g_array_index (items, UprExportRecommendation, first), n, order);
  loader->cursor = 0;
}

/* The place in by_id of @id, in [@low, @high), or G_MAXUINT. */
static guint
search_ids (Loader     *loader,
            guint64     prefix,
            const char *id,
            guint       low,
            guint       high)
{
  const IdEntry *entries = (const IdEntry *) (gpointer) loader->by_id->data;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int diff = compare_id (&entries[middle], prefix, id);

      if (diff == 0)
        return middle;
      if (diff < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return G_MAXUINT;
}

/* The recommendation of @stmt's first column (index + 1, 0: not among those read). Lists
 * come with each recommendation's items together, and read whole they come by id: the one
 * found last is often the one, else one a little further; anything else is searched for. */
static guint
lookup (Loader       *loader,
        sqlite3_stmt *stmt)
{
  const char *id = column_text (stmt, 0);
  const IdEntry *entries = (const IdEntry *) (gpointer) loader->by_id->data;
  guint n = loader->by_id->len;
  guint cursor = loader->cursor;
  guint64 prefix;
  guint found;
  int diff;

  if (id == NULL || n == 0)
    return 0;
  prefix = id_prefix (id);
  diff = compare_id (&entries[cursor], prefix, id);
  if (diff == 0)
    return entries[cursor].index + 1;
  if (diff < 0)
    {
      /* Gallops forward: the next one read is most often a few places on. */
      guint step = 1;
      guint low = cursor + 1;

      while (cursor + step < n && compare_id (&entries[cursor + step], prefix, id) < 0)
        {
          low = cursor + step + 1;
          step *= 2;
        }
      found = search_ids (loader, prefix, id, low, MIN (n, cursor + step + 1));
    }
  else
    found = search_ids (loader, prefix, id, 0, cursor);
  if (found == G_MAXUINT)
    return 0;
  loader->cursor = found;
  return entries[found].index + 1;
}

static gboolean
run_query (Loader      *loader,
           const char  *sql,
           void       (*func) (Loader       *loader,
                               sqlite3_stmt *stmt),
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (loader->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  upr_selection_bind (stmt, loader->selection);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (loader, stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return upr_store_fail (loader->store, rc, error);
}

/* " FROM @tables WHERE …" for the selection; with every recommendation, the tables whole
 * (" WHERE 1": conditions are appended with " AND …"). */
static char *
selection_from (Loader     *loader,
                const char *tables,
                const char *column)
{
  if (loader->whole)
    return g_strdup_printf (" FROM %s WHERE 1", tables);
  return upr_selection_from (loader->selection, tables, column);
}

/* Runs @format with " FROM @tables … WHERE …" for the selection in place of its "%s", then
 * @order when the tables are read whole. */
static gboolean
run_in_selection (Loader      *loader,
                  const char  *format,
                  const char  *tables,
                  const char  *column,
                  const char  *order,
                  void       (*func) (Loader       *loader,
                                      sqlite3_stmt *stmt),
                  GError     **error)
{
  g_autofree char *from = selection_from (loader, tables, column);
  g_autofree char *sql = g_strdup_printf (format, from);

  if (loader->whole && order != NULL)
    {
      g_autofree char *select = g_steal_pointer (&sql);

      sql = g_strconcat (select, order, NULL);
    }
  return run_query (loader, sql, func, error);
}

/* The recommendations */

static void
add_cycle_cb (Loader       *loader,
              sqlite3_stmt *stmt)
{
  int cycle[3] = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                   sqlite3_column_int (stmt, 2) };

  g_array_append_vals (loader->cycles, cycle, 3);
}

static gboolean
load_cycles (Loader  *loader,
             GError **error)
{
  return run_query (loader, "SELECT number, first_session, last_session FROM upr_cycle",
                    add_cycle_cb, error);
}

/* 0 when @session is in no known cycle. */
static int
cycle_of (Loader *loader,
          int     session)
{
  for (guint i = 0; i + 2 < loader->cycles->len; i += 3)
    if (session >= g_array_index (loader->cycles, int, i + 1)
        && session <= g_array_index (loader->cycles, int, i + 2))
      return g_array_index (loader->cycles, int, i);
  return 0;
}

/* Columns 1– of a recommendation's row; column 0 says which review. */
static void
add_item (Loader           *loader,
          sqlite3_stmt     *stmt,
          const ReviewInfo *review)
{
  UprExportRecommendation item = { 0 };

  item.id = column_copy (loader, stmt, 1);
  item.country_code = review->country_code;
  item.session = review->session;
  item.cycle = review->cycle;
  item.paragraph = column_copy (loader, stmt, 2);
  item.text = column_copy (loader, stmt, 3);
  item.response = column_interned (loader, stmt, 4);
  item.action_category = sqlite3_column_int (stmt, 5);
  item.voluntary_pledge = sqlite3_column_int (stmt, 6) != 0;
  item.notes = column_copy (loader, stmt, 7);
  item.lead_organisation_id = column_shared (loader, stmt, 8);
  item.status = column_interned (loader, stmt, 9);
  item.status_date = column_copy (loader, stmt, 10);
  item.position = sqlite3_column_int64 (stmt, 11);
  g_array_append_val (loader->matrix->items, item);
}

#define RECOMMENDATION_COLUMNS \
  " r.id, r.paragraph, r.text, r.response, coalesce (r.action_category, 0)," \
  " r.voluntary_pledge, r.notes, r.lead_organisation_id, r.status, r.status_date, r.rowid"

/* A country's: the review in the row (columns 12–13). */
static void
add_recommendation_cb (Loader       *loader,
                       sqlite3_stmt *stmt)
{
  ReviewInfo review;

  review.country_code = column_interned (loader, stmt, 12);
  review.session = sqlite3_column_int (stmt, 13);
  review.cycle = cycle_of (loader, review.session);
  add_item (loader, stmt, &review);
}

/* As upr_selection_where () has it: the session within the range of cycle @number. */
static gboolean
in_cycle (Loader *loader,
          int     session,
          int     number)
{
  for (guint i = 0; i + 2 < loader->cycles->len; i += 3)
    if (g_array_index (loader->cycles, int, i) == number)
      return session >= g_array_index (loader->cycles, int, i + 1)
             && session <= g_array_index (loader->cycles, int, i + 2);
  return FALSE;
}

static void
add_review_cb (Loader       *loader,
               sqlite3_stmt *stmt)
{
  ReviewInfo *review;
  int session = sqlite3_column_int (stmt, 2);

  if (loader->selection->cycle != 0 && !in_cycle (loader, session, loader->selection->cycle))
    return;
  review = g_new (ReviewInfo, 1);
  review->country_code = column_interned (loader, stmt, 1);
  review->session = session;
  review->cycle = cycle_of (loader, session);
  g_hash_table_insert (loader->reviews, g_strdup (column_text (stmt, 0)), review);
}

/* Every country's: the review from those read first (none: not in the cycle). A review's
 * recommendations are mostly added together, so the last one found is most often the one. */
static void
add_any_recommendation_cb (Loader       *loader,
                           sqlite3_stmt *stmt)
{
  const char *review_id = column_text (stmt, 0);
  gpointer key, value;

  if (review_id == NULL)
    return;
  if (loader->review_id == NULL || strcmp (loader->review_id, review_id) != 0)
    {
      if (!g_hash_table_lookup_extended (loader->reviews, review_id, &key, &value))
        return;
      loader->review_id = key;
      loader->review = value;
    }
  add_item (loader, stmt, loader->review);
}

/* Room for every recommendation at once, rather than the array growing (and copied) a dozen
 * times over (measured: a tenth of the read of 40,000). */
static gboolean
reserve_items (Loader  *loader,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (loader->store,
                                                    "SELECT count(*) FROM recommendation", error);
  GArray *items = loader->matrix->items;
  guint len = items->len;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return upr_store_fail (loader->store, rc, error);
  g_array_set_size (items, len + (guint) sqlite3_column_int (stmt, 0));
  g_array_set_size (items, len);
  return TRUE;
}

static gboolean
load_recommendations (Loader  *loader,
                      GError **error)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;

  /* Every country: the table alone, its reviews from the few hundred read first rather than
   * looked up for each row. */
  if (loader->whole)
    return run_query (loader, "SELECT id, country_code, session FROM review", add_review_cb,
                      error)
           && reserve_items (loader, error)
           && run_query (loader,
                         "SELECT r.review_id," RECOMMENDATION_COLUMNS
                         " FROM recommendation AS r WHERE r.deleted_at IS NULL",
                         add_any_recommendation_cb, error);
  /* The cycle is worked out here from the few rows of upr_cycle (load_cycles ()): a join on
   * a range would test every cycle for every recommendation. */
  where = upr_selection_where (loader->selection);
  sql = g_strconcat ("SELECT NULL," RECOMMENDATION_COLUMNS ", v.country_code, v.session"
                     " FROM " UPR_SELECTION_FROM
                     " WHERE ", where,
                     NULL);
  return run_query (loader, sql, add_recommendation_cb, error);
}

/* Lists. Each recommendation's items come together: read whole, the link tables come in the
 * order of their keys (by recommendation), and a country's through its recommendations one
 * by one. Each run is handed to its recommendation when the next starts, put in order here,
 * a few per row; a sort in SQL (by an organisation's folded name, say) would cost more than
 * the reading. Should a recommendation's items ever come in two runs, the second joins the
 * first. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* A run holds a few items: an insertion sort, without the set-up of a general sort. */
static void
sort_few (GPtrArray        *run,
          GCompareDataFunc  compare,
          gpointer          data)
{
  for (guint i = 1; i < run->len; i++)
    {
      gpointer item = run->pdata[i];
      guint at = i;

      while (at > 0 && compare (&run->pdata[at - 1], &item, data) > 0)
        {
          run->pdata[at] = run->pdata[at - 1];
          at--;
        }
      run->pdata[at] = item;
    }
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (data, *(gpointer *) a));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (data, *(gpointer *) b));

  return (x > y) - (x < y);
}

/* Planned actions as the editor lists them: by due date (none last), start date, then in
 * the order they were added. */
static int
compare_actions (gconstpointer a,
                 gconstpointer b)
{
  const UprExportAction *x = a;
  const UprExportAction *y = b;
  int diff = (x->due_date == NULL) - (y->due_date == NULL);

  if (diff == 0)
    diff = g_strcmp0 (x->due_date, y->due_date);
  if (diff == 0)
    diff = g_strcmp0 (x->start_date, y->start_date);
  if (diff == 0)
    diff = (x->position > y->position) - (x->position < y->position);
  return diff;
}

static int
compare_indicators (gconstpointer a,
                    gconstpointer b)
{
  const UprExportIndicator *x = a;
  const UprExportIndicator *y = b;

  return (x->position > y->position) - (x->position < y->position);
}

/* The run's strings, with @existing (from an earlier run, left in its block) first, in
 * order, in an array of the matrix's. */
static const char **
finish_strings (Loader       *loader,
                const char  **existing)
{
  GPtrArray *run = loader->run_strings;
  const char **strings;

  for (guint i = 0; existing != NULL && existing[i] != NULL; i++)
    g_ptr_array_add (run, (gpointer) existing[i]);
  if (run->len == 0)
    return NULL;
  if (loader->run_kind == RUN_TERMS)
    sort_few (run, compare_ranks, loader->term_ranks);
  else if (loader->run_kind == RUN_SUPPORTING)
    sort_few (run, compare_ranks, loader->organisation_ranks);
  else
    sort_few (run, compare_strings, NULL);
  strings = matrix_alloc (loader->matrix, (run->len + 1) * sizeof (char *));
  memcpy (strings, run->pdata, run->len * sizeof (char *));
  strings[run->len] = NULL;
  g_ptr_array_set_size (run, 0);
  return strings;
}

static gpointer
finish_structs (Loader        *loader,
                GArray        *run,
                gconstpointer  existing,
                guint         *n_items,
                GCompareFunc   compare)
{
  gsize size = g_array_get_element_size (run);
  gpointer items;

  if (existing != NULL)
    g_array_prepend_vals (run, existing, *n_items);
  *n_items = run->len;
  if (run->len == 0)
    return NULL;
  if (run->len > 1)
    g_array_sort (run, compare);
  items = matrix_alloc (loader->matrix, run->len * size);
  memcpy (items, run->data, run->len * size);
  g_array_set_size (run, 0);
  return items;
}

static void
flush_run (Loader *loader)
{
  UprExportRecommendation *item;

  if (loader->run_index == 0)
    return;
  item = item_at (loader, loader->run_index);
  loader->run_index = 0;
  switch (loader->run_kind)
    {
    case RUN_STATES: item->states = finish_strings (loader, item->states); break;
    case RUN_TERMS: item->terms = finish_strings (loader, item->terms); break;
    case RUN_SUPPORTING: item->supporting = finish_strings (loader, item->supporting); break;
    case RUN_ACTIONS:
      item->actions = finish_structs (loader, loader->run_actions, item->actions,
                                      &item->n_actions, compare_actions);
      break;
    case RUN_INDICATORS:
      item->indicators = finish_structs (loader, loader->run_indicators, item->indicators,
                                         &item->n_indicators, compare_indicators);
      break;
    default: g_assert_not_reached ();
    }
}

/* Makes the recommendation of @stmt's first column the one of the run; FALSE when it is not
 * among those read (trashed, or in another cycle, when the tables are read whole). */
static gboolean
enter_run (Loader       *loader,
           sqlite3_stmt *stmt)
{
  guint index = lookup (loader, stmt);

  if (index == 0)
    return FALSE;
  if (index != loader->run_index)
    {
      flush_run (loader);
      loader->run_index = index;
    }
  return TRUE;
}

static void
add_interned_cb (Loader       *loader,
                 sqlite3_stmt *stmt)
{
  if (enter_run (loader, stmt))
    g_ptr_array_add (loader->run_strings, (gpointer) column_interned (loader, stmt, 1));
}

static void
add_shared_cb (Loader       *loader,
               sqlite3_stmt *stmt)
{
  if (enter_run (loader, stmt))
    g_ptr_array_add (loader->run_strings, (gpointer) column_shared (loader, stmt, 1));
}

static void
add_action_cb (Loader       *loader,
               sqlite3_stmt *stmt)
{
  UprExportAction action;

  if (!enter_run (loader, stmt))
    return;
  action.text = column_copy (loader, stmt, 1);
  action.organisation_id = column_shared (loader, stmt, 2);
  action.start_date = column_shared (loader, stmt, 3);
  action.due_date = column_shared (loader, stmt, 4);
  action.resources = column_copy (loader, stmt, 5);
  action.status = column_interned (loader, stmt, 6);
  action.position = sqlite3_column_int64 (stmt, 7);
  g_array_append_val (loader->run_actions, action);
}

static void
add_indicator_cb (Loader       *loader,
                  sqlite3_stmt *stmt)
{
  UprExportIndicator indicator;

  if (!enter_run (loader, stmt))
    return;
  indicator.text = column_copy (loader, stmt, 1);
  indicator.baseline = column_copy (loader, stmt, 2);
  indicator.target = column_copy (loader, stmt, 3);
  indicator.means_of_verification = column_copy (loader, stmt, 4);
  indicator.position = sqlite3_column_int64 (stmt, 5);
  g_array_append_val (loader->run_indicators, indicator);
}

static gboolean
load_run (Loader      *loader,
          RunKind      kind,
          const char  *format,
          const char  *tables,
          const char  *order,
          void       (*func) (Loader       *loader,
                              sqlite3_stmt *stmt),
          GError     **error)
{
  gboolean ok;

  loader->run_kind = kind;
  ok = run_in_selection (loader, format, tables, "l.recommendation_id", order, func, error);
  flush_run (loader);
  return ok;
}

static void
add_goal_cb (Loader       *loader,
             sqlite3_stmt *stmt)
{
  guint index = lookup (loader, stmt);
  int goal = sqlite3_column_int (stmt, 1);

  if (index != 0 && goal >= 1 && goal <= 17)
    item_at (loader, index)->sdg_goals |= UPR_SDG_BIT (goal);
}

/* The latest update of each recommendation: by date, then by when it was written, then as
 * stored. Updates come in no order (sorting them all in SQL cost more than this). */
static gboolean
is_later_update (Loader                        *loader,
                 guint                          index,
                 const UprExportRecommendation *item,
                 sqlite3_stmt                  *stmt)
{
  const ProgressOrder *kept = &g_array_index (loader->progress_order, ProgressOrder, index - 1);
  const char *date = column_text (stmt, 1);
  const char *created_at = column_text (stmt, 5);
  int diff;

  if (item->progress_date == NULL)
    return TRUE;
  diff = g_strcmp0 (date, item->progress_date);
  if (diff == 0)
    diff = g_strcmp0 (created_at, kept->created_at);
  if (diff == 0)
    diff = sqlite3_column_int64 (stmt, 6) > kept->rowid ? 1 : -1;
  return diff > 0;
}

static void
add_progress_cb (Loader       *loader,
                 sqlite3_stmt *stmt)
{
  guint index = lookup (loader, stmt);
  UprExportRecommendation *item;
  ProgressOrder *order;

  if (index == 0)
    return;
  item = item_at (loader, index);
  if (!is_later_update (loader, index, item, stmt))
    return;
  order = &g_array_index (loader->progress_order, ProgressOrder, index - 1);
  order->created_at = column_copy (loader, stmt, 5);
  order->rowid = sqlite3_column_int64 (stmt, 6);
  item->progress_date = column_shared (loader, stmt, 1);
  item->progress_status = column_interned (loader, stmt, 2);
  item->progress_text = column_copy (loader, stmt, 3);
  item->progress_organisation_id = column_shared (loader, stmt, 4);
}

static void
add_assessment_cb (Loader       *loader,
                   sqlite3_stmt *stmt)
{
  guint index = lookup (loader, stmt);

  if (index != 0)
    item_at (loader, index)->assessment_level
      = upr_assessment_combine ((guint) sqlite3_column_int (stmt, 1),
                                (guint) sqlite3_column_int (stmt, 2));
}

static void
add_term_rank_cb (Loader       *loader,
                  sqlite3_stmt *stmt)
{
  g_hash_table_insert (loader->term_ranks, (gpointer) column_interned (loader, stmt, 0),
                       GUINT_TO_POINTER (g_hash_table_size (loader->term_ranks) + 1));
}

typedef struct
{
  char *id;
  char *key;
} OrganisationKey;

static int
compare_organisation_keys (gconstpointer a,
                           gconstpointer b)
{
  const OrganisationKey *x = a;
  const OrganisationKey *y = b;
  int diff = strcmp (x->key, y->key);

  return diff != 0 ? diff : strcmp (x->id, y->id);
}

/* Institutions ranked by name, case and accents aside, each folded once. */
static gboolean
rank_organisations (Loader  *loader,
                    GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (loader->store,
                                                    "SELECT id, name FROM organisation", error);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (OrganisationKey));
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OrganisationKey key = { g_strdup (column_text (stmt, 0)),
                              upr_fold (column_text (stmt, 1)) };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_organisation_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      OrganisationKey *key = &g_array_index (keys, OrganisationKey, i);

      g_hash_table_insert (loader->organisation_ranks, key->id, GUINT_TO_POINTER (i + 1));
      g_free (key->key);
    }
  return rc == SQLITE_DONE || upr_store_fail (loader->store, rc, error);
}

static gboolean
load_ranks (Loader  *loader,
            GError **error)
{
  return run_query (loader,
                    "SELECT id FROM vocabulary_term ORDER BY CASE scheme"
                    " WHEN 'uhri-theme' THEN 0 WHEN 'uhri-group' THEN 1 ELSE 2 END, position",
                    add_term_rank_cb, error)
         && rank_organisations (loader, error);
}

static gboolean
load_progress (Loader  *loader,
               GError **error)
{
  GArray *order = loader->progress_order;

  /* Where each recommendation's kept update stands (add_progress_cb ()), by item. */
  if (order == NULL)
    order = loader->progress_order = g_array_new (FALSE, TRUE, sizeof (ProgressOrder));
  g_array_set_size (order, loader->matrix->items->len);
  return run_in_selection (loader,
                           "SELECT l.recommendation_id, l.date, l.status, l.text,"
                           " l.organisation_id, l.created_at, l.rowid%s"
                           " AND trim (coalesce (l.text, '')) <> ''",
                           "progress_update AS l", "l.recommendation_id", NULL,
                           add_progress_cb, error);
}

/* A link table's rows read whole come in the order of its key (recommendation, then the
 * other end), rather than that of an index the planner may prefer (by State, by term…),
 * which would split every recommendation's items into runs of one. */
#define BY_RECOMMENDATION " ORDER BY l.recommendation_id"

static gboolean
load_lists (Loader  *loader,
            GError **error)
{
  g_autofree char *from = selection_from (loader, "assessment AS a", "a.recommendation_id");
  g_autofree char *assessments = upr_assessment_points_sql (from, FALSE);

  return load_run (loader, RUN_STATES, "SELECT l.recommendation_id, l.country_code%s",
                   "recommendation_state AS l", BY_RECOMMENDATION, add_interned_cb, error)
         && load_run (loader, RUN_TERMS, "SELECT l.recommendation_id, l.term_id%s",
                      "recommendation_term AS l", BY_RECOMMENDATION, add_interned_cb, error)
         && load_run (loader, RUN_SUPPORTING, "SELECT l.recommendation_id, l.organisation_id%s",
                      "recommendation_support AS l", BY_RECOMMENDATION, add_shared_cb, error)
         /* Planned actions and indicators are in the order they were added, most often each
          * recommendation's together: sorting them would cost more than the odd second run. */
         && load_run (loader, RUN_ACTIONS,
                      "SELECT l.recommendation_id, l.text, l.organisation_id, l.start_date,"
                      " l.due_date, l.resources, l.status, l.rowid%s",
                      "planned_action AS l", NULL, add_action_cb, error)
         && load_run (loader, RUN_INDICATORS,
                      "SELECT l.recommendation_id, l.text, l.baseline, l.target,"
                      " l.means_of_verification, l.rowid%s",
                      "indicator AS l", NULL, add_indicator_cb, error)
         && run_in_selection (loader, "SELECT l.recommendation_id, l.goal%s",
                              "recommendation_sdg AS l", "l.recommendation_id",
                              BY_RECOMMENDATION, add_goal_cb, error)
         /* The latest update with a text: a bare change of status is in the status column. */
         && load_progress (loader, error)
         && run_query (loader, assessments, add_assessment_cb, error);
}

/* Sorting */

static int
compare_digit_runs (const char **a,
                    const char **b)
{
  gsize run_a, run_b;
  int diff;

  while (**a == '0' && g_ascii_isdigit ((*a)[1]))
    (*a)++;
  while (**b == '0' && g_ascii_isdigit ((*b)[1]))
    (*b)++;
  run_a = strspn (*a, "0123456789");
  run_b = strspn (*b, "0123456789");
  if (run_a != run_b)
    return run_a < run_b ? -1 : 1;
  diff = strncmp (*a, *b, run_a);
  *a += run_a;
  *b += run_b;
  return diff;
}

int
upr_export_compare_paragraphs (const char *a,
                               const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          int diff = compare_digit_runs (&a, &b);

          if (diff != 0)
            return diff;
          continue;
        }
      if (g_ascii_tolower (*a) != g_ascii_tolower (*b))
        return (guchar) g_ascii_tolower (*a) - (guchar) g_ascii_tolower (*b);
      a++;
      b++;
    }
  return (*a != '\0') - (*b != '\0');
}

/* What the items are sorted by, apart from them: 40,000 items of 200 bytes are then moved
 * once each, in place, rather than copied around by the sort. */
typedef struct
{
  const char *country_code;
  int         session;
  const char *paragraph;
  guint64     paragraph_key; /* paragraph_key (), 0: compare the paragraphs themselves */
  gint64      position;
  guint       index;
} SortKey;

#define PARAGRAPH_PARTS 3
#define PARAGRAPH_BITS 21

/* Most references are numbers and dots ("140.10"): as one number that orders them as
 * upr_export_compare_paragraphs () does, each part plus one (an absent part is 0, so that
 * "140" comes before "140.0"), they compare in one step. 0 for any other. */
static guint64
paragraph_key (const char *paragraph)
{
  guint64 key = 0;
  guint parts = 0;
  const char *p = paragraph;

  if (p == NULL || !g_ascii_isdigit (*p))
    return 0;
  while (parts < PARAGRAPH_PARTS)
    {
      guint64 value = 0;

      if (!g_ascii_isdigit (*p))
        return 0;
      for (; g_ascii_isdigit (*p); p++)
        {
          value = value * 10 + (guint64) (*p - '0');
          if (value + 1 >= (G_GUINT64_CONSTANT (1) << PARAGRAPH_BITS))
            return 0;
        }
      key |= (value + 1) << (PARAGRAPH_BITS * (PARAGRAPH_PARTS - 1 - parts));
      parts++;
      if (*p == '\0')
        return key;
      if (*p != '.')
        return 0;
      p++;
    }
  return 0;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *x = a;
  const SortKey *y = b;
  /* Codes are interned: the same code is the same pointer. */
  int diff = x->country_code == y->country_code ? 0 : strcmp (x->country_code, y->country_code);

  if (diff == 0)
    diff = (x->session > y->session) - (x->session < y->session);
  if (diff == 0 && x->paragraph_key != 0 && y->paragraph_key != 0)
    diff = (x->paragraph_key > y->paragraph_key) - (x->paragraph_key < y->paragraph_key);
  else if (diff == 0)
    diff = upr_export_compare_paragraphs (x->paragraph, y->paragraph);
  if (diff == 0)
    diff = (x->position > y->position) - (x->position < y->position);
  return diff;
}

static void
sort_items (UprExportMatrix *matrix)
{
  guint n = matrix->items->len;
  g_autofree SortKey *keys = NULL;
  g_autofree guint *order = NULL;

  /* Nothing to order (and qsort() must not be given the NULL of an empty g_new()). */
  if (n < 2)
    return;
  keys = g_new (SortKey, n);
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      const UprExportRecommendation *item = &g_array_index (matrix->items,
                                                            UprExportRecommendation, i);

      keys[i] = (SortKey) { item->country_code, item->session, item->paragraph,
                            paragraph_key (item->paragraph), item->position, i };
    }
  qsort (keys, n, sizeof (SortKey), compare_keys);
  for (guint i = 0; i < n; i++)
    order[i] = keys[i].index;
  permute ((UprExportRecommendation *) (gpointer) matrix->items->data, matrix->items->len,
           order);
}

/* Loading */

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->by_id, g_array_unref);
  g_clear_pointer (&loader->ids, g_free);
  g_clear_pointer (&loader->run_strings, g_ptr_array_unref);
  g_clear_pointer (&loader->run_actions, g_array_unref);
  g_clear_pointer (&loader->run_indicators, g_array_unref);
  g_clear_pointer (&loader->cycles, g_array_unref);
  g_clear_pointer (&loader->term_ranks, g_hash_table_unref);
  g_clear_pointer (&loader->organisation_ranks, g_hash_table_unref);
  g_clear_pointer (&loader->interned, g_hash_table_unref);
  g_clear_pointer (&loader->reviews, g_hash_table_unref);
  g_clear_pointer (&loader->progress_order, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static gboolean
load_selection (Loader             *loader,
                const UprSelection *selection,
                GError            **error)
{
  guint first = loader->matrix->items->len;

  loader->selection = selection;
  loader->whole = selection->country_code == NULL && selection->ids_json == NULL
                  && selection->as_of == NULL;
  if (!load_recommendations (loader, error))
    return FALSE;
  if (loader->matrix->items->len == first)
    return TRUE;
  index_ids (loader, first);
  return load_lists (loader, error);
}

static UprExportMatrix *
export_matrix_new (void)
{
  UprExportMatrix *matrix = g_new0 (UprExportMatrix, 1);

  /* Items are written whole (add_item ()): nothing to clear. */
  matrix->items = g_array_new (FALSE, FALSE, sizeof (UprExportRecommendation));
  /* Most texts are a few hundred bytes: big blocks keep the number of allocations low. */
  matrix->strings = g_string_chunk_new (1 << 20);
  matrix->blocks = g_ptr_array_new_with_free_func (g_free);
  return matrix;
}

/* Reads @countries (NULL: all) into @matrix: what every country shares once, then each. */
static gboolean
load_matrix (UprStore           *self,
             const char * const *countries,
             int                 cycle,
             UprExportMatrix    *matrix,
             GError            **error)
{
  g_auto(Loader) loader = { 0 };
  UprSelection everything = { .cycle = cycle };

  loader.store = self;
  loader.selection = &everything;
  loader.matrix = matrix;
  loader.by_id = g_array_new (FALSE, FALSE, sizeof (IdEntry));
  loader.run_strings = g_ptr_array_new ();
  loader.run_actions = g_array_new (FALSE, FALSE, sizeof (UprExportAction));
  loader.run_indicators = g_array_new (FALSE, FALSE, sizeof (UprExportIndicator));
  loader.cycles = g_array_new (FALSE, FALSE, sizeof (int));
  loader.term_ranks = g_hash_table_new (g_direct_hash, g_direct_equal);
  loader.organisation_ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.interned = g_hash_table_new (g_str_hash, g_str_equal);
  loader.reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!load_cycles (&loader, error) || !load_ranks (&loader, error))
    return FALSE;
  if (countries == NULL)
    return load_selection (&loader, &everything, error);
  for (guint i = 0; countries[i] != NULL; i++)
    {
      UprSelection selection = { .country_code = countries[i], .cycle = cycle };

      if (!load_selection (&loader, &selection, error))
        return FALSE;
    }
  return TRUE;
}

/* Public API */

UprExportMatrix *
upr_store_export_matrix (UprStore           *self,
                         const char * const *countries,
                         int                 cycle,
                         GError            **error)
{
  g_autoptr(UprExportMatrix) matrix = NULL;
  gboolean in_transaction;
  gboolean ok;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (cycle >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  matrix = export_matrix_new ();
  /* One snapshot of the database for every query, so lists and rows agree. */
  in_transaction = self->depth > 0;
  if (!in_transaction && !upr_store_exec (self, "BEGIN", error))
    return NULL;
  ok = load_matrix (self, countries, cycle, matrix, error);
  if (!in_transaction)
    upr_store_exec (self, "COMMIT", NULL);
  if (!ok)
    return NULL;

  sort_items (matrix);
  return g_steal_pointer (&matrix);
}

guint
upr_export_matrix_get_n_items (UprExportMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, 0);

  return matrix->items->len;
}

const UprExportRecommendation *
upr_export_matrix_get_item (UprExportMatrix *matrix,
                            guint            index)
{
  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (index < matrix->items->len, NULL);

  return &g_array_index (matrix->items, UprExportRecommendation, index);
}

typedef struct
{
  const char *code;
  guint       start;
  guint       length;
} Block;

typedef struct
{
  GCompareDataFunc compare;
  gpointer         data;
} BlockOrder;

static int
compare_blocks (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const BlockOrder *order = data;

  return order->compare (((const Block *) a)->code, ((const Block *) b)->code, order->data);
}

/* The items are sorted by ISO code: each State's recommendations are one block, moved whole,
 * which costs far less than sorting 40,000 items again. */
void
upr_export_matrix_order_countries (UprExportMatrix  *matrix,
                                   GCompareDataFunc  compare,
                                   gpointer          data)
{
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autofree guint *order = NULL;
  BlockOrder block_order = { compare, data };
  guint at = 0;

  g_return_if_fail (matrix != NULL);
  g_return_if_fail (compare != NULL);

  for (guint i = 0; i < matrix->items->len; i++)
    {
      const char *code = g_array_index (matrix->items, UprExportRecommendation, i).country_code;
      Block *last = blocks->len > 0 ? &g_array_index (blocks, Block, blocks->len - 1) : NULL;

      if (last != NULL && last->code == code)
        last->length++;
      else
        g_array_append_val (blocks, ((Block) { code, i, 1 }));
    }
  g_array_sort_with_data (blocks, compare_blocks, &block_order);
  order = g_new (guint, matrix->items->len);
  for (guint b = 0; b < blocks->len; b++)
    {
      const Block *block = &g_array_index (blocks, Block, b);

      for (guint i = 0; i < block->length; i++)
        order[at++] = block->start + i;
    }
  permute ((UprExportRecommendation *) (gpointer) matrix->items->data, matrix->items->len,
           order);
}

void
upr_export_matrix_free (UprExportMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_array_unref (matrix->items);
  g_string_chunk_free (matrix->strings);
  g_ptr_array_unref (matrix->blocks);
  g_free (matrix);
}

GHashTable *
upr_store_export_country_names (UprStore  *self,
                                gboolean   french,
                                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) names = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = upr_store_prepare (self,
                            french ? "SELECT code, name_fr FROM country"
                                   : "SELECT code, name_en FROM country",
                            error);
  if (stmt == NULL)
    return NULL;
  names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, (gpointer) g_intern_string (column_text (stmt, 0)),
                         g_strdup (column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

GStrv
upr_store_export_protected_names (UprStore           *self,
                                  const char * const *allowed_scopes,
                                  GError            **error)
{
  g_autofree char *allowed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  allowed = upr_json_array (allowed_scopes);
  stmt = upr_store_prepare (self,
                            "SELECT name FROM person WHERE consent_scope NOT IN"
                            " (SELECT value FROM json_each (?))",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, allowed, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (names);
}
