/* upr-import-assistant-job.c: see the header. Each function passes to the importer of the
 * job's kind; what differs is turned into text here, so the assistant stays one. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-import-assistant-job.h"

#include "upr-country.h"
#include "upr-import.h"
#include "upr-import-assistant-issue.h"
#include "upr-import-assistant-row.h"
#include "upr-normalise.h"
#include "upr-participant-import.h"
#include "upr-store.h"
#include "upr-vocab.h"

/* How far under the header a column's first values are looked for. */
#define SAMPLE_ROWS 50

struct _UprImportAssistantJob
{
  GObject parent_instance;

  /* owned */
  UprImportKind         kind;
  UprStore             *store;
  UprTable             *table;
  UprImport            *recommendations; /* one of the two */
  UprParticipantImport *participants;
  GHashTable           *country_names;   /* ISO code → name, for the preview */
  char                 *result_country;
};

G_DEFINE_FINAL_TYPE (UprImportAssistantJob, upr_import_assistant_job, G_TYPE_OBJECT)

#define IS_RECOMMENDATIONS(self) ((self)->kind == UPR_IMPORT_KIND_RECOMMENDATIONS)

/* Helpers */

static const char *
country_name (UprImportAssistantJob *self,
              const char            *code)
{
  const char *name;
  g_autoptr(UprCountry) country = NULL;

  if (code == NULL)
    return "";
  name = g_hash_table_lookup (self->country_names, code);
  if (name != NULL)
    return name;
  country = upr_store_get_country (self->store, code, NULL);
  name = country != NULL ? upr_country_get_name (country) : code;
  g_hash_table_insert (self->country_names, g_strdup (code), g_strdup (name));
  return g_hash_table_lookup (self->country_names, code);
}

static char *
country_list (UprImportAssistantJob *self,
              char * const          *codes)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, country_name (self, codes[i]));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
