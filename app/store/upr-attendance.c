/* upr-attendance.c: a person's attendance at one workshop (registration state, mode, days).
 * The fields below are the columns of the "attendance" table (see upr-migrations.c). */
#include "config.h"

#include "upr-attendance.h"

struct _UprAttendance
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprAttendance, upr_attendance, UPR_TYPE_RECORD)

static const UprField fields[] = {
  { "workshop-id", UPR_FIELD_STRING },
  { "person-id", UPR_FIELD_STRING },
  { "registration", UPR_FIELD_STRING, .fallback_string = "attended" },
  { "mode", UPR_FIELD_STRING, .fallback_string = "in-person" },
  { "days-attended", UPR_FIELD_INT, 0, 366, 0, .zero_is_null = TRUE },
};

static void
upr_attendance_class_init (UprAttendanceClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "attendance", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_attendance_init (UprAttendance *self)
{
}

UprAttendance *
upr_attendance_new (void)
{
  return g_object_new (UPR_TYPE_ATTENDANCE, NULL);
}
