/* test-gui-matrix.c: the Recommendations page driven as an officer would, on a temporary
 * database: the matrix lists the country's recommendations, search ignores accents, the
 * response, status and cycle filters narrow it, the reference column sorts numerically,
 * the editor saves a status at once and typing after its pause, "Add Update" records
 * progress and moves the status, and "Add Recommendation" creates one and selects it.
 * Needs a display (Xvfb). Widgets are reached through their template children. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "upr-context.h"
#include "upr-date-entry.h"
#include "upr-form.h"
#include "upr-matrix-page.h"
#include "upr-progress-update.h"
#include "upr-recommendation.h"
#include "upr-recommendation-editor.h"
#include "upr-recommendation-filter.h"
#include "upr-recommendation-row.h"
#include "upr-review.h"
#include "upr-store.h"
#include "upr-term.h"
#include "upr-term-chooser.h"
#include "upr-assessment.h"
#include "upr-organisation.h"
#include "upr-undo-bar.h"
#include "upr-organisation-entry.h"
#include "upr-test-lsan.h"

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

  return g_test_run ();
}
