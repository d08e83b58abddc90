/* upr-participant-import-values.c: the headers and values of participant lists as
 * registration systems and meeting tools write them, in English and French. Everything is
 * compared as upr_normalise_name_key() makes it: case, accents and punctuation aside
 * ("E-mail" and "email", "Prénom" and "prenom"). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "upr-normalise.h"
#include "upr-participant-import-private.h"

/* Headers */

typedef struct
{
  const char         *key;
  UprParticipantField field;
  UprHeaderHint       hint;
} HeaderName;

/* Whole headers, as the tools write them. Zoom, Teams, Indico and common web forms. */
static const HeaderName header_names[] = {
  { "name", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_NAME },
  { "nom", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_NAME },
  { "names", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "noms", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "full name", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "nom complet", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "nom et prenom", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "nom et prenoms", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "nom prenom", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "nom prenoms", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "prenom et nom", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "prenom nom", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "participant", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "participants", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "participant name", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "nom du participant", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "attendee", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "attendee name", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "display name", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_PLAIN },
  { "name original name", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_ORIGINAL_NAME },
  { "nom nom d origine", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_ORIGINAL_NAME },
  { "nom nom original", UPR_PARTICIPANT_FIELD_FULL_NAME, UPR_HEADER_ORIGINAL_NAME },
  { "first name", UPR_PARTICIPANT_FIELD_FIRST_NAME, UPR_HEADER_PLAIN },
  { "firstname", UPR_PARTICIPANT_FIELD_FIRST_NAME, UPR_HEADER_PLAIN },
  { "given name", UPR_PARTICIPANT_FIELD_FIRST_NAME, UPR_HEADER_PLAIN },
  { "forename", UPR_PARTICIPANT_FIELD_FIRST_NAME, UPR_HEADER_PLAIN },
  { "prenom", UPR_PARTICIPANT_FIELD_FIRST_NAME, UPR_HEADER_PLAIN },
  { "prenoms", UPR_PARTICIPANT_FIELD_FIRST_NAME, UPR_HEADER_PLAIN },
  { "last name", UPR_PARTICIPANT_FIELD_LAST_NAME, UPR_HEADER_PLAIN },
  { "lastname", UPR_PARTICIPANT_FIELD_LAST_NAME, UPR_HEADER_PLAIN },
  { "surname", UPR_PARTICIPANT_FIELD_LAST_NAME, UPR_HEADER_PLAIN },
  { "family name", UPR_PARTICIPANT_FIELD_LAST_NAME, UPR_HEADER_PLAIN },
  { "nom de famille", UPR_PARTICIPANT_FIELD_LAST_NAME, UPR_HEADER_PLAIN },
  { "title", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_TITLE },
  { "titre", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_TITLE },
  { "honorific", UPR_PARTICIPANT_FIELD_HONORIFIC, UPR_HEADER_PLAIN },
  { "salutation", UPR_PARTICIPANT_FIELD_HONORIFIC, UPR_HEADER_PLAIN },
  { "prefix", UPR_PARTICIPANT_FIELD_HONORIFIC, UPR_HEADER_PLAIN },
  { "civilite", UPR_PARTICIPANT_FIELD_HONORIFIC, UPR_HEADER_PLAIN },
  { "appellation", UPR_PARTICIPANT_FIELD_HONORIFIC, UPR_HEADER_PLAIN },
  { "gender", UPR_PARTICIPANT_FIELD_GENDER, UPR_HEADER_PLAIN },
  { "sex", UPR_PARTICIPANT_FIELD_GENDER, UPR_HEADER_PLAIN },
  { "genre", UPR_PARTICIPANT_FIELD_GENDER, UPR_HEADER_PLAIN },
  { "sexe", UPR_PARTICIPANT_FIELD_GENDER, UPR_HEADER_PLAIN },
  { "organisation", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "organization", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "affiliation", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "institution", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "company", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "employer", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "entity", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "entite", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "structure", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "organisme", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "entreprise", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "agency", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "ministry", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "ministere", UPR_PARTICIPANT_FIELD_ORGANISATION, UPR_HEADER_PLAIN },
  { "type", UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE, UPR_HEADER_PLAIN },
  { "category", UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE, UPR_HEADER_PLAIN },
  { "categorie", UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE, UPR_HEADER_PLAIN },
  { "sector", UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE, UPR_HEADER_PLAIN },
  { "secteur", UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE, UPR_HEADER_PLAIN },
  { "stakeholder", UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE, UPR_HEADER_PLAIN },
  { "partie prenante", UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE, UPR_HEADER_PLAIN },
  { "position", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_PLAIN },
  { "job title", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_PLAIN },
  { "job", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_PLAIN },
  { "function", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_PLAIN },
  { "fonction", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_PLAIN },
  { "poste", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_PLAIN },
  { "designation", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_PLAIN },
  { "occupation", UPR_PARTICIPANT_FIELD_POSITION, UPR_HEADER_PLAIN },
  { "country", UPR_PARTICIPANT_FIELD_COUNTRY, UPR_HEADER_PLAIN },
  { "country region", UPR_PARTICIPANT_FIELD_COUNTRY, UPR_HEADER_PLAIN },
  { "pays", UPR_PARTICIPANT_FIELD_COUNTRY, UPR_HEADER_PLAIN },
  { "pays region", UPR_PARTICIPANT_FIELD_COUNTRY, UPR_HEADER_PLAIN },
  { "nationality", UPR_PARTICIPANT_FIELD_COUNTRY, UPR_HEADER_PLAIN },
  { "nationalite", UPR_PARTICIPANT_FIELD_COUNTRY, UPR_HEADER_PLAIN },
  { "email", UPR_PARTICIPANT_FIELD_EMAIL, UPR_HEADER_PLAIN },
  { "e mail", UPR_PARTICIPANT_FIELD_EMAIL, UPR_HEADER_PLAIN },
  { "mail", UPR_PARTICIPANT_FIELD_EMAIL, UPR_HEADER_PLAIN },
  { "courriel", UPR_PARTICIPANT_FIELD_EMAIL, UPR_HEADER_PLAIN },
  { "adresse electronique", UPR_PARTICIPANT_FIELD_EMAIL, UPR_HEADER_PLAIN },
  { "phone", UPR_PARTICIPANT_FIELD_PHONE, UPR_HEADER_PLAIN },
  { "telephone", UPR_PARTICIPANT_FIELD_PHONE, UPR_HEADER_PLAIN },
  { "tel", UPR_PARTICIPANT_FIELD_PHONE, UPR_HEADER_PLAIN },
  { "mobile", UPR_PARTICIPANT_FIELD_PHONE, UPR_HEADER_PLAIN },
  { "portable", UPR_PARTICIPANT_FIELD_PHONE, UPR_HEADER_PLAIN },
  { "whatsapp", UPR_PARTICIPANT_FIELD_PHONE, UPR_HEADER_PLAIN },
  { "status", UPR_PARTICIPANT_FIELD_REGISTRATION, UPR_HEADER_PLAIN },
  { "statut", UPR_PARTICIPANT_FIELD_REGISTRATION, UPR_HEADER_PLAIN },
  { "registration", UPR_PARTICIPANT_FIELD_REGISTRATION, UPR_HEADER_PLAIN },
  { "inscription", UPR_PARTICIPANT_FIELD_REGISTRATION, UPR_HEADER_PLAIN },
  { "approval status", UPR_PARTICIPANT_FIELD_REGISTRATION, UPR_HEADER_PLAIN },
  { "statut d approbation", UPR_PARTICIPANT_FIELD_REGISTRATION, UPR_HEADER_PLAIN },
  { "attended", UPR_PARTICIPANT_FIELD_ATTENDED, UPR_HEADER_PLAIN },
  { "attendance", UPR_PARTICIPANT_FIELD_ATTENDED, UPR_HEADER_PLAIN },
  { "present", UPR_PARTICIPANT_FIELD_ATTENDED, UPR_HEADER_PLAIN },
  { "presence", UPR_PARTICIPANT_FIELD_ATTENDED, UPR_HEADER_PLAIN },
  { "a participe", UPR_PARTICIPANT_FIELD_ATTENDED, UPR_HEADER_PLAIN },
  { "participe", UPR_PARTICIPANT_FIELD_ATTENDED, UPR_HEADER_PLAIN },
  { "mode", UPR_PARTICIPANT_FIELD_MODE, UPR_HEADER_PLAIN },
  { "modality", UPR_PARTICIPANT_FIELD_MODE, UPR_HEADER_PLAIN },
  { "modalite", UPR_PARTICIPANT_FIELD_MODE, UPR_HEADER_PLAIN },
  { "in meeting duration", UPR_PARTICIPANT_FIELD_DURATION, UPR_HEADER_PLAIN },
  { "time in session", UPR_PARTICIPANT_FIELD_DURATION, UPR_HEADER_PLAIN },
  { "consent", UPR_PARTICIPANT_FIELD_CONSENT, UPR_HEADER_PLAIN },
  { "consentement", UPR_PARTICIPANT_FIELD_CONSENT, UPR_HEADER_PLAIN },
  /* Known and left out: when someone joined, their role in the call, ids, guest flags… */
  { "role", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "guest", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "invite", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "id", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "no", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "n", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "timestamp", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "horodatage", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "signature", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
  { "in waiting room", UPR_PARTICIPANT_FIELD_IGNORE, UPR_HEADER_PLAIN },
};

typedef struct
{
  const char         *word;
  const char         *also;  /* a second word the header must hold too; NULL: none */
  const char         *not;   /* a word that must not be there; NULL: none */
  UprParticipantField field;
} HeaderWords;

/* Then words inside longer headers ("E-mail address", "Adresse e-mail", "Total Duration
 * (Minutes)"), the more specific first: "Organisation type" is a stakeholder type, "User
 * email" an e-mail, "Recording Consent" (Zoom) no consent to keep anyone's data. */
static const HeaderWords header_words[] = {
  { "recording", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "enregistrement", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "photo", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "upn", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "join", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "leave", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "arrivee", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "depart", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "participation", "premiere", NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "date", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "session", "time", NULL, UPR_PARTICIPANT_FIELD_DURATION },
  { "time", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "heure", NULL, NULL, UPR_PARTICIPANT_FIELD_IGNORE },
  { "duration", NULL, NULL, UPR_PARTICIPANT_FIELD_DURATION },
  { "duree", NULL, NULL, UPR_PARTICIPANT_FIELD_DURATION },
  { "consent", NULL, NULL, UPR_PARTICIPANT_FIELD_CONSENT },
  { "consentement", NULL, NULL, UPR_PARTICIPANT_FIELD_CONSENT },
  { "email", NULL, NULL, UPR_PARTICIPANT_FIELD_EMAIL },
  { "mail", NULL, NULL, UPR_PARTICIPANT_FIELD_EMAIL },
  { "courriel", NULL, NULL, UPR_PARTICIPANT_FIELD_EMAIL },
  { "participation", "type", NULL, UPR_PARTICIPANT_FIELD_MODE },
  { "participation", "mode", NULL, UPR_PARTICIPANT_FIELD_MODE },
  { "type", NULL, "participant", UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE },
  { "stakeholder", NULL, NULL, UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE },
  { "category", NULL, NULL, UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE },
  { "categorie", NULL, NULL, UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE },
  { "first", "name", NULL, UPR_PARTICIPANT_FIELD_FIRST_NAME },
  { "given", "name", NULL, UPR_PARTICIPANT_FIELD_FIRST_NAME },
  { "prenom", NULL, "nom", UPR_PARTICIPANT_FIELD_FIRST_NAME },
  { "prenoms", NULL, "nom", UPR_PARTICIPANT_FIELD_FIRST_NAME },
  { "last", "name", NULL, UPR_PARTICIPANT_FIELD_LAST_NAME },
  { "family", "name", NULL, UPR_PARTICIPANT_FIELD_LAST_NAME },
  { "surname", NULL, NULL, UPR_PARTICIPANT_FIELD_LAST_NAME },
  { "famille", NULL, NULL, UPR_PARTICIPANT_FIELD_LAST_NAME },
  { "organisation", NULL, NULL, UPR_PARTICIPANT_FIELD_ORGANISATION },
  { "organization", NULL, NULL, UPR_PARTICIPANT_FIELD_ORGANISATION },
  { "affiliation", NULL, NULL, UPR_PARTICIPANT_FIELD_ORGANISATION },
  { "institution", NULL, NULL, UPR_PARTICIPANT_FIELD_ORGANISATION },
  { "company", NULL, NULL, UPR_PARTICIPANT_FIELD_ORGANISATION },
  { "structure", NULL, NULL, UPR_PARTICIPANT_FIELD_ORGANISATION },
  { "gender", NULL, NULL, UPR_PARTICIPANT_FIELD_GENDER },
  { "genre", NULL, NULL, UPR_PARTICIPANT_FIELD_GENDER },
  { "sexe", NULL, NULL, UPR_PARTICIPANT_FIELD_GENDER },
  { "phone", NULL, NULL, UPR_PARTICIPANT_FIELD_PHONE },
  { "telephone", NULL, NULL, UPR_PARTICIPANT_FIELD_PHONE },
  { "mobile", NULL, NULL, UPR_PARTICIPANT_FIELD_PHONE },
  { "country", NULL, NULL, UPR_PARTICIPANT_FIELD_COUNTRY },
  { "pays", NULL, NULL, UPR_PARTICIPANT_FIELD_COUNTRY },
  { "position", NULL, NULL, UPR_PARTICIPANT_FIELD_POSITION },
  { "job", NULL, NULL, UPR_PARTICIPANT_FIELD_POSITION },
  { "fonction", NULL, NULL, UPR_PARTICIPANT_FIELD_POSITION },
  { "poste", NULL, NULL, UPR_PARTICIPANT_FIELD_POSITION },
  { "status", NULL, NULL, UPR_PARTICIPANT_FIELD_REGISTRATION },
  { "statut", NULL, NULL, UPR_PARTICIPANT_FIELD_REGISTRATION },
  { "registration", NULL, NULL, UPR_PARTICIPANT_FIELD_REGISTRATION },
  { "attended", NULL, NULL, UPR_PARTICIPANT_FIELD_ATTENDED },
  { "mode", NULL, NULL, UPR_PARTICIPANT_FIELD_MODE },
  { "full", "name", NULL, UPR_PARTICIPANT_FIELD_FULL_NAME },
  { "name", NULL, NULL, UPR_PARTICIPANT_FIELD_FULL_NAME },
  { "nom", NULL, NULL, UPR_PARTICIPANT_FIELD_FULL_NAME },
};

static gboolean
has_word (const char *key,
          const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (key, word); p != NULL; p = strstr (p + 1, word))
    if ((p == key || p[-1] == ' ') && (p[length] == '\0' || p[length] == ' '))
      return TRUE;
  return FALSE;
}

