/* test-gui-workshop.c: the workshop page driven as an officer would, on a temporary
 * database: details saved as typed (and refused when wrong), the programme added to,
 * reordered from the keyboard and undone, participants typed in the fast entry row, the
 * "already known" offer, search, sorting, removal and undo, the live counts. Needs a display
 * (Xvfb). Widgets are reached through their template children, as the page builds them. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "upr-agenda-editor.h"
#include "upr-agenda-item.h"
#include "upr-agenda-row.h"
#include "upr-attendance.h"
#include "upr-context.h"
#include "upr-date-entry.h"
#include "upr-details-editor.h"
#include "upr-form.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-participant.h"
#include "upr-participant-editor.h"
#include "upr-participant-entry.h"
#include "upr-participant-filter.h"
#include "upr-participant-list.h"
#include "upr-participants-view.h"
#include "upr-person.h"
#include "upr-programme-view.h"
#include "upr-slots.h"
#include "upr-store.h"
#include "upr-undo-bar.h"
#include "upr-workshop.h"
#include "upr-workshop-page.h"
#include "upr-test-lsan.h"

typedef struct
{
  char            *dir;
  UprStore        *store;
  UprContext      *context;
  UprWorkshop     *workshop;
  GtkWindow       *window;
  UprWorkshopPage *page;
} Fixture;

/* Main loop */

/* Runs the main loop until @done says so; fails after a few seconds. */
static void
wait_until (gboolean (*done) (gpointer data),
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* Lets pending work (layout, idles, the typing pause) run for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  /* On a loaded machine the loop above may not have run at all: what is due runs now. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Widgets */

static gpointer
part (gpointer    widget,
      GType       type,
      const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static UprDetailsEditor *
details_of (Fixture *f)
{
  return part (f->page, UPR_TYPE_WORKSHOP_PAGE, "details");
}

static UprProgrammeView *
programme_of (Fixture *f)
{
  return part (f->page, UPR_TYPE_WORKSHOP_PAGE, "programme");
}

static UprParticipantsView *
participants_of (Fixture *f)
{
  return part (f->page, UPR_TYPE_WORKSHOP_PAGE, "participants");
}

static UprParticipantEntry *
entry_of (Fixture *f)
{
  return part (participants_of (f), UPR_TYPE_PARTICIPANTS_VIEW, "entry");
}

static void
type_into (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* Enter in a field. */
static void
press_enter (gpointer entry)
{
  g_signal_emit_by_name (entry, "activate");
}

static gboolean
shows (gpointer widget)
{
  return gtk_widget_get_visible (GTK_WIDGET (widget));
}

static const char *
label_text (gpointer label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Store */

static UprWorkshop *
stored_workshop (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  UprRecord *record = upr_store_load (f->store, UPR_TYPE_WORKSHOP,
                                      upr_record_get_id (UPR_RECORD (f->workshop)), &error);

  g_assert_no_error (error);
  return UPR_WORKSHOP (record);
}

static char *
stored_field (Fixture    *f,
              const char *field)
{
  g_autoptr(UprWorkshop) workshop = stored_workshop (f);

  return g_strdup (upr_record_get_string (UPR_RECORD (workshop), field));
}

static UprPerson *
known_person (Fixture    *f,
              const char *name)
{
  g_autoptr(UprPerson) person = upr_person_new ();
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  g_autoptr(UprWorkshop) other = upr_workshop_new ();
  g_autoptr(GError) error = NULL;

  /* Known from another workshop. */
  upr_record_set_string (UPR_RECORD (other), "country-code", "CD");
  upr_record_set_string (UPR_RECORD (other), "title", "Earlier workshop");
  upr_store_save (f->store, UPR_RECORD (other), &error);
  g_assert_no_error (error);
  upr_record_set_string (UPR_RECORD (person), "name", name);
  upr_record_set_string (UPR_RECORD (attendance), "workshop-id",
                         upr_record_get_id (UPR_RECORD (other)));
  upr_store_save_participant (f->store, person, attendance, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&person);
}

static void
add_participant (Fixture    *f,
                 const char *name,
                 const char *gender,
                 const char *organisation_name)
{
  UprParticipantList *list = upr_participants_view_get_list (participants_of (f));
  g_autoptr(UprPerson) person = upr_person_new ();
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  g_autoptr(GError) error = NULL;

  upr_record_set_string (UPR_RECORD (person), "name", name);
  upr_record_set_string (UPR_RECORD (person), "gender", gender);
  if (organisation_name != NULL)
    {
      g_autoptr(UprOrganisation) organisation =
        upr_context_ensure_organisation (f->context, organisation_name, "cso", "CD", &error);

      g_assert_no_error (error);
      upr_record_set_string (UPR_RECORD (person), "organisation-id",
                             upr_record_get_id (UPR_RECORD (organisation)));
    }
  g_assert_nonnull (upr_participant_list_add (list, person, attendance, &error));
  g_assert_no_error (error);
}

static guint
n_stored_people_named (Fixture    *f,
                       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = upr_store_find_people (f->store, name, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (people);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("upright-gui-workshop-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "upright.db", NULL);
  f->store = upr_store_open (path, &error);
  g_assert_no_error (error);

  f->workshop = upr_workshop_new ();
  upr_record_set_string (UPR_RECORD (f->workshop), "country-code", "CD");
  upr_record_set_string (UPR_RECORD (f->workshop), "title", "Atelier de planification");
  upr_record_set_string (UPR_RECORD (f->workshop), "start-date", "2025-06-17");
  upr_record_set_string (UPR_RECORD (f->workshop), "end-date", "2025-06-18");
  upr_store_save (f->store, UPR_RECORD (f->workshop), &error);
  g_assert_no_error (error);

  f->context = upr_context_new (f->store, NULL);
  f->page = UPR_WORKSHOP_PAGE (upr_workshop_page_new (f->context));
  upr_workshop_page_set_workshop (f->page, f->workshop);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  run_for (50);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = find_toplevel (GTK_TYPE_WINDOW)) != NULL && dialog != f->window)
    gtk_window_destroy (dialog);
  gtk_window_destroy (f->window);
  run_for (20);
  g_clear_object (&f->workshop);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->dir);
}

/* Details */

typedef struct
{
  Fixture    *f;
  const char *field;
  const char *value;
} StoredValue;

static gboolean
stored_value_is (gpointer data)
{
  StoredValue *wanted = data;
  g_autofree char *value = stored_field (wanted->f, wanted->field);

  return g_strcmp0 (value, wanted->value) == 0;
}

static void
test_details_title (Fixture       *f,
                    gconstpointer  data)
{
  UprDetailsEditor *details = details_of (f);
  GtkEntry *title = part (details, UPR_TYPE_DETAILS_EDITOR, "title_entry");
  GtkLabel *message = part (details, UPR_TYPE_DETAILS_EDITOR, "title_message");
  GtkLabel *page_title = part (f->page, UPR_TYPE_WORKSHOP_PAGE, "title_label");
  g_autofree char *stored = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Atelier de planification");

  /* Saved after the typing pause, without Enter. */
  type_into (title, "Atelier national de planification");
  wait_until (stored_value_is,
              &(StoredValue) { f, "title", "Atelier national de planification" });
  g_assert_cmpstr (label_text (page_title), ==, "Atelier national de planification");
  g_assert_false (shows (message));

  /* An empty title is refused where it is typed, and not saved. */
  type_into (title, "   ");
  press_enter (title);
  g_assert_true (shows (message));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));
  run_for (400);
  stored = stored_field (f, "title");
  g_assert_cmpstr (stored, ==, "Atelier national de planification");

  type_into (title, "Atelier");
  press_enter (title);
  g_assert_false (shows (message));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));
  g_clear_pointer (&stored, g_free);
  stored = stored_field (f, "title");
  g_assert_cmpstr (stored, ==, "Atelier");
}

