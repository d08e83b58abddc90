/* fuzz-table.c: libFuzzer target for the file readers (upr-table.h). Each input is read from
 * memory as a file would be: the format comes from its content, so a corpus with text,
 * .xls, .xlsx and .docx files (tests/data/table) reaches every reader. The input's length
 * picks the options, so forced encodings and separators are fuzzed too. A table must be
 * sound (valid UTF-8, cells within their limit); a refusal must carry a message.
 *
 * Mutating a zip archive mostly breaks its compression, which would leave the XML readers
 * barely fuzzed. So an input that starts with "<" is taken as XML parts separated by NULs
 * (which XML cannot hold) and packed, uncompressed, into a workbook (sheet, shared strings,
 * styles) or a document (body, its relationships, two page headers), by its length: the
 * mutations then reach the XML itself (tests/fuzz/seeds has such inputs). An input with
 * fewer parts packs only those, so a document of one part is just word/document.xml. */
#include "config.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "upr-table.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const UprTableOptions options[] = {
  { NULL, 0 },
  { "UTF-8", 0 },
  { "UTF-16", '\t' },
  { "WINDOWS-1251", ';' },
  { NULL, ',' },
};

/* The .xls reader runs libfreexl in a forked child (upr-table-xls.c) precisely because
 * libfreexl has bugs of its own: the sanitizers would report them from the child, and
 * libFuzzer's handler there would save each as a crash of ours. In the child, a sanitizer
 * report ends the child quietly instead; the parent sees a damaged workbook, as users do. */
void __sanitizer_set_death_callback (void (*callback) (void));
void __sanitizer_set_report_fd (void *fd);

static void
child_died (void)
{
  _exit (1);
}

static void
forked_cb (void)
{
  int null = open ("/dev/null", O_WRONLY);

  __sanitizer_set_death_callback (child_died);
  if (null >= 0)
    __sanitizer_set_report_fd ((void *) (intptr_t) null);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning from GLib is a bug worth a crash report. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  pthread_atfork (NULL, NULL, forked_cb);
  return 0;
}

/* A zip archive of stored (uncompressed) parts, enough for minizip. */

