/* upr-indicators-editor.c: a recommendation's indicators; see the header.
 *
 * Built as the planned actions beside it are (upr-planned-actions-editor.c): a GtkListBox
 * rebuilt from the store after each change, one form for adding and editing that saves what
 * it holds, when complete, before it is opened again or another recommendation is shown. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-context.h"
#include "upr-form.h"
#include "upr-implementation-row.h"
#include "upr-indicator.h"
#include "upr-indicators-editor.h"
#include "upr-store.h"
#include "upr-undo-bar.h"

struct _UprIndicatorsEditor
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkButton  *add_button;
  GtkLabel   *summary_label;
  GtkListBox *list;
  GtkFrame   *form;
  GtkLabel   *form_title;
  GtkEntry   *description_entry;
  GtkEntry   *baseline_entry;
  GtkEntry   *target_entry;
  GtkEntry   *verification_entry;
  GtkLabel   *message;

  /* owned */
  UprContext *context;
  UprUndoBar *undo_bar;
  char       *recommendation_id;
  GListModel *indicators; /* UprIndicator as stored, in the order they were added */
  UprRecord  *editing;    /* a copy of the indicator in the form; NULL: a new one */
  gboolean    form_open;
  guint       busy;       /* our own store calls: their ::changed needs no reload */
  gulong      changed_id;
};

G_DEFINE_FINAL_TYPE (UprIndicatorsEditor, upr_indicators_editor, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_RECOMMENDATION_ID, PROP_UNDO_BAR, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* What Undo needs after an indicator was deleted. */
typedef struct
{
  UprIndicatorsEditor *editor;
  UprRecord           *indicator;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->editor);
  g_object_unref (removal->indicator);
  g_free (removal);
}

/* Helpers */

static UprStore *
store_of (UprIndicatorsEditor *self)
{
  return upr_context_get_store (self->context);
}

/* "Baseline: 12 % · Target: 40 % by 2026 · Verification: annual report": what is known. */
static char *
describe (UprRecord *indicator)
{
  const char *baseline = upr_record_get_string (indicator, "baseline");
  const char *target = upr_record_get_string (indicator, "target");
  const char *verification = upr_record_get_string (indicator, "means-of-verification");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (baseline != NULL)
    /* Translators: the baseline of an indicator */
    g_ptr_array_add (parts, g_strdup_printf (_("Baseline: %s"), baseline));
  if (target != NULL)
    /* Translators: the target of an indicator */
    g_ptr_array_add (parts, g_strdup_printf (_("Target: %s"), target));
  if (verification != NULL)
    /* Translators: the means of verification of an indicator */
    g_ptr_array_add (parts, g_strdup_printf (_("Verification: %s"), verification));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_summary (UprIndicatorsEditor *self)
{
  guint n = self->indicators != NULL ? g_list_model_get_n_items (self->indicators) : 0;
  g_autofree char *summary = NULL;

  if (n == 0)
    summary = g_strdup (_("No indicator yet."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators", n),
                               n);
  gtk_label_set_text (self->summary_label, summary);
}

static void
reload (UprIndicatorsEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_object (&self->indicators);
  if (self->context != NULL && self->recommendation_id != NULL)
    {
      self->indicators = upr_store_list_indicators (store_of (self), self->recommendation_id,
                                                    &error);
      if (self->indicators == NULL)
        upr_form_show_error (NULL, self->message, error->message);
    }
  n = self->indicators != NULL ? g_list_model_get_n_items (self->indicators) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) indicator = g_list_model_get_item (self->indicators, i);
      g_autofree char *detail = describe (indicator);

      gtk_list_box_append (self->list,
                           upr_implementation_row_new (upr_record_get_id (indicator),
                                                       upr_record_get_string (indicator, "text"),
                                                       detail, FALSE));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  update_summary (self);
}

static UprRecord *
find_indicator (UprIndicatorsEditor *self,
                const char          *id,
                int                 *position)
{
  guint n = self->indicators != NULL ? g_list_model_get_n_items (self->indicators) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) indicator = g_list_model_get_item (self->indicators, i);

      if (g_strcmp0 (upr_record_get_id (indicator), id) == 0)
        {
          if (position != NULL)
            *position = (int) i;
          return indicator;
        }
    }
  return NULL;
}

/* The row of @id, else the one at @position (or the last), else the Add button. */
static void
focus_row (UprIndicatorsEditor *self,
           const char          *id,
           int                  position)
{
  GtkListBoxRow *row = NULL;

  if (id != NULL && find_indicator (self, id, &position) == NULL)
    position = -1;
  if (position >= 0)
    {
      guint n = g_list_model_get_n_items (self->indicators);

      if (n > 0)
        row = gtk_list_box_get_row_at_index (self->list, MIN ((guint) position, n - 1));
    }
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static void
update_actions (UprIndicatorsEditor *self)
{
  gboolean ready = self->context != NULL && self->recommendation_id != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "implementation.add", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "implementation.edit", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "implementation.delete", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "implementation.save",
                                 ready && self->form_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "implementation.cancel", self->form_open);
}

