/* upr-workshop.c: a workshop: consultation, planning workshop, mid-term review, training or side event.
 * The fields below are the columns of the "workshop" table (see upr-migrations.c). */
#include "config.h"

#include "upr-workshop.h"

struct _UprWorkshop
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprWorkshop, upr_workshop, UPR_TYPE_RECORD)

static const UprField fields[] = {
  { "country-code", UPR_FIELD_STRING },
  { "title", UPR_FIELD_STRING },
  { "kind", UPR_FIELD_STRING, .fallback_string = "consultation" },
  { "cycle", UPR_FIELD_INT, 0, 9, 0, .zero_is_null = TRUE },
  { "start-date", UPR_FIELD_STRING },
  { "end-date", UPR_FIELD_STRING },
  { "start-time", UPR_FIELD_STRING },
  { "end-time", UPR_FIELD_STRING },
  { "venue", UPR_FIELD_STRING },
  { "format", UPR_FIELD_STRING, .fallback_string = "in-person" },
  { "online-link", UPR_FIELD_STRING },
  { "languages", UPR_FIELD_STRING },
  { "organisers", UPR_FIELD_STRING },
  { "partners", UPR_FIELD_STRING },
  { "objectives", UPR_FIELD_STRING },
  { "notes", UPR_FIELD_STRING },
  { "deleted-at", UPR_FIELD_STRING },
};

static void
upr_workshop_class_init (UprWorkshopClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "workshop", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_workshop_init (UprWorkshop *self)
{
}

UprWorkshop *
upr_workshop_new (void)
{
  return g_object_new (UPR_TYPE_WORKSHOP, NULL);
}
