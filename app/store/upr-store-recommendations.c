/* upr-store-recommendations.c: the implementation matrix: rows listed in bulk (a few
 * queries whatever the number of recommendations), and the selections of recommendations
 * that the other recommendation files share (upr-store-recommendations-private.h). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-assessment.h"
#include "upr-country.h"
#include "upr-fold.h"
#include "upr-recommendation-row-private.h"
#include "upr-store-recommendations-private.h"

/* Selections */

char *
upr_selection_where (const UprSelection *selection)
{
  GString *where = g_string_new ("r.deleted_at IS NULL");

  if (selection->country_code != NULL)
    g_string_append (where, " AND v.country_code = :country");
  if (selection->cycle != 0)
    g_string_append (where, " AND v.session BETWEEN"
                            " (SELECT first_session FROM upr_cycle WHERE number = :cycle)"
                            " AND (SELECT last_session FROM upr_cycle WHERE number = :cycle)");
  if (selection->ids_json != NULL)
    g_string_append (where, " AND r.id IN (SELECT value FROM json_each (:ids))");
  if (selection->as_of != NULL)
    g_string_append (where, " AND (v.review_date IS NULL OR v.review_date <= :as_of)");
  return g_string_free (where, FALSE);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

void
upr_selection_bind (sqlite3_stmt       *stmt,
                    const UprSelection *selection)
{
  int index = sqlite3_bind_parameter_index (stmt, ":cycle");

  bind_named_text (stmt, ":country", selection->country_code);
  bind_named_text (stmt, ":ids", selection->ids_json);
  bind_named_text (stmt, ":as_of", selection->as_of);
  if (index > 0)
    sqlite3_bind_int (stmt, index, selection->cycle);
}

char *
upr_selection_ids (const UprSelection *selection)
{
  g_autofree char *where = upr_selection_where (selection);

  return g_strconcat ("SELECT r.id FROM " UPR_SELECTION_FROM " WHERE ", where, NULL);
}

char *
upr_selection_from (const UprSelection *selection,
                    const char         *tables,
                    const char         *column)
{
  g_autofree char *where = NULL;

  if (selection->country_code == NULL && selection->cycle == 0 && selection->ids_json == NULL
      && selection->as_of == NULL)
    return g_strdup_printf (" FROM %s WHERE %s NOT IN (SELECT id FROM recommendation"
                            " WHERE deleted_at IS NOT NULL)",
                            tables != NULL ? tables : "recommendation AS r", column);
  where = upr_selection_where (selection);
  /* A few recommendations by id (a row refreshed after an edit): from the ids. */
  if (selection->ids_json != NULL)
    return g_strdup_printf (" FROM json_each (:ids) AS j CROSS JOIN recommendation AS r"
                            " CROSS JOIN review AS v%s%s"
                            " WHERE r.id = j.value AND v.id = r.review_id AND %s%s%s",
                            tables != NULL ? " CROSS JOIN " : "", tables != NULL ? tables : "",
                            tables != NULL ? column : "", tables != NULL ? " = r.id AND " : "",
                            where);
  if (tables == NULL)
    return g_strdup_printf (" FROM review AS v CROSS JOIN recommendation AS r"
                            " WHERE r.review_id = v.id AND %s",
                            where);
  return g_strdup_printf (" FROM review AS v CROSS JOIN recommendation AS r CROSS JOIN %s"
                          " WHERE r.review_id = v.id AND %s = r.id AND %s",
                          tables, column, where);
}

char *
upr_json_array (const char * const *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_string_append (json, i > 0 ? ",\"" : "\"");
      for (const char *p = ids[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_printf (json, "\\%c", *p);
          else if ((guchar) *p < 0x20)
            g_string_append_printf (json, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (json, *p);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* A stakeholder is the organisation that assessed, or else the source; its latest assessment
 * (by date, then by entry) is the one that counts. */
char *
upr_assessment_points_sql (const char *from,
                           gboolean    by_date)
{
  return g_strconcat ("SELECT recommendation_id, sum (points), count (*) FROM ("
                      " SELECT a.recommendation_id,"
                      "  CASE a.level WHEN 'fully-implemented' THEN 2"
                      "   WHEN 'partially-implemented' THEN 1 ELSE 0 END AS points,"
                      "  row_number () OVER (PARTITION BY a.recommendation_id,"
                      "   coalesce (a.organisation_id, a.source)"
                      "   ORDER BY a.date DESC, a.created_at DESC, a.id) AS rank",
                      from,
                      by_date ? " AND a.date <= :as_of" : "",
                      ") WHERE rank = 1 GROUP BY recommendation_id",
                      NULL);
}

gboolean
upr_store_recommendation_not_found (GError **error)
{
  g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND,
               _("The recommendation was not found; it may have been deleted."));
  return FALSE;
}

/* Loading rows */

typedef struct
{
  char *display; /* in the interface language */
  char *folded;  /* what a search matches */
} Names;

static void
names_free (gpointer data)
{
  Names *names = data;

  g_free (names->display);
  g_free (names->folded);
  g_free (names);
}

typedef enum
{
  LINK_STATES,     /* interned country codes */
  LINK_TERMS,      /* interned term ids */
  LINK_SUPPORTING, /* organisation ids, owned */
} LinkKind;

/* One listing: its rows by id, and the names of the States and institutions they mention,
 * folded once each rather than once per row. */
typedef struct
{
  UprStore           *store;
  const UprSelection *selection;
  GPtrArray          *rows;          /* UprRecommendationRow, owned */
  GHashTable         *by_id;         /* row id → row, borrowed */
  GHashTable         *countries;     /* interned code → Names */
  GHashTable         *organisations; /* id → Names */
  GHashTable         *ranks;         /* interned code or term id → its place + 1 */
  /* The run of links being collected (see collect_link()) */
  LinkKind              run_kind;
  UprRecommendationRow *run_row;
  GPtrArray            *run_items;
} Listing;

static void
listing_clear (Listing *listing)
{
  g_clear_pointer (&listing->rows, g_ptr_array_unref);
  g_clear_pointer (&listing->by_id, g_hash_table_unref);
  g_clear_pointer (&listing->countries, g_hash_table_unref);
  g_clear_pointer (&listing->organisations, g_hash_table_unref);
  g_clear_pointer (&listing->ranks, g_hash_table_unref);
  g_clear_pointer (&listing->run_items, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Listing, listing_clear)

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

/* Runs @stmt to its end, calling @func for each row; FALSE with @error on failure. */
static gboolean
for_each_row (Listing       *listing,
              sqlite3_stmt  *stmt,
              void         (*func) (Listing      *listing,
                                    sqlite3_stmt *stmt))
{
  int rc;

  upr_selection_bind (stmt, listing->selection);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (listing, stmt);
  return rc == SQLITE_DONE;
}

static gboolean
run_query (Listing     *listing,
           const char  *sql,
           void       (*func) (Listing      *listing,
                               sqlite3_stmt *stmt),
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (listing->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (for_each_row (listing, stmt, func))
    return TRUE;
  rc = sqlite3_errcode (sqlite3_db_handle (stmt));
  return upr_store_fail (listing->store, rc, error);
}

static void
add_country_cb (Listing      *listing,
                sqlite3_stmt *stmt)
{
  Names *names = g_new0 (Names, 1);
  const char *name_en = column_text (stmt, 1);
  const char *name_fr = column_text (stmt, 2);
  g_autofree char *all = g_strjoin (" ", name_en, name_fr, column_text (stmt, 0), NULL);

  names->display = g_strdup (upr_country_interface_is_french () ? name_fr : name_en);
  names->folded = upr_fold (all);
  g_hash_table_insert (listing->countries, (gpointer) column_interned (stmt, 0), names);
}

/* "Name (ACRONYM)", as the matrix shows an institution. */
static void
remember_organisation (Listing    *listing,
                       const char *id,
                       const char *name,
                       const char *acronym)
{
  Names *names;

  if (id == NULL || g_hash_table_contains (listing->organisations, id))
    return;
  names = g_new0 (Names, 1);
  names->display = acronym != NULL ? g_strdup_printf ("%s (%s)", name, acronym)
                                   : g_strdup (name);
  names->folded = upr_fold (names->display);
  g_hash_table_insert (listing->organisations, g_strdup (id), names);
}

static void
add_row_cb (Listing      *listing,
            sqlite3_stmt *stmt)
{
  UprRecommendationRow *row = upr_recommendation_row_new ();

  row->id = g_strdup (column_text (stmt, 0));
  row->review_id = g_strdup (column_text (stmt, 1));
  row->country_code = column_interned (stmt, 2);
  row->session = sqlite3_column_int (stmt, 3);
  row->cycle = sqlite3_column_int (stmt, 4);
  row->paragraph = g_strdup (column_text (stmt, 5));
  row->text = g_strdup (column_text (stmt, 6));
  row->response = column_interned (stmt, 7);
  row->action_category = sqlite3_column_int (stmt, 8);
  row->voluntary_pledge = sqlite3_column_int (stmt, 9) != 0;
  row->cluster = g_strdup (column_text (stmt, 10));
  row->priority = column_interned (stmt, 11);
  row->lead_organisation_id = g_strdup (column_text (stmt, 12));
  remember_organisation (listing, row->lead_organisation_id, column_text (stmt, 13),
                         column_text (stmt, 14));
  row->status = column_interned (stmt, 15);
  row->status_date = g_strdup (column_text (stmt, 16));
  /* The stored folded text, extended with the names once the links are in. */
  row->search_key = g_strdup (column_text (stmt, 17));
  row->position = sqlite3_column_int64 (stmt, 18);
  upr_recommendation_row_finish (row);

  g_ptr_array_add (listing->rows, row);
  g_hash_table_insert (listing->by_id, row->id, row);
}

/* No ORDER BY: the rows are sorted in C (paragraphs as numbers), and without statistics
 * SQLite would rather scan every recommendation than sort one country's. */
static gboolean
load_rows (Listing *listing,
           GError **error)
{
  g_autofree char *where = upr_selection_where (listing->selection);
  g_autofree char *sql = NULL;

  sql = g_strconcat ("SELECT r.id, r.review_id, v.country_code, v.session,"
                     " coalesce (c.number, 0), r.paragraph, r.text, r.response,"
                     " coalesce (r.action_category, 0), r.voluntary_pledge, r.cluster, r.priority,"
                     " r.lead_organisation_id, o.name, o.acronym, r.status, r.status_date,"
                     " r.search_folded, r.rowid"
                     " FROM " UPR_SELECTION_FROM
                     " LEFT JOIN upr_cycle AS c"
                     "  ON v.session BETWEEN c.first_session AND c.last_session"
                     " LEFT JOIN organisation AS o ON o.id = r.lead_organisation_id"
                     " WHERE ", where,
                     NULL);
  return run_query (listing, sql, add_row_cb, error);
}

/* Links are read in the order of the link tables' keys, which SQLite has at hand, and put
 * in order here, a few per row: a sort by name in SQL would cost more than the reading. */
static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  Listing *listing = data;
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (listing->ranks, *(gpointer *) a));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (listing->ranks, *(gpointer *) b));

  return (x > y) - (x < y);
}

static int
compare_organisations (gconstpointer a,
                       gconstpointer b,
                       gpointer      data)
{
  Listing *listing = data;
  Names *x = g_hash_table_lookup (listing->organisations, *(gpointer *) a);
  Names *y = g_hash_table_lookup (listing->organisations, *(gpointer *) b);

  return g_strcmp0 (x != NULL ? x->folded : NULL, y != NULL ? y->folded : NULL);
}

/* Links come ordered by recommendation: each run of one recommendation's links is collected,
 * then given to its row as one NULL-terminated array. */
static void
flush_run (Listing *listing)
{
  UprRecommendationRow *row = listing->run_row;
  gpointer *array;

  listing->run_row = NULL;
  if (row == NULL || listing->run_items->len == 0)
    return;
  g_ptr_array_sort_with_data (listing->run_items,
                              listing->run_kind == LINK_SUPPORTING ? compare_organisations
                                                                   : compare_ranks,
                              listing);
  g_ptr_array_add (listing->run_items, NULL);
  array = g_ptr_array_steal (listing->run_items, NULL);
  switch (listing->run_kind)
    {
    case LINK_STATES: row->states = (const char **) array; break;
    case LINK_TERMS: row->terms = (const char **) array; break;
    case LINK_SUPPORTING: row->supporting = (char **) array; break;
    default: g_assert_not_reached ();
    }
}

static void
collect_link (Listing    *listing,
              const char *recommendation_id,
              gpointer    item)
{
  UprRecommendationRow *row = g_hash_table_lookup (listing->by_id, recommendation_id);

  if (row == NULL)
    return;
  if (row != listing->run_row)
    {
      flush_run (listing);
      listing->run_row = row;
    }
  g_ptr_array_add (listing->run_items, item);
}

static void
add_state_cb (Listing      *listing,
              sqlite3_stmt *stmt)
{
  collect_link (listing, column_text (stmt, 0), (gpointer) column_interned (stmt, 1));
}

static void
add_term_cb (Listing      *listing,
             sqlite3_stmt *stmt)
{
  collect_link (listing, column_text (stmt, 0), (gpointer) column_interned (stmt, 1));
}

static void
add_supporting_cb (Listing      *listing,
                   sqlite3_stmt *stmt)
{
  const char *id = column_text (stmt, 1);

  if (!g_hash_table_contains (listing->by_id, column_text (stmt, 0)))
    return;
  remember_organisation (listing, id, column_text (stmt, 2), column_text (stmt, 3));
  collect_link (listing, column_text (stmt, 0), g_strdup (id));
}

static void
add_goal_cb (Listing      *listing,
             sqlite3_stmt *stmt)
{
  UprRecommendationRow *row = g_hash_table_lookup (listing->by_id, column_text (stmt, 0));
  int goal = sqlite3_column_int (stmt, 1);

  if (row != NULL && goal >= 1 && goal <= 17)
    row->sdg_goals |= UPR_SDG_BIT (goal);
}

static void
add_last_update_cb (Listing      *listing,
                    sqlite3_stmt *stmt)
{
  UprRecommendationRow *row = g_hash_table_lookup (listing->by_id, column_text (stmt, 0));

  if (row != NULL)
    row->last_update = g_strdup (column_text (stmt, 1));
}

static void
add_assessment_cb (Listing      *listing,
                   sqlite3_stmt *stmt)
{
  UprRecommendationRow *row = g_hash_table_lookup (listing->by_id, column_text (stmt, 0));

  if (row != NULL)
    row->assessment_level = upr_assessment_combine ((guint) sqlite3_column_int (stmt, 1),
                                                    (guint) sqlite3_column_int (stmt, 2));
}

static void
add_term_rank_cb (Listing      *listing,
                  sqlite3_stmt *stmt)
{
  g_hash_table_insert (listing->ranks, (gpointer) column_interned (stmt, 0),
                       GUINT_TO_POINTER (g_hash_table_size (listing->ranks) + 1));
}

typedef struct
{
  const char *code;
  char       *key;
} CountryKey;

static int
compare_country_keys (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (((const CountryKey *) a)->key, ((const CountryKey *) b)->key);
}

/* Countries ranked by name in the interface language, accents aside (as the sidebar). */
static void
rank_countries (Listing *listing)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (CountryKey));
  GHashTableIter iter;
  gpointer code, value;

  g_hash_table_iter_init (&iter, listing->countries);
  while (g_hash_table_iter_next (&iter, &code, &value))
    {
      g_autofree char *folded = upr_fold (((Names *) value)->display);
      CountryKey key = { code, g_utf8_collate_key (folded, -1) };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_country_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      CountryKey *key = &g_array_index (keys, CountryKey, i);

      g_hash_table_insert (listing->ranks, (gpointer) key->code,
                           GUINT_TO_POINTER (g_hash_table_size (listing->ranks) + 1));
      g_free (key->key);
    }
}

/* Runs @format with " FROM @tables … WHERE …" for the selection in place of its "%s". */
static gboolean
run_in_selection (Listing     *listing,
                  const char  *format,
                  const char  *tables,
                  const char  *column,
                  void       (*func) (Listing      *listing,
                                      sqlite3_stmt *stmt),
                  GError     **error)
{
  g_autofree char *from = upr_selection_from (listing->selection, tables, column);
  g_autofree char *sql = g_strdup_printf (format, from);

  return run_query (listing, sql, func, error);
}

static gboolean
load_links (Listing     *listing,
            LinkKind     kind,
            const char  *format,
            const char  *tables,
            void       (*func) (Listing      *listing,
                                sqlite3_stmt *stmt),
            GError     **error)
{
  gboolean ok;

  listing->run_kind = kind;
  ok = run_in_selection (listing, format, tables, "l.recommendation_id", func, error);
  flush_run (listing);
  return ok;
}

static gboolean
load_all_links (Listing *listing,
                GError **error)
{
  g_autofree char *from = upr_selection_from (listing->selection, "assessment AS a",
                                              "a.recommendation_id");
  g_autofree char *assessments = upr_assessment_points_sql (from, FALSE);

  rank_countries (listing);
  return run_query (listing,
                    "SELECT id FROM vocabulary_term ORDER BY CASE scheme"
                    " WHEN 'uhri-theme' THEN 0 WHEN 'uhri-group' THEN 1 ELSE 2 END, position",
                    add_term_rank_cb, error)
         && load_links (listing, LINK_STATES,
                        "SELECT l.recommendation_id, l.country_code%s"
                        " ORDER BY l.recommendation_id",
                        "recommendation_state AS l", add_state_cb, error)
         && load_links (listing, LINK_TERMS,
                        "SELECT l.recommendation_id, l.term_id%s ORDER BY l.recommendation_id",
                        "recommendation_term AS l", add_term_cb, error)
         && load_links (listing, LINK_SUPPORTING,
                        "SELECT l.recommendation_id, l.organisation_id, o.name, o.acronym%s"
                        " AND o.id = l.organisation_id ORDER BY l.recommendation_id",
                        "recommendation_support AS l CROSS JOIN organisation AS o",
                        add_supporting_cb, error)
         && run_in_selection (listing, "SELECT l.recommendation_id, l.goal%s",
                              "recommendation_sdg AS l", "l.recommendation_id", add_goal_cb,
                              error)
         && run_in_selection (listing,
                              "SELECT p.recommendation_id, max (p.date)%s"
                              " GROUP BY p.recommendation_id",
                              "progress_update AS p", "p.recommendation_id",
                              add_last_update_cb, error)
         && run_query (listing, assessments, add_assessment_cb, error);
}

static void
append_folded (GString    *key,
               GHashTable *names,
               const char *id)
{
  Names *found = id != NULL ? g_hash_table_lookup (names, id) : NULL;

  if (found != NULL && found->folded[0] != '\0')
    {
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, found->folded);
    }
}