static UprDurationUnit
duration_unit (const char *key)
{
  if (has_word (key, "seconds") || has_word (key, "secondes") || has_word (key, "sec"))
    return UPR_DURATION_SECONDS;
  if (has_word (key, "hours") || has_word (key, "heures") || has_word (key, "h"))
    return UPR_DURATION_HOURS;
  return UPR_DURATION_MINUTES;
}

UprParticipantField
upr_participant_header_field (const char      *header,
                              UprHeaderHint   *hint,
                              UprDurationUnit *unit)
{
  g_autofree char *key = upr_normalise_name_key (header);

  *hint = UPR_HEADER_PLAIN;
  *unit = duration_unit (key);
  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (strcmp (key, header_names[i].key) == 0)
      {
        *hint = header_names[i].hint;
        return header_names[i].field;
      }
  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (has_word (key, header_words[i].word)
        && (header_words[i].also == NULL || has_word (key, header_words[i].also))
        && (header_words[i].not == NULL || !has_word (key, header_words[i].not)))
      return header_words[i].field;
  return UPR_PARTICIPANT_FIELD_NONE;
}

/* Values */

typedef struct
{
  const char *key;
  const char *id;
} Value;

static const char *
lookup (const Value *values,
        guint        n_values,
        const char  *text)
{
  g_autofree char *key = upr_normalise_name_key (text);

  for (guint i = 0; i < n_values; i++)
    if (strcmp (key, values[i].key) == 0)
      return values[i].id;
  return NULL;
}

