/* upr-workbook-snapshot.c: everything a workbook shows, read from the store into plain data on
 * the store's thread, so that the workbook can then be written in a worker thread.
 *
 * Personal data is filtered here, before anything reaches the writer: in aggregate mode no
 * name is copied at all, only genders and stakeholder types; in names mode only the names of
 * people who attended and whose consent covers reports. Free text that names someone who may
 * not appear (a speaker in a programme, say) is withheld here too. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-agenda-item.h"
#include "upr-attendance.h"
#include "upr-fold.h"
#include "upr-organisation.h"
#include "upr-person.h"
#include "upr-term.h"
#include "upr-workbook-private.h"
#include "upr-workshop.h"

/* Consent scopes (upr-vocab.h) under which a name may appear in a report. */
static const char * const reportable_scopes[] = { "reports", "public", NULL };

typedef struct
{
  UprWorkbookSnapshot *snapshot;
  UprStore            *store;
  GStrv                protected_names; /* folded, never written anywhere */
  GHashTable          *people_seen;     /* person id → TRUE, for the distinct counts */
  guint                workshop;        /* index of the workshop being read */
} Gathering;

/* Labels */

const char *
upr_snapshot_label (const UprWorkbookSnapshot *snapshot,
                    const char                *msgid)
{
  return upr_workbook_catalog_lookup (snapshot->catalog, UPR_WORKBOOK_CONTEXT, msgid);
}

/* The matrix asks for labels hundreds of thousands of times, mostly with the interned ids
 * the store gives: those are found by pointer, without hashing or locking. */
const char *
upr_snapshot_vocab (const UprWorkbookSnapshot *snapshot,
                    UprVocab                   vocab,
                    const char                *id)
{
  const char *label = id != NULL ? g_hash_table_lookup (snapshot->vocab_labels[vocab], id) : NULL;
  const UprVocabEntry *entries;
  int index;

  if (label != NULL)
    return label;
  index = upr_vocab_index (vocab, id);
  entries = upr_vocab_entries (vocab, NULL);
  /* An unknown id (from a newer Upright) is shown as it is rather than hidden. */
  if (index < 0)
    return id != NULL ? id : "";
  return upr_workbook_catalog_lookup (snapshot->catalog, NULL, entries[index].label);
}

const char *
upr_snapshot_country (const UprWorkbookSnapshot *snapshot,
                      const char                *code)
{
  const char *name;

  if (code == NULL)
    return NULL;
  name = g_hash_table_lookup (snapshot->country_names, code);
  if (name == NULL)
    name = g_hash_table_lookup (snapshot->country_names, g_intern_string (code));
  return name != NULL ? name : code;
}

static void
load_vocab_labels (UprWorkbookSnapshot *snapshot)
{
  for (guint vocab = 0; vocab < UPR_N_VOCABS; vocab++)
    {
      guint n;
      const UprVocabEntry *entries = upr_vocab_entries (vocab, &n);

      snapshot->vocab_labels[vocab] = g_hash_table_new (g_direct_hash, g_direct_equal);
      for (guint i = 0; i < n; i++)
        g_hash_table_insert (snapshot->vocab_labels[vocab],
                             (gpointer) g_intern_static_string (entries[i].id),
                             (gpointer) upr_workbook_catalog_lookup (snapshot->catalog, NULL,
                                                                     entries[i].label));
    }
}

const char *
upr_snapshot_organisation (const UprWorkbookSnapshot *snapshot,
                           const char                *id)
{
  UprSnapOrganisation *organisation = id != NULL ? g_hash_table_lookup (snapshot->organisations,
                                                                        id)
                                                 : NULL;

  return organisation != NULL ? organisation->display : NULL;
}

/* Withholding names */

static gboolean
is_word_boundary (const char *text,
                  const char *at)
{
  gunichar c;

  if (at <= text || *at == '\0')
    return TRUE;
  c = g_utf8_get_char (at);
  return !g_unichar_isalnum (c);
}

/* TRUE when @folded_text holds @folded_name as whole words. */
static gboolean
contains_name (const char *folded_text,
               const char *folded_name)
{
  gsize length = strlen (folded_name);

  for (const char *at = strstr (folded_text, folded_name); at != NULL;
       at = strstr (at + 1, folded_name))
    {
      const char *before = at > folded_text ? g_utf8_find_prev_char (folded_text, at) : NULL;

      if ((before == NULL || is_word_boundary (folded_text, before))
          && is_word_boundary (folded_text, at + length))
        return TRUE;
    }
  return FALSE;
}

