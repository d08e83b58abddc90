/* upr-import-assistant.h: the import assistant (issue 4): a file chosen or dropped → its
 * format as detected (encoding and separator of text files changeable, with a live view of
 * the file) → its columns and the fields they go to → the rows as they will be imported and
 * the report of a dry run → the import with a progress bar, cancellable → a summary.
 *
 * It imports recommendations, or the participants of one workshop. While it checks or
 * imports, the store is inside the import's transaction, so the window is modal; cancelling
 * or closing it rolls the transaction back. */
#pragma once

#include <gtk/gtk.h>

#include "upr-import-assistant-job.h"
#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_IMPORT_ASSISTANT (upr_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (UprImportAssistant, upr_import_assistant, UPR, IMPORT_ASSISTANT, GtkWindow)

/* Modal on @parent (nullable). @workshop_id: the workshop of a participants import.
 * Signals: "imported" after an import was committed; "show-country" (string, an ISO code)
 * when the user asks to see the imported recommendations (the window then closes).
 * Actions: assistant.next, assistant.back, assistant.cancel (Escape), assistant.choose-file,
 * assistant.show-result. */
UprImportAssistant    *upr_import_assistant_new       (GtkWindow          *parent,
                                                       UprContext         *context,
                                                       UprImportKind       kind,
                                                       const char         *workshop_id);
/* Reads @file (in a thread) and shows its format, or why it cannot be imported. */
void                   upr_import_assistant_open_file (UprImportAssistant *self,
                                                       GFile              *file);
/* The step shown: "choose", "error", "format", "columns", "check", "import", "summary". */
const char            *upr_import_assistant_get_step  (UprImportAssistant *self);
/* TRUE while a file is being read or rows are being checked or imported. */
gboolean               upr_import_assistant_is_busy   (UprImportAssistant *self);
/* The import being prepared, NULL before a file was read. */
UprImportAssistantJob *upr_import_assistant_get_job   (UprImportAssistant *self);

/* Entry points in the main window (upr-import-assistant-entry.c). */

/* Opens the assistant for recommendations, modal on @window, on @file when not NULL. */
UprImportAssistant    *upr_import_assistant_show      (GtkWindow          *window,
                                                       UprContext         *context,
                                                       GFile              *file);
/* Gives the main window what the assistant needs there: files dropped on it are imported
 * (as participants when a workshop's Participants tab shows, else as recommendations), the
 * action "win.import-participants" (the workshop shown), and, after an import, the
 * participant list refreshed or the imported country's recommendations shown. */
void                   upr_import_assistant_install   (GtkApplicationWindow *window,
                                                       UprContext           *context);

G_END_DECLS
