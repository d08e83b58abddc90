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
#include "upr-store-terms.h"

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

/* Version 3: reviews, recommendations and their implementation (issue 3).
 *
 * A recommendation's implementation is 1:1, so its own fields (lead institution, current
 * status and its date) are columns of "recommendation"; its lists point at it and go with it.
 * "search_folded" holds the searchable text folded once (upr_fold(), registered by the store
 * on every connection): the matrix filters 40,000 rows per keystroke in memory over it rather
 * than folding them each time. Triggers keep it, so no writer can leave it stale; it is not a
 * record field, so saving a record never writes an old copy back. The cycle of a review is
 * not stored: upr_cycle stays the one place that maps sessions to cycles. Themes, groups of
 * persons and issues are one vocabulary table (reference data seeded from
 * data/vocabulary-terms.tsv, with the SDGs from data/sdg-goals.tsv). */
static const char migration_3[] =
  "CREATE TABLE review ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  country_code TEXT NOT NULL REFERENCES country (code),"
  "  session INTEGER NOT NULL CHECK (session BETWEEN 1 AND 999),"
  "  review_date TEXT CHECK (review_date IS NULL"
  "    OR date (review_date, '+0 days') IS review_date),"
  "  adoption_date TEXT CHECK (adoption_date IS NULL"
  "    OR date (adoption_date, '+0 days') IS adoption_date),"
  "  report_symbol TEXT,"
  "  notes TEXT,"
  "  UNIQUE (country_code, session),"
  "  CHECK (adoption_date IS NULL OR review_date IS NULL OR adoption_date >= review_date)"
  ");"
  "CREATE TABLE recommendation ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  review_id TEXT NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  paragraph TEXT,"
  "  text TEXT NOT NULL CHECK (trim (text) <> ''),"
  "  response TEXT NOT NULL DEFAULT 'pending' CHECK (response IN ('supported',"
  "    'supported-in-part', 'noted', 'pending')),"
  "  response_source TEXT,"
  "  action_category INTEGER CHECK (action_category IS NULL OR action_category BETWEEN 1 AND 5),"
  "  voluntary_pledge INTEGER NOT NULL DEFAULT 0 CHECK (voluntary_pledge IN (0, 1)),"
  "  cluster TEXT,"
  "  priority TEXT CHECK (priority IS NULL OR priority IN ('high', 'medium', 'low')),"
  "  notes TEXT,"
  "  source_file TEXT,"
  "  source_row INTEGER CHECK (source_row IS NULL OR source_row >= 1),"
  "  lead_organisation_id TEXT REFERENCES organisation (id) ON DELETE SET NULL,"
  "  status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'in-progress',"
  "    'partially-implemented', 'implemented', 'not-applicable')),"
  "  status_date TEXT CHECK (status_date IS NULL"
  "    OR date (status_date, '+0 days') IS status_date),"
  "  deleted_at TEXT,"
  "  search_folded TEXT NOT NULL DEFAULT ''"
  ");"
  /* Covering what the overview's counts and every selection of recommendations read, so
   * that they never read the long texts. */
  "CREATE INDEX recommendation_review ON recommendation (review_id, deleted_at, status,"
  "  response, action_category, status_date, id);"
  "CREATE INDEX recommendation_lead ON recommendation (lead_organisation_id)"
  "  WHERE lead_organisation_id IS NOT NULL;"
  /* The few in the trash, which a listing of every recommendation leaves out. */
  "CREATE INDEX recommendation_trash ON recommendation (id) WHERE deleted_at IS NOT NULL;"
  "CREATE TRIGGER recommendation_fold_insert AFTER INSERT ON recommendation BEGIN"
  "  UPDATE recommendation SET search_folded = upr_fold (coalesce (NEW.paragraph, '')"
  "    || ' ' || NEW.text || ' ' || coalesce (NEW.notes, '') || ' ' || coalesce (NEW.cluster, '')"
  "    || ' ' || coalesce (NEW.response_source, '')) WHERE id = NEW.id;"
  "END;"
  "CREATE TRIGGER recommendation_fold_update"
  "  AFTER UPDATE OF paragraph, text, notes, cluster, response_source ON recommendation BEGIN"
  "  UPDATE recommendation SET search_folded = upr_fold (coalesce (NEW.paragraph, '')"
  "    || ' ' || NEW.text || ' ' || coalesce (NEW.notes, '') || ' ' || coalesce (NEW.cluster, '')"
  "    || ' ' || coalesce (NEW.response_source, '')) WHERE id = NEW.id;"
  "END;"
  "CREATE TABLE recommendation_state ("
  "  recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  country_code TEXT NOT NULL REFERENCES country (code),"
  "  PRIMARY KEY (recommendation_id, country_code)"
  ") WITHOUT ROWID;"
  "CREATE INDEX recommendation_state_country ON recommendation_state (country_code);"
  "CREATE TABLE vocabulary_term ("
  "  id TEXT PRIMARY KEY CHECK (id = scheme || ':' || code),"
  "  scheme TEXT NOT NULL CHECK (scheme IN ('uhri-theme', 'uhri-group', 'uprinfo-issue')),"
  "  code TEXT NOT NULL CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9-]*'),"
  "  position INTEGER NOT NULL,"
  "  label_en TEXT NOT NULL CHECK (label_en <> ''),"
  "  label_fr TEXT NOT NULL CHECK (label_fr <> ''),"
  "  UNIQUE (scheme, code)"
  ");"
  "CREATE TABLE recommendation_term ("
  "  recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  term_id TEXT NOT NULL REFERENCES vocabulary_term (id),"
  "  PRIMARY KEY (recommendation_id, term_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX recommendation_term_term ON recommendation_term (term_id);"
  "CREATE TABLE sdg_goal ("
  "  number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 17),"
  "  title_en TEXT NOT NULL CHECK (title_en <> ''),"
  "  title_fr TEXT NOT NULL CHECK (title_fr <> '')"
  ");"
  "CREATE TABLE recommendation_sdg ("
  "  recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  goal INTEGER NOT NULL REFERENCES sdg_goal (number),"
  "  PRIMARY KEY (recommendation_id, goal)"
  ") WITHOUT ROWID;"
  "CREATE INDEX recommendation_sdg_goal ON recommendation_sdg (goal);"
  "CREATE TABLE recommendation_support ("
  "  recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  organisation_id TEXT NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (recommendation_id, organisation_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX recommendation_support_organisation ON recommendation_support (organisation_id);"
  "CREATE TABLE planned_action ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL CHECK (trim (text) <> ''),"
  "  organisation_id TEXT REFERENCES organisation (id) ON DELETE SET NULL,"
  "  start_date TEXT CHECK (start_date IS NULL OR date (start_date, '+0 days') IS start_date),"
  "  due_date TEXT CHECK (due_date IS NULL OR date (due_date, '+0 days') IS due_date),"
  "  resources TEXT,"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress',"
  "    'completed', 'cancelled')),"
  "  CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date)"
  ");"
  "CREATE INDEX planned_action_recommendation ON planned_action (recommendation_id);"
  "CREATE INDEX planned_action_due ON planned_action (due_date)"
  "  WHERE due_date IS NOT NULL AND status IN ('planned', 'in-progress');"
  "CREATE TABLE indicator ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL CHECK (trim (text) <> ''),"
  "  baseline TEXT,"
  "  target TEXT,"
  "  means_of_verification TEXT"
  ");"
  "CREATE INDEX indicator_recommendation ON indicator (recommendation_id);"
  "CREATE TABLE progress_update ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL CHECK (date (date, '+0 days') IS date),"
  "  organisation_id TEXT REFERENCES organisation (id) ON DELETE SET NULL,"
  "  status TEXT CHECK (status IS NULL OR status IN ('not-started', 'in-progress',"
  "    'partially-implemented', 'implemented', 'not-applicable')),"
  "  text TEXT,"
  "  evidence TEXT,"
  "  CHECK (status IS NOT NULL OR trim (coalesce (text, '')) <> '')"
  ");"
  "CREATE INDEX progress_update_recommendation ON progress_update (recommendation_id, date);"
  "CREATE TABLE assessment ("
  "  id TEXT PRIMARY KEY,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  recommendation_id TEXT NOT NULL REFERENCES recommendation (id) ON DELETE CASCADE,"
  "  source TEXT NOT NULL CHECK (source IN ('government', 'nhri', 'cso', 'un')),"
  "  organisation_id TEXT REFERENCES organisation (id) ON DELETE SET NULL,"
  "  level TEXT NOT NULL CHECK (level IN ('not-implemented', 'partially-implemented',"
  "    'fully-implemented')),"
  "  date TEXT NOT NULL CHECK (date (date, '+0 days') IS date),"
  "  note TEXT"
  ");"
  "CREATE INDEX assessment_recommendation ON assessment (recommendation_id, date);";

