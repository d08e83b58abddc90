/* upr-recommendation-editor.h: every implementation field of one recommendation, saved as
 * it is edited (typing after a short pause), with its progress history and "Add Update". */
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
/* Saves any typing still waiting for its pause. */
void               upr_recommendation_editor_flush                 (UprRecommendationEditor *self);

G_END_DECLS
