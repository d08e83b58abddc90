/* upr-import.c: the import of recommendations from a table; see upr-import.h. The reading of
 * one row is in upr-import-row.c, the headers in upr-import-layout.c, the transaction, steps
 * and report shared with the participant import in upr-import-run.c, the SQL in
 * app/store/upr-store-import.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-import-layout.h"
#include "upr-import-private.h"
#include "upr-normalise.h"
#include "upr-store.h"

/* How far down each sheet a header is looked for (titles and notes may come first). */
#define HEADER_SEARCH_ROWS 20

enum { PROP_0, PROP_PROGRESS, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UprImport, upr_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (upr-import-error-quark, upr_import_error)

/* Boxed types */

UprImportIssue *
upr_import_issue_copy (const UprImportIssue *issue)
{
  UprImportIssue *copy = g_new0 (UprImportIssue, 1);

  copy->severity = issue->severity;
  copy->row = issue->row;
  copy->column = g_strdup (issue->column);
  copy->value = g_strdup (issue->value);
  copy->message = g_strdup (issue->message);
  return copy;
}

void
upr_import_issue_free (UprImportIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->column);
  g_free (issue->value);
  g_free (issue->message);
  g_free (issue);
}

G_DEFINE_BOXED_TYPE (UprImportIssue, upr_import_issue, upr_import_issue_copy,
                     upr_import_issue_free)

UprImportPreviewRow *
upr_import_preview_row_copy (const UprImportPreviewRow *row)
{
  UprImportPreviewRow *copy = g_memdup2 (row, sizeof *row);

  copy->country_code = g_strdup (row->country_code);
  copy->paragraph = g_strdup (row->paragraph);
  copy->text = g_strdup (row->text);
  copy->response = g_strdup (row->response);
  copy->response_source = g_strdup (row->response_source);
  copy->states = g_strdupv (row->states);
  copy->terms = g_strdupv (row->terms);
  return copy;
}

void
upr_import_preview_row_free (UprImportPreviewRow *row)
{
  if (row == NULL)
    return;
  g_free (row->country_code);
  g_free (row->paragraph);
  g_free (row->text);
  g_free (row->response);
  g_free (row->response_source);
  g_strfreev (row->states);
  g_strfreev (row->terms);
  g_free (row);
}

G_DEFINE_BOXED_TYPE (UprImportPreviewRow, upr_import_preview_row, upr_import_preview_row_copy,
                     upr_import_preview_row_free)

/* Helpers */

void
upr_import_add_issue (UprImport         *self,
                      GPtrArray         *issues,
                      UprImportSeverity  severity,
                      guint              line,
                      int                column,
                      const char        *value,
                      const char        *message)
{
  upr_import_run_add_issue (&self->run, issues, severity, line, column, value, message);
}

static int
column_of (UprImport     *self,
           UprImportField field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] == field)
      return (int) c;
  return -1;
}

/* The time of the import, as the store writes times: every row of one import shares it. */
static char *
timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The analysis */

static const char * const *
row_or_empty (UprImport *self,
              guint      sheet,
              guint      row)
{
  static const char * const empty[] = { NULL };

  return row < upr_table_get_n_rows (self->table, sheet)
           ? upr_table_get_row (self->table, sheet, row) : empty;
}

/* The header: of the first rows of every sheet, the first that places the most columns
 * (with a text column among them). */
static guint
find_header (UprImport *self,
             guint     *sheet,
             guint     *row)
{
  guint best = 0;

  *sheet = 0;
  *row = 0;
  for (guint s = 0; s < upr_table_get_n_sheets (self->table); s++)
    for (guint r = 0; r < MIN (HEADER_SEARCH_ROWS, upr_table_get_n_rows (self->table, s)); r++)
      {
        const char * const *cells = upr_table_get_row (self->table, s, r);
        guint n = g_strv_length ((char **) cells);
        g_autofree UprImportField *mapped = g_new0 (UprImportField, MAX (n, 1));
        guint score;

        upr_import_layout_map (cells, n, mapped);
        score = upr_import_layout_score (mapped, n);
        if (score > best)
          {
            best = score;
            *sheet = s;
            *row = r;
          }
      }
  return best;
}

