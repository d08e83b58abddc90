/* upr-slots.c: fixed rows with changing contents; see the header.
 *
 * A filter change used to give each of up to 2,000 slots its new item, and each slot then
 * swapped its handlers and notified properties nobody listened to: most of a keystroke.
 * Now a change only bumps a generation number: slots read their item when asked, and only
 * the watched ones (the rows GTK has built) tell their cells. */
#include "config.h"

#include "upr-slots.h"

/* GTK 4.8's list views build a row for each of about 200 items from the one at the top of
 * the view (GTK_LIST_VIEW_MAX_LIST_ITEMS), shown or not; slots past those cost nothing. */
#define BUILT_ROWS 256

/* Refreshing a built row costs about a quarter of building one. */
#define REFRESHES_PER_ROW 4

struct _UprSlot
{
  GObject   parent_instance;

  UprSlots *owner;       /* unowned; NULL once the slot fell past the end */
  guint     position;
  guint     generation;  /* the owner's, when item was read */
  GObject  *item;
  guint     n_watches;
  gboolean  stale;       /* watched, and its cells may show another item */
  gulong    notify_id;   /* on item, while watched and the owner follows properties */
  GList     link;        /* in the owner's watched queue, while watched */
};

struct _UprSlots
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *slots;            /* UprSlot, or NULL until asked for; one per item */
  GQueue      watched;          /* the watched slots, linked through their "link" */
  char      **item_properties;  /* NULL: items do not change in place */
  guint       generation;       /* changes whenever any slot may hold another item */
  guint       step;             /* 0: nothing is held back */
  guint       view_first;
  guint       view_n;           /* 0: the view is not known */
  guint       n_stale;          /* watched slots with stale cells */
  guint       pending;
  gulong      changed_id;
};

/* UprSlot */

G_DEFINE_FINAL_TYPE (UprSlot, upr_slot, G_TYPE_OBJECT)

enum { SLOT_PROP_0, SLOT_PROP_ITEM, SLOT_N_PROPS };

static GParamSpec *slot_properties[SLOT_N_PROPS];

static void
item_notified_cb (UprSlot    *self,
                  GParamSpec *pspec)
{
  if (self->owner != NULL && self->owner->item_properties != NULL
      && g_strv_contains ((const char * const *) self->owner->item_properties, pspec->name))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ITEM]);
}

static void
slot_follow (UprSlot *self)
{
  if (self->notify_id == 0 && self->item != NULL && self->owner != NULL
      && self->owner->item_properties != NULL)
    self->notify_id = g_signal_connect_swapped (self->item, "notify",
                                                G_CALLBACK (item_notified_cb), self);
}

static void
slot_unfollow (UprSlot *self)
{
  if (self->notify_id != 0)
    g_clear_signal_handler (&self->notify_id, self->item);
}

/* Reads the item now at the slot's position; TRUE when it is another one. */
static gboolean
slot_update (UprSlot *self)
{
  g_autoptr(GObject) item = NULL;

  if (self->owner != NULL)
    {
      self->generation = self->owner->generation;
      if (self->owner->model != NULL)
        item = g_list_model_get_item (self->owner->model, self->position);
    }
  if (item == self->item)
    return FALSE;
  slot_unfollow (self);
  g_set_object (&self->item, item);
  if (self->n_watches > 0)
    slot_follow (self);
  return TRUE;
}

static GObject *
slot_read (UprSlot *self)
{
  if (self->owner != NULL && self->generation != self->owner->generation)
    slot_update (self);
  return self->item;
}

static void
slot_set_stale (UprSlot  *self,
                gboolean  stale)
{
  if (self->stale == stale)
    return;
  self->stale = stale;
  if (self->owner != NULL)
    self->owner->n_stale += stale ? 1 : -1;
}

/* Brings a watched slot's cells up to date. */
static void
slot_refresh (UprSlot *self)
{
  gboolean was_stale = self->stale;

  slot_set_stale (self, FALSE);
  if (!slot_update (self) && !was_stale)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_ITEM]);
}

/* The slot fell past the end of the list (or the list is going): it holds nothing. Its
 * row, if any, is removed by the same change, so nobody needs to be told. */
