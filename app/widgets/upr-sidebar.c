/* upr-sidebar.c: countries and their workshops, at the left of the main window.
 *
 * "All countries" heads the list of countries (but not while searching): a UprCountry of
 * its own that is never handed out; choosing it sets "all-countries" and leaves
 * "country" NULL.
 *
 * The chosen country and workshop are the sidebar's own state, not the lists' selection:
 * a search that hides the chosen country, or a reload of the lists after the store
 * changed, leaves the choice alone and the selection is put back when the row shows
 * again. Only a row the user picks (or the select functions) changes the choice, so the
 * workshop page is not rebuilt under the user's feet while they type. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-search-query.h"
#include "upr-sidebar.h"

#include "upr-context.h"
#include "upr-country.h"
#include "upr-fold.h"
#include "upr-store.h"
#include "upr-vocab.h"
#include "upr-workshop.h"

struct _UprSidebar
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkListView        *country_view;
  GtkSingleSelection *country_selection;
  GtkFilterListModel *country_filter;
  GListStore         *country_parts;
  GListStore         *all_entry;
  GtkListView        *workshop_view;
  GtkSingleSelection *workshop_selection;
  GListStore         *workshops;
  GtkStack           *workshops_stack;

  /* owned */
  UprContext      *context;
  UprStore        *store;
  GtkCustomFilter *filter;
  char            *query;    /* folded search; NULL shows every country */
  UprCountry      *country;
  UprWorkshop     *workshop;
  UprCountry      *all;           /* the "All countries" entry */
  gboolean         all_countries; /* it is the one chosen */
};

G_DEFINE_FINAL_TYPE (UprSidebar, upr_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_COUNTRY,
  PROP_WORKSHOP,
  PROP_ALL_COUNTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Full month names, so dates read the same in English and French whatever the system
 * locale (only C.UTF-8 may exist, and it names months in English). */
static const char *const month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  if (text == NULL || sscanf (text, "%d-%d-%d", year, month, day) != 3)
    return FALSE;

  return *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31;
}

static char *
format_day (int year,
            int month,
            int day)
{
  /* Translators: a date: day, month name, year ("27 March 2024") */
  return g_strdup_printf (_("%1$d %2$s %3$d"), day,
                          g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]), year);
}

/* "27 March 2024", "27–29 March 2024", or "30 March 2024 – 2 April 2024". */
static char *
format_dates (const char *start,
              const char *end)
{
  int y1, m1, d1, y2, m2, d2;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (!parse_date (start, &y1, &m1, &d1))
    return NULL;
  if (!parse_date (end, &y2, &m2, &d2) || (y1 == y2 && m1 == m2 && d1 == d2))
    return format_day (y1, m1, d1);

  last = format_day (y2, m2, d2);
  if (y1 == y2 && m1 == m2)
    return g_strdup_printf ("%d–%s", d1, last);

  first = format_day (y1, m1, d1);
  return g_strdup_printf ("%s – %s", first, last);
}

static char *
workshop_subtitle_cb (GtkListItem *item,
                      const char  *start_date,
                      const char  *end_date,
                      const char  *kind)
{
  g_autofree char *dates = format_dates (start_date, end_date);
  const char *kind_label = kind != NULL ? upr_vocab_label (UPR_VOCAB_WORKSHOP_KIND, kind) : NULL;

  if (dates != NULL && kind_label != NULL)
    return g_strdup_printf ("%s · %s", dates, kind_label);
  if (dates != NULL)
    return g_steal_pointer (&dates);

  return g_strdup (kind_label != NULL ? kind_label : _("No date"));
}

static char *
workshop_title_cb (GtkListItem *item,
                   const char  *title)
{
  return g_strdup (title != NULL ? title : _("Untitled workshop"));
}

static char *
country_count_cb (GtkListItem *item,
                  int          n_workshops)
{
  return n_workshops > 0 ? g_strdup_printf ("%d", n_workshops) : NULL;
}

/* "All countries" stands out from the countries below it. */
static PangoAttrList *
country_attributes_cb (GtkListItem *item,
                       const char  *code)
{
  return code != NULL && code[0] == '\0' ? pango_attr_list_from_string ("0 -1 weight bold")
                                          : NULL;
}