vocab_label (UprVocab    vocab,
             const char *id)
{
  return id != NULL ? upr_vocab_label (vocab, id) : "";
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static UprImportAssistantRow *
recommendation_row (UprImportAssistantJob     *self,
                    const UprImportPreviewRow *row)
{
  g_autofree char *number = g_strdup_printf ("%u", row->row);
  g_autofree char *session = row->session > 0 ? g_strdup_printf ("%d", row->session)
                                              : g_strdup ("");
  g_autofree char *states = country_list (self, row->states);
  g_autofree char *terms = NULL;
  guint n_terms = row->terms != NULL ? g_strv_length (row->terms) : 0;
  const char *cells[9];

  terms = n_terms > 0 ? g_strdup_printf ("%u", n_terms) : g_strdup ("");
  cells[0] = number;
  cells[1] = country_name (self, row->country_code);
  cells[2] = session;
  cells[3] = or_empty (row->paragraph);
  cells[4] = or_empty (row->text);
  cells[5] = vocab_label (UPR_VOCAB_RESPONSE, row->response);
  cells[6] = states;
  cells[7] = terms;
  cells[8] = NULL;
  return upr_import_assistant_row_new (row->row, cells, row->skipped);
}

static UprImportAssistantRow *
participant_row (const UprParticipantPreviewRow *row)
{
  g_autofree char *number = NULL;
  g_autofree char *minutes = NULL;
  const char *cells[11];

  /* Translators: a person's first row in the file and how many more rows were merged into
   * it, as in "4 (+1)". */
  number = row->n_rows > 1 ? g_strdup_printf (_("%u (+%u)"), row->row, row->n_rows - 1)
                           : g_strdup_printf ("%u", row->row);
  /* Translators: a time spent in an online meeting, in minutes. */
  minutes = row->minutes > 0 ? g_strdup_printf (_("%u min"), row->minutes) : g_strdup ("");
  cells[0] = number;
  cells[1] = or_empty (row->name);
  cells[2] = vocab_label (UPR_VOCAB_GENDER, row->gender);
  cells[3] = or_empty (row->organisation);
  cells[4] = or_empty (row->position);
  cells[5] = or_empty (row->email);
  cells[6] = vocab_label (UPR_VOCAB_REGISTRATION, row->registration);
  cells[7] = vocab_label (UPR_VOCAB_ATTENDANCE_MODE, row->mode);
  cells[8] = minutes;
  cells[9] = vocab_label (UPR_VOCAB_CONSENT_SCOPE, row->consent);
  cells[10] = NULL;
  return upr_import_assistant_row_new (row->row, cells, row->skipped);
}

/* Overrides */

static void
upr_import_assistant_job_dispose (GObject *object)
{
  UprImportAssistantJob *self = UPR_IMPORT_ASSISTANT_JOB (object);

  /* The importers roll back an open run when they go. */
  g_clear_object (&self->recommendations);
  g_clear_object (&self->participants);
  g_clear_object (&self->table);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (upr_import_assistant_job_parent_class)->dispose (object);
}

static void
upr_import_assistant_job_finalize (GObject *object)
{
  UprImportAssistantJob *self = UPR_IMPORT_ASSISTANT_JOB (object);

  g_hash_table_unref (self->country_names);
  g_free (self->result_country);

  G_OBJECT_CLASS (upr_import_assistant_job_parent_class)->finalize (object);
}

static void
upr_import_assistant_job_class_init (UprImportAssistantJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upr_import_assistant_job_dispose;
  object_class->finalize = upr_import_assistant_job_finalize;
}

static void
upr_import_assistant_job_init (UprImportAssistantJob *self)
{
  self->country_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

UprImportAssistantJob *
upr_import_assistant_job_new (UprImportKind  kind,
                              UprStore      *store,
                              UprTable      *table,
                              const char    *file_name,
                              const char    *workshop_id,
                              GError       **error)
{
  g_autoptr(UprImportAssistantJob) self = NULL;

  g_return_val_if_fail (UPR_IS_STORE (store), NULL);
  g_return_val_if_fail (UPR_IS_TABLE (table), NULL);
  g_return_val_if_fail (kind == UPR_IMPORT_KIND_RECOMMENDATIONS || workshop_id != NULL, NULL);

  self = g_object_new (UPR_TYPE_IMPORT_ASSISTANT_JOB, NULL);
  self->kind = kind;
  self->store = g_object_ref (store);
  self->table = g_object_ref (table);
  if (IS_RECOMMENDATIONS (self))
    self->recommendations = upr_import_new (store, table, file_name, error);
  else
    self->participants = upr_participant_import_new (store, table, workshop_id, error);
  if (self->recommendations == NULL && self->participants == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

UprImportKind
upr_import_assistant_job_get_kind (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), UPR_IMPORT_KIND_RECOMMENDATIONS);
  return self->kind;
}

const char *
upr_import_assistant_job_get_layout_label (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  if (IS_RECOMMENDATIONS (self))
    return upr_import_layout_label (upr_import_get_layout (self->recommendations));
  if (!upr_participant_import_get_recognised (self->participants))
    return _("Participant list with columns to place");
  if (upr_participant_import_is_attendance_report (self->participants))
    return _("Online meeting attendance report");
  return _("Participant list");
}

gboolean
upr_import_assistant_job_get_recognised (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), FALSE);

  if (IS_RECOMMENDATIONS (self))
    {
      UprImportLayout layout = upr_import_get_layout (self->recommendations);

      return layout != UPR_IMPORT_LAYOUT_UNKNOWN;
    }
  return upr_participant_import_get_recognised (self->participants);
}

guint
upr_import_assistant_job_get_sheet (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), 0);

  return IS_RECOMMENDATIONS (self) ? upr_import_get_sheet (self->recommendations)
                                   : upr_participant_import_get_sheet (self->participants);
}

gboolean
upr_import_assistant_job_can_choose_sheet (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), FALSE);

  /* UprImport finds the sheet itself and offers no way to choose another. */
  return !IS_RECOMMENDATIONS (self) && upr_table_get_n_sheets (self->table) > 1;
}

void
upr_import_assistant_job_set_sheet (UprImportAssistantJob *self,
                                    guint                  sheet)
{
  g_return_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self));
  g_return_if_fail (upr_import_assistant_job_can_choose_sheet (self));

  upr_participant_import_set_sheet (self->participants, sheet);
}

guint
upr_import_assistant_job_get_n_columns (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), 0);

  return IS_RECOMMENDATIONS (self) ? upr_import_get_n_columns (self->recommendations)
                                   : upr_participant_import_get_n_columns (self->participants);
}

