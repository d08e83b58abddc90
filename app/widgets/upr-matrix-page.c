/* upr-matrix-page.c: the implementation matrix of a country, or of all; see the header.
 *
 * The list is a chain declared in the template: selection → slots (fixed rows, see
 * upr-slots.h) → filter (UprRecommendationFilter on the folded search key and the field
 * filters) → sort (bound to the column view's sorter) → a GListStore of the store's rows.
 * Filtering above sorting means a keystroke never re-sorts; the slots mean that neither a
 * keystroke nor a sort rebuilds a row that stays: on-screen rows change their text at once,
 * the rows GTK 4.8 keeps built beyond the view catch up over the next frames.
 *
 * Rows are read-only snapshots: when the store says recommendations changed, the page asks
 * for the list again and, when the same recommendations are there in the same order,
 * replaces only the rows whose contents changed, so the scroll position, the sort and the
 * selection stay. For all countries (tens of thousands of rows) it asks only for the rows
 * it may have changed itself: those selected, edited or undone (see refresh_known()).
 *
 * The selection is the officer's choice of recommendations, kept by id ("chosen"): the
 * rows that show are selected again after every search, filter, sort or reload, and a
 * recommendation hidden by a search is selected again when it shows again. Bulk edits
 * apply to the selected rows that show. The editor shows one of the chosen. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "upr-context.h"
#include "upr-country.h"
#include "upr-fold.h"
#include "upr-form.h"
#include "upr-list-export.h"
#include "upr-matrix-page.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-recommendation.h"
#include "upr-recommendation-editor.h"
#include "upr-recommendation-filter.h"
#include "upr-recommendation-row.h"
#include "upr-record.h"
#include "upr-review.h"
#include "upr-slots.h"
#include "upr-store.h"
#include "upr-term.h"
#include "upr-undo-bar.h"
#include "upr-vocab.h"

/* The columns, in the template's order. */
typedef enum
{
  COLUMN_COUNTRY,
  COLUMN_PARAGRAPH,
  COLUMN_TEXT,
  COLUMN_STATES,
  COLUMN_RESPONSE,
  COLUMN_CATEGORY,
  COLUMN_THEMES,
  COLUMN_SDGS,
  COLUMN_LEAD,
  COLUMN_STATUS,
  COLUMN_UPDATED,
  N_COLUMNS
} Column;

typedef struct _CellSource CellSource;

/* What a column's cells show, for the cells and for "Export List as CSV". */
struct _CellSource
{
  UprMatrixPage *page;
  Column         column;
};

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
  GtkMenuButton           *columns_button;
  GtkToggleButton         *editor_button;
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
  GtkLabel                *empty_description;
  GtkSpinner              *loading_spinner;
  GtkPaned                *paned;
  GtkScrolledWindow       *list_window;
  GtkColumnView           *column_view;
  GtkMultiSelection       *selection;
  UprSlots                *slots;
  GtkFilterListModel      *filter_model;
  UprRecommendationFilter *filter;
  GtkSortListModel        *sort_model;
  GListStore              *rows;
  UprRecommendationEditor *editor;
  GtkColumnViewColumn     *country_column;
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
  char                    *country_code; /* NULL: all countries */
  char                    *selected_id;
  GHashTable              *chosen;       /* ids the officer selected, shown or not */
  GHashTable              *touched;      /* ids a bulk edit or its undo changed */
  GHashTable              *positions;    /* id (the row's) → its position in rows, + 1 */
  GHashTable              *countries;    /* ISO code → UprCountry, for all countries */
  CellSource               sources[N_COLUMNS];
  guint                    quiet;        /* selection changes are the list's, not the user's */
  gboolean                 ready;        /* the filter bar's drop-downs are filled */
  gboolean                 stale;        /* the list is read again when next shown */
  gboolean                 show_editor;
  gboolean                 catch_up_later; /* not in the frame that shows a change */
  gboolean                 batch;        /* rows are being replaced one by one */
  guint                    reload_id;
  guint                    catch_up_id;  /* tick callback pacing the slots */
  guint                    fold_id;      /* idle folding sort keys ahead */
  guint                    load_tick_id; /* a long read waits for "Reading…" to show */
  guint                    load_id;
  guint                    n_folded;
  GPtrArray               *term_ids;     /* of term_drop_down's entries; NULL first: any */
  GPtrArray               *sdg_goals;    /* of sdg_drop_down's, as GUINT_TO_POINTER; 0: any */
  GPtrArray               *lead_ids;     /* of lead_drop_down's; NULL first: any */
};

static void fold_keys_ahead (UprMatrixPage *self);

