/* upr-undo-bar.c: a notification offering to undo the last deletion for a few seconds.
 *
 * The state (callbacks, data) is cleared before a callback runs, so a callback may offer
 * again without the bar running anything twice. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-undo-bar.h"

#define DEFAULT_TIMEOUT_MS 7000

struct _UprUndoBar
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkRevealer *revealer;
  GtkLabel    *label;

  /* owned: the pending offer */
  UprUndoFunc    undo;
  UprUndoFunc    commit;
  gpointer       data;
  GDestroyNotify destroy;
  gboolean       pending;
  guint          timeout_id;

  guint               timeout_ms;
  GtkEventController *root_controller; /* on the window while the bar is in one */
};

G_DEFINE_FINAL_TYPE (UprUndoBar, upr_undo_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PENDING,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  FINISH_UNDO,
  FINISH_COMMIT,
} Finish;

/* One offer at a time per window, even with several bars (the workshop page has its own):
 * a new offer anywhere in the window ends the one before, so Ctrl+Z is never ambiguous. */
#define ACTIVE_BAR_KEY "upr-undo-bar-active"

static void
claim_window (UprUndoBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  UprUndoBar *other;

  if (root == NULL)
    return;

  other = g_object_get_data (G_OBJECT (root), ACTIVE_BAR_KEY);
  if (other != NULL && other != self)
    upr_undo_bar_commit (other);
  g_object_set_data (G_OBJECT (root), ACTIVE_BAR_KEY, self);
}

static void
release_window (UprUndoBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && g_object_get_data (G_OBJECT (root), ACTIVE_BAR_KEY) == self)
    g_object_set_data (G_OBJECT (root), ACTIVE_BAR_KEY, NULL);
}

static void
set_pending (UprUndoBar *self,
             gboolean    pending)
{
  if (self->pending == pending)
    return;

  self->pending = pending;
  gtk_revealer_set_reveal_child (self->revealer, pending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "undo-bar.undo", pending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "undo-bar.dismiss", pending);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Runs one of the two callbacks of the pending offer, after clearing it. */
static gboolean
finish (UprUndoBar *self,
        Finish      how)
{
  UprUndoFunc func;
  gpointer data;
  GDestroyNotify destroy;

  if (!self->pending)
    return FALSE;

  func = how == FINISH_UNDO ? self->undo : self->commit;
  data = self->data;
  destroy = self->destroy;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->undo = NULL;
  self->commit = NULL;
  self->data = NULL;
  self->destroy = NULL;
  set_pending (self, FALSE);

  if (func != NULL)
    func (data);
  if (destroy != NULL)
    destroy (data);

  return TRUE;
}

static gboolean
timeout_elapsed_cb (gpointer user_data)
{
  UprUndoBar *self = user_data;

  self->timeout_id = 0;
  finish (self, FINISH_COMMIT);

  return G_SOURCE_REMOVE;
}

/* Whether the text being edited has something of its own to undo. */
static gboolean
focus_has_text (GtkWidget *root)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));

  if (GTK_IS_EDITABLE (focus))
    return gtk_editable_get_text (GTK_EDITABLE (focus))[0] != '\0';
  if (GTK_IS_TEXT_VIEW (focus))
    return gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus))) > 0;

  return FALSE;
}

/* Ctrl+Z anywhere in the window while an offer shows, before the focused widget sees it:
 * an empty entry (often where the focus lands after a deletion) would otherwise swallow
 * the key. Text being typed keeps its own Ctrl+Z. */
static gboolean
undo_shortcut_cb (GtkWidget *root,
                  GVariant  *args,
                  gpointer   user_data)
{
  UprUndoBar *self = user_data;

  if (!self->pending || focus_has_text (root))
    return FALSE;

  return upr_undo_bar_undo (self);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  upr_undo_bar_undo (UPR_UNDO_BAR (widget));
}

static void
dismiss_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  upr_undo_bar_commit (UPR_UNDO_BAR (widget));
}

