/* upr-programme-view.c: the Programme tab; see the header.
 *
 * A programme has a dozen items, so a GtkListBox (rows that can be dragged onto each other)
 * serves better than a recycling list view. The view keeps its own GListStore in the
 * stored order; every move is written with upr_store_reorder_agenda() at once. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-agenda-editor.h"
#include "upr-agenda-item.h"
#include "upr-agenda-row.h"
#include "upr-context.h"
#include "upr-form.h"
#include "upr-organisation.h"
#include "upr-programme-view.h"
#include "upr-store.h"
#include "upr-undo-bar.h"
#include "upr-workshop.h"

struct _UprProgrammeView
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkStack    *stack;
  GtkListBox  *list;
  GtkLabel    *message;

  /* owned */
  UprContext  *context;
  UprWorkshop *workshop;
  UprUndoBar  *undo_bar;
  GListStore  *items;              /* UprAgendaItem, in order */
  GHashTable  *organisation_names; /* id → name */
  gulong       changed_id;
  guint        busy;               /* our own store calls: their ::changed needs no reload */
};

G_DEFINE_FINAL_TYPE (UprProgrammeView, upr_programme_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_WORKSHOP, PROP_UNDO_BAR, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* What Undo needs after an item was removed. */
typedef struct
{
  UprProgrammeView *view;
  UprAgendaItem    *item;
  char             *workshop_id;
  guint             position;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->view);
  g_object_unref (removal->item);
  g_free (removal->workshop_id);
  g_free (removal);
}

/* Helpers */

static UprStore *
store_of (UprProgrammeView *self)
{
  return upr_context_get_store (self->context);
}

static void
show_message (UprProgrammeView *self,
              const char       *message)
{
  upr_form_show_error (NULL, self->message, message);
}

static void
collect_organisation_names (UprProgrammeView *self)
{
  GListModel *organisations = upr_context_get_organisations (self->context);
  guint n = g_list_model_get_n_items (organisations);

  g_hash_table_remove_all (self->organisation_names);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) organisation = g_list_model_get_item (organisations, i);
      const char *id = upr_record_get_id (organisation);
      const char *name = upr_record_get_string (organisation, "name");

      if (id != NULL && name != NULL)
        g_hash_table_insert (self->organisation_names, g_strdup (id), g_strdup (name));
    }
}

static void
update_actions (UprProgrammeView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  gboolean ready = self->workshop != NULL && self->context != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programme.add", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programme.move-up", ready && index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programme.move-down",
                                 ready && index >= 0 && (guint) index + 1 < n);
}

static void
update_page (UprProgrammeView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  update_actions (self);
}

static void
reload (UprProgrammeView *self)
{
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (self->context != NULL && self->workshop != NULL
      && upr_record_get_id (UPR_RECORD (self->workshop)) != NULL)
    {
      fresh = upr_store_list_agenda (store_of (self),
                                     upr_record_get_id (UPR_RECORD (self->workshop)), &error);
      if (fresh == NULL)
        show_message (self, error->message);
    }
  if (fresh != NULL)
    {
      guint n = g_list_model_get_n_items (fresh);

      collect_organisation_names (self);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (fresh, i));
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  update_page (self);
}

static int
index_of (UprProgrammeView *self,
          UprAgendaItem    *item)
{
  guint position;

  return g_list_store_find (self->items, item, &position) ? (int) position : -1;
}

static UprAgendaItem *
find_item (UprProgrammeView *self,
           const char       *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (upr_record_get_id (UPR_RECORD (item)), id) == 0)
        return item;
    }
  return NULL;
}

/* "" (from a key binding) means the selected row. */
static UprAgendaItem *
item_for_parameter (UprProgrammeView *self,
                    GVariant         *parameter)
{
  const char *id = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";
  GtkListBoxRow *row;

  if (id[0] != '\0')
    return find_item (self, id);
  row = gtk_list_box_get_selected_row (self->list);
  return row != NULL ? upr_agenda_row_get_item (UPR_AGENDA_ROW (row)) : NULL;
}

static void
focus_position (UprProgrammeView *self,
                int               position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, position);

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static gboolean
save_order (UprProgrammeView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->busy++;
  ok = upr_store_reorder_agenda (store_of (self), G_LIST_MODEL (self->items), &error);
  self->busy--;
  if (!ok)
    {
      show_message (self, error->message);
      reload (self);
    }
  return ok;
}

