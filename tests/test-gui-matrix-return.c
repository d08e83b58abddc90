/* test-gui-matrix-return.c: the "Returned Matrix" dialog on a matrix exported, then filled
 * in with openpyxl (tests/data/return/edit-matrix.py): the diff, the rows left out, Apply
 * without a partner refused, Apply, Cancel; the partner of assessments: said at once when it
 * cannot make one, the type of a new one, the assessments left out. Needs a display
 * (xvfb-run).
 *
 * Argument: the path of edit-matrix.py. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "upr-context.h"
#include "upr-demo.h"
#include "upr-form.h"
#include "upr-matrix-return-dialog.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-store-export.h"
#include "upr-test-lsan.h"
#include "upr-workbook.h"

static const char *edit_script;

typedef struct
{
  char       *dir;
  UprStore   *store;
  UprContext *context;
  GFile      *filled;
  GtkWindow  *window;
} Fixture;

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static UprMatrixReturnDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (UPR_IS_MATRIX_RETURN_DIALOG (window))
        return UPR_MATRIX_RETURN_DIALOG (window);
    }
  return NULL;
}

static gpointer
child (UprMatrixReturnDialog *dialog,
       const char            *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), UPR_TYPE_MATRIX_RETURN_DIALOG,
                                        name);
}

/* Presents the dialog on the filled matrix and waits (at most 20 s) until it is read. */
static UprMatrixReturnDialog *
present (Fixture *fixture)
{
  UprMatrixReturnDialog *dialog;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (20, timed_out_cb, &timed_out);

  upr_matrix_return_dialog_present (fixture->window, fixture->context, fixture->filled);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  while (g_list_model_get_n_items (child (dialog, "items")) == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  return dialog;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprWorkbook) workbook = upr_workbook_new ();
  g_autoptr(UprWorkbookReport) report = NULL;
  g_autofree char *db = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *filled = NULL;
  g_autoptr(GFile) file = NULL;
  const char *countries[] = { "CG", NULL };
  int status = -1;

  fixture->dir = g_dir_make_tmp ("upright-gui-return-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "upright.db", NULL);
  fixture->store = upr_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (upr_demo_load (fixture->store, &error));
  fixture->context = upr_context_new (fixture->store, NULL);

  exported = g_build_filename (fixture->dir, "matrix.xlsx", NULL);
  file = g_file_new_for_path (exported);
  upr_workbook_set_countries (workbook, countries);
  upr_workbook_set_sheets (workbook, UPR_WORKBOOK_SHEET_MATRIX);
  report = upr_workbook_export (workbook, fixture->store, file, NULL, &error);
  g_assert_no_error (error);

  filled = g_build_filename (fixture->dir, "filled.xlsx", NULL);
  g_spawn_sync (NULL,
                (char *[]) { (char *) "/usr/bin/python3", (char *) edit_script, exported, filled,
                             (char *) "2:status=Implemented",
                             (char *) "3:latest-progress=Law passed.",
                             (char *) "7:assessment=Fully implemented",
                             (char *) "6:key=not-a-key", NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  fixture->filled = g_file_new_for_path (filled);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  const char *names[] = { "upright.db", "upright.db-wal", "upright.db-shm", "matrix.xlsx",
                          "filled.xlsx" };

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->filled);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The newest assessment of @recommendation_id is @partner's: fully implemented. */
static void
assert_assessed (Fixture    *fixture,
                 const char *recommendation_id,
                 const char *partner)
{
  g_autoptr(UprOrganisation) organisation = upr_store_find_organisation (fixture->store,
                                                                         partner, NULL);
  g_autoptr(GListModel) assessments = upr_store_list_assessments (fixture->store,
                                                                  recommendation_id, NULL);
  g_autoptr(UprRecord) newest = g_list_model_get_item (assessments, 0);

  g_assert_nonnull (organisation);
  g_assert_cmpstr (upr_record_get_string (newest, "organisation-id"), ==,
                   upr_record_get_string (UPR_RECORD (organisation), "id"));
  g_assert_cmpstr (upr_record_get_string (newest, "level"), ==, "fully-implemented");
}

static void
test_apply (Fixture      *fixture,
            gconstpointer data)
{
  UprMatrixReturnDialog *dialog = present (fixture);
  GtkWidget *problems = child (dialog, "problems_label");
  GtkWidget *error = child (dialog, "error_label");
  gint64 changes = upr_store_count_changes (fixture->store);
  g_autoptr(UprExportMatrix) matrix = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (child (dialog, "items")), ==, 3);
  g_assert_true (gtk_widget_get_visible (problems));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (problems)), "Row 6, column"));

  /* No partner: refused, said, nothing changed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, changes);
  g_assert_true (find_dialog () == dialog);

  upr_organisation_entry_set_text (child (dialog, "partner_entry"), "CFD");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL));
  g_assert_null (find_dialog ());
  matrix = upr_store_export_matrix (fixture->store, (const char *[]) { "CG", NULL }, 0, NULL);
  g_assert_cmpstr (upr_export_matrix_get_item (matrix, 0)->status, ==, "implemented");
  g_assert_cmpstr (upr_export_matrix_get_item (matrix, 1)->progress_text, ==, "Law passed.");
  assert_assessed (fixture, upr_export_matrix_get_item (matrix, 5)->id, "CFD");
}

static char *
stakeholder_type_of (Fixture    *fixture,
                     const char *name)
{
  g_autoptr(UprOrganisation) organisation = upr_store_find_organisation (fixture->store, name,
                                                                         NULL);

  g_assert_nonnull (organisation);
  return g_strdup (upr_record_get_string (UPR_RECORD (organisation), "stakeholder-type"));
}

/* A new partner: the assessments need its type, said before Apply; chosen, it is created
 * with it and its assessment recorded. */