/* A copy of @text, or NULL (counted) when it names someone who may not appear. */
static char *
unless_naming (Gathering  *gathering,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;
  folded = upr_fold (text);
  for (guint i = 0; gathering->protected_names[i] != NULL; i++)
    if (contains_name (folded, gathering->protected_names[i]))
      {
        gathering->snapshot->n_redacted++;
        return NULL;
      }
  return g_strdup (text);
}

static gboolean
load_protected_names (Gathering *gathering,
                      GError   **error)
{
  gboolean names = gathering->snapshot->people_mode == UPR_WORKBOOK_PEOPLE_NAMES;
  g_auto(GStrv) raw = upr_store_export_protected_names (gathering->store,
                                                        names ? reportable_scopes : NULL,
                                                        error);
  g_autoptr(GStrvBuilder) folded = g_strv_builder_new ();

  if (raw == NULL)
    return FALSE;
  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *name = upr_fold (raw[i]);

      /* A name of one or two letters would withhold half the texts; no real name is. */
      if (g_utf8_strlen (name, -1) >= 3)
        g_strv_builder_add (folded, name);
    }
  gathering->protected_names = g_strv_builder_end (folded);
  return TRUE;
}

/* Reference data */

typedef struct
{
  const char *code;
  char       *key;
} CountryKey;

static int
compare_country_keys (gconstpointer a,
                      gconstpointer b)
{
  const CountryKey *x = a;
  const CountryKey *y = b;
  int diff = strcmp (x->key, y->key);

  return diff != 0 ? diff : strcmp (x->code, y->code);
}

static gboolean
load_countries (UprWorkbookSnapshot *snapshot,
                UprStore            *store,
                GError             **error)
{
  gboolean french = g_str_equal (upr_workbook_catalog_get_language (snapshot->catalog), "fr");
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (CountryKey));
  GHashTableIter iter;
  gpointer code, name;

  snapshot->country_names = upr_store_export_country_names (store, french, error);
  if (snapshot->country_names == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, snapshot->country_names);
  while (g_hash_table_iter_next (&iter, &code, &name))
    {
      g_autofree char *folded = upr_fold (name);
      CountryKey key = { code, g_utf8_collate_key (folded, -1) };

      g_array_append_val (keys, key);
    }
  /* Ranks by name in the workbook language, accents aside, to sort States by name. */
  g_array_sort (keys, compare_country_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      CountryKey *key = &g_array_index (keys, CountryKey, i);

      g_hash_table_insert (snapshot->country_ranks, (gpointer) key->code,
                           GUINT_TO_POINTER (i + 1));
      g_free (key->key);
    }
  return TRUE;
}

static gboolean
load_terms (UprWorkbookSnapshot *snapshot,
            UprStore            *store,
            GError             **error)
{
  gboolean french = g_str_equal (upr_workbook_catalog_get_language (snapshot->catalog), "fr");
  g_autoptr(GListModel) terms = upr_store_list_terms (store, NULL, error);

  if (terms == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(UprTerm) term = g_list_model_get_item (terms, i);
      const char *label = french ? upr_term_get_label_fr (term) : upr_term_get_label_en (term);

      if (g_str_equal (upr_term_get_scheme (term), "sdg"))
        {
          guint64 goal = g_ascii_strtoull (upr_term_get_code (term), NULL, 10);

          if (goal >= 1 && goal <= 17)
            snapshot->sdg_titles[goal] = g_strdup (label);
          continue;
        }
      g_hash_table_insert (snapshot->term_labels,
                           (gpointer) g_intern_string (upr_term_get_id (term)), g_strdup (label));
    }
  return TRUE;
}

