/* upr-progress-update.h: a dated entry of a recommendation's progress history: who reported it, the
 * implementation status at that date, what happened, and the evidence. Add them with
 * upr_store_add_progress_update(), which also moves the recommendation's current status. */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_PROGRESS_UPDATE (upr_progress_update_get_type ())
G_DECLARE_FINAL_TYPE (UprProgressUpdate, upr_progress_update, UPR, PROGRESS_UPDATE, UprRecord)

UprProgressUpdate *upr_progress_update_new (void);

G_END_DECLS
