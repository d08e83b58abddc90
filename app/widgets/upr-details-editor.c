/* upr-details-editor.c: the Details tab of a workshop; see the header.
 *
 * Nothing waits for a Save button: a typed field is saved after a short pause, when it loses
 * focus or on Enter; a drop-down at once. Input the store would refuse (no title, a date
 * that does not exist, an end before the start) is shown next to the field and not saved.
 * If the store refuses anyway, its message is shown and the record is put back, so what
 * the window shows elsewhere (the sidebar, the page title) matches what is stored. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-context.h"
#include "upr-country.h"
#include "upr-date-entry.h"
#include "upr-details-editor.h"
#include "upr-form.h"
#include "upr-store.h"
#include "upr-workshop.h"

/* Long enough not to save half a word, short enough to be saved before a crash. */
#define TYPING_PAUSE_MS 300
#define MAX_CYCLE 4

struct _UprDetailsEditor
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkEntry     *title_entry;
  GtkLabel     *title_message;
  GtkDropDown  *country_drop_down;
  GtkDropDown  *kind_drop_down;
  GtkDropDown  *cycle_drop_down;
  UprDateEntry *start_date;
  GtkEntry     *start_time;
  GtkLabel     *start_message;
  UprDateEntry *end_date;
  GtkEntry     *end_time;
  GtkLabel     *end_message;
  GtkDropDown  *format_drop_down;
  GtkEntry     *venue_entry;
  GtkEntry     *link_entry;
  GtkEntry     *languages_entry;
  GtkEntry     *organisers_entry;
  GtkEntry     *partners_entry;
  GtkTextView  *objectives_view;
  GtkTextView  *notes_view;
  GtkLabel     *message;

  /* owned */
  UprContext   *context;
  UprWorkshop  *workshop;
  GListStore   *countries; /* UprCountry by name, a snapshot (see set_context) */
  GPtrArray    *pending;   /* fields waiting for the typing pause */
  guint         pending_id;
  gboolean      loading;   /* widgets are being filled from the record */
};

G_DEFINE_FINAL_TYPE (UprDetailsEditor, upr_details_editor, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_WORKSHOP, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* The free-text fields: one property, one widget. */
typedef struct
{
  const char *property;
  gsize       offset;
} TextField;

static const TextField text_fields[] = {
  { "title", G_STRUCT_OFFSET (UprDetailsEditor, title_entry) },
  { "venue", G_STRUCT_OFFSET (UprDetailsEditor, venue_entry) },
  { "online-link", G_STRUCT_OFFSET (UprDetailsEditor, link_entry) },
  { "languages", G_STRUCT_OFFSET (UprDetailsEditor, languages_entry) },
  { "organisers", G_STRUCT_OFFSET (UprDetailsEditor, organisers_entry) },
  { "partners", G_STRUCT_OFFSET (UprDetailsEditor, partners_entry) },
  { "objectives", G_STRUCT_OFFSET (UprDetailsEditor, objectives_view) },
  { "notes", G_STRUCT_OFFSET (UprDetailsEditor, notes_view) },
};

#define FIELD_WIDGET(self, field) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (field)->offset))

/* Helpers */

static const TextField *
find_text_field (UprDetailsEditor *self,
                 GtkWidget        *widget)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (FIELD_WIDGET (self, &text_fields[i]) == widget)
      return &text_fields[i];
  return NULL;
}

static gboolean
is_schedule_widget (UprDetailsEditor *self,
                    GtkWidget        *widget)
{
  return widget == GTK_WIDGET (self->start_date) || widget == GTK_WIDGET (self->start_time)
         || widget == GTK_WIDGET (self->end_date) || widget == GTK_WIDGET (self->end_time);
}

static GtkWidget *
date_field (UprDateEntry *entry)
{
  return GTK_WIDGET (upr_date_entry_get_editable (entry));
}

static GtkLabel *
message_for (UprDetailsEditor *self,
             GtkWidget        *widget)
{
  return widget == GTK_WIDGET (self->title_entry) ? self->title_message : self->message;
}

/* The error style on @field marks it as the one whose message is shown: another field's
 * success must not clear it. A drop-down (no @field) clears the shared message. */
