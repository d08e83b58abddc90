/* upr-zip.c: Office parts read from a zip archive in memory; see upr-zip.h. */
#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <minizip/unzip.h>

#include "upr-table.h"
#include "upr-zip.h"

/* minizip's compare flag for "not case sensitive". */
#define UNZ_CASE_INSENSITIVE 2

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         position;
} MemStream;

struct _UprZip
{
  GBytes   *bytes;
  MemStream stream; /* what minizip reads through the callbacks below */
  unzFile   unz;

  /* The part being read as XML, and what went wrong with it. */
  char     *part;
  guint64   inflated; /* every part so far, for the zip-bomb cap */
  gboolean  too_large;
  gboolean  read_failed;
  gboolean  has_doctype;
  char      tail[8];  /* the end of the last chunk read, for a declaration across chunks */
  gsize     tail_length;
  int       xml_error_line; /* 0: no XML error */
};

/* The options of every XML parser here: no network, no DTD loading, no entity substitution
 * (those are off unless asked for: XML_PARSE_DTDLOAD, XML_PARSE_NOENT are not given), and
 * libxml2's limits on depth and text size kept (no XML_PARSE_HUGE). CDATA comes as text. */
#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | XML_PARSE_COMPACT)

static voidpf ZCALLBACK
mem_open_cb (voidpf      opaque,
             const void *filename,
             int         mode)
{
  MemStream *stream = opaque;

  if ((mode & ZLIB_FILEFUNC_MODE_WRITE) != 0)
    return NULL;
  stream->position = 0;
  return stream;
}

static uLong ZCALLBACK
mem_read_cb (voidpf opaque,
             voidpf handle,
             void  *buffer,
             uLong  size)
{
  MemStream *stream = handle;
  gsize n = MIN ((gsize) size, stream->length - stream->position);

  memcpy (buffer, stream->data + stream->position, n);
  stream->position += n;
  return n;
}

static uLong ZCALLBACK
mem_write_cb (voidpf      opaque,
              voidpf      handle,
              const void *buffer,
              uLong       size)
{
  return 0;
}

static ZPOS64_T ZCALLBACK
mem_tell_cb (voidpf opaque,
             voidpf handle)
{
  MemStream *stream = handle;

  return stream->position;
}

static long ZCALLBACK
mem_seek_cb (voidpf   opaque,
             voidpf   handle,
             ZPOS64_T offset,
             int      origin)
{
  MemStream *stream = handle;
  guint64 base;

  switch (origin)
    {
    case ZLIB_FILEFUNC_SEEK_SET:
      base = 0;
      break;
    case ZLIB_FILEFUNC_SEEK_CUR:
      base = stream->position;
      break;
    case ZLIB_FILEFUNC_SEEK_END:
      base = stream->length;
      break;
    default:
      return -1;
    }
  /* Offsets come from the archive itself: refuse any past the end instead of trusting them. */
  if (offset > stream->length || base + offset > stream->length)
    return -1;
  stream->position = base + offset;
  return 0;
}

static int ZCALLBACK
mem_close_cb (voidpf opaque,
              voidpf handle)
{
  return 0;
}

static int ZCALLBACK
mem_error_cb (voidpf opaque,
              voidpf handle)
{
  return 0;
}

UprZip *
upr_zip_open (GBytes  *bytes,
              GError **error)
{
  g_autoptr (UprZip) zip = g_new0 (UprZip, 1);
  zlib_filefunc64_def funcs = {
    mem_open_cb, mem_read_cb, mem_write_cb, mem_tell_cb, mem_seek_cb, mem_close_cb,
    mem_error_cb, &zip->stream,
  };
  gsize length;

  zip->bytes = g_bytes_ref (bytes);
  zip->stream.data = g_bytes_get_data (bytes, &length);
  zip->stream.length = length;
  /* The name is only passed back to mem_open_cb, which ignores it. */
  zip->unz = unzOpen2_64 ("memory", &funcs);
  if (zip->unz == NULL)
    {
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                           _("This file is damaged or incomplete: its zip directory cannot "
                             "be read."));
      return NULL;
    }
  return g_steal_pointer (&zip);
}

void
upr_zip_free (UprZip *zip)
{
  if (zip == NULL)
    return;
  if (zip->unz != NULL)
    unzClose (zip->unz);
  g_bytes_unref (zip->bytes);
  g_free (zip->part);
  g_free (zip);
}

gboolean
upr_zip_has_entry (UprZip     *zip,
                   const char *name)
{
  g_return_val_if_fail (zip != NULL, FALSE);

  return unzLocateFile (zip->unz, name, UNZ_CASE_INSENSITIVE) == UNZ_OK;
}

GBytes *
upr_zip_read_small (UprZip     *zip,
                    const char *name,
                    gsize       max_length)
{
  g_autofree guint8 *buffer = NULL;
  int n;

  g_return_val_if_fail (zip != NULL, NULL);

  if (unzLocateFile (zip->unz, name, UNZ_CASE_INSENSITIVE) != UNZ_OK
      || unzOpenCurrentFile (zip->unz) != UNZ_OK)
    return NULL;
  buffer = g_malloc (max_length + 1);
  /* One byte more than allowed tells a part that is too large. */
  n = unzReadCurrentFile (zip->unz, buffer, max_length + 1);
  unzCloseCurrentFile (zip->unz);
  if (n < 0 || (gsize) n > max_length)
    return NULL;
  return g_bytes_new (buffer, n);
}

