/* upr-participant-editor.h: the dialog with every field of one participant: the person
 * (name, honorific, gender, organisation, position, contact, consent) and their attendance
 * at this workshop (registration, mode, days attended). */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_PARTICIPANT_EDITOR (upr_participant_editor_get_type ())
G_DECLARE_FINAL_TYPE (UprParticipantEditor, upr_participant_editor, UPR, PARTICIPANT_EDITOR,
                      GtkWindow)

/* @workshop gives the country of an organisation created here. Changes are saved through
 * @list when the user presses Save (or Enter); Cancel or Escape leaves everything as it was. */
UprParticipantEditor *upr_participant_editor_new  (GtkWindow            *parent,
                                                   UprContext           *context,
                                                   UprWorkshop          *workshop,
                                                   UprParticipantList   *list,
                                                   UprParticipant       *participant);
/* Checks and saves as the Save button does; FALSE (with the reason shown) when refused. */
gboolean              upr_participant_editor_save (UprParticipantEditor *self);

G_END_DECLS
