/* upr-planned-action.h: one action planned to implement a recommendation (text, responsible
 * institution, start and due dates, resources or budget, status). */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_PLANNED_ACTION (upr_planned_action_get_type ())
G_DECLARE_FINAL_TYPE (UprPlannedAction, upr_planned_action, UPR, PLANNED_ACTION, UprRecord)

UprPlannedAction *upr_planned_action_new (void);

G_END_DECLS
