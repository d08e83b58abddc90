/* upr-workbook-private.h: what the workbook's files share: the snapshot (plain data read from
 * the store on the store's thread, upr-workbook-snapshot.c) and the writer that turns it into
 * sheets in a worker thread (upr-workbook-writer.c and one file per sheet). The benchmark
 * and the tests include it too, to time the snapshot alone and to get the matrix's cells. */
#pragma once

#include <xlsxwriter.h>

#include "upr-store-export.h"
#include "upr-vocab.h"
#include "upr-workbook-catalog.h"
#include "upr-workbook.h"

/* Debian's xlsxwriter.pc says "Version: 4": the header is the only honest version. 1.1.4 is
 * what Debian 12 ships, and what the escaping and length checks below were verified with. */
#if !defined(LXW_VERSION_ID) || LXW_VERSION_ID < 114
#error "Upright needs libxlsxwriter 1.1.4 or newer"
#endif

G_BEGIN_DECLS

/* The text domain context of the workbook's own labels, which NC_ marks. */
#define UPR_WORKBOOK_CONTEXT "workbook"

/* Excel's limit for one cell, in UTF-16 code units. */
#define UPR_WORKBOOK_MAX_CELL 32767
/* What ends a text cut to Excel's limit (4 UTF-16 units), so that the cut shows. */
#define UPR_WORKBOOK_CUT_MARKER " […]"
#define UPR_WORKBOOK_CUT_MARKER_UNITS 4

/* The stable names of the matrix's columns, written on the hidden sheet so that a returned
 * matrix can be read back whatever its language. */
typedef enum
{
  UPR_MATRIX_KEY,
  UPR_MATRIX_COUNTRY,
  UPR_MATRIX_REFERENCE,
  UPR_MATRIX_SESSION,
  UPR_MATRIX_CYCLE,
  UPR_MATRIX_TEXT,
  UPR_MATRIX_STATES,
  UPR_MATRIX_RESPONSE,
  UPR_MATRIX_CATEGORY,
  UPR_MATRIX_THEMES,
  UPR_MATRIX_GROUPS,
  UPR_MATRIX_SDGS,
  UPR_MATRIX_LEAD,
  UPR_MATRIX_SUPPORTING,
  UPR_MATRIX_ACTIONS,
  UPR_MATRIX_INDICATORS,
  UPR_MATRIX_STATUS,
  UPR_MATRIX_STATUS_DATE,
  UPR_MATRIX_PROGRESS,
  UPR_MATRIX_ASSESSMENT,
  UPR_MATRIX_NOTES,
  UPR_MATRIX_N_COLUMNS
} UprMatrixColumn;

const char *upr_workbook_matrix_column_key (UprMatrixColumn column);

/* The snapshot */

typedef struct
{
  const char *display;          /* "Name (ACRONYM)" */
  const char *stakeholder_type; /* UPR_VOCAB_STAKEHOLDER_TYPE id */
} UprSnapOrganisation;

typedef struct
{
  char       *time;
  int         duration_minutes;
  char       *title;
  const char *role;            /* UPR_VOCAB_AGENDA_ROLE id or NULL */
  char       *speaker;         /* NULL when none, or withheld */
  char       *organisation_id;
  gboolean    confirmed;
} UprSnapAgendaItem;

typedef struct
{
  char       *id;
  const char *country_code;
  char       *title;
  const char *kind;
  int         cycle;
  char       *start_date;
  char       *end_date;
  char       *venue;
  const char *format;
  char       *languages;
  char       *organisers;
  char       *partners;
  char       *objectives;      /* NULL when withheld */
  /* People who attended, by gender: women, men, anyone else or not stated. */
  guint       n_attended;
  guint       n_women;
  guint       n_men;
  GPtrArray  *agenda;          /* UprSnapAgendaItem */
} UprSnapWorkshop;

/* One person who attended a workshop in scope, for the counts: no name. */
typedef struct
{
  const char *gender;           /* UPR_VOCAB_GENDER id or NULL */
  const char *stakeholder_type; /* of their organisation, NULL: none */
} UprSnapPerson;

/* One line of the Participants sheet: only people who consented (names mode). */
typedef struct
{
  guint       workshop;         /* index in workshops */
  char       *honorific;
  char       *name;
  const char *gender;
  char       *organisation_id;
  char       *position;
  const char *mode;
  int         days_attended;
} UprSnapParticipant;