static void
clear_error (UprDetailsEditor *self,
             GtkWidget        *field,
             GtkLabel         *message)
{
  if (field == NULL || gtk_widget_has_css_class (field, "error"))
    upr_form_show_error (field, message, NULL);
}

/* Saves the workshop after a change made on top of @snapshot. */
static gboolean
save (UprDetailsEditor *self,
      UprRecord        *snapshot,
      GtkWidget        *field,
      GtkLabel         *message)
{
  g_autoptr(UprWorkshop) workshop = g_object_ref (self->workshop);
  g_autoptr(GError) error = NULL;

  if (upr_store_save (upr_context_get_store (self->context), UPR_RECORD (workshop), &error))
    {
      clear_error (self, field, message);
      return TRUE;
    }
  upr_form_revert_record (UPR_RECORD (workshop), snapshot);
  upr_form_show_error (field, message, error->message);
  return FALSE;
}

static void
commit_text_field (UprDetailsEditor *self,
                   const TextField  *field,
                   gboolean          explicit)
{
  GtkWidget *widget = FIELD_WIDGET (self, field);
  GtkLabel *message = message_for (self, widget);
  g_autofree char *value = NULL;
  g_autoptr(UprRecord) snapshot = NULL;

  value = GTK_IS_TEXT_VIEW (widget) ? upr_form_get_buffer_text (GTK_TEXT_VIEW (widget))
                                    : upr_form_get_text (GTK_EDITABLE (widget));
  if (value == NULL && g_str_equal (field->property, "title"))
    {
      /* While typing, an emptied title is usually about to be retyped. */
      if (explicit)
        upr_form_show_error (widget, message, _("A workshop needs a title."));
      return;
    }
  if (g_strcmp0 (value, upr_record_get_string (UPR_RECORD (self->workshop), field->property)) == 0)
    {
      clear_error (self, widget, message);
      return;
    }

  snapshot = upr_record_copy (UPR_RECORD (self->workshop));
  upr_record_set_string (UPR_RECORD (self->workshop), field->property, value);
  save (self, snapshot, widget, message);
}

typedef struct
{
  char       *start_date, *start_time, *end_date, *end_time;
  GtkWidget  *start_field, *end_field;   /* where the problem is, if any */
  const char *start_error, *end_error;
} Schedule;

static void
schedule_clear (Schedule *schedule)
{
  g_free (schedule->start_date);
  g_free (schedule->start_time);
  g_free (schedule->end_date);
  g_free (schedule->end_time);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Schedule, schedule_clear)

static void
read_schedule (UprDetailsEditor *self,
               Schedule         *s)
{
  const char *date_error = _("Enter the date as YYYY-MM-DD, for example 2024-03-27.");
  const char *time_error = _("Enter the time as HH:MM, for example 13:00.");

  if (!upr_form_parse_date (upr_date_entry_get_text (self->start_date), &s->start_date))
    s->start_field = date_field (self->start_date), s->start_error = date_error;
  else if (!upr_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_time)),
                                 &s->start_time))
    s->start_field = GTK_WIDGET (self->start_time), s->start_error = time_error;

  if (!upr_form_parse_date (upr_date_entry_get_text (self->end_date), &s->end_date))
    s->end_field = date_field (self->end_date), s->end_error = date_error;
  else if (!upr_form_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_time)),
                                 &s->end_time))
    s->end_field = GTK_WIDGET (self->end_time), s->end_error = time_error;

  if (s->start_error != NULL || s->end_error != NULL)
    return;

  if (s->start_date != NULL && s->end_date != NULL && strcmp (s->end_date, s->start_date) < 0)
    s->end_field = date_field (self->end_date),
    s->end_error = _("The workshop cannot end before it starts.");
  /* Times are compared only for a workshop of one day. */
  else if (s->start_time != NULL && s->end_time != NULL
           && (s->end_date == NULL || g_strcmp0 (s->start_date, s->end_date) == 0)
           && strcmp (s->end_time, s->start_time) < 0)
    s->end_field = GTK_WIDGET (self->end_time),
    s->end_error = _("The workshop cannot end before it starts.");
}

