/* upr-store-terms.h: the reference vocabularies of recommendations (OHCHR themes and groups
 * of persons, UPR Info issues, SDGs). */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Fills the empty vocabulary_term and sdg_goal tables from the embedded
 * data/vocabulary-terms.tsv and data/sdg-goals.tsv (migration 3). */
gboolean upr_store_seed_terms (sqlite3  *db,
                               GError  **error);

G_END_DECLS
