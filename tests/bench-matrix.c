/* bench-matrix.c: the benchmark of issue 3's matrix page — 40,000 recommendations across
 * 190 countries and 4 cycles (written by bench-recommendations), then the Recommendations
 * page of the largest country and of all countries: time to the first painted frame,
 * search keystrokes, sorting by a column, and peak memory.
 *
 *   bench-matrix BENCH-RECOMMENDATIONS-PROGRAM [DATABASE]
 *
 * With DATABASE, the generated database is kept there and reused by the next runs (the
 * generation takes most of a minute); without, it goes in a temporary folder.
 *
 * Prints figures (milliseconds); asserts only that the rows are there. Run with
 * `meson test --benchmark` under Xvfb. For each step:
 *   handled  the synchronous part: filtering (or sorting) and the list's rows updated;
 *   filter   of which the filter model's own work, until it reported its change;
 *   layout   the first frame after the change: its update and layout phases (CSS, the
 *            rows measured and placed);
 *   paint    the same frame's snapshot and rendering;
 *   painted  from the change until that frame was drawn (includes waiting for the 60 Hz
 *            frame tick);
 *   settled  until the last frame that work left over (rows refreshed a few per frame)
 *            was drawn, when later than the first;
 *   cpu      the processor time the process used until the first frame was drawn (all its
 *            threads, rendering included): on a machine loaded by others, wall-clock times
 *            stretch, this much less.
 *
 * Each keystroke is one edit, as typing makes it: the text of the focused GtkText is set
 * in one go, and keystrokes come a fifth of a second apart. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sys/resource.h>
#include <time.h>

#include "upr-context.h"
#include "upr-country.h"
#include "upr-matrix-page.h"
#include "upr-store.h"

#define N_RECOMMENDATIONS 40000

/* The frame clock's phases of the frames drawn so far (monotonic µs), and what the filter
 * model last reported. */
static struct
{
  guint          n_paints;
  gint64         frame_start;
  gint64         layout_end;
  gint64         paint_end;
  gint64         first_start;   /* of the first frame after the measured change */
  gint64         first_layout;
  gint64         first_paint;
  gboolean       recording;
  GListModel    *filter_model;
  gint64         filtered_at;
} clock_log;

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  clock_log.frame_start = g_get_monotonic_time ();
}

/* Connected after GTK's own handlers of the phase, so these mark their ends. */
static void
layout_cb (GdkFrameClock *clock,
           gpointer       data)
{
  clock_log.layout_end = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  clock_log.paint_end = g_get_monotonic_time ();
  /* A frame with nothing to lay out has no layout phase. */
  if (clock_log.layout_end < clock_log.frame_start)
    clock_log.layout_end = clock_log.frame_start;
  clock_log.n_paints++;
  if (clock_log.recording)
    {
      clock_log.recording = FALSE;
      clock_log.first_start = clock_log.frame_start;
      clock_log.first_layout = clock_log.layout_end;
      clock_log.first_paint = clock_log.paint_end;
    }
}

/* An emission hook runs before any handler of the signal: the filter model has done its
 * work, and nobody downstream has started on it yet. */
static gboolean
items_changed_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               data)
{
  if (g_value_get_object (&values[0]) == (gpointer) clock_log.filter_model
      && clock_log.filtered_at == 0)
    clock_log.filtered_at = g_get_monotonic_time ();
  return TRUE;
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

/* The filter model in the view's chain of models, each holding the next as "model". */
static GListModel *
find_filter_model (GtkColumnView *view)
{
  GObject *model = G_OBJECT (gtk_column_view_get_model (view));

  while (model != NULL && !GTK_IS_FILTER_LIST_MODEL (model))
    {
      GObject *inner = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (model), "model") == NULL)
        return NULL;
      g_object_get (model, "model", &inner, NULL);
      if (inner != NULL)
        g_object_unref (inner); /* the outer model keeps it */
      model = inner;
    }
  return G_LIST_MODEL (model);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static gboolean
