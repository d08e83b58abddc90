/* test-gui-import.c: the import assistant driven as an officer would, through its actions,
 * on a temporary database: a French participant list in a Windows code page (the accents
 * come right, another encoding is refused on the spot), OHCHR's thematic list for Slovenia
 * (.docx, State and session from its title), a small legacy workbook (.xls), columns placed
 * by hand, State and session asked for, a sheet chosen, a matrix sent back by a partner
 * (handed to its own dialog), Cancel and closing in the middle of an import (nothing
 * changes), bad files (an error, nothing changes), and the main window's
 * entry points (a dropped file, the Participants tab's action, "Show the Recommendations").
 * Needs a display (Xvfb).
 *
 * Arguments: the folder of tests/data. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "upr-context.h"
#include "upr-country.h"
#include "upr-demo.h"
#include "upr-import-assistant.h"
#include "upr-import-assistant-column-row.h"
#include "upr-import-assistant-row.h"
#include "upr-matrix-return-dialog.h"
#include "upr-participant-import.h"
#include "upr-participant-list.h"
#include "upr-participants-view.h"
#include "upr-store.h"
#include "upr-store-participant-import.h"
#include "upr-test-lsan.h"
#include "upr-workbook.h"
#include "upr-window.h"
#include "upr-workshop.h"
#include "upr-workshop-page.h"

static const char *data_dir;

typedef struct
{
  char               *dir;
  UprStore           *store;
  UprContext         *context;
  UprWorkshop        *workshop;
  GtkWindow          *parent;
  UprImportAssistant *assistant;
  char               *shown_country;
} Fixture;

/* Main loop */

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Waits (at most 20 s: a loaded machine) for the assistant to show @step, idle. */
static void
wait_for_step (Fixture    *f,
               const char *step)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end
         && (upr_import_assistant_is_busy (f->assistant)
             || g_strcmp0 (upr_import_assistant_get_step (f->assistant), step) != 0))
    g_main_context_iteration (NULL, FALSE);
  run_for (10);
  g_assert_cmpstr (upr_import_assistant_get_step (f->assistant), ==, step);
  g_assert_false (upr_import_assistant_is_busy (f->assistant));
}

/* Widgets */

static gpointer
part (Fixture    *f,
      const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->assistant),
                                                  UPR_TYPE_IMPORT_ASSISTANT, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
text_of (Fixture    *f,
         const char *label)
{
  return gtk_label_get_text (part (f, label));
}

static gboolean
shown (Fixture    *f,
       const char *name)
{
  return gtk_widget_get_visible (part (f, name));
}

static gboolean
can_go_next (Fixture *f)
{
  return gtk_widget_get_sensitive (part (f, "next_button"));
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->assistant), action, NULL));
  run_for (10);
}

static GListModel *
view_rows (Fixture    *f,
           const char *view)
{
  return G_LIST_MODEL (gtk_column_view_get_model (part (f, view)));
}

static const char *
view_cell (Fixture    *f,
           const char *view,
           guint       row,
           guint       column)
{
  GListModel *rows = view_rows (f, view);
  g_autoptr(UprImportAssistantRow) item = NULL;

  g_assert_cmpuint (row, <, g_list_model_get_n_items (rows));
  item = g_list_model_get_item (rows, row);
  /* The rows live in the view's model. */
  return upr_import_assistant_row_get_cell (item, column);
}

static UprImportAssistantColumnRow *
column_row (Fixture *f,
            guint    column)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (part (f, "columns_list"), (int) column);

  g_assert_nonnull (row);
  return UPR_IMPORT_ASSISTANT_COLUMN_ROW (row);
}

