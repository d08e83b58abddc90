/* upr-store-countries.c: the country reference table. Seeds it from data/countries.tsv,
 * compiled into the program's resources (written by build-aux/gen-countries.py from
 * Debian's iso-codes), inside migration 1's transaction so a bad table leaves no database;
 * lists countries with their number of workshops. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-country.h"
#include "upr-store-countries.h"
#include "upr-store-private.h"

#define COUNTRIES_RESOURCE "/org/upr_info/Upright/countries.tsv"
#define N_COLUMNS 7

/* Defined by the resources compiled into libupright (resources/meson.build, c_name
 * "upright"). Naming it here also makes the linker keep them in programs that link the
 * static library without otherwise referring to them. */
GResource *upright_get_resource (void);

static gboolean
insert_country (sqlite3      *db,
                sqlite3_stmt *stmt,
                char        **columns,
                guint         line,
                GError      **error)
{
  int rc;

  sqlite3_reset (stmt);
  for (int i = 0; i < N_COLUMNS; i++)
    {
      /* An empty UN group (the Holy See) is stored as NULL. */
      if (columns[i][0] == '\0')
        sqlite3_bind_null (stmt, i + 1);
      else
        sqlite3_bind_text (stmt, i + 1, columns[i], -1, SQLITE_STATIC);
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                   _("The built-in list of countries is damaged (line %u: %s)."), line,
                   sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_lines (sqlite3      *db,
              sqlite3_stmt *stmt,
              const char   *text,
              GError      **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_rows = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (lines[i][0] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (columns) != N_COLUMNS)
        {
          g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                       _("The built-in list of countries is damaged (line %u: %u columns "
                         "instead of %u)."),
                       i + 1, g_strv_length (columns), N_COLUMNS);
          return FALSE;
        }
      if (!insert_country (db, stmt, columns, i + 1, error))
        return FALSE;
      n_rows++;
    }

  if (n_rows == 0)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                   _("The built-in list of countries is empty."));
      return FALSE;
    }
  return TRUE;
}

gboolean
upr_store_seed_countries (sqlite3  *db,
                          GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_resource_lookup_data (upright_get_resource (), COUNTRIES_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                   _("The built-in list of countries is missing (%s)."), local_error->message);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                   _("The built-in list of countries is damaged (not UTF-8 text)."));
      return FALSE;
    }
  text = g_strndup (data, size);

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO country (code, alpha3, numeric, un_group, un_status,"
                          " name_en, name_fr) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
                   _("Cannot fill in the list of countries: %s."), sqlite3_errmsg (db));
      return FALSE;
    }
  ok = insert_lines (db, stmt, text, error);
  sqlite3_finalize (stmt);
  return ok;
}

/* Queries */

#define COUNTRY_SELECT \
  "SELECT c.code, c.alpha3, c.name_en, c.name_fr, c.un_group, c.un_status," \
  " (SELECT count(*) FROM workshop AS w WHERE w.country_code = c.code" \
  "  AND w.deleted_at IS NULL)," \
  " (SELECT count(*) FROM review AS v JOIN recommendation AS r ON r.review_id = v.id" \
  "  WHERE v.country_code = c.code AND r.deleted_at IS NULL)" \
  " FROM country AS c"

static UprCountry *
country_from_row (sqlite3_stmt *stmt)
{
  return upr_country_new ((const char *) sqlite3_column_text (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2),
                          (const char *) sqlite3_column_text (stmt, 3),
                          (const char *) sqlite3_column_text (stmt, 4),
                          (const char *) sqlite3_column_text (stmt, 5),
                          sqlite3_column_int (stmt, 6),
                          sqlite3_column_int (stmt, 7));
}

/* Countries with workshops first, then by name in the interface language. */
static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  UprCountry *x = *(UprCountry **) a;
  UprCountry *y = *(UprCountry **) b;
  gboolean x_used = upr_country_has_data (x);
  gboolean y_used = upr_country_has_data (y);

  if (x_used != y_used)
    return x_used ? -1 : 1;
  return strcmp (upr_country_get_sort_key (x), upr_country_get_sort_key (y));
}

GListModel *
upr_store_list_countries (UprStore *self,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) list = g_list_store_new (UPR_TYPE_COUNTRY);
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = upr_store_prepare (self, COUNTRY_SELECT, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, country_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }

  g_ptr_array_sort (rows, compare_countries);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

UprCountry *
upr_store_get_country (UprStore   *self,
                       const char *code,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = upr_store_prepare (self, COUNTRY_SELECT " WHERE c.code = upper (?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return country_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND,
                 _("“%s” is not the code of a UN member or observer State."), code);
  else
    upr_store_fail (self, rc, error);
  return NULL;
}
