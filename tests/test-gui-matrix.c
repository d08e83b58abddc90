/* test-gui-matrix.c: the Recommendations page driven as an officer would, on a temporary
 * database: the matrix lists the country's recommendations, search ignores accents, the
 * response, status and cycle filters narrow it, the reference column sorts numerically,
 * the editor saves a status at once and typing after its pause, "Add Update" records
 * progress and moves the status, and "Add Recommendation" creates one and selects it.
 * Needs a display (Xvfb). Widgets are reached through their template children. */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "upr-context.h"
#include "upr-country.h"
#include "upr-date-entry.h"
#include "upr-form.h"
#include "upr-matrix-page.h"
#include "upr-progress-update.h"
#include "upr-recommendation.h"
#include "upr-recommendation-editor.h"
#include "upr-recommendation-filter.h"
#include "upr-recommendation-row.h"
#include "upr-review.h"
#include "upr-slots.h"
#include "upr-store.h"
#include "upr-term.h"
#include "upr-term-chooser.h"
#include "upr-assessment.h"
#include "upr-organisation.h"
#include "upr-undo-bar.h"
#include "upr-organisation-entry.h"
#include "upr-test-lsan.h"
/* The editor's planning block (below) */
#include "upr-implementation-row.h"
#include "upr-indicator.h"
#include "upr-indicators-editor.h"
#include "upr-planned-action.h"
#include "upr-planned-actions-editor.h"

typedef struct
{
  char          *dir;
  UprStore      *store;
  UprContext    *context;
  GtkWindow     *window;
  UprMatrixPage *page;
  char          *ids[4];
} Fixture;

/* Main loop */

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

/* Lets the page read the list again after a change (an idle), however slow the frames. */
static void
settle (void)
{
  run_for (50);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
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

static gpointer
page_part (Fixture    *f,
           const char *name)
{
  return part (f->page, UPR_TYPE_MATRIX_PAGE, name);
}

static gpointer
editor_part (Fixture    *f,
             const char *name)
{
  return part (page_part (f, "editor"), UPR_TYPE_RECOMMENDATION_EDITOR, name);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (page_part (f, "filter_model")));
}

static const char *
count_text (Fixture *f)
{
  return gtk_label_get_text (page_part (f, "count_label"));
}

static UprRecommendationRow *
shown_row (Fixture *f,
           guint    position)
{
  UprRecommendationRow *row = g_list_model_get_item (G_LIST_MODEL (page_part (f, "filter_model")),
                                                     position);

  g_assert_nonnull (row);
  g_object_unref (row); /* the store of the page keeps it */
  return row;
}

static const char *
stack_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (page_part (f, "stack"));
}

static void
search (Fixture    *f,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (page_part (f, "search_entry")), text);
  run_for (10);
}

/* Store */

static char *
add (Fixture    *f,
     int         session,
     const char *paragraph,
     const char *text,
     const char *response,
     const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = upr_store_ensure_review (f->store, "CD", session, &error);
  g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
  UprRecord *record = UPR_RECORD (recommendation);

  g_assert_no_error (error);
  upr_record_set_string (record, "review-id", upr_record_get_id (UPR_RECORD (review)));
  upr_record_set_string (record, "paragraph", paragraph);
  upr_record_set_string (record, "text", text);
  upr_record_set_string (record, "response", response);
  upr_record_set_string (record, "status", status);
  upr_store_save (f->store, record, &error);
  g_assert_no_error (error);
  return g_strdup (upr_record_get_id (record));
}

static UprRecord *
stored (Fixture    *f,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  UprRecord *record = upr_store_load (f->store, UPR_TYPE_RECOMMENDATION, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(UprRecommendationLinks) links = upr_recommendation_links_new ();
  char *states[] = { "FR", NULL };

  f->dir = g_dir_make_tmp ("upright-gui-matrix-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "upright.db", NULL);
  f->store = upr_store_open (path, &error);
  g_assert_no_error (error);

  /* Sessions 19 (cycle 2) and 33 (cycle 3); paragraphs out of order on purpose. */
  f->ids[0] = add (f, 33, "115.10", "Poursuivre la réforme du secteur de la sécurité",
                   "supported", "in-progress");
  f->ids[1] = add (f, 33, "115.9", "Ratify the Optional Protocol to the Convention against "
                   "Torture", "noted", "not-started");
  f->ids[2] = add (f, 19, "140.1", "Ensure access to justice for victims of sexual violence",
                   "supported", "implemented");
  f->ids[3] = add (f, 33, "115.2", "Adopt a law protecting human rights defenders",
                   "supported-in-part", "not-started");
  g_strfreev (links->states);
  links->states = g_strdupv (states);
  upr_store_set_recommendation_links (f->store, f->ids[1], links, &error);
  g_assert_no_error (error);

  f->context = upr_context_new (f->store, NULL);
  f->page = UPR_MATRIX_PAGE (upr_matrix_page_new (f->context));
  upr_matrix_page_set_country_code (f->page, "CD");
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
  gtk_window_destroy (f->window);
  run_for (20);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_free (f->ids[i]);
  remove_dir (f->dir);
  g_free (f->dir);
}

/* Tests */

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_cmpstr (count_text (f), ==, "4 of 4 recommendations");
  g_assert_cmpstr (stack_page (f), ==, "matrix");
  g_assert_null (upr_matrix_page_get_selected_id (f->page));
  g_assert_false (gtk_widget_get_sensitive (page_part (f, "editor")));

  upr_matrix_page_set_country_code (f->page, "BI");
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "empty");
  g_assert_cmpstr (count_text (f), ==, "0 of 0 recommendations");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  search (f, "reforme");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, 0)), ==, f->ids[0]);
  g_assert_cmpstr (count_text (f), ==, "1 of 4 recommendations");

  /* Words in any order, any case; the recommending State's name is searched too. */
  search (f, "TORTURE protocol");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search (f, "france");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, 0)), ==, f->ids[1]);

  search (f, "nothing like this");
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpstr (stack_page (f), ==, "no-results");
  search (f, "");
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_cmpstr (stack_page (f), ==, "matrix");
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkDropDown *response = page_part (f, "response_drop_down");
  GtkDropDown *status = page_part (f, "status_drop_down");
  GtkDropDown *cycle = page_part (f, "cycle_drop_down");
  int cycle_of_19 = upr_store_cycle_for_session (f->store, 19);

  upr_form_set_vocab_id (response, "supported");
  run_for (10);
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_cmpstr (count_text (f), ==, "2 of 4 recommendations");

  upr_form_set_vocab_id (status, "implemented");
  run_for (10);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, 0)), ==, f->ids[2]);

  upr_form_set_vocab_id (response, NULL);
  upr_form_set_vocab_id (status, "not-started");
  run_for (10);
  g_assert_cmpuint (n_shown (f), ==, 2);

  upr_form_set_vocab_id (status, NULL);
  g_assert_cmpint (cycle_of_19, >, 0);
  g_assert_cmpint (cycle_of_19, <=, 4);
  gtk_drop_down_set_selected (cycle, cycle_of_19);
  run_for (10);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, 0)), ==, f->ids[2]);
  gtk_drop_down_set_selected (cycle, 0);
  run_for (10);
  g_assert_cmpuint (n_shown (f), ==, 4);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkColumnView *view = page_part (f, "column_view");

  /* By reference at first: session 19 first, then 115.2 < 115.9 < 115.10. */
  g_assert_cmpstr (upr_recommendation_row_get_paragraph (shown_row (f, 0)), ==, "140.1");
  g_assert_cmpstr (upr_recommendation_row_get_paragraph (shown_row (f, 1)), ==, "115.2");
  g_assert_cmpstr (upr_recommendation_row_get_paragraph (shown_row (f, 2)), ==, "115.9");
  g_assert_cmpstr (upr_recommendation_row_get_paragraph (shown_row (f, 3)), ==, "115.10");

  gtk_column_view_sort_by_column (view, page_part (f, "paragraph_column"), GTK_SORT_DESCENDING);
  run_for (10);
  g_assert_cmpstr (upr_recommendation_row_get_paragraph (shown_row (f, 0)), ==, "115.10");
  g_assert_cmpstr (upr_recommendation_row_get_paragraph (shown_row (f, 3)), ==, "140.1");

  /* Status in the vocabulary's order, not the labels'. */
  gtk_column_view_sort_by_column (view, page_part (f, "status_column"), GTK_SORT_DESCENDING);
  run_for (10);
  g_assert_cmpstr (upr_recommendation_row_get_status (shown_row (f, 0)), ==, "implemented");
  g_assert_cmpstr (upr_recommendation_row_get_status (shown_row (f, 1)), ==, "in-progress");
}

