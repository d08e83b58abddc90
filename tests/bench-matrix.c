/* bench-matrix.c: the benchmark of issue 3's matrix page — 40,000 recommendations across
 * 190 countries and 4 cycles (written by bench-recommendations), then the Recommendations
 * page of the largest country: time to the first painted frame, one search keystroke,
 * sorting by a column, and peak memory.
 *
 *   bench-matrix BENCH-RECOMMENDATIONS-PROGRAM
 *
 * Prints figures (milliseconds); asserts only that the rows are there. Run with
 * `meson test --benchmark` under Xvfb. "painted" includes waiting for the 60 Hz frame tick. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sys/resource.h>

#include "upr-context.h"
#include "upr-country.h"
#include "upr-matrix-page.h"
#include "upr-store.h"

#define N_RECOMMENDATIONS 40000

static guint n_paints;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  n_paints++;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Lets everything queued run, then waits for a frame painted after it. */
static void
settle_and_paint (void)
{
  guint paints;

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  paints = n_paints;
  while (n_paints == paints)
    g_main_context_iteration (NULL, TRUE);
}

static long
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

/* The country with the most recommendations, as the sidebar would list it first. */
static char *
largest_country (UprStore *store)
{
  g_autoptr(GListModel) countries = upr_store_list_countries (store, NULL);
  UprCountry *best = NULL;
  char *code;

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      UprCountry *country = g_list_model_get_item (countries, i);

      if (best == NULL
          || upr_country_get_n_recommendations (country) > upr_country_get_n_recommendations (best))
        g_set_object (&best, country);
      g_object_unref (country);
    }
  code = g_strdup (upr_country_get_code (best));
  g_object_unref (best);
  return code;
}

static guint
n_rows (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

int
main (int   argc,
      char *argv[])
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *count = NULL;
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autoptr(UprContext) context = NULL;
  char *generate[] = { argv[1], NULL, NULL, NULL };
  GtkWidget *window, *page;
  GtkColumnView *view;
  GtkEditable *search;
  GListModel *columns;
  gint64 start;
  int status = 0;

  g_return_val_if_fail (argc == 2, 2);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();

  dir = g_dir_make_tmp ("upright-bench-matrix-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "bench.db", NULL);
  count = g_strdup_printf ("%d", N_RECOMMENDATIONS);
  generate[1] = db;
  generate[2] = count;
  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, generate, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_print ("Generated %d recommendations in %.0f ms\n", N_RECOMMENDATIONS, ms_since (start));

  store = upr_store_open (db, &error);
  g_assert_no_error (error);
  code = largest_country (store);
  context = upr_context_new (store, NULL);

  /* A desktop session already runs the accessibility bus: the first window starts it here,
   * before any timing. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);

  g_print ("Matrix of the largest country (%s):\n", code);
  start = g_get_monotonic_time ();
  page = upr_matrix_page_new (context);
  upr_matrix_page_set_country_code (UPR_MATRIX_PAGE (page), code);
  gtk_window_set_child (GTK_WINDOW (window), page);
  settle_and_paint ();
  view = GTK_COLUMN_VIEW (find_descendant (page, GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (view);
  g_print ("  %-34s %8.1f ms  %5u rows\n", "open, first frame painted", ms_since (start),
           n_rows (view));
  g_assert_cmpuint (n_rows (view), >, 1000);

  upr_matrix_page_focus_search (UPR_MATRIX_PAGE (page));
  search = GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_true (GTK_IS_EDITABLE (search));
  start = g_get_monotonic_time ();
  g_object_set (search, "text", "r", NULL);
  settle_and_paint ();
  g_print ("  %-34s %8.1f ms  %5u rows\n", "search keystroke “r”", ms_since (start),
           n_rows (view));
  start = g_get_monotonic_time ();
  g_object_set (search, "text", "re", NULL);
  settle_and_paint ();
  g_print ("  %-34s %8.1f ms  %5u rows\n", "search keystroke “re”", ms_since (start),
           n_rows (view));
  start = g_get_monotonic_time ();
  g_object_set (search, "text", "", NULL);
  settle_and_paint ();
  g_print ("  %-34s %8.1f ms  %5u rows\n", "search cleared", ms_since (start), n_rows (view));

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns) && i < 3; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autofree char *label = g_strdup_printf ("sort by “%s”",
                                                gtk_column_view_column_get_title (column));

      start = g_get_monotonic_time ();
      gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
      settle_and_paint ();
      g_print ("  %-34s %8.1f ms\n", label, ms_since (start));
    }
  g_print ("  %-34s %8ld MiB\n", "peak memory (RSS)", peak_rss_mib ());

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
  return 0;
}
