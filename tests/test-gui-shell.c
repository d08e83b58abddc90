/* test-gui-shell.c: the main window driven through its actions, as a user would, on a
 * temporary database: welcome page, demo data, new workshop, delete and undo, preferences,
 * search and the place remembered between runs. Needs a display (Xvfb). */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "upr-context.h"
#include "upr-country.h"
#include "upr-demo.h"
#include "upr-matrix-page.h"
#include "upr-overview-page.h"
#include "upr-preferences-dialog.h"
#include "upr-sidebar.h"
#include "upr-store.h"
#include "upr-undo-bar.h"
#include "upr-window.h"
#include "upr-workshop-dialog.h"
#include "upr-workshop.h"
#include "upr-test-lsan.h"

typedef struct
{
  char       *dir;
  char       *path;
  UprStore   *store;
  GSettings  *settings;
  UprContext *context;
  UprWindow  *window;
} Fixture;

/* Runs the main loop until @done says so, or fails after a few seconds. */
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

/* Lets pending events (mapping, layout, idle handlers) run. */
static void
flush (void)
{
  gint64 end = g_get_monotonic_time () + 50 * 1000;

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
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }

  return NULL;
}

static void
open_window (Fixture *fixture)
{
  fixture->window = upr_window_new (NULL, fixture->context);
  gtk_window_present (GTK_WINDOW (fixture->window));
  flush ();
}

static void
close_window (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  flush ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettingsBackend) backend = g_memory_settings_backend_new ();

  fixture->dir = g_dir_make_tmp ("upright-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "upright.db", NULL);
  fixture->store = upr_store_open (fixture->path, &error);
  g_assert_no_error (error);
  /* A backend of its own per test: nothing remembered from the test before. */
  fixture->settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  fixture->context = upr_context_new (fixture->store, fixture->settings);

  /* Tests given "demo" start with the demo data loaded, as `upright demo` would. */
  if (data != NULL)
    {
      upr_demo_load (fixture->store, &error);
      g_assert_no_error (error);
    }

  open_window (fixture);
}

static void
remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
activate (Fixture    *fixture,
          const char *action)
{
  gboolean found = gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL);

  flush ();
  return found;
}

static UprSidebar *
get_sidebar (Fixture *fixture)
{
  return upr_window_get_sidebar (fixture->window);
}