static void
test_details_dates (Fixture       *f,
                    gconstpointer  data)
{
  UprDetailsEditor *details = details_of (f);
  UprDateEntry *start = part (details, UPR_TYPE_DETAILS_EDITOR, "start_date");
  UprDateEntry *end = part (details, UPR_TYPE_DETAILS_EDITOR, "end_date");
  GtkEntry *start_time = part (details, UPR_TYPE_DETAILS_EDITOR, "start_time");
  GtkEntry *end_time = part (details, UPR_TYPE_DETAILS_EDITOR, "end_time");
  GtkLabel *start_message = part (details, UPR_TYPE_DETAILS_EDITOR, "start_message");
  GtkLabel *end_message = part (details, UPR_TYPE_DETAILS_EDITOR, "end_message");
  g_autofree char *stored = NULL;

  /* A date that does not exist. */
  upr_date_entry_set_text (start, "2025-13-45");
  press_enter (upr_date_entry_get_editable (start));
  g_assert_true (shows (start_message));
  run_for (400);
  stored = stored_field (f, "start-date");
  g_assert_cmpstr (stored, ==, "2025-06-17");

  /* An end before the start. */
  upr_date_entry_set_text (start, "2025-06-17");
  upr_date_entry_set_text (end, "2025-06-10");
  press_enter (upr_date_entry_get_editable (end));
  g_assert_false (shows (start_message));
  g_assert_true (shows (end_message));
  g_clear_pointer (&stored, g_free);
  stored = stored_field (f, "end-date");
  g_assert_cmpstr (stored, ==, "2025-06-18");

  /* Put right, and written the way the database keeps it. */
  upr_date_entry_set_text (end, "2025-6-19");
  press_enter (upr_date_entry_get_editable (end));
  g_assert_false (shows (end_message));
  g_assert_cmpstr (upr_date_entry_get_text (end), ==, "2025-06-19");
  g_clear_pointer (&stored, g_free);
  stored = stored_field (f, "end-date");
  g_assert_cmpstr (stored, ==, "2025-06-19");

  /* Times as French officers write them; a bad one is refused. */
  type_into (start_time, "9h30");
  press_enter (start_time);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_time)), ==, "09:30");
  g_clear_pointer (&stored, g_free);
  stored = stored_field (f, "start-time");
  g_assert_cmpstr (stored, ==, "09:30");

  type_into (end_time, "25:00");
  press_enter (end_time);
  g_assert_true (shows (end_message));
  g_clear_pointer (&stored, g_free);
  stored = stored_field (f, "end-time");
  g_assert_null (stored);
}

static void
test_details_choices (Fixture       *f,
                      gconstpointer  data)
{
  UprDetailsEditor *details = details_of (f);
  GtkDropDown *kind = part (details, UPR_TYPE_DETAILS_EDITOR, "kind_drop_down");
  GtkDropDown *cycle = part (details, UPR_TYPE_DETAILS_EDITOR, "cycle_drop_down");
  GtkDropDown *country = part (details, UPR_TYPE_DETAILS_EDITOR, "country_drop_down");
  GtkTextView *objectives = part (details, UPR_TYPE_DETAILS_EDITOR, "objectives_view");
  g_autoptr(UprWorkshop) stored = NULL;

  g_assert_nonnull (gtk_drop_down_get_selected_item (country));

  /* Drop-downs save at once. */
  upr_form_set_vocab_id (kind, "training");
  gtk_drop_down_set_selected (cycle, 4);
  stored = stored_workshop (f);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (stored), "kind"), ==, "training");
  g_assert_cmpint (upr_record_get_int (UPR_RECORD (stored), "cycle"), ==, 4);

  /* Multi-line text after the pause. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (objectives),
                            "Agree on a plan.\nName who does what.", -1);
  wait_until (stored_value_is,
              &(StoredValue) { f, "objectives", "Agree on a plan.\nName who does what." });
}

/* Programme */

static UprAgendaEditor *
open_agenda_editor (Fixture *f)
{
  UprAgendaEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (programme_of (f)), "programme.add", NULL);
  editor = find_toplevel (UPR_TYPE_AGENDA_EDITOR);
  g_assert_nonnull (editor);
  return editor;
}

