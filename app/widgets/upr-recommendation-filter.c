/* upr-recommendation-filter.c: a GtkFilter over the matrix rows; see the header. */
#include "config.h"

#include "upr-fold.h"
#include "upr-search-query.h"
#include "upr-recommendation-filter.h"
#include "upr-recommendation-row.h"
#include "upr-store.h"

struct _UprRecommendationFilter
{
  GtkFilter  parent_instance;

  char      *query;    /* as typed */
  char      *folded;   /* upr_fold (query), NULL when it has no words */
  int        cycle;    /* 0: any */
  char      *response; /* NULL: any */
  char      *status;   /* NULL: any */
  int        category; /* 0: any */
  char      *term;     /* NULL: any */
  guint      sdg;      /* 0: any */
  char      *lead;     /* NULL: any */
};

G_DEFINE_FINAL_TYPE (UprRecommendationFilter, upr_recommendation_filter, GTK_TYPE_FILTER)

enum
{
  PROP_0,
  PROP_QUERY,
  PROP_CYCLE,
  PROP_RESPONSE,
  PROP_STATUS,
  PROP_ACTION_CATEGORY,
  PROP_TERM,
  PROP_SDG,
  PROP_LEAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* A field filter going from "any" to a value only narrows, and back only widens. */
static void
field_changed (UprRecommendationFilter *self,
               gboolean                 was_any,
               gboolean                 is_any,
               guint                    prop)
{
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (was_any)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (is_any)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  gtk_filter_changed (GTK_FILTER (self), change);
}

static gboolean
set_id (char       **field,
        const char  *id)
{
  if (id != NULL && *id == '\0')
    id = NULL;
  if (g_strcmp0 (*field, id) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (id);
  return TRUE;
}

static gboolean
match_fields (UprRecommendationFilter *self,
              UprRecommendationRow    *row)
{
  if (self->category != 0 && upr_recommendation_row_get_action_category (row) != self->category)
    return FALSE;
  if (self->term != NULL && !upr_recommendation_row_has_term (row, self->term))
    return FALSE;
  if (self->sdg != 0 && (upr_recommendation_row_get_sdg_goals (row) & UPR_SDG_BIT (self->sdg)) == 0)
    return FALSE;
  if (self->lead != NULL
      && g_strcmp0 (upr_recommendation_row_get_lead_organisation_id (row), self->lead) != 0)
    return FALSE;
  return TRUE;
}

/* Overrides */

static gboolean
upr_recommendation_filter_match (GtkFilter *filter,
                                 gpointer   item)
{
  UprRecommendationFilter *self = UPR_RECOMMENDATION_FILTER (filter);
  UprRecommendationRow *row = UPR_RECOMMENDATION_ROW (item);
  const char *key;

  if (self->cycle != 0 && upr_recommendation_row_get_cycle (row) != self->cycle)
    return FALSE;
  if (self->response != NULL
      && g_strcmp0 (upr_recommendation_row_get_response (row), self->response) != 0)
    return FALSE;
  if (self->status != NULL
      && g_strcmp0 (upr_recommendation_row_get_status (row), self->status) != 0)
    return FALSE;
  if (!match_fields (self, row))
    return FALSE;
  if (self->folded == NULL)
    return TRUE;
  key = upr_recommendation_row_get_search_key (row);
  return key != NULL && upr_fold_match (key, self->folded);
}

static GtkFilterMatch
upr_recommendation_filter_get_strictness (GtkFilter *filter)
{
  UprRecommendationFilter *self = UPR_RECOMMENDATION_FILTER (filter);

  if (self->folded == NULL && self->cycle == 0 && self->response == NULL && self->status == NULL
      && self->category == 0 && self->term == NULL && self->sdg == 0 && self->lead == NULL)
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
upr_recommendation_filter_finalize (GObject *object)
{
  UprRecommendationFilter *self = UPR_RECOMMENDATION_FILTER (object);

  g_free (self->query);
  g_free (self->folded);
  g_free (self->response);
  g_free (self->status);
  g_free (self->term);
  g_free (self->lead);

  G_OBJECT_CLASS (upr_recommendation_filter_parent_class)->finalize (object);
}

static void
upr_recommendation_filter_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  UprRecommendationFilter *self = UPR_RECOMMENDATION_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_CYCLE:
      g_value_set_int (value, self->cycle);
      break;
    case PROP_RESPONSE:
      g_value_set_string (value, self->response);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_ACTION_CATEGORY:
      g_value_set_int (value, self->category);
      break;
    case PROP_TERM:
      g_value_set_string (value, self->term);
      break;
    case PROP_SDG:
      g_value_set_uint (value, self->sdg);
      break;
    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_recommendation_filter_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  UprRecommendationFilter *self = UPR_RECOMMENDATION_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      upr_recommendation_filter_set_query (self, g_value_get_string (value));
      break;
    case PROP_CYCLE:
      upr_recommendation_filter_set_cycle (self, g_value_get_int (value));
      break;
    case PROP_RESPONSE:
      upr_recommendation_filter_set_response (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      upr_recommendation_filter_set_status (self, g_value_get_string (value));
      break;
    case PROP_ACTION_CATEGORY:
      upr_recommendation_filter_set_action_category (self, g_value_get_int (value));
      break;
    case PROP_TERM:
      upr_recommendation_filter_set_term (self, g_value_get_string (value));
      break;
    case PROP_SDG:
      upr_recommendation_filter_set_sdg (self, g_value_get_uint (value));
      break;
    case PROP_LEAD:
      upr_recommendation_filter_set_lead (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_recommendation_filter_class_init (UprRecommendationFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = upr_recommendation_filter_finalize;
  object_class->get_property = upr_recommendation_filter_get_property;
  object_class->set_property = upr_recommendation_filter_set_property;
  filter_class->match = upr_recommendation_filter_match;
  filter_class->get_strictness = upr_recommendation_filter_get_strictness;

  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, NULL, flags);
  properties[PROP_CYCLE] = g_param_spec_int ("cycle", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_RESPONSE] = g_param_spec_string ("response", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_ACTION_CATEGORY] =
    g_param_spec_int ("action-category", NULL, NULL, 0, 5, 0, flags);
  properties[PROP_TERM] = g_param_spec_string ("term", NULL, NULL, NULL, flags);
  properties[PROP_SDG] = g_param_spec_uint ("sdg", NULL, NULL, 0, 17, 0, flags);
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_recommendation_filter_init (UprRecommendationFilter *self)
{
}

/* Public API */

UprRecommendationFilter *
upr_recommendation_filter_new (void)
{
  return g_object_new (UPR_TYPE_RECOMMENDATION_FILTER, NULL);
}

const char *
upr_recommendation_filter_get_query (UprRecommendationFilter *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_FILTER (self), NULL);

  return self->query;
}

void
upr_recommendation_filter_set_query (UprRecommendationFilter *self,
                                     const char              *query)
{
  GtkFilterChange change;

  g_return_if_fail (UPR_IS_RECOMMENDATION_FILTER (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);

  if (upr_search_query_refold (&self->folded, query, &change))
    gtk_filter_changed (GTK_FILTER (self), change);
}

int
upr_recommendation_filter_get_cycle (UprRecommendationFilter *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_FILTER (self), 0);

  return self->cycle;
}

void
upr_recommendation_filter_set_cycle (UprRecommendationFilter *self,
                                     int                      cycle)
{
  int old;

  g_return_if_fail (UPR_IS_RECOMMENDATION_FILTER (self));
  g_return_if_fail (cycle >= 0);

  if (self->cycle == cycle)
    return;
  old = self->cycle;
  self->cycle = cycle;
  field_changed (self, old == 0, cycle == 0, PROP_CYCLE);
}

const char *
upr_recommendation_filter_get_response (UprRecommendationFilter *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_FILTER (self), NULL);

  return self->response;
}

void
upr_recommendation_filter_set_response (UprRecommendationFilter *self,
                                        const char              *response)
{
  gboolean was_any;

  g_return_if_fail (UPR_IS_RECOMMENDATION_FILTER (self));

  was_any = self->response == NULL;
  if (set_id (&self->response, response))
    field_changed (self, was_any, self->response == NULL, PROP_RESPONSE);
}

const char *
upr_recommendation_filter_get_status (UprRecommendationFilter *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_FILTER (self), NULL);

  return self->status;
}

void
upr_recommendation_filter_set_status (UprRecommendationFilter *self,
                                      const char              *status)
{
  gboolean was_any;

  g_return_if_fail (UPR_IS_RECOMMENDATION_FILTER (self));

  was_any = self->status == NULL;
  if (set_id (&self->status, status))
    field_changed (self, was_any, self->status == NULL, PROP_STATUS);
}

int
upr_recommendation_filter_get_action_category (UprRecommendationFilter *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_FILTER (self), 0);

  return self->category;
}

void
upr_recommendation_filter_set_action_category (UprRecommendationFilter *self,
                                               int                      category)
{
  int old;

  g_return_if_fail (UPR_IS_RECOMMENDATION_FILTER (self));
  g_return_if_fail (category >= 0 && category <= 5);

  if (self->category == category)
    return;
  old = self->category;
  self->category = category;
  field_changed (self, old == 0, category == 0, PROP_ACTION_CATEGORY);
}

const char *
upr_recommendation_filter_get_term (UprRecommendationFilter *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_FILTER (self), NULL);

