/* upr-normalise-names.h: names as files write them, matched to the ids Upright keeps: States
 * to ISO codes ("DRC", "Cote d'Ivoire", "Iran (Islamic Republic of)", "Royaume-Uni"), themes
 * and groups of persons to vocabulary term ids ("Women's rights", "Droits des femmes").
 *
 * Names are compared as upr_normalise_name_key() makes them, so case, accents, apostrophes,
 * "&" and punctuation do not matter. A name given to two different ids at the same rank is
 * ambiguous and matches nothing rather than the wrong one. */
#pragma once

#include <glib.h>

#include "upr-types.h"

G_BEGIN_DECLS

/* How sure a name is: an official name beats a curated variant, which beats one Upright
 * derived itself (such as "Bolivia" from "Bolivia (Plurinational State of)"). */
typedef enum
{
  UPR_NAME_DERIVED,
  UPR_NAME_VARIANT,
  UPR_NAME_OFFICIAL,
} UprNameRank;

typedef struct _UprNameIndex UprNameIndex;

UprNameIndex *upr_name_index_new    (void);
void          upr_name_index_free   (UprNameIndex *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprNameIndex, upr_name_index_free)

void          upr_name_index_add    (UprNameIndex *self,
                                     const char   *name,
                                     const char   *id,
                                     UprNameRank   rank);
/* The id of @name, or NULL (unknown or ambiguous). Interned: valid as long as the index. */
const char   *upr_name_index_lookup (UprNameIndex *self,
                                     const char   *name);

/* Matches a list of names in one line, joined by commas or semicolons ("Rights of the
 * Child,Women's rights"; "OIC, AL"), where names may themselves hold commas ("Korea,
 * Republic of"; "Children: definition; general principles; protection"): at each place the
 * longest run of pieces that is a name wins. Appends the ids found to @ids (interned, no
 * repeats) and the pieces that match nothing to @unmatched (newly allocated; a run of
 * unknown pieces is reported as one). */
void          upr_name_index_match_list (UprNameIndex *self,
                                         const char   *line,
                                         GPtrArray    *ids,
                                         GPtrArray    *unmatched);

/* The States of the store (English and French names, ISO alpha-2 and alpha-3 codes, forms
 * without their parenthesis) and the committed variants (data/country-variants.tsv). */
UprNameIndex *upr_name_index_new_for_countries (UprStore  *store,
                                                GError   **error);
/* The terms of one vocabulary of the store ("uhri-theme", "uhri-group", "uprinfo-issue"; NULL
 * for all three), by English and French label, by code, and by the older names of OHCHR's
 * earlier cycles (data/term-variants.tsv). */
UprNameIndex *upr_name_index_new_for_terms     (UprStore   *store,
                                                const char *scheme,
                                                GError    **error);

/* Whether @name stands for "no State named" in a file ("(Unknown)", "Inconnu", "N/A", "-"). */
gboolean      upr_name_is_placeholder (const char *name);

G_END_DECLS
