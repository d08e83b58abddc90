/* upr-participant-import.c: participant lists imported into a workshop; see the header. The
 * names of headers and values are in upr-participant-import-values.c, the transaction, steps
 * and report shared with the recommendation import in upr-import-run.c, the one query it
 * needs beyond upr-store.h in app/store/upr-store-participant-import.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-attendance.h"
#include "upr-fold.h"
#include "upr-import-run.h"
#include "upr-normalise.h"
#include "upr-normalise-names.h"
#include "upr-organisation.h"
#include "upr-participant-import-private.h"
#include "upr-person.h"
#include "upr-store.h"
#include "upr-store-import.h"
#include "upr-store-participant-import.h"
#include "upr-vocab.h"
#include "upr-workshop.h"

/* How far down each sheet a header is looked for (a title or a meeting summary may come
 * first), and how many values of a "Title" column tell honorifics from positions. */
#define HEADER_SEARCH_ROWS 30
#define TITLE_SAMPLE 20

/* One person of the file: one row, or several rows of the same person merged. */
typedef struct
{
  guint    row;           /* the first row's line in the file */
  guint    n_rows;
  gboolean skipped;
  char    *key;           /* what merges rows: the e-mail address, else name and organisation */
  char    *name;
  char    *honorific;
  char    *gender;        /* static vocabulary ids from here on */
  const char *stakeholder;
  char    *organisation;
  char    *position;
  const char *country;    /* interned by the name index */
  char    *email;
  char    *phone;
  const char *registration; /* NULL: the file does not say */
  const char *mode;
  const char *consent;    /* "yes", a scope, or NULL */
  guint    minutes;
  gboolean has_minutes;
} Entry;

struct _UprParticipantImport
{
  GObject parent_instance;

  /* owned */
  UprStore            *store;
  UprTable            *table;
  UprWorkshop         *workshop;
  UprNameIndex        *countries;

  /* the analysis */
  guint                sheet;
  guint                header_row;
  guint                end_row;   /* the first row after the list (another section may follow) */
  guint                n_columns;
  char               **column_names;
  UprParticipantField *fields;
  UprDurationUnit     *units;
  gboolean             recognised;
  const char          *registration;

  /* the run */
  UprImportRun         run;         /* the transaction, the progress, the report */
  GPtrArray           *entries;     /* of Entry */
  guint                next;
  GHashTable          *by_email;    /* lower-case address → UprPerson (borrowed) */
  GHashTable          *by_name;     /* folded name → GPtrArray of UprPerson (borrowed) */
  GPtrArray           *people;      /* of UprPerson, owning those above */
  GHashTable          *organisations; /* folded name → UprOrganisation */
  GHashTable          *acronyms;    /* folded acronym → UprOrganisation (borrowed) */
  GHashTable          *attendances; /* person id → UprAttendance */
  GHashTable          *done;        /* person ids recorded by this run */

  UprParticipantImportSummary summary;
};

enum { PROP_0, PROP_PROGRESS, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UprParticipantImport, upr_participant_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (upr-participant-import-error-quark, upr_participant_import_error)

static const struct
{
  const char *id;
  const char *label;
} field_names[UPR_PARTICIPANT_N_FIELDS] = {
  [UPR_PARTICIPANT_FIELD_NONE] = { "", N_("Not placed") },
  [UPR_PARTICIPANT_FIELD_IGNORE] = { "ignore", N_("Left out") },
  [UPR_PARTICIPANT_FIELD_FULL_NAME] = { "full-name", N_("Full name") },
  [UPR_PARTICIPANT_FIELD_FIRST_NAME] = { "first-name", N_("First name") },
  [UPR_PARTICIPANT_FIELD_LAST_NAME] = { "last-name", N_("Last name") },
  [UPR_PARTICIPANT_FIELD_HONORIFIC] = { "honorific", N_("Honorific") },
  [UPR_PARTICIPANT_FIELD_GENDER] = { "gender", N_("Gender") },
  [UPR_PARTICIPANT_FIELD_ORGANISATION] = { "organisation", N_("Organisation") },
  [UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE] = { "stakeholder-type", N_("Stakeholder type") },
  [UPR_PARTICIPANT_FIELD_POSITION] = { "position", N_("Position") },
  [UPR_PARTICIPANT_FIELD_COUNTRY] = { "country", N_("Country") },
  [UPR_PARTICIPANT_FIELD_EMAIL] = { "email", N_("Email") },
  [UPR_PARTICIPANT_FIELD_PHONE] = { "phone", N_("Phone") },
  [UPR_PARTICIPANT_FIELD_REGISTRATION] = { "registration", N_("Registration") },
  [UPR_PARTICIPANT_FIELD_ATTENDED] = { "attended", N_("Attended") },
  [UPR_PARTICIPANT_FIELD_MODE] = { "mode", N_("Attendance mode") },
  [UPR_PARTICIPANT_FIELD_DURATION] = { "duration", N_("Time online") },
  [UPR_PARTICIPANT_FIELD_CONSENT] = { "consent", N_("Consent") },
};

/* Boxed types */

UprParticipantPreviewRow *
upr_participant_preview_row_copy (const UprParticipantPreviewRow *row)
{
  UprParticipantPreviewRow *copy = g_memdup2 (row, sizeof *row);

  copy->name = g_strdup (row->name);
  copy->honorific = g_strdup (row->honorific);
  copy->gender = g_strdup (row->gender);
  copy->organisation = g_strdup (row->organisation);
  copy->position = g_strdup (row->position);
  copy->email = g_strdup (row->email);
  copy->phone = g_strdup (row->phone);
  copy->registration = g_strdup (row->registration);
  copy->mode = g_strdup (row->mode);
  copy->consent = g_strdup (row->consent);
  return copy;
}

void
upr_participant_preview_row_free (UprParticipantPreviewRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->honorific);
  g_free (row->gender);
  g_free (row->organisation);
  g_free (row->position);
  g_free (row->email);
  g_free (row->phone);
  g_free (row->registration);
  g_free (row->mode);
  g_free (row->consent);
  g_free (row);
}

G_DEFINE_BOXED_TYPE (UprParticipantPreviewRow, upr_participant_preview_row,
                     upr_participant_preview_row_copy, upr_participant_preview_row_free)

/* Helpers */

static void
entry_free (Entry *entry)
{
  g_free (entry->key);
  g_free (entry->name);
  g_free (entry->honorific);
  g_free (entry->gender);
  g_free (entry->organisation);
  g_free (entry->position);
  g_free (entry->email);
  g_free (entry->phone);
  g_free (entry);
}

static void
add_issue (UprParticipantImport *self,
           GPtrArray            *issues,
           UprImportSeverity     severity,
           guint                 line,
           int                   column,
           const char           *value,
           const char           *message)
{
  upr_import_run_add_issue (&self->run, issues, severity, line, column, value, message);
}

static int
column_of (UprParticipantImport *self,
           UprParticipantField   field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] == field)
      return (int) c;
  return -1;
}

