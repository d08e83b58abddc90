/* upr-details-editor.h: the Details tab of a workshop: every field, saved as it is typed. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_DETAILS_EDITOR (upr_details_editor_get_type ())
G_DECLARE_FINAL_TYPE (UprDetailsEditor, upr_details_editor, UPR, DETAILS_EDITOR, GtkWidget)

/* Properties: "context" (UprContext), "workshop" (UprWorkshop, nullable). */
UprWorkshop *upr_details_editor_get_workshop (UprDetailsEditor *self);
void         upr_details_editor_set_workshop (UprDetailsEditor *self,
                                              UprWorkshop      *workshop);
/* Saves what is still waiting for the typing pause (before the window closes, say). */
void         upr_details_editor_flush        (UprDetailsEditor *self);

G_END_DECLS
