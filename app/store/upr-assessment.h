/* upr-assessment.h: one stakeholder's assessment of how far a recommendation is implemented
 * (UPR Info's levels: not, partially or fully implemented), dated, with its source
 * (government, NHRI, civil society, UN) and, optionally, the organisation that made it.
 *
 * Several assessments are combined into one level as UPR Info does in its Mid-term
 * Implementation Assessments, with the Implementation Recommendation Index (IRI) described in
 * "On the road to implementation" (UPR Info, 2014, §5.2): each stakeholder's assessment scores
 * 0 (not implemented), 0.5 (partially) or 1 (fully); the index is their average ("if the State
 * under Review claims that the recommendation has been fully implemented, and a stakeholder says
 * it has been partially implemented, the score is 0.75"); the index is then read back as a
 * level by thirds: below 1/3 not implemented, from 1/3 to below 2/3 partially implemented,
 * from 2/3 fully implemented. Each stakeholder counts once, with its latest assessment: a
 * stakeholder is the organisation when one is given, otherwise the source. */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_ASSESSMENT (upr_assessment_get_type ())
G_DECLARE_FINAL_TYPE (UprAssessment, upr_assessment, UPR, ASSESSMENT, UprRecord)

UprAssessment *upr_assessment_new          (void);

/* 0, 1 or 2 half-points for "not-implemented", "partially-implemented", "fully-implemented";
 * -1 for anything else. */
int            upr_assessment_level_points (const char *level);
/* The combined level (a UPR_VOCAB_ASSESSMENT_LEVEL id) of @n_stakeholders assessments worth
 * @half_points in all; NULL when there is none. */
const char    *upr_assessment_combine      (guint       half_points,
                                            guint       n_stakeholders);

G_END_DECLS