static gboolean
has_field (UprParticipantImport *self,
           UprParticipantField   field)
{
  return column_of (self, field) >= 0;
}

static const char * const *
get_row (UprParticipantImport *self,
         guint                 row)
{
  static const char * const empty[] = { NULL };

  return row < upr_table_get_n_rows (self->table, self->sheet)
           ? upr_table_get_row (self->table, self->sheet, row) : empty;
}

static const char *
cell (const char * const *cells,
      guint               n_cells,
      int                 column)
{
  return column >= 0 && (guint) column < n_cells ? cells[column] : "";
}

static guint
count_filled (const char * const *cells)
{
  guint n = 0;

  for (guint c = 0; cells[c] != NULL; c++)
    {
      g_autofree char *clean = upr_normalise_text (cells[c], UPR_NORMALISE_SINGLE_LINE);

      n += clean[0] != '\0';
    }
  return n;
}

static char *
fold_or_empty (const char *text)
{
  return text != NULL ? upr_fold (text) : g_strdup ("");
}

/* The analysis: header, fields, where the list ends */

/* The fields of a header row; @hints receive how to read them. Duplicates are left as they
 * are: resolve_fields() settles them. */
static guint
map_header (const char * const *cells,
            guint               n_cells,
            UprParticipantField *fields,
            UprHeaderHint       *hints,
            UprDurationUnit     *units)
{
  guint found = 0;
  gboolean seen[UPR_PARTICIPANT_N_FIELDS] = { FALSE };
  gboolean has_name = FALSE;

  for (guint c = 0; c < n_cells; c++)
    {
      fields[c] = cells[c][0] != '\0'
                    ? upr_participant_header_field (cells[c], &hints[c], &units[c])
                    : UPR_PARTICIPANT_FIELD_NONE;
      if (cells[c][0] == '\0')
        hints[c] = UPR_HEADER_PLAIN;
      if (fields[c] > UPR_PARTICIPANT_FIELD_IGNORE && !seen[fields[c]])
        {
          seen[fields[c]] = TRUE;
          found++;
        }
      has_name |= fields[c] >= UPR_PARTICIPANT_FIELD_FULL_NAME
                  && fields[c] <= UPR_PARTICIPANT_FIELD_LAST_NAME;
    }
  return has_name ? found : 0;
}

/* A "Title" column holds honorifics ("Mr", "Dr", "Mme") or positions ("Director"). */
static gboolean
holds_honorifics (UprParticipantImport *self,
                  guint                 column)
{
  guint n = 0, honorific = 0;

  for (guint r = self->header_row + 1; r < self->end_row && n < TITLE_SAMPLE; r++)
    {
      const char * const *cells = get_row (self, r);
      guint n_cells = g_strv_length ((char **) cells);
      g_autofree char *value = upr_normalise_text (cell (cells, n_cells, (int) column),
                                                   UPR_NORMALISE_SINGLE_LINE);

      if (value[0] == '\0')
        continue;
      n++;
      honorific += upr_participant_is_honorific (value);
    }
  return n > 0 && honorific * 2 >= n;
}

/* Settles the fields that depend on the others or on the values, then keeps one column per
 * field (the first): the others are left for the user to place. */
static void
resolve_fields (UprParticipantImport *self,
                const UprHeaderHint  *hints)
{
  gboolean has_first = has_field (self, UPR_PARTICIPANT_FIELD_FIRST_NAME);
  gboolean has_last = has_field (self, UPR_PARTICIPANT_FIELD_LAST_NAME);
  gboolean seen[UPR_PARTICIPANT_N_FIELDS] = { FALSE };

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (hints[c] == UPR_HEADER_NAME)
        self->fields[c] = has_first && !has_last ? UPR_PARTICIPANT_FIELD_LAST_NAME
                                                 : UPR_PARTICIPANT_FIELD_FULL_NAME;
      else if (hints[c] == UPR_HEADER_TITLE)
        self->fields[c] = holds_honorifics (self, c) ? UPR_PARTICIPANT_FIELD_HONORIFIC
                                                     : UPR_PARTICIPANT_FIELD_POSITION;
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      UprParticipantField field = self->fields[c];

      if (field <= UPR_PARTICIPANT_FIELD_IGNORE)
        continue;
      if (seen[field])
        self->fields[c] = UPR_PARTICIPANT_FIELD_NONE;
      seen[field] = TRUE;
    }
}

/* A list ends at the end of the sheet, or where an empty row is followed by another section
 * of the report (Teams: "3. In-Meeting Activities" and a header of its own). */
static guint
find_end (UprParticipantImport *self,
          guint                 header_width)
{
  guint n_rows = upr_table_get_n_rows (self->table, self->sheet);
  gboolean after_gap = FALSE;

  for (guint r = self->header_row + 1; r < n_rows; r++)
    {
      const char * const *cells = get_row (self, r);
      guint filled = count_filled (cells);

      if (filled == 0)
        {
          after_gap = TRUE;
          continue;
        }
      if (after_gap && header_width > 1)
        {
          guint n_cells = g_strv_length ((char **) cells);
          g_autofree UprParticipantField *fields = g_new0 (UprParticipantField, MAX (n_cells, 1));
          g_autofree UprHeaderHint *hints = g_new0 (UprHeaderHint, MAX (n_cells, 1));
          g_autofree UprDurationUnit *units = g_new0 (UprDurationUnit, MAX (n_cells, 1));

          if (filled == 1 || map_header (cells, n_cells, fields, hints, units) >= 2)
            return r;
        }
      after_gap = FALSE;
    }
  return n_rows;
}

/* What a set of headers is remembered by: the headers as the file writes them (not the
 * translated "Column 3" given to blank ones), folded. */
static char *
header_key_of (UprParticipantImport *self)
{
  g_autoptr(GString) names = g_string_new ("participants");
  g_autofree char *digest = NULL;
  const char * const *cells = get_row (self, self->header_row);
  guint n_cells = g_strv_length ((char **) cells);

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *key = upr_normalise_name_key (cell (cells, n_cells, (int) c));

      g_string_append_printf (names, "\n%s", key);
    }
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, names->str, (gssize) names->len);
  return g_strconcat ("participants:", digest, NULL);
}

static void
apply_remembered_mapping (UprParticipantImport *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mapping = NULL;
  g_auto(GStrv) ids = NULL;

  mapping = upr_store_get_import_mapping (self->store, self->run.header_key, &error);
  if (mapping == NULL)
    {
      if (error != NULL)
        g_warning ("Could not read a remembered mapping: %s", error->message);
      return;
    }
  ids = g_strsplit (mapping, ",", -1);
  if (g_strv_length (ids) != self->n_columns)
    return;
  for (guint c = 0; c < self->n_columns; c++)
    self->fields[c] = upr_participant_field_from_id (ids[c]);
  self->recognised = TRUE;
}

/* The header row of @sheet, or of the best sheet when @sheet is G_MAXUINT: the first row that
 * places the most fields, a name among them. */