static void
add_agenda_item (Fixture    *f,
                 const char *time,
                 const char *title,
                 gboolean    confirmed)
{
  UprAgendaEditor *editor = open_agenda_editor (f);

  type_into (part (editor, UPR_TYPE_AGENDA_EDITOR, "time_entry"), time);
  type_into (part (editor, UPR_TYPE_AGENDA_EDITOR, "title_entry"), title);
  gtk_check_button_set_active (part (editor, UPR_TYPE_AGENDA_EDITOR, "confirmed_check"),
                               confirmed);
  g_assert_true (upr_agenda_editor_save (editor));
  run_for (20);
  g_assert_null (find_toplevel (UPR_TYPE_AGENDA_EDITOR));
}

static char *
agenda_titles (GListModel *items)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(UprRecord) item = g_list_model_get_item (items, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "",
                              upr_record_get_string (item, "title"));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static char *
stored_agenda (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items =
    upr_store_list_agenda (f->store, upr_record_get_id (UPR_RECORD (f->workshop)), &error);

  g_assert_no_error (error);
  return agenda_titles (items);
}

static void
select_row (UprProgrammeView *programme,
            int               index)
{
  GtkListBox *list = part (programme, UPR_TYPE_PROGRAMME_VIEW, "list");

  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, index));
}

static void
test_programme (Fixture       *f,
                gconstpointer  data)
{
  UprProgrammeView *programme = programme_of (f);
  GListModel *items = upr_programme_view_get_items (programme);
  GtkStack *stack = part (programme, UPR_TYPE_PROGRAMME_VIEW, "stack");
  GtkListBox *list = part (programme, UPR_TYPE_PROGRAMME_VIEW, "list");
  UprAgendaEditor *editor;
  g_autofree char *titles = NULL;

  upr_workshop_page_set_tab (f->page, "programme");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* An item needs a title; the dialog says so and stays. */
  editor = open_agenda_editor (f);
  g_assert_false (upr_agenda_editor_save (editor));
  g_assert_true (shows (part (editor, UPR_TYPE_AGENDA_EDITOR, "title_message")));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);

  add_agenda_item (f, "13:00", "Welcome", TRUE);
  add_agenda_item (f, "13:05", "Statement of the NHRI", FALSE);
  add_agenda_item (f, "13:45", "Questions and answers", TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  titles = stored_agenda (f);
  g_assert_cmpstr (titles, ==, "Welcome|Statement of the NHRI|Questions and answers");

  /* "tbc" shows on the unconfirmed item only. */
  g_assert_false (shows (part (gtk_list_box_get_row_at_index (list, 0), UPR_TYPE_AGENDA_ROW,
                               "tbc_label")));
  g_assert_true (shows (part (gtk_list_box_get_row_at_index (list, 1), UPR_TYPE_AGENDA_ROW,
                              "tbc_label")));

  /* Alt+Up: the selected item moves up, in the view and in the store. */
  select_row (programme, 1);
  gtk_widget_activate_action (GTK_WIDGET (programme), "programme.move-up", NULL);
  g_clear_pointer (&titles, g_free);
  titles = agenda_titles (items);
  g_assert_cmpstr (titles, ==, "Statement of the NHRI|Welcome|Questions and answers");
  g_clear_pointer (&titles, g_free);
  titles = stored_agenda (f);
  g_assert_cmpstr (titles, ==, "Statement of the NHRI|Welcome|Questions and answers");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 0);
  /* At the top, up goes nowhere. */
  gtk_widget_activate_action (GTK_WIDGET (programme), "programme.move-up", NULL);
  g_clear_pointer (&titles, g_free);
  titles = stored_agenda (f);
  g_assert_cmpstr (titles, ==, "Statement of the NHRI|Welcome|Questions and answers");

  /* Alt+Down twice: to the end. */
  gtk_widget_activate_action (GTK_WIDGET (programme), "programme.move-down", NULL);
  gtk_widget_activate_action (GTK_WIDGET (programme), "programme.move-down", NULL);
  g_clear_pointer (&titles, g_free);
  titles = stored_agenda (f);
  g_assert_cmpstr (titles, ==, "Welcome|Questions and answers|Statement of the NHRI");

  /* Edit the selected item, with a speaker's organisation not known yet. */
  select_row (programme, 0);
  gtk_widget_activate_action (GTK_WIDGET (programme), "programme.edit", "s", "");
  editor = find_toplevel (UPR_TYPE_AGENDA_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (part (editor, UPR_TYPE_AGENDA_EDITOR, "title_entry")),
                   ==, "Welcome");
  type_into (part (editor, UPR_TYPE_AGENDA_EDITOR, "title_entry"), "Welcome remarks");
  type_into (part (editor, UPR_TYPE_AGENDA_EDITOR, "speaker_entry"), "Chief, UPR Branch");
  upr_organisation_entry_set_text (part (editor, UPR_TYPE_AGENDA_EDITOR, "organisation_entry"),
                                   "OHCHR");
  upr_form_set_vocab_id (part (editor, UPR_TYPE_AGENDA_EDITOR, "stakeholder_drop_down"), "un");
  g_assert_true (upr_agenda_editor_save (editor));
  g_clear_pointer (&titles, g_free);
  titles = stored_agenda (f);
  g_assert_cmpstr (titles, ==, "Welcome remarks|Questions and answers|Statement of the NHRI");
  g_assert_cmpstr (label_text (part (gtk_list_box_get_row_at_index (list, 0), UPR_TYPE_AGENDA_ROW,
                                     "detail_label")), ==, "Chief, UPR Branch, OHCHR");
  {
    g_autoptr(UprOrganisation) ohchr = upr_store_find_organisation (f->store, "ohchr", NULL);

    g_assert_nonnull (ohchr);
    g_assert_cmpstr (upr_record_get_string (UPR_RECORD (ohchr), "stakeholder-type"), ==, "un");
  }
}

