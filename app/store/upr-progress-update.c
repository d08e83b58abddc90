/* upr-progress-update.c: a dated entry of a recommendation's progress history: who reported it, the
 * implementation status at that date, what happened, and the evidence. Add them with
 * upr_store_add_progress_update(), which also moves the recommendation's current status.
 * The fields below are the columns of the "progress_update" table (see upr-migrations.c). */
#include "config.h"

#include "upr-progress-update.h"

struct _UprProgressUpdate
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprProgressUpdate, upr_progress_update, UPR_TYPE_RECORD)

static const UprField fields[] = {
  { "recommendation-id", UPR_FIELD_STRING },
  { "date", UPR_FIELD_STRING },
  { "organisation-id", UPR_FIELD_STRING },
  { "status", UPR_FIELD_STRING },
  { "text", UPR_FIELD_STRING },
  { "evidence", UPR_FIELD_STRING },
};

static void
upr_progress_update_class_init (UprProgressUpdateClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "progress_update", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_progress_update_init (UprProgressUpdate *self)
{
}

UprProgressUpdate *
upr_progress_update_new (void)
{
  return g_object_new (UPR_TYPE_PROGRESS_UPDATE, NULL);
}
