/* upr-participant-slots.h: the rows of the participant list as fixed "slots" whose contents
 * change, rather than items that come and go.
 *
 * GTK 4.8's list views destroy a row's widgets when its item leaves the model and build
 * new ones for each item that arrives; a search over 2,000 participants replaces every
 * visible row at each keystroke, which costs 30–70 ms in a six-column GtkColumnView on the
 * reference machine. Slot i always stays slot i: when the model beneath changes, the
 * cells only change their text. Only slots past the end are added or removed (and building
 * or dropping a row is what still costs: see "Pacing" below).
 *
 * Slots are lazy, so that a keystroke costs what the visible rows cost, not what the list
 * holds: a slot is made when first asked for, reads its participant from the model by
 * position when asked, and only "watched" slots (those a row widget shows) follow their
 * participant and notify their properties when it changes. */
#pragma once

#include <gio/gio.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_PARTICIPANT_SLOT (upr_participant_slot_get_type ())
G_DECLARE_FINAL_TYPE (UprParticipantSlot, upr_participant_slot, UPR, PARTICIPANT_SLOT, GObject)

/* Properties (read-only): "participant" and its shown columns "name", "organisation-name",
 * "stakeholder-label", "gender-label", "registration-label", "mode-label". They are
 * notified (when the participant or its records change) only while the slot is watched,
 * and with pacing (below) a few frames late while out of view. */
UprParticipant *upr_participant_slot_get_participant (UprParticipantSlot *self);
/* Calls pair up; a slot is watched while more watches than unwatches were made (a list
 * item factory watches in "bind" and unwatches in "unbind"). */
void            upr_participant_slot_watch           (UprParticipantSlot *self);
void            upr_participant_slot_unwatch         (UprParticipantSlot *self);

#define UPR_TYPE_PARTICIPANT_SLOTS (upr_participant_slots_get_type ())
G_DECLARE_FINAL_TYPE (UprParticipantSlots, upr_participant_slots, UPR, PARTICIPANT_SLOTS, GObject)

/* A GListModel of UprParticipantSlot over "model" (a GListModel of UprParticipant).
 * Signals "refilling" before and "refilled" after the slots change contents: a selection
 * kept by position may then point at someone else (or, shortened, at no one), so the view
 * ignores what happens to it in between and selects by participant afterwards. */
UprParticipantSlots *upr_participant_slots_new       (GListModel          *model);
GListModel          *upr_participant_slots_get_model (UprParticipantSlots *self);
void                 upr_participant_slots_set_model (UprParticipantSlots *self,
                                                      GListModel          *model);
/* The position of @participant's slot, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint                upr_participant_slots_find      (UprParticipantSlots *self,
                                                      UprParticipant      *participant);

/* Pacing, for the list views of GTK 4.8, which build and lay out rows for about 200 slots
 * from the top of the view, shown or not. Building a row costs about a third of a
 * millisecond and refreshing one about a quarter of that: bringing back 2,000 participants
 * at once would take several frames. With "step" set (0, the default, holds nothing back),
 * a change refreshes only the rows in view (upr_participant_slots_set_view(); until told,
 * every row counts as in view), adds only the slots needed to fill the view or "step" more
 * and, when the model shrank, removes at once only as many slots as the view needs: the
 * others past the end of the model hold no one until removed, "step" rows at a time. Rows
 * out of view may show their old contents meanwhile. "pending" counts what is left: call
 * upr_participant_slots_catch_up() once a frame until it is 0; each call builds or
 * removes at most "step" rows and refreshes at most four times as many, those in view
 * first. A slot's participant is always the current one: only the text out of view lags. */
guint                upr_participant_slots_get_step    (UprParticipantSlots *self);
void                 upr_participant_slots_set_step    (UprParticipantSlots *self,
                                                        guint                step);
void                 upr_participant_slots_set_view    (UprParticipantSlots *self,
                                                        guint                first,
                                                        guint                n);
guint                upr_participant_slots_get_pending (UprParticipantSlots *self);
void                 upr_participant_slots_catch_up    (UprParticipantSlots *self);

G_END_DECLS
