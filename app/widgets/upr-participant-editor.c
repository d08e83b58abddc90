/* upr-participant-editor.c: edit one participant; see the header.
 *
 * The records are only changed when Save is pressed, and put back as they were if the
 * store refuses, so the list never shows what is not stored. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-attendance.h"
#include "upr-context.h"
#include "upr-date-entry.h"
#include "upr-form.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-participant.h"
#include "upr-participant-editor.h"
#include "upr-participant-list.h"
#include "upr-person.h"
#include "upr-store.h"
#include "upr-workshop.h"

struct _UprParticipantEditor
{
  GtkWindow             parent_instance;

  /* template widgets */
  GtkEntry             *honorific_entry;
  GtkEntry             *name_entry;
  GtkLabel             *name_message;
  GtkDropDown          *gender_drop_down;
  GtkEntry             *gender_description_entry;
  UprOrganisationEntry *organisation_entry;
  GtkDropDown          *stakeholder_drop_down;
  GtkEntry             *position_entry;
  GtkEntry             *email_entry;
  GtkLabel             *email_message;
  GtkEntry             *phone_entry;
  UprDateEntry         *consent_date;
  GtkDropDown          *consent_drop_down;
  GtkLabel             *consent_message;
  GtkDropDown          *registration_drop_down;
  GtkDropDown          *mode_drop_down;
  GtkSpinButton        *days_spin;
  GtkLabel             *message;

  /* owned */
  UprContext           *context;
  UprWorkshop          *workshop;
  UprParticipantList   *list;
  UprParticipant       *participant;
};

G_DEFINE_FINAL_TYPE (UprParticipantEditor, upr_participant_editor, GTK_TYPE_WINDOW)

/* The fields typed as text, and their property on the person. */
typedef struct
{
  const char *property;
  gsize       offset;
} TextField;

static const TextField person_text_fields[] = {
  { "honorific", G_STRUCT_OFFSET (UprParticipantEditor, honorific_entry) },
  { "name", G_STRUCT_OFFSET (UprParticipantEditor, name_entry) },
  { "position", G_STRUCT_OFFSET (UprParticipantEditor, position_entry) },
  { "email", G_STRUCT_OFFSET (UprParticipantEditor, email_entry) },
  { "phone", G_STRUCT_OFFSET (UprParticipantEditor, phone_entry) },
};

#define FIELD_EDITABLE(self, field) \
  GTK_EDITABLE (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (field)->offset))

/* Helpers */

static UprRecord *
person_of (UprParticipantEditor *self)
{
  return UPR_RECORD (upr_participant_get_person (self->participant));
}

static UprRecord *
attendance_of (UprParticipantEditor *self)
{
  return UPR_RECORD (upr_participant_get_attendance (self->participant));
}

static void
load (UprParticipantEditor *self)
{
  UprRecord *person = person_of (self);
  UprRecord *attendance = attendance_of (self);
  UprOrganisation *organisation = upr_participant_get_organisation (self->participant);

  for (guint i = 0; i < G_N_ELEMENTS (person_text_fields); i++)
    upr_form_set_text (FIELD_EDITABLE (self, &person_text_fields[i]),
                       upr_record_get_string (person, person_text_fields[i].property));
  upr_form_set_vocab_id (self->gender_drop_down, upr_record_get_string (person, "gender"));
  upr_form_set_text (GTK_EDITABLE (self->gender_description_entry),
                     upr_record_get_string (person, "gender-description"));
  upr_organisation_entry_set_text (self->organisation_entry,
                                   organisation != NULL
                                     ? upr_record_get_string (UPR_RECORD (organisation), "name")
                                     : NULL);
  upr_date_entry_set_text (self->consent_date, upr_record_get_string (person, "consent-date"));
  upr_form_set_vocab_id (self->consent_drop_down, upr_record_get_string (person, "consent-scope"));
  upr_form_set_vocab_id (self->registration_drop_down,
                         upr_record_get_string (attendance, "registration"));
  upr_form_set_vocab_id (self->mode_drop_down, upr_record_get_string (attendance, "mode"));
  gtk_spin_button_set_value (self->days_spin, upr_record_get_int (attendance, "days-attended"));
}

