/* upr-import-private.h: what upr-import.c (the object, the analysis and the run) shares with
 * upr-import-row.c (one row of the table read into a recommendation). */
#pragma once

#include "upr-import.h"
#include "upr-import-run.h"
#include "upr-normalise-names.h"
#include "upr-store-import.h"

G_BEGIN_DECLS

/* Rows of one sheet that hold data: those under the header (or under the same header
 * repeated at the top of a later sheet). */
typedef struct
{
  guint sheet;
  guint first_row;
  guint n_rows;
} UprImportSegment;

struct _UprImport
{
  GObject parent_instance;

  /* owned */
  UprStore        *store;
  UprTable        *table;
  char            *file_name;

  /* the analysis */
  UprImportLayout  layout;
  guint            sheet;
  guint            header_row;
  GArray          *segments;      /* of UprImportSegment */
  guint            n_data_rows;   /* in all segments */
  guint            n_columns;
  char           **column_names;  /* normalised headers; "Column 3" for an empty one */
  UprImportField  *fields;
  char            *country;       /* ISO code for rows without one, or the one to keep */
  gboolean         country_from_file;
  int              session;
  gboolean         session_from_file;
  UprNameIndex    *countries;
  UprNameIndex    *issue_names;
  UprNameIndex    *theme_names;
  UprNameIndex    *group_names;
  /* Cells seen before, read once: a UPR file repeats its States, issues, responses and
   * sessions thousands of times. Keyed by the raw cell, per field (UprImportField). */
  GHashTable      *memo[UPR_IMPORT_N_FIELDS];
  GHashTable      *memo_names;   /* State name → interned code, or "" for none */
  GHashTable      *memo_cycles;  /* session → cycle */

  /* the run */
  UprImportRun     run;           /* the transaction, the progress, the report */
  char            *now;
  guint            segment;       /* where the next step starts */
  guint            row;
  guint            n_done;
  GHashTable      *reviews;       /* "CC session" → UprImportReview */
  UprStoreImportBatch *batch;     /* new recommendations, written in groups */
  UprImportSummary summary;
};

typedef enum
{
  UPR_IMPORT_ROW_DATA,          /* a recommendation to import */
  UPR_IMPORT_ROW_SKIPPED,       /* a recommendation that cannot be: issues say why */
  UPR_IMPORT_ROW_EMPTY,         /* nothing in it */
  UPR_IMPORT_ROW_HEADING,       /* a section heading ("Theme: …") or the header repeated */
  UPR_IMPORT_ROW_OTHER_COUNTRY, /* another State than the one chosen */
} UprImportRowKind;

/* The vocabularies a row gives terms of: its other terms are left as they are. */
typedef enum
{
  UPR_IMPORT_SCHEME_THEME = 1 << 0,
  UPR_IMPORT_SCHEME_GROUP = 1 << 1,
  UPR_IMPORT_SCHEME_ISSUE = 1 << 2,
} UprImportSchemes;

/* One row read: the recommendation and which of its fields the file gave (an empty cell
 * never erases what is stored). */
typedef struct
{
  guint                      line;
  char                      *country;
  int                        session;
  int                        cycle;
  UprImportedRecommendation *rec;
  gboolean                   has_response;
  UprImportSchemes           schemes;
} UprImportParsed;

void             upr_import_parsed_clear (UprImportParsed *parsed);

/* Creates and frees the memos of @self. */
void             upr_import_memo_init    (UprImport       *self);
void             upr_import_memo_clear   (UprImport       *self);

/* Reads row @row of @sheet into @parsed, appending its problems to @issues. */
UprImportRowKind upr_import_parse_row    (UprImport       *self,
                                          guint            sheet,
                                          guint            row,
                                          UprImportParsed *parsed,
                                          GPtrArray       *issues);

/* Appends a problem to @issues; @column is a column index, or -1 for the whole row. */
void             upr_import_add_issue    (UprImport         *self,
                                          GPtrArray         *issues,
                                          UprImportSeverity  severity,
                                          guint              line,
                                          int                column,
                                          const char        *value,
                                          const char        *message);

/* The reviews an import has met, by country and session (upr-import-match.c). */
GHashTable      *upr_import_reviews_new  (void);
/* Finds the recommendation @parsed made before, if any, and inserts, updates or leaves it;
 * counts it in the summary. */
gboolean         upr_import_write_row    (UprImport       *self,
                                          UprImportParsed *parsed,
                                          GError         **error);

/* The State a title or a file name names ("UPR of Slovenia (4th Cycle - 48th Session)",
 * "upr48-slovenia-thematic-list.docx"), and the session; NULL and 0 when none or several. */
const char      *upr_import_find_country (UprImport       *self,
                                          const char      *text);

G_END_DECLS
