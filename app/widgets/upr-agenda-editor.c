/* upr-agenda-editor.c: add or edit a programme item; see the header.
 *
 * A dialog rather than fields saved one by one: an item only makes sense once it has a
 * title, and Escape should leave the programme as it was. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-agenda-editor.h"
#include "upr-agenda-item.h"
#include "upr-context.h"
#include "upr-form.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-store.h"
#include "upr-workshop.h"

struct _UprAgendaEditor
{
  GtkWindow             parent_instance;

  /* template widgets */
  GtkEntry             *time_entry;
  GtkSpinButton        *duration_spin;
  GtkLabel             *time_message;
  GtkEntry             *title_entry;
  GtkLabel             *title_message;
  GtkDropDown          *role_drop_down;
  GtkEntry             *speaker_entry;
  UprOrganisationEntry *organisation_entry;
  GtkDropDown          *stakeholder_drop_down;
  GtkCheckButton       *confirmed_check;
  GtkLabel             *message;

  /* owned */
  UprContext           *context;
  UprWorkshop          *workshop;
  UprAgendaItem        *item;     /* NULL for a new one */
  guint                 position;
};

G_DEFINE_FINAL_TYPE (UprAgendaEditor, upr_agenda_editor, GTK_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals[N_SIGNALS];

/* Helpers */

static void
load_item (UprAgendaEditor *self)
{
  UprRecord *item = UPR_RECORD (self->item);
  const char *organisation_id = upr_record_get_string (item, "organisation-id");
  int duration = upr_record_get_int (item, "duration-minutes");

  upr_form_set_text (GTK_EDITABLE (self->time_entry), upr_record_get_string (item, "time"));
  gtk_spin_button_set_value (self->duration_spin, duration);
  upr_form_set_text (GTK_EDITABLE (self->title_entry), upr_record_get_string (item, "title"));
  upr_form_set_vocab_id (self->role_drop_down, upr_record_get_string (item, "role"));
  upr_form_set_text (GTK_EDITABLE (self->speaker_entry), upr_record_get_string (item, "speaker"));
  gtk_check_button_set_active (self->confirmed_check, upr_record_get_int (item, "confirmed"));

  if (organisation_id != NULL)
    {
      g_autoptr(UprRecord) organisation =
        upr_store_load (upr_context_get_store (self->context), UPR_TYPE_ORGANISATION,
                        organisation_id, NULL);

      if (organisation != NULL)
        upr_organisation_entry_set_text (self->organisation_entry,
                                         upr_record_get_string (organisation, "name"));
    }
}

/* The organisation typed, found or created; NULL with no error when none was typed. */
static UprOrganisation *
resolve_organisation (UprAgendaEditor  *self,
                      GError          **error)
{
  UprOrganisation *known = upr_organisation_entry_get_organisation (self->organisation_entry);
  g_autofree char *name =
    upr_form_get_text (upr_organisation_entry_get_editable (self->organisation_entry));

  if (known != NULL)
    return g_object_ref (known);
  if (name == NULL)
    return NULL;
  return upr_context_ensure_organisation (self->context, name,
                                          upr_form_get_vocab_id (self->stakeholder_drop_down),
                                          upr_record_get_string (UPR_RECORD (self->workshop),
                                                                 "country-code"),
                                          error);
}

static gboolean
check_input (UprAgendaEditor  *self,
             char            **time,
             char            **title)
{
  gboolean ok = TRUE;

  if (!upr_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)), time))
    {
      upr_form_show_error (GTK_WIDGET (self->time_entry), self->time_message,
                           _("Enter the time as HH:MM, for example 13:00."));
      ok = FALSE;
    }
  else
    upr_form_show_error (GTK_WIDGET (self->time_entry), self->time_message, NULL);

  *title = upr_form_get_text (GTK_EDITABLE (self->title_entry));
  if (*title == NULL)
    {
      upr_form_show_error (GTK_WIDGET (self->title_entry), self->title_message,
                           _("Give the item a title, for example “Welcome remarks”."));
      ok = FALSE;
    }
  else
    upr_form_show_error (GTK_WIDGET (self->title_entry), self->title_message, NULL);
  return ok;
}

