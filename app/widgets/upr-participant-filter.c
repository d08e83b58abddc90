/* upr-participant-filter.c: a GtkFilter over UprParticipant "search-key"; see the header. */
#include "config.h"

#include "upr-fold.h"
#include "upr-search-query.h"
#include "upr-participant.h"
#include "upr-participant-filter.h"

struct _UprParticipantFilter
{
  GtkFilter  parent_instance;

  char      *query;  /* as typed */
  char      *folded; /* upr_fold (query), NULL when it has no words */
};

G_DEFINE_FINAL_TYPE (UprParticipantFilter, upr_participant_filter, GTK_TYPE_FILTER)

enum { PROP_0, PROP_QUERY, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* Overrides */

static gboolean
upr_participant_filter_match (GtkFilter *filter,
                              gpointer   item)
{
  UprParticipantFilter *self = UPR_PARTICIPANT_FILTER (filter);
  const char *key;

  if (self->folded == NULL)
    return TRUE;
  key = upr_participant_get_search_key (UPR_PARTICIPANT (item));
  return key != NULL && upr_fold_match (key, self->folded);
}

static GtkFilterMatch
upr_participant_filter_get_strictness (GtkFilter *filter)
{
  UprParticipantFilter *self = UPR_PARTICIPANT_FILTER (filter);

  return self->folded == NULL ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
upr_participant_filter_finalize (GObject *object)
{
  UprParticipantFilter *self = UPR_PARTICIPANT_FILTER (object);

  g_free (self->query);
  g_free (self->folded);

  G_OBJECT_CLASS (upr_participant_filter_parent_class)->finalize (object);
}

static void
upr_participant_filter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UprParticipantFilter *self = UPR_PARTICIPANT_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_filter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  UprParticipantFilter *self = UPR_PARTICIPANT_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      upr_participant_filter_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_filter_class_init (UprParticipantFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = upr_participant_filter_finalize;
  object_class->get_property = upr_participant_filter_get_property;
  object_class->set_property = upr_participant_filter_set_property;
  filter_class->match = upr_participant_filter_match;
  filter_class->get_strictness = upr_participant_filter_get_strictness;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_participant_filter_init (UprParticipantFilter *self)
{
}

/* Public API */

UprParticipantFilter *
upr_participant_filter_new (void)
{
  return g_object_new (UPR_TYPE_PARTICIPANT_FILTER, NULL);
}

const char *
upr_participant_filter_get_query (UprParticipantFilter *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_FILTER (self), NULL);

  return self->query;
}

void
upr_participant_filter_set_query (UprParticipantFilter *self,
                                  const char           *query)
{
  GtkFilterChange change;

  g_return_if_fail (UPR_IS_PARTICIPANT_FILTER (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);

  if (upr_search_query_refold (&self->folded, query, &change))
    gtk_filter_changed (GTK_FILTER (self), change);
}
