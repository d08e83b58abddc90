/* upr-participant.h: one row of a workshop's participant list — an attendance with its
 * person and organisation — with the derived properties the list shows and searches. */
#pragma once

#include <glib-object.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_PARTICIPANT (upr_participant_get_type ())
G_DECLARE_FINAL_TYPE (UprParticipant, upr_participant, UPR, PARTICIPANT, GObject)

UprParticipant  *upr_participant_new              (UprAttendance   *attendance,
                                                   UprPerson       *person,
                                                   UprOrganisation *organisation);
UprAttendance   *upr_participant_get_attendance   (UprParticipant  *self);
UprPerson       *upr_participant_get_person       (UprParticipant  *self);
UprOrganisation *upr_participant_get_organisation (UprParticipant  *self);
/* Also sets the person's "organisation-id" (to NULL while @organisation is unsaved). */
void             upr_participant_set_organisation (UprParticipant  *self,
                                                   UprOrganisation *organisation);

/* Derived, read-only properties (notified when the underlying records change):
 *   "name", "honorific", "position", "email", "organisation-name",
 *   "stakeholder-type" (id), "stakeholder-label", "gender" (id), "gender-label" (the
 *   person's own words when self-described), "registration" (id), "registration-label",
 *   "mode" (id), "mode-label", "search-key" (upr_fold of name, honorific, organisation
 *   name and acronym, position, email; rebuilt once per change, when next read). */
const char      *upr_participant_get_name         (UprParticipant  *self);
const char      *upr_participant_get_search_key   (UprParticipant  *self);

G_END_DECLS