typedef struct
{
  /* What was asked */
  UprWorkbookSheets   sheets;
  UprWorkbookPeople   people_mode;
  int                 cycle;
  char               *author;
  char               *scope;           /* countries or workshop, in the workbook language */
  GDateTime          *created;
  UprWorkbookCatalog *catalog;
  gboolean            several_countries;

  /* Reference data in the workbook language */
  GHashTable         *country_names;   /* interned code → name */
  GHashTable         *country_ranks;   /* interned code → place by name + 1 */
  GHashTable         *term_labels;     /* interned term id → label */
  char               *sdg_titles[18];  /* by goal number, 1–17 */
  GHashTable         *organisations;   /* id → UprSnapOrganisation */
  GHashTable         *vocab_labels[UPR_N_VOCABS]; /* interned id → label */

  /* Contents */
  UprExportMatrix    *matrix;          /* NULL without the Matrix or Summary sheets */
  GPtrArray          *workshops;       /* UprSnapWorkshop, by date */
  GArray             *people;          /* UprSnapPerson: distinct people who attended */
  GPtrArray          *participants;    /* UprSnapParticipant: names mode only */
  guint               n_withheld;      /* attended without consent to be named */
  guint               n_redacted;      /* free texts withheld */
} UprWorkbookSnapshot;

UprWorkbookSnapshot *upr_workbook_snapshot_new  (UprWorkbook         *options,
                                                 UprStore            *store,
                                                 GError             **error);
void                 upr_workbook_snapshot_free (UprWorkbookSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprWorkbookSnapshot, upr_workbook_snapshot_free)

/* Labels in the workbook language: the workbook's own (context "workbook"), a closed
 * vocabulary's, a country's name. Borrowed from the snapshot. */
const char *upr_snapshot_label   (const UprWorkbookSnapshot *snapshot,
                                  const char                *msgid);
const char *upr_snapshot_vocab   (const UprWorkbookSnapshot *snapshot,
                                  UprVocab                   vocab,
                                  const char                *id);
const char *upr_snapshot_country (const UprWorkbookSnapshot *snapshot,
                                  const char                *code);
const char *upr_snapshot_organisation (const UprWorkbookSnapshot *snapshot,
                                       const char                *id);

/* The writer */

typedef void (*UprWorkbookProgressFunc) (double   fraction,
                                         gpointer data);

typedef struct
{
  const UprWorkbookSnapshot *snapshot;
  lxw_workbook              *workbook;
  GCancellable              *cancellable;
  UprWorkbookProgressFunc    progress;
  gpointer                   progress_data;
  guint                      rows_total;  /* rows of every sheet, for the progress */
  guint                      rows_done;
  double                     last_fraction;
  UprWorkbookReport         *report;
  GPtrArray                 *warnings;    /* translated */
  GString                   *scratch;     /* a cell's text being made */
  GString                   *clean;       /* a cell's text made safe */
  const char                *sheet_name;  /* for messages */
  const char                *matrix_sheet_name; /* for the hidden sheet, NULL: none */

  /* Formats */
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *heading;
  lxw_format *header;
  lxw_format *cell;
  lxw_format *wrap;
  lxw_format *number;
  lxw_format *percent;
  lxw_format *date;
  lxw_format *total;
  lxw_format *total_number;
  /* The matrix's body: no borders (gridlines, printed too, draw the grid), so that its many
   * empty cells need not be written at all. */
  lxw_format *body_cell;
  lxw_format *body_wrap;
  lxw_format *body_number;
  lxw_format *body_date;
  lxw_format *status_formats[5];     /* conditional fills by status */
  lxw_format *assessment_formats[3];
} UprWorkbookWriter;

/* Writes @snapshot to @path (which libxlsxwriter creates or truncates). On failure or
 * cancellation nothing is written, or what was is the caller's to remove. */
gboolean upr_workbook_write_file (const UprWorkbookSnapshot *snapshot,
                                  const char                *path,
                                  GCancellable              *cancellable,
                                  UprWorkbookProgressFunc    progress,
                                  gpointer                   progress_data,
                                  UprWorkbookReport         *report,
                                  GError                   **error);

/* Reads the written file back: every XML part whole (CRC) and ending with its root's closing
 * tag, which libxlsxwriter does not make sure of when its temporary files fail
 * (upr-workbook-verify.c). */
gboolean    upr_workbook_verify_file (const char   *path,
                                      GCancellable *cancellable,
                                      GError      **error);

