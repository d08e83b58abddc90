/* test-gui-overview.c: the Overview page of a country on a temporary database: its charts
 * count the recommendations by response, status, assessment, theme and goal, read the
 * numbers out in text, show the status on each year-end since the first review, count
 * again a moment after a change, and show an empty state for a country without
 * recommendations. Needs a display (Xvfb). Widgets are reached through template children. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "upr-assessment.h"
#include "upr-bar-chart.h"
#include "upr-context.h"
#include "upr-overview-page.h"
#include "upr-progress-update.h"
#include "upr-recommendation.h"
#include "upr-review.h"
#include "upr-store.h"
#include "upr-test-lsan.h"

typedef struct
{
  char            *dir;
  UprStore        *store;
  UprContext      *context;
  GtkWindow       *window;
  UprOverviewPage *page;
  char            *ids[4];
} Fixture;

#define JUSTICE "uhri-theme:access-to-justice-and-remedy"
#define WOMEN "uhri-theme:advancement-of-women"

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

/* Past the page's pause after a change. */
static void
settle (void)
{
  run_for (400);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Widgets */

static gpointer
page_part (Fixture    *f,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->page), UPR_TYPE_OVERVIEW_PAGE,
                                                  name);

  g_assert_nonnull (child);
  return child;
}

static UprBarChart *
chart (Fixture    *f,
       const char *name)
{
  return UPR_BAR_CHART (page_part (f, name));
}

/* The count of the bar labelled @label; fails when there is none. */
static guint
bar (Fixture    *f,
     const char *chart_name,
     const char *label)
{
  UprBarChart *c = chart (f, chart_name);

  for (guint i = 0; i < upr_bar_chart_get_n_bars (c); i++)
    if (g_strcmp0 (upr_bar_chart_get_label (c, i), label) == 0)
      return upr_bar_chart_get_total (c, i);
  g_error ("no bar “%s” in %s", label, chart_name);
}

static const char *
stack_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (page_part (f, "stack"));
}

static const char *
totals (Fixture *f)
{
  return gtk_label_get_text (page_part (f, "totals_label"));
}

/* Store */

static char *
add (Fixture    *f,
     const char *paragraph,
     const char *response,
     const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = upr_store_ensure_review (f->store, "CD", 33, &error);
  g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
  UprRecord *record = UPR_RECORD (recommendation);

  g_assert_no_error (error);
  upr_record_set_string (record, "review-id", upr_record_get_id (UPR_RECORD (review)));
  upr_record_set_string (record, "paragraph", paragraph);
  upr_record_set_string (record, "text", "A recommendation");
  upr_record_set_string (record, "response", response);
  upr_record_set_string (record, "status", status);
  upr_store_save (f->store, record, &error);
  g_assert_no_error (error);
  return g_strdup (upr_record_get_id (record));
}

static void
classify (Fixture    *f,
          const char *id,
          const char *term_a,
          const char *term_b,
          guint       goals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprRecommendationLinks) links = upr_recommendation_links_new ();
  const char *terms[] = { term_a, term_b, NULL };

  g_strfreev (links->terms);
  links->terms = g_strdupv ((char **) terms);
  links->sdg_goals = goals;
  upr_store_set_recommendation_links (f->store, id, links, &error);
  g_assert_no_error (error);
}

static void
add_update (Fixture    *f,
            const char *id,
            const char *date,
            const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprProgressUpdate) update = upr_progress_update_new ();
  UprRecord *record = UPR_RECORD (update);

  upr_record_set_string (record, "recommendation-id", id);
  upr_record_set_string (record, "date", date);
  upr_record_set_string (record, "status", status);
  upr_record_set_string (record, "text", "Progress reported");
  upr_store_add_progress_update (f->store, update, &error);
  g_assert_no_error (error);
}

static void
date_review (Fixture    *f,
             const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = upr_store_find_review (f->store, "CD", 33, &error);

  g_assert_no_error (error);
  upr_record_set_string (UPR_RECORD (review), "review-date", date);
  upr_store_save (f->store, UPR_RECORD (review), &error);
  g_assert_no_error (error);
}

static void
assess (Fixture    *f,
        const char *id,
        const char *level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprAssessment) assessment = upr_assessment_new ();
  UprRecord *record = UPR_RECORD (assessment);

  upr_record_set_string (record, "recommendation-id", id);
  upr_record_set_string (record, "source", "cso");
  upr_record_set_string (record, "level", level);
  upr_record_set_string (record, "date", "2021-01-15");
  upr_store_add_assessment (f->store, assessment, &error);
  g_assert_no_error (error);
}

/* Fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("upright-gui-overview-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "upright.db", NULL);
  f->store = upr_store_open (path, &error);
  g_assert_no_error (error);

  f->ids[0] = add (f, "115.1", "supported", "in-progress");
  f->ids[1] = add (f, "115.2", "noted", "not-started");
  f->ids[2] = add (f, "115.3", "supported", "not-started");
  f->ids[3] = add (f, "115.4", "supported-in-part", "not-started");
  date_review (f, "2019-05-07");
  classify (f, f->ids[0], JUSTICE, WOMEN, UPR_SDG_BIT (5) | UPR_SDG_BIT (16));
  classify (f, f->ids[2], JUSTICE, NULL, UPR_SDG_BIT (16));
  add_update (f, f->ids[2], "2020-06-01", "in-progress");
  add_update (f, f->ids[2], "2022-03-01", "implemented");
  assess (f, f->ids[2], "partially-implemented");

  f->context = upr_context_new (f->store, NULL);
  f->page = UPR_OVERVIEW_PAGE (upr_overview_page_new (f->context));
  upr_overview_page_set_country_code (f->page, "CD");
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  settle ();
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
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_assert_cmpstr (stack_page (f), ==, "overview");
  g_assert_cmpstr (totals (f), ==, "4 recommendations · 1 review · 1 implemented");

  /* Every response and status, zeros included, in the vocabulary's order. */
  g_assert_cmpuint (upr_bar_chart_get_n_bars (chart (f, "response_chart")), ==, 4);
  g_assert_cmpuint (bar (f, "response_chart", "Supported"), ==, 2);
  g_assert_cmpuint (bar (f, "response_chart", "Supported in part"), ==, 1);
  g_assert_cmpuint (bar (f, "response_chart", "Noted"), ==, 1);
  g_assert_cmpuint (bar (f, "response_chart", "Pending"), ==, 0);
  g_assert_cmpuint (upr_bar_chart_get_n_bars (chart (f, "status_chart")), ==, 5);
  g_assert_cmpuint (bar (f, "status_chart", "Not started"), ==, 2);
  g_assert_cmpuint (bar (f, "status_chart", "In progress"), ==, 1);
  g_assert_cmpuint (bar (f, "status_chart", "Implemented"), ==, 1);
  g_assert_cmpuint (bar (f, "status_chart", "Not applicable"), ==, 0);

  g_assert_cmpuint (bar (f, "assessment_chart", "Partially implemented"), ==, 1);
  g_assert_cmpuint (bar (f, "assessment_chart", "Fully implemented"), ==, 0);
  g_assert_cmpuint (bar (f, "assessment_chart", "Not assessed"), ==, 3);

  /* Themes and goals: only those used, most used theme first, goals in their order. */
  g_assert_cmpuint (upr_bar_chart_get_n_bars (chart (f, "theme_chart")), ==, 2);
  g_assert_cmpstr (upr_bar_chart_get_label (chart (f, "theme_chart"), 0), ==,
                   "Access to justice & remedy");
  g_assert_cmpuint (upr_bar_chart_get_total (chart (f, "theme_chart"), 0), ==, 2);
  g_assert_cmpuint (bar (f, "theme_chart", "Advancement of women"), ==, 1);
  g_assert_cmpuint (upr_bar_chart_get_n_bars (chart (f, "sdg_chart")), ==, 2);
  g_assert_cmpstr (upr_bar_chart_get_label (chart (f, "sdg_chart"), 0), ==,
                   "5. Gender equality");
  g_assert_cmpuint (upr_bar_chart_get_total (chart (f, "sdg_chart"), 1), ==, 2);
}

static void
test_accessible_text (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_cmpstr (upr_bar_chart_get_title (chart (f, "response_chart")), ==, "By Response");
  g_assert_cmpstr (upr_bar_chart_get_description (chart (f, "response_chart")), ==,
                   "Supported: 2, Supported in part: 1, Noted: 1, Pending: 0");
  g_assert_cmpstr (upr_bar_chart_get_description (chart (f, "sdg_chart")), ==,
                   "5. Gender equality: 1, 16. Peace, justice and strong institutions: 2");
  /* A stacked bar reads out each status of its date. */
  g_assert_true (g_str_has_prefix (upr_bar_chart_get_description (chart (f, "progress_chart")),
                                   "2019 (Implemented: 0, Partially implemented: 0, "
                                   "In progress: "));
}

/* One bar a year-end from the review's year, then today, each stacking the statuses of the
 * day: the recommendation updated in 2020 and 2022 moves along. */
static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  UprBarChart *progress = chart (f, "progress_chart");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint n_bars = (guint) (g_date_time_get_year (now) - 2019 + 1);

  g_assert_cmpuint (upr_bar_chart_get_n_bars (progress), ==, n_bars);
  g_assert_cmpstr (upr_bar_chart_get_label (progress, 0), ==, "2019");
  g_assert_cmpstr (upr_bar_chart_get_label (progress, 1), ==, "2020");
  g_assert_cmpstr (upr_bar_chart_get_label (progress, n_bars - 1), ==, "Today");
  for (guint i = 0; i < n_bars; i++)
    g_assert_cmpuint (upr_bar_chart_get_total (progress, i), ==, 4);
  /* Series: implemented, partially implemented, in progress, not started, not applicable. */
  g_assert_cmpuint (upr_bar_chart_get_value (progress, 0, 0), ==, 0);
  g_assert_cmpuint (upr_bar_chart_get_value (progress, 1, 0), ==, 0);
  g_assert_cmpuint (upr_bar_chart_get_value (progress, 1, 2), >=, 1);
  g_assert_cmpuint (upr_bar_chart_get_value (progress, 2, 0), ==, 0); /* 2021 */
  g_assert_cmpuint (upr_bar_chart_get_value (progress, 3, 0), ==, 1); /* 2022 */
  g_assert_cmpuint (upr_bar_chart_get_value (progress, n_bars - 1, 0), ==, 1);
  g_assert_cmpuint (upr_bar_chart_get_value (progress, n_bars - 1, 2), ==, 1);
  g_assert_cmpuint (upr_bar_chart_get_value (progress, n_bars - 1, 3), ==, 2);
}

