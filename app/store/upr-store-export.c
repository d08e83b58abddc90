/* upr-store-export.c: the implementation matrix read in bulk for an export (see
 * upr-store-export.h): one query for the recommendations, one for each list that hangs from
 * them, whatever their number; strings kept in one chunk so that 40,000 rows cost a few
 * allocations rather than a million. */
#include "config.h"

#include <string.h>

#include "upr-assessment.h"
#include "upr-fold.h"
#include "upr-store-export.h"
#include "upr-store-recommendations-private.h"

struct _UprExportMatrix
{
  GArray       *items;   /* UprExportRecommendation */
  GStringChunk *strings; /* every string the items point to, but interned ones */
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

typedef struct
{
  UprStore           *store;
  const UprSelection *selection;
  UprExportMatrix    *matrix;
  GHashTable         *by_id;     /* id → index + 1 in matrix->items */
  guint               last_index; /* of the last lookup () */
  RunKind             run_kind;
  guint               run_index; /* index + 1 of the recommendation of the run, 0: none */
  GPtrArray          *run_strings;
  GArray             *run_actions;
  GArray             *run_indicators;
  GArray             *cycles;             /* int: number, first and last session, … */
  GHashTable         *term_ranks;         /* interned term id → place in the vocabularies + 1 */
  GHashTable         *organisation_ranks; /* organisation id → place by name + 1 */
} Loader;

/* Helpers */

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static const char *
column_interned (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = column_text (stmt, column);

  return text != NULL ? g_intern_string (text) : NULL;
}

static const char *
column_copy (Loader       *loader,
             sqlite3_stmt *stmt,
             int           column)
{
  const char *text = column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert (loader->matrix->strings, text) : NULL;
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

static UprExportRecommendation *
item_at (Loader *loader,
         guint   index_plus_one)
{
  return &g_array_index (loader->matrix->items, UprExportRecommendation, index_plus_one - 1);
}

/* The recommendation of @stmt's first column (index + 1, 0: not read). Lists come with a
 * recommendation's items together: the last answer is often the right one. */
static guint
lookup (Loader       *loader,
        sqlite3_stmt *stmt)
{
  const char *id = column_text (stmt, 0);

  if (id == NULL)
    return 0;
  if (loader->last_index != 0 && strcmp (item_at (loader, loader->last_index)->id, id) == 0)
    return loader->last_index;
  loader->last_index = GPOINTER_TO_UINT (g_hash_table_lookup (loader->by_id, id));
  return loader->last_index;
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

/* Runs @format with " FROM @tables … WHERE …" for the selection in place of its "%s". */
static gboolean
run_in_selection (Loader      *loader,
                  const char  *format,
                  const char  *tables,
                  const char  *column,
                  void       (*func) (Loader       *loader,
                                      sqlite3_stmt *stmt),
                  GError     **error)
{
  g_autofree char *from = upr_selection_from (loader->selection, tables, column);
  g_autofree char *sql = g_strdup_printf (format, from);

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

static void
add_recommendation_cb (Loader       *loader,
                       sqlite3_stmt *stmt)
{
  UprExportRecommendation item = { 0 };

  item.id = column_copy (loader, stmt, 0);
  item.country_code = column_interned (stmt, 1);
  item.session = sqlite3_column_int (stmt, 2);
  item.cycle = cycle_of (loader, item.session);
  item.paragraph = column_copy (loader, stmt, 4);
  item.text = column_copy (loader, stmt, 5);
  item.response = column_interned (stmt, 6);
  item.action_category = sqlite3_column_int (stmt, 7);
  item.voluntary_pledge = sqlite3_column_int (stmt, 8) != 0;
  item.notes = column_copy (loader, stmt, 9);
  item.lead_organisation_id = column_shared (loader, stmt, 10);
  item.status = column_interned (stmt, 11);
  item.status_date = column_copy (loader, stmt, 12);
  item.position = sqlite3_column_int64 (stmt, 13);

  g_array_append_val (loader->matrix->items, item);
  g_hash_table_insert (loader->by_id, (gpointer) item.id,
                       GUINT_TO_POINTER (loader->matrix->items->len));
}

static gboolean
load_recommendations (Loader  *loader,
                      GError **error)
{
  g_autofree char *where = upr_selection_where (loader->selection);
  g_autofree char *sql = NULL;

  /* The cycle is worked out here from the few rows of upr_cycle (load_cycles ()): a join on
   * a range would test every cycle for every recommendation. */
  sql = g_strconcat ("SELECT r.id, v.country_code, v.session, 0,"
                     " r.paragraph, r.text, r.response, coalesce (r.action_category, 0),"
                     " r.voluntary_pledge, r.notes, r.lead_organisation_id, r.status,"
                     " r.status_date, r.rowid"
                     " FROM " UPR_SELECTION_FROM
                     " WHERE ", where,
                     NULL);
  return run_query (loader, sql, add_recommendation_cb, error);
}

/* Lists. The link tables are read in the order SQLite has at hand (their keys), which keeps
 * each recommendation's items together: each run is handed to its recommendation when the
 * next starts, put in order here, a few per row; a sort in SQL (by an organisation's folded
 * name, say) would cost more than the reading. Should a recommendation's items ever come in
 * two runs, the second joins the first. */

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

/* The run's strings, with @existing (from an earlier run, freed) first, in order. */
static const char **
finish_strings (Loader       *loader,
                const char  **existing)
{
  GPtrArray *run = loader->run_strings;

  for (guint i = 0; existing != NULL && existing[i] != NULL; i++)
    g_ptr_array_add (run, (gpointer) existing[i]);
  g_free (existing);
  if (run->len == 0)
    return NULL;
  if (loader->run_kind == RUN_TERMS)
    sort_few (run, compare_ranks, loader->term_ranks);
  else if (loader->run_kind == RUN_SUPPORTING)
    sort_few (run, compare_ranks, loader->organisation_ranks);
  else
    sort_few (run, compare_strings, NULL);
  g_ptr_array_add (run, NULL);
  return (const char **) g_ptr_array_steal (run, NULL);
}

static gpointer
finish_structs (GArray        *run,
                gpointer       existing,
                guint         *n_items,
                GCompareFunc   compare)
{
  if (existing != NULL)
    g_array_prepend_vals (run, existing, *n_items);
  g_free (existing);
  *n_items = run->len;
  if (run->len == 0)
    return NULL;
  g_array_sort (run, compare);
  return g_array_steal (run, NULL);
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
      item->actions = finish_structs (loader->run_actions, item->actions, &item->n_actions,
                                      compare_actions);
      break;
    case RUN_INDICATORS:
      item->indicators = finish_structs (loader->run_indicators, item->indicators,
                                         &item->n_indicators, compare_indicators);
      break;
    default: g_assert_not_reached ();
    }
}

/* Makes the recommendation of @stmt's first column the one of the run; FALSE when it is not
 * among those read (the lists are read for the same selection, so only a concurrent writer
 * could cause it, and the read transaction rules that out). */
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
    g_ptr_array_add (loader->run_strings, (gpointer) column_interned (stmt, 1));
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
  action.status = column_interned (stmt, 6);
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
          void       (*func) (Loader       *loader,
                              sqlite3_stmt *stmt),
          GError     **error)
{
  gboolean ok;

  loader->run_kind = kind;
  ok = run_in_selection (loader, format, tables, "l.recommendation_id", func, error);
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

/* Updates come oldest first: the last one read for a recommendation is its latest. */
static void
add_progress_cb (Loader       *loader,
                 sqlite3_stmt *stmt)
{
  guint index = lookup (loader, stmt);
  UprExportRecommendation *item;

  if (index == 0)
    return;
  item = item_at (loader, index);
  item->progress_date = column_shared (loader, stmt, 1);
  item->progress_status = column_interned (stmt, 2);
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
  g_hash_table_insert (loader->term_ranks, (gpointer) column_interned (stmt, 0),
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
load_lists (Loader  *loader,
            GError **error)
{
  g_autofree char *from = upr_selection_from (loader->selection, "assessment AS a",
                                              "a.recommendation_id");
  g_autofree char *assessments = upr_assessment_points_sql (from, FALSE);

  return load_ranks (loader, error)
         && load_run (loader, RUN_STATES, "SELECT l.recommendation_id, l.country_code%s",
                      "recommendation_state AS l", add_interned_cb, error)
         && load_run (loader, RUN_TERMS, "SELECT l.recommendation_id, l.term_id%s",
                      "recommendation_term AS l", add_interned_cb, error)
         && load_run (loader, RUN_SUPPORTING, "SELECT l.recommendation_id, l.organisation_id%s",
                      "recommendation_support AS l", add_shared_cb, error)
         && load_run (loader, RUN_ACTIONS,
                      "SELECT l.recommendation_id, l.text, l.organisation_id, l.start_date,"
                      " l.due_date, l.resources, l.status, l.rowid%s",
                      "planned_action AS l", add_action_cb, error)
         && load_run (loader, RUN_INDICATORS,
                      "SELECT l.recommendation_id, l.text, l.baseline, l.target,"
                      " l.means_of_verification, l.rowid%s",
                      "indicator AS l", add_indicator_cb, error)
         && run_in_selection (loader, "SELECT l.recommendation_id, l.goal%s",
                              "recommendation_sdg AS l", "l.recommendation_id", add_goal_cb,
                              error)
         /* The latest update with a text: a bare change of status is in the status column. */
         && run_in_selection (loader,
                              "SELECT l.recommendation_id, l.date, l.status, l.text,"
                              " l.organisation_id%s AND trim (coalesce (l.text, '')) <> ''"
                              " ORDER BY l.date, l.created_at, l.rowid",
                              "progress_update AS l", "l.recommendation_id", add_progress_cb,
                              error)
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

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const UprExportRecommendation *x = a;
  const UprExportRecommendation *y = b;
  int diff = strcmp (x->country_code, y->country_code);

  if (diff == 0)
    diff = x->session - y->session;
  if (diff == 0)
    diff = upr_export_compare_paragraphs (x->paragraph, y->paragraph);
  if (diff == 0)
    diff = (x->position > y->position) - (x->position < y->position);
  return diff;
}

/* Loading */

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->by_id, g_hash_table_unref);
  g_clear_pointer (&loader->run_strings, g_ptr_array_unref);
  g_clear_pointer (&loader->run_actions, g_array_unref);
  g_clear_pointer (&loader->run_indicators, g_array_unref);
  g_clear_pointer (&loader->cycles, g_array_unref);
  g_clear_pointer (&loader->term_ranks, g_hash_table_unref);
  g_clear_pointer (&loader->organisation_ranks, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static gboolean
load_selection (UprStore           *self,
                const UprSelection *selection,
                UprExportMatrix    *matrix,
                GError            **error)
{
  g_auto(Loader) loader = { 0 };
  guint first = matrix->items->len;

  loader.store = self;
  loader.selection = selection;
  loader.matrix = matrix;
  loader.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  loader.run_strings = g_ptr_array_new ();
  loader.run_actions = g_array_new (FALSE, FALSE, sizeof (UprExportAction));
  loader.run_indicators = g_array_new (FALSE, FALSE, sizeof (UprExportIndicator));
  loader.cycles = g_array_new (FALSE, FALSE, sizeof (int));
  loader.term_ranks = g_hash_table_new (g_direct_hash, g_direct_equal);
  loader.organisation_ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!load_cycles (&loader, error) || !load_recommendations (&loader, error))
    return FALSE;
  return matrix->items->len == first || load_lists (&loader, error);
}

static void
clear_item (gpointer data)
{
  UprExportRecommendation *item = data;

  g_free (item->states);
  g_free (item->terms);
  g_free (item->supporting);
  g_free (item->actions);
  g_free (item->indicators);
}

static UprExportMatrix *
export_matrix_new (void)
{
  UprExportMatrix *matrix = g_new0 (UprExportMatrix, 1);

  matrix->items = g_array_new (FALSE, TRUE, sizeof (UprExportRecommendation));
  g_array_set_clear_func (matrix->items, clear_item);
  /* Most texts are a few hundred bytes: big blocks keep the number of allocations low. */
  matrix->strings = g_string_chunk_new (1 << 20);
  return matrix;
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
  gboolean ok = TRUE;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (cycle >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  matrix = export_matrix_new ();
  /* One snapshot of the database for every query, so lists and rows agree. */
  in_transaction = self->depth > 0;
  if (!in_transaction && !upr_store_exec (self, "BEGIN", error))
    return NULL;
  if (countries == NULL)
    {
      UprSelection selection = { .cycle = cycle };

      ok = load_selection (self, &selection, matrix, error);
    }
  for (guint i = 0; ok && countries != NULL && countries[i] != NULL; i++)
    {
      UprSelection selection = { .country_code = countries[i], .cycle = cycle };

      ok = load_selection (self, &selection, matrix, error);
    }
  if (!in_transaction)
    upr_store_exec (self, "COMMIT", NULL);
  if (!ok)
    return NULL;

  g_array_sort (matrix->items, compare_items);
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
  GArray *ordered;
  BlockOrder order = { compare, data };

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
  g_array_sort_with_data (blocks, compare_blocks, &order);
  ordered = g_array_sized_new (FALSE, FALSE, sizeof (UprExportRecommendation),
                               matrix->items->len);
  for (guint b = 0; b < blocks->len; b++)
    {
      const Block *block = &g_array_index (blocks, Block, b);

      g_array_append_vals (ordered,
                           &g_array_index (matrix->items, UprExportRecommendation, block->start),
                           block->length);
    }
  /* The items moved: the old array goes without freeing what they hold. */
  g_array_set_clear_func (matrix->items, NULL);
  g_array_unref (matrix->items);
  g_array_set_clear_func (ordered, clear_item);
  matrix->items = ordered;
}

void
upr_export_matrix_free (UprExportMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_array_unref (matrix->items);
  g_string_chunk_free (matrix->strings);
  g_free (matrix);
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
