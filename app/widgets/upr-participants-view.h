/* upr-participants-view.h: the Participants tab of a workshop: live counts by gender and
 * stakeholder type, the fast entry row, search-as-you-type and a sortable list. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_PARTICIPANTS_VIEW (upr_participants_view_get_type ())
G_DECLARE_FINAL_TYPE (UprParticipantsView, upr_participants_view, UPR, PARTICIPANTS_VIEW,
                      GtkWidget)

/* Properties: "context" (UprContext), "workshop" (UprWorkshop, nullable), "undo-bar"
 * (UprUndoBar, nullable). Actions: participants.edit, participants.delete (the selected
 * participant; Delete key), participants.search (Ctrl+F). */
void                upr_participants_view_set_workshop (UprParticipantsView *self,
                                                        UprWorkshop         *workshop);
/* The participants of the workshop shown (all of them, whatever the search). */
UprParticipantList *upr_participants_view_get_list     (UprParticipantsView *self);
/* What the list shows, searched and sorted (UprParticipant; the column view itself shows
 * them through fixed rows, see upr-slots.h). */
GListModel         *upr_participants_view_get_shown    (UprParticipantsView *self);

G_END_DECLS