static void
show_schedule_errors (UprDetailsEditor *self,
                      Schedule         *s)
{
  upr_form_show_error (date_field (self->start_date), self->start_message, NULL);
  upr_form_show_error (GTK_WIDGET (self->start_time), self->start_message, NULL);
  upr_form_show_error (date_field (self->end_date), self->end_message, NULL);
  upr_form_show_error (GTK_WIDGET (self->end_time), self->end_message, NULL);
  if (s->start_error != NULL)
    upr_form_show_error (s->start_field, self->start_message, s->start_error);
  if (s->end_error != NULL)
    upr_form_show_error (s->end_field, self->end_message, s->end_error);
}

static gboolean
schedule_shows_error (UprDetailsEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->start_message))
         || gtk_widget_get_visible (GTK_WIDGET (self->end_message));
}

/* Dates and times are checked and saved together: whether an end is valid depends on the
 * start. */
static void
commit_schedule (UprDetailsEditor *self,
                 gboolean          explicit)
{
  g_auto(Schedule) s = { 0 };
  g_autoptr(UprRecord) snapshot = NULL;
  UprRecord *record = UPR_RECORD (self->workshop);

  read_schedule (self, &s);
  if (s.start_error != NULL || s.end_error != NULL)
    {
      /* While typing, "2024-0" is on its way to a date: only update what is shown. */
      if (explicit || schedule_shows_error (self))
        show_schedule_errors (self, &s);
      return;
    }
  show_schedule_errors (self, &s);
  if (explicit)
    {
      upr_date_entry_set_text (self->start_date, s.start_date);
      upr_form_set_text (GTK_EDITABLE (self->start_time), s.start_time);
      upr_date_entry_set_text (self->end_date, s.end_date);
      upr_form_set_text (GTK_EDITABLE (self->end_time), s.end_time);
    }

  snapshot = upr_record_copy (record);
  upr_record_set_string (record, "start-date", s.start_date);
  upr_record_set_string (record, "start-time", s.start_time);
  upr_record_set_string (record, "end-date", s.end_date);
  upr_record_set_string (record, "end-time", s.end_time);
  if (upr_record_has_changes (record))
    save (self, snapshot, date_field (self->start_date), self->start_message);
}

static void
commit_widget (UprDetailsEditor *self,
               GtkWidget        *widget,
               gboolean          explicit)
{
  const TextField *field;

  g_ptr_array_remove (self->pending, widget);
  if (self->pending->len == 0)
    g_clear_handle_id (&self->pending_id, g_source_remove);
  if (self->workshop == NULL || self->context == NULL || self->loading)
    return;

  if (is_schedule_widget (self, widget))
    commit_schedule (self, explicit);
  else if ((field = find_text_field (self, widget)) != NULL)
    commit_text_field (self, field, explicit);
}

static void
commit_pending (UprDetailsEditor *self)
{
  while (self->pending->len > 0)
    commit_widget (self, g_ptr_array_index (self->pending, 0), FALSE);
}

static gboolean
pending_timeout_cb (gpointer user_data)
{
  UprDetailsEditor *self = user_data;

  self->pending_id = 0;
  commit_pending (self);
  return G_SOURCE_REMOVE;
}

/* Every field typed into waits for the same pause: a field is never saved half-set (which
 * gtk_editable_set_text() and a quick move to the next field would otherwise allow). */
static void
schedule_commit (UprDetailsEditor *self,
                 GtkWidget        *widget)
{
  if (self->loading || self->workshop == NULL)
    return;
  if (!g_ptr_array_find (self->pending, widget, NULL))
    g_ptr_array_add (self->pending, widget);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  self->pending_id = g_timeout_add (TYPING_PAUSE_MS, pending_timeout_cb, self);
}

static guint
country_position (UprDetailsEditor *self,
                  const char       *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->countries));

  for (guint i = 0; code != NULL && i < n; i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (G_LIST_MODEL (self->countries), i);

      if (g_strcmp0 (upr_country_get_code (country), code) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
load_drop_downs (UprDetailsEditor *self)
{
  UprRecord *record = UPR_RECORD (self->workshop);
  int cycle = upr_record_get_int (record, "cycle");

  gtk_drop_down_set_selected (self->country_drop_down,
                              country_position (self,
                                                upr_record_get_string (record, "country-code")));
  upr_form_set_vocab_id (self->kind_drop_down, upr_record_get_string (record, "kind"));
  upr_form_set_vocab_id (self->format_drop_down, upr_record_get_string (record, "format"));
  gtk_drop_down_set_selected (self->cycle_drop_down,
                              cycle >= 0 && cycle <= MAX_CYCLE ? (guint) cycle : 0);
}

static void
clear_errors (UprDetailsEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, &text_fields[i]);

      upr_form_show_error (widget, message_for (self, widget), NULL);
    }
  show_schedule_errors (self, &(Schedule) { 0 });
  upr_form_show_error (NULL, self->message, NULL);
}

