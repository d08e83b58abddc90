/* upr-participant-list.c: the participants of one workshop, as the list view and the live
 * counts above it see them. Every change goes through the store first, in a transaction;
 * only once it is saved does the list change, so what is shown is what is on disk.
 *
 * The counts are kept incrementally: each row remembers what it was counted as, and a
 * notify from the row (an edited gender, a new organisation) moves it between buckets. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-participant-list.h"

#include "upr-attendance.h"
#include "upr-context.h"
#include "upr-organisation.h"
#include "upr-participant.h"
#include "upr-person.h"
#include "upr-store.h"

typedef struct
{
  UprParticipantList *list;        /* borrowed */
  UprParticipant     *participant; /* owned */
  gulong              notify_id;
  /* What the counts hold for this row: interned ids, "" for none. */
  const char         *gender;
  const char         *stakeholder;
  gboolean            attended;
} Row;

struct _UprParticipantList
{
  GObject parent_instance;

  /* owned */
  UprContext *context;
  char       *workshop_id;
  GPtrArray  *rows;               /* Row *, in list order */
  GHashTable *organisations;      /* id → UprOrganisation, one object shared by its rows */
  GHashTable *gender_counts;      /* interned id → count */
  GHashTable *stakeholder_counts; /* interned id → count */
  guint       n_attended;
};

static void upr_participant_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UprParticipantList, upr_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      upr_participant_list_model_init))

enum { PROP_0, PROP_CONTEXT, PROP_WORKSHOP_ID, PROP_N_ITEMS, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { COUNTS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Where a removed row stood, so that Undo puts it back in place. */
static GQuark removed_position_quark;

/* Counting */

static const char *
count_key (const char *id)
{
  return g_intern_string (id != NULL ? id : "");
}

static void
bump (GHashTable *counts,
      const char *key,
      int         delta)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

  g_assert (delta > 0 || n > 0);
  n += delta;
  if (n == 0)
    g_hash_table_remove (counts, key);
  else
    g_hash_table_insert (counts, (gpointer) key, GUINT_TO_POINTER (n));
}

static void
row_count (Row *row,
           int  delta)
{
  UprParticipantList *self = row->list;

  bump (self->gender_counts, row->gender, delta);
  bump (self->stakeholder_counts, row->stakeholder, delta);
  if (row->attended)
    self->n_attended += delta;
}

/* Reads what the row should be counted as now; TRUE when that differs from before. */
static gboolean
row_read (Row *row)
{
  UprRecord *person = UPR_RECORD (upr_participant_get_person (row->participant));
  UprRecord *attendance = UPR_RECORD (upr_participant_get_attendance (row->participant));
  UprOrganisation *organisation = upr_participant_get_organisation (row->participant);
  const char *gender, *stakeholder;
  gboolean attended;

  gender = count_key (upr_record_get_string (person, "gender"));
  stakeholder = count_key (organisation != NULL
                           ? upr_record_get_string (UPR_RECORD (organisation), "stakeholder-type")
                           : NULL);
  attended = g_strcmp0 (upr_record_get_string (attendance, "registration"), "attended") == 0;
  if (gender == row->gender && stakeholder == row->stakeholder && attended == row->attended)
    return FALSE;
  row->gender = gender;
  row->stakeholder = stakeholder;
  row->attended = attended;
  return TRUE;
}

static void
participant_notified_cb (GObject    *participant,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  Row *row = user_data;
  Row before = *row;

  if (!g_str_equal (pspec->name, "gender") && !g_str_equal (pspec->name, "stakeholder-type")
      && !g_str_equal (pspec->name, "registration"))
    return;
  if (!row_read (row))
    return;
  row_count (&before, -1);
  row_count (row, +1);
  g_signal_emit (row->list, signals[COUNTS_CHANGED], 0);
}

/* Rows */

static Row *
row_new (UprParticipantList *self,
         UprParticipant     *participant)
{
  Row *row = g_new0 (Row, 1);

  row->list = self;
  row->participant = g_object_ref (participant);
  row_read (row);
  return row;
}

/* Counts the row and follows its edits. */
static void
row_attach (Row *row)
{
  row_count (row, +1);
  row->notify_id = g_signal_connect (row->participant, "notify",
                                     G_CALLBACK (participant_notified_cb), row);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_signal_handler (&row->notify_id, row->participant);
  g_object_unref (row->participant);
  g_free (row);
}

static int
find_row (UprParticipantList *self,
          UprParticipant     *participant)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (((Row *) g_ptr_array_index (self->rows, i))->participant == participant)
      return (int) i;
  return -1;
}