static void
test_edit_status (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(UprRecord) after = NULL;
  g_autoptr(UprRecord) typed = NULL;

  g_assert_true (upr_matrix_page_select (f->page, f->ids[1]));
  g_assert_cmpstr (upr_matrix_page_get_selected_id (f->page), ==, f->ids[1]);
  g_assert_true (gtk_widget_get_sensitive (page_part (f, "editor")));
  g_assert_cmpstr (upr_form_get_vocab_id (editor_part (f, "status_drop_down")), ==,
                   "not-started");
  /* The suggester reads the opening verb. */
  g_assert_true (gtk_widget_get_visible (editor_part (f, "suggestion_box")));
  g_assert_nonnull (strstr (gtk_label_get_text (editor_part (f, "suggestion_label")),
                            "Category 5"));

  upr_form_set_vocab_id (editor_part (f, "status_drop_down"), "in-progress");
  after = stored (f, f->ids[1]);
  g_assert_cmpstr (upr_record_get_string (after, "status"), ==, "in-progress");

  /* Accepting the suggestion saves it. */
  g_signal_emit_by_name (editor_part (f, "accept_button"), "clicked");
  g_clear_object (&after);
  after = stored (f, f->ids[1]);
  g_assert_cmpint (upr_record_get_int (after, "action-category"), ==, 5);

  /* The row follows, and stays selected. */
  settle ();
  g_assert_cmpstr (upr_matrix_page_get_selected_id (f->page), ==, f->ids[1]);
  for (guint i = 0; i < n_shown (f); i++)
    if (g_strcmp0 (upr_recommendation_row_get_id (shown_row (f, i)), f->ids[1]) == 0)
      {
        g_assert_cmpstr (upr_recommendation_row_get_status (shown_row (f, i)), ==,
                         "in-progress");
        g_assert_cmpint (upr_recommendation_row_get_action_category (shown_row (f, i)), ==, 5);
      }

  /* Typing saves after its pause. */
  gtk_editable_set_text (editor_part (f, "cluster_entry"), "Justice");
  run_for (600);
  typed = stored (f, f->ids[1]);
  g_assert_cmpstr (upr_record_get_string (typed, "cluster"), ==, "Justice");
}

static void
test_add_update (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(UprRecord) after = NULL;
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *history;

  g_assert_true (upr_matrix_page_select (f->page, f->ids[3]));
  history = editor_part (f, "history");
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (history)));

  /* Neither text nor status: refused, nothing saved. */
  g_signal_emit_by_name (editor_part (f, "add_update_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (editor_part (f, "update_message")));

  upr_date_entry_set_text (editor_part (f, "update_date"), "2025-03-14");
  upr_form_set_vocab_id (editor_part (f, "update_status"), "partially-implemented");
  gtk_editable_set_text (editor_part (f, "update_text"), "Bill tabled in parliament");
  g_signal_emit_by_name (editor_part (f, "add_update_button"), "clicked");

  updates = upr_store_list_progress_updates (f->store, f->ids[3], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, 1);
  after = stored (f, f->ids[3]);
  g_assert_cmpstr (upr_record_get_string (after, "status"), ==, "partially-implemented");
  g_assert_cmpstr (upr_form_get_vocab_id (editor_part (f, "status_drop_down")), ==,
                   "partially-implemented");
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (history)));
  g_assert_false (gtk_widget_get_visible (editor_part (f, "update_message")));
  g_assert_cmpstr (gtk_editable_get_text (editor_part (f, "update_text")), ==, "");

  /* The matrix shows the last update's date. */
  settle ();
  for (guint i = 0; i < n_shown (f); i++)
    if (g_strcmp0 (upr_recommendation_row_get_id (shown_row (f, i)), f->ids[3]) == 0)
      g_assert_cmpstr (upr_recommendation_row_get_last_update (shown_row (f, i)), ==,
                       "2025-03-14");
}

static void
test_add_recommendation (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(UprRecord) created = NULL;
  const char *id;

  /* A filter that would hide it is cleared. */
  search (f, "reforme");
  g_assert_cmpuint (n_shown (f), ==, 1);

  gtk_spin_button_set_value (page_part (f, "session_spin"), 46);
  gtk_editable_set_text (page_part (f, "new_paragraph_entry"), "12.3");
  /* No text: refused. */
  g_signal_emit_by_name (page_part (f, "new_text_entry"), "activate");
  g_assert_true (gtk_widget_get_visible (page_part (f, "add_message")));
  g_assert_cmpstr (count_text (f), ==, "1 of 4 recommendations");

  gtk_editable_set_text (page_part (f, "new_text_entry"), "Establish a national mechanism");
  g_signal_emit_by_name (page_part (f, "new_text_entry"), "activate");
  run_for (20);

  g_assert_cmpstr (count_text (f), ==, "5 of 5 recommendations");
  id = upr_matrix_page_get_selected_id (f->page);
  g_assert_nonnull (id);
  created = stored (f, id);
  g_assert_cmpstr (upr_record_get_string (created, "paragraph"), ==, "12.3");
  g_assert_cmpstr (upr_record_get_string (created, "text"), ==, "Establish a national mechanism");
  g_assert_cmpstr (gtk_editable_get_text (page_part (f, "new_text_entry")), ==, "");
  g_assert_nonnull (upr_store_find_review (f->store, "CD", 46, NULL));
}

static void
test_empty_add (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  upr_matrix_page_set_country_code (f->page, "BI");
  g_assert_cmpstr (stack_page (f), ==, "empty");
  id = upr_matrix_page_add_recommendation (f->page, 43, NULL, "Abolish the death penalty",
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stack_page (f), ==, "matrix");
  g_assert_cmpstr (upr_matrix_page_get_selected_id (f->page), ==, id);
  g_assert_cmpstr (count_text (f), ==, "1 of 1 recommendation");
}

static const char *
status_of (Fixture    *f,
           const char *id)
{
  g_autoptr(UprRecord) record = stored (f, id);

  return g_intern_string (upr_record_get_string (record, "status"));
}

static void
test_bulk_status (Fixture       *f,
                  gconstpointer  data)
{
  GtkSelectionModel *selection = page_part (f, "selection");
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) kept = NULL;
  const char *before[4];

  for (guint i = 0; i < 4; i++)
    before[i] = status_of (f, f->ids[i]);
  g_assert_false (gtk_widget_get_sensitive (page_part (f, "bulk_status_button")));

  /* The first three by reference: 140.1, 115.2, 115.9. */
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  ids = upr_matrix_page_get_selected_ids (f->page);
  g_assert_cmpuint (g_strv_length (ids), ==, 3);
  g_assert_true (gtk_widget_get_sensitive (page_part (f, "bulk_status_button")));
  g_assert_cmpstr (upr_matrix_page_get_selected_id (f->page), ==, ids[0]);
  g_assert_cmpstr (count_text (f), ==, "4 of 4 recommendations · 3 selected");

  gtk_widget_activate_action (GTK_WIDGET (f->page), "matrix.set-status", "s", "not-applicable");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (status_of (f, ids[i]), ==, "not-applicable");
  g_assert_cmpstr (status_of (f, f->ids[0]), ==, before[0]); /* 115.10 was not selected */
  g_assert_true (upr_undo_bar_get_pending (page_part (f, "undo_bar")));

  /* The rows follow; the selection and the editor stay. */
  settle ();
  kept = upr_matrix_page_get_selected_ids (f->page);
  g_assert_cmpstrv (kept, ids);
  g_assert_cmpstr (upr_recommendation_row_get_status (shown_row (f, 1)), ==, "not-applicable");
  g_assert_cmpstr (upr_form_get_vocab_id (editor_part (f, "status_drop_down")), ==,
                   "not-applicable");

  /* Undo puts each one's former status back. */
  g_assert_true (upr_undo_bar_undo (page_part (f, "undo_bar")));
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (status_of (f, f->ids[i]), ==, before[i]);
  settle ();
  g_assert_cmpstr (upr_form_get_vocab_id (editor_part (f, "status_drop_down")), ==,
                   status_of (f, ids[0]));
}

