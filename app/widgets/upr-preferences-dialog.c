/* upr-preferences-dialog.c: each control is bound to its GSettings key, so a change is
 * saved as it is made and the context passes the officer's name on to the change log. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-preferences-dialog.h"

#include "upr-context.h"
#include "upr-country.h"
#include "upr-form.h"

struct _UprPreferencesDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkEntry      *officer_entry;
  GtkDropDown   *language_drop_down;
  GtkDropDown   *country_drop_down;
  GtkStringList *country_names;

  /* owned */
  UprContext *context;
  GPtrArray  *country_codes; /* parallel to country_names; "" first, for "None" */
};

G_DEFINE_FINAL_TYPE (UprPreferencesDialog, upr_preferences_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The entries of the language drop-down, in order: System, English, Français. */
static const char *const languages[] = { "", "en", "fr" };

static gboolean
language_to_position (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i], language) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_language (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  return g_variant_new_string (position < G_N_ELEMENTS (languages) ? languages[position] : "");
}

static gboolean
country_to_position (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  UprPreferencesDialog *self = user_data;
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < self->country_codes->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->country_codes, i), code) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_country (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  UprPreferencesDialog *self = user_data;
  guint position = g_value_get_uint (value);

  if (position >= self->country_codes->len)
    position = 0;

  return g_variant_new_string (g_ptr_array_index (self->country_codes, position));
}

/* "None", then the countries in the order of the sidebar (those with data first). */
static void
fill_countries (UprPreferencesDialog *self)
{
  GListModel *countries = upr_context_get_countries (self->context);
  guint n = g_list_model_get_n_items (countries);

  g_ptr_array_add (self->country_codes, g_strdup (""));
  gtk_string_list_append (self->country_names, C_("country", "None"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (UprCountry) country = g_list_model_get_item (countries, i);

      g_ptr_array_add (self->country_codes, g_strdup (upr_country_get_code (country)));
      gtk_string_list_append (self->country_names, upr_country_get_name (country));
    }
}

static void
upr_preferences_dialog_constructed (GObject *object)
{
  UprPreferencesDialog *self = UPR_PREFERENCES_DIALOG (object);
  GSettings *settings;

  G_OBJECT_CLASS (upr_preferences_dialog_parent_class)->constructed (object);

  g_assert (UPR_IS_CONTEXT (self->context));
  settings = upr_context_get_settings (self->context);
  g_assert (G_IS_SETTINGS (settings));

  fill_countries (self);

  g_settings_bind (settings, "officer-name", self->officer_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "language", self->language_drop_down, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_position,
                                position_to_language, NULL, NULL);
  g_settings_bind_with_mapping (settings, "default-country", self->country_drop_down, "selected",
                                G_SETTINGS_BIND_DEFAULT, country_to_position,
                                position_to_country, self, NULL);
}

static void
upr_preferences_dialog_dispose (GObject *object)
{
  UprPreferencesDialog *self = UPR_PREFERENCES_DIALOG (object);

  /* The mappings use self->country_codes: unbind before it goes. */
  if (self->country_drop_down != NULL)
    g_settings_unbind (self->country_drop_down, "selected");
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_preferences_dialog_parent_class)->dispose (object);
}

static void
upr_preferences_dialog_finalize (GObject *object)
{
  UprPreferencesDialog *self = UPR_PREFERENCES_DIALOG (object);

  g_ptr_array_unref (self->country_codes);

  G_OBJECT_CLASS (upr_preferences_dialog_parent_class)->finalize (object);
}

static void
upr_preferences_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UprPreferencesDialog *self = UPR_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_preferences_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  UprPreferencesDialog *self = UPR_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_preferences_dialog_class_init (UprPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = upr_preferences_dialog_constructed;
  object_class->dispose = upr_preferences_dialog_dispose;
  object_class->finalize = upr_preferences_dialog_finalize;
  object_class->get_property = upr_preferences_dialog_get_property;
  object_class->set_property = upr_preferences_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UprPreferencesDialog, officer_entry);
  gtk_widget_class_bind_template_child (widget_class, UprPreferencesDialog, language_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprPreferencesDialog, country_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprPreferencesDialog, country_names);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upr_preferences_dialog_init (UprPreferencesDialog *self)
{
  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  upr_form_add_drop_down_keys (self->language_drop_down);
}

UprPreferencesDialog *
upr_preferences_dialog_new (GtkWindow  *parent,
                            UprContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (upr_context_get_settings (context) != NULL, NULL);

  return g_object_new (UPR_TYPE_PREFERENCES_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