static const char *
current_workshop_id (Fixture *fixture)
{
  UprWorkshop *workshop = upr_window_get_workshop (fixture->window);

  return workshop != NULL ? upr_record_get_id (UPR_RECORD (workshop)) : NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
undo_bar_idle (gpointer data)
{
  return !upr_undo_bar_get_pending (data);
}

static guint
count_shown_workshops (Fixture *fixture)
{
  return g_list_model_get_n_items (upr_sidebar_get_workshops (get_sidebar (fixture)));
}

static gboolean
workshop_listed (Fixture    *fixture,
                 const char *id)
{
  GListModel *workshops = upr_sidebar_get_workshops (get_sidebar (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr (UprWorkshop) workshop = g_list_model_get_item (workshops, i);

      if (g_strcmp0 (upr_record_get_id (UPR_RECORD (workshop)), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gint64
count_workshops (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gint64 n = upr_store_count_workshops (fixture->store, &error);

  g_assert_no_error (error);
  return n;
}

/* An empty database opens on the welcome page, with every country to choose from. */
static void
test_welcome (Fixture       *fixture,
              gconstpointer  data)
{
  GListModel *countries = upr_sidebar_get_shown_countries (get_sidebar (fixture));

  g_assert_cmpstr (upr_window_get_page_name (fixture->window), ==, "welcome");
  g_assert_null (upr_window_get_country (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (countries), >, 190);
  /* Nothing to delete: no confirmation asked. */
  activate (fixture, "win.delete-workshop");
  g_assert_null (find_toplevel (GTK_TYPE_MESSAGE_DIALOG));

  /* A country chosen on an empty database shows its (empty) workshop list. */
  g_assert_true (upr_window_select (fixture->window, "KE", NULL));
  g_assert_cmpstr (upr_window_get_page_name (fixture->window), ==, "empty");
  g_assert_cmpuint (count_shown_workshops (fixture), ==, 0);
}

/* The welcome page's demo button loads the demo and opens the national workshop. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *countries = upr_sidebar_get_shown_countries (get_sidebar (fixture));
  UprWorkshop *workshop;
  gboolean seen_empty = FALSE;
  guint with_data = 0;

  g_assert_true (activate (fixture, "win.load-demo"));

  workshop = upr_window_get_workshop (fixture->window);
  g_assert_nonnull (workshop);
  g_assert_cmpstr (upr_window_get_page_name (fixture->window), ==, "workshop");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (workshop), "kind"), ==,
                   "implementation-planning");
  g_assert_cmpstr (upr_country_get_code (upr_window_get_country (fixture->window)), ==,
                   upr_record_get_string (UPR_RECORD (workshop), "country-code"));
  g_assert_true (workshop_listed (fixture, upr_record_get_id (UPR_RECORD (workshop))));

  /* Countries with workshops come first. */
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr (UprCountry) country = g_list_model_get_item (countries, i);

      if (upr_country_get_n_workshops (country) > 0
          || upr_country_get_n_recommendations (country) > 0)
        {
          g_assert_false (seen_empty);
          with_data++;
        }
      else
        seen_empty = TRUE;
    }
  g_assert_cmpuint (with_data, >=, 2);
}

static UprWorkshopDialog *
open_workshop_dialog (Fixture *fixture)
{
  UprWorkshopDialog *dialog;

  g_assert_true (activate (fixture, "win.new-workshop"));
  dialog = find_toplevel (UPR_TYPE_WORKSHOP_DIALOG);
  g_assert_nonnull (dialog);

  return dialog;
}

/* New Workshop: mistakes keep the dialog open and save nothing; a complete form creates the
 * workshop, which is then listed and shown. */
static void
test_new_workshop (Fixture       *fixture,
                   gconstpointer  data)
{
  UprWorkshopDialog *dialog;
  UprWorkshop *workshop;
  g_autofree char *proposed = NULL;

  upr_window_select (fixture->window, "SN", NULL);
  dialog = open_workshop_dialog (fixture);
  g_object_get (dialog, "country-code", &proposed, NULL);
  g_assert_cmpstr (proposed, ==, "SN");

  /* No title. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  flush ();
  g_assert_true (find_toplevel (UPR_TYPE_WORKSHOP_DIALOG) == dialog);
  g_assert_cmpint (count_workshops (fixture), ==, 0);

  /* Ends before it starts. */
  g_object_set (dialog,
                "workshop-title", "  Mid-term review with civil society  ",
                "kind", "mid-term-review",
                "country-code", "KE",
                "start-date", "2025-06-12",
                "end-date", "2025-06-10",
                NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  flush ();
  g_assert_true (find_toplevel (UPR_TYPE_WORKSHOP_DIALOG) == dialog);
  g_assert_cmpint (count_workshops (fixture), ==, 0);

  /* Not a date. */
  g_object_set (dialog, "end-date", "12 June", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  flush ();
  g_assert_cmpint (count_workshops (fixture), ==, 0);

  g_object_set (dialog, "end-date", "2025-06-13", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL);
  wait_until (dialog_gone, GSIZE_TO_POINTER (UPR_TYPE_WORKSHOP_DIALOG));

  g_assert_cmpint (count_workshops (fixture), ==, 1);
  workshop = upr_window_get_workshop (fixture->window);
  g_assert_nonnull (workshop);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (workshop), "title"), ==,
                   "Mid-term review with civil society");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (workshop), "kind"), ==, "mid-term-review");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (workshop), "start-date"), ==, "2025-06-12");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (workshop), "end-date"), ==, "2025-06-13");
  g_assert_cmpstr (upr_country_get_code (upr_window_get_country (fixture->window)), ==, "KE");
  g_assert_cmpstr (upr_window_get_page_name (fixture->window), ==, "workshop");
  g_assert_true (workshop_listed (fixture, upr_record_get_id (UPR_RECORD (workshop))));

  /* Cancel saves nothing. */
  dialog = open_workshop_dialog (fixture);
  g_object_set (dialog, "workshop-title", "Never saved", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  wait_until (dialog_gone, GSIZE_TO_POINTER (UPR_TYPE_WORKSHOP_DIALOG));
  g_assert_cmpint (count_workshops (fixture), ==, 1);
}

