/* upr-organisation-entry.h: an organisation typed by name, with the known ones offered as
 * you type (Up/Down to choose, Enter or Tab to take one). A name nobody knows yet is a new
 * organisation: the form that owns the entry creates it when it saves. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_ORGANISATION_ENTRY (upr_organisation_entry_get_type ())
G_DECLARE_FINAL_TYPE (UprOrganisationEntry, upr_organisation_entry, UPR, ORGANISATION_ENTRY,
                      GtkWidget)

/* Properties: "context" (UprContext), "text", "organisation" (read-only: the known
 * organisation whose name or acronym is the text, ignoring case and accents; NULL for a
 * new name or no text), "label" (accessible name). Signal "activate": Enter pressed while
 * no suggestion was chosen. */
const char      *upr_organisation_entry_get_text         (UprOrganisationEntry *self);
void             upr_organisation_entry_set_text         (UprOrganisationEntry *self,
                                                          const char           *text);
UprOrganisation *upr_organisation_entry_get_organisation (UprOrganisationEntry *self);
GtkEditable     *upr_organisation_entry_get_editable     (UprOrganisationEntry *self);
/* Hides the suggestions (e.g. when the form is cleared). */
void             upr_organisation_entry_close            (UprOrganisationEntry *self);

/* Keeps the stakeholder-type drop-down beside the entry in step: a known organisation shows
 * its own type (not editable here); only a new name needs one chosen. Call on "changed". */
void upr_organisation_entry_sync_stakeholder (UprOrganisationEntry *self,
                                              GtkDropDown          *stakeholder_drop_down);

G_END_DECLS
