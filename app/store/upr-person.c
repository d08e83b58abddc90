/* upr-person.c: a person who attends workshops. Personal data: collect little, log none of it.
 * The fields below are the columns of the "person" table (see upr-migrations.c). */
#include "config.h"

#include "upr-person.h"

struct _UprPerson
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprPerson, upr_person, UPR_TYPE_RECORD)

static const UprField fields[] = {
  { "name", UPR_FIELD_STRING },
  { "honorific", UPR_FIELD_STRING },
  { "gender", UPR_FIELD_STRING },
  { "gender-description", UPR_FIELD_STRING },
  { "organisation-id", UPR_FIELD_STRING },
  { "position", UPR_FIELD_STRING },
  { "email", UPR_FIELD_STRING },
  { "phone", UPR_FIELD_STRING },
  { "consent-date", UPR_FIELD_STRING },
  { "consent-scope", UPR_FIELD_STRING, .fallback_string = "none" },
};

static void
upr_person_class_init (UprPersonClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "person", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_person_init (UprPerson *self)
{
}

UprPerson *
upr_person_new (void)
{
  return g_object_new (UPR_TYPE_PERSON, NULL);
}
