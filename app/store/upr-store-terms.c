/* upr-store-terms.c: the vocabularies that classify recommendations. Seeded inside migration
 * 3's transaction from tab-separated files compiled into the resources (a damaged file leaves
 * no half-made database), and listed for pickers and filters. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-store-private.h"
#include "upr-store-terms.h"
#include "upr-term.h"

#define TERMS_RESOURCE "/org/upr_info/Upright/vocabulary-terms.tsv"
#define GOALS_RESOURCE "/org/upr_info/Upright/sdg-goals.tsv"

/* Defined by the resources compiled into libupright (see upr-store-countries.c). */
GResource *upright_get_resource (void);

/* The lines of a built-in table as text; "#" lines are comments. */
static char **
read_table (const char *path,
            GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  const char *data;
  gsize size;

  bytes = g_resource_lookup_data (upright_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                   _("The built-in table “%s” is missing (%s)."), path, local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                   _("The built-in table “%s” is damaged (not UTF-8 text)."), path);
      return NULL;
    }
  text = g_strndup (data, size);
  return g_strsplit (text, "\n", -1);
}

static gboolean
set_damaged_error (const char *path,
                   guint       line,
                   const char *detail,
                   GError    **error)
{
  g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
               _("The built-in table “%s” is damaged (line %u: %s)."), path, line, detail);
  return FALSE;
}

/* Inserts every line of @path with @stmt: ?1 is the line's position among the rows, ?2… its
 * @n_columns columns in order. */
static gboolean
insert_table (sqlite3      *db,
              sqlite3_stmt *stmt,
              const char   *path,
              guint         n_columns,
              GError      **error)
{
  g_auto(GStrv) lines = read_table (path, error);
  guint n_rows = 0;

  if (lines == NULL)
    return FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      columns = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (columns) != n_columns)
        return set_damaged_error (path, i + 1, _("wrong number of columns"), error);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, (int) n_rows);
      for (guint c = 0; c < n_columns; c++)
        sqlite3_bind_text (stmt, (int) c + 2, columns[c], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return set_damaged_error (path, i + 1, sqlite3_errmsg (db), error);
      n_rows++;
    }
  if (n_rows == 0)
    return set_damaged_error (path, 1, _("no rows"), error);
  return TRUE;
}

static gboolean
seed (sqlite3    *db,
      const char *sql,
      const char *path,
      guint       n_columns,
      GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                   _("Cannot fill in the built-in table “%s”: %s."), path, sqlite3_errmsg (db));
      return FALSE;
    }
  ok = insert_table (db, stmt, path, n_columns, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
upr_store_seed_terms (sqlite3  *db,
                      GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return seed (db,
               "INSERT INTO vocabulary_term (position, scheme, code, label_en, label_fr, id)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?2 || ':' || ?3)",
               TERMS_RESOURCE, 4, error)
         && seed (db,
                  "INSERT INTO sdg_goal (number, title_en, title_fr) VALUES (?2, ?3, ?4)",
                  GOALS_RESOURCE, 3, error);
}

/* Listing */

static UprTerm *
term_from_row (sqlite3_stmt *stmt)
{
  return upr_term_new ((const char *) sqlite3_column_text (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2),
                       (const char *) sqlite3_column_text (stmt, 3));
}

GListModel *
upr_store_list_terms (UprStore   *self,
                      const char *scheme,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) list = g_list_store_new (UPR_TYPE_TERM);
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Goals are terms of the "sdg" scheme for the callers, in order of their number. */
  stmt = upr_store_prepare (self,
                            "SELECT scheme, code, label_en, label_fr FROM ("
                            " SELECT scheme, code, label_en, label_fr, position"
                            "  FROM vocabulary_term"
                            " UNION ALL"
                            " SELECT 'sdg', CAST (number AS TEXT), title_en, title_fr, number"
                            "  FROM sdg_goal)"
                            " WHERE ?1 IS NULL OR scheme = ?1"
                            " ORDER BY CASE scheme WHEN 'uhri-theme' THEN 0 WHEN 'uhri-group' THEN 1"
                            "  WHEN 'uprinfo-issue' THEN 2 ELSE 3 END, position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, scheme, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, term_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}
