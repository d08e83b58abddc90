/* upr-workbook.h: the workbook for headquarters (.xlsx, written with libxlsxwriter).
 *
 * A UprWorkbook holds what the export dialog asks (scope, sheets, language, personal data)
 * and writes the workbook:
 *
 *   - Summary: recommendations by response, status, assessment, theme and SDG; people by
 *     stakeholder type and gender (counts under 5 shown as "<5"); native charts.
 *   - Matrix: one row per recommendation with every implementation field, for partners to fill
 *     in: frozen header, filters, drop-down lists on status and assessment, status colours,
 *     and a hidden key column (the recommendation's id) so that a returned copy can be read
 *     back. A hidden sheet "Upright" describes the export (format, version, language, the
 *     columns), and so does a custom document property.
 *   - Workshops and Programme: the workshops in scope, with participant counts, and their
 *     programmes.
 *   - Participants: only with UPR_WORKBOOK_PEOPLE_NAMES, and only the people who attended and
 *     whose consent allows their name in reports (upr-vocab.h consent scopes "reports",
 *     "public"). Never an e-mail address or a phone number.
 *
 * By default (UPR_WORKBOOK_PEOPLE_AGGREGATE) the workbook holds no name, e-mail or phone of
 * anyone: only counts. Free text that names a person who may not appear (a programme's
 * speaker, say) is withheld.
 *
 * The workbook's language ("en", "fr") is independent of the interface's
 * (upr-workbook-catalog.h). Every text is checked before it reaches libxlsxwriter: invalid
 * UTF-8 is repaired, control characters removed, a value over Excel's limit of 32,767
 * characters is cut with a visible "[…]" and reported; user text is always written as text,
 * never as a formula. The file is written under a temporary name in the destination folder,
 * flushed to disk, then renamed over the target: a failed or cancelled export leaves no
 * broken file and keeps the previous one.
 *
 * Threads: the store is not thread-safe, so upr_workbook_export_async() first reads
 * everything it needs from the store on the calling thread (a snapshot of plain data, fast:
 * a few bulk queries), then writes the workbook in a GTask thread. "fraction" follows the
 * writing on the calling thread's main context; cancel it with the GCancellable. */
#pragma once

#include <gio/gio.h>

#include "upr-store.h"

G_BEGIN_DECLS

#define UPR_WORKBOOK_ERROR (upr_workbook_error_quark ())

typedef enum
{
  UPR_WORKBOOK_ERROR_FAILED,         /* libxlsxwriter failed (out of memory, say) */
  UPR_WORKBOOK_ERROR_WRITE,          /* the file or its folder could not be written */
  UPR_WORKBOOK_ERROR_NO_TRANSLATION, /* the workbook language's catalogue is missing */
  UPR_WORKBOOK_ERROR_NOT_FOUND,      /* an unknown country or workshop in the scope */
  UPR_WORKBOOK_ERROR_NOTHING,        /* no sheet to write */
} UprWorkbookError;

typedef enum /*< flags >*/
{
  UPR_WORKBOOK_SHEET_SUMMARY      = 1 << 0,
  UPR_WORKBOOK_SHEET_MATRIX       = 1 << 1,
  UPR_WORKBOOK_SHEET_WORKSHOPS    = 1 << 2, /* workshops and their programmes */
  UPR_WORKBOOK_SHEET_PARTICIPANTS = 1 << 3, /* only with UPR_WORKBOOK_PEOPLE_NAMES */
} UprWorkbookSheets;

#define UPR_WORKBOOK_SHEETS_ALL (UPR_WORKBOOK_SHEET_SUMMARY | UPR_WORKBOOK_SHEET_MATRIX \
                                 | UPR_WORKBOOK_SHEET_WORKSHOPS \
                                 | UPR_WORKBOOK_SHEET_PARTICIPANTS)

typedef enum
{
  UPR_WORKBOOK_PEOPLE_AGGREGATE, /* counts only (the default) */
  UPR_WORKBOOK_PEOPLE_NAMES,     /* also the names of participants who consented */
} UprWorkbookPeople;