static gboolean
find_header (UprParticipantImport *self,
             guint                 sheet)
{
  guint best = 0;
  guint first = sheet == G_MAXUINT ? 0 : sheet;
  guint last = sheet == G_MAXUINT ? upr_table_get_n_sheets (self->table) : sheet + 1;

  for (guint s = first; s < last; s++)
    for (guint r = 0; r < MIN (HEADER_SEARCH_ROWS, upr_table_get_n_rows (self->table, s)); r++)
      {
        const char * const *cells = upr_table_get_row (self->table, s, r);
        guint n = g_strv_length ((char **) cells);
        g_autofree UprParticipantField *fields = g_new0 (UprParticipantField, MAX (n, 1));
        g_autofree UprHeaderHint *hints = g_new0 (UprHeaderHint, MAX (n, 1));
        g_autofree UprDurationUnit *units = g_new0 (UprDurationUnit, MAX (n, 1));
        guint score = map_header (cells, n, fields, hints, units);

        if (score > best)
          {
            best = score;
            self->sheet = s;
            self->header_row = r;
          }
      }
  return best > 0;
}

/* Without a header Upright knows, the first row with text is taken as the header, for the
 * user to map its columns. */
static void
find_first_text_row (UprParticipantImport *self,
                     guint                 sheet)
{
  guint first = sheet == G_MAXUINT ? 0 : sheet;
  guint last = sheet == G_MAXUINT ? upr_table_get_n_sheets (self->table) : sheet + 1;

  self->sheet = first;
  self->header_row = 0;
  for (guint s = first; s < last; s++)
    for (guint r = 0; r < upr_table_get_n_rows (self->table, s); r++)
      if (count_filled (upr_table_get_row (self->table, s, r)) > 0)
        {
          self->sheet = s;
          self->header_row = r;
          return;
        }
}

static void
read_column_names (UprParticipantImport *self,
                   const char * const   *cells)
{
  g_strfreev (self->column_names);
  self->column_names = g_new0 (char *, self->n_columns + 1);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *name = upr_normalise_text (c < g_strv_length ((char **) cells)
                                                    ? cells[c] : "",
                                                  UPR_NORMALISE_SINGLE_LINE);

      /* Translators: the name of a column without a header; %u is its number (1, 2, …). */
      self->column_names[c] = name[0] != '\0' ? g_steal_pointer (&name)
                                              : g_strdup_printf (_("Column %u"), c + 1);
    }
}

/* The default registration: a registration system's export lists people who registered;
 * an attendance list or report, people who came. */
static const char *
guess_registration (UprParticipantImport *self)
{
  if (has_field (self, UPR_PARTICIPANT_FIELD_DURATION)
      || has_field (self, UPR_PARTICIPANT_FIELD_ATTENDED))
    return "attended";
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *key = upr_normalise_name_key (self->column_names[c]);

      if (strstr (key, "registration") != NULL || strstr (key, "inscription") != NULL
          || strstr (key, "timestamp") != NULL || strstr (key, "horodatage") != NULL)
        return "registered";
    }
  return has_field (self, UPR_PARTICIPANT_FIELD_REGISTRATION) ? "registered" : "attended";
}

static void
analyse (UprParticipantImport *self,
         guint                 sheet)
{
  const char * const *cells;
  g_autofree UprHeaderHint *hints = NULL;
  guint header_width;

  self->recognised = find_header (self, sheet);
  if (!self->recognised)
    find_first_text_row (self, sheet);
  cells = get_row (self, self->header_row);
  header_width = g_strv_length ((char **) cells);
  self->n_columns = MAX (header_width, upr_table_get_n_columns (self->table, self->sheet));
  read_column_names (self, cells);
  g_free (self->fields);
  g_free (self->units);
  self->fields = g_new0 (UprParticipantField, MAX (self->n_columns, 1));
  self->units = g_new0 (UprDurationUnit, MAX (self->n_columns, 1));
  hints = g_new0 (UprHeaderHint, MAX (self->n_columns, 1));
  /* Without a name the header is not recognised, but what it does name is placed. */
  map_header (cells, header_width, self->fields, hints, self->units);
  self->end_row = find_end (self, count_filled (cells));
  resolve_fields (self, hints);

  g_free (self->run.header_key);
  self->run.header_key = header_key_of (self);
  apply_remembered_mapping (self);
  self->run.mapping_edited = FALSE;
  self->registration = guess_registration (self);
}

/* Reading rows */

typedef struct
{
  UprParticipantImport *self;
  const char * const   *cells;
  guint                 n_cells;
  guint                 line;
  GPtrArray            *issues;
} RowReader;

static char *
read_text (RowReader          *reader,
           UprParticipantField field)
{
  int column = column_of (reader->self, field);
  char *text = upr_normalise_text (cell (reader->cells, reader->n_cells, column),
                                   UPR_NORMALISE_SINGLE_LINE);

  if (text[0] != '\0')
    return text;
  g_free (text);
  return NULL;
}

static void
warn (RowReader          *reader,
      UprParticipantField field,
      const char         *value,
      const char         *message)
{
  add_issue (reader->self, reader->issues, UPR_IMPORT_SEVERITY_WARNING, reader->line,
             column_of (reader->self, field), value, message);
}

/* Zoom writes a renamed participant as "Current name (Original name)". */
static void
strip_original_name (char *name)
{
  gsize length = strlen (name);
  char *open;

  if (length < 2 || name[length - 1] != ')' || (open = strrchr (name, '(')) == NULL
      || open == name)
    return;
  *open = '\0';
  g_strchomp (name);
}

/* Teams marks people from outside the organisation ("Samuel Okoro (Guest)", "(External)",
 * "(Unverified)" for someone who joined without signing in; "(Invité)" in French): the mark
 * is not part of the name, and would keep the person from being matched next time. */
static void
strip_meeting_mark (char *name)
{
  gsize length = strlen (name);
  char *open;

  if (length < 2 || name[length - 1] != ')' || (open = strrchr (name, '(')) == NULL
      || open == name)
    return;
  name[length - 1] = '\0';
  if (upr_participant_is_meeting_mark (open + 1))
    {
      *open = '\0';
      g_strchomp (name);
    }
  else
    name[length - 1] = ')';
}

/* Teams and Zoom name a caller who dialled in by a phone number, often masked
 * ("+4122*****12"): no letter, and at least six digits or stars. */
static gboolean
is_phone_number (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        return FALSE;
      digits += g_ascii_isdigit (*p) || *p == '*';
    }
  return digits >= 6;
}

