/* upr-store.h: Upright's database, the only place with SQL.
 *
 * One SQLite file (WAL, synchronous FULL, foreign keys, secure delete). Every change is
 * written at once in a transaction and recorded in the change log with the officer's name.
 * Records (upr-record.h) are the store's currency: loaded from it, saved back to it. */
#pragma once

#include <gio/gio.h>

#include "upr-types.h"
#include "upr-record.h"

G_BEGIN_DECLS

#define UPR_STORE_ERROR (upr_store_error_quark ())

typedef enum
{
  UPR_STORE_ERROR_FAILED,
  UPR_STORE_ERROR_NOT_A_DATABASE, /* the file is not an SQLite database */
  UPR_STORE_ERROR_TOO_NEW,        /* written by a newer Upright */
  UPR_STORE_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  UPR_STORE_ERROR_LOCKED,         /* another process holds the database */
  UPR_STORE_ERROR_CORRUPT,        /* quick_check failed */
  UPR_STORE_ERROR_CONSTRAINT,     /* a value the schema refuses */
  UPR_STORE_ERROR_NOT_FOUND,
} UprStoreError;

#define UPR_TYPE_STORE (upr_store_get_type ())
G_DECLARE_FINAL_TYPE (UprStore, upr_store, UPR, STORE, GObject)

GQuark      upr_store_error_quark        (void);

/* $UPRIGHT_DATABASE, else $XDG_DATA_HOME/upright/upright.db. */
char       *upr_store_default_path       (void);

/* Opens (creating it and its folder if needed) and migrates to the latest schema. Refuses,
 * touching nothing, a file that is not a database, newer than this version, read-only,
 * locked or corrupt. */
UprStore   *upr_store_open               (const char  *path,
                                          GError     **error);
/* For `upright check`: opens without the quick check, the configuration or the migrations,
 * so that upr_store_check() can report on a damaged or older database as it is. */
UprStore   *upr_store_open_for_check     (const char  *path,
                                          GError     **error);
/* For tests: creates or opens at most at @version (no migration past it). */
UprStore   *upr_store_open_at_version    (const char  *path,
                                          int          version,
                                          GError     **error);
/* Migrates an open store forward to @version. */
gboolean    upr_store_migrate            (UprStore    *self,
                                          int          version,
                                          GError     **error);

const char *upr_store_get_path           (UprStore    *self);
int         upr_store_get_schema_version (UprStore    *self);

/* The name written into the change log ("officer" property). */
const char *upr_store_get_officer        (UprStore    *self);
void        upr_store_set_officer        (UprStore    *self,
                                          const char  *officer);

/* Full integrity check (integrity_check and foreign_key_check) for `upright check`.
 * Appends a human-readable report to @report; returns FALSE with @error when damaged. */
gboolean    upr_store_check              (UprStore    *self,
                                          GString     *report,
                                          GError     **error);

/* Groups several saves into one transaction (nests with savepoints). Every save below
 * opens its own when none is open. */
gboolean    upr_store_begin              (UprStore    *self,
                                          GError     **error);
gboolean    upr_store_commit             (UprStore    *self,
                                          GError     **error);
void        upr_store_rollback           (UprStore    *self);

/* Generic persistence of any record: a record without id is created (id, timestamps
 * assigned), otherwise upserted. Logs the change. Emits ::changed with the table name. */
gboolean    upr_store_save               (UprStore    *self,
                                          UprRecord   *record,
                                          GError     **error);
gboolean    upr_store_delete             (UprStore    *self,
                                          UprRecord   *record,
                                          GError     **error);
/* Loads one record of @type by id; NULL with UPR_STORE_ERROR_NOT_FOUND when absent. */
UprRecord  *upr_store_load               (UprStore    *self,
                                          GType        type,
                                          const char  *id,
                                          GError     **error);

/* Number of rows in the change log, and for tests the last entry ("action table fields"). */
gint64      upr_store_count_changes      (UprStore    *self);
char       *upr_store_describe_last_change (UprStore  *self);

/* Countries: a GListModel of UprCountry, those with workshops first (by name in the
 * current language), then all the others. */
GListModel *upr_store_list_countries     (UprStore    *self,
                                          GError     **error);
UprCountry *upr_store_get_country        (UprStore    *self,
                                          const char  *code,
                                          GError     **error);

/* Organisations of a country (NULL: all), by name. */
GListModel *upr_store_list_organisations (UprStore    *self,
                                          const char  *country_code,
                                          GError     **error);
/* Case- and accent-insensitive lookup by name or acronym; NULL without error when absent. */
UprOrganisation *upr_store_find_organisation (UprStore   *self,
                                              const char *name,
                                              GError    **error);

/* Workshops of a country (NULL: all), newest first, not those in the trash. */
GListModel *upr_store_list_workshops     (UprStore    *self,
                                          const char  *country_code,
                                          GError     **error);
gint64      upr_store_count_workshops    (UprStore    *self,
                                          GError     **error);
/* Deletion with undo: a trashed workshop is hidden; restore brings it back; purge deletes
 * for good what was trashed (with its programme and attendances) and truncates the WAL so
 * deleted personal data does not linger on disk. */
gboolean    upr_store_trash_workshop     (UprStore    *self,
                                          UprWorkshop *workshop,
                                          GError     **error);
gboolean    upr_store_restore_workshop   (UprStore    *self,
                                          UprWorkshop *workshop,
                                          GError     **error);
gboolean    upr_store_purge_trash        (UprStore    *self,
                                          GError     **error);

/* The programme of a workshop, by position. */
GListModel *upr_store_list_agenda        (UprStore    *self,
                                          const char  *workshop_id,
                                          GError     **error);
/* Rewrites positions 0..n-1 in the order of @items (UprAgendaItem), in one transaction. */
gboolean    upr_store_reorder_agenda     (UprStore    *self,
                                          GListModel  *items,
                                          GError     **error);

/* People whose name matches @name (case- and accent-insensitive, whole name), for the
 * "already known" offer when adding a participant. */
GListModel *upr_store_find_people        (UprStore    *self,
                                          const char  *name,
                                          GError     **error);

typedef void (*UprParticipantFunc) (UprAttendance   *attendance,
                                    UprPerson       *person,
                                    UprOrganisation *organisation, /* nullable */
                                    gpointer         user_data);
/* Calls @func for every attendance of the workshop with its person and organisation, in
 * one query (a workshop may have thousands). */
gboolean    upr_store_foreach_participant (UprStore           *self,
                                           const char         *workshop_id,
                                           UprParticipantFunc  func,
                                           gpointer            user_data,
                                           GError            **error);
/* Saves person and attendance in one transaction (sets the attendance's person-id). */
gboolean    upr_store_save_participant    (UprStore      *self,
                                           UprPerson     *person,
                                           UprAttendance *attendance,
                                           GError       **error);

G_END_DECLS
