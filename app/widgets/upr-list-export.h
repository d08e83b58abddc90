/* upr-list-export.h: any list of the window as CSV, exactly as it is shown.
 *
 * The rows are the ones the list shows (searched, filtered, sorted), the columns the visible
 * ones in their order on screen, titled as on screen; upr-csv-writer.h writes the file
 * (UTF-8 with a byte order mark, safe from formulas, atomic). A cell's text comes from an
 * expression per column: the list's own (a GtkStringSorter's or GtkNumericSorter's
 * expression, as the participant list has), or one the list's kind supplies (the matrix,
 * whose sorters are custom).
 *
 * A page attaches its column view once (the matrix page with its own kind, the participant
 * list with upr_list_export_attach_participants()); while the view is on screen, the
 * window's "win.export-csv" action (upr_list_export_install()) exports it. A
 * list of people is personal data: it is exported only after a confirmation that says so,
 * and only the people whose consent allows their name in reports. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The expression giving the text of @column's cells (evaluated on a row), or NULL when the
 * kind does not know the column (the column's sorter is tried next). */
typedef GtkExpression *(*UprListExportColumnFunc) (GtkColumnViewColumn *column);
/* Whether @item may leave Upright in a file. */
typedef gboolean       (*UprListExportRowFunc)    (gpointer             item);

typedef struct
{
  const char              *name;         /* file name stem, marked with N_, translated when used */
  gboolean                 personal;     /* rows are people: confirm first */
  UprListExportColumnFunc  column_text;  /* NULL: the columns' sorters */
  UprListExportRowFunc     include_row;  /* NULL: every row shown */
} UprListExportKind;

/* @rows: the rows as shown, in the order shown (NULL: @view's own model); @kind must live
 * as long as @view (a static). Call once, after the view's template is built. */
void           upr_list_export_attach              (GtkColumnView           *view,
                                                    GListModel              *rows,
                                                    const UprListExportKind *kind);
/* A workshop's participant list: @shown holds the UprParticipant rows as shown (the view's
 * own model holds slots, see upr-participant-slots.h). */
void           upr_list_export_attach_participants (GtkColumnView           *view,
                                                    GListModel              *shown);

/* The rows that upr_list_export_write() would write (those shown that may leave). */
guint          upr_list_export_count_rows          (GtkColumnView           *view,
                                                    guint                   *n_shown);
/* Writes the attached @view to @file; *@n_rows (nullable) gets the number of rows written
 * (the header aside). Fails, changing nothing, when a visible column's text is unknown. */
gboolean       upr_list_export_write               (GtkColumnView           *view,
                                                    GFile                   *file,
                                                    gboolean                 semicolons,
                                                    guint                   *n_rows,
                                                    GError                 **error);
/* The whole interaction: the confirmation for people, the file chooser, writing, and a
 * message saying where the file went or why it did not. */
void           upr_list_export_run                 (GtkColumnView           *view);

/* Adds "win.export-csv" to @window: enabled while an attached list is on screen, it
 * exports that list. */
void           upr_list_export_install             (GtkApplicationWindow    *window);
/* The attached list on screen in @window (the one shown last), or NULL. */
GtkColumnView *upr_list_export_get_current         (GtkWindow               *window);

/* Choosing where to save, for this and the workbook's dialog. */
typedef enum
{
  UPR_LIST_EXPORT_FILE_CSV,  /* also asks which separator Excel expects */
  UPR_LIST_EXPORT_FILE_XLSX,
} UprListExportFileType;

/* @file is NULL when the officer cancelled; it has the type's extension. */
typedef void (*UprListExportFileFunc) (GFile    *file,
                                       gboolean  semicolons,
                                       gpointer  data);

/* A native save dialog on @parent, in the folder used last (else Documents), suggesting
 * @name. A name typed without the extension gets it (asking before replacing a file of
 * that name); @callback runs once, then @destroy (nullable) frees @data. */
void           upr_list_export_ask_file            (GtkWindow               *parent,
                                                    const char              *title,
                                                    const char              *name,
                                                    UprListExportFileType    type,
                                                    UprListExportFileFunc    callback,
                                                    gpointer                 data,
                                                    GDestroyNotify           destroy);
/* The folder where the last file of @window (or of the window it is transient for) was
 * saved, else Documents, else home. A new reference. */
GFile         *upr_list_export_get_folder          (GtkWindow               *window);
void           upr_list_export_set_folder          (GtkWindow               *window,
                                                    GFile                   *file);
/* Opens the folder holding @file in the file manager (a local URI: no network). */
void           upr_list_export_show_folder         (GtkWindow               *parent,
                                                    GFile                   *file);

G_END_DECLS