static char *
read_name (RowReader *reader)
{
  g_autofree char *full = read_text (reader, UPR_PARTICIPANT_FIELD_FULL_NAME);
  g_autofree char *first = read_text (reader, UPR_PARTICIPANT_FIELD_FIRST_NAME);
  g_autofree char *last = read_text (reader, UPR_PARTICIPANT_FIELD_LAST_NAME);
  int column = column_of (reader->self, UPR_PARTICIPANT_FIELD_FULL_NAME);

  if (full != NULL)
    {
      g_autofree char *key = upr_normalise_name_key (reader->self->column_names[column]);

      if (strstr (key, "original") != NULL || strstr (key, "origine") != NULL)
        strip_original_name (full);
      else
        strip_meeting_mark (full);
      return full[0] != '\0' ? g_steal_pointer (&full) : NULL;
    }
  if (first != NULL && last != NULL)
    return g_strconcat (first, " ", last, NULL);
  return first != NULL ? g_steal_pointer (&first) : g_steal_pointer (&last);
}

static const char *
read_vocab (RowReader          *reader,
            UprParticipantField field,
            const char *      (*parse) (const char *text),
            const char         *message)
{
  g_autofree char *text = read_text (reader, field);
  const char *id;

  if (text == NULL)
    return NULL;
  id = parse (text);
  if (id == NULL)
    warn (reader, field, text, message);
  return id;
}

static void
read_email (RowReader *reader,
            Entry     *entry)
{
  g_autofree char *text = read_text (reader, UPR_PARTICIPANT_FIELD_EMAIL);

  if (text == NULL)
    return;
  entry->email = upr_participant_parse_email (text);
  if (entry->email == NULL)
    warn (reader, UPR_PARTICIPANT_FIELD_EMAIL, text,
          _("This is not an email address: it was left out."));
}

static void
read_country (RowReader *reader,
              Entry     *entry)
{
  g_autofree char *text = read_text (reader, UPR_PARTICIPANT_FIELD_COUNTRY);

  if (text == NULL || upr_name_is_placeholder (text))
    return;
  entry->country = upr_name_index_lookup (reader->self->countries, text);
  if (entry->country == NULL)
    warn (reader, UPR_PARTICIPANT_FIELD_COUNTRY, text,
          _("No country has this name: it was left out."));
}

static void
read_attendance (RowReader *reader,
                 Entry     *entry)
{
  g_autofree char *attended = read_text (reader, UPR_PARTICIPANT_FIELD_ATTENDED);
  g_autofree char *duration = read_text (reader, UPR_PARTICIPANT_FIELD_DURATION);

  entry->registration = read_vocab (reader, UPR_PARTICIPANT_FIELD_REGISTRATION,
                                    upr_participant_parse_registration,
                                    _("Not a registration Upright knows: the default was "
                                      "used."));
  if (attended != NULL)
    {
      int yes = upr_participant_parse_yes_no (attended);
      const char *said = upr_participant_parse_registration (attended);

      if (yes >= 0)
        entry->registration = yes ? "attended" : "absent";
      else if (g_strcmp0 (said, "attended") == 0 || g_strcmp0 (said, "absent") == 0)
        entry->registration = said;
      else
        warn (reader, UPR_PARTICIPANT_FIELD_ATTENDED, attended,
              _("Neither yes nor no: the default registration was used."));
    }
  if (duration != NULL)
    {
      int column = column_of (reader->self, UPR_PARTICIPANT_FIELD_DURATION);

      if (upr_participant_parse_duration (duration, reader->self->units[column],
                                          &entry->minutes))
        entry->has_minutes = TRUE;
      else
        warn (reader, UPR_PARTICIPANT_FIELD_DURATION, duration,
              _("Not a duration Upright can read: it was left out."));
    }
  entry->mode = read_vocab (reader, UPR_PARTICIPANT_FIELD_MODE, upr_participant_parse_mode,
                            _("Neither in person nor online: it was left out."));
  /* Whoever appears in a meeting's attendance report was there, online. */
  if (has_field (reader->self, UPR_PARTICIPANT_FIELD_DURATION))
    {
      if (entry->mode == NULL)
        entry->mode = "online";
      if (entry->registration == NULL && attended == NULL)
        entry->registration = "attended";
    }
}

/* The key that merges rows of one person: the e-mail address, else the name with the
 * organisation (two people may share a name, rarely also an organisation). */
static char *
entry_key (Entry *entry)
{
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;

  if (entry->email != NULL)
    return g_ascii_strdown (entry->email, -1);
  name = upr_fold (entry->name);
  organisation = fold_or_empty (entry->organisation);
  return g_strconcat ("\n", name, "\n", organisation, NULL);
}

static Entry *
read_entry (UprParticipantImport *self,
            guint                 row,
            GPtrArray            *issues)
{
  RowReader reader = { self, NULL, 0, 0, issues };
  Entry *entry;

  reader.cells = get_row (self, row);
  reader.n_cells = g_strv_length ((char **) reader.cells);
  if (count_filled (reader.cells) == 0)
    return NULL;
  reader.line = upr_table_get_source_line (self->table, self->sheet, row);

  entry = g_new0 (Entry, 1);
  entry->row = reader.line;
  entry->n_rows = 1;
  entry->name = read_name (&reader);
  if (entry->name == NULL)
    {
      add_issue (self, issues, UPR_IMPORT_SEVERITY_SKIPPED, reader.line, -1, NULL,
                 _("The row gives no name: it was not imported."));
      entry->skipped = TRUE;
      return entry;
    }
  if (is_phone_number (entry->name))
    {
      add_issue (self, issues, UPR_IMPORT_SEVERITY_SKIPPED, reader.line,
                 column_of (self, UPR_PARTICIPANT_FIELD_FULL_NAME), entry->name,
                 _("Not a name (a caller’s phone number?): it was not imported."));
      entry->skipped = TRUE;
      return entry;
    }
  entry->honorific = read_text (&reader, UPR_PARTICIPANT_FIELD_HONORIFIC);
  entry->gender = g_strdup (read_vocab (&reader, UPR_PARTICIPANT_FIELD_GENDER,
                                        upr_participant_parse_gender,
                                        _("Not a gender Upright knows: it was left out.")));
  entry->organisation = read_text (&reader, UPR_PARTICIPANT_FIELD_ORGANISATION);
  entry->stakeholder = read_vocab (&reader, UPR_PARTICIPANT_FIELD_STAKEHOLDER_TYPE,
                                   upr_participant_parse_stakeholder,
                                   _("Not a stakeholder type Upright knows: “Other” was "
                                     "used."));
  entry->position = read_text (&reader, UPR_PARTICIPANT_FIELD_POSITION);
  entry->phone = read_text (&reader, UPR_PARTICIPANT_FIELD_PHONE);
  entry->consent = read_vocab (&reader, UPR_PARTICIPANT_FIELD_CONSENT,
                               upr_participant_parse_consent,
                               _("Neither yes nor no: no consent was recorded."));
  read_email (&reader, entry);
  read_country (&reader, entry);
  read_attendance (&reader, entry);
  if (g_strcmp0 (entry->registration, UPR_PARTICIPANT_CANCELLED) == 0)
    {
      add_issue (self, issues, UPR_IMPORT_SEVERITY_SKIPPED, reader.line,
                 column_of (self, UPR_PARTICIPANT_FIELD_REGISTRATION), NULL,
                 _("The registration was cancelled or refused: not imported."));
      entry->skipped = TRUE;
    }
  entry->key = entry_key (entry);
  return entry;
}