G_DEFINE_FINAL_TYPE (UprMatrixPage, upr_matrix_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_COUNTRY_CODE, PROP_SELECTED_ID, PROP_SHOW_EDITOR, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* Lists longer than this take a second or more to read: "Reading…" shows first. */
#define LONG_LIST 5000

/* Rows counted as in view beyond each edge of it. */
#define VIEW_MARGIN 4
/* The view until the list is first laid out: a tall window's worth of rows. */
#define GUESSED_VIEW 24

/* Helpers */

static UprStore *
get_store (UprMatrixPage *self)
{
  return upr_context_get_store (self->context);
}

static GSettings *
get_settings (UprMatrixPage *self)
{
  return self->context != NULL ? upr_context_get_settings (self->context) : NULL;
}

static gboolean
all_countries (UprMatrixPage *self)
{
  return self->country_code == NULL;
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

/* The country a row belongs to, from the countries read when the list was (NULL when the
 * page shows one country). */
static UprCountry *
country_of (UprMatrixPage        *self,
            UprRecommendationRow *row)
{
  const char *code = upr_recommendation_row_get_country_code (row);

  return self->countries != NULL && code != NULL ? g_hash_table_lookup (self->countries, code)
                                                 : NULL;
}

static void
read_countries (UprMatrixPage *self)
{
  GListModel *countries = upr_context_get_countries (self->context);
  guint n = g_list_model_get_n_items (countries);

  if (self->countries != NULL)
    return;
  self->countries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      UprCountry *country = g_list_model_get_item (countries, i);

      /* The code lives as long as the country, which the table keeps. */
      g_hash_table_replace (self->countries, (gpointer) upr_country_get_code (country), country);
    }
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

/* Where each row is in the list store, by id. */
static void
index_rows (UprMatrixPage *self)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (rows);

  g_hash_table_remove_all (self->positions);
  for (guint i = 0; i < n; i++)
    {
      /* The id lives as long as the row, which the list store keeps. */
      UprRecommendationRow *row = g_list_model_get_item (rows, i);

      g_hash_table_replace (self->positions, (gpointer) upr_recommendation_row_get_id (row),
                            GUINT_TO_POINTER (i + 1));
      g_object_unref (row);
    }
}

/* Puts @row in place of the row with the same id, when it changed. */
static void
replace_row (UprMatrixPage        *self,
             guint                 position,
             UprRecommendationRow *row)
{
  g_autoptr(UprRecommendationRow) old_row = g_list_model_get_item (G_LIST_MODEL (self->rows),
                                                                   position);

  if (rows_equal (old_row, row))
    return;
  g_list_store_splice (self->rows, position, 1, (gpointer *) &row, 1);
  g_hash_table_replace (self->positions, (gpointer) upr_recommendation_row_get_id (row),
                        GUINT_TO_POINTER (position + 1));
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

/* GTK 4.8's column view has no scroll_to(): its inner list view has the action. */
static void
scroll_to (UprMatrixPage *self,
           guint          position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Selection */

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

/* How many rows show: the slots may still be catching up with the filter. */
static guint
n_selectable (UprMatrixPage *self)
{
  return MIN (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)),
              g_list_model_get_n_items (G_LIST_MODEL (self->slots)));
}

/* The ids of the selected rows that show, in the order shown. Read from the filter model,
 * which the slots mirror position for position. */
static GPtrArray *
selected_ids (UprMatrixPage *self)
{
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  guint n = n_selectable (self);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more && position < n; more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (shown, position);

      g_ptr_array_add (ids, g_strdup (upr_recommendation_row_get_id (row)));
    }
  return ids;
}

static guint
n_selected (UprMatrixPage *self)
{
  g_autoptr(GtkBitset) selected =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = n_selectable (self);

  return n > 0 ? (guint) gtk_bitset_get_size_in_range (selected, 0, n - 1) : 0;
}

static void
choose (UprMatrixPage *self,
        GPtrArray     *ids)
{
  g_hash_table_remove_all (self->chosen);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->chosen, g_strdup (ids->pdata[i]));
}

/* The editor keeps its recommendation while it stays chosen; otherwise it takes the first
 * selected one. */
static void
sync_editor (UprMatrixPage *self)
{
  g_autoptr(GPtrArray) ids = selected_ids (self);
  const char *id = NULL;

  if (self->selected_id != NULL && g_hash_table_contains (self->chosen, self->selected_id))
    id = self->selected_id;
  else if (ids->len > 0)
    id = ids->pdata[0];
  set_selected_id (self, id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bulk_status_button), ids->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bulk_edit_button), ids->len > 0);
}

/* Selects the shown rows that are chosen, and only them. */
static void
restore_selection (UprMatrixPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) current = gtk_selection_model_get_selection (model);
  g_autoptr(GtkBitset) mask = NULL;
  guint n = n_selectable (self), wanted = g_hash_table_size (self->chosen), found = 0;

  for (guint i = 0; i < n && found < wanted; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (shown, i);

      if (g_hash_table_contains (self->chosen, upr_recommendation_row_get_id (row)))
        {
          gtk_bitset_add (selected, i);
          found++;
        }
    }
  if (gtk_bitset_equals (selected, current))
    return;
  mask = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->slots)));
  self->quiet++;
  gtk_selection_model_set_selection (model, selected, mask);
  self->quiet--;
}

