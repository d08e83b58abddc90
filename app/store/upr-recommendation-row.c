/* upr-recommendation-row.c: a read-only line of the implementation matrix; see
 * upr-recommendation-row.h. */
#include "config.h"

#include <string.h>

#include "upr-recommendation-row-private.h"

G_DEFINE_FINAL_TYPE (UprRecommendationRow, upr_recommendation_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REVIEW_ID,
  PROP_COUNTRY_CODE,
  PROP_SESSION,
  PROP_CYCLE,
  PROP_PARAGRAPH,
  PROP_PARAGRAPH_KEY,
  PROP_TEXT,
  PROP_RESPONSE,
  PROP_ACTION_CATEGORY,
  PROP_VOLUNTARY_PLEDGE,
  PROP_CLUSTER,
  PROP_PRIORITY,
  PROP_LEAD_ORGANISATION_ID,
  PROP_LEAD_ORGANISATION_NAME,
  PROP_STATUS,
  PROP_STATUS_DATE,
  PROP_LAST_UPDATE,
  PROP_ASSESSMENT_LEVEL,
  PROP_STATES,
  PROP_STATE_NAMES,
  PROP_TERMS,
  PROP_SDG_GOALS,
  PROP_SUPPORTING_ORGANISATIONS,
  PROP_SEARCH_KEY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char * const no_strings[] = { NULL };

/* Helpers */

/* Digits runs are padded to a common width, so that a plain comparison of keys orders
 * "140.9" before "140.10" and "99.1" before "100.1". */
static char *
paragraph_key (const char *paragraph)
{
  GString *key;

  if (paragraph == NULL)
    return g_strdup ("");
  key = g_string_sized_new (strlen (paragraph) + 16);
  for (const char *p = paragraph; *p != '\0';)
    {
      gsize run = strspn (p, "0123456789");

      if (run == 0)
        {
          g_string_append_c (key, g_ascii_tolower (*p));
          p++;
          continue;
        }
      while (run > 1 && *p == '0')
        {
          p++;
          run--;
        }
      for (gsize pad = run; pad < 10; pad++)
        g_string_append_c (key, '0');
      g_string_append_len (key, p, run);
      p += run;
    }
  return g_string_free (key, FALSE);
}

/* Overrides */

static void
upr_recommendation_row_finalize (GObject *object)
{
  UprRecommendationRow *self = UPR_RECOMMENDATION_ROW (object);

  g_free (self->id);
  g_free (self->review_id);
  g_free (self->paragraph);
  g_free (self->paragraph_key);
  g_free (self->text);
  g_free (self->cluster);
  g_free (self->lead_organisation_id);
  g_free (self->lead_organisation_name);
  g_free (self->status_date);
  g_free (self->last_update);
  g_free (self->state_names);
  g_free (self->search_key);
  g_strfreev (self->supporting);
  g_free (self->states);
  g_free (self->terms);

  G_OBJECT_CLASS (upr_recommendation_row_parent_class)->finalize (object);
}

static void
upr_recommendation_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UprRecommendationRow *self = UPR_RECOMMENDATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_REVIEW_ID: g_value_set_string (value, self->review_id); break;
    case PROP_COUNTRY_CODE: g_value_set_string (value, self->country_code); break;
    case PROP_SESSION: g_value_set_int (value, self->session); break;
    case PROP_CYCLE: g_value_set_int (value, self->cycle); break;
    case PROP_PARAGRAPH: g_value_set_string (value, self->paragraph); break;
    case PROP_PARAGRAPH_KEY: g_value_set_string (value, self->paragraph_key); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_RESPONSE: g_value_set_string (value, self->response); break;
    case PROP_ACTION_CATEGORY: g_value_set_int (value, self->action_category); break;
    case PROP_VOLUNTARY_PLEDGE: g_value_set_boolean (value, self->voluntary_pledge); break;
    case PROP_CLUSTER: g_value_set_string (value, self->cluster); break;
    case PROP_PRIORITY: g_value_set_string (value, self->priority); break;
    case PROP_LEAD_ORGANISATION_ID: g_value_set_string (value, self->lead_organisation_id); break;
    case PROP_LEAD_ORGANISATION_NAME:
      g_value_set_string (value, self->lead_organisation_name);
      break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_STATUS_DATE: g_value_set_string (value, self->status_date); break;
    case PROP_LAST_UPDATE: g_value_set_string (value, self->last_update); break;
    case PROP_ASSESSMENT_LEVEL: g_value_set_string (value, self->assessment_level); break;
    case PROP_STATES:
      g_value_set_boxed (value, upr_recommendation_row_get_states (self));
      break;
    case PROP_STATE_NAMES: g_value_set_string (value, self->state_names); break;
    case PROP_TERMS:
      g_value_set_boxed (value, upr_recommendation_row_get_terms (self));
      break;
    case PROP_SDG_GOALS: g_value_set_uint (value, self->sdg_goals); break;
    case PROP_SUPPORTING_ORGANISATIONS:
      g_value_set_boxed (value, upr_recommendation_row_get_supporting_organisations (self));
      break;
    case PROP_SEARCH_KEY: g_value_set_string (value, self->search_key); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_recommendation_row_class_init (UprRecommendationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = upr_recommendation_row_finalize;
  object_class->get_property = upr_recommendation_row_get_property;

#define STRING(prop, name) properties[prop] = g_param_spec_string (name, NULL, NULL, NULL, flags)
#define STRV(prop, name) properties[prop] = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags)
  STRING (PROP_ID, "id");
  STRING (PROP_REVIEW_ID, "review-id");
  STRING (PROP_COUNTRY_CODE, "country-code");
  properties[PROP_SESSION] = g_param_spec_int ("session", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_CYCLE] = g_param_spec_int ("cycle", NULL, NULL, 0, G_MAXINT, 0, flags);
  STRING (PROP_PARAGRAPH, "paragraph");
  STRING (PROP_PARAGRAPH_KEY, "paragraph-key");
  STRING (PROP_TEXT, "text");
  STRING (PROP_RESPONSE, "response");
  properties[PROP_ACTION_CATEGORY] = g_param_spec_int ("action-category", NULL, NULL, 0, 5, 0,
                                                       flags);
  properties[PROP_VOLUNTARY_PLEDGE] = g_param_spec_boolean ("voluntary-pledge", NULL, NULL,
                                                            FALSE, flags);
  STRING (PROP_CLUSTER, "cluster");
  STRING (PROP_PRIORITY, "priority");
  STRING (PROP_LEAD_ORGANISATION_ID, "lead-organisation-id");
  STRING (PROP_LEAD_ORGANISATION_NAME, "lead-organisation-name");
  STRING (PROP_STATUS, "status");
  STRING (PROP_STATUS_DATE, "status-date");
  STRING (PROP_LAST_UPDATE, "last-update");
  STRING (PROP_ASSESSMENT_LEVEL, "assessment-level");
  STRV (PROP_STATES, "states");
  STRING (PROP_STATE_NAMES, "state-names");
  STRV (PROP_TERMS, "terms");
  properties[PROP_SDG_GOALS] = g_param_spec_uint ("sdg-goals", NULL, NULL, 0, G_MAXUINT, 0,
                                                  flags);
  STRV (PROP_SUPPORTING_ORGANISATIONS, "supporting-organisations");
  STRING (PROP_SEARCH_KEY, "search-key");
#undef STRING
#undef STRV
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_recommendation_row_init (UprRecommendationRow *self)
{
}

/* Private API */

UprRecommendationRow *
upr_recommendation_row_new (void)
{
  return g_object_new (UPR_TYPE_RECOMMENDATION_ROW, NULL);
}

void
upr_recommendation_row_finish (UprRecommendationRow *self)
{
  g_free (self->paragraph_key);
  self->paragraph_key = paragraph_key (self->paragraph);
}

/* Public API */

#define GETTER(type, name, fallback) \
  type \
  upr_recommendation_row_get_##name (UprRecommendationRow *self) \
  { \
    g_return_val_if_fail (UPR_IS_RECOMMENDATION_ROW (self), fallback); \
    return self->name; \
  }

GETTER (const char *, id, NULL)
GETTER (const char *, review_id, NULL)
GETTER (const char *, country_code, NULL)
GETTER (int, session, 0)
GETTER (int, cycle, 0)
GETTER (const char *, paragraph, NULL)
GETTER (const char *, paragraph_key, NULL)
GETTER (const char *, text, NULL)
GETTER (const char *, response, NULL)
GETTER (int, action_category, 0)
GETTER (gboolean, voluntary_pledge, FALSE)
GETTER (const char *, cluster, NULL)
GETTER (const char *, priority, NULL)
GETTER (const char *, lead_organisation_id, NULL)
GETTER (const char *, lead_organisation_name, NULL)
GETTER (const char *, status, NULL)
GETTER (const char *, status_date, NULL)
GETTER (const char *, last_update, NULL)
GETTER (const char *, assessment_level, NULL)
GETTER (const char *, state_names, NULL)
GETTER (guint, sdg_goals, 0)
GETTER (const char *, search_key, NULL)

#undef GETTER

const char * const *
upr_recommendation_row_get_states (UprRecommendationRow *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_ROW (self), no_strings);

  return self->states != NULL ? (const char * const *) self->states : no_strings;
}

const char * const *
upr_recommendation_row_get_terms (UprRecommendationRow *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_ROW (self), no_strings);

  return self->terms != NULL ? (const char * const *) self->terms : no_strings;
}

/* Term ids are interned, so a filter over thousands of rows compares pointers. */
gboolean
upr_recommendation_row_has_term (UprRecommendationRow *self,
                                 const char           *term_id)
{
  const char *interned;

  g_return_val_if_fail (UPR_IS_RECOMMENDATION_ROW (self), FALSE);

  if (self->terms == NULL || term_id == NULL)
    return FALSE;
  /* Not interned yet: no row holds it (and a stray query is not kept for good). */
  interned = g_quark_to_string (g_quark_try_string (term_id));
  if (interned == NULL)
    return FALSE;
  for (guint i = 0; self->terms[i] != NULL; i++)
    if (self->terms[i] == interned)
      return TRUE;
  return FALSE;
}

const char * const *
upr_recommendation_row_get_supporting_organisations (UprRecommendationRow *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_ROW (self), no_strings);

  return self->supporting != NULL ? (const char * const *) self->supporting : no_strings;
}
