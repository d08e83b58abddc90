/* upr-workshop-dialog.h: "New Workshop": the few fields a workshop needs to exist (title,
 * kind, country, dates). The rest is filled in on the workshop page afterwards. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_WORKSHOP_DIALOG (upr_workshop_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UprWorkshopDialog, upr_workshop_dialog, UPR, WORKSHOP_DIALOG, GtkWindow)

/* Modal on @parent. @country_code (nullable) is proposed as the workshop's country.
 *
 * Properties mirror the fields as typed: "workshop-title", "kind" (vocabulary id),
 * "country-code", "start-date", "end-date". The action "dialog.create" checks them, saves
 * the workshop, emits "created" (UprWorkshop *) and closes; on a mistake it shows what to
 * correct and stays open. */
UprWorkshopDialog *upr_workshop_dialog_new (GtkWindow  *parent,
                                            UprContext *context,
                                            const char *country_code);

G_END_DECLS
