/* upr-slots.h: the rows of a long list as fixed "slots" whose contents change, rather than
 * items that come and go; used by the participant list and the implementation matrix.
 *
 * GTK 4.8's list views destroy a row's widgets when its item leaves the model and build
 * new ones for each item that arrives: a search replaces every visible row at each
 * keystroke, and a sort every row, which costs tens to hundreds of milliseconds in a
 * GtkColumnView on the reference machine. Slot i always stays slot i: when the model
 * beneath changes, the cells only change their text. Only slots past the end are added or
 * removed (and building or dropping a row is what still costs: see "Pacing" below).
 *
 * Slots are lazy, so that a keystroke costs what the visible rows cost, not what the list
 * holds: a slot is made when first asked for, reads its item from the model by position
 * when asked, and only "watched" slots (those a row widget shows) tell their cells when
 * they hold another item. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPR_TYPE_SLOT (upr_slot_get_type ())
G_DECLARE_FINAL_TYPE (UprSlot, upr_slot, UPR, SLOT, GObject)

/* Property (read-only): "item", the model's item at the slot's position (NULL once the
 * slot fell past the end). Notified only while the slot is watched: when it holds another
 * item, when its item notifies one of the slots' "item-properties", and with pacing (below)
 * a few frames late while out of view. */
gpointer    upr_slot_get_item     (UprSlot  *self);
/* Calls pair up; a slot is watched while more watches than unwatches were made (a list
 * item factory watches in "bind" and unwatches in "unbind"). */
void        upr_slot_watch        (UprSlot  *self);
void        upr_slot_unwatch      (UprSlot  *self);

#define UPR_TYPE_SLOTS (upr_slots_get_type ())
G_DECLARE_FINAL_TYPE (UprSlots, upr_slots, UPR, SLOTS, GObject)

/* A GListModel of UprSlot over "model" (any GListModel of GObjects).
 * Signals "refilling" before and "refilled" after the slots change contents: a selection
 * kept by position may then point at another item (or, shortened, at none), so the view
 * ignores what happens to it in between and selects by item afterwards. */
UprSlots   *upr_slots_new         (GListModel          *model);
GListModel *upr_slots_get_model   (UprSlots            *self);
void        upr_slots_set_model   (UprSlots            *self,
                                   GListModel          *model);
/* "item-properties": the items' properties the cells show, for items that change in place
 * (NULL, the default: items never change, only their places). */
void        upr_slots_set_item_properties (UprSlots           *self,
                                           const char * const *names);
/* The position of @item's slot, or GTK_INVALID_LIST_POSITION. */
guint       upr_slots_find        (UprSlots            *self,
                                   gpointer             item);

/* Pacing, for the list views of GTK 4.8, which build and lay out rows for about 200 slots
 * from the top of the view, shown or not. Building a row costs about a third of a
 * millisecond (six cells) and refreshing one about a quarter of that: bringing back 2,000
 * items at once would take several frames. With "step" set (0, the default, holds nothing
 * back), a change refreshes only the rows in view (upr_slots_set_view(); until told, every
 * row counts as in view), adds only the slots needed to fill the view or "step" more and,
 * when the model shrank, removes at once only as many slots as the view needs: the others
 * past the end of the model hold nothing until removed, "step" rows at a time. Rows out of
 * view may show their old contents meanwhile. "pending" counts what is left: call
 * upr_slots_catch_up() once a frame until it is 0; each call builds or removes at most
 * "step" rows and refreshes at most four times as many, those in view first. A slot's item
 * is always the current one: only the text out of view lags. */
guint       upr_slots_get_step    (UprSlots            *self);
void        upr_slots_set_step    (UprSlots            *self,
                                   guint                step);
void        upr_slots_set_view    (UprSlots            *self,
                                   guint                first,
                                   guint                n);
guint       upr_slots_get_pending (UprSlots            *self);
void        upr_slots_catch_up    (UprSlots            *self);

/* Cells of a GtkSignalListItemFactory over slots. @fill sets the list item's child from an
 * item (NULL: the slot holds nothing); upr_slot_cell_bind() calls it now and whenever the
 * slot is notified, and watches the slot until upr_slot_cell_unbind(), which "unbind" must
 * call. @data must outlive the binding. */
typedef void (*UprSlotCellFill) (GtkWidget *cell,
                                 gpointer   item,
                                 gpointer   data);

void        upr_slot_cell_bind    (GtkListItem         *list_item,
                                   UprSlotCellFill      fill,
                                   gpointer             data);
void        upr_slot_cell_unbind  (GtkListItem         *list_item);

G_END_DECLS
