/* upr-planned-actions-editor.h: the planned actions of one recommendation, in its editor:
 * listed by due date with the late ones marked, added and edited in a small form (what will
 * be done, the responsible organisation, start and due dates, resources, status), deleted
 * with undo. Every save is one transaction. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_PLANNED_ACTIONS_EDITOR (upr_planned_actions_editor_get_type ())
G_DECLARE_FINAL_TYPE (UprPlannedActionsEditor, upr_planned_actions_editor, UPR,
                      PLANNED_ACTIONS_EDITOR, GtkWidget)

/* Properties: "context" (UprContext, set once), "recommendation-id" (nullable: nothing to
 * show), "country-code" (where a responsible organisation typed for the first time belongs),
 * "undo-bar" (UprUndoBar offering to undo a deletion; none: no undo), "n-overdue"
 * (read-only).
 * Actions: implementation.add, implementation.edit ("s": the action's id),
 * implementation.delete ("s"), implementation.save, implementation.cancel (also Escape). */
GtkWidget  *upr_planned_actions_editor_new                   (UprContext              *context);
const char *upr_planned_actions_editor_get_recommendation_id (UprPlannedActionsEditor *self);
void        upr_planned_actions_editor_set_recommendation_id (UprPlannedActionsEditor *self,
                                                              const char              *id);
void        upr_planned_actions_editor_set_country_code      (UprPlannedActionsEditor *self,
                                                              const char              *code);
/* The actions shown (UprPlannedAction), by due date. */
GListModel *upr_planned_actions_editor_get_actions           (UprPlannedActionsEditor *self);
guint       upr_planned_actions_editor_get_n_overdue         (UprPlannedActionsEditor *self);
/* Saves what the form holds when it is complete, else closes it: before another
 * recommendation is shown. */
void        upr_planned_actions_editor_flush                 (UprPlannedActionsEditor *self);

/* Whether @action is late on @today ("YYYY-MM-DD"): its due date has passed while it is
 * still planned or in progress. */
gboolean    upr_planned_actions_editor_is_overdue            (UprRecord               *action,
                                                              const char              *today);

G_END_DECLS
