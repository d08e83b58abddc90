/* upr-store-export.h: what an export reads from the store in bulk, as plain data.
 *
 * A workbook for headquarters shows every implementation field of up to tens of thousands of
 * recommendations. Reading them one by one (a query per recommendation for its planned actions,
 * another for its indicators…) would take seconds, so they are read here in a few queries
 * whatever their number, in one read transaction. The result holds no GObject and no link to
 * the store: the exporter gathers it on the thread that owns the store, then writes the
 * workbook from it in a worker thread. */
#pragma once

#include "upr-store.h"

G_BEGIN_DECLS

/* Strings below are borrowed from the UprExportMatrix that holds them; vocabulary ids
 * (response, status, levels) and codes are interned. Arrays are NULL-terminated and NULL
 * when empty. */
typedef struct
{
  const char *text;
  const char *organisation_id;
  const char *start_date;  /* "YYYY-MM-DD" or NULL */
  const char *due_date;
  const char *resources;
  const char *status;      /* UPR_VOCAB_ACTION_STATUS id */
  gint64      position;    /* the order in which they were added */
} UprExportAction;

typedef struct
{
  const char *text;
  const char *baseline;
  const char *target;
  const char *means_of_verification;
  gint64      position;    /* the order in which they were added */
} UprExportIndicator;

typedef struct
{
  const char         *id;
  const char         *country_code;      /* the State under review */
  int                 session;
  int                 cycle;             /* 0: the session is in no known cycle */
  const char         *paragraph;
  const char         *text;
  const char         *response;          /* UPR_VOCAB_RESPONSE id */
  int                 action_category;   /* 1–5, 0: not categorised */
  gboolean            voluntary_pledge;
  const char         *notes;
  const char         *lead_organisation_id;
  const char         *status;            /* UPR_VOCAB_IMPLEMENTATION_STATUS id */
  const char         *status_date;
  const char         *assessment_level;  /* UPR Info's combined level, NULL: not assessed */
  const char        **states;            /* ISO codes of the recommending States, by code */
  const char        **terms;             /* vocabulary term ids, in the vocabularies' order */
  guint               sdg_goals;         /* mask of UPR_SDG_BIT (goal) */
  const char        **supporting;        /* organisation ids, by the organisations' names */
  UprExportAction    *actions;           /* by due date, as the editor lists them */
  guint               n_actions;
  UprExportIndicator *indicators;        /* in the order they were added */
  guint               n_indicators;
  /* The latest progress update that says something (has a text), or all NULL. */
  const char         *progress_date;
  const char         *progress_status;
  const char         *progress_text;
  const char         *progress_organisation_id;
  /* For sorting: the order in which recommendations were added. */
  gint64              position;
} UprExportRecommendation;

typedef struct _UprExportMatrix UprExportMatrix;

/* The recommendations (not trashed) of @countries (NULL: every country) in @cycle (0: every
 * cycle), with everything the implementation matrix shows, sorted by State under review (its
 * ISO code), session and paragraph ("140.9" before "140.10"), then in the order they were
 * added. */
UprExportMatrix               *upr_store_export_matrix        (UprStore           *self,
                                                              const char * const *countries,
                                                              int                 cycle,
                                                              GError            **error);
guint                          upr_export_matrix_get_n_items (UprExportMatrix    *matrix);
const UprExportRecommendation *upr_export_matrix_get_item    (UprExportMatrix    *matrix,
                                                              guint               index);
/* Puts the States under review in the order of @compare (called with two interned ISO
 * codes), each one's recommendations kept in their order: by name in another language, say. */
void                           upr_export_matrix_order_countries (UprExportMatrix  *matrix,
                                                                  GCompareDataFunc  compare,
                                                                  gpointer          data);
void                           upr_export_matrix_free        (UprExportMatrix    *matrix);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprExportMatrix, upr_export_matrix_free)

/* Compares two paragraph references as people read them: runs of digits as numbers, so
 * "140.9" < "140.10" < "141.1"; NULL first. */
int          upr_export_compare_paragraphs (const char *a,
                                            const char *b);

/* Every country's name in French (@french) or English: interned ISO code → name (owned).
 * What an export needs of the countries, without the counts upr_store_list_countries ()
 * makes, which cost a pass over every recommendation. */
GHashTable  *upr_store_export_country_names   (UprStore           *self,
                                               gboolean            french,
                                               GError            **error);

/* The names of the people whose consent scope is not one of @allowed_scopes (NULL: of
 * everyone), for an export to make sure none of them appears in free text it writes (a
 * programme's speaker, say). The caller must not log or write them. */
GStrv        upr_store_export_protected_names (UprStore           *self,
                                               const char * const *allowed_scopes,
                                               GError            **error);

G_END_DECLS
