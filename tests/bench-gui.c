/* bench-gui.c: the benchmark of issue 2 — open a database with 300 workshops and 20,000
 * attendances, show a workshop of 2,000 participants, and search as you type in it.
 *
 *   bench-gui BENCH-DATA-PROGRAM
 *
 * Prints the figures (milliseconds) and exits 0; it asserts nothing about time, because
 * timings belong in a benchmark, not in a unit test (run it with `meson test --benchmark`).
 * "filtered" is from the keystroke until the view has handled the search (filtered the list
 * and refreshed its rows); "painted" until the next frame has been drawn with it (under Xvfb
 * the frame clock ticks at 60 Hz, so this includes waiting for the tick). When the list grows
 * back, the rows GTK builds beyond the first screenful come over the next frames:
 * "complete" is until the last of them has been drawn (blank when none had to wait). "cpu"
 * is the processor time the process used until painted (all its threads, rendering
 * included): on a machine loaded by others, wall-clock times stretch, this much less.
 *
 * Each step is one edit, as a keystroke (or typing over a selection) makes it: the text of
 * the focused GtkText is set in one go. gtk_editable_set_text() would make two edits, a
 * deletion and then an insertion, and the search entry reports the empty text in between
 * at once, so each step would first bring back all 2,000 rows. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <time.h>

#include "upr-context.h"
#include "upr-participant.h"
#include "upr-store.h"
#include "upr-window.h"
#include "upr-workshop.h"
#include "upr-workshop-page.h"
#include "upr-participants-view.h"
#include "upr-slots.h"

#define N_WORKSHOPS    300
#define N_ATTENDANCES  20000
#define BIG_WORKSHOP   2000

static guint n_paints;
static UprSlots *slots;
static gint64 handled_at;

/* Connected after the view's own handler. */
static void
search_handled_cb (GtkSearchEntry *entry,
                   gpointer        data)
{
  handled_at = g_get_monotonic_time ();
}

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

static void
iterate_until_painted (guint after)
{
  while (n_paints <= after)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_cb (UprAttendance   *attendance,
          UprPerson       *person,
          UprOrganisation *organisation,
          gpointer         data)
{
  (*(guint *) data)++;
}

/* The workshop with the most participants (the generator's big one). */
static UprWorkshop *
find_big_workshop (UprStore *store)
{
  g_autoptr(GListModel) workshops = upr_store_list_workshops (store, NULL, NULL);
  UprWorkshop *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(UprWorkshop) workshop = g_list_model_get_item (workshops, i);
      guint count = 0;

      upr_store_foreach_participant (store, upr_record_get_id (UPR_RECORD (workshop)), count_cb,
                                     &count, NULL);
      if (count > best_count)
        {
          g_set_object (&best, workshop);
          best_count = count;
        }
    }
  return best;
}

static void
warm_up (void)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Until every row is built and drawn; TRUE if some had to wait. */
static gboolean
wait_for_rows (void)
{
  gboolean waited = FALSE;

  while (upr_slots_get_pending (slots) > 0)
    {
      waited = TRUE;
      g_main_context_iteration (NULL, TRUE);
    }
  if (waited)
    iterate_until_painted (n_paints);
  return waited;
}

static gboolean
pause_over_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Keystrokes come a fifth of a second apart or so: whatever waits for an idle moment runs,
 * and the frame clock is at rest, when the next one comes. */