static gboolean
country_has_workshops_cb (GtkListItem *item,
                          int          n_workshops)
{
  return n_workshops > 0;
}

static gboolean
country_matches (gpointer item,
                 gpointer user_data)
{
  UprSidebar *self = user_data;
  g_autofree char *key = NULL;

  if (self->query == NULL)
    return TRUE;

  g_object_get (item, "search-key", &key, NULL);
  return key != NULL && upr_fold_match (key, self->query);
}

static const char *
workshop_id (UprWorkshop *workshop)
{
  return workshop != NULL ? upr_record_get_id (UPR_RECORD (workshop)) : NULL;
}

static const char *
country_code (UprCountry *country)
{
  return country != NULL ? upr_country_get_code (country) : NULL;
}

static guint
find_country (GListModel *model,
              const char *code)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; code != NULL && i < n; i++)
    {
      g_autoptr (UprCountry) country = g_list_model_get_item (model, i);

      if (g_strcmp0 (upr_country_get_code (country), code) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static guint
find_workshop (GListModel *model,
               const char *id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr (UprWorkshop) workshop = g_list_model_get_item (model, i);

      if (g_strcmp0 (workshop_id (workshop), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Puts the lists' selection back on the chosen country and workshop. */
static void
sync_country_selection (UprSidebar *self)
{
  guint position = find_country (G_LIST_MODEL (self->country_selection),
                                 self->all_countries ? upr_country_get_code (self->all)
                                                     : country_code (self->country));

  if (gtk_single_selection_get_selected (self->country_selection) == position)
    return;

  gtk_single_selection_set_selected (self->country_selection, position);
  /* A country chosen from elsewhere (start-up, a new workshop) may be far down the list. */
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->country_view), "list.scroll-to-item", "u",
                                position);
}

static void
sync_workshop_selection (UprSidebar *self)
{
  guint position = find_workshop (G_LIST_MODEL (self->workshops), workshop_id (self->workshop));

  if (gtk_single_selection_get_selected (self->workshop_selection) != position)
    gtk_single_selection_set_selected (self->workshop_selection, position);
}

static void
set_workshop (UprSidebar  *self,
              UprWorkshop *workshop)
{
  /* Same id, other instance (a reload): keep the one the page already shows. */
  if (g_strcmp0 (workshop_id (self->workshop), workshop_id (workshop)) == 0
      && (self->workshop == NULL) == (workshop == NULL))
    return;

  g_set_object (&self->workshop, workshop);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

static void
reload_workshops (UprSidebar *self)
{
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  guint n;

  if (self->country != NULL && self->store != NULL)
    {
      list = upr_store_list_workshops (self->store, upr_country_get_code (self->country), &error);
      if (list == NULL)
        g_warning ("Could not list the workshops: %s", error->message);
    }

  n = list != NULL ? g_list_model_get_n_items (list) : 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_list_store_splice (self->workshops, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->workshops)),
                       items->pdata, items->len);

  if (find_workshop (G_LIST_MODEL (self->workshops), workshop_id (self->workshop))
      == GTK_INVALID_LIST_POSITION)
    set_workshop (self, NULL);
  sync_workshop_selection (self);

  if (self->country == NULL)
    gtk_stack_set_visible_child_name (self->workshops_stack, "none");
  else
    gtk_stack_set_visible_child_name (self->workshops_stack, n > 0 ? "list" : "empty");
}

static void
set_country (UprSidebar *self,
             UprCountry *country)
{
  if (g_strcmp0 (country_code (self->country), country_code (country)) == 0)
    return;

  g_set_object (&self->country, country);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
  reload_workshops (self);
}

static void
set_all_countries (UprSidebar *self,
                   gboolean    all)
{
  if (self->all_countries == all)
    return;

  self->all_countries = all;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_COUNTRIES]);
}

/* A row of the list: a country, or the "All countries" entry. The flag changes first, so
 * that whoever follows "country" sees both right. */