static gboolean
load_organisations (UprWorkbookSnapshot *snapshot,
                    UprStore            *store,
                    GError             **error)
{
  g_autoptr(GListModel) organisations = upr_store_list_organisations (store, NULL, error);

  if (organisations == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(UprRecord) record = g_list_model_get_item (organisations, i);
      const char *name = upr_record_get_string (record, "name");
      const char *acronym = upr_record_get_string (record, "acronym");
      UprSnapOrganisation *organisation = g_new0 (UprSnapOrganisation, 1);

      organisation->display = acronym != NULL ? g_strdup_printf ("%s (%s)", name, acronym)
                                              : g_strdup (name);
      organisation->stakeholder_type
        = g_intern_string (upr_record_get_string (record, "stakeholder-type"));
      g_hash_table_insert (snapshot->organisations, g_strdup (upr_record_get_id (record)),
                           organisation);
    }
  return TRUE;
}

static void
organisation_free (gpointer data)
{
  UprSnapOrganisation *organisation = data;

  g_free ((char *) organisation->display);
  g_free (organisation);
}

/* Scope */

static gboolean
check_countries (UprWorkbookSnapshot *snapshot,
                 const char * const  *countries,
                 GError             **error)
{
  for (guint i = 0; countries != NULL && countries[i] != NULL; i++)
    if (!g_hash_table_contains (snapshot->country_names, g_intern_string (countries[i])))
      {
        g_set_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOT_FOUND,
                     /* Translators: %s is what was given as a country code, such as “XX”. */
                     _("There is no country with the code “%s”."), countries[i]);
        return FALSE;
      }
  return TRUE;
}

static UprWorkshop *
load_workshop (UprStore   *store,
               const char *workshop_id,
               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(UprRecord) workshop = upr_store_load (store, UPR_TYPE_WORKSHOP, workshop_id,
                                                  &local_error);

  if (workshop != NULL && upr_record_get_string (workshop, "deleted-at") == NULL)
    return UPR_WORKSHOP (g_steal_pointer (&workshop));
  if (workshop != NULL || g_error_matches (local_error, UPR_STORE_ERROR,
                                           UPR_STORE_ERROR_NOT_FOUND))
    {
      g_set_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOT_FOUND,
                   /* Translators: %s is the identifier of a workshop. */
                   _("There is no workshop “%s”; it may have been deleted."), workshop_id);
      return NULL;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static char *
describe_scope (UprWorkbookSnapshot *snapshot,
                const char * const  *countries,
                UprWorkshop         *workshop)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = countries != NULL ? g_strv_length ((char **) countries) : 0;

  if (countries == NULL)
    return g_strdup (upr_snapshot_label (snapshot, NC_("workbook", "All countries")));
  if (n > 4)
    return g_strdup (upr_snapshot_label (snapshot, NC_("workbook", "Several countries")));
  for (guint i = 0; i < n; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            upr_snapshot_country (snapshot, countries[i]));
  if (workshop != NULL)
    g_string_append_printf (names, " – %s",
                            upr_record_get_string (UPR_RECORD (workshop), "title"));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The matrix */

static int
compare_country_names (gconstpointer a,
                       gconstpointer b,
                       gpointer      data)
{
  GHashTable *ranks = data;
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, a));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, b));

  return x != y ? (x > y) - (x < y) : strcmp (a, b);
}

static gboolean
load_matrix (UprWorkbookSnapshot *snapshot,
             UprStore            *store,
             const char * const  *countries,
             GError             **error)
{
  snapshot->matrix = upr_store_export_matrix (store, countries, snapshot->cycle, error);
  if (snapshot->matrix == NULL)
    return FALSE;
  if (snapshot->several_countries)
    upr_export_matrix_order_countries (snapshot->matrix, compare_country_names,
                                       snapshot->country_ranks);
  return TRUE;
}

/* Workshops, programmes and people */

static void
agenda_item_free (gpointer data)
{
  UprSnapAgendaItem *item = data;

  g_free (item->time);
  g_free (item->title);
  g_free (item->speaker);
  g_free (item->organisation_id);
  g_free (item);
}

static void
workshop_free (gpointer data)
{
  UprSnapWorkshop *workshop = data;

  g_free (workshop->id);
  g_free (workshop->title);
  g_free (workshop->start_date);
  g_free (workshop->end_date);
  g_free (workshop->venue);
  g_free (workshop->languages);
  g_free (workshop->organisers);
  g_free (workshop->partners);
  g_free (workshop->objectives);
  g_clear_pointer (&workshop->agenda, g_ptr_array_unref);
  g_free (workshop);
}