static void
read_header (UprImport *self)
{
  const char * const *cells = row_or_empty (self, self->sheet, self->header_row);
  guint n_cells = g_strv_length ((char **) cells);

  self->n_columns = MAX (n_cells, upr_table_get_n_columns (self->table, self->sheet));
  self->column_names = g_new0 (char *, self->n_columns + 1);
  for (guint c = 0; c < self->n_columns; c++)
    {
      char *name = upr_normalise_text (c < n_cells ? cells[c] : "", UPR_NORMALISE_SINGLE_LINE);

      if (name[0] == '\0')
        {
          g_free (name);
          /* Translators: the name of a column without a header; %u counts from 1. */
          name = g_strdup_printf (_("Column %u"), c + 1);
        }
      self->column_names[c] = name;
    }
  self->fields = g_new0 (UprImportField, self->n_columns);
  upr_import_layout_map (cells, n_cells, self->fields);
  self->run.header_key = upr_import_layout_header_key (cells, n_cells);
}

/* A mapping set by hand for the same headers before wins over the automatic one. */
static gboolean
apply_remembered_mapping (UprImport *self,
                          GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *mapping = upr_store_get_import_mapping (self->store, self->run.header_key,
                                                           &local_error);
  const char * const *cells = row_or_empty (self, self->sheet, self->header_row);
  guint n_cells = g_strv_length ((char **) cells);
  g_autofree UprImportField *fields = g_new0 (UprImportField, MAX (n_cells, 1));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (mapping != NULL && upr_import_layout_parse (mapping, fields, n_cells))
    {
      memcpy (self->fields, fields, n_cells * sizeof (UprImportField));
      self->layout = UPR_IMPORT_LAYOUT_REMEMBERED;
    }
  return TRUE;
}

static void
add_segment (UprImport *self,
             guint      sheet,
             guint      first_row)
{
  UprImportSegment segment = { sheet, first_row, 0 };
  guint n_rows = upr_table_get_n_rows (self->table, sheet);

  segment.n_rows = n_rows > first_row ? n_rows - first_row : 0;
  g_array_append_val (self->segments, segment);
  self->n_data_rows += segment.n_rows;
}

/* The rows under the header, and under the same header in later sheets: Word documents
 * often hold one table per theme or per page. */
static void
find_segments (UprImport *self)
{
  add_segment (self, self->sheet, self->header_row + 1);
  for (guint s = self->sheet + 1; s < upr_table_get_n_sheets (self->table); s++)
    for (guint r = 0; r < MIN (HEADER_SEARCH_ROWS, upr_table_get_n_rows (self->table, s)); r++)
      {
        const char * const *cells = upr_table_get_row (self->table, s, r);
        g_autofree char *key = upr_import_layout_header_key (cells,
                                                             g_strv_length ((char **) cells));

        if (strcmp (key, self->run.header_key) == 0)
          {
            add_segment (self, s, r + 1);
            break;
          }
      }
}

const char *
upr_import_find_country (UprImport  *self,
                         const char *text)
{
  g_autofree char *key = upr_normalise_name_key (text);
  g_auto(GStrv) words = g_strsplit (key, " ", -1);
  guint n = g_strv_length (words);
  const char *found = NULL;

  /* The longest run of words that names a State; short ones ("us", "uk") are too often
   * something else in a title. */
  for (guint length = MIN (n, 8); length > 0; length--)
    for (guint start = 0; start + length <= n; start++)
      {
        g_autofree char *candidate = NULL;
        const char *code;
        char *saved = words[start + length];

        if (words[start][0] == '\0')
          continue;
        words[start + length] = NULL;
        candidate = g_strjoinv (" ", &words[start]);
        words[start + length] = saved;
        if (strlen (candidate) < 4)
          continue;
        code = upr_name_index_lookup (self->countries, candidate);
        if (code == NULL)
          continue;
        if (found != NULL && code != found)
          return NULL;
        found = code;
        for (guint w = start; w < start + length; w++)
          words[w][0] = '\0';
      }
  return found;
}

/* The country and session of a file that names them only in its title rows, its sheet name
 * or its file name ("upr48-slovenia-thematic-list.docx"). */
