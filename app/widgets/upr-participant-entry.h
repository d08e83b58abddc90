/* upr-participant-entry.h: the fast entry row above a workshop's participant list.
 *
 * Built for typing a whole list during a live event without the mouse: name, gender,
 * organisation (a new one is created with the chosen stakeholder type), position, email;
 * Enter adds the participant, clears the row and puts the cursor back in Name. A name that
 * is already known offers the existing person instead of creating a duplicate. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_PARTICIPANT_ENTRY (upr_participant_entry_get_type ())
G_DECLARE_FINAL_TYPE (UprParticipantEntry, upr_participant_entry, UPR, PARTICIPANT_ENTRY,
                      GtkWidget)

/* Properties: "context" (UprContext), "workshop" (UprWorkshop), "list"
 * (UprParticipantList the participants are added to). Signal "added" (UprParticipant *). */

/* Adds what is typed, as Enter does; FALSE (with the reason shown in the row) when it
 * cannot yet: no name, an unanswered "already known" offer, or a refusal of the store. */
gboolean upr_participant_entry_submit        (UprParticipantEntry *self);
/* Empties the row and puts the cursor in Name. */
void     upr_participant_entry_clear         (UprParticipantEntry *self);
/* Answers the "already known" offer: use the known person, or add a new one anyway. */
void     upr_participant_entry_use_existing  (UprParticipantEntry *self);
void     upr_participant_entry_add_as_new    (UprParticipantEntry *self);
/* The known person offered for the typed name (NULL when none); looks the name up now if a
 * look-up is still waiting for the typing pause. */
UprPerson *upr_participant_entry_get_offered (UprParticipantEntry *self);

G_END_DECLS
