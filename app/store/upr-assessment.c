/* upr-assessment.c: an assessment of a recommendation's implementation, and UPR Info's way
 * of combining several into one level (see upr-assessment.h).
 * The fields below are the columns of the "assessment" table (see upr-migrations.c). */
#include "config.h"

#include "upr-assessment.h"

struct _UprAssessment
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprAssessment, upr_assessment, UPR_TYPE_RECORD)

/* Source and level have no default: an assessment without them is refused. */
static const UprField fields[] = {
  { "recommendation-id", UPR_FIELD_STRING },
  { "source", UPR_FIELD_STRING },
  { "organisation-id", UPR_FIELD_STRING },
  { "level", UPR_FIELD_STRING },
  { "date", UPR_FIELD_STRING },
  { "note", UPR_FIELD_STRING },
};

static void
upr_assessment_class_init (UprAssessmentClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "assessment", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_assessment_init (UprAssessment *self)
{
}

UprAssessment *
upr_assessment_new (void)
{
  return g_object_new (UPR_TYPE_ASSESSMENT, NULL);
}

int
upr_assessment_level_points (const char *level)
{
  if (g_strcmp0 (level, "not-implemented") == 0)
    return 0;
  if (g_strcmp0 (level, "partially-implemented") == 0)
    return 1;
  if (g_strcmp0 (level, "fully-implemented") == 0)
    return 2;
  return -1;
}

/* The average is half_points / (2 n); comparing 3 half_points with 2 n and 4 n keeps the
 * thirds exact (an average of exactly 1/3 or 2/3 goes up, as in UPR Info's 0.33 and 0.66). */
const char *
upr_assessment_combine (guint half_points,
                        guint n_stakeholders)
{
  guint64 scaled = 3 * (guint64) half_points;

  g_return_val_if_fail (half_points <= 2 * (guint64) n_stakeholders, NULL);

  if (n_stakeholders == 0)
    return NULL;
  if (scaled < 2 * (guint64) n_stakeholders)
    return "not-implemented";
  if (scaled < 4 * (guint64) n_stakeholders)
    return "partially-implemented";
  return "fully-implemented";
}
