/* upr-overview-page.c: see the header.
 *
 * Every count comes from upr_store_count_recommendations(): a handful of grouped queries,
 * plus one per year for the progress over time (the status on each 31 December since the
 * first review, then today). The page counts again a moment after the last change rather
 * than at every keystroke in the matrix, and only while it is shown: a hidden page notes
 * that it is out of date and counts when it is mapped. */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "upr-bar-chart.h"
#include "upr-context.h"
#include "upr-overview-page.h"
#include "upr-record.h"
#include "upr-store.h"
#include "upr-term.h"
#include "upr-vocab.h"

struct _UprOverviewPage
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkStack    *stack;
  GtkLabel    *totals_label;
  GtkLabel    *empty_label;
  GtkWidget   *theme_card;
  GtkWidget   *sdg_card;
  GtkWidget   *progress_card;
  UprBarChart *response_chart;
  UprBarChart *status_chart;
  UprBarChart *assessment_chart;
  UprBarChart *progress_chart;
  UprBarChart *theme_chart;
  UprBarChart *sdg_chart;

  /* owned */
  UprContext  *context;
  char        *country_code;
  gboolean     all_countries; /* every country's recommendations (country_code is NULL) */
  GHashTable  *term_labels; /* term id → label in the interface language, read once */
  guint        refresh_id;
  gboolean     stale;       /* changed while hidden */
};

