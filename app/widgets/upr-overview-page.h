/* upr-overview-page.h: the Overview page of a country, or of every country together: the
 * recommendations at a glance, counted by response, implementation status, assessment, theme
 * and goal, with their progress over the years, as charts whose numbers are also given in
 * text. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_OVERVIEW_PAGE (upr_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (UprOverviewPage, upr_overview_page, UPR, OVERVIEW_PAGE, GtkWidget)

/* Properties: "context" (UprContext, set once), "country-code" (nullable). The page follows
 * the store's "changed::recommendation" by itself, a moment after the last change. */
GtkWidget  *upr_overview_page_new              (UprContext      *context);
const char *upr_overview_page_get_country_code (UprOverviewPage *self);
void        upr_overview_page_set_country_code (UprOverviewPage *self,
                                                const char      *country_code);
/* Every country's recommendations together (the sidebar's "All countries"); setting a
 * country code leaves it. */
void        upr_overview_page_show_all_countries (UprOverviewPage *self);
gboolean    upr_overview_page_get_all_countries  (UprOverviewPage *self);
/* Counts again now rather than after the pause (tests, and the window after an import). */
void        upr_overview_page_refresh          (UprOverviewPage *self);

G_END_DECLS