static const char *
first_term_id (Fixture    *f,
               const char *scheme)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) terms = upr_store_list_terms (f->store, scheme, &error);
  g_autoptr(UprTerm) term = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (terms), >, 0);
  term = g_list_model_get_item (terms, 0);
  return g_intern_string (upr_term_get_id (term));
}

/* Selects the entry of @drop_down whose label contains @text. */
static void
choose (GtkDropDown *drop_down,
        const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (item), text) != NULL)
        {
          gtk_drop_down_set_selected (drop_down, i);
          run_for (10);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_more_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprOrganisation) ministry = NULL;
  const char *theme = first_term_id (f, "uhri-theme");
  const char *group = first_term_id (f, "uhri-group");
  const char *pair[] = { f->ids[0], f->ids[2], NULL };
  const char *one[] = { f->ids[2], NULL };
  g_autoptr(UprRecord) record = stored (f, f->ids[3]);
  GtkDropDown *lead = page_part (f, "lead_drop_down");
  GtkDropDown *term = page_part (f, "term_drop_down");

  upr_record_set_int (record, "action-category", 4);
  upr_store_save (f->store, record, &error);
  g_assert_no_error (error);
  upr_store_bulk_add_term (f->store, pair, theme, NULL, &error);
  g_assert_no_error (error);
  upr_store_bulk_add_term (f->store, one, group, NULL, &error);
  g_assert_no_error (error);
  upr_store_bulk_add_sdg (f->store, one, 16, NULL, &error);
  g_assert_no_error (error);
  ministry = upr_context_ensure_organisation (f->context, "Ministry of Justice", "government",
                                              "CD", &error);
  g_assert_no_error (error);
  upr_store_bulk_set_lead_organisation (f->store, pair,
                                        upr_record_get_id (UPR_RECORD (ministry)), NULL, &error);
  g_assert_no_error (error);
  settle ();
  g_assert_cmpstr (gtk_menu_button_get_label (page_part (f, "more_filters_button")), ==,
                   "More Filters");

  upr_form_set_vocab_id (page_part (f, "category_drop_down"), "4");
  run_for (10);
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, 0)), ==, f->ids[3]);
  g_assert_cmpstr (gtk_menu_button_get_label (page_part (f, "more_filters_button")), ==,
                   "More Filters (1)");
  upr_form_set_vocab_id (page_part (f, "category_drop_down"), NULL);
  run_for (10);
  g_assert_cmpuint (n_shown (f), ==, 4);

  /* Themes: the first entry is "all", then terms in the vocabularies' order. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (term)), >, 2);
  gtk_drop_down_set_selected (term, 1);
  run_for (10);
  g_assert_cmpstr (upr_recommendation_filter_get_term (page_part (f, "filter")), ==, theme);
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_cmpstr (count_text (f), ==, "2 of 4 recommendations");
  g_assert_cmpstr (upr_recommendation_filter_get_term (page_part (f, "filter")), ==, theme);

  /* Goal 16 narrows further, to the one with both. */
  choose (page_part (f, "sdg_drop_down"), "16.");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, 0)), ==, f->ids[2]);
  g_assert_cmpstr (gtk_menu_button_get_label (page_part (f, "more_filters_button")), ==,
                   "More Filters (2)");

  /* Clearing brings them all back. */
  g_signal_emit_by_name (page_part (f, "clear_filters_button"), "clicked");
  run_for (10);
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_cmpuint (upr_recommendation_filter_get_sdg (page_part (f, "filter")), ==, 0);

  /* The lead filter offers the institutions that lead something. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (lead)), ==, 2);
  choose (lead, "Ministry of Justice");
  g_assert_cmpuint (n_shown (f), ==, 2);
  g_assert_cmpstr (count_text (f), ==, "2 of 4 recommendations");
  /* An edit elsewhere keeps the choice. */
  upr_store_bulk_set_cluster (f->store, one, "Justice", NULL, &error);
  g_assert_no_error (error);
  settle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (lead), ==, 1);
  g_assert_cmpuint (n_shown (f), ==, 2);
}

static UprRecommendationLinks *
links_of (Fixture    *f,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  UprRecommendationLinks *links = upr_store_get_recommendation_links (f->store, id, &error);

  g_assert_no_error (error);
  return links;
}

static void
test_edit_links (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(UprRecommendationLinks) after = NULL;
  g_autoptr(UprRecord) record = NULL;
  GtkListBox *states;
  UprTermChooser *chooser;
  const char *theme = first_term_id (f, "uhri-theme");
  gint64 changes;

  /* 115.9 was recommended by France. */
  g_assert_true (upr_matrix_page_select (f->page, f->ids[1]));
  states = editor_part (f, "states_list");
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (states)));
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (states))));

  /* An unknown name is refused, a known one in either language is added. */
  gtk_editable_set_text (editor_part (f, "state_entry"), "Atlantis");
  g_signal_emit_by_name (editor_part (f, "state_entry"), "activate");
  g_assert_true (gtk_widget_get_visible (editor_part (f, "state_message")));
  gtk_editable_set_text (editor_part (f, "state_entry"), "allemagne");
  g_signal_emit_by_name (editor_part (f, "add_state_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (editor_part (f, "state_message")));
  g_assert_cmpstr (gtk_editable_get_text (editor_part (f, "state_entry")), ==, "");
  after = links_of (f, f->ids[1]);
  g_assert_cmpuint (g_strv_length (after->states), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) after->states, "DE"));
  g_assert_true (g_strv_contains ((const char * const *) after->states, "FR"));

  /* Themes and goals: one change-log entry for each choice. */
  chooser = editor_part (f, "term_chooser");
  changes = upr_store_count_changes (f->store);
  g_assert_true (upr_term_chooser_toggle (chooser, theme, TRUE));
  g_assert_cmpint (upr_store_count_changes (f->store), ==, changes + 1);
  g_assert_true (upr_term_chooser_toggle (chooser, "sdg:16", TRUE));
  g_clear_pointer (&after, upr_recommendation_links_free);
  after = links_of (f, f->ids[1]);
  g_assert_cmpstrv (after->terms, ((const char *[]) { theme, NULL }));
  g_assert_cmpuint (after->sdg_goals, ==, UPR_SDG_BIT (16));
  g_assert_cmpuint (g_strv_length (after->states), ==, 2); /* the States stay */
  g_assert_nonnull (strstr (gtk_label_get_text (editor_part (f, "terms_label")), "SDG 16"));

  /* Removing France keeps Germany. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (states)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *button = gtk_widget_get_last_child (box);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "code"), "FR") == 0)
        {
          g_signal_emit_by_name (button, "clicked");
          break;
        }
    }
  g_clear_pointer (&after, upr_recommendation_links_free);
  after = links_of (f, f->ids[1]);
  g_assert_cmpstrv (after->states, ((const char *[]) { "DE", NULL }));
  g_assert_cmpuint (after->sdg_goals, ==, UPR_SDG_BIT (16));

  /* The row follows. */
  settle ();
  for (guint i = 0; i < n_shown (f); i++)
    if (g_strcmp0 (upr_recommendation_row_get_id (shown_row (f, i)), f->ids[1]) == 0)
      {
        g_assert_true (upr_recommendation_row_has_term (shown_row (f, i), theme));
        g_assert_cmpuint (upr_recommendation_row_get_sdg_goals (shown_row (f, i)), ==,
                          UPR_SDG_BIT (16));
      }

  /* Response source on Enter, the pledge at once. */
  gtk_editable_set_text (editor_part (f, "response_source_entry"), "A/HRC/47/14/Add.1");
  g_signal_emit_by_name (editor_part (f, "response_source_entry"), "activate");
  gtk_check_button_set_active (editor_part (f, "pledge_check"), TRUE);
  record = stored (f, f->ids[1]);
  g_assert_cmpstr (upr_record_get_string (record, "response-source"), ==, "A/HRC/47/14/Add.1");
  g_assert_cmpint (upr_record_get_int (record, "voluntary-pledge"), ==, 1);

  /* Another recommendation shows its own. */
  g_assert_true (upr_matrix_page_select (f->page, f->ids[2]));
  g_assert_false (gtk_check_button_get_active (editor_part (f, "pledge_check")));
  g_assert_cmpuint (upr_term_chooser_get_sdg_goals (chooser), ==, 0);
  g_assert_true (gtk_widget_get_visible (editor_part (f, "no_states")));
}

