/* upr-recommendation.c: a recommendation and its implementation's own fields.
 * The fields below are the columns of the "recommendation" table (see upr-migrations.c);
 * the table also has a "search_folded" column that triggers keep, which is not a field so
 * that saving a record never writes a stale copy of it. */
#include "config.h"

#include "upr-recommendation.h"

struct _UprRecommendation
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprRecommendation, upr_recommendation, UPR_TYPE_RECORD)

/* "status-date" comes after "status": loading a row sets the status (which stamps today),
 * then the stored date, so a loaded record keeps its own date. */
static const UprField fields[] = {
  { "review-id", UPR_FIELD_STRING },
  { "paragraph", UPR_FIELD_STRING },
  { "text", UPR_FIELD_STRING },
  { "response", UPR_FIELD_STRING, .fallback_string = "pending" },
  { "response-source", UPR_FIELD_STRING },
  { "action-category", UPR_FIELD_INT, 0, 5, 0, .zero_is_null = TRUE },
  { "voluntary-pledge", UPR_FIELD_BOOLEAN },
  { "cluster", UPR_FIELD_STRING },
  { "priority", UPR_FIELD_STRING },
  { "notes", UPR_FIELD_STRING },
  { "source-file", UPR_FIELD_STRING },
  { "source-row", UPR_FIELD_INT, 0, G_MAXINT, 0, .zero_is_null = TRUE },
  { "lead-organisation-id", UPR_FIELD_STRING },
  { "status", UPR_FIELD_STRING, .fallback_string = "not-started" },
  { "status-date", UPR_FIELD_STRING },
  { "deleted-at", UPR_FIELD_STRING },
};

/* Index of "status-date" among the record's fields: id, created-at, updated-at come first. */
#define STATUS_DATE_FIELD (3 + 14)

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* A status without a date cannot be placed in the progress over time; the day it was set is
 * the best date there is, unless the editor gave one. */
static void
upr_recommendation_notify (GObject    *object,
                           GParamSpec *pspec)
{
  UprRecord *record = UPR_RECORD (object);

  if (g_str_equal (pspec->name, "status") && !upr_record_is_changed (record, STATUS_DATE_FIELD))
    {
      g_autofree char *date = today ();

      upr_record_set_string (record, "status-date", date);
    }
}

static void
upr_recommendation_class_init (UprRecommendationClass *klass)
{
  UprRecordClass *record_class = UPR_RECORD_CLASS (klass);

  upr_record_class_install_fields (record_class, "recommendation", fields,
                                   G_N_ELEMENTS (fields));
  g_assert (g_str_equal (record_class->fields[STATUS_DATE_FIELD].name, "status-date"));
  G_OBJECT_CLASS (klass)->notify = upr_recommendation_notify;
}

static void
upr_recommendation_init (UprRecommendation *self)
{
}

UprRecommendation *
upr_recommendation_new (void)
{
  return g_object_new (UPR_TYPE_RECOMMENDATION, NULL);
}
