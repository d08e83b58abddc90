/* upr-context.c: the store, the settings and the lists every page shares.
 *
 * The countries and organisations are GListStores owned here and refilled in place when the
 * store reports a change, so a sidebar or a drop-down bound to them once stays bound, and
 * keeps its selection when the rows it shows did not change. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-context.h"

#include "upr-country.h"
#include "upr-organisation.h"
#include "upr-store.h"

struct _UprContext
{
  GObject parent_instance;

  /* owned */
  UprStore   *store;
  GSettings  *settings;      /* nullable */
  GListStore *countries;     /* UprCountry */
  GListStore *organisations; /* UprOrganisation */
  gulong      workshop_changed_id;
  gulong      recommendation_changed_id;
  gulong      organisation_changed_id;
};

G_DEFINE_FINAL_TYPE (UprContext, upr_context, G_TYPE_OBJECT)

enum { PROP_0, PROP_STORE, PROP_SETTINGS, PROP_COUNTRIES, PROP_ORGANISATIONS, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Helpers */

typedef gboolean (*SameFunc) (gpointer a,
                              gpointer b);

static gboolean
same_at (GListModel *a,
         guint       i,
         GListModel *b,
         guint       j,
         SameFunc    same)
{
  g_autoptr(GObject) item_a = g_list_model_get_item (a, i);
  g_autoptr(GObject) item_b = g_list_model_get_item (b, j);

  return same (item_a, item_b);
}

/* Brings @target in line with @fresh in one splice of only the part that differs, so that
 * a view keeps its rows and its selection when, say, one country's count changed, and sees
 * nothing at all when nothing it shows changed. */
static void
refill (GListStore *target,
        GListModel *fresh,
        SameFunc    same)
{
  GListModel *old = G_LIST_MODEL (target);
  guint n_old = g_list_model_get_n_items (old);
  guint n_new = g_list_model_get_n_items (fresh);
  guint prefix = 0, suffix = 0;
  g_autoptr(GPtrArray) items = NULL;

  while (prefix < n_old && prefix < n_new && same_at (old, prefix, fresh, prefix, same))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix
         && same_at (old, n_old - 1 - suffix, fresh, n_new - 1 - suffix, same))
    suffix++;
  if (prefix == n_old && prefix == n_new)
    return;

  items = g_ptr_array_new_full (n_new - prefix - suffix, g_object_unref);
  for (guint i = prefix; i < n_new - suffix; i++)
    g_ptr_array_add (items, g_list_model_get_item (fresh, i));
  g_list_store_splice (target, prefix, n_old - prefix - suffix, items->pdata, items->len);
}

static gboolean
same_country (gpointer a,
              gpointer b)
{
  return g_str_equal (upr_country_get_code (a), upr_country_get_code (b))
         && upr_country_get_n_workshops (a) == upr_country_get_n_workshops (b)
         && upr_country_get_n_recommendations (a) == upr_country_get_n_recommendations (b);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT (a))
    return g_value_get_int (a) == g_value_get_int (b);
  return !g_value_get_boolean (a) == !g_value_get_boolean (b);
}

/* Every field, not only "updated-at": timestamps have a resolution of one second. */
static gboolean
same_organisation (gpointer a,
                   gpointer b)
{
  guint n_fields = UPR_RECORD_GET_CLASS (a)->n_fields;

  for (guint i = 0; i < n_fields; i++)
    if (!values_equal (upr_record_peek_value (a, i), upr_record_peek_value (b, i)))
      return FALSE;
  return TRUE;
}

/* A failed reload keeps the previous contents: stale lists beat empty ones. The message
 * names the database problem only, never a record. */
static void
reload_countries (UprContext *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fresh = upr_store_list_countries (self->store, &error);

  if (fresh == NULL)
    {
      g_warning ("Cannot reload the countries: %s", error->message);
      return;
    }
  refill (self->countries, fresh, same_country);
}

static void
reload_organisations (UprContext *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fresh = upr_store_list_organisations (self->store, NULL, &error);

  if (fresh == NULL)
    {
      g_warning ("Cannot reload the organisations: %s", error->message);
      return;
    }
  refill (self->organisations, fresh, same_organisation);
}

/* Signal callbacks */

static void
country_counts_changed_cb (UprStore   *store,
                      const char *table,
                      gpointer    user_data)
{
  reload_countries (user_data);
}

