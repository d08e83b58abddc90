/* upr-import.h: recommendations imported from the files people have (issue 4, DESIGN.md §4).
 *
 * An import reads a table (upr-table.h) of one of the layouts below, or of any layout whose
 * header names the fields in English or French, and writes its recommendations into the
 * store in ONE transaction: cancelled, failed or killed, the database is exactly as before.
 * Importing the same file again changes nothing: a row is matched to the recommendation it
 * made before by country, session and paragraph, or by its text where it has no paragraph;
 * an identical row is left alone, a changed one is updated in the fields the file carries
 * (never in those officers fill in: lead institution, status, progress, cluster, notes…).
 *
 * The steps, as the import assistant shows them:
 *   1. upr_import_new(): finds the header row and the field of each column (get_layout,
 *      get_column_field, get_unplaced_columns), the country and session when the file
 *      names them only in its title or name (get_country, get_session);
 *   2. the user corrects the mapping (set_column_field) or gives the country or session
 *      (set_country, set_session); upr_import_check() says whether it can run;
 *   3. upr_import_preview(): the first rows as they will be imported, with their problems;
 *   4. the run: upr_import_start(), then upr_import_step() from an idle handler (the
 *      "progress" property follows), then upr_import_finish() or upr_import_cancel();
 *      upr_import_run() does it all at once, for the command line. A dry run does
 *      everything, then rolls back: its report and summary are those of the real run;
 *   5. the report (get_issues: row, column, value, problem, severity) and the summary
 *      (get_summary: new, updated, unchanged, skipped).
 *
 * While a run is open the store is inside its transaction: other saves on the same store
 * would join it (and be rolled back with it), so the assistant keeps the window modal.
 * No GTK, no threads: the store's connection is used from the main thread only. */
#pragma once

#include <gio/gio.h>

#include "upr-table.h"
#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_IMPORT_ERROR (upr_import_error_quark ())

typedef enum
{
  UPR_IMPORT_ERROR_NO_HEADER,     /* no row names the recommendation text; lists the columns */
  UPR_IMPORT_ERROR_NO_COUNTRY,    /* no country column and none given */
  UPR_IMPORT_ERROR_NO_SESSION,    /* no session column and none given */
  UPR_IMPORT_ERROR_NO_ROWS,       /* a header, but no recommendation under it */
  UPR_IMPORT_ERROR_CANCELLED,
  UPR_IMPORT_ERROR_FAILED,        /* the store failed: the import was rolled back */
} UprImportError;

/* The layouts Upright knows by their headers. */
typedef enum
{
  UPR_IMPORT_LAYOUT_UNKNOWN,
  UPR_IMPORT_LAYOUT_UPR_INFO,        /* UPR Info database export (.xls, .csv) */
  UPR_IMPORT_LAYOUT_UHRI,            /* OHCHR Universal Human Rights Index export (.xlsx) */
  UPR_IMPORT_LAYOUT_OHCHR_THEMATIC,  /* OHCHR thematic list of recommendations (.docx) */
  UPR_IMPORT_LAYOUT_GENERIC,         /* any table whose header names the fields */
  UPR_IMPORT_LAYOUT_REMEMBERED,      /* a header set mapped by hand before */
} UprImportLayout;

/* What a column holds. */
typedef enum
{
  UPR_IMPORT_FIELD_NONE,                /* not placed: the user may map it */
  UPR_IMPORT_FIELD_IGNORE,              /* known and left out (regional group, annotation id…) */
  UPR_IMPORT_FIELD_COUNTRY,             /* State under review */
  UPR_IMPORT_FIELD_SESSION,
  UPR_IMPORT_FIELD_CYCLE,               /* checked against the session */
  UPR_IMPORT_FIELD_PARAGRAPH,
  UPR_IMPORT_FIELD_TEXT,                /* may carry the paragraph, the recommending States in
                                         * parentheses and a "Source of position:" line */
  UPR_IMPORT_FIELD_RECOMMENDING_STATES,
  UPR_IMPORT_FIELD_RESPONSE,
  UPR_IMPORT_FIELD_RESPONSE_SOURCE,
  UPR_IMPORT_FIELD_ACTION_CATEGORY,
  UPR_IMPORT_FIELD_ISSUES,              /* UPR Info issues */
  UPR_IMPORT_FIELD_THEMES,              /* OHCHR themes; a "Groups of persons:" part is read too */
  UPR_IMPORT_FIELD_GROUPS,              /* OHCHR groups of persons (affected persons) */
  UPR_IMPORT_FIELD_SDGS,
  UPR_IMPORT_FIELD_BODY,                /* recommending body: rows not from the UPR are skipped */
  UPR_IMPORT_N_FIELDS
} UprImportField;

typedef enum
{
  UPR_IMPORT_SEVERITY_WARNING, /* the row is imported without the value named */
  UPR_IMPORT_SEVERITY_SKIPPED, /* the row is not imported, for the reason given */
  UPR_IMPORT_SEVERITY_ERROR,   /* the import stops and changes nothing */
} UprImportSeverity;

/* One problem of the report. */
typedef struct
{
  UprImportSeverity severity;
  guint             row;     /* 1-based row (or line) of the file, as a spreadsheet shows it;
                              * 0: the file as a whole */
  char             *column;  /* the column's header; NULL: the whole row */
  char             *value;   /* the value in question; NULL when none */
  char             *message; /* translated */
} UprImportIssue;

#define UPR_TYPE_IMPORT_ISSUE (upr_import_issue_get_type ())
GType           upr_import_issue_get_type (void) G_GNUC_CONST;
UprImportIssue *upr_import_issue_copy     (const UprImportIssue *issue);
void            upr_import_issue_free     (UprImportIssue       *issue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprImportIssue, upr_import_issue_free)

