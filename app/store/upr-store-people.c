/* upr-store-people.c: people and their attendances. A workshop may have thousands of
 * participants, so they are read in one joined query; a person is saved together with their
 * attendance so a live-entry mistake never leaves one without the other. */
#include "config.h"

#include "upr-attendance.h"
#include "upr-organisation.h"
#include "upr-person.h"
#include "upr-store-private.h"

GListModel *
upr_store_find_people (UprStore   *self,
                       const char *name,
                       GError    **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Most recently updated first: the likeliest to be the same person. */
  columns = upr_store_select_columns (UPR_TYPE_PERSON, "p");
  sql = g_strconcat ("SELECT ", columns, " FROM person AS p"
                     " WHERE upr_fold (?1) <> '' AND upr_fold (p.name) = upr_fold (?1)"
                     " ORDER BY p.updated_at DESC, p.id",
                     NULL);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return upr_store_collect (self, UPR_TYPE_PERSON, stmt, error);
}

static guint
n_fields_of (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  return UPR_RECORD_CLASS (klass)->n_fields;
}

static char *
participants_sql (void)
{
  g_autofree char *attendance = upr_store_select_columns (UPR_TYPE_ATTENDANCE, "a");
  g_autofree char *person = upr_store_select_columns (UPR_TYPE_PERSON, "p");
  g_autofree char *organisation = upr_store_select_columns (UPR_TYPE_ORGANISATION, "o");

  return g_strconcat ("SELECT ", attendance, ", ", person, ", ", organisation,
                      " FROM attendance AS a"
                      " JOIN person AS p ON p.id = a.person_id"
                      " LEFT JOIN organisation AS o ON o.id = p.organisation_id"
                      " WHERE a.workshop_id = ?"
                      " ORDER BY upr_fold (p.name), p.name, a.id",
                      NULL);
}

gboolean
upr_store_foreach_participant (UprStore           *self,
                               const char         *workshop_id,
                               UprParticipantFunc  func,
                               gpointer            user_data,
                               GError            **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int person_first, organisation_first;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (workshop_id != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  person_first = (int) n_fields_of (UPR_TYPE_ATTENDANCE);
  organisation_first = person_first + (int) n_fields_of (UPR_TYPE_PERSON);
  sql = participants_sql ();
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, workshop_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UprRecord) attendance = upr_store_record_from_row (UPR_TYPE_ATTENDANCE, stmt, 0);
      g_autoptr(UprRecord) person = upr_store_record_from_row (UPR_TYPE_PERSON, stmt,
                                                               person_first);
      g_autoptr(UprRecord) organisation = NULL;

      /* The organisation's id is NULL when the person has none (LEFT JOIN). */
      if (sqlite3_column_type (stmt, organisation_first) != SQLITE_NULL)
        organisation = upr_store_record_from_row (UPR_TYPE_ORGANISATION, stmt,
                                                  organisation_first);
      func (UPR_ATTENDANCE (attendance), UPR_PERSON (person),
            organisation != NULL ? UPR_ORGANISATION (organisation) : NULL, user_data);
    }
  if (rc != SQLITE_DONE)
    return upr_store_fail (self, rc, error);
  return TRUE;
}

/* A record as it was before a transaction, to put back if the transaction is rolled back:
 * otherwise a person saved inside it would keep an id that is not in the database, or lose
 * the marks of changes that were never written. */
typedef struct
{
  UprRecord *record;
  UprRecord *values;
  guint64    changes;
} Snapshot;

static void
snapshot_take (Snapshot  *snapshot,
               UprRecord *record)
{
  snapshot->record = record;
  snapshot->values = upr_record_copy (record);
  snapshot->changes = upr_record_get_changes (record);
}

static void
snapshot_restore (Snapshot *snapshot)
{
  guint n_fields = UPR_RECORD_GET_CLASS (snapshot->record)->n_fields;

  for (guint i = 0; i < n_fields; i++)
    upr_record_set_value (snapshot->record, i, upr_record_peek_value (snapshot->values, i));
  upr_record_set_changes (snapshot->record, snapshot->changes);
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_object (&snapshot->values);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

gboolean
upr_store_save_participant (UprStore      *self,
                            UprPerson     *person,
                            UprAttendance *attendance,
                            GError       **error)
{
  g_auto(Snapshot) person_before = { 0 };
  g_auto(Snapshot) attendance_before = { 0 };

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (UPR_IS_PERSON (person), FALSE);
  g_return_val_if_fail (UPR_IS_ATTENDANCE (attendance), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  snapshot_take (&person_before, UPR_RECORD (person));
  snapshot_take (&attendance_before, UPR_RECORD (attendance));
  if (!upr_store_begin (self, error))
    return FALSE;
  if (!upr_store_save (self, UPR_RECORD (person), error))
    goto fail;
  upr_record_set_string (UPR_RECORD (attendance), "person-id",
                         upr_record_get_id (UPR_RECORD (person)));
  if (!upr_store_save (self, UPR_RECORD (attendance), error))
    goto fail;
  if (!upr_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  upr_store_rollback (self);
  snapshot_restore (&person_before);
  snapshot_restore (&attendance_before);
  return FALSE;
}
