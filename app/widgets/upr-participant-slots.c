/* upr-participant-slots.c: fixed rows with changing contents; see the header. */
#include "config.h"

#include "upr-participant.h"
#include "upr-participant-slots.h"

/* The participant's properties a slot shows, in the order of the slot's properties. */
static const char *const shown_properties[] = {
  "name", "organisation-name", "stakeholder-label", "gender-label", "registration-label",
  "mode-label",
};

/* UprParticipantSlot */

struct _UprParticipantSlot
{
  GObject         parent_instance;

  UprParticipant *participant;
  gulong          notify_id;
};

G_DEFINE_FINAL_TYPE (UprParticipantSlot, upr_participant_slot, G_TYPE_OBJECT)

enum { SLOT_PROP_0, SLOT_PROP_PARTICIPANT, SLOT_PROP_FIRST_SHOWN,
       SLOT_N_PROPS = SLOT_PROP_FIRST_SHOWN + G_N_ELEMENTS (shown_properties) };

static GParamSpec *slot_properties[SLOT_N_PROPS];

static void
participant_notified_cb (UprParticipantSlot *self,
                         GParamSpec         *pspec)
{
  for (guint i = 0; i < G_N_ELEMENTS (shown_properties); i++)
    if (g_str_equal (pspec->name, shown_properties[i]))
      g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_FIRST_SHOWN + i]);
}

static void
slot_set_participant (UprParticipantSlot *self,
                      UprParticipant     *participant)
{
  if (self->participant == participant)
    return;
  if (self->participant != NULL)
    g_clear_signal_handler (&self->notify_id, self->participant);
  g_set_object (&self->participant, participant);
  if (participant != NULL)
    self->notify_id = g_signal_connect_swapped (participant, "notify",
                                                G_CALLBACK (participant_notified_cb), self);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = SLOT_PROP_PARTICIPANT; i < SLOT_N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
upr_participant_slot_dispose (GObject *object)
{
  slot_set_participant (UPR_PARTICIPANT_SLOT (object), NULL);

  G_OBJECT_CLASS (upr_participant_slot_parent_class)->dispose (object);
}

static void
upr_participant_slot_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UprParticipantSlot *self = UPR_PARTICIPANT_SLOT (object);

  if (prop_id == SLOT_PROP_PARTICIPANT)
    g_value_set_object (value, self->participant);
  else if (prop_id < SLOT_N_PROPS && self->participant != NULL)
    g_object_get_property (G_OBJECT (self->participant), pspec->name, value);
  else if (prop_id >= SLOT_N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
upr_participant_slot_class_init (UprParticipantSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = upr_participant_slot_dispose;
  object_class->get_property = upr_participant_slot_get_property;

  slot_properties[SLOT_PROP_PARTICIPANT] =
    g_param_spec_object ("participant", NULL, NULL, UPR_TYPE_PARTICIPANT, flags);
  for (guint i = 0; i < G_N_ELEMENTS (shown_properties); i++)
    slot_properties[SLOT_PROP_FIRST_SHOWN + i] =
      g_param_spec_string (shown_properties[i], NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
upr_participant_slot_init (UprParticipantSlot *self)
{
}

UprParticipant *
upr_participant_slot_get_participant (UprParticipantSlot *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_SLOT (self), NULL);

  return self->participant;
}

/* UprParticipantSlots */

struct _UprParticipantSlots
{
  GObject     parent_instance;

  GListModel *model;  /* UprParticipant */
  GPtrArray  *slots;  /* UprParticipantSlot, one per item of the model */
  gulong      changed_id;
};

static void upr_participant_slots_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UprParticipantSlots, upr_participant_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      upr_participant_slots_list_model_init))

enum { PROP_0, PROP_MODEL, N_PROPS };
enum { REFILLING, REFILLED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Slots before @first keep their contents; from there on the model may have shifted. */
static void
refill_from (UprParticipantSlots *self,
             guint                first)
{
  guint n_old = self->slots->len;
  guint n_new = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_signal_emit (self, signals[REFILLING], 0);
  for (guint i = first; i < MIN (n_old, n_new); i++)
    {
      g_autoptr(UprParticipant) participant = g_list_model_get_item (self->model, i);

      slot_set_participant (g_ptr_array_index (self->slots, i), participant);
    }

  if (n_new > n_old)
    {
      for (guint i = n_old; i < n_new; i++)
        {
          g_autoptr(UprParticipant) participant = g_list_model_get_item (self->model, i);
          UprParticipantSlot *slot = g_object_new (UPR_TYPE_PARTICIPANT_SLOT, NULL);

          slot_set_participant (slot, participant);
          g_ptr_array_add (self->slots, slot);
        }
      g_list_model_items_changed (G_LIST_MODEL (self), n_old, 0, n_new - n_old);
    }
  else if (n_new < n_old)
    {
      g_ptr_array_remove_range (self->slots, n_new, n_old - n_new);
      g_list_model_items_changed (G_LIST_MODEL (self), n_new, n_old - n_new, 0);
    }
  g_signal_emit (self, signals[REFILLED], 0);
}

static void
model_items_changed_cb (UprParticipantSlots *self,
                        guint                position,
                        guint                removed,
                        guint                added)
{
  refill_from (self, position);
}

static GType
upr_participant_slots_get_item_type (GListModel *model)
{
  return UPR_TYPE_PARTICIPANT_SLOT;
}

static guint
upr_participant_slots_get_n_items (GListModel *model)
{
  return UPR_PARTICIPANT_SLOTS (model)->slots->len;
}

static gpointer
upr_participant_slots_get_item (GListModel *model,
                                guint       position)
{
  UprParticipantSlots *self = UPR_PARTICIPANT_SLOTS (model);

  if (position >= self->slots->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
upr_participant_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = upr_participant_slots_get_item_type;
  iface->get_n_items = upr_participant_slots_get_n_items;
  iface->get_item = upr_participant_slots_get_item;
}

static void
upr_participant_slots_dispose (GObject *object)
{
  UprParticipantSlots *self = UPR_PARTICIPANT_SLOTS (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (upr_participant_slots_parent_class)->dispose (object);
}

static void
upr_participant_slots_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UprParticipantSlots *self = UPR_PARTICIPANT_SLOTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_slots_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UprParticipantSlots *self = UPR_PARTICIPANT_SLOTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      upr_participant_slots_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_slots_class_init (UprParticipantSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upr_participant_slots_dispose;
  object_class->get_property = upr_participant_slots_get_property;
  object_class->set_property = upr_participant_slots_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REFILLING] = g_signal_new ("refilling", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REFILLED] = g_signal_new ("refilled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
upr_participant_slots_init (UprParticipantSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}

UprParticipantSlots *
upr_participant_slots_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (UPR_TYPE_PARTICIPANT_SLOTS, "model", model, NULL);
}

GListModel *
upr_participant_slots_get_model (UprParticipantSlots *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_SLOTS (self), NULL);

  return self->model;
}

void
upr_participant_slots_set_model (UprParticipantSlots *self,
                                 GListModel          *model)
{
  g_return_if_fail (UPR_IS_PARTICIPANT_SLOTS (self));
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

guint
upr_participant_slots_find (UprParticipantSlots *self,
                            UprParticipant      *participant)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_SLOTS (self), G_MAXUINT);

  for (guint i = 0; participant != NULL && i < self->slots->len; i++)
    if (((UprParticipantSlot *) g_ptr_array_index (self->slots, i))->participant == participant)
      return i;
  return G_MAXUINT;
}
