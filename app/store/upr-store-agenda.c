/* upr-store-agenda.c: a workshop's programme, in order, and its reordering (drag or
 * keyboard) as one transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-agenda-item.h"
#include "upr-store-private.h"

GListModel *
upr_store_list_agenda (UprStore   *self,
                       const char *workshop_id,
                       GError    **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (workshop_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  columns = upr_store_select_columns (UPR_TYPE_AGENDA_ITEM, "a");
  sql = g_strconcat ("SELECT ", columns, " FROM agenda_item AS a WHERE a.workshop_id = ?"
                     " ORDER BY a.position, a.created_at, a.id",
                     NULL);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, workshop_id, -1, SQLITE_STATIC);
  return upr_store_collect (self, UPR_TYPE_AGENDA_ITEM, stmt, error);
}

static gboolean
item_exists (UprStore   *self,
             const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = upr_store_prepare (self, "SELECT 1 FROM agenda_item WHERE id = ?",
                                                    NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Moves one item to @position; @moved tells whether it was elsewhere (compared with the
 * database, not with a record that may be stale). */
static gboolean
write_position (UprStore     *self,
                sqlite3_stmt *stmt,
                const char   *id,
                int           position,
                const char   *now,
                gboolean     *moved,
                GError      **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int (stmt, 1, position);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return upr_store_fail (self, rc, error);
  *moved = sqlite3_changes (self->db) > 0;
  if (*moved)
    return upr_store_log_change (self, "agenda_item", id, "update", "position", error);
  if (!item_exists (self, id))
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND,
                   _("An item of the programme was not found; it may have been deleted."));
      return FALSE;
    }
  return TRUE;
}

/* Mirrors the new positions in the records once they are committed, without marking them
 * as unsaved changes unless they had some already. */
static void
mirror_positions (GListModel *items,
                  const char *now)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) item = g_list_model_get_item (items, i);
      gboolean had_changes = upr_record_has_changes (item);
      g_auto(GValue) value = G_VALUE_INIT;

      if (upr_record_get_int (item, "position") == (int) i)
        continue;
      upr_record_set_int (item, "position", (int) i);
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, now);
      upr_record_set_value (item, 2, &value); /* updated-at */
      if (!had_changes)
        upr_record_clear_changes (item);
    }
}

gboolean
upr_store_reorder_agenda (UprStore   *self,
                          GListModel *items,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = upr_store_now ();
  guint n, n_moved = 0;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), FALSE);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (items), UPR_TYPE_AGENDA_ITEM),
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = g_list_model_get_n_items (items);
  if (!upr_store_begin (self, error))
    return FALSE;
  stmt = upr_store_prepare (self,
                            "UPDATE agenda_item SET position = ?1, updated_at = ?2"
                            " WHERE id = ?3 AND position IS NOT ?1",
                            error);
  if (stmt == NULL)
    goto fail;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) item = g_list_model_get_item (items, i);
      const char *id = upr_record_get_id (item);
      gboolean moved;

      if (id == NULL)
        {
          g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND,
                       _("An item of the programme was not saved yet; save it before moving "
                         "it."));
          goto fail;
        }
      if (!write_position (self, stmt, id, (int) i, now, &moved, error))
        goto fail;
      n_moved += moved;
    }

  if (n_moved > 0)
    upr_store_touch (self, "agenda_item");
  if (!upr_store_commit (self, error))
    goto fail;
  mirror_positions (items, now);
  return TRUE;

fail:
  upr_store_rollback (self);
  return FALSE;
}