static void
test_programme_delete_undo (Fixture       *f,
                            gconstpointer  data)
{
  UprProgrammeView *programme = programme_of (f);
  UprUndoBar *undo_bar = part (f->page, UPR_TYPE_WORKSHOP_PAGE, "undo_bar");
  g_autofree char *titles = NULL;

  upr_workshop_page_set_tab (f->page, "programme");
  add_agenda_item (f, "10:00", "Opening", TRUE);
  add_agenda_item (f, "10:15", "Presentation", TRUE);
  add_agenda_item (f, "11:00", "Break", TRUE);

  select_row (programme, 1);
  gtk_widget_activate_action (GTK_WIDGET (programme), "programme.delete", "s", "");
  titles = stored_agenda (f);
  g_assert_cmpstr (titles, ==, "Opening|Break");
  g_assert_true (upr_undo_bar_get_pending (undo_bar));

  g_assert_true (upr_undo_bar_undo (undo_bar));
  g_clear_pointer (&titles, g_free);
  titles = stored_agenda (f);
  g_assert_cmpstr (titles, ==, "Opening|Presentation|Break");
  g_clear_pointer (&titles, g_free);
  titles = agenda_titles (upr_programme_view_get_items (programme));
  g_assert_cmpstr (titles, ==, "Opening|Presentation|Break");
}

/* A row dropped on another takes its place (what GtkDropTarget::drop leads to). */
static void
test_programme_drop (Fixture       *f,
                     gconstpointer  data)
{
  UprProgrammeView *programme = programme_of (f);
  GtkListBox *list = part (programme, UPR_TYPE_PROGRAMME_VIEW, "list");
  GtkListBoxRow *first, *last;
  g_autofree char *titles = NULL;

  upr_workshop_page_set_tab (f->page, "programme");
  add_agenda_item (f, "10:00", "Opening", TRUE);
  add_agenda_item (f, "10:15", "Presentation", TRUE);
  add_agenda_item (f, "11:00", "Break", TRUE);

  first = gtk_list_box_get_row_at_index (list, 0);
  last = gtk_list_box_get_row_at_index (list, 2);
  g_signal_emit_by_name (first, "item-dropped", upr_agenda_row_get_item (UPR_AGENDA_ROW (last)));
  titles = stored_agenda (f);
  g_assert_cmpstr (titles, ==, "Break|Opening|Presentation");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (list)), ==, 0);
}

/* Participants */

static void
type_participant (Fixture    *f,
                  const char *name,
                  const char *gender,
                  const char *organisation,
                  const char *stakeholder)
{
  UprParticipantEntry *entry = entry_of (f);

  type_into (part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "name_entry"), name);
  upr_form_set_vocab_id (part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "gender_drop_down"), gender);
  upr_organisation_entry_set_text (part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "organisation_entry"),
                                   organisation);
  if (stakeholder != NULL)
    upr_form_set_vocab_id (part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "stakeholder_drop_down"),
                           stakeholder);
}

static void
test_fast_entry (Fixture       *f,
                 gconstpointer  data)
{
  UprParticipantsView *view = participants_of (f);
  UprParticipantEntry *entry = entry_of (f);
  GtkEntry *name = part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "name_entry");
  GtkEntry *email = part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "email_entry");
  GtkLabel *totals = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "totals_label");
  GtkStack *stack = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "stack");
  UprParticipantList *list = upr_participants_view_get_list (view);
  g_autoptr(UprOrganisation) organisation = NULL;
  g_autoptr(GListModel) organisations = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *focus;

  upr_workshop_page_set_tab (f->page, "participants");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (label_text (totals), ==,
                   "0 participants · 0 women · 0 men · 0 other or not stated");

  /* Enter with no name: nothing added, the row says why. */
  press_enter (name);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (shows (part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "message")));

  /* A participant with a new organisation, created with the stakeholder type chosen. */
  type_participant (f, "Chantal Mujinga", "woman", "Action des femmes pour la justice", "cso");
  type_into (email, "chantal@example.org");
  press_enter (email);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (name) || gtk_widget_is_ancestor (focus, GTK_WIDGET (name)));
  organisation = upr_store_find_organisation (f->store, "action des femmes pour la justice",
                                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (organisation);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (organisation), "stakeholder-type"), ==,
                   "cso");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* The same organisation typed differently is found, not created twice. */
  type_participant (f, "Jean Kabongo", "man", "ACTION des Femmes pour la Justice", NULL);
  g_assert_nonnull (upr_organisation_entry_get_organisation (
    part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "organisation_entry")));
  press_enter (name);
  type_participant (f, "Alex Mbuyi", NULL, NULL, NULL);
  press_enter (name);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  organisations = upr_store_list_organisations (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (organisations), ==, 1);

  /* The counts follow. */
  g_assert_cmpstr (label_text (totals), ==,
                   "3 participants · 1 woman · 1 man · 1 other or not stated");
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, "cso"), ==, 2);
  g_assert_cmpuint (upr_participant_list_count_stakeholder (list, NULL), ==, 1);
}

static void
test_already_known (Fixture       *f,
                    gconstpointer  data)
{
  UprParticipantsView *view = participants_of (f);
  UprParticipantEntry *entry = entry_of (f);
  GtkEntry *name = part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "name_entry");
  GtkRevealer *offer = part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "match_revealer");
  UprParticipantList *list = upr_participants_view_get_list (view);
  g_autoptr(UprPerson) known = known_person (f, "Marie-José Dupont");
  g_autoptr(UprParticipant) added = NULL;

  upr_workshop_page_set_tab (f->page, "participants");

  /* Typed without accents and capitals: still offered, and Enter alone does not add. */
  type_participant (f, "marie-jose dupont", NULL, NULL, NULL);
  g_assert_nonnull (upr_participant_entry_get_offered (entry));
  g_assert_true (gtk_revealer_get_reveal_child (offer));
  g_assert_false (upr_participant_entry_submit (entry));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* "Use Known Person": the same person attends, spelled as on record. */
  g_signal_emit_by_name (part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "use_button"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Marie-José Dupont");
  press_enter (name);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  added = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (upr_record_get_id (UPR_RECORD (upr_participant_get_person (added))), ==,
                   upr_record_get_id (UPR_RECORD (known)));
  g_assert_cmpuint (n_stored_people_named (f, "Marie-José Dupont"), ==, 1);

  /* Typed again: she is already here; only "New Person With This Name" adds a namesake. */
  type_participant (f, "Marie-José Dupont", NULL, NULL, NULL);
  g_assert_nonnull (upr_participant_entry_get_offered (entry));
  g_assert_false (shows (part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "use_button")));
  g_assert_false (upr_participant_entry_submit (entry));
  g_signal_emit_by_name (part (entry, UPR_TYPE_PARTICIPANT_ENTRY, "new_button"), "clicked");
  g_assert_true (upr_participant_entry_submit (entry));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (n_stored_people_named (f, "Marie-José Dupont"), ==, 2);
}

