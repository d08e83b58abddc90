/* upr-agenda-row.h: one item of a workshop's programme in the Programme tab. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_AGENDA_ROW (upr_agenda_row_get_type ())
G_DECLARE_FINAL_TYPE (UprAgendaRow, upr_agenda_row, UPR, AGENDA_ROW, GtkListBoxRow)

/* Properties: "item" (UprAgendaItem, construct-only), "organisation-name" (shown after the
 * speaker). Signal "item-dropped" (UprAgendaItem *dragged): another row was dropped on this
 * one; the view moves it here. */
GtkWidget     *upr_agenda_row_new      (UprAgendaItem *item,
                                        const char    *organisation_name);
UprAgendaItem *upr_agenda_row_get_item (UprAgendaRow  *self);

G_END_DECLS
