/* upr-migrations.c: Upright's schema as forward migrations.
 *
 * Never edit a migration that has shipped: add a new one. Each runs in its own transaction
 * with the user_version bump (see upr-store.c); tests/test-migrations.c opens a database at
 * every version and migrates it forward.
 *
 * Conventions: ids are random UUIDs (TEXT) so that databases of several officers merge
 * without clashes; timestamps are ISO 8601 UTC text; dates are "YYYY-MM-DD", times "HH:MM";
 * closed vocabularies are stored as the English ids of upr-vocab.c and checked here.
 * Dates and times are checked through a no-op modifier ('+0 days') because SQLite's date()
 * alone accepts "2024-02-30" and strftime() "24:00"; the modifier normalises them, so the
 * comparison fails. */
#include "config.h"

#include "upr-migrations.h"
#include "upr-store-countries.h"

/* Version 1: reference data (countries, UPR cycles), organisations and the change log. */
static const char migration_1[] =
  "CREATE TABLE country ("
  "  code TEXT PRIMARY KEY CHECK (length (code) = 2),"
  "  alpha3 TEXT NOT NULL UNIQUE CHECK (length (alpha3) = 3),"
  "  numeric TEXT NOT NULL,"
  "  name_en TEXT NOT NULL CHECK (name_en <> ''),"
  "  name_fr TEXT NOT NULL CHECK (name_fr <> ''),"
  "  un_group TEXT CHECK (un_group IN ('african', 'asia-pacific', 'eastern-european',"
  "                                    'grulac', 'weog')),"
  "  un_status TEXT NOT NULL CHECK (un_status IN ('member', 'observer'))"
  ");"
  "CREATE TABLE upr_cycle ("
  "  number INTEGER PRIMARY KEY,"
  "  first_session INTEGER NOT NULL,"
  "  last_session INTEGER NOT NULL,"
  "  CHECK (first_session <= last_session)"
  ");"
  "INSERT INTO upr_cycle VALUES (1, 1, 12), (2, 13, 26), (3, 27, 40), (4, 41, 54);"
  "CREATE TABLE organisation ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  name TEXT NOT NULL CHECK (trim (name) <> ''),"
  "  acronym TEXT,"
  "  stakeholder_type TEXT NOT NULL DEFAULT 'other' CHECK (stakeholder_type IN ("
  "    'government', 'nmirf', 'parliament', 'judiciary', 'nhri', 'cso', 'un', 'embassy',"
  "    'academia', 'media', 'private-sector', 'other')),"
  "  country_code TEXT REFERENCES country (code)"
  ");"
  "CREATE INDEX organisation_name ON organisation (name COLLATE NOCASE);"
  "CREATE TABLE change_log ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at TEXT NOT NULL,"
  "  officer TEXT,"
  "  entity TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),"
  "  fields TEXT"
  ");"
  "CREATE INDEX change_log_entity ON change_log (entity, entity_id);";

/* Version 2: workshops, their programme, people and their attendances. */
static const char migration_2[] =
  "CREATE TABLE workshop ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  country_code TEXT NOT NULL REFERENCES country (code),"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),"
  "  kind TEXT NOT NULL DEFAULT 'consultation' CHECK (kind IN ('consultation',"
  "    'implementation-planning', 'mid-term-review', 'training', 'side-event', 'other')),"
  "  cycle INTEGER REFERENCES upr_cycle (number),"
  "  start_date TEXT CHECK (start_date IS NULL OR date (start_date, '+0 days') IS start_date),"
  "  end_date TEXT CHECK (end_date IS NULL OR date (end_date, '+0 days') IS end_date),"
  "  start_time TEXT CHECK (start_time IS NULL"
  "    OR strftime ('%H:%M', start_time, '+0 minutes') IS start_time),"
  "  end_time TEXT CHECK (end_time IS NULL"
  "    OR strftime ('%H:%M', end_time, '+0 minutes') IS end_time),"
  "  venue TEXT,"
  "  format TEXT NOT NULL DEFAULT 'in-person' CHECK (format IN ('in-person', 'online', 'hybrid')),"
  "  online_link TEXT,"
  "  languages TEXT,"
  "  organisers TEXT,"
  "  partners TEXT,"
  "  objectives TEXT,"
  "  notes TEXT,"
  "  deleted_at TEXT,"
  "  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)"
  ");"
  "CREATE INDEX workshop_country ON workshop (country_code, start_date);"
  "CREATE TABLE agenda_item ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  workshop_id TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  time TEXT CHECK (time IS NULL OR strftime ('%H:%M', time, '+0 minutes') IS time),"
  "  duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes >= 0),"
  "  title TEXT NOT NULL CHECK (trim (title) <> ''),"
  "  role TEXT CHECK (role IS NULL OR role IN ('welcome', 'moderation', 'statement',"
  "    'presentation', 'discussion', 'break')),"
  "  speaker TEXT,"
  "  organisation_id TEXT REFERENCES organisation (id) ON DELETE SET NULL,"
  "  confirmed INTEGER NOT NULL DEFAULT 1 CHECK (confirmed IN (0, 1))"
  ");"
  "CREATE INDEX agenda_item_workshop ON agenda_item (workshop_id, position);"
  "CREATE TABLE person ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  name TEXT NOT NULL CHECK (trim (name) <> ''),"
  "  honorific TEXT,"
  "  gender TEXT CHECK (gender IS NULL OR gender IN ('woman', 'man', 'non-binary',"
  "    'self-described', 'prefer-not-to-say')),"
  "  gender_description TEXT,"
  "  organisation_id TEXT REFERENCES organisation (id) ON DELETE SET NULL,"
  "  position TEXT,"
  "  email TEXT,"
  "  phone TEXT,"
  "  consent_date TEXT CHECK (consent_date IS NULL"
  "    OR date (consent_date, '+0 days') IS consent_date),"
  "  consent_scope TEXT NOT NULL DEFAULT 'none' CHECK (consent_scope IN ('none', 'records',"
  "    'reports', 'public'))"
  ");"
  "CREATE INDEX person_name ON person (name COLLATE NOCASE);"
  "CREATE TABLE attendance ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  workshop_id TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,"
  "  person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  registration TEXT NOT NULL DEFAULT 'attended' CHECK (registration IN ('invited',"
  "    'registered', 'attended', 'absent')),"
  "  mode TEXT NOT NULL DEFAULT 'in-person' CHECK (mode IN ('in-person', 'online')),"
  "  days_attended INTEGER CHECK (days_attended IS NULL OR days_attended >= 0),"
  "  UNIQUE (workshop_id, person_id)"
  ");"
  "CREATE INDEX attendance_person ON attendance (person_id);";

static const UprMigration migrations[] = {
  { 1, migration_1, upr_store_seed_countries },
  { 2, migration_2, NULL },
};

const UprMigration *
upr_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

int
upr_migrations_latest (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}
