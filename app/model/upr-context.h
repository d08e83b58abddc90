/* upr-context.h: what every page and dialog needs, passed down as a property (as
 * gnome-calendar's GcalContext): the store, the settings, and shared lists (countries,
 * organisations) kept up to date when the store changes. */
#pragma once

#include <gio/gio.h>

#include "upr-types.h"

G_BEGIN_DECLS

#define UPR_TYPE_CONTEXT (upr_context_get_type ())
G_DECLARE_FINAL_TYPE (UprContext, upr_context, UPR, CONTEXT, GObject)

/* @settings may be NULL (command line, some tests). The store's officer follows the
 * "officer-name" setting. */
UprContext      *upr_context_new              (UprStore    *store,
                                               GSettings   *settings);
UprStore        *upr_context_get_store        (UprContext  *self);
GSettings       *upr_context_get_settings     (UprContext  *self);

/* GListModel of UprCountry (those with workshops first); reloaded when workshops change. */
GListModel      *upr_context_get_countries    (UprContext  *self);
/* A new reference (the list is refilled with new objects), or NULL when unknown. */
UprCountry      *upr_context_find_country     (UprContext  *self,
                                               const char  *code);

/* GListModel of UprOrganisation, by name; reloaded when organisations change. */
GListModel      *upr_context_get_organisations (UprContext *self);
/* The organisation with this name or acronym (case- and accent-insensitive), or a new one
 * saved with @stakeholder_type (NULL: "other") and @country_code. A new reference. */
UprOrganisation *upr_context_ensure_organisation (UprContext  *self,
                                                  const char  *name,
                                                  const char  *stakeholder_type,
                                                  const char  *country_code,
                                                  GError     **error);

G_END_DECLS