static gboolean
is_trashed_or_gone (UprStore   *store,
                    const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UprRecord) record = upr_store_load (store, UPR_TYPE_WORKSHOP, id, &error);

  return record == NULL || upr_record_get_string (record, "deleted-at") != NULL;
}

/* Delete through the action (confirmation answered), Undo brings the workshop back; a
 * second deletion left to time out is purged from the database. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  UprUndoBar *undo_bar = upr_window_get_undo_bar (fixture->window);
  g_autoptr (UprWorkshop) workshop = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (UprRecord) gone = NULL;
  g_autofree char *id = NULL;
  GtkDialog *confirmation;
  gint64 before = count_workshops (fixture);

  activate (fixture, "win.load-demo");
  workshop = g_object_ref (upr_window_get_workshop (fixture->window));
  id = g_strdup (upr_record_get_id (UPR_RECORD (workshop)));
  before = count_workshops (fixture);

  /* Cancelling the confirmation deletes nothing. */
  g_assert_true (activate (fixture, "win.delete-workshop"));
  confirmation = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirmation);
  gtk_dialog_response (confirmation, GTK_RESPONSE_CANCEL);
  wait_until (dialog_gone, GSIZE_TO_POINTER (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (count_workshops (fixture), ==, before);

  activate (fixture, "win.delete-workshop");
  confirmation = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  gtk_dialog_response (confirmation, GTK_RESPONSE_ACCEPT);
  wait_until (dialog_gone, GSIZE_TO_POINTER (GTK_TYPE_MESSAGE_DIALOG));

  g_assert_cmpint (count_workshops (fixture), ==, before - 1);
  g_assert_true (is_trashed_or_gone (fixture->store, id));
  g_assert_false (workshop_listed (fixture, id));
  g_assert_null (upr_window_get_workshop (fixture->window));
  g_assert_cmpstr (upr_window_get_page_name (fixture->window), ==, "empty");
  g_assert_true (upr_undo_bar_get_pending (undo_bar));

  /* Undo, as the bar's button (or Ctrl+Z) does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (undo_bar), "undo-bar.undo", NULL));
  g_assert_false (upr_undo_bar_get_pending (undo_bar));
  g_assert_cmpint (count_workshops (fixture), ==, before);
  g_assert_false (is_trashed_or_gone (fixture->store, id));
  g_assert_true (workshop_listed (fixture, id));
  g_assert_cmpstr (current_workshop_id (fixture), ==, id);

  /* Deleted again and left alone: purged when the offer times out. */
  upr_undo_bar_set_timeout (undo_bar, 50);
  g_assert_true (upr_window_delete_workshop (fixture->window, workshop, &error));
  g_assert_no_error (error);
  g_assert_true (upr_undo_bar_get_pending (undo_bar));
  wait_until (undo_bar_idle, undo_bar);

  gone = upr_store_load (fixture->store, UPR_TYPE_WORKSHOP, id, &error);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_assert_cmpint (count_workshops (fixture), ==, before - 1);
}

/* A new deletion ends the previous offer first: the earlier workshop is purged, the new one
 * can still be undone; closing the window makes a pending deletion final. */
static void
test_delete_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  UprUndoBar *undo_bar = upr_window_get_undo_bar (fixture->window);
  g_autoptr (GListModel) all = upr_store_list_workshops (fixture->store, NULL, NULL);
  g_autoptr (UprWorkshop) first = g_list_model_get_item (all, 0);
  g_autoptr (UprWorkshop) second = g_list_model_get_item (all, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (UprRecord) record = NULL;
  gint64 before = count_workshops (fixture);

  g_assert_nonnull (second);
  g_assert_true (upr_window_delete_workshop (fixture->window, first, &error));
  g_assert_true (upr_window_delete_workshop (fixture->window, second, &error));
  g_assert_no_error (error);

  record = upr_store_load (fixture->store, UPR_TYPE_WORKSHOP,
                           upr_record_get_id (UPR_RECORD (first)), &error);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (upr_undo_bar_undo (undo_bar));
  g_assert_cmpint (count_workshops (fixture), ==, before - 1);

  g_assert_true (upr_window_delete_workshop (fixture->window, second, &error));
  close_window (fixture);
  g_clear_object (&record);
  record = upr_store_load (fixture->store, UPR_TYPE_WORKSHOP,
                           upr_record_get_id (UPR_RECORD (second)), &error);
  g_assert_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_workshops (fixture), ==, before - 2);
}