static void
test_assessments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *combined;

  g_assert_true (upr_matrix_page_select (f->page, f->ids[3]));
  g_assert_cmpstr (gtk_label_get_text (editor_part (f, "combined_label")), ==,
                   "Not assessed yet.");

  upr_date_entry_set_text (editor_part (f, "assessment_date"), "2024-13-45");
  g_signal_emit_by_name (editor_part (f, "add_assessment_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (editor_part (f, "assessment_message")));

  /* Government says fully, civil society partially: UPR Info's index is 0.75, fully. */
  upr_date_entry_set_text (editor_part (f, "assessment_date"), "2024-05-02");
  upr_form_set_vocab_id (editor_part (f, "assessment_source"), "government");
  upr_form_set_vocab_id (editor_part (f, "assessment_level"), "fully-implemented");
  g_signal_emit_by_name (editor_part (f, "add_assessment_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (editor_part (f, "assessment_message")));
  upr_date_entry_set_text (editor_part (f, "assessment_date"), "2024-06-10");
  upr_form_set_vocab_id (editor_part (f, "assessment_source"), "cso");
  upr_form_set_vocab_id (editor_part (f, "assessment_level"), "partially-implemented");
  g_signal_emit_by_name (editor_part (f, "add_assessment_button"), "clicked");

  list = upr_store_list_assessments (f->store, f->ids[3], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_nonnull (gtk_widget_get_first_child (editor_part (f, "assessments")));
  combined = gtk_label_get_text (editor_part (f, "combined_label"));
  g_assert_nonnull (strstr (combined, "2 stakeholders"));
  g_assert_cmpstr (upr_store_get_assessed_level (f->store, f->ids[3], NULL, NULL, NULL), ==,
                   "fully-implemented");
  settle ();
  for (guint i = 0; i < n_shown (f); i++)
    if (g_strcmp0 (upr_recommendation_row_get_id (shown_row (f, i)), f->ids[3]) == 0)
      g_assert_cmpstr (upr_recommendation_row_get_assessment_level (shown_row (f, i)), ==,
                       "fully-implemented");
}

static UprRecord *
stored_ref (Fixture    *f,
            const char *id)
{
  return stored (f, id);
}

static void
test_bulk_edits (Fixture       *f,
                 gconstpointer  data)
{
  GtkSelectionModel *selection = page_part (f, "selection");
  UprUndoBar *undo_bar = page_part (f, "undo_bar");
  g_autoptr(UprOrganisation) ministry = NULL;
  g_autoptr(UprRecommendationLinks) links = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  const char *first_theme = first_term_id (f, "uhri-theme");
  const char *lead;

  g_assert_false (gtk_widget_get_sensitive (page_part (f, "bulk_edit_button")));
  /* 140.1, 115.2, 115.9 */
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  ids = upr_matrix_page_get_selected_ids (f->page);
  g_assert_true (gtk_widget_get_sensitive (page_part (f, "bulk_edit_button")));

  /* Lead institution, by name: a new one is created. */
  upr_organisation_entry_set_text (page_part (f, "bulk_lead_entry"), "Ministry of Justice");
  g_signal_emit_by_name (page_part (f, "bulk_lead_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (page_part (f, "bulk_message")));
  ministry = upr_store_find_organisation (f->store, "Ministry of Justice", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ministry);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UprRecord) record = stored_ref (f, ids[i]);

      lead = upr_record_get_string (record, "lead-organisation-id");
      g_assert_cmpstr (lead, ==, upr_record_get_id (UPR_RECORD (ministry)));
    }
  g_assert_true (upr_undo_bar_undo (undo_bar));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UprRecord) record = stored_ref (f, ids[i]);

      g_assert_null (upr_record_get_string (record, "lead-organisation-id"));
    }

  /* Cluster: undo puts back what each had just before, even before the rows caught up. */
  upr_matrix_page_set_cluster_of_selected (f->page, "Old", &error);
  g_assert_no_error (error);
  upr_undo_bar_commit (undo_bar);
  gtk_editable_set_text (page_part (f, "bulk_cluster_entry"), "Justice");
  g_signal_emit_by_name (page_part (f, "bulk_cluster_button"), "clicked");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UprRecord) record = stored_ref (f, ids[i]);

      g_assert_cmpstr (upr_record_get_string (record, "cluster"), ==, "Justice");
    }
  g_assert_true (upr_undo_bar_undo (undo_bar));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UprRecord) record = stored_ref (f, ids[i]);

      g_assert_cmpstr (upr_record_get_string (record, "cluster"), ==, "Old");
    }

  /* Theme: the first of the list; undo removes it from those it was added to only. */
  links = upr_recommendation_links_new ();
  g_strfreev (links->terms);
  links->terms = g_strdupv ((char *[]) { (char *) first_theme, NULL });
  upr_store_set_recommendation_links (f->store, ids[2], links, &error);
  g_assert_no_error (error);
  settle ();
  gtk_drop_down_set_selected (page_part (f, "bulk_term_drop_down"), 0);
  g_signal_emit_by_name (page_part (f, "bulk_term_button"), "clicked");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UprRecommendationLinks) now = links_of (f, ids[i]);

      g_assert_true (g_strv_contains ((const char * const *) now->terms, first_theme));
    }
  g_assert_true (upr_undo_bar_undo (undo_bar));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UprRecommendationLinks) now = links_of (f, ids[i]);

      g_assert_cmpint (g_strv_contains ((const char * const *) now->terms, first_theme), ==,
                       i == 2);
    }

  /* SDG 16 */
  choose (page_part (f, "bulk_sdg_drop_down"), "16.");
  g_signal_emit_by_name (page_part (f, "bulk_sdg_button"), "clicked");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UprRecommendationLinks) now = links_of (f, ids[i]);

      g_assert_cmpuint (now->sdg_goals, ==, UPR_SDG_BIT (16));
    }
  g_assert_true (upr_undo_bar_undo (undo_bar));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UprRecommendationLinks) now = links_of (f, ids[i]);

      g_assert_cmpuint (now->sdg_goals, ==, 0);
    }
  settle ();
  g_assert_cmpuint (upr_recommendation_row_get_sdg_goals (shown_row (f, 0)), ==, 0);
}

static void
test_filter_strictness (void)
{
  g_autoptr(UprRecommendationFilter) filter = upr_recommendation_filter_new ();

  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  upr_recommendation_filter_set_query (filter, "  ");
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  upr_recommendation_filter_set_status (filter, "implemented");
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_SOME);
  upr_recommendation_filter_set_status (filter, "");
  g_assert_null (upr_recommendation_filter_get_status (filter));
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  upr_recommendation_filter_set_sdg (filter, 5);
  upr_recommendation_filter_set_term (filter, "uhri-theme:x");
  upr_recommendation_filter_set_action_category (filter, 2);
  upr_recommendation_filter_set_lead (filter, "some-id");
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_SOME);
  upr_recommendation_filter_set_sdg (filter, 0);
  upr_recommendation_filter_set_term (filter, NULL);
  upr_recommendation_filter_set_action_category (filter, 0);
  upr_recommendation_filter_set_lead (filter, "");
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
}