static gboolean
has_person (UprParticipantList *self,
            const char         *person_id)
{
  if (person_id == NULL)
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      UprPerson *person = upr_participant_get_person (row->participant);

      if (g_strcmp0 (upr_record_get_id (UPR_RECORD (person)), person_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
refuse_duplicate (UprParticipantList *self,
                  UprPerson          *person,
                  GError            **error)
{
  if (!has_person (self, upr_record_get_id (UPR_RECORD (person))))
    return TRUE;
  g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_CONSTRAINT,
               _("This person is already a participant of this workshop."));
  return FALSE;
}

static void
insert_row (UprParticipantList *self,
            guint               position,
            UprParticipant     *participant)
{
  Row *row = row_new (self, participant);

  g_ptr_array_insert (self->rows, (int) position, row);
  row_attach (row);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
}

/* The one organisation object for @id, shared by every row of this list that names it, so
 * that renaming it shows in all of them. */
static UprOrganisation *
share_organisation (GHashTable      *organisations,
                    UprOrganisation *organisation)
{
  const char *id;
  UprOrganisation *shared;

  if (organisation == NULL || (id = upr_record_get_id (UPR_RECORD (organisation))) == NULL)
    return organisation;
  shared = g_hash_table_lookup (organisations, id);
  if (shared != NULL)
    return shared;
  g_hash_table_insert (organisations, g_strdup (id), g_object_ref (organisation));
  return organisation;
}

/* The person's organisation, from this list if a row already has it, else from the store. */
static gboolean
lookup_organisation (UprParticipantList *self,
                     UprPerson          *person,
                     UprOrganisation   **organisation,
                     GError            **error)
{
  const char *id = upr_record_get_string (UPR_RECORD (person), "organisation-id");
  g_autoptr(UprRecord) loaded = NULL;

  *organisation = NULL;
  if (id == NULL)
    return TRUE;
  *organisation = g_hash_table_lookup (self->organisations, id);
  if (*organisation != NULL)
    return TRUE;
  loaded = upr_store_load (upr_context_get_store (self->context), UPR_TYPE_ORGANISATION, id, error);
  if (loaded == NULL)
    return FALSE;
  *organisation = share_organisation (self->organisations, UPR_ORGANISATION (loaded));
  return TRUE;
}

typedef struct
{
  GPtrArray  *participants;
  GHashTable *organisations;
} Collect;

static void
collect_participant_cb (UprAttendance   *attendance,
                        UprPerson       *person,
                        UprOrganisation *organisation,
                        gpointer         user_data)
{
  Collect *collect = user_data;

  organisation = share_organisation (collect->organisations, organisation);
  g_ptr_array_add (collect->participants, upr_participant_new (attendance, person, organisation));
}

/* Saves @participant's organisation when it is new or edited, then its person and
 * attendance, in the transaction the caller opened. */
static gboolean
save_records (UprParticipantList *self,
              UprParticipant     *participant,
              GError            **error)
{
  UprStore *store = upr_context_get_store (self->context);
  UprOrganisation *organisation = upr_participant_get_organisation (participant);
  UprPerson *person = upr_participant_get_person (participant);

  if (organisation != NULL)
    {
      if (!upr_store_save (store, UPR_RECORD (organisation), error))
        return FALSE;
      upr_record_set_string (UPR_RECORD (person), "organisation-id",
                             upr_record_get_id (UPR_RECORD (organisation)));
      share_organisation (self->organisations, organisation);
    }
  return upr_store_save_participant (store, person, upr_participant_get_attendance (participant),
                                     error);
}

/* GListModel */

static GType
upr_participant_list_get_item_type (GListModel *model)
{
  return UPR_TYPE_PARTICIPANT;
}

static guint
upr_participant_list_get_n_items (GListModel *model)
{
  return UPR_PARTICIPANT_LIST (model)->rows->len;
}

static gpointer
upr_participant_list_get_item (GListModel *model,
                               guint       position)
{
  UprParticipantList *self = UPR_PARTICIPANT_LIST (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (((Row *) g_ptr_array_index (self->rows, position))->participant);
}

static void
upr_participant_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = upr_participant_list_get_item_type;
  iface->get_n_items = upr_participant_list_get_n_items;
  iface->get_item = upr_participant_list_get_item;
}

/* Overrides */

static void
upr_participant_list_dispose (GObject *object)
{
  UprParticipantList *self = UPR_PARTICIPANT_LIST (object);

  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->organisations);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_participant_list_parent_class)->dispose (object);
}