static void
move_item (UprProgrammeView *self,
           guint             from,
           guint             to)
{
  g_autoptr(UprAgendaItem) item = NULL;

  if (from == to || to >= g_list_model_get_n_items (G_LIST_MODEL (self->items)))
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), from);
  g_list_store_remove (self->items, from);
  g_list_store_insert (self->items, to, item);
  show_message (self, NULL);
  if (save_order (self))
    focus_position (self, (int) to);
  update_actions (self);
}

static void
undo_removal (gpointer data)
{
  Removal *removal = data;
  UprProgrammeView *self = removal->view;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->context == NULL)
    return;
  self->busy++;
  ok = upr_store_save (store_of (self), UPR_RECORD (removal->item), &error);
  self->busy--;
  if (!ok)
    {
      show_message (self, error->message);
      return;
    }
  if (self->workshop == NULL
      || g_strcmp0 (upr_record_get_id (UPR_RECORD (self->workshop)), removal->workshop_id) != 0)
    return;

  g_list_store_insert (self->items,
                       MIN (removal->position,
                            g_list_model_get_n_items (G_LIST_MODEL (self->items))),
                       removal->item);
  save_order (self);
  update_page (self);
  focus_position (self, index_of (self, removal->item));
}

static void
remove_item (UprProgrammeView *self,
             UprAgendaItem    *item)
{
  g_autoptr(UprAgendaItem) kept = g_object_ref (item);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *title = upr_record_get_string (UPR_RECORD (item), "title");
  int position = index_of (self, item);
  Removal *removal;
  gboolean ok;

  self->busy++;
  ok = upr_store_delete (store_of (self), UPR_RECORD (item), &error);
  self->busy--;
  if (!ok)
    {
      show_message (self, error->message);
      return;
    }
  show_message (self, NULL);
  g_list_store_remove (self->items, (guint) position);
  save_order (self);
  update_page (self);
  focus_position (self,
                  MIN (position, (int) g_list_model_get_n_items (G_LIST_MODEL (self->items)) - 1));

  if (self->undo_bar == NULL)
    return;
  removal = g_new0 (Removal, 1);
  removal->view = g_object_ref (self);
  removal->item = g_steal_pointer (&kept);
  removal->workshop_id = g_strdup (upr_record_get_id (UPR_RECORD (self->workshop)));
  removal->position = (guint) position;
  /* Translators: shown after a programme item was removed, with an Undo button. */
  text = g_strdup_printf (_("“%s” removed from the programme"), title != NULL ? title : "");
  upr_undo_bar_offer (self->undo_bar, text, undo_removal, NULL, removal, removal_free);
}

static void
open_editor (UprProgrammeView *self,
             UprAgendaItem    *item);

/* Signal callbacks */

static void
item_dropped_cb (UprAgendaRow     *row,
                 UprAgendaItem    *dragged,
                 UprProgrammeView *self)
{
  int from = index_of (self, dragged);
  int to = index_of (self, upr_agenda_row_get_item (row));

  if (from >= 0 && to >= 0)
    move_item (self, (guint) from, (guint) to);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  UprProgrammeView *self = user_data;
  const char *organisation_id = upr_record_get_string (UPR_RECORD (item), "organisation-id");
  GtkWidget *row;

  row = upr_agenda_row_new (UPR_AGENDA_ITEM (item),
                            organisation_id != NULL
                              ? g_hash_table_lookup (self->organisation_names, organisation_id)
                              : NULL);
  g_signal_connect_object (row, "item-dropped", G_CALLBACK (item_dropped_cb), self, 0);
  return row;
}

static void
row_activated_cb (UprProgrammeView *self,
                  GtkListBoxRow    *row)
{
  open_editor (self, upr_agenda_row_get_item (UPR_AGENDA_ROW (row)));
}

/* Also emitted while the template is torn down. */
static void
row_selected_cb (UprProgrammeView *self)
{
  if (self->list != NULL)
    update_actions (self);
}