/* The names of the States in the interface language, and the search key extended with the
 * folded names of States and institutions. */
static void
finish_row (Listing              *listing,
            UprRecommendationRow *row)
{
  GString *key = g_string_new (row->search_key);
  GString *state_names = g_string_new (NULL);

  for (guint i = 0; row->states != NULL && row->states[i] != NULL; i++)
    {
      Names *names = g_hash_table_lookup (listing->countries, row->states[i]);

      g_string_append_printf (state_names, "%s%s", i > 0 ? ", " : "",
                              names != NULL ? names->display : row->states[i]);
      append_folded (key, listing->countries, row->states[i]);
    }
  append_folded (key, listing->organisations, row->lead_organisation_id);
  for (guint i = 0; row->supporting != NULL && row->supporting[i] != NULL; i++)
    append_folded (key, listing->organisations, row->supporting[i]);

  g_free (row->search_key);
  row->search_key = g_string_free (key, FALSE);
  row->state_names = g_string_free (state_names, state_names->len == 0);
  if (row->lead_organisation_id != NULL)
    {
      Names *names = g_hash_table_lookup (listing->organisations, row->lead_organisation_id);

      row->lead_organisation_name = names != NULL ? g_strdup (names->display) : NULL;
    }
}

/* A deferred transaction, unless one is open already. */
static gboolean
begin_read (UprStore *self,
            gboolean *in_transaction,
            GError  **error)
{
  *in_transaction = self->depth > 0;
  return *in_transaction || upr_store_exec (self, "BEGIN", error);
}

