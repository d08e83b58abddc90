/* upr-store-implementation.c: what is planned and reported about one recommendation: planned
 * actions, indicators, the dated progress history (which moves the current status), the
 * assessments and UPR Info's combination of them, and the status on any date. */
#include "config.h"

#include "upr-assessment.h"
#include "upr-indicator.h"
#include "upr-planned-action.h"
#include "upr-progress-update.h"
#include "upr-store-recommendations-private.h"

/* The records of @type whose "recommendation_id" is @id, in @order. */
static GListModel *
list_children (UprStore   *self,
               GType       type,
               const char *id,
               const char *order,
               GError    **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *columns = upr_store_select_columns (type, "t");
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sql = g_strdup_printf ("SELECT %s FROM %s AS t WHERE t.recommendation_id = ? ORDER BY %s",
                         columns, UPR_RECORD_CLASS (klass)->table, order);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return upr_store_collect (self, type, stmt, error);
}

#define CHILD_GUARDS() \
  g_return_val_if_fail (UPR_IS_STORE (self), NULL); \
  g_return_val_if_fail (recommendation_id != NULL, NULL); \
  g_return_val_if_fail (error == NULL || *error == NULL, NULL)

GListModel *
upr_store_list_planned_actions (UprStore   *self,
                                const char *recommendation_id,
                                GError    **error)
{
  CHILD_GUARDS ();
  return list_children (self, UPR_TYPE_PLANNED_ACTION, recommendation_id,
                        "t.due_date IS NULL, t.due_date, t.start_date, t.created_at, t.id",
                        error);
}

GListModel *
upr_store_list_indicators (UprStore   *self,
                           const char *recommendation_id,
                           GError    **error)
{
  CHILD_GUARDS ();
  return list_children (self, UPR_TYPE_INDICATOR, recommendation_id, "t.created_at, t.rowid",
                        error);
}

GListModel *
upr_store_list_progress_updates (UprStore   *self,
                                 const char *recommendation_id,
                                 GError    **error)
{
  CHILD_GUARDS ();
  return list_children (self, UPR_TYPE_PROGRESS_UPDATE, recommendation_id,
                        "t.date DESC, t.created_at DESC, t.rowid DESC", error);
}

GListModel *
upr_store_list_assessments (UprStore   *self,
                            const char *recommendation_id,
                            GError    **error)
{
  CHILD_GUARDS ();
  return list_children (self, UPR_TYPE_ASSESSMENT, recommendation_id,
                        "t.date DESC, t.created_at DESC, t.rowid DESC", error);
}

/* Makes @status of @date the recommendation's current status unless the current one is
 * newer; logs the change to the recommendation when there is one. */
static gboolean
advance_status (UprStore   *self,
                const char *recommendation_id,
                const char *status,
                const char *date,
                GError    **error)
{
  g_autofree char *now = upr_store_now ();
  g_autoptr(UprCachedStmt) stmt = NULL;
  int rc;

  stmt = upr_store_prepare_cached (self,
                                   "UPDATE recommendation"
                                   " SET status = ?1, status_date = ?2, updated_at = ?3"
                                   " WHERE id = ?4 AND (status_date IS NULL OR status_date <= ?2)"
                                   " AND (status IS NOT ?1 OR status_date IS NOT ?2)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, recommendation_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return upr_store_fail (self, rc, error);
  if (sqlite3_changes (self->db) == 0)
    return TRUE;
  return upr_store_log_change (self, "recommendation", recommendation_id, "update",
                               "status, status-date", error);
}

gboolean
upr_store_add_progress_update (UprStore          *self,
                               UprProgressUpdate *update,
                               GError           **error)
{
  UprRecord *record = UPR_RECORD (update);
  guint64 changes;

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (UPR_IS_PROGRESS_UPDATE (update), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A failed transaction must leave the record as it was, to be saved again. */
  changes = upr_record_get_changes (record);
  if (!upr_store_begin (self, error))
    return FALSE;
  if (!upr_store_save (self, record, error)
      || (upr_record_get_string (record, "status") != NULL
          && !advance_status (self, upr_record_get_string (record, "recommendation-id"),
                              upr_record_get_string (record, "status"),
                              upr_record_get_string (record, "date"), error)))
    goto fail;
  upr_store_touch (self, "recommendation");
  if (upr_store_commit (self, error))
    return TRUE;

fail:
  upr_store_rollback (self);
  upr_record_set_changes (record, changes);
  return FALSE;
}

gboolean
upr_store_add_assessment (UprStore      *self,
                          UprAssessment *assessment,
                          GError       **error)
{
  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (UPR_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!upr_store_begin (self, error))
    return FALSE;
  if (!upr_store_save (self, UPR_RECORD (assessment), error))
    {
      upr_store_rollback (self);
      return FALSE;
    }
  upr_store_touch (self, "recommendation");
  if (!upr_store_commit (self, error))
    {
      upr_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

const char *
upr_store_get_status_as_of (UprStore   *self,
                            const char *recommendation_id,
                            const char *date,
                            GError    **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (recommendation_id != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strdup_printf ("SELECT status FROM (" STATUS_CANDIDATES ")"
                         " ORDER BY day DESC, current DESC, entered DESC LIMIT 1",
                         " FROM progress_update AS p WHERE p.recommendation_id = :id",
                         " FROM recommendation AS r WHERE r.id = :id");
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":id"), recommendation_id, -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":as_of"), date, -1,
                     SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_intern_string ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  return g_intern_static_string ("not-started");
}

const char *
upr_store_get_assessed_level (UprStore   *self,
                              const char *recommendation_id,
                              const char *date,
                              guint      *n_stakeholders,
                              GError    **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (recommendation_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_stakeholders != NULL)
    *n_stakeholders = 0;
  sql = upr_assessment_points_sql (" FROM assessment AS a WHERE a.recommendation_id = :id",
                                   date != NULL);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":id"), recommendation_id, -1,
                     SQLITE_STATIC);
  if (date != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":as_of"), date, -1,
                       SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (n_stakeholders != NULL)
        *n_stakeholders = (guint) sqlite3_column_int (stmt, 2);
      return upr_assessment_combine ((guint) sqlite3_column_int (stmt, 1),
                                     (guint) sqlite3_column_int (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    upr_store_fail (self, rc, error);
  return NULL;
}

GListModel *
upr_store_list_upcoming_actions (UprStore   *self,
                                 const char *country_code,
                                 const char *from,
                                 guint       limit,
                                 GError    **error)
{
  UprSelection selection = { .country_code = country_code };
  g_autofree char *in_selection = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in_selection = upr_selection_from (&selection, "planned_action AS t", "t.recommendation_id");
  columns = upr_store_select_columns (UPR_TYPE_PLANNED_ACTION, "t");
  sql = g_strdup_printf ("SELECT %s%s"
                         " AND t.due_date IS NOT NULL AND t.status IN ('planned', 'in-progress')"
                         " AND (:from IS NULL OR t.due_date >= :from)"
                         " ORDER BY t.due_date, t.created_at, t.id LIMIT :limit",
                         columns, in_selection);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  upr_selection_bind (stmt, &selection);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from, -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"),
                      limit > 0 ? (gint64) limit : -1);
  return upr_store_collect (self, UPR_TYPE_PLANNED_ACTION, stmt, error);
}
