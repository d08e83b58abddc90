/* upr-recommendation-filter.h: which rows of the implementation matrix show.
 *
 * Text search over each row's folded search key (upr-recommendation-row.h), as typed, plus
 * the field filters of the filter bar (cycle, response, status, action category, theme, SDG,
 * lead institution). The query is folded once
 * per change and the filter model is told whether it only narrowed or only widened, so a
 * keystroke re-examines as few rows as possible (DESIGN.md §8). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPR_TYPE_RECOMMENDATION_FILTER (upr_recommendation_filter_get_type ())
G_DECLARE_FINAL_TYPE (UprRecommendationFilter, upr_recommendation_filter, UPR,
                      RECOMMENDATION_FILTER, GtkFilter)

/* Properties: "query" (every word must occur in the search key, ignoring case and accents;
 * empty matches all), "cycle" (0: any), "response" and "status" (vocabulary ids; NULL: any),
 * "action-category" (1–5, 0: any), "term" (a term id among the row's themes, groups and
 * issues; NULL: any), "sdg" (a goal 1–17 among the row's goals; 0: any), "lead" (the lead
 * institution's organisation id; NULL: any). */
UprRecommendationFilter *upr_recommendation_filter_new          (void);
const char              *upr_recommendation_filter_get_query    (UprRecommendationFilter *self);
void                     upr_recommendation_filter_set_query    (UprRecommendationFilter *self,
                                                                 const char              *query);
int                      upr_recommendation_filter_get_cycle    (UprRecommendationFilter *self);
void                     upr_recommendation_filter_set_cycle    (UprRecommendationFilter *self,
                                                                 int                      cycle);
const char              *upr_recommendation_filter_get_response (UprRecommendationFilter *self);
void                     upr_recommendation_filter_set_response (UprRecommendationFilter *self,
                                                                 const char              *response);
const char              *upr_recommendation_filter_get_status   (UprRecommendationFilter *self);
void                     upr_recommendation_filter_set_status   (UprRecommendationFilter *self,
                                                                 const char              *status);

int                      upr_recommendation_filter_get_action_category (UprRecommendationFilter *self);
void                     upr_recommendation_filter_set_action_category (UprRecommendationFilter *self,
                                                                        int                      category);
const char              *upr_recommendation_filter_get_term     (UprRecommendationFilter *self);
void                     upr_recommendation_filter_set_term     (UprRecommendationFilter *self,
                                                                 const char              *term_id);
guint                    upr_recommendation_filter_get_sdg      (UprRecommendationFilter *self);
void                     upr_recommendation_filter_set_sdg      (UprRecommendationFilter *self,
                                                                 guint                    goal);
const char              *upr_recommendation_filter_get_lead     (UprRecommendationFilter *self);
void                     upr_recommendation_filter_set_lead     (UprRecommendationFilter *self,
                                                                 const char              *organisation_id);

G_END_DECLS
