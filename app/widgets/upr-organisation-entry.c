/* upr-organisation-entry.c: organisation name with suggestions; see the header.
 *
 * The suggestions live in a popover that never takes the keyboard (as GtkEntryCompletion's
 * did): the entry keeps focus and forwards Up, Down, Enter, Tab and Escape to the list. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-context.h"
#include "upr-fold.h"
#include "upr-form.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-record.h"

struct _UprOrganisationEntry
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkEntry           *entry;
  GtkPopover         *popover;
  GtkListView        *list;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;

  /* owned */
  UprContext         *context;
  UprOrganisation    *organisation; /* exact match of the text, or NULL */
  GHashTable         *folded_names; /* UprOrganisation → FoldedName, emptied on reload */
  gulong              reloaded_id;
  char               *folded;       /* the folded text, NULL when blank */
  char               *label;
  gboolean            accepting;    /* the text is being set from a suggestion */
};

G_DEFINE_FINAL_TYPE (UprOrganisationEntry, upr_organisation_entry, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_TEXT, PROP_ORGANISATION, PROP_LABEL, N_PROPS };
enum { ACTIVATE, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

/* Each organisation's name and acronym folded once, not at every keystroke. */
typedef struct
{
  char *name;
  char *acronym;
} FoldedName;

static void
folded_name_free (gpointer data)
{
  FoldedName *folded = data;

  g_free (folded->name);
  g_free (folded->acronym);
  g_free (folded);
}

static const FoldedName *
folded_name_of (UprOrganisationEntry *self,
                UprOrganisation      *organisation)
{
  FoldedName *folded = g_hash_table_lookup (self->folded_names, organisation);
  const char *name, *acronym;

  if (folded != NULL)
    return folded;
  name = upr_record_get_string (UPR_RECORD (organisation), "name");
  acronym = upr_record_get_string (UPR_RECORD (organisation), "acronym");
  folded = g_new0 (FoldedName, 1);
  folded->name = upr_fold (name != NULL ? name : "");
  folded->acronym = upr_fold (acronym != NULL ? acronym : "");
  g_hash_table_insert (self->folded_names, g_object_ref (organisation), folded);
  return folded;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  UprOrganisationEntry *self = user_data;
  const FoldedName *folded;

  if (self->folded == NULL)
    return FALSE;
  folded = folded_name_of (self, item);
  return upr_fold_match (folded->name, self->folded)
         || (folded->acronym[0] != '\0' && upr_fold_match (folded->acronym, self->folded));
}

static gboolean
is_named (UprOrganisationEntry *self,
          UprOrganisation      *organisation)
{
  const FoldedName *folded = folded_name_of (self, organisation);

  return g_str_equal (folded->name, self->folded) || g_str_equal (folded->acronym, self->folded);
}

static UprOrganisation *
find_exact (UprOrganisationEntry *self)
{
  GListModel *organisations;
  guint n;

  if (self->context == NULL || self->folded == NULL)
    return NULL;
  organisations = upr_context_get_organisations (self->context);
  n = g_list_model_get_n_items (organisations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprOrganisation) organisation = g_list_model_get_item (organisations, i);

      if (is_named (self, organisation))
        return g_steal_pointer (&organisation);
    }
  return NULL;
}

static void
update_organisation (UprOrganisationEntry *self)
{
  g_autoptr(UprOrganisation) found = find_exact (self);

  if (g_set_object (&self->organisation, found))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

static guint
n_suggestions (UprOrganisationEntry *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

static gboolean
entry_has_focus (UprOrganisationEntry *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL
         && (focus == GTK_WIDGET (self->entry)
             || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->entry)));
}

/* Nothing to suggest when the only suggestion is what is already typed. */
static gboolean
worth_suggesting (UprOrganisationEntry *self)
{
  guint n = n_suggestions (self);

  if (n == 0 || !entry_has_focus (self))
    return FALSE;
  return !(n == 1 && self->organisation != NULL);
}

static void
show_suggestions (UprOrganisationEntry *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  /* Wider than the entry: organisation names are long ("Ministère des Droits humains et
   * de la Solidarité nationale"), and a cut one is hard to choose. */
  gtk_widget_set_size_request (GTK_WIDGET (self->popover), MAX (width, 460), -1);
  gtk_popover_popup (self->popover);
}

