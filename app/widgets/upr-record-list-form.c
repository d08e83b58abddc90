/* upr-record-list-form.c: the list-and-form behaviour of the planned actions and indicators
 * editors; see the header.
 *
 * A recommendation has a handful of actions or indicators, so the list is a GtkListBox rebuilt
 * from the store after each change. One form serves for adding and for editing; opening it
 * again, or showing another recommendation, first saves what it holds when that is complete,
 * as the rest of the recommendation editor saves typing. */
#include "config.h"

#include "upr-context.h"
#include "upr-form.h"
#include "upr-implementation-row.h"
#include "upr-record-list-form.h"
#include "upr-store.h"

/* What Undo needs after a record was deleted. */
typedef struct
{
  GtkWidget *editor;
  UprRecord *record;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->editor);
  g_object_unref (removal->record);
  g_free (removal);
}

/* Helpers */

/* Where an editor class keeps its UprRecordListFormClass: actions and template callbacks
 * receive only the widget. */
static GQuark
class_quark (void)
{
  return g_quark_from_static_string ("upr-record-list-form-class");
}

static UprRecordListForm *
form_of (GtkWidget *editor)
{
  const UprRecordListFormClass *klass = g_type_get_qdata (G_OBJECT_TYPE (editor), class_quark ());

  g_assert (klass != NULL);
  return G_STRUCT_MEMBER_P (editor, klass->offset);
}

static UprStore *
store_of (UprRecordListForm *self)
{
  return upr_context_get_store (self->context);
}

/* The strings of the class table are only marked for translation where the editors write
 * them; they are translated here, when shown. */
static const char *
translated (const char *msgid)
{
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

static guint
n_records (UprRecordListForm *self)
{
  return self->records != NULL ? g_list_model_get_n_items (self->records) : 0;
}

static GtkWidget *
make_row (UprRecordListForm *self,
          UprRecord         *record)
{
  gboolean overdue = FALSE;
  g_autofree char *detail = self->klass->describe (self->owner, record, &overdue);

  return upr_implementation_row_new (upr_record_get_id (record),
                                     upr_record_get_string (record, "text"), detail, overdue);
}

static void
reload (UprRecordListForm *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  upr_form_clear_list_box (self->list);
  g_clear_object (&self->records);
  if (self->context != NULL && self->recommendation_id != NULL)
    {
      self->records = self->klass->list (store_of (self), self->recommendation_id, &error);
      if (self->records == NULL)
        upr_form_show_error (NULL, self->message, error->message);
    }
  n = n_records (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) record = g_list_model_get_item (self->records, i);

      gtk_list_box_append (self->list, make_row (self, record));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  self->klass->reloaded (self->owner);
}

/* The template child @name goes to a field of the UprRecordListForm inside the editor. */
static void
bind_child (GtkWidgetClass               *widget_class,
            const UprRecordListFormClass *klass,
            const char                   *name,
            gsize                         field_offset)
{
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,
                                             (gssize) (klass->offset + field_offset));
}

/* Borrowed from the list: valid until the next reload. */
static UprRecord *
find_record (UprRecordListForm *self,
             const char        *id,
             int               *position)
{
  guint n = n_records (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) record = g_list_model_get_item (self->records, i);

      if (g_strcmp0 (upr_record_get_id (record), id) == 0)
        {
          if (position != NULL)
            *position = (int) i;
          return record;
        }
    }
  return NULL;
}

