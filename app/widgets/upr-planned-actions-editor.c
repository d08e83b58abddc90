/* upr-planned-actions-editor.c: a recommendation's planned actions; see the header.
 *
 * The list, the form's life and deletion with undo are the indicators' as well
 * (upr-record-list-form.c); what is particular here: the dates are checked, late actions are
 * counted, and a new responsible organisation is created in the same transaction as the
 * action that names it. */
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
#include "upr-record-list-form.h"
#include "upr-store.h"
#include "upr-vocab.h"

struct _UprPlannedActionsEditor
{
  GtkWidget             parent_instance;

  /* template widgets (the shared ones are in list_form) */
  UprOrganisationEntry *responsible_entry;
  UprDateEntry         *start_entry;
  UprDateEntry         *due_entry;
  GtkEntry             *resources_entry;
  GtkDropDown          *status_drop_down;

  /* owned */
  UprRecordListForm     list_form;
  char                 *country_code;
  guint                 n_overdue;
};

G_DEFINE_FINAL_TYPE (UprPlannedActionsEditor, upr_planned_actions_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_COUNTRY_CODE = UPR_RECORD_LIST_FORM_N_PROPS,
  PROP_N_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static UprStore *
store_of (UprPlannedActionsEditor *self)
{
  return upr_context_get_store (self->list_form.context);
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
  GListModel *actions = self->list_form.records;
  guint n = actions != NULL ? g_list_model_get_n_items (actions) : 0;
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
  gtk_label_set_text (self->list_form.summary_label, summary);
}

/* The dates typed, checked: FALSE with the field marked when one is wrong. */
static gboolean
read_dates (UprPlannedActionsEditor  *self,
            char                    **start,
            char                    **due)
{
  GtkLabel *message = self->list_form.message;

  if (!upr_form_parse_date (upr_date_entry_get_text (self->start_entry), start))
    {
      upr_form_show_error (GTK_WIDGET (self->start_entry), message,
                           _("Type the start date as YYYY-MM-DD."));
      return FALSE;
    }
  if (!upr_form_parse_date (upr_date_entry_get_text (self->due_entry), due))
    {
      upr_form_show_error (GTK_WIDGET (self->due_entry), message,
                           _("Type the due date as YYYY-MM-DD."));
      return FALSE;
    }
  if (*start != NULL && *due != NULL && strcmp (*due, *start) < 0)
    {
      upr_form_show_error (GTK_WIDGET (self->due_entry), message,
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
  created = upr_context_ensure_organisation (self->list_form.context, name, "government",
                                             self->country_code, error);
  if (created == NULL)
    return FALSE;
  *organisation_id = g_strdup (upr_record_get_id (UPR_RECORD (created)));
  return TRUE;
}

/* The hooks of the list form */

/* "Ministère de la Justice · 2025-01-15 → 2025-06-30 · In progress · Budget …": the parts
 * that are known. */
static char *
describe (GtkWidget *editor,
          UprRecord *action,
          gboolean  *overdue)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (editor);
  g_autofree char *now = today ();
  g_autofree char *responsible =
    organisation_name (self, upr_record_get_string (action, "organisation-id"));
  const char *start = upr_record_get_string (action, "start-date");
  const char *due = upr_record_get_string (action, "due-date");
  const char *resources = upr_record_get_string (action, "resources");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  *overdue = upr_planned_actions_editor_is_overdue (action, now);
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

/* The late ones are counted from the rows, so the count agrees with the badges shown. */
static void
reloaded (GtkWidget *editor)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (editor);
  GtkListBoxRow *row;
  guint n_overdue = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_form.list, i)) != NULL; i++)
    n_overdue += upr_implementation_row_get_overdue (UPR_IMPLEMENTATION_ROW (row));
  set_n_overdue (self, n_overdue);
  update_summary (self);
}

static void
fill_form (GtkWidget *editor,
           UprRecord *action)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (editor);
  g_autofree char *responsible = NULL;

  if (action != NULL)
    responsible = organisation_name (self, upr_record_get_string (action, "organisation-id"));
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

