/* upr-export-dialog.h: "Export Workbook": the workbook for headquarters (upr-workbook.h).
 *
 * The officer chooses the scope (this workshop, this country, or several countries from a
 * searchable list of those with data), the cycle, the sheets, the workbook's language
 * (English or French, whatever the interface's), whether people appear only as counts (the
 * default) or also by name when they consented, and where to save. Export then runs in a
 * thread with a progress bar and Cancel (closing the dialog cancels too); the dialog ends on
 * where the file went, with Open Folder and Open, and any warning from the writer, or on
 * why it failed. The officer's name (setting "officer-name") is the workbook's author. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"
#include "upr-workbook.h"

G_BEGIN_DECLS

typedef enum
{
  UPR_EXPORT_SCOPE_WORKSHOP,  /* the dialog's workshop (its country's matrix) */
  UPR_EXPORT_SCOPE_COUNTRY,   /* the dialog's country */
  UPR_EXPORT_SCOPE_COUNTRIES, /* the countries chosen in the list */
} UprExportScope;

#define UPR_TYPE_EXPORT_DIALOG (upr_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UprExportDialog, upr_export_dialog, UPR, EXPORT_DIALOG, GtkWindow)

/* Modal on @parent (nullable). @country_code and @workshop (both nullable) are what "This
 * country" and "This workshop" mean; the scope starts on the country when there is one. */
UprExportDialog         *upr_export_dialog_new           (GtkWindow       *parent,
                                                          UprContext      *context,
                                                          const char      *country_code,
                                                          UprWorkshop     *workshop);
/* Presents the dialog for what @window shows (a UprWindow's country and workshop). */
void                     upr_export_dialog_show          (GtkWindow       *window,
                                                          UprContext      *context);

void                     upr_export_dialog_set_scope     (UprExportDialog *self,
                                                          UprExportScope   scope);
UprExportScope           upr_export_dialog_get_scope     (UprExportDialog *self);
/* Ticks or unticks a country in the list of several countries. */
void                     upr_export_dialog_choose_country (UprExportDialog *self,
                                                           const char      *code,
                                                           gboolean         chosen);
/* The workbook the options describe now (what Export would write). */
UprWorkbook             *upr_export_dialog_build_workbook (UprExportDialog *self);
/* "UPR-CD-2026-11-27.xlsx": the name the save dialog suggests. */
char                    *upr_export_dialog_suggest_name  (UprExportDialog *self);

/* Where Export saves: set by the save dialog, or here (tests). NULL: Export asks. */
void                     upr_export_dialog_set_file      (UprExportDialog *self,
                                                          GFile           *file);
GFile                   *upr_export_dialog_get_file      (UprExportDialog *self);
/* What the Export button does. */
void                     upr_export_dialog_export        (UprExportDialog *self);
/* Cancels a running export (the Cancel button). */
void                     upr_export_dialog_cancel        (UprExportDialog *self);

/* "state": "options", "exporting", "done" or "failed" (notified). */
const char              *upr_export_dialog_get_state     (UprExportDialog *self);
/* After "done": what the writer reported. After "failed": why. */
const UprWorkbookReport *upr_export_dialog_get_report    (UprExportDialog *self);
const GError            *upr_export_dialog_get_error     (UprExportDialog *self);

G_END_DECLS