/* Gender as people declare it on forms. "H" is French for "homme"; "Other" is a
 * self-description without its words. */
static const Value genders[] = {
  { "f", "woman" }, { "female", "woman" }, { "woman", "woman" }, { "women", "woman" },
  { "femme", "woman" }, { "feminin", "woman" }, { "w", "woman" }, { "girl", "woman" },
  { "fille", "woman" }, { "mrs", "woman" },
  { "m", "man" }, { "male", "man" }, { "man", "man" }, { "men", "man" }, { "homme", "man" },
  { "masculin", "man" }, { "h", "man" }, { "boy", "man" }, { "garcon", "man" },
  { "non binary", "non-binary" }, { "nonbinary", "non-binary" }, { "non binaire", "non-binary" },
  { "x", "non-binary" },
  { "other", "self-described" }, { "autre", "self-described" },
  { "self described", "self-described" }, { "self describe", "self-described" },
  { "prefer not to say", "prefer-not-to-say" }, { "prefer not to answer", "prefer-not-to-say" },
  { "prefer not to disclose", "prefer-not-to-say" }, { "rather not say", "prefer-not-to-say" },
  { "je prefere ne pas repondre", "prefer-not-to-say" },
  { "prefere ne pas repondre", "prefer-not-to-say" },
  { "prefere ne pas le dire", "prefer-not-to-say" },
  { "ne souhaite pas repondre", "prefer-not-to-say" },
};