/* Whether "<!DOCTYPE" starts in the chunk, or across its start. */
static gboolean
finds_doctype (UprZip     *zip,
               const char *chunk,
               gsize       length)
{
  static const char declaration[] = "<!DOCTYPE";
  char seam[16];
  gsize head = MIN (length, sizeof seam - zip->tail_length);
  gsize keep = MIN (length, sizeof zip->tail);

  memcpy (seam, zip->tail, zip->tail_length);
  memcpy (seam + zip->tail_length, chunk, head);
  if (memmem (seam, zip->tail_length + head, declaration, 9) != NULL
      || memmem (chunk, length, declaration, 9) != NULL)
    return TRUE;
  if (keep < sizeof zip->tail && zip->tail_length + keep > sizeof zip->tail)
    memmove (zip->tail, zip->tail + keep, sizeof zip->tail - keep);
  zip->tail_length = MIN (zip->tail_length + keep, sizeof zip->tail);
  memcpy (zip->tail + zip->tail_length - keep, chunk + length - keep, keep);
  return FALSE;
}

static int
xml_read_cb (void *context,
             char *buffer,
             int   length)
{
  UprZip *zip = context;
  int n = unzReadCurrentFile (zip->unz, buffer, length);

  if (n < 0)
    {
      zip->read_failed = TRUE;
      return -1;
    }
  zip->inflated += n;
  if (zip->inflated > UPR_ZIP_MAX_INFLATED)
    {
      zip->too_large = TRUE;
      return -1;
    }
  /* Office never writes a DTD; one can only be there to declare entities that expand (the
   * "billion laughs"): refuse the part before the parser sees it. (In a part encoded in
   * UTF-16 this does not match; upr_zip_xml_next() and libxml2's own limits guard that.) */
  if (finds_doctype (zip, buffer, n))
    {
      zip->has_doctype = TRUE;
      return -1;
    }
  return n;
}

static void
xml_error_cb (void       *user_data,
              xmlErrorPtr xml_error)
{
  UprZip *zip = user_data;

  if (xml_error->level >= XML_ERR_ERROR && zip->xml_error_line == 0)
    zip->xml_error_line = MAX (xml_error->line, 1);
}

static void
init_libxml_once (void)
{
  static gsize done = 0;

  /* libxml2 wants its globals set up once, before readers run in threads. */
  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

xmlTextReaderPtr
upr_zip_begin_xml (UprZip     *zip,
                   const char *name,
                   GError    **error)
{
  xmlTextReaderPtr reader;

  g_return_val_if_fail (zip != NULL, NULL);
  g_return_val_if_fail (zip->part == NULL, NULL);

  init_libxml_once ();
  if (unzLocateFile (zip->unz, name, UNZ_CASE_INSENSITIVE) != UNZ_OK
      || unzOpenCurrentFile (zip->unz) != UNZ_OK)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                   _("This file is damaged: its part “%s” is missing or cannot be read."),
                   name);
      return NULL;
    }
  zip->part = g_strdup (name);
  zip->read_failed = FALSE;
  zip->has_doctype = FALSE;
  zip->tail_length = 0;
  zip->xml_error_line = 0;
  reader = xmlReaderForIO (xml_read_cb, NULL, zip, name, NULL, XML_OPTIONS);
  if (reader == NULL)
    {
      unzCloseCurrentFile (zip->unz);
      g_clear_pointer (&zip->part, g_free);
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                   _("This file is damaged: its part “%s” cannot be read."), name);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, xml_error_cb, zip);
  return reader;
}

int
upr_zip_xml_next (UprZip          *zip,
                  xmlTextReaderPtr reader)
{
  int ret = xmlTextReaderRead (reader);

  /* Office never writes a DTD; one can only be there to declare entities that expand
   * (the "billion laughs"), so stop before any content is read. */
  if (ret == 1 && xmlTextReaderNodeType (reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      zip->has_doctype = TRUE;
      return -1;
    }
  return ret;
}

gboolean
upr_zip_end_xml (UprZip          *zip,
                 xmlTextReaderPtr reader,
                 int              last,
                 GError         **error)
{
  g_autofree char *part = g_steal_pointer (&zip->part);
  int closed;

  xmlFreeTextReader (reader);
  /* Only a part read to its end has its checksum compared. */
  closed = unzCloseCurrentFile (zip->unz);
  if (error == NULL)
    return FALSE;

  if (zip->too_large)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_TOO_LARGE,
                   _("This file unpacks to more than %u MB; Upright does not read files that "
                     "large."), (guint) (UPR_ZIP_MAX_INFLATED / (1024 * 1024)));
      return FALSE;
    }
  if (zip->read_failed || closed == UNZ_CRCERROR || (last >= 0 && closed != UNZ_OK))
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                   _("This file is damaged: its part “%s” cannot be unpacked."), part);
      return FALSE;
    }
  if (zip->has_doctype)
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                   _("This file is damaged: its part “%s” has a document type declaration, "
                     "which Office files never have."), part);
      return FALSE;
    }
  if (last < 0)
    {
      if (zip->xml_error_line > 0)
        g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                     _("This file is damaged: its part “%s” is not valid XML (line %d)."),
                     part, zip->xml_error_line);
      else
        g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_DAMAGED,
                     _("This file is damaged: its part “%s” is not valid XML."), part);
      return FALSE;
    }
  return TRUE;
}

gboolean
upr_xml_is (xmlTextReaderPtr reader,
            const char      *local_name)
{
  const xmlChar *name = xmlTextReaderConstLocalName (reader);

  return name != NULL && strcmp ((const char *) name, local_name) == 0;
}

char *
upr_xml_attribute (xmlTextReaderPtr reader,
                   const char      *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      if (upr_xml_is (reader, local_name))
        {
          value = (char *) xmlTextReaderValue (reader);
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

void
upr_xml_string_free (UprXmlString *string)
{
  xmlFree (string);
}
