/* upr-store-participant-import.h: what importing a participant list needs from the store
 * beyond upr-store.h: every known person at once, so that a list of a thousand rows is
 * matched in memory rather than with a query per row. */
#pragma once

#include "upr-store.h"

G_BEGIN_DECLS

/* Every person of the database (UprPerson), most recently updated first: of two records of
 * one person, the likelier to be current comes first. */
GListModel *upr_store_list_people (UprStore  *self,
                                   GError   **error);

G_END_DECLS
