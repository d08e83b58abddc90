/* upr-attendance.h: a person's attendance at one workshop (registration state, mode, days). */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_ATTENDANCE (upr_attendance_get_type ())
G_DECLARE_FINAL_TYPE (UprAttendance, upr_attendance, UPR, ATTENDANCE, UprRecord)

UprAttendance *upr_attendance_new (void);

G_END_DECLS
