/* upr-matrix-page.c: the implementation matrix of a country; see the header.
 *
 * The list is a chain declared in the template: selection → filter (UprRecommendationFilter
 * on the folded search key and the field filters) → sort (bound to the column view's
 * sorter) → a GListStore of the store's rows. Filtering above sorting means a keystroke
 * never re-sorts. Rows are read-only snapshots: when the store says recommendations changed,
 * the page asks for the list again and, when the same recommendations are there in the same
 * order, replaces only the rows whose contents changed, so the scroll position, the sort
 * and the selection stay. The selection is kept by id. Several rows can be selected for a
 * bulk edit; the editor shows one of them. */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "upr-context.h"
#include "upr-form.h"
#include "upr-matrix-page.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-recommendation.h"
#include "upr-recommendation-editor.h"
#include "upr-recommendation-filter.h"
#include "upr-recommendation-row.h"
#include "upr-record.h"
#include "upr-review.h"
#include "upr-store.h"
#include "upr-term.h"
#include "upr-undo-bar.h"
#include "upr-vocab.h"

struct _UprMatrixPage
{
  GtkWidget                parent_instance;

  /* template widgets */
  GtkSearchEntry          *search_entry;
  GtkDropDown             *cycle_drop_down;
  GtkDropDown             *response_drop_down;
  GtkDropDown             *status_drop_down;
  GtkMenuButton           *more_filters_button;
  GtkDropDown             *category_drop_down;
  GtkDropDown             *term_drop_down;
  GtkDropDown             *sdg_drop_down;
  GtkDropDown             *lead_drop_down;
  GtkButton               *clear_filters_button;
  GtkMenuButton           *add_button;
  GtkSpinButton           *session_spin;
  GtkLabel                *session_cycle_label;
  GtkEntry                *new_paragraph_entry;
  GtkEntry                *new_text_entry;
  GtkLabel                *add_message;
  GtkLabel                *count_label;
  GtkMenuButton           *bulk_status_button;
  GtkMenuButton           *bulk_edit_button;
  UprOrganisationEntry    *bulk_lead_entry;
  GtkEntry                *bulk_cluster_entry;
  GtkDropDown             *bulk_term_drop_down;
  GtkDropDown             *bulk_sdg_drop_down;
  GtkButton               *bulk_lead_button;
  GtkButton               *bulk_cluster_button;
  GtkButton               *bulk_term_button;
  GtkButton               *bulk_sdg_button;
  GtkLabel                *bulk_message;
  UprUndoBar              *undo_bar;
  GtkLabel                *message;
  GtkStack                *stack;
  GtkColumnView           *column_view;
  GtkMultiSelection       *selection;
  GtkFilterListModel      *filter_model;
  UprRecommendationFilter *filter;
  GtkSortListModel        *sort_model;
  GListStore              *rows;
  UprRecommendationEditor *editor;
  GtkColumnViewColumn     *paragraph_column;
  GtkColumnViewColumn     *text_column;
  GtkColumnViewColumn     *states_column;
  GtkColumnViewColumn     *response_column;
  GtkColumnViewColumn     *category_column;
  GtkColumnViewColumn     *themes_column;
  GtkColumnViewColumn     *sdgs_column;
  GtkColumnViewColumn     *lead_column;
  GtkColumnViewColumn     *status_column;
  GtkColumnViewColumn     *updated_column;

  /* owned */
  UprContext              *context;
  char                    *country_code;
  char                    *selected_id;
  gboolean                 refreshing; /* selection changes are the list's, not the user's */
  gboolean                 ready;      /* the filter bar's drop-downs are filled */
  guint                    reload_id;
  GPtrArray               *term_ids;   /* of term_drop_down's entries; NULL first: any */
  GPtrArray               *sdg_goals;  /* of sdg_drop_down's, as GUINT_TO_POINTER; 0: any */
  GPtrArray               *lead_ids;   /* of lead_drop_down's; NULL first: any */
};