static void
find_country_and_session (UprImport *self)
{
  g_autoptr(GString) title = g_string_new (NULL);

  for (guint r = 0; r < self->header_row; r++)
    {
      const char * const *cells = upr_table_get_row (self->table, self->sheet, r);

      for (guint c = 0; cells[c] != NULL; c++)
        g_string_append_printf (title, "%s\n", cells[c]);
    }
  g_string_append_printf (title, "%s\n%s", upr_table_get_sheet_name (self->table, self->sheet),
                          self->file_name != NULL ? self->file_name : "");
  if (self->country == NULL)
    {
      self->country = g_strdup (upr_import_find_country (self, title->str));
      self->country_from_file = self->country != NULL;
    }
  if (self->session == 0)
    {
      g_auto(GStrv) parts = g_strsplit (title->str, "\n", -1);

      for (guint i = 0; parts[i] != NULL && self->session == 0; i++)
        self->session = upr_normalise_session_in_title (parts[i]);
      self->session_from_file = self->session != 0;
    }
}

static gboolean
load_names (UprImport *self,
            GError   **error)
{
  return (self->countries = upr_name_index_new_for_countries (self->store, error)) != NULL
         && (self->issue_names = upr_name_index_new_for_terms (self->store, "uprinfo-issue",
                                                               error)) != NULL
         && (self->theme_names = upr_name_index_new_for_terms (self->store, "uhri-theme",
                                                               error)) != NULL
         && (self->group_names = upr_name_index_new_for_terms (self->store, "uhri-group",
                                                               error)) != NULL;
}

static gboolean
analyse (UprImport *self,
         GError   **error)
{
  const char * const *cells;

  if (!load_names (self, error))
    return FALSE;
  find_header (self, &self->sheet, &self->header_row);
  read_header (self);
  cells = row_or_empty (self, self->sheet, self->header_row);
  self->layout = upr_import_layout_identify (cells, self->fields,
                                             MIN (self->n_columns,
                                                  g_strv_length ((char **) cells)),
                                             upr_table_get_format (self->table));
  if (!apply_remembered_mapping (self, error))
    return FALSE;
  find_segments (self);
  find_country_and_session (self);
  return TRUE;
}

static gboolean
import_row (UprImport *self,
            guint      sheet,
            guint      row,
            GError   **error)
{
  UprImportParsed parsed;
  gboolean ok = TRUE;

  switch (upr_import_parse_row (self, sheet, row, &parsed, self->run.issues))
    {
    case UPR_IMPORT_ROW_DATA:
      self->summary.n_rows++;
      ok = upr_import_write_row (self, &parsed, error);
      break;
    case UPR_IMPORT_ROW_SKIPPED:
      self->summary.n_rows++;
      self->summary.n_skipped++;
      break;
    case UPR_IMPORT_ROW_OTHER_COUNTRY:
      self->summary.n_other_country++;
      break;
    case UPR_IMPORT_ROW_EMPTY:
    case UPR_IMPORT_ROW_HEADING:
    default:
      break;
    }
  upr_import_parsed_clear (&parsed);
  return ok;
}

/* The run's class (upr-import-run.h) */

static gboolean
run_check (gpointer   importer,
           GError   **error)
{
  return upr_import_check (importer, error);
}

static gboolean
run_begin (gpointer   importer,
           GError   **error)
{
  UprImport *self = importer;

  self->now = timestamp_now ();
  self->segment = 0;
  self->row = self->segments->len > 0
                ? g_array_index (self->segments, UprImportSegment, 0).first_row : 0;
  self->n_done = 0;
  self->reviews = upr_import_reviews_new ();
  self->batch = upr_store_import_batch_new (self->store, self->now);
  return TRUE;
}

static gboolean
run_step (gpointer   importer,
          guint      n_rows,
          gboolean  *finished,
          double    *progress,
          GError   **error)
{
  UprImport *self = importer;

  for (guint n = 0; n < n_rows && self->segment < self->segments->len; n++)
    {
      UprImportSegment *segment = &g_array_index (self->segments, UprImportSegment,
                                                  self->segment);

      if (self->row >= segment->first_row + segment->n_rows)
        {
          if (++self->segment < self->segments->len)
            self->row = g_array_index (self->segments, UprImportSegment,
                                       self->segment).first_row;
          continue;
        }
      if (!import_row (self, segment->sheet, self->row, error))
        return FALSE;
      self->row++;
      self->n_done++;
    }
  *finished = self->segment >= self->segments->len;
  *progress = *finished || self->n_data_rows == 0
                ? 1.0 : (double) self->n_done / self->n_data_rows;
  return TRUE;
}