  return self->term;
}

void
upr_recommendation_filter_set_term (UprRecommendationFilter *self,
                                    const char              *term_id)
{
  gboolean was_any;

  g_return_if_fail (UPR_IS_RECOMMENDATION_FILTER (self));

  was_any = self->term == NULL;
  if (set_id (&self->term, term_id))
    field_changed (self, was_any, self->term == NULL, PROP_TERM);
}

guint
upr_recommendation_filter_get_sdg (UprRecommendationFilter *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_FILTER (self), 0);

  return self->sdg;
}

void
upr_recommendation_filter_set_sdg (UprRecommendationFilter *self,
                                   guint                    goal)
{
  guint old;

  g_return_if_fail (UPR_IS_RECOMMENDATION_FILTER (self));
  g_return_if_fail (goal <= 17);

  if (self->sdg == goal)
    return;
  old = self->sdg;
  self->sdg = goal;
  field_changed (self, old == 0, goal == 0, PROP_SDG);
}

const char *
upr_recommendation_filter_get_lead (UprRecommendationFilter *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_FILTER (self), NULL);

  return self->lead;
}

void
upr_recommendation_filter_set_lead (UprRecommendationFilter *self,
                                    const char              *organisation_id)
{
  gboolean was_any;

  g_return_if_fail (UPR_IS_RECOMMENDATION_FILTER (self));

  was_any = self->lead == NULL;
  if (set_id (&self->lead, organisation_id))
    field_changed (self, was_any, self->lead == NULL, PROP_LEAD);
}
