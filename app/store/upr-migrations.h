/* upr-migrations.h: the schema, as a list of forward migrations (one per user_version). */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct
{
  int         version; /* user_version after this migration */
  const char *sql;
  /* Optional: runs after the SQL, in the same transaction (e.g. to seed reference data). */
  gboolean  (*seed) (sqlite3  *db,
                     GError  **error);
} UprMigration;

const UprMigration *upr_migrations_get    (guint *n_migrations);
int                 upr_migrations_latest (void);

G_END_DECLS
