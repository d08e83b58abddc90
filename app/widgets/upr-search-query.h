/* upr-search-query.h: the folded query of a search-as-you-type filter, and the hint that
 * lets GtkFilterListModel re-examine only the rows a keystroke can affect. Shared by the
 * country, participant and recommendation filters. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Folds @query (upr_fold) into *@folded, which becomes NULL when the query has no words.
 * Returns FALSE when the folded query is unchanged (nothing to refilter); otherwise TRUE,
 * with @change set for gtk_filter_changed(). */
gboolean upr_search_query_refold (char            **folded,
                                  const char       *query,
                                  GtkFilterChange  *change);

G_END_DECLS
