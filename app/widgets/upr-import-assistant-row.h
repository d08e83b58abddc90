/* upr-import-assistant-row.h: one row of a table the import assistant shows (the file as it
 * reads, the rows as they will be imported, a column with its first values): its number and
 * its cells as text. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UPR_TYPE_IMPORT_ASSISTANT_ROW (upr_import_assistant_row_get_type ())
G_DECLARE_FINAL_TYPE (UprImportAssistantRow, upr_import_assistant_row, UPR, IMPORT_ASSISTANT_ROW,
                      GObject)

/* @number: the row's (1-based) or column's (0-based) number; @cells: copied, NULL-terminated.
 * @dimmed: shown greyed out (a row that will not be imported). */
UprImportAssistantRow *upr_import_assistant_row_new        (guint               number,
                                                            const char * const *cells,
                                                            gboolean            dimmed);
guint                  upr_import_assistant_row_get_number (UprImportAssistantRow *self);
/* The cell @column, "" past the last. */
const char            *upr_import_assistant_row_get_cell   (UprImportAssistantRow *self,
                                                            guint                  column);
gboolean               upr_import_assistant_row_get_dimmed (UprImportAssistantRow *self);

G_END_DECLS