G_DEFINE_FINAL_TYPE (UprMatrixPage, upr_matrix_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_COUNTRY_CODE, PROP_SELECTED_ID, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* Helpers */

static UprStore *
get_store (UprMatrixPage *self)
{
  return upr_context_get_store (self->context);
}

static UprRecommendationRow *
row_of (GtkListItem *item)
{
  return UPR_RECOMMENDATION_ROW (gtk_list_item_get_item (item));
}

static guint
n_terms (UprRecommendationRow *row)
{
  const char * const *terms = upr_recommendation_row_get_terms (row);

  return terms != NULL ? g_strv_length ((char **) terms) : 0;
}

/* "5, 16" */
static char *
describe_goals (guint goals)
{
  GString *text = g_string_new (NULL);

  for (guint goal = 1; goal <= 17; goal++)
    if (goals & UPR_SDG_BIT (goal))
      g_string_append_printf (text, text->len > 0 ? ", %u" : "%u", goal);
  return g_string_free (text, FALSE);
}

static gboolean
rows_equal (UprRecommendationRow *a,
            UprRecommendationRow *b)
{
#define SAME(getter) (g_strcmp0 (upr_recommendation_row_get_##getter (a), \
                                 upr_recommendation_row_get_##getter (b)) == 0)
  return SAME (paragraph) && SAME (text) && SAME (response) && SAME (status)
         && SAME (status_date) && SAME (cluster) && SAME (priority)
         && SAME (lead_organisation_name) && SAME (last_update) && SAME (state_names)
         && SAME (assessment_level) && SAME (search_key)
         && upr_recommendation_row_get_action_category (a)
              == upr_recommendation_row_get_action_category (b)
         && upr_recommendation_row_get_sdg_goals (a) == upr_recommendation_row_get_sdg_goals (b)
         && upr_recommendation_row_get_cycle (a) == upr_recommendation_row_get_cycle (b)
         && g_strv_equal ((const char * const *) upr_recommendation_row_get_terms (a),
                          (const char * const *) upr_recommendation_row_get_terms (b));
#undef SAME
}

static gboolean
same_ids (GListModel *old_rows,
          GListModel *new_rows)
{
  guint n = g_list_model_get_n_items (old_rows);

  if (n != g_list_model_get_n_items (new_rows))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecommendationRow) a = g_list_model_get_item (old_rows, i);
      g_autoptr(UprRecommendationRow) b = g_list_model_get_item (new_rows, i);

      if (g_strcmp0 (upr_recommendation_row_get_id (a), upr_recommendation_row_get_id (b)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The position of @id among the shown rows, or GTK_INVALID_LIST_POSITION. */
static guint
find_shown (UprMatrixPage *self,
            const char    *id)
{
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (shown);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (shown, i);

      if (g_strcmp0 (upr_recommendation_row_get_id (row), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
set_selected_id (UprMatrixPage *self,
                 const char    *id)
{
  if (g_strcmp0 (self->selected_id, id) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  upr_recommendation_editor_set_recommendation_id (self->editor, id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* The ids of the selected rows, in the order shown. */
static GPtrArray *
selected_ids (UprMatrixPage *self)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);

      g_ptr_array_add (ids, g_strdup (upr_recommendation_row_get_id (row)));
    }
  return ids;
}

/* The editor keeps its recommendation while it stays selected; otherwise it takes the first
 * selected one. */
static void
sync_editor (UprMatrixPage *self)
{
  g_autoptr(GPtrArray) ids = selected_ids (self);
  const char *id = NULL;

  for (guint i = 0; i < ids->len && id == NULL; i++)
    if (g_strcmp0 (ids->pdata[i], self->selected_id) == 0)
      id = self->selected_id;
  if (id == NULL && ids->len > 0)
    id = ids->pdata[0];
  set_selected_id (self, id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bulk_status_button), ids->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bulk_edit_button), ids->len > 0);
}

/* Selects the rows of @ids that are shown, and only them. */
static void
restore_selection (UprMatrixPage *self,
                   GPtrArray     *ids)
{
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint n = g_list_model_get_n_items (shown);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (wanted, ids->pdata[i]);
  for (guint i = 0; i < n && g_hash_table_size (wanted) > 0; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (shown, i);

      if (g_hash_table_contains (wanted, upr_recommendation_row_get_id (row)))
        gtk_bitset_add (selected, i);
    }
  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
}

static void
update_page (UprMatrixPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n_selected = (guint) gtk_bitset_get_size (selected);
  g_autofree char *count = NULL;

  /* Translators: shown and total numbers of recommendations, e.g. "12 of 230 recommendations" */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u recommendation",
                                        "%u of %u recommendations", total), shown, total);
  if (n_selected > 1)
    {
      g_autofree char *with_selected = NULL;

      /* Translators: the count of recommendations shown, then how many are selected */
      with_selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u selected",
                                                    "%s · %u selected", n_selected),
                                       count, n_selected);
      g_free (count);
      count = g_steal_pointer (&with_selected);
    }
  gtk_label_set_label (self->count_label, count);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "matrix");
}

/* The more filters: their drop-downs map an index to a value through a parallel array. */

static gpointer
value_at (GtkDropDown *drop_down,
          GPtrArray   *values)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= values->len)
    return NULL;
  return values->pdata[selected];
}

static void
fill_drop_down (GtkDropDown *drop_down,
                GPtrArray   *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (list, labels->pdata[i]);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
}

/* Themes, groups and issues, each scheme in its published order; the goals by number.
 * Reference data: read once. */
static void
fill_term_filters (UprMatrixPage *self)
{
  g_autoptr(GListModel) terms = upr_store_list_terms (get_store (self), NULL, NULL);
  g_autoptr(GPtrArray) term_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sdg_labels = g_ptr_array_new_with_free_func (g_free);
  guint n = terms != NULL ? g_list_model_get_n_items (terms) : 0;

  g_ptr_array_add (self->term_ids, NULL);
  g_ptr_array_add (term_labels, g_strdup (_("All themes")));
  g_ptr_array_add (self->sdg_goals, NULL);
  g_ptr_array_add (sdg_labels, g_strdup (_("All goals")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprTerm) term = g_list_model_get_item (terms, i);
      const char *scheme = upr_term_get_scheme (term);

      if (g_strcmp0 (scheme, "sdg") == 0)
        {
          guint goal = (guint) g_ascii_strtoull (upr_term_get_code (term), NULL, 10);

          if (goal < 1 || goal > 17)
            continue;
          g_ptr_array_add (self->sdg_goals, GUINT_TO_POINTER (goal));
          /* Translators: an SDG in a filter: its number and title ("5. Gender equality") */
          g_ptr_array_add (sdg_labels, g_strdup_printf (_("%u. %s"), goal,
                                                        upr_term_get_label (term)));
          continue;
        }
      g_ptr_array_add (self->term_ids, g_strdup (upr_term_get_id (term)));
      /* Translators: a term in the theme filter, then its vocabulary ("Right to health —
       * Theme (OHCHR)") */
      g_ptr_array_add (term_labels, g_strdup_printf (_("%s — %s"), upr_term_get_label (term),
                                                     upr_vocab_label (UPR_VOCAB_TERM_SCHEME,
                                                                      scheme)));
    }
  self->ready = FALSE;
  fill_drop_down (self->term_drop_down, term_labels);
  fill_drop_down (self->sdg_drop_down, sdg_labels);
  self->ready = TRUE;
  /* The bulk edits offer the same, without "all". */
  g_ptr_array_remove_index (term_labels, 0);
  g_ptr_array_remove_index (sdg_labels, 0);
  fill_drop_down (self->bulk_term_drop_down, term_labels);
  fill_drop_down (self->bulk_sdg_drop_down, sdg_labels);
}

