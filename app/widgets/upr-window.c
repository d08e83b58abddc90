/* upr-window.c: the main window: sidebar at the left, the chosen country's pages at the
 * right (or those of all countries), the undo bar over them.
 *
 * The content follows the sidebar's choice (its "country" and "workshop" properties); the
 * window only decides which page shows and remembers the place in GSettings. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-window.h"

#include "upr-context.h"
#include "upr-country.h"
#include "upr-demo.h"
#include "upr-matrix-page.h"
#include "upr-overview-page.h"
#include "upr-sidebar.h"
#include "upr-store.h"
#include "upr-welcome-page.h"
#include "upr-workshop.h"
#include "upr-workshop-dialog.h"
#include "upr-workshop-page.h"

struct _UprWindow
{
  GtkApplicationWindow parent_instance;

  /* template widgets */
  GtkStack        *title_stack;
  GtkLabel        *title_label;
  GtkStack        *main_stack;
  GtkStack        *view_stack;
  GtkStackPage    *overview_stack_page;
  GtkStack        *workshops_stack;
  UprSidebar      *sidebar;
  UprWorkshopPage *workshop_page;
  UprMatrixPage   *matrix_page;
  UprOverviewPage *overview_page;
  UprUndoBar      *undo_bar;
  GtkLabel        *empty_title;
  GtkLabel        *empty_description;

  /* owned */
  UprContext      *context;
  gint64           n_workshops;
};