/* ---------------------------------------------------------------------------------------
 * The editor's planning and history: planned actions and indicators (add, edit, delete with
 * undo), overdue marking, supporting institutions, who reported an update.
 * --------------------------------------------------------------------------------------- */

static gpointer
actions_part (Fixture    *f,
              const char *name)
{
  return part (editor_part (f, "planned_actions"), UPR_TYPE_PLANNED_ACTIONS_EDITOR, name);
}

static gpointer
indicators_part (Fixture    *f,
                 const char *name)
{
  return part (editor_part (f, "indicators"), UPR_TYPE_INDICATORS_EDITOR, name);
}

static GListModel *
stored_actions (Fixture    *f,
                const char *recommendation_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *actions = upr_store_list_planned_actions (f->store, recommendation_id, &error);

  g_assert_no_error (error);
  return actions;
}

static UprImplementationRow *
list_row (GtkListBox *list,
          guint       position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) position);

  g_assert_true (UPR_IS_IMPLEMENTATION_ROW (row));
  return UPR_IMPLEMENTATION_ROW (row);
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* Fills the planned action form; NULL leaves a field as it is. */
static void
fill_action (Fixture    *f,
             const char *text,
             const char *responsible,
             const char *start,
             const char *due,
             const char *resources,
             const char *status)
{
  if (text != NULL)
    gtk_editable_set_text (actions_part (f, "description_entry"), text);
  if (responsible != NULL)
    upr_organisation_entry_set_text (actions_part (f, "responsible_entry"), responsible);
  if (start != NULL)
    upr_date_entry_set_text (actions_part (f, "start_entry"), start);
  if (due != NULL)
    upr_date_entry_set_text (actions_part (f, "due_entry"), due);
  if (resources != NULL)
    gtk_editable_set_text (actions_part (f, "resources_entry"), resources);
  if (status != NULL)
    upr_form_set_vocab_id (actions_part (f, "status_drop_down"), status);
}

static void
test_planned_actions (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *actions = editor_part (f, "planned_actions");
  GtkListBox *list = actions_part (f, "list");
  g_autoptr(GListModel) after = NULL;
  g_autoptr(UprRecord) first = NULL;
  g_autoptr(UprOrganisation) ministry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (upr_matrix_page_select (f->page, f->ids[3]));
  g_assert_cmpstr (gtk_label_get_text (actions_part (f, "summary_label")), ==,
                   "No action planned yet.");
  g_assert_false (gtk_widget_get_visible (actions_part (f, "form")));

  /* Nothing said: refused at once, nothing saved. */
  g_assert_true (gtk_widget_activate_action (actions, "implementation.add", NULL));
  g_assert_true (gtk_widget_get_visible (actions_part (f, "form")));
  g_assert_true (gtk_widget_activate_action (actions, "implementation.save", NULL));
  g_assert_true (gtk_widget_get_visible (actions_part (f, "message")));
  g_assert_true (gtk_widget_get_visible (actions_part (f, "form")));

  /* A due date before the start is refused too. */
  fill_action (f, "Table the bill in parliament", "Ministère de la Justice", "2190-01-10",
               "2190-01-01", NULL, "in-progress");
  g_signal_emit_by_name (actions_part (f, "description_entry"), "activate");
  g_assert_true (gtk_widget_get_visible (actions_part (f, "message")));
  after = stored_actions (f, f->ids[3]);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 0);
  g_clear_object (&after);

  /* Saved with a new responsible organisation, created in the recommendation's country.
   * (Dates far ahead: not overdue whenever the test runs.) */
  fill_action (f, NULL, NULL, NULL, "2190-06-30", NULL, NULL);
  g_signal_emit_by_name (actions_part (f, "description_entry"), "activate");
  g_assert_false (gtk_widget_get_visible (actions_part (f, "form")));
  after = stored_actions (f, f->ids[3]);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  first = g_list_model_get_item (after, 0);
  id = g_strdup (upr_record_get_id (first));
  g_assert_cmpstr (upr_record_get_string (first, "text"), ==, "Table the bill in parliament");
  g_assert_cmpstr (upr_record_get_string (first, "start-date"), ==, "2190-01-10");
  g_assert_cmpstr (upr_record_get_string (first, "due-date"), ==, "2190-06-30");
  g_assert_cmpstr (upr_record_get_string (first, "status"), ==, "in-progress");
  ministry = upr_store_find_organisation (f->store, "Ministère de la Justice", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ministry);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (ministry), "country-code"), ==, "CD");
  g_assert_cmpstr (upr_record_get_string (first, "organisation-id"), ==,
                   upr_record_get_id (UPR_RECORD (ministry)));
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_cmpstr (upr_implementation_row_get_record_id (list_row (list, 0)), ==, id);
  g_assert_cmpstr (gtk_label_get_text (actions_part (f, "summary_label")), ==, "1 action");
  g_clear_object (&after);
  g_clear_object (&first);

  /* An earlier due date comes first. */
  g_assert_true (gtk_widget_activate_action (actions, "implementation.add", NULL));
  g_assert_cmpstr (gtk_editable_get_text (actions_part (f, "description_entry")), ==, "");
  fill_action (f, "Consult civil society on the bill", NULL, NULL, "2189-12-31", NULL, NULL);
  g_assert_true (gtk_widget_activate_action (actions, "implementation.save", NULL));
  g_assert_cmpuint (n_rows (list), ==, 2);
  g_assert_cmpstr (upr_implementation_row_get_title (list_row (list, 0)), ==,
                   "Consult civil society on the bill");
  g_assert_cmpstr (upr_implementation_row_get_record_id (list_row (list, 1)), ==, id);

  /* Edited: the form shows it as stored; Enter saves. */
  g_assert_true (gtk_widget_activate_action (actions, "implementation.edit", "s", id));
  g_assert_cmpstr (gtk_editable_get_text (actions_part (f, "description_entry")), ==,
                   "Table the bill in parliament");
  g_assert_cmpstr (upr_organisation_entry_get_text (actions_part (f, "responsible_entry")), ==,
                   "Ministère de la Justice");
  g_assert_cmpstr (upr_form_get_vocab_id (actions_part (f, "status_drop_down")), ==,
                   "in-progress");
  fill_action (f, NULL, NULL, NULL, NULL, "State budget, 12 000 USD", "completed");
  g_signal_emit_by_name (actions_part (f, "resources_entry"), "activate");
  first = upr_store_load (f->store, UPR_TYPE_PLANNED_ACTION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_record_get_string (first, "resources"), ==, "State budget, 12 000 USD");
  g_assert_cmpstr (upr_record_get_string (first, "status"), ==, "completed");
  g_assert_cmpstr (upr_record_get_string (first, "text"), ==, "Table the bill in parliament");
  after = stored_actions (f, f->ids[3]);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);
  g_clear_object (&after);
  g_clear_object (&first);

  /* Deleted, then undone: the same action comes back. */
  g_assert_true (gtk_widget_activate_action (actions, "implementation.delete", "s", id));
  after = stored_actions (f, f->ids[3]);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  g_clear_object (&after);
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_true (upr_undo_bar_get_pending (editor_part (f, "undo_bar")));
  g_assert_true (upr_undo_bar_undo (editor_part (f, "undo_bar")));
  after = stored_actions (f, f->ids[3]);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 2);
  first = upr_store_load (f->store, UPR_TYPE_PLANNED_ACTION, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upr_record_get_string (first, "resources"), ==, "State budget, 12 000 USD");
  g_assert_cmpuint (n_rows (list), ==, 2);
  g_clear_object (&after);

  /* What the form holds is saved when another recommendation is chosen. */
  g_assert_true (gtk_widget_activate_action (actions, "implementation.add", NULL));
  fill_action (f, "Publish the law", NULL, NULL, NULL, NULL, NULL);
  g_assert_true (upr_matrix_page_select (f->page, f->ids[2]));
  g_assert_false (gtk_widget_get_visible (actions_part (f, "form")));
  g_assert_cmpuint (n_rows (list), ==, 0);
  after = stored_actions (f, f->ids[3]);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 3);
}