static void
refresh_suggestions (UprOrganisationEntry *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->folded != NULL && worth_suggesting (self))
    show_suggestions (self);
  else
    gtk_popover_popdown (self->popover);
}

static void
accept_position (UprOrganisationEntry *self,
                 guint                 position)
{
  g_autoptr(UprOrganisation) organisation = NULL;
  const char *name;

  organisation = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
  if (organisation == NULL)
    return;
  name = upr_record_get_string (UPR_RECORD (organisation), "name");

  self->accepting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), name != NULL ? name : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->accepting = FALSE;
  gtk_popover_popdown (self->popover);
}

static void
move_selection (UprOrganisationEntry *self,
                int                   delta)
{
  guint n = n_suggestions (self);
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0)
    return;
  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    show_suggestions (self);
  if (selected == GTK_INVALID_LIST_POSITION)
    next = delta > 0 ? 0 : n - 1;
  else if (delta > 0)
    next = MIN (selected + 1, n - 1);
  else
    next = selected > 0 ? selected - 1 : 0;
  gtk_single_selection_set_selected (self->selection, next);
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", next);
}

/* The context refills its list with new objects when organisations change. */
static void
organisations_reloaded_cb (UprOrganisationEntry *self)
{
  g_hash_table_remove_all (self->folded_names);
  update_organisation (self);
}

static void
set_context (UprOrganisationEntry *self,
             UprContext           *context)
{
  if (self->context == context)
    return;
  if (self->context != NULL)
    g_clear_signal_handler (&self->reloaded_id, upr_context_get_organisations (self->context));
  g_hash_table_remove_all (self->folded_names);
  g_set_object (&self->context, context);
  if (context != NULL)
    self->reloaded_id = g_signal_connect_swapped (upr_context_get_organisations (context),
                                                  "items-changed",
                                                  G_CALLBACK (organisations_reloaded_cb), self);
  gtk_filter_list_model_set_model (self->filter_model,
                                   context != NULL ? upr_context_get_organisations (context)
                                                   : NULL);
  update_organisation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/* Signal callbacks */

static void
entry_changed_cb (UprOrganisationEntry *self)
{
  g_autofree char *folded = upr_fold (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  g_strstrip (folded);
  g_free (self->folded);
  self->folded = folded[0] != '\0' ? g_steal_pointer (&folded) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_organisation (self);
  if (!self->accepting)
    refresh_suggestions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
entry_activated_cb (UprOrganisationEntry *self)
{
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static gboolean
key_pressed_cb (UprOrganisationEntry *self,
                guint                 keyval,
                guint                 keycode,
                GdkModifierType       state)
{
  gboolean open = gtk_widget_get_visible (GTK_WIDGET (self->popover));
  guint selected = gtk_single_selection_get_selected (self->selection);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, +1);
      return n_suggestions (self) > 0;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!open)
        return FALSE;
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (!open || selected == GTK_INVALID_LIST_POSITION)
        return FALSE;
      accept_position (self, selected);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (open && selected != GTK_INVALID_LIST_POSITION)
        accept_position (self, selected);
      gtk_popover_popdown (self->popover);
      return FALSE;
    case GDK_KEY_Escape:
      if (!open)
        return FALSE;
      gtk_popover_popdown (self->popover);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_left_cb (UprOrganisationEntry *self)
{
  gtk_popover_popdown (self->popover);
}

static void
suggestion_activated_cb (UprOrganisationEntry *self,
                         guint                 position)
{
  accept_position (self, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* Overrides */

static void
upr_organisation_entry_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (UPR_ORGANISATION_ENTRY (widget)->entry), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The popover is a native surface: it is placed, not allocated. */
static void
upr_organisation_entry_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  UprOrganisationEntry *self = UPR_ORGANISATION_ENTRY (widget);

  gtk_widget_size_allocate (GTK_WIDGET (self->entry),
                            &(GtkAllocation) { 0, 0, width, height }, baseline);
  gtk_popover_present (self->popover);
}

static gboolean
upr_organisation_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (UPR_ORGANISATION_ENTRY (widget)->entry));
}

static void
upr_organisation_entry_dispose (GObject *object)
{
  UprOrganisationEntry *self = UPR_ORGANISATION_ENTRY (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->reloaded_id, upr_context_get_organisations (self->context));
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_ORGANISATION_ENTRY);
  g_clear_object (&self->organisation);
  g_clear_object (&self->context);
  g_clear_pointer (&self->folded_names, g_hash_table_unref);

  G_OBJECT_CLASS (upr_organisation_entry_parent_class)->dispose (object);
}

static void
upr_organisation_entry_finalize (GObject *object)
{
  UprOrganisationEntry *self = UPR_ORGANISATION_ENTRY (object);

  g_free (self->folded);
  g_free (self->label);

  G_OBJECT_CLASS (upr_organisation_entry_parent_class)->finalize (object);
}

static void
upr_organisation_entry_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UprOrganisationEntry *self = UPR_ORGANISATION_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TEXT:
      g_value_set_string (value, upr_organisation_entry_get_text (self));
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_organisation_entry_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  UprOrganisationEntry *self = UPR_ORGANISATION_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_TEXT:
      upr_organisation_entry_set_text (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->label, -1);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_organisation_entry_class_init (UprOrganisationEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_organisation_entry_dispose;
  object_class->finalize = upr_organisation_entry_finalize;
  object_class->get_property = upr_organisation_entry_get_property;
  object_class->set_property = upr_organisation_entry_set_property;
  widget_class->measure = upr_organisation_entry_measure;
  widget_class->size_allocate = upr_organisation_entry_size_allocate;
  widget_class->grab_focus = upr_organisation_entry_grab_focus;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, UPR_TYPE_ORGANISATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (UPR_TYPE_ORGANISATION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-organisation-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, UprOrganisationEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, UprOrganisationEntry, popover);
  gtk_widget_class_bind_template_child (widget_class, UprOrganisationEntry, list);
  gtk_widget_class_bind_template_child (widget_class, UprOrganisationEntry, selection);
  gtk_widget_class_bind_template_child (widget_class, UprOrganisationEntry, filter_model);
  gtk_widget_class_bind_template_child (widget_class, UprOrganisationEntry, filter);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_activated_cb);
}