/* Version 4: the column mappings of imported files (issue 4), remembered per set of headers
 * so that a file laid out like one imported before is read the same way without asking.
 * "header_key" is a hash of the file's folded header names (upr-import.c); "mapping" the
 * field of each column, in order (upr-import-layout.c). Not personal data, not logged. */
static const char migration_4[] =
  "CREATE TABLE import_mapping ("
  "  header_key TEXT PRIMARY KEY CHECK (header_key <> ''),"
  "  mapping TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");";

/* Version 5: the folded search text of a new recommendation is computed only when the
 * insert did not bring it. The importer folds in C as it writes (the same text as below):
 * without this, every imported row was written twice, once by the insert and once by the
 * trigger's update, which cost a fifth of the import's time. */
static const char migration_5[] =
  "DROP TRIGGER recommendation_fold_insert;"
  "CREATE TRIGGER recommendation_fold_insert AFTER INSERT ON recommendation"
  "  WHEN NEW.search_folded = '' BEGIN"
  "  UPDATE recommendation SET search_folded = upr_fold (coalesce (NEW.paragraph, '')"
  "    || ' ' || NEW.text || ' ' || coalesce (NEW.notes, '') || ' ' || coalesce (NEW.cluster, '')"
  "    || ' ' || coalesce (NEW.response_source, '')) WHERE id = NEW.id;"
  "END;";

static const UprMigration migrations[] = {
  { 1, migration_1, upr_store_seed_countries },
  { 2, migration_2, NULL },
  { 3, migration_3, upr_store_seed_terms },
  { 4, migration_4, NULL },
  { 5, migration_5, NULL },
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
