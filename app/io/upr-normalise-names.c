/* upr-normalise-names.c: names of States and themes matched to ids; see upr-normalise-names.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-country.h"
#include "upr-normalise-names.h"
#include "upr-normalise.h"
#include "upr-store.h"
#include "upr-term.h"

#define COUNTRY_VARIANTS "/org/upr_info/Upright/country-variants.tsv"
#define TERM_VARIANTS    "/org/upr_info/Upright/term-variants.tsv"

/* Defined by the resources compiled into libupright (resources/meson.build). */
GResource *upright_get_resource (void);

typedef struct
{
  const char *id; /* interned */
  UprNameRank rank;
  gboolean    ambiguous;
} Entry;

struct _UprNameIndex
{
  GHashTable *by_key;  /* name key → Entry */
  GHashTable *by_code; /* "SN", "SEN" → interned id: codes only as written, in capitals */
};

UprNameIndex *
upr_name_index_new (void)
{
  UprNameIndex *self = g_new0 (UprNameIndex, 1);

  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
upr_name_index_free (UprNameIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_destroy (self->by_key);
  g_hash_table_destroy (self->by_code);
  g_free (self);
}

void
upr_name_index_add (UprNameIndex *self,
                    const char   *name,
                    const char   *id,
                    UprNameRank   rank)
{
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL && id != NULL);

  key = upr_normalise_name_key (name);
  if (key[0] == '\0')
    return;
  entry = g_hash_table_lookup (self->by_key, key);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (self->by_key, g_steal_pointer (&key), entry);
    }
  else if (rank < entry->rank || (rank == entry->rank && entry->id == g_intern_string (id)))
    return;
  else if (rank == entry->rank)
    {
      entry->ambiguous = TRUE;
      return;
    }
  entry->id = g_intern_string (id);
  entry->rank = rank;
  entry->ambiguous = FALSE;
}

static void
add_code (UprNameIndex *self,
          const char   *code,
          const char   *id)
{
  if (code != NULL && code[0] != '\0')
    g_hash_table_insert (self->by_code, g_ascii_strup (code, -1), (gpointer) g_intern_string (id));
}

static gboolean
looks_like_code (const char *name)
{
  gsize length = strlen (name);

  if (length < 2 || length > 3)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (name[i]))
      return FALSE;
  return TRUE;
}

const char *
upr_name_index_lookup (UprNameIndex *self,
                       const char   *name)
{
  g_autofree char *key = NULL;
  g_autofree char *trimmed = NULL;
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);

  if (name == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (name));
  if (looks_like_code (trimmed) && g_hash_table_contains (self->by_code, trimmed))
    return g_hash_table_lookup (self->by_code, trimmed);
  key = upr_normalise_name_key (trimmed);
  entry = g_hash_table_lookup (self->by_key, key);
  return entry != NULL && !entry->ambiguous ? entry->id : NULL;
}

static void
add_unique (GPtrArray  *ids,
            const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (ids->pdata[i] == id)
      return;
  g_ptr_array_add (ids, (gpointer) id);
}

static void
flush_unmatched (GString   *run,
                 GPtrArray *unmatched)
{
  if (run->len > 0 && unmatched != NULL)
    g_ptr_array_add (unmatched, g_strdup (run->str));
  g_string_truncate (run, 0);
}