const char *
upr_participant_parse_gender (const char *text)
{
  return lookup (genders, G_N_ELEMENTS (genders), text);
}

/* Registration states of Indico, Zoom (approval status), Eventbrite and forms. */
static const Value registrations[] = {
  { "registered", "registered" }, { "complete", "registered" }, { "completed", "registered" },
  { "approved", "registered" }, { "accepted", "registered" }, { "confirmed", "registered" },
  { "inscrit", "registered" }, { "inscrite", "registered" }, { "inscrit e", "registered" },
  { "confirme", "registered" }, { "confirmee", "registered" }, { "approuve", "registered" },
  { "valide", "registered" }, { "accepte", "registered" },
  { "invited", "invited" }, { "pending", "invited" }, { "awaiting approval", "invited" },
  { "unpaid", "invited" }, { "invite", "invited" }, { "invitee", "invited" },
  { "en attente", "invited" },
  { "attended", "attended" }, { "present", "attended" }, { "presente", "attended" },
  { "checked in", "attended" }, { "participated", "attended" }, { "a participe", "attended" },
  { "absent", "absent" }, { "absente", "absent" }, { "no show", "absent" },
  { "did not attend", "absent" },
  { "cancelled", UPR_PARTICIPANT_CANCELLED }, { "canceled", UPR_PARTICIPANT_CANCELLED },
  { "withdrawn", UPR_PARTICIPANT_CANCELLED }, { "rejected", UPR_PARTICIPANT_CANCELLED },
  { "denied", UPR_PARTICIPANT_CANCELLED }, { "declined", UPR_PARTICIPANT_CANCELLED },
  { "annule", UPR_PARTICIPANT_CANCELLED }, { "annulee", UPR_PARTICIPANT_CANCELLED },
  { "refuse", UPR_PARTICIPANT_CANCELLED }, { "refusee", UPR_PARTICIPANT_CANCELLED },
  { "desiste", UPR_PARTICIPANT_CANCELLED }, { "retire", UPR_PARTICIPANT_CANCELLED },
};

