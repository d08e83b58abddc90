/* upr-indicator.c: an indicator of a recommendation's implementation (text, baseline, target,
 * means of verification).
 * The fields below are the columns of the "indicator" table (see upr-migrations.c). */
#include "config.h"

#include "upr-indicator.h"

struct _UprIndicator
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprIndicator, upr_indicator, UPR_TYPE_RECORD)

static const UprField fields[] = {
  { "recommendation-id", UPR_FIELD_STRING },
  { "text", UPR_FIELD_STRING },
  { "baseline", UPR_FIELD_STRING },
  { "target", UPR_FIELD_STRING },
  { "means-of-verification", UPR_FIELD_STRING },
};

static void
upr_indicator_class_init (UprIndicatorClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "indicator", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_indicator_init (UprIndicator *self)
{
}

UprIndicator *
upr_indicator_new (void)
{
  return g_object_new (UPR_TYPE_INDICATOR, NULL);
}