/* One row as it will be imported (the preview). Arrays are NULL-terminated, never NULL. */
typedef struct
{
  guint    row;              /* as in UprImportIssue */
  char    *country_code;
  int      session;
  int      cycle;            /* from the session; 0: in no known cycle */
  char    *paragraph;
  char    *text;
  char    *response;         /* UPR_VOCAB_RESPONSE id */
  char    *response_source;
  int      action_category;
  char   **states;           /* ISO codes */
  char   **terms;            /* vocabulary term ids */
  guint    sdg_goals;        /* mask of 1 << (goal - 1) */
  gboolean skipped;          /* will not be imported (see its issues) */
} UprImportPreviewRow;

#define UPR_TYPE_IMPORT_PREVIEW_ROW (upr_import_preview_row_get_type ())
GType                upr_import_preview_row_get_type (void) G_GNUC_CONST;
UprImportPreviewRow *upr_import_preview_row_copy     (const UprImportPreviewRow *row);
void                 upr_import_preview_row_free     (UprImportPreviewRow       *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprImportPreviewRow, upr_import_preview_row_free)

typedef struct
{
  guint n_rows;       /* data rows read (headings and empty rows aside) */
  guint n_new;
  guint n_updated;
  guint n_unchanged;
  guint n_skipped;    /* each with its reason in the report */
  guint n_other_country; /* rows of other States, left out because a country was chosen */
  guint n_warnings;
} UprImportSummary;

#define UPR_TYPE_IMPORT (upr_import_get_type ())
G_DECLARE_FINAL_TYPE (UprImport, upr_import, UPR, IMPORT, GObject)

GQuark          upr_import_error_quark        (void);

/* Analyses @table for an import into @store. @file_name (the file's base name) is kept as
 * the recommendations' provenance and searched for the country and session when the table
 * does not name them. Fails only when the store cannot be read. */
UprImport      *upr_import_new                (UprStore     *store,
                                               UprTable     *table,
                                               const char   *file_name,
                                               GError      **error);

UprImportLayout upr_import_get_layout         (UprImport    *self);
/* The table's sheet and 0-based row holding the header. Sheets after it with the same
 * header (a document with one table per theme) are imported too. */
guint           upr_import_get_sheet          (UprImport    *self);
guint           upr_import_get_header_row     (UprImport    *self);

guint           upr_import_get_n_columns      (UprImport    *self);
const char     *upr_import_get_column_name    (UprImport    *self,
                                               guint         column);
UprImportField  upr_import_get_column_field   (UprImport    *self,
                                               guint         column);
/* Maps @column to @field; a column that held @field before is unmapped (one column per field,
 * IGNORE and NONE aside). The mapping is remembered for this set of headers when an import
 * with it is committed. */
void            upr_import_set_column_field   (UprImport    *self,
                                               guint         column,
                                               UprImportField field);
/* The headers of the columns no field was found for (NULL-terminated). */
char          **upr_import_get_unplaced_columns (UprImport  *self);

/* The State under review for rows without one: found in the file's name or title, or given.
 * NULL when unknown. @from_file: TRUE when Upright found it (the user should confirm). */
const char     *upr_import_get_country        (UprImport    *self,
                                               gboolean     *from_file);
/* An ISO code (alpha-2 or -3, or a name): FALSE when it is no known State. When the file has
 * a country column, only that State's rows are imported. */
gboolean        upr_import_set_country        (UprImport    *self,
                                               const char   *country);
int             upr_import_get_session        (UprImport    *self,
                                               gboolean     *from_file);
void            upr_import_set_session        (UprImport    *self,
                                               int           session);

/* Whether the mapping lets the import run; otherwise an error saying what is missing
 * (naming the columns it could not place). */
gboolean        upr_import_check              (UprImport    *self,
                                               GError      **error);

/* The first @n_rows data rows as they will be imported (GPtrArray of UprImportPreviewRow),
 * and their problems appended to @issues (optional, of UprImportIssue). Writes nothing. */
GPtrArray      *upr_import_preview            (UprImport    *self,
                                               guint         n_rows,
                                               GPtrArray    *issues);

/* The run, in steps (for a main loop): start opens the transaction, each step imports up to
 * @n_rows rows and sets @finished when all are done, finish commits (or, for a dry run,
 * rolls back). Any failure, upr_import_cancel() and disposing of the import before finish
 * roll back. */
gboolean        upr_import_start              (UprImport    *self,
                                               gboolean      dry_run,
                                               GError      **error);
gboolean        upr_import_step               (UprImport    *self,
                                               guint         n_rows,
                                               gboolean     *finished,
                                               GError      **error);
gboolean        upr_import_finish             (UprImport    *self,
                                               GError      **error);
void            upr_import_cancel             (UprImport    *self);
/* All at once; cancellable between rows (the database is then left as before). */
gboolean        upr_import_run                (UprImport    *self,
                                               gboolean      dry_run,
                                               GCancellable *cancellable,
                                               GError      **error);

/* 0.0–1.0, also the "progress" property. */
double          upr_import_get_progress       (UprImport    *self);
/* The report of the last run (or of the analysis): GPtrArray of UprImportIssue, by row. */
GPtrArray      *upr_import_get_issues         (UprImport    *self);
const UprImportSummary *upr_import_get_summary (UprImport   *self);

/* Translated names for the assistant and the report. */
const char     *upr_import_layout_label       (UprImportLayout layout);
const char     *upr_import_field_label        (UprImportField  field);
/* Stable ids ("text", "recommending-states"…) for remembered mappings and the command line. */
const char     *upr_import_field_id           (UprImportField  field);
UprImportField  upr_import_field_from_id      (const char     *id);

G_END_DECLS
