/* bench-xlsx-minimal.c: the yardstick of the export benchmark (a developer tool, not part of
 * Upright): writes given cells to one sheet with libxlsxwriter and nothing else: no check of
 * the text, no row height, no other sheet, no temporary file of its own, no read-back.
 *
 *   bench-xlsx-minimal CELLS OUTPUT.xlsx [--no-formats] [--shared-strings]
 *
 * CELLS is what bench-export dumps of the Matrix sheet as Upright writes it: a 32-bit count
 * of columns, then for every row (the header first) every cell as a 32-bit size
 * (0xFFFFFFFF: no cell), a type ('s' text, 'n' number, 'd' date), a style, and the text and
 * its NUL, a double or an lxw_datetime: the same cells, of the same types, with formats that
 * look the same as Upright's (the body's: top-aligned, wrapped, "#,##0", "yyyy-mm-dd"; the
 * header's), or none with --no-formats. The cells are read into memory first; the time
 * printed is the writing alone, and so is the file's: strings as inline strings (constant
 * memory, as Upright writes) unless --shared-strings. Prints "write SECONDS CPU-SECONDS". */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#define EMPTY 0xFFFFFFFFu

enum
{
  STYLE_NONE,
  STYLE_HEADER,
  STYLE_TEXT,
  STYLE_WRAP,
  STYLE_NUMBER,
  STYLE_DATE,
  N_STYLES
};

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

/* What Upright's formats for the Matrix sheet look like (upr-workbook-writer.c). */
static void
add_formats (lxw_workbook *workbook,
             lxw_format  **formats)
{
  formats[STYLE_NONE] = NULL;
  for (guint i = STYLE_HEADER; i < N_STYLES; i++)
    {
      formats[i] = workbook_add_format (workbook);
      format_set_align (formats[i], LXW_ALIGN_VERTICAL_TOP);
    }
  format_set_bold (formats[STYLE_HEADER]);
  format_set_bg_color (formats[STYLE_HEADER], 0x1F4E79);
  format_set_font_color (formats[STYLE_HEADER], LXW_COLOR_WHITE);
  format_set_text_wrap (formats[STYLE_HEADER]);
  format_set_border (formats[STYLE_HEADER], LXW_BORDER_THIN);
  format_set_border_color (formats[STYLE_HEADER], 0xBFBFBF);
  format_set_text_wrap (formats[STYLE_WRAP]);
  format_set_num_format (formats[STYLE_NUMBER], "#,##0");
  format_set_align (formats[STYLE_NUMBER], LXW_ALIGN_RIGHT);
  format_set_num_format (formats[STYLE_DATE], "yyyy-mm-dd");
  format_set_align (formats[STYLE_DATE], LXW_ALIGN_LEFT);
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
  lxw_format *formats[N_STYLES];
  gboolean no_formats = FALSE;
  gint64 start;
  double cpu_start;
  lxw_row_t row = 0;
  lxw_error result;

  if (argc < 3 || !g_file_get_contents (argv[1], &contents, &length, NULL))
    {
      fprintf (stderr, "usage: bench-xlsx-minimal CELLS OUTPUT.xlsx [--no-formats] "
                       "[--shared-strings]\n");
      return 2;
    }
  for (int i = 3; i < argc; i++)
    {
      if (strcmp (argv[i], "--shared-strings") == 0)
        options.constant_memory = LXW_FALSE;
      else if (strcmp (argv[i], "--no-formats") == 0)
        no_formats = TRUE;
    }
  p = contents;
  end = contents + length;
  if (!read_u32 (&p, end, &n_columns))
    return 2;

  start = g_get_monotonic_time ();
  cpu_start = cpu_s ();
  workbook = workbook_new_opt (argv[2], &options);
  sheet = workbook_add_worksheet (workbook, NULL);
  add_formats (workbook, formats);
  while (p < end)
    {
      for (guint32 col = 0; col < n_columns; col++)
        {
          guint32 size;
          char type;
          guint8 style;
          lxw_format *format;
          lxw_datetime date;
          double number;

          if (!read_u32 (&p, end, &size))
            return 2;
          if (size == EMPTY)
            continue;
          if (end - p < 2)
            return 2;
          type = p[0];
          style = (guint8) p[1];
          p += 2;
          if (style >= N_STYLES || (guint64) (end - p) < (guint64) size + (type == 's')
              || (type == 'n' && size != sizeof number) || (type == 'd' && size != sizeof date))
            return 2;
          format = no_formats ? NULL : formats[style];
          switch (type)
            {
            case 's':
              /* The terminator follows the bytes. */
              worksheet_write_string (sheet, row, (lxw_col_t) col, p, format);
              p += size + 1;
              break;
            case 'n':
              memcpy (&number, p, sizeof number);
              worksheet_write_number (sheet, row, (lxw_col_t) col, number, format);
              p += size;
              break;
            case 'd':
              memcpy (&date, p, sizeof date);
              worksheet_write_datetime (sheet, row, (lxw_col_t) col, &date, format);
              p += size;
              break;
            default:
              return 2;
            }
        }
      row++;
    }
  result = workbook_close (workbook);
  printf ("write %.3f %.3f\n", (g_get_monotonic_time () - start) / 1e6, cpu_s () - cpu_start);
  return result == LXW_NO_ERROR ? 0 : 1;
}