static void
participant_free (gpointer data)
{
  UprSnapParticipant *participant = data;

  g_free (participant->honorific);
  g_free (participant->name);
  g_free (participant->organisation_id);
  g_free (participant->position);
  g_free (participant);
}

static const char *
interned (UprRecord  *record,
          const char *field)
{
  return g_intern_string (upr_record_get_string (record, field));
}

static UprSnapWorkshop *
snap_workshop (Gathering *gathering,
               UprRecord *record)
{
  UprSnapWorkshop *workshop = g_new0 (UprSnapWorkshop, 1);

  workshop->id = g_strdup (upr_record_get_id (record));
  workshop->country_code = interned (record, "country-code");
  workshop->title = g_strdup (upr_record_get_string (record, "title"));
  workshop->kind = interned (record, "kind");
  workshop->cycle = upr_record_get_int (record, "cycle");
  workshop->start_date = g_strdup (upr_record_get_string (record, "start-date"));
  workshop->end_date = g_strdup (upr_record_get_string (record, "end-date"));
  workshop->venue = g_strdup (upr_record_get_string (record, "venue"));
  workshop->format = interned (record, "format");
  workshop->languages = g_strdup (upr_record_get_string (record, "languages"));
  /* Free text the officer typed may name people: checked like speakers. */
  workshop->organisers = unless_naming (gathering, upr_record_get_string (record, "organisers"));
  workshop->partners = unless_naming (gathering, upr_record_get_string (record, "partners"));
  workshop->objectives = unless_naming (gathering, upr_record_get_string (record, "objectives"));
  workshop->agenda = g_ptr_array_new_with_free_func (agenda_item_free);
  return workshop;
}

static gboolean
load_agenda (Gathering       *gathering,
             UprSnapWorkshop *workshop,
             GError         **error)
{
  g_autoptr(GListModel) agenda = upr_store_list_agenda (gathering->store, workshop->id, error);

  if (agenda == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(UprRecord) record = g_list_model_get_item (agenda, i);
      UprSnapAgendaItem *item = g_new0 (UprSnapAgendaItem, 1);

      item->time = g_strdup (upr_record_get_string (record, "time"));
      item->duration_minutes = upr_record_get_int (record, "duration-minutes");
      item->title = g_strdup (upr_record_get_string (record, "title"));
      item->role = interned (record, "role");
      item->speaker = unless_naming (gathering, upr_record_get_string (record, "speaker"));
      item->organisation_id = g_strdup (upr_record_get_string (record, "organisation-id"));
      item->confirmed = upr_record_get_int (record, "confirmed") != 0;
      g_ptr_array_add (workshop->agenda, item);
    }
  return TRUE;
}

static gboolean
is_reportable (UprRecord *person)
{
  return g_strv_contains (reportable_scopes, upr_record_get_string (person, "consent-scope"));
}

static void
add_named (Gathering *gathering,
           UprRecord *person,
           UprRecord *attendance)
{
  UprSnapParticipant *participant = g_new0 (UprSnapParticipant, 1);

  participant->workshop = gathering->workshop;
  participant->honorific = g_strdup (upr_record_get_string (person, "honorific"));
  participant->name = g_strdup (upr_record_get_string (person, "name"));
  participant->gender = interned (person, "gender");
  participant->organisation_id = g_strdup (upr_record_get_string (person, "organisation-id"));
  participant->position = g_strdup (upr_record_get_string (person, "position"));
  participant->mode = interned (attendance, "mode");
  participant->days_attended = upr_record_get_int (attendance, "days-attended");
  g_ptr_array_add (gathering->snapshot->participants, participant);
}