const char *
upr_import_assistant_job_get_column_name (UprImportAssistantJob *self,
                                          guint                  column)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  return IS_RECOMMENDATIONS (self)
           ? upr_import_get_column_name (self->recommendations, column)
           : upr_participant_import_get_column_name (self->participants, column);
}

guint
upr_import_assistant_job_get_field (UprImportAssistantJob *self,
                                    guint                  column)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), 0);

  return IS_RECOMMENDATIONS (self)
           ? upr_import_get_column_field (self->recommendations, column)
           : upr_participant_import_get_column_field (self->participants, column);
}

void
upr_import_assistant_job_set_field (UprImportAssistantJob *self,
                                    guint                  column,
                                    guint                  field)
{
  g_return_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self));
  g_return_if_fail (field < upr_import_assistant_job_get_n_fields (self));

  if (IS_RECOMMENDATIONS (self))
    upr_import_set_column_field (self->recommendations, column, field);
  else
    upr_participant_import_set_column_field (self->participants, column, field);
}

guint
upr_import_assistant_job_get_n_fields (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), 0);

  return IS_RECOMMENDATIONS (self) ? UPR_IMPORT_N_FIELDS : UPR_PARTICIPANT_N_FIELDS;
}

const char *
upr_import_assistant_job_get_field_label (UprImportAssistantJob *self,
                                          guint                  field)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  return IS_RECOMMENDATIONS (self) ? upr_import_field_label (field)
                                   : upr_participant_field_label (field);
}

char *
upr_import_assistant_job_get_samples (UprImportAssistantJob *self,
                                      guint                  column,
                                      guint                  n_samples)
{
  g_autoptr(GString) samples = g_string_new (NULL);
  guint sheet, first, n_rows, found = 0;

  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  sheet = upr_import_assistant_job_get_sheet (self);
  first = 1 + (IS_RECOMMENDATIONS (self)
                 ? upr_import_get_header_row (self->recommendations)
                 : upr_participant_import_get_header_row (self->participants));
  n_rows = MIN (upr_table_get_n_rows (self->table, sheet), first + SAMPLE_ROWS);
  for (guint r = first; r < n_rows && found < n_samples; r++)
    {
      const char * const *cells = upr_table_get_row (self->table, sheet, r);
      g_autofree char *value = NULL;

      if (column >= g_strv_length ((char **) cells))
        continue;
      value = upr_normalise_text (cells[column], UPR_NORMALISE_SINGLE_LINE);
      if (value[0] == '\0')
        continue;
      /* Translators: the separator between a column's first values, as in "Chad · Mali". */
      g_string_append_printf (samples, "%s%s", found > 0 ? _(" · ") : "", value);
      found++;
    }
  return g_string_free (g_steal_pointer (&samples), FALSE);
}

static gboolean
recommendations_have (UprImportAssistantJob *self,
                      UprImportField         field)
{
  for (guint c = 0; c < upr_import_get_n_columns (self->recommendations); c++)
    if (upr_import_get_column_field (self->recommendations, c) == field)
      return TRUE;
  return FALSE;
}

gboolean
upr_import_assistant_job_needs_country (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), FALSE);

  return IS_RECOMMENDATIONS (self) && !recommendations_have (self, UPR_IMPORT_FIELD_COUNTRY);
}

const char *
upr_import_assistant_job_get_country (UprImportAssistantJob *self,
                                      gboolean              *from_file)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);
  g_return_val_if_fail (IS_RECOMMENDATIONS (self), NULL);

  return upr_import_get_country (self->recommendations, from_file);
}

void
upr_import_assistant_job_set_country (UprImportAssistantJob *self,
                                      const char            *code)
{
  g_return_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self));
  g_return_if_fail (IS_RECOMMENDATIONS (self));

  upr_import_set_country (self->recommendations, code);
}

gboolean
upr_import_assistant_job_needs_session (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), FALSE);

  return IS_RECOMMENDATIONS (self) && !recommendations_have (self, UPR_IMPORT_FIELD_SESSION);
}

