/* upr-participant.c: one row of a participant list. The row's columns (name, organisation,
 * labels, search key) are derived from three records; when a record changes, the derived
 * properties it feeds are notified, so a bound view and the list's counts follow an edit at
 * once. The folded search key is rebuilt at most once per change, when next read. */
#include "config.h"

#include "upr-participant.h"

#include "upr-attendance.h"
#include "upr-fold.h"
#include "upr-organisation.h"
#include "upr-person.h"
#include "upr-vocab.h"

struct _UprParticipant
{
  GObject parent_instance;

  /* owned */
  UprAttendance   *attendance;
  UprPerson       *person;
  UprOrganisation *organisation; /* nullable */
  char            *search_key;   /* NULL until read after a change */

  gulong attendance_notify_id;
  gulong person_notify_id;
  gulong organisation_notify_id;
};

G_DEFINE_FINAL_TYPE (UprParticipant, upr_participant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ATTENDANCE,
  PROP_PERSON,
  PROP_ORGANISATION,
  PROP_NAME,
  PROP_HONORIFIC,
  PROP_POSITION,
  PROP_EMAIL,
  PROP_ORGANISATION_NAME,
  PROP_STAKEHOLDER_TYPE,
  PROP_STAKEHOLDER_LABEL,
  PROP_GENDER,
  PROP_GENDER_LABEL,
  PROP_REGISTRATION,
  PROP_REGISTRATION_LABEL,
  PROP_MODE,
  PROP_MODE_LABEL,
  PROP_SEARCH_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Which derived properties each field of a record feeds (0-terminated). */
typedef struct
{
  const char *field;
  guint       props[3];
} Derivation;

static const Derivation person_derivations[] = {
  { "name", { PROP_NAME, PROP_SEARCH_KEY } },
  { "honorific", { PROP_HONORIFIC, PROP_SEARCH_KEY } },
  { "position", { PROP_POSITION, PROP_SEARCH_KEY } },
  { "email", { PROP_EMAIL, PROP_SEARCH_KEY } },
  { "gender", { PROP_GENDER, PROP_GENDER_LABEL } },
  { "gender-description", { PROP_GENDER_LABEL } },
};

static const Derivation organisation_derivations[] = {
  { "name", { PROP_ORGANISATION_NAME, PROP_SEARCH_KEY } },
  { "acronym", { PROP_SEARCH_KEY } },
  { "stakeholder-type", { PROP_STAKEHOLDER_TYPE, PROP_STAKEHOLDER_LABEL } },
};

static const Derivation attendance_derivations[] = {
  { "registration", { PROP_REGISTRATION, PROP_REGISTRATION_LABEL } },
  { "mode", { PROP_MODE, PROP_MODE_LABEL } },
};

/* Helpers */

static const char *
person_string (UprParticipant *self,
               const char     *field)
{
  return upr_record_get_string (UPR_RECORD (self->person), field);
}

static const char *
organisation_string (UprParticipant *self,
                     const char     *field)
{
  if (self->organisation == NULL)
    return NULL;
  return upr_record_get_string (UPR_RECORD (self->organisation), field);
}

static const char *
attendance_string (UprParticipant *self,
                   const char     *field)
{
  return upr_record_get_string (UPR_RECORD (self->attendance), field);
}

static void
notify_derived (UprParticipant   *self,
                const Derivation *derivations,
                guint             n_derivations,
                const char       *field)
{
  for (guint i = 0; i < n_derivations; i++)
    {
      if (!g_str_equal (derivations[i].field, field))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (derivations[i].props) && derivations[i].props[j]; j++)
        {
          guint prop = derivations[i].props[j];

          if (prop == PROP_SEARCH_KEY)
            g_clear_pointer (&self->search_key, g_free);
          g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
        }
      return;
    }
}

