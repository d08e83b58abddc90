/* upr-import-assistant-column-row.c: see the header. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-import-assistant-column-row.h"

#include "upr-form.h"

struct _UprImportAssistantColumnRow
{
  GtkListBoxRow parent_instance;

  /* template widgets */
  GtkImage    *unplaced_icon;
  GtkLabel    *name_label;
  GtkLabel    *samples_label;
  GtkDropDown *field_drop_down;

  guint        column;
  gboolean     setting;
};

G_DEFINE_FINAL_TYPE (UprImportAssistantColumnRow, upr_import_assistant_column_row,
                     GTK_TYPE_LIST_BOX_ROW)

enum { FIELD_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_placed (UprImportAssistantColumnRow *self)
{
  gboolean unplaced = gtk_drop_down_get_selected (self->field_drop_down) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->unplaced_icon), unplaced);
  if (unplaced)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unplaced");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unplaced");
}

static void
field_selected_cb (UprImportAssistantColumnRow *self)
{
  show_placed (self);
  if (!self->setting)
    g_signal_emit (self, signals[FIELD_CHANGED], 0,
                   gtk_drop_down_get_selected (self->field_drop_down));
}

static void
upr_import_assistant_column_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPR_TYPE_IMPORT_ASSISTANT_COLUMN_ROW);

  G_OBJECT_CLASS (upr_import_assistant_column_row_parent_class)->dispose (object);
}

static void
upr_import_assistant_column_row_class_init (UprImportAssistantColumnRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_import_assistant_column_row_dispose;

  signals[FIELD_CHANGED] = g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/upr_info/Upright/upr-import-assistant-column-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UprImportAssistantColumnRow, unplaced_icon);
  gtk_widget_class_bind_template_child (widget_class, UprImportAssistantColumnRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, UprImportAssistantColumnRow, samples_label);
  gtk_widget_class_bind_template_child (widget_class, UprImportAssistantColumnRow,
                                        field_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, field_selected_cb);
}

static void
upr_import_assistant_column_row_init (UprImportAssistantColumnRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upr_form_add_drop_down_keys (self->field_drop_down);
}

UprImportAssistantColumnRow *
upr_import_assistant_column_row_new (guint       column,
                                     const char *name,
                                     const char *samples,
                                     GListModel *fields,
                                     guint       field)
{
  UprImportAssistantColumnRow *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (fields), NULL);

  self = g_object_new (UPR_TYPE_IMPORT_ASSISTANT_COLUMN_ROW, NULL);
  self->column = column;
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->samples_label, samples != NULL && samples[0] != '\0'
                                             ? samples : _("No values"));
  if (samples != NULL && samples[0] != '\0')
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->samples_label), samples);
  self->setting = TRUE;
  gtk_drop_down_set_model (self->field_drop_down, fields);
  self->setting = FALSE;
  upr_import_assistant_column_row_set_field (self, field);

  /* Translators: the accessible name of a column's field chooser; %s is the column's header. */
  label = g_strdup_printf (_("Field of the column “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->field_drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->samples_label), -1);
  return self;
}

guint
upr_import_assistant_column_row_get_column (UprImportAssistantColumnRow *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_COLUMN_ROW (self), 0);

  return self->column;
}

guint
upr_import_assistant_column_row_get_field (UprImportAssistantColumnRow *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_COLUMN_ROW (self), 0);

  return gtk_drop_down_get_selected (self->field_drop_down);
}

void
upr_import_assistant_column_row_set_field (UprImportAssistantColumnRow *self,
                                           guint                        field)
{
  g_return_if_fail (UPR_IS_IMPORT_ASSISTANT_COLUMN_ROW (self));

  self->setting = TRUE;
  gtk_drop_down_set_selected (self->field_drop_down, field);
  self->setting = FALSE;
  show_placed (self);
}

GtkDropDown *
upr_import_assistant_column_row_get_drop_down (UprImportAssistantColumnRow *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_COLUMN_ROW (self), NULL);

  return self->field_drop_down;
}
