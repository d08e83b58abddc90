/* upr-participant-import.h: participant lists imported into a workshop (issue 4, DESIGN.md
 * §4): registration systems' exports (UN Indico, web forms) and online meetings' attendance
 * reports (Zoom, Teams), CSV or workbooks read by upr-table.h, with English or French
 * headers.
 *
 * Each column is placed from its header ("First name" / "Prénom", "E-mail" / "Courriel",
 * "Affiliation", "Sexe", "Durée"…); the user can correct the mapping, which is remembered
 * for that set of headers. Rows of one person (someone who joined a call twice) are merged.
 * A person Upright knows already is matched by e-mail address, or by name and organisation
 * (case and accents aside), and updated rather than created again; organisations are matched
 * by name or acronym and created when missing (stakeholder type "other" unless the file says).
 * Importing the same file again changes nothing. Consent is never assumed: without a consent
 * column a new person's consent is "none".
 *
 * The steps mirror upr-import.h (the import assistant drives both the same way): new, then
 * the mapping, check, preview, then start / step / finish (or cancel) in ONE transaction
 * (a dry run rolls back: its report and summary are those of the real run), then the report
 * and the summary. No GTK, no threads. Personal data is never logged. */
#pragma once

#include <gio/gio.h>

#include "upr-import.h"
#include "upr-table.h"
#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_PARTICIPANT_IMPORT_ERROR (upr_participant_import_error_quark ())

typedef enum
{
  UPR_PARTICIPANT_IMPORT_ERROR_NO_WORKSHOP, /* the workshop is not in the database */
  UPR_PARTICIPANT_IMPORT_ERROR_NO_HEADER,   /* no column holds the names; lists the columns */
  UPR_PARTICIPANT_IMPORT_ERROR_NO_ROWS,     /* a header, but nobody under it */
  UPR_PARTICIPANT_IMPORT_ERROR_CANCELLED,
  UPR_PARTICIPANT_IMPORT_ERROR_FAILED,      /* the store failed: the import was rolled back */
} UprParticipantImportError;

/* What a column holds. */
typedef enum
{
  UPR_PARTICIPANT_FIELD_NONE,             /* not placed: the user may map it */
  UPR_PARTICIPANT_FIELD_IGNORE,           /* known and left out (join time, role…) */
  UPR_PARTICIPANT_FIELD_FULL_NAME,
  UPR_PARTICIPANT_FIELD_FIRST_NAME,
  UPR_PARTICIPANT_FIELD_LAST_NAME,
  UPR_PARTICIPANT_FIELD_HONORIFIC,        /* Mr, Ms, Dr, Mme… */
  UPR_PARTICIPANT_FIELD_GENDER,           /* F/M, Female/Male, Femme/Homme… */
  UPR_PARTICIPANT_FIELD_ORGANISATION,
  UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE, /* of the organisation */
  UPR_PARTICIPANT_FIELD_POSITION,
  UPR_PARTICIPANT_FIELD_COUNTRY,          /* of the organisation */
  UPR_PARTICIPANT_FIELD_EMAIL,
  UPR_PARTICIPANT_FIELD_PHONE,
  UPR_PARTICIPANT_FIELD_REGISTRATION,     /* registered, invited, cancelled… */
  UPR_PARTICIPANT_FIELD_ATTENDED,         /* yes / no */
  UPR_PARTICIPANT_FIELD_MODE,             /* in person / online */
  UPR_PARTICIPANT_FIELD_DURATION,         /* time in an online meeting */
  UPR_PARTICIPANT_FIELD_CONSENT,          /* an explicit consent to keep the person's data */
  UPR_PARTICIPANT_N_FIELDS
} UprParticipantField;

/* One person as the import will record them (the preview). */
typedef struct
{
  guint    row;           /* 1-based row of the file (the first, for merged rows) */
  char    *name;
  char    *honorific;
  char    *gender;        /* UPR_VOCAB_GENDER id; NULL: not given */
  char    *organisation;
  char    *position;
  char    *email;
  char    *phone;
  char    *registration;  /* UPR_VOCAB_REGISTRATION id the attendance will have */
  char    *mode;          /* UPR_VOCAB_ATTENDANCE_MODE id; NULL: not given */
  guint    minutes;       /* time online, all rows of the person; 0: not given */
  char    *consent;       /* UPR_VOCAB_CONSENT_SCOPE id; NULL: the file says nothing */
  guint    n_rows;        /* rows of the file merged into this person (1 or more) */
  gboolean skipped;       /* will not be imported (see its issues) */
} UprParticipantPreviewRow;

#define UPR_TYPE_PARTICIPANT_PREVIEW_ROW (upr_participant_preview_row_get_type ())
GType                     upr_participant_preview_row_get_type (void) G_GNUC_CONST;
UprParticipantPreviewRow *upr_participant_preview_row_copy     (const UprParticipantPreviewRow *row);
void                      upr_participant_preview_row_free     (UprParticipantPreviewRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprParticipantPreviewRow, upr_participant_preview_row_free)