static void
open_file (Fixture    *f,
           const char *relative)
{
  g_autofree char *path = g_build_filename (data_dir, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  upr_import_assistant_open_file (f->assistant, file);
}

static void
new_assistant (Fixture       *f,
               UprImportKind  kind)
{
  f->assistant = upr_import_assistant_new (f->parent, f->context, kind,
                                           upr_record_get_id (UPR_RECORD (f->workshop)));
  gtk_window_present (GTK_WINDOW (f->assistant));
  run_for (20);
  g_assert_cmpstr (upr_import_assistant_get_step (f->assistant), ==, "choose");
}

/* Store */

static guint
n_participants (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = upr_store_list_people (f->store, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (people);
}

static guint
n_recommendations (Fixture    *f,
                   const char *country)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = upr_store_list_recommendations (f->store, country, 0, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (rows);
}

/* Fixture */

static void
show_country_cb (UprImportAssistant *assistant,
                 const char         *code,
                 Fixture            *f)
{
  g_free (f->shown_country);
  f->shown_country = g_strdup (code);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("upright-gui-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "upright.db", NULL);
  f->store = upr_store_open (path, &error);
  g_assert_no_error (error);
  f->context = upr_context_new (f->store, NULL);

  f->workshop = upr_workshop_new ();
  upr_record_set_string (UPR_RECORD (f->workshop), "title", "Atelier de suivi");
  upr_record_set_string (UPR_RECORD (f->workshop), "country-code", "BI");
  upr_store_save (f->store, UPR_RECORD (f->workshop), &error);
  g_assert_no_error (error);

  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
  run_for (20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (f->assistant != NULL)
    gtk_window_destroy (GTK_WINDOW (f->assistant));
  gtk_window_destroy (f->parent);
  run_for (20);
  g_clear_object (&f->workshop);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_free (f->shown_country);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Tests */

/* A French list saved by Excel in Windows-1252: Upright is unsure of the encoding and says
 * so; the names come right; UTF-8 is refused on the spot, with the row; the default comes
 * back; the list imports. */
static void
test_participants_code_page (Fixture       *f,
                             gconstpointer  data)
{
  GtkDropDown *encoding;
  guint utf8 = 0;

  new_assistant (f, UPR_IMPORT_KIND_PARTICIPANTS);
  open_file (f, "participants/inscriptions-fr-cp1252.csv");
  wait_for_step (f, "format");
  g_assert_true (can_go_next (f));
  g_assert_true (shown (f, "encoding_hint"));
  g_assert_true (shown (f, "text_options"));
  g_assert_nonnull (strstr (text_of (f, "format_label"), "Participant list"));
  /* Row 3 of the file, its first name: "Évariste" (column A is the row number). */
  g_assert_cmpstr (view_cell (f, "table_view", 2, 2), ==, "Évariste");

  encoding = part (f, "encoding_drop_down");
  g_assert_cmpuint (gtk_drop_down_get_selected (encoding), !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (encoding, utf8);
  wait_for_step (f, "format");
  g_assert_true (shown (f, "format_error"));
  g_assert_nonnull (strstr (text_of (f, "format_error"), "not valid UTF-8"));
  g_assert_false (can_go_next (f));
  gtk_drop_down_set_selected (encoding, 3); /* Western European (Windows-1252) */
  wait_for_step (f, "format");
  g_assert_false (shown (f, "format_error"));
  g_assert_cmpstr (view_cell (f, "table_view", 2, 2), ==, "Évariste");
  g_assert_true (can_go_next (f));

  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  g_assert_true (shown (f, "registration_drop_down"));
  g_assert_false (shown (f, "country_drop_down"));
  g_assert_cmpuint (upr_import_assistant_column_row_get_field (column_row (f, 1)), ==,
                    UPR_PARTICIPANT_FIELD_FIRST_NAME);
  g_assert_cmpuint (upr_import_assistant_column_row_get_field (column_row (f, 2)), ==,
                    UPR_PARTICIPANT_FIELD_LAST_NAME);

  activate (f, "assistant.next");
  wait_for_step (f, "check");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (part (f, "check_stack")), ==, "report");
  g_assert_true (can_go_next (f));
  g_assert_cmpuint (g_list_model_get_n_items (view_rows (f, "preview_view")), ==, 4);
  g_assert_cmpstr (view_cell (f, "preview_view", 1, 1), ==, "Évariste Ndikumana");
  g_assert_nonnull (strstr (text_of (f, "counts_label"), "New: 3"));
  g_assert_cmpuint (g_list_model_get_n_items (part (f, "issues")), ==, 1);
  /* The dry run left nothing behind. */
  g_assert_cmpuint (n_participants (f), ==, 0);

  activate (f, "assistant.next");
  wait_for_step (f, "summary");
  g_assert_cmpstr (text_of (f, "new_count"), ==, "3");
  g_assert_cmpstr (text_of (f, "skipped_count"), ==, "1");
  g_assert_false (shown (f, "show_button"));
  g_assert_cmpuint (n_participants (f), ==, 3);
}

/* OHCHR's thematic list: the State and the session come from its title; the import can be
 * followed by the country's recommendations. */
static void
test_thematic_list (Fixture       *f,
                    gconstpointer  data)
{
  GtkDropDown *country;

  new_assistant (f, UPR_IMPORT_KIND_RECOMMENDATIONS);
  g_signal_connect (f->assistant, "show-country", G_CALLBACK (show_country_cb), f);
  open_file (f, "table/upr48-slovenia-thematic-list.docx");
  wait_for_step (f, "format");
  g_assert_nonnull (strstr (text_of (f, "format_label"), "Word document"));
  g_assert_false (shown (f, "text_options"));

  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  country = part (f, "country_drop_down");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (country)));
  g_assert_nonnull (gtk_drop_down_get_selected_item (country));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (part (f, "session_spin")), ==, 48);

  activate (f, "assistant.next");
  wait_for_step (f, "check");
  g_assert_nonnull (strstr (text_of (f, "counts_label"), "New: 254"));
  g_assert_cmpuint (n_recommendations (f, "SI"), ==, 0);

  activate (f, "assistant.next");
  wait_for_step (f, "summary");
  g_assert_cmpstr (text_of (f, "new_count"), ==, "254");
  g_assert_cmpuint (n_recommendations (f, "SI"), ==, 254);
  g_assert_true (shown (f, "show_button"));
  activate (f, "assistant.show-result");
  g_assert_cmpstr (f->shown_country, ==, "SI");
  f->assistant = NULL; /* closed */
}

/* A legacy workbook; a row whose State is unknown is skipped, with its reason. */
static void
test_workbook (Fixture       *f,
               gconstpointer  data)
{
  new_assistant (f, UPR_IMPORT_KIND_RECOMMENDATIONS);
  open_file (f, "table/tiny.xls");
  wait_for_step (f, "format");
  g_assert_nonnull (strstr (text_of (f, "format_label"), "(.xls)"));
  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  activate (f, "assistant.next");
  wait_for_step (f, "check");
  activate (f, "assistant.next");
  wait_for_step (f, "summary");
  g_assert_cmpstr (text_of (f, "new_count"), ==, "1");
  g_assert_cmpstr (text_of (f, "skipped_count"), ==, "1");
  g_assert_true (shown (f, "summary_report"));
  g_assert_cmpuint (g_list_model_get_n_items (part (f, "summary_issues")), ==, 1);
}

/* Columns Upright cannot place: the import refuses to go on until a name column is chosen. */
static void
test_manual_mapping (Fixture       *f,
                     gconstpointer  data)
{
  new_assistant (f, UPR_IMPORT_KIND_PARTICIPANTS);
  open_file (f, "participants/no-name.csv");
  wait_for_step (f, "format");
  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (column_row (f, 0)), "unplaced"));

  activate (f, "assistant.next");
  g_assert_cmpstr (upr_import_assistant_get_step (f->assistant), ==, "columns");
  g_assert_true (shown (f, "columns_error"));
  g_assert_nonnull (strstr (text_of (f, "columns_error"), "“Identifiant”"));

  gtk_drop_down_set_selected (upr_import_assistant_column_row_get_drop_down (column_row (f, 0)),
                              UPR_PARTICIPANT_FIELD_FULL_NAME);
  run_for (10);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (column_row (f, 0)), "unplaced"));
  g_assert_false (shown (f, "columns_error"));
  activate (f, "assistant.next");
  wait_for_step (f, "check");
  activate (f, "assistant.next");
  wait_for_step (f, "summary");
  g_assert_cmpuint (n_participants (f), ==, 1);
}

