/* upr-planned-action.c: one action planned to implement a recommendation (text, responsible
 * institution, start and due dates, resources or budget, status).
 * The fields below are the columns of the "planned_action" table (see upr-migrations.c). */
#include "config.h"

#include "upr-planned-action.h"

struct _UprPlannedAction
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprPlannedAction, upr_planned_action, UPR_TYPE_RECORD)

static const UprField fields[] = {
  { "recommendation-id", UPR_FIELD_STRING },
  { "text", UPR_FIELD_STRING },
  { "organisation-id", UPR_FIELD_STRING },
  { "start-date", UPR_FIELD_STRING },
  { "due-date", UPR_FIELD_STRING },
  { "resources", UPR_FIELD_STRING },
  { "status", UPR_FIELD_STRING, .fallback_string = "planned" },
};

static void
upr_planned_action_class_init (UprPlannedActionClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "planned_action", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_planned_action_init (UprPlannedAction *self)
{
}

UprPlannedAction *
upr_planned_action_new (void)
{
  return g_object_new (UPR_TYPE_PLANNED_ACTION, NULL);
}
