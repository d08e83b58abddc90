/* upr-agenda-editor.h: the dialog that adds or edits one item of a workshop's programme. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_AGENDA_EDITOR (upr_agenda_editor_get_type ())
G_DECLARE_FINAL_TYPE (UprAgendaEditor, upr_agenda_editor, UPR, AGENDA_EDITOR, GtkWindow)

/* @item NULL adds a new item at @position. The item is saved when the user presses Save
 * (or Enter); the dialog then emits "saved" (UprAgendaItem *item) and closes. */
UprAgendaEditor *upr_agenda_editor_new  (GtkWindow       *parent,
                                         UprContext      *context,
                                         UprWorkshop     *workshop,
                                         UprAgendaItem   *item,
                                         guint            position);
/* Checks and saves as the Save button does; FALSE (with the reason shown) when refused. */
gboolean         upr_agenda_editor_save (UprAgendaEditor *self);

G_END_DECLS