static gboolean
check_field (GtkWidget  *field,
             GtkLabel   *label,
             gboolean    valid,
             const char *message)
{
  upr_form_show_error (field, label, valid ? NULL : message);
  return valid;
}

/* A light check: the aim is to catch a name typed into the email field, not to judge. */
static gboolean
looks_like_email (const char *text)
{
  const char *at = text != NULL ? strchr (text, '@') : NULL;

  return text == NULL || (at != NULL && at != text && strchr (at, '.') != NULL
                          && strchr (text, ' ') == NULL);
}

static gboolean
check_input (UprParticipantEditor  *self,
             char                 **consent_date)
{
  g_autofree char *name = upr_form_get_text (GTK_EDITABLE (self->name_entry));
  g_autofree char *email = upr_form_get_text (GTK_EDITABLE (self->email_entry));
  gboolean ok = TRUE;

  ok &= check_field (GTK_WIDGET (self->name_entry), self->name_message, name != NULL,
                     _("A participant needs a name."));
  ok &= check_field (GTK_WIDGET (self->email_entry), self->email_message, looks_like_email (email),
                     _("This does not look like an email address."));
  ok &= check_field (GTK_WIDGET (upr_date_entry_get_editable (self->consent_date)),
                     self->consent_message,
                     upr_form_parse_date (upr_date_entry_get_text (self->consent_date),
                                          consent_date),
                     _("Enter the date as YYYY-MM-DD, for example 2024-03-27."));
  return ok;
}

static UprOrganisation *
resolve_organisation (UprParticipantEditor  *self,
                      GError               **error)
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

static void
apply (UprParticipantEditor *self,
       const char           *consent_date,
       UprOrganisation      *organisation)
{
  UprRecord *person = person_of (self);
  UprRecord *attendance = attendance_of (self);
  const char *gender = upr_form_get_vocab_id (self->gender_drop_down);
  g_autofree char *description = upr_form_get_text (GTK_EDITABLE (self->gender_description_entry));

  for (guint i = 0; i < G_N_ELEMENTS (person_text_fields); i++)
    {
      g_autofree char *value = upr_form_get_text (FIELD_EDITABLE (self, &person_text_fields[i]));

      upr_record_set_string (person, person_text_fields[i].property, value);
    }
  upr_record_set_string (person, "gender", gender);
  /* A description belongs to "self-described" only; keep none for the other answers. */
  upr_record_set_string (person, "gender-description",
                         g_strcmp0 (gender, "self-described") == 0 ? description : NULL);
  upr_record_set_string (person, "organisation-id",
                         organisation != NULL ? upr_record_get_id (UPR_RECORD (organisation))
                                              : NULL);
  upr_record_set_string (person, "consent-date", consent_date);
  upr_record_set_string (person, "consent-scope", upr_form_get_vocab_id (self->consent_drop_down));
  upr_record_set_string (attendance, "registration",
                         upr_form_get_vocab_id (self->registration_drop_down));
  upr_record_set_string (attendance, "mode", upr_form_get_vocab_id (self->mode_drop_down));
  upr_record_set_int (attendance, "days-attended",
                      gtk_spin_button_get_value_as_int (self->days_spin));
  upr_participant_set_organisation (self->participant, organisation);
}

/* Signal callbacks */

static void
gender_selected_cb (UprParticipantEditor *self)
{
  gboolean described = g_strcmp0 (upr_form_get_vocab_id (self->gender_drop_down),
                                  "self-described") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->gender_description_entry), described);
}

static void
organisation_changed_cb (UprParticipantEditor *self)
{
  upr_organisation_entry_sync_stakeholder (self->organisation_entry,
                                           self->stakeholder_drop_down);
}

