/* upr-store-overview.c: counts of a country's recommendations for its overview (by
 * response, status, assessment, action category, theme, SDG), now or on any past day. Each
 * count is one or two grouped queries; the charts draw them, the text reads them out. */
#include "config.h"

#include <string.h>

#include "upr-assessment.h"
#include "upr-store-recommendations-private.h"
#include "upr-vocab.h"

static void
clear_count (gpointer data)
{
  UprCount *count = data;

  g_free (count->key);
}

static GArray *
counts_new (void)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (UprCount));

  g_array_set_clear_func (counts, clear_count);
  return counts;
}

static void
append_count (GArray     *counts,
              const char *key,
              guint       count)
{
  UprCount entry = { g_strdup (key), count };

  g_array_append_val (counts, entry);
}

/* Runs @sql (bound to @selection, and to @scheme as :scheme) and hands each (key, count) row
 * to @func. */
static gboolean
for_each_group (UprStore           *self,
                const char         *sql,
                const UprSelection *selection,
                const char         *scheme,
                void              (*func) (sqlite3_stmt *stmt,
                                           gpointer      data),
                gpointer            data,
                GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (self, sql, error);
  int index;
  int rc;

  if (stmt == NULL)
    return FALSE;
  upr_selection_bind (stmt, selection);
  if ((index = sqlite3_bind_parameter_index (stmt, ":scheme")) > 0)
    sqlite3_bind_text (stmt, index, scheme, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, data);
  return rc == SQLITE_DONE || upr_store_fail (self, rc, error);
}

/* Key → count, for closed vocabularies */

static void
add_to_table_cb (sqlite3_stmt *stmt,
                 gpointer      data)
{
  const char *key = (const char *) sqlite3_column_text (stmt, 0);

  g_hash_table_insert (data, g_strdup (key != NULL ? key : ""),
                       GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
}

/* Every entry of @vocab in its order, then those with none ("" in @table) as NULL. */
static GArray *
counts_of_vocab (GHashTable *table,
                 UprVocab    vocab)
{
  GArray *counts = counts_new ();
  const UprVocabEntry *entries;
  guint n_entries;
  guint none;

  entries = upr_vocab_entries (vocab, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    append_count (counts, entries[i].id,
                  GPOINTER_TO_UINT (g_hash_table_lookup (table, entries[i].id)));
  none = GPOINTER_TO_UINT (g_hash_table_lookup (table, ""));
  if (none > 0)
    append_count (counts, NULL, none);
  return counts;
}

static GArray *
count_column (UprStore           *self,
              const UprSelection *selection,
              const char         *column,
              UprVocab            vocab,
              GError            **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *where = upr_selection_where (selection);
  g_autofree char *sql = g_strdup_printf ("SELECT %s, count (*) FROM " UPR_SELECTION_FROM
                                          " WHERE %s GROUP BY 1",
                                          column, where);

  if (!for_each_group (self, sql, selection, NULL, add_to_table_cb, table, error))
    return NULL;
  return counts_of_vocab (table, vocab);
}

/* The status of each recommendation on :as_of, from its history. Those with no dated status
 * by then (no candidate) have not started; counting them as the rest of @total spares a join
 * of every recommendation with the ranked candidates. */
static GArray *
count_status_as_of (UprStore           *self,
                    const UprSelection *selection,
                    guint               total,
                    GError            **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *updates = upr_selection_from (selection, "progress_update AS p",
                                                 "p.recommendation_id");
  /* No further table: the recommendations themselves, as "r". */
  g_autofree char *recommendations = upr_selection_from (selection, NULL, "r.id");
  g_autofree char *sql = NULL;
  GHashTableIter iter;
  gpointer value;
  guint with_status = 0;

  sql = g_strdup_printf ("SELECT status, count (*) FROM ("
                         " SELECT status, row_number () OVER (PARTITION BY id"
                         "  ORDER BY day DESC, current DESC, entered DESC) AS rank"
                         " FROM (" STATUS_CANDIDATES "))"
                         " WHERE rank = 1 GROUP BY status",
                         updates, recommendations);
  if (!for_each_group (self, sql, selection, NULL, add_to_table_cb, table, error))
    return NULL;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    with_status += GPOINTER_TO_UINT (value);
  value = g_hash_table_lookup (table, "not-started");
  g_hash_table_insert (table, g_strdup ("not-started"),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + total - with_status));
  return counts_of_vocab (table, UPR_VOCAB_IMPLEMENTATION_STATUS);
}

static void
add_assessment_cb (sqlite3_stmt *stmt,
                   gpointer      data)
{
  const char *level = upr_assessment_combine ((guint) sqlite3_column_int (stmt, 1),
                                              (guint) sqlite3_column_int (stmt, 2));
  GHashTable *table = data;

  if (level != NULL)
    g_hash_table_insert (table, g_strdup (level),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, level))
                                           + 1));
}