static char *
build_search_key (UprParticipant *self)
{
  const char *parts[] = {
    person_string (self, "name"),
    person_string (self, "honorific"),
    organisation_string (self, "name"),
    organisation_string (self, "acronym"),
    person_string (self, "position"),
    person_string (self, "email"),
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (text, "%s%s", text->len ? " " : "", parts[i]);
  return upr_fold (text->str);
}

static const char *
gender_label (UprParticipant *self)
{
  const char *gender = person_string (self, "gender");
  const char *description = person_string (self, "gender-description");

  /* A person who described their gender is shown in their own words. */
  if (g_strcmp0 (gender, "self-described") == 0 && description != NULL)
    return description;
  return gender != NULL ? upr_vocab_label (UPR_VOCAB_GENDER, gender) : "";
}

static const char *
stakeholder_label (UprParticipant *self)
{
  const char *type = organisation_string (self, "stakeholder-type");

  return type != NULL ? upr_vocab_label (UPR_VOCAB_STAKEHOLDER_TYPE, type) : "";
}

/* Signal callbacks */

static void
person_notified_cb (GObject    *record,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  notify_derived (user_data, person_derivations, G_N_ELEMENTS (person_derivations), pspec->name);
}

static void
organisation_notified_cb (GObject    *record,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  notify_derived (user_data, organisation_derivations, G_N_ELEMENTS (organisation_derivations),
                  pspec->name);
}

static void
attendance_notified_cb (GObject    *record,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  notify_derived (user_data, attendance_derivations, G_N_ELEMENTS (attendance_derivations),
                  pspec->name);
}

/* Overrides */

static void
upr_participant_constructed (GObject *object)
{
  UprParticipant *self = UPR_PARTICIPANT (object);

  G_OBJECT_CLASS (upr_participant_parent_class)->constructed (object);

  g_assert (UPR_IS_ATTENDANCE (self->attendance));
  g_assert (UPR_IS_PERSON (self->person));

  self->attendance_notify_id = g_signal_connect (self->attendance, "notify",
                                                 G_CALLBACK (attendance_notified_cb), self);
  self->person_notify_id = g_signal_connect (self->person, "notify",
                                             G_CALLBACK (person_notified_cb), self);
}

/* The records may outlive the row (an undo keeps them), so the handlers go with the row. */
static void
upr_participant_dispose (GObject *object)
{
  UprParticipant *self = UPR_PARTICIPANT (object);

  if (self->attendance != NULL)
    g_clear_signal_handler (&self->attendance_notify_id, self->attendance);
  if (self->person != NULL)
    g_clear_signal_handler (&self->person_notify_id, self->person);
  if (self->organisation != NULL)
    g_clear_signal_handler (&self->organisation_notify_id, self->organisation);
  g_clear_object (&self->attendance);
  g_clear_object (&self->person);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (upr_participant_parent_class)->dispose (object);
}

static void
upr_participant_finalize (GObject *object)
{
  UprParticipant *self = UPR_PARTICIPANT (object);

  g_free (self->search_key);

  G_OBJECT_CLASS (upr_participant_parent_class)->finalize (object);
}

static void
upr_participant_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UprParticipant *self = UPR_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ATTENDANCE: g_value_set_object (value, self->attendance); break;
    case PROP_PERSON: g_value_set_object (value, self->person); break;
    case PROP_ORGANISATION: g_value_set_object (value, self->organisation); break;
    case PROP_NAME: g_value_set_string (value, person_string (self, "name")); break;
    case PROP_HONORIFIC: g_value_set_string (value, person_string (self, "honorific")); break;
    case PROP_POSITION: g_value_set_string (value, person_string (self, "position")); break;
    case PROP_EMAIL: g_value_set_string (value, person_string (self, "email")); break;
    case PROP_ORGANISATION_NAME:
      g_value_set_string (value, organisation_string (self, "name"));
      break;
    case PROP_STAKEHOLDER_TYPE:
      g_value_set_string (value, organisation_string (self, "stakeholder-type"));
      break;
    case PROP_STAKEHOLDER_LABEL: g_value_set_string (value, stakeholder_label (self)); break;
    case PROP_GENDER: g_value_set_string (value, person_string (self, "gender")); break;
    case PROP_GENDER_LABEL: g_value_set_string (value, gender_label (self)); break;
    case PROP_REGISTRATION:
      g_value_set_string (value, attendance_string (self, "registration"));
      break;
    case PROP_REGISTRATION_LABEL:
      g_value_set_string (value, upr_vocab_label (UPR_VOCAB_REGISTRATION,
                                                  attendance_string (self, "registration")));
      break;
    case PROP_MODE: g_value_set_string (value, attendance_string (self, "mode")); break;
    case PROP_MODE_LABEL:
      g_value_set_string (value, upr_vocab_label (UPR_VOCAB_ATTENDANCE_MODE,
                                                  attendance_string (self, "mode")));
      break;
    case PROP_SEARCH_KEY: g_value_set_string (value, upr_participant_get_search_key (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UprParticipant *self = UPR_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ATTENDANCE:
      self->attendance = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      upr_participant_set_organisation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
derived_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
upr_participant_class_init (UprParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = upr_participant_constructed;
  object_class->dispose = upr_participant_dispose;
  object_class->finalize = upr_participant_finalize;
  object_class->get_property = upr_participant_get_property;
  object_class->set_property = upr_participant_set_property;

  properties[PROP_ATTENDANCE] =
    g_param_spec_object ("attendance", NULL, NULL, UPR_TYPE_ATTENDANCE, construct);
  properties[PROP_PERSON] = g_param_spec_object ("person", NULL, NULL, UPR_TYPE_PERSON, construct);
  /* Not a construct property: it is set after construction, once the person is known. */
  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, UPR_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] = derived_string ("name");
  properties[PROP_HONORIFIC] = derived_string ("honorific");
  properties[PROP_POSITION] = derived_string ("position");
  properties[PROP_EMAIL] = derived_string ("email");
  properties[PROP_ORGANISATION_NAME] = derived_string ("organisation-name");
  properties[PROP_STAKEHOLDER_TYPE] = derived_string ("stakeholder-type");
  properties[PROP_STAKEHOLDER_LABEL] = derived_string ("stakeholder-label");
  properties[PROP_GENDER] = derived_string ("gender");
  properties[PROP_GENDER_LABEL] = derived_string ("gender-label");
  properties[PROP_REGISTRATION] = derived_string ("registration");
  properties[PROP_REGISTRATION_LABEL] = derived_string ("registration-label");
  properties[PROP_MODE] = derived_string ("mode");
  properties[PROP_MODE_LABEL] = derived_string ("mode-label");
  properties[PROP_SEARCH_KEY] = derived_string ("search-key");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_participant_init (UprParticipant *self)
{
}

/* Public API */

UprParticipant *
upr_participant_new (UprAttendance   *attendance,
                     UprPerson       *person,
                     UprOrganisation *organisation)
{
  g_return_val_if_fail (UPR_IS_ATTENDANCE (attendance), NULL);
  g_return_val_if_fail (UPR_IS_PERSON (person), NULL);
  g_return_val_if_fail (organisation == NULL || UPR_IS_ORGANISATION (organisation), NULL);

  return g_object_new (UPR_TYPE_PARTICIPANT,
                       "attendance", attendance,
                       "person", person,
                       "organisation", organisation,
                       NULL);
}

UprAttendance *
upr_participant_get_attendance (UprParticipant *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT (self), NULL);

  return self->attendance;
}

UprPerson *
upr_participant_get_person (UprParticipant *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT (self), NULL);

  return self->person;
}

UprOrganisation *
upr_participant_get_organisation (UprParticipant *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT (self), NULL);

  return self->organisation;
}

