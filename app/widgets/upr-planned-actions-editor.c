/* upr-planned-actions-editor.c: a recommendation's planned actions; see the header.
 *
 * A recommendation has a handful of actions, so the list is a GtkListBox rebuilt from the
 * store after each change. One form serves for adding and for editing; opening it again, or
 * showing another recommendation, first saves what it holds when that is complete, as the
 * rest of the editor saves typing. A new responsible organisation is created in the same
 * transaction as the action that names it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-context.h"
#include "upr-date-entry.h"
#include "upr-form.h"
#include "upr-implementation-row.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-planned-action.h"
#include "upr-planned-actions-editor.h"
#include "upr-store.h"
#include "upr-undo-bar.h"
#include "upr-vocab.h"

struct _UprPlannedActionsEditor
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkButton            *add_button;
  GtkLabel             *summary_label;
  GtkListBox           *list;
  GtkFrame             *form;
  GtkLabel             *form_title;
  GtkEntry             *description_entry;
  UprOrganisationEntry *responsible_entry;
  UprDateEntry         *start_entry;
  UprDateEntry         *due_entry;
  GtkEntry             *resources_entry;
  GtkDropDown          *status_drop_down;
  GtkLabel             *message;

  /* owned */
  UprContext           *context;
  UprUndoBar           *undo_bar;
  char                 *recommendation_id;
  char                 *country_code;
  GListModel           *actions;     /* UprPlannedAction as stored, by due date */
  UprRecord            *editing;     /* a copy of the action in the form; NULL: a new one */
  gboolean              form_open;
  guint                 n_overdue;
  guint                 busy;        /* our own store calls: their ::changed needs no reload */
  gulong                changed_id;
};

G_DEFINE_FINAL_TYPE (UprPlannedActionsEditor, upr_planned_actions_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_RECOMMENDATION_ID,
  PROP_COUNTRY_CODE,
  PROP_UNDO_BAR,
  PROP_N_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What Undo needs after an action was deleted. */
typedef struct
{
  UprPlannedActionsEditor *editor;
  UprRecord               *action;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->editor);
  g_object_unref (removal->action);
  g_free (removal);
}

/* Helpers */

static UprStore *
store_of (UprPlannedActionsEditor *self)
{
  return upr_context_get_store (self->context);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
organisation_name (UprPlannedActionsEditor *self,
                   const char              *id)
{
  g_autoptr(UprRecord) organisation = NULL;

  if (id == NULL)
    return NULL;
  organisation = upr_store_load (store_of (self), UPR_TYPE_ORGANISATION, id, NULL);
  return organisation != NULL ? g_strdup (upr_record_get_string (organisation, "name")) : NULL;
}

/* "Ministère de la Justice · 2025-01-15 → 2025-06-30 · In progress · Budget …": the parts
 * that are known. */
static char *
describe (UprPlannedActionsEditor *self,
          UprRecord               *action)
{
  g_autofree char *responsible =
    organisation_name (self, upr_record_get_string (action, "organisation-id"));
  const char *start = upr_record_get_string (action, "start-date");
  const char *due = upr_record_get_string (action, "due-date");
  const char *resources = upr_record_get_string (action, "resources");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (responsible != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&responsible));
  if (start != NULL && due != NULL)
    /* Translators: the period of a planned action, from its start to its due date */
    g_ptr_array_add (parts, g_strdup_printf (_("%s → %s"), start, due));
  else if (due != NULL)
    /* Translators: %s is the due date of a planned action */
    g_ptr_array_add (parts, g_strdup_printf (_("due %s"), due));
  else if (start != NULL)
    /* Translators: %s is the start date of a planned action */
    g_ptr_array_add (parts, g_strdup_printf (_("from %s"), start));
  g_ptr_array_add (parts, g_strdup (upr_vocab_label (UPR_VOCAB_ACTION_STATUS,
                                                     upr_record_get_string (action, "status"))));
  if (resources != NULL)
    g_ptr_array_add (parts, g_strdup (resources));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
set_n_overdue (UprPlannedActionsEditor *self,
               guint                    n_overdue)
{
  if (self->n_overdue == n_overdue)
    return;
  self->n_overdue = n_overdue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
}

static void
update_summary (UprPlannedActionsEditor *self)
{
  guint n = self->actions != NULL ? g_list_model_get_n_items (self->actions) : 0;
  g_autofree char *summary = NULL;

  if (n == 0)
    summary = g_strdup (_("No action planned yet."));
  else if (self->n_overdue == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);
  else
    /* Translators: how many actions are planned, then how many of them are overdue */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action, %u overdue",
                                            "%u actions, %u overdue", n),
                               n, self->n_overdue);
  gtk_label_set_text (self->summary_label, summary);
}