G_DEFINE_FINAL_TYPE (UprOverviewPage, upr_overview_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_COUNTRY_CODE, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* Long enough for a burst of edits (a bulk change, an import) to end first. */
#define REFRESH_DELAY_MS 200
#define N_THEMES 10

/* Colours that carry a meaning, from GNOME's palette; the rest follow the theme's accent. */
static const struct
{
  UprVocab    vocab;
  const char *id;
  const char *colour;
} meaning_colours[] = {
  { UPR_VOCAB_IMPLEMENTATION_STATUS, "implemented", "#2ec27e" },
  { UPR_VOCAB_IMPLEMENTATION_STATUS, "partially-implemented", "#f5c211" },
  { UPR_VOCAB_IMPLEMENTATION_STATUS, "in-progress", "#3584e4" },
  { UPR_VOCAB_IMPLEMENTATION_STATUS, "not-started", "#9a9996" },
  { UPR_VOCAB_IMPLEMENTATION_STATUS, "not-applicable", "#c0bfbc" },
  { UPR_VOCAB_ASSESSMENT_LEVEL, "fully-implemented", "#2ec27e" },
  { UPR_VOCAB_ASSESSMENT_LEVEL, "partially-implemented", "#f5c211" },
  { UPR_VOCAB_ASSESSMENT_LEVEL, "not-implemented", "#e66100" },
  { UPR_VOCAB_ASSESSMENT_LEVEL, NULL, "#c0bfbc" },
};

/* The progress chart stacks the statuses from the most to the least advanced. */
static const char * const progress_order[] = {
  "implemented", "partially-implemented", "in-progress", "not-started", "not-applicable",
};

/* Helpers */

static UprStore *
get_store (UprOverviewPage *self)
{
  return upr_context_get_store (self->context);
}

static gboolean
meaning_colour (UprVocab    vocab,
                const char *id,
                GdkRGBA    *colour)
{
  for (guint i = 0; i < G_N_ELEMENTS (meaning_colours); i++)
    if (meaning_colours[i].vocab == vocab && g_strcmp0 (meaning_colours[i].id, id) == 0)
      return gdk_rgba_parse (colour, meaning_colours[i].colour);
  return FALSE;
}

static guint
count_of (GArray     *counts,
          const char *key)
{
  for (guint i = 0; i < counts->len; i++)
    {
      UprCount *entry = &g_array_index (counts, UprCount, i);

      if (g_strcmp0 (entry->key, key) == 0)
        return entry->count;
    }
  return 0;
}

static void
load_term_labels (UprOverviewPage *self)
{
  g_autoptr(GListModel) terms = NULL;
  g_autoptr(GError) error = NULL;

  if (self->term_labels != NULL)
    return;
  self->term_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  terms = upr_store_list_terms (get_store (self), NULL, &error);
  for (guint i = 0; terms != NULL && i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(UprTerm) term = g_list_model_get_item (terms, i);

      g_hash_table_insert (self->term_labels, g_strdup (upr_term_get_id (term)),
                           g_strdup (upr_term_get_label (term)));
    }
}

static const char *
term_label (UprOverviewPage *self,
            const char      *id)
{
  const char *label = g_hash_table_lookup (self->term_labels, id);

  /* A term missing from the reference data is shown as stored rather than hidden. */
  return label != NULL ? label : id;
}

/* A card in the flow box is shown or hidden with the flow box's child around it, else it
 * would leave an empty slot. */
static void
set_card_visible (GtkWidget *card,
                  gboolean   visible)
{
  GtkWidget *parent = gtk_widget_get_parent (card);

  gtk_widget_set_visible (GTK_IS_FLOW_BOX_CHILD (parent) ? parent : card, visible);
}

/* Charts */

static GArray *
count (UprOverviewPage *self,
       UprCountBy       by,
       const char      *as_of,
       guint           *n_recommendations,
       GError         **error)
{
  return upr_store_count_recommendations (get_store (self), self->country_code, 0, by, as_of,
                                          n_recommendations, error);
}

/* One bar per entry of a closed vocabulary, with a bar for those with none when
 * @none_label is given. */
static gboolean
fill_vocab_chart (UprOverviewPage *self,
                  UprBarChart     *chart,
                  UprCountBy       by,
                  UprVocab         vocab,
                  const char      *none_label,
                  GArray         **counts_out,
                  GError         **error)
{
  g_autoptr(GArray) counts = count (self, by, NULL, NULL, error);

  if (counts == NULL)
    return FALSE;
  upr_bar_chart_clear (chart);
  for (guint i = 0; i < counts->len; i++)
    {
      UprCount *entry = &g_array_index (counts, UprCount, i);
      GdkRGBA colour;
      gboolean coloured = meaning_colour (vocab, entry->key, &colour);

      if (entry->key == NULL && none_label == NULL)
        continue;
      upr_bar_chart_append (chart,
                            entry->key != NULL ? upr_vocab_label (vocab, entry->key) : none_label,
                            &entry->count, coloured ? &colour : NULL);
    }
  if (counts_out != NULL)
    *counts_out = g_steal_pointer (&counts);
  return TRUE;
}

/* The @limit most used themes, those used only. */
static gboolean
fill_theme_chart (UprOverviewPage *self,
                  GError         **error)
{
  g_autoptr(GArray) counts = count (self, UPR_COUNT_BY_UHRI_THEME, NULL, NULL, error);

  if (counts == NULL)
    return FALSE;
  upr_bar_chart_clear (self->theme_chart);
  for (guint i = 0; i < counts->len && upr_bar_chart_get_n_bars (self->theme_chart) < N_THEMES;
       i++)
    {
      UprCount *entry = &g_array_index (counts, UprCount, i);

      if (entry->key != NULL && entry->count > 0)
        upr_bar_chart_append (self->theme_chart, term_label (self, entry->key), &entry->count,
                              NULL);
    }
  set_card_visible (self->theme_card, upr_bar_chart_get_n_bars (self->theme_chart) > 0);
  return TRUE;
}

/* The goals that have recommendations, in their order. */
static gboolean
fill_sdg_chart (UprOverviewPage *self,
                GError         **error)
{
  g_autoptr(GArray) counts = count (self, UPR_COUNT_BY_SDG, NULL, NULL, error);

  if (counts == NULL)
    return FALSE;
  upr_bar_chart_clear (self->sdg_chart);
  for (guint i = 0; i < counts->len; i++)
    {
      UprCount *entry = &g_array_index (counts, UprCount, i);
      g_autofree char *id = NULL;
      g_autofree char *label = NULL;

      if (entry->key == NULL || entry->count == 0)
        continue;
      id = g_strconcat ("sdg:", entry->key, NULL);
      /* Translators: a Sustainable Development Goal: its number and title */
      label = g_strdup_printf (_("%u. %s"), (guint) atoi (entry->key), term_label (self, id));
      upr_bar_chart_append (self->sdg_chart, label, &entry->count, NULL);
    }
  set_card_visible (self->sdg_card, upr_bar_chart_get_n_bars (self->sdg_chart) > 0);
  return TRUE;
}

/* The year of the country's first dated review, 0 when none is dated. */
static int
first_review_year (GListModel *reviews)
{
  int first = 0;

  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(UprRecord) review = g_list_model_get_item (reviews, i);
      const char *date = upr_record_get_string (review, "review-date");
      int year = date != NULL ? atoi (date) : 0;

      if (year > 0 && (first == 0 || year < first))
        first = year;
    }
  return first;
}