/* Only people who attended count and appear: an invitation is not participation. */
static void
add_participant_cb (UprAttendance   *attendance,
                    UprPerson       *person,
                    UprOrganisation *organisation,
                    gpointer         user_data)
{
  Gathering *gathering = user_data;
  UprWorkbookSnapshot *snapshot = gathering->snapshot;
  UprSnapWorkshop *workshop = g_ptr_array_index (snapshot->workshops, gathering->workshop);
  const char *gender = upr_record_get_string (UPR_RECORD (person), "gender");
  const char *id = upr_record_get_id (UPR_RECORD (person));

  if (g_strcmp0 (upr_record_get_string (UPR_RECORD (attendance), "registration"),
                 "attended") != 0)
    return;
  workshop->n_attended++;
  workshop->n_women += g_strcmp0 (gender, "woman") == 0;
  workshop->n_men += g_strcmp0 (gender, "man") == 0;
  if (!g_hash_table_contains (gathering->people_seen, id))
    {
      UprSnapPerson counted = {
        g_intern_string (gender),
        organisation != NULL ? interned (UPR_RECORD (organisation), "stakeholder-type") : NULL,
      };

      g_hash_table_add (gathering->people_seen, g_strdup (id));
      g_array_append_val (snapshot->people, counted);
    }
  if (snapshot->participants == NULL)
    return;
  if (is_reportable (UPR_RECORD (person)))
    add_named (gathering, UPR_RECORD (person), UPR_RECORD (attendance));
  else
    snapshot->n_withheld++;
}

static int
compare_workshops (gconstpointer a,
                   gconstpointer b)
{
  const UprSnapWorkshop *x = *(UprSnapWorkshop **) a;
  const UprSnapWorkshop *y = *(UprSnapWorkshop **) b;
  int diff = g_strcmp0 (x->start_date, y->start_date);

  return diff != 0 ? diff : g_strcmp0 (x->title, y->title);
}

static gboolean
collect_workshops (Gathering          *gathering,
                   const char * const *countries,
                   UprWorkshop        *only,
                   GPtrArray          *records,
                   GError            **error)
{
  if (only != NULL)
    {
      g_ptr_array_add (records, g_object_ref (only));
      return TRUE;
    }
  for (guint i = 0; countries == NULL || countries[i] != NULL; i++)
    {
      g_autoptr(GListModel) list = upr_store_list_workshops (gathering->store,
                                                             countries != NULL ? countries[i]
                                                                               : NULL,
                                                             error);

      if (list == NULL)
        return FALSE;
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        g_ptr_array_add (records, g_list_model_get_item (list, j));
      if (countries == NULL)
        break;
    }
  return TRUE;
}

static gboolean
load_workshops (Gathering          *gathering,
                const char * const *countries,
                UprWorkshop        *only,
                GError            **error)
{
  UprWorkbookSnapshot *snapshot = gathering->snapshot;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!collect_workshops (gathering, countries, only, records, error))
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (snapshot->workshops, snap_workshop (gathering,
                                                         g_ptr_array_index (records, i)));
  g_ptr_array_sort (snapshot->workshops, compare_workshops);
  for (guint i = 0; i < snapshot->workshops->len; i++)
    {
      UprSnapWorkshop *workshop = g_ptr_array_index (snapshot->workshops, i);

      gathering->workshop = i;
      if (!load_agenda (gathering, workshop, error)
          || !upr_store_foreach_participant (gathering->store, workshop->id, add_participant_cb,
                                             gathering, error))
        return FALSE;
    }
  return TRUE;
}

/* Public API */

static UprWorkbookSnapshot *
snapshot_new (UprWorkbook *options)
{
  UprWorkbookSnapshot *snapshot = g_new0 (UprWorkbookSnapshot, 1);

  snapshot->sheets = upr_workbook_get_sheets (options);
  snapshot->people_mode = upr_workbook_get_people (options);
  /* Without names there is nothing for the Participants sheet. */
  if (snapshot->people_mode != UPR_WORKBOOK_PEOPLE_NAMES)
    snapshot->sheets &= ~UPR_WORKBOOK_SHEET_PARTICIPANTS;
  snapshot->cycle = upr_workbook_get_cycle (options);
  snapshot->author = g_strdup (upr_workbook_get_author (options));
  snapshot->created = g_date_time_new_now_local ();
  snapshot->country_ranks = g_hash_table_new (g_direct_hash, g_direct_equal);
  snapshot->term_labels = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  snapshot->organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   organisation_free);
  snapshot->workshops = g_ptr_array_new_with_free_func (workshop_free);
  snapshot->people = g_array_new (FALSE, FALSE, sizeof (UprSnapPerson));
  if (snapshot->people_mode == UPR_WORKBOOK_PEOPLE_NAMES)
    snapshot->participants = g_ptr_array_new_with_free_func (participant_free);
  return snapshot;
}

