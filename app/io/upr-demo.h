/* upr-demo.h: the demo data offered on first start and loaded by `upright demo`. */
#pragma once

#include "upr-store.h"

G_BEGIN_DECLS

/* Loads the demo workshops (a Human Rights Council side event, a planning workshop in the
 * Democratic Republic of the Congo, a consultation in Georgia) with their programmes,
 * organisations and fictitious participants, and 40 real recommendations of the Republic of
 * the Congo's first review (session 5) with a fictitious implementation: institutions,
 * planned actions, indicators, progress history and assessments. All in one transaction.
 * Idempotent: the records have fixed ids, a demo workshop or recommendation already there
 * is left as it is (brought back if it was in the trash), a recommendation the user
 * imported from the same UPR Info data is not added again, and an organisation the user
 * already has is reused by name. */
gboolean upr_demo_load (UprStore  *store,
                        GError   **error);

G_END_DECLS