static UprRecord *
planned (Fixture    *f,
         const char *recommendation_id,
         const char *text,
         const char *due,
         const char *status)
{
  g_autoptr(GError) error = NULL;
  UprRecord *action = UPR_RECORD (upr_planned_action_new ());

  upr_record_set_string (action, "recommendation-id", recommendation_id);
  upr_record_set_string (action, "text", text);
  upr_record_set_string (action, "due-date", due);
  upr_record_set_string (action, "status", status);
  upr_store_save (f->store, action, &error);
  g_assert_no_error (error);
  return action;
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(UprRecord) late = planned (f, f->ids[1], "Late", "2000-01-01", "planned");
  g_autoptr(UprRecord) done = planned (f, f->ids[1], "Done late", "2000-01-01", "completed");
  g_autoptr(UprRecord) later = planned (f, f->ids[1], "Later", "2999-12-31", "in-progress");
  g_autoptr(UprRecord) undated = planned (f, f->ids[1], "Undated", NULL, "planned");
  GtkWidget *actions = editor_part (f, "planned_actions");
  GtkListBox *list = actions_part (f, "list");
  GtkStackPage *planning = editor_part (f, "planning_page");

  g_assert_true (upr_planned_actions_editor_is_overdue (late, "2024-05-01"));
  g_assert_false (upr_planned_actions_editor_is_overdue (late, "2000-01-01"));
  g_assert_false (upr_planned_actions_editor_is_overdue (done, "2024-05-01"));
  g_assert_false (upr_planned_actions_editor_is_overdue (undated, "2024-05-01"));

  g_assert_true (upr_matrix_page_select (f->page, f->ids[1]));
  g_assert_cmpuint (upr_planned_actions_editor_get_n_overdue (UPR_PLANNED_ACTIONS_EDITOR (actions)),
                    ==, 1);
  g_assert_cmpstr (gtk_label_get_text (actions_part (f, "summary_label")), ==,
                   "4 actions, 1 overdue");
  g_assert_true (gtk_stack_page_get_needs_attention (planning));
  /* By due date, the undated last; only the late one still open is marked. */
  g_assert_cmpuint (n_rows (list), ==, 4);
  g_assert_cmpstr (upr_implementation_row_get_title (list_row (list, 3)), ==, "Undated");
  g_assert_cmpstr (upr_implementation_row_get_title (list_row (list, 2)), ==, "Later");
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (upr_implementation_row_get_overdue (list_row (list, i)), ==,
                     g_strcmp0 (upr_implementation_row_get_record_id (list_row (list, i)),
                                upr_record_get_id (late)) == 0);

  /* Another recommendation has none late. */
  g_assert_true (upr_matrix_page_select (f->page, f->ids[2]));
  g_assert_false (gtk_stack_page_get_needs_attention (planning));

  /* Completing the late one clears the mark. */
  g_assert_true (upr_matrix_page_select (f->page, f->ids[1]));
  g_assert_true (gtk_widget_activate_action (actions, "implementation.edit", "s",
                                             upr_record_get_id (late)));
  upr_form_set_vocab_id (actions_part (f, "status_drop_down"), "completed");
  g_assert_true (gtk_widget_activate_action (actions, "implementation.save", NULL));
  g_assert_cmpuint (upr_planned_actions_editor_get_n_overdue (UPR_PLANNED_ACTIONS_EDITOR (actions)),
                    ==, 0);
  g_assert_false (gtk_stack_page_get_needs_attention (planning));
  g_assert_cmpstr (gtk_label_get_text (actions_part (f, "summary_label")), ==, "4 actions");
}

static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *indicators = editor_part (f, "indicators");
  GtkListBox *list = indicators_part (f, "list");
  g_autoptr(GListModel) stored_list = NULL;
  g_autoptr(UprRecord) indicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (upr_matrix_page_select (f->page, f->ids[0]));
  g_assert_true (gtk_widget_activate_action (indicators, "implementation.add", NULL));
  g_assert_true (gtk_widget_activate_action (indicators, "implementation.save", NULL));
  g_assert_true (gtk_widget_get_visible (indicators_part (f, "message")));

  gtk_editable_set_text (indicators_part (f, "description_entry"),
                         "Officers trained in the new code");
  gtk_editable_set_text (indicators_part (f, "baseline_entry"), "0 (2024)");
  gtk_editable_set_text (indicators_part (f, "target_entry"), "300 by 2026");
  gtk_editable_set_text (indicators_part (f, "verification_entry"), "Training records");
  g_signal_emit_by_name (indicators_part (f, "verification_entry"), "activate");
  stored_list = upr_store_list_indicators (f->store, f->ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored_list), ==, 1);
  indicator = g_list_model_get_item (stored_list, 0);
  id = g_strdup (upr_record_get_id (indicator));
  g_assert_cmpstr (upr_record_get_string (indicator, "baseline"), ==, "0 (2024)");
  g_assert_cmpstr (upr_record_get_string (indicator, "target"), ==, "300 by 2026");
  g_assert_cmpstr (upr_record_get_string (indicator, "means-of-verification"), ==,
                   "Training records");
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_nonnull (strstr (upr_implementation_row_get_detail (list_row (list, 0)),
                            "300 by 2026"));
  g_clear_object (&stored_list);
  g_clear_object (&indicator);

  /* Edited, then deleted and brought back. */
  g_assert_true (gtk_widget_activate_action (indicators, "implementation.edit", "s", id));
  gtk_editable_set_text (indicators_part (f, "target_entry"), "");
  g_assert_true (gtk_widget_activate_action (indicators, "implementation.save", NULL));
  indicator = upr_store_load (f->store, UPR_TYPE_INDICATOR, id, &error);
  g_assert_no_error (error);
  g_assert_null (upr_record_get_string (indicator, "target"));
  /* From the row, as its Delete button and the Delete key do: the indicators' own action,
   * though the planned actions beside them have one of the same name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list_row (list, 0)),
                                             "implementation.delete", "s", id));
  g_assert_cmpuint (n_rows (list), ==, 0);
  g_assert_true (upr_undo_bar_undo (editor_part (f, "undo_bar")));
  g_assert_cmpuint (n_rows (list), ==, 1);
  stored_list = upr_store_list_indicators (f->store, f->ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored_list), ==, 1);
}

static void
test_support_and_sources (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(UprRecommendationLinks) links = NULL;
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(UprRecord) update = NULL;
  g_autoptr(UprOrganisation) commission = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *support = NULL;

  g_assert_true (upr_matrix_page_select (f->page, f->ids[1]));
  support = editor_part (f, "support_list");
  g_assert_true (gtk_widget_get_visible (editor_part (f, "no_support")));

  /* A new institution is created with the link, in one step. */
  upr_organisation_entry_set_text (editor_part (f, "support_entry"),
                                   "Commission nationale des droits de l’homme");
  g_signal_emit_by_name (editor_part (f, "add_support_button"), "clicked");
  commission = upr_store_find_organisation (f->store, "Commission nationale des droits de l’homme",
                                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (commission);
  links = links_of (f, f->ids[1]);
  g_assert_cmpstrv (links->supporting,
                    ((const char *[]) { upr_record_get_id (UPR_RECORD (commission)), NULL }));
  g_assert_cmpstrv (links->states, ((const char *[]) { "FR", NULL })); /* kept */
  g_assert_false (gtk_widget_get_visible (editor_part (f, "no_support")));
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (support)));

  /* Who reported an update, and its evidence. */
  upr_date_entry_set_text (editor_part (f, "update_date"), "2025-04-02");
  gtk_editable_set_text (editor_part (f, "update_text"), "Visits to three prisons");
  upr_organisation_entry_set_text (editor_part (f, "update_source"), "CNDH-RDC");
  gtk_editable_set_text (editor_part (f, "update_evidence"), "Report 2025/04");
  g_signal_emit_by_name (editor_part (f, "add_update_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (editor_part (f, "update_message")));
  updates = upr_store_list_progress_updates (f->store, f->ids[1], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (updates), ==, 1);
  update = g_list_model_get_item (updates, 0);
  g_assert_cmpstr (upr_record_get_string (update, "evidence"), ==, "Report 2025/04");
  g_assert_nonnull (upr_record_get_string (update, "organisation-id"));
  g_assert_cmpstr (upr_organisation_entry_get_text (editor_part (f, "update_source")), ==, "");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (
                      gtk_list_box_get_row_at_index (editor_part (f, "history"), 0)))),
                            "Reported by CNDH-RDC"));

  /* Removing the institution leaves the rest. */
  g_signal_emit_by_name (gtk_widget_get_last_child (gtk_list_box_row_get_child (
                           gtk_list_box_get_row_at_index (support, 0))), "clicked");
  g_clear_pointer (&links, upr_recommendation_links_free);
  links = links_of (f, f->ids[1]);
  g_assert_cmpuint (g_strv_length (links->supporting), ==, 0);
  g_assert_cmpstrv (links->states, ((const char *[]) { "FR", NULL }));
  g_assert_true (gtk_widget_get_visible (editor_part (f, "no_support")));
}