static void
end_read (UprStore *self,
          gboolean  in_transaction)
{
  if (!in_transaction)
    upr_store_exec (self, "COMMIT", NULL);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  UprRecommendationRow *x = *(UprRecommendationRow **) a;
  UprRecommendationRow *y = *(UprRecommendationRow **) b;
  int diff = strcmp (x->country_code, y->country_code);

  if (diff == 0)
    diff = x->session - y->session;
  if (diff == 0)
    diff = strcmp (x->paragraph_key, y->paragraph_key);
  if (diff == 0)
    diff = (x->position > y->position) - (x->position < y->position);
  return diff;
}

/* The rows of @selection, sorted by country, session and paragraph (in the order they were
 * added when those are equal). Reads in one snapshot. */
static GPtrArray *
list_rows (UprStore           *self,
           const UprSelection *selection,
           GError            **error)
{
  g_auto(Listing) listing = { 0 };
  gboolean in_transaction;
  gboolean ok;

  listing.store = self;
  listing.selection = selection;
  listing.rows = g_ptr_array_new_with_free_func (g_object_unref);
  listing.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  listing.countries = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, names_free);
  listing.organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, names_free);
  listing.ranks = g_hash_table_new (g_direct_hash, g_direct_equal);
  listing.run_items = g_ptr_array_new ();

  /* Every read in one snapshot, so that rows and links agree even if another process
   * writes meanwhile. */
  if (!begin_read (self, &in_transaction, error))
    return NULL;
  ok = run_query (&listing, "SELECT code, name_en, name_fr FROM country", add_country_cb, error)
       && load_rows (&listing, error)
       && (listing.rows->len == 0 || load_all_links (&listing, error));
  end_read (self, in_transaction);
  if (!ok)
    return NULL;

  for (guint i = 0; i < listing.rows->len; i++)
    finish_row (&listing, g_ptr_array_index (listing.rows, i));
  g_ptr_array_sort (listing.rows, compare_rows);
  return g_steal_pointer (&listing.rows);
}

