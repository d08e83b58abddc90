/* upr-agenda-row.c: one programme item: time, title, role, speaker and organisation, with a
 * "tbc" badge while the speaker has not confirmed. Rows can be dragged onto each other. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-agenda-item.h"
#include "upr-agenda-row.h"
#include "upr-record.h"
#include "upr-vocab.h"

struct _UprAgendaRow
{
  GtkListBoxRow  parent_instance;

  /* template widgets */
  GtkLabel      *time_label;
  GtkLabel      *title_label;
  GtkLabel      *detail_label;
  GtkLabel      *tbc_label;
  GtkButton     *edit_button;
  GtkButton     *delete_button;

  /* owned */
  UprAgendaItem *item;
  char          *organisation_name;
  gulong         notify_id;
};

G_DEFINE_FINAL_TYPE (UprAgendaRow, upr_agenda_row, GTK_TYPE_LIST_BOX_ROW)

enum { PROP_0, PROP_ITEM, PROP_ORGANISATION_NAME, N_PROPS };
enum { ITEM_DROPPED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

/* "Statement · Ms A. Kouassi, NHRI of Côte d'Ivoire" — the parts that are known. */
static char *
describe_detail (UprAgendaRow *self)
{
  UprRecord *item = UPR_RECORD (self->item);
  const char *role = upr_record_get_string (item, "role");
  const char *speaker = upr_record_get_string (item, "speaker");
  g_autoptr(GString) text = g_string_new (NULL);

  if (role != NULL)
    g_string_append (text, upr_vocab_label (UPR_VOCAB_AGENDA_ROLE, role));
  if (speaker != NULL || self->organisation_name != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      if (speaker != NULL && self->organisation_name != NULL)
        /* Translators: a speaker and their organisation in a programme item. */
        g_string_append_printf (text, _("%s, %s"), speaker, self->organisation_name);
      else
        g_string_append (text, speaker != NULL ? speaker : self->organisation_name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
join_known (const char *const *parts,
            guint              n_parts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", parts[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (UprAgendaRow *self)
{
  UprRecord *item = UPR_RECORD (self->item);
  const char *time = upr_record_get_string (item, "time");
  const char *title = upr_record_get_string (item, "title");
  g_autofree char *detail = describe_detail (self);
  gboolean confirmed = upr_record_get_int (item, "confirmed");
  g_autofree char *accessible = NULL;

  gtk_label_set_text (self->time_label, time != NULL ? time : "");
  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->tbc_label), !confirmed);

  /* One sentence for a screen reader instead of four fragments. */
  accessible = join_known ((const char *[]) { time, title, detail,
                                              confirmed ? NULL : _("to be confirmed") }, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

/* Signal callbacks */

static GdkContentProvider *
drag_prepared_cb (GtkDragSource *source,
                  double         x,
                  double         y,
                  UprAgendaRow  *self)
{
  return gdk_content_provider_new_typed (UPR_TYPE_AGENDA_ITEM, self->item);
}

static void
drag_began_cb (GtkDragSource *source,
               GdkDrag       *drag,
               UprAgendaRow  *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GdkDragAction
drop_entered_cb (GtkDropTarget *target,
                 double         x,
                 double         y,
                 UprAgendaRow  *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));

  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_drag_highlight_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (self));
  return GDK_ACTION_MOVE;
}

static void
drop_left_cb (GtkDropTarget *target,
              UprAgendaRow  *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));

  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (list));
}

static gboolean
dropped_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            UprAgendaRow  *self)
{
  UprAgendaItem *dragged = g_value_get_object (value);

  drop_left_cb (target, self);
  if (dragged == NULL || dragged == self->item)
    return FALSE;
  g_signal_emit (self, signals[ITEM_DROPPED], 0, dragged);
  return TRUE;
}

/* Overrides */

static void
upr_agenda_row_constructed (GObject *object)
{
  UprAgendaRow *self = UPR_AGENDA_ROW (object);

  G_OBJECT_CLASS (upr_agenda_row_parent_class)->constructed (object);

  self->notify_id = g_signal_connect_swapped (self->item, "notify", G_CALLBACK (update), self);
  update (self);
  /* The view's actions take the id of the item they act on. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s",
                                    upr_record_get_id (UPR_RECORD (self->item)));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s",
                                    upr_record_get_id (UPR_RECORD (self->item)));
}

static void
upr_agenda_row_dispose (GObject *object)
{
  UprAgendaRow *self = UPR_AGENDA_ROW (object);

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_AGENDA_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (upr_agenda_row_parent_class)->dispose (object);
}

static void
upr_agenda_row_finalize (GObject *object)
{
  g_free (UPR_AGENDA_ROW (object)->organisation_name);

  G_OBJECT_CLASS (upr_agenda_row_parent_class)->finalize (object);
}

static void
upr_agenda_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UprAgendaRow *self = UPR_AGENDA_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_ORGANISATION_NAME:
      g_value_set_string (value, self->organisation_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_agenda_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UprAgendaRow *self = UPR_AGENDA_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION_NAME:
      g_free (self->organisation_name);
      self->organisation_name = g_value_dup_string (value);
      if (self->item != NULL)
        update (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_agenda_row_class_init (UprAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = upr_agenda_row_constructed;
  object_class->dispose = upr_agenda_row_dispose;
  object_class->finalize = upr_agenda_row_finalize;
  object_class->get_property = upr_agenda_row_get_property;
  object_class->set_property = upr_agenda_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, UPR_TYPE_AGENDA_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION_NAME] =
    g_param_spec_string ("organisation-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_DROPPED] = g_signal_new ("item-dropped", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, UPR_TYPE_AGENDA_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-agenda-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UprAgendaRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaRow, tbc_label);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, UprAgendaRow, delete_button);
}

/* The drop target needs a GType for its formats, which a template cannot express. */
static void
upr_agenda_row_init (UprAgendaRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (UPR_TYPE_AGENDA_ITEM, GDK_ACTION_MOVE);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepared_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_began_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "enter", G_CALLBACK (drop_entered_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_left_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Public API */

GtkWidget *
upr_agenda_row_new (UprAgendaItem *item,
                    const char    *organisation_name)
{
  g_return_val_if_fail (UPR_IS_AGENDA_ITEM (item), NULL);

  return g_object_new (UPR_TYPE_AGENDA_ROW, "item", item, "organisation-name",
                       organisation_name, NULL);
}

UprAgendaItem *
upr_agenda_row_get_item (UprAgendaRow *self)
{
  g_return_val_if_fail (UPR_IS_AGENDA_ROW (self), NULL);

  return self->item;
}