static const char *
shown_name (GListModel *shown,
            guint       position)
{
  g_autoptr(UprParticipant) participant = g_list_model_get_item (shown, position);

  g_assert_nonnull (participant);
  return upr_participant_get_name (participant);
}

typedef struct
{
  GListModel *model;
  guint       n;
} Count;

static gboolean
count_is (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->model) == count->n;
}

static void
search_for (Fixture    *f,
            const char *text,
            guint       expected)
{
  UprParticipantsView *view = participants_of (f);

  type_into (part (view, UPR_TYPE_PARTICIPANTS_VIEW, "search_entry"), text);
  wait_until (count_is, &(Count) { upr_participants_view_get_shown (view), expected });
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  UprParticipantsView *view = participants_of (f);
  GListModel *shown = upr_participants_view_get_shown (view);
  GtkStack *stack = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "stack");

  upr_workshop_page_set_tab (f->page, "participants");
  add_participant (f, "José Martínez", "man", "Commission nationale des droits de l’homme");
  add_participant (f, "Jean Dupont", "man", NULL);
  add_participant (f, "Ana Souza", "woman", "Réseau des femmes de Côte d’Ivoire");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* Folded: no accents, no capitals needed. */
  search_for (f, "jose", 1);
  g_assert_cmpstr (shown_name (shown, 0), ==, "José Martínez");
  /* Every word, in any order, in name or organisation. */
  search_for (f, "cote femmes", 1);
  g_assert_cmpstr (shown_name (shown, 0), ==, "Ana Souza");
  search_for (f, "zz", 0);
  search_for (f, "zzz", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
  g_assert_cmpstr (label_text (part (view, UPR_TYPE_PARTICIPANTS_VIEW, "no_results_label")), ==,
                   "No participant matches “zzz”.");
  search_for (f, "", 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

/* The selection follows the person, not the row: a search that hides the selected
 * participant leaves nobody selected, so Delete cannot remove whoever took the row. */
static void
test_selection_follows_person (Fixture       *f,
                               gconstpointer  data)
{
  UprParticipantsView *view = participants_of (f);
  GtkSingleSelection *selection = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "selection");
  GtkColumnView *columns = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "column_view");
  UprParticipantList *list = upr_participants_view_get_list (view);
  g_autoptr(GtkColumnViewColumn) name =
    g_list_model_get_item (gtk_column_view_get_columns (columns), 0);

  upr_workshop_page_set_tab (f->page, "participants");
  add_participant (f, "José Martínez", "man", NULL);
  add_participant (f, "Jean Dupont", "man", NULL);
  add_participant (f, "Ana Souza", "woman", NULL);
  gtk_column_view_sort_by_column (columns, name, GTK_SORT_ASCENDING);
  gtk_single_selection_set_selected (selection, 1);
  g_assert_cmpstr (shown_name (upr_participants_view_get_shown (view), 1), ==, "Jean Dupont");

  search_for (f, "jose", 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  gtk_widget_activate_action (GTK_WIDGET (view), "participants.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  search_for (f, "", 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);

  /* A new participant sorted before him moves his row; he stays selected. */
  add_participant (f, "Aaron Ilunga", "man", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (view), "participants.delete", NULL);
  search_for (f, "dupont", 0);
}

static void
filter_changed_cb (GtkFilter       *filter,
                   GtkFilterChange  change,
                   gpointer         user_data)
{
  *(GtkFilterChange *) user_data = change;
}

/* Slots (upr-slots.h), over participants held in memory. */

static UprParticipant *
participant_named (const char *name)
{
  g_autoptr(UprPerson) person = upr_person_new ();
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();

  upr_record_set_string (UPR_RECORD (person), "name", name);
  return upr_participant_new (attendance, person, NULL);
}

static GListStore *
store_of_participants (guint n)
{
  GListStore *store = g_list_store_new (UPR_TYPE_PARTICIPANT);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %03u", i);
      g_autoptr(UprParticipant) participant = participant_named (name);

      g_list_store_append (store, participant);
    }
  return store;
}

static UprSlot *
slot_at (UprSlots *slots,
         guint     position)
{
  UprSlot *slot = g_list_model_get_item (G_LIST_MODEL (slots), position);

  g_assert_nonnull (slot);
  g_object_unref (slot); /* the slots keep it */
  return slot;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Every slot holds the participant now at its place, watched or not, read before or after
 * the change; only watched slots tell. */
static void
test_slots_follow_model (void)
{
  g_autoptr(GListStore) store = store_of_participants (10);
  g_autoptr(UprSlots) slots = upr_slots_new (G_LIST_MODEL (store));
  g_autoptr(UprParticipant) added = participant_named ("Added first");
  const char *const shown[] = { "name", NULL };
  UprSlot *watched, *unwatched;
  guint n_watched_notes = 0, n_unwatched_notes = 0;

  upr_slots_set_item_properties (slots, shown);
  watched = slot_at (slots, 3);
  unwatched = slot_at (slots, 4);
  upr_slot_watch (watched);
  g_signal_connect (watched, "notify::item", G_CALLBACK (count_notify_cb), &n_watched_notes);
  g_signal_connect (unwatched, "notify::item", G_CALLBACK (count_notify_cb), &n_unwatched_notes);

  g_list_store_insert (store, 0, added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 11);
  g_assert_true (slot_at (slots, 3) == watched);
  g_assert_cmpstr (upr_participant_get_name (upr_slot_get_item (watched)), ==,
                   "Participant 002");
  g_assert_cmpuint (n_watched_notes, ==, 1);
  g_assert_cmpuint (n_unwatched_notes, ==, 0);
  g_assert_cmpstr (upr_participant_get_name (upr_slot_get_item (unwatched)), ==,
                   "Participant 003");
  g_assert_cmpuint (upr_slots_find (slots, added), ==, 0);

  /* A watched slot follows its participant's edits too. */
  upr_record_set_string (UPR_RECORD (upr_participant_get_person (upr_slot_get_item (watched))),
                         "name", "Renamed");
  g_assert_cmpuint (n_watched_notes, ==, 2);

  /* Past the end: the slot goes, and holds no one. */
  g_object_ref (watched);
  g_list_store_splice (store, 2, 9, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 2);
  g_assert_null (upr_slot_get_item (watched));
  upr_slot_unwatch (watched);
  g_object_unref (watched);
}

static void
test_slots_pacing (void)
{
  g_autoptr(GListStore) store = store_of_participants (300);
  g_autoptr(GListStore) none = g_list_store_new (UPR_TYPE_PARTICIPANT);
  g_autoptr(UprSlots) slots = upr_slots_new (G_LIST_MODEL (none));
  GListModel *model = G_LIST_MODEL (slots);
  UprSlot *in_view, *out_of_view;
  guint n_out_of_view_notes = 0, n_steps = 0;

  upr_slots_set_step (slots, 4);
  upr_slots_set_view (slots, 0, 8);

  /* Growing: the view at once, then four at a time; past the rows GTK builds, all. */
  upr_slots_set_model (slots, G_LIST_MODEL (store));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);
  g_assert_cmpuint (upr_slots_get_pending (slots), ==, 292);
  upr_slots_catch_up (slots);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);
  while (upr_slots_get_pending (slots) > 0)
    {
      upr_slots_catch_up (slots);
      n_steps++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);
  g_assert_cmpuint (n_steps, <, 70);

  /* Refreshing: rows in view at once, the others on catching up. */
  in_view = slot_at (slots, 2);
  out_of_view = slot_at (slots, 20);
  upr_slot_watch (in_view);
  upr_slot_watch (out_of_view);
  g_signal_connect (out_of_view, "notify::item", G_CALLBACK (count_notify_cb),
                    &n_out_of_view_notes);
  g_list_store_remove (store, 0);
  g_assert_cmpuint (n_out_of_view_notes, ==, 0);
  g_assert_cmpuint (upr_slots_get_pending (slots), >, 0);
  /* What a slot holds is never stale, only what its cells were last told. */
  g_assert_cmpstr (upr_participant_get_name (upr_slot_get_item (out_of_view)), ==,
                   "Participant 021");
  upr_slots_catch_up (slots);
  g_assert_cmpuint (n_out_of_view_notes, ==, 1);

  /* Shrinking below the view: at once. */
  upr_slot_unwatch (in_view);
  upr_slot_unwatch (out_of_view);
  while (upr_slots_get_pending (slots) > 0)
    upr_slots_catch_up (slots);
  g_list_store_splice (store, 5, g_list_model_get_n_items (G_LIST_MODEL (store)) - 5, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpuint (upr_slots_get_pending (slots), ==, 0);

  /* Shrinking while the view stays full: the slots past the end hold no one until they
   * go, a step at a time. */
  g_list_store_splice (store, 0, 5, NULL, 0);
  {
    g_autoptr(GListStore) more = store_of_participants (100);

    for (guint i = 0; i < 100; i++)
      {
        g_autoptr(UprParticipant) participant = g_list_model_get_item (G_LIST_MODEL (more), i);

        g_list_store_append (store, participant);
      }
  }
  while (upr_slots_get_pending (slots) > 0)
    upr_slots_catch_up (slots);
  g_list_store_splice (store, 30, 70, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 96);
  g_assert_nonnull (upr_slot_get_item (slot_at (slots, 29)));
  g_assert_null (upr_slot_get_item (slot_at (slots, 30)));
  g_assert_cmpuint (upr_slots_find (slots, NULL), ==, GTK_INVALID_LIST_POSITION);
  while (upr_slots_get_pending (slots) > 0)
    upr_slots_catch_up (slots);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 30);

  /* No step: nothing held back. */
  upr_slots_set_step (slots, 0);
  g_list_store_splice (store, 0, 30, NULL, 0);
  upr_slots_set_model (slots, G_LIST_MODEL (none));
  upr_slots_set_model (slots, G_LIST_MODEL (store));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
}

