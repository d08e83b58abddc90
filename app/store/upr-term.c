/* upr-term.c: a theme, group of persons, issue or SDG, as pickers and filters show it.
 * Immutable, like UprCountry. */
#include "config.h"

#include "upr-country.h"
#include "upr-fold.h"
#include "upr-term.h"

struct _UprTerm
{
  GObject parent_instance;

  /* owned */
  char *scheme;
  char *code;
  char *label_en;
  char *label_fr;
  /* derived at construction */
  char *id;
  const char *label; /* label_en or label_fr */
  char *search_key;
};

G_DEFINE_FINAL_TYPE (UprTerm, upr_term, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SCHEME,
  PROP_CODE,
  PROP_LABEL_EN,
  PROP_LABEL_FR,
  PROP_LABEL,
  PROP_SEARCH_KEY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Overrides */

static void
upr_term_constructed (GObject *object)
{
  UprTerm *self = UPR_TERM (object);
  g_autofree char *both = NULL;

  G_OBJECT_CLASS (upr_term_parent_class)->constructed (object);

  self->id = g_strconcat (self->scheme, ":", self->code, NULL);
  self->label = self->label_fr != NULL && upr_country_interface_is_french () ? self->label_fr
                                                                             : self->label_en;
  both = g_strjoin (" ", self->label_en, self->label_fr ? self->label_fr : "", NULL);
  self->search_key = upr_fold (both);
}

static void
upr_term_finalize (GObject *object)
{
  UprTerm *self = UPR_TERM (object);

  g_free (self->scheme);
  g_free (self->code);
  g_free (self->label_en);
  g_free (self->label_fr);
  g_free (self->id);
  g_free (self->search_key);

  G_OBJECT_CLASS (upr_term_parent_class)->finalize (object);
}

static void
upr_term_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  UprTerm *self = UPR_TERM (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_SCHEME: g_value_set_string (value, self->scheme); break;
    case PROP_CODE: g_value_set_string (value, self->code); break;
    case PROP_LABEL_EN: g_value_set_string (value, self->label_en); break;
    case PROP_LABEL_FR: g_value_set_string (value, self->label_fr); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_SEARCH_KEY: g_value_set_string (value, self->search_key); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_term_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  UprTerm *self = UPR_TERM (object);

  switch (prop_id)
    {
    case PROP_SCHEME: self->scheme = g_value_dup_string (value); break;
    case PROP_CODE: self->code = g_value_dup_string (value); break;
    case PROP_LABEL_EN: self->label_en = g_value_dup_string (value); break;
    case PROP_LABEL_FR: self->label_fr = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_term_class_init (UprTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags derived = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = upr_term_constructed;
  object_class->finalize = upr_term_finalize;
  object_class->get_property = upr_term_get_property;
  object_class->set_property = upr_term_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, derived);
  properties[PROP_SCHEME] = g_param_spec_string ("scheme", NULL, NULL, NULL, construct);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, construct);
  properties[PROP_LABEL_EN] = g_param_spec_string ("label-en", NULL, NULL, NULL, construct);
  properties[PROP_LABEL_FR] = g_param_spec_string ("label-fr", NULL, NULL, NULL, construct);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, derived);
  properties[PROP_SEARCH_KEY] = g_param_spec_string ("search-key", NULL, NULL, NULL, derived);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_term_init (UprTerm *self)
{
}

/* Public API */

UprTerm *
upr_term_new (const char *scheme,
              const char *code,
              const char *label_en,
              const char *label_fr)
{
  g_return_val_if_fail (scheme != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (label_en != NULL, NULL);

  return g_object_new (UPR_TYPE_TERM,
                       "scheme", scheme,
                       "code", code,
                       "label-en", label_en,
                       "label-fr", label_fr,
                       NULL);
}

const char *
upr_term_get_id (UprTerm *self)
{
  g_return_val_if_fail (UPR_IS_TERM (self), NULL);

  return self->id;
}

const char *
upr_term_get_scheme (UprTerm *self)
{
  g_return_val_if_fail (UPR_IS_TERM (self), NULL);

  return self->scheme;
}

const char *
upr_term_get_code (UprTerm *self)
{
  g_return_val_if_fail (UPR_IS_TERM (self), NULL);

  return self->code;
}

/* The French label when the interface is French, otherwise the English one. */
const char *
upr_term_get_label (UprTerm *self)
{
  g_return_val_if_fail (UPR_IS_TERM (self), NULL);

  return self->label;
}

const char *
upr_term_get_label_en (UprTerm *self)
{
  g_return_val_if_fail (UPR_IS_TERM (self), NULL);

  return self->label_en;
}

const char *
upr_term_get_label_fr (UprTerm *self)
{
  g_return_val_if_fail (UPR_IS_TERM (self), NULL);

  return self->label_fr;
}

const char *
upr_term_get_search_key (UprTerm *self)
{
  g_return_val_if_fail (UPR_IS_TERM (self), NULL);

  return self->search_key;
}
