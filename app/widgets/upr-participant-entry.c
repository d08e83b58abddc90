/* upr-participant-entry.c: the fast entry row; see the header.
 *
 * The "already known" offer must not cost a keystroke when there is nothing to offer, and
 * must not be skipped by a hurried Enter when there is: a name that matches a known person
 * is only added once the officer has said which it is (Alt+U uses the known person, Alt+W
 * adds a new one). Two different people may share a name; one person must not become two. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-attendance.h"
#include "upr-context.h"
#include "upr-form.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-participant.h"
#include "upr-participant-entry.h"
#include "upr-participant-list.h"
#include "upr-person.h"
#include "upr-store.h"
#include "upr-workshop.h"

/* Looked up when typing pauses, so the offer appears while the officer moves on. */
#define LOOKUP_PAUSE_MS 200

struct _UprParticipantEntry
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkEntry             *name_entry;
  GtkDropDown          *gender_drop_down;
  UprOrganisationEntry *organisation_entry;
  GtkDropDown          *stakeholder_drop_down;
  GtkEntry             *position_entry;
  GtkEntry             *email_entry;
  GtkRevealer          *match_revealer;
  GtkLabel             *match_label;
  GtkButton            *use_button;
  GtkButton            *new_button;
  GtkLabel             *message;

  /* owned */
  UprContext           *context;
  UprWorkshop          *workshop;
  UprParticipantList   *list;
  UprPerson            *offered;         /* a known person with the typed name */
  gboolean              offered_is_here; /* … who already attends this workshop */
  UprPerson            *chosen;          /* the known person this row now adds */
  char                 *answered_name;   /* the name "add as new person" was chosen for */
  guint                 lookup_id;
  gboolean              filling;         /* fields are being set by the row itself */
};

G_DEFINE_FINAL_TYPE (UprParticipantEntry, upr_participant_entry, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_WORKSHOP, PROP_LIST, N_PROPS };
enum { ADDED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
show_message (UprParticipantEntry *self,
              GtkWidget           *field,
              const char          *message)
{
  upr_form_show_error (field, self->message, message);
}

static void
clear_messages (UprParticipantEntry *self)
{
  upr_form_show_error (GTK_WIDGET (self->name_entry), self->message, NULL);
}

static char *
organisation_name_of (UprParticipantEntry *self,
                      UprPerson           *person)
{
  const char *id = upr_record_get_string (UPR_RECORD (person), "organisation-id");
  g_autoptr(UprRecord) organisation = NULL;

  if (id == NULL)
    return NULL;
  organisation = upr_store_load (upr_context_get_store (self->context), UPR_TYPE_ORGANISATION, id,
                                 NULL);
  return organisation != NULL ? g_strdup (upr_record_get_string (organisation, "name")) : NULL;
}

static gboolean
attends_this_workshop (UprParticipantEntry *self,
                       UprPerson           *person)
{
  const char *id = upr_record_get_id (UPR_RECORD (person));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprParticipant) participant = g_list_model_get_item (G_LIST_MODEL (self->list), i);

