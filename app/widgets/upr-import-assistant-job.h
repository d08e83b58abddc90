/* upr-import-assistant-job.h: what the import assistant needs of an import, whichever it is:
 * recommendations (upr-import.h) or a workshop's participants (upr-participant-import.h).
 * The two importers share their steps (mapping, check, preview, a run in steps, a report);
 * this puts them behind one face, in the terms the assistant shows: columns with their
 * first values, fields by their labels, rows as text, counts. */
#pragma once

#include <gio/gio.h>

#include "upr-table.h"
#include "upr-types.h"

G_BEGIN_DECLS

typedef enum
{
  UPR_IMPORT_KIND_RECOMMENDATIONS,
  UPR_IMPORT_KIND_PARTICIPANTS,
} UprImportKind;

/* What a run did (or, for a dry run, would do). */
typedef struct
{
  guint n_rows;
  guint n_new;
  guint n_updated;
  guint n_unchanged;
  guint n_skipped;
  guint n_warnings;
  guint n_errors;
} UprImportCounts;

#define UPR_TYPE_IMPORT_ASSISTANT_JOB (upr_import_assistant_job_get_type ())
G_DECLARE_FINAL_TYPE (UprImportAssistantJob, upr_import_assistant_job, UPR, IMPORT_ASSISTANT_JOB,
                      GObject)

/* @file_name: the file's base name (provenance, country and session in it); @workshop_id:
 * for participants only. Fails when the store cannot be read or the workshop is gone. */
UprImportAssistantJob *upr_import_assistant_job_new (UprImportKind  kind,
                                                     UprStore      *store,
                                                     UprTable      *table,
                                                     const char    *file_name,
                                                     const char    *workshop_id,
                                                     GError       **error);

UprImportKind upr_import_assistant_job_get_kind        (UprImportAssistantJob *self);
/* What Upright made of the file ("UPR Info database export", "Participant list"…). */
const char   *upr_import_assistant_job_get_layout_label (UprImportAssistantJob *self);
/* FALSE when no header was recognised: the columns must be placed by hand. */
gboolean      upr_import_assistant_job_get_recognised  (UprImportAssistantJob *self);

guint         upr_import_assistant_job_get_sheet       (UprImportAssistantJob *self);
/* Whether another sheet of a workbook can be chosen (participants only, for now). */
gboolean      upr_import_assistant_job_can_choose_sheet (UprImportAssistantJob *self);
void          upr_import_assistant_job_set_sheet       (UprImportAssistantJob *self,
                                                        guint                  sheet);

guint         upr_import_assistant_job_get_n_columns   (UprImportAssistantJob *self);
const char   *upr_import_assistant_job_get_column_name (UprImportAssistantJob *self,
                                                        guint                  column);
/* Fields are numbered 0 (not placed), 1 (left out), 2… as the importer's enums. */
guint         upr_import_assistant_job_get_field       (UprImportAssistantJob *self,
                                                        guint                  column);
void          upr_import_assistant_job_set_field       (UprImportAssistantJob *self,
                                                        guint                  column,
                                                        guint                  field);
guint         upr_import_assistant_job_get_n_fields    (UprImportAssistantJob *self);
const char   *upr_import_assistant_job_get_field_label (UprImportAssistantJob *self,
                                                        guint                  field);
/* The first non-empty values of @column under the header, joined for display. */
char         *upr_import_assistant_job_get_samples     (UprImportAssistantJob *self,
                                                        guint                  column,
                                                        guint                  n_samples);

/* Recommendations: the State under review and the session, when no column gives them.
 * @from_file: Upright found them in the file's name or title. */
gboolean      upr_import_assistant_job_needs_country   (UprImportAssistantJob *self);
const char   *upr_import_assistant_job_get_country     (UprImportAssistantJob *self,
                                                        gboolean              *from_file);
void          upr_import_assistant_job_set_country     (UprImportAssistantJob *self,
                                                        const char            *code);
gboolean      upr_import_assistant_job_needs_session   (UprImportAssistantJob *self);
int           upr_import_assistant_job_get_session     (UprImportAssistantJob *self,
                                                        gboolean              *from_file);
void          upr_import_assistant_job_set_session     (UprImportAssistantJob *self,
                                                        int                    session);
/* Participants: the registration of rows that do not give theirs. */
const char   *upr_import_assistant_job_get_registration (UprImportAssistantJob *self);
void          upr_import_assistant_job_set_registration (UprImportAssistantJob *self,
                                                         const char            *registration);

gboolean      upr_import_assistant_job_check           (UprImportAssistantJob *self,
                                                        GError               **error);
/* The preview's column titles (NULL-terminated, translated) and its first @n_rows rows
 * (UprImportAssistantRow; those that will not be imported dimmed). */
const char * const *upr_import_assistant_job_get_preview_titles (UprImportAssistantJob *self);
GListModel   *upr_import_assistant_job_preview         (UprImportAssistantJob *self,
                                                        guint                  n_rows);

gboolean      upr_import_assistant_job_start           (UprImportAssistantJob *self,
                                                        gboolean               dry_run,
                                                        GError               **error);
gboolean      upr_import_assistant_job_step            (UprImportAssistantJob *self,
                                                        guint                  n_rows,
                                                        gboolean              *finished,
                                                        GError               **error);
gboolean      upr_import_assistant_job_finish          (UprImportAssistantJob *self,
                                                        GError               **error);
void          upr_import_assistant_job_cancel          (UprImportAssistantJob *self);
double        upr_import_assistant_job_get_progress    (UprImportAssistantJob *self);

/* The report of the last run (UprImportAssistantIssue), its counts, and a sentence of what
 * else happened ("3 organisations were added."), NULL when nothing. */
GListModel   *upr_import_assistant_job_get_issues      (UprImportAssistantJob *self);
void          upr_import_assistant_job_get_counts      (UprImportAssistantJob *self,
                                                        UprImportCounts       *counts);
char         *upr_import_assistant_job_describe_more   (UprImportAssistantJob *self);
/* The country whose recommendations were imported (to show them), or NULL. */
const char   *upr_import_assistant_job_get_result_country (UprImportAssistantJob *self);

G_END_DECLS