/* More participants than GTK builds rows for, stored in one go, then shown. Even ones are
 * "Mbuyi", odd ones "Kabila". */
static void
add_many_participants (Fixture *f,
                       guint    n)
{
  UprParticipantList *list = upr_participants_view_get_list (participants_of (f));
  g_autoptr(GError) error = NULL;

  g_assert_true (upr_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprPerson) person = upr_person_new ();
      g_autoptr(UprAttendance) attendance = upr_attendance_new ();
      g_autofree char *name = g_strdup_printf ("%s %03u", i % 2 == 0 ? "Mbuyi" : "Kabila", i);

      upr_record_set_string (UPR_RECORD (person), "name", name);
      upr_record_set_string (UPR_RECORD (attendance), "workshop-id",
                             upr_record_get_id (UPR_RECORD (f->workshop)));
      g_assert_true (upr_store_save_participant (f->store, person, attendance, &error));
      g_assert_no_error (error);
    }
  g_assert_true (upr_store_commit (f->store, &error));
  g_assert_true (upr_participant_list_reload (list, &error));
  g_assert_no_error (error);
}

static gboolean
slots_settled (gpointer data)
{
  return upr_slots_get_pending (data) == 0;
}

/* The name each row GTK has built shows, in order; the list is not scrolled, so row i is
 * participant i. */
static GPtrArray *
row_names (UprParticipantsView *view)
{
  GtkWidget *columns = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "column_view");
  GPtrArray *names = g_ptr_array_new ();

  for (GtkWidget *list = gtk_widget_get_first_child (columns); list != NULL;
       list = gtk_widget_get_next_sibling (list))
    for (GtkWidget *row = GTK_IS_LIST_VIEW (list) ? gtk_widget_get_first_child (list) : NULL;
         row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        GtkWidget *cell = gtk_widget_get_first_child (row);
        GtkWidget *text = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;

        if (GTK_IS_INSCRIPTION (text))
          g_ptr_array_add (names, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (text)));
      }
  return names;
}

/* The first @n rows (all built rows with 0) show who is there. */
static void
assert_rows_show (UprParticipantsView *view,
                  guint                n)
{
  g_autoptr(GPtrArray) names = row_names (view);
  GListModel *shown = upr_participants_view_get_shown (view);

  g_assert_cmpuint (names->len, >, 0);
  if (n == 0)
    {
      n = names->len;
      g_assert_cmpuint (n, <=, g_list_model_get_n_items (shown));
    }
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, shown_name (shown, i));
}