int
upr_import_assistant_job_get_session (UprImportAssistantJob *self,
                                      gboolean              *from_file)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), 0);
  g_return_val_if_fail (IS_RECOMMENDATIONS (self), 0);

  return upr_import_get_session (self->recommendations, from_file);
}

void
upr_import_assistant_job_set_session (UprImportAssistantJob *self,
                                      int                    session)
{
  g_return_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self));
  g_return_if_fail (IS_RECOMMENDATIONS (self));

  upr_import_set_session (self->recommendations, session);
}

const char *
upr_import_assistant_job_get_registration (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  return IS_RECOMMENDATIONS (self) ? NULL
                                   : upr_participant_import_get_registration (self->participants);
}

void
upr_import_assistant_job_set_registration (UprImportAssistantJob *self,
                                           const char            *registration)
{
  g_return_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self));
  g_return_if_fail (!IS_RECOMMENDATIONS (self));

  upr_participant_import_set_registration (self->participants, registration);
}

gboolean
upr_import_assistant_job_check (UprImportAssistantJob *self,
                                GError               **error)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), FALSE);

  return IS_RECOMMENDATIONS (self) ? upr_import_check (self->recommendations, error)
                                   : upr_participant_import_check (self->participants, error);
}

const char * const *
upr_import_assistant_job_get_preview_titles (UprImportAssistantJob *self)
{
  static const char *recommendations[] = {
    N_("Row"), N_("State under review"), N_("Session"), N_("Paragraph"), N_("Recommendation"),
    N_("Response"), N_("Recommending States"), N_("Themes"), NULL
  };
  static const char *participants[] = {
    N_("Row"), N_("Name"), N_("Gender"), N_("Organisation"), N_("Position"), N_("Email"),
    N_("Registration"), N_("Attendance mode"), N_("Time online"), N_("Consent"), NULL
  };
  static const char *translated[2][11];
  const char **source;
  guint kind;

  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  /* Translated once: the language does not change while Upright runs. */
  kind = IS_RECOMMENDATIONS (self) ? 0 : 1;
  source = kind == 0 ? recommendations : participants;
  if (translated[kind][0] == NULL)
    for (guint i = 0; source[i] != NULL; i++)
      translated[kind][i] = _(source[i]);
  return translated[kind];
}

GListModel *
upr_import_assistant_job_preview (UprImportAssistantJob *self,
                                  guint                  n_rows)
{
  g_autoptr(GListStore) store = g_list_store_new (UPR_TYPE_IMPORT_ASSISTANT_ROW);
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  if (IS_RECOMMENDATIONS (self))
    {
      rows = upr_import_preview (self->recommendations, n_rows, NULL);
      for (guint i = 0; i < rows->len; i++)
        {
          g_autoptr(UprImportAssistantRow) row = recommendation_row (self, rows->pdata[i]);

          g_list_store_append (store, row);
        }
    }
  else
    {
      rows = upr_participant_import_preview (self->participants, n_rows, NULL);
      for (guint i = 0; i < rows->len; i++)
        {
          g_autoptr(UprImportAssistantRow) row = participant_row (rows->pdata[i]);

          g_list_store_append (store, row);
        }
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The State whose recommendations to show afterwards: the one given or found, else that of
 * the first row. */
static void
remember_result_country (UprImportAssistantJob *self)
{
  const char *code = upr_import_get_country (self->recommendations, NULL);
  g_autoptr(GPtrArray) rows = NULL;

  g_clear_pointer (&self->result_country, g_free);
  if (code == NULL)
    {
      rows = upr_import_preview (self->recommendations, 1, NULL);
      if (rows->len > 0)
        code = ((UprImportPreviewRow *) rows->pdata[0])->country_code;
    }
  self->result_country = g_strdup (code);
}

gboolean
upr_import_assistant_job_start (UprImportAssistantJob *self,
                                gboolean               dry_run,
                                GError               **error)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), FALSE);

  if (IS_RECOMMENDATIONS (self))
    {
      remember_result_country (self);
      return upr_import_start (self->recommendations, dry_run, error);
    }
  return upr_participant_import_start (self->participants, dry_run, error);
}

gboolean
upr_import_assistant_job_step (UprImportAssistantJob *self,
                               guint                  n_rows,
                               gboolean              *finished,
                               GError               **error)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), FALSE);

  return IS_RECOMMENDATIONS (self)
           ? upr_import_step (self->recommendations, n_rows, finished, error)
           : upr_participant_import_step (self->participants, n_rows, finished, error);
}

