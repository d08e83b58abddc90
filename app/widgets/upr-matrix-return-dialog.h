/* upr-matrix-return-dialog.h: "Returned Matrix": the changes a partner made in a matrix
 * exported by Upright (upr-matrix-return.h), the partner they come from, Apply or Cancel. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_MATRIX_RETURN_DIALOG (upr_matrix_return_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UprMatrixReturnDialog, upr_matrix_return_dialog, UPR, MATRIX_RETURN_DIALOG,
                      GtkWindow)

/* Reads @file (in a thread), compares it with the store of @context and shows the diff,
 * modal on @parent. Applying records the changes as progress from the partner named in the
 * dialog, in one transaction; Cancel changes nothing. */
void upr_matrix_return_dialog_present (GtkWindow  *parent,
                                       UprContext *context,
                                       GFile      *file);

G_END_DECLS