/* A document that names neither its State nor its session: both are asked for, and the
 * import waits for them. */
static void
test_country_and_session (Fixture       *f,
                          gconstpointer  data)
{
  GtkDropDown *country;
  GListModel *countries;
  guint slovenia = GTK_INVALID_LIST_POSITION;

  new_assistant (f, UPR_IMPORT_KIND_RECOMMENDATIONS);
  open_file (f, "table/tiny.docx");
  wait_for_step (f, "format");
  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  country = part (f, "country_drop_down");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (country)));
  g_assert_true (gtk_drop_down_get_enable_search (country));
  g_assert_null (gtk_drop_down_get_selected_item (country));
  g_assert_true (shown (f, "session_spin"));

  activate (f, "assistant.next");
  g_assert_cmpstr (upr_import_assistant_get_step (f->assistant), ==, "columns");
  g_assert_nonnull (strstr (text_of (f, "columns_error"), "give the country"));

  countries = gtk_drop_down_get_model (country);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(UprCountry) item = g_list_model_get_item (countries, i);

      if (g_strcmp0 (upr_country_get_code (item), "SI") == 0)
        slovenia = i;
    }
  gtk_drop_down_set_selected (country, slovenia);
  activate (f, "assistant.next");
  g_assert_cmpstr (upr_import_assistant_get_step (f->assistant), ==, "columns");
  g_assert_nonnull (strstr (text_of (f, "columns_error"), "give the session"));

  gtk_spin_button_set_value (part (f, "session_spin"), 48);
  activate (f, "assistant.next");
  wait_for_step (f, "check");
  g_assert_nonnull (strstr (text_of (f, "counts_label"), "New: 2"));
  activate (f, "assistant.next");
  wait_for_step (f, "summary");
  g_assert_cmpuint (n_recommendations (f, "SI"), ==, 2);
}