/* The page's speed and layout: rows kept as slots, all countries, columns, the editor
 * hidden. (Kept together, apart from the editor's cases above.) */

/* The texts of the built rows' cells, a GPtrArray per row in order; the list is not
 * scrolled, so row i shows shown row i. (Cells come in no set order within a row once
 * columns were shown or hidden.) */
static GPtrArray *
row_cells (Fixture *f)
{
  GtkWidget *view = page_part (f, "column_view");
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (GtkWidget *list = gtk_widget_get_first_child (view); list != NULL;
       list = gtk_widget_get_next_sibling (list))
    for (GtkWidget *row = GTK_IS_LIST_VIEW (list) ? gtk_widget_get_first_child (list) : NULL;
         row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        GPtrArray *texts = g_ptr_array_new ();

        for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
             cell = gtk_widget_get_next_sibling (cell))
          {
            GtkWidget *text = gtk_widget_get_first_child (cell);

            if (GTK_IS_INSCRIPTION (text) && gtk_widget_get_visible (cell))
              g_ptr_array_add (texts, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (text)));
          }
        g_ptr_array_add (rows, texts);
      }
  return rows;
}

static gboolean
row_shows (GPtrArray  *texts,
           const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
slots_settled (Fixture *f)
{
  return upr_slots_get_pending (page_part (f, "slots")) == 0;
}

/* Until the rows beyond the view have caught up (a few per frame), or fails. */
static void
wait_for_rows (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!slots_settled (f))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
  run_for (20);
}

/* Every built row shows the reference and text of the recommendation at its place. */
static void
assert_rows_show_references (Fixture *f)
{
  g_autoptr(GPtrArray) rows = row_cells (f);

  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <=, n_shown (f));
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_true (row_shows (rows->pdata[i],
                                upr_recommendation_row_get_paragraph (shown_row (f, i))));
      g_assert_true (row_shows (rows->pdata[i], upr_recommendation_row_get_text (shown_row (f, i))));
    }
}

/* More recommendations than GTK builds rows for, in one transaction: "12.<i>". */
static void
add_many (Fixture *f,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = upr_store_ensure_review (f->store, "CD", 12, &error);

  g_assert_no_error (error);
  g_assert_true (upr_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
      g_autofree char *paragraph = g_strdup_printf ("12.%u", i + 1);
      g_autofree char *text = g_strdup_printf ("%s number %u", i % 2 == 0 ? "Ratify" : "Adopt",
                                               i + 1);

      upr_record_set_string (UPR_RECORD (recommendation), "review-id",
                             upr_record_get_id (UPR_RECORD (review)));
      upr_record_set_string (UPR_RECORD (recommendation), "paragraph", paragraph);
      upr_record_set_string (UPR_RECORD (recommendation), "text", text);
      g_assert_true (upr_store_save (f->store, UPR_RECORD (recommendation), &error));
    }
  g_assert_true (upr_store_commit (f->store, &error));
  g_assert_no_error (error);
  settle ();
}

/* Searching and sorting change what the rows show, never which rows exist: the cells are
 * right at once in view and, once caught up, beyond it; the selection follows the
 * recommendation, and comes back when a search that hid it is cleared. */
static void
test_rows_follow (Fixture       *f,
                  gconstpointer  data)
{
  GtkColumnView *view = page_part (f, "column_view");
  g_auto(GStrv) selected = NULL;

  add_many (f, 240);
  g_assert_cmpuint (n_shown (f), ==, 244);
  wait_for_rows (f);
  assert_rows_show_references (f);

  g_assert_true (upr_matrix_page_select (f->page, f->ids[1]));
  search (f, "ratify");
  g_assert_cmpuint (n_shown (f), ==, 121);
  wait_for_rows (f);
  assert_rows_show_references (f);
  selected = upr_matrix_page_get_selected_ids (f->page);
  g_assert_cmpstrv (selected, ((const char *[]) { f->ids[1], NULL }));
  g_clear_pointer (&selected, g_strfreev);

  /* Hidden: nothing selected that shows, but the editor keeps it, and it comes back. */
  search (f, "adopt number");
  g_assert_cmpuint (n_shown (f), ==, 120);
  selected = upr_matrix_page_get_selected_ids (f->page);
  g_assert_cmpuint (g_strv_length (selected), ==, 0);
  g_clear_pointer (&selected, g_strfreev);
  g_assert_cmpstr (upr_matrix_page_get_selected_id (f->page), ==, f->ids[1]);
  search (f, "");
  wait_for_rows (f);
  selected = upr_matrix_page_get_selected_ids (f->page);
  g_assert_cmpstrv (selected, ((const char *[]) { f->ids[1], NULL }));
  g_clear_pointer (&selected, g_strfreev);
  assert_rows_show_references (f);

  /* Sorted the other way: same rows, new contents, the same recommendation selected. */
  gtk_column_view_sort_by_column (view, page_part (f, "paragraph_column"), GTK_SORT_DESCENDING);
  run_for (10);
  wait_for_rows (f);
  assert_rows_show_references (f);
  g_assert_cmpstr (upr_recommendation_row_get_paragraph (shown_row (f, 0)), ==, "115.10");
  selected = upr_matrix_page_get_selected_ids (f->page);
  g_assert_cmpstrv (selected, ((const char *[]) { f->ids[1], NULL }));

  /* Texts sort by their folded form, case and accents aside: "Élaborer" between "Adopt"
   * and "Ensure", not after "Ratify". */
  g_free (add (f, 33, "115.11", "Élaborer un plan national", "supported", "not-started"));
  settle ();
  gtk_column_view_sort_by_column (view, page_part (f, "text_column"), GTK_SORT_ASCENDING);
  run_for (10);
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, 0)), ==, f->ids[3]);
  g_assert_cmpstr (upr_recommendation_row_get_paragraph (shown_row (f, 121)), ==, "115.11");
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, 122)), ==, f->ids[2]);
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, n_shown (f) - 1)), ==, f->ids[1]);
}

static char *
add_for (Fixture    *f,
         const char *country,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = upr_store_ensure_review (f->store, country, 43, &error);
  g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();

  g_assert_no_error (error);
  upr_record_set_string (UPR_RECORD (recommendation), "review-id",
                         upr_record_get_id (UPR_RECORD (review)));
  upr_record_set_string (UPR_RECORD (recommendation), "paragraph", "100.1");
  upr_record_set_string (UPR_RECORD (recommendation), "text", text);
  upr_store_save (f->store, UPR_RECORD (recommendation), &error);
  g_assert_no_error (error);
  return g_strdup (upr_record_get_id (UPR_RECORD (recommendation)));
}

/* NULL: every country's recommendations, with their country in a column of its own, by
 * country first; adding needs a country. Edits show at once, new countries too. */
