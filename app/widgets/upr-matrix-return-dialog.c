/* upr-matrix-return-dialog.c: shows a returned matrix's changes and applies them.
 *
 * The file is read in a thread (a matrix of a whole country can be large); the comparison
 * with the store runs on the main thread, which owns the store. Rows that could not be read,
 * or that both the partner and the officer changed since the export, are listed under the
 * changes: the officer sees what is left out before applying.
 *
 * Assessments need a partner that can make one: the dialog says so as soon as the partner is
 * named, asks the type of a new one, and can leave the assessments out. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-matrix-return-dialog.h"

#include "upr-context.h"
#include "upr-form.h"
#include "upr-matrix-return.h"
#include "upr-organisation-entry.h"
#include "upr-record.h"
#include "upr-store.h"

/* One line of the diff, for the column view's cells. */
#define UPR_TYPE_MATRIX_RETURN_ITEM (upr_matrix_return_item_get_type ())
G_DECLARE_FINAL_TYPE (UprMatrixReturnItem, upr_matrix_return_item, UPR, MATRIX_RETURN_ITEM,
                      GObject)

struct _UprMatrixReturnItem
{
  GObject parent_instance;

  char *reference;
  char *column;
  char *old_value;
  char *new_value;
};

G_DEFINE_FINAL_TYPE (UprMatrixReturnItem, upr_matrix_return_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_REFERENCE,
  ITEM_PROP_COLUMN,
  ITEM_PROP_OLD_VALUE,
  ITEM_PROP_NEW_VALUE,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

struct _UprMatrixReturnDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel             *summary_label;
  GListStore           *items;
  GtkLabel             *problems_label;
  UprOrganisationEntry *partner_entry;
  GtkDropDown          *type_drop_down;
  GtkLabel             *error_label;
  GtkWidget            *leave_out_button;

  /* owned */
  UprContext      *context;
  GFile           *file;
  GCancellable    *cancellable;
  UprMatrixReturn *matrix;
};

G_DEFINE_FINAL_TYPE (UprMatrixReturnDialog, upr_matrix_return_dialog, GTK_TYPE_WINDOW)

/* The item */

static void
upr_matrix_return_item_finalize (GObject *object)
{
  UprMatrixReturnItem *self = UPR_MATRIX_RETURN_ITEM (object);

  g_free (self->reference);
  g_free (self->column);
  g_free (self->old_value);
  g_free (self->new_value);
  G_OBJECT_CLASS (upr_matrix_return_item_parent_class)->finalize (object);
}

static void
upr_matrix_return_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UprMatrixReturnItem *self = UPR_MATRIX_RETURN_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_REFERENCE: g_value_set_string (value, self->reference); break;
    case ITEM_PROP_COLUMN: g_value_set_string (value, self->column); break;
    case ITEM_PROP_OLD_VALUE: g_value_set_string (value, self->old_value); break;
    case ITEM_PROP_NEW_VALUE: g_value_set_string (value, self->new_value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_matrix_return_item_class_init (UprMatrixReturnItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = upr_matrix_return_item_finalize;
  object_class->get_property = upr_matrix_return_item_get_property;
  item_properties[ITEM_PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL,
                                                              flags);
  item_properties[ITEM_PROP_COLUMN] = g_param_spec_string ("column", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL,
                                                              flags);
  item_properties[ITEM_PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL,
                                                              flags);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
upr_matrix_return_item_init (UprMatrixReturnItem *self)
{
}

/* A value on one line of the list: the cells are one line high. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  return g_strjoinv (" / ", lines);
}

static UprMatrixReturnItem *
item_new (const UprMatrixReturnChange *change)
{
  UprMatrixReturnItem *self = g_object_new (UPR_TYPE_MATRIX_RETURN_ITEM, NULL);

  self->reference = g_strdup (change->reference);
  self->column = g_strdup (upr_matrix_return_field_label (change->field));
  self->old_value = one_line (change->old_value);
  self->new_value = one_line (change->new_value);
  return self;
}

/* Helpers */

static void
show_error (UprMatrixReturnDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_problems (UprMatrixReturnDialog *self)
{
  GPtrArray *problems = upr_matrix_return_get_problems (self->matrix);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const UprMatrixReturnProblem *problem = problems->pdata[i];

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (problem->column != NULL)
        /* Translators: a row number and a column of the workbook, then what is wrong. */
        g_string_append_printf (text, _("Row %u, column “%s”: %s"), problem->row,
                                problem->column, problem->message);
      else
        g_string_append_printf (text, _("Row %u: %s"), problem->row, problem->message);
    }
  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems->len > 0);
}

/* The partner named, as upr_matrix_return_apply_as() takes it, and the type of a new one. */
static const char *
partner (UprMatrixReturnDialog  *self,
         const char            **stakeholder_type)
{
  UprOrganisation *known = upr_organisation_entry_get_organisation (self->partner_entry);

  *stakeholder_type = known == NULL ? upr_form_get_vocab_id (self->type_drop_down) : NULL;
  return known != NULL ? upr_record_get_string (UPR_RECORD (known), "id")
                       : upr_organisation_entry_get_text (self->partner_entry);
}

/* Says at once when the partner named cannot make the matrix's assessments; a partner not
 * named yet is said only on Apply. */
static void
check_partner (UprMatrixReturnDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *type;
  const char *name = partner (self, &type);
  gboolean named = name != NULL && name[0] != '\0';

  if (self->matrix == NULL)
    return;
  if (!named || upr_matrix_return_check_partner (self->matrix,
                                                  upr_context_get_store (self->context), name,
                                                  type, &error))
    {
      show_error (self, NULL);
      gtk_widget_set_visible (self->leave_out_button, FALSE);
      return;
    }
  show_error (self, error->message);
  gtk_widget_set_visible (self->leave_out_button,
                          upr_matrix_return_has_assessments (self->matrix));
}

static void
partner_changed_cb (UprMatrixReturnDialog *self)
{
  upr_organisation_entry_sync_stakeholder (self->partner_entry, self->type_drop_down);
  check_partner (self);
}

static void
type_changed_cb (UprMatrixReturnDialog *self)
{
  check_partner (self);
}

static void
show_matrix (UprMatrixReturnDialog *self)
{
  GPtrArray *changes = upr_matrix_return_get_changes (self->matrix);
  guint n_problems = upr_matrix_return_get_problems (self->matrix)->len;
  g_autofree char *summary = NULL;

  g_list_store_remove_all (self->items);
  for (guint i = 0; i < changes->len; i++)
    {
      g_autoptr(UprMatrixReturnItem) item = item_new (changes->pdata[i]);

      g_list_store_append (self->items, item);
    }
  if (changes->len == 0)
    summary = g_strdup (_("The matrix holds no change."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change to apply.",
                                            "%u changes to apply.", changes->len),
                               changes->len);
  if (n_problems > 0)
    {
      g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u row is left out:",
                                                            "%u rows are left out:",
                                                            n_problems),
                                               n_problems);
      char *both = g_strconcat (summary, " ", rows, NULL);

      g_free (summary);
      summary = both;
    }
  gtk_label_set_text (self->summary_label, summary);
  show_problems (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.apply", changes->len > 0);
  check_partner (self);
}