/* The preferences are bound to the settings, and the officer's name reaches the store's
 * change log. */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  UprPreferencesDialog *dialog = upr_preferences_dialog_new (GTK_WINDOW (fixture->window),
                                                             fixture->context);
  GtkEditable *officer;
  GtkDropDown *language;
  GtkDropDown *country;
  g_autofree char *value = NULL;
  GtkStringObject *shown;

  gtk_window_present (GTK_WINDOW (dialog));
  flush ();

  officer = GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "officer-entry"));
  language = GTK_DROP_DOWN (find_named (GTK_WIDGET (dialog), "language-drop-down"));
  country = GTK_DROP_DOWN (find_named (GTK_WIDGET (dialog), "country-drop-down"));
  g_assert_nonnull (officer);
  g_assert_nonnull (language);
  g_assert_nonnull (country);

  gtk_editable_set_text (officer, "Amina Diallo");
  value = g_settings_get_string (fixture->settings, "officer-name");
  g_assert_cmpstr (value, ==, "Amina Diallo");
  g_assert_cmpstr (upr_store_get_officer (fixture->store), ==, "Amina Diallo");

  g_assert_cmpuint (gtk_drop_down_get_selected (language), ==, 0);
  gtk_drop_down_set_selected (language, 2);
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (fixture->settings, "language");
  g_assert_cmpstr (value, ==, "fr");
  g_settings_set_string (fixture->settings, "language", "en");
  g_assert_cmpuint (gtk_drop_down_get_selected (language), ==, 1);

  g_assert_cmpuint (gtk_drop_down_get_selected (country), ==, 0);
  g_settings_set_string (fixture->settings, "default-country", "GE");
  shown = gtk_drop_down_get_selected_item (country);
  g_assert_cmpstr (gtk_string_object_get_string (shown), ==, "Georgia");
  gtk_drop_down_set_selected (country, 0);
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (fixture->settings, "default-country");
  g_assert_cmpstr (value, ==, "");

  gtk_window_destroy (GTK_WINDOW (dialog));
  flush ();
}

/* Search folds case and accents; the chosen country stays chosen while hidden. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  UprSidebar *sidebar = get_sidebar (fixture);
  GListModel *shown = upr_sidebar_get_shown_countries (sidebar);
  guint all = g_list_model_get_n_items (shown);
  g_autoptr (UprCountry) first = NULL;

  upr_window_select (fixture->window, "GE", NULL);

  upr_sidebar_set_search_text (sidebar, "COTE d'IV");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (upr_country_get_code (first), ==, "CI");
  g_assert_cmpstr (upr_country_get_code (upr_window_get_country (fixture->window)), ==, "GE");

  upr_sidebar_set_search_text (sidebar, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
  g_assert_cmpstr (upr_country_get_code (upr_window_get_country (fixture->window)), ==, "GE");

  /* Choosing a hidden country clears the search. */
  upr_sidebar_set_search_text (sidebar, "geo");
  g_assert_true (upr_window_select (fixture->window, "SN", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);
  g_assert_false (upr_window_select (fixture->window, "XX", NULL));
}

/* The window reopens where it was left, and at the size it had. */
static void
test_restore_place (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GListModel) all = upr_store_list_workshops (fixture->store, "GE", NULL);
  g_autoptr (UprWorkshop) workshop = g_list_model_get_item (all, 0);
  const char *id = upr_record_get_id (UPR_RECORD (workshop));
  int width, height;

  g_assert_true (upr_window_select (fixture->window, "GE", id));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1234, 734);
  close_window (fixture);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 1234);

  open_window (fixture);
  g_assert_cmpstr (upr_country_get_code (upr_window_get_country (fixture->window)), ==, "GE");
  g_assert_cmpstr (current_workshop_id (fixture), ==, id);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 1234);
  g_assert_cmpint (height, ==, 734);

  /* A workshop deleted since then: the country alone. */
  close_window (fixture);
  g_assert_true (upr_store_trash_workshop (fixture->store, workshop, NULL));
  open_window (fixture);
  g_assert_cmpstr (upr_country_get_code (upr_window_get_country (fixture->window)), ==, "GE");
  g_assert_null (upr_window_get_workshop (fixture->window));
  g_assert_cmpstr (upr_window_get_page_name (fixture->window), ==, "empty");
}

