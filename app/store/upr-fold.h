/* upr-fold.h: text folded for search, so "reforme" finds "Réforme" and "cote d'ivoire" finds
 * "Côte d’Ivoire": casefolded, accents removed (NFD without combining marks), typographic
 * apostrophes and hyphens made ASCII, runs of spaces collapsed. Fold each row once; fold the
 * query once per keystroke; then match with upr_fold_match(). In the lowest layer because
 * the store registers it as the SQL function upr_fold() and importers match names with it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *upr_fold       (const char *text);
/* TRUE when every word of @folded_query occurs in @folded_text (as substrings, any order). */
gboolean  upr_fold_match (const char *folded_text,
                          const char *folded_query);

G_END_DECLS
