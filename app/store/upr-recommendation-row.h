/* upr-recommendation-row.h: one line of the implementation matrix, as the store lists it.
 *
 * Read-only and light (no notes, no provenance): a country's matrix holds thousands of rows,
 * so the editor loads the full UprRecommendation of the selected one with upr_store_load().
 * The links (recommending States, terms, SDGs, supporting institutions), the lead
 * institution's name, the date of the last progress update and the combined assessment come
 * with the row, loaded in bulk. After an edit, ask the store for fresh rows by id. */
#pragma once

#include <glib-object.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_RECOMMENDATION_ROW (upr_recommendation_row_get_type ())
G_DECLARE_FINAL_TYPE (UprRecommendationRow, upr_recommendation_row, UPR, RECOMMENDATION_ROW,
                      GObject)

/* Properties, read-only, named like the getters below ("id", "paragraph", "state-names",
 * "sdg-goals" (guint mask), "search-key", …). */
const char         *upr_recommendation_row_get_id                     (UprRecommendationRow *self);
const char         *upr_recommendation_row_get_review_id              (UprRecommendationRow *self);
/* The State under review. */
const char         *upr_recommendation_row_get_country_code           (UprRecommendationRow *self);
int                 upr_recommendation_row_get_session                (UprRecommendationRow *self);
/* 0 when the session is in no known cycle. */
int                 upr_recommendation_row_get_cycle                  (UprRecommendationRow *self);
const char         *upr_recommendation_row_get_paragraph              (UprRecommendationRow *self);
/* Sorts "140.9" before "140.10" (numbers compared as numbers), with strcmp(). */
const char         *upr_recommendation_row_get_paragraph_key          (UprRecommendationRow *self);
const char         *upr_recommendation_row_get_text                   (UprRecommendationRow *self);
/* Vocabulary ids (upr-vocab.h): response, status, priority, assessment level. */
const char         *upr_recommendation_row_get_response               (UprRecommendationRow *self);
/* 1–5, 0 when not categorised. */
int                 upr_recommendation_row_get_action_category        (UprRecommendationRow *self);
gboolean            upr_recommendation_row_get_voluntary_pledge       (UprRecommendationRow *self);
const char         *upr_recommendation_row_get_cluster                (UprRecommendationRow *self);
const char         *upr_recommendation_row_get_priority               (UprRecommendationRow *self);
const char         *upr_recommendation_row_get_lead_organisation_id   (UprRecommendationRow *self);
/* "Name (ACRONYM)", or NULL. */
const char         *upr_recommendation_row_get_lead_organisation_name (UprRecommendationRow *self);
const char         *upr_recommendation_row_get_status                 (UprRecommendationRow *self);
const char         *upr_recommendation_row_get_status_date            (UprRecommendationRow *self);
/* Date of the latest progress update, or NULL. */
const char         *upr_recommendation_row_get_last_update            (UprRecommendationRow *self);
/* UPR Info's combined level of the latest assessment of each stakeholder, or NULL. */
const char         *upr_recommendation_row_get_assessment_level       (UprRecommendationRow *self);
/* ISO codes of the recommending States; their names in the interface language, joined. */
const char * const *upr_recommendation_row_get_states                 (UprRecommendationRow *self);
const char         *upr_recommendation_row_get_state_names            (UprRecommendationRow *self);
/* Vocabulary term ids ("uhri-theme:right-to-health"), in the vocabularies' order. */
const char * const *upr_recommendation_row_get_terms                  (UprRecommendationRow *self);
gboolean            upr_recommendation_row_has_term                   (UprRecommendationRow *self,
                                                                       const char           *term_id);
/* Mask of UPR_SDG_BIT (goal) (upr-store.h). */
guint               upr_recommendation_row_get_sdg_goals              (UprRecommendationRow *self);
const char * const *upr_recommendation_row_get_supporting_organisations (UprRecommendationRow *self);
/* Folded (upr-fold.h) paragraph, text, notes, cluster, response source, recommending States
 * (English and French names, codes) and institutions (lead and supporting): match the folded
 * query with upr_fold_match(). */
const char         *upr_recommendation_row_get_search_key             (UprRecommendationRow *self);

G_END_DECLS