static void
setup_progress_series (UprOverviewPage *self)
{
  const char *names[G_N_ELEMENTS (progress_order)];
  GdkRGBA colours[G_N_ELEMENTS (progress_order)];

  for (guint i = 0; i < G_N_ELEMENTS (progress_order); i++)
    {
      names[i] = upr_vocab_label (UPR_VOCAB_IMPLEMENTATION_STATUS, progress_order[i]);
      meaning_colour (UPR_VOCAB_IMPLEMENTATION_STATUS, progress_order[i], &colours[i]);
    }
  upr_bar_chart_set_series (self->progress_chart, names, colours, G_N_ELEMENTS (progress_order));
}

/* The status of the recommendations on each 31 December from the first review's year,
 * then today: every day counted in one reading of the history (a query per year took
 * seconds for every country together). */
static gboolean
fill_progress_chart (UprOverviewPage *self,
                     GListModel      *reviews,
                     GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) counts = NULL;
  int first = first_review_year (reviews);
  int this_year = g_date_time_get_year (now);

  setup_progress_series (self);
  set_card_visible (self->progress_card, first > 0);
  if (first == 0)
    return TRUE;
  for (int year = first; year < this_year; year++)
    {
      g_ptr_array_add (days, g_strdup_printf ("%d-12-31", year));
      g_ptr_array_add (labels, g_strdup_printf ("%d", year));
    }
  g_ptr_array_add (days, g_date_time_format (now, "%Y-%m-%d"));
  g_ptr_array_add (labels, g_strdup (_("Today")));
  g_ptr_array_add (days, NULL);
  counts = upr_store_count_status_over_time (get_store (self), self->country_code,
                                             (const char * const *) days->pdata, error);
  if (counts == NULL)
    return FALSE;
  for (guint d = 0; d < counts->len; d++)
    {
      guint values[G_N_ELEMENTS (progress_order)];

      for (guint i = 0; i < G_N_ELEMENTS (progress_order); i++)
        values[i] = count_of (g_ptr_array_index (counts, d), progress_order[i]);
      upr_bar_chart_append (self->progress_chart, g_ptr_array_index (labels, d), values, NULL);
    }
  return TRUE;
}

/* "159 recommendations · 2 reviews · 34 implemented" */
static void
show_totals (UprOverviewPage *self,
             guint            n_recommendations,
             guint            n_reviews,
             guint            n_implemented)
{
  g_autofree char *recommendations = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *implemented = NULL;
  g_autofree char *text = NULL;

  recommendations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation",
                                                  "%u recommendations", n_recommendations),
                                     n_recommendations);
  reviews = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review", "%u reviews", n_reviews),
                             n_reviews);
  implemented = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u implemented",
                                              "%u implemented", n_implemented),
                                 n_implemented);
  text = g_strjoin (" · ", recommendations, reviews, implemented, NULL);
  gtk_label_set_label (self->totals_label, text);
}

static gboolean
fill_charts (UprOverviewPage *self,
             GError         **error)
{
  g_autoptr(GListModel) reviews = NULL;
  g_autoptr(GArray) statuses = NULL;
  guint n_recommendations = 0;
  g_autoptr(GArray) responses = count (self, UPR_COUNT_BY_RESPONSE, NULL, &n_recommendations,
                                       error);

  if (responses == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, n_recommendations > 0 ? "overview" : "empty");
  if (n_recommendations == 0)
    return TRUE;
  reviews = upr_store_list_reviews (get_store (self), self->country_code, error);
  if (reviews == NULL
      || !fill_vocab_chart (self, self->response_chart, UPR_COUNT_BY_RESPONSE, UPR_VOCAB_RESPONSE,
                            NULL, NULL, error)
      || !fill_vocab_chart (self, self->status_chart, UPR_COUNT_BY_STATUS,
                            UPR_VOCAB_IMPLEMENTATION_STATUS, NULL, &statuses, error)
      || !fill_vocab_chart (self, self->assessment_chart, UPR_COUNT_BY_ASSESSMENT,
                            UPR_VOCAB_ASSESSMENT_LEVEL, _("Not assessed"), NULL, error)
      || !fill_theme_chart (self, error)
      || !fill_sdg_chart (self, error)
      || !fill_progress_chart (self, reviews, error))
    return FALSE;
  show_totals (self, n_recommendations, g_list_model_get_n_items (reviews),
               count_of (statuses, "implemented"));
  return TRUE;
}

