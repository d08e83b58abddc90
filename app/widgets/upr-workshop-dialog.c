/* upr-workshop-dialog.c: creates a workshop from its title, kind, country and dates.
 *
 * Mistakes are shown beside the field (and given to screen readers as the field's
 * description) rather than by disabling the Create button, so the user learns what is
 * missing. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-workshop-dialog.h"

#include "upr-context.h"
#include "upr-country.h"
#include "upr-date-entry.h"
#include "upr-form.h"
#include "upr-store.h"
#include "upr-workshop.h"

struct _UprWorkshopDialog
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkEntry     *title_entry;
  GtkLabel     *title_error;
  GtkDropDown  *kind_drop_down;
  GtkDropDown  *country_drop_down;
  GtkLabel     *country_error;
  UprDateEntry *start_date_entry;
  UprDateEntry *end_date_entry;
  GtkLabel     *start_date_label;
  GtkLabel     *end_date_label;
  GtkLabel     *dates_error;
  GtkLabel     *save_error;

  /* owned */
  UprContext *context;
};

G_DEFINE_FINAL_TYPE (UprWorkshopDialog, upr_workshop_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_WORKSHOP_TITLE,
  PROP_KIND,
  PROP_COUNTRY_CODE,
  PROP_START_DATE,
  PROP_END_DATE,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
get_country_code (UprWorkshopDialog *self)
{
  UprCountry *country = gtk_drop_down_get_selected_item (self->country_drop_down);

  return country != NULL ? upr_country_get_code (country) : NULL;
}

static void
set_country_code (UprWorkshopDialog *self,
                  const char        *code)
{
  GListModel *countries = gtk_drop_down_get_model (self->country_drop_down);
  guint n = countries != NULL ? g_list_model_get_n_items (countries) : 0;

  for (guint i = 0; code != NULL && i < n; i++)
    {
      g_autoptr (UprCountry) country = g_list_model_get_item (countries, i);

      if (g_ascii_strcasecmp (upr_country_get_code (country), code) == 0)
        {
          gtk_drop_down_set_selected (self->country_drop_down, i);
          return;
        }
    }

  gtk_drop_down_set_selected (self->country_drop_down, GTK_INVALID_LIST_POSITION);
}

static void
clear_errors (UprWorkshopDialog *self)
{
  upr_form_show_error (GTK_WIDGET (self->title_entry), self->title_error, NULL);
  upr_form_show_error (GTK_WIDGET (self->country_drop_down), self->country_error, NULL);
  upr_form_show_error (GTK_WIDGET (upr_date_entry_get_editable (self->start_date_entry)),
                       self->dates_error, NULL);
  upr_form_show_error (GTK_WIDGET (upr_date_entry_get_editable (self->end_date_entry)),
                       self->dates_error, NULL);
  upr_form_show_error (NULL, self->save_error, NULL);
}

/* Checks one date field; on a mistake shows it and gives the field the focus. */
static gboolean
check_date (UprWorkshopDialog  *self,
            UprDateEntry       *entry,
            char              **normalised)
{
  GtkWidget *field = GTK_WIDGET (upr_date_entry_get_editable (entry));

  if (upr_form_parse_date (upr_date_entry_get_text (entry), normalised))
    return TRUE;

  upr_form_show_error (field, self->dates_error,
                       _("Enter the date as YYYY-MM-DD, for example 2024-03-27."));
  gtk_widget_grab_focus (field);
  return FALSE;
}

/* Checks the fields in the order they are shown and fills @workshop; FALSE (with the first
 * mistake shown) when one needs correcting. */
static gboolean
fill_workshop (UprWorkshopDialog *self,
               UprWorkshop       *workshop)
{
  g_autofree char *title = upr_form_get_text (GTK_EDITABLE (self->title_entry));
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *country = get_country_code (self);

  if (title == NULL)
    {
      upr_form_show_error (GTK_WIDGET (self->title_entry), self->title_error,
                           _("A workshop needs a title."));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
      return FALSE;
    }
  if (country == NULL)
    {
      upr_form_show_error (GTK_WIDGET (self->country_drop_down), self->country_error,
                           _("Choose the country where the workshop takes place."));
      gtk_widget_grab_focus (GTK_WIDGET (self->country_drop_down));
      return FALSE;
    }
  if (!check_date (self, self->start_date_entry, &start)
      || !check_date (self, self->end_date_entry, &end))
    return FALSE;
  if (start != NULL && end != NULL && strcmp (end, start) < 0)
    {
      GtkWidget *field = GTK_WIDGET (upr_date_entry_get_editable (self->end_date_entry));

      upr_form_show_error (field, self->dates_error,
                           _("The workshop cannot end before it starts."));
      gtk_widget_grab_focus (field);
      return FALSE;
    }

  g_object_set (workshop,
                "title", title,
                "kind", upr_form_get_vocab_id (self->kind_drop_down),
                "country-code", country,
                "start-date", start,
                "end-date", end != NULL ? end : start,
                NULL);
  return TRUE;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprWorkshopDialog *self = UPR_WORKSHOP_DIALOG (widget);
  g_autoptr (UprWorkshop) workshop = upr_workshop_new ();
  g_autoptr (GError) error = NULL;

  clear_errors (self);
  if (!fill_workshop (self, workshop))
    return;

  if (!upr_store_save (upr_context_get_store (self->context), UPR_RECORD (workshop), &error))
    {
      upr_form_show_error (NULL, self->save_error, error->message);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, workshop);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
upr_workshop_dialog_constructed (GObject *object)
{
  UprWorkshopDialog *self = UPR_WORKSHOP_DIALOG (object);

  G_OBJECT_CLASS (upr_workshop_dialog_parent_class)->constructed (object);

  g_assert (UPR_IS_CONTEXT (self->context));
  gtk_drop_down_set_model (self->country_drop_down, upr_context_get_countries (self->context));
  gtk_drop_down_set_selected (self->country_drop_down, GTK_INVALID_LIST_POSITION);
}

static void
upr_workshop_dialog_dispose (GObject *object)
{
  UprWorkshopDialog *self = UPR_WORKSHOP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_WORKSHOP_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_workshop_dialog_parent_class)->dispose (object);
}

static void
upr_workshop_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UprWorkshopDialog *self = UPR_WORKSHOP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_WORKSHOP_TITLE:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
      break;
    case PROP_KIND:
      g_value_set_string (value, upr_form_get_vocab_id (self->kind_drop_down));
      break;
    case PROP_COUNTRY_CODE:
      g_value_set_string (value, get_country_code (self));
      break;
    case PROP_START_DATE:
      g_value_set_string (value, upr_date_entry_get_text (self->start_date_entry));
      break;
    case PROP_END_DATE:
      g_value_set_string (value, upr_date_entry_get_text (self->end_date_entry));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_workshop_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UprWorkshopDialog *self = UPR_WORKSHOP_DIALOG (object);
  const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_WORKSHOP_TITLE:
      gtk_editable_set_text (GTK_EDITABLE (self->title_entry), text != NULL ? text : "");
      break;
    case PROP_KIND:
      upr_form_set_vocab_id (self->kind_drop_down, text != NULL ? text : "consultation");
      break;
    case PROP_COUNTRY_CODE:
      set_country_code (self, text);
      break;
    case PROP_START_DATE:
      upr_date_entry_set_text (self->start_date_entry, text);
      break;
    case PROP_END_DATE:
      upr_date_entry_set_text (self->end_date_entry, text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_workshop_dialog_class_init (UprWorkshopDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = upr_workshop_dialog_constructed;
  object_class->dispose = upr_workshop_dialog_dispose;
  object_class->get_property = upr_workshop_dialog_get_property;
  object_class->set_property = upr_workshop_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSHOP_TITLE] =
    g_param_spec_string ("workshop-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UprWorkshopDialog::created:
   * @workshop: the workshop just saved
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, UPR_TYPE_WORKSHOP);

  g_type_ensure (UPR_TYPE_DATE_ENTRY);
  g_type_ensure (UPR_TYPE_COUNTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-workshop-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, country_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, country_error);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, start_date_entry);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, end_date_entry);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, start_date_label);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, end_date_label);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, dates_error);
  gtk_widget_class_bind_template_child (widget_class, UprWorkshopDialog, save_error);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upr_workshop_dialog_init (UprWorkshopDialog *self)
{
  GtkEditable *start;
  GtkEditable *end;

  gtk_widget_init_template (GTK_WIDGET (self));

  upr_form_setup_vocab_drop_down (self->kind_drop_down, UPR_VOCAB_WORKSHOP_KIND, NULL);
  upr_form_set_vocab_id (self->kind_drop_down, "consultation");

  /* The date entries are composite: the labels point at the text inside them, and Enter
   * there creates the workshop like everywhere else in the dialog. */
  start = upr_date_entry_get_editable (self->start_date_entry);
  end = upr_date_entry_get_editable (self->end_date_entry);
  gtk_label_set_mnemonic_widget (self->start_date_label, GTK_WIDGET (start));
  gtk_label_set_mnemonic_widget (self->end_date_label, GTK_WIDGET (end));
  if (GTK_IS_ENTRY (start))
    gtk_entry_set_activates_default (GTK_ENTRY (start), TRUE);
  if (GTK_IS_ENTRY (end))
    gtk_entry_set_activates_default (GTK_ENTRY (end), TRUE);
}

UprWorkshopDialog *
upr_workshop_dialog_new (GtkWindow  *parent,
                         UprContext *context,
                         const char *country_code)
{
  UprWorkshopDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);

  self = g_object_new (UPR_TYPE_WORKSHOP_DIALOG,
                       "context", context,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  set_country_code (self, country_code);

  return self;
}