static void
clear_list (UprPlannedActionsEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
reload (UprPlannedActionsEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = today ();
  guint n_overdue = 0;
  guint n;

  clear_list (self);
  g_clear_object (&self->actions);
  if (self->context != NULL && self->recommendation_id != NULL)
    {
      self->actions = upr_store_list_planned_actions (store_of (self), self->recommendation_id,
                                                      &error);
      if (self->actions == NULL)
        upr_form_show_error (NULL, self->message, error->message);
    }
  n = self->actions != NULL ? g_list_model_get_n_items (self->actions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) action = g_list_model_get_item (self->actions, i);
      g_autofree char *detail = describe (self, action);
      gboolean overdue = upr_planned_actions_editor_is_overdue (action, now);

      n_overdue += overdue;
      gtk_list_box_append (self->list,
                           upr_implementation_row_new (upr_record_get_id (action),
                                                       upr_record_get_string (action, "text"),
                                                       detail, overdue));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  set_n_overdue (self, n_overdue);
  update_summary (self);
}

static UprRecord *
find_action (UprPlannedActionsEditor *self,
             const char              *id,
             int                     *position)
{
  guint n = self->actions != NULL ? g_list_model_get_n_items (self->actions) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) action = g_list_model_get_item (self->actions, i);

      if (g_strcmp0 (upr_record_get_id (action), id) == 0)
        {
          if (position != NULL)
            *position = (int) i;
          return action;
        }
    }
  return NULL;
}

/* The row of @id, else the one at @position (or the last), else the Add button. */
static void
focus_row (UprPlannedActionsEditor *self,
           const char              *id,
           int                      position)
{
  GtkListBoxRow *row = NULL;

  if (id != NULL && find_action (self, id, &position) == NULL)
    position = -1;
  if (position >= 0)
    {
      guint n = g_list_model_get_n_items (self->actions);

      if (n > 0)
        row = gtk_list_box_get_row_at_index (self->list, MIN ((guint) position, n - 1));
    }
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static void
update_actions (UprPlannedActionsEditor *self)
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
clear_errors (UprPlannedActionsEditor *self)
{
  upr_form_show_error (GTK_WIDGET (self->description_entry), self->message, NULL);
  upr_form_show_error (GTK_WIDGET (self->start_entry), self->message, NULL);
  upr_form_show_error (GTK_WIDGET (self->due_entry), self->message, NULL);
}

static void
close_form (UprPlannedActionsEditor *self)
{
  self->form_open = FALSE;
  g_clear_object (&self->editing);
  clear_errors (self);
  upr_organisation_entry_close (self->responsible_entry);
  gtk_widget_set_visible (GTK_WIDGET (self->form), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), TRUE);
  update_actions (self);
}

static void
fill_form (UprPlannedActionsEditor *self,
           UprRecord               *action)
{
  g_autofree char *responsible = NULL;

  if (action != NULL)
    responsible = organisation_name (self, upr_record_get_string (action, "organisation-id"));
  upr_form_set_text (GTK_EDITABLE (self->description_entry),
                     action != NULL ? upr_record_get_string (action, "text") : NULL);
  upr_organisation_entry_set_text (self->responsible_entry, responsible);
  upr_organisation_entry_close (self->responsible_entry);
  upr_date_entry_set_text (self->start_entry,
                           action != NULL ? upr_record_get_string (action, "start-date") : NULL);
  upr_date_entry_set_text (self->due_entry,
                           action != NULL ? upr_record_get_string (action, "due-date") : NULL);
  upr_form_set_text (GTK_EDITABLE (self->resources_entry),
                     action != NULL ? upr_record_get_string (action, "resources") : NULL);
  upr_form_set_vocab_id (self->status_drop_down,
                         action != NULL ? upr_record_get_string (action, "status") : "planned");
}