static guint32
crc32_of (const guint8 *data,
          gsize         length)
{
  static guint32 table[256];
  guint32 crc = 0xffffffff;

  if (table[1] == 0)
    for (guint32 i = 0; i < 256; i++)
      {
        guint32 c = i;

        for (int k = 0; k < 8; k++)
          c = (c & 1) != 0 ? 0xedb88320 ^ (c >> 1) : c >> 1;
        table[i] = c;
      }
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffff;
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (out, bytes, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  put16 (out, value & 0xffff);
  put16 (out, value >> 16);
}

typedef struct
{
  const char   *name;
  const guint8 *data;
  gsize         length;
} Part;

static void
put_header (GByteArray *out,
            const Part *part,
            gboolean    central,
            guint32     offset)
{
  put32 (out, central ? 0x02014b50 : 0x04034b50);
  if (central)
    put16 (out, 20);
  put16 (out, 20);                 /* version needed */
  put16 (out, 0);                  /* flags */
  put16 (out, 0);                  /* stored */
  put16 (out, 0);                  /* time */
  put16 (out, 0x21);               /* date: 1980-01-01 */
  put32 (out, crc32_of (part->data, part->length));
  put32 (out, part->length);
  put32 (out, part->length);
  put16 (out, strlen (part->name));
  put16 (out, 0);                  /* extra */
  if (central)
    {
      put16 (out, 0);              /* comment */
      put16 (out, 0);              /* disk */
      put16 (out, 0);              /* internal attributes */
      put32 (out, 0);              /* external attributes */
      put32 (out, offset);
    }
  g_byte_array_append (out, (const guint8 *) part->name, strlen (part->name));
}

static GBytes *
make_zip (const Part *parts,
          guint       n_parts)
{
  GByteArray *out = g_byte_array_new ();
  guint32 offsets[8];
  guint32 directory, directory_size;

  g_assert (n_parts <= G_N_ELEMENTS (offsets));
  for (guint i = 0; i < n_parts; i++)
    {
      offsets[i] = out->len;
      put_header (out, &parts[i], FALSE, 0);
      g_byte_array_append (out, parts[i].data, parts[i].length);
    }
  directory = out->len;
  for (guint i = 0; i < n_parts; i++)
    put_header (out, &parts[i], TRUE, offsets[i]);
  directory_size = out->len - directory;
  put32 (out, 0x06054b50);
  put16 (out, 0);
  put16 (out, 0);
  put16 (out, n_parts);
  put16 (out, n_parts);
  put32 (out, directory_size);
  put32 (out, directory);
  put16 (out, 0);
  return g_byte_array_free_to_bytes (out);
}

#define TEXT_PART(name, text) { name, (const guint8 *) (text), sizeof (text) - 1 }

static const char workbook_xml[] =
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<workbookPr/><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
  "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
  "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
  "relationships/styles\" Target=\"styles.xml\"/></Relationships>";

/* XML parts separated by NULs, packed into a workbook (even length) or a document. A
 * document's page headers are read only where its relationships point (Target="header1.xml"
 * or "/word/header2.xml"), so the seeds carry relationships that do. */
static GBytes *
pack_xml (const uint8_t *data,
          size_t         size)
{
  Part parts[8] = { TEXT_PART ("xl/workbook.xml", workbook_xml),
                    TEXT_PART ("xl/_rels/workbook.xml.rels", workbook_rels) };
  static const char * const xlsx_names[] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                             "xl/styles.xml" };
  static const char * const docx_names[] = { "word/document.xml", "word/_rels/document.xml.rels",
                                             "word/header1.xml", "word/header2.xml" };
  gboolean document = size % 2 == 1;
  const char * const *names = document ? docx_names : xlsx_names;
  guint n_names = document ? G_N_ELEMENTS (docx_names) : G_N_ELEMENTS (xlsx_names);
  guint n_parts = document ? 0 : 2;
  const uint8_t *p = data, *end = data + size;

  g_assert (n_parts + n_names <= G_N_ELEMENTS (parts));
  for (guint i = 0; p <= end && i < n_names; i++)
    {
      const uint8_t *nul = memchr (p, '\0', end - p);
      const uint8_t *stop = nul != NULL ? nul : end;

      parts[n_parts].name = names[i];
      parts[n_parts].data = p;
      parts[n_parts].length = stop - p;
      n_parts++;
      if (nul == NULL)
        break;
      p = nul + 1;
    }
  return make_zip (parts, n_parts);
}

static void
check_table (UprTable *table)
{
  for (guint sheet = 0; sheet < upr_table_get_n_sheets (table); sheet++)
    {
      guint n_columns = upr_table_get_n_columns (table, sheet);

      if (!g_utf8_validate (upr_table_get_sheet_name (table, sheet), -1, NULL))
        abort ();
      for (guint row = 0; row < upr_table_get_n_rows (table, sheet); row++)
        {
          const char * const *cells = upr_table_get_row (table, sheet, row);
          guint i;

          for (i = 0; cells[i] != NULL; i++)
            if (!g_utf8_validate (cells[i], -1, NULL)
                || g_utf8_strlen (cells[i], -1) > UPR_TABLE_MAX_CELL)
              abort ();
          if (i > n_columns || upr_table_get_source_line (table, sheet, row) == 0)
            abort ();
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (UprTable) table = NULL;

  if (size > 0 && data[0] == '<')
    bytes = pack_xml (data, size);
  else
    bytes = g_bytes_new_static (data, size);
  upr_table_sniff_format (g_bytes_get_data (bytes, NULL), MIN (g_bytes_get_size (bytes), 512));
  table = upr_table_read_bytes (bytes, "fuzz", &options[size % G_N_ELEMENTS (options)], NULL,
                                &error);
  if (table != NULL)
    check_table (table);
  else if (error == NULL || error->domain != UPR_TABLE_ERROR || error->message == NULL
           || strstr (error->message, "(null)") != NULL)
    abort ();
  return 0;
}