static void
upr_undo_bar_root (GtkWidget *widget)
{
  UprUndoBar *self = UPR_UNDO_BAR (widget);
  GtkShortcut *shortcut;

  GTK_WIDGET_CLASS (upr_undo_bar_parent_class)->root (widget);

  self->root_controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (self->root_controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                               gtk_callback_action_new (undo_shortcut_cb, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (self->root_controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (gtk_widget_get_root (widget)), self->root_controller);
}

static void
upr_undo_bar_unroot (GtkWidget *widget)
{
  UprUndoBar *self = UPR_UNDO_BAR (widget);

  release_window (self);
  if (self->root_controller != NULL)
    {
      gtk_widget_remove_controller (GTK_WIDGET (gtk_widget_get_root (widget)),
                                    self->root_controller);
      self->root_controller = NULL;
    }

  GTK_WIDGET_CLASS (upr_undo_bar_parent_class)->unroot (widget);
}

static void
upr_undo_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UprUndoBar *self = UPR_UNDO_BAR (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_undo_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UprUndoBar *self = UPR_UNDO_BAR (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      upr_undo_bar_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_undo_bar_dispose (GObject *object)
{
  UprUndoBar *self = UPR_UNDO_BAR (object);

  /* Closing the window makes the deletion final, as the timeout would have. */
  finish (self, FINISH_COMMIT);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_UNDO_BAR);

  G_OBJECT_CLASS (upr_undo_bar_parent_class)->dispose (object);
}

static void
upr_undo_bar_class_init (UprUndoBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = upr_undo_bar_get_property;
  object_class->set_property = upr_undo_bar_set_property;
  object_class->dispose = upr_undo_bar_dispose;
  widget_class->root = upr_undo_bar_root;
  widget_class->unroot = upr_undo_bar_unroot;

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT, DEFAULT_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-undo-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, UprUndoBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, UprUndoBar, label);

  gtk_widget_class_install_action (widget_class, "undo-bar.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "undo-bar.dismiss", NULL, dismiss_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "undobar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
upr_undo_bar_init (UprUndoBar *self)
{
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "undo-bar.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "undo-bar.dismiss", FALSE);
}

GtkWidget *
upr_undo_bar_new (void)
{
  return g_object_new (UPR_TYPE_UNDO_BAR, NULL);
}

void
upr_undo_bar_offer (UprUndoBar     *self,
                    const char     *message,
                    UprUndoFunc     undo,
                    UprUndoFunc     commit,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  g_return_if_fail (UPR_IS_UNDO_BAR (self));
  g_return_if_fail (message != NULL);

  finish (self, FINISH_COMMIT);
  claim_window (self);

  self->undo = undo;
  self->commit = commit;
  self->data = data;
  self->destroy = destroy;
  gtk_label_set_label (self->label, message);
  self->timeout_id = g_timeout_add (self->timeout_ms, timeout_elapsed_cb, self);
  set_pending (self, TRUE);
}

gboolean
upr_undo_bar_undo (UprUndoBar *self)
{
  g_return_val_if_fail (UPR_IS_UNDO_BAR (self), FALSE);

  return finish (self, FINISH_UNDO);
}

void
upr_undo_bar_commit (UprUndoBar *self)
{
  g_return_if_fail (UPR_IS_UNDO_BAR (self));

  finish (self, FINISH_COMMIT);
}

gboolean
upr_undo_bar_get_pending (UprUndoBar *self)
{
  g_return_val_if_fail (UPR_IS_UNDO_BAR (self), FALSE);

  return self->pending;
}

guint
upr_undo_bar_get_timeout (UprUndoBar *self)
{
  g_return_val_if_fail (UPR_IS_UNDO_BAR (self), 0);

  return self->timeout_ms;
}

void
upr_undo_bar_set_timeout (UprUndoBar *self,
                          guint       msec)
{
  g_return_if_fail (UPR_IS_UNDO_BAR (self));
  g_return_if_fail (msec > 0);

  if (self->timeout_ms == msec)
    return;

  self->timeout_ms = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}
