/* upr-store-workshops.c: listing workshops, and deletion in two steps (trash, then purge)
 * so that a deleted workshop can be brought back for a few seconds with Undo. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-store-private.h"
#include "upr-workshop.h"

/* Index of "updated-at" among every record's fields (upr-record.c). */
#define UPDATED_AT_FIELD 2

/* Mirrors in @workshop what was written to its row, without marking it as an unsaved
 * change unless it had some already. */
static void
mirror_deleted_at (UprWorkshop *workshop,
                   const char  *deleted_at,
                   const char  *now)
{
  UprRecord *record = UPR_RECORD (workshop);
  gboolean had_changes = upr_record_has_changes (record);
  g_auto(GValue) value = G_VALUE_INIT;

  upr_record_set_string (record, "deleted-at", deleted_at);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, now);
  upr_record_set_value (record, UPDATED_AT_FIELD, &value);
  if (!had_changes)
    upr_record_clear_changes (record);
}

static gboolean
workshop_exists (UprStore   *self,
                 const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (self, "SELECT 1 FROM workshop WHERE id = ?",
                                                    NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Sets or clears deleted_at in its own transaction and logs @action; a workshop already in
 * that state is left alone. */
static gboolean
set_deleted_at (UprStore   *self,
                const char *id,
                const char *deleted_at,
                const char *now,
                const char *action,
                gboolean   *changed,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *changed = FALSE;
  if (!upr_store_begin (self, error))
    return FALSE;
  stmt = upr_store_prepare (self,
                            "UPDATE workshop SET deleted_at = ?1, updated_at = ?2"
                            " WHERE id = ?3 AND (deleted_at IS NULL) = (?1 IS NOT NULL)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, deleted_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      goto fail;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      if (!workshop_exists (self, id))
        {
          g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND,
                       _("The workshop was not found; it may have been deleted for good."));
          goto fail;
        }
    }
  else if (upr_store_log_change (self, "workshop", id, action, NULL, error))
    {
      upr_store_touch (self, "workshop");
      *changed = TRUE;
    }
  else
    goto fail;

  if (!upr_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  *changed = FALSE;
  upr_store_rollback (self);
  return FALSE;
}

GListModel *
upr_store_list_workshops (UprStore   *self,
                          const char *country_code,
                          GError    **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  columns = upr_store_select_columns (UPR_TYPE_WORKSHOP, "w");
  sql = g_strconcat ("SELECT ", columns, " FROM workshop AS w"
                     " WHERE w.deleted_at IS NULL AND (?1 IS NULL OR w.country_code = ?1)"
                     " ORDER BY w.start_date DESC NULLS LAST, upr_fold (w.title), w.created_at",
                     NULL);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, country_code, -1, SQLITE_STATIC);
  return upr_store_collect (self, UPR_TYPE_WORKSHOP, stmt, error);
}

gint64
upr_store_count_workshops (UprStore *self,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  stmt = upr_store_prepare (self, "SELECT count(*) FROM workshop WHERE deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      upr_store_fail (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
upr_store_trash_workshop (UprStore    *self,
                          UprWorkshop *workshop,
                          GError     **error)
{
  const char *id;
  g_autofree char *now = upr_store_now ();
  gboolean changed;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (UPR_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = upr_record_get_id (UPR_RECORD (workshop));
  g_return_val_if_fail (id != NULL, FALSE);

  if (!set_deleted_at (self, id, now, now, "delete", &changed, error))
    return FALSE;
  if (changed)
    mirror_deleted_at (workshop, now, now);
  return TRUE;
}

gboolean
upr_store_restore_workshop (UprStore    *self,
                            UprWorkshop *workshop,
                            GError     **error)
{
  const char *id;
  g_autofree char *now = upr_store_now ();
  gboolean changed;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (UPR_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = upr_record_get_id (UPR_RECORD (workshop));
  g_return_val_if_fail (id != NULL, FALSE);

  if (!set_deleted_at (self, id, NULL, now, "restore", &changed, error))
    return FALSE;
  if (changed)
    mirror_deleted_at (workshop, NULL, now);
  return TRUE;
}

/* Personal data of deleted rows stays in the write-ahead log until it is checkpointed and
 * truncated (secure_delete then has zeroed the freed pages of the main file). Another
 * connection reading at that moment makes this partial: the next purge finishes it. */
static gboolean
truncate_wal (UprStore *self,
              GError  **error)
{
  int rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return TRUE;
  return upr_store_fail (self, rc, error);
}

gboolean
upr_store_purge_trash (UprStore *self,
                       GError  **error)
{
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  /* The checkpoint cannot run inside a transaction. */
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!upr_store_begin (self, error))
    return FALSE;
  /* Cascades to the programme and the attendances; persons stay, for other workshops. */
  rc = sqlite3_exec (self->db, "DELETE FROM workshop WHERE deleted_at IS NOT NULL", NULL, NULL,
                     NULL);
  if (rc != SQLITE_OK)
    {
      upr_store_fail (self, rc, error);
      upr_store_rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) > 0)
    {
      upr_store_touch (self, "workshop");
      upr_store_touch (self, "agenda_item");
      upr_store_touch (self, "attendance");
    }
  if (!upr_store_commit (self, error))
    {
      upr_store_rollback (self);
      return FALSE;
    }
  return truncate_wal (self, error);
}