G_DEFINE_FINAL_TYPE (UprWindow, upr_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A deletion waiting in the undo bar. */
typedef struct
{
  GWeakRef     window;
  UprStore    *store;
  UprWorkshop *workshop;
} Deletion;

static void
deletion_free (gpointer data)
{
  Deletion *deletion = data;

  g_weak_ref_clear (&deletion->window);
  g_clear_object (&deletion->store);
  g_clear_object (&deletion->workshop);
  g_free (deletion);
}

static void
show_error (UprWindow    *self,
            const char   *primary,
            const GError *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static UprStore *
get_store (UprWindow *self)
{
  return upr_context_get_store (self->context);
}

static void
count_workshops (UprWindow *self)
{
  g_autoptr (GError) error = NULL;

  self->n_workshops = upr_store_count_workshops (get_store (self), &error);
  if (self->n_workshops < 0)
    {
      g_warning ("Could not count the workshops: %s", error->message);
      self->n_workshops = 0;
    }
}

static void
update_empty_page (UprWindow  *self,
                   UprCountry *country)
{
  g_autofree char *description = NULL;

  if (g_list_model_get_n_items (upr_sidebar_get_workshops (self->sidebar)) > 0)
    {
      gtk_label_set_label (self->empty_title, _("No Workshop Selected"));
      gtk_label_set_label (self->empty_description,
                           _("Choose a workshop in the list, or create a new one."));
      return;
    }

  /* Translators: %s is a country name */
  description = g_strdup_printf (_("The workshops you run in %s will be listed here."),
                                 upr_country_get_name (country));
  gtk_label_set_label (self->empty_title, _("No Workshops Yet"));
  gtk_label_set_label (self->empty_description, description);
}

/* The country's name heads the window; its pages' switcher replaces it once the country
 * has more than one page to switch between. */
static void
update_title (UprWindow  *self,
              const char *name)
{
  g_autoptr (GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (self->view_stack));
  g_autofree char *title = NULL;

  gtk_label_set_label (self->title_label, name);
  gtk_stack_set_visible_child_name (self->title_stack,
                                    g_list_model_get_n_items (pages) > 1 ? "switcher" : "title");
  /* Translators: the window title; %s is a country name, or "All countries" */
  title = g_strdup_printf (_("%s – Upright"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Every country's recommendations and their overview; workshops belong to one country each. */
static void
show_all_countries (UprWindow *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);
  gboolean entering = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                 "country") != 0
                      || upr_matrix_page_get_country_code (self->matrix_page) != NULL;

  gtk_stack_set_visible_child_name (self->main_stack, "country");
  gtk_stack_page_set_visible (self->overview_stack_page, TRUE);
  /* Choosing "All countries" means looking at their recommendations. */
  if (entering && g_strcmp0 (view, "recommendations") != 0)
    gtk_stack_set_visible_child_name (self->view_stack, "recommendations");
  upr_matrix_page_set_country_code (self->matrix_page, NULL);
  upr_overview_page_show_all_countries (self->overview_page);
  gtk_stack_set_visible_child_name (self->workshops_stack, "all");
  update_title (self, _("All countries"));
}

static void
update_content (UprWindow *self)
{
  UprCountry *country = upr_sidebar_get_country (self->sidebar);
  UprWorkshop *workshop = upr_sidebar_get_workshop (self->sidebar);

  if (upr_sidebar_get_all_countries (self->sidebar))
    show_all_countries (self);
  else if (country == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->n_workshops > 0 ? "no-country" : "welcome");
      gtk_label_set_label (self->title_label, "Upright");
      gtk_stack_set_visible_child_name (self->title_stack, "title");
      gtk_window_set_title (GTK_WINDOW (self), "Upright");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "country");
      gtk_stack_page_set_visible (self->overview_stack_page, TRUE);
      upr_matrix_page_set_country_code (self->matrix_page, upr_country_get_code (country));
      upr_overview_page_set_country_code (self->overview_page, upr_country_get_code (country));
      gtk_stack_set_visible_child_name (self->workshops_stack,
                                        workshop != NULL ? "workshop" : "empty");
      update_empty_page (self, country);
      update_title (self, upr_country_get_name (country));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-workshop", workshop != NULL);
}

/* The national workshop of the demo: the one a trainer opens to show participants. */
static void
select_demo_workshop (UprWindow *self)
{
  g_autoptr (GListModel) workshops = NULL;
  g_autoptr (UprWorkshop) best = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  workshops = upr_store_list_workshops (get_store (self), NULL, &error);
  if (workshops == NULL)
    {
      g_warning ("Could not list the workshops: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (workshops);
  for (guint i = 0; i < n && best == NULL; i++)
    {
      g_autoptr (UprWorkshop) workshop = g_list_model_get_item (workshops, i);
      const char *kind = upr_record_get_string (UPR_RECORD (workshop), "kind");

      if (g_strcmp0 (kind, "implementation-planning") == 0)
        best = g_steal_pointer (&workshop);
    }
  if (best == NULL && n > 0)
    best = g_list_model_get_item (workshops, 0);
  if (best == NULL)
    return;

  upr_window_select (self, upr_record_get_string (UPR_RECORD (best), "country-code"),
                     upr_record_get_id (UPR_RECORD (best)));
}

/* The first country of the list has data (the database has some): better than nothing. */
static void
select_first_country (UprWindow *self)
{
  g_autoptr (UprCountry) first = NULL;

  first = g_list_model_get_item (upr_context_get_countries (self->context), 0);
  if (first != NULL)
    upr_sidebar_select_country (self->sidebar, upr_country_get_code (first));
}

static void
restore_place (UprWindow *self)
{
  GSettings *settings = upr_context_get_settings (self->context);
  g_autofree char *country = NULL;
  g_autofree char *workshop = NULL;
  g_autofree char *fallback = NULL;

  /* An empty database opens on the welcome page, whatever was chosen before. */
  if (self->n_workshops <= 0)
    return;
  if (settings == NULL)
    {
      select_first_country (self);
      return;
    }

  /* Read both first: choosing the country rewrites the last workshop. */
  country = g_settings_get_string (settings, "last-country");
  workshop = g_settings_get_string (settings, "last-workshop");
  fallback = g_settings_get_string (settings, "default-country");

  if (country[0] == '\0' || !upr_sidebar_select_country (self->sidebar, country))
    {
      if (fallback[0] == '\0' || !upr_sidebar_select_country (self->sidebar, fallback))
        select_first_country (self);
      return;
    }
  if (workshop[0] != '\0')
    upr_sidebar_select_workshop (self->sidebar, workshop);
}

static void
deletion_undo (gpointer data)
{
  Deletion *deletion = data;
  UprRecord *record = UPR_RECORD (deletion->workshop);
  g_autoptr (UprWindow) self = g_weak_ref_get (&deletion->window);
  g_autoptr (GError) error = NULL;

  if (!upr_store_restore_workshop (deletion->store, deletion->workshop, &error))
    {
      if (self != NULL)
        show_error (self, _("The workshop could not be restored"), error);
      else
        g_warning ("Could not restore a workshop: %s", error->message);
      return;
    }

  if (self != NULL)
    upr_window_select (self, upr_record_get_string (record, "country-code"),
                       upr_record_get_id (record));
}

static void
deletion_commit (gpointer data)
{
  Deletion *deletion = data;
  g_autoptr (GError) error = NULL;

  /* Failing leaves the workshop in the trash; the next start purges it again. */
  if (!upr_store_purge_trash (deletion->store, &error))
    g_warning ("Could not purge the trash: %s", error->message);
}

static void
delete_response_cb (GtkDialog *dialog,
                    int        response,
                    UprWindow *self)
{
  UprWorkshop *workshop = g_object_get_data (G_OBJECT (dialog), "workshop");
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && !upr_window_delete_workshop (self, workshop, &error))
    show_error (self, _("The workshop could not be deleted"), error);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
delete_workshop_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UprWindow *self = UPR_WINDOW (widget);
  UprWorkshop *workshop = upr_sidebar_get_workshop (self->sidebar);
  GtkWidget *dialog;
  GtkWidget *button;

  if (workshop == NULL)
    return;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Delete “%s”?"),
                                   upr_record_get_string (UPR_RECORD (workshop), "title"));
  gtk_message_dialog_format_secondary_text (
    GTK_MESSAGE_DIALOG (dialog), "%s", _("Its programme and participant list are deleted too."));
  /* Named explicitly: GTK 4.8 would read the mnemonic's underscore out. */
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cancel"), -1);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Delete"), GTK_RESPONSE_ACCEPT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete"), -1);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);

  g_object_set_data_full (G_OBJECT (dialog), "workshop", g_object_ref (workshop), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
workshop_created_cb (UprWindow   *self,
                     UprWorkshop *workshop)
{
  upr_window_select (self, upr_record_get_string (UPR_RECORD (workshop), "country-code"),
                     upr_record_get_id (UPR_RECORD (workshop)));
}

static void
new_workshop_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UprWindow *self = UPR_WINDOW (widget);
  UprCountry *country = upr_sidebar_get_country (self->sidebar);
  GSettings *settings = upr_context_get_settings (self->context);
  g_autofree char *code = NULL;
  UprWorkshopDialog *dialog;

  if (country != NULL)
    code = g_strdup (upr_country_get_code (country));
  else if (settings != NULL)
    code = g_settings_get_string (settings, "default-country");

  dialog = upr_workshop_dialog_new (GTK_WINDOW (self), self->context, code);
  g_signal_connect_object (dialog, "created", G_CALLBACK (workshop_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UprWindow *self = UPR_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!upr_demo_load (get_store (self), &error))
    {
      show_error (self, _("The demo data could not be loaded"), error);
      return;
    }

  select_demo_workshop (self);
}

static gboolean
matrix_shown (UprWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "country") == 0
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack),
                       "recommendations") == 0;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprWindow *self = UPR_WINDOW (widget);

  /* On the matrix, Ctrl+F searches the recommendations wherever the focus is. */
  if (matrix_shown (self))
    upr_matrix_page_focus_search (self->matrix_page);
  else
    upr_sidebar_focus_search (self->sidebar);
}

