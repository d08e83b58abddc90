/* upr-person.h: a person who attends workshops. Personal data: collect little, log none of it. */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_PERSON (upr_person_get_type ())
G_DECLARE_FINAL_TYPE (UprPerson, upr_person, UPR, PERSON, UprRecord)

UprPerson *upr_person_new (void);

G_END_DECLS