/* For the writer's files */
const char *upr_writer_label       (UprWorkbookWriter *writer,
                                    const char        *msgid);
/* Turns a libxlsxwriter result into a GError; TRUE for LXW_NO_ERROR. */
gboolean    upr_writer_check       (UprWorkbookWriter *writer,
                                    lxw_error          result,
                                    GError           **error);
lxw_worksheet *upr_writer_add_sheet (UprWorkbookWriter *writer,
                                     const char        *name,
                                     GError           **error);
/* Writes user text as text: valid UTF-8, no control character, Excel's "_xHHHH_" escapes
 * kept literal, cut at Excel's limit with a visible marker; an empty text writes a blank
 * cell when @format is given (for its borders). A value cut is reported with its cell. */
gboolean    upr_writer_string      (UprWorkbookWriter *writer,
                                    lxw_worksheet     *sheet,
                                    lxw_row_t          row,
                                    lxw_col_t          col,
                                    const char        *text,
                                    lxw_format        *format,
                                    GError           **error);
/* What upr_writer_make_safe () found. */
enum
{
  UPR_SAFE_TEXT_REPAIRED = 1 << 0, /* characters left out, or invalid UTF-8 repaired */
  UPR_SAFE_TEXT_CUT = 1 << 1,      /* cut at Excel's limit, with the marker */
};
/* The text upr_writer_string () writes for @text (not empty): @text itself when it is safe
 * (most are), else a cleaned copy in @clean; @flags say what was done. It touches nothing
 * else, so that the matrix's rows can be made ready on a thread of their own. */
const char *upr_writer_make_safe   (const char        *text,
                                    GString           *clean,
                                    guint             *flags);
/* Writes a text made safe by upr_writer_make_safe (), counting and reporting what it did. */
gboolean    upr_writer_safe_string (UprWorkbookWriter *writer,
                                    lxw_worksheet     *sheet,
                                    lxw_row_t          row,
                                    lxw_col_t          col,
                                    const char        *text,
                                    guint              flags,
                                    lxw_format        *format,
                                    GError           **error);
gboolean    upr_writer_number      (UprWorkbookWriter *writer,
                                    lxw_worksheet     *sheet,
                                    lxw_row_t          row,
                                    lxw_col_t          col,
                                    double             number,
                                    lxw_format        *format,
                                    GError           **error);
/* How a count of people appears (upr_workbook_suppress ()). */
typedef enum
{
  UPR_COUNT_SHOWN,
  UPR_COUNT_SMALL,  /* 1–4: "<5" */
  UPR_COUNT_HIDDEN, /* "x": it would give a small one back through a total */
} UprCountShown;

/* Decides how each count of a table of people appears: @counts are @n_rows × @n_columns,
 * row by row, the last column each row's total when @row_totals, the last row each column's
 * when @column_totals (the grand total, with both, is shown unless it alone would give a small
 * count away). Fills @shown likewise.
 * (upr-workbook-suppress.c) */
void        upr_workbook_suppress  (const guint       *counts,
                                    guint              n_rows,
                                    guint              n_columns,
                                    gboolean           row_totals,
                                    gboolean           column_totals,
                                    UprCountShown     *shown);
/* A count of people, as upr_workbook_suppress () decided. */
gboolean    upr_writer_people_count (UprWorkbookWriter *writer,
                                     lxw_worksheet     *sheet,
                                     lxw_row_t          row,
                                     lxw_col_t          col,
                                     guint              count,
                                     UprCountShown      shown,
                                     lxw_format        *format,
                                     GError           **error);
/* "YYYY-MM-DD" as a date cell; anything else as text. */
gboolean    upr_writer_date        (UprWorkbookWriter *writer,
                                    lxw_worksheet     *sheet,
                                    lxw_row_t          row,
                                    lxw_col_t          col,
                                    const char        *date,
                                    lxw_format        *format,
                                    GError           **error);
/* upr_writer_date () for a text made safe by upr_writer_make_safe (). */
gboolean    upr_writer_safe_date   (UprWorkbookWriter *writer,
                                    lxw_worksheet     *sheet,
                                    lxw_row_t          row,
                                    lxw_col_t          col,
                                    const char        *date,
                                    guint              flags,
                                    lxw_format        *format,
                                    GError           **error);
/* Lines of @text in a column @width characters wide, wrapped (an estimate, a little high). */
guint       upr_writer_count_lines (const char        *text,
                                    double             width);