static void
save_clicked_cb (UprParticipantEditor *self)
{
  upr_participant_editor_save (self);
}

/* Overrides */

static void
upr_participant_editor_dispose (GObject *object)
{
  UprParticipantEditor *self = UPR_PARTICIPANT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_PARTICIPANT_EDITOR);
  g_clear_object (&self->participant);
  g_clear_object (&self->list);
  g_clear_object (&self->workshop);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_participant_editor_parent_class)->dispose (object);
}

static void
upr_participant_editor_class_init (UprParticipantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_participant_editor_dispose;

  g_type_ensure (UPR_TYPE_DATE_ENTRY);
  g_type_ensure (UPR_TYPE_ORGANISATION_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-participant-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, honorific_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, gender_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor,
                                        gender_description_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, stakeholder_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, position_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, email_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, email_message);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, consent_date);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, consent_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, consent_message);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, registration_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, mode_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, days_spin);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEditor, message);
  gtk_widget_class_bind_template_callback (widget_class, gender_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upr_participant_editor_init (UprParticipantEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upr_form_setup_vocab_drop_down (self->gender_drop_down, UPR_VOCAB_GENDER,
                                  C_("gender", "Not stated"));
  upr_form_setup_vocab_drop_down (self->stakeholder_drop_down, UPR_VOCAB_STAKEHOLDER_TYPE, NULL);
  upr_form_setup_vocab_drop_down (self->consent_drop_down, UPR_VOCAB_CONSENT_SCOPE, NULL);
  upr_form_setup_vocab_drop_down (self->registration_drop_down, UPR_VOCAB_REGISTRATION, NULL);
  upr_form_setup_vocab_drop_down (self->mode_drop_down, UPR_VOCAB_ATTENDANCE_MODE, NULL);
  upr_form_set_vocab_id (self->stakeholder_drop_down, "other");
}

/* Public API */

UprParticipantEditor *
upr_participant_editor_new (GtkWindow          *parent,
                            UprContext         *context,
                            UprWorkshop        *workshop,
                            UprParticipantList *list,
                            UprParticipant     *participant)
{
  UprParticipantEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (UPR_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (UPR_IS_PARTICIPANT_LIST (list), NULL);
  g_return_val_if_fail (UPR_IS_PARTICIPANT (participant), NULL);

  self = g_object_new (UPR_TYPE_PARTICIPANT_EDITOR, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->workshop = g_object_ref (workshop);
  self->list = g_object_ref (list);
  self->participant = g_object_ref (participant);

  g_object_set (self->organisation_entry, "context", context, NULL);
  load (self);
  gender_selected_cb (self);
  organisation_changed_cb (self);
  return self;
}

gboolean
upr_participant_editor_save (UprParticipantEditor *self)
{
  g_autofree char *consent_date = NULL;
  g_autoptr(UprOrganisation) organisation = NULL;
  g_autoptr(UprOrganisation) old_organisation = NULL;
  g_autoptr(UprRecord) person = NULL;
  g_autoptr(UprRecord) attendance = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (UPR_IS_PARTICIPANT_EDITOR (self), FALSE);

  if (!check_input (self, &consent_date))
    return FALSE;
  organisation = resolve_organisation (self, &error);
  if (error != NULL)
    {
      upr_form_show_error (NULL, self->message, error->message);
      return FALSE;
    }

  person = upr_record_copy (person_of (self));
  attendance = upr_record_copy (attendance_of (self));
  old_organisation = upr_participant_get_organisation (self->participant) != NULL
                       ? g_object_ref (upr_participant_get_organisation (self->participant))
                       : NULL;
  apply (self, consent_date, organisation);
  if (!upr_participant_list_save (self->list, self->participant, &error))
    {
      upr_form_revert_record (person_of (self), person);
      upr_form_revert_record (attendance_of (self), attendance);
      upr_participant_set_organisation (self->participant, old_organisation);
      upr_form_show_error (NULL, self->message, error->message);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