/* "All countries" heads the sidebar's list: every country's recommendations and their
 * overview, a word on workshops; a search hides the entry, not the choice; a country leaves
 * it. */
static void
test_all_countries (Fixture       *fixture,
                    gconstpointer  data)
{
  UprSidebar *sidebar = get_sidebar (fixture);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GListModel *rows = G_LIST_MODEL (gtk_widget_get_template_child (GTK_WIDGET (sidebar),
                                                                  UPR_TYPE_SIDEBAR,
                                                                  "country_selection"));
  UprMatrixPage *matrix = UPR_MATRIX_PAGE (gtk_widget_get_template_child (window, UPR_TYPE_WINDOW,
                                                                          "matrix_page"));
  GtkStack *views = GTK_STACK (gtk_widget_get_template_child (window, UPR_TYPE_WINDOW,
                                                              "view_stack"));
  GtkStackPage *overview = GTK_STACK_PAGE (gtk_widget_get_template_child (window, UPR_TYPE_WINDOW,
                                                                          "overview_stack_page"));
  UprOverviewPage *overview_page = UPR_OVERVIEW_PAGE (gtk_widget_get_template_child (window,
                                                                                      UPR_TYPE_WINDOW,
                                                                                      "overview_page"));
  g_autoptr (UprCountry) first = g_list_model_get_item (rows, 0);
  guint n_countries = g_list_model_get_n_items (upr_sidebar_get_shown_countries (sidebar));

  g_assert_cmpstr (upr_country_get_name (first), ==, "All countries");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_countries + 1);
  g_assert_true (upr_window_select (fixture->window, "GE", NULL));
  g_assert_false (upr_sidebar_get_all_countries (sidebar));

  upr_sidebar_select_all_countries (sidebar);
  flush ();
  g_assert_true (upr_sidebar_get_all_countries (sidebar));
  g_assert_null (upr_window_get_country (fixture->window));
  g_assert_cmpstr (upr_window_get_page_name (fixture->window), ==, "all");
  g_assert_null (upr_matrix_page_get_country_code (matrix));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "recommendations");
  g_assert_true (gtk_stack_page_get_visible (overview));
  g_assert_true (upr_overview_page_get_all_countries (overview_page));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "All countries – Upright");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, 0);

  /* Alt+1, 2, 3 switch pages. */
  g_assert_true (gtk_widget_activate_action (window, "win.view", "s", "workshops"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "workshops");
  g_assert_true (gtk_widget_activate_action (window, "win.view", "s", "overview"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "overview");
  g_assert_true (gtk_widget_activate_action (window, "win.view", "s", "recommendations"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "recommendations");

  /* Searching hides the entry; the choice stays. */
  upr_sidebar_set_search_text (sidebar, "kenya");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_true (upr_sidebar_get_all_countries (sidebar));
  upr_sidebar_set_search_text (sidebar, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_countries + 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, 0);

  /* A country: its own pages again. */
  g_assert_true (upr_window_select (fixture->window, "KE", NULL));
  flush ();
  g_assert_false (upr_sidebar_get_all_countries (sidebar));
  g_assert_cmpstr (upr_matrix_page_get_country_code (matrix), ==, "KE");
  g_assert_true (gtk_stack_page_get_visible (overview));
  g_assert_false (upr_overview_page_get_all_countries (overview_page));
  g_assert_cmpstr (upr_overview_page_get_country_code (overview_page), ==, "KE");
  g_assert_cmpstr (upr_window_get_page_name (fixture->window), ==, "empty");
}

int
main (int   argc,
      char *argv[])
{
  upr_test_lsan_ignore_quark_array ();
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func, demo) \
  g_test_add ("/upright/gui/shell/" path, Fixture, demo, fixture_set_up, func, fixture_tear_down)

  ADD ("welcome", test_welcome, NULL);
  ADD ("demo", test_demo, NULL);
  ADD ("new-workshop", test_new_workshop, NULL);
  ADD ("delete-undo", test_delete_undo, NULL);
  ADD ("delete-twice", test_delete_twice, "demo");
  ADD ("preferences", test_preferences, NULL);
  ADD ("search", test_search, NULL);
  ADD ("restore-place", test_restore_place, "demo");
  ADD ("all-countries", test_all_countries, NULL);

#undef ADD

  return g_test_run ();
}
