/* upr-participant-list.h: the participants of one workshop as a GListModel of
 * UprParticipant, with live counts by gender and stakeholder type. Adding, editing and
 * removing go through here so the list, the counts and the store stay in step. */
#pragma once

#include <gio/gio.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_PARTICIPANT_LIST (upr_participant_list_get_type ())
G_DECLARE_FINAL_TYPE (UprParticipantList, upr_participant_list, UPR, PARTICIPANT_LIST, GObject)

/* Loads the participants of @workshop_id (one query). Implements GListModel. Properties:
 * "context", "workshop-id", "n-items". Signal "counts-changed" after any add, edit or
 * removal. */
UprParticipantList *upr_participant_list_new     (UprContext          *context,
                                                  const char          *workshop_id,
                                                  GError             **error);
gboolean         upr_participant_list_reload     (UprParticipantList  *self,
                                                  GError             **error);

/* Saves person and attendance (attendance's workshop-id is set) and appends the row, which
 * is returned borrowed (owned by the list). The organisation shown is the one the person's
 * "organisation-id" names. Refuses (UPR_STORE_ERROR_CONSTRAINT) a person already in this
 * workshop. */
UprParticipant  *upr_participant_list_add        (UprParticipantList  *self,
                                                  UprPerson           *person,
                                                  UprAttendance       *attendance,
                                                  GError             **error);
/* Saves the changed records of @participant: its organisation first when new or edited
 * (change it with upr_participant_set_organisation()), then person and attendance. Counts
 * follow edits of gender, organisation and registration as they are made. */
gboolean         upr_participant_list_save       (UprParticipantList  *self,
                                                  UprParticipant      *participant,
                                                  GError             **error);
/* Removes the attendance (the person stays known, for other workshops); restore puts the
 * same attendance back, at the same place (for Undo). The list drops its reference on
 * removal: keep one to restore. */
gboolean         upr_participant_list_remove     (UprParticipantList  *self,
                                                  UprParticipant      *participant,
                                                  GError             **error);
gboolean         upr_participant_list_restore    (UprParticipantList  *self,
                                                  UprParticipant      *participant,
                                                  GError             **error);

/* Live counts over every row of the list, whatever its registration state. @id is a
 * vocabulary id (UPR_VOCAB_GENDER / UPR_VOCAB_STAKEHOLDER_TYPE); NULL counts the
 * participants with no value recorded (for stakeholder type: without an organisation). */
guint            upr_participant_list_count_gender      (UprParticipantList *self,
                                                         const char         *id);
guint            upr_participant_list_count_stakeholder (UprParticipantList *self,
                                                         const char         *id);
/* Attendances with registration "attended". */
guint            upr_participant_list_count_attended    (UprParticipantList *self);

G_END_DECLS