/* The dates typed, checked: FALSE with the field marked when one is wrong. */
static gboolean
read_dates (UprPlannedActionsEditor  *self,
            char                    **start,
            char                    **due)
{
  if (!upr_form_parse_date (upr_date_entry_get_text (self->start_entry), start))
    {
      upr_form_show_error (GTK_WIDGET (self->start_entry), self->message,
                           _("Type the start date as YYYY-MM-DD."));
      return FALSE;
    }
  if (!upr_form_parse_date (upr_date_entry_get_text (self->due_entry), due))
    {
      upr_form_show_error (GTK_WIDGET (self->due_entry), self->message,
                           _("Type the due date as YYYY-MM-DD."));
      return FALSE;
    }
  if (*start != NULL && *due != NULL && strcmp (*due, *start) < 0)
    {
      upr_form_show_error (GTK_WIDGET (self->due_entry), self->message,
                           _("The due date is before the start date."));
      return FALSE;
    }
  return TRUE;
}

/* The responsible organisation as typed: a known one, none, or a new one created now (inside
 * the caller's transaction). */
static gboolean
resolve_responsible (UprPlannedActionsEditor  *self,
                     char                    **organisation_id,
                     GError                  **error)
{
  UprOrganisation *known = upr_organisation_entry_get_organisation (self->responsible_entry);
  g_autofree char *name =
    upr_form_get_text (upr_organisation_entry_get_editable (self->responsible_entry));
  g_autoptr(UprOrganisation) created = NULL;

  *organisation_id = NULL;
  if (known != NULL)
    *organisation_id = g_strdup (upr_record_get_id (UPR_RECORD (known)));
  if (known != NULL || name == NULL)
    return TRUE;
  created = upr_context_ensure_organisation (self->context, name, "government",
                                             self->country_code, error);
  if (created == NULL)
    return FALSE;
  *organisation_id = g_strdup (upr_record_get_id (UPR_RECORD (created)));
  return TRUE;
}

static gboolean
write_action (UprPlannedActionsEditor *self,
              UprRecord               *action,
              GError                 **error)
{
  g_autofree char *organisation_id = NULL;

  if (!upr_store_begin (store_of (self), error))
    return FALSE;
  if (!resolve_responsible (self, &organisation_id, error))
    goto fail;
  upr_record_set_string (action, "organisation-id", organisation_id);
  if (!upr_store_save (store_of (self), action, error))
    goto fail;
  if (upr_store_commit (store_of (self), error))
    return TRUE;

fail:
  upr_store_rollback (store_of (self));
  return FALSE;
}

/* Saves the form; FALSE (the form open, the field marked) when it is incomplete or refused.
 * @focus: put the focus on the saved row (not when another recommendation is being chosen). */
static gboolean
save_form (UprPlannedActionsEditor *self,
           gboolean                 focus)
{
  g_autofree char *text = upr_form_get_text (GTK_EDITABLE (self->description_entry));
  g_autofree char *resources = upr_form_get_text (GTK_EDITABLE (self->resources_entry));
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;
  g_autoptr(UprRecord) action = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  clear_errors (self);
  if (text == NULL)
    {
      upr_form_show_error (GTK_WIDGET (self->description_entry), self->message,
                           _("Say what will be done."));
      return FALSE;
    }
  if (!read_dates (self, &start, &due))
    return FALSE;

  action = self->editing != NULL ? upr_record_copy (self->editing)
                                 : UPR_RECORD (upr_planned_action_new ());
  upr_record_set_string (action, "recommendation-id", self->recommendation_id);
  upr_record_set_string (action, "text", text);
  upr_record_set_string (action, "start-date", start);
  upr_record_set_string (action, "due-date", due);
  upr_record_set_string (action, "resources", resources);
  upr_record_set_string (action, "status", upr_form_get_vocab_id (self->status_drop_down));

  self->busy++;
  ok = write_action (self, action, &error);
  self->busy--;
  if (!ok)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return FALSE;
    }
  close_form (self);
  reload (self);
  if (focus)
    focus_row (self, upr_record_get_id (action), -1);
  return TRUE;
}