static GArray *
count_assessments (UprStore           *self,
                   const UprSelection *selection,
                   guint               total,
                   GError            **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *from = upr_selection_from (selection, "assessment AS a", "a.recommendation_id");
  g_autofree char *sql = upr_assessment_points_sql (from, selection->as_of != NULL);
  guint assessed = 0;
  GHashTableIter iter;
  gpointer value;

  if (!for_each_group (self, sql, selection, NULL, add_assessment_cb, table, error))
    return NULL;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    assessed += GPOINTER_TO_UINT (value);
  g_hash_table_insert (table, g_strdup (""), GUINT_TO_POINTER (total - assessed));
  return counts_of_vocab (table, UPR_VOCAB_ASSESSMENT_LEVEL);
}

/* Themes, groups, issues and goals */

static void
append_row_cb (sqlite3_stmt *stmt,
               gpointer      data)
{
  append_count (data, (const char *) sqlite3_column_text (stmt, 0),
                (guint) sqlite3_column_int (stmt, 1));
}

static gboolean
count_one (UprStore           *self,
           const char         *sql,
           const UprSelection *selection,
           const char         *scheme,
           guint              *count,
           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (self, sql, error);
  int index;
  int rc;

  if (stmt == NULL)
    return FALSE;
  upr_selection_bind (stmt, selection);
  if ((index = sqlite3_bind_parameter_index (stmt, ":scheme")) > 0)
    sqlite3_bind_text (stmt, index, scheme, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return upr_store_fail (self, rc, error);
  *count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Those used, most used first (then in the vocabulary's order), then those with none. */
static GArray *
count_terms (UprStore           *self,
             const UprSelection *selection,
             const char         *scheme,
             guint               total,
             GError            **error)
{
  g_autoptr(GArray) counts = counts_new ();
  g_autofree char *from = upr_selection_from (selection,
                                              "recommendation_term AS l"
                                              " CROSS JOIN vocabulary_term AS t",
                                              "l.recommendation_id");
  g_autofree char *used = NULL;
  g_autofree char *with_any = NULL;
  guint n_with_any = 0;

  used = g_strdup_printf ("SELECT l.term_id, count (*)%s"
                          " AND t.id = l.term_id AND t.scheme = :scheme"
                          " GROUP BY l.term_id ORDER BY count (*) DESC, t.position",
                          from);
  with_any = g_strdup_printf ("SELECT count (DISTINCT l.recommendation_id)%s"
                              " AND t.id = l.term_id AND t.scheme = :scheme",
                              from);
  if (!for_each_group (self, used, selection, scheme, append_row_cb, counts, error)
      || !count_one (self, with_any, selection, scheme, &n_with_any, error))
    return NULL;
  if (total > n_with_any)
    append_count (counts, NULL, total - n_with_any);
  return g_steal_pointer (&counts);
}

static void
add_goal_cb (sqlite3_stmt *stmt,
             gpointer      data)
{
  guint *by_goal = data;
  int goal = sqlite3_column_int (stmt, 0);

  if (goal >= 1 && goal <= 17)
    by_goal[goal] = (guint) sqlite3_column_int (stmt, 1);
}

static GArray *
count_goals (UprStore           *self,
             const UprSelection *selection,
             guint               total,
             GError            **error)
{
  g_autoptr(GArray) counts = counts_new ();
  g_autofree char *from = upr_selection_from (selection, "recommendation_sdg AS l",
                                              "l.recommendation_id");
  g_autofree char *used = NULL;
  g_autofree char *with_any = NULL;
  guint by_goal[18] = { 0 };
  guint n_with_any = 0;

  used = g_strdup_printf ("SELECT l.goal, count (*)%s GROUP BY l.goal", from);
  with_any = g_strdup_printf ("SELECT count (DISTINCT l.recommendation_id)%s", from);
  if (!for_each_group (self, used, selection, NULL, add_goal_cb, by_goal, error)
      || !count_one (self, with_any, selection, NULL, &n_with_any, error))
    return NULL;
  for (guint goal = 1; goal <= 17; goal++)
    {
      g_autofree char *key = g_strdup_printf ("%u", goal);

      append_count (counts, key, by_goal[goal]);
    }
  if (total > n_with_any)
    append_count (counts, NULL, total - n_with_any);
  return g_steal_pointer (&counts);
}

GArray *
upr_store_count_recommendations (UprStore   *self,
                                 const char *country_code,
                                 int         cycle,
                                 UprCountBy  by,
                                 const char *as_of,
                                 guint      *n_recommendations,
                                 GError    **error)
{
  UprSelection selection = { .country_code = country_code, .cycle = cycle, .as_of = as_of };
  g_autofree char *ids = NULL;
  g_autofree char *total_sql = NULL;
  guint total = 0;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (cycle >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = upr_selection_ids (&selection);
  total_sql = g_strdup_printf ("SELECT count (*) FROM (%s)", ids);
  if (!count_one (self, total_sql, &selection, NULL, &total, error))
    return NULL;
  if (n_recommendations != NULL)
    *n_recommendations = total;

  switch (by)
    {
    case UPR_COUNT_BY_RESPONSE:
      return count_column (self, &selection, "r.response", UPR_VOCAB_RESPONSE, error);
    case UPR_COUNT_BY_STATUS:
      return as_of != NULL ? count_status_as_of (self, &selection, total, error)
                           : count_column (self, &selection, "r.status",
                                           UPR_VOCAB_IMPLEMENTATION_STATUS, error);
    case UPR_COUNT_BY_ASSESSMENT:
      return count_assessments (self, &selection, total, error);
    case UPR_COUNT_BY_ACTION_CATEGORY:
      return count_column (self, &selection, "CAST (r.action_category AS TEXT)",
                           UPR_VOCAB_ACTION_CATEGORY, error);
    case UPR_COUNT_BY_UHRI_THEME:
      return count_terms (self, &selection, "uhri-theme", total, error);
    case UPR_COUNT_BY_UHRI_GROUP:
      return count_terms (self, &selection, "uhri-group", total, error);
    case UPR_COUNT_BY_UPRINFO_ISSUE:
      return count_terms (self, &selection, "uprinfo-issue", total, error);
    case UPR_COUNT_BY_SDG:
      return count_goals (self, &selection, total, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The status over time, in one reading */

/* One candidate for the status of a recommendation, ordered as STATUS_CANDIDATES orders them
 * (upr-store-recommendations-private.h): by day, then the current status before an update of
 * the same day, then by when it was entered. */
typedef struct
{
  char     *day;     /* "" for a current status without a date: it holds from the start */
  gboolean  current;
  char     *entered;
  char     *status;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->day);
  g_free (candidate->entered);
  g_free (candidate->status);
}

static gboolean
candidate_later (const Candidate *a,
                 const Candidate *b)
{
  int by_day = strcmp (a->day, b->day);

  if (by_day != 0)
    return by_day > 0;
  if (a->current != b->current)
    return a->current;
  return strcmp (a->entered, b->entered) > 0;
}

/* Counts one recommendation, whose candidates are @candidates, on each day it was reviewed by. */
static void
count_one_over_time (GArray             *candidates,
                     const char         *review_date,
                     const char * const *days,
                     GHashTable        **tables)
{
  for (guint d = 0; days[d] != NULL; d++)
    {
      const Candidate *best = NULL;
      const char *status;

      if (review_date != NULL && strcmp (review_date, days[d]) > 0)
        continue;
      for (guint c = 0; c < candidates->len; c++)
        {
          const Candidate *candidate = &g_array_index (candidates, Candidate, c);

          if (strcmp (candidate->day, days[d]) <= 0
              && (best == NULL || candidate_later (candidate, best)))
            best = candidate;
        }
      status = best != NULL ? best->status : "not-started";
      g_hash_table_insert (tables[d], g_strdup (status),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (tables[d],
                                                                                   status))
                                             + 1));
    }
}

GPtrArray *
upr_store_count_status_over_time (UprStore           *self,
                                  const char         *country_code,
                                  const char * const *days,
                                  GError            **error)
{
  UprSelection selection = { .country_code = country_code };
  g_autofree char *where = upr_selection_where (&selection);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autofree GHashTable **tables = NULL;
  g_autofree char *id = NULL;
  g_autofree char *review_date = NULL;
  GPtrArray *result;
  guint n_days;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (days != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Every candidate of every recommendation, by recommendation: what count_status_as_of()
   * reads for one day, without the day. */
  sql = g_strdup_printf ("SELECT r.id, v.review_date, p.status, p.date, 0, p.created_at"
                         " FROM review AS v CROSS JOIN recommendation AS r"
                         " CROSS JOIN progress_update AS p"
                         " WHERE r.review_id = v.id AND p.recommendation_id = r.id"
                         " AND p.status IS NOT NULL AND %s"
                         " UNION ALL"
                         " SELECT r.id, v.review_date, r.status, coalesce (r.status_date, ''),"
                         " 1, ''"
                         " FROM review AS v CROSS JOIN recommendation AS r"
                         " WHERE r.review_id = v.id AND %s"
                         " ORDER BY 1",
                         where, where);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  upr_selection_bind (stmt, &selection);

  n_days = g_strv_length ((char **) days);
  tables = g_new0 (GHashTable *, n_days + 1);
  for (guint d = 0; d < n_days; d++)
    tables[d] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_set_clear_func (candidates, candidate_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row_id = (const char *) sqlite3_column_text (stmt, 0);
      Candidate candidate;

      if (g_strcmp0 (row_id, id) != 0)
        {
          if (id != NULL)
            count_one_over_time (candidates, review_date, days, tables);
          g_array_set_size (candidates, 0);
          g_free (id);
          id = g_strdup (row_id);
          g_free (review_date);
          review_date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      candidate.status = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      candidate.day = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      candidate.current = sqlite3_column_int (stmt, 4) != 0;
      candidate.entered = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_array_append_val (candidates, candidate);
    }
  if (id != NULL)
    count_one_over_time (candidates, review_date, days, tables);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint d = 0; d < n_days; d++)
    {
      if (rc == SQLITE_DONE)
        g_ptr_array_add (result, counts_of_vocab (tables[d], UPR_VOCAB_IMPLEMENTATION_STATUS));
      g_hash_table_unref (tables[d]);
    }
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (result);
      upr_store_fail (self, rc, error);
      return NULL;
    }
  return result;
}