void
upr_name_index_match_list (UprNameIndex *self,
                           const char   *line,
                           GPtrArray    *ids,
                           GPtrArray    *unmatched)
{
  g_auto(GStrv) pieces = NULL;
  g_autoptr(GString) run = g_string_new (NULL);
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (ids != NULL);

  if (line == NULL)
    return;
  pieces = g_strsplit_set (line, ",;", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    g_strstrip (pieces[i]);
  n = g_strv_length (pieces);
  for (guint i = 0; i < n;)
    {
      guint j;

      if (pieces[i][0] == '\0')
        {
          i++;
          continue;
        }
      for (j = n; j > i; j--)
        {
          g_autofree char *candidate = NULL;
          const char *id;
          char *saved = pieces[j];

          pieces[j] = NULL;
          candidate = g_strjoinv (", ", &pieces[i]);
          pieces[j] = saved;
          id = upr_name_index_lookup (self, candidate);
          if (id != NULL)
            {
              flush_unmatched (run, unmatched);
              add_unique (ids, id);
              break;
            }
        }
      if (j > i)
        {
          i = j;
          continue;
        }
      g_string_append_printf (run, "%s%s", run->len > 0 ? ", " : "", pieces[i]);
      i++;
    }
  flush_unmatched (run, unmatched);
}

gboolean
upr_name_is_placeholder (const char *name)
{
  static const char * const placeholders[] = { "unknown", "inconnu", "inconnue", "n a", "na",
                                                "none", "aucun", "aucune", "not specified",
                                                "non precise", "" };
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;

  if (name == NULL)
    return TRUE;
  clean = upr_normalise_text (name, UPR_NORMALISE_SINGLE_LINE);
  key = upr_normalise_name_key (clean);
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strcmp (key, placeholders[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Countries */

/* "Bolivia (Plurinational State of)" is also "Bolivia" and "Plurinational State of
 * Bolivia"; "… (LGBTI)" is also "LGBTI" and the name before it. */
static void
add_derived_forms (UprNameIndex *self,
                   const char   *name,
                   const char   *id)
{
  const char *open = strchr (name, '(');
  const char *close = open != NULL ? strchr (open, ')') : NULL;
  g_autofree char *outer = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *turned = NULL;

  if (open == NULL || close == NULL || close[1] != '\0')
    return;
  outer = g_strstrip (g_strndup (name, open - name));
  inner = g_strstrip (g_strndup (open + 1, close - open - 1));
  turned = g_strconcat (inner, " ", outer, NULL);
  upr_name_index_add (self, outer, id, UPR_NAME_DERIVED);
  upr_name_index_add (self, turned, id, UPR_NAME_DERIVED);
  if (strchr (inner, ' ') == NULL)
    upr_name_index_add (self, inner, id, UPR_NAME_DERIVED);
}

static gboolean
set_variants_error (const char *path,
                    guint       line,
                    GError    **error)
{
  g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_FAILED,
               _("The built-in table “%s” is damaged (line %u)."), path, line);
  return FALSE;
}

/* Adds the "name<TAB>id" lines of the built-in table @path whose id starts with @prefix (all
 * when NULL); every id must be one of @ids. */
static gboolean
add_variants (UprNameIndex *self,
              const char   *path,
              GHashTable   *ids,
              const char   *prefix,
              GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  bytes = g_resource_lookup_data (upright_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  NULL);
  if (bytes == NULL)
    return set_variants_error (path, 0, error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      columns = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (columns) != 2 || !g_utf8_validate (columns[0], -1, NULL))
        return set_variants_error (path, i + 1, error);
      if (prefix != NULL && !g_str_has_prefix (columns[1], prefix))
        continue;
      if (!g_hash_table_contains (ids, columns[1]))
        return set_variants_error (path, i + 1, error);
      upr_name_index_add (self, columns[0], columns[1], UPR_NAME_VARIANT);
    }
  return TRUE;
}

UprNameIndex *
upr_name_index_new_for_countries (UprStore  *store,
                                  GError   **error)
{
  g_autoptr(UprNameIndex) self = NULL;
  g_autoptr(GListModel) countries = NULL;
  g_autoptr(GHashTable) codes = NULL;

  g_return_val_if_fail (UPR_IS_STORE (store), NULL);

  countries = upr_store_list_countries (store, error);
  if (countries == NULL)
    return NULL;
  self = upr_name_index_new ();
  codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (countries, i);
      const char *code = upr_country_get_code (country);

      g_hash_table_add (codes, (gpointer) g_intern_string (code));
      upr_name_index_add (self, upr_country_get_name_en (country), code, UPR_NAME_OFFICIAL);
      upr_name_index_add (self, upr_country_get_name_fr (country), code, UPR_NAME_OFFICIAL);
      add_derived_forms (self, upr_country_get_name_en (country), code);
      add_derived_forms (self, upr_country_get_name_fr (country), code);
      add_code (self, code, code);
      add_code (self, upr_country_get_alpha3 (country), code);
    }
  if (!add_variants (self, COUNTRY_VARIANTS, codes, NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Terms */

UprNameIndex *
upr_name_index_new_for_terms (UprStore   *store,
                              const char *scheme,
                              GError    **error)
{
  g_autoptr(UprNameIndex) self = NULL;
  g_autoptr(GListModel) terms = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (UPR_IS_STORE (store), NULL);

  terms = upr_store_list_terms (store, scheme, error);
  if (terms == NULL)
    return NULL;
  self = upr_name_index_new ();
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(UprTerm) term = g_list_model_get_item (terms, i);
      const char *id = upr_term_get_id (term);
      g_autofree char *code_name = NULL;

      if (g_strcmp0 (upr_term_get_scheme (term), "sdg") == 0)
        continue;
      upr_name_index_add (self, upr_term_get_label_en (term), id, UPR_NAME_OFFICIAL);
      upr_name_index_add (self, upr_term_get_label_fr (term), id, UPR_NAME_OFFICIAL);
      add_derived_forms (self, upr_term_get_label_en (term), id);
      add_derived_forms (self, upr_term_get_label_fr (term), id);
      code_name = g_strdelimit (g_strdup (upr_term_get_code (term)), "-", ' ');
      upr_name_index_add (self, code_name, id, UPR_NAME_DERIVED);
      upr_name_index_add (self, id, id, UPR_NAME_DERIVED);
      g_hash_table_add (ids, (gpointer) g_intern_string (id));
    }
  prefix = scheme != NULL ? g_strconcat (scheme, ":", NULL) : NULL;
  if (!add_variants (self, TERM_VARIANTS, ids, prefix, error))
    return NULL;
  return g_steal_pointer (&self);
}