typedef struct
{
  guint n_rows;          /* rows with data read */
  guint n_merged;        /* rows merged into another row of the same person */
  guint n_new;           /* participants added to the workshop… */
  guint n_known;         /* …of whom Upright knew from other workshops */
  guint n_updated;       /* participants already there, or their details, changed */
  guint n_unchanged;
  guint n_skipped;       /* each with its reason in the report */
  guint n_organisations; /* organisations created */
  guint n_warnings;
} UprParticipantImportSummary;

#define UPR_TYPE_PARTICIPANT_IMPORT (upr_participant_import_get_type ())
G_DECLARE_FINAL_TYPE (UprParticipantImport, upr_participant_import, UPR, PARTICIPANT_IMPORT,
                      GObject)

GQuark                upr_participant_import_error_quark (void);

/* Analyses @table for an import into the workshop @workshop_id of @store: finds the header
 * row (on any sheet) and the field of each column. Fails when the workshop is unknown or the
 * store cannot be read. */
UprParticipantImport *upr_participant_import_new         (UprStore    *store,
                                                          UprTable    *table,
                                                          const char  *workshop_id,
                                                          GError     **error);

/* TRUE when the header was recognised (or remembered from an earlier import). */
gboolean              upr_participant_import_get_recognised (UprParticipantImport *self);
/* TRUE when the file is an online meeting's attendance report (it has durations). */
gboolean              upr_participant_import_is_attendance_report (UprParticipantImport *self);

guint                 upr_participant_import_get_sheet       (UprParticipantImport *self);
/* Reads another sheet of a workbook: its header is looked for again. */
void                  upr_participant_import_set_sheet       (UprParticipantImport *self,
                                                              guint                 sheet);
guint                 upr_participant_import_get_header_row  (UprParticipantImport *self);
guint                 upr_participant_import_get_n_columns   (UprParticipantImport *self);
const char           *upr_participant_import_get_column_name (UprParticipantImport *self,
                                                              guint                 column);
UprParticipantField   upr_participant_import_get_column_field (UprParticipantImport *self,
                                                               guint                 column);
/* Maps @column to @field; a column that held @field before is unmapped (one column per field,
 * IGNORE and NONE aside). Remembered for this set of headers when the import is committed. */
void                  upr_participant_import_set_column_field (UprParticipantImport *self,
                                                               guint                 column,
                                                               UprParticipantField   field);
/* The headers of the columns no field was found for (NULL-terminated). */
char                **upr_participant_import_get_unplaced_columns (UprParticipantImport *self);

/* The registration of rows that do not give theirs (UPR_VOCAB_REGISTRATION id): "attended"
 * for an attendance list or report, "registered" for a registration system's export. */
const char           *upr_participant_import_get_registration (UprParticipantImport *self);
void                  upr_participant_import_set_registration (UprParticipantImport *self,
                                                               const char           *registration);

/* Whether the mapping lets the import run; otherwise an error saying what is missing. */
gboolean              upr_participant_import_check           (UprParticipantImport *self,
                                                              GError              **error);
/* The first @n_rows people as they will be recorded (GPtrArray of UprParticipantPreviewRow),
 * and their problems appended to @issues (optional, of UprImportIssue). Writes nothing; does
 * not say who is new or known (a dry run does). */
GPtrArray            *upr_participant_import_preview         (UprParticipantImport *self,
                                                              guint                 n_rows,
                                                              GPtrArray            *issues);

/* The run, as in upr-import.h: start opens the transaction, each step records up to
 * @n_people people, finish commits (or, for a dry run, rolls back). Any failure,
 * upr_participant_import_cancel() and disposing of the import before finish roll back. */
gboolean              upr_participant_import_start           (UprParticipantImport *self,
                                                              gboolean              dry_run,
                                                              GError              **error);
gboolean              upr_participant_import_step            (UprParticipantImport *self,
                                                              guint                 n_people,
                                                              gboolean             *finished,
                                                              GError              **error);
gboolean              upr_participant_import_finish          (UprParticipantImport *self,
                                                              GError              **error);
void                  upr_participant_import_cancel          (UprParticipantImport *self);
/* All at once (the command line, tests); cancellable between people. */
gboolean              upr_participant_import_run             (UprParticipantImport *self,
                                                              gboolean              dry_run,
                                                              GCancellable         *cancellable,
                                                              GError              **error);

/* 0.0–1.0, also the "progress" property. */
double                upr_participant_import_get_progress    (UprParticipantImport *self);
/* The report of the last run, or of the analysis (GPtrArray of UprImportIssue), by row. */
GPtrArray            *upr_participant_import_get_issues      (UprParticipantImport *self);
const UprParticipantImportSummary *upr_participant_import_get_summary (UprParticipantImport *self);

/* Translated names for the assistant and the report; stable ids for remembered mappings. */
const char           *upr_participant_field_label            (UprParticipantField field);
const char           *upr_participant_field_id               (UprParticipantField field);
UprParticipantField   upr_participant_field_from_id          (const char         *id);

G_END_DECLS
