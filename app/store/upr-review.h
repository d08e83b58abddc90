/* upr-review.h: the review of a State at one session of the UPR Working Group (date of the
 * interactive dialogue, adoption by the Human Rights Council, Working Group report symbol).
 * Its cycle is not stored: upr_store_cycle_for_session() derives it from the session. */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_REVIEW (upr_review_get_type ())
G_DECLARE_FINAL_TYPE (UprReview, upr_review, UPR, REVIEW, UprRecord)

UprReview *upr_review_new (void);

G_END_DECLS
