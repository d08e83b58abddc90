/* upr-search-query.c: folded search queries and their filter-change hints; see the header. */
#include "config.h"

#include "upr-fold.h"
#include "upr-search-query.h"

static gboolean
has_words (const char *folded)
{
  for (const char *p = folded; p != NULL && *p != '\0'; p++)
    if (*p != ' ')
      return TRUE;
  return FALSE;
}

/* Matching is "every word occurs as a substring", so appending to the query can only drop
 * rows and cutting its end can only bring rows back. Anything else may do both. */
static GtkFilterChange
change_between (const char *old_folded,
                const char *new_folded)
{
  if (old_folded == NULL)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (new_folded == NULL)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  if (g_str_has_prefix (new_folded, old_folded))
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (g_str_has_prefix (old_folded, new_folded))
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

gboolean
upr_search_query_refold (char            **folded,
                         const char       *query,
                         GtkFilterChange  *change)
{
  g_autofree char *fresh = NULL;

  g_return_val_if_fail (folded != NULL, FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  fresh = query != NULL ? upr_fold (query) : NULL;
  if (!has_words (fresh))
    g_clear_pointer (&fresh, g_free);
  if (g_strcmp0 (fresh, *folded) == 0)
    return FALSE;

  *change = change_between (*folded, fresh);
  g_free (*folded);
  *folded = g_steal_pointer (&fresh);
  return TRUE;
}
