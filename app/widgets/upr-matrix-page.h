/* upr-matrix-page.h: the Recommendations page of a country, or of all countries: the
 * implementation matrix with its search and filter bar, and the selected recommendation's
 * editor beside it (which the officer may hide). */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_MATRIX_PAGE (upr_matrix_page_get_type ())
G_DECLARE_FINAL_TYPE (UprMatrixPage, upr_matrix_page, UPR, MATRIX_PAGE, GtkWidget)

/* Properties: "context" (UprContext, set once), "country-code" (NULL: every country's
 * recommendations, with a Country column), "selected-id" (the id of the recommendation in
 * the editor, or NULL), "show-editor" (boolean; remembered in the "matrix-show-editor"
 * setting when the context has settings, as the hidden columns are in
 * "matrix-hidden-columns").
 * The list is read when the page is first shown after a change, not before.
 * Actions: matrix.search (Ctrl+F: focus the search), matrix.add (open "Add
 * Recommendation"; not for all countries), matrix.set-status (s: a status id, for the
 * selected recommendations), matrix.show-editor (F9: show or hide the editor). */
GtkWidget  *upr_matrix_page_new                (UprContext     *context);
const char *upr_matrix_page_get_country_code   (UprMatrixPage  *self);
void        upr_matrix_page_set_country_code   (UprMatrixPage  *self,
                                                const char     *country_code);
const char *upr_matrix_page_get_selected_id    (UprMatrixPage  *self);
/* Selects (and shows) a recommendation of the list; FALSE when it is not shown. */
gboolean    upr_matrix_page_select             (UprMatrixPage  *self,
                                                const char     *recommendation_id);
/* Creates a recommendation of the page's country at @session (its review created when
 * missing), clears the filters so it shows, and selects it. Returns its id. */
char       *upr_matrix_page_add_recommendation (UprMatrixPage  *self,
                                                int             session,
                                                const char     *paragraph,
                                                const char     *text,
                                                GError        **error);
void        upr_matrix_page_focus_search       (UprMatrixPage  *self);
/* The ids of the selected recommendations (several for a bulk edit), in the order shown. */
char      **upr_matrix_page_get_selected_ids   (UprMatrixPage  *self);
/* Sets the status of every selected recommendation in one step (dated today) and offers
 * Undo, which sets each one's former status and date back. */
gboolean    upr_matrix_page_set_status_of_selected (UprMatrixPage  *self,
                                                    const char     *status,
                                                    GError        **error);
/* The other bulk edits of the selected recommendations, each one transaction offering Undo
 * (which sets the former lead institution or cluster back, or removes what was added). A
 * NULL @organisation_id or @cluster clears it. */
gboolean    upr_matrix_page_set_lead_of_selected    (UprMatrixPage  *self,
                                                     const char     *organisation_id,
                                                     GError        **error);
gboolean    upr_matrix_page_set_cluster_of_selected (UprMatrixPage  *self,
                                                     const char     *cluster,
                                                     GError        **error);
gboolean    upr_matrix_page_add_term_to_selected    (UprMatrixPage  *self,
                                                     const char     *term_id,
                                                     GError        **error);
gboolean    upr_matrix_page_add_sdg_to_selected     (UprMatrixPage  *self,
                                                     guint           goal,
                                                     GError        **error);
gboolean    upr_matrix_page_get_show_editor    (UprMatrixPage  *self);
void        upr_matrix_page_set_show_editor    (UprMatrixPage  *self,
                                                gboolean        show_editor);
/* Saves typing still waiting in the editor. */
void        upr_matrix_page_flush              (UprMatrixPage  *self);

G_END_DECLS
