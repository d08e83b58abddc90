/* upr-term-chooser.c: check buttons over the reference vocabularies; see the header.
 *
 * The vocabularies are reference data with a few hundred entries: one check button each,
 * built once when the terms are given, is simpler than a list view and fast enough. */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "upr-store.h"
#include "upr-term.h"
#include "upr-term-chooser.h"
#include "upr-vocab.h"

struct _UprTermChooser
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkMenuButton  *button;
  GtkBox         *groups;

  /* owned */
  GPtrArray      *ids;     /* term ids, in the order shown */
  GPtrArray      *labels;  /* their labels, in the same order */
  GPtrArray      *checks;  /* their check buttons (borrowed from the box) */
  gboolean        filling; /* checks are set by code, not by the user */
};

G_DEFINE_FINAL_TYPE (UprTermChooser, upr_term_chooser, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_LABEL, N_PROPS };
enum { CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

/* The goal of an "sdg:N" id, 0 for any other term. */
static guint
goal_of (const char *id)
{
  return g_str_has_prefix (id, "sdg:") ? (guint) atoi (id + 4) : 0;
}

static void
clear (UprTermChooser *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
  g_ptr_array_set_size (self->ids, 0);
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_set_size (self->checks, 0);
}

static void
add_heading (UprTermChooser *self,
             const char     *scheme)
{
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "label", upr_vocab_label (UPR_VOCAB_TERM_SCHEME, scheme),
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, gtk_widget_get_first_child (GTK_WIDGET (self->groups))
                                      != NULL ? 12 : 0);
  gtk_box_append (self->groups, heading);
}

/* Signal callbacks */

static void
toggled_cb (UprTermChooser *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Overrides */

static void
upr_term_chooser_dispose (GObject *object)
{
  UprTermChooser *self = UPR_TERM_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_TERM_CHOOSER);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (upr_term_chooser_parent_class)->dispose (object);
}

static void
upr_term_chooser_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UprTermChooser *self = UPR_TERM_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, gtk_menu_button_get_label (self->button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_term_chooser_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UprTermChooser *self = UPR_TERM_CHOOSER (object);
  const char *label;

  switch (prop_id)
    {
    case PROP_LABEL:
      label = g_value_get_string (value);
      if (g_strcmp0 (label, gtk_menu_button_get_label (self->button)) == 0)
        break;
      gtk_menu_button_set_label (self->button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_term_chooser_class_init (UprTermChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_term_chooser_dispose;
  object_class->get_property = upr_term_chooser_get_property;
  object_class->set_property = upr_term_chooser_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-term-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, UprTermChooser, button);
  gtk_widget_class_bind_template_child (widget_class, UprTermChooser, groups);
}

static void
upr_term_chooser_init (UprTermChooser *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
upr_term_chooser_new (void)
{
  return g_object_new (UPR_TYPE_TERM_CHOOSER, NULL);
}

void
upr_term_chooser_set_terms (UprTermChooser *self,
                            GListModel     *terms)
{
  const char *scheme = NULL;
  guint n;

  g_return_if_fail (UPR_IS_TERM_CHOOSER (self));
  g_return_if_fail (G_IS_LIST_MODEL (terms));

  clear (self);
  n = g_list_model_get_n_items (terms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprTerm) term = g_list_model_get_item (terms, i);
      guint goal = goal_of (upr_term_get_id (term));
      g_autofree char *label = NULL;
      GtkWidget *check;

      if (g_strcmp0 (scheme, upr_term_get_scheme (term)) != 0)
        {
          scheme = g_intern_string (upr_term_get_scheme (term));
          add_heading (self, scheme);
        }
      /* Translators: an SDG in the chooser: its number and title ("5. Gender equality") */
      label = goal != 0 ? g_strdup_printf (_("%u. %s"), goal, upr_term_get_label (term))
                        : g_strdup (upr_term_get_label (term));
      check = gtk_check_button_new_with_label (label);
      g_signal_connect_object (check, "toggled", G_CALLBACK (toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->groups, check);
      g_ptr_array_add (self->ids, g_strdup (upr_term_get_id (term)));
      g_ptr_array_add (self->labels, g_steal_pointer (&label));
      g_ptr_array_add (self->checks, check);
    }
}

void
upr_term_chooser_set_chosen (UprTermChooser     *self,
                             const char * const *term_ids,
                             guint               sdg_goals)
{
  g_return_if_fail (UPR_IS_TERM_CHOOSER (self));

  self->filling = TRUE;
  for (guint i = 0; i < self->ids->len; i++)
    {
      const char *id = self->ids->pdata[i];
      guint goal = goal_of (id);
      gboolean active = goal != 0 ? (sdg_goals & UPR_SDG_BIT (goal)) != 0
                                  : term_ids != NULL && g_strv_contains (term_ids, id);

      gtk_check_button_set_active (self->checks->pdata[i], active);
    }
  self->filling = FALSE;
}

char **
upr_term_chooser_get_term_ids (UprTermChooser *self)
{
  GStrvBuilder *builder;
  char **ids;

  g_return_val_if_fail (UPR_IS_TERM_CHOOSER (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->ids->len; i++)
    if (goal_of (self->ids->pdata[i]) == 0
        && gtk_check_button_get_active (self->checks->pdata[i]))
      g_strv_builder_add (builder, self->ids->pdata[i]);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

guint
upr_term_chooser_get_sdg_goals (UprTermChooser *self)
{
  guint goals = 0;

  g_return_val_if_fail (UPR_IS_TERM_CHOOSER (self), 0);

  for (guint i = 0; i < self->ids->len; i++)
    {
      guint goal = goal_of (self->ids->pdata[i]);

      if (goal != 0 && gtk_check_button_get_active (self->checks->pdata[i]))
        goals |= UPR_SDG_BIT (goal);
    }
  return goals;
}

char *
upr_term_chooser_describe (UprTermChooser *self)
{
  GString *terms = g_string_new (NULL);
  GString *goals = g_string_new (NULL);

  g_return_val_if_fail (UPR_IS_TERM_CHOOSER (self), NULL);

  for (guint i = 0; i < self->ids->len; i++)
    {
      guint goal = goal_of (self->ids->pdata[i]);

      if (!gtk_check_button_get_active (self->checks->pdata[i]))
        continue;
      if (goal != 0)
        g_string_append_printf (goals, goals->len > 0 ? ", %u" : "%u", goal);
      else
        {
          if (terms->len > 0)
            /* Translators: separates the themes in a list of them */
            g_string_append (terms, _(", "));
          g_string_append (terms, self->labels->pdata[i]);
        }
    }
  if (goals->len > 0)
    {
      if (terms->len > 0)
        g_string_append (terms, " · ");
      /* Translators: the SDGs a recommendation is linked to, %s their numbers ("5, 16") */
      g_string_append_printf (terms, _("SDG %s"), goals->str);
    }
  g_string_free (goals, TRUE);
  if (terms->len == 0)
    {
      g_string_free (terms, TRUE);
      return NULL;
    }
  return g_string_free (terms, FALSE);
}

gboolean
upr_term_chooser_toggle (UprTermChooser *self,
                         const char     *term_id,
                         gboolean        active)
{
  g_return_val_if_fail (UPR_IS_TERM_CHOOSER (self), FALSE);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_strcmp0 (self->ids->pdata[i], term_id) == 0)
      {
        gtk_check_button_set_active (self->checks->pdata[i], active);
        return TRUE;
      }
  return FALSE;
}