static void
upr_participant_list_finalize (GObject *object)
{
  UprParticipantList *self = UPR_PARTICIPANT_LIST (object);

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->organisations);
  g_hash_table_unref (self->gender_counts);
  g_hash_table_unref (self->stakeholder_counts);
  g_free (self->workshop_id);

  G_OBJECT_CLASS (upr_participant_list_parent_class)->finalize (object);
}

static void
upr_participant_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UprParticipantList *self = UPR_PARTICIPANT_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_WORKSHOP_ID:
      g_value_set_string (value, self->workshop_id);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rows->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UprParticipantList *self = UPR_PARTICIPANT_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_WORKSHOP_ID:
      self->workshop_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_list_class_init (UprParticipantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upr_participant_list_dispose;
  object_class->finalize = upr_participant_list_finalize;
  object_class->get_property = upr_participant_list_get_property;
  object_class->set_property = upr_participant_list_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSHOP_ID] =
    g_param_spec_string ("workshop-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UprParticipantList::counts-changed:
   *
   * Emitted when a count may have changed: after a reload, an addition, a removal or a
   * restore, and after an edit that moved a participant to another gender, stakeholder
   * type or registration state.
   */
  signals[COUNTS_CHANGED] = g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  removed_position_quark = g_quark_from_static_string ("upr-participant-list-removed-position");
}

