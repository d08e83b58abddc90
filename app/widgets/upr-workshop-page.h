/* upr-workshop-page.h: one workshop in tabs: Details, Programme, Participants. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_WORKSHOP_PAGE (upr_workshop_page_get_type ())
G_DECLARE_FINAL_TYPE (UprWorkshopPage, upr_workshop_page, UPR, WORKSHOP_PAGE, GtkWidget)

/* Properties: "context" (UprContext), "workshop" (UprWorkshop, nullable), "tab" (the name
 * of the tab shown: "details", "programme" or "participants").
 * Actions: workshop.tab (s: a tab name; Alt+1, Alt+2, Alt+3), workshop.export (the export
 * dialog with this workshop as its scope). The page menu's "Delete
 * Workshop" activates win.delete-workshop, which the window provides. */
GtkWidget   *upr_workshop_page_new          (UprContext      *context);
UprContext  *upr_workshop_page_get_context  (UprWorkshopPage *self);
UprWorkshop *upr_workshop_page_get_workshop (UprWorkshopPage *self);
void         upr_workshop_page_set_workshop (UprWorkshopPage *self,
                                             UprWorkshop     *workshop);
const char  *upr_workshop_page_get_tab      (UprWorkshopPage *self);
void         upr_workshop_page_set_tab      (UprWorkshopPage *self,
                                             const char      *tab);
/* Saves any typing still waiting for its pause (call before the window closes). */
void         upr_workshop_page_flush        (UprWorkshopPage *self);

G_END_DECLS