static void
take_string (char **target,
             char **source)
{
  if (*target == NULL)
    *target = g_steal_pointer (source);
}

/* Of two rows of one person, the one that says they came wins. */
static int
registration_rank (const char *registration)
{
  static const char * const order[] = { "invited", "registered", "absent", "attended" };

  for (guint i = 0; registration != NULL && i < G_N_ELEMENTS (order); i++)
    if (strcmp (registration, order[i]) == 0)
      return (int) i;
  return -1;
}

static void
merge_entry (Entry *into,
             Entry *entry)
{
  into->n_rows++;
  take_string (&into->honorific, &entry->honorific);
  take_string (&into->gender, &entry->gender);
  take_string (&into->organisation, &entry->organisation);
  take_string (&into->position, &entry->position);
  take_string (&into->phone, &entry->phone);
  if (into->stakeholder == NULL)
    into->stakeholder = entry->stakeholder;
  if (into->country == NULL)
    into->country = entry->country;
  if (into->mode == NULL)
    into->mode = entry->mode;
  if (into->consent == NULL)
    into->consent = entry->consent;
  if (registration_rank (entry->registration) > registration_rank (into->registration))
    into->registration = entry->registration;
  into->minutes += entry->minutes;
  into->has_minutes |= entry->has_minutes;
}

/* Every person of the list, rows of one person merged, in the order of the file. */
static GPtrArray *
read_entries (UprParticipantImport *self,
              GPtrArray            *issues,
              guint                *n_rows,
              guint                *n_merged)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

  *n_rows = 0;
  *n_merged = 0;
  for (guint r = self->header_row + 1; r < self->end_row; r++)
    {
      Entry *entry = read_entry (self, r, issues);
      Entry *same;

      if (entry == NULL)
        continue;
      (*n_rows)++;
      same = entry->skipped ? NULL : g_hash_table_lookup (by_key, entry->key);
      if (same != NULL)
        {
          merge_entry (same, entry);
          entry_free (entry);
          (*n_merged)++;
          continue;
        }
      g_ptr_array_add (entries, entry);
      if (!entry->skipped)
        g_hash_table_insert (by_key, entry->key, entry);
    }
  return entries;
}

static const char *
entry_registration (UprParticipantImport *self,
                    Entry                *entry)
{
  return entry->registration != NULL ? entry->registration : self->registration;
}

/* The run: matching and recording */

static void
index_person (UprParticipantImport *self,
              UprPerson            *person)
{
  const char *email = upr_record_get_string (UPR_RECORD (person), "email");
  g_autofree char *name = upr_fold (upr_record_get_string (UPR_RECORD (person), "name"));
  GPtrArray *same_name;

  g_ptr_array_add (self->people, g_object_ref (person));
  if (email != NULL)
    {
      g_autofree char *key = g_ascii_strdown (email, -1);

      /* The most recently updated keeps the address (people are listed so). */
      if (!g_hash_table_contains (self->by_email, key))
        g_hash_table_insert (self->by_email, g_steal_pointer (&key), person);
    }
  same_name = g_hash_table_lookup (self->by_name, name);
  if (same_name == NULL)
    {
      same_name = g_ptr_array_new ();
      g_hash_table_insert (self->by_name, g_strdup (name), same_name);
    }
  g_ptr_array_add (same_name, person);
}

static void
index_organisation (UprParticipantImport *self,
                    UprOrganisation      *organisation)
{
  UprRecord *record = UPR_RECORD (organisation);
  const char *acronym = upr_record_get_string (record, "acronym");
  g_autofree char *name = upr_fold (upr_record_get_string (record, "name"));

  /* As upr_store_find_organisation(): the oldest of two of the same name. */
  if (!g_hash_table_contains (self->organisations, name))
    g_hash_table_insert (self->organisations, g_steal_pointer (&name),
                         g_object_ref (organisation));
  if (acronym != NULL)
    {
      g_autofree char *key = upr_fold (acronym);

      if (!g_hash_table_contains (self->acronyms, key))
        g_hash_table_insert (self->acronyms, g_steal_pointer (&key), organisation);
    }
}

static void
index_attendance (UprAttendance   *attendance,
                  UprPerson       *person,
                  UprOrganisation *organisation,
                  gpointer         user_data)
{
  UprParticipantImport *self = user_data;

  g_hash_table_insert (self->attendances,
                       g_strdup (upr_record_get_id (UPR_RECORD (person))),
                       g_object_ref (attendance));
}

static gboolean
load_indexes (UprParticipantImport *self,
              GError              **error)
{
  g_autoptr(GListModel) people = upr_store_list_people (self->store, error);
  g_autoptr(GListModel) organisations = NULL;

  if (people == NULL)
    return FALSE;
  organisations = upr_store_list_organisations (self->store, NULL, error);
  if (organisations == NULL)
    return FALSE;

  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->attendances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(UprPerson) person = g_list_model_get_item (people, i);

      index_person (self, person);
    }
  /* Oldest first, so that the oldest of two organisations of one name is kept. */
  for (guint i = g_list_model_get_n_items (organisations); i > 0; i--)
    {
      g_autoptr(UprOrganisation) organisation = g_list_model_get_item (organisations, i - 1);

      index_organisation (self, organisation);
    }
  return upr_store_foreach_participant (self->store,
                                        upr_record_get_id (UPR_RECORD (self->workshop)),
                                        index_attendance, self, error);
}

static void
clear_run (UprParticipantImport *self)
{
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->by_email, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_hash_table_unref);
  g_clear_pointer (&self->acronyms, g_hash_table_unref);
  g_clear_pointer (&self->attendances, g_hash_table_unref);
  g_clear_pointer (&self->done, g_hash_table_unref);
}

static UprOrganisation *
find_organisation (UprParticipantImport *self,
                   const char           *name)
{
  g_autofree char *key = upr_fold (name);
  UprOrganisation *found = g_hash_table_lookup (self->organisations, key);

  return found != NULL ? found : g_hash_table_lookup (self->acronyms, key);
}

/* The organisation of @entry, created when Upright does not know it. NULL without error
 * when the entry names none. */