static void
upr_organisation_entry_init (UprOrganisationEntry *self)
{
  self->folded_names = g_hash_table_new_full (NULL, NULL, g_object_unref, folded_name_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
}

/* Public API */

const char *
upr_organisation_entry_get_text (UprOrganisationEntry *self)
{
  g_return_val_if_fail (UPR_IS_ORGANISATION_ENTRY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

/* Setting the text from outside (filling a form) never pops the suggestions up. */
void
upr_organisation_entry_set_text (UprOrganisationEntry *self,
                                 const char           *text)
{
  g_return_if_fail (UPR_IS_ORGANISATION_ENTRY (self));

  self->accepting = TRUE;
  upr_form_set_text (GTK_EDITABLE (self->entry), text);
  self->accepting = FALSE;
  gtk_popover_popdown (self->popover);
}

UprOrganisation *
upr_organisation_entry_get_organisation (UprOrganisationEntry *self)
{
  g_return_val_if_fail (UPR_IS_ORGANISATION_ENTRY (self), NULL);

  return self->organisation;
}

GtkEditable *
upr_organisation_entry_get_editable (UprOrganisationEntry *self)
{
  g_return_val_if_fail (UPR_IS_ORGANISATION_ENTRY (self), NULL);

  return GTK_EDITABLE (self->entry);
}

void
upr_organisation_entry_close (UprOrganisationEntry *self)
{
  g_return_if_fail (UPR_IS_ORGANISATION_ENTRY (self));

  gtk_popover_popdown (self->popover);
}

void
upr_organisation_entry_sync_stakeholder (UprOrganisationEntry *self,
                                         GtkDropDown          *stakeholder_drop_down)
{
  UprOrganisation *known;
  const char *text;

  g_return_if_fail (UPR_IS_ORGANISATION_ENTRY (self));
  g_return_if_fail (GTK_IS_DROP_DOWN (stakeholder_drop_down));

  known = upr_organisation_entry_get_organisation (self);
  text = upr_organisation_entry_get_text (self);
  if (known != NULL)
    upr_form_set_vocab_id (stakeholder_drop_down,
                           upr_record_get_string (UPR_RECORD (known), "stakeholder-type"));
  gtk_widget_set_sensitive (GTK_WIDGET (stakeholder_drop_down), known == NULL && text[0] != '\0');
}
