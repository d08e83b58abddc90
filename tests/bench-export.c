/* bench-export.c: the benchmark of issue 5 (`meson test --benchmark`): the implementation
 * matrix of 40,000 recommendations (bench-recommendations' reproducible database: 190
 * countries, 4 cycles, fixed seed, plus planned actions and indicators on a third of them,
 * also from a fixed seed) exported as the window exports it, against bench-xlsx-minimal
 * writing the same cells with libxlsxwriter and nothing else, in the same run.
 *
 * Upright's side, timed: the store already open (and quick-checked, untimed), the snapshot
 * read from it on the calling thread, then the Matrix and hidden sheets written with every
 * text checked (UTF-8, control characters, Excel's limit), row heights fitted, drop-down
 * lists and colours, the workbook written to a temporary file, read back (every XML part
 * inflated, CRC and closing tag checked), flushed to disk and renamed.
 * The bare side, timed: the Matrix sheet's cells, read from a dump made beforehand, written
 * with libxlsxwriter in constant memory: the same values of the same types (text, numbers,
 * dates) with formats that look the same (bench-xlsx-minimal.c), and nothing else; and, for
 * reference, the same without formats.
 *
 * Each runs five times in a process of its own, the three taking turns (a busy spell of the
 * machine then slows both sides of a round); the best counts, and the median of the rounds'
 * ratios is printed too. Times are wall-clock and processor time (all threads): Upright makes
 * the matrix's rows on a second thread while libxlsxwriter writes those before, and flushes
 * the file while reading it back, so its processor time is above its wall-clock time, which
 * is what an officer waits. Peak memory is each process's own (wait4); this parent stays
 * small, since a child starts with its parent's memory counted. `upright export`, which also
 * opens (and quick-checks) the database, is timed for reference. Prints figures and the
 * ratios; asserts only that the files were written.
 *
 *   bench-export UPRIGHT BENCH-RECOMMENDATIONS BENCH-XLSX-MINIMAL
 *   bench-export --prepare DBPATH CELLS    (adds the implementation, dumps the cells)
 *   bench-export --export DBPATH OUTPUT    (one timed export) */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "upr-indicator.h"
#include "upr-matrix-return.h"
#include "upr-planned-action.h"
#include "upr-recommendation.h"
#include "upr-workbook-private.h"

#define N_RECOMMENDATIONS 40000
#define SEED 20250505
#define RUNS 5

typedef struct
{
  double seconds;
  long   peak_kib;
} Run;

/* Best figures of a program's runs. */
typedef struct
{
  Run    process;      /* the whole process: time, and the highest peak memory */
  double wall;         /* what it reports for the work itself */
  double cpu;
  double snapshot;     /* export only: the snapshot's part, wall */
  double snapshot_cpu;
} Timed;

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
cpu_s (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* Runs @argv, its output in @out (if given); its time and its own peak memory. */
static Run
run_program (const char * const *argv,
             char              **out)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int stdout_fd = -1;
  int status = 0;
  struct rusage usage;
  double start = now_s ();
  Run run;

  check (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                   G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &pid, NULL, &stdout_fd, NULL, &error),
         error, argv[0]);
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (stdout_fd);
    g_autofree char *text = NULL;

    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_read_to_end (channel, &text, NULL, NULL);
    if (out != NULL)
      *out = g_steal_pointer (&text);
  }
  if (wait4 (pid, &status, 0, &usage) != pid || !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error != NULL ? error->message : "");
  run.seconds = now_s () - start;
  run.peak_kib = usage.ru_maxrss;
  return run;
}

/* The two numbers after "@label " in a program's output. */
static void
figures (const char *output,
         const char *label,
         double     *wall,
         double     *cpu)
{
  const char *at = output != NULL ? strstr (output, label) : NULL;
  char *end;

  if (at == NULL)
    g_error ("no “%s” in “%s”", label, output != NULL ? output : "");
  *wall = g_ascii_strtod (at + strlen (label) + 1, &end);
  *cpu = g_ascii_strtod (end, NULL);
}

#define TIMED_NONE { { G_MAXDOUBLE, 0 }, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE }

/* Runs @argv once and keeps the better figures in @best; returns the run's own wall time. */
static double
time_once (const char * const *argv,
           const char         *label,
           Timed              *best)
{
  g_autofree char *output = NULL;
  Run run = run_program (argv, &output);
  double wall, cpu, work;

  best->process.seconds = MIN (best->process.seconds, run.seconds);
  best->process.peak_kib = MAX (best->process.peak_kib, run.peak_kib);
  figures (output, label, &wall, &cpu);
  work = wall;
  best->wall = MIN (best->wall, wall);
  best->cpu = MIN (best->cpu, cpu);
  if (strstr (output, "snapshot") != NULL)
    {
      figures (output, "snapshot", &wall, &cpu);
      best->snapshot = MIN (best->snapshot, wall);
      best->snapshot_cpu = MIN (best->snapshot_cpu, cpu);
    }
  return work;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* --prepare: the implementation a third of the recommendations get in real matrices. */
static void
add_implementation (UprStore *store)
{
  static const char *const actions[] = {
    "Adopter le projet de loi et ses textes d’application",
    "Train judges, prosecutors and police officers on the new provisions",
    "Organise awareness-raising campaigns in the provinces with civil society",
    "Allocate a budget line in the finance law of the coming year",
  };
  static const char *const indicators[] = {
    "Number of cases investigated and prosecuted",
    "Proportion of the budget allocated to the programme",
    "Nombre de personnes formées, ventilé par sexe",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(UprExportMatrix) matrix = upr_store_export_matrix (store, NULL, 0, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);

  check (matrix != NULL, error, "matrix");
  check (upr_store_begin (store, &error), error, "begin");
  for (guint i = 0; i < upr_export_matrix_get_n_items (matrix); i++)
    {
      const char *id = upr_export_matrix_get_item (matrix, i)->id;

      if (g_rand_int_range (rand, 0, 3) != 0)
        continue;
      for (int a = g_rand_int_range (rand, 1, 3); a > 0; a--)
        {
          g_autoptr(UprPlannedAction) action = upr_planned_action_new ();
          g_autofree char *due = g_strdup_printf ("%d-%02d-28",
                                                  g_rand_int_range (rand, 2024, 2029),
                                                  g_rand_int_range (rand, 1, 13));

          g_object_set (action, "recommendation-id", id, "due-date", due, "text",
                        actions[g_rand_int_range (rand, 0, G_N_ELEMENTS (actions))],
                        "resources", "Budget national, appui des partenaires", NULL);
          check (upr_store_save (store, UPR_RECORD (action), &error), error, "action");
        }
      {
        g_autoptr(UprIndicator) indicator = upr_indicator_new ();

        g_object_set (indicator, "recommendation-id", id, "text",
                      indicators[g_rand_int_range (rand, 0, G_N_ELEMENTS (indicators))],
                      "baseline", "0 (2023)", "target", "100 (2027)", "means-of-verification",
                      "Rapport annuel du ministère", NULL);
        check (upr_store_save (store, UPR_RECORD (indicator), &error), error, "indicator");
      }
    }
  check (upr_store_commit (store, &error), error, "commit");
}

/* --prepare: the matrix's cells as the Matrix sheet writes them, for the bare program: the
 * same values, of the same types (numbers, dates, text), with the same formats (one of
 * bench-xlsx-minimal's, which has their looks: BODY_TEXT…). What each column holds mirrors
 * upr-workbook-matrix.c's table of columns. */
enum
{
  STYLE_NONE,
  STYLE_HEADER,
  STYLE_TEXT,
  STYLE_WRAP,
  STYLE_NUMBER,
  STYLE_DATE,
};

static guint8
column_style (UprMatrixColumn column)
{
  switch (column)
    {
    case UPR_MATRIX_KEY:
    case UPR_MATRIX_REFERENCE:
      return STYLE_TEXT;
    case UPR_MATRIX_SESSION:
    case UPR_MATRIX_CYCLE:
      return STYLE_NUMBER;
    case UPR_MATRIX_STATUS_DATE:
      return STYLE_DATE;
    default:
      return STYLE_WRAP;
    }
}

/* A cell: its size (0xFFFFFFFF: none), type ('s', 'n', 'd'), style, then the string and its
 * NUL, a double, or an lxw_datetime. */
static void
dump_cell (GString    *dump,
           char        type,
           guint8      style,
           const void *data,
           guint32     size)
{
  g_string_append_len (dump, (const char *) &size, 4);
  g_string_append_c (dump, type);
  g_string_append_c (dump, (char) style);
  g_string_append_len (dump, data, size);
  if (type == 's')
    g_string_append_c (dump, '\0');
}

/* As upr-workbook-writer.c writes a date: "YYYY-MM-DD", a real day from 1900 on. */
static gboolean
parse_date (const char   *text,
            lxw_datetime *date)
{
  guint year, month, day;

  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3
      || text[4] != '-' || text[7] != '-' || year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  *date = (lxw_datetime) { (int) year, (int) month, (int) day, 0, 0, 0 };
  return TRUE;
}

static void
dump_cells (const UprWorkbookSnapshot *snapshot,
            const char                *path)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (4096);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint32 n_columns = UPR_MATRIX_N_COLUMNS;
  const char *cells[UPR_MATRIX_N_COLUMNS];

  g_string_append_len (dump, (const char *) &n_columns, 4);
  for (guint c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
    cells[c] = upr_workbook_matrix_column_title (snapshot, c);
  for (guint i = 0; i <= upr_export_matrix_get_n_items (snapshot->matrix); i++)
    {
      if (i > 0)
        {
          /* The hidden key as the Matrix sheet writes it: the id and the baseline. */
          upr_workbook_matrix_row_cells (snapshot, i - 1, chunk, cells);
          g_string_truncate (key, 0);
          upr_matrix_return_append_key (key, upr_export_matrix_get_item (snapshot->matrix,
                                                                         i - 1));
          cells[UPR_MATRIX_KEY] = key->str;
        }
      for (guint c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
        {
          guint8 style = i == 0 ? STYLE_HEADER : column_style (c);
          guint32 none = 0xFFFFFFFFu;
          lxw_datetime date;

          if (cells[c] == NULL || cells[c][0] == '\0')
            g_string_append_len (dump, (const char *) &none, 4);
          else if (style == STYLE_NUMBER)
            {
              double number = g_ascii_strtod (cells[c], NULL);

              dump_cell (dump, 'n', style, &number, sizeof number);
            }
          else if (style == STYLE_DATE && parse_date (cells[c], &date))
            dump_cell (dump, 'd', style, &date, sizeof date);
          else
            dump_cell (dump, 's', style, cells[c], (guint32) strlen (cells[c]));
        }
      g_string_chunk_clear (chunk);
    }
  check (g_file_set_contents (path, dump->str, (gssize) dump->len, &error), error, "dump");
}

static int
prepare (const char *db,
         const char *dump)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open (db, &error);
  g_autoptr(UprWorkbook) workbook = upr_workbook_new ();
  g_autoptr(UprWorkbookSnapshot) snapshot = NULL;

  check (store != NULL, error, "open");
  add_implementation (store);
  upr_workbook_set_sheets (workbook, UPR_WORKBOOK_SHEET_MATRIX);
  snapshot = upr_workbook_snapshot_new (workbook, store, &error);
  check (snapshot != NULL, error, "snapshot");
  if (upr_export_matrix_get_n_items (snapshot->matrix) != N_RECOMMENDATIONS)
    g_error ("%u recommendations in the snapshot",
             upr_export_matrix_get_n_items (snapshot->matrix));
  dump_cells (snapshot, dump);
  return 0;
}

/* --export: one export in this process, the store opened first (untimed), as in the window. */
static int
export_once (const char *db,
             const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open (db, &error);
  g_autoptr(UprWorkbook) workbook = upr_workbook_new ();
  g_autoptr(UprWorkbookSnapshot) snapshot = NULL;
  g_autoptr(UprWorkbookReport) report = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (output);
  double start, cpu_start, snapshot_wall, snapshot_cpu;

  check (store != NULL, error, "open");
  upr_workbook_set_sheets (workbook, UPR_WORKBOOK_SHEET_MATRIX);
  /* The snapshot alone first, for its share; then the whole export, snapshot included. */
  start = now_s ();
  cpu_start = cpu_s ();
  snapshot = upr_workbook_snapshot_new (workbook, store, &error);
  check (snapshot != NULL, error, "snapshot");
  snapshot_wall = now_s () - start;
  snapshot_cpu = cpu_s () - cpu_start;
  g_clear_pointer (&snapshot, upr_workbook_snapshot_free);
  start = now_s ();
  cpu_start = cpu_s ();
  report = upr_workbook_export (workbook, store, file, NULL, &error);
  check (report != NULL, error, "export");
  g_print ("snapshot %.3f %.3f\nexport %.3f %.3f\n", snapshot_wall, snapshot_cpu,
           now_s () - start, cpu_s () - cpu_start);
  return report->n_recommendations == N_RECOMMENDATIONS ? 0 : 1;
}

static void
print_timed (const char  *what,
             const Timed *timed)
{
  g_print ("%-52s %6.2f s  %6.2f s cpu  %4ld MiB peak\n", what, timed->wall, timed->cpu,
           timed->process.peak_kib / 1024);
}

static void
print_run (const char *what,
           Run         run)
{
  g_print ("%-52s %6.2f s                %4ld MiB peak\n", what, run.seconds,
           run.peak_kib / 1024);
}

static void
remove_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL, *dump = NULL, *bare = NULL, *bare_shared = NULL;
  g_autofree char *matrix = NULL, *cli = NULL;
  Run generation, preparation, minimal_shared, command_line;
  Timed minimal = TIMED_NONE, plain = TIMED_NONE, exported = TIMED_NONE;
  double ratios[RUNS];

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (argc == 4 && g_str_equal (argv[1], "--prepare"))
    return prepare (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--export"))
    return export_once (argv[2], argv[3]);
  if (argc != 4)
    g_error ("usage: bench-export UPRIGHT BENCH-RECOMMENDATIONS BENCH-XLSX-MINIMAL");
  dir = g_dir_make_tmp ("upright-bench-export-XXXXXX", &error);
  check (dir != NULL, error, "folder");
  db = g_build_filename (dir, "bench.db", NULL);
  dump = g_build_filename (dir, "cells.bin", NULL);
  bare = g_build_filename (dir, "bare.xlsx", NULL);
  bare_shared = g_build_filename (dir, "bare-shared.xlsx", NULL);
  matrix = g_build_filename (dir, "matrix.xlsx", NULL);
  cli = g_build_filename (dir, "cli.xlsx", NULL);

  generation = run_program ((const char *[]) { argv[2], db, G_STRINGIFY (N_RECOMMENDATIONS),
                                               NULL },
                            NULL);
  preparation = run_program ((const char *[]) { argv[0], "--prepare", db, dump, NULL }, NULL);
  g_print ("database: %d recommendations (bench-recommendations, %.1f s), then planned "
           "actions and indicators (%.1f s)\n", N_RECOMMENDATIONS, generation.seconds,
           preparation.seconds);

  /* Round by round, the programs one after the other: a busy spell of the machine then
   * slows both sides of a round rather than all the runs of one side. */
  for (guint round = 0; round < RUNS; round++)
    {
      double bare_wall = time_once ((const char *[]) { argv[3], dump, bare, NULL }, "write",
                                    &minimal);

      time_once ((const char *[]) { argv[3], dump, bare, "--no-formats", NULL }, "write",
                 &plain);
      ratios[round] = time_once ((const char *[]) { argv[0], "--export", db, matrix, NULL },
                                 "export", &exported)
                      / bare_wall;
    }
  qsort (ratios, RUNS, sizeof ratios[0], compare_doubles);
  minimal_shared = run_program ((const char *[]) { argv[3], dump, bare_shared,
                                                   "--shared-strings", NULL },
                                NULL);
  command_line = run_program ((const char *[]) { argv[1], "--database", db, "export",
                                                 "--all-countries", "--sheets", "matrix",
                                                 "--output", cli, NULL },
                              NULL);

  g_print ("\nbest of %d runs, each in a process of its own\n", RUNS);
  print_timed ("bare libxlsxwriter, same cells, constant memory", &minimal);
  print_timed ("  the same without formats", &plain);
  print_timed ("Upright's export of the matrix (store open)", &exported);
  g_print ("%-52s %6.2f s  %6.2f s cpu\n", "  the snapshot alone, timed first (colder)",
           exported.snapshot, exported.snapshot_cpu);
  g_print ("ratio export / bare libxlsxwriter: %.2f wall, %.2f processor time "
           "(target <= 1.5)\n",
           exported.wall / minimal.wall, exported.cpu / minimal.cpu);
  g_print ("  against the bare cells without formats: %.2f wall, %.2f processor time\n",
           exported.wall / plain.wall, exported.cpu / plain.cpu);
  g_print ("  round by round (wall): median %.2f, from %.2f to %.2f\n", ratios[RUNS / 2],
           ratios[0], ratios[RUNS - 1]);
  g_print ("\nfor reference, whole processes:\n");
  print_run ("bare libxlsxwriter, reading its cells first", minimal.process);
  print_run ("bare libxlsxwriter, shared strings", minimal_shared);
  print_run ("upright export --all-countries --sheets matrix", command_line);

  {
    GStatBuf a, b;

    if (g_stat (bare, &a) != 0 || g_stat (matrix, &b) != 0)
      g_error ("a workbook is missing");
    g_print ("file sizes: bare %.1f MiB, Upright's %.1f MiB\n", a.st_size / 1048576.0,
             b.st_size / 1048576.0);
  }
  remove_files (dir);
  return 0;
}
