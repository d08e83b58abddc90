/* upr-recommendation.h: a recommendation made to a State at its review, with the State's
 * response and the national implementation around it (lead institution, current status).
 *
 * Implementation is not a record of its own: each recommendation has exactly one, so its
 * fields live here and its lists (supporting institutions, planned actions, indicators,
 * progress history, assessments) point at the recommendation. Setting "status" also sets
 * "status-date" to today, unless "status-date" was set in the same edit. */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_RECOMMENDATION (upr_recommendation_get_type ())
G_DECLARE_FINAL_TYPE (UprRecommendation, upr_recommendation, UPR, RECOMMENDATION, UprRecord)

UprRecommendation *upr_recommendation_new (void);

G_END_DECLS
