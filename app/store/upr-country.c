/* upr-country.c: a UN member or observer State, as the sidebar and the pickers show it.
 * Immutable: the store builds a new list when the workshop counts change. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-country.h"
#include "upr-fold.h"

struct _UprCountry
{
  GObject parent_instance;

  /* owned */
  char *code;
  char *alpha3;
  char *name_en;
  char *name_fr;
  char *un_group;
  char *un_status;
  int   n_workshops;
  int   n_recommendations;
  /* derived at construction */
  const char *name; /* name_en or name_fr */
  char *search_key;
  char *sort_key;
};

G_DEFINE_FINAL_TYPE (UprCountry, upr_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_ALPHA3,
  PROP_NAME_EN,
  PROP_NAME_FR,
  PROP_NAME,
  PROP_UN_GROUP,
  PROP_UN_STATUS,
  PROP_N_WORKSHOPS,
  PROP_N_RECOMMENDATIONS,
  PROP_SEARCH_KEY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Overrides */

static void
upr_country_constructed (GObject *object)
{
  UprCountry *self = UPR_COUNTRY (object);
  g_autofree char *all = NULL;
  g_autofree char *folded_name = NULL;

  G_OBJECT_CLASS (upr_country_parent_class)->constructed (object);

  /* The interface language is chosen at start-up, so the name is chosen once. */
  self->name = self->name_fr != NULL && upr_country_interface_is_french () ? self->name_fr
                                                                           : self->name_en;

  all = g_strjoin (" ", self->name_en ? self->name_en : "", self->name_fr ? self->name_fr : "",
                   self->code ? self->code : "", self->alpha3 ? self->alpha3 : "", NULL);
  self->search_key = upr_fold (all);
  folded_name = upr_fold (self->name);
  self->sort_key = g_utf8_collate_key (folded_name, -1);
}

static void
upr_country_finalize (GObject *object)
{
  UprCountry *self = UPR_COUNTRY (object);

  g_free (self->code);
  g_free (self->alpha3);
  g_free (self->name_en);
  g_free (self->name_fr);
  g_free (self->un_group);
  g_free (self->un_status);
  g_free (self->search_key);
  g_free (self->sort_key);

  G_OBJECT_CLASS (upr_country_parent_class)->finalize (object);
}

static void
upr_country_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UprCountry *self = UPR_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_ALPHA3: g_value_set_string (value, self->alpha3); break;
    case PROP_NAME_EN: g_value_set_string (value, self->name_en); break;
    case PROP_NAME_FR: g_value_set_string (value, self->name_fr); break;
    case PROP_NAME: g_value_set_string (value, upr_country_get_name (self)); break;
    case PROP_UN_GROUP: g_value_set_string (value, self->un_group); break;
    case PROP_UN_STATUS: g_value_set_string (value, self->un_status); break;
    case PROP_N_WORKSHOPS: g_value_set_int (value, self->n_workshops); break;
    case PROP_N_RECOMMENDATIONS: g_value_set_int (value, self->n_recommendations); break;
    case PROP_SEARCH_KEY: g_value_set_string (value, self->search_key); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_country_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  UprCountry *self = UPR_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE: self->code = g_value_dup_string (value); break;
    case PROP_ALPHA3: self->alpha3 = g_value_dup_string (value); break;
    case PROP_NAME_EN: self->name_en = g_value_dup_string (value); break;
    case PROP_NAME_FR: self->name_fr = g_value_dup_string (value); break;
    case PROP_UN_GROUP: self->un_group = g_value_dup_string (value); break;
    case PROP_UN_STATUS: self->un_status = g_value_dup_string (value); break;
    case PROP_N_WORKSHOPS: self->n_workshops = g_value_get_int (value); break;
    case PROP_N_RECOMMENDATIONS: self->n_recommendations = g_value_get_int (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_country_class_init (UprCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags derived = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = upr_country_constructed;
  object_class->finalize = upr_country_finalize;
  object_class->get_property = upr_country_get_property;
  object_class->set_property = upr_country_set_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, construct);
  properties[PROP_ALPHA3] = g_param_spec_string ("alpha3", NULL, NULL, NULL, construct);
  properties[PROP_NAME_EN] = g_param_spec_string ("name-en", NULL, NULL, NULL, construct);
  properties[PROP_NAME_FR] = g_param_spec_string ("name-fr", NULL, NULL, NULL, construct);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, derived);
  properties[PROP_UN_GROUP] = g_param_spec_string ("un-group", NULL, NULL, NULL, construct);
  properties[PROP_UN_STATUS] = g_param_spec_string ("un-status", NULL, NULL, NULL, construct);
  properties[PROP_N_WORKSHOPS] = g_param_spec_int ("n-workshops", NULL, NULL, 0, G_MAXINT, 0,
                                                   construct);
  properties[PROP_N_RECOMMENDATIONS] =
    g_param_spec_int ("n-recommendations", NULL, NULL, 0, G_MAXINT, 0, construct);
  properties[PROP_SEARCH_KEY] = g_param_spec_string ("search-key", NULL, NULL, NULL, derived);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_country_init (UprCountry *self)
{
}

/* Public API */

gboolean
upr_country_interface_is_french (void)
{
  /* Translators: the code of the language of this translation ("fr" for French). Upright
   * uses it to show country names in that language; keep "en" for English. */
  return g_str_equal (C_("interface language code", "en"), "fr");
}

UprCountry *
upr_country_new (const char *code,
                 const char *alpha3,
                 const char *name_en,
                 const char *name_fr,
                 const char *un_group,
                 const char *un_status,
                 int         n_workshops,
                 int         n_recommendations)
{
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (name_en != NULL, NULL);

  return g_object_new (UPR_TYPE_COUNTRY,
                       "code", code,
                       "alpha3", alpha3,
                       "name-en", name_en,
                       "name-fr", name_fr,
                       "un-group", un_group,
                       "un-status", un_status,
                       "n-workshops", n_workshops,
                       "n-recommendations", n_recommendations,
                       NULL);
}

const char *
upr_country_get_code (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), NULL);

  return self->code;
}

const char *
upr_country_get_alpha3 (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), NULL);

  return self->alpha3;
}

/* The French name when the interface is French; otherwise, or when no French name is
 * known, the English one. */
const char *
upr_country_get_name (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), NULL);

  return self->name;
}

const char *
upr_country_get_name_en (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), NULL);

  return self->name_en;
}

const char *
upr_country_get_name_fr (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), NULL);

  return self->name_fr;
}

const char *
upr_country_get_un_group (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), NULL);

  return self->un_group;
}

const char *
upr_country_get_un_status (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), NULL);

  return self->un_status;
}

int
upr_country_get_n_workshops (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), 0);

  return self->n_workshops;
}

const char *
upr_country_get_search_key (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), NULL);

  return self->search_key;
}

const char *
upr_country_get_sort_key (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), NULL);

  return self->sort_key;
}

int
upr_country_get_n_recommendations (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), 0);

  return self->n_recommendations;
}

/* A country the officer works on: it has workshops or recommendations. */
gboolean
upr_country_has_data (UprCountry *self)
{
  g_return_val_if_fail (UPR_IS_COUNTRY (self), FALSE);

  return self->n_workshops > 0 || self->n_recommendations > 0;
}