static void
organisations_changed_cb (UprStore   *store,
                          const char *table,
                          gpointer    user_data)
{
  reload_organisations (user_data);
}

/* Overrides */

static void
upr_context_constructed (GObject *object)
{
  UprContext *self = UPR_CONTEXT (object);

  G_OBJECT_CLASS (upr_context_parent_class)->constructed (object);

  g_assert (UPR_IS_STORE (self->store));

  if (self->settings != NULL)
    g_settings_bind (self->settings, "officer-name", self->store, "officer", G_SETTINGS_BIND_GET);

  self->workshop_changed_id = g_signal_connect (self->store, "changed::workshop",
                                                G_CALLBACK (country_counts_changed_cb), self);
  /* Countries with recommendations count as worked on too. */
  self->recommendation_changed_id = g_signal_connect (self->store, "changed::recommendation",
                                                      G_CALLBACK (country_counts_changed_cb), self);
  self->organisation_changed_id = g_signal_connect (self->store, "changed::organisation",
                                                    G_CALLBACK (organisations_changed_cb), self);
  reload_countries (self);
  reload_organisations (self);
}

static void
upr_context_dispose (GObject *object)
{
  UprContext *self = UPR_CONTEXT (object);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->workshop_changed_id, self->store);
      g_clear_signal_handler (&self->recommendation_changed_id, self->store);
      g_clear_signal_handler (&self->organisation_changed_id, self->store);
      if (self->settings != NULL)
        g_settings_unbind (self->store, "officer");
    }
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->countries);
  g_clear_object (&self->organisations);

  G_OBJECT_CLASS (upr_context_parent_class)->dispose (object);
}

static void
upr_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UprContext *self = UPR_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_COUNTRIES:
      g_value_set_object (value, self->countries);
      break;
    case PROP_ORGANISATIONS:
      g_value_set_object (value, self->organisations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  UprContext *self = UPR_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_context_class_init (UprContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = upr_context_constructed;
  object_class->dispose = upr_context_dispose;
  object_class->get_property = upr_context_get_property;
  object_class->set_property = upr_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, UPR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRIES] =
    g_param_spec_object ("countries", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATIONS] =
    g_param_spec_object ("organisations", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_context_init (UprContext *self)
{
  self->countries = g_list_store_new (UPR_TYPE_COUNTRY);
  self->organisations = g_list_store_new (UPR_TYPE_ORGANISATION);
}

/* Public API */

UprContext *
upr_context_new (UprStore  *store,
                 GSettings *settings)
{
  g_return_val_if_fail (UPR_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (UPR_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

UprStore *
upr_context_get_store (UprContext *self)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (self), NULL);

  return self->store;
}

GSettings *
upr_context_get_settings (UprContext *self)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (self), NULL);

  return self->settings;
}

GListModel *
upr_context_get_countries (UprContext *self)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->countries);
}

/* Returns a new reference: the list is refilled with new objects when workshops change, so
 * a borrowed country would not outlive the next save. */
UprCountry *
upr_context_find_country (UprContext *self,
                          const char *code)
{
  guint n;

  g_return_val_if_fail (UPR_IS_CONTEXT (self), NULL);

  if (code == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->countries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (G_LIST_MODEL (self->countries), i);

      if (g_ascii_strcasecmp (upr_country_get_code (country), code) == 0)
        return g_steal_pointer (&country);
    }
  return NULL;
}

GListModel *
upr_context_get_organisations (UprContext *self)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (self), NULL);

  return G_LIST_MODEL (self->organisations);
}

UprOrganisation *
upr_context_ensure_organisation (UprContext  *self,
                                 const char  *name,
                                 const char  *stakeholder_type,
                                 const char  *country_code,
                                 GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(UprOrganisation) organisation = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (UPR_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (trimmed[0] == '\0')
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT,
                   _("An organisation needs a name."));
      return NULL;
    }

  organisation = upr_store_find_organisation (self->store, trimmed, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (organisation != NULL)
    return g_steal_pointer (&organisation);

  organisation = upr_organisation_new ();
  upr_record_set_string (UPR_RECORD (organisation), "name", trimmed);
  if (stakeholder_type != NULL)
    upr_record_set_string (UPR_RECORD (organisation), "stakeholder-type", stakeholder_type);
  upr_record_set_string (UPR_RECORD (organisation), "country-code", country_code);
  if (!upr_store_save (self->store, UPR_RECORD (organisation), error))
    return NULL;
  return g_steal_pointer (&organisation);
}