/* Written for a dry run too: its report then has what the writing would say. */
static gboolean
run_flush (gpointer   importer,
           GError   **error)
{
  UprImport *self = importer;

  return upr_store_import_batch_flush (self->batch, error);
}

static char *
run_mapping (gpointer importer)
{
  UprImport *self = importer;

  return upr_import_layout_serialise (self->fields, self->n_columns);
}

static void
run_end (gpointer importer)
{
  UprImport *self = importer;

  g_clear_pointer (&self->reviews, g_hash_table_unref);
  g_clear_pointer (&self->batch, upr_store_import_batch_free);
  g_clear_pointer (&self->now, g_free);
}

static const char *
run_column_name (gpointer importer,
                 int      column)
{
  UprImport *self = importer;

  return column >= 0 && (guint) column < self->n_columns ? self->column_names[column] : NULL;
}

static const UprImportRunClass run_class = {
  .check = run_check,
  .begin = run_begin,
  .step = run_step,
  .flush = run_flush,
  .mapping = run_mapping,
  .end = run_end,
  .column_name = run_column_name,
  .error_quark = upr_import_error_quark,
  .error_failed = UPR_IMPORT_ERROR_FAILED,
  .error_cancelled = UPR_IMPORT_ERROR_CANCELLED,
  .run_step = 256,
};

/* Overrides */

static void
upr_import_dispose (GObject *object)
{
  UprImport *self = UPR_IMPORT (object);

  upr_import_run_dispose (&self->run);
  g_clear_object (&self->store);
  g_clear_object (&self->table);

  G_OBJECT_CLASS (upr_import_parent_class)->dispose (object);
}

static void
upr_import_finalize (GObject *object)
{
  UprImport *self = UPR_IMPORT (object);

  g_free (self->file_name);
  g_array_unref (self->segments);
  g_strfreev (self->column_names);
  g_free (self->fields);
  g_free (self->country);
  g_clear_pointer (&self->countries, upr_name_index_free);
  g_clear_pointer (&self->issue_names, upr_name_index_free);
  g_clear_pointer (&self->theme_names, upr_name_index_free);
  g_clear_pointer (&self->group_names, upr_name_index_free);
  upr_import_memo_clear (self);
  g_clear_pointer (&self->reviews, g_hash_table_unref);
  g_clear_pointer (&self->batch, upr_store_import_batch_free);
  g_free (self->now);
  upr_import_run_finalize (&self->run);

  G_OBJECT_CLASS (upr_import_parent_class)->finalize (object);
}

static void
upr_import_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UprImport *self = UPR_IMPORT (object);

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
upr_import_class_init (UprImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upr_import_dispose;
  object_class->finalize = upr_import_finalize;
  object_class->get_property = upr_import_get_property;

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_import_init (UprImport *self)
{
  self->segments = g_array_new (FALSE, FALSE, sizeof (UprImportSegment));
  upr_import_memo_init (self);
}

/* Public API */

UprImport *
upr_import_new (UprStore   *store,
                UprTable   *table,
                const char *file_name,
                GError    **error)
{
  g_autoptr(UprImport) self = NULL;

  g_return_val_if_fail (UPR_IS_STORE (store), NULL);
  g_return_val_if_fail (UPR_IS_TABLE (table), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (UPR_TYPE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->table = g_object_ref (table);
  self->file_name = g_strdup (file_name);
  upr_import_run_init (&self->run, &run_class, G_OBJECT (self), properties[PROP_PROGRESS], store,
                       &self->summary, sizeof self->summary, &self->summary.n_warnings);
  if (!analyse (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

UprImportLayout
upr_import_get_layout (UprImport *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), UPR_IMPORT_LAYOUT_UNKNOWN);
  return self->layout;
}

guint
upr_import_get_sheet (UprImport *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), 0);
  return self->sheet;
}

guint
upr_import_get_header_row (UprImport *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), 0);
  return self->header_row;
}

guint
upr_import_get_n_columns (UprImport *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), 0);
  return self->n_columns;
}

const char *
upr_import_get_column_name (UprImport *self,
                            guint      column)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->column_names[column];
}

