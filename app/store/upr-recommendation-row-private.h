/* upr-recommendation-row-private.h: the fields of a matrix row, filled in by the store
 * (upr-store-recommendations.c) and read by upr-recommendation-row.c. */
#pragma once

#include "upr-recommendation-row.h"

G_BEGIN_DECLS

struct _UprRecommendationRow
{
  GObject parent_instance;

  /* owned */
  char       *id;
  char       *review_id;
  char       *paragraph;
  char       *paragraph_key;
  char       *text;
  char       *cluster;
  char       *lead_organisation_id;
  char       *lead_organisation_name;
  char       *status_date;
  char       *last_update;
  char       *state_names;
  char       *search_key;
  char      **supporting;   /* organisation ids, NULL-terminated, NULL when none */
  /* interned (upr-vocab ids, country codes and term ids are few and shared by every row) */
  const char *country_code;
  const char *response;
  const char *priority;
  const char *status;
  const char *assessment_level;
  const char **states;      /* NULL-terminated array owned, strings interned; NULL when none */
  const char **terms;
  gint64      position;     /* rowid: the order in which they were added */
  int         session;
  int         cycle;
  int         action_category;
  guint       sdg_goals;
  gboolean    voluntary_pledge;
};

UprRecommendationRow *upr_recommendation_row_new (void);

/* Derives the paragraph's sort key; call once every field is set. */
void                  upr_recommendation_row_finish (UprRecommendationRow *self);

G_END_DECLS