static void
update_page (UprMatrixPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n = n_selected (self);
  g_autofree char *count = NULL;

  /* Translators: shown and total numbers of recommendations, e.g. "12 of 230 recommendations" */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u recommendation",
                                        "%u of %u recommendations", total), shown, total);
  if (n > 1)
    {
      g_autofree char *with_selected = NULL;

      /* Translators: the count of recommendations shown, then how many are selected */
      with_selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u selected",
                                                    "%s · %u selected", n),
                                       count, n);
      g_free (count);
      count = g_steal_pointer (&with_selected);
    }
  gtk_label_set_label (self->count_label, count);

  /* Its animation would draw frames even hidden. */
  gtk_spinner_stop (self->loading_spinner);
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

/* Loading */

/* Replacing rows one by one re-sorts each; many at once are put in together. */
#define FEW_CHANGES 64

static guint
n_changed (UprMatrixPage *self,
           GListModel    *fresh)
{
  guint n = g_list_model_get_n_items (fresh), changed = 0;

  for (guint i = 0; i < n && changed <= FEW_CHANGES; i++)
    {
      g_autoptr(UprRecommendationRow) old_row = g_list_model_get_item (G_LIST_MODEL (self->rows),
                                                                       i);
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (fresh, i);

      changed += !rows_equal (old_row, row);
    }
  return changed;
}

/* Chosen ids that are no longer listed are forgotten. */
static void
forget_missing (UprMatrixPage *self)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (self->positions, id))
      g_hash_table_iter_remove (&iter);
}

/* Reads the whole list again. */
static void
load (UprMatrixPage *self)
{
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->stale = FALSE;
  if (self->context == NULL)
    return;
  if (all_countries (self))
    read_countries (self);
  fresh = upr_store_list_recommendations (get_store (self), self->country_code, 0, &error);
  if (fresh == NULL)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return;
    }
  upr_form_show_error (NULL, self->message, NULL);

  self->quiet++;
  self->batch = TRUE;
  n = g_list_model_get_n_items (fresh);
  if (same_ids (G_LIST_MODEL (self->rows), fresh) && n_changed (self, fresh) <= FEW_CHANGES)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(UprRecommendationRow) row = g_list_model_get_item (fresh, i);

          replace_row (self, i, row);
        }
    }
  else
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (fresh, i));
      g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                           items->pdata, items->len);
      index_rows (self);
      fold_keys_ahead (self);
    }
  forget_missing (self);
  fill_lead_filter (self);
  self->batch = FALSE;
  restore_selection (self);
  self->quiet--;
  sync_editor (self);
  update_page (self);
}

static void
cancel_later_load (UprMatrixPage *self)
{
  if (self->load_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->load_tick_id);
  self->load_tick_id = 0;
  g_clear_handle_id (&self->load_id, g_source_remove);
}

static void
ensure_loaded (UprMatrixPage *self)
{
  if (self->stale || self->load_tick_id != 0 || self->load_id != 0)
    {
      cancel_later_load (self);
      load (self);
    }
}

static gboolean
later_load_cb (gpointer data)
{
  UprMatrixPage *self = data;

  self->load_id = 0;
  if (self->stale)
    load (self);
  return G_SOURCE_REMOVE;
}

/* Called as the frame showing "Reading…" begins: the reading starts once it is drawn.
 * Before the next frame, too: the spinner asks for frames back to back. */
static gboolean
load_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  UprMatrixPage *self = UPR_MATRIX_PAGE (widget);

  self->load_tick_id = 0;
  if (self->load_id == 0)
    self->load_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, later_load_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static guint
n_expected (UprMatrixPage *self)
{
  GListModel *countries = upr_context_get_countries (self->context);
  guint n = g_list_model_get_n_items (countries), total = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (countries, i);

      if (self->country_code == NULL
          || g_strcmp0 (upr_country_get_code (country), self->country_code) == 0)
        total += (guint) MAX (upr_country_get_n_recommendations (country), 0);
    }
  return total;
}

/* Reading tens of thousands of rows takes a while: not while nobody looks, and not before
 * the officer sees that it is being done. */
static void
load_when_shown (UprMatrixPage *self)
{
  cancel_later_load (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (n_expected (self) > LONG_LIST)
    {
      self->stale = TRUE;
      gtk_spinner_start (self->loading_spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      self->load_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), load_tick_cb, NULL,
                                                         NULL);
    }
  else
    load (self);
}

static void
note_touched (UprMatrixPage      *self,
              const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->touched, g_strdup (ids[i]));
}

static void
add_keys (GHashTable *set,
          GHashTable *from)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (set, id);
}

/* All countries make too long a list to read after each edit: the rows the page may have
 * changed (those chosen, the one edited, those a bulk edit or its undo touched) are read
 * again. A recommendation that went, or one the list does not have, means the list
 * changed otherwise: then all of it is read, as when many rows are concerned. Changes made
 * elsewhere to other rows (another window) show when the list is next read. */