/* The row of @id, else the one at @position (or the last), else the Add button. */
static void
focus_row (UprRecordListForm *self,
           const char        *id,
           int                position)
{
  GtkListBoxRow *row = NULL;
  guint n = n_records (self);

  if (id != NULL && find_record (self, id, &position) == NULL)
    position = -1;
  if (position >= 0 && n > 0)
    row = gtk_list_box_get_row_at_index (self->list, MIN ((guint) position, n - 1));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static void
update_actions (UprRecordListForm *self)
{
  GtkWidget *owner = self->owner;
  gboolean ready = self->context != NULL && self->recommendation_id != NULL;

  gtk_widget_action_set_enabled (owner, "implementation.add", ready);
  gtk_widget_action_set_enabled (owner, "implementation.edit", ready);
  gtk_widget_action_set_enabled (owner, "implementation.delete", ready);
  gtk_widget_action_set_enabled (owner, "implementation.save", ready && self->form_open);
  gtk_widget_action_set_enabled (owner, "implementation.cancel", self->form_open);
}

static void
clear_errors (UprRecordListForm *self)
{
  upr_form_show_error (GTK_WIDGET (self->description_entry), self->message, NULL);
  if (self->klass->clear_errors != NULL)
    self->klass->clear_errors (self->owner);
}

static void
close_form (UprRecordListForm *self)
{
  self->form_open = FALSE;
  g_clear_object (&self->editing);
  clear_errors (self);
  if (self->klass->closed != NULL)
    self->klass->closed (self->owner);
  gtk_widget_set_visible (GTK_WIDGET (self->form), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), TRUE);
  update_actions (self);
}

static gboolean
write_record (UprRecordListForm  *self,
              UprRecord          *record,
              GError            **error)
{
  if (self->klass->write != NULL)
    return self->klass->write (self->owner, record, error);
  return upr_store_save (store_of (self), record, error);
}

/* The form as a record to save; NULL (the field marked) when it is incomplete or wrong. */
static UprRecord *
read_form (UprRecordListForm *self)
{
  g_autofree char *text = upr_form_get_text (GTK_EDITABLE (self->description_entry));
  g_autoptr(UprRecord) record = NULL;

  clear_errors (self);
  if (text == NULL)
    {
      upr_form_show_error (GTK_WIDGET (self->description_entry), self->message,
                           translated (self->klass->missing_text));
      return NULL;
    }
  record = self->editing != NULL ? upr_record_copy (self->editing)
                                 : g_object_new (self->klass->record_type (), NULL);
  upr_record_set_string (record, "recommendation-id", self->recommendation_id);
  upr_record_set_string (record, "text", text);
  if (!self->klass->read_form (self->owner, record))
    return NULL;
  return g_steal_pointer (&record);
}

/* Saves the form; FALSE (the form open, the field marked) when it is incomplete or refused.
 * @focus: put the focus on the saved row (not when another recommendation is being chosen). */
static gboolean
save_form (UprRecordListForm *self,
           gboolean           focus)
{
  g_autoptr(UprRecord) record = read_form (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (record == NULL)
    return FALSE;
  self->busy++;
  ok = write_record (self, record, &error);
  self->busy--;
  if (!ok)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return FALSE;
    }
  close_form (self);
  reload (self);
  if (focus)
    focus_row (self, upr_record_get_id (record), -1);
  return TRUE;
}

static void
open_form (UprRecordListForm *self,
           UprRecord         *shown)
{
  /* Saving what the form held reloads the list, which holds @shown. */
  g_autoptr(UprRecord) record = shown != NULL ? g_object_ref (shown) : NULL;

  upr_record_list_form_flush (self);

  g_clear_object (&self->editing);
  if (record != NULL)
    self->editing = upr_record_copy (record);
  gtk_label_set_text (self->form_title, translated (record != NULL ? self->klass->edit_title
                                                                   : self->klass->new_title));
  upr_form_set_text (GTK_EDITABLE (self->description_entry),
                     record != NULL ? upr_record_get_string (record, "text") : NULL);
  self->klass->fill_form (self->owner, record);
  clear_errors (self);
  self->form_open = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->form), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), FALSE);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->description_entry));
}

static void
undo_removal (gpointer data)
{
  Removal *removal = data;
  UprRecordListForm *self = form_of (removal->editor);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* The editor was disposed while the offer stood. */
  if (self->context == NULL)
    return;
  self->busy++;
  ok = upr_store_save (store_of (self), removal->record, &error);
  self->busy--;
  if (!ok)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return;
    }
  if (g_strcmp0 (self->recommendation_id,
                 upr_record_get_string (removal->record, "recommendation-id")) != 0)
    return;
  reload (self);
  focus_row (self, upr_record_get_id (removal->record), -1);
}