/* A workbook of several sheets: the sheet with the list is found; another can be chosen. */
static void
test_sheets (Fixture       *f,
             gconstpointer  data)
{
  GtkDropDown *sheets;

  new_assistant (f, UPR_IMPORT_KIND_PARTICIPANTS);
  open_file (f, "participants/registration-en.xlsx");
  wait_for_step (f, "format");
  sheets = part (f, "sheet_drop_down");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sheets)));
  g_assert_cmpuint (gtk_drop_down_get_selected (sheets), ==, 0);
  g_assert_cmpstr (view_cell (f, "table_view", 0, 2), ==, "First Name");

  gtk_drop_down_set_selected (sheets, 1);
  run_for (10);
  g_assert_cmpstr (view_cell (f, "table_view", 0, 1), ==,
                   "Exported for the workshop of 10 March 2024");
  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  activate (f, "assistant.next");
  g_assert_cmpstr (upr_import_assistant_get_step (f->assistant), ==, "columns");
  g_assert_true (shown (f, "columns_error"));

  activate (f, "assistant.back");
  gtk_drop_down_set_selected (sheets, 0);
  run_for (10);
  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  activate (f, "assistant.next");
  wait_for_step (f, "check");
  g_assert_nonnull (strstr (text_of (f, "counts_label"), "New: 5"));
}

/* A matrix Upright exported, come back from a partner: not imported, but shown as the
 * changes to apply, in the dialog made for it. */
static void
test_returned_matrix (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkbook) workbook = upr_workbook_new ();
  g_autoptr(UprWorkbookReport) report = NULL;
  g_autofree char *path = g_build_filename (f->dir, "matrix.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *countries[] = { "CG", NULL };
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean returned = FALSE;

  g_assert_true (upr_demo_load (f->store, &error));
  upr_workbook_set_countries (workbook, countries);
  upr_workbook_set_sheets (workbook, UPR_WORKBOOK_SHEET_MATRIX);
  report = upr_workbook_export (workbook, f->store, file, NULL, &error);
  g_assert_no_error (error);

  new_assistant (f, UPR_IMPORT_KIND_RECOMMENDATIONS);
  g_object_add_weak_pointer (G_OBJECT (f->assistant), (gpointer *) &f->assistant);
  upr_import_assistant_open_file (f->assistant, file);
  for (gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
       f->assistant != NULL && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (f->assistant);
  run_for (20);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (UPR_IS_MATRIX_RETURN_DIALOG (window))
        {
          returned = TRUE;
          g_assert_true (gtk_window_get_transient_for (window) == f->parent);
        }
    }
  g_assert_true (returned);
  g_unlink (path);
}