static void
update_more_filters_label (UprMatrixPage *self)
{
  guint n = (gtk_drop_down_get_selected (self->category_drop_down) > 0)
            + (gtk_drop_down_get_selected (self->term_drop_down) > 0)
            + (gtk_drop_down_get_selected (self->sdg_drop_down) > 0)
            + (gtk_drop_down_get_selected (self->lead_drop_down) > 0);
  g_autofree char *label = NULL;

  /* Translators: the "More Filters" button when %u of its filters are in use */
  label = n > 0 ? g_strdup_printf (_("More Filters (%u)"), n) : g_strdup (_("More Filters"));
  gtk_menu_button_set_label (self->more_filters_button, label);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The lead filter offers the institutions that lead something in the list, by name. It is
 * refilled only when they change, keeping the one chosen while it is still there. */
static void
fill_lead_filter (UprMatrixPage *self)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *chosen = g_strdup (value_at (self->lead_drop_down, self->lead_ids));
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (rows);
  gboolean same;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);
      const char *id = upr_recommendation_row_get_lead_organisation_id (row);
      const char *name = upr_recommendation_row_get_lead_organisation_name (row);

      /* Names and ids live as long as the rows, which the list store keeps. */
      if (id != NULL && name != NULL && !g_hash_table_contains (names, name))
        {
          g_hash_table_insert (names, (gpointer) name, (gpointer) id);
          g_ptr_array_add (sorted, (gpointer) name);
        }
    }
  g_ptr_array_sort (sorted, compare_names);
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, g_strdup (_("All institutions")));
  for (guint i = 0; i < sorted->len; i++)
    {
      g_ptr_array_add (ids, g_strdup (g_hash_table_lookup (names, sorted->pdata[i])));
      g_ptr_array_add (labels, g_strdup (sorted->pdata[i]));
    }

  same = self->lead_ids->len == ids->len;
  for (guint i = 1; same && i < ids->len; i++)
    same = g_strcmp0 (ids->pdata[i], self->lead_ids->pdata[i]) == 0;
  if (same)
    return;

  self->ready = FALSE;
  g_ptr_array_set_size (self->lead_ids, 0);
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (self->lead_ids, g_strdup (ids->pdata[i]));
  fill_drop_down (self->lead_drop_down, labels);
  for (guint i = 1; chosen != NULL && i < self->lead_ids->len; i++)
    if (g_strcmp0 (self->lead_ids->pdata[i], chosen) == 0)
      gtk_drop_down_set_selected (self->lead_drop_down, i);
  self->ready = TRUE;
  upr_recommendation_filter_set_lead (self->filter,
                                      value_at (self->lead_drop_down, self->lead_ids));
  update_more_filters_label (self);
}

static void
reset_filters (UprMatrixPage *self)
{
  gtk_drop_down_set_selected (self->cycle_drop_down, 0);
  gtk_drop_down_set_selected (self->response_drop_down, 0);
  gtk_drop_down_set_selected (self->status_drop_down, 0);
  gtk_drop_down_set_selected (self->category_drop_down, 0);
  gtk_drop_down_set_selected (self->term_drop_down, 0);
  gtk_drop_down_set_selected (self->sdg_drop_down, 0);
  gtk_drop_down_set_selected (self->lead_drop_down, 0);
}

static void
reload (UprMatrixPage *self)
{
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->context == NULL || self->country_code == NULL)
    {
      g_list_store_remove_all (self->rows);
      update_page (self);
      return;
    }

  fresh = upr_store_list_recommendations (get_store (self), self->country_code, 0, &error);
  if (fresh == NULL)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return;
    }
  upr_form_show_error (NULL, self->message, NULL);

  kept = selected_ids (self);
  self->refreshing = TRUE;
  n = g_list_model_get_n_items (fresh);
  if (same_ids (G_LIST_MODEL (self->rows), fresh))
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(UprRecommendationRow) old_row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
          g_autoptr(UprRecommendationRow) new_row = g_list_model_get_item (fresh, i);

          if (!rows_equal (old_row, new_row))
            g_list_store_splice (self->rows, i, 1, (gpointer *) &new_row, 1);
        }
    }
  else
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (fresh, i));
      g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                           items->pdata, items->len);
    }
  /* The one being edited stays selected even when it was the only one. */
  if (self->selected_id != NULL && kept->len == 0)
    g_ptr_array_add (kept, g_strdup (self->selected_id));
  fill_lead_filter (self);
  restore_selection (self, kept);
  self->refreshing = FALSE;
  sync_editor (self);
  update_page (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  UprMatrixPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Sorters: the paragraph by session then its numeric key, the vocabularies in their own
 * order, not their labels'. */

static int
compare_ints (int a,
              int b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_paragraph (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  UprRecommendationRow *ra = (gpointer) a, *rb = (gpointer) b;
  int by_session = compare_ints (upr_recommendation_row_get_session (ra),
                                 upr_recommendation_row_get_session (rb));

  if (by_session != GTK_ORDERING_EQUAL)
    return by_session;
  return compare_ints (g_strcmp0 (upr_recommendation_row_get_paragraph_key (ra),
                                  upr_recommendation_row_get_paragraph_key (rb)), 0);
}

static int
compare_response (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  return compare_ints (upr_vocab_index (UPR_VOCAB_RESPONSE,
                                        upr_recommendation_row_get_response ((gpointer) a)),
                       upr_vocab_index (UPR_VOCAB_RESPONSE,
                                        upr_recommendation_row_get_response ((gpointer) b)));
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return compare_ints (
    upr_vocab_index (UPR_VOCAB_IMPLEMENTATION_STATUS,
                     upr_recommendation_row_get_status ((gpointer) a)),
    upr_vocab_index (UPR_VOCAB_IMPLEMENTATION_STATUS,
                     upr_recommendation_row_get_status ((gpointer) b)));
}

static int
compare_category (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  return compare_ints (upr_recommendation_row_get_action_category ((gpointer) a),
                       upr_recommendation_row_get_action_category ((gpointer) b));
}

static int
compare_themes (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return compare_ints (n_terms ((gpointer) a), n_terms ((gpointer) b));
}

/* By the lowest goal: those about goal 1 first, those without any last. */
static int
compare_sdgs (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  guint ga = upr_recommendation_row_get_sdg_goals ((gpointer) a);
  guint gb = upr_recommendation_row_get_sdg_goals ((gpointer) b);

  return compare_ints (ga != 0 ? g_bit_nth_lsf (ga, -1) : 99, gb != 0 ? g_bit_nth_lsf (gb, -1) : 99);
}

#define STRING_COMPARE(name, getter)                                                    \
  static int                                                                            \
  compare_##name (gconstpointer a,                                                      \
                  gconstpointer b,                                                      \
                  gpointer      data)                                                   \
  {                                                                                     \
    const char *sa = upr_recommendation_row_get_##getter ((gpointer) a);                \
    const char *sb = upr_recommendation_row_get_##getter ((gpointer) b);                \
                                                                                        \
    /* Empty cells last, whatever the direction of the text. */                         \
    if (sa == NULL || sb == NULL)                                                       \
      return compare_ints (sa == NULL, sb == NULL);                                     \
    return compare_ints (g_utf8_collate (sa, sb), 0);                                   \
  }

STRING_COMPARE (text, text)
STRING_COMPARE (states, state_names)
STRING_COMPARE (lead, lead_organisation_name)
STRING_COMPARE (updated, last_update)

static void
set_sorter (GtkColumnViewColumn *column,
            GCompareDataFunc     compare)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

static void
setup_sorters (UprMatrixPage *self)
{
  set_sorter (self->paragraph_column, compare_paragraph);
  set_sorter (self->text_column, compare_text);
  set_sorter (self->states_column, compare_states);
  set_sorter (self->response_column, compare_response);
  set_sorter (self->category_column, compare_category);
  set_sorter (self->themes_column, compare_themes);
  set_sorter (self->sdgs_column, compare_sdgs);
  set_sorter (self->lead_column, compare_lead);
  set_sorter (self->status_column, compare_status);
  set_sorter (self->updated_column, compare_updated);
}

/* Cells */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UprMatrixPage            *self)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 4);
  gtk_list_item_set_child (item, cell);
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UprMatrixPage            *self)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 20);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 60);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 2);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (cell), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, cell);
}

