/* upr-store-organisations.c: organisations (ministries, NHRIs, CSOs, UN agencies…), listed by
 * name and found by name or acronym however they were typed ("unicef", "UNICEF"). */
#include "config.h"

#include "upr-organisation.h"
#include "upr-store-private.h"

GListModel *
upr_store_list_organisations (UprStore   *self,
                              const char *country_code,
                              GError    **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  columns = upr_store_select_columns (UPR_TYPE_ORGANISATION, "o");
  sql = g_strconcat ("SELECT ", columns, " FROM organisation AS o"
                     " WHERE ?1 IS NULL OR o.country_code = ?1"
                     " ORDER BY upr_fold (o.name), o.name, o.id",
                     NULL);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, country_code, -1, SQLITE_STATIC);
  return upr_store_collect (self, UPR_TYPE_ORGANISATION, stmt, error);
}

UprOrganisation *
upr_store_find_organisation (UprStore   *self,
                             const char *name,
                             GError    **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A full name beats an acronym, and the oldest record wins when both were typed twice. */
  columns = upr_store_select_columns (UPR_TYPE_ORGANISATION, "o");
  sql = g_strconcat ("SELECT ", columns, " FROM organisation AS o"
                     " WHERE upr_fold (?1) <> ''"
                     " AND (upr_fold (o.name) = upr_fold (?1)"
                     "      OR upr_fold (o.acronym) = upr_fold (?1))"
                     " ORDER BY upr_fold (o.name) = upr_fold (?1) DESC, o.created_at, o.id"
                     " LIMIT 1",
                     NULL);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return UPR_ORGANISATION (upr_store_record_from_row (UPR_TYPE_ORGANISATION, stmt, 0));
  if (rc != SQLITE_DONE)
    upr_store_fail (self, rc, error);
  return NULL;
}