static void
open_form (UprPlannedActionsEditor *self,
           UprRecord               *shown)
{
  /* Saving what the form held reloads the list, which holds @shown. */
  g_autoptr(UprRecord) action = shown != NULL ? g_object_ref (shown) : NULL;

  /* Whatever the form held is saved first, as typing is elsewhere in the editor. */
  upr_planned_actions_editor_flush (self);

  g_clear_object (&self->editing);
  if (action != NULL)
    self->editing = upr_record_copy (action);
  gtk_label_set_text (self->form_title, action != NULL ? _("Edit Planned Action")
                                                       : _("New Planned Action"));
  fill_form (self, action);
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
  UprPlannedActionsEditor *self = removal->editor;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->context == NULL)
    return;
  self->busy++;
  ok = upr_store_save (store_of (self), removal->action, &error);
  self->busy--;
  if (!ok)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return;
    }
  if (g_strcmp0 (self->recommendation_id,
                 upr_record_get_string (removal->action, "recommendation-id")) != 0)
    return;
  reload (self);
  focus_row (self, upr_record_get_id (removal->action), -1);
}

static void
delete_action (UprPlannedActionsEditor *self,
               UprRecord               *action,
               int                      position)
{
  g_autoptr(UprRecord) kept = upr_record_copy (action);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Removal *removal;
  gboolean ok;

  if (self->editing != NULL
      && g_strcmp0 (upr_record_get_id (self->editing), upr_record_get_id (action)) == 0)
    close_form (self);
  self->busy++;
  ok = upr_store_delete (store_of (self), action, &error);
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
  removal->action = g_steal_pointer (&kept);
  /* Translators: shown after a planned action was deleted, with an Undo button */
  text = g_strdup_printf (_("Action “%s” deleted"),
                          upr_record_get_string (removal->action, "text"));
  upr_undo_bar_offer (self->undo_bar, text, undo_removal, NULL, removal, removal_free);
}

/* Signal callbacks */

static void
row_activated_cb (UprPlannedActionsEditor *self,
                  GtkListBoxRow           *row)
{
  const char *id = upr_implementation_row_get_record_id (UPR_IMPLEMENTATION_ROW (row));
  UprRecord *action = find_action (self, id, NULL);

  if (action != NULL)
    open_form (self, action);
}

static void
entry_activated_cb (UprPlannedActionsEditor *self)
{
  if (self->form_open)
    save_form (self, TRUE);
}

static void
store_changed_cb (UprPlannedActionsEditor *self)
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
  open_form (UPR_PLANNED_ACTIONS_EDITOR (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (widget);
  UprRecord *action = find_action (self, g_variant_get_string (parameter, NULL), NULL);

  if (action != NULL)
    open_form (self, action);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (widget);
  int position = -1;
  UprRecord *action = find_action (self, g_variant_get_string (parameter, NULL), &position);

  if (action != NULL)
    delete_action (self, action, position);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_form (UPR_PLANNED_ACTIONS_EDITOR (widget), TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (widget);
  g_autofree char *id = self->editing != NULL
                        ? g_strdup (upr_record_get_id (self->editing)) : NULL;

  close_form (self);
  focus_row (self, id, -1);
}

/* Overrides */

static void
set_context (UprPlannedActionsEditor *self,
             UprContext              *context)
{
  /* Set once: by the constructor, or by the editor that holds the template. */
  g_return_if_fail (self->context == NULL);
  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  g_object_set (self->responsible_entry, "context", context, NULL);
  self->changed_id = g_signal_connect_swapped (store_of (self), "changed::planned_action",
                                               G_CALLBACK (store_changed_cb), self);
  reload (self);
  update_actions (self);
}

static void
upr_planned_actions_editor_dispose (GObject *object)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (object);
  GtkWidget *child;

  if (self->context != NULL)
    {
      upr_planned_actions_editor_flush (self);
      g_clear_signal_handler (&self->changed_id, store_of (self));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_PLANNED_ACTIONS_EDITOR);
  /* The template's top box is not bound to a field, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->editing);
  g_clear_object (&self->actions);
  g_clear_object (&self->undo_bar);
  g_clear_object (&self->context);
  g_clear_pointer (&self->recommendation_id, g_free);
  g_clear_pointer (&self->country_code, g_free);

  G_OBJECT_CLASS (upr_planned_actions_editor_parent_class)->dispose (object);
}

static void
upr_planned_actions_editor_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_RECOMMENDATION_ID:
      g_value_set_string (value, self->recommendation_id);
      break;
    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
      break;
    case PROP_UNDO_BAR:
      g_value_set_object (value, self->undo_bar);
      break;
    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_planned_actions_editor_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_RECOMMENDATION_ID:
      upr_planned_actions_editor_set_recommendation_id (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY_CODE:
      upr_planned_actions_editor_set_country_code (self, g_value_get_string (value));
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
upr_planned_actions_editor_class_init (UprPlannedActionsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = upr_planned_actions_editor_dispose;
  object_class->get_property = upr_planned_actions_editor_get_property;
  object_class->set_property = upr_planned_actions_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT, flags);
  properties[PROP_RECOMMENDATION_ID] =
    g_param_spec_string ("recommendation-id", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL, NULL, flags);
  properties[PROP_UNDO_BAR] =
    g_param_spec_object ("undo-bar", NULL, NULL, UPR_TYPE_UNDO_BAR, flags);
  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_DATE_ENTRY);
  g_type_ensure (UPR_TYPE_ORGANISATION_ENTRY);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-planned-actions-editor.ui");
#define CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, UprPlannedActionsEditor, name)
  CHILD (add_button);
  CHILD (summary_label);
  CHILD (list);
  CHILD (form);
  CHILD (form_title);
  CHILD (description_entry);
  CHILD (responsible_entry);
  CHILD (start_entry);
  CHILD (due_entry);
  CHILD (resources_entry);
  CHILD (status_drop_down);
  CHILD (message);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "implementation.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "implementation.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "implementation.delete", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "implementation.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "implementation.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "implementation.cancel", NULL);
}

static void
upr_planned_actions_editor_init (UprPlannedActionsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upr_form_setup_vocab_drop_down (self->status_drop_down, UPR_VOCAB_ACTION_STATUS, NULL);
  update_summary (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  update_actions (self);
}

/* Public API */

GtkWidget *
upr_planned_actions_editor_new (UprContext *context)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);

  return g_object_new (UPR_TYPE_PLANNED_ACTIONS_EDITOR, "context", context, NULL);
}

