/* upr-store-participant-import.c: see upr-store-participant-import.h. */
#include "config.h"

#include "upr-person.h"
#include "upr-store-participant-import.h"
#include "upr-store-private.h"

GListModel *
upr_store_list_people (UprStore  *self,
                       GError   **error)
{
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  columns = upr_store_select_columns (UPR_TYPE_PERSON, "p");
  sql = g_strconcat ("SELECT ", columns, " FROM person AS p"
                     " ORDER BY p.updated_at DESC, p.id",
                     NULL);
  stmt = upr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  return upr_store_collect (self, UPR_TYPE_PERSON, stmt, error);
}