/* A list longer than GTK builds rows for: rows in view are right at once, the others once
 * the view has caught up; the selection follows the person through all of it. */
static void
test_many_participants (Fixture       *f,
                        gconstpointer  data)
{
  UprParticipantsView *view = participants_of (f);
  UprSlots *slots = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "slots");
  GtkSingleSelection *selection = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "selection");
  GtkWidget *search = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "search_entry");
  GListModel *shown = upr_participants_view_get_shown (view);
  UprParticipantList *list = upr_participants_view_get_list (view);
  g_autoptr(UprParticipant) chosen = NULL;
  guint chosen_position = 0;

  upr_workshop_page_set_tab (f->page, "participants");
  add_many_participants (f, 260);
  wait_until (slots_settled, slots);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 260);
  run_for (50);
  assert_rows_show (view, 0);

  /* Someone far down the list, with no row built. */
  for (guint i = 0; chosen == NULL && i < 260; i++)
    if (g_str_equal (shown_name (shown, i), "Mbuyi 258"))
      {
        chosen = g_list_model_get_item (shown, i);
        chosen_position = i;
      }
  g_assert_cmpuint (chosen_position, >, 250);
  gtk_single_selection_set_selected (selection, chosen_position);

  /* The search handled at once (no frame in between): the first rows are already right. */
  gtk_editable_set_text (GTK_EDITABLE (search), "mbuyi");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 130);
  assert_rows_show (view, 5);
  g_assert_cmpuint (upr_slots_get_pending (slots), >, 0);
  g_assert_nonnull (gtk_single_selection_get_selected_item (selection));
  g_assert_true (upr_slot_get_item (gtk_single_selection_get_selected_item (selection))
                 == chosen);
  wait_until (slots_settled, slots);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 130);
  run_for (50);
  assert_rows_show (view, 0);

  /* Hidden, then back: selected again once their row is there. */
  search_for (f, "kabila", 130);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  search_for (f, "", 260);
  wait_until (slots_settled, slots);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, chosen_position);
  run_for (50);
  assert_rows_show (view, 0);

  /* Delete removes them and no one else. */
  gtk_widget_activate_action (GTK_WIDGET (view), "participants.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 259);
  g_assert_cmpuint (upr_slots_find (slots, chosen), ==, GTK_INVALID_LIST_POSITION);

  /* Down to a handful: no row is left holding someone who went. */
  search_for (f, "kabila 00", 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);
  assert_rows_show (view, 5);
}

