/* upr-term-chooser.h: a button whose popover lists the reference vocabularies (OHCHR themes
 * and groups of persons, UPR Info issues, SDGs) as check buttons grouped by scheme, for
 * classifying a recommendation. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_TERM_CHOOSER (upr_term_chooser_get_type ())
G_DECLARE_FINAL_TYPE (UprTermChooser, upr_term_chooser, UPR, TERM_CHOOSER, GtkWidget)

/* Properties: "label" (the button's text and accessible name). Signal "changed": the user
 * checked or unchecked a term (not emitted by upr_term_chooser_set_chosen()). */
GtkWidget  *upr_term_chooser_new            (void);
/* Fills the popover with @terms (UprTerm, as upr_store_list_terms() gives them). */
void        upr_term_chooser_set_terms      (UprTermChooser     *self,
                                             GListModel         *terms);
void        upr_term_chooser_set_chosen     (UprTermChooser     *self,
                                             const char * const *term_ids,
                                             guint               sdg_goals);
/* The checked themes, groups and issues, in the vocabularies' order (NULL-terminated). */
char      **upr_term_chooser_get_term_ids   (UprTermChooser     *self);
/* The checked goals: a mask of UPR_SDG_BIT (goal). */
guint       upr_term_chooser_get_sdg_goals  (UprTermChooser     *self);
/* What is checked, in words ("Right to health, Women · SDG 5, 16"); NULL when nothing. */
char       *upr_term_chooser_describe       (UprTermChooser     *self);
/* Checks (or unchecks) one term as the user would, emitting "changed"; FALSE when unknown. */
gboolean    upr_term_chooser_toggle         (UprTermChooser     *self,
                                             const char         *term_id,
                                             gboolean            active);

G_END_DECLS