/* F9 shows or hides the recommendation editor wherever the focus is (the page's own F9
 * works only from inside it). */
static void
toggle_editor_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UprWindow *self = UPR_WINDOW (widget);

  if (matrix_shown (self))
    gtk_widget_activate_action (GTK_WIDGET (self->matrix_page), "matrix.show-editor", NULL);
}

/* Alt+1, Alt+2, Alt+3: the country's pages from the keyboard, as the switcher shows them. */
static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UprWindow *self = UPR_WINDOW (widget);
  GtkWidget *child = gtk_stack_get_child_by_name (self->view_stack,
                                                  g_variant_get_string (parameter, NULL));

  if (child != NULL && gtk_stack_page_get_visible (gtk_stack_get_page (self->view_stack, child)))
    gtk_stack_set_visible_child (self->view_stack, child);
}

static void
store_changed_cb (UprWindow  *self,
                  const char *table,
                  UprStore   *store)
{
  count_workshops (self);
  update_content (self);
}

static void
sidebar_country_changed_cb (UprWindow  *self,
                            GParamSpec *pspec,
                            UprSidebar *sidebar)
{
  GSettings *settings = upr_context_get_settings (self->context);
  UprCountry *country = upr_sidebar_get_country (sidebar);

  if (settings != NULL)
    g_settings_set_string (settings, "last-country",
                           country != NULL ? upr_country_get_code (country) : "");
  update_content (self);
}

static void
sidebar_workshop_changed_cb (UprWindow  *self,
                             GParamSpec *pspec,
                             UprSidebar *sidebar)
{
  GSettings *settings = upr_context_get_settings (self->context);
  UprWorkshop *workshop = upr_sidebar_get_workshop (sidebar);
  const char *id = workshop != NULL ? upr_record_get_id (UPR_RECORD (workshop)) : NULL;

  if (settings != NULL)
    g_settings_set_string (settings, "last-workshop", id != NULL ? id : "");
  /* Choosing a workshop in the sidebar means looking at it. */
  if (workshop != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, "workshops");
  update_content (self);
}