static void
test_all_countries (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *burundi = add_for (f, "BI", "Abolish the death penalty");
  g_autofree char *kenya = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(UprCountry) bi = upr_context_find_country (f->context, "BI");
  g_autoptr(UprCountry) cd = upr_context_find_country (f->context, "CD");
  const char *before;

  settle ();
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_false (gtk_column_view_column_get_visible (page_part (f, "country_column")));

  upr_matrix_page_set_country_code (f->page, NULL);
  run_for (20);
  g_assert_null (upr_matrix_page_get_country_code (f->page));
  g_assert_cmpuint (n_shown (f), ==, 5);
  g_assert_cmpstr (count_text (f), ==, "5 of 5 recommendations");
  g_assert_true (gtk_column_view_column_get_visible (page_part (f, "country_column")));
  g_assert_false (gtk_widget_get_sensitive (page_part (f, "add_button")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->page), "matrix.add", NULL)
                  && gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (
                       page_part (f, "add_button")))));
  /* Burundi before the Democratic Republic of the Congo, in the names' order. */
  g_assert_cmpint (g_utf8_collate (upr_country_get_sort_key (bi), upr_country_get_sort_key (cd)),
                   <, 0);
  g_assert_cmpstr (upr_recommendation_row_get_id (shown_row (f, 0)), ==, burundi);
  rows = row_cells (f);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_true (row_shows (rows->pdata[0], upr_country_get_name (bi)));
  g_assert_true (row_shows (rows->pdata[4], upr_country_get_name (cd)));
  g_assert_false (row_shows (rows->pdata[4], upr_country_get_name (bi)));

  search (f, "death");
  g_assert_cmpuint (n_shown (f), ==, 1);
  search (f, "");

  /* A bulk edit shows at once, though the whole list is not read again. */
  before = status_of (f, burundi);
  g_assert_cmpstr (before, !=, "implemented");
  g_assert_true (upr_matrix_page_select (f->page, burundi));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "matrix.set-status", "s", "implemented");
  settle ();
  g_assert_cmpstr (upr_recommendation_row_get_status (shown_row (f, 0)), ==, "implemented");
  g_assert_true (upr_undo_bar_undo (page_part (f, "undo_bar")));
  settle ();
  g_assert_cmpstr (upr_recommendation_row_get_status (shown_row (f, 0)), ==, before);

  /* A new country's review comes with its recommendations: all are read again. */
  kenya = add_for (f, "KE", "Protect journalists");
  settle ();
  g_assert_cmpuint (n_shown (f), ==, 6);

  /* Back to one country: no Country column, adding again. */
  upr_matrix_page_set_country_code (f->page, "CD");
  run_for (20);
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_false (gtk_column_view_column_get_visible (page_part (f, "country_column")));
  g_assert_true (gtk_widget_get_sensitive (page_part (f, "add_button")));
}

/* A page of a context with settings, in @f's window instead of the fixture's page. */
static UprMatrixPage *
page_with_settings (Fixture   *f,
                    GSettings *settings)
{
  g_autoptr(UprContext) context = upr_context_new (f->store, settings);
  UprMatrixPage *page = UPR_MATRIX_PAGE (upr_matrix_page_new (context));

  upr_matrix_page_set_country_code (page, "CD");
  gtk_window_set_child (f->window, GTK_WIDGET (page));
  run_for (50);
  return page;
}

static GtkColumnViewColumn *
column_of_page (UprMatrixPage *page,
                const char    *name)
{
  return part (page, UPR_TYPE_MATRIX_PAGE, name);
}

/* Columns the officer hides stay hidden in the next window; the Country column is the
 * page's to show. */
static void
test_columns_remembered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend ("org.upr_info.Upright", backend);
  g_auto(GStrv) hidden = NULL;
  UprMatrixPage *page = page_with_settings (f, settings);

  f->page = page;
  g_assert_true (gtk_column_view_column_get_visible (column_of_page (page, "states_column")));
  gtk_column_view_column_set_visible (column_of_page (page, "states_column"), FALSE);
  gtk_column_view_column_set_visible (column_of_page (page, "updated_column"), FALSE);
  hidden = g_settings_get_strv (settings, "matrix-hidden-columns");
  g_assert_cmpstrv (hidden, ((const char *[]) { "states", "updated", NULL }));
  g_clear_pointer (&hidden, g_strfreev);

  /* Another page, as in the next session. */
  page = page_with_settings (f, settings);
  f->page = page;
  g_assert_false (gtk_column_view_column_get_visible (column_of_page (page, "states_column")));
  g_assert_false (gtk_column_view_column_get_visible (column_of_page (page, "updated_column")));
  g_assert_true (gtk_column_view_column_get_visible (column_of_page (page, "text_column")));

  /* Shown again from the menu's check button (bound to the column). */
  gtk_column_view_column_set_visible (column_of_page (page, "states_column"), TRUE);
  hidden = g_settings_get_strv (settings, "matrix-hidden-columns");
  g_assert_cmpstrv (hidden, ((const char *[]) { "updated", NULL }));
}

/* Whether a key (without modifiers) of @widget's class runs @action. */
static gboolean
has_shortcut (GtkWidget  *widget,
              guint       keyval,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0
              && GTK_IS_NAMED_ACTION (named)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)),
                            action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The editor hides (the toggle, F9) and the choice is remembered; opening a row brings it
 * back. */
static void
test_editor_collapse (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend ("org.upr_info.Upright", backend);
  UprMatrixPage *page = page_with_settings (f, settings);
  GtkWidget *editor = part (page, UPR_TYPE_MATRIX_PAGE, "editor");
  GtkToggleButton *toggle = part (page, UPR_TYPE_MATRIX_PAGE, "editor_button");

  f->page = page;
  g_assert_true (upr_matrix_page_get_show_editor (page));
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (gtk_toggle_button_get_active (toggle));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "matrix.show-editor", NULL));
  run_for (10);
  g_assert_false (upr_matrix_page_get_show_editor (page));
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_false (gtk_toggle_button_get_active (toggle));
  g_assert_false (g_settings_get_boolean (settings, "matrix-show-editor"));

  /* The next page starts without it. */
  page = page_with_settings (f, settings);
  f->page = page;
  editor = part (page, UPR_TYPE_MATRIX_PAGE, "editor");
  g_assert_false (upr_matrix_page_get_show_editor (page));
  g_assert_false (gtk_widget_get_visible (editor));

  /* F9 shows it, as the toggle does. */
  g_assert_true (has_shortcut (GTK_WIDGET (page), GDK_KEY_F9, "matrix.show-editor"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "matrix.show-editor", NULL));
  run_for (10);
  g_assert_true (upr_matrix_page_get_show_editor (page));
  g_assert_true (g_settings_get_boolean (settings, "matrix-show-editor"));
  upr_matrix_page_set_show_editor (page, FALSE);

  /* Opening a row (double click, Enter) brings it back. */
  g_signal_emit_by_name (page_part (f, "column_view"), "activate", 0);
  g_assert_true (upr_matrix_page_get_show_editor (page));
  g_assert_true (gtk_widget_get_visible (editor));
}

int
main (int   argc,
      char *argv[])
{
  upr_test_lsan_ignore_quark_array ();
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/upright/gui/matrix/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  g_test_add_func ("/upright/gui/matrix/filter-strictness", test_filter_strictness);
  ADD ("lists", test_lists);
  ADD ("search", test_search);
  ADD ("filters", test_filters);
  ADD ("sort", test_sort);
  ADD ("edit-status", test_edit_status);
  ADD ("add-update", test_add_update);
  ADD ("add-recommendation", test_add_recommendation);
  ADD ("empty-add", test_empty_add);
  ADD ("bulk-status", test_bulk_status);
  ADD ("more-filters", test_more_filters);
  ADD ("edit-links", test_edit_links);
  ADD ("assessments", test_assessments);
  ADD ("bulk-edits", test_bulk_edits);
  /* The editor's planning block */
  ADD ("editor/planned-actions", test_planned_actions);
  ADD ("editor/overdue", test_overdue);
  ADD ("editor/indicators", test_indicators);
  ADD ("editor/support-and-sources", test_support_and_sources);
  /* The page's speed and layout */
  ADD ("rows-follow", test_rows_follow);
  ADD ("all-countries", test_all_countries);
  ADD ("columns-remembered", test_columns_remembered);
  ADD ("editor-collapse", test_editor_collapse);

  return g_test_run ();
}