      if (g_strcmp0 (upr_record_get_id (UPR_RECORD (upr_participant_get_person (participant))),
                     id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
hide_offer (UprParticipantEntry *self)
{
  g_clear_object (&self->offered);
  self->offered_is_here = FALSE;
  gtk_revealer_set_reveal_child (self->match_revealer, FALSE);
}

static void
show_offer (UprParticipantEntry *self)
{
  const char *name = upr_record_get_string (UPR_RECORD (self->offered), "name");
  g_autofree char *organisation = organisation_name_of (self, self->offered);
  g_autofree char *markup = NULL;

  if (self->offered_is_here)
    /* Translators: shown under the fast entry row when the typed name is already in the
     * list; %s is the name. */
    markup = g_markup_printf_escaped (_("<b>%s</b> is already a participant of this workshop."),
                                      name);
  else if (organisation != NULL)
    /* Translators: "Already known: <name>, <organisation>" under the fast entry row. */
    markup = g_markup_printf_escaped (_("Already known: <b>%s</b>, %s"), name, organisation);
  else
    markup = g_markup_printf_escaped (_("Already known: <b>%s</b>"), name);

  gtk_label_set_markup (self->match_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->use_button), !self->offered_is_here);
  gtk_revealer_set_reveal_child (self->match_revealer, TRUE);
}

/* Prefers a known person who is not yet in this workshop: that is the one worth offering. */
static void
lookup_now (UprParticipantEntry *self)
{
  g_autofree char *name = upr_form_get_text (GTK_EDITABLE (self->name_entry));
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_clear_handle_id (&self->lookup_id, g_source_remove);
  hide_offer (self);
  if (name == NULL || self->chosen != NULL || self->context == NULL || self->list == NULL
      || g_strcmp0 (name, self->answered_name) == 0)
    return;

  matches = upr_store_find_people (upr_context_get_store (self->context), name, &error);
  if (matches == NULL)
    {
      show_message (self, NULL, error->message);
      return;
    }
  n = g_list_model_get_n_items (matches);
  for (guint i = 0; i < n && (self->offered == NULL || self->offered_is_here); i++)
    {
      g_autoptr(UprPerson) person = g_list_model_get_item (matches, i);
      gboolean here = attends_this_workshop (self, person);

      if (self->offered == NULL || !here)
        {
          g_set_object (&self->offered, person);
          self->offered_is_here = here;
        }
    }
  if (self->offered != NULL)
    show_offer (self);
}

static gboolean
lookup_timeout_cb (gpointer user_data)
{
  UprParticipantEntry *self = user_data;

  self->lookup_id = 0;
  lookup_now (self);
  return G_SOURCE_REMOVE;
}

static void
fill_from_person (UprParticipantEntry *self,
                  UprPerson           *person)
{
  UprRecord *record = UPR_RECORD (person);
  g_autofree char *organisation = organisation_name_of (self, person);

  self->filling = TRUE;
  upr_form_set_text (GTK_EDITABLE (self->name_entry), upr_record_get_string (record, "name"));
  upr_form_set_vocab_id (self->gender_drop_down, upr_record_get_string (record, "gender"));
  upr_organisation_entry_set_text (self->organisation_entry, organisation);
  upr_form_set_text (GTK_EDITABLE (self->position_entry),
                     upr_record_get_string (record, "position"));
  upr_form_set_text (GTK_EDITABLE (self->email_entry), upr_record_get_string (record, "email"));
  self->filling = FALSE;
}

/* The organisation typed, found or created; NULL without error when none was typed. */
static UprOrganisation *
resolve_organisation (UprParticipantEntry  *self,
                      GError              **error)
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
apply_fields (UprParticipantEntry *self,
              UprPerson           *person,
              const char          *name,
              UprOrganisation     *organisation)
{
  UprRecord *record = UPR_RECORD (person);
  g_autofree char *position = upr_form_get_text (GTK_EDITABLE (self->position_entry));
  g_autofree char *email = upr_form_get_text (GTK_EDITABLE (self->email_entry));

  /* A known person keeps the spelling on record ("José" even when typed "Jose"). */
  if (self->chosen == NULL)
    upr_record_set_string (record, "name", name);
  upr_record_set_string (record, "gender", upr_form_get_vocab_id (self->gender_drop_down));
  upr_record_set_string (record, "organisation-id",
                         organisation != NULL ? upr_record_get_id (UPR_RECORD (organisation))
                                              : NULL);
  upr_record_set_string (record, "position", position);
  upr_record_set_string (record, "email", email);
}

/* Someone entered during an online workshop most likely attended online. */
static UprAttendance *
new_attendance (UprParticipantEntry *self)
{
  UprAttendance *attendance = upr_attendance_new ();
  const char *format = upr_record_get_string (UPR_RECORD (self->workshop), "format");

  if (g_strcmp0 (format, "online") == 0)
    upr_record_set_string (UPR_RECORD (attendance), "mode", "online");
  return attendance;
}

static gboolean
offer_unanswered (UprParticipantEntry *self,
                  const char          *name)
{
  return self->offered != NULL && self->chosen == NULL
         && g_strcmp0 (name, self->answered_name) != 0;
}

static void
ask_about_offer (UprParticipantEntry *self)
{
  if (self->offered_is_here)
    show_message (self, NULL,
                  _("This person is already in the list. To add someone else with the same "
                    "name, press Alt+W."));
  else
    show_message (self, NULL,
                  _("This name is already known. Press Alt+U to add the known person, or "
                    "Alt+W to add a new person with the same name."));
  gtk_widget_grab_focus (GTK_WIDGET (self->offered_is_here ? self->new_button : self->use_button));
}

static void
set_list (UprParticipantEntry *self,
          UprParticipantList  *list)
{
  if (!g_set_object (&self->list, list))
    return;
  hide_offer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);
}

/* Signal callbacks */

static void
name_changed_cb (UprParticipantEntry *self)
{
  g_autofree char *name = NULL;

  if (self->filling)
    return;
  clear_messages (self);
  name = upr_form_get_text (GTK_EDITABLE (self->name_entry));
  if (self->chosen != NULL
      && g_strcmp0 (name, upr_record_get_string (UPR_RECORD (self->chosen), "name")) != 0)
    g_clear_object (&self->chosen);
  if (g_strcmp0 (name, self->answered_name) != 0)
    g_clear_pointer (&self->answered_name, g_free);

  g_clear_handle_id (&self->lookup_id, g_source_remove);
  if (name == NULL)
    hide_offer (self);
  else
    self->lookup_id = g_timeout_add (LOOKUP_PAUSE_MS, lookup_timeout_cb, self);
}

static void
name_left_cb (UprParticipantEntry *self)
{
  if (self->lookup_id != 0)
    lookup_now (self);
}

static void
organisation_changed_cb (UprParticipantEntry *self)
{
  upr_organisation_entry_sync_stakeholder (self->organisation_entry,
                                           self->stakeholder_drop_down);
}

static void
submit_cb (UprParticipantEntry *self)
{
  upr_participant_entry_submit (self);
}

static void
use_clicked_cb (UprParticipantEntry *self)
{
  upr_participant_entry_use_existing (self);
}

static void
new_clicked_cb (UprParticipantEntry *self)
{
  upr_participant_entry_add_as_new (self);
}

/* Overrides */

static gboolean
upr_participant_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (UPR_PARTICIPANT_ENTRY (widget)->name_entry));
}

