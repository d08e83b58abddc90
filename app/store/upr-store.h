/* upr-store.h: Upright's database, the only place with SQL.
 *
 * One SQLite file (WAL, synchronous FULL, foreign keys, secure delete). Every change is
 * written at once in a transaction and recorded in the change log with the officer's name.
 * Records (upr-record.h) are the store's currency: loaded from it, saved back to it. */
#pragma once

#include <gio/gio.h>

#include "upr-types.h"
#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_STORE_ERROR (upr_store_error_quark ())

typedef enum
{
  UPR_STORE_ERROR_FAILED,
  UPR_STORE_ERROR_NOT_A_DATABASE, /* the file is not an SQLite database */
  UPR_STORE_ERROR_TOO_NEW,        /* written by a newer Upright */
  UPR_STORE_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  UPR_STORE_ERROR_LOCKED,         /* another process holds the database */
  UPR_STORE_ERROR_CORRUPT,        /* quick_check failed */
  UPR_STORE_ERROR_CONSTRAINT,     /* a value the schema refuses */
  UPR_STORE_ERROR_NOT_FOUND,
} UprStoreError;

#define UPR_TYPE_STORE (upr_store_get_type ())
G_DECLARE_FINAL_TYPE (UprStore, upr_store, UPR, STORE, GObject)

GQuark      upr_store_error_quark        (void);

/* $UPRIGHT_DATABASE, else $XDG_DATA_HOME/upright/upright.db. */
char       *upr_store_default_path       (void);

/* Opens (creating it and its folder if needed) and migrates to the latest schema. Refuses,
 * touching nothing, a file that is not a database, newer than this version, read-only,
 * locked or corrupt. */
UprStore   *upr_store_open               (const char  *path,
                                          GError     **error);
/* For `upright check`: opens without the quick check, the configuration or the migrations,
 * so that upr_store_check() can report on a damaged or older database as it is. */
UprStore   *upr_store_open_for_check     (const char  *path,
                                          GError     **error);
/* For tests: creates or opens at most at @version (no migration past it). */
UprStore   *upr_store_open_at_version    (const char  *path,
                                          int          version,
                                          GError     **error);
/* Migrates an open store forward to @version. */
gboolean    upr_store_migrate            (UprStore    *self,
                                          int          version,
                                          GError     **error);

const char *upr_store_get_path           (UprStore    *self);
int         upr_store_get_schema_version (UprStore    *self);

/* The name written into the change log ("officer" property). */
const char *upr_store_get_officer        (UprStore    *self);
void        upr_store_set_officer        (UprStore    *self,
                                          const char  *officer);

/* Full integrity check (integrity_check and foreign_key_check) for `upright check`.
 * Appends a human-readable report to @report; returns FALSE with @error when damaged. */
gboolean    upr_store_check              (UprStore    *self,
                                          GString     *report,
                                          GError     **error);

/* Groups several saves into one transaction (nests with savepoints). Every save below
 * opens its own when none is open. */
gboolean    upr_store_begin              (UprStore    *self,
                                          GError     **error);
gboolean    upr_store_commit             (UprStore    *self,
                                          GError     **error);
void        upr_store_rollback           (UprStore    *self);

/* Generic persistence of any record: a record without id is created (id, timestamps
 * assigned), otherwise upserted. Logs the change. Emits ::changed with the table name. */
gboolean    upr_store_save               (UprStore    *self,
                                          UprRecord   *record,
                                          GError     **error);
gboolean    upr_store_delete             (UprStore    *self,
                                          UprRecord   *record,
                                          GError     **error);
/* Loads one record of @type by id; NULL with UPR_STORE_ERROR_NOT_FOUND when absent. */
UprRecord  *upr_store_load               (UprStore    *self,
                                          GType        type,
                                          const char  *id,
                                          GError     **error);

/* Number of rows in the change log, and for tests the last entry ("action table fields"). */
gint64      upr_store_count_changes      (UprStore    *self);
char       *upr_store_describe_last_change (UprStore  *self);

/* Countries: a GListModel of UprCountry, those with workshops first (by name in the
 * current language), then all the others. */
GListModel *upr_store_list_countries     (UprStore    *self,
                                          GError     **error);
UprCountry *upr_store_get_country        (UprStore    *self,
                                          const char  *code,
                                          GError     **error);