static void
set_cell (GtkListItem *item,
          const char  *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

static void
paragraph_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   UprMatrixPage            *self)
{
  set_cell (item, upr_recommendation_row_get_paragraph (row_of (item)));
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UprMatrixPage            *self)
{
  set_cell (item, upr_recommendation_row_get_text (row_of (item)));
}

static void
states_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UprMatrixPage            *self)
{
  set_cell (item, upr_recommendation_row_get_state_names (row_of (item)));
}

static void
response_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  UprMatrixPage            *self)
{
  const char *response = upr_recommendation_row_get_response (row_of (item));

  set_cell (item, response != NULL ? upr_vocab_label (UPR_VOCAB_RESPONSE, response) : NULL);
}

static void
category_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  UprMatrixPage            *self)
{
  int category = upr_recommendation_row_get_action_category (row_of (item));
  char text[4];

  g_snprintf (text, sizeof text, "%d", category);
  set_cell (item, category > 0 ? text : NULL);
}

static void
themes_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UprMatrixPage            *self)
{
  guint n = n_terms (row_of (item));
  char text[16];

  g_snprintf (text, sizeof text, "%u", n);
  set_cell (item, n > 0 ? text : NULL);
}

static void
sdgs_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UprMatrixPage            *self)
{
  g_autofree char *goals = describe_goals (upr_recommendation_row_get_sdg_goals (row_of (item)));

  set_cell (item, goals);
}

static void
lead_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UprMatrixPage            *self)
{
  set_cell (item, upr_recommendation_row_get_lead_organisation_name (row_of (item)));
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UprMatrixPage            *self)
{
  const char *status = upr_recommendation_row_get_status (row_of (item));

  set_cell (item, status != NULL ? upr_vocab_label (UPR_VOCAB_IMPLEMENTATION_STATUS, status)
                                 : NULL);
}

static void
updated_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 UprMatrixPage            *self)
{
  set_cell (item, upr_recommendation_row_get_last_update (row_of (item)));
}

/* Signal callbacks */

static void
store_changed_cb (UprMatrixPage *self)
{
  /* Several tables change in one edit: read the list once, after them all. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
}

static void
selection_changed_cb (UprMatrixPage *self)
{
  if (self->refreshing)
    return;
  sync_editor (self);
  update_page (self);
}

static void
shown_changed_cb (UprMatrixPage *self)
{
  update_page (self);
}

static void
search_changed_cb (UprMatrixPage *self)
{
  upr_recommendation_filter_set_query (self->filter,
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_stopped_cb (UprMatrixPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
field_filter_changed_cb (UprMatrixPage *self)
{
  guint cycle = gtk_drop_down_get_selected (self->cycle_drop_down);
  const char *category;

  if (!self->ready)
    return;
  upr_recommendation_filter_set_cycle (self->filter,
                                       cycle == GTK_INVALID_LIST_POSITION ? 0 : (int) cycle);
  upr_recommendation_filter_set_response (self->filter,
                                          upr_form_get_vocab_id (self->response_drop_down));
  upr_recommendation_filter_set_status (self->filter,
                                        upr_form_get_vocab_id (self->status_drop_down));
  category = upr_form_get_vocab_id (self->category_drop_down);
  upr_recommendation_filter_set_action_category (self->filter,
                                                 category != NULL ? atoi (category) : 0);
  upr_recommendation_filter_set_term (self->filter, value_at (self->term_drop_down,
                                                              self->term_ids));
  upr_recommendation_filter_set_sdg (self->filter, GPOINTER_TO_UINT (value_at (self->sdg_drop_down,
                                                                              self->sdg_goals)));
  upr_recommendation_filter_set_lead (self->filter, value_at (self->lead_drop_down,
                                                              self->lead_ids));
  update_more_filters_label (self);
}

static void
clear_more_filters_cb (UprMatrixPage *self)
{
  gtk_drop_down_set_selected (self->category_drop_down, 0);
  gtk_drop_down_set_selected (self->term_drop_down, 0);
  gtk_drop_down_set_selected (self->sdg_drop_down, 0);
  gtk_drop_down_set_selected (self->lead_drop_down, 0);
}

static void
session_changed_cb (UprMatrixPage *self)
{
  int session = gtk_spin_button_get_value_as_int (self->session_spin);
  int cycle = self->context != NULL ? upr_store_cycle_for_session (get_store (self), session) : 0;
  g_autofree char *text = NULL;

  if (cycle > 0)
    /* Translators: the UPR cycle a session belongs to */
    text = g_strdup_printf (_("Cycle %d"), cycle);
  gtk_label_set_label (self->session_cycle_label, text != NULL ? text : "");
}

