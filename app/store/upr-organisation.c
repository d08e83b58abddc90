/* upr-organisation.c: an organisation (ministry, NHRI, CSO, UN agency…), shared by participants and, later, the implementation matrix.
 * The fields below are the columns of the "organisation" table (see upr-migrations.c). */
#include "config.h"

#include "upr-organisation.h"

struct _UprOrganisation
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprOrganisation, upr_organisation, UPR_TYPE_RECORD)

static const UprField fields[] = {
  { "name", UPR_FIELD_STRING },
  { "acronym", UPR_FIELD_STRING },
  { "stakeholder-type", UPR_FIELD_STRING, .fallback_string = "other" },
  { "country-code", UPR_FIELD_STRING },
};

static void
upr_organisation_class_init (UprOrganisationClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "organisation", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_organisation_init (UprOrganisation *self)
{
}

UprOrganisation *
upr_organisation_new (void)
{
  return g_object_new (UPR_TYPE_ORGANISATION, NULL);
}