static void
offer_undo (UprRecordListForm *self,
            UprRecord         *deleted)
{
  Removal *removal = g_new0 (Removal, 1);
  g_autofree char *text = NULL;

  removal->editor = g_object_ref (self->owner);
  removal->record = deleted;
  text = g_strdup_printf (translated (self->klass->deleted),
                          upr_record_get_string (removal->record, "text"));
  upr_undo_bar_offer (self->undo_bar, text, undo_removal, NULL, removal, removal_free);
}

static void
delete_record (UprRecordListForm *self,
               UprRecord         *record,
               int                position)
{
  /* @record belongs to the list, which the reload below replaces. */
  g_autoptr(UprRecord) kept = upr_record_copy (record);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->editing != NULL
      && g_strcmp0 (upr_record_get_id (self->editing), upr_record_get_id (record)) == 0)
    close_form (self);
  self->busy++;
  ok = upr_store_delete (store_of (self), record, &error);
  self->busy--;
  if (!ok)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return;
    }
  reload (self);
  focus_row (self, NULL, position);
  if (self->undo_bar != NULL)
    offer_undo (self, g_steal_pointer (&kept));
}

/* Signal callbacks (the template's are swapped: @editor first) */

static void
row_activated_cb (GtkWidget     *editor,
                  GtkListBoxRow *row)
{
  UprRecordListForm *self = form_of (editor);
  const char *id = upr_implementation_row_get_record_id (UPR_IMPLEMENTATION_ROW (row));
  UprRecord *record = find_record (self, id, NULL);

  if (record != NULL)
    open_form (self, record);
}

static void
entry_activated_cb (GtkWidget *editor)
{
  UprRecordListForm *self = form_of (editor);

  if (self->form_open)
    save_form (self, TRUE);
}