/* The latest review of the country is where a new recommendation most likely belongs. */
static void
add_popover_shown_cb (UprMatrixPage *self)
{
  g_autoptr(GListModel) reviews = NULL;
  guint n;

  upr_form_show_error (NULL, self->add_message, NULL);
  if (self->context == NULL || self->country_code == NULL)
    return;
  reviews = upr_store_list_reviews (get_store (self), self->country_code, NULL);
  n = reviews != NULL ? g_list_model_get_n_items (reviews) : 0;
  if (n > 0)
    {
      g_autoptr(UprRecord) last = g_list_model_get_item (reviews, n - 1);

      gtk_spin_button_set_value (self->session_spin, upr_record_get_int (last, "session"));
    }
  session_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_text_entry));
}

static void
add_confirmed_cb (UprMatrixPage *self)
{
  g_autofree char *paragraph = upr_form_get_text (GTK_EDITABLE (self->new_paragraph_entry));
  g_autofree char *text = upr_form_get_text (GTK_EDITABLE (self->new_text_entry));
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      upr_form_show_error (GTK_WIDGET (self->new_text_entry), self->add_message,
                           _("Type the text of the recommendation."));
      return;
    }
  id = upr_matrix_page_add_recommendation (self,
                                           gtk_spin_button_get_value_as_int (self->session_spin),
                                           paragraph, text, &error);
  if (id == NULL)
    {
      upr_form_show_error (NULL, self->add_message, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_paragraph_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_text_entry), "");
  upr_form_show_error (GTK_WIDGET (self->new_text_entry), self->add_message, NULL);
  gtk_menu_button_popdown (self->add_button);
}

/* Bulk status */

/* What undoing a bulk status edit needs: each recommendation's status and its date before. */
typedef struct
{
  UprStore  *store;
  GPtrArray *ids;
  GPtrArray *statuses;
  GPtrArray *dates;
} BulkUndo;

static void
bulk_undo_free (gpointer data)
{
  BulkUndo *bulk = data;

  g_object_unref (bulk->store);
  g_ptr_array_unref (bulk->ids);
  g_ptr_array_unref (bulk->statuses);
  g_ptr_array_unref (bulk->dates);
  g_free (bulk);
}

/* Sets each recommendation back, grouped by its former status and date (one bulk edit for
 * each group). */
static void
bulk_undo (gpointer data)
{
  BulkUndo *bulk = data;
  g_autoptr(GError) error = NULL;

  if (!upr_store_begin (bulk->store, &error))
    {
      g_warning ("Could not undo a change of status: %s", error->message);
      return;
    }
  for (guint i = 0; i < bulk->ids->len && error == NULL; i++)
    {
      const char *ids[] = { bulk->ids->pdata[i], NULL };

      upr_store_bulk_set_status (bulk->store, ids, bulk->statuses->pdata[i],
                                 bulk->dates->pdata[i], NULL, &error);
    }
  if (error != NULL)
    {
      upr_store_rollback (bulk->store);
      g_warning ("Could not undo a change of status: %s", error->message);
      return;
    }
  if (!upr_store_commit (bulk->store, &error))
    g_warning ("Could not undo a change of status: %s", error->message);
}

static BulkUndo *
remember_statuses (UprMatrixPage *self,
                   GPtrArray     *ids)
{
  BulkUndo *bulk = g_new0 (BulkUndo, 1);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (rows);

  bulk->store = g_object_ref (get_store (self));
  bulk->ids = g_ptr_array_new_with_free_func (g_free);
  bulk->statuses = g_ptr_array_new_with_free_func (g_free);
  bulk->dates = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (wanted, ids->pdata[i]);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);

      if (!g_hash_table_contains (wanted, upr_recommendation_row_get_id (row)))
        continue;
      g_ptr_array_add (bulk->ids, g_strdup (upr_recommendation_row_get_id (row)));
      g_ptr_array_add (bulk->statuses, g_strdup (upr_recommendation_row_get_status (row)));
      g_ptr_array_add (bulk->dates, g_strdup (upr_recommendation_row_get_status_date (row)));
    }
  return bulk;
}

/* Other bulk edits */

typedef enum
{
  BULK_LEAD,
  BULK_CLUSTER,
  BULK_TERM,
  BULK_SDG,
} BulkKind;

/* What undoing one needs: the ids that changed and, for a value that was replaced, each
 * one's former value; for a term or goal that was added, which. */
typedef struct
{
  UprStore  *store;
  BulkKind   kind;
  GPtrArray *ids;
  GPtrArray *old_values;
  char      *term;
  guint      goal;
} BulkEdit;

static void
bulk_edit_free (gpointer data)
{
  BulkEdit *bulk = data;

  g_object_unref (bulk->store);
  g_ptr_array_unref (bulk->ids);
  g_ptr_array_unref (bulk->old_values);
  g_free (bulk->term);
  g_free (bulk);
}

static gboolean
bulk_edit_revert (BulkEdit  *bulk,
                  GError   **error)
{
  const char * const *all = (const char * const *) bulk->ids->pdata;

  if (all[0] == NULL)
    return TRUE;
  if (bulk->kind == BULK_TERM)
    return upr_store_bulk_remove_term (bulk->store, all, bulk->term, NULL, error);
  if (bulk->kind == BULK_SDG)
    return upr_store_bulk_remove_sdg (bulk->store, all, bulk->goal, NULL, error);
  for (guint i = 0; bulk->ids->pdata[i] != NULL; i++)
    {
      const char *one[] = { bulk->ids->pdata[i], NULL };
      gboolean done = bulk->kind == BULK_LEAD
        ? upr_store_bulk_set_lead_organisation (bulk->store, one, bulk->old_values->pdata[i],
                                                NULL, error)
        : upr_store_bulk_set_cluster (bulk->store, one, bulk->old_values->pdata[i], NULL, error);

      if (!done)
        return FALSE;
    }
  return TRUE;
}