static void
take_a_pause (void)
{
  gboolean over = FALSE;

  g_timeout_add (200, pause_over_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
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

static void
type_query (GtkText    *text,
            GListModel *shown,
            const char *label,
            const char *query)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  guint paints = n_paints;
  gboolean complete;
  double painted, cpu;

  handled_at = 0;
  g_object_set (text, "text", query, NULL);
  /* search-delay is 0: the search runs on the next iteration (at once when emptied). */
  while (handled_at == 0)
    g_main_context_iteration (NULL, TRUE);
  iterate_until_painted (paints);
  painted = ms_since (start);
  cpu = cpu_ms () - cpu_start;
  complete = wait_for_rows ();
  g_print ("  %-28s %7.1f ms filtered %7.1f ms painted %6.1f ms cpu %5u shown", label,
           (handled_at - start) / 1000.0, painted, cpu, g_list_model_get_n_items (shown));
  if (complete)
    g_print (" %7.1f ms complete", ms_since (start));
  g_print ("\n");
  take_a_pause ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autoptr(UprContext) context = NULL;
  g_autoptr(UprWorkshop) big = NULL;
  g_autofree char *big_id = NULL;
  g_autofree char *big_country = NULL;
  g_autofree char *counts = NULL;
  GtkWidget *window, *page, *view, *search;
  GtkText *text;
  GListModel *shown;
  GdkFrameClock *clock;
  gint64 start;
  int status = 0;
  char *generate[] = { NULL, NULL, NULL, NULL, NULL, NULL };

  g_return_val_if_fail (argc == 2, 2);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();

  dir = g_dir_make_tmp ("upright-bench-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "bench.db", NULL);

  generate[0] = argv[1];
  generate[1] = db;
  generate[2] = g_strdup_printf ("%d", N_WORKSHOPS);
  generate[3] = g_strdup_printf ("%d", N_ATTENDANCES);
  generate[4] = g_strdup_printf ("%d", BIG_WORKSHOP);
  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, generate, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_print ("Generated %d workshops, %d attendances in %.0f ms\n", N_WORKSHOPS, N_ATTENDANCES,
           ms_since (start));
  for (guint i = 2; i < 5; i++)
    g_free (generate[i]);

  /* Found before timing: the bench knows which workshop to show, as the app knows the
   * last one shown. */
  store = upr_store_open (db, &error);
  g_assert_no_error (error);
  big = find_big_workshop (store);
  g_assert_nonnull (big);
  big_id = g_strdup (upr_record_get_id (UPR_RECORD (big)));
  big_country = g_strdup (upr_record_get_string (UPR_RECORD (big), "country-code"));
  g_clear_object (&store);

  /* A desktop session already runs the accessibility bus; start it here before timing. */
  warm_up ();

  g_print ("Open the database and show the workshop of %d participants:\n", BIG_WORKSHOP);
  start = g_get_monotonic_time ();
  store = upr_store_open (db, &error);
  g_assert_no_error (error);
  g_print ("  %-28s %7.1f ms\n", "open database", ms_since (start));
  context = upr_context_new (store, NULL);
  window = GTK_WIDGET (upr_window_new (NULL, context));
  g_assert_true (upr_window_select (UPR_WINDOW (window), big_country, big_id));
  page = find_descendant (window, UPR_TYPE_WORKSHOP_PAGE);
  g_assert_nonnull (page);
  gtk_widget_activate_action (page, "workshop.tab", "s", "participants");
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  iterate_until_painted (0);
  g_print ("  %-28s %7.1f ms\n", "first frame painted", ms_since (start));

  view = find_descendant (page, UPR_TYPE_PARTICIPANTS_VIEW);
  g_assert_nonnull (view);
  shown = upr_participants_view_get_shown (UPR_PARTICIPANTS_VIEW (view));
  slots = UPR_SLOTS (gtk_widget_get_template_child (view, UPR_TYPE_PARTICIPANTS_VIEW, "slots"));
  wait_for_rows ();
  g_print ("  %-28s %7.1f ms\n", "all rows drawn", ms_since (start));
  take_a_pause ();
  g_print ("  %-28s %7u rows\n", "participants listed", g_list_model_get_n_items (shown));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, BIG_WORKSHOP);

  /* Ctrl+F, as the officer does: the search field takes the focus. (Walking the widget tree
   * for a GtkSearchEntry would first meet the one each GtkDropDown of the fast entry row
   * keeps in its popover.) */
  gtk_widget_activate_action (view, "participants.search", NULL);
  text = GTK_TEXT (gtk_root_get_focus (GTK_ROOT (window)));
  search = gtk_widget_get_ancestor (GTK_WIDGET (text), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_is_ancestor (search, view));
  g_signal_connect_after (search, "search-changed", G_CALLBACK (search_handled_cb), NULL);
  g_print ("Search as you type (%d participants):\n", BIG_WORKSHOP);
  type_query (text, shown, "first letter “k”", "k");
  type_query (text, shown, "“ka”", "ka");
  type_query (text, shown, "“mar”", "mar");
  type_query (text, shown, "new word “mar k”", "mar k");
  type_query (text, shown, "backspace “mar ”", "mar ");
  type_query (text, shown, "backspace “ma”", "ma");
  type_query (text, shown, "accent-free “jose”", "jose");
  type_query (text, shown, "organisation “ministere”", "ministere");
  type_query (text, shown, "cleared", "");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (db);
  counts = g_strdup_printf ("%s-wal", db);
  g_unlink (counts);
  g_free (counts);
  counts = g_strdup_printf ("%s-shm", db);
  g_unlink (counts);
  g_rmdir (dir);
  return 0;
}
