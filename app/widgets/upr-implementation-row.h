/* upr-implementation-row.h: one planned action or indicator in the recommendation editor:
 * what it is, a line of details, an "Overdue" badge when it is late, and Edit and Delete
 * buttons. The buttons (and Delete pressed on the row) activate "implementation.edit" and
 * "implementation.delete" with the record's id: the list that holds the row installs them. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPR_TYPE_IMPLEMENTATION_ROW (upr_implementation_row_get_type ())
G_DECLARE_FINAL_TYPE (UprImplementationRow, upr_implementation_row, UPR, IMPLEMENTATION_ROW,
                      GtkListBoxRow)

/* Properties (construct-only): "record-id", "title", "detail" (nullable), "overdue". */
GtkWidget  *upr_implementation_row_new         (const char           *record_id,
                                                const char           *title,
                                                const char           *detail,
                                                gboolean              overdue);
const char *upr_implementation_row_get_record_id (UprImplementationRow *self);
const char *upr_implementation_row_get_title   (UprImplementationRow *self);
const char *upr_implementation_row_get_detail  (UprImplementationRow *self);
gboolean    upr_implementation_row_get_overdue (UprImplementationRow *self);

G_END_DECLS
