/* upr-workbook-verify.c: reads back the workbook libxlsxwriter wrote, before it may replace
 * the previous one.
 *
 * libxlsxwriter 1.1.4 assembles each sheet in temporary files and does not check that they
 * were written: with the temporary folder full (or over a file size limit), workbook_close()
 * reports success and the .xlsx holds sheets cut short, which Excel refuses to open. Measured:
 * with a 20,000-row sheet and writes failing past 400 kB, the file was produced, "close: 0",
 * and its sheet ended mid-tag. A cut part is a prefix of what was meant, so every XML part
 * is inflated (which also checks its CRC) and must end with the closing tag of its root
 * element. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unzip.h>

#include "upr-workbook-private.h"

#define CHUNK (256 * 1024)
#define HEAD 512
#define TAIL 128

typedef struct
{
  char  head[HEAD + 1];
  gsize head_length;
  char  tail[TAIL];
  gsize tail_length;
} Ends;

static void
keep_ends (Ends       *ends,
           const char *data,
           gsize       length)
{
  gsize keep;

  if (ends->head_length < HEAD)
    {
      gsize n = MIN (length, HEAD - ends->head_length);

      memcpy (ends->head + ends->head_length, data, n);
      ends->head_length += n;
      ends->head[ends->head_length] = '\0';
    }
  if (length >= TAIL)
    {
      memcpy (ends->tail, data + length - TAIL, TAIL);
      ends->tail_length = TAIL;
      return;
    }
  keep = MIN (ends->tail_length, TAIL - length);
  memmove (ends->tail, ends->tail + ends->tail_length - keep, keep);
  memcpy (ends->tail + keep, data, length);
  ends->tail_length = keep + length;
}

/* The root element's name: the first tag that is not a declaration or a comment. */
static char *
root_name (const char *head)
{
  const char *p = head;

  while ((p = strchr (p, '<')) != NULL)
    {
      gsize length;

      if (p[1] == '?' || p[1] == '!')
        {
          p++;
          continue;
        }
      p++;
      length = strcspn (p, " \t\r\n/>");
      return length > 0 && p[length] != '\0' ? g_strndup (p, length) : NULL;
    }
  return NULL;
}

static gboolean
ends_with_root (const Ends *ends)
{
  g_autofree char *name = root_name (ends->head);
  g_autofree char *closing = NULL;
  gsize length = ends->tail_length;

  if (name == NULL)
    return FALSE;
  while (length > 0 && g_ascii_isspace (ends->tail[length - 1]))
    length--;
  closing = g_strdup_printf ("</%s>", name);
  return length >= strlen (closing)
         && memcmp (ends->tail + length - strlen (closing), closing, strlen (closing)) == 0;
}

static gboolean
verify_member (unzFile  zip,
               char    *buffer)
{
  Ends ends = { 0 };
  int n;

  if (unzOpenCurrentFile (zip) != UNZ_OK)
    return FALSE;
  while ((n = unzReadCurrentFile (zip, buffer, CHUNK)) > 0)
    keep_ends (&ends, buffer, (gsize) n);
  /* Closing after reading everything checks the CRC. */
  if (unzCloseCurrentFile (zip) != UNZ_OK || n < 0)
    return FALSE;
  return ends_with_root (&ends);
}

static gboolean
is_xml (const char *name)
{
  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels");
}

static gboolean
verify_members (unzFile       zip,
                GCancellable *cancellable,
                GError      **error)
{
  g_autofree char *buffer = g_malloc (CHUNK);
  guint n_members = 0;
  int rc;

  for (rc = unzGoToFirstFile (zip); rc == UNZ_OK; rc = unzGoToNextFile (zip))
    {
      char name[512];
      unz_file_info64 info;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (unzGetCurrentFileInfo64 (zip, &info, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK
          || (is_xml (name) && !verify_member (zip, buffer)))
        return FALSE;
      n_members++;
    }
  return rc == UNZ_END_OF_LIST_OF_FILE && n_members > 0;
}

gboolean
upr_workbook_verify_file (const char   *path,
                          GCancellable *cancellable,
                          GError      **error)
{
  unzFile zip = unzOpen64 (path);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = zip != NULL && verify_members (zip, cancellable, &local_error);
  if (zip != NULL)
    unzClose (zip);
  if (ok)
    return TRUE;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_WRITE,
                         _("The workbook could not be written completely: the disk or the "
                           "temporary folder may be full."));
  return FALSE;
}