timeout_over_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_for (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add (ms, timeout_over_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}

/* Until a frame went by with no frame drawn: the last one drawn is when work was done. */
static void
settle (void)
{
  guint paints;

  do
    {
      paints = clock_log.n_paints;
      iterate_for (120);
    }
  while (clock_log.n_paints != paints);
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

typedef void (*Step) (gpointer data);

static gboolean rows_shown (gpointer data);

/* Makes the change, waits for the frame that shows it, then for any work left over. */
static void
measure (const char    *label,
         GtkColumnView *view,
         Step           step,
         gpointer       data)
{
  gint64 start, handled;
  guint paints;
  double painted, cpu_start, cpu;

  clock_log.filtered_at = 0;
  clock_log.recording = TRUE;
  paints = clock_log.n_paints;
  cpu_start = cpu_ms ();
  start = g_get_monotonic_time ();
  step (data);
  handled = g_get_monotonic_time ();
  for (;;)
    {
      while (clock_log.n_paints == paints)
        g_main_context_iteration (NULL, TRUE);
      if (view != NULL || rows_shown (data))
        break;
      /* A long list shows "Reading…" first: what counts is the frame with the rows. */
      paints = clock_log.n_paints;
      clock_log.recording = TRUE;
    }
  painted = ms_since (start);
  cpu = cpu_ms () - cpu_start;
  settle ();

  g_print ("  %-26s %5u rows  handled %6.1f", label, view != NULL ? n_rows (view) : 0,
           (handled - start) / 1000.0);
  if (clock_log.filtered_at != 0)
    g_print (" (filter %5.1f)", (clock_log.filtered_at - start) / 1000.0);
  else
    g_print ("               ");
  g_print ("  layout %6.1f  paint %5.1f  painted %6.1f",
           (clock_log.first_layout - clock_log.first_start) / 1000.0,
           (clock_log.first_paint - clock_log.first_layout) / 1000.0, painted);
  g_print ("  cpu %6.1f", cpu);
  if (clock_log.paint_end > clock_log.first_paint)
    g_print ("  settled %6.1f", (clock_log.paint_end - start) / 1000.0);
  g_print (" ms\n");
}

/* Steps */

typedef struct
{
  GtkWidget  *page;
  GtkWidget  *window;
  const char *country;
} Opening;

/* The opened page shows its rows (the first field of an Opening is the page). */
static gboolean
rows_shown (gpointer data)
{
  GtkWidget *page = *(GtkWidget **) data;
  GtkWidget *view = find_descendant (page, GTK_TYPE_COLUMN_VIEW);

  return view != NULL && gtk_widget_get_mapped (view) && n_rows (GTK_COLUMN_VIEW (view)) > 0;
}

static void
open_step (gpointer data)
{
  Opening *opening = data;

  upr_matrix_page_set_country_code (UPR_MATRIX_PAGE (opening->page), opening->country);
  if (gtk_window_get_child (GTK_WINDOW (opening->window)) != opening->page)
    gtk_window_set_child (GTK_WINDOW (opening->window), opening->page);
}

static void
type_step (gpointer data)
{
  GtkEditable *search = g_object_get_data (data, "bench-search");

  g_object_set (search, "text", g_object_get_data (data, "bench-query"), NULL);
}

typedef struct
{
  GtkColumnView       *view;
  GtkColumnViewColumn *column;
  GtkSortType          order;
} Sorting;

static void
sort_step (gpointer data)
{
  Sorting *sorting = data;

  gtk_column_view_sort_by_column (sorting->view, sorting->column, sorting->order);
}

static void
type_queries (GtkColumnView *view,
              GtkEditable   *search)
{
  static const char *const queries[] = { "r", "re", "ref", "refo", "reform", "refor", "re",
                                         "", "justice", "" };
  g_autoptr(GObject) holder = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (holder, "bench-search", search);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *label = g_strdup_printf ("search “%s”", queries[i]);

      g_object_set_data (holder, "bench-query", (gpointer) queries[i]);
      measure (label, view, type_step, holder);
      iterate_for (200);
    }
}

static void
sort_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autofree char *label = NULL;
      Sorting sorting = { view, column, GTK_SORT_DESCENDING };

      if (!gtk_column_view_column_get_visible (column)
          || gtk_column_view_column_get_sorter (column) == NULL)
        continue;
      label = g_strdup_printf ("sort “%s”", gtk_column_view_column_get_title (column));
      measure (label, view, sort_step, &sorting);
      iterate_for (200);
    }
  /* Back to the order the page opens in. */
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);
    Sorting sorting = { view, first, GTK_SORT_ASCENDING };

    measure ("sort back", view, sort_step, &sorting);
  }
}

/* Opens the page on @country (NULL: all), then searches and sorts. */
static void
run_matrix (GtkWidget  *window,
            GtkWidget  *page,
            const char *country,
            const char *title)
{
  Opening opening = { page, window, country };
  GtkColumnView *view;
  GtkEditable *search;

  g_print ("%s:\n", title);
  measure ("open", NULL, open_step, &opening);
  view = GTK_COLUMN_VIEW (find_descendant (page, GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (view);
  g_print ("  %-26s %5u rows\n", "shown", n_rows (view));
  if (n_rows (view) == 0)
    {
      g_print ("  (nothing shown: skipped)\n");
      return;
    }
  clock_log.filter_model = find_filter_model (view);

  upr_matrix_page_focus_search (UPR_MATRIX_PAGE (page));
  search = GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_true (GTK_IS_EDITABLE (search));
  iterate_for (200);
  type_queries (view, search);
  sort_columns (view);
  g_print ("  %-26s %8ld MiB\n", "peak memory (RSS) so far", peak_rss_mib ());
}

static char *
prepare_database (const char *program,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = g_strdup_printf ("%d", N_RECOMMENDATIONS);
  char *generate[] = { (char *) program, (char *) path, count, NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print ("Reusing %s\n", path);
      return g_strdup (path);
    }
  g_spawn_sync (NULL, generate, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_print ("Generated %d recommendations in %.0f ms\n", N_RECOMMENDATIONS, ms_since (start));
  return g_strdup (path);
}

static void
remove_database (const char *db,
                 const char *dir)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autoptr(UprContext) context = NULL;
  GtkWidget *window, *page;
  GdkFrameClock *clock;

  g_return_val_if_fail (argc == 2 || argc == 3, 2);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  /* A blinking cursor would draw frames of its own. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  if (argc == 3)
    db = prepare_database (argv[1], argv[2]);
  else
    {
      g_autofree char *path = NULL;

      dir = g_dir_make_tmp ("upright-bench-matrix-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.db", NULL);
      db = prepare_database (argv[1], path);
    }

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
  iterate_for (100);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0,
                              items_changed_hook, NULL, NULL);

  page = upr_matrix_page_new (context);
  title = g_strdup_printf ("Matrix of the largest country (%s)", code);
  run_matrix (window, page, code, title);
  iterate_for (200);
  run_matrix (window, page, NULL, "Matrix of all countries");
  g_print ("  %-26s %8ld MiB\n", "peak memory (RSS)", peak_rss_mib ());

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&store);
  if (dir != NULL)
    remove_database (db, dir);
  return 0;
}