/* Cancel in the middle of the import, then close in the middle: nothing changes. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  gint64 changes = upr_store_count_changes (f->store);

  new_assistant (f, UPR_IMPORT_KIND_RECOMMENDATIONS);
  open_file (f, "table/tiny.xls");
  wait_for_step (f, "format");
  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  activate (f, "assistant.next");
  wait_for_step (f, "check");

  /* The first slice runs at once; Cancel comes before the last. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->assistant), "assistant.next", NULL));
  g_assert_cmpstr (upr_import_assistant_get_step (f->assistant), ==, "import");
  g_assert_true (upr_import_assistant_is_busy (f->assistant));
  activate (f, "assistant.cancel");
  wait_for_step (f, "check");
  g_assert_true (shown (f, "check_message"));
  g_assert_cmpuint (n_recommendations (f, NULL), ==, 0);
  g_assert_cmpint (upr_store_count_changes (f->store), ==, changes);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->assistant), "assistant.next", NULL));
  g_assert_true (upr_import_assistant_is_busy (f->assistant));
  gtk_window_close (GTK_WINDOW (f->assistant));
  f->assistant = NULL;
  run_for (50);
  g_assert_cmpuint (n_recommendations (f, NULL), ==, 0);
  g_assert_cmpint (upr_store_count_changes (f->store), ==, changes);

  /* The store is out of the import's transaction: a save works and stays. */
  upr_record_set_string (UPR_RECORD (f->workshop), "venue", "Gitega");
  g_assert_true (upr_store_save (f->store, UPR_RECORD (f->workshop), NULL));
  g_assert_cmpint (upr_store_count_changes (f->store), ==, changes + 1);
}

/* Files that cannot be imported: the reader's message, in an error state; nothing changes;
 * another file can be chosen from there. */
static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  gint64 changes = upr_store_count_changes (f->store);

  new_assistant (f, UPR_IMPORT_KIND_RECOMMENDATIONS);
  open_file (f, "table/binary.csv");
  wait_for_step (f, "error");
  g_assert_nonnull (strstr (text_of (f, "error_message"), "PNG image"));
  g_assert_false (can_go_next (f));
  g_assert_true (gtk_widget_get_sensitive (part (f, "error_button")));

  open_file (f, "table/truncated.xlsx");
  wait_for_step (f, "error");
  g_assert_nonnull (strstr (text_of (f, "error_message"), "damaged or incomplete"));

  open_file (f, "table/ragged.csv");
  wait_for_step (f, "error");
  g_assert_nonnull (strstr (text_of (f, "error_message"), "Row 3"));

  activate (f, "assistant.back");
  g_assert_cmpstr (upr_import_assistant_get_step (f->assistant), ==, "choose");
  g_assert_cmpint (upr_store_count_changes (f->store), ==, changes);
  g_assert_cmpuint (n_recommendations (f, NULL), ==, 0);
}

/* The main window */

static gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The window's stack of a country's pages (Overview, Recommendations, Workshops). */
static GtkStack *
find_view_stack (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found;

      if (GTK_IS_STACK (child)
          && gtk_stack_get_child_by_name (GTK_STACK (child), "recommendations") != NULL)
        return GTK_STACK (child);
      if ((found = find_view_stack (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The assistant the window opened (the newest), made the fixture's. */
static void
take_assistant (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  f->assistant = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (UPR_IS_IMPORT_ASSISTANT (window))
        f->assistant = UPR_IMPORT_ASSISTANT (window);
    }
  g_assert_nonnull (f->assistant);
}

static UprImportKind
assistant_kind (Fixture *f)
{
  int kind = -1;

  g_object_get (f->assistant, "kind", &kind, NULL);
  return kind;
}

static void
drop_file (GtkWidget  *window,
           const char *relative)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autofree char *path = g_build_filename (data_dir, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSList files = { file, NULL };
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !dropped; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller)
          && gdk_content_formats_contain_gtype (
               gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)), GDK_TYPE_FILE_LIST))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_assert_true (dropped);
  run_for (20);
}

static void
close_assistant (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->assistant));
  f->assistant = NULL;
  run_for (20);
}