/* The height in points of a row holding @texts (@widths: their columns' widths, 0 for a
 * column that does not wrap); 0 for one line, the default. */
double      upr_writer_row_height  (const char * const *texts,
                                    const double       *widths,
                                    guint               n);
/* Sets the height of @row to fit the longest of @texts (@widths: their columns' widths, 0 for
 * a column that does not wrap). Call it before writing the row. */
gboolean    upr_writer_fit_row     (UprWorkbookWriter  *writer,
                                    lxw_worksheet      *sheet,
                                    lxw_row_t           row,
                                    const char * const *texts,
                                    const double       *widths,
                                    guint               n,
                                    GError            **error);
/* Landscape A4 (A3 when @wide), fit to width, @header_row repeated, header and footer. */
gboolean    upr_writer_print_setup (UprWorkbookWriter *writer,
                                    lxw_worksheet     *sheet,
                                    int                header_row,
                                    gboolean           wide,
                                    GError           **error);
/* Counts @n_rows towards the progress; FALSE with @error once cancelled. */
gboolean    upr_writer_advance     (UprWorkbookWriter *writer,
                                    guint              n_rows,
                                    GError           **error);
void        upr_writer_warn        (UprWorkbookWriter *writer,
                                    char              *message);

/* "=Upright!$E$2:$E$6": the labels of @vocab (status or assessment level) on the hidden
 * sheet, for the matrix's drop-down lists. */
const char *upr_workbook_list_formula (UprVocab vocab);

/* The sheets, in upr-workbook-summary.c, -matrix.c and -workshops.c. */
guint       upr_workbook_matrix_n_rows (const UprWorkbookSnapshot *snapshot);
gboolean    upr_workbook_write_summary      (UprWorkbookWriter *writer,
                                             GError           **error);
gboolean    upr_workbook_write_matrix       (UprWorkbookWriter *writer,
                                             GError           **error);
gboolean    upr_workbook_write_workshops    (UprWorkbookWriter *writer,
                                             GError           **error);
gboolean    upr_workbook_write_programme    (UprWorkbookWriter *writer,
                                             GError           **error);
gboolean    upr_workbook_write_participants (UprWorkbookWriter *writer,
                                             GError           **error);
/* The hidden sheet that describes the export, and the drop-down lists' values. */
gboolean    upr_workbook_write_metadata     (UprWorkbookWriter *writer,
                                             GError           **error);

/* The cells of the matrix's row @index as text (what the Matrix sheet shows, before
 * cleaning), into @cells (UPR_MATRIX_N_COLUMNS strings; owned by @scratch_chunk). For the
 * benchmark's bare libxlsxwriter program and for CSV. */
void        upr_workbook_matrix_row_cells   (const UprWorkbookSnapshot *snapshot,
                                             guint                      index,
                                             GStringChunk              *scratch_chunk,
                                             const char               **cells);
const char *upr_workbook_matrix_column_title (const UprWorkbookSnapshot *snapshot,
                                              UprMatrixColumn            column);

/* The matrix's rows, made ready on a thread of their own while the writer writes those
 * before (upr-workbook-matrix-rows.c). */
typedef struct
{
  const char *cells[UPR_MATRIX_N_COLUMNS]; /* made safe; NULL: empty, or not shown */
  guint8      flags[UPR_MATRIX_N_COLUMNS]; /* what making them safe did (UPR_SAFE_TEXT_*) */
  double      height;                      /* upr_writer_row_height () */
} UprMatrixRow;

typedef struct _UprMatrixRows UprMatrixRows;

/* Starts making the rows of @snapshot's matrix: @wrap_widths as for upr_writer_row_height (),
 * @shown the columns the sheet has (UPR_MATRIX_N_COLUMNS of each). */
UprMatrixRows      *upr_matrix_rows_new  (const UprWorkbookSnapshot *snapshot,
                                          const double              *wrap_widths,
                                          const gboolean            *shown);
/* The next row in the matrix's order and its @index, NULL after the last. It stays valid
 * until the next call. */
const UprMatrixRow *upr_matrix_rows_next (UprMatrixRows             *self,
                                          guint                     *index);
/* Stops making rows (whether or not all were taken) and frees them. */
void                upr_matrix_rows_free (UprMatrixRows             *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprMatrixRows, upr_matrix_rows_free)

G_END_DECLS
