/* upr-workbook-catalog.h: the translations of the workbook's language, which need not be the
 * interface's (an officer working in French sends an English workbook to Geneva).
 *
 * gettext answers in one language per process, and switching it for a moment (setlocale,
 * $LANGUAGE) would change what every other thread shows, so the workbook reads the
 * compiled catalogue of its language itself: the same upright.mo that gettext uses, found in
 * the folder bound to the text domain, so translators keep one place (po/fr.po). Workbook
 * labels are marked with NC_ and the context "workbook", to be translated apart from the
 * interface's; vocabulary labels (upr-vocab.c) are shared with the interface. Once loaded, a
 * catalogue is read-only: any thread may look strings up. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UprWorkbookCatalog UprWorkbookCatalog;

/* The catalogue of @language ("en": none needed, every string is its own translation) from
 * the folder bound to the text domain (bindtextdomain): call it on the thread that set that
 * up, before handing the catalogue to a worker. Fails with UPR_WORKBOOK_ERROR_NO_TRANSLATION
 * when the catalogue is missing or damaged. */
UprWorkbookCatalog *upr_workbook_catalog_new       (const char          *language,
                                                    GError             **error);
/* The same from a given .mo file (tests). */
UprWorkbookCatalog *upr_workbook_catalog_new_from_file (const char      *language,
                                                        const char      *path,
                                                        GError         **error);
void                upr_workbook_catalog_free      (UprWorkbookCatalog  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprWorkbookCatalog, upr_workbook_catalog_free)

const char         *upr_workbook_catalog_get_language (UprWorkbookCatalog *self);
/* The translation of @msgid in @context (NULL: none), or @msgid itself when the catalogue
 * has none, as gettext does. */
const char         *upr_workbook_catalog_lookup    (UprWorkbookCatalog  *self,
                                                    const char          *context,
                                                    const char          *msgid);

G_END_DECLS
