/* upr-import-assistant-issue.h: one problem of an import's report (a UprImportIssue) as the
 * assistant's report list shows it: its properties are the columns' text. */
#pragma once

#include <glib-object.h>

#include "upr-import.h"

G_BEGIN_DECLS

#define UPR_TYPE_IMPORT_ASSISTANT_ISSUE (upr_import_assistant_issue_get_type ())
G_DECLARE_FINAL_TYPE (UprImportAssistantIssue, upr_import_assistant_issue, UPR,
                      IMPORT_ASSISTANT_ISSUE, GObject)

/* Read-only properties, all strings: "severity" (translated: Error, Skipped, Warning),
 * "icon-name", "row" ("" for the file as a whole), "column", "message", "value". */
UprImportAssistantIssue *upr_import_assistant_issue_new          (const UprImportIssue *issue);
UprImportSeverity        upr_import_assistant_issue_get_severity (UprImportAssistantIssue *self);
const char              *upr_import_assistant_issue_get_message  (UprImportAssistantIssue *self);

G_END_DECLS