/* Organisations of a country (NULL: all), by name. */
GListModel *upr_store_list_organisations (UprStore    *self,
                                          const char  *country_code,
                                          GError     **error);
/* Case- and accent-insensitive lookup by name or acronym; NULL without error when absent. */
UprOrganisation *upr_store_find_organisation (UprStore   *self,
                                              const char *name,
                                              GError    **error);

/* Workshops of a country (NULL: all), newest first, not those in the trash. */
GListModel *upr_store_list_workshops     (UprStore    *self,
                                          const char  *country_code,
                                          GError     **error);
gint64      upr_store_count_workshops    (UprStore    *self,
                                          GError     **error);
/* Deletion with undo: a trashed workshop is hidden; restore brings it back; purge deletes
 * for good what was trashed (with its programme and attendances) and truncates the WAL so
 * deleted personal data does not linger on disk. */
gboolean    upr_store_trash_workshop     (UprStore    *self,
                                          UprWorkshop *workshop,
                                          GError     **error);
gboolean    upr_store_restore_workshop   (UprStore    *self,
                                          UprWorkshop *workshop,
                                          GError     **error);
gboolean    upr_store_purge_trash        (UprStore    *self,
                                          GError     **error);

/* The programme of a workshop, by position. */
GListModel *upr_store_list_agenda        (UprStore    *self,
                                          const char  *workshop_id,
                                          GError     **error);
/* Rewrites positions 0..n-1 in the order of @items (UprAgendaItem), in one transaction. */
gboolean    upr_store_reorder_agenda     (UprStore    *self,
                                          GListModel  *items,
                                          GError     **error);

/* People whose name matches @name (case- and accent-insensitive, whole name), for the
 * "already known" offer when adding a participant. */
GListModel *upr_store_find_people        (UprStore    *self,
                                          const char  *name,
                                          GError     **error);

typedef void (*UprParticipantFunc) (UprAttendance   *attendance,
                                    UprPerson       *person,
                                    UprOrganisation *organisation, /* nullable */
                                    gpointer         user_data);
/* Calls @func for every attendance of the workshop with its person and organisation, in
 * one query (a workshop may have thousands). */
gboolean    upr_store_foreach_participant (UprStore           *self,
                                           const char         *workshop_id,
                                           UprParticipantFunc  func,
                                           gpointer            user_data,
                                           GError            **error);
/* Saves person and attendance in one transaction (sets the attendance's person-id). */
gboolean    upr_store_save_participant    (UprStore      *self,
                                           UprPerson     *person,
                                           UprAttendance *attendance,
                                           GError       **error);

/* ---------------------------------------------------------------------------------------
 * Recommendations and the implementation matrix (schema version 3, issue 3).
 * Implemented in upr-store-reviews.c, upr-store-recommendations.c,
 * upr-store-implementation.c, upr-store-overview.c and upr-store-terms.c.
 *
 * Every change emits ::changed with the table it touched, and also with "recommendation"
 * when a recommendation's row in the matrix changes (its links, history or assessments):
 * a matrix page needs to listen to "changed::recommendation" only.
 * --------------------------------------------------------------------------------------- */

/* Bit of SDG @goal (1–17) in a goals mask. */
#define UPR_SDG_BIT(goal) (1u << ((goal) - 1))

/* The UPR cycle of @session (1–4 today), 0 when the session is in no known cycle. The
 * upr_cycle table is the only place that knows. */
int         upr_store_cycle_for_session  (UprStore    *self,
                                          int          session);

/* Reviews of a country (UprReview), by session; of every country (@country_code NULL) by
 * country, then session. */
GListModel *upr_store_list_reviews       (UprStore    *self,
                                          const char  *country_code,
                                          GError     **error);
/* The review of @country_code at @session; NULL without error when there is none. */
UprReview  *upr_store_find_review        (UprStore    *self,
                                          const char  *country_code,
                                          int          session,
                                          GError     **error);
/* The same, created (and logged) when missing: for adding a recommendation by hand and for
 * importers. */
UprReview  *upr_store_ensure_review      (UprStore    *self,
                                          const char  *country_code,
                                          int          session,
                                          GError     **error);

/* The vocabularies (UprTerm) of one scheme ("uhri-theme", "uhri-group", "uprinfo-issue",
 * "sdg"), or of all when @scheme is NULL, in their published order. */
GListModel *upr_store_list_terms         (UprStore    *self,
                                          const char  *scheme,
                                          GError     **error);