static gboolean
read_form (GtkWidget *editor,
           UprRecord *action)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (editor);
  g_autofree char *resources = upr_form_get_text (GTK_EDITABLE (self->resources_entry));
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;

  if (!read_dates (self, &start, &due))
    return FALSE;
  upr_record_set_string (action, "start-date", start);
  upr_record_set_string (action, "due-date", due);
  upr_record_set_string (action, "resources", resources);
  upr_record_set_string (action, "status", upr_form_get_vocab_id (self->status_drop_down));
  return TRUE;
}

static gboolean
write_action (GtkWidget  *editor,
              UprRecord  *action,
              GError    **error)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (editor);
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

static void
clear_errors (GtkWidget *editor)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (editor);

  upr_form_show_error (GTK_WIDGET (self->start_entry), self->list_form.message, NULL);
  upr_form_show_error (GTK_WIDGET (self->due_entry), self->list_form.message, NULL);
}

static void
form_closed (GtkWidget *editor)
{
  upr_organisation_entry_close (UPR_PLANNED_ACTIONS_EDITOR (editor)->responsible_entry);
}

static void
context_set (GtkWidget  *editor,
             UprContext *context)
{
  g_object_set (UPR_PLANNED_ACTIONS_EDITOR (editor)->responsible_entry, "context", context, NULL);
}

static const UprRecordListFormClass list_form_class = {
  .offset = G_STRUCT_OFFSET (UprPlannedActionsEditor, list_form),
  .record_type = upr_planned_action_get_type,
  .changed_signal = "changed::planned_action",
  .properties = properties,
  .new_title = N_("New Planned Action"),
  .edit_title = N_("Edit Planned Action"),
  .missing_text = N_("Say what will be done."),
  /* Translators: shown after a planned action was deleted, with an Undo button */
  .deleted = N_("Action “%s” deleted"),
  .list = upr_store_list_planned_actions,
  .describe = describe,
  .reloaded = reloaded,
  .fill_form = fill_form,
  .read_form = read_form,
  .write = write_action,
  .clear_errors = clear_errors,
  .closed = form_closed,
  .context_set = context_set,
};

/* Overrides */

static void
upr_planned_actions_editor_dispose (GObject *object)
{
  UprPlannedActionsEditor *self = UPR_PLANNED_ACTIONS_EDITOR (object);

  upr_record_list_form_dispose (&self->list_form);
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

  if (upr_record_list_form_get_property (&self->list_form, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
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

  if (upr_record_list_form_set_property (&self->list_form, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_COUNTRY_CODE:
      upr_planned_actions_editor_set_country_code (self, g_value_get_string (value));
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

  object_class->dispose = upr_planned_actions_editor_dispose;
  object_class->get_property = upr_planned_actions_editor_get_property;
  object_class->set_property = upr_planned_actions_editor_set_property;

  g_type_ensure (UPR_TYPE_DATE_ENTRY);
  g_type_ensure (UPR_TYPE_ORGANISATION_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-planned-actions-editor.ui");
  upr_record_list_form_class_init (widget_class, &list_form_class);
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
#define CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, UprPlannedActionsEditor, name)
  CHILD (responsible_entry);
  CHILD (start_entry);
  CHILD (due_entry);
  CHILD (resources_entry);
  CHILD (status_drop_down);
#undef CHILD
}

static void
upr_planned_actions_editor_init (UprPlannedActionsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upr_form_setup_vocab_drop_down (self->status_drop_down, UPR_VOCAB_ACTION_STATUS, NULL);
  upr_record_list_form_init (&self->list_form, GTK_WIDGET (self));
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

  return self->list_form.recommendation_id;
}

void
upr_planned_actions_editor_set_recommendation_id (UprPlannedActionsEditor *self,
                                                  const char              *id)
{
  g_return_if_fail (UPR_IS_PLANNED_ACTIONS_EDITOR (self));

  upr_record_list_form_set_recommendation_id (&self->list_form, id);
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

  return self->list_form.records;
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
  g_return_if_fail (UPR_IS_PLANNED_ACTIONS_EDITOR (self));

  upr_record_list_form_flush (&self->list_form);
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