static void
upr_participant_list_init (UprParticipantList *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->gender_counts = g_hash_table_new (g_str_hash, g_str_equal);
  self->stakeholder_counts = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Public API */

UprParticipantList *
upr_participant_list_new (UprContext  *context,
                          const char  *workshop_id,
                          GError     **error)
{
  g_autoptr(UprParticipantList) self = NULL;

  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (workshop_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (UPR_TYPE_PARTICIPANT_LIST,
                       "context", context,
                       "workshop-id", workshop_id,
                       NULL);
  if (!upr_participant_list_reload (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
upr_participant_list_reload (UprParticipantList *self,
                             GError            **error)
{
  g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) organisations = NULL;
  g_autoptr(GPtrArray) old_rows = NULL;
  Collect collect;
  guint n_old;

  g_return_val_if_fail (UPR_IS_PARTICIPANT_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  collect.participants = participants;
  collect.organisations = organisations;
  if (!upr_store_foreach_participant (upr_context_get_store (self->context), self->workshop_id,
                                      collect_participant_cb, &collect, error))
    return FALSE;

  n_old = self->rows->len;
  old_rows = g_steal_pointer (&self->rows);
  self->rows = g_ptr_array_new_full (participants->len, row_free);
  g_hash_table_remove_all (self->gender_counts);
  g_hash_table_remove_all (self->stakeholder_counts);
  self->n_attended = 0;
  g_hash_table_unref (self->organisations);
  self->organisations = g_steal_pointer (&organisations);

  for (guint i = 0; i < participants->len; i++)
    {
      Row *row = row_new (self, g_ptr_array_index (participants, i));

      g_ptr_array_add (self->rows, row);
      row_attach (row);
    }

  /* One change for the whole list, so a view rebuilds once rather than per row. */
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->rows->len);
  if (n_old != self->rows->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
  return TRUE;
}

/* Returns (transfer none) the new row, owned by the list. */
UprParticipant *
upr_participant_list_add (UprParticipantList *self,
                          UprPerson          *person,
                          UprAttendance      *attendance,
                          GError            **error)
{
  UprStore *store;
  UprOrganisation *organisation = NULL;
  g_autoptr(UprParticipant) participant = NULL;

  g_return_val_if_fail (UPR_IS_PARTICIPANT_LIST (self), NULL);
  g_return_val_if_fail (UPR_IS_PERSON (person), NULL);
  g_return_val_if_fail (UPR_IS_ATTENDANCE (attendance), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!refuse_duplicate (self, person, error)
      || !lookup_organisation (self, person, &organisation, error))
    return NULL;

  store = upr_context_get_store (self->context);
  upr_record_set_string (UPR_RECORD (attendance), "workshop-id", self->workshop_id);
  if (!upr_store_begin (store, error))
    return NULL;
  if (!upr_store_save_participant (store, person, attendance, error)
      || !upr_store_commit (store, error))
    {
      upr_store_rollback (store);
      return NULL;
    }

  participant = upr_participant_new (attendance, person, organisation);
  insert_row (self, self->rows->len, participant);
  return participant;
}

gboolean
upr_participant_list_save (UprParticipantList *self,
                           UprParticipant     *participant,
                           GError            **error)
{
  UprStore *store;

  g_return_val_if_fail (UPR_IS_PARTICIPANT_LIST (self), FALSE);
  g_return_val_if_fail (UPR_IS_PARTICIPANT (participant), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = upr_context_get_store (self->context);
  if (!upr_store_begin (store, error))
    return FALSE;
  if (!save_records (self, participant, error) || !upr_store_commit (store, error))
    {
      upr_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
upr_participant_list_remove (UprParticipantList *self,
                             UprParticipant     *participant,
                             GError            **error)
{
  UprStore *store;
  int position;

  g_return_val_if_fail (UPR_IS_PARTICIPANT_LIST (self), FALSE);
  g_return_val_if_fail (UPR_IS_PARTICIPANT (participant), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  position = find_row (self, participant);
  if (position < 0)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND,
                   _("This participant is no longer in the list."));
      return FALSE;
    }

  store = upr_context_get_store (self->context);
  if (!upr_store_begin (store, error))
    return FALSE;
  if (!upr_store_delete (store, UPR_RECORD (upr_participant_get_attendance (participant)), error)
      || !upr_store_commit (store, error))
    {
      upr_store_rollback (store);
      return FALSE;
    }

  g_object_set_qdata (G_OBJECT (participant), removed_position_quark,
                      GUINT_TO_POINTER ((guint) position + 1));
  row_count (g_ptr_array_index (self->rows, position), -1);
  g_ptr_array_remove_index (self->rows, (guint) position);
  g_list_model_items_changed (G_LIST_MODEL (self), (guint) position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_signal_emit (self, signals[COUNTS_CHANGED], 0);
  return TRUE;
}

/* Saves the removed attendance again under its own id, and puts the row back where it was
 * (or at the end, if the list has since become shorter). */
gboolean
upr_participant_list_restore (UprParticipantList *self,
                              UprParticipant     *participant,
                              GError            **error)
{
  UprStore *store;
  guint position;

  g_return_val_if_fail (UPR_IS_PARTICIPANT_LIST (self), FALSE);
  g_return_val_if_fail (UPR_IS_PARTICIPANT (participant), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (find_row (self, participant) >= 0)
    return TRUE;
  if (!refuse_duplicate (self, upr_participant_get_person (participant), error))
    return FALSE;

  store = upr_context_get_store (self->context);
  if (!upr_store_begin (store, error))
    return FALSE;
  if (!save_records (self, participant, error) || !upr_store_commit (store, error))
    {
      upr_store_rollback (store);
      return FALSE;
    }

  position = GPOINTER_TO_UINT (g_object_steal_qdata (G_OBJECT (participant),
                                                     removed_position_quark));
  position = position > 0 ? MIN (position - 1, self->rows->len) : self->rows->len;
  insert_row (self, position, participant);
  return TRUE;
}

guint
upr_participant_list_count_gender (UprParticipantList *self,
                                   const char         *id)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_LIST (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->gender_counts, id != NULL ? id : ""));
}

guint
upr_participant_list_count_stakeholder (UprParticipantList *self,
                                        const char         *id)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_LIST (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->stakeholder_counts, id != NULL ? id : ""));
}

guint
upr_participant_list_count_attended (UprParticipantList *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_LIST (self), 0);

  return self->n_attended;
}
