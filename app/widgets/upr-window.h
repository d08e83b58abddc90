/* upr-window.h: Upright's main window: the sidebar of countries and workshops, and the
 * selected country's pages (Overview, Recommendations, Workshops), or those of all
 * countries. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"
#include "upr-sidebar.h"
#include "upr-undo-bar.h"

G_BEGIN_DECLS

#define UPR_TYPE_WINDOW (upr_window_get_type ())
G_DECLARE_FINAL_TYPE (UprWindow, upr_window, UPR, WINDOW, GtkApplicationWindow)

/* @application may be NULL (tests). "context" is construct-only. */
UprWindow   *upr_window_new                (GtkApplication *application,
                                            UprContext     *context);
UprContext  *upr_window_get_context        (UprWindow      *self);
UprUndoBar  *upr_window_get_undo_bar       (UprWindow      *self);
UprSidebar  *upr_window_get_sidebar        (UprWindow      *self);

/* What the content area shows: "welcome", "no-country", "empty" (a country without a
 * selected workshop), "workshop" or "all" (the sidebar's "All countries": their
 * recommendations, and no workshop).
 * Window actions: win.view (s: "overview", "recommendations", "workshops"; Alt+1, 2, 3),
 * win.toggle-editor (F9: the recommendation editor beside the matrix, or not). */
const char  *upr_window_get_page_name      (UprWindow      *self);

UprCountry  *upr_window_get_country        (UprWindow      *self);
UprWorkshop *upr_window_get_workshop       (UprWindow      *self);
/* Shows a country and (with @workshop_id) one of its workshops; FALSE when not found. */
gboolean     upr_window_select             (UprWindow      *self,
                                            const char     *country_code,
                                            const char     *workshop_id);

/* Moves @workshop to the trash at once and offers Undo; the trash is purged when the offer
 * ends. The "win.delete-workshop" action asks for confirmation first, then calls this
 * (tests call it directly). */
gboolean     upr_window_delete_workshop    (UprWindow      *self,
                                            UprWorkshop    *workshop,
                                            GError        **error);

G_END_DECLS