static void
refresh_known (UprMatrixPage *self)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id;
  guint n;

  add_keys (wanted, self->chosen);
  add_keys (wanted, self->touched);
  if (self->selected_id != NULL)
    g_hash_table_add (wanted, self->selected_id);
  /* Many rows are better read with the rest. */
  if (g_hash_table_size (wanted) > FEW_CHANGES)
    {
      load (self);
      return;
    }
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, id);
  g_ptr_array_add (ids, NULL);
  fresh = upr_store_get_recommendation_rows (get_store (self), (const char * const *) ids->pdata,
                                             &error);
  if (fresh == NULL)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return;
    }
  n = g_list_model_get_n_items (fresh);
  if (n != ids->len - 1)
    {
      load (self);
      return;
    }
  self->quiet++;
  self->batch = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (fresh, i);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions,
                                                              upr_recommendation_row_get_id (row)));

      if (position == 0)
        {
          self->batch = FALSE;
          self->quiet--;
          load (self);
          return;
        }
      replace_row (self, position - 1, row);
    }
  g_hash_table_remove_all (self->touched);
  fill_lead_filter (self);
  self->batch = FALSE;
  restore_selection (self);
  self->quiet--;
  sync_editor (self);
  update_page (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  UprMatrixPage *self = data;

  self->reload_id = 0;
  if (all_countries (self) && !self->stale)
    refresh_known (self);
  else
    load (self);
  return G_SOURCE_REMOVE;
}

/* Sorters: the paragraph by session then its numeric key (by country first, for all
 * countries), the vocabularies in their own order, not their labels', texts by their
 * folded form (accents and case aside, read once per row and kept with it). */

static int
compare_ints (int a,
              int b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Empty cells last. */
static int
compare_keys (const char *a,
              const char *b)
{
  if (a == NULL || b == NULL)
    return compare_ints (a == NULL, b == NULL);
  return compare_ints (strcmp (a, b), 0);
}

static GQuark
key_quark (Column column)
{
  static GQuark quarks[N_COLUMNS];

  if (G_UNLIKELY (quarks[column] == 0))
    {
      g_autofree char *name = g_strdup_printf ("upr-matrix-sort-key-%d", column);

      quarks[column] = g_quark_from_string (name);
    }
  return quarks[column];
}

static const char *
folded_key (UprRecommendationRow *row,
            Column                column,
            const char           *text)
{
  GQuark quark = key_quark (column);
  char *key = g_object_get_qdata (G_OBJECT (row), quark);

  if (key == NULL && text != NULL)
    {
      key = upr_fold (text);
      g_object_set_qdata_full (G_OBJECT (row), quark, key, g_free);
    }
  return key;
}

/* Sorting by a text column folds each row's text when first compared: for all countries
 * that would make the first such sort take a second or more. Fold them ahead, a couple of
 * hundred rows at a time, while the officer reads the list. */
static gboolean
fold_keys_cb (gpointer data)
{
  UprMatrixPage *self = data;
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint end = MIN (self->n_folded + 200, g_list_model_get_n_items (rows));

  for (; self->n_folded < end; self->n_folded++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, self->n_folded);

      folded_key (row, COLUMN_TEXT, upr_recommendation_row_get_text (row));
      folded_key (row, COLUMN_STATES, upr_recommendation_row_get_state_names (row));
      folded_key (row, COLUMN_LEAD, upr_recommendation_row_get_lead_organisation_name (row));
    }
  if (self->n_folded < g_list_model_get_n_items (rows))
    return G_SOURCE_CONTINUE;
  self->fold_id = 0;
  return G_SOURCE_REMOVE;
}

static void
fold_keys_ahead (UprMatrixPage *self)
{
  self->n_folded = 0;
  if (self->fold_id == 0)
    self->fold_id = g_idle_add_full (G_PRIORITY_LOW, fold_keys_cb, self, NULL);
}

static int
compare_country (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  UprCountry *ca = country_of (data, (gpointer) a);
  UprCountry *cb = country_of (data, (gpointer) b);

  return compare_keys (ca != NULL ? upr_country_get_sort_key (ca) : NULL,
                       cb != NULL ? upr_country_get_sort_key (cb) : NULL);
}

