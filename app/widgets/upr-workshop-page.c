/* upr-workshop-page.c: one workshop in tabs; see the header.
 *
 * The page only passes its context and workshop down (bound in the template) and shows
 * the workshop's title above the tabs; each tab is its own widget. One undo bar serves the
 * tabs, so Ctrl+Z always undoes the latest removal, whichever tab it was made in. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-context.h"
#include "upr-country.h"
#include "upr-details-editor.h"
#include "upr-export-dialog.h"
#include "upr-participants-view.h"
#include "upr-programme-view.h"
#include "upr-record.h"
#include "upr-undo-bar.h"
#include "upr-vocab.h"
#include "upr-workshop.h"
#include "upr-workshop-page.h"

struct _UprWorkshopPage
{
  GtkWidget            parent_instance;

  /* template widgets */
  GtkStack            *stack;
  GtkStack            *content;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  UprDetailsEditor    *details;
  UprProgrammeView    *programme;
  UprParticipantsView *participants;
  UprUndoBar          *undo_bar;
  GtkWidget           *header;

  /* owned */
  UprContext          *context;
  UprWorkshop         *workshop;
  gulong               notify_id;
};

G_DEFINE_FINAL_TYPE (UprWorkshopPage, upr_workshop_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_WORKSHOP, PROP_TAB, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* "2024-03-27", "2024-03-27 – 2024-03-29": ISO dates read the same in every language (the
 * C locale of these machines would print English month names under a French interface). */
static char *
describe_dates (UprRecord *workshop)
{
  const char *start = upr_record_get_string (workshop, "start-date");
  const char *end = upr_record_get_string (workshop, "end-date");

  if (start == NULL)
    return NULL;
  if (end == NULL || g_str_equal (start, end))
    return g_strdup (start);
  return g_strdup_printf ("%s – %s", start, end);
}

static void
update_header (UprWorkshopPage *self)
{
  UprRecord *workshop = UPR_RECORD (self->workshop);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  const char *code, *title;
  UprCountry *country;
  char *dates;

  if (workshop == NULL)
    return;
  title = upr_record_get_string (workshop, "title");
  code = upr_record_get_string (workshop, "country-code");
  country = self->context != NULL && code != NULL ? upr_context_find_country (self->context, code)
                                                  : NULL;
  if (country != NULL)
    g_ptr_array_add (parts, g_strdup (upr_country_get_name (country)));
  if ((dates = describe_dates (workshop)) != NULL)
    g_ptr_array_add (parts, dates);
  g_ptr_array_add (parts, g_strdup (upr_vocab_label (UPR_VOCAB_WORKSHOP_KIND,
                                                     upr_record_get_string (workshop, "kind"))));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  gtk_label_set_text (self->title_label, title != NULL ? title : _("Untitled workshop"));
  /* The title is often longer than the header: the whole of it on hover. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL)
    return;
  gtk_css_provider_load_from_resource (provider, "/org/upr_info/Upright/upr-workshop.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Signal callbacks */

static void
tab_changed_cb (UprWorkshopPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAB]);
}

/* Actions */

static void
tab_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  upr_workshop_page_set_tab (UPR_WORKSHOP_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* The workbook of this workshop: its programme and participant counts, its country's
 * matrix. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprWorkshopPage *self = UPR_WORKSHOP_PAGE (widget);
  UprExportDialog *dialog;

  if (self->workshop == NULL || self->context == NULL)
    return;
  upr_details_editor_flush (self->details);
  dialog = upr_export_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                  upr_record_get_string (UPR_RECORD (self->workshop),
                                                         "country-code"),
                                  self->workshop);
  upr_export_dialog_set_scope (dialog, UPR_EXPORT_SCOPE_WORKSHOP);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