static UprOrganisation *
ensure_organisation (UprParticipantImport *self,
                     Entry                *entry,
                     GError              **error)
{
  g_autoptr(UprOrganisation) organisation = NULL;
  UprOrganisation *found;

  if (entry->organisation == NULL)
    return NULL;
  found = find_organisation (self, entry->organisation);
  if (found != NULL)
    {
      const char *type = upr_record_get_string (UPR_RECORD (found), "stakeholder-type");

      /* "Other" is what an organisation gets when nobody said: the file may say better. */
      if (entry->stakeholder != NULL && g_strcmp0 (type, "other") == 0
          && g_strcmp0 (entry->stakeholder, "other") != 0)
        {
          upr_record_set_string (UPR_RECORD (found), "stakeholder-type", entry->stakeholder);
          if (!upr_store_save (self->store, UPR_RECORD (found), error))
            return NULL;
        }
      return found;
    }

  organisation = upr_organisation_new ();
  upr_record_set_string (UPR_RECORD (organisation), "name", entry->organisation);
  upr_record_set_string (UPR_RECORD (organisation), "stakeholder-type",
                         entry->stakeholder != NULL ? entry->stakeholder : "other");
  upr_record_set_string (UPR_RECORD (organisation), "country-code", entry->country);
  if (!upr_store_save (self->store, UPR_RECORD (organisation), error))
    return NULL;
  self->summary.n_organisations++;
  index_organisation (self, organisation);
  return organisation;
}

/* The person @entry is: the one with its e-mail address, else one of the same name and
 * organisation whose address does not contradict it. NULL when new. */
static UprPerson *
match_person (UprParticipantImport *self,
              Entry                *entry,
              const char           *organisation_id)
{
  g_autofree char *name = upr_fold (entry->name);
  GPtrArray *same_name;

  if (entry->email != NULL)
    {
      g_autofree char *key = g_ascii_strdown (entry->email, -1);
      UprPerson *person = g_hash_table_lookup (self->by_email, key);

      if (person != NULL)
        return person;
    }
  same_name = g_hash_table_lookup (self->by_name, name);
  for (guint i = 0; same_name != NULL && i < same_name->len; i++)
    {
      UprRecord *person = g_ptr_array_index (same_name, i);

      if (g_strcmp0 (upr_record_get_string (person, "organisation-id"), organisation_id) == 0
          && (entry->email == NULL || upr_record_get_string (person, "email") == NULL))
        return UPR_PERSON (person);
    }
  return NULL;
}

static gboolean
set_if_different (UprRecord  *record,
                  const char *field,
                  const char *value)
{
  if (value == NULL || g_strcmp0 (upr_record_get_string (record, field), value) == 0)
    return FALSE;
  upr_record_set_string (record, field, value);
  return TRUE;
}

static gboolean
set_if_empty (UprRecord  *record,
              const char *field,
              const char *value)
{
  if (value == NULL || upr_record_get_string (record, field) != NULL)
    return FALSE;
  upr_record_set_string (record, field, value);
  return TRUE;
}

/* Consent is recorded only as the file states it: a plain yes keeps a scope given before
 * (or is "internal records" when there was none); a no withdraws it. */
static gboolean
apply_consent (UprRecord  *person,
               const char *consent)
{
  const char *stored = upr_record_get_string (person, "consent-scope");

  if (consent == NULL)
    return FALSE;
  if (strcmp (consent, "yes") == 0)
    {
      if (stored != NULL && strcmp (stored, "none") != 0)
        return FALSE;
      consent = "records";
    }
  return set_if_different (person, "consent-scope", consent);
}

/* Writes what the file says into @person; TRUE when something changed. The name stays as
 * typed before; a gender stays as the person described it. */
static gboolean
fill_person (UprRecord  *person,
             Entry      *entry,
             const char *organisation_id)
{
  gboolean changed = FALSE;

  changed |= set_if_empty (person, "name", entry->name);
  changed |= set_if_different (person, "honorific", entry->honorific);
  changed |= set_if_empty (person, "gender", entry->gender);
  changed |= set_if_different (person, "organisation-id", organisation_id);
  changed |= set_if_different (person, "position", entry->position);
  changed |= set_if_empty (person, "email", entry->email);
  changed |= set_if_different (person, "phone", entry->phone);
  changed |= apply_consent (person, entry->consent);
  return changed;
}

static gboolean
fill_attendance (UprParticipantImport *self,
                 UprRecord            *attendance,
                 Entry                *entry,
                 gboolean              is_new)
{
  gboolean changed = FALSE;
  const char *mode = entry->mode;

  if (is_new)
    {
      upr_record_set_string (attendance, "workshop-id",
                             upr_record_get_id (UPR_RECORD (self->workshop)));
      upr_record_set_string (attendance, "registration", entry_registration (self, entry));
      if (mode == NULL
          && g_strcmp0 (upr_record_get_string (UPR_RECORD (self->workshop), "format"),
                        "online") == 0)
        mode = "online";
      if (mode != NULL)
        upr_record_set_string (attendance, "mode", mode);
      return TRUE;
    }
  /* An attendance recorded before changes only where the file says so explicitly, and a
   * registration only forward: a registration export read after the attendance report
   * must not make those who came "registered" again. */
  if (registration_rank (entry->registration)
      > registration_rank (upr_record_get_string (attendance, "registration")))
    changed |= set_if_different (attendance, "registration", entry->registration);
  changed |= set_if_different (attendance, "mode", mode);
  return changed;
}

static gboolean
record_new (UprParticipantImport *self,
            Entry                *entry,
            const char           *organisation_id,
            GError              **error)
{
  g_autoptr(UprPerson) person = upr_person_new ();
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();

  fill_person (UPR_RECORD (person), entry, organisation_id);
  fill_attendance (self, UPR_RECORD (attendance), entry, TRUE);
  if (!upr_store_save_participant (self->store, person, attendance, error))
    return FALSE;
  index_person (self, person);
  g_hash_table_insert (self->attendances, g_strdup (upr_record_get_id (UPR_RECORD (person))),
                       g_object_ref (attendance));
  g_hash_table_insert (self->done, g_strdup (upr_record_get_id (UPR_RECORD (person))),
                       GUINT_TO_POINTER (entry->row));
  self->summary.n_new++;
  return TRUE;
}

static gboolean
record_known (UprParticipantImport *self,
              Entry                *entry,
              UprPerson            *person,
              const char           *organisation_id,
              GError              **error)
{
  const char *id = upr_record_get_id (UPR_RECORD (person));
  UprAttendance *attendance = g_hash_table_lookup (self->attendances, id);
  g_autoptr(UprAttendance) added = NULL;
  gboolean person_changed, attendance_changed;

  person_changed = fill_person (UPR_RECORD (person), entry, organisation_id);
  if (attendance == NULL)
    attendance = added = upr_attendance_new ();
  attendance_changed = fill_attendance (self, UPR_RECORD (attendance), entry, added != NULL);

  if (added != NULL)
    {
      if (!upr_store_save_participant (self->store, person, added, error))
        return FALSE;
      g_hash_table_insert (self->attendances, g_strdup (id), g_object_ref (added));
    }
  else if ((person_changed && !upr_store_save (self->store, UPR_RECORD (person), error))
           || (attendance_changed
               && !upr_store_save (self->store, UPR_RECORD (attendance), error)))
    return FALSE;

  g_hash_table_insert (self->done, g_strdup (id), GUINT_TO_POINTER (entry->row));
  if (added != NULL)
    {
      self->summary.n_new++;
      self->summary.n_known++;
    }
  else if (person_changed || attendance_changed)
    self->summary.n_updated++;
  else
    self->summary.n_unchanged++;
  return TRUE;
}