/* Also points the person's "organisation-id" at @organisation (NULL while it is unsaved;
 * upr_participant_list_save() saves it first and fills the id in). */
void
upr_participant_set_organisation (UprParticipant  *self,
                                  UprOrganisation *organisation)
{
  g_return_if_fail (UPR_IS_PARTICIPANT (self));
  g_return_if_fail (organisation == NULL || UPR_IS_ORGANISATION (organisation));

  if (self->organisation == organisation)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->organisation != NULL)
    g_clear_signal_handler (&self->organisation_notify_id, self->organisation);
  g_set_object (&self->organisation, organisation);
  if (organisation != NULL)
    self->organisation_notify_id = g_signal_connect (organisation, "notify",
                                                     G_CALLBACK (organisation_notified_cb), self);
  upr_record_set_string (UPR_RECORD (self->person), "organisation-id",
                         organisation != NULL ? upr_record_get_id (UPR_RECORD (organisation))
                                              : NULL);
  g_clear_pointer (&self->search_key, g_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAKEHOLDER_TYPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAKEHOLDER_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_KEY]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
upr_participant_get_name (UprParticipant *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT (self), NULL);

  return person_string (self, "name");
}

const char *
upr_participant_get_search_key (UprParticipant *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT (self), NULL);

  if (self->search_key == NULL)
    self->search_key = build_search_key (self);
  return self->search_key;
}
