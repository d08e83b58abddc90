/* upr-welcome-page.h: what an empty database shows: load the demo data or create a first
 * workshop. Its buttons activate the window's actions (win.load-demo, win.new-workshop). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPR_TYPE_WELCOME_PAGE (upr_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (UprWelcomePage, upr_welcome_page, UPR, WELCOME_PAGE, GtkWidget)

GtkWidget *upr_welcome_page_new (void);

G_END_DECLS
