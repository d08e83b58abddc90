/* upr-sidebar.h: the navigation at the left of the main window: a searchable list of
 * countries (those with data first) and the workshops of the selected one. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_SIDEBAR (upr_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (UprSidebar, upr_sidebar, UPR, SIDEBAR, GtkWidget)

/* Properties: "context" (UprContext), "country" (UprCountry, read-only: the one chosen),
 * "workshop" (UprWorkshop, read-only: the one chosen in the country's list),
 * "all-countries" (boolean, read-only: the "All countries" entry at the top of the list is
 * chosen; "country" is then NULL). The choice survives searches and reloads: only the
 * user, or the functions below, change it. */
UprContext  *upr_sidebar_get_context        (UprSidebar  *self);
void         upr_sidebar_set_context        (UprSidebar  *self,
                                             UprContext  *context);
UprCountry  *upr_sidebar_get_country        (UprSidebar  *self);
UprWorkshop *upr_sidebar_get_workshop       (UprSidebar  *self);

/* Chooses a country by ISO code (NULL: none); clears a search that would hide it. FALSE
 * when no such country. */
gboolean     upr_sidebar_select_country     (UprSidebar  *self,
                                             const char  *code);
/* Chooses the "All countries" entry; clears the search, which hides it. */
void         upr_sidebar_select_all_countries (UprSidebar *self);
gboolean     upr_sidebar_get_all_countries  (UprSidebar  *self);
/* Chooses a workshop of the current country by id (NULL: none). FALSE when not listed. */
gboolean     upr_sidebar_select_workshop    (UprSidebar  *self,
                                             const char  *id);

/* The countries as shown (after the search; the "All countries" entry aside) and the
 * current country's workshops. */
GListModel  *upr_sidebar_get_shown_countries (UprSidebar *self);
GListModel  *upr_sidebar_get_workshops      (UprSidebar  *self);

/* What the search entry does on each change, applied at once (no typing delay). */
void         upr_sidebar_set_search_text    (UprSidebar  *self,
                                             const char  *text);
void         upr_sidebar_focus_search       (UprSidebar  *self);
void         upr_sidebar_focus_workshops    (UprSidebar  *self);

G_END_DECLS