const char *
upr_participant_parse_registration (const char *text)
{
  return lookup (registrations, G_N_ELEMENTS (registrations), text);
}

static const Value modes[] = {
  { "in person", "in-person" }, { "on site", "in-person" }, { "onsite", "in-person" },
  { "physical", "in-person" }, { "face to face", "in-person" }, { "presentiel", "in-person" },
  { "en presentiel", "in-person" }, { "sur place", "in-person" },
  { "online", "online" }, { "virtual", "online" }, { "remote", "online" },
  { "remotely", "online" }, { "en ligne", "online" }, { "a distance", "online" },
  { "distanciel", "online" }, { "en distanciel", "online" }, { "virtuel", "online" },
  { "zoom", "online" }, { "teams", "online" },
};

const char *
upr_participant_parse_mode (const char *text)
{
  return lookup (modes, G_N_ELEMENTS (modes), text);
}

static const Value stakeholders[] = {
  { "government", "government" }, { "gov", "government" }, { "ministry", "government" },
  { "state", "government" }, { "gouvernement", "government" }, { "ministere", "government" },
  { "etat", "government" }, { "administration", "government" },
  { "nmirf", "nmirf" }, { "national mechanism", "nmirf" },
  { "inter ministerial committee", "nmirf" }, { "mecanisme national", "nmirf" },
  { "parliament", "parliament" }, { "parlement", "parliament" }, { "mp", "parliament" },
  { "judiciary", "judiciary" }, { "justice", "judiciary" }, { "judiciaire", "judiciary" },
  { "pouvoir judiciaire", "judiciary" },
  { "nhri", "nhri" }, { "inddh", "nhri" }, { "cndh", "nhri" },
  { "national human rights institution", "nhri" },
  { "institution nationale des droits de l homme", "nhri" },
  { "cso", "cso" }, { "ngo", "cso" }, { "civil society", "cso" }, { "osc", "cso" },
  { "ong", "cso" }, { "societe civile", "cso" }, { "civil society organisation", "cso" },
  { "civil society organization", "cso" }, { "organisation de la societe civile", "cso" },
  { "un", "un" }, { "united nations", "un" }, { "un agency", "un" }, { "onu", "un" },
  { "nations unies", "un" }, { "agence des nations unies", "un" },
  { "embassy", "embassy" }, { "ambassade", "embassy" }, { "diplomatic", "embassy" },
  { "diplomatique", "embassy" },
  { "academia", "academia" }, { "academic", "academia" }, { "university", "academia" },
  { "universite", "academia" }, { "universitaire", "academia" }, { "recherche", "academia" },
  { "media", "media" }, { "medias", "media" }, { "press", "media" }, { "presse", "media" },
  { "private sector", "private-sector" }, { "business", "private-sector" },
  { "secteur prive", "private-sector" }, { "entreprise", "private-sector" },
  { "other", "other" }, { "autre", "other" },
};

