/* upr-indicator.h: an indicator of a recommendation's implementation (text, baseline, target,
 * means of verification). */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_INDICATOR (upr_indicator_get_type ())
G_DECLARE_FINAL_TYPE (UprIndicator, upr_indicator, UPR, INDICATOR, UprRecord)

UprIndicator *upr_indicator_new (void);

G_END_DECLS
