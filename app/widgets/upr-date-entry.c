/* upr-date-entry.c: a date entry with a calendar popover; see upr-date-entry.h.
 *
 * The text is what the user typed, checked by the form that owns the entry (it knows which
 * message to show). The calendar only proposes a well-formed date. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "upr-date-entry.h"
#include "upr-form.h"

struct _UprDateEntry
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkEntry      *entry;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkMenuButton *button;

  /* owned */
  char          *label;
  char          *text_before; /* the text when the calendar opened, for Escape */
  gboolean       syncing;     /* the calendar's day is being set by this widget */
};

G_DEFINE_FINAL_TYPE (UprDateEntry, upr_date_entry, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_TEXT, PROP_LABEL, N_PROPS };
enum { CHANGED, ACTIVATE, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
update_accessible_labels (UprDateEntry *self)
{
  g_autofree char *button_label = NULL;

  if (self->label == NULL)
    return;
  /* Translators: the accessible name of the calendar button beside a date field; %s is
   * the name of the field, e.g. "Start date". */
  button_label = g_strdup_printf (_("%s: pick from a calendar"), self->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
}

static void
show_text_in_calendar (UprDateEntry *self)
{
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) when = NULL;

  if (upr_form_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &date)
      && date != NULL)
    {
      int year, month, day;

      sscanf (date, "%d-%d-%d", &year, &month, &day);
      when = g_date_time_new_local (year, month, day, 0, 0, 0);
    }
  else
    when = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->syncing = FALSE;
}

static void
pick_calendar_day (UprDateEntry *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

static void
finish_picking (UprDateEntry *self)
{
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[ACTIVATE], 0);
}

/* Signal callbacks */

static void
entry_changed_cb (UprDateEntry *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
entry_activated_cb (UprDateEntry *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
popover_shown_cb (UprDateEntry *self)
{
  g_free (self->text_before);
  self->text_before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  show_text_in_calendar (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
move_selected_day (UprDateEntry *self,
                   int           days,
                   int           months)
{
  g_autoptr(GDateTime) current = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) moved = months != 0 ? g_date_time_add_months (current, months)
                                           : g_date_time_add_days (current, days);

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, moved);
  self->syncing = FALSE;
  pick_calendar_day (self);
}

/* GtkCalendar's arrow keys move a focus box, not the date, and only Space takes the boxed
 * day: here the arrows move the date itself (shown in the entry as it moves), Enter or
 * Space take it, Escape puts back what was typed before. */
static gboolean
calendar_key_pressed_cb (UprDateEntry    *self,
                         guint            keyval,
                         guint            keycode,
                         GdkModifierType  state)
{
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      move_selected_day (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      move_selected_day (self, +1, 0);
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      move_selected_day (self, -7, 0);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      move_selected_day (self, +7, 0);
      return TRUE;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      move_selected_day (self, 0, -1);
      return TRUE;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      move_selected_day (self, 0, +1);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      pick_calendar_day (self);
      finish_picking (self);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_editable_set_text (GTK_EDITABLE (self->entry), self->text_before);
      gtk_popover_popdown (self->popover);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A click on a day. */
static void
day_selected_cb (UprDateEntry *self)
{
  if (self->syncing)
    return;
  pick_calendar_day (self);
  finish_picking (self);
}

/* Overrides */

static gboolean
upr_date_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (UPR_DATE_ENTRY (widget)->entry));
}

static void
upr_date_entry_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), UPR_TYPE_DATE_ENTRY);
  /* The template's top box is not bound to a field, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (upr_date_entry_parent_class)->dispose (object);
}

static void
upr_date_entry_finalize (GObject *object)
{
  g_free (UPR_DATE_ENTRY (object)->label);
  g_free (UPR_DATE_ENTRY (object)->text_before);

  G_OBJECT_CLASS (upr_date_entry_parent_class)->finalize (object);
}

static void
upr_date_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UprDateEntry *self = UPR_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, upr_date_entry_get_text (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_date_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UprDateEntry *self = UPR_DATE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      upr_date_entry_set_text (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      update_accessible_labels (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_date_entry_class_init (UprDateEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_date_entry_dispose;
  object_class->finalize = upr_date_entry_finalize;
  object_class->get_property = upr_date_entry_get_property;
  object_class->set_property = upr_date_entry_set_property;
  widget_class->grab_focus = upr_date_entry_grab_focus;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-date-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, UprDateEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, UprDateEntry, popover);
  gtk_widget_class_bind_template_child (widget_class, UprDateEntry, calendar);
  gtk_widget_class_bind_template_child (widget_class, UprDateEntry, button);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
upr_date_entry_init (UprDateEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

const char *
upr_date_entry_get_text (UprDateEntry *self)
{
  g_return_val_if_fail (UPR_IS_DATE_ENTRY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
upr_date_entry_set_text (UprDateEntry *self,
                         const char   *text)
{
  g_return_if_fail (UPR_IS_DATE_ENTRY (self));

  upr_form_set_text (GTK_EDITABLE (self->entry), text);
}

GtkEditable *
upr_date_entry_get_editable (UprDateEntry *self)
{
  g_return_val_if_fail (UPR_IS_DATE_ENTRY (self), NULL);

  return GTK_EDITABLE (self->entry);
}
