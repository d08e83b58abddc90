/* upr-agenda-item.c: one item of a workshop's programme (time, title, role, speaker, confirmed or tbc).
 * The fields below are the columns of the "agenda_item" table (see upr-migrations.c). */
#include "config.h"

#include "upr-agenda-item.h"

struct _UprAgendaItem
{
  UprRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UprAgendaItem, upr_agenda_item, UPR_TYPE_RECORD)

static const UprField fields[] = {
  { "workshop-id", UPR_FIELD_STRING },
  { "position", UPR_FIELD_INT, 0, G_MAXINT, 0 },
  { "time", UPR_FIELD_STRING },
  { "duration-minutes", UPR_FIELD_INT, 0, 24 * 60, 0, .zero_is_null = TRUE },
  { "title", UPR_FIELD_STRING },
  { "role", UPR_FIELD_STRING },
  { "speaker", UPR_FIELD_STRING },
  { "organisation-id", UPR_FIELD_STRING },
  { "confirmed", UPR_FIELD_BOOLEAN, .fallback = TRUE },
};

static void
upr_agenda_item_class_init (UprAgendaItemClass *klass)
{
  upr_record_class_install_fields (UPR_RECORD_CLASS (klass), "agenda_item", fields,
                                   G_N_ELEMENTS (fields));
}

static void
upr_agenda_item_init (UprAgendaItem *self)
{
}

UprAgendaItem *
upr_agenda_item_new (void)
{
  return g_object_new (UPR_TYPE_AGENDA_ITEM, NULL);
}