static void
upr_window_constructed (GObject *object)
{
  UprWindow *self = UPR_WINDOW (object);
  GSettings *settings;

  G_OBJECT_CLASS (upr_window_parent_class)->constructed (object);

  g_assert (UPR_IS_CONTEXT (self->context));
  settings = upr_context_get_settings (self->context);

  upr_sidebar_set_context (self->sidebar, self->context);
  g_object_set (self->workshop_page, "context", self->context, NULL);
  g_object_set (self->matrix_page, "context", self->context, NULL);
  g_object_set (self->overview_page, "context", self->context, NULL);
  /* Workshops stay the page a country opens on, as before the matrix came. */
  gtk_stack_set_visible_child_name (self->view_stack, "workshops");
  g_signal_connect_object (get_store (self), "changed::workshop",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  if (settings != NULL)
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  count_workshops (self);
  restore_place (self);
  update_content (self);
}

static gboolean
upr_window_close_request (GtkWindow *window)
{
  UprWindow *self = UPR_WINDOW (window);

  /* Typing the page keeps for its pause must not be lost with the window. */
  upr_workshop_page_flush (self->workshop_page);
  upr_matrix_page_flush (self->matrix_page);

  return GTK_WINDOW_CLASS (upr_window_parent_class)->close_request (window);
}

static void
upr_window_dispose (GObject *object)
{
  UprWindow *self = UPR_WINDOW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (get_store (self), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_window_parent_class)->dispose (object);
}

static void
upr_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UprWindow *self = UPR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  UprWindow *self = UPR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_window_class_init (UprWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = upr_window_constructed;
  object_class->dispose = upr_window_dispose;
  object_class->get_property = upr_window_get_property;
  object_class->set_property = upr_window_set_property;
  window_class->close_request = upr_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_MATRIX_PAGE);
  g_type_ensure (UPR_TYPE_OVERVIEW_PAGE);
  g_type_ensure (UPR_TYPE_SIDEBAR);
  g_type_ensure (UPR_TYPE_UNDO_BAR);
  g_type_ensure (UPR_TYPE_WELCOME_PAGE);
  g_type_ensure (UPR_TYPE_WORKSHOP_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UprWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, overview_stack_page);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, workshops_stack);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, workshop_page);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, matrix_page);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, undo_bar);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, empty_title);
  gtk_widget_class_bind_template_child (widget_class, UprWindow, empty_description);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_workshop_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new-workshop", NULL, new_workshop_action);
  gtk_widget_class_install_action (widget_class, "win.delete-workshop", NULL,
                                   delete_workshop_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-editor", NULL, toggle_editor_action);

  /* A binding, not an application accelerator: the workshop page's own Ctrl+F (search the
   * participants) wins while the focus is inside it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-editor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "s",
                                       "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "s",
                                       "recommendations");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "s",
                                       "workshops");
}

static void
upr_window_init (UprWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UprWindow *
upr_window_new (GtkApplication *application,
                UprContext     *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);

  return g_object_new (UPR_TYPE_WINDOW, "application", application, "context", context, NULL);
}

UprContext *
upr_window_get_context (UprWindow *self)
{
  g_return_val_if_fail (UPR_IS_WINDOW (self), NULL);

  return self->context;
}

UprUndoBar *
upr_window_get_undo_bar (UprWindow *self)
{
  g_return_val_if_fail (UPR_IS_WINDOW (self), NULL);

  return self->undo_bar;
}

UprSidebar *
upr_window_get_sidebar (UprWindow *self)
{
  g_return_val_if_fail (UPR_IS_WINDOW (self), NULL);

  return self->sidebar;
}

const char *
upr_window_get_page_name (UprWindow *self)
{
  const char *name;

  g_return_val_if_fail (UPR_IS_WINDOW (self), NULL);

  name = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (name, "country") == 0)
    return gtk_stack_get_visible_child_name (self->workshops_stack);

  return name;
}

UprCountry *
upr_window_get_country (UprWindow *self)
{
  g_return_val_if_fail (UPR_IS_WINDOW (self), NULL);

  return upr_sidebar_get_country (self->sidebar);
}

UprWorkshop *
upr_window_get_workshop (UprWindow *self)
{
  g_return_val_if_fail (UPR_IS_WINDOW (self), NULL);

  return upr_sidebar_get_workshop (self->sidebar);
}

gboolean
upr_window_select (UprWindow  *self,
                   const char *country_code,
                   const char *workshop_id)
{
  g_return_val_if_fail (UPR_IS_WINDOW (self), FALSE);

  if (!upr_sidebar_select_country (self->sidebar, country_code))
    return FALSE;

  return workshop_id == NULL || upr_sidebar_select_workshop (self->sidebar, workshop_id);
}

gboolean
upr_window_delete_workshop (UprWindow    *self,
                            UprWorkshop  *workshop,
                            GError      **error)
{
  Deletion *deletion;

  g_return_val_if_fail (UPR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (UPR_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* End the previous offer first: its purge must not take this workshop with it. */
  upr_undo_bar_commit (self->undo_bar);

  if (!upr_store_trash_workshop (get_store (self), workshop, error))
    return FALSE;

  deletion = g_new0 (Deletion, 1);
  g_weak_ref_init (&deletion->window, self);
  deletion->store = g_object_ref (get_store (self));
  deletion->workshop = g_object_ref (workshop);
  upr_undo_bar_offer (self->undo_bar, _("Workshop deleted"), deletion_undo, deletion_commit,
                      deletion, deletion_free);

  return TRUE;
}
