/* upr-implementation-row.c: a planned action or an indicator in a list; see the header.
 *
 * Rows are rebuilt whenever their list is read again (a recommendation has a handful), so
 * everything they show is fixed at construction. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-implementation-row.h"

struct _UprImplementationRow
{
  GtkListBoxRow parent_instance;

  /* template widgets */
  GtkLabel     *title_label;
  GtkLabel     *detail_label;
  GtkLabel     *overdue_label;
  GtkButton    *edit_button;
  GtkButton    *delete_button;

  /* owned */
  char         *record_id;
  char         *title;
  char         *detail;
  gboolean      overdue;
};

G_DEFINE_FINAL_TYPE (UprImplementationRow, upr_implementation_row, GTK_TYPE_LIST_BOX_ROW)

enum { PROP_0, PROP_RECORD_ID, PROP_TITLE, PROP_DETAIL, PROP_OVERDUE, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
update (UprImplementationRow *self)
{
  g_autofree char *edit_name = NULL;
  g_autofree char *delete_name = NULL;
  g_autoptr(GString) accessible = g_string_new (self->title);

  gtk_label_set_text (self->title_label, self->title);
  gtk_label_set_text (self->detail_label, self->detail != NULL ? self->detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), self->detail != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), self->overdue);

  /* Translators: the accessible name of the button that edits a planned action or an
   * indicator; %s is its text */
  edit_name = g_strdup_printf (_("Edit “%s”"), self->title);
  /* Translators: the accessible name of the button that deletes a planned action or an
   * indicator; %s is its text */
  delete_name = g_strdup_printf (_("Delete “%s”"), self->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", self->record_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", self->record_id);

  /* One sentence for a screen reader instead of three fragments. */
  if (self->detail != NULL)
    g_string_append_printf (accessible, ". %s", self->detail);
  if (self->overdue)
    g_string_append_printf (accessible, ". %s", _("Overdue"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible->str, -1);
}

/* Signal callbacks */

static gboolean
delete_pressed_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  UprImplementationRow *self = UPR_IMPLEMENTATION_ROW (widget);

  return gtk_widget_activate_action (widget, "implementation.delete", "s", self->record_id);
}

/* Overrides */

static void
upr_implementation_row_constructed (GObject *object)
{
  G_OBJECT_CLASS (upr_implementation_row_parent_class)->constructed (object);

  update (UPR_IMPLEMENTATION_ROW (object));
}

static void
upr_implementation_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPR_TYPE_IMPLEMENTATION_ROW);

  G_OBJECT_CLASS (upr_implementation_row_parent_class)->dispose (object);
}

static void
upr_implementation_row_finalize (GObject *object)
{
  UprImplementationRow *self = UPR_IMPLEMENTATION_ROW (object);

  g_free (self->record_id);
  g_free (self->title);
  g_free (self->detail);

  G_OBJECT_CLASS (upr_implementation_row_parent_class)->finalize (object);
}

static void
upr_implementation_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UprImplementationRow *self = UPR_IMPLEMENTATION_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD_ID:
      g_value_set_string (value, self->record_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_implementation_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  UprImplementationRow *self = UPR_IMPLEMENTATION_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD_ID:
      self->record_id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      self->title = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value)
                                                                   : "");
      break;
    case PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;
    case PROP_OVERDUE:
      self->overdue = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_implementation_row_class_init (UprImplementationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = upr_implementation_row_constructed;
  object_class->dispose = upr_implementation_row_dispose;
  object_class->finalize = upr_implementation_row_finalize;
  object_class->get_property = upr_implementation_row_get_property;
  object_class->set_property = upr_implementation_row_set_property;

  properties[PROP_RECORD_ID] = g_param_spec_string ("record-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-implementation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UprImplementationRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UprImplementationRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, UprImplementationRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, UprImplementationRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, UprImplementationRow, delete_button);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_pressed_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_pressed_cb, NULL);
}

static void
upr_implementation_row_init (UprImplementationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
upr_implementation_row_new (const char *record_id,
                            const char *title,
                            const char *detail,
                            gboolean    overdue)
{
  g_return_val_if_fail (record_id != NULL, NULL);

  return g_object_new (UPR_TYPE_IMPLEMENTATION_ROW,
                       "record-id", record_id,
                       "title", title,
                       "detail", detail,
                       "overdue", overdue,
                       NULL);
}

const char *
upr_implementation_row_get_record_id (UprImplementationRow *self)
{
  g_return_val_if_fail (UPR_IS_IMPLEMENTATION_ROW (self), NULL);

  return self->record_id;
}

const char *
upr_implementation_row_get_title (UprImplementationRow *self)
{
  g_return_val_if_fail (UPR_IS_IMPLEMENTATION_ROW (self), NULL);

  return self->title;
}

const char *
upr_implementation_row_get_detail (UprImplementationRow *self)
{
  g_return_val_if_fail (UPR_IS_IMPLEMENTATION_ROW (self), NULL);

  return self->detail;
}

gboolean
upr_implementation_row_get_overdue (UprImplementationRow *self)
{
  g_return_val_if_fail (UPR_IS_IMPLEMENTATION_ROW (self), FALSE);

  return self->overdue;
}
