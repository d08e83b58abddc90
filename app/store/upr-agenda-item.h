/* upr-agenda-item.h: one item of a workshop's programme (time, title, role, speaker, confirmed or tbc). */
#pragma once

#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_TYPE_AGENDA_ITEM (upr_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (UprAgendaItem, upr_agenda_item, UPR, AGENDA_ITEM, UprRecord)

UprAgendaItem *upr_agenda_item_new (void);

G_END_DECLS
