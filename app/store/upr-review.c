/* upr-review.c: the review of a State at one session of the UPR Working Group (date of the
 * interactive dialogue, adoption by the Human Rights Council, Working Group report symbol).
 * Its cycle is not stored: upr_store_cycle_for_session() derives it from the session.
 * The fields below are the columns of the "review" table (see upr-migrations.c). */
#include "config.h"

#include "upr-review.h"

struct _UprReview
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprReview, upr_review, UPR_TYPE_RECORD)

static const UprField fields[] = {
  { "country-code", UPR_FIELD_STRING },
  { "session", UPR_FIELD_INT, 0, 999, 0, .zero_is_null = TRUE },
  { "review-date", UPR_FIELD_STRING },
  { "adoption-date", UPR_FIELD_STRING },
  { "report-symbol", UPR_FIELD_STRING },
  { "notes", UPR_FIELD_STRING },
};

static void
upr_review_class_init (UprReviewClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "review", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_review_init (UprReview *self)
{
}

UprReview *
upr_review_new (void)
{
  return g_object_new (UPR_TYPE_REVIEW, NULL);
}
