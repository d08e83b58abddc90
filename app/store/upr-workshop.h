/* upr-workshop.h: a workshop: consultation, planning workshop, mid-term review, training or side event. */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_WORKSHOP (upr_workshop_get_type ())
G_DECLARE_FINAL_TYPE (UprWorkshop, upr_workshop, UPR, WORKSHOP, UprRecord)

UprWorkshop *upr_workshop_new (void);

G_END_DECLS