static GListModel *
list_model_of (GPtrArray *rows)
{
  GListStore *list = g_list_store_new (UPR_TYPE_RECOMMENDATION_ROW);

  /* One splice, so a view bound to the list sees one change, not thousands. */
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (list);
}

GListModel *
upr_store_list_recommendations (UprStore   *self,
                                const char *country_code,
                                int         cycle,
                                GError    **error)
{
  UprSelection selection = { .country_code = country_code, .cycle = cycle };
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (cycle >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = list_rows (self, &selection, error);
  return rows != NULL ? list_model_of (rows) : NULL;
}

GListModel *
upr_store_get_recommendation_rows (UprStore           *self,
                                   const char * const *ids,
                                   GError            **error)
{
  g_autofree char *json = NULL;
  UprSelection selection = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  json = upr_json_array (ids);
  selection.ids_json = json;
  rows = list_rows (self, &selection, error);
  if (rows == NULL)
    return NULL;

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < rows->len; i++)
    {
      UprRecommendationRow *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (by_id, row->id, row);
    }
  for (guint i = 0; ids[i] != NULL; i++)
    {
      UprRecommendationRow *row = g_hash_table_lookup (by_id, ids[i]);

      if (row != NULL)
        g_ptr_array_add (ordered, row);
    }
  return list_model_of (ordered);
}
