/* upr-organisation.h: an organisation (ministry, NHRI, CSO, UN agency…), shared by participants and, later, the implementation matrix. */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_ORGANISATION (upr_organisation_get_type ())
G_DECLARE_FINAL_TYPE (UprOrganisation, upr_organisation, UPR, ORGANISATION, UprRecord)

UprOrganisation *upr_organisation_new (void);

G_END_DECLS
