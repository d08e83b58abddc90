/* upr-import-assistant-row.c: see the header. */
#include "config.h"

#include "upr-import-assistant-row.h"

struct _UprImportAssistantRow
{
  GObject parent_instance;

  guint    number;
  char   **cells;
  guint    n_cells;
  gboolean dimmed;
};

G_DEFINE_FINAL_TYPE (UprImportAssistantRow, upr_import_assistant_row, G_TYPE_OBJECT)

static void
upr_import_assistant_row_finalize (GObject *object)
{
  UprImportAssistantRow *self = UPR_IMPORT_ASSISTANT_ROW (object);

  g_strfreev (self->cells);

  G_OBJECT_CLASS (upr_import_assistant_row_parent_class)->finalize (object);
}

static void
upr_import_assistant_row_class_init (UprImportAssistantRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = upr_import_assistant_row_finalize;
}

static void
upr_import_assistant_row_init (UprImportAssistantRow *self)
{
}

UprImportAssistantRow *
upr_import_assistant_row_new (guint               number,
                              const char * const *cells,
                              gboolean            dimmed)
{
  UprImportAssistantRow *self = g_object_new (UPR_TYPE_IMPORT_ASSISTANT_ROW, NULL);

  self->number = number;
  self->cells = g_strdupv ((char **) cells);
  self->n_cells = self->cells != NULL ? g_strv_length (self->cells) : 0;
  self->dimmed = dimmed;
  return self;
}

guint
upr_import_assistant_row_get_number (UprImportAssistantRow *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_ROW (self), 0);

  return self->number;
}

const char *
upr_import_assistant_row_get_cell (UprImportAssistantRow *self,
                                   guint                  column)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_ROW (self), NULL);

  return column < self->n_cells ? self->cells[column] : "";
}

gboolean
upr_import_assistant_row_get_dimmed (UprImportAssistantRow *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_ROW (self), FALSE);

  return self->dimmed;
}