static void
load_workshop (UprDetailsEditor *self)
{
  UprRecord *record = UPR_RECORD (self->workshop);

  self->loading = TRUE;
  clear_errors (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->workshop != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *widget = FIELD_WIDGET (self, &text_fields[i]);
      const char *value = record != NULL ? upr_record_get_string (record, text_fields[i].property)
                                         : NULL;

      if (GTK_IS_TEXT_VIEW (widget))
        upr_form_set_buffer_text (GTK_TEXT_VIEW (widget), value);
      else
        upr_form_set_text (GTK_EDITABLE (widget), value);
    }
  upr_date_entry_set_text (self->start_date,
                           record ? upr_record_get_string (record, "start-date") : NULL);
  upr_form_set_text (GTK_EDITABLE (self->start_time),
                     record ? upr_record_get_string (record, "start-time") : NULL);
  upr_date_entry_set_text (self->end_date,
                           record ? upr_record_get_string (record, "end-date") : NULL);
  upr_form_set_text (GTK_EDITABLE (self->end_time),
                     record ? upr_record_get_string (record, "end-time") : NULL);
  if (record != NULL)
    load_drop_downs (self);
  self->loading = FALSE;
}

static int
compare_countries (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return g_utf8_collate (upr_country_get_name ((UprCountry *) a),
                         upr_country_get_name ((UprCountry *) b));
}

/* The context's list puts countries with workshops first and is refilled whenever a
 * workshop is saved; a drop-down bound to it would see its selection move under it. The
 * countries themselves never change while Upright runs, so a sorted copy is enough. */
static void
set_context (UprDetailsEditor *self,
             UprContext       *context)
{
  GListModel *all;
  guint n;

  if (!g_set_object (&self->context, context))
    return;

  self->loading = TRUE;
  g_list_store_remove_all (self->countries);
  if (context != NULL)
    {
      all = upr_context_get_countries (context);
      n = g_list_model_get_n_items (all);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(UprCountry) country = g_list_model_get_item (all, i);

          g_list_store_append (self->countries, country);
        }
      g_list_store_sort (self->countries, compare_countries, NULL);
    }
  self->loading = FALSE;
  if (self->workshop != NULL)
    load_workshop (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
setup_cycle_drop_down (UprDetailsEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, C_("UPR cycle", "Not known"));
  for (int cycle = 1; cycle <= MAX_CYCLE; cycle++)
    {
      /* Translators: a UPR cycle in a drop-down, e.g. "Cycle 4". */
      g_autofree char *label = g_strdup_printf (_("Cycle %d"), cycle);

      gtk_string_list_append (labels, label);
    }
  gtk_drop_down_set_model (self->cycle_drop_down, G_LIST_MODEL (labels));
  upr_form_add_drop_down_keys (self->cycle_drop_down);
}

/* Signal callbacks */

static void
field_changed_cb (GtkWidget        *widget,
                  UprDetailsEditor *self)
{
  schedule_commit (self, widget);
}

static void
field_activated_cb (GtkWidget        *widget,
                    UprDetailsEditor *self)
{
  commit_widget (self, widget, TRUE);
}

static void
field_left_cb (GtkEventController *controller,
               UprDetailsEditor   *self)
{
  commit_widget (self, gtk_event_controller_get_widget (controller), TRUE);
}

static void
buffer_changed_cb (GtkTextBuffer    *buffer,
                   UprDetailsEditor *self)
{
  if (buffer == gtk_text_view_get_buffer (self->objectives_view))
    schedule_commit (self, GTK_WIDGET (self->objectives_view));
  else
    schedule_commit (self, GTK_WIDGET (self->notes_view));
}

static void
commit_choice (UprDetailsEditor *self,
               const char       *property,
               const GValue     *value)
{
  g_autoptr(UprRecord) snapshot = NULL;

  if (self->loading || self->workshop == NULL || self->context == NULL)
    return;
  snapshot = upr_record_copy (UPR_RECORD (self->workshop));
  g_object_set_property (G_OBJECT (self->workshop), property, value);
  if (!save (self, snapshot, NULL, self->message))
    {
      self->loading = TRUE;
      load_drop_downs (self);
      self->loading = FALSE;
    }
}