const char *
upr_planned_actions_editor_get_recommendation_id (UprPlannedActionsEditor *self)
{
  g_return_val_if_fail (UPR_IS_PLANNED_ACTIONS_EDITOR (self), NULL);

  return self->recommendation_id;
}

void
upr_planned_actions_editor_set_recommendation_id (UprPlannedActionsEditor *self,
                                                  const char              *id)
{
  g_return_if_fail (UPR_IS_PLANNED_ACTIONS_EDITOR (self));

  if (g_strcmp0 (self->recommendation_id, id) == 0)
    return;
  /* What the form held belongs to the previous recommendation. */
  upr_planned_actions_editor_flush (self);
  g_free (self->recommendation_id);
  self->recommendation_id = g_strdup (id);
  upr_form_show_error (NULL, self->message, NULL);
  reload (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDATION_ID]);
}

void
upr_planned_actions_editor_set_country_code (UprPlannedActionsEditor *self,
                                             const char              *code)
{
  g_return_if_fail (UPR_IS_PLANNED_ACTIONS_EDITOR (self));

  if (g_strcmp0 (self->country_code, code) == 0)
    return;
  g_free (self->country_code);
  self->country_code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_CODE]);
}

GListModel *
upr_planned_actions_editor_get_actions (UprPlannedActionsEditor *self)
{
  g_return_val_if_fail (UPR_IS_PLANNED_ACTIONS_EDITOR (self), NULL);

  return self->actions;
}

guint
upr_planned_actions_editor_get_n_overdue (UprPlannedActionsEditor *self)
{
  g_return_val_if_fail (UPR_IS_PLANNED_ACTIONS_EDITOR (self), 0);

  return self->n_overdue;
}

void
upr_planned_actions_editor_flush (UprPlannedActionsEditor *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (UPR_IS_PLANNED_ACTIONS_EDITOR (self));

  if (!self->form_open)
    return;
  text = upr_form_get_text (GTK_EDITABLE (self->description_entry));
  /* An incomplete form cannot be saved; it goes with the recommendation it was for. */
  if (text == NULL || self->context == NULL || self->recommendation_id == NULL
      || !save_form (self, FALSE))
    close_form (self);
}

gboolean
upr_planned_actions_editor_is_overdue (UprRecord  *action,
                                       const char *today)
{
  const char *due;
  const char *status;

  g_return_val_if_fail (UPR_IS_RECORD (action), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  due = upr_record_get_string (action, "due-date");
  status = upr_record_get_string (action, "status");
  return due != NULL && strcmp (due, today) < 0
         && (g_strcmp0 (status, "planned") == 0 || g_strcmp0 (status, "in-progress") == 0);
}