static void
bulk_edit_undo (gpointer data)
{
  BulkEdit *bulk = data;
  g_autoptr(GError) error = NULL;

  if (!upr_store_begin (bulk->store, &error))
    {
      g_warning ("Could not undo a bulk edit: %s", error->message);
      return;
    }
  if (!bulk_edit_revert (bulk, &error))
    {
      upr_store_rollback (bulk->store);
      g_warning ("Could not undo a bulk edit: %s", error->message);
      return;
    }
  if (!upr_store_commit (bulk->store, &error))
    g_warning ("Could not undo a bulk edit: %s", error->message);
}

/* The lead institution or cluster of each of @ids (NULL-terminated), by id, as stored now:
 * the listed rows may not have caught up with the last edit yet. */
static GHashTable *
remember_values (UprMatrixPage       *self,
                 BulkKind             kind,
                 const char * const  *ids,
                 GError             **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListModel) rows = upr_store_get_recommendation_rows (get_store (self), ids, error);
  guint n;

  if (rows == NULL)
    return NULL;
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);
      const char *value = kind == BULK_LEAD ? upr_recommendation_row_get_lead_organisation_id (row)
                                            : upr_recommendation_row_get_cluster (row);

      g_hash_table_insert (values, g_strdup (upr_recommendation_row_get_id (row)),
                           g_strdup (value));
    }
  return g_steal_pointer (&values);
}

static gboolean
apply_bulk (UprMatrixPage       *self,
            BulkKind             kind,
            const char * const  *ids,
            const char          *value,
            guint                goal,
            char              ***changed,
            GError             **error)
{
  UprStore *store = get_store (self);

  switch (kind)
    {
    case BULK_LEAD:
      return upr_store_bulk_set_lead_organisation (store, ids, value, changed, error);
    case BULK_CLUSTER:
      return upr_store_bulk_set_cluster (store, ids, value, changed, error);
    case BULK_TERM:
      return upr_store_bulk_add_term (store, ids, value, changed, error);
    case BULK_SDG:
    default:
      return upr_store_bulk_add_sdg (store, ids, goal, changed, error);
    }
}

static char *
describe_bulk (BulkKind kind,
               guint    goal,
               guint    n)
{
  switch (kind)
    {
    case BULK_LEAD:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Lead institution set for %u recommendation",
                                           "Lead institution set for %u recommendations", n), n);
    case BULK_CLUSTER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cluster set for %u recommendation",
                                           "Cluster set for %u recommendations", n), n);
    case BULK_TERM:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Theme added to %u recommendation",
                                           "Theme added to %u recommendations", n), n);
    case BULK_SDG:
    default:
      /* Translators: the first %u is an SDG's number, the second a number of recommendations */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "SDG %u added to %u recommendation",
                                           "SDG %u added to %u recommendations", n), goal, n);
    }
}

/* Applies one bulk edit to the selected rows and offers to undo it. */
static gboolean
run_bulk (UprMatrixPage  *self,
          BulkKind        kind,
          const char     *value,
          guint           goal,
          GError        **error)
{
  g_autoptr(GPtrArray) ids = selected_ids (self);
  g_autoptr(GHashTable) before = NULL;
  g_auto(GStrv) changed = NULL;
  g_autofree char *message = NULL;
  BulkEdit *bulk;

  if (ids->len == 0)
    return TRUE;
  upr_recommendation_editor_flush (self->editor);
  /* End the previous offer first: its undo must not be mixed with this one. */
  upr_undo_bar_commit (self->undo_bar);
  g_ptr_array_add (ids, NULL);
  if (kind == BULK_LEAD || kind == BULK_CLUSTER)
    {
      before = remember_values (self, kind, (const char * const *) ids->pdata, error);
      if (before == NULL)
        return FALSE;
    }
  if (!apply_bulk (self, kind, (const char * const *) ids->pdata, value, goal, &changed, error))
    return FALSE;

  bulk = g_new0 (BulkEdit, 1);
  bulk->store = g_object_ref (get_store (self));
  bulk->kind = kind;
  bulk->ids = g_ptr_array_new_with_free_func (g_free);
  bulk->old_values = g_ptr_array_new_with_free_func (g_free);
  bulk->term = g_strdup (kind == BULK_TERM ? value : NULL);
  bulk->goal = goal;
  for (guint i = 0; changed != NULL && changed[i] != NULL; i++)
    {
      g_ptr_array_add (bulk->ids, g_strdup (changed[i]));
      g_ptr_array_add (bulk->old_values,
                       before != NULL ? g_strdup (g_hash_table_lookup (before, changed[i]))
                                      : NULL);
    }
  g_ptr_array_add (bulk->ids, NULL);
  message = describe_bulk (kind, goal, bulk->ids->len - 1);
  upr_undo_bar_offer (self->undo_bar, message, bulk_edit_undo, NULL, bulk, bulk_edit_free);
  return TRUE;
}

static void
bulk_done (UprMatrixPage *self,
           gboolean       done,
           GError        *error)
{
  upr_form_show_error (NULL, self->bulk_message, done ? NULL : error->message);
  if (done)
    gtk_menu_button_popdown (self->bulk_edit_button);
}

static void
bulk_lead_cb (UprMatrixPage *self)
{
  UprOrganisation *known = upr_organisation_entry_get_organisation (self->bulk_lead_entry);
  g_autofree char *name =
    upr_form_get_text (upr_organisation_entry_get_editable (self->bulk_lead_entry));
  g_autoptr(UprOrganisation) created = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = NULL;

  if (known != NULL)
    id = upr_record_get_id (UPR_RECORD (known));
  else if (name != NULL)
    {
      /* A name nobody knows yet is a new institution, as in the editor. */
      created = upr_context_ensure_organisation (self->context, name, "government",
                                                 self->country_code, &error);
      if (created == NULL)
        {
          bulk_done (self, FALSE, error);
          return;
        }
      id = upr_record_get_id (UPR_RECORD (created));
    }
  bulk_done (self, upr_matrix_page_set_lead_of_selected (self, id, &error), error);
}

static void
bulk_cluster_cb (UprMatrixPage *self)
{
  g_autofree char *cluster = upr_form_get_text (GTK_EDITABLE (self->bulk_cluster_entry));
  g_autoptr(GError) error = NULL;

  bulk_done (self, upr_matrix_page_set_cluster_of_selected (self, cluster, &error), error);
}