static int
compare_paragraph (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  UprRecommendationRow *ra = (gpointer) a, *rb = (gpointer) b;
  int order = all_countries (data) ? compare_country (a, b, data) : GTK_ORDERING_EQUAL;

  if (order == GTK_ORDERING_EQUAL)
    order = compare_ints (upr_recommendation_row_get_session (ra),
                          upr_recommendation_row_get_session (rb));
  if (order == GTK_ORDERING_EQUAL)
    order = compare_ints (g_strcmp0 (upr_recommendation_row_get_paragraph_key (ra),
                                     upr_recommendation_row_get_paragraph_key (rb)), 0);
  return order;
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

#define FOLDED_COMPARE(name, column, getter)                                              \
  static int                                                                              \
  compare_##name (gconstpointer a,                                                        \
                  gconstpointer b,                                                        \
                  gpointer      data)                                                     \
  {                                                                                       \
    return compare_keys (folded_key ((gpointer) a, column,                                \
                                     upr_recommendation_row_get_##getter ((gpointer) a)), \
                         folded_key ((gpointer) b, column,                                \
                                     upr_recommendation_row_get_##getter ((gpointer) b)));\
  }

FOLDED_COMPARE (text, COLUMN_TEXT, text)
FOLDED_COMPARE (states, COLUMN_STATES, state_names)
FOLDED_COMPARE (lead, COLUMN_LEAD, lead_organisation_name)

/* Dates, "YYYY-MM-DD". */
static int
compare_updated (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return compare_keys (upr_recommendation_row_get_last_update ((gpointer) a),
                       upr_recommendation_row_get_last_update ((gpointer) b));
}

/* Columns */

static const struct
{
  const char       *id;      /* in the "matrix-hidden-columns" setting */
  gsize             offset;  /* of the column in UprMatrixPage */
  GCompareDataFunc  compare;
} columns[N_COLUMNS] = {
  [COLUMN_COUNTRY] = { "country", G_STRUCT_OFFSET (UprMatrixPage, country_column),
                       compare_country },
  [COLUMN_PARAGRAPH] = { "reference", G_STRUCT_OFFSET (UprMatrixPage, paragraph_column),
                         compare_paragraph },
  [COLUMN_TEXT] = { "text", G_STRUCT_OFFSET (UprMatrixPage, text_column), compare_text },
  [COLUMN_STATES] = { "states", G_STRUCT_OFFSET (UprMatrixPage, states_column),
                      compare_states },
  [COLUMN_RESPONSE] = { "response", G_STRUCT_OFFSET (UprMatrixPage, response_column),
                        compare_response },
  [COLUMN_CATEGORY] = { "category", G_STRUCT_OFFSET (UprMatrixPage, category_column),
                        compare_category },
  [COLUMN_THEMES] = { "themes", G_STRUCT_OFFSET (UprMatrixPage, themes_column),
                      compare_themes },
  [COLUMN_SDGS] = { "sdgs", G_STRUCT_OFFSET (UprMatrixPage, sdgs_column), compare_sdgs },
  [COLUMN_LEAD] = { "lead", G_STRUCT_OFFSET (UprMatrixPage, lead_column), compare_lead },
  [COLUMN_STATUS] = { "status", G_STRUCT_OFFSET (UprMatrixPage, status_column),
                      compare_status },
  [COLUMN_UPDATED] = { "updated", G_STRUCT_OFFSET (UprMatrixPage, updated_column),
                       compare_updated },
};

static GtkColumnViewColumn *
column_of (UprMatrixPage *self,
           Column         column)
{
  return G_STRUCT_MEMBER (GtkColumnViewColumn *, self, columns[column].offset);
}

/* What a cell of @column shows for @row, as a new string (NULL: nothing). */
static char *
column_text (UprMatrixPage        *self,
             Column                column,
             UprRecommendationRow *row)
{
  UprCountry *country;
  const char *id;
  int category;
  guint n;

  switch (column)
    {
    case COLUMN_COUNTRY:
      country = country_of (self, row);
      return g_strdup (country != NULL ? upr_country_get_name (country)
                                       : upr_recommendation_row_get_country_code (row));
    case COLUMN_PARAGRAPH:
      return g_strdup (upr_recommendation_row_get_paragraph (row));
    case COLUMN_TEXT:
      return g_strdup (upr_recommendation_row_get_text (row));
    case COLUMN_STATES:
      return g_strdup (upr_recommendation_row_get_state_names (row));
    case COLUMN_RESPONSE:
      id = upr_recommendation_row_get_response (row);
      return id != NULL ? g_strdup (upr_vocab_label (UPR_VOCAB_RESPONSE, id)) : NULL;
    case COLUMN_CATEGORY:
      category = upr_recommendation_row_get_action_category (row);
      return category > 0 ? g_strdup_printf ("%d", category) : NULL;
    case COLUMN_THEMES:
      n = n_terms (row);
      return n > 0 ? g_strdup_printf ("%u", n) : NULL;
    case COLUMN_SDGS:
      return describe_goals (upr_recommendation_row_get_sdg_goals (row));
    case COLUMN_LEAD:
      return g_strdup (upr_recommendation_row_get_lead_organisation_name (row));
    case COLUMN_STATUS:
      id = upr_recommendation_row_get_status (row);
      return id != NULL ? g_strdup (upr_vocab_label (UPR_VOCAB_IMPLEMENTATION_STATUS, id))
                        : NULL;
    case COLUMN_UPDATED:
      return g_strdup (upr_recommendation_row_get_last_update (row));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_sorters (UprMatrixPage *self)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GtkSorter) sorter =
        GTK_SORTER (gtk_custom_sorter_new (columns[c].compare, self, NULL));

      gtk_column_view_column_set_sorter (column_of (self, c), sorter);
    }
}

/* The columns the officer hid, as the settings remember them (the country's shows with
 * all countries, whatever the setting). */
static void
apply_hidden_columns (UprMatrixPage *self)
{
  g_auto(GStrv) hidden = g_settings_get_strv (get_settings (self), "matrix-hidden-columns");

  self->quiet++;
  for (Column c = COLUMN_COUNTRY + 1; c < N_COLUMNS; c++)
    gtk_column_view_column_set_visible (column_of (self, c),
                                        !g_strv_contains ((const char * const *) hidden,
                                                          columns[c].id));
  self->quiet--;
}

static void
column_visibility_changed_cb (UprMatrixPage *self)
{
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (self->quiet > 0 || get_settings (self) == NULL)
    return;
  for (Column c = COLUMN_COUNTRY + 1; c < N_COLUMNS; c++)
    if (!gtk_column_view_column_get_visible (column_of (self, c)))
      g_strv_builder_add (hidden, columns[c].id);
  ids = g_strv_builder_end (hidden);
  g_settings_set_strv (get_settings (self), "matrix-hidden-columns", (const char * const *) ids);
}

/* Cells: an inscription per cell, made in C (a builder template costs several times more
 * per cell), showing what its slot holds. */

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

/* Two lines of the recommendation, whatever its length: every row has the same height, so
 * changing a row's text never changes the layout of the list. */
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
fill_cell (GtkWidget *cell,
           gpointer   row,
           gpointer   data)
{
  CellSource *source = data;
  g_autofree char *text = row != NULL ? column_text (source->page, source->column, row) : NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UprMatrixPage            *self)
{
  for (Column c = 0; c < N_COLUMNS; c++)
    if (gtk_column_view_column_get_factory (column_of (self, c))
        == GTK_LIST_ITEM_FACTORY (factory))
      {
        upr_slot_cell_bind (item, fill_cell, &self->sources[c]);
        return;
      }
  g_assert_not_reached ();
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UprMatrixPage            *self)
{
  upr_slot_cell_unbind (item);
}

/* "Export List as CSV" writes what the cells show. */

static char *
export_text_cb (UprRecommendationRow *row,
                gpointer              data)
{
  CellSource *source = data;

  return column_text (source->page, source->column, row);
}

static GtkExpression *
export_column_text (GtkColumnViewColumn *column)
{
  GtkColumnView *view = gtk_column_view_column_get_column_view (column);
  GtkWidget *page = view != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                            UPR_TYPE_MATRIX_PAGE)
                                 : NULL;

  for (Column c = 0; page != NULL && c < N_COLUMNS; c++)
    if (column_of (UPR_MATRIX_PAGE (page), c) == column)
      return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                          G_CALLBACK (export_text_cb),
                                          &UPR_MATRIX_PAGE (page)->sources[c], NULL);
  return NULL;
}