static void
store_changed_cb (UprRecordListForm *self)
{
  if (self->busy == 0)
    reload (self);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_form (form_of (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UprRecordListForm *self = form_of (widget);
  UprRecord *record = find_record (self, g_variant_get_string (parameter, NULL), NULL);

  if (record != NULL)
    open_form (self, record);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprRecordListForm *self = form_of (widget);
  int position = -1;
  UprRecord *record = find_record (self, g_variant_get_string (parameter, NULL), &position);

  if (record != NULL)
    delete_record (self, record, position);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_form (form_of (widget), TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprRecordListForm *self = form_of (widget);
  g_autofree char *id = self->editing != NULL
                        ? g_strdup (upr_record_get_id (self->editing)) : NULL;

  close_form (self);
  focus_row (self, id, -1);
}

/* Properties */

static void
set_context (UprRecordListForm *self,
             UprContext        *context)
{
  /* Set once: by the constructor, or by the editor that holds the template. */
  g_return_if_fail (self->context == NULL);
  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  if (self->klass->context_set != NULL)
    self->klass->context_set (self->owner, context);
  self->changed_id = g_signal_connect_swapped (store_of (self), self->klass->changed_signal,
                                               G_CALLBACK (store_changed_cb), self);
  reload (self);
  update_actions (self);
}

/* Public API */

void
upr_record_list_form_class_init (GtkWidgetClass               *widget_class,
                                 const UprRecordListFormClass *klass)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (klass != NULL && klass->properties != NULL);

  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), class_quark (), (gpointer) klass);

  klass->properties[UPR_RECORD_LIST_FORM_PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT, flags);
  klass->properties[UPR_RECORD_LIST_FORM_PROP_RECOMMENDATION_ID] =
    g_param_spec_string ("recommendation-id", NULL, NULL, NULL, flags);
  klass->properties[UPR_RECORD_LIST_FORM_PROP_UNDO_BAR] =
    g_param_spec_object ("undo-bar", NULL, NULL, UPR_TYPE_UNDO_BAR, flags);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
#define CHILD(name) \
  bind_child (widget_class, klass, #name, G_STRUCT_OFFSET (UprRecordListForm, name))
  CHILD (add_button);
  CHILD (summary_label);
  CHILD (list);
  CHILD (form);
  CHILD (form_title);
  CHILD (description_entry);
  CHILD (message);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "implementation.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "implementation.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "implementation.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "implementation.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "implementation.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "implementation.cancel", NULL);
}

void
upr_record_list_form_init (UprRecordListForm *self,
                           GtkWidget         *owner)
{
  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (form_of (owner) == self);

  self->owner = owner;
  self->klass = g_type_get_qdata (G_OBJECT_TYPE (owner), class_quark ());
  self->klass->reloaded (owner);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  update_actions (self);
}

void
upr_record_list_form_dispose (UprRecordListForm *self)
{
  GtkWidget *child;

  g_return_if_fail (self != NULL && self->owner != NULL);

  if (self->context != NULL)
    {
      upr_record_list_form_flush (self);
      g_clear_signal_handler (&self->changed_id, store_of (self));
    }
  gtk_widget_dispose_template (self->owner, G_OBJECT_TYPE (self->owner));
  /* The template's top box is not bound to a field, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (self->owner)) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->editing);
  g_clear_object (&self->records);
  g_clear_object (&self->undo_bar);
  g_clear_object (&self->context);
  g_clear_pointer (&self->recommendation_id, g_free);
}

gboolean
upr_record_list_form_get_property (UprRecordListForm *self,
                                   guint              prop_id,
                                   GValue            *value)
{
  switch (prop_id)
    {
    case UPR_RECORD_LIST_FORM_PROP_CONTEXT:
      g_value_set_object (value, self->context);
      return TRUE;
    case UPR_RECORD_LIST_FORM_PROP_RECOMMENDATION_ID:
      g_value_set_string (value, self->recommendation_id);
      return TRUE;
    case UPR_RECORD_LIST_FORM_PROP_UNDO_BAR:
      g_value_set_object (value, self->undo_bar);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
upr_record_list_form_set_property (UprRecordListForm *self,
                                   guint              prop_id,
                                   const GValue      *value)
{
  switch (prop_id)
    {
    case UPR_RECORD_LIST_FORM_PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      return TRUE;
    case UPR_RECORD_LIST_FORM_PROP_RECOMMENDATION_ID:
      upr_record_list_form_set_recommendation_id (self, g_value_get_string (value));
      return TRUE;
    case UPR_RECORD_LIST_FORM_PROP_UNDO_BAR:
      if (g_set_object (&self->undo_bar, g_value_get_object (value)))
        g_object_notify_by_pspec (G_OBJECT (self->owner),
                                  self->klass->properties[UPR_RECORD_LIST_FORM_PROP_UNDO_BAR]);
      return TRUE;
    default:
      return FALSE;
    }
}

void
upr_record_list_form_set_recommendation_id (UprRecordListForm *self,
                                            const char        *id)
{
  g_return_if_fail (self != NULL && self->owner != NULL);

  if (g_strcmp0 (self->recommendation_id, id) == 0)
    return;
  /* What the form held belongs to the previous recommendation. */
  upr_record_list_form_flush (self);
  g_free (self->recommendation_id);
  self->recommendation_id = g_strdup (id);
  upr_form_show_error (NULL, self->message, NULL);
  reload (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self->owner),
                            self->klass->properties[UPR_RECORD_LIST_FORM_PROP_RECOMMENDATION_ID]);
}

void
upr_record_list_form_flush (UprRecordListForm *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (self != NULL && self->owner != NULL);

  if (!self->form_open)
    return;
  text = upr_form_get_text (GTK_EDITABLE (self->description_entry));
  /* An incomplete form cannot be saved; it goes with the recommendation it was for. */
  if (text == NULL || self->context == NULL || self->recommendation_id == NULL
      || !save_form (self, FALSE))
    close_form (self);
}