GType upr_workbook_sheets_get_type (void);
GType upr_workbook_people_get_type (void);
#define UPR_TYPE_WORKBOOK_SHEETS (upr_workbook_sheets_get_type ())
#define UPR_TYPE_WORKBOOK_PEOPLE (upr_workbook_people_get_type ())

/* What an export did, for the person who asked for it. */
typedef struct
{
  guint   n_recommendations; /* rows of the matrix */
  guint   n_workshops;
  guint   n_participants;    /* counted in the summary (people who attended) */
  guint   n_named;           /* listed by name on the Participants sheet */
  guint   n_withheld;        /* attended, but not named: no consent for reports */
  guint   n_truncated;       /* values cut at Excel's limit */
  guint   n_repaired;        /* values that were not valid UTF-8 or had control characters */
  guint   n_redacted;        /* texts withheld because they name someone who may not appear */
  char  **warnings;          /* translated sentences, NULL-terminated, never NULL */
} UprWorkbookReport;

void upr_workbook_report_free (UprWorkbookReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprWorkbookReport, upr_workbook_report_free)

#define UPR_TYPE_WORKBOOK (upr_workbook_get_type ())
G_DECLARE_FINAL_TYPE (UprWorkbook, upr_workbook, UPR, WORKBOOK, GObject)

GQuark             upr_workbook_error_quark      (void);

/* Properties, read when an export starts (changing them meanwhile changes nothing in it):
 *   "countries"   GStrv, ISO codes of the States in scope; NULL: every country.
 *   "workshop-id" one workshop (its country must be in "countries", or "countries" NULL
 *                 for its own): only it on the Workshops and Participants sheets and in
 *                 the people counts; the matrix is its country's. NULL: every workshop.
 *   "cycle"       UPR cycle of the recommendations, 0 (default): every cycle.
 *   "sheets"      UprWorkbookSheets, default UPR_WORKBOOK_SHEETS_ALL.
 *   "language"    "en" (default) or "fr".
 *   "people"      UprWorkbookPeople, default UPR_WORKBOOK_PEOPLE_AGGREGATE.
 *   "author"      the document's author (the officer's name), NULL: none.
 *   "fraction"    read-only, 0–1: how far the running export is. */
UprWorkbook       *upr_workbook_new              (void);

void               upr_workbook_set_countries    (UprWorkbook         *self,
                                                  const char * const  *countries);
const char * const *upr_workbook_get_countries   (UprWorkbook         *self);
void               upr_workbook_set_workshop_id  (UprWorkbook         *self,
                                                  const char          *workshop_id);
const char        *upr_workbook_get_workshop_id  (UprWorkbook         *self);
void               upr_workbook_set_cycle        (UprWorkbook         *self,
                                                  int                  cycle);
int                upr_workbook_get_cycle        (UprWorkbook         *self);
void               upr_workbook_set_sheets       (UprWorkbook         *self,
                                                  UprWorkbookSheets    sheets);
UprWorkbookSheets  upr_workbook_get_sheets       (UprWorkbook         *self);
void               upr_workbook_set_language     (UprWorkbook         *self,
                                                  const char          *language);
const char        *upr_workbook_get_language     (UprWorkbook         *self);
void               upr_workbook_set_people       (UprWorkbook         *self,
                                                  UprWorkbookPeople    people);
UprWorkbookPeople  upr_workbook_get_people       (UprWorkbook         *self);
void               upr_workbook_set_author       (UprWorkbook         *self,
                                                  const char          *author);
const char        *upr_workbook_get_author       (UprWorkbook         *self);
double             upr_workbook_get_fraction     (UprWorkbook         *self);

/* Writes the workbook to @file, blocking (the command line, tests). */
UprWorkbookReport *upr_workbook_export           (UprWorkbook         *self,
                                                  UprStore            *store,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
/* The same in a thread: reads the store now, on the calling thread, then writes in a GTask
 * thread; @callback runs on the calling thread's thread-default main context. An error in
 * the scope (unknown country) is reported through @callback too. */
void               upr_workbook_export_async     (UprWorkbook         *self,
                                                  UprStore            *store,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
UprWorkbookReport *upr_workbook_export_finish    (UprWorkbook         *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