static const UprListExportKind export_kind = {
  .name = N_("recommendations"),
  .column_text = export_column_text,
};

/* Pacing the rows GTK builds beyond the view (see upr-slots.h) */

static gboolean
catch_up_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  UprMatrixPage *self = user_data;

  if (self->catch_up_later)
    {
      self->catch_up_later = FALSE;
      return G_SOURCE_CONTINUE;
    }
  upr_slots_catch_up (self->slots);
  /* Rows added at the end may be chosen ones. */
  if (g_hash_table_size (self->chosen) > 0)
    restore_selection (self);
  if (upr_slots_get_pending (self->slots) > 0)
    return G_SOURCE_CONTINUE;
  self->catch_up_id = 0;
  return G_SOURCE_REMOVE;
}

/* Also emitted while the template is torn down. */
static void
slots_pending_cb (UprMatrixPage *self)
{
  if (self->column_view != NULL && self->catch_up_id == 0
      && upr_slots_get_pending (self->slots) > 0)
    self->catch_up_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                      catch_up_tick_cb, self, NULL);
}

static void
slots_refilling_cb (UprMatrixPage *self)
{
  self->quiet++;
}

/* In a batch of changes, the selection is put back once, at the end. */
static void
slots_refilled_cb (UprMatrixPage *self)
{
  if (self->selection != NULL && !self->batch)
    restore_selection (self);
  self->quiet--;
  self->catch_up_later = TRUE;
}

/* Which rows show, from the scroll position (rows all have the same height), with a few
 * more on each side. Emitted as the list is laid out; an empty list keeps the last view. */
static void
view_moved_cb (UprMatrixPage *self)
{
  GtkAdjustment *adjustment;
  double row_height, top, bottom;
  guint n_rows, first, last;

  if (self->column_view == NULL || self->slots == NULL)
    return;
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->slots));
  if (n_rows == 0 || gtk_adjustment_get_upper (adjustment) <= 0)
    return;
  row_height = gtk_adjustment_get_upper (adjustment) / n_rows;
  top = gtk_adjustment_get_value (adjustment);
  bottom = top + gtk_adjustment_get_page_size (adjustment);
  first = (guint) floor (top / row_height);
  last = (guint) ceil (bottom / row_height);
  first = first > VIEW_MARGIN ? first - VIEW_MARGIN : 0;
  upr_slots_set_view (self->slots, first, last + VIEW_MARGIN - first);
}

/* Modes */

/* The editor beside the list, or the list alone (F9). */
static void
apply_show_editor (UprMatrixPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->editor), self->show_editor);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list_window), self->show_editor ? 0 : 18);
}

