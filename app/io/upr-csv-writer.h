/* upr-csv-writer.h: any list of the window as CSV, the way Excel opens it right.
 *
 * UTF-8 with a byte order mark (without it Excel reads UTF-8 as the ANSI code page),
 * RFC 4180 quoting, CRLF line ends; a comma between cells, or a semicolon for Excel in a
 * French (or other comma-decimal) locale, which splits on ";". A cell that Excel would take
 * for a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe unless it is a plain number, so that opening the file never runs anything.
 *
 * Written like the workbook: a temporary file in the destination folder, flushed, then
 * renamed over the target only by upr_csv_writer_finish(); a writer freed unfinished
 * removes its temporary file and leaves any previous file as it was. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  UPR_CSV_DEFAULT       = 0,
  UPR_CSV_SEMICOLON     = 1 << 0, /* ";" between cells */
  UPR_CSV_KEEP_FORMULAS = 1 << 1, /* for programs, not spreadsheets: cells as they are */
} UprCsvFlags;

typedef struct _UprCsvWriter UprCsvWriter;

/* Starts writing @file (a local file); fails with a G_IO_ERROR naming the folder. */
UprCsvWriter *upr_csv_writer_new     (GFile              *file,
                                      UprCsvFlags         flags,
                                      GError            **error);
/* One row of @n_cells cells (NULL cells are empty); invalid UTF-8 is repaired. */
gboolean      upr_csv_writer_add_row (UprCsvWriter       *self,
                                      const char * const *cells,
                                      guint               n_cells,
                                      GError            **error);
/* Makes the file the target; after it (whatever its result) only free the writer. */
gboolean      upr_csv_writer_finish  (UprCsvWriter       *self,
                                      GError            **error);
void          upr_csv_writer_free    (UprCsvWriter       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprCsvWriter, upr_csv_writer_free)

/* The whole file at once: @rows is a GPtrArray of NULL-terminated string arrays. */
gboolean      upr_csv_write          (GFile              *file,
                                      UprCsvFlags         flags,
                                      GPtrArray          *rows,
                                      GError            **error);

G_END_DECLS
