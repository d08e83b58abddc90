/* upr-indicators-editor.h: the indicators of one recommendation's implementation, in its
 * editor: what is measured, its baseline, its target and the means of verification; added
 * and edited in a small form, deleted with undo. Every save is one transaction. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_INDICATORS_EDITOR (upr_indicators_editor_get_type ())
G_DECLARE_FINAL_TYPE (UprIndicatorsEditor, upr_indicators_editor, UPR, INDICATORS_EDITOR,
                      GtkWidget)

/* Properties: "context" (UprContext, set once), "recommendation-id" (nullable: nothing to
 * show), "undo-bar" (UprUndoBar offering to undo a deletion; none: no undo).
 * Actions: implementation.add, implementation.edit ("s": the indicator's id),
 * implementation.delete ("s"), implementation.save, implementation.cancel (also Escape). */
GtkWidget  *upr_indicators_editor_new                   (UprContext          *context);
const char *upr_indicators_editor_get_recommendation_id (UprIndicatorsEditor *self);
void        upr_indicators_editor_set_recommendation_id (UprIndicatorsEditor *self,
                                                         const char          *id);
/* The indicators shown (UprIndicator), in the order they were added. */
GListModel *upr_indicators_editor_get_indicators        (UprIndicatorsEditor *self);
/* Saves what the form holds when it is complete, else closes it: before another
 * recommendation is shown. */
void        upr_indicators_editor_flush                 (UprIndicatorsEditor *self);

G_END_DECLS
