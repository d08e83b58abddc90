/* upr-country.h: a UN member or observer State (read-only reference data). */
#pragma once

#include <glib-object.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_COUNTRY (upr_country_get_type ())
G_DECLARE_FINAL_TYPE (UprCountry, upr_country, UPR, COUNTRY, GObject)

/* Properties (read-only after construction): "code" (ISO 3166-1 alpha-2), "alpha3",
 * "name-en", "name-fr", "name" (in the interface language), "un-group" (vocabulary id),
 * "un-status" ("member"/"observer"), "n-workshops" and "n-recommendations" (int),
 * "search-key" (folded names and codes, for the sidebar search). */
UprCountry *upr_country_new             (const char *code,
                                         const char *alpha3,
                                         const char *name_en,
                                         const char *name_fr,
                                         const char *un_group,
                                         const char *un_status,
                                         int         n_workshops,
                                         int         n_recommendations);

const char *upr_country_get_code        (UprCountry *self);
const char *upr_country_get_alpha3      (UprCountry *self);
const char *upr_country_get_name        (UprCountry *self);
const char *upr_country_get_name_en     (UprCountry *self);
const char *upr_country_get_name_fr     (UprCountry *self);
const char *upr_country_get_un_group    (UprCountry *self);
const char *upr_country_get_un_status   (UprCountry *self);
int         upr_country_get_n_workshops (UprCountry *self);
int         upr_country_get_n_recommendations (UprCountry *self);
gboolean    upr_country_has_data        (UprCountry *self);
const char *upr_country_get_search_key  (UprCountry *self);
/* A key that sorts countries by name in the interface language, accents aside (also under
 * the C locale, where strcoll would put "Égypte" after "Zimbabwe"). */
const char *upr_country_get_sort_key    (UprCountry *self);

/* TRUE when the interface is in French (the French catalogue is in use), whatever the
 * system locale: decides which name "name" is. */
gboolean    upr_country_interface_is_french (void);

G_END_DECLS
