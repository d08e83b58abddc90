/* upr-term.h: one entry of the reference vocabularies a recommendation is classified with:
 * an OHCHR Universal Human Rights Index theme or group of persons, a UPR Info issue, or a
 * Sustainable Development Goal (read-only reference data, English and French labels). */
#pragma once

#include <glib-object.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_TERM (upr_term_get_type ())
G_DECLARE_FINAL_TYPE (UprTerm, upr_term, UPR, TERM, GObject)

/* Properties (read-only after construction): "id" ("uhri-theme:right-to-health", or for a goal
 * "sdg:5"), "scheme" (a UPR_VOCAB_TERM_SCHEME id), "code" ("right-to-health", "5"),
 * "label-en", "label-fr", "label" (in the interface language), "search-key" (both labels
 * folded, for pickers). */
UprTerm    *upr_term_new            (const char *scheme,
                                     const char *code,
                                     const char *label_en,
                                     const char *label_fr);

const char *upr_term_get_id         (UprTerm    *self);
const char *upr_term_get_scheme     (UprTerm    *self);
const char *upr_term_get_code       (UprTerm    *self);
const char *upr_term_get_label      (UprTerm    *self);
const char *upr_term_get_label_en   (UprTerm    *self);
const char *upr_term_get_label_fr   (UprTerm    *self);
const char *upr_term_get_search_key (UprTerm    *self);

G_END_DECLS