static gboolean
gather (Gathering          *gathering,
        const char * const *countries,
        UprWorkshop        *workshop,
        GError            **error)
{
  UprWorkbookSnapshot *snapshot = gathering->snapshot;
  UprWorkbookSheets sheets = snapshot->sheets;

  if ((sheets & (UPR_WORKBOOK_SHEET_SUMMARY | UPR_WORKBOOK_SHEET_MATRIX)) != 0
      && !load_matrix (snapshot, gathering->store, countries, error))
    return FALSE;
  if ((sheets & (UPR_WORKBOOK_SHEET_SUMMARY | UPR_WORKBOOK_SHEET_WORKSHOPS
                 | UPR_WORKBOOK_SHEET_PARTICIPANTS)) == 0)
    return TRUE;
  return load_protected_names (gathering, error)
         && load_workshops (gathering, countries, workshop, error);
}

UprWorkbookSnapshot *
upr_workbook_snapshot_new (UprWorkbook *options,
                           UprStore    *store,
                           GError     **error)
{
  g_autoptr(UprWorkbookSnapshot) snapshot = NULL;
  g_autoptr(UprWorkshop) workshop = NULL;
  g_auto(GStrv) countries = NULL;
  const char *workshop_id = upr_workbook_get_workshop_id (options);
  Gathering gathering = { 0 };
  gboolean ok;

  g_return_val_if_fail (UPR_IS_WORKBOOK (options), NULL);
  g_return_val_if_fail (UPR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  snapshot = snapshot_new (options);
  if (snapshot->sheets == 0)
    {
      g_set_error_literal (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOTHING,
                           _("Choose at least one sheet for the workbook."));
      return NULL;
    }
  snapshot->catalog = upr_workbook_catalog_new (upr_workbook_get_language (options), error);
  if (snapshot->catalog == NULL)
    return NULL;
  load_vocab_labels (snapshot);
  if (!load_countries (snapshot, store, error)
      || !load_terms (snapshot, store, error) || !load_organisations (snapshot, store, error))
    return NULL;

  countries = g_strdupv ((char **) upr_workbook_get_countries (options));
  if (!check_countries (snapshot, (const char * const *) countries, error))
    return NULL;
  if (workshop_id != NULL)
    {
      const char *code;

      workshop = load_workshop (store, workshop_id, error);
      if (workshop == NULL)
        return NULL;
      code = upr_record_get_string (UPR_RECORD (workshop), "country-code");
      if (countries != NULL && !g_strv_contains ((const char * const *) countries, code))
        {
          g_set_error_literal (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NOT_FOUND,
                               _("The workshop is not in the countries chosen for the "
                                 "workbook."));
          return NULL;
        }
      g_strfreev (countries);
      countries = g_new0 (char *, 2);
      countries[0] = g_strdup (code);
    }
  snapshot->several_countries = countries == NULL || g_strv_length (countries) > 1;
  snapshot->scope = describe_scope (snapshot, (const char * const *) countries, workshop);

  gathering.snapshot = snapshot;
  gathering.store = store;
  gathering.people_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = gather (&gathering, (const char * const *) countries, workshop, error);
  g_hash_table_unref (gathering.people_seen);
  g_strfreev (gathering.protected_names);
  return ok ? g_steal_pointer (&snapshot) : NULL;
}

void
upr_workbook_snapshot_free (UprWorkbookSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->author);
  g_free (snapshot->scope);
  g_clear_pointer (&snapshot->created, g_date_time_unref);
  g_clear_pointer (&snapshot->catalog, upr_workbook_catalog_free);
  for (guint i = 0; i < UPR_N_VOCABS; i++)
    g_clear_pointer (&snapshot->vocab_labels[i], g_hash_table_unref);
  g_clear_pointer (&snapshot->country_names, g_hash_table_unref);
  g_clear_pointer (&snapshot->country_ranks, g_hash_table_unref);
  g_clear_pointer (&snapshot->term_labels, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (snapshot->sdg_titles); i++)
    g_free (snapshot->sdg_titles[i]);
  g_clear_pointer (&snapshot->organisations, g_hash_table_unref);
  g_clear_pointer (&snapshot->matrix, upr_export_matrix_free);
  g_clear_pointer (&snapshot->workshops, g_ptr_array_unref);
  g_clear_pointer (&snapshot->people, g_array_unref);
  g_clear_pointer (&snapshot->participants, g_ptr_array_unref);
  g_free (snapshot);
}