/* All countries: a Country column, and no adding (a recommendation needs its country). */
static void
apply_country_mode (UprMatrixPage *self)
{
  gboolean all = all_countries (self);

  gtk_column_view_column_set_visible (self->country_column, all);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !all);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.add", !all);
  gtk_label_set_label (self->empty_description,
                       all ? _("The recommendations every country received at its reviews will "
                               "be listed here, with their implementation.")
                           : _("The recommendations this country received at its reviews will "
                               "be listed here, with their implementation. Add them one by "
                               "one."));
}

/* Signal callbacks */

static void
recommendations_changed_cb (UprMatrixPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  /* Several tables change in one edit: read once, after them all. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
}

/* New reviews come with new recommendations (an import): the whole list changed. */
static void
reviews_changed_cb (UprMatrixPage *self)
{
  if (all_countries (self))
    self->stale = TRUE;
  recommendations_changed_cb (self);
}

static void
selection_changed_cb (UprMatrixPage *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  if (self->quiet > 0 || self->selection == NULL)
    return;
  ids = selected_ids (self);
  choose (self, ids);
  sync_editor (self);
  update_page (self);
}

/* Also emitted while the template is torn down. */
static void
shown_changed_cb (UprMatrixPage *self)
{
  if (self->count_label != NULL)
    update_page (self);
}

/* Opening a row (double click, Enter) brings the editor back. */
static void
row_activated_cb (UprMatrixPage *self)
{
  upr_matrix_page_set_show_editor (self, TRUE);
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
  GWeakRef   page;
  GPtrArray *ids;
  GPtrArray *statuses;
  GPtrArray *dates;
} BulkUndo;

static void
bulk_undo_free (gpointer data)
{
  BulkUndo *bulk = data;

  g_object_unref (bulk->store);
  g_weak_ref_clear (&bulk->page);
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
  g_autoptr(UprMatrixPage) page = g_weak_ref_get (&bulk->page);
  g_autoptr(GError) error = NULL;

  /* They may no longer be selected: the page reads them again all the same. */
  if (page != NULL)
    for (guint i = 0; i < bulk->ids->len; i++)
      g_hash_table_add (page->touched, g_strdup (bulk->ids->pdata[i]));
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
  g_weak_ref_init (&bulk->page, self);
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
  GWeakRef   page;
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
  g_weak_ref_clear (&bulk->page);
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
  g_autoptr(UprMatrixPage) page = g_weak_ref_get (&bulk->page);
  g_autoptr(GError) error = NULL;

  if (page != NULL)
    note_touched (page, (const char * const *) bulk->ids->pdata);
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
  g_weak_ref_init (&bulk->page, self);
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
  UprMatrixPage *self = UPR_MATRIX_PAGE (widget);

  if (!all_countries (self))
    gtk_menu_button_popup (self->add_button);
}

/* Overrides */

static void
set_context (UprMatrixPage *self,
             UprContext    *context)
{
  GSettings *settings;

  /* Set once: by the constructor, or by the window that holds the template. */
  g_return_if_fail (self->context == NULL);
  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  g_object_set (self->editor, "context", context, NULL);
  g_object_set (self->bulk_lead_entry, "context", context, NULL);
  g_signal_connect_object (get_store (self), "changed::recommendation",
                           G_CALLBACK (recommendations_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_store (self), "changed::review",
                           G_CALLBACK (reviews_changed_cb), self, G_CONNECT_SWAPPED);
  settings = get_settings (self);
  if (settings != NULL)
    {
      g_settings_bind (settings, "matrix-show-editor", self, "show-editor",
                       G_SETTINGS_BIND_DEFAULT);
      apply_hidden_columns (self);
      g_signal_connect_object (settings, "changed::matrix-hidden-columns",
                               G_CALLBACK (apply_hidden_columns), self, G_CONNECT_SWAPPED);
    }
  fill_term_filters (self);
  load_when_shown (self);
}

static void
upr_matrix_page_map (GtkWidget *widget)
{
  UprMatrixPage *self = UPR_MATRIX_PAGE (widget);

  GTK_WIDGET_CLASS (upr_matrix_page_parent_class)->map (widget);
  if (self->stale && self->load_tick_id == 0 && self->load_id == 0)
    load_when_shown (self);
}

static void
upr_matrix_page_dispose (GObject *object)
{
  UprMatrixPage *self = UPR_MATRIX_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->fold_id, g_source_remove);
  cancel_later_load (self);
  if (self->catch_up_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->catch_up_id);
  self->catch_up_id = 0;
  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_data (get_store (self), self);
      if (get_settings (self) != NULL)
        g_signal_handlers_disconnect_by_data (get_settings (self), self);
    }
  /* The list empties as it goes: nothing is left to show it to. */
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->slots != NULL)
    g_signal_handlers_disconnect_by_data (self->slots, self);
  for (Column c = 0; self->paragraph_column != NULL && c < N_COLUMNS; c++)
    g_signal_handlers_disconnect_by_data (column_of (self, c), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_MATRIX_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  g_clear_pointer (&self->country_code, g_free);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_hash_table_unref);
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
    case PROP_SHOW_EDITOR:
      g_value_set_boolean (value, self->show_editor);
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
    case PROP_SHOW_EDITOR:
      upr_matrix_page_set_show_editor (self, g_value_get_boolean (value));
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
  widget_class->map = upr_matrix_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_EDITOR] =
    g_param_spec_boolean ("show-editor", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_RECOMMENDATION_ROW);
  g_type_ensure (UPR_TYPE_RECOMMENDATION_FILTER);
  g_type_ensure (UPR_TYPE_RECOMMENDATION_EDITOR);
  g_type_ensure (UPR_TYPE_SLOTS);
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
  CHILD (columns_button);
  CHILD (editor_button);
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
  CHILD (empty_description);
  CHILD (loading_spinner);
  CHILD (paned);
  CHILD (list_window);
  CHILD (column_view);
  CHILD (selection);
  CHILD (slots);
  CHILD (filter_model);
  CHILD (filter);
  CHILD (sort_model);
  CHILD (rows);
  CHILD (editor);
  CHILD (country_column);
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
  CALLBACK (cell_bind_cb);
  CALLBACK (cell_unbind_cb);
  CALLBACK (selection_changed_cb);
  CALLBACK (shown_changed_cb);
  CALLBACK (slots_refilling_cb);
  CALLBACK (slots_refilled_cb);
  CALLBACK (slots_pending_cb);
  CALLBACK (row_activated_cb);
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
  gtk_widget_class_install_property_action (widget_class, "matrix.show-editor", "show-editor");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "matrix.search", NULL);
  /* F9, as GNOME applications show and hide their side panes. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "matrix.show-editor", NULL);
}

static void
upr_matrix_page_init (UprMatrixPage *self)
{
  GtkAdjustment *adjustment;

  self->term_ids = g_ptr_array_new_with_free_func (g_free);
  self->sdg_goals = g_ptr_array_new ();
  self->lead_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->lead_ids, NULL);
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
  self->show_editor = TRUE;
  for (Column c = 0; c < N_COLUMNS; c++)
    self->sources[c] = (CellSource) { self, c };
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
  for (Column c = COLUMN_COUNTRY + 1; c < N_COLUMNS; c++)
    g_signal_connect_object (column_of (self, c), "notify::visible",
                             G_CALLBACK (column_visibility_changed_cb), self, G_CONNECT_SWAPPED);
  upr_slots_set_view (self->slots, 0, GUESSED_VIEW);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (view_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (view_moved_cb), self,
                           G_CONNECT_SWAPPED);
  apply_show_editor (self);
  apply_country_mode (self);
  update_page (self);
  /* "Export List as CSV…" writes the matrix as shown (upr-list-export.h). */
  upr_list_export_attach (self->column_view, G_LIST_MODEL (self->filter_model), &export_kind);
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
  g_hash_table_remove_all (self->chosen);
  g_hash_table_remove_all (self->touched);
  set_selected_id (self, NULL);
  apply_country_mode (self);
  if (self->context != NULL)
    load_when_shown (self);
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

  ensure_loaded (self);
  position = find_shown (self, recommendation_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  /* Its row may not be there yet, when the list just grew back. */
  while (position >= g_list_model_get_n_items (G_LIST_MODEL (self->slots))
         && upr_slots_get_pending (self->slots) > 0)
    upr_slots_catch_up (self->slots);
  g_hash_table_remove_all (self->chosen);
  g_hash_table_add (self->chosen, g_strdup (recommendation_id));
  set_selected_id (self, recommendation_id);
  restore_selection (self);
  sync_editor (self);
  update_page (self);
  scroll_to (self, position);
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
  load (self);
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

gboolean
upr_matrix_page_get_show_editor (UprMatrixPage *self)
{
  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), FALSE);

  return self->show_editor;
}

void
upr_matrix_page_set_show_editor (UprMatrixPage *self,
                                 gboolean       show_editor)
{
  g_return_if_fail (UPR_IS_MATRIX_PAGE (self));

  show_editor = !!show_editor;
  if (self->show_editor == show_editor)
    return;
  /* Typing waiting in the editor is saved before it goes out of sight. */
  if (!show_editor)
    upr_recommendation_editor_flush (self->editor);
  self->show_editor = show_editor;
  apply_show_editor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EDITOR]);
}

char **
upr_matrix_page_get_selected_ids (UprMatrixPage *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), NULL);

  ensure_loaded (self);
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

  ensure_loaded (self);
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

  ensure_loaded (self);
  return run_bulk (self, BULK_LEAD, organisation_id, 0, error);
}

gboolean
upr_matrix_page_set_cluster_of_selected (UprMatrixPage  *self,
                                         const char     *cluster,
                                         GError        **error)
{
  g_return_val_if_fail (UPR_IS_MATRIX_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_loaded (self);
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

  ensure_loaded (self);
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

  ensure_loaded (self);
  return run_bulk (self, BULK_SDG, NULL, goal, error);
}