static void
refresh (UprOverviewPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->stale = FALSE;
  gtk_label_set_label (self->empty_label,
                       self->all_countries
                         ? _("Once recommendations are added or imported, their state is summed "
                             "up here.")
                         : _("Once recommendations are added or imported for this country, their "
                             "state is summed up here."));
  if (self->context == NULL || (self->country_code == NULL && !self->all_countries))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  load_term_labels (self);
  if (!fill_charts (self, &error))
    {
      g_autofree char *text = NULL;

      /* Translators: %s says what went wrong */
      text = g_strdup_printf (_("The recommendations could not be counted: %s"),
                              error->message);
      gtk_label_set_label (self->totals_label, text);
      gtk_stack_set_visible_child_name (self->stack, "overview");
    }
}

/* Counts now when shown, else when next shown. */
static void
refresh_when_shown (UprOverviewPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

/* Signal callbacks */

static gboolean
refresh_timeout_cb (gpointer data)
{
  UprOverviewPage *self = data;

  self->refresh_id = 0;
  refresh_when_shown (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (UprOverviewPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

/* Overrides */

static void
set_context (UprOverviewPage *self,
             UprContext      *context)
{
  g_return_if_fail (self->context == NULL);
  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  g_signal_connect_object (get_store (self), "changed::recommendation",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (get_store (self), "changed::review",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  refresh_when_shown (self);
}

static void
upr_overview_page_map (GtkWidget *widget)
{
  UprOverviewPage *self = UPR_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (upr_overview_page_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
upr_overview_page_dispose (GObject *object)
{
  UprOverviewPage *self = UPR_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (get_store (self), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->term_labels, g_hash_table_unref);
  g_clear_pointer (&self->country_code, g_free);

  G_OBJECT_CLASS (upr_overview_page_parent_class)->dispose (object);
}

static void
upr_overview_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UprOverviewPage *self = UPR_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_overview_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UprOverviewPage *self = UPR_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_COUNTRY_CODE:
      upr_overview_page_set_country_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_overview_page_class_init (UprOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_overview_page_dispose;
  object_class->get_property = upr_overview_page_get_property;
  object_class->set_property = upr_overview_page_set_property;
  widget_class->map = upr_overview_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, theme_card);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, sdg_card);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, progress_card);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, response_chart);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, status_chart);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, assessment_chart);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, progress_chart);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, theme_chart);
  gtk_widget_class_bind_template_child (widget_class, UprOverviewPage, sdg_chart);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "uproverviewpage");
}

static void
upr_overview_page_init (UprOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
upr_overview_page_new (UprContext *context)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);

  return g_object_new (UPR_TYPE_OVERVIEW_PAGE, "context", context, NULL);
}

const char *
upr_overview_page_get_country_code (UprOverviewPage *self)
{
  g_return_val_if_fail (UPR_IS_OVERVIEW_PAGE (self), NULL);

  return self->country_code;
}

void
upr_overview_page_set_country_code (UprOverviewPage *self,
                                    const char      *country_code)
{
  g_return_if_fail (UPR_IS_OVERVIEW_PAGE (self));

  if (g_strcmp0 (self->country_code, country_code) == 0 && !self->all_countries)
    return;
  g_free (self->country_code);
  self->country_code = g_strdup (country_code);
  self->all_countries = FALSE;
  refresh_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_CODE]);
}

void
upr_overview_page_show_all_countries (UprOverviewPage *self)
{
  g_return_if_fail (UPR_IS_OVERVIEW_PAGE (self));

  if (self->all_countries)
    return;
  g_clear_pointer (&self->country_code, g_free);
  self->all_countries = TRUE;
  refresh_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_CODE]);
}

gboolean
upr_overview_page_get_all_countries (UprOverviewPage *self)
{
  g_return_val_if_fail (UPR_IS_OVERVIEW_PAGE (self), FALSE);

  return self->all_countries;
}

void
upr_overview_page_refresh (UprOverviewPage *self)
{
  g_return_if_fail (UPR_IS_OVERVIEW_PAGE (self));

  refresh (self);
}
