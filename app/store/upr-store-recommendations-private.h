/* upr-store-recommendations-private.h: what the store's recommendation files share: which
 * recommendations a query is about, and UPR Info's combination of assessments in SQL. Only
 * files in app/store/ include this. */
#pragma once

#include "upr-store-private.h"

G_BEGIN_DECLS

/* The recommendations a query is about, as "r" (recommendation) joined to "v" (review):
 * never the trashed ones; those of one country, one cycle, given ids, or reviewed by a date
 * when the member is set. */
typedef struct
{
  const char *country_code; /* NULL: every country */
  int         cycle;        /* 0: every cycle */
  const char *ids_json;     /* a JSON array of ids, NULL: any */
  const char *as_of;        /* "YYYY-MM-DD": reviews held after it are left out; NULL: none */
} UprSelection;

#define UPR_SELECTION_FROM "recommendation AS r JOIN review AS v ON v.id = r.review_id"

/* The WHERE condition (without "WHERE") for @selection, with named parameters that
 * upr_selection_bind() fills in. */
char     *upr_selection_where (const UprSelection *selection);
void      upr_selection_bind  (sqlite3_stmt       *stmt,
                               const UprSelection *selection);
/* "SELECT r.id FROM … WHERE …". */
char     *upr_selection_ids   (const UprSelection *selection);
/* " FROM … WHERE …" reading @tables ("recommendation_term AS l", or several joined with
 * CROSS JOIN) only for the recommendations of @selection, whose id is @column
 * ("l.recommendation_id"); with @tables NULL, the recommendations themselves ("r", @column
 * "r.id"). It ends in a WHERE clause: append conditions with " AND …".
 *
 * Without statistics SQLite's planner would often start from the link table and look up
 * every recommendation of every country; CROSS JOIN fixes the order: reviews, then their
 * recommendations (from a covering index), then the rows that hang from them; or, for a
 * selection by ids, the ids first. For every recommendation, " WHERE @column NOT IN (the
 * trashed)" reads @tables once, in order. */
char     *upr_selection_from  (const UprSelection *selection,
                               const char         *tables,
                               const char         *column);
/* A JSON array of @ids, for UprSelection.ids_json. */
char     *upr_json_array      (const char * const *ids);

/* One row per recommendation with at least one assessment, among those that @from (" FROM
 * assessment AS a … WHERE …", as upr_selection_from() makes it) reads: its id, the half points (0 not, 1 partially,
 * 2 fully implemented) of the latest assessment of each stakeholder, and the number of
 * stakeholders; upr_assessment_combine() turns them into a level. With @by_date, only
 * assessments dated on or before :as_of count. */
char     *upr_assessment_points_sql (const char *from,
                                     gboolean    by_date);

/* The candidates for the status on :as_of of some recommendations, given as two " FROM …
 * WHERE …" (the "%s"), the first reading "progress_update AS p", the second "recommendation
 * AS r". The
 * latest ("day", then "current", then "entered", all descending) is the status that day: the
 * current status wins a tie with a progress update, being the latest word; one without a date
 * (imported) holds from the beginning. */
#define STATUS_CANDIDATES \
  "SELECT p.recommendation_id AS id, p.status, p.date AS day, 0 AS current," \
  "  p.created_at AS entered" \
  "%s AND p.status IS NOT NULL AND p.date <= :as_of" \
  " UNION ALL" \
  " SELECT r.id, r.status, coalesce (r.status_date, ''), 1, ''" \
  "%s AND (r.status_date IS NULL OR r.status_date <= :as_of)"

/* Sets @error to "not found" for a recommendation. */
gboolean  upr_store_recommendation_not_found (GError **error);

G_END_DECLS