static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add (f, "115.5", "noted", "not-started");
  const char *ids[] = { f->ids[1], NULL };

  upr_store_bulk_set_status (f->store, ids, "implemented", NULL, NULL, &error);
  g_assert_no_error (error);
  /* Counted again after the pause, not at once. */
  g_assert_cmpuint (bar (f, "response_chart", "Noted"), ==, 1);
  settle ();
  g_assert_cmpuint (bar (f, "response_chart", "Noted"), ==, 2);
  g_assert_cmpuint (bar (f, "status_chart", "Implemented"), ==, 2);
  g_assert_cmpstr (totals (f), ==, "5 recommendations · 1 review · 2 implemented");
  g_assert_true (g_str_has_prefix (upr_bar_chart_get_description (chart (f, "response_chart")),
                                   "Supported: 2, Supported in part: 1, Noted: 2"));

  /* Trashed recommendations leave the counts; with none left, the empty state shows. */
  {
    const char *all[] = { f->ids[0], f->ids[1], f->ids[2], f->ids[3], id, NULL };

    upr_store_trash_recommendations (f->store, all, &error);
    g_assert_no_error (error);
  }
  settle ();
  g_assert_cmpstr (stack_page (f), ==, "empty");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  upr_overview_page_set_country_code (f->page, "BI");
  g_assert_cmpstr (stack_page (f), ==, "empty");
  upr_overview_page_set_country_code (f->page, NULL);
  g_assert_cmpstr (stack_page (f), ==, "empty");
  upr_overview_page_set_country_code (f->page, "CD");
  g_assert_cmpstr (stack_page (f), ==, "overview");
  g_assert_cmpuint (bar (f, "response_chart", "Supported"), ==, 2);
}

/* Every country together: the counts and the years of both countries' reviews. */
static void
test_all_countries (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprReview) review = upr_store_ensure_review (f->store, "BI", 38, &error);
  g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
  UprRecord *record = UPR_RECORD (recommendation);
  UprBarChart *progress = chart (f, "progress_chart");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint n_bars = (guint) (g_date_time_get_year (now) - 2019 + 1);

  g_assert_no_error (error);
  upr_record_set_string (UPR_RECORD (review), "review-date", "2021-05-03");
  upr_store_save (f->store, UPR_RECORD (review), &error);
  g_assert_no_error (error);
  upr_record_set_string (record, "review-id", upr_record_get_id (UPR_RECORD (review)));
  upr_record_set_string (record, "text", "Another country's recommendation");
  upr_record_set_string (record, "status", "implemented");
  upr_store_save (f->store, record, &error);
  g_assert_no_error (error);

  upr_overview_page_show_all_countries (f->page);
  settle ();
  g_assert_true (upr_overview_page_get_all_countries (f->page));
  g_assert_null (upr_overview_page_get_country_code (f->page));
  g_assert_cmpstr (stack_page (f), ==, "overview");
  g_assert_cmpstr (totals (f), ==, "5 recommendations · 2 reviews · 2 implemented");
  /* From the first review's year; Burundi's counts from 2021, its review's year. */
  g_assert_cmpuint (upr_bar_chart_get_n_bars (progress), ==, n_bars);
  g_assert_cmpuint (upr_bar_chart_get_total (progress, 0), ==, 4);
  g_assert_cmpuint (upr_bar_chart_get_total (progress, 1), ==, 4);
  g_assert_cmpuint (upr_bar_chart_get_total (progress, 2), ==, 5);
  g_assert_cmpuint (upr_bar_chart_get_value (progress, n_bars - 1, 0), ==, 2);

  upr_overview_page_set_country_code (f->page, "CD");
  settle ();
  g_assert_false (upr_overview_page_get_all_countries (f->page));
  g_assert_cmpstr (totals (f), ==, "4 recommendations · 1 review · 1 implemented");
}

/* A hidden page does not count at each change, but is up to date when shown again. */
static void
test_hidden (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = NULL;

  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  id = add (f, "115.6", "pending", "not-started");
  settle ();
  g_assert_cmpuint (bar (f, "response_chart", "Pending"), ==, 0);
  gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
  g_assert_cmpuint (bar (f, "response_chart", "Pending"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  upr_test_lsan_ignore_quark_array ();
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/upright/gui/overview/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("counts", test_counts);
  ADD ("accessible-text", test_accessible_text);
  ADD ("progress", test_progress);
  ADD ("refresh", test_refresh);
  ADD ("empty", test_empty);
  ADD ("hidden", test_hidden);
  ADD ("all-countries", test_all_countries);
#undef ADD

  return g_test_run ();
}
