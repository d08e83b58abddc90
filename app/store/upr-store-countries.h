/* upr-store-countries.h: the country reference table (UN member and observer States). */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Fills the empty country table from the embedded data/countries.tsv (ISO 3166 codes,
 * English and French names from Debian's iso-codes, UN regional group). */
gboolean upr_store_seed_countries (sqlite3  *db,
                                   GError  **error);

G_END_DECLS