const char *
upr_participant_parse_stakeholder (const char *text)
{
  return lookup (stakeholders, G_N_ELEMENTS (stakeholders), text);
}

static const Value yes_no[] = {
  { "yes", "1" }, { "y", "1" }, { "true", "1" }, { "1", "1" }, { "x", "1" }, { "oui", "1" },
  { "o", "1" }, { "vrai", "1" }, { "agree", "1" }, { "i agree", "1" }, { "accepted", "1" },
  { "j accepte", "1" }, { "d accord", "1" }, { "accepte", "1" }, { "checked", "1" },
  { "no", "0" }, { "n", "0" }, { "false", "0" }, { "0", "0" }, { "non", "0" },
  { "faux", "0" }, { "disagree", "0" }, { "refused", "0" }, { "refuse", "0" },
  { "je refuse", "0" }, { "unchecked", "0" },
};

int
upr_participant_parse_yes_no (const char *text)
{
  const char *value = lookup (yes_no, G_N_ELEMENTS (yes_no), text);

  return value == NULL ? -1 : value[0] == '1';
}

/* Consent that names its scope; anything else must be a plain yes or no. */
static const Value consents[] = {
  { "none", "none" }, { "no consent", "none" }, { "aucun", "none" },
  { "records", "records" }, { "internal records", "records" },
  { "internal records only", "records" }, { "internal", "records" },
  { "usage interne", "records" }, { "interne", "records" },
  { "reports", "reports" }, { "report", "reports" }, { "rapports", "reports" },
  { "name may appear in reports", "reports" },
  { "public", "public" }, { "publish", "public" }, { "publication", "public" },
  { "name may be published", "public" },
};

const char *
upr_participant_parse_consent (const char *text)
{
  const char *scope = lookup (consents, G_N_ELEMENTS (consents), text);
  int yes = upr_participant_parse_yes_no (text);

  if (scope != NULL)
    return scope;
  if (yes < 0)
    return NULL;
  return yes ? "yes" : "none";
}