static void
close_form (UprIndicatorsEditor *self)
{
  self->form_open = FALSE;
  g_clear_object (&self->editing);
  upr_form_show_error (GTK_WIDGET (self->description_entry), self->message, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->form), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), TRUE);
  update_actions (self);
}

static void
fill_form (UprIndicatorsEditor *self,
           UprRecord           *indicator)
{
  upr_form_set_text (GTK_EDITABLE (self->description_entry),
                     indicator != NULL ? upr_record_get_string (indicator, "text") : NULL);
  upr_form_set_text (GTK_EDITABLE (self->baseline_entry),
                     indicator != NULL ? upr_record_get_string (indicator, "baseline") : NULL);
  upr_form_set_text (GTK_EDITABLE (self->target_entry),
                     indicator != NULL ? upr_record_get_string (indicator, "target") : NULL);
  upr_form_set_text (GTK_EDITABLE (self->verification_entry),
                     indicator != NULL ? upr_record_get_string (indicator, "means-of-verification")
                                       : NULL);
}

/* Saves the form; FALSE (the form open, the field marked) when it is incomplete or refused.
 * @focus: put the focus on the saved row (not when another recommendation is being chosen). */
static gboolean
save_form (UprIndicatorsEditor *self,
           gboolean             focus)
{
  g_autofree char *text = upr_form_get_text (GTK_EDITABLE (self->description_entry));
  g_autofree char *baseline = upr_form_get_text (GTK_EDITABLE (self->baseline_entry));
  g_autofree char *target = upr_form_get_text (GTK_EDITABLE (self->target_entry));
  g_autofree char *verification = upr_form_get_text (GTK_EDITABLE (self->verification_entry));
  g_autoptr(UprRecord) indicator = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  upr_form_show_error (GTK_WIDGET (self->description_entry), self->message, NULL);
  if (text == NULL)
    {
      upr_form_show_error (GTK_WIDGET (self->description_entry), self->message,
                           _("Say what the indicator measures."));
      return FALSE;
    }

  indicator = self->editing != NULL ? upr_record_copy (self->editing)
                                    : UPR_RECORD (upr_indicator_new ());
  upr_record_set_string (indicator, "recommendation-id", self->recommendation_id);
  upr_record_set_string (indicator, "text", text);
  upr_record_set_string (indicator, "baseline", baseline);
  upr_record_set_string (indicator, "target", target);
  upr_record_set_string (indicator, "means-of-verification", verification);

  self->busy++;
  ok = upr_store_save (store_of (self), indicator, &error);
  self->busy--;
  if (!ok)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return FALSE;
    }
  close_form (self);
  reload (self);
  if (focus)
    focus_row (self, upr_record_get_id (indicator), -1);
  return TRUE;
}

static void
open_form (UprIndicatorsEditor *self,
           UprRecord           *shown)
{
  /* Saving what the form held reloads the list, which holds @shown. */
  g_autoptr(UprRecord) indicator = shown != NULL ? g_object_ref (shown) : NULL;

  upr_indicators_editor_flush (self);

  g_clear_object (&self->editing);
  if (indicator != NULL)
    self->editing = upr_record_copy (indicator);
  gtk_label_set_text (self->form_title, indicator != NULL ? _("Edit Indicator")
                                                          : _("New Indicator"));
  fill_form (self, indicator);
  upr_form_show_error (GTK_WIDGET (self->description_entry), self->message, NULL);
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
  UprIndicatorsEditor *self = removal->editor;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->context == NULL)
    return;
  self->busy++;
  ok = upr_store_save (store_of (self), removal->indicator, &error);
  self->busy--;
  if (!ok)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return;
    }
  if (g_strcmp0 (self->recommendation_id,
                 upr_record_get_string (removal->indicator, "recommendation-id")) != 0)
    return;
  reload (self);
  focus_row (self, upr_record_get_id (removal->indicator), -1);
}

static void
delete_indicator (UprIndicatorsEditor *self,
                  UprRecord           *indicator,
                  int                  position)
{
  g_autoptr(UprRecord) kept = upr_record_copy (indicator);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Removal *removal;
  gboolean ok;

  if (self->editing != NULL
      && g_strcmp0 (upr_record_get_id (self->editing), upr_record_get_id (indicator)) == 0)
    close_form (self);
  self->busy++;
  ok = upr_store_delete (store_of (self), indicator, &error);
  self->busy--;
  if (!ok)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return;
    }
  reload (self);
  focus_row (self, NULL, position);

  if (self->undo_bar == NULL)
    return;
  removal = g_new0 (Removal, 1);
  removal->editor = g_object_ref (self);
  removal->indicator = g_steal_pointer (&kept);
  /* Translators: shown after an indicator was deleted, with an Undo button */
  text = g_strdup_printf (_("Indicator “%s” deleted"),
                          upr_record_get_string (removal->indicator, "text"));
  upr_undo_bar_offer (self->undo_bar, text, undo_removal, NULL, removal, removal_free);
}

/* Signal callbacks */

static void
row_activated_cb (UprIndicatorsEditor *self,
                  GtkListBoxRow       *row)
{
  const char *id = upr_implementation_row_get_record_id (UPR_IMPLEMENTATION_ROW (row));
  UprRecord *indicator = find_indicator (self, id, NULL);

  if (indicator != NULL)
    open_form (self, indicator);
}

