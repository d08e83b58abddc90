/* upr-preferences-dialog.h: officer name, interface language and default country, each
 * bound to its GSettings key (saved as it changes, no Apply button). */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_PREFERENCES_DIALOG (upr_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UprPreferencesDialog, upr_preferences_dialog, UPR, PREFERENCES_DIALOG,
                      GtkWindow)

/* @context must have settings. Modal on @parent (nullable). */
UprPreferencesDialog *upr_preferences_dialog_new (GtkWindow  *parent,
                                                  UprContext *context);

G_END_DECLS
