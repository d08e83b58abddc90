/* upr-import-assistant-column-row.h: one column of the file on the import assistant's
 * Columns step: its header, its first values and the field it goes to. A column no field
 * was found for is marked, so the eye finds what is left to place. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPR_TYPE_IMPORT_ASSISTANT_COLUMN_ROW (upr_import_assistant_column_row_get_type ())
G_DECLARE_FINAL_TYPE (UprImportAssistantColumnRow, upr_import_assistant_column_row, UPR,
                      IMPORT_ASSISTANT_COLUMN_ROW, GtkListBoxRow)

/* @fields: the labels of the fields, by number (shared by every row); field 0 is "not
 * placed". Signal "field-changed" (guint field) when the user picks another. */
UprImportAssistantColumnRow *upr_import_assistant_column_row_new (guint       column,
                                                                  const char *name,
                                                                  const char *samples,
                                                                  GListModel *fields,
                                                                  guint       field);
guint        upr_import_assistant_column_row_get_column (UprImportAssistantColumnRow *self);
guint        upr_import_assistant_column_row_get_field  (UprImportAssistantColumnRow *self);
/* Shows @field without emitting "field-changed". */
void         upr_import_assistant_column_row_set_field  (UprImportAssistantColumnRow *self,
                                                         guint                        field);
GtkDropDown *upr_import_assistant_column_row_get_drop_down (UprImportAssistantColumnRow *self);

G_END_DECLS