static void
test_new_partner_type (Fixture      *fixture,
                       gconstpointer data)
{
  UprMatrixReturnDialog *dialog = present (fixture);
  GtkWidget *error = child (dialog, "error_label");
  GtkWidget *leave_out = child (dialog, "leave_out_button");
  GtkDropDown *type = child (dialog, "type_drop_down");
  g_autofree char *created_type = NULL;
  g_autoptr(UprExportMatrix) matrix = NULL;

  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (type)));
  upr_organisation_entry_set_text (child (dialog, "partner_entry"), "Réseau Kouilou");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (type)));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)),
                            "choose the type of Réseau Kouilou"));
  g_assert_true (gtk_widget_get_visible (leave_out));

  upr_form_set_vocab_id (type, "cso");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_get_visible (leave_out));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL));
  g_assert_null (find_dialog ());
  created_type = stakeholder_type_of (fixture, "Réseau Kouilou");
  g_assert_cmpstr (created_type, ==, "cso");
  matrix = upr_store_export_matrix (fixture->store, (const char *[]) { "CG", NULL }, 0, NULL);
  assert_assessed (fixture, upr_export_matrix_get_item (matrix, 5)->id, "Réseau Kouilou");
}

/* A known partner that cannot assess (a university): said by name; the assessments left
 * out, the rest is applied. */
static void
test_leave_out (Fixture      *fixture,
                gconstpointer data)
{
  UprMatrixReturnDialog *dialog = present (fixture);
  GtkWidget *error = child (dialog, "error_label");
  g_autoptr(UprExportMatrix) before = upr_store_export_matrix (fixture->store,
                                                               (const char *[]) { "CG", NULL },
                                                               0, NULL);
  g_autoptr(UprExportMatrix) after = NULL;
  g_autoptr(UprOrganisation) university = upr_store_find_organisation (fixture->store,
                                                                       "UNIKIN", NULL);
  g_autoptr(GListModel) assessments = NULL;
  g_autoptr(UprRecord) newest = NULL;

  upr_organisation_entry_set_text (child (dialog, "partner_entry"), "UNIKIN");
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "type_drop_down")));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "“Academia”"));

  /* Apply refused, with the same words. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL));
  g_assert_true (find_dialog () == dialog);
  g_assert_true (gtk_widget_get_visible (error));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog),
                                             "dialog.leave-out-assessments", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (child (dialog, "items")), ==, 2);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_get_visible (child (dialog, "leave_out_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL));
  g_assert_null (find_dialog ());
  after = upr_store_export_matrix (fixture->store, (const char *[]) { "CG", NULL }, 0, NULL);
  g_assert_cmpstr (upr_export_matrix_get_item (after, 0)->status, ==, "implemented");
  g_assert_cmpstr (upr_export_matrix_get_item (after, 5)->assessment_level, ==,
                   upr_export_matrix_get_item (before, 5)->assessment_level);
  assessments = upr_store_list_assessments (fixture->store,
                                            upr_export_matrix_get_item (after, 5)->id, NULL);
  newest = g_list_model_get_item (assessments, 0);
  g_assert_cmpstr (upr_record_get_string (newest, "organisation-id"), !=,
                   upr_record_get_string (UPR_RECORD (university), "id"));
}

static void
test_cancel (Fixture      *fixture,
             gconstpointer data)
{
  UprMatrixReturnDialog *dialog = present (fixture);
  gint64 changes = upr_store_count_changes (fixture->store);

  upr_organisation_entry_set_text (child (dialog, "partner_entry"), "CFD");
  gtk_window_close (GTK_WINDOW (dialog));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_dialog ());
  g_assert_cmpint (upr_store_count_changes (fixture->store), ==, changes);
}

int
main (int   argc,
      char *argv[])
{
  upr_test_lsan_ignore_quark_array ();
  gtk_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-gui-matrix-return EDIT-MATRIX.PY");
  edit_script = argv[1];

  g_test_add ("/upright/gui/matrix-return/apply", Fixture, NULL, fixture_set_up, test_apply,
              fixture_tear_down);
  g_test_add ("/upright/gui/matrix-return/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/upright/gui/matrix-return/new-partner-type", Fixture, NULL, fixture_set_up,
              test_new_partner_type, fixture_tear_down);
  g_test_add ("/upright/gui/matrix-return/leave-out", Fixture, NULL, fixture_set_up,
              test_leave_out, fixture_tear_down);
  return g_test_run ();
}