UprImportField
upr_import_get_column_field (UprImport *self,
                             guint      column)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), UPR_IMPORT_FIELD_NONE);
  g_return_val_if_fail (column < self->n_columns, UPR_IMPORT_FIELD_NONE);
  return self->fields[column];
}

void
upr_import_set_column_field (UprImport     *self,
                             guint          column,
                             UprImportField field)
{
  g_return_if_fail (UPR_IS_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < UPR_IMPORT_N_FIELDS);
  g_return_if_fail (!self->run.running);

  if (self->fields[column] == field)
    return;
  if (field > UPR_IMPORT_FIELD_IGNORE)
    for (guint c = 0; c < self->n_columns; c++)
      if (self->fields[c] == field)
        self->fields[c] = UPR_IMPORT_FIELD_NONE;
  self->fields[column] = field;
  self->run.mapping_edited = TRUE;
  if (self->layout == UPR_IMPORT_LAYOUT_UNKNOWN && column_of (self, UPR_IMPORT_FIELD_TEXT) >= 0)
    self->layout = UPR_IMPORT_LAYOUT_GENERIC;
}

char **
upr_import_get_unplaced_columns (UprImport *self)
{
  const char * const *cells;
  guint n_cells;
  GPtrArray *names;

  g_return_val_if_fail (UPR_IS_IMPORT (self), NULL);

  /* Columns without a header are not worth naming. */
  cells = row_or_empty (self, self->sheet, self->header_row);
  n_cells = g_strv_length ((char **) cells);
  names = g_ptr_array_new ();
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] == UPR_IMPORT_FIELD_NONE && c < n_cells && cells[c][0] != '\0')
      g_ptr_array_add (names, g_strdup (self->column_names[c]));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

const char *
upr_import_get_country (UprImport *self,
                        gboolean  *from_file)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), NULL);

  if (from_file != NULL)
    *from_file = self->country_from_file;
  return self->country;
}

gboolean
upr_import_set_country (UprImport  *self,
                        const char *country)
{
  const char *code = NULL;

  g_return_val_if_fail (UPR_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->run.running, FALSE);

  if (country != NULL && (code = upr_name_index_lookup (self->countries, country)) == NULL)
    {
      g_autofree char *upper = g_ascii_strup (country, -1);

      code = upr_name_index_lookup (self->countries, upper);
      if (code == NULL)
        return FALSE;
    }
  g_free (self->country);
  self->country = g_strdup (code);
  self->country_from_file = FALSE;
  return TRUE;
}

int
upr_import_get_session (UprImport *self,
                        gboolean  *from_file)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), 0);

  if (from_file != NULL)
    *from_file = self->session_from_file;
  return self->session;
}

void
upr_import_set_session (UprImport *self,
                        int        session)
{
  g_return_if_fail (UPR_IS_IMPORT (self));
  g_return_if_fail (session >= 0 && session <= 999);
  g_return_if_fail (!self->run.running);

  self->session = session;
  self->session_from_file = FALSE;
}

static gboolean
has_data_rows (UprImport *self)
{
  for (guint i = 0; i < self->segments->len; i++)
    {
      UprImportSegment *segment = &g_array_index (self->segments, UprImportSegment, i);

      for (guint r = segment->first_row; r < segment->first_row + segment->n_rows; r++)
        {
          const char * const *cells = upr_table_get_row (self->table, segment->sheet, r);

          for (guint c = 0; cells[c] != NULL; c++)
            {
              g_autofree char *clean = upr_normalise_text (cells[c], UPR_NORMALISE_SINGLE_LINE);

              if (clean[0] != '\0')
                return TRUE;
            }
        }
    }
  return FALSE;
}