static void
choose (UprSidebar *self,
        UprCountry *item)
{
  gboolean all = item == self->all;

  g_object_freeze_notify (G_OBJECT (self));
  set_all_countries (self, all);
  set_country (self, all ? NULL : item);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The entry shows only when no search is typed. */
static void
update_all_entry (UprSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->all_entry));

  if (self->query == NULL && n == 0)
    g_list_store_append (self->all_entry, self->all);
  else if (self->query != NULL && n > 0)
    g_list_store_remove_all (self->all_entry);
}

static void
apply_search (UprSidebar *self,
              const char *text)
{
  GtkFilterChange change;

  if (upr_search_query_refold (&self->query, text, &change))
    {
      gtk_filter_changed (GTK_FILTER (self->filter), change);
      update_all_entry (self);
    }
}

static void
search_changed_cb (UprSidebar     *self,
                   GtkSearchEntry *entry)
{
  apply_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (UprSidebar     *self,
                GtkSearchEntry *entry)
{
  upr_sidebar_set_search_text (self, "");
}

/* Enter in the search picks the first country shown. */
static void
search_activated_cb (UprSidebar     *self,
                     GtkSearchEntry *entry)
{
  g_autoptr (UprCountry) first = g_list_model_get_item (G_LIST_MODEL (self->country_selection), 0);

  if (first == NULL)
    return;

  choose (self, first);
  sync_country_selection (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->country_view));
}

static void
country_selection_changed_cb (UprSidebar         *self,
                              guint               position,
                              guint               n_items,
                              GtkSingleSelection *selection)
{
  UprCountry *country = gtk_single_selection_get_selected_item (selection);

  /* No selection only means the row is hidden or being reloaded. */
  if (country != NULL)
    choose (self, country);
}

static void
country_items_changed_cb (UprSidebar *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  sync_country_selection (self);
}

static void
workshop_selection_changed_cb (UprSidebar         *self,
                               guint               position,
                               guint               n_items,
                               GtkSingleSelection *selection)
{
  UprWorkshop *workshop = gtk_single_selection_get_selected_item (selection);

  if (workshop != NULL)
    set_workshop (self, workshop);
}

static void
store_changed_cb (UprSidebar *self,
                  const char *table,
                  UprStore   *store)
{
  reload_workshops (self);
}

static void
upr_sidebar_dispose (GObject *object)
{
  UprSidebar *self = UPR_SIDEBAR (object);

  /* Quietly: the window must not take the end of the sidebar for the user leaving a
   * country (it would forget the last place). */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->country);
  g_clear_object (&self->workshop);
  g_clear_object (&self->all);
  if (self->country_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->country_selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_SIDEBAR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_sidebar_parent_class)->dispose (object);
}

static void
upr_sidebar_finalize (GObject *object)
{
  UprSidebar *self = UPR_SIDEBAR (object);

  g_free (self->query);

  G_OBJECT_CLASS (upr_sidebar_parent_class)->finalize (object);
}

static void
upr_sidebar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UprSidebar *self = UPR_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_COUNTRY:
      g_value_set_object (value, self->country);
      break;
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    case PROP_ALL_COUNTRIES:
      g_value_set_boolean (value, self->all_countries);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_sidebar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  UprSidebar *self = UPR_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      upr_sidebar_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_sidebar_class_init (UprSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_sidebar_dispose;
  object_class->finalize = upr_sidebar_finalize;
  object_class->get_property = upr_sidebar_get_property;
  object_class->set_property = upr_sidebar_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTRY] =
    g_param_spec_object ("country", NULL, NULL, UPR_TYPE_COUNTRY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, UPR_TYPE_WORKSHOP,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ALL_COUNTRIES] =
    g_param_spec_boolean ("all-countries", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_COUNTRY);
  g_type_ensure (UPR_TYPE_WORKSHOP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, country_view);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, country_selection);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, country_filter);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, country_parts);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, all_entry);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, workshop_view);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, workshop_selection);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, workshops);
  gtk_widget_class_bind_template_child (widget_class, UprSidebar, workshops_stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, workshop_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, workshop_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, workshop_subtitle_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_count_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_has_workshops_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_attributes_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "uprsidebar");
}