gboolean
upr_import_assistant_job_finish (UprImportAssistantJob *self,
                                 GError               **error)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), FALSE);

  return IS_RECOMMENDATIONS (self)
           ? upr_import_finish (self->recommendations, error)
           : upr_participant_import_finish (self->participants, error);
}

void
upr_import_assistant_job_cancel (UprImportAssistantJob *self)
{
  g_return_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self));

  if (IS_RECOMMENDATIONS (self))
    upr_import_cancel (self->recommendations);
  else
    upr_participant_import_cancel (self->participants);
}

double
upr_import_assistant_job_get_progress (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), 0.0);

  return IS_RECOMMENDATIONS (self) ? upr_import_get_progress (self->recommendations)
                                   : upr_participant_import_get_progress (self->participants);
}

GListModel *
upr_import_assistant_job_get_issues (UprImportAssistantJob *self)
{
  g_autoptr(GListStore) store = g_list_store_new (UPR_TYPE_IMPORT_ASSISTANT_ISSUE);
  GPtrArray *issues;

  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  issues = IS_RECOMMENDATIONS (self) ? upr_import_get_issues (self->recommendations)
                                     : upr_participant_import_get_issues (self->participants);
  for (guint i = 0; i < issues->len; i++)
    {
      g_autoptr(UprImportAssistantIssue) issue = upr_import_assistant_issue_new (issues->pdata[i]);

      g_list_store_append (store, issue);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static guint
count_errors (GPtrArray *issues)
{
  guint n = 0;

  for (guint i = 0; i < issues->len; i++)
    n += ((UprImportIssue *) issues->pdata[i])->severity == UPR_IMPORT_SEVERITY_ERROR;
  return n;
}

void
upr_import_assistant_job_get_counts (UprImportAssistantJob *self,
                                     UprImportCounts       *counts)
{
  g_return_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self));
  g_return_if_fail (counts != NULL);

  if (IS_RECOMMENDATIONS (self))
    {
      const UprImportSummary *summary = upr_import_get_summary (self->recommendations);

      *counts = (UprImportCounts) { summary->n_rows, summary->n_new, summary->n_updated,
                                    summary->n_unchanged, summary->n_skipped,
                                    summary->n_warnings,
                                    count_errors (upr_import_get_issues (self->recommendations)) };
    }
  else
    {
      const UprParticipantImportSummary *summary =
        upr_participant_import_get_summary (self->participants);

      *counts = (UprImportCounts) {
        summary->n_rows, summary->n_new, summary->n_updated, summary->n_unchanged,
        summary->n_skipped, summary->n_warnings,
        count_errors (upr_participant_import_get_issues (self->participants)) };
    }
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

char *
upr_import_assistant_job_describe_more (UprImportAssistantJob *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  if (IS_RECOMMENDATIONS (self))
    {
      guint n = upr_import_get_summary (self->recommendations)->n_other_country;

      if (n > 0)
        append_sentence (text, (sentence = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u row of another State was left out.",
                       "%u rows of other States were left out.", n), n)));
    }
  else
    {
      const UprParticipantImportSummary *summary =
        upr_participant_import_get_summary (self->participants);

      if (summary->n_known > 0)
        {
          append_sentence (text, (sentence = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE,
                         "%u of the new participants was known from other workshops.",
                         "%u of the new participants were known from other workshops.",
                         summary->n_known), summary->n_known)));
          g_clear_pointer (&sentence, g_free);
        }
      if (summary->n_merged > 0)
        {
          append_sentence (text, (sentence = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u row repeated a person and was merged.",
                         "%u rows repeated a person and were merged.", summary->n_merged),
            summary->n_merged)));
          g_clear_pointer (&sentence, g_free);
        }
      if (summary->n_organisations > 0)
        append_sentence (text, (sentence = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u organisation was added.",
                       "%u organisations were added.", summary->n_organisations),
          summary->n_organisations)));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

const char *
upr_import_assistant_job_get_result_country (UprImportAssistantJob *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_JOB (self), NULL);

  return self->result_country;
}