static void
bulk_term_cb (UprMatrixPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->bulk_term_drop_down);
  g_autoptr(GError) error = NULL;

  /* The bulk list is the filter's without its first entry, "all". */
  if (selected == GTK_INVALID_LIST_POSITION || selected + 1 >= self->term_ids->len)
    return;
  bulk_done (self, upr_matrix_page_add_term_to_selected (self, self->term_ids->pdata[selected + 1],
                                                         &error),
             error);
}

static void
bulk_sdg_cb (UprMatrixPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->bulk_sdg_drop_down);
  g_autoptr(GError) error = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || selected + 1 >= self->sdg_goals->len)
    return;
  bulk_done (self,
             upr_matrix_page_add_sdg_to_selected (self,
                                                  GPOINTER_TO_UINT (self->sdg_goals->pdata[selected + 1]),
                                                  &error),
             error);
}

/* Actions */

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UprMatrixPage *self = UPR_MATRIX_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!upr_matrix_page_set_status_of_selected (self, g_variant_get_string (parameter, NULL),
                                               &error))
    upr_form_show_error (NULL, self->message, error->message);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  upr_matrix_page_focus_search (UPR_MATRIX_PAGE (widget));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gtk_menu_button_popup (UPR_MATRIX_PAGE (widget)->add_button);
}

/* Overrides */

static void
set_context (UprMatrixPage *self,
             UprContext    *context)
{
  /* Set once: by the constructor, or by the window that holds the template. */
  g_return_if_fail (self->context == NULL);
  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  g_object_set (self->editor, "context", context, NULL);
  g_object_set (self->bulk_lead_entry, "context", context, NULL);
  g_signal_connect_object (get_store (self), "changed::recommendation",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  fill_term_filters (self);
  reload (self);
}

static void
upr_matrix_page_dispose (GObject *object)
{
  UprMatrixPage *self = UPR_MATRIX_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (get_store (self), self);
  /* The list empties as it goes: nothing is left to show it to. */
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_MATRIX_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  g_clear_pointer (&self->country_code, g_free);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->term_ids, g_ptr_array_unref);
  g_clear_pointer (&self->sdg_goals, g_ptr_array_unref);
  g_clear_pointer (&self->lead_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (upr_matrix_page_parent_class)->dispose (object);
}

static void
upr_matrix_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UprMatrixPage *self = UPR_MATRIX_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
      break;
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_matrix_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UprMatrixPage *self = UPR_MATRIX_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_COUNTRY_CODE:
      upr_matrix_page_set_country_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_matrix_page_class_init (UprMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_matrix_page_dispose;
  object_class->get_property = upr_matrix_page_get_property;
  object_class->set_property = upr_matrix_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_RECOMMENDATION_ROW);
  g_type_ensure (UPR_TYPE_RECOMMENDATION_FILTER);
  g_type_ensure (UPR_TYPE_RECOMMENDATION_EDITOR);
  g_type_ensure (UPR_TYPE_UNDO_BAR);
  g_type_ensure (UPR_TYPE_ORGANISATION_ENTRY);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-matrix-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, UprMatrixPage, name)
  CHILD (search_entry);
  CHILD (cycle_drop_down);
  CHILD (response_drop_down);
  CHILD (status_drop_down);
  CHILD (more_filters_button);
  CHILD (category_drop_down);
  CHILD (term_drop_down);
  CHILD (sdg_drop_down);
  CHILD (lead_drop_down);
  CHILD (clear_filters_button);
  CHILD (add_button);
  CHILD (session_spin);
  CHILD (session_cycle_label);
  CHILD (new_paragraph_entry);
  CHILD (new_text_entry);
  CHILD (add_message);
  CHILD (count_label);
  CHILD (bulk_status_button);
  CHILD (bulk_edit_button);
  CHILD (bulk_lead_entry);
  CHILD (bulk_cluster_entry);
  CHILD (bulk_term_drop_down);
  CHILD (bulk_sdg_drop_down);
  CHILD (bulk_lead_button);
  CHILD (bulk_cluster_button);
  CHILD (bulk_term_button);
  CHILD (bulk_sdg_button);
  CHILD (bulk_message);
  CHILD (undo_bar);
  CHILD (message);
  CHILD (stack);
  CHILD (column_view);
  CHILD (selection);
  CHILD (filter_model);
  CHILD (filter);
  CHILD (sort_model);
  CHILD (rows);
  CHILD (editor);
  CHILD (paragraph_column);
  CHILD (text_column);
  CHILD (states_column);
  CHILD (response_column);
  CHILD (category_column);
  CHILD (themes_column);
  CHILD (sdgs_column);
  CHILD (lead_column);
  CHILD (status_column);
  CHILD (updated_column);
#undef CHILD
#define CALLBACK(name) gtk_widget_class_bind_template_callback (widget_class, name)
  CALLBACK (cell_setup_cb);
  CALLBACK (text_setup_cb);
  CALLBACK (paragraph_bind_cb);
  CALLBACK (text_bind_cb);
  CALLBACK (states_bind_cb);
  CALLBACK (response_bind_cb);
  CALLBACK (category_bind_cb);
  CALLBACK (themes_bind_cb);
  CALLBACK (sdgs_bind_cb);
  CALLBACK (lead_bind_cb);
  CALLBACK (status_bind_cb);
  CALLBACK (updated_bind_cb);
  CALLBACK (selection_changed_cb);
  CALLBACK (shown_changed_cb);
  CALLBACK (search_changed_cb);
  CALLBACK (search_stopped_cb);
  CALLBACK (field_filter_changed_cb);
  CALLBACK (clear_more_filters_cb);
  CALLBACK (bulk_lead_cb);
  CALLBACK (bulk_cluster_cb);
  CALLBACK (bulk_term_cb);
  CALLBACK (bulk_sdg_cb);
  CALLBACK (session_changed_cb);
  CALLBACK (add_popover_shown_cb);
  CALLBACK (add_confirmed_cb);
#undef CALLBACK

  gtk_widget_class_install_action (widget_class, "matrix.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "matrix.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "matrix.set-status", "s", set_status_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "matrix.search", NULL);
}