upr_workshop_page_dispose (GObject *object)
{
  UprWorkshopPage *self = UPR_WORKSHOP_PAGE (object);
  GtkWidget *child;

  if (self->workshop != NULL)
    g_clear_signal_handler (&self->notify_id, self->workshop);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_WORKSHOP_PAGE);
  /* The template's top box is not bound to a field, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workshop);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_workshop_page_parent_class)->dispose (object);
}

static void
upr_workshop_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UprWorkshopPage *self = UPR_WORKSHOP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    case PROP_TAB:
      g_value_set_string (value, upr_workshop_page_get_tab (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_workshop_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UprWorkshopPage *self = UPR_WORKSHOP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)))
        {
          update_header (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WORKSHOP:
      upr_workshop_page_set_workshop (self, g_value_get_object (value));
      break;
    case PROP_TAB:
      upr_workshop_page_set_tab (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_workshop_page_class_init (UprWorkshopPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_workshop_page_dispose;
  object_class->get_property = upr_workshop_page_get_property;
  object_class->set_property = upr_workshop_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, UPR_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TAB] =
    g_param_spec_string ("tab", NULL, NULL, "details",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_DETAILS_EDITOR);
  g_type_ensure (UPR_TYPE_PROGRAMME_VIEW);
  g_type_ensure (UPR_TYPE_PARTICIPANTS_VIEW);
  g_type_ensure (UPR_TYPE_UNDO_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-workshop-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopPage, content);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopPage, details);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopPage, programme);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopPage, participants);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopPage, undo_bar);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopPage, header);
  gtk_widget_class_bind_template_callback (widget_class, tab_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "uprworkshoppage");

  /* Alt+1…3 are in the template: a window-wide (managed) shortcut controller. */
  gtk_widget_class_install_action (widget_class, "workshop.tab", "s", tab_action);
  gtk_widget_class_install_action (widget_class, "workshop.export", NULL, export_action);

  load_style ();
}

static void
upr_workshop_page_init (UprWorkshopPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->content, "none");
  gtk_widget_set_visible (self->header, FALSE);
}

/* Public API */

GtkWidget *
upr_workshop_page_new (UprContext *context)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);

  return g_object_new (UPR_TYPE_WORKSHOP_PAGE, "context", context, NULL);
}

UprContext *
upr_workshop_page_get_context (UprWorkshopPage *self)
{
  g_return_val_if_fail (UPR_IS_WORKSHOP_PAGE (self), NULL);

  return self->context;
}

UprWorkshop *
upr_workshop_page_get_workshop (UprWorkshopPage *self)
{
  g_return_val_if_fail (UPR_IS_WORKSHOP_PAGE (self), NULL);

  return self->workshop;
}

void
upr_workshop_page_set_workshop (UprWorkshopPage *self,
                                UprWorkshop     *workshop)
{
  g_return_if_fail (UPR_IS_WORKSHOP_PAGE (self));
  g_return_if_fail (workshop == NULL || UPR_IS_WORKSHOP (workshop));

  if (self->workshop == workshop)
    return;
  if (self->workshop != NULL)
    g_clear_signal_handler (&self->notify_id, self->workshop);
  g_set_object (&self->workshop, workshop);
  if (workshop != NULL)
    self->notify_id = g_signal_connect_swapped (workshop, "notify", G_CALLBACK (update_header),
                                                self);
  update_header (self);
  gtk_stack_set_visible_child_name (self->content, workshop != NULL ? "workshop" : "none");
  gtk_widget_set_visible (self->header, workshop != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

const char *
upr_workshop_page_get_tab (UprWorkshopPage *self)
{
  g_return_val_if_fail (UPR_IS_WORKSHOP_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
upr_workshop_page_set_tab (UprWorkshopPage *self,
                           const char      *tab)
{
  g_return_if_fail (UPR_IS_WORKSHOP_PAGE (self));

  if (tab != NULL && gtk_stack_get_child_by_name (self->stack, tab) != NULL)
    gtk_stack_set_visible_child_name (self->stack, tab);
}

void
upr_workshop_page_flush (UprWorkshopPage *self)
{
  g_return_if_fail (UPR_IS_WORKSHOP_PAGE (self));

  upr_details_editor_flush (self->details);
}
