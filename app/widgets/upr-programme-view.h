/* upr-programme-view.h: the Programme tab of a workshop: its agenda items in order, added,
 * edited, removed (with undo) and reordered by drag and drop or with Alt+Up / Alt+Down. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_PROGRAMME_VIEW (upr_programme_view_get_type ())
G_DECLARE_FINAL_TYPE (UprProgrammeView, upr_programme_view, UPR, PROGRAMME_VIEW, GtkWidget)

/* Properties: "context" (UprContext), "workshop" (UprWorkshop, nullable), "undo-bar"
 * (UprUndoBar, nullable: where removals can be undone).
 * Actions: programme.add, programme.edit (s: item id, "" for the selected one),
 * programme.delete (s), programme.move-up, programme.move-down. */
void        upr_programme_view_set_workshop (UprProgrammeView *self,
                                             UprWorkshop      *workshop);
/* The items shown, in order (UprAgendaItem). */
GListModel *upr_programme_view_get_items    (UprProgrammeView *self);

G_END_DECLS
