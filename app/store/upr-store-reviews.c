/* upr-store-reviews.c: the reviews of a State (one per session), and the cycle of a session
 * from the upr_cycle table, the one place that knows it. */
#include "config.h"

#include "upr-review.h"
#include "upr-store-private.h"

int
upr_store_cycle_for_session (UprStore *self,
                             int       session)
{
  g_autoptr(UprCachedStmt) stmt = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), 0);

  stmt = upr_store_prepare_cached (self,
                                   "SELECT number FROM upr_cycle"
                                   " WHERE ? BETWEEN first_session AND last_session",
                                   NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, session);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

GListModel *
upr_store_list_reviews (UprStore   *self,
                        const char *country_code,
                        GError    **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  columns = upr_store_select_columns (UPR_TYPE_REVIEW, "v");
  sql = g_strconcat ("SELECT ", columns, " FROM review AS v",
                     country_code != NULL ? " WHERE v.country_code = ? ORDER BY v.session"
                                          : " ORDER BY v.country_code, v.session",
                     NULL);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (country_code != NULL)
    sqlite3_bind_text (stmt, 1, country_code, -1, SQLITE_STATIC);
  return upr_store_collect (self, UPR_TYPE_REVIEW, stmt, error);
}

UprReview *
upr_store_find_review (UprStore   *self,
                       const char *country_code,
                       int         session,
                       GError    **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (country_code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  columns = upr_store_select_columns (UPR_TYPE_REVIEW, "v");
  sql = g_strconcat ("SELECT ", columns, " FROM review AS v"
                     " WHERE v.country_code = ? AND v.session = ?", NULL);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, country_code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, session);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return UPR_REVIEW (upr_store_record_from_row (UPR_TYPE_REVIEW, stmt, 0));
  if (rc != SQLITE_DONE)
    upr_store_fail (self, rc, error);
  return NULL;
}

UprReview *
upr_store_ensure_review (UprStore   *self,
                         const char *country_code,
                         int         session,
                         GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(UprReview) review = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (country_code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  review = upr_store_find_review (self, country_code, session, &local_error);
  if (review != NULL)
    return g_steal_pointer (&review);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  review = upr_review_new ();
  upr_record_set_string (UPR_RECORD (review), "country-code", country_code);
  upr_record_set_int (UPR_RECORD (review), "session", session);
  if (!upr_store_save (self, UPR_RECORD (review), error))
    return NULL;
  return g_steal_pointer (&review);
}