/* The matrix: the recommendations (UprRecommendationRow) of a country (NULL: all) in one
 * cycle (0: all), not those in the trash, by session and paragraph. Links, lead institution,
 * last update and combined assessment are loaded in bulk, in a few queries whatever the
 * number of rows. */
GListModel *upr_store_list_recommendations (UprStore   *self,
                                            const char *country_code,
                                            int         cycle,
                                            GError    **error);
/* Fresh rows for the recommendations @ids (NULL-terminated), in the same order, to put back
 * into a list after an edit; ids not found (or trashed) are left out. */
GListModel *upr_store_get_recommendation_rows (UprStore           *self,
                                               const char * const *ids,
                                               GError            **error);

/* Everything a recommendation links to. Arrays are NULL-terminated; those the store returns
 * are never NULL, those given to it may be (no link). */
typedef struct
{
  char  **states;     /* ISO codes of the recommending States */
  char  **terms;      /* vocabulary term ids: themes, groups of persons, issues */
  guint   sdg_goals;  /* mask of UPR_SDG_BIT (goal) */
  char  **supporting; /* ids of the supporting institutions (organisations) */
} UprRecommendationLinks;

UprRecommendationLinks *upr_recommendation_links_new  (void);
void                    upr_recommendation_links_free (UprRecommendationLinks *links);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprRecommendationLinks, upr_recommendation_links_free)

UprRecommendationLinks *upr_store_get_recommendation_links (UprStore   *self,
                                                            const char *recommendation_id,
                                                            GError    **error);
/* Replaces the four lists at once, in one transaction with one change-log entry naming the
 * lists that changed. An unknown State, term, goal or organisation changes nothing. */
gboolean    upr_store_set_recommendation_links (UprStore                     *self,
                                                const char                   *recommendation_id,
                                                const UprRecommendationLinks *links,
                                                GError                      **error);

/* Bulk edits of the recommendations @ids (NULL-terminated): one transaction, one change-log
 * entry per recommendation that changed (those already so are left alone, unlogged). An
 * unknown id or value changes nothing and fails. @changed_ids (optional) receives the ids
 * that changed, for undo: set the previous values back, or remove what was added. */
gboolean    upr_store_bulk_set_lead_organisation (UprStore           *self,
                                                  const char * const *ids,
                                                  const char         *organisation_id,
                                                  char             ***changed_ids,
                                                  GError            **error);
/* @date: the date of the new status ("YYYY-MM-DD"), NULL for today. */
gboolean    upr_store_bulk_set_status            (UprStore           *self,
                                                  const char * const *ids,
                                                  const char         *status,
                                                  const char         *date,
                                                  char             ***changed_ids,
                                                  GError            **error);
gboolean    upr_store_bulk_set_cluster           (UprStore           *self,
                                                  const char * const *ids,
                                                  const char         *cluster,
                                                  char             ***changed_ids,
                                                  GError            **error);
gboolean    upr_store_bulk_add_term              (UprStore           *self,
                                                  const char * const *ids,
                                                  const char         *term_id,
                                                  char             ***changed_ids,
                                                  GError            **error);
gboolean    upr_store_bulk_remove_term           (UprStore           *self,
                                                  const char * const *ids,
                                                  const char         *term_id,
                                                  char             ***changed_ids,
                                                  GError            **error);
gboolean    upr_store_bulk_add_sdg               (UprStore           *self,
                                                  const char * const *ids,
                                                  guint               goal,
                                                  char             ***changed_ids,
                                                  GError            **error);
gboolean    upr_store_bulk_remove_sdg            (UprStore           *self,
                                                  const char * const *ids,
                                                  guint               goal,
                                                  char             ***changed_ids,
                                                  GError            **error);

/* Deletion with undo, as for workshops: trashed recommendations are hidden from every list
 * and count; restore brings them back; purge deletes them for good with everything that
 * hangs from them. */
gboolean    upr_store_trash_recommendations   (UprStore           *self,
                                               const char * const *ids,
                                               GError            **error);
gboolean    upr_store_restore_recommendations (UprStore           *self,
                                               const char * const *ids,
                                               GError            **error);
gboolean    upr_store_purge_recommendations   (UprStore           *self,
                                               GError            **error);

/* The lists of a recommendation's implementation. Save and delete their records with
 * upr_store_save() and upr_store_delete(). Planned actions by due date, indicators in the
 * order they were added, progress updates and assessments newest first. */
