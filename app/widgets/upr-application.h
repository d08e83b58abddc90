/* upr-application.h: Upright as a single-instance GtkApplication: opens the database,
 * holds the context shared by every window and dialog, and the application actions. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_APPLICATION (upr_application_get_type ())
G_DECLARE_FINAL_TYPE (UprApplication, upr_application, UPR, APPLICATION, GtkApplication)

UprApplication *upr_application_new         (void);
/* NULL until the database is open (the first activation). */
UprContext     *upr_application_get_context (UprApplication *self);

G_END_DECLS