static void
country_selected_cb (UprDetailsEditor *self)
{
  UprCountry *country = gtk_drop_down_get_selected_item (self->country_drop_down);
  g_auto(GValue) value = G_VALUE_INIT;

  if (country == NULL)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, upr_country_get_code (country));
  commit_choice (self, "country-code", &value);
}

static void
vocab_selected_cb (GtkDropDown      *drop_down,
                   GParamSpec       *pspec,
                   UprDetailsEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, upr_form_get_vocab_id (drop_down));
  commit_choice (self, drop_down == self->kind_drop_down ? "kind" : "format", &value);
}

static void
cycle_selected_cb (UprDetailsEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = gtk_drop_down_get_selected (self->cycle_drop_down);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int) selected);
  commit_choice (self, "cycle", &value);
}

/* Overrides */

static void
upr_details_editor_dispose (GObject *object)
{
  UprDetailsEditor *self = UPR_DETAILS_EDITOR (object);
  GtkWidget *child;

  if (self->pending != NULL)
    upr_details_editor_flush (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_DETAILS_EDITOR);
  /* The template's top box is not bound to a field, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workshop);
  g_clear_object (&self->context);
  g_clear_object (&self->countries);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (upr_details_editor_parent_class)->dispose (object);
}

static void
upr_details_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UprDetailsEditor *self = UPR_DETAILS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_details_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UprDetailsEditor *self = UPR_DETAILS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_WORKSHOP:
      upr_details_editor_set_workshop (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_details_editor_class_init (UprDetailsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_details_editor_dispose;
  object_class->get_property = upr_details_editor_get_property;
  object_class->set_property = upr_details_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, UPR_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_COUNTRY);
  g_type_ensure (UPR_TYPE_DATE_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-details-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, title_message);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, country_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, cycle_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, start_date);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, start_time);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, start_message);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, end_date);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, end_time);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, end_message);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, format_drop_down);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, venue_entry);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, link_entry);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, languages_entry);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, organisers_entry);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, partners_entry);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, objectives_view);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, UprDetailsEditor, message);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, vocab_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cycle_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
upr_details_editor_init (UprDetailsEditor *self)
{
  self->countries = g_list_store_new (UPR_TYPE_COUNTRY);
  self->pending = g_ptr_array_new ();

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->country_drop_down, G_LIST_MODEL (self->countries));
  upr_form_add_drop_down_keys (self->country_drop_down);
  upr_form_setup_vocab_drop_down (self->kind_drop_down, UPR_VOCAB_WORKSHOP_KIND, NULL);
  upr_form_setup_vocab_drop_down (self->format_drop_down, UPR_VOCAB_WORKSHOP_FORMAT, NULL);
  setup_cycle_drop_down (self);
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/* Public API */

UprWorkshop *
upr_details_editor_get_workshop (UprDetailsEditor *self)
{
  g_return_val_if_fail (UPR_IS_DETAILS_EDITOR (self), NULL);

  return self->workshop;
}

/* The same workshop again (the sidebar reloads its list after each save) keeps what is on
 * screen: the fields already show what was saved, and the cursor stays where it is. */
void
upr_details_editor_set_workshop (UprDetailsEditor *self,
                                 UprWorkshop      *workshop)
{
  gboolean same;

  g_return_if_fail (UPR_IS_DETAILS_EDITOR (self));
  g_return_if_fail (workshop == NULL || UPR_IS_WORKSHOP (workshop));

  if (self->workshop == workshop)
    return;
  same = self->workshop != NULL && workshop != NULL
         && g_strcmp0 (upr_record_get_id (UPR_RECORD (self->workshop)),
                       upr_record_get_id (UPR_RECORD (workshop))) == 0;
  if (!same)
    upr_details_editor_flush (self);

  g_set_object (&self->workshop, workshop);
  if (!same)
    load_workshop (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

void
upr_details_editor_flush (UprDetailsEditor *self)
{
  g_return_if_fail (UPR_IS_DETAILS_EDITOR (self));

  commit_pending (self);
}