static gboolean
record_entry (UprParticipantImport *self,
              Entry                *entry,
              GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  UprOrganisation *organisation;
  const char *organisation_id = NULL;
  UprPerson *person;

  if (entry->skipped)
    {
      self->summary.n_skipped++;
      return TRUE;
    }
  organisation = ensure_organisation (self, entry, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (organisation != NULL)
    organisation_id = upr_record_get_id (UPR_RECORD (organisation));

  person = match_person (self, entry, organisation_id);
  if (person == NULL)
    return record_new (self, entry, organisation_id, error);
  /* Two rows the file kept apart (one without an address) turned out to be one person. */
  if (g_hash_table_contains (self->done, upr_record_get_id (UPR_RECORD (person))))
    {
      self->summary.n_merged++;
      return TRUE;
    }
  return record_known (self, entry, person, organisation_id, error);
}

/* The run's class (upr-import-run.h) */

static gboolean
run_check (gpointer   importer,
           GError   **error)
{
  return upr_participant_import_check (importer, error);
}

static gboolean
run_begin (gpointer   importer,
           GError   **error)
{
  UprParticipantImport *self = importer;

  self->next = 0;
  self->entries = read_entries (self, self->run.issues, &self->summary.n_rows,
                                &self->summary.n_merged);
  return load_indexes (self, error);
}

static gboolean
run_step (gpointer   importer,
          guint      n_people,
          gboolean  *finished,
          double    *progress,
          GError   **error)
{
  UprParticipantImport *self = importer;

  for (guint n = 0; n < n_people && self->next < self->entries->len; n++)
    {
      if (!record_entry (self, g_ptr_array_index (self->entries, self->next), error))
        return FALSE;
      self->next++;
    }
  *finished = self->next >= self->entries->len;
  *progress = *finished ? 1.0 : (double) self->next / self->entries->len;
  return TRUE;
}

static char *
run_mapping (gpointer importer)
{
  UprParticipantImport *self = importer;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint c = 0; c < self->n_columns; c++)
    g_strv_builder_add (builder, upr_participant_field_id (self->fields[c]));
  ids = g_strv_builder_end (builder);
  return g_strjoinv (",", ids);
}

static void
run_end (gpointer importer)
{
  clear_run (importer);
}

static const char *
run_column_name (gpointer importer,
                 int      column)
{
  UprParticipantImport *self = importer;

  return column >= 0 && (guint) column < self->n_columns ? self->column_names[column] : NULL;
}

static const UprImportRunClass run_class = {
  .check = run_check,
  .begin = run_begin,
  .step = run_step,
  .mapping = run_mapping,
  .end = run_end,
  .column_name = run_column_name,
  .error_quark = upr_participant_import_error_quark,
  .error_failed = UPR_PARTICIPANT_IMPORT_ERROR_FAILED,
  .error_cancelled = UPR_PARTICIPANT_IMPORT_ERROR_CANCELLED,
  .run_step = 100,
};

/* Overrides */

static void
upr_participant_import_dispose (GObject *object)
{
  UprParticipantImport *self = UPR_PARTICIPANT_IMPORT (object);

  upr_import_run_dispose (&self->run);
  g_clear_object (&self->table);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (upr_participant_import_parent_class)->dispose (object);
}

static void
upr_participant_import_finalize (GObject *object)
{
  UprParticipantImport *self = UPR_PARTICIPANT_IMPORT (object);

  g_clear_pointer (&self->countries, upr_name_index_free);
  g_strfreev (self->column_names);
  g_free (self->fields);
  g_free (self->units);
  upr_import_run_finalize (&self->run);

  G_OBJECT_CLASS (upr_participant_import_parent_class)->finalize (object);
}

static void
upr_participant_import_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  UprParticipantImport *self = UPR_PARTICIPANT_IMPORT (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->run.progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participant_import_class_init (UprParticipantImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upr_participant_import_dispose;
  object_class->finalize = upr_participant_import_finalize;
  object_class->get_property = upr_participant_import_get_property;

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_participant_import_init (UprParticipantImport *self)
{
  self->registration = "attended";
}

/* Public API */

UprParticipantImport *
upr_participant_import_new (UprStore   *store,
                            UprTable   *table,
                            const char *workshop_id,
                            GError    **error)
{
  g_autoptr(UprParticipantImport) self = NULL;
  g_autoptr(UprRecord) workshop = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (UPR_IS_STORE (store), NULL);
  g_return_val_if_fail (UPR_IS_TABLE (table), NULL);
  g_return_val_if_fail (workshop_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  workshop = upr_store_load (store, UPR_TYPE_WORKSHOP, workshop_id, &local_error);
  if (workshop == NULL)
    {
      if (g_error_matches (local_error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND))
        g_set_error_literal (error, UPR_PARTICIPANT_IMPORT_ERROR,
                             UPR_PARTICIPANT_IMPORT_ERROR_NO_WORKSHOP,
                             _("The workshop to import the participants into no longer "
                               "exists."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_object_new (UPR_TYPE_PARTICIPANT_IMPORT, NULL);
  upr_import_run_init (&self->run, &run_class, G_OBJECT (self), properties[PROP_PROGRESS], store,
                       &self->summary, sizeof self->summary, &self->summary.n_warnings);
  self->store = g_object_ref (store);
  self->table = g_object_ref (table);
  self->workshop = UPR_WORKSHOP (g_steal_pointer (&workshop));
  self->countries = upr_name_index_new_for_countries (store, error);
  if (self->countries == NULL)
    return NULL;
  analyse (self, G_MAXUINT);
  return g_steal_pointer (&self);
}

gboolean
upr_participant_import_get_recognised (UprParticipantImport *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), FALSE);
  return self->recognised;
}

gboolean
upr_participant_import_is_attendance_report (UprParticipantImport *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), FALSE);
  return has_field (self, UPR_PARTICIPANT_FIELD_DURATION);
}

guint
upr_participant_import_get_sheet (UprParticipantImport *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), 0);
  return self->sheet;
}

void
upr_participant_import_set_sheet (UprParticipantImport *self,
                                  guint                 sheet)
{
  g_return_if_fail (UPR_IS_PARTICIPANT_IMPORT (self));
  g_return_if_fail (sheet < upr_table_get_n_sheets (self->table));
  g_return_if_fail (!self->run.running);

  if (sheet != self->sheet)
    analyse (self, sheet);
}

guint
upr_participant_import_get_header_row (UprParticipantImport *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), 0);
  return self->header_row;
}

guint
upr_participant_import_get_n_columns (UprParticipantImport *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), 0);
  return self->n_columns;
}

const char *
upr_participant_import_get_column_name (UprParticipantImport *self,
                                        guint                 column)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->column_names[column];
}

