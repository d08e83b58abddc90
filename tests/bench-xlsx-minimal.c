/* bench-xlsx-minimal.c: the yardstick of the export benchmark (a developer tool, not part of
 * Upright): writes given cells to one sheet with libxlsxwriter and nothing else: no format,
 * no check, no row height, no temporary file of its own.
 *
 *   bench-xlsx-minimal CELLS OUTPUT.xlsx [--shared-strings]
 *
 * CELLS is what bench-export dumps of the matrix: a 32-bit count of columns, then for every
 * row (the header first) every cell as a 32-bit length and its bytes, 0xFFFFFFFF for an empty
 * cell. The cells are read into memory first; the time printed is the writing alone, and so is
 * the file's: strings as inline strings (constant memory, as Upright writes) unless
 * --shared-strings. Prints "write SECONDS CPU-SECONDS". */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#define EMPTY 0xFFFFFFFFu

/* Processor time of the process (all threads): steadier than wall time on a busy machine. */
static double
cpu_s (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static gboolean
read_u32 (const char  **p,
          const char   *end,
          guint32      *value)
{
  if (end - *p < 4)
    return FALSE;
  memcpy (value, *p, 4);
  *p += 4;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *p, *end;
  guint32 n_columns;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  gint64 start;
  double cpu_start;
  lxw_row_t row = 0;
  lxw_error result;

  if (argc < 3 || !g_file_get_contents (argv[1], &contents, &length, NULL))
    {
      fprintf (stderr, "usage: bench-xlsx-minimal CELLS OUTPUT.xlsx [--shared-strings]\n");
      return 2;
    }
  if (argc > 3 && strcmp (argv[3], "--shared-strings") == 0)
    options.constant_memory = LXW_FALSE;
  p = contents;
  end = contents + length;
  if (!read_u32 (&p, end, &n_columns))
    return 2;

  start = g_get_monotonic_time ();
  cpu_start = cpu_s ();
  workbook = workbook_new_opt (argv[2], &options);
  sheet = workbook_add_worksheet (workbook, NULL);
  while (p < end)
    {
      for (guint32 col = 0; col < n_columns; col++)
        {
          guint32 size;
          char *cell;

          if (!read_u32 (&p, end, &size))
            return 2;
          if (size == EMPTY)
            continue;
          if ((guint32) (end - p) < size)
            return 2;
          /* The dump holds NUL-terminated cells: the terminator follows the bytes. */
          cell = (char *) p;
          worksheet_write_string (sheet, row, (lxw_col_t) col, cell, NULL);
          p += size + 1;
        }
      row++;
    }
  result = workbook_close (workbook);
  printf ("write %.3f %.3f\n", (g_get_monotonic_time () - start) / 1e6, cpu_s () - cpu_start);
  return result == LXW_NO_ERROR ? 0 : 1;
}
