/* upr-zip.h: the parts of an Office file (.xlsx, .docx), a zip archive held in memory, read
 * as streams of XML. Shared by upr-table-xlsx.c and upr-table-docx.c.
 *
 * The archive is read from memory (minizip over the GBytes) rather than from a temporary
 * copy: the file may hold personal data, and a copy on disk is one more place for it to
 * linger. Everything here guards against hostile input: the total inflated size is capped
 * (zip bombs), the XML parser never reaches the network, never loads a DTD and never
 * substitutes entities, and a part with a document type declaration (which no Office
 * application writes) is refused. Errors are UPR_TABLE_ERROR_DAMAGED or _TOO_LARGE. */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

/* All parts of one archive together may not inflate to more than this. */
#define UPR_ZIP_MAX_INFLATED ((guint64) 512 * 1024 * 1024)

typedef struct _UprZip UprZip;

/* Fails with DAMAGED when @bytes are not a readable zip archive (a truncated file loses
 * its central directory, at the end). */
UprZip          *upr_zip_open       (GBytes      *bytes,
                                     GError     **error);
void             upr_zip_free       (UprZip      *zip);

/* Part names compare without regard to case, as the Open Packaging Conventions say. */
gboolean         upr_zip_has_entry  (UprZip      *zip,
                                     const char  *name);
/* A small part whole (at most @max_length bytes), e.g. an OpenDocument "mimetype"; NULL
 * when it is missing, larger or unreadable. */
GBytes          *upr_zip_read_small (UprZip      *zip,
                                     const char  *name,
                                     gsize        max_length);

/* A streaming reader over part @name: step it with upr_zip_xml_next(), which also refuses
 * document type declarations, then hand it back with upr_zip_end_xml(). One part at a time.
 * Fails with DAMAGED when the part is missing or cannot be opened. */
xmlTextReaderPtr upr_zip_begin_xml  (UprZip      *zip,
                                     const char  *name,
                                     GError     **error);
/* 1 on a node, 0 at the end, -1 on an error (reported by upr_zip_end_xml()). */
int              upr_zip_xml_next   (UprZip          *zip,
                                     xmlTextReaderPtr reader);
/* Frees @reader and closes the part. @last is the last upr_zip_xml_next() result: when it
 * is negative, or the part's checksum is wrong, fails with DAMAGED (or TOO_LARGE past
 * UPR_ZIP_MAX_INFLATED) naming the part. Pass @error NULL when giving up for another
 * reason. */
gboolean         upr_zip_end_xml    (UprZip          *zip,
                                     xmlTextReaderPtr reader,
                                     int              last,
                                     GError         **error);

/* Helpers for the readers, on the current node of @reader. */
gboolean         upr_xml_is         (xmlTextReaderPtr reader,
                                     const char      *local_name);
/* The attribute by local name whatever its namespace prefix (Office files use several
 * prefixes for the same namespace); NULL when absent. Free with xmlFree() (g_autoptr
 * below). */
char            *upr_xml_attribute  (xmlTextReaderPtr reader,
                                     const char      *local_name);

typedef char UprXmlString;
void             upr_xml_string_free (UprXmlString *string);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprXmlString, upr_xml_string_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprZip, upr_zip_free)

G_END_DECLS