static void
slot_detach (UprSlot *self)
{
  slot_set_stale (self, FALSE);
  if (self->owner != NULL && self->n_watches > 0)
    g_queue_unlink (&self->owner->watched, &self->link);
  slot_unfollow (self);
  self->owner = NULL;
  slot_update (self);
}

static void
upr_slot_dispose (GObject *object)
{
  UprSlot *self = UPR_SLOT (object);

  slot_detach (self);

  G_OBJECT_CLASS (upr_slot_parent_class)->dispose (object);
}

static void
upr_slot_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  UprSlot *self = UPR_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_ITEM:
      g_value_set_object (value, slot_read (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_slot_class_init (UprSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upr_slot_dispose;
  object_class->get_property = upr_slot_get_property;

  slot_properties[SLOT_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
upr_slot_init (UprSlot *self)
{
  self->link.data = self;
}

static UprSlot *
slot_new (UprSlots *owner,
          guint     position)
{
  UprSlot *self = g_object_new (UPR_TYPE_SLOT, NULL);

  self->owner = owner;
  self->position = position;
  slot_update (self);
  return self;
}

gpointer
upr_slot_get_item (UprSlot *self)
{
  g_return_val_if_fail (UPR_IS_SLOT (self), NULL);

  return slot_read (self);
}

void
upr_slot_watch (UprSlot *self)
{
  g_return_if_fail (UPR_IS_SLOT (self));

  if (self->n_watches++ > 0)
    return;
  if (self->owner != NULL)
    g_queue_push_tail_link (&self->owner->watched, &self->link);
  slot_read (self);
  slot_follow (self);
}

void
upr_slot_unwatch (UprSlot *self)
{
  g_return_if_fail (UPR_IS_SLOT (self));
  g_return_if_fail (self->n_watches > 0);

  if (--self->n_watches > 0)
    return;
  slot_set_stale (self, FALSE);
  if (self->owner != NULL)
    g_queue_unlink (&self->owner->watched, &self->link);
  slot_unfollow (self);
}

/* UprSlots */

static void upr_slots_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UprSlots, upr_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      upr_slots_list_model_init))

enum { PROP_0, PROP_MODEL, PROP_STEP, PROP_PENDING, N_PROPS };
enum { REFILLING, REFILLED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
slot_release (gpointer data)
{
  UprSlot *slot = data;

  if (slot == NULL)
    return;
  slot_detach (slot);
  g_object_unref (slot);
}

static guint
model_length (UprSlots *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

/* While the view is not known, every row counts as in view. */
static gboolean
in_view (UprSlots *self,
         guint     position)
{
  return self->step == 0 || self->view_n == 0
         || (position >= self->view_first && position - self->view_first < self->view_n);
}

static void
update_pending (UprSlots *self)
{
  guint n_items = model_length (self), len = self->slots->len;
  guint pending = self->n_stale + (n_items > len ? n_items - len : len - n_items);

  if (self->pending == pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Watched slots from @first on may hold another item: those in view tell their cells now,
 * the others are left stale. Those from @n_kept on are about to go. */
static void
update_watched (UprSlots *self,
                guint     first,
                guint     n_kept)
{
  GList *next;

  for (GList *l = self->watched.head; l != NULL; l = next)
    {
      UprSlot *slot = l->data;

      next = l->next;
      if (slot->position < first)
        slot->generation = self->generation;
      else if (slot->position >= n_kept)
        continue;
      else if (in_view (self, slot->position))
        slot_refresh (slot);
      else
        slot_set_stale (slot, TRUE);
    }
}

/* How many slots there should be now. Growing: enough to fill the view, or "step" more of
 * those that get rows; past those, all at once. Shrinking: at once if the view would show
 * slots past the end of the model; if not, "step" of those with rows at a time (the others
 * at once), and meanwhile the slots past the end hold nothing. */
static guint
target_length (UprSlots *self,
               guint     n_items)
{
  guint len = self->slots->len;
  guint view_end = self->view_first + self->view_n;
  guint built_end = MIN (len, self->view_first + BUILT_ROWS);
  guint n_now;

  if (self->step == 0 || n_items == len)
    return n_items;
  if (n_items > len)
    {
      n_now = MAX (len + self->step, view_end);
      return n_now >= self->view_first + BUILT_ROWS ? n_items : MIN (n_items, n_now);
    }
  if (self->view_n == 0 || n_items < view_end)
    return n_items;
  return MAX (n_items, built_end - MIN (built_end, self->step));
}

static void
resize (UprSlots *self,
        guint     n_new)
{
  guint n_old = self->slots->len;

  if (n_new > n_old)
    {
      g_ptr_array_set_size (self->slots, n_new);
      g_list_model_items_changed (G_LIST_MODEL (self), n_old, 0, n_new - n_old);
    }
  else if (n_new < n_old)
    {
      g_ptr_array_remove_range (self->slots, n_new, n_old - n_new);
      g_list_model_items_changed (G_LIST_MODEL (self), n_new, n_old - n_new, 0);
    }
}

/* Slots before @first keep their contents; from there on the model may have shifted. */
static void
refill_from (UprSlots *self,
             guint     first)
{
  guint n_new = target_length (self, model_length (self));

  g_signal_emit (self, signals[REFILLING], 0);
  self->generation++;
  update_watched (self, first, n_new);
  resize (self, n_new);
  update_pending (self);
  g_signal_emit (self, signals[REFILLED], 0);
}

/* Stale slots in view first. Returns what is left of @budget. */
static guint
refresh_stale (UprSlots *self,
               gboolean  only_in_view,
               guint     budget)
{
  GList *next;

  for (GList *l = self->watched.head; l != NULL && budget > 0 && self->n_stale > 0; l = next)
    {
      UprSlot *slot = l->data;

      next = l->next;
      if (slot->stale && (!only_in_view || in_view (self, slot->position)))
        {
          slot_refresh (slot);
          budget--;
        }
    }
  return budget;
}

static void
model_items_changed_cb (UprSlots *self,
                        guint     position,
                        guint     removed,
                        guint     added)
{
  refill_from (self, position);
}

static GType
upr_slots_get_item_type (GListModel *model)
{
  return UPR_TYPE_SLOT;
}

static guint
upr_slots_get_n_items (GListModel *model)
{
  return UPR_SLOTS (model)->slots->len;
}

static gpointer
upr_slots_get_item (GListModel *model,
                    guint       position)
{
  UprSlots *self = UPR_SLOTS (model);

  if (position >= self->slots->len)
    return NULL;
  if (g_ptr_array_index (self->slots, position) == NULL)
    g_ptr_array_index (self->slots, position) = slot_new (self, position);
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
upr_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = upr_slots_get_item_type;
  iface->get_n_items = upr_slots_get_n_items;
  iface->get_item = upr_slots_get_item;
}

static void
upr_slots_dispose (GObject *object)
{
  UprSlots *self = UPR_SLOTS (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);
  /* Also empties the watched queue: every slot is in the array until detached. */
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->item_properties, g_strfreev);

  G_OBJECT_CLASS (upr_slots_parent_class)->dispose (object);
}

static void
upr_slots_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  UprSlots *self = UPR_SLOTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_slots_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  UprSlots *self = UPR_SLOTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      upr_slots_set_model (self, g_value_get_object (value));
      break;
    case PROP_STEP:
      upr_slots_set_step (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_slots_class_init (UprSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upr_slots_dispose;
  object_class->get_property = upr_slots_get_property;
  object_class->set_property = upr_slots_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REFILLING] = g_signal_new ("refilling", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REFILLED] = g_signal_new ("refilled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
upr_slots_init (UprSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_release);
  g_queue_init (&self->watched);
}

UprSlots *
upr_slots_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (UPR_TYPE_SLOTS, "model", model, NULL);
}

GListModel *
upr_slots_get_model (UprSlots *self)
{
  g_return_val_if_fail (UPR_IS_SLOTS (self), NULL);

  return self->model;
}

void
upr_slots_set_model (UprSlots   *self,
                     GListModel *model)
{
  g_return_if_fail (UPR_IS_SLOTS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->changed_id = g_signal_connect_swapped (model, "items-changed",
                                                 G_CALLBACK (model_items_changed_cb), self);
  refill_from (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* Set once, before the slots are watched: slots already followed keep what they had. */
void
upr_slots_set_item_properties (UprSlots           *self,
                               const char * const *names)
{
  g_return_if_fail (UPR_IS_SLOTS (self));

  g_strfreev (self->item_properties);
  self->item_properties = g_strdupv ((char **) names);
}

/* The watched slots first: the item looked for is usually on screen. */
guint
upr_slots_find (UprSlots *self,
                gpointer  item)
{
  guint n;

  g_return_val_if_fail (UPR_IS_SLOTS (self), GTK_INVALID_LIST_POSITION);

  if (item == NULL || self->model == NULL)
    return GTK_INVALID_LIST_POSITION;
  for (GList *l = self->watched.head; l != NULL; l = l->next)
    if (slot_read (l->data) == item)
      return ((UprSlot *) l->data)->position;
  n = MIN (self->slots->len, model_length (self));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) found = g_list_model_get_item (self->model, i);

      if (found == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

guint
upr_slots_get_step (UprSlots *self)
{
  g_return_val_if_fail (UPR_IS_SLOTS (self), 0);

  return self->step;
}

void
upr_slots_set_step (UprSlots *self,
                    guint     step)
{
  g_return_if_fail (UPR_IS_SLOTS (self));

  if (self->step == step)
    return;
  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  if (step == 0)
    upr_slots_catch_up (self);
}

/* Only remembered: this is called while the list is laid out, when it must not change. */
void
upr_slots_set_view (UprSlots *self,
                    guint     first,
                    guint     n)
{
  g_return_if_fail (UPR_IS_SLOTS (self));

  self->view_first = first;
  self->view_n = n;
}

guint
upr_slots_get_pending (UprSlots *self)
{
  g_return_val_if_fail (UPR_IS_SLOTS (self), 0);

  return self->pending;
}

/* Neither adds an item nor moves one: the slots kept keep their contents. */
void
upr_slots_catch_up (UprSlots *self)
{
  guint budget;

  g_return_if_fail (UPR_IS_SLOTS (self));

  budget = self->step > 0 ? self->step * REFRESHES_PER_ROW : G_MAXUINT;
  budget = refresh_stale (self, TRUE, budget);
  refresh_stale (self, FALSE, budget);
  resize (self, target_length (self, model_length (self)));
  update_pending (self);
}

/* Cells */

/* What a cell shows, held by its list item from "bind" to "unbind". */
typedef struct
{
  UprSlot         *slot;
  GtkWidget       *cell;  /* unowned: the list item's child outlives the binding */
  UprSlotCellFill  fill;
  gpointer         data;
  gulong           notify_id;
} SlotCell;

static GQuark
slot_cell_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("upr-slot-cell");
  return quark;
}

static void
slot_cell_fill (SlotCell *slot_cell)
{
  slot_cell->fill (slot_cell->cell, upr_slot_get_item (slot_cell->slot), slot_cell->data);
}

static void
slot_cell_free (gpointer data)
{
  SlotCell *slot_cell = data;

  g_clear_signal_handler (&slot_cell->notify_id, slot_cell->slot);
  upr_slot_unwatch (slot_cell->slot);
  g_object_unref (slot_cell->slot);
  g_free (slot_cell);
}

void
upr_slot_cell_bind (GtkListItem     *list_item,
                    UprSlotCellFill  fill,
                    gpointer         data)
{
  SlotCell *slot_cell;

  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));
  g_return_if_fail (UPR_IS_SLOT (gtk_list_item_get_item (list_item)));
  g_return_if_fail (fill != NULL);

  slot_cell = g_new0 (SlotCell, 1);
  slot_cell->slot = g_object_ref (gtk_list_item_get_item (list_item));
  slot_cell->cell = gtk_list_item_get_child (list_item);
  slot_cell->fill = fill;
  slot_cell->data = data;
  upr_slot_watch (slot_cell->slot);
  slot_cell->notify_id = g_signal_connect_swapped (slot_cell->slot, "notify::item",
                                                   G_CALLBACK (slot_cell_fill), slot_cell);
  g_object_set_qdata_full (G_OBJECT (list_item), slot_cell_quark (), slot_cell, slot_cell_free);
  slot_cell_fill (slot_cell);
}

void
upr_slot_cell_unbind (GtkListItem *list_item)
{
  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));

  g_object_set_qdata (G_OBJECT (list_item), slot_cell_quark (), NULL);
}