static void
apply_input (UprAgendaEditor *self,
             UprRecord       *item,
             const char      *time,
             const char      *title,
             UprOrganisation *organisation)
{
  g_autofree char *speaker = upr_form_get_text (GTK_EDITABLE (self->speaker_entry));

  upr_record_set_string (item, "workshop-id", upr_record_get_id (UPR_RECORD (self->workshop)));
  upr_record_set_string (item, "time", time);
  upr_record_set_int (item, "duration-minutes",
                      gtk_spin_button_get_value_as_int (self->duration_spin));
  upr_record_set_string (item, "title", title);
  upr_record_set_string (item, "role", upr_form_get_vocab_id (self->role_drop_down));
  upr_record_set_string (item, "speaker", speaker);
  upr_record_set_string (item, "organisation-id",
                         organisation != NULL ? upr_record_get_id (UPR_RECORD (organisation))
                                              : NULL);
  upr_record_set_int (item, "confirmed", gtk_check_button_get_active (self->confirmed_check));
}

/* Signal callbacks */

static void
organisation_changed_cb (UprAgendaEditor *self)
{
  upr_organisation_entry_sync_stakeholder (self->organisation_entry,
                                           self->stakeholder_drop_down);
}

static void
save_clicked_cb (UprAgendaEditor *self)
{
  upr_agenda_editor_save (self);
}

/* Overrides */

static void
upr_agenda_editor_dispose (GObject *object)
{
  UprAgendaEditor *self = UPR_AGENDA_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_AGENDA_EDITOR);
  g_clear_object (&self->item);
  g_clear_object (&self->workshop);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_agenda_editor_parent_class)->dispose (object);
}

static void
upr_agenda_editor_class_init (UprAgendaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_agenda_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, UPR_TYPE_AGENDA_ITEM);

  g_type_ensure (UPR_TYPE_ORGANISATION_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-agenda-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, time_entry);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, time_message);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, title_message);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, role_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, speaker_entry);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, stakeholder_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, confirmed_check);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaEditor, message);
  gtk_widget_class_bind_template_callback (widget_class, organisation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upr_agenda_editor_init (UprAgendaEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upr_form_setup_vocab_drop_down (self->role_drop_down, UPR_VOCAB_AGENDA_ROLE,
                                  C_("agenda role", "None"));
  upr_form_setup_vocab_drop_down (self->stakeholder_drop_down, UPR_VOCAB_STAKEHOLDER_TYPE, NULL);
  upr_form_set_vocab_id (self->stakeholder_drop_down, "other");
}

/* Public API */

UprAgendaEditor *
upr_agenda_editor_new (GtkWindow     *parent,
                       UprContext    *context,
                       UprWorkshop   *workshop,
                       UprAgendaItem *item,
                       guint          position)
{
  UprAgendaEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (UPR_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (item == NULL || UPR_IS_AGENDA_ITEM (item), NULL);

  self = g_object_new (UPR_TYPE_AGENDA_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->workshop = g_object_ref (workshop);
  self->item = item != NULL ? g_object_ref (item) : NULL;
  self->position = position;

  g_object_set (self->organisation_entry, "context", context, NULL);
  gtk_window_set_title (GTK_WINDOW (self), item != NULL ? _("Edit Programme Item")
                                                        : _("New Programme Item"));
  if (item != NULL)
    load_item (self);
  organisation_changed_cb (self);
  return self;
}

gboolean
upr_agenda_editor_save (UprAgendaEditor *self)
{
  g_autofree char *time = NULL;
  g_autofree char *title = NULL;
  g_autoptr(UprOrganisation) organisation = NULL;
  g_autoptr(UprAgendaItem) item = NULL;
  g_autoptr(UprRecord) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (UPR_IS_AGENDA_EDITOR (self), FALSE);

  if (!check_input (self, &time, &title))
    return FALSE;
  organisation = resolve_organisation (self, &error);
  if (error != NULL)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return FALSE;
    }

  item = self->item != NULL ? g_object_ref (self->item) : upr_agenda_item_new ();
  if (self->item == NULL)
    upr_record_set_int (UPR_RECORD (item), "position", (int) self->position);
  snapshot = upr_record_copy (UPR_RECORD (item));
  apply_input (self, UPR_RECORD (item), time, title, organisation);
  if (!upr_store_save (upr_context_get_store (self->context), UPR_RECORD (item), &error))
    {
      upr_form_revert_record (UPR_RECORD (item), snapshot);
      upr_form_show_error (NULL, self->message, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, item);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
