/* upr-recommendation-editor.h: every field of one recommendation and of its implementation,
 * saved as it is edited (typing after a short pause): lead and supporting institutions,
 * planned actions and indicators (upr-planned-actions-editor.h, upr-indicators-editor.h),
 * the progress history with "Add Update", and the assessments. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_RECOMMENDATION_EDITOR (upr_recommendation_editor_get_type ())
G_DECLARE_FINAL_TYPE (UprRecommendationEditor, upr_recommendation_editor, UPR,
                      RECOMMENDATION_EDITOR, GtkWidget)

/* Properties: "context" (UprContext, set once), "recommendation-id" (nullable: nothing to edit). */
GtkWidget         *upr_recommendation_editor_new                   (UprContext              *context);
const char        *upr_recommendation_editor_get_recommendation_id (UprRecommendationEditor *self);
void               upr_recommendation_editor_set_recommendation_id (UprRecommendationEditor *self,
                                                                    const char              *id);
/* The recommendation as last saved or loaded, or NULL. */
UprRecommendation *upr_recommendation_editor_get_recommendation    (UprRecommendationEditor *self);
/* Saves any typing still waiting for its pause, and a planned action or indicator form that
 * is open and complete. */
void               upr_recommendation_editor_flush                 (UprRecommendationEditor *self);

G_END_DECLS