static void
entry_activated_cb (UprIndicatorsEditor *self)
{
  if (self->form_open)
    save_form (self, TRUE);
}

static void
store_changed_cb (UprIndicatorsEditor *self)
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
  open_form (UPR_INDICATORS_EDITOR (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (widget);
  UprRecord *indicator = find_indicator (self, g_variant_get_string (parameter, NULL), NULL);

  if (indicator != NULL)
    open_form (self, indicator);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (widget);
  int position = -1;
  UprRecord *indicator = find_indicator (self, g_variant_get_string (parameter, NULL),
                                         &position);

  if (indicator != NULL)
    delete_indicator (self, indicator, position);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_form (UPR_INDICATORS_EDITOR (widget), TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (widget);
  g_autofree char *id = self->editing != NULL
                        ? g_strdup (upr_record_get_id (self->editing)) : NULL;

  close_form (self);
  focus_row (self, id, -1);
}

/* Overrides */

static void
set_context (UprIndicatorsEditor *self,
             UprContext          *context)
{
  /* Set once: by the constructor, or by the editor that holds the template. */
  g_return_if_fail (self->context == NULL);
  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  self->changed_id = g_signal_connect_swapped (store_of (self), "changed::indicator",
                                               G_CALLBACK (store_changed_cb), self);
  reload (self);
  update_actions (self);
}

static void
upr_indicators_editor_dispose (GObject *object)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (object);
  GtkWidget *child;

  if (self->context != NULL)
    {
      upr_indicators_editor_flush (self);
      g_clear_signal_handler (&self->changed_id, store_of (self));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_INDICATORS_EDITOR);
  /* The template's top box is not bound to a field, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->editing);
  g_clear_object (&self->indicators);
  g_clear_object (&self->undo_bar);
  g_clear_object (&self->context);
  g_clear_pointer (&self->recommendation_id, g_free);

  G_OBJECT_CLASS (upr_indicators_editor_parent_class)->dispose (object);
}

static void
upr_indicators_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_RECOMMENDATION_ID:
      g_value_set_string (value, self->recommendation_id);
      break;
    case PROP_UNDO_BAR:
      g_value_set_object (value, self->undo_bar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_indicators_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_RECOMMENDATION_ID:
      upr_indicators_editor_set_recommendation_id (self, g_value_get_string (value));
      break;
    case PROP_UNDO_BAR:
      if (g_set_object (&self->undo_bar, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_indicators_editor_class_init (UprIndicatorsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = upr_indicators_editor_dispose;
  object_class->get_property = upr_indicators_editor_get_property;
  object_class->set_property = upr_indicators_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT, flags);
  properties[PROP_RECOMMENDATION_ID] =
    g_param_spec_string ("recommendation-id", NULL, NULL, NULL, flags);
  properties[PROP_UNDO_BAR] =
    g_param_spec_object ("undo-bar", NULL, NULL, UPR_TYPE_UNDO_BAR, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-indicators-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, UprIndicatorsEditor, name)
  CHILD (add_button);
  CHILD (summary_label);
  CHILD (list);
  CHILD (form);
  CHILD (form_title);
  CHILD (description_entry);
  CHILD (baseline_entry);
  CHILD (target_entry);
  CHILD (verification_entry);
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

static void
upr_indicators_editor_init (UprIndicatorsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_summary (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  update_actions (self);
}

/* Public API */

GtkWidget *
upr_indicators_editor_new (UprContext *context)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);

  return g_object_new (UPR_TYPE_INDICATORS_EDITOR, "context", context, NULL);
}

const char *
upr_indicators_editor_get_recommendation_id (UprIndicatorsEditor *self)
{
  g_return_val_if_fail (UPR_IS_INDICATORS_EDITOR (self), NULL);

  return self->recommendation_id;
}

void
upr_indicators_editor_set_recommendation_id (UprIndicatorsEditor *self,
                                             const char          *id)
{
  g_return_if_fail (UPR_IS_INDICATORS_EDITOR (self));

  if (g_strcmp0 (self->recommendation_id, id) == 0)
    return;
  /* What the form held belongs to the previous recommendation. */
  upr_indicators_editor_flush (self);
  g_free (self->recommendation_id);
  self->recommendation_id = g_strdup (id);
  upr_form_show_error (NULL, self->message, NULL);
  reload (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDATION_ID]);
}

GListModel *
upr_indicators_editor_get_indicators (UprIndicatorsEditor *self)
{
  g_return_val_if_fail (UPR_IS_INDICATORS_EDITOR (self), NULL);

  return self->indicators;
}

void
upr_indicators_editor_flush (UprIndicatorsEditor *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (UPR_IS_INDICATORS_EDITOR (self));

  if (!self->form_open)
    return;
  text = upr_form_get_text (GTK_EDITABLE (self->description_entry));
  /* An incomplete form cannot be saved; it goes with the recommendation it was for. */
  if (text == NULL || self->context == NULL || self->recommendation_id == NULL
      || !save_form (self, FALSE))
    close_form (self);
}