/* "1h 23m 10s", "1 h 23 min", "2h", "45 min", "90s", "1 heure 5 minutes". */
static gboolean
parse_units (const char *text,
             double     *minutes)
{
  const char *p = text;
  gboolean any = FALSE;

  *minutes = 0;
  while (*p != '\0')
    {
      char *end;
      double value;
      const char *unit;
      gsize length;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      value = g_ascii_strtod (p, &end);
      if (end == p || value < 0)
        return FALSE;
      p = end;
      while (*p == ' ')
        p++;
      unit = p;
      while (g_ascii_isalpha (*p))
        p++;
      length = (gsize) (p - unit);
      if (length == 0)
        return FALSE;
      if (unit[0] == 'h')
        *minutes += value * 60;
      else if (unit[0] == 'm')
        *minutes += value;
      else if (unit[0] == 's')
        *minutes += value / 60;
      else
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* "01:23:10" (hours, minutes, seconds) or "1:23" (hours and minutes). */
static gboolean
parse_clock (const char *text,
             double     *minutes)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  double values[3] = { 0, 0, 0 };

  if (n < 2 || n > 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      char *end;

      if (parts[i][0] == '\0' || !g_ascii_isdigit (parts[i][0]))
        return FALSE;
      values[i] = g_ascii_strtod (parts[i], &end);
      if (*end != '\0')
        return FALSE;
    }
  *minutes = values[0] * 60 + values[1] + values[2] / 60;
  return TRUE;
}

gboolean
upr_participant_parse_duration (const char     *text,
                                UprDurationUnit unit,
                                guint          *minutes)
{
  g_autofree char *key = NULL;
  g_autofree char *number = NULL;
  double value;
  char *end;

  /* The key keeps digits and letters; a decimal comma (French) becomes a dot first. */
  number = g_strdelimit (g_strstrip (g_strdup (text)), ",", '.');
  if (strchr (number, ':') != NULL)
    {
      if (!parse_clock (number, &value))
        return FALSE;
    }
  else
    {
      value = g_ascii_strtod (number, &end);
      if (end == number || value < 0)
        return FALSE;
      if (*end != '\0')
        {
          key = g_ascii_strdown (number, -1);
          if (!parse_units (key, &value))
            return FALSE;
        }
      else if (unit == UPR_DURATION_SECONDS)
        value /= 60;
      else if (unit == UPR_DURATION_HOURS)
        value *= 60;
    }
  if (value > 366.0 * 24 * 60)
    return FALSE;
  /* A participant who stayed half a minute was there: round up. */
  *minutes = (guint) (value + 0.999);
  return TRUE;
}

static const char * const honorifics[] = {
  "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "pr", "sir", "dame", "hon", "he", "h e",
  "m", "mme", "mlle", "me", "se", "s e", "rev", "fr", "sr", "amb", "ambassador",
  "ambassadeur", "ambassadrice", "honourable", "honorable", "excellency", "excellence",
  "madame", "monsieur", "mademoiselle", "docteur", "professeur", "maitre",
};

gboolean
upr_participant_is_honorific (const char *text)
{
  g_autofree char *key = upr_normalise_name_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (honorifics); i++)
    if (strcmp (key, honorifics[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Teams's marks in English and French (its French "invité" agrees with the person). */
static const char * const meeting_marks[] = {
  "guest", "external", "unverified", "invite", "invitee", "externe", "non verifie",
  "non verifiee",
};

gboolean
upr_participant_is_meeting_mark (const char *text)
{
  g_autofree char *key = upr_normalise_name_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (meeting_marks); i++)
    if (strcmp (key, meeting_marks[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '@') == NULL
         && strchr (at + 1, '.') != NULL && at[1] != '.'
         && text[strlen (text) - 1] != '.'
         && strpbrk (text, " \t\n,;:<>()[]\"") == NULL;
}

char *
upr_participant_parse_email (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ";, \t\n<>", -1);

  /* "Jane <jane@example.org>" and lists of addresses: the first address. */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (g_str_has_prefix (part, "mailto:"))
        part += strlen ("mailto:");
      if (is_email (part))
        return g_strdup (part);
    }
  return NULL;
}