/* What the main window gets: files dropped on it (recommendations, or participants on the
 * Participants tab), "win.import-participants", and after an import the participant list
 * read again or the imported country's recommendations shown. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  UprWindow *window = upr_window_new (NULL, f->context);
  const char *id = upr_record_get_id (UPR_RECORD (f->workshop));
  UprParticipantsView *view;
  GtkStack *views = NULL;

  upr_import_assistant_install (GTK_APPLICATION_WINDOW (window), f->context);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (upr_window_select (window, "BI", id));
  run_for (50);

  drop_file (GTK_WIDGET (window), "table/tiny.xls");
  take_assistant (f);
  g_assert_cmpint (assistant_kind (f), ==, UPR_IMPORT_KIND_RECOMMENDATIONS);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->assistant)) == GTK_WINDOW (window));
  wait_for_step (f, "format");
  close_assistant (f);

  upr_workshop_page_set_tab (find_descendant (GTK_WIDGET (window), UPR_TYPE_WORKSHOP_PAGE),
                             "participants");
  run_for (50);
  drop_file (GTK_WIDGET (window), "participants/zoom-participants.csv");
  take_assistant (f);
  g_assert_cmpint (assistant_kind (f), ==, UPR_IMPORT_KIND_PARTICIPANTS);
  wait_for_step (f, "format");
  close_assistant (f);

  /* The Participants tab's button; the list shows the people once imported. */
  view = find_descendant (GTK_WIDGET (window), UPR_TYPE_PARTICIPANTS_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (upr_participants_view_get_list (view))),
                    ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-participants",
                                             NULL));
  take_assistant (f);
  g_assert_cmpint (assistant_kind (f), ==, UPR_IMPORT_KIND_PARTICIPANTS);
  open_file (f, "participants/zoom-participants.csv");
  wait_for_step (f, "format");
  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  activate (f, "assistant.next");
  wait_for_step (f, "check");
  activate (f, "assistant.next");
  wait_for_step (f, "summary");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (upr_participants_view_get_list (view))),
                    ==, 4);
  activate (f, "assistant.next"); /* Close */
  f->assistant = NULL;

  /* Recommendations, then "Show the Recommendations": the country's matrix. */
  f->assistant = upr_import_assistant_show (GTK_WINDOW (window), f->context, NULL);
  open_file (f, "table/tiny.xls");
  wait_for_step (f, "format");
  activate (f, "assistant.next");
  wait_for_step (f, "columns");
  activate (f, "assistant.next");
  wait_for_step (f, "check");
  activate (f, "assistant.next");
  wait_for_step (f, "summary");
  activate (f, "assistant.show-result");
  f->assistant = NULL;
  run_for (50);
  g_assert_cmpstr (upr_country_get_code (upr_window_get_country (window)), ==, "CI");
  views = find_view_stack (GTK_WIDGET (window));
  g_assert_nonnull (views);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "recommendations");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The assistant fits a laptop screen whatever it shows. */
static void
test_size (Fixture       *f,
           gconstpointer  data)
{
  int minimum = 0;

  new_assistant (f, UPR_IMPORT_KIND_RECOMMENDATIONS);
  open_file (f, "table/tiny.xls");
  wait_for_step (f, "format");
  gtk_widget_measure (GTK_WIDGET (f->assistant), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 960);
  gtk_widget_measure (GTK_WIDGET (f->assistant), GTK_ORIENTATION_VERTICAL, 960, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 600);
}

int
main (int   argc,
      char *argv[])
{
  upr_test_lsan_ignore_quark_array ();
  gtk_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-gui-import DATA-DIR");
  data_dir = argv[1];

#define ADD(path, func) \
  g_test_add ("/upright/gui/import/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("participants-code-page", test_participants_code_page);
  ADD ("thematic-list", test_thematic_list);
  ADD ("workbook", test_workbook);
  ADD ("manual-mapping", test_manual_mapping);
  ADD ("country-and-session", test_country_and_session);
  ADD ("sheets", test_sheets);
  ADD ("returned-matrix", test_returned_matrix);
  ADD ("cancel", test_cancel);
  ADD ("bad-files", test_bad_files);
  ADD ("size", test_size);
  ADD ("window", test_window);

  return g_test_run ();
}