GListModel *upr_store_list_planned_actions  (UprStore    *self,
                                             const char  *recommendation_id,
                                             GError     **error);
GListModel *upr_store_list_indicators       (UprStore    *self,
                                             const char  *recommendation_id,
                                             GError     **error);
GListModel *upr_store_list_progress_updates (UprStore    *self,
                                             const char  *recommendation_id,
                                             GError     **error);
GListModel *upr_store_list_assessments      (UprStore    *self,
                                             const char  *recommendation_id,
                                             GError     **error);
/* Saves @update and, when it has a status and its date is not older than the date of the
 * recommendation's current status, makes that the current status (one transaction). */
gboolean    upr_store_add_progress_update   (UprStore           *self,
                                             UprProgressUpdate  *update,
                                             GError            **error);
/* Saves @assessment (and marks the recommendation's row as changed). */
gboolean    upr_store_add_assessment        (UprStore           *self,
                                             UprAssessment      *assessment,
                                             GError            **error);
/* The status of a recommendation on @date ("YYYY-MM-DD"), from its dated history: the latest
 * of its progress updates with a status and of its current status, on or before @date;
 * "not-started" when there is none. Interned vocabulary id; NULL with @error on failure. */
const char *upr_store_get_status_as_of      (UprStore    *self,
                                             const char  *recommendation_id,
                                             const char  *date,
                                             GError     **error);
/* UPR Info's combined level (upr-assessment.h) of the latest assessment of each stakeholder
 * on or before @date (NULL: all); NULL without error when there is none. @n_stakeholders
 * (optional) receives how many were combined. */
const char *upr_store_get_assessed_level    (UprStore    *self,
                                             const char  *recommendation_id,
                                             const char  *date,
                                             guint       *n_stakeholders,
                                             GError     **error);
/* Planned actions of a country (NULL: all) still planned or in progress with a due date on or
 * after @from (NULL: any), soonest first, at most @limit (0: all). */
GListModel *upr_store_list_upcoming_actions (UprStore    *self,
                                             const char  *country_code,
                                             const char  *from,
                                             guint        limit,
                                             GError     **error);

/* Counts for the country overview. */
typedef enum
{
  UPR_COUNT_BY_RESPONSE,
  UPR_COUNT_BY_STATUS,
  UPR_COUNT_BY_ASSESSMENT,
  UPR_COUNT_BY_ACTION_CATEGORY,
  UPR_COUNT_BY_UHRI_THEME,
  UPR_COUNT_BY_UHRI_GROUP,
  UPR_COUNT_BY_UPRINFO_ISSUE,
  UPR_COUNT_BY_SDG,
} UprCountBy;

typedef struct
{
  char *key;   /* vocabulary id, term id, goal number ("5"); NULL: none of them */
  guint count;
} UprCount;

/* Recommendations of a country (NULL: all) in a cycle (0: all), not trashed, counted by
 * @by. For closed vocabularies and SDGs every key comes, in vocabulary order, zeros
 * included; for themes, groups and issues only those used, most used first. A last entry
 * with a NULL key counts those with none (no category, no assessment, no theme, no goal),
 * when there are any. A recommendation with several themes counts once for each.
 *
 * @as_of ("YYYY-MM-DD", NULL: now) counts the situation on that day: recommendations of
 * reviews held after it are left out, the status is upr_store_get_status_as_of()'s and the
 * assessment uses those made by then. @n_recommendations (optional) receives how many
 * recommendations were counted. Returns a GArray of UprCount (which frees its keys). */
GArray     *upr_store_count_recommendations (UprStore    *self,
                                             const char  *country_code,
                                             int          cycle,
                                             UprCountBy   by,
                                             const char  *as_of,
                                             guint       *n_recommendations,
                                             GError     **error);
/* The recommendations of a country (NULL: all) counted by status on each of @days
 * ("YYYY-MM-DD", NULL-terminated), exactly as upr_store_count_recommendations (…,
 * UPR_COUNT_BY_STATUS, day, …) counts them one day at a time, but reading the history once:
 * a chart of the years of every country costs one query, not one per year. Returns a
 * GPtrArray of one GArray of UprCount per day. */
GPtrArray  *upr_store_count_status_over_time (UprStore           *self,
                                              const char         *country_code,
                                              const char * const *days,
                                              GError            **error);

G_END_DECLS