static void
editor_saved_cb (UprProgrammeView *self,
                 UprAgendaItem    *item)
{
  g_autofree char *id = g_strdup (upr_record_get_id (UPR_RECORD (item)));
  UprAgendaItem *shown;

  show_message (self, NULL);
  reload (self);
  shown = find_item (self, id);
  if (shown != NULL)
    focus_position (self, index_of (self, shown));
}

static void
store_changed_cb (UprProgrammeView *self)
{
  if (self->busy == 0)
    reload (self);
}

/* Actions */

static void
open_editor (UprProgrammeView *self,
             UprAgendaItem    *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  UprAgendaEditor *editor;

  if (self->workshop == NULL || self->context == NULL)
    return;
  editor = upr_agenda_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                  self->workshop, item,
                                  g_list_model_get_n_items (G_LIST_MODEL (self->items)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (UPR_PROGRAMME_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UprProgrammeView *self = UPR_PROGRAMME_VIEW (widget);
  UprAgendaItem *item = item_for_parameter (self, parameter);

  if (item != NULL)
    open_editor (self, item);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprProgrammeView *self = UPR_PROGRAMME_VIEW (widget);
  UprAgendaItem *item = item_for_parameter (self, parameter);

  if (item != NULL && self->context != NULL)
    remove_item (self, item);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UprProgrammeView *self = UPR_PROGRAMME_VIEW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  int to = g_str_equal (action_name, "programme.move-up") ? index - 1 : index + 1;

  if (index >= 0 && to >= 0 && self->context != NULL)
    move_item (self, (guint) index, (guint) to);
}

/* Overrides */

static void
set_context (UprProgrammeView *self,
             UprContext       *context)
{
  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, upr_context_get_store (self->context));
  if (!g_set_object (&self->context, context))
    return;
  if (context != NULL)
    self->changed_id = g_signal_connect_swapped (upr_context_get_store (context),
                                                 "changed::agenda_item",
                                                 G_CALLBACK (store_changed_cb), self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
upr_programme_view_dispose (GObject *object)
{
  UprProgrammeView *self = UPR_PROGRAMME_VIEW (object);
  GtkWidget *child;

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, upr_context_get_store (self->context));
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_PROGRAMME_VIEW);
  /* The template's top box is not bound to a field, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->undo_bar);
  g_clear_object (&self->workshop);
  g_clear_object (&self->context);
  g_clear_object (&self->items);
  g_clear_pointer (&self->organisation_names, g_hash_table_unref);

  G_OBJECT_CLASS (upr_programme_view_parent_class)->dispose (object);
}

static void
upr_programme_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UprProgrammeView *self = UPR_PROGRAMME_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    case PROP_UNDO_BAR:
      g_value_set_object (value, self->undo_bar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_programme_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UprProgrammeView *self = UPR_PROGRAMME_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_WORKSHOP:
      upr_programme_view_set_workshop (self, g_value_get_object (value));
      break;
    case PROP_UNDO_BAR:
      if (g_set_object (&self->undo_bar, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_programme_view_class_init (UprProgrammeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_programme_view_dispose;
  object_class->get_property = upr_programme_view_get_property;
  object_class->set_property = upr_programme_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, UPR_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_BAR] =
    g_param_spec_object ("undo-bar", NULL, NULL, UPR_TYPE_UNDO_BAR,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-programme-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UprProgrammeView, stack);
  gtk_widget_class_bind_template_child (widget_class, UprProgrammeView, list);
  gtk_widget_class_bind_template_child (widget_class, UprProgrammeView, message);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "programme.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "programme.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "programme.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "programme.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "programme.move-down", NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "programme.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "programme.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "programme.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "programme.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "programme.delete", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "programme.delete", "s", "");
}

static void
upr_programme_view_init (UprProgrammeView *self)
{
  self->items = g_list_store_new (UPR_TYPE_AGENDA_ITEM);
  self->organisation_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row_cb, self, NULL);
  update_page (self);
}

/* Public API */

void
upr_programme_view_set_workshop (UprProgrammeView *self,
                                 UprWorkshop      *workshop)
{
  g_return_if_fail (UPR_IS_PROGRAMME_VIEW (self));
  g_return_if_fail (workshop == NULL || UPR_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;
  show_message (self, NULL);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

GListModel *
upr_programme_view_get_items (UprProgrammeView *self)
{
  g_return_val_if_fail (UPR_IS_PROGRAMME_VIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}