/* Reading */

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  UprTable *table = upr_table_read (task_data, NULL, cancellable, &error);

  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, g_object_unref);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprTable) table = g_task_propagate_pointer (G_TASK (result), &error);
  UprMatrixReturnDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_error_matches (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_CANCELLED))
    return;
  self = UPR_MATRIX_RETURN_DIALOG (object);
  if (table != NULL)
    self->matrix = upr_matrix_return_new (upr_context_get_store (self->context), table, NULL,
                                          &error);
  if (self->matrix == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      show_error (self, error->message);
      return;
    }
  show_matrix (self);
}

static void
start_reading (UprMatrixReturnDialog *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, read_done_cb, NULL);

  gtk_label_set_text (self->summary_label, _("Reading the workbook…"));
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

/* Actions */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UprMatrixReturnDialog *self = UPR_MATRIX_RETURN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  const char *type;
  const char *name = partner (self, &type);

  if (self->matrix == NULL)
    return;
  if (!upr_matrix_return_apply_as (self->matrix, upr_context_get_store (self->context), name,
                                   type, NULL, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The rest can still be recorded as the partner's. */
static void
leave_out_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UprMatrixReturnDialog *self = UPR_MATRIX_RETURN_DIALOG (widget);

  if (self->matrix == NULL || upr_matrix_return_leave_out_assessments (self->matrix) == 0)
    return;
  show_matrix (self);
}

/* Overrides */

static void
upr_matrix_return_dialog_dispose (GObject *object)
{
  UprMatrixReturnDialog *self = UPR_MATRIX_RETURN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_MATRIX_RETURN_DIALOG);
  G_OBJECT_CLASS (upr_matrix_return_dialog_parent_class)->dispose (object);
}

static void
upr_matrix_return_dialog_finalize (GObject *object)
{
  UprMatrixReturnDialog *self = UPR_MATRIX_RETURN_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->matrix, upr_matrix_return_free);
  G_OBJECT_CLASS (upr_matrix_return_dialog_parent_class)->finalize (object);
}

static void
upr_matrix_return_dialog_class_init (UprMatrixReturnDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_matrix_return_dialog_dispose;
  object_class->finalize = upr_matrix_return_dialog_finalize;

  g_type_ensure (UPR_TYPE_MATRIX_RETURN_ITEM);
  g_type_ensure (UPR_TYPE_ORGANISATION_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/"
                                               "upr-matrix-return-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UprMatrixReturnDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UprMatrixReturnDialog, items);
  gtk_widget_class_bind_template_child (widget_class, UprMatrixReturnDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, UprMatrixReturnDialog, partner_entry);
  gtk_widget_class_bind_template_child (widget_class, UprMatrixReturnDialog, type_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprMatrixReturnDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, UprMatrixReturnDialog, leave_out_button);
  gtk_widget_class_bind_template_callback (widget_class, partner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_changed_cb);
  gtk_widget_class_install_action (widget_class, "dialog.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "dialog.leave-out-assessments", NULL,
                                   leave_out_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upr_matrix_return_dialog_init (UprMatrixReturnDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* A new partner is "other" until said otherwise, as everywhere an organisation is named. */
  upr_form_setup_vocab_drop_down (self->type_drop_down, UPR_VOCAB_STAKEHOLDER_TYPE, NULL);
  upr_form_set_vocab_id (self->type_drop_down, "other");
  upr_organisation_entry_sync_stakeholder (self->partner_entry, self->type_drop_down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.apply", FALSE);
}

/* Public API */

void
upr_matrix_return_dialog_present (GtkWindow  *parent,
                                  UprContext *context,
                                  GFile      *file)
{
  UprMatrixReturnDialog *self;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (UPR_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  self = g_object_new (UPR_TYPE_MATRIX_RETURN_DIALOG, "transient-for", parent, "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->file = g_object_ref (file);
  g_object_set (self->partner_entry, "context", context, NULL);
  start_reading (self);
  gtk_window_present (GTK_WINDOW (self));
}