static void
upr_sidebar_init (UprSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a country: its code is no ISO code, and it is never the sidebar's "country". */
  self->all = upr_country_new ("", NULL, _("All countries"), _("All countries"), NULL, NULL,
                               0, 0);
  g_list_store_append (self->country_parts, self->all_entry);
  g_list_store_append (self->country_parts, self->country_filter);
  update_all_entry (self);

  self->filter = gtk_custom_filter_new (country_matches, self, NULL);
  gtk_filter_list_model_set_filter (self->country_filter, GTK_FILTER (self->filter));
  g_object_unref (self->filter); /* the filter model keeps it */

  /* After the selection has handled the change, so the chosen row can be put back. */
  g_signal_connect_object (self->country_selection, "items-changed",
                           G_CALLBACK (country_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

UprContext *
upr_sidebar_get_context (UprSidebar *self)
{
  g_return_val_if_fail (UPR_IS_SIDEBAR (self), NULL);

  return self->context;
}

void
upr_sidebar_set_context (UprSidebar *self,
                         UprContext *context)
{
  g_return_if_fail (UPR_IS_SIDEBAR (self));
  g_return_if_fail (context == NULL || UPR_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_set_object (&self->context, context);

  if (context != NULL)
    {
      self->store = g_object_ref (upr_context_get_store (context));
      g_signal_connect_object (self->store, "changed::workshop",
                               G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_filter_list_model_set_model (self->country_filter,
                                   context != NULL ? upr_context_get_countries (context) : NULL);
  reload_workshops (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

UprCountry *
upr_sidebar_get_country (UprSidebar *self)
{
  g_return_val_if_fail (UPR_IS_SIDEBAR (self), NULL);

  return self->country;
}

UprWorkshop *
upr_sidebar_get_workshop (UprSidebar *self)
{
  g_return_val_if_fail (UPR_IS_SIDEBAR (self), NULL);

  return self->workshop;
}

gboolean
upr_sidebar_select_country (UprSidebar *self,
                            const char *code)
{
  g_autoptr (UprCountry) country = NULL;

  g_return_val_if_fail (UPR_IS_SIDEBAR (self), FALSE);

  if (code != NULL)
    {
      if (self->context == NULL
          || (country = upr_context_find_country (self->context, code)) == NULL)
        return FALSE;

      if (find_country (G_LIST_MODEL (self->country_selection), code) == GTK_INVALID_LIST_POSITION)
        upr_sidebar_set_search_text (self, "");
    }

  choose (self, country);
  sync_country_selection (self);

  return TRUE;
}

gboolean
upr_sidebar_get_all_countries (UprSidebar *self)
{
  g_return_val_if_fail (UPR_IS_SIDEBAR (self), FALSE);

  return self->all_countries;
}

void
upr_sidebar_select_all_countries (UprSidebar *self)
{
  g_return_if_fail (UPR_IS_SIDEBAR (self));

  upr_sidebar_set_search_text (self, "");
  choose (self, self->all);
  sync_country_selection (self);
}

gboolean
upr_sidebar_select_workshop (UprSidebar *self,
                             const char *id)
{
  guint position;
  g_autoptr (UprWorkshop) workshop = NULL;

  g_return_val_if_fail (UPR_IS_SIDEBAR (self), FALSE);

  if (id != NULL)
    {
      position = find_workshop (G_LIST_MODEL (self->workshops), id);
      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
      workshop = g_list_model_get_item (G_LIST_MODEL (self->workshops), position);
    }

  set_workshop (self, workshop);
  sync_workshop_selection (self);

  return TRUE;
}

GListModel *
upr_sidebar_get_shown_countries (UprSidebar *self)
{
  g_return_val_if_fail (UPR_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->country_filter);
}

GListModel *
upr_sidebar_get_workshops (UprSidebar *self)
{
  g_return_val_if_fail (UPR_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->workshops);
}

void
upr_sidebar_set_search_text (UprSidebar *self,
                             const char *text)
{
  g_return_if_fail (UPR_IS_SIDEBAR (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  apply_search (self, text);
}

void
upr_sidebar_focus_search (UprSidebar *self)
{
  g_return_if_fail (UPR_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
upr_sidebar_focus_workshops (UprSidebar *self)
{
  g_return_if_fail (UPR_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->workshop_view));
}
