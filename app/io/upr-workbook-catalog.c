/* upr-workbook-catalog.c: a reader of gettext's compiled catalogues (.mo), for the workbook's
 * language (see upr-workbook-catalog.h). The format is small and fixed: a header, then two
 * tables of (length, offset) pairs, originals and translations, in the same order. Every
 * length and offset is checked against the file before use. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <string.h>

#include "upr-workbook-catalog.h"
#include "upr-workbook.h"

#define MO_MAGIC 0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u

struct _UprWorkbookCatalog
{
  char       *language;
  char       *contents;     /* the whole file; keys and values point into it */
  gsize       length;
  GHashTable *translations; /* "context\004msgid" or "msgid" → translation, borrowed */
};

typedef struct
{
  const guint8 *data;
  gsize         length;
  gboolean      swapped;
} MoFile;

static gboolean
read_word (const MoFile *mo,
           gsize         offset,
           guint32      *value)
{
  guint32 word;

  if (offset > mo->length || mo->length - offset < 4)
    return FALSE;
  memcpy (&word, mo->data + offset, 4);
  *value = mo->swapped ? GUINT32_SWAP_LE_BE (word) : word;
  return TRUE;
}

/* The string of table entry @index: NUL-terminated inside the file, or NULL. */
static const char *
read_string (const MoFile *mo,
             guint32       table,
             guint32       index)
{
  guint32 length, offset;
  gsize entry = (gsize) table + (gsize) index * 8;

  if (!read_word (mo, entry, &length) || !read_word (mo, entry + 4, &offset))
    return NULL;
  if (offset > mo->length || mo->length - offset <= length || mo->data[offset + length] != '\0')
    return NULL;
  return (const char *) mo->data + offset;
}

static gboolean
parse (UprWorkbookCatalog *self)
{
  MoFile mo = { (const guint8 *) self->contents, self->length, FALSE };
  guint32 magic, n_strings, originals, translations;

  if (!read_word (&mo, 0, &magic) || (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED))
    return FALSE;
  mo.swapped = magic == MO_MAGIC_SWAPPED;
  if (!read_word (&mo, 8, &n_strings) || !read_word (&mo, 12, &originals)
      || !read_word (&mo, 16, &translations))
    return FALSE;

  for (guint32 i = 0; i < n_strings; i++)
    {
      const char *msgid = read_string (&mo, originals, i);
      const char *msgstr = read_string (&mo, translations, i);

      if (msgid == NULL || msgstr == NULL)
        return FALSE;
      /* The header (empty msgid) and untranslated entries are left out; a plural entry is
       * found by its singular and answers with its first form. */
      if (msgid[0] == '\0' || msgstr[0] == '\0' || !g_utf8_validate (msgstr, -1, NULL))
        continue;
      g_hash_table_insert (self->translations, (gpointer) msgid, (gpointer) msgstr);
    }
  return TRUE;
}

static UprWorkbookCatalog *
catalog_new (const char *language)
{
  UprWorkbookCatalog *self = g_new0 (UprWorkbookCatalog, 1);

  self->language = g_strdup (language);
  self->translations = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

static void
set_missing_error (GError    **error,
                   const char *language)
{
  g_set_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_NO_TRANSLATION,
               /* Translators: %s is a language code such as “fr”. */
               _("The translation for the workbook language “%s” is not installed or is "
                 "damaged, so the workbook cannot be written in that language."),
               language);
}

UprWorkbookCatalog *
upr_workbook_catalog_new_from_file (const char *language,
                                    const char *path,
                                    GError    **error)
{
  g_autoptr(UprWorkbookCatalog) self = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = catalog_new (language);
  if (!g_file_get_contents (path, &self->contents, &self->length, NULL) || !parse (self))
    {
      set_missing_error (error, language);
      return NULL;
    }
  return g_steal_pointer (&self);
}

UprWorkbookCatalog *
upr_workbook_catalog_new (const char *language,
                          GError    **error)
{
  const char *folder;
  g_autofree char *path = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* English is the language of the sources: nothing to load. */
  if (g_str_equal (language, "en"))
    return catalog_new (language);
  /* A NULL folder asks gettext which folder the domain is bound to, changing nothing. */
  folder = bindtextdomain (GETTEXT_PACKAGE, NULL);
  if (folder == NULL || strchr (language, '/') != NULL || strchr (language, '.') != NULL)
    {
      set_missing_error (error, language);
      return NULL;
    }
  path = g_build_filename (folder, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  return upr_workbook_catalog_new_from_file (language, path, error);
}

void
upr_workbook_catalog_free (UprWorkbookCatalog *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->translations);
  g_free (self->contents);
  g_free (self->language);
  g_free (self);
}

const char *
upr_workbook_catalog_get_language (UprWorkbookCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

const char *
upr_workbook_catalog_lookup (UprWorkbookCatalog *self,
                             const char         *context,
                             const char         *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (g_hash_table_size (self->translations) == 0)
    return msgid;
  if (context == NULL)
    translation = g_hash_table_lookup (self->translations, msgid);
  else
    {
      key = g_strconcat (context, "\004", msgid, NULL);
      translation = g_hash_table_lookup (self->translations, key);
    }
  return translation != NULL ? translation : msgid;
}