/* Narrowing the search must not make the list re-examine rows it already dropped. */
static void
test_filter_strictness (void)
{
  g_autoptr(UprParticipantFilter) filter = upr_participant_filter_new ();
  GtkFilterChange change = -1;

  g_signal_connect (filter, "changed", G_CALLBACK (filter_changed_cb), &change);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  upr_participant_filter_set_query (filter, "Jo");
  g_assert_cmpint (change, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  upr_participant_filter_set_query (filter, "Jos");
  g_assert_cmpint (change, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  upr_participant_filter_set_query (filter, "José k");
  g_assert_cmpint (change, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  upr_participant_filter_set_query (filter, "Jo");
  g_assert_cmpint (change, ==, GTK_FILTER_CHANGE_LESS_STRICT);
  upr_participant_filter_set_query (filter, "an");
  g_assert_cmpint (change, ==, GTK_FILTER_CHANGE_DIFFERENT);
  upr_participant_filter_set_query (filter, "  ");
  g_assert_cmpint (change, ==, GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  UprParticipantsView *view = participants_of (f);
  GtkColumnView *columns = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "column_view");
  GListModel *shown = upr_participants_view_get_shown (view);
  g_autoptr(GtkColumnViewColumn) name =
    g_list_model_get_item (gtk_column_view_get_columns (columns), 0);
  g_autoptr(GtkColumnViewColumn) organisation =
    g_list_model_get_item (gtk_column_view_get_columns (columns), 1);

  upr_workshop_page_set_tab (f->page, "participants");
  add_participant (f, "Bernard Ilunga", "man", "Zeta Foundation");
  add_participant (f, "Ana Souza", "woman", "Alpha Network");
  add_participant (f, "Élodie Kasa", "woman", "Mu Institute");

  gtk_column_view_sort_by_column (columns, name, GTK_SORT_ASCENDING);
  g_assert_cmpstr (shown_name (shown, 0), ==, "Ana Souza");
  g_assert_cmpstr (shown_name (shown, 2), ==, "Élodie Kasa");
  gtk_column_view_sort_by_column (columns, name, GTK_SORT_DESCENDING);
  g_assert_cmpstr (shown_name (shown, 0), ==, "Élodie Kasa");
  gtk_column_view_sort_by_column (columns, organisation, GTK_SORT_ASCENDING);
  g_assert_cmpstr (shown_name (shown, 0), ==, "Ana Souza");
  g_assert_cmpstr (shown_name (shown, 1), ==, "Élodie Kasa");
  g_assert_cmpstr (shown_name (shown, 2), ==, "Bernard Ilunga");

  /* The search keeps the order. */
  search_for (f, "a", 3);
  g_assert_cmpstr (shown_name (shown, 2), ==, "Bernard Ilunga");
}

static void
test_participant_delete_undo (Fixture       *f,
                              gconstpointer  data)
{
  UprParticipantsView *view = participants_of (f);
  GtkSingleSelection *selection = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "selection");
  GtkLabel *totals = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "totals_label");
  UprUndoBar *undo_bar = part (f->page, UPR_TYPE_WORKSHOP_PAGE, "undo_bar");
  UprParticipantList *list = upr_participants_view_get_list (view);
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;

  upr_workshop_page_set_tab (f->page, "participants");
  add_participant (f, "Ana Souza", "woman", NULL);
  add_participant (f, "Jean Dupont", "man", NULL);
  /* Nothing selected: Delete removes nobody. */
  gtk_widget_activate_action (GTK_WIDGET (view), "participants.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  gtk_single_selection_set_selected (selection, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "participants.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpstr (label_text (totals), ==,
                   "1 participant · 0 women · 1 man · 0 other or not stated");
  g_assert_true (upr_undo_bar_get_pending (undo_bar));

  /* Undo: back in the list, in the store, in the counts. */
  g_assert_true (upr_undo_bar_undo (undo_bar));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpstr (label_text (totals), ==,
                   "2 participants · 1 woman · 1 man · 0 other or not stated");
  {
    g_autoptr(UprParticipantList) reloaded =
      upr_participant_list_new (f->context, upr_record_get_id (UPR_RECORD (f->workshop)), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  }
}

static void
test_participant_editor (Fixture       *f,
                         gconstpointer  data)
{
  UprParticipantsView *view = participants_of (f);
  GtkSingleSelection *selection = part (view, UPR_TYPE_PARTICIPANTS_VIEW, "selection");
  UprParticipantEditor *editor;
  GtkEntry *description;
  g_autoptr(UprParticipant) participant = NULL;
  UprRecord *person;

  upr_workshop_page_set_tab (f->page, "participants");
  add_participant (f, "Amani Baraka", NULL, NULL);
  gtk_single_selection_set_selected (selection, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "participants.edit", NULL);
  editor = find_toplevel (UPR_TYPE_PARTICIPANT_EDITOR);
  g_assert_nonnull (editor);

  /* The self-description appears with "Self-described" only. */
  description = part (editor, UPR_TYPE_PARTICIPANT_EDITOR, "gender_description_entry");
  g_assert_false (shows (description));
  upr_form_set_vocab_id (part (editor, UPR_TYPE_PARTICIPANT_EDITOR, "gender_drop_down"),
                         "self-described");
  g_assert_true (shows (description));
  type_into (description, "Genderfluid");

  /* A mistyped email is caught before anything is saved. */
  type_into (part (editor, UPR_TYPE_PARTICIPANT_EDITOR, "email_entry"), "Amani Baraka");
  g_assert_false (upr_participant_editor_save (editor));
  type_into (part (editor, UPR_TYPE_PARTICIPANT_EDITOR, "email_entry"), "amani@example.org");
  upr_date_entry_set_text (part (editor, UPR_TYPE_PARTICIPANT_EDITOR, "consent_date"),
                           "2025-06-17");
  upr_form_set_vocab_id (part (editor, UPR_TYPE_PARTICIPANT_EDITOR, "consent_drop_down"),
                         "reports");
  upr_form_set_vocab_id (part (editor, UPR_TYPE_PARTICIPANT_EDITOR, "mode_drop_down"), "online");
  gtk_spin_button_set_value (part (editor, UPR_TYPE_PARTICIPANT_EDITOR, "days_spin"), 2);
  g_assert_true (upr_participant_editor_save (editor));

  participant = g_list_model_get_item (G_LIST_MODEL (upr_participants_view_get_list (view)), 0);
  person = upr_store_load (f->store, UPR_TYPE_PERSON,
                           upr_record_get_id (UPR_RECORD (upr_participant_get_person (
                             participant))),
                           NULL);
  g_assert_nonnull (person);
  g_assert_cmpstr (upr_record_get_string (person, "gender"), ==, "self-described");
  g_assert_cmpstr (upr_record_get_string (person, "gender-description"), ==, "Genderfluid");
  g_assert_cmpstr (upr_record_get_string (person, "email"), ==, "amani@example.org");
  g_assert_cmpstr (upr_record_get_string (person, "consent-date"), ==, "2025-06-17");
  g_assert_cmpstr (upr_record_get_string (person, "consent-scope"), ==, "reports");
  g_assert_cmpint (upr_participant_list_count_gender (upr_participants_view_get_list (view),
                                                      "self-described"), ==, 1);
  g_object_unref (person);
}

/* Pure input checks used by every form. */
static void
test_form_parsing (void)
{
  static const struct { const char *in; gboolean ok; const char *out; } times[] = {
    { "9:30", TRUE, "09:30" }, { "13h", TRUE, "13:00" }, { "13 h 30", TRUE, "13:30" },
    { "1300", TRUE, "13:00" }, { "", TRUE, NULL }, { "24:00", FALSE, NULL },
    { "9:3", FALSE, NULL }, { "13:", FALSE, NULL }, { "noon", FALSE, NULL },
  };
  static const struct { const char *in; gboolean ok; const char *out; } dates[] = {
    { "2024-03-27", TRUE, "2024-03-27" }, { " 2024-3-7 ", TRUE, "2024-03-07" },
    { "", TRUE, NULL }, { "2024-02-30", FALSE, NULL }, { "27/03/2024", FALSE, NULL },
    { "24-03-27", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (upr_form_parse_time (times[i].in, &out), ==, times[i].ok);
      g_assert_cmpstr (out, ==, times[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (upr_form_parse_date (dates[i].in, &out), ==, dates[i].ok);
      g_assert_cmpstr (out, ==, dates[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  upr_test_lsan_ignore_quark_array ();
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/upright/gui/workshop/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  g_test_add_func ("/upright/gui/workshop/form/parsing", test_form_parsing);
  g_test_add_func ("/upright/gui/workshop/participants/filter-strictness",
                   test_filter_strictness);
  g_test_add_func ("/upright/gui/workshop/participants/slots-follow-model",
                   test_slots_follow_model);
  g_test_add_func ("/upright/gui/workshop/participants/slots-pacing", test_slots_pacing);
  ADD ("details/title", test_details_title);
  ADD ("details/dates", test_details_dates);
  ADD ("details/choices", test_details_choices);
  ADD ("programme/add-reorder-tbc", test_programme);
  ADD ("programme/delete-undo", test_programme_delete_undo);
  ADD ("programme/drop", test_programme_drop);
  ADD ("participants/fast-entry", test_fast_entry);
  ADD ("participants/already-known", test_already_known);
  ADD ("participants/search", test_search);
  ADD ("participants/sort", test_sort);
  ADD ("participants/selection-follows-person", test_selection_follows_person);
  ADD ("participants/many", test_many_participants);
  ADD ("participants/delete-undo", test_participant_delete_undo);
  ADD ("participants/editor", test_participant_editor);

  return g_test_run ();
}