gboolean
upr_import_check (UprImport *self,
                  GError   **error)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), FALSE);

  if (column_of (self, UPR_IMPORT_FIELD_TEXT) < 0)
    {
      g_auto(GStrv) unplaced = upr_import_get_unplaced_columns (self);
      g_autofree char *list = upr_import_run_quoted_list (unplaced);

      if (unplaced[0] == NULL)
        g_set_error_literal (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_HEADER,
                             _("No row of the file names its columns: no column holds the "
                               "text of the recommendations."));
      else
        g_set_error (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_HEADER,
                     _("No column holds the text of the recommendations. Columns not "
                       "recognised: %s."),
                     list);
      return FALSE;
    }
  if (column_of (self, UPR_IMPORT_FIELD_COUNTRY) < 0 && self->country == NULL)
    {
      g_set_error_literal (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_COUNTRY,
                           _("The file does not say which State was reviewed: give the "
                             "country."));
      return FALSE;
    }
  if (column_of (self, UPR_IMPORT_FIELD_SESSION) < 0 && self->session == 0)
    {
      g_set_error_literal (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_SESSION,
                           _("The file does not say at which session of the Working Group the "
                             "State was reviewed: give the session."));
      return FALSE;
    }
  if (!has_data_rows (self))
    {
      g_set_error_literal (error, UPR_IMPORT_ERROR, UPR_IMPORT_ERROR_NO_ROWS,
                           _("The file has a header but no recommendation under it."));
      return FALSE;
    }
  return TRUE;
}

static UprImportPreviewRow *
preview_row (const UprImportParsed *parsed,
             gboolean               skipped)
{
  UprImportPreviewRow *row = g_new0 (UprImportPreviewRow, 1);
  const UprImportedRecommendation *rec = parsed->rec;

  row->row = parsed->line;
  row->country_code = g_strdup (parsed->country);
  row->session = parsed->session;
  row->cycle = parsed->cycle;
  row->skipped = skipped;
  row->states = rec != NULL ? g_strdupv (rec->states) : g_new0 (char *, 1);
  row->terms = rec != NULL ? g_strdupv (rec->terms) : g_new0 (char *, 1);
  if (rec == NULL)
    return row;
  row->paragraph = g_strdup (rec->paragraph);
  row->text = g_strdup (rec->text);
  row->response = g_strdup (rec->response);
  row->response_source = g_strdup (rec->response_source);
  row->action_category = rec->action_category;
  row->sdg_goals = rec->sdg_goals;
  return row;
}

GPtrArray *
upr_import_preview (UprImport *self,
                    guint      n_rows,
                    GPtrArray *issues)
{
  GPtrArray *rows;

  g_return_val_if_fail (UPR_IS_IMPORT (self), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upr_import_preview_row_free);
  for (guint i = 0; i < self->segments->len && rows->len < n_rows; i++)
    {
      UprImportSegment *segment = &g_array_index (self->segments, UprImportSegment, i);

      for (guint r = segment->first_row;
           r < segment->first_row + segment->n_rows && rows->len < n_rows; r++)
        {
          UprImportParsed parsed;
          UprImportRowKind kind = upr_import_parse_row (self, segment->sheet, r, &parsed, issues);

          if (kind == UPR_IMPORT_ROW_DATA || kind == UPR_IMPORT_ROW_SKIPPED)
            g_ptr_array_add (rows, preview_row (&parsed, kind == UPR_IMPORT_ROW_SKIPPED));
          upr_import_parsed_clear (&parsed);
        }
    }
  return rows;
}

gboolean
upr_import_start (UprImport *self,
                  gboolean   dry_run,
                  GError   **error)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), FALSE);
  return upr_import_run_start (&self->run, dry_run, error);
}

gboolean
upr_import_step (UprImport *self,
                 guint      n_rows,
                 gboolean  *finished,
                 GError   **error)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), FALSE);
  return upr_import_run_step (&self->run, n_rows, finished, error);
}

gboolean
upr_import_finish (UprImport *self,
                   GError   **error)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), FALSE);
  return upr_import_run_finish (&self->run, error);
}

void
upr_import_cancel (UprImport *self)
{
  g_return_if_fail (UPR_IS_IMPORT (self));
  upr_import_run_cancel (&self->run);
}

gboolean
upr_import_run (UprImport    *self,
                gboolean      dry_run,
                GCancellable *cancellable,
                GError      **error)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), FALSE);
  return upr_import_run_run (&self->run, dry_run, cancellable, error);
}

double
upr_import_get_progress (UprImport *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), 0.0);
  return self->run.progress;
}

GPtrArray *
upr_import_get_issues (UprImport *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), NULL);
  return self->run.issues;
}

const UprImportSummary *
upr_import_get_summary (UprImport *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT (self), NULL);
  return &self->summary;
}