static void
upr_matrix_page_init (UprMatrixPage *self)
{
  self->term_ids = g_ptr_array_new_with_free_func (g_free);
  self->sdg_goals = g_ptr_array_new ();
  self->lead_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->lead_ids, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  upr_form_setup_vocab_drop_down (self->response_drop_down, UPR_VOCAB_RESPONSE,
                                  _("All responses"));
  upr_form_setup_vocab_drop_down (self->status_drop_down, UPR_VOCAB_IMPLEMENTATION_STATUS,
                                  _("All statuses"));
  upr_form_setup_vocab_drop_down (self->category_drop_down, UPR_VOCAB_ACTION_CATEGORY,
                                  _("All categories"));
  self->ready = TRUE;
  setup_sorters (self);
  gtk_column_view_sort_by_column (self->column_view, self->paragraph_column,
                                  GTK_SORT_ASCENDING);
  update_page (self);
}

/* Public API */

GtkWidget *
upr_matrix_page_new (UprContext *context)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);

  return g_object_new (UPR_TYPE_MATRIX_PAGE, "context", context, NULL);
}

const char *
upr_matrix_page_get_country_code (UprMatrixPage *self)
{
  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), NULL);

  return self->country_code;
}

void
upr_matrix_page_set_country_code (UprMatrixPage *self,
                                  const char    *country_code)
{
  g_return_if_fail (UPR_IS_MATRIX_PAGE (self));

  if (g_strcmp0 (self->country_code, country_code) == 0)
    return;
  upr_recommendation_editor_flush (self->editor);
  g_free (self->country_code);
  self->country_code = g_strdup (country_code);
  set_selected_id (self, NULL);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_CODE]);
}

const char *
upr_matrix_page_get_selected_id (UprMatrixPage *self)
{
  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), NULL);

  return self->selected_id;
}

gboolean
upr_matrix_page_select (UprMatrixPage *self,
                        const char    *recommendation_id)
{
  guint position;

  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), FALSE);

  position = find_shown (self, recommendation_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  /* GTK 4.8's column view has no scroll_to(): its inner list view has the action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
  return TRUE;
}

char *
upr_matrix_page_add_recommendation (UprMatrixPage  *self,
                                    int             session,
                                    const char     *paragraph,
                                    const char     *text,
                                    GError        **error)
{
  g_autoptr(UprReview) review = NULL;
  g_autoptr(UprRecommendation) recommendation = NULL;
  const char *id;

  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), NULL);
  g_return_val_if_fail (self->context != NULL && self->country_code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  review = upr_store_ensure_review (get_store (self), self->country_code, session, error);
  if (review == NULL)
    return NULL;

  recommendation = upr_recommendation_new ();
  upr_record_set_string (UPR_RECORD (recommendation), "review-id",
                         upr_record_get_id (UPR_RECORD (review)));
  upr_record_set_string (UPR_RECORD (recommendation), "paragraph", paragraph);
  upr_record_set_string (UPR_RECORD (recommendation), "text", text);
  if (!upr_store_save (get_store (self), UPR_RECORD (recommendation), error))
    return NULL;
  id = upr_record_get_id (UPR_RECORD (recommendation));

  /* The new one must show, whatever the filters said. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reset_filters (self);
  reload (self);
  upr_matrix_page_select (self, id);
  return g_strdup (id);
}

void
upr_matrix_page_focus_search (UprMatrixPage *self)
{
  g_return_if_fail (UPR_IS_MATRIX_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
upr_matrix_page_flush (UprMatrixPage *self)
{
  g_return_if_fail (UPR_IS_MATRIX_PAGE (self));

  upr_recommendation_editor_flush (self->editor);
}

char **
upr_matrix_page_get_selected_ids (UprMatrixPage *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), NULL);

  ids = selected_ids (self);
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

gboolean
upr_matrix_page_set_status_of_selected (UprMatrixPage  *self,
                                        const char     *status,
                                        GError        **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_auto(GStrv) changed = NULL;
  g_autofree char *message = NULL;
  BulkUndo *bulk;
  guint n_changed;

  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ids = selected_ids (self);
  if (ids->len == 0)
    return TRUE;
  upr_recommendation_editor_flush (self->editor);
  /* End the previous offer first: its undo must not be mixed with this one. */
  upr_undo_bar_commit (self->undo_bar);
  bulk = remember_statuses (self, ids);
  g_ptr_array_add (ids, NULL);
  if (!upr_store_bulk_set_status (get_store (self), (const char * const *) ids->pdata, status,
                                  NULL, &changed, error))
    {
      bulk_undo_free (bulk);
      return FALSE;
    }

  n_changed = changed != NULL ? g_strv_length (changed) : 0;
  /* Translators: %u is a number of recommendations, %s a status ("Implemented") */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation set to “%s”",
                                          "%u recommendations set to “%s”", n_changed),
                             n_changed, upr_vocab_label (UPR_VOCAB_IMPLEMENTATION_STATUS, status));
  upr_undo_bar_offer (self->undo_bar, message, bulk_undo, NULL, bulk, bulk_undo_free);
  return TRUE;
}

gboolean
upr_matrix_page_set_lead_of_selected (UprMatrixPage  *self,
                                      const char     *organisation_id,
                                      GError        **error)
{
  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_bulk (self, BULK_LEAD, organisation_id, 0, error);
}

gboolean
upr_matrix_page_set_cluster_of_selected (UprMatrixPage  *self,
                                         const char     *cluster,
                                         GError        **error)
{
  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_bulk (self, BULK_CLUSTER, cluster, 0, error);
}

gboolean
upr_matrix_page_add_term_to_selected (UprMatrixPage  *self,
                                      const char     *term_id,
                                      GError        **error)
{
  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), FALSE);
  g_return_val_if_fail (term_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_bulk (self, BULK_TERM, term_id, 0, error);
}

gboolean
upr_matrix_page_add_sdg_to_selected (UprMatrixPage  *self,
                                     guint           goal,
                                     GError        **error)
{
  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), FALSE);
  g_return_val_if_fail (goal >= 1 && goal <= 17, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_bulk (self, BULK_SDG, NULL, goal, error);
}
