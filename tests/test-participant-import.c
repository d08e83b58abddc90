/* test-participant-import.c: participant lists into a workshop (upr-participant-import.h) on
 * the samples of tests/data/participants (made by make-samples.py and make-teams-reports.py):
 * English and French registration exports, Zoom's and Teams's attendance reports (Teams's
 * full report in numbered sections too), a workbook; how values are read (gender,
 * durations), who is matched, that a second import changes nothing, that a failure, a
 * cancel or a dry run leave the database as it was, and that consent is never assumed.
 *
 * Argument: the folder of the samples. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "upr-attendance.h"
#include "upr-organisation.h"
#include "upr-participant-import.h"
#include "upr-participant-import-private.h"
#include "upr-person.h"
#include "upr-store.h"
#include "upr-store-participant-import.h"
#include "upr-table.h"
#include "upr-workshop.h"

static const char *samples_dir;

typedef struct
{
  char        *dir;
  char        *path;
  UprStore    *store;
  UprWorkshop *workshop;
} Fixture;

/* Helpers */

static UprTable *
read_sample (const char *name)
{
  g_autofree char *path = g_build_filename (samples_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  UprTable *table = upr_table_read (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return table;
}

static UprTable *
read_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  UprTable *table = upr_table_read_bytes (bytes, "inline.csv", NULL, NULL, &error);

  g_assert_no_error (error);
  return table;
}

static UprParticipantImport *
new_import (Fixture  *f,
            UprTable *table)
{
  g_autoptr(GError) error = NULL;
  UprParticipantImport *import;

  import = upr_participant_import_new (f->store, table,
                                       upr_record_get_id (UPR_RECORD (f->workshop)), &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static UprParticipantImport *
import_sample (Fixture    *f,
               const char *name)
{
  g_autoptr(UprTable) table = read_sample (name);
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GError) error = NULL;

  upr_participant_import_run (import, FALSE, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static UprParticipantField
field_of (UprParticipantImport *import,
          const char           *column)
{
  for (guint c = 0; c < upr_participant_import_get_n_columns (import); c++)
    if (g_strcmp0 (upr_participant_import_get_column_name (import, c), column) == 0)
      return upr_participant_import_get_column_field (import, c);
  g_error ("no column “%s”", column);
  return UPR_PARTICIPANT_FIELD_NONE;
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

typedef struct
{
  GPtrArray *people;        /* of UprPerson */
  GPtrArray *attendances;   /* of UprAttendance, in the same order */
  GPtrArray *organisations; /* of UprOrganisation or NULL */
} Participants;

static void
collect_cb (UprAttendance   *attendance,
            UprPerson       *person,
            UprOrganisation *organisation,
            gpointer         user_data)
{
  Participants *participants = user_data;

  g_ptr_array_add (participants->people, g_object_ref (person));
  g_ptr_array_add (participants->attendances, g_object_ref (attendance));
  g_ptr_array_add (participants->organisations,
                   organisation != NULL ? g_object_ref (organisation) : NULL);
}

static void
participants_clear (Participants *participants)
{
  g_clear_pointer (&participants->people, g_ptr_array_unref);
  g_clear_pointer (&participants->attendances, g_ptr_array_unref);
  g_clear_pointer (&participants->organisations, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Participants, participants_clear)

static void
load_participants (Fixture      *f,
                   Participants *participants)
{
  g_autoptr(GError) error = NULL;

  participants->people = g_ptr_array_new_with_free_func (g_object_unref);
  participants->attendances = g_ptr_array_new_with_free_func (g_object_unref);
  participants->organisations = g_ptr_array_new_with_free_func (unref_nullable);
  upr_store_foreach_participant (f->store, upr_record_get_id (UPR_RECORD (f->workshop)),
                                 collect_cb, participants, &error);
  g_assert_no_error (error);
}

/* The index of the participant named @name, or fails. */
static guint
find (Participants *participants,
      const char   *name)
{
  for (guint i = 0; i < participants->people->len; i++)
    if (g_strcmp0 (upr_record_get_string (g_ptr_array_index (participants->people, i), "name"),
                   name) == 0)
      return i;
  g_error ("no participant named “%s”", name);
  return 0;
}

static const char *
person_value (Participants *participants,
              const char   *name,
              const char   *field)
{
  return upr_record_get_string (g_ptr_array_index (participants->people,
                                                   find (participants, name)), field);
}

static const char *
attendance_value (Participants *participants,
                  const char   *name,
                  const char   *field)
{
  return upr_record_get_string (g_ptr_array_index (participants->attendances,
                                                   find (participants, name)), field);
}

static const char *
organisation_name (Participants *participants,
                   const char   *name)
{
  UprRecord *organisation = g_ptr_array_index (participants->organisations,
                                               find (participants, name));

  return organisation != NULL ? upr_record_get_string (organisation, "name") : NULL;
}

static guint
n_people (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = upr_store_list_people (f->store, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (people);
}

static guint
n_organisations (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) organisations = upr_store_list_organisations (f->store, NULL, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (organisations);
}

static guint
n_participants (Fixture *f)
{
  g_auto(Participants) participants = { 0 };

  load_participants (f, &participants);
  return participants.people->len;
}

static gboolean
has_issue (UprParticipantImport *import,
           UprImportSeverity     severity,
           const char           *message)
{
  GPtrArray *issues = upr_participant_import_get_issues (import);

  for (guint i = 0; i < issues->len; i++)
    {
      UprImportIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == severity && strstr (issue->message, message) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("upright-participant-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "upright.db", NULL);
  f->store = upr_store_open (f->path, &error);
  g_assert_no_error (error);

  f->workshop = upr_workshop_new ();
  upr_record_set_string (UPR_RECORD (f->workshop), "title", "Consultation nationale");
  upr_record_set_string (UPR_RECORD (f->workshop), "country-code", "BI");
  upr_store_save (f->store, UPR_RECORD (f->workshop), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->workshop);
  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Values */

static void
test_gender_values (void)
{
  static const struct { const char *text; const char *id; } cases[] = {
    { "F", "woman" }, { "f", "woman" }, { "Female", "woman" }, { "Woman", "woman" },
    { "Femme", "woman" }, { "FÉMININ", "woman" }, { "M", "man" }, { "Male", "man" },
    { "Man", "man" }, { "Homme", "man" }, { "H", "man" }, { "Masculin", "man" },
    { "Non-binary", "non-binary" }, { "non binaire", "non-binary" },
    { "Other", "self-described" }, { "Autre", "self-described" },
    { "Prefer not to say", "prefer-not-to-say" },
    { "Je préfère ne pas répondre", "prefer-not-to-say" },
    { "Unknown", NULL }, { "42", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (upr_participant_parse_gender (cases[i].text), ==, cases[i].id);
}

static void
test_duration_values (void)
{
  static const struct
  {
    const char     *text;
    UprDurationUnit unit;
    guint           minutes; /* G_MAXUINT: not a duration */
  } cases[] = {
    { "42", UPR_DURATION_MINUTES, 42 },
    { "83,5", UPR_DURATION_MINUTES, 84 },
    { "3600", UPR_DURATION_SECONDS, 60 },
    { "1.5", UPR_DURATION_HOURS, 90 },
    { "2h 7m 28s", UPR_DURATION_MINUTES, 128 },
    { "1h 30m", UPR_DURATION_MINUTES, 90 },
    { "1 h 5 min", UPR_DURATION_MINUTES, 65 },
    { "45 min", UPR_DURATION_MINUTES, 45 },
    { "1m 10s", UPR_DURATION_MINUTES, 2 },
    { "30s", UPR_DURATION_MINUTES, 1 },
    { "01:23:10", UPR_DURATION_MINUTES, 84 },
    { "1:30", UPR_DURATION_MINUTES, 90 },
    { "0", UPR_DURATION_MINUTES, 0 },
    { "soon", UPR_DURATION_MINUTES, G_MAXUINT },
    { "-5", UPR_DURATION_MINUTES, G_MAXUINT },
    { "1x", UPR_DURATION_MINUTES, G_MAXUINT },
    { "1:2:3:4", UPR_DURATION_MINUTES, G_MAXUINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint minutes = G_MAXUINT;
      gboolean ok = upr_participant_parse_duration (cases[i].text, cases[i].unit, &minutes);

      g_assert_cmpint (ok, ==, cases[i].minutes != G_MAXUINT);
      if (ok)
        g_assert_cmpuint (minutes, ==, cases[i].minutes);
    }
}

static void
test_other_values (void)
{
  g_autofree char *email = upr_participant_parse_email ("Jane Doe <jane@example.org>");
  g_autofree char *first = upr_participant_parse_email ("a@example.org; b@example.org");
  g_autofree char *none = upr_participant_parse_email ("jane at example dot org");

  g_assert_cmpstr (email, ==, "jane@example.org");
  g_assert_cmpstr (first, ==, "a@example.org");
  g_assert_null (none);

  g_assert_cmpstr (upr_participant_parse_registration ("Complete"), ==, "registered");
  g_assert_cmpstr (upr_participant_parse_registration ("Inscrite"), ==, "registered");
  g_assert_cmpstr (upr_participant_parse_registration ("Pending"), ==, "invited");
  g_assert_cmpstr (upr_participant_parse_registration ("Présent"), ==, "attended");
  g_assert_cmpstr (upr_participant_parse_registration ("No-show"), ==, "absent");
  g_assert_cmpstr (upr_participant_parse_registration ("Annulé"), ==, UPR_PARTICIPANT_CANCELLED);
  g_assert_cmpstr (upr_participant_parse_mode ("En ligne"), ==, "online");
  g_assert_cmpstr (upr_participant_parse_mode ("Présentiel"), ==, "in-person");
  g_assert_cmpstr (upr_participant_parse_stakeholder ("Société civile"), ==, "cso");
  g_assert_cmpstr (upr_participant_parse_stakeholder ("NGO"), ==, "cso");
  g_assert_cmpstr (upr_participant_parse_stakeholder ("Ministère"), ==, "government");
  g_assert_cmpstr (upr_participant_parse_consent ("Oui"), ==, "yes");
  g_assert_cmpstr (upr_participant_parse_consent ("No"), ==, "none");
  g_assert_cmpstr (upr_participant_parse_consent ("Public"), ==, "public");
  g_assert_null (upr_participant_parse_consent ("Maybe"));
  g_assert_true (upr_participant_is_honorific ("Mme"));
  g_assert_true (upr_participant_is_honorific ("H.E."));
  g_assert_false (upr_participant_is_honorific ("Director"));
  g_assert_true (upr_participant_is_meeting_mark ("Guest"));
  g_assert_true (upr_participant_is_meeting_mark ("Invitée"));
  g_assert_true (upr_participant_is_meeting_mark ("non vérifié"));
  g_assert_false (upr_participant_is_meeting_mark ("UNDP"));
  g_assert_false (upr_participant_is_meeting_mark ("Galaxy A12"));
}

static void
test_header_names (void)
{
  static const struct { const char *header; UprParticipantField field; } cases[] = {
    { "First Name", UPR_PARTICIPANT_FIELD_FIRST_NAME },
    { "Prénom", UPR_PARTICIPANT_FIELD_FIRST_NAME },
    { "Last name", UPR_PARTICIPANT_FIELD_LAST_NAME },
    { "Nom de famille", UPR_PARTICIPANT_FIELD_LAST_NAME },
    { "Full name", UPR_PARTICIPANT_FIELD_FULL_NAME },
    { "Nom complet", UPR_PARTICIPANT_FIELD_FULL_NAME },
    { "E-mail", UPR_PARTICIPANT_FIELD_EMAIL },
    { "Courriel", UPR_PARTICIPANT_FIELD_EMAIL },
    { "Adresse e-mail", UPR_PARTICIPANT_FIELD_EMAIL },
    { "User Email", UPR_PARTICIPANT_FIELD_EMAIL },
    { "Organization", UPR_PARTICIPANT_FIELD_ORGANISATION },
    { "Affiliation", UPR_PARTICIPANT_FIELD_ORGANISATION },
    { "Institution", UPR_PARTICIPANT_FIELD_ORGANISATION },
    { "Nom de l'organisation", UPR_PARTICIPANT_FIELD_ORGANISATION },
    { "Organisation type", UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE },
    { "Fonction", UPR_PARTICIPANT_FIELD_POSITION },
    { "Job Title", UPR_PARTICIPANT_FIELD_POSITION },
    { "Pays", UPR_PARTICIPANT_FIELD_COUNTRY },
    { "Country/Region", UPR_PARTICIPANT_FIELD_COUNTRY },
    { "Genre", UPR_PARTICIPANT_FIELD_GENDER },
    { "Sexe", UPR_PARTICIPANT_FIELD_GENDER },
    { "Durée (minutes)", UPR_PARTICIPANT_FIELD_DURATION },
    { "Total Duration (Minutes)", UPR_PARTICIPANT_FIELD_DURATION },
    { "Consentement", UPR_PARTICIPANT_FIELD_CONSENT },
    { "Consent to data processing", UPR_PARTICIPANT_FIELD_CONSENT },
    { "Recording Consent", UPR_PARTICIPANT_FIELD_IGNORE },
    { "Join Time", UPR_PARTICIPANT_FIELD_IGNORE },
    { "Registration Time", UPR_PARTICIPANT_FIELD_IGNORE },
    { "Registration State", UPR_PARTICIPANT_FIELD_REGISTRATION },
    { "Mode de participation", UPR_PARTICIPANT_FIELD_MODE },
    { "Téléphone", UPR_PARTICIPANT_FIELD_PHONE },
    { "Favourite colour", UPR_PARTICIPANT_FIELD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      UprHeaderHint hint;
      UprDurationUnit unit;

      g_assert_cmpint (upr_participant_header_field (cases[i].header, &hint, &unit), ==,
                       cases[i].field);
    }
}

/* Files */

static void
test_english (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("registration-en.csv");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GError) error = NULL;
  g_auto(Participants) participants = { 0 };
  const UprParticipantImportSummary *summary;

  g_assert_true (upr_participant_import_get_recognised (import));
  g_assert_false (upr_participant_import_is_attendance_report (import));
  g_assert_cmpint (field_of (import, "Title"), ==, UPR_PARTICIPANT_FIELD_HONORIFIC);
  g_assert_cmpint (field_of (import, "First Name"), ==, UPR_PARTICIPANT_FIELD_FIRST_NAME);
  g_assert_cmpint (field_of (import, "Last Name"), ==, UPR_PARTICIPANT_FIELD_LAST_NAME);
  g_assert_cmpint (field_of (import, "Email Address"), ==, UPR_PARTICIPANT_FIELD_EMAIL);
  g_assert_cmpint (field_of (import, "Affiliation"), ==, UPR_PARTICIPANT_FIELD_ORGANISATION);
  g_assert_cmpint (field_of (import, "Registration State"), ==,
                   UPR_PARTICIPANT_FIELD_REGISTRATION);
  /* A registration system's export lists people who registered, not who came. */
  g_assert_cmpstr (upr_participant_import_get_registration (import), ==, "registered");

  upr_participant_import_run (import, FALSE, NULL, &error);
  g_assert_no_error (error);
  summary = upr_participant_import_get_summary (import);
  g_assert_cmpuint (summary->n_rows, ==, 7);
  g_assert_cmpuint (summary->n_new, ==, 5);
  g_assert_cmpuint (summary->n_known, ==, 0);
  g_assert_cmpuint (summary->n_skipped, ==, 2);
  g_assert_cmpuint (summary->n_organisations, ==, 4);
  g_assert_true (has_issue (import, UPR_IMPORT_SEVERITY_SKIPPED, "no name"));
  g_assert_true (has_issue (import, UPR_IMPORT_SEVERITY_SKIPPED, "cancelled"));

  load_participants (f, &participants);
  g_assert_cmpuint (participants.people->len, ==, 5);
  g_assert_cmpstr (person_value (&participants, "Amélie Nkurunziza", "gender"), ==, "woman");
  g_assert_cmpstr (person_value (&participants, "Amélie Nkurunziza", "honorific"), ==, "Ms");
  g_assert_cmpstr (person_value (&participants, "Amélie Nkurunziza", "position"), ==,
                   "Director of Human Rights");
  g_assert_cmpstr (person_value (&participants, "Amélie Nkurunziza", "phone"), ==,
                   "+257 22 00 00 01");
  g_assert_cmpstr (organisation_name (&participants, "Amélie Nkurunziza"), ==,
                   "Ministry of Justice");
  g_assert_cmpstr (attendance_value (&participants, "Amélie Nkurunziza", "registration"), ==,
                   "registered");
  g_assert_cmpstr (person_value (&participants, "Chloé Mbonimpa", "gender"), ==, "woman");
  g_assert_cmpstr (person_value (&participants, "Jean-Baptiste Hakizimana", "gender"), ==, "man");
  g_assert_cmpstr (person_value (&participants, "Sam Irakoze", "gender"), ==, "non-binary");
  g_assert_cmpstr (attendance_value (&participants, "Sam Irakoze", "registration"), ==,
                   "invited");
  g_assert_cmpstr (organisation_name (&participants, "Sam Irakoze"), ==,
                   "Association des juristes, Gitega");
  /* Two rows name the Ministry of Justice: one organisation. */
  g_assert_cmpstr (organisation_name (&participants, "Éric Ndayishimiye"), ==,
                   "Ministry of Justice");
  g_assert_null (person_value (&participants, "Éric Ndayishimiye", "email"));
  /* No consent column: no consent. */
  for (guint i = 0; i < participants.people->len; i++)
    g_assert_cmpstr (upr_record_get_string (g_ptr_array_index (participants.people, i),
                                            "consent-scope"), ==, "none");
}

static void
test_french_and_known (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(UprParticipantImport) first = import_sample (f, "registration-en.csv");
  g_autoptr(UprTable) table = read_sample ("inscriptions-fr.csv");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GError) error = NULL;
  g_auto(Participants) participants = { 0 };
  const UprParticipantImportSummary *summary;

  g_assert_cmpint (field_of (import, "Civilité"), ==, UPR_PARTICIPANT_FIELD_HONORIFIC);
  g_assert_cmpint (field_of (import, "Prénom"), ==, UPR_PARTICIPANT_FIELD_FIRST_NAME);
  /* "Nom" beside "Prénom" is the last name. */
  g_assert_cmpint (field_of (import, "Nom"), ==, UPR_PARTICIPANT_FIELD_LAST_NAME);
  g_assert_cmpint (field_of (import, "Courriel"), ==, UPR_PARTICIPANT_FIELD_EMAIL);
  g_assert_cmpint (field_of (import, "Fonction"), ==, UPR_PARTICIPANT_FIELD_POSITION);
  g_assert_cmpint (field_of (import, "Sexe"), ==, UPR_PARTICIPANT_FIELD_GENDER);
  g_assert_cmpint (field_of (import, "Consentement"), ==, UPR_PARTICIPANT_FIELD_CONSENT);

  upr_participant_import_run (import, FALSE, NULL, &error);
  g_assert_no_error (error);
  summary = upr_participant_import_get_summary (import);
  g_assert_cmpuint (summary->n_rows, ==, 4);
  /* Amélie is known by her address, whatever its case: updated, not added twice. */
  g_assert_cmpuint (summary->n_new, ==, 2);
  g_assert_cmpuint (summary->n_updated, ==, 1);
  g_assert_cmpuint (summary->n_skipped, ==, 1);

  load_participants (f, &participants);
  g_assert_cmpuint (participants.people->len, ==, 7);
  /* She said yes to consent: internal records only, the narrowest scope. */
  g_assert_cmpstr (person_value (&participants, "Amélie Nkurunziza", "consent-scope"), ==,
                   "records");
  g_assert_cmpstr (person_value (&participants, "Amélie Nkurunziza", "honorific"), ==, "Mme");
  g_assert_cmpstr (organisation_name (&participants, "Amélie Nkurunziza"), ==,
                   "Ministère de la Justice");
  g_assert_cmpstr (person_value (&participants, "Évariste Ndikumana", "consent-scope"), ==,
                   "none");
  g_assert_cmpstr (person_value (&participants, "Évariste Ndikumana", "gender"), ==, "man");
  g_assert_cmpstr (attendance_value (&participants, "Évariste Ndikumana", "registration"), ==,
                   "attended");
  g_assert_cmpstr (attendance_value (&participants, "Aïcha Bizimana", "registration"), ==,
                   "absent");
  /* "Ligue Iteka" was created by the first import: found again, not doubled. */
  g_assert_cmpstr (organisation_name (&participants, "Aïcha Bizimana"), ==, "Ligue Iteka");
  g_assert_cmpuint (n_organisations (f), ==, 5);
}

/* A Windows code page: detection is unsure, the accents still come right. */
static void
test_code_page (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("inscriptions-fr-cp1252.csv");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GPtrArray) rows = upr_participant_import_preview (import, 10, NULL);
  UprParticipantPreviewRow *row;

  g_assert_false (upr_table_get_encoding_certain (table));
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->name, ==, "Évariste Ndikumana");
  g_assert_cmpstr (row->position, ==, "Chargé de programme");
  g_assert_cmpstr (row->gender, ==, "man");
  g_assert_cmpstr (row->registration, ==, "attended");
  g_assert_cmpstr (row->consent, ==, "none");
  g_assert_true (((UprParticipantPreviewRow *) g_ptr_array_index (rows, 3))->skipped);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("zoom-participants.csv");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UprPerson) kofi = upr_person_new ();
  g_auto(Participants) participants = { 0 };
  const UprParticipantImportSummary *summary;
  UprParticipantPreviewRow *row;

  g_assert_true (upr_participant_import_is_attendance_report (import));
  g_assert_cmpint (field_of (import, "Recording Consent"), ==, UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_cmpint (field_of (import, "Duration (Minutes)"), ==, UPR_PARTICIPANT_FIELD_DURATION);
  g_assert_cmpstr (upr_participant_import_get_registration (import), ==, "attended");

  /* Amélie dropped out and came back: one person, her two stays added up. */
  rows = upr_participant_import_preview (import, 10, NULL);
  g_assert_cmpuint (rows->len, ==, 4);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->name, ==, "Amélie Nkurunziza");
  g_assert_cmpuint (row->n_rows, ==, 2);
  g_assert_cmpuint (row->minutes, ==, 123);
  g_assert_cmpstr (row->mode, ==, "online");
  g_assert_null (row->consent);
  /* Zoom's "Current name (Original name)". */
  g_assert_cmpstr (((UprParticipantPreviewRow *) g_ptr_array_index (rows, 1))->name, ==,
                   "Jean-Baptiste H.");

  /* Kofi was typed in by hand at an earlier workshop, without an address. */
  upr_record_set_string (UPR_RECORD (kofi), "name", "Kofi MENSAH");
  upr_store_save (f->store, UPR_RECORD (kofi), &error);
  g_assert_no_error (error);

  upr_participant_import_run (import, FALSE, NULL, &error);
  g_assert_no_error (error);
  summary = upr_participant_import_get_summary (import);
  g_assert_cmpuint (summary->n_rows, ==, 5);
  g_assert_cmpuint (summary->n_merged, ==, 1);
  g_assert_cmpuint (summary->n_new, ==, 4);
  g_assert_cmpuint (summary->n_known, ==, 1);
  g_assert_cmpuint (summary->n_organisations, ==, 0);

  load_participants (f, &participants);
  g_assert_cmpuint (participants.people->len, ==, 4);
  g_assert_cmpuint (n_people (f), ==, 4);
  g_assert_cmpstr (person_value (&participants, "Kofi MENSAH", "email"), ==,
                   "kofi.mensah@example.org");
  g_assert_cmpstr (attendance_value (&participants, "Mariam Touré", "registration"), ==,
                   "attended");
  g_assert_cmpstr (attendance_value (&participants, "Mariam Touré", "mode"), ==, "online");
  g_assert_cmpstr (person_value (&participants, "Amélie Nkurunziza", "consent-scope"), ==,
                   "none");
}

static void
test_teams (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("teams-attendance.csv");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GPtrArray) rows = upr_participant_import_preview (import, 10, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Participants) participants = { 0 };

  g_assert_cmpstr (upr_table_get_encoding (table), ==, "UTF-16LE");
  g_assert_cmpint (upr_table_get_separator (table), ==, '\t');
  g_assert_cmpint (field_of (import, "Nom"), ==, UPR_PARTICIPANT_FIELD_FULL_NAME);
  g_assert_cmpint (field_of (import, "E-mail"), ==, UPR_PARTICIPANT_FIELD_EMAIL);
  g_assert_cmpint (field_of (import, "Durée de la réunion"), ==, UPR_PARTICIPANT_FIELD_DURATION);
  g_assert_cmpint (field_of (import, "Rôle"), ==, UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_cmpint (field_of (import, "ID de participant (UPN)"), ==,
                   UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (((UprParticipantPreviewRow *) g_ptr_array_index (rows, 0))->minutes, ==, 128);
  g_assert_cmpuint (((UprParticipantPreviewRow *) g_ptr_array_index (rows, 2))->minutes, ==, 2);

  upr_participant_import_run (import, FALSE, NULL, &error);
  g_assert_no_error (error);
  load_participants (f, &participants);
  g_assert_cmpuint (participants.people->len, ==, 3);
  g_assert_cmpstr (attendance_value (&participants, "Fatou Diallo", "mode"), ==, "online");
  g_assert_cmpstr (attendance_value (&participants, "Fatou Diallo", "registration"), ==,
                   "attended");
}

static UprParticipantPreviewRow *
preview_at (GPtrArray *rows,
            guint      i)
{
  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static const UprImportIssue *
issue_at_row (UprParticipantImport *import,
              guint                 row)
{
  GPtrArray *issues = upr_participant_import_get_issues (import);

  for (guint i = 0; i < issues->len; i++)
    if (((UprImportIssue *) g_ptr_array_index (issues, i))->row == row)
      return g_ptr_array_index (issues, i);
  g_error ("no issue on row %u", row);
  return NULL;
}

/* Teams's full attendance report (make-teams-reports.py): a summary first, the participants
 * in the second section, each join again in the third. Only the second is imported; Teams's
 * "(Guest)" and "(Unverified)" are not part of the names; a caller known only by a masked
 * phone number is reported and left out. A second import changes nothing. */
static void
test_teams_report (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("teams-report-en.csv");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(UprParticipantImport) again = NULL;
  g_autoptr(GPtrArray) rows = upr_participant_import_preview (import, 20, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Participants) participants = { 0 };
  const UprParticipantImportSummary *summary;
  const UprImportIssue *issue;

  g_assert_true (upr_participant_import_get_recognised (import));
  g_assert_true (upr_participant_import_is_attendance_report (import));
  g_assert_cmpuint (upr_participant_import_get_header_row (import), ==, 9);
  g_assert_cmpint (field_of (import, "Name"), ==, UPR_PARTICIPANT_FIELD_FULL_NAME);
  g_assert_cmpint (field_of (import, "Email"), ==, UPR_PARTICIPANT_FIELD_EMAIL);
  g_assert_cmpint (field_of (import, "In-Meeting Duration"), ==, UPR_PARTICIPANT_FIELD_DURATION);
  g_assert_cmpint (field_of (import, "First Join"), ==, UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_cmpint (field_of (import, "Last Leave"), ==, UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_cmpint (field_of (import, "Participant ID (UPN)"), ==, UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_cmpint (field_of (import, "Role"), ==, UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_cmpstr (upr_participant_import_get_registration (import), ==, "attended");

  /* Six people in section 2, none of section 3's rows. */
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpstr (preview_at (rows, 0)->name, ==, "Claire Moreau");
  g_assert_cmpuint (preview_at (rows, 0)->row, ==, 11);
  g_assert_cmpuint (preview_at (rows, 0)->minutes, ==, 157);
  g_assert_cmpuint (preview_at (rows, 1)->minutes, ==, 123);
  g_assert_cmpuint (preview_at (rows, 1)->n_rows, ==, 1);
  g_assert_cmpstr (preview_at (rows, 3)->name, ==, "Samuel Okoro");
  g_assert_cmpstr (preview_at (rows, 3)->email, ==, "samuel.okoro@example.net");
  g_assert_cmpstr (preview_at (rows, 4)->name, ==, "Mariam Kaboré");
  g_assert_null (preview_at (rows, 4)->email);
  g_assert_true (preview_at (rows, 5)->skipped);
  g_assert_cmpuint (preview_at (rows, 5)->row, ==, 16);

  upr_participant_import_run (import, FALSE, NULL, &error);
  g_assert_no_error (error);
  summary = upr_participant_import_get_summary (import);
  g_assert_cmpuint (summary->n_rows, ==, 6);
  g_assert_cmpuint (summary->n_merged, ==, 0);
  g_assert_cmpuint (summary->n_new, ==, 5);
  g_assert_cmpuint (summary->n_skipped, ==, 1);
  issue = issue_at_row (import, 16);
  g_assert_cmpint (issue->severity, ==, UPR_IMPORT_SEVERITY_SKIPPED);
  g_assert_cmpstr (issue->column, ==, "Name");
  g_assert_cmpstr (issue->value, ==, "+4122*****12");
  g_assert_nonnull (strstr (issue->message, "Not a name"));

  load_participants (f, &participants);
  g_assert_cmpuint (participants.people->len, ==, 5);
  g_assert_cmpuint (n_people (f), ==, 5);
  g_assert_cmpstr (person_value (&participants, "Thabo Nkosi", "email"), ==,
                   "thabo.nkosi@example.org");
  g_assert_cmpstr (person_value (&participants, "Samuel Okoro", "email"), ==,
                   "samuel.okoro@example.net");
  g_assert_null (person_value (&participants, "Mariam Kaboré", "email"));
  g_assert_cmpstr (attendance_value (&participants, "Ana Lúcia Ferreira", "mode"), ==, "online");
  g_assert_cmpstr (attendance_value (&participants, "Ana Lúcia Ferreira", "registration"), ==,
                   "attended");
  g_assert_cmpstr (person_value (&participants, "Claire Moreau", "consent-scope"), ==, "none");

  again = new_import (f, table);
  upr_participant_import_run (again, FALSE, NULL, &error);
  g_assert_no_error (error);
  summary = upr_participant_import_get_summary (again);
  g_assert_cmpuint (summary->n_new, ==, 0);
  g_assert_cmpuint (summary->n_updated, ==, 0);
  g_assert_cmpuint (summary->n_unchanged, ==, 5);
  g_assert_cmpuint (n_people (f), ==, 5);
}

/* The same report from a French Teams: "1. Résumé", "2. Participants", "3. Activités de la
 * réunion", "(Invité)" and "(Non vérifié)", durations written "1 h 45 min 10 s". */
static void
test_teams_report_french (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("teams-report-fr.csv");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GPtrArray) rows = upr_participant_import_preview (import, 20, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Participants) participants = { 0 };

  g_assert_cmpint (upr_table_get_separator (table), ==, '\t');
  g_assert_cmpuint (upr_participant_import_get_header_row (import), ==, 9);
  g_assert_cmpint (field_of (import, "Nom"), ==, UPR_PARTICIPANT_FIELD_FULL_NAME);
  g_assert_cmpint (field_of (import, "Durée de la réunion"), ==, UPR_PARTICIPANT_FIELD_DURATION);
  g_assert_cmpint (field_of (import, "Première arrivée"), ==, UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_cmpint (field_of (import, "Dernier départ"), ==, UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (preview_at (rows, 1)->name, ==, "Évariste Nzeyimana");
  g_assert_cmpuint (preview_at (rows, 1)->minutes, ==, 106);
  g_assert_cmpstr (preview_at (rows, 2)->name, ==, "Aïssata Camara");

  upr_participant_import_run (import, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_participant_import_get_summary (import)->n_new, ==, 3);
  g_assert_cmpuint (upr_participant_import_get_issues (import)->len, ==, 0);
  load_participants (f, &participants);
  g_assert_cmpuint (participants.people->len, ==, 3);
  g_assert_cmpstr (person_value (&participants, "Évariste Nzeyimana", "email"), ==,
                   "evariste.nzeyimana@example.net");
}

/* A workbook: the sheet with the list is found; the other sheet has none. */
static void
test_workbook (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("registration-en.xlsx");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (upr_table_get_n_sheets (table), ==, 2);
  g_assert_cmpuint (upr_participant_import_get_sheet (import), ==, 0);
  upr_participant_import_set_sheet (import, 1);
  g_assert_false (upr_participant_import_get_recognised (import));
  g_assert_false (upr_participant_import_check (import, &error));
  g_assert_error (error, UPR_PARTICIPANT_IMPORT_ERROR, UPR_PARTICIPANT_IMPORT_ERROR_NO_HEADER);
  g_clear_error (&error);

  upr_participant_import_set_sheet (import, 0);
  upr_participant_import_run (import, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upr_participant_import_get_summary (import)->n_new, ==, 5);
  g_assert_cmpuint (n_participants (f), ==, 5);
}

static void
test_idempotent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(UprParticipantImport) first = import_sample (f, "registration-en.csv");
  g_autoptr(UprParticipantImport) zoom = import_sample (f, "zoom-participants.csv");
  gint64 changes = upr_store_count_changes (f->store);
  guint people = n_people (f), organisations = n_organisations (f);
  guint participants = n_participants (f);
  g_autoptr(UprParticipantImport) again = import_sample (f, "registration-en.csv");
  g_autoptr(UprParticipantImport) zoom_again = import_sample (f, "zoom-participants.csv");
  const UprParticipantImportSummary *summary = upr_participant_import_get_summary (again);

  g_assert_cmpuint (summary->n_new, ==, 0);
  g_assert_cmpuint (summary->n_updated, ==, 0);
  g_assert_cmpuint (summary->n_unchanged, ==, 5);
  g_assert_cmpuint (summary->n_skipped, ==, 2);
  g_assert_cmpuint (summary->n_organisations, ==, 0);
  summary = upr_participant_import_get_summary (zoom_again);
  g_assert_cmpuint (summary->n_new + summary->n_updated, ==, 0);
  g_assert_cmpuint (summary->n_unchanged, ==, 4);

  g_assert_cmpint (upr_store_count_changes (f->store), ==, changes);
  g_assert_cmpuint (n_people (f), ==, people);
  g_assert_cmpuint (n_organisations (f), ==, organisations);
  g_assert_cmpuint (n_participants (f), ==, participants);
}

/* A failure in the middle (a trigger refuses the third person) rolls everything back. */
static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("registration-en.csv");
  g_autoptr(UprParticipantImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 changes = upr_store_count_changes (f->store);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse_third BEFORE INSERT ON person"
                                     " WHEN (SELECT count (*) FROM person) >= 2"
                                     " BEGIN SELECT RAISE (ABORT, 'disk full'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  import = new_import (f, table);
  g_assert_false (upr_participant_import_run (import, FALSE, NULL, &error));
  g_assert_error (error, UPR_PARTICIPANT_IMPORT_ERROR, UPR_PARTICIPANT_IMPORT_ERROR_FAILED);
  g_assert_true (has_issue (import, UPR_IMPORT_SEVERITY_ERROR, ""));
  g_assert_cmpuint (n_people (f), ==, 0);
  g_assert_cmpuint (n_organisations (f), ==, 0);
  g_assert_cmpuint (n_participants (f), ==, 0);
  g_assert_cmpint (upr_store_count_changes (f->store), ==, changes);
}

static void
test_cancel_and_dry_run (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("registration-en.csv");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GError) error = NULL;
  gint64 changes = upr_store_count_changes (f->store);
  gboolean finished = FALSE;

  g_assert_true (upr_participant_import_start (import, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (upr_participant_import_step (import, 3, &finished, &error));
  g_assert_false (finished);
  g_assert_cmpfloat (upr_participant_import_get_progress (import), >, 0.0);
  g_assert_cmpuint (n_people (f), ==, 3);
  upr_participant_import_cancel (import);
  g_assert_cmpuint (n_people (f), ==, 0);
  g_assert_cmpuint (n_organisations (f), ==, 0);

  /* A dry run reports what the real one would do, and does nothing. */
  g_assert_true (upr_participant_import_run (import, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (upr_participant_import_get_summary (import)->n_new, ==, 5);
  g_assert_cmpuint (upr_participant_import_get_summary (import)->n_organisations, ==, 4);
  g_assert_cmpuint (n_people (f), ==, 0);
  g_assert_cmpint (upr_store_count_changes (f->store), ==, changes);

  /* Dropped while running: rolled back too. */
  g_assert_true (upr_participant_import_start (import, FALSE, &error));
  g_assert_true (upr_participant_import_step (import, 2, &finished, &error));
  g_clear_object (&import);
  g_assert_cmpuint (n_people (f), ==, 0);
}

static void
test_no_names (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(UprTable) table = read_sample ("no-name.csv");
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unplaced = upr_participant_import_get_unplaced_columns (import);

  g_assert_false (upr_participant_import_get_recognised (import));
  g_assert_cmpuint (g_strv_length (unplaced), ==, 1);
  g_assert_cmpstr (unplaced[0], ==, "Identifiant");
  g_assert_false (upr_participant_import_check (import, &error));
  g_assert_error (error, UPR_PARTICIPANT_IMPORT_ERROR, UPR_PARTICIPANT_IMPORT_ERROR_NO_HEADER);
  g_assert_nonnull (strstr (error->message, "“Identifiant”"));
  g_clear_error (&error);
  g_assert_false (upr_participant_import_run (import, FALSE, NULL, &error));
  g_assert_cmpuint (n_people (f), ==, 0);
}

/* Headers Upright does not know: mapped by hand, and remembered for the next file. */
static void
test_manual_mapping (Fixture       *f,
                     gconstpointer  data)
{
  static const char text[] = "Qui,Où,Quand\nAwa Diop,Ligue Iteka,lundi\nPaul Mugisha,,mardi\n";
  g_autoptr(UprTable) table = read_text (text);
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(UprParticipantImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Participants) participants = { 0 };

  g_assert_false (upr_participant_import_get_recognised (import));
  g_assert_cmpuint (upr_participant_import_get_header_row (import), ==, 0);
  upr_participant_import_set_column_field (import, 0, UPR_PARTICIPANT_FIELD_FULL_NAME);
  upr_participant_import_set_column_field (import, 1, UPR_PARTICIPANT_FIELD_ORGANISATION);
  upr_participant_import_set_column_field (import, 2, UPR_PARTICIPANT_FIELD_IGNORE);
  /* One column per field: mapping another column to it unmaps the first. */
  upr_participant_import_set_column_field (import, 2, UPR_PARTICIPANT_FIELD_ORGANISATION);
  g_assert_cmpint (upr_participant_import_get_column_field (import, 1), ==,
                   UPR_PARTICIPANT_FIELD_NONE);
  upr_participant_import_set_column_field (import, 1, UPR_PARTICIPANT_FIELD_ORGANISATION);
  upr_participant_import_set_column_field (import, 2, UPR_PARTICIPANT_FIELD_IGNORE);
  g_assert_true (upr_participant_import_check (import, &error));
  upr_participant_import_run (import, FALSE, NULL, &error);
  g_assert_no_error (error);
  load_participants (f, &participants);
  g_assert_cmpuint (participants.people->len, ==, 2);
  g_assert_cmpstr (organisation_name (&participants, "Awa Diop"), ==, "Ligue Iteka");
  g_assert_null (organisation_name (&participants, "Paul Mugisha"));

  again = new_import (f, table);
  g_assert_true (upr_participant_import_get_recognised (again));
  g_assert_cmpint (upr_participant_import_get_column_field (again, 0), ==,
                   UPR_PARTICIPANT_FIELD_FULL_NAME);
  g_assert_cmpint (upr_participant_import_get_column_field (again, 1), ==,
                   UPR_PARTICIPANT_FIELD_ORGANISATION);
  g_assert_cmpint (upr_participant_import_get_column_field (again, 2), ==,
                   UPR_PARTICIPANT_FIELD_IGNORE);
}

/* "Title" holds positions here, honorifics in registration-en.csv; a second section (as in
 * Teams's full report) is not participants. */
static void
test_title_and_sections (Fixture       *f,
                         gconstpointer  data)
{
  static const char text[] =
    "Name,Title,Email\n"
    "Awa Diop,Director,awa@example.org\n"
    "Paul Mugisha,Legal officer,\n"
    ",,\n"
    "Activities,,\n"
    "Name,Join,Email\n"
    "Awa Diop,09:00,awa@example.org\n";
  g_autoptr(UprTable) table = read_text (text);
  g_autoptr(UprParticipantImport) import = new_import (f, table);
  g_autoptr(GPtrArray) rows = upr_participant_import_preview (import, 10, NULL);

  g_assert_cmpuint (upr_participant_import_get_header_row (import), ==, 0);
  g_assert_cmpint (field_of (import, "Title"), ==, UPR_PARTICIPANT_FIELD_POSITION);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((UprParticipantPreviewRow *) g_ptr_array_index (rows, 0))->position, ==,
                   "Director");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-participant-import SAMPLES-DIR");
  samples_dir = argv[1];

#define ADD(path, func) \
  g_test_add ("/upright/io/participants/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  g_test_add_func ("/upright/io/participants/values/gender", test_gender_values);
  g_test_add_func ("/upright/io/participants/values/duration", test_duration_values);
  g_test_add_func ("/upright/io/participants/values/other", test_other_values);
  g_test_add_func ("/upright/io/participants/headers", test_header_names);
  ADD ("english", test_english);
  ADD ("french-and-known", test_french_and_known);
  ADD ("code-page", test_code_page);
  ADD ("zoom", test_zoom);
  ADD ("teams", test_teams);
  ADD ("teams-report", test_teams_report);
  ADD ("teams-report-french", test_teams_report_french);
  ADD ("workbook", test_workbook);
  ADD ("idempotent", test_idempotent);
  ADD ("rollback", test_rollback);
  ADD ("cancel-and-dry-run", test_cancel_and_dry_run);
  ADD ("no-names", test_no_names);
  ADD ("manual-mapping", test_manual_mapping);
  ADD ("title-and-sections", test_title_and_sections);

  return g_test_run ();
}
