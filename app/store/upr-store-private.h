/* upr-store-private.h: what the store's .c files share (the connection and SQL helpers).
 * Only files in app/store/ include this. */
#pragma once

#include <sqlite3.h>

#include "upr-store.h"

G_BEGIN_DECLS

struct _UprStore
{
  GObject  parent_instance;

  /* owned */
  sqlite3 *db;
  char    *path;
  char    *officer;
  guint    depth;   /* nesting of upr_store_begin() */
  GArray  *pending; /* GQuark tables changed in the open transaction, for ::changed */
  GHashTable *statements; /* SQL text → prepared sqlite3_stmt, for the hot paths */
};

/* Sets @error from the connection's last error, with a message for people. */
gboolean      upr_store_fail         (UprStore      *self,
                                      int            rc,
                                      GError       **error);
sqlite3_stmt *upr_store_prepare      (UprStore      *self,
                                      const char    *sql,
                                      GError       **error);
/* A statement kept prepared for the life of the store (saving thousands of participants
 * re-runs the same few statements). Borrowed: declare it g_autoptr(UprCachedStmt) so it is
 * reset when the scope ends, which also ends its read of the database. */
typedef sqlite3_stmt UprCachedStmt;
UprCachedStmt *upr_store_prepare_cached (UprStore   *self,
                                         const char *sql,
                                         GError    **error);
void          upr_cached_stmt_release (UprCachedStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprCachedStmt, upr_cached_stmt_release)

gboolean      upr_store_exec         (UprStore      *self,
                                      const char    *sql,
                                      GError       **error);
char         *upr_store_now          (void);

/* Builds a record of @type from the row of @stmt, reading its fields from column @first
 * on (in the order of the class's fields, as upr_store_select_columns() lists them). */
UprRecord    *upr_store_record_from_row (GType          type,
                                         sqlite3_stmt  *stmt,
                                         int            first);
/* "t.id, t.created_at, …" for @type, with @alias as table alias. */
char         *upr_store_select_columns  (GType          type,
                                         const char    *alias);
/* Runs @stmt (already bound) and collects one record of @type per row into a GListStore. */
GListModel   *upr_store_collect         (UprStore      *self,
                                         GType          type,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);
/* Marks @table as changed: ::changed is emitted when the outermost transaction commits. */
void          upr_store_touch           (UprStore      *self,
                                         const char    *table);
gboolean      upr_store_log_change      (UprStore      *self,
                                         const char    *entity,
                                         const char    *entity_id,
                                         const char    *action,
                                         const char    *fields,
                                         GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