UprParticipantField
upr_participant_import_get_column_field (UprParticipantImport *self,
                                         guint                 column)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), UPR_PARTICIPANT_FIELD_NONE);
  g_return_val_if_fail (column < self->n_columns, UPR_PARTICIPANT_FIELD_NONE);
  return self->fields[column];
}

void
upr_participant_import_set_column_field (UprParticipantImport *self,
                                         guint                 column,
                                         UprParticipantField   field)
{
  g_return_if_fail (UPR_IS_PARTICIPANT_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < UPR_PARTICIPANT_N_FIELDS);
  g_return_if_fail (!self->run.running);

  if (self->fields[column] == field)
    return;
  if (field > UPR_PARTICIPANT_FIELD_IGNORE)
    for (guint c = 0; c < self->n_columns; c++)
      if (self->fields[c] == field)
        self->fields[c] = UPR_PARTICIPANT_FIELD_NONE;
  self->fields[column] = field;
  self->run.mapping_edited = TRUE;
}

char **
upr_participant_import_get_unplaced_columns (UprParticipantImport *self)
{
  const char * const *cells;
  guint n_cells;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), NULL);

  /* Columns without a header are not worth naming. */
  cells = get_row (self, self->header_row);
  n_cells = g_strv_length ((char **) cells);
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] == UPR_PARTICIPANT_FIELD_NONE && c < n_cells && cells[c][0] != '\0')
      g_strv_builder_add (names, self->column_names[c]);
  return g_strv_builder_end (names);
}

const char *
upr_participant_import_get_registration (UprParticipantImport *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), NULL);
  return self->registration;
}

void
upr_participant_import_set_registration (UprParticipantImport *self,
                                         const char           *registration)
{
  int index = upr_vocab_index (UPR_VOCAB_REGISTRATION, registration);

  g_return_if_fail (UPR_IS_PARTICIPANT_IMPORT (self));
  g_return_if_fail (index >= 0);
  g_return_if_fail (!self->run.running);

  self->registration = upr_vocab_id_at (UPR_VOCAB_REGISTRATION, index);
}

gboolean
upr_participant_import_check (UprParticipantImport *self,
                              GError              **error)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), FALSE);

  if (!has_field (self, UPR_PARTICIPANT_FIELD_FULL_NAME)
      && !has_field (self, UPR_PARTICIPANT_FIELD_FIRST_NAME)
      && !has_field (self, UPR_PARTICIPANT_FIELD_LAST_NAME))
    {
      g_auto(GStrv) unplaced = upr_participant_import_get_unplaced_columns (self);
      g_autofree char *list = upr_import_run_quoted_list (unplaced);

      if (unplaced[0] == NULL)
        g_set_error_literal (error, UPR_PARTICIPANT_IMPORT_ERROR,
                             UPR_PARTICIPANT_IMPORT_ERROR_NO_HEADER,
                             _("No column holds the participants’ names."));
      else
        g_set_error (error, UPR_PARTICIPANT_IMPORT_ERROR,
                     UPR_PARTICIPANT_IMPORT_ERROR_NO_HEADER,
                     _("No column holds the participants’ names. Columns not recognised: "
                       "%s."),
                     list);
      return FALSE;
    }
  for (guint r = self->header_row + 1; r < self->end_row; r++)
    if (count_filled (get_row (self, r)) > 0)
      return TRUE;
  g_set_error_literal (error, UPR_PARTICIPANT_IMPORT_ERROR, UPR_PARTICIPANT_IMPORT_ERROR_NO_ROWS,
                       _("The file has a header but nobody under it."));
  return FALSE;
}

static UprParticipantPreviewRow *
preview_row (UprParticipantImport *self,
             Entry                *entry)
{
  UprParticipantPreviewRow *row = g_new0 (UprParticipantPreviewRow, 1);

  row->row = entry->row;
  row->skipped = entry->skipped;
  row->n_rows = entry->n_rows;
  row->name = g_strdup (entry->name);
  row->honorific = g_strdup (entry->honorific);
  row->gender = g_strdup (entry->gender);
  row->organisation = g_strdup (entry->organisation);
  row->position = g_strdup (entry->position);
  row->email = g_strdup (entry->email);
  row->phone = g_strdup (entry->phone);
  row->registration = g_strdup (entry->skipped ? NULL : entry_registration (self, entry));
  row->mode = g_strdup (entry->mode);
  row->minutes = entry->minutes;
  row->consent = g_strdup (entry->consent != NULL && strcmp (entry->consent, "yes") == 0
                             ? "records" : entry->consent);
  return row;
}

GPtrArray *
upr_participant_import_preview (UprParticipantImport *self,
                                guint                 n_rows,
                                GPtrArray            *issues)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *rows;
  guint n_read, n_merged;

  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upr_participant_preview_row_free);
  entries = read_entries (self, issues, &n_read, &n_merged);
  for (guint i = 0; i < entries->len && rows->len < n_rows; i++)
    g_ptr_array_add (rows, preview_row (self, g_ptr_array_index (entries, i)));
  return rows;
}

gboolean
upr_participant_import_start (UprParticipantImport *self,
                              gboolean              dry_run,
                              GError              **error)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), FALSE);
  return upr_import_run_start (&self->run, dry_run, error);
}

gboolean
upr_participant_import_step (UprParticipantImport *self,
                             guint                 n_people,
                             gboolean             *finished,
                             GError              **error)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), FALSE);
  return upr_import_run_step (&self->run, n_people, finished, error);
}

gboolean
upr_participant_import_finish (UprParticipantImport *self,
                               GError              **error)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), FALSE);
  return upr_import_run_finish (&self->run, error);
}

void
upr_participant_import_cancel (UprParticipantImport *self)
{
  g_return_if_fail (UPR_IS_PARTICIPANT_IMPORT (self));
  upr_import_run_cancel (&self->run);
}

gboolean
upr_participant_import_run (UprParticipantImport *self,
                            gboolean              dry_run,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), FALSE);
  return upr_import_run_run (&self->run, dry_run, cancellable, error);
}

double
upr_participant_import_get_progress (UprParticipantImport *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), 0.0);
  return self->run.progress;
}

GPtrArray *
upr_participant_import_get_issues (UprParticipantImport *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), NULL);
  return self->run.issues;
}

const UprParticipantImportSummary *
upr_participant_import_get_summary (UprParticipantImport *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANT_IMPORT (self), NULL);
  return &self->summary;
}

const char *
upr_participant_field_label (UprParticipantField field)
{
  g_return_val_if_fail (field < UPR_PARTICIPANT_N_FIELDS, NULL);
  return _(field_names[field].label);
}

const char *
upr_participant_field_id (UprParticipantField field)
{
  g_return_val_if_fail (field < UPR_PARTICIPANT_N_FIELDS, NULL);
  return field_names[field].id;
}

UprParticipantField
upr_participant_field_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < UPR_PARTICIPANT_N_FIELDS; i++)
    if (strcmp (field_names[i].id, id) == 0)
      return i;
  return UPR_PARTICIPANT_FIELD_NONE;
}
