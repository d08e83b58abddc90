/* upr-date-entry.h: a date typed as "YYYY-MM-DD" or picked from a calendar popover. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPR_TYPE_DATE_ENTRY (upr_date_entry_get_type ())
G_DECLARE_FINAL_TYPE (UprDateEntry, upr_date_entry, UPR, DATE_ENTRY, GtkWidget)

/* Properties: "text" (what is typed, unchecked), "label" (the accessible name of the
 * entry, e.g. "Start date"). Signals: "changed" when the text changes, "activate" on Enter
 * or when a day is picked in the calendar (a form saves at once then). */
const char  *upr_date_entry_get_text     (UprDateEntry *self);
void         upr_date_entry_set_text     (UprDateEntry *self,
                                          const char   *text);
GtkEditable *upr_date_entry_get_editable (UprDateEntry *self);

G_END_DECLS