static void
upr_participant_entry_dispose (GObject *object)
{
  UprParticipantEntry *self = UPR_PARTICIPANT_ENTRY (object);
  GtkWidget *child;

  g_clear_handle_id (&self->lookup_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_PARTICIPANT_ENTRY);
  /* The template's top box is not bound to a field, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->offered);
  g_clear_object (&self->chosen);
  g_clear_object (&self->list);
  g_clear_object (&self->workshop);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_participant_entry_parent_class)->dispose (object);
}

static void
upr_participant_entry_finalize (GObject *object)
{
  g_free (UPR_PARTICIPANT_ENTRY (object)->answered_name);

  G_OBJECT_CLASS (upr_participant_entry_parent_class)->finalize (object);
}

static void
upr_participant_entry_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UprParticipantEntry *self = UPR_PARTICIPANT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_entry_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UprParticipantEntry *self = UPR_PARTICIPANT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)))
        {
          g_object_set (self->organisation_entry, "context", self->context, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WORKSHOP:
      if (g_set_object (&self->workshop, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_LIST:
      set_list (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_entry_class_init (UprParticipantEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_participant_entry_dispose;
  object_class->finalize = upr_participant_entry_finalize;
  object_class->get_property = upr_participant_entry_get_property;
  object_class->set_property = upr_participant_entry_set_property;
  widget_class->grab_focus = upr_participant_entry_grab_focus;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, UPR_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, UPR_TYPE_PARTICIPANT_LIST,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, UPR_TYPE_PARTICIPANT);

  g_type_ensure (UPR_TYPE_ORGANISATION_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-participant-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, name_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, gender_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, stakeholder_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, position_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, email_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, match_revealer);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, match_label);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, use_button);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, new_button);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantEntry, message);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
upr_participant_entry_init (UprParticipantEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upr_form_setup_vocab_drop_down (self->gender_drop_down, UPR_VOCAB_GENDER,
                                  C_("gender", "Not stated"));
  upr_form_setup_vocab_drop_down (self->stakeholder_drop_down, UPR_VOCAB_STAKEHOLDER_TYPE, NULL);
  upr_form_set_vocab_id (self->stakeholder_drop_down, "other");
  organisation_changed_cb (self);
}

/* Public API */

gboolean
upr_participant_entry_submit (UprParticipantEntry *self)
{
  g_autofree char *name = NULL;
  g_autoptr(UprOrganisation) organisation = NULL;
  g_autoptr(UprPerson) person = NULL;
  g_autoptr(UprRecord) snapshot = NULL;
  g_autoptr(UprAttendance) attendance = NULL;
  g_autoptr(GError) error = NULL;
  UprParticipant *participant;

  g_return_val_if_fail (UPR_IS_PARTICIPANT_ENTRY (self), FALSE);

  if (self->context == NULL || self->workshop == NULL || self->list == NULL)
    return FALSE;
  if (self->lookup_id != 0)
    lookup_now (self);

  name = upr_form_get_text (GTK_EDITABLE (self->name_entry));
  if (name == NULL)
    {
      show_message (self, GTK_WIDGET (self->name_entry), _("Type the participant’s name first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
      return FALSE;
    }
  if (offer_unanswered (self, name))
    {
      ask_about_offer (self);
      return FALSE;
    }
  organisation = resolve_organisation (self, &error);
  if (error != NULL)
    {
      show_message (self, NULL, error->message);
      return FALSE;
    }

  person = self->chosen != NULL ? g_object_ref (self->chosen) : upr_person_new ();
  snapshot = upr_record_copy (UPR_RECORD (person));
  apply_fields (self, person, name, organisation);
  attendance = new_attendance (self);
  participant = upr_participant_list_add (self->list, person, attendance, &error);
  if (participant == NULL)
    {
      upr_form_revert_record (UPR_RECORD (person), snapshot);
      show_message (self, NULL, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[ADDED], 0, participant);
  upr_participant_entry_clear (self);
  return TRUE;
}

void
upr_participant_entry_clear (UprParticipantEntry *self)
{
  g_return_if_fail (UPR_IS_PARTICIPANT_ENTRY (self));

  g_clear_handle_id (&self->lookup_id, g_source_remove);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_drop_down_set_selected (self->gender_drop_down, 0);
  upr_organisation_entry_set_text (self->organisation_entry, NULL);
  upr_form_set_vocab_id (self->stakeholder_drop_down, "other");
  gtk_editable_set_text (GTK_EDITABLE (self->position_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_entry), "");
  self->filling = FALSE;

  g_clear_object (&self->chosen);
  g_clear_pointer (&self->answered_name, g_free);
  hide_offer (self);
  clear_messages (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

void
upr_participant_entry_use_existing (UprParticipantEntry *self)
{
  g_return_if_fail (UPR_IS_PARTICIPANT_ENTRY (self));

  if (self->offered == NULL || self->offered_is_here)
    return;
  g_set_object (&self->chosen, self->offered);
  fill_from_person (self, self->chosen);
  hide_offer (self);
  clear_messages (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->name_entry), -1);
}

void
upr_participant_entry_add_as_new (UprParticipantEntry *self)
{
  g_return_if_fail (UPR_IS_PARTICIPANT_ENTRY (self));

  g_free (self->answered_name);
  self->answered_name = upr_form_get_text (GTK_EDITABLE (self->name_entry));
  g_clear_object (&self->chosen);
  hide_offer (self);
  clear_messages (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->name_entry), -1);
}

UprPerson *
upr_participant_entry_get_offered (UprParticipantEntry *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_ENTRY (self), NULL);

  if (self->lookup_id != 0)
    lookup_now (self);
  return self->offered;
}
