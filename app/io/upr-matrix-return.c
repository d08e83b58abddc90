/* upr-matrix-return.c: a returned implementation matrix, compared with the database and
 * applied as the partner's progress updates (upr-matrix-return.h).
 *
 * Each row's hidden key says what its cells held when exported (the baseline): a cell equal
 * to it was left alone by the partner, whatever the database holds now. The cells of a group
 * (the status and its date; the progress text and its date) are judged together: a partner's
 * new status date re-dates a status the officer may have changed since.
 *
 * Rows without a baseline (a matrix exported by an earlier Upright) are compared with the
 * database: dates older than the database's are then not changes, the database having moved
 * on since the export (or this workbook been applied already). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-assessment.h"
#include "upr-fold.h"
#include "upr-matrix-return.h"
#include "upr-organisation.h"
#include "upr-progress-update.h"
#include "upr-store-export.h"
#include "upr-vocab.h"
#include "upr-workbook-private.h"

/* What upr-workbook-writer.c writes on its hidden sheet. */
#define META_SHEET "Upright"
#define META_FORMAT "upright-workbook"

struct _UprMatrixReturn
{
  char      *language;
  GPtrArray *changes;  /* UprMatrixReturnChange */
  GPtrArray *problems; /* UprMatrixReturnProblem */
};

/* The matrix as the workbook describes it. */
typedef struct
{
  UprTable   *table;
  guint       sheet;
  guint       header_row;               /* 0-based */
  int         at[UPR_MATRIX_N_COLUMNS]; /* the sheet's column of each column, -1: absent */
  GHashTable *status_ids;               /* folded label → id */
  GHashTable *level_ids;
  GHashTable *seen;                     /* ids met so far */
} Layout;

/* What a row's partner cells held when exported, from its hidden key; NULL: empty. */
typedef struct
{
  const char *status;
  const char *status_date;
  const char *progress_date;
  const char *progress_hash; /* of the text, see text_hash() */
  const char *assessment;
} Baseline;

/* One row being compared. */
typedef struct
{
  UprMatrixReturn               *self;
  const Layout                  *layout;
  const UprExportRecommendation *item;
  const char * const            *cells;
  guint                          n_cells;
  guint                          row; /* 1-based */
  UprStore                      *store;
  const char                    *partner_id; /* NULL: not known yet */
  GStrv                          key;        /* the hidden key's fields */
  const Baseline                *baseline;   /* NULL: exported without one */
} Row;

/* What a row changes, once read: NULL for what it leaves as it is. */
typedef struct
{
  const char *status;
  const char *status_date;
  char       *text;
  const char *progress_date;
  const char *level;
} Reading;

/* The hidden key: the id, then the five fields of the baseline. */
#define KEY_FIELDS 6

G_DEFINE_QUARK (upr-matrix-return-error-quark, upr_matrix_return_error)

/* Helpers */

static void
change_free (gpointer data)
{
  UprMatrixReturnChange *change = data;

  g_free (change->recommendation_id);
  g_free (change->reference);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->value);
  g_free (change->dated);
  g_free (change);
}

static void
problem_free (gpointer data)
{
  UprMatrixReturnProblem *problem = data;

  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->message);
  g_free (problem);
}

static const char *
cell (const Layout       *layout,
      const char * const *cells,
      guint               n_cells,
      UprMatrixColumn     column)
{
  int at = layout->at[column];

  return at >= 0 && (guint) at < n_cells ? cells[at] : "";
}

/* The cell's text, trimmed, with Windows line ends made plain; NULL when empty. */
static char *
clean (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\r\n", -1);
  char *joined = g_strstrip (g_strjoinv ("\n", lines));

  if (joined[0] == '\0')
    g_clear_pointer (&joined, g_free);
  return joined;
}

static gboolean
is_date (const char *text)
{
  int y, m, d;
  char end;

  return text != NULL && strlen (text) == 10
         && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3
         && text[4] == '-' && text[7] == '-'
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* FNV-1a of @text[start, end) as clean() gives it back: line ends "\r\n" made "\n". Stable
 * across machines and versions, and cheap for 40,000 rows: the text only has to be told
 * apart from what a partner writes over it, not from an attacker. */
static guint64
fnv1a (const char *start,
       const char *end)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (const char *p = start; p < end; p++)
    {
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        continue;
      hash ^= (guchar) *p;
      hash *= G_GUINT64_CONSTANT (1099511628211);
    }
  return hash;
}

/* TRUE when @text[start, end) is surely in Unicode's composed form (NFC) already: ASCII,
 * Latin letters with accents (up to U+02FF) and common punctuation (’ “ ” – — … • €), what
 * most texts are made of. Anything else is normalised, which costs far more. */
static gboolean
surely_composed (const char *start,
                 const char *end)
{
  for (const guchar *p = (const guchar *) start; p < (const guchar *) end; p++)
    {
      if (*p < 0xCC)
        continue;
      /* U+2002–U+206F and U+20A0–U+20CF: E2 80 82–BF, E2 81 xx, E2 82 A0–BF, E2 83 80–8F. */
      if (*p != 0xE2 || p + 2 >= (const guchar *) end
          || !((p[1] == 0x80 && p[2] >= 0x82) || p[1] == 0x81
               || (p[1] == 0x82 && p[2] >= 0xA0) || (p[1] == 0x83 && p[2] <= 0x8F)))
        return FALSE;
      p += 2;
    }
  return TRUE;
}

/* The hash of a progress text as a spreadsheet may give it back: trimmed, with plain line
 * ends and accents composed (see same_text()), in 16 hex digits into @hash; FALSE for no
 * text. */
static gboolean
text_hash (const char *text,
           char        hash[17])
{
  const char *start = text != NULL ? text : "";
  const char *end = start + strlen (start);
  g_autofree char *cleaned = NULL;
  g_autofree char *nfc = NULL;
  guint64 value;

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (start == end)
    return FALSE;
  if (!surely_composed (start, end))
    {
      cleaned = clean (text);
      nfc = g_utf8_normalize (cleaned, -1, G_NORMALIZE_NFC);
      if (nfc != NULL)
        {
          start = nfc;
          end = nfc + strlen (nfc);
        }
    }
  value = fnv1a (start, end);
  /* By hand: printf would be most of the cost of a row's key. */
  for (int i = 15; i >= 0; i--, value >>= 4)
    hash[i] = "0123456789abcdef"[value & 0xF];
  hash[16] = '\0';
  return TRUE;
}

static gboolean
hash_matches (const char *text,
              const char *hash)
{
  char own[17];

  return text_hash (text, own) ? g_strcmp0 (own, hash) == 0 : hash == NULL;
}

/* The date of the progress as the baseline has it: none without a text. */
static const char *
progress_date (const UprExportRecommendation *item)
{
  char hash[17];

  return text_hash (item->progress_text, hash) ? item->progress_date : NULL;
}

void
upr_matrix_return_append_key (GString                       *out,
                              const UprExportRecommendation *item)
{
  char hash[17];
  gboolean has_text = text_hash (item->progress_text, hash);
  const char *fields[KEY_FIELDS] = {
    item->id, item->status, item->status_date, has_text ? item->progress_date : NULL,
    has_text ? hash : NULL, item->assessment_level,
  };

  g_return_if_fail (out != NULL && item != NULL && item->id != NULL);

  for (guint i = 0; i < KEY_FIELDS; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      if (fields[i] != NULL)
        g_string_append (out, fields[i]);
    }
}

static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static const char *
column_title (const Row       *row,
              UprMatrixColumn  column)
{
  const char * const *header = upr_table_get_row (row->layout->table, row->layout->sheet,
                                                  row->layout->header_row);
  int at = row->layout->at[column];

  return at >= 0 && (guint) at < g_strv_length ((char **) header) ? header[at] : NULL;
}

static void
add_problem (Row             *row,
             int              column, /* UprMatrixColumn, -1: the row */
             const char      *value,
             char            *message)
{
  UprMatrixReturnProblem *problem = g_new0 (UprMatrixReturnProblem, 1);

  problem->row = row->row;
  problem->column = column >= 0 ? g_strdup (column_title (row, column)) : NULL;
  problem->value = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
  problem->message = message;
  g_ptr_array_add (row->self->problems, problem);
}

/* The paragraph; for a recommendation without one, the start of its text. */
static char *
reference (const UprExportRecommendation *item)
{
  const char *end;

  if (item->paragraph != NULL || item->text == NULL)
    return g_strdup (item->paragraph);
  if (g_utf8_strlen (item->text, -1) <= 40)
    return g_strdup (item->text);
  end = g_utf8_offset_to_pointer (item->text, 40);
  return g_strdup_printf ("%.*s…", (int) (end - item->text), item->text);
}

static UprMatrixReturnChange *
add_change (Row                  *row,
            UprMatrixReturnField  field,
            const char           *old_value,
            const char           *new_value,
            const char           *value)
{
  UprMatrixReturnChange *change = g_new0 (UprMatrixReturnChange, 1);

  change->recommendation_id = g_strdup (row->item->id);
  change->reference = reference (row->item);
  change->row = row->row;
  change->field = field;
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  change->value = g_strdup (value);
  g_ptr_array_add (row->self->changes, change);
  return change;
}

/* The hidden sheet */

static int
find_sheet (UprTable   *table,
            const char *name)
{
  for (guint s = 0; s < upr_table_get_n_sheets (table); s++)
    if (g_strcmp0 (upr_table_get_sheet_name (table, s), name) == 0)
      return (int) s;
  return -1;
}

static const char *
meta_value (UprTable   *table,
            guint       sheet,
            const char *key)
{
  for (guint r = 0; r < upr_table_get_n_rows (table, sheet); r++)
    {
      const char * const *cells = upr_table_get_row (table, sheet, r);

      if (cells[0] != NULL && cells[1] != NULL && g_str_equal (cells[0], key))
        return cells[1];
    }
  return NULL;
}

gboolean
upr_matrix_return_recognise (UprTable *table)
{
  int sheet;

  g_return_val_if_fail (UPR_IS_TABLE (table), FALSE);

  if (upr_table_get_format (table) != UPR_TABLE_FORMAT_XLSX)
    return FALSE;
  sheet = find_sheet (table, META_SHEET);
  return sheet >= 0 && g_strcmp0 (meta_value (table, sheet, "format"), META_FORMAT) == 0;
}

/* Folded label → id, from the id and label columns @col and @col + 1 of the hidden sheet. */
static GHashTable *
read_labels (UprTable *table,
             guint     sheet,
             guint     col)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint r = 1; r < upr_table_get_n_rows (table, sheet); r++)
    {
      const char * const *cells = upr_table_get_row (table, sheet, r);
      guint n = g_strv_length ((char **) cells);

      if (col + 1 < n && cells[col][0] != '\0' && cells[col + 1][0] != '\0')
        g_hash_table_replace (ids, upr_fold (cells[col + 1]), g_strdup (cells[col]));
    }
  return ids;
}

static gboolean
read_columns (Layout      *layout,
              const char  *list,
              GError     **error)
{
  g_auto(GStrv) keys = g_strsplit (list != NULL ? list : "", ",", -1);
  const char * const *header;
  guint n_header = 0;

  for (int c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
    {
      layout->at[c] = -1;
      for (guint k = 0; keys[k] != NULL; k++)
        if (g_str_equal (keys[k], upr_workbook_matrix_column_key (c)))
          layout->at[c] = (int) k;
    }
  if (layout->header_row < upr_table_get_n_rows (layout->table, layout->sheet))
    {
      header = upr_table_get_row (layout->table, layout->sheet, layout->header_row);
      n_header = g_strv_length ((char **) header);
      while (n_header > 0 && header[n_header - 1][0] == '\0')
        n_header--;
    }
  /* Columns deleted shift the others: then no cell can be trusted to be what it was. */
  if (layout->at[UPR_MATRIX_KEY] != 0 || layout->at[UPR_MATRIX_REFERENCE] < 0
      || n_header < g_strv_length (keys))
    {
      g_set_error_literal (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_DAMAGED,
                           _("Columns of the matrix were deleted, its hidden key column among "
                             "them perhaps: Upright cannot tell which recommendation each row "
                             "is. Fill in a copy of the matrix as it was exported."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_layout (Layout    *layout,
             UprTable  *table,
             GError   **error)
{
  int meta = find_sheet (table, META_SHEET);
  const char *header_row;
  int sheet;

  layout->table = table;
  if (meta < 0 || !upr_matrix_return_recognise (table))
    {
      g_set_error_literal (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_NOT_MATRIX,
                           _("This workbook is not a matrix exported by Upright."));
      return FALSE;
    }
  sheet = find_sheet (table, meta_value (table, meta, "matrix-sheet"));
  if (sheet < 0)
    {
      g_set_error_literal (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_DAMAGED,
                           _("This workbook exported by Upright has no implementation matrix, "
                             "or its matrix sheet was renamed."));
      return FALSE;
    }
  layout->sheet = (guint) sheet;
  header_row = meta_value (table, meta, "matrix-header-row");
  layout->header_row = header_row != NULL && atoi (header_row) > 0 ? atoi (header_row) - 1 : 0;
  layout->status_ids = read_labels (table, meta, 3);
  layout->level_ids = read_labels (table, meta, 5);
  layout->seen = g_hash_table_new (g_str_hash, g_str_equal);
  return read_columns (layout, meta_value (table, meta, "matrix-columns"), error);
}

static void
layout_clear (Layout *layout)
{
  g_clear_pointer (&layout->status_ids, g_hash_table_unref);
  g_clear_pointer (&layout->level_ids, g_hash_table_unref);
  g_clear_pointer (&layout->seen, g_hash_table_unref);
}

/* The cells */

/* A label of the workbook's drop-down list → its id; NULL (and a problem) when not one. */
static const char *
vocab_id (Row            *row,
          UprMatrixColumn column,
          GHashTable     *ids,
          const char     *text)
{
  g_autofree char *folded = upr_fold (text);
  const char *id = g_hash_table_lookup (ids, folded);

  if (id == NULL)
    add_problem (row, column, text, g_strdup (_("Not one of the values of the list: the row "
                                                "is left as it was.")));
  return id;
}

/* "2024-05-12 · Ministry of Justice" first, then the text, as the export writes it; or just
 * a text, when the partner wrote over the whole cell. */
static char *
split_progress (const char  *cell_text,
                char       **date)
{
  const char *newline = strchr (cell_text, '\n');
  g_autofree char *first = newline != NULL ? g_strndup (cell_text, newline - cell_text) : NULL;

  *date = NULL;
  if (first != NULL && strlen (first) >= 10 && (first[10] == '\0' || first[10] == ' '))
    {
      first[10] = '\0';
      if (is_date (first))
        {
          *date = g_strdup (first);
          return clean (newline + 1);
        }
    }
  return g_strdup (cell_text);
}

/* Equal as texts, whatever a spreadsheet did to line ends, surrounding spaces or the
 * composition of accents. */
static gboolean
same_text (const char *cell_text,
           const char *stored)
{
  g_autofree char *a = clean (cell_text);
  g_autofree char *b = clean (stored);
  g_autofree char *a_nfc = a != NULL ? g_utf8_normalize (a, -1, G_NORMALIZE_NFC) : NULL;
  g_autofree char *b_nfc = b != NULL ? g_utf8_normalize (b, -1, G_NORMALIZE_NFC) : NULL;

  return g_strcmp0 (a_nfc, b_nfc) == 0;
}

/* TRUE when @cell_text is what the workbook could hold of @stored, too long for a cell:
 * its start, then the marker (upr_writer_make_safe ()). Left so, the text did not change. */
static gboolean
is_cut_of (const char *cell_text,
           const char *stored)
{
  g_autofree char *a = clean (cell_text);
  g_autofree char *b = clean (stored);
  g_autofree char *a_nfc = NULL;
  g_autofree char *b_nfc = NULL;
  gsize kept;

  if (a == NULL || b == NULL || !g_str_has_suffix (a, UPR_WORKBOOK_CUT_MARKER))
    return FALSE;
  a_nfc = g_utf8_normalize (a, -1, G_NORMALIZE_NFC);
  b_nfc = g_utf8_normalize (b, -1, G_NORMALIZE_NFC);
  if (a_nfc == NULL || b_nfc == NULL || !g_str_has_suffix (a_nfc, UPR_WORKBOOK_CUT_MARKER))
    return FALSE;
  kept = strlen (a_nfc) - strlen (UPR_WORKBOOK_CUT_MARKER);
  return strlen (b_nfc) > kept && strncmp (a_nfc, b_nfc, kept) == 0;
}

static void
erased (Row             *row,
        UprMatrixColumn  column,
        const char      *message)
{
  add_problem (row, column, NULL, g_strdup (message));
}

/* The partner changed @column and the officer changed the same thing in Upright since the
 * export, to @now: neither is taken for the other. */
static void
conflict (Row             *row,
          UprMatrixColumn  column,
          const char      *value,
          const char      *now)
{
  g_autofree char *shown = NULL;

  if (now == NULL)
    now = C_("value", "empty");
  /* One line, and not a whole progress report. */
  shown = g_strdelimit (g_strdup (now), "\n", ' ');
  if (g_utf8_strlen (shown, -1) > 60)
    {
      char *cut = g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (shown, 59) - shown),
                                   shown);

      g_free (shown);
      shown = cut;
    }
  add_problem (row, column, value,
               /* Translators: %s is the value Upright holds now. */
               g_strdup_printf (_("Changed in the workbook and, since the export, in Upright, "
                                  "which now says “%s”: the row is left as it was. Enter the "
                                  "right value in Upright."), shown));
}

/* "In progress (2025-03-31)": a status as Upright holds it now, for a conflict. */
static char *
status_now (const UprExportRecommendation *item)
{
  const char *label = item->status != NULL
                        ? upr_vocab_label (UPR_VOCAB_IMPLEMENTATION_STATUS, item->status) : NULL;

  if (label == NULL || item->status_date == NULL)
    return g_strdup (label != NULL ? label : item->status_date);
  return g_strdup_printf ("%s (%s)", label, item->status_date);
}

/* The status and its date: a status cannot be emptied, nor a status date. */
static void
read_status (Row     *row,
             Reading *reading)
{
  const UprExportRecommendation *item = row->item;
  const Baseline *baseline = row->baseline;
  g_autofree char *status_text = clean (cell (row->layout, row->cells, row->n_cells,
                                              UPR_MATRIX_STATUS));
  g_autofree char *date = clean (cell (row->layout, row->cells, row->n_cells,
                                       UPR_MATRIX_STATUS_DATE));
  const char *status = NULL;
  gboolean new_status, new_date;

  if (status_text != NULL)
    {
      status = vocab_id (row, UPR_MATRIX_STATUS, row->layout->status_ids, status_text);
      if (status == NULL)
        return;
    }
  /* Left as exported: not the partner's, whatever Upright holds now. Without a baseline an
   * empty cell may be one exported empty, Upright having a value since: not an erasure. */
  new_status = g_strcmp0 (status, baseline != NULL ? baseline->status : item->status) != 0
               && g_strcmp0 (status, item->status) != 0
               && (status != NULL || baseline != NULL);
  new_date = g_strcmp0 (date, baseline != NULL ? baseline->status_date : item->status_date) != 0
             && g_strcmp0 (date, item->status_date) != 0
             && (date != NULL || baseline != NULL);
  if (new_status && status == NULL)
    {
      erased (row, UPR_MATRIX_STATUS,
              _("The status was erased: a recommendation always has one. Choose it from the "
                "list; the row is left as it was."));
      return;
    }
  if (new_date && date == NULL)
    {
      erased (row, UPR_MATRIX_STATUS_DATE,
              _("The status date was erased: Upright keeps the date of each status. Give it "
                "again; the row is left as it was."));
      return;
    }
  if (new_date && !is_date (date))
    {
      add_problem (row, UPR_MATRIX_STATUS_DATE, date,
                   g_strdup (_("Not a date: write it as a date (for example 2025-03-31).")));
      return;
    }
  if ((new_status || new_date) && baseline != NULL
      && (g_strcmp0 (item->status, baseline->status) != 0
          || g_strcmp0 (item->status_date, baseline->status_date) != 0))
    {
      g_autofree char *now = status_now (item);

      conflict (row, new_status ? UPR_MATRIX_STATUS : UPR_MATRIX_STATUS_DATE,
                new_status ? status_text : date, now);
      return;
    }
  if (new_status)
    reading->status = status;
  /* Without a baseline an older date is the database having moved on, not the partner. */
  if (new_date && (baseline != NULL || new_status || item->status_date == NULL
                   || strcmp (date, item->status_date) > 0))
    reading->status_date = g_intern_string (date);
}

/* The progress text and the date on its first line. */
static void
read_progress (Row     *row,
               Reading *reading)
{
  const UprExportRecommendation *item = row->item;
  const Baseline *baseline = row->baseline;
  g_autofree char *cell_text = clean (cell (row->layout, row->cells, row->n_cells,
                                            UPR_MATRIX_PROGRESS));
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  gboolean new_text, new_date;

  if (cell_text != NULL)
    text = split_progress (cell_text, &date);
  new_text = (baseline != NULL ? !hash_matches (text, baseline->progress_hash) : TRUE)
             && !same_text (text, item->progress_text)
             && !is_cut_of (text, item->progress_text);
  /* A text written over the whole cell gives no date: the date is not erased. */
  new_date = date != NULL
             && g_strcmp0 (date, baseline != NULL ? baseline->progress_date
                                                  : item->progress_date) != 0
             && g_strcmp0 (date, item->progress_date) != 0;
  if (new_text && text == NULL)
    {
      erased (row, UPR_MATRIX_PROGRESS,
              _("The progress was erased: Upright keeps the history of progress, so the row "
                "is left as it was."));
      return;
    }
  if ((new_text || new_date) && baseline != NULL
      && (!hash_matches (item->progress_text, baseline->progress_hash)
          || g_strcmp0 (progress_date (item), baseline->progress_date) != 0))
    {
      conflict (row, UPR_MATRIX_PROGRESS, cell_text, item->progress_text);
      return;
    }
  if (new_text)
    reading->text = g_strdup (text);
  if (new_date && (baseline != NULL || new_text || item->progress_date == NULL
                   || strcmp (date, item->progress_date) > 0))
    reading->progress_date = g_intern_string (date);
}

/* TRUE when @partner_id's latest assessment of the recommendation is @level already: the
 * combined level the matrix shows may differ, other stakeholders having assessed it too. */
static gboolean
partner_assessed (UprStore   *store,
                  const char *recommendation_id,
                  const char *partner_id,
                  const char *level)
{
  g_autoptr(GListModel) assessments = NULL;

  if (partner_id == NULL)
    return FALSE;
  assessments = upr_store_list_assessments (store, recommendation_id, NULL);
  for (guint i = 0; assessments != NULL && i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(UprRecord) assessment = g_list_model_get_item (assessments, i);

      if (g_strcmp0 (upr_record_get_string (assessment, "organisation-id"), partner_id) == 0)
        return g_strcmp0 (upr_record_get_string (assessment, "level"), level) == 0;
    }
  return FALSE;
}

static void
read_assessment (Row     *row,
                 Reading *reading)
{
  const UprExportRecommendation *item = row->item;
  const Baseline *baseline = row->baseline;
  g_autofree char *text = clean (cell (row->layout, row->cells, row->n_cells,
                                       UPR_MATRIX_ASSESSMENT));
  const char *level = NULL;

  if (text != NULL)
    {
      level = vocab_id (row, UPR_MATRIX_ASSESSMENT, row->layout->level_ids, text);
      if (level == NULL)
        return;
    }
  if (g_strcmp0 (level, baseline != NULL ? baseline->assessment : item->assessment_level) == 0
      || g_strcmp0 (level, item->assessment_level) == 0
      || (level == NULL && baseline == NULL)
      || (level != NULL && partner_assessed (row->store, item->id, row->partner_id, level)))
    return;
  if (level == NULL)
    erased (row, UPR_MATRIX_ASSESSMENT,
            _("The assessment was erased: Upright keeps every assessment made, so the row is "
              "left as it was."));
  else if (baseline != NULL && g_strcmp0 (item->assessment_level, baseline->assessment) != 0)
    conflict (row, UPR_MATRIX_ASSESSMENT, text,
              item->assessment_level != NULL
                ? upr_vocab_label (UPR_VOCAB_ASSESSMENT_LEVEL, item->assessment_level) : NULL);
  else
    reading->level = level;
}

/* Reads the row whole first: a problem anywhere leaves all of it as it is. */
static void
compare_row (Row *row)
{
  const UprExportRecommendation *item = row->item;
  g_autofree char *today = today_text ();
  Reading reading = { 0 };
  const char *date;
  guint first = row->self->problems->len;

  read_status (row, &reading);
  read_progress (row, &reading);
  read_assessment (row, &reading);
  date = reading.status_date != NULL ? reading.status_date
         : reading.progress_date != NULL ? reading.progress_date : today;
  /* An older date would record the status without making it the current one. */
  if (row->self->problems->len == first
      && (reading.status != NULL || reading.status_date != NULL) && item->status_date != NULL
      && strcmp (date, item->status_date) < 0)
    add_problem (row, UPR_MATRIX_STATUS_DATE, date,
                 g_strdup_printf (_("The status recorded in Upright is dated %s, later than "
                                    "this one: give a later date."), item->status_date));
  if (row->self->problems->len > first)
    {
      g_free (reading.text);
      return;
    }
  if (reading.status != NULL)
    add_change (row, UPR_MATRIX_RETURN_STATUS,
                upr_vocab_label (UPR_VOCAB_IMPLEMENTATION_STATUS, item->status),
                upr_vocab_label (UPR_VOCAB_IMPLEMENTATION_STATUS, reading.status),
                reading.status);
  if (reading.status_date != NULL)
    add_change (row, UPR_MATRIX_RETURN_STATUS_DATE, item->status_date, reading.status_date,
                reading.status_date)->dated = g_strdup (reading.status != NULL ? reading.status
                                                                               : item->status);
  if (reading.text != NULL)
    add_change (row, UPR_MATRIX_RETURN_PROGRESS, item->progress_text, reading.text,
                reading.text);
  if (reading.progress_date != NULL)
    add_change (row, UPR_MATRIX_RETURN_PROGRESS_DATE, item->progress_date,
                reading.progress_date, reading.progress_date)->dated
      = g_strdup (reading.text != NULL ? reading.text : item->progress_text);
  if (reading.level != NULL)
    add_change (row, UPR_MATRIX_RETURN_ASSESSMENT,
                item->assessment_level != NULL
                  ? upr_vocab_label (UPR_VOCAB_ASSESSMENT_LEVEL, item->assessment_level) : NULL,
                upr_vocab_label (UPR_VOCAB_ASSESSMENT_LEVEL, reading.level), reading.level);
  g_free (reading.text);
}

/* The rows */

static gboolean
blank_row (const Row *row)
{
  for (guint c = 0; c < row->n_cells; c++)
    for (const char *p = row->cells[c]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

static const char *
field (const char *text)
{
  return text[0] != '\0' ? text : NULL;
}

/* "id" (exported without a baseline) or "id|status|…" (upr_matrix_return_append_key());
 * FALSE for anything else. */
static gboolean
parse_key (Row      *row,
           char     *key,
           Baseline *baseline)
{
  const char *hash;

  row->key = g_strsplit (key, "|", -1);
  if (g_strv_length (row->key) == 1)
    return TRUE;
  if (g_strv_length (row->key) != KEY_FIELDS)
    return FALSE;
  hash = row->key[4];
  if (hash[0] != '\0' && (strlen (hash) != 16 || strspn (hash, "0123456789abcdef") != 16))
    return FALSE;
  baseline->status = field (row->key[1]);
  baseline->status_date = field (row->key[2]);
  baseline->progress_date = field (row->key[3]);
  baseline->progress_hash = field (hash);
  baseline->assessment = field (row->key[5]);
  row->baseline = baseline;
  return TRUE;
}

/* The recommendation of the row's key; NULL (with a problem, unless the row is empty). */
static const UprExportRecommendation *
row_item (Row        *row,
          GHashTable *items,
          Baseline   *baseline)
{
  g_autofree char *text = clean (cell (row->layout, row->cells, row->n_cells, UPR_MATRIX_KEY));
  g_autofree char *reference = clean (cell (row->layout, row->cells, row->n_cells,
                                            UPR_MATRIX_REFERENCE));
  const UprExportRecommendation *item;
  const char *key;

  if (text == NULL)
    {
      if (!blank_row (row))
        add_problem (row, UPR_MATRIX_KEY, NULL,
                     g_strdup (_("The hidden key of this row is empty: Upright cannot tell "
                                 "which recommendation it is. The row is left out.")));
      return NULL;
    }
  if (!parse_key (row, text, baseline))
    {
      add_problem (row, UPR_MATRIX_KEY, text,
                   g_strdup (_("The hidden key of this row was edited: Upright cannot tell "
                               "what the row held when exported. The row is left out.")));
      return NULL;
    }
  key = row->key[0];
  item = g_hash_table_lookup (items, key);
  if (item == NULL)
    {
      add_problem (row, UPR_MATRIX_KEY, key,
                   g_strdup (_("No recommendation in this database has this key: the row "
                               "was added, its key edited, or it comes from another "
                               "database. The row is left out.")));
      return NULL;
    }
  /* A key copied onto another row would put one recommendation's progress on another. */
  if (g_strcmp0 (reference, item->paragraph) != 0 || g_hash_table_contains (row->layout->seen,
                                                                              item->id))
    {
      add_problem (row, UPR_MATRIX_KEY, key,
                   g_strdup (_("The hidden key of this row was edited or copied: it does not "
                               "match the row's reference. The row is left out.")));
      return NULL;
    }
  g_hash_table_add (row->layout->seen, (gpointer) item->id);
  return item;
}

static GHashTable *
index_items (UprExportMatrix *matrix)
{
  GHashTable *items = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < upr_export_matrix_get_n_items (matrix); i++)
    {
      const UprExportRecommendation *item = upr_export_matrix_get_item (matrix, i);

      g_hash_table_insert (items, (gpointer) item->id, (gpointer) item);
    }
  return items;
}

static gboolean
compare_rows (UprMatrixReturn *self,
              UprStore        *store,
              Layout          *layout,
              const char      *partner_id,
              GError         **error)
{
  g_autoptr(UprExportMatrix) matrix = upr_store_export_matrix (store, NULL, 0, error);
  g_autoptr(GHashTable) items = NULL;

  if (matrix == NULL)
    return FALSE;
  items = index_items (matrix);
  for (guint r = layout->header_row + 1; r < upr_table_get_n_rows (layout->table, layout->sheet);
       r++)
    {
      const char * const *cells = upr_table_get_row (layout->table, layout->sheet, r);
      Baseline baseline = { 0 };
      Row row = {
        .self = self,
        .layout = layout,
        .cells = cells,
        .n_cells = g_strv_length ((char **) cells),
        .row = upr_table_get_source_line (layout->table, layout->sheet, r),
        .store = store,
        .partner_id = partner_id,
      };

      row.item = row_item (&row, items, &baseline);
      if (row.item != NULL)
        compare_row (&row);
      g_strfreev (row.key);
    }
  return TRUE;
}

/* Public API */

UprMatrixReturn *
upr_matrix_return_new (UprStore    *store,
                       UprTable    *table,
                       const char  *partner_id,
                       GError     **error)
{
  g_autoptr(UprMatrixReturn) self = NULL;
  Layout layout = { 0 };
  gboolean ok;

  g_return_val_if_fail (UPR_IS_STORE (store), NULL);
  g_return_val_if_fail (UPR_IS_TABLE (table), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (UprMatrixReturn, 1);
  self->changes = g_ptr_array_new_with_free_func (change_free);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  ok = read_layout (&layout, table, error);
  if (ok)
    {
      int meta = find_sheet (table, META_SHEET);

      self->language = g_strdup (meta_value (table, meta, "language"));
      ok = compare_rows (self, store, &layout, partner_id, error);
    }
  layout_clear (&layout);
  return ok ? g_steal_pointer (&self) : NULL;
}

const char *
upr_matrix_return_get_language (UprMatrixReturn *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

GPtrArray *
upr_matrix_return_get_changes (UprMatrixReturn *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->changes;
}

GPtrArray *
upr_matrix_return_get_problems (UprMatrixReturn *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problems;
}

const char *
upr_matrix_return_field_label (UprMatrixReturnField field)
{
  switch (field)
    {
    case UPR_MATRIX_RETURN_STATUS: return _("Status");
    case UPR_MATRIX_RETURN_STATUS_DATE: return _("Status date");
    case UPR_MATRIX_RETURN_PROGRESS: return _("Latest progress");
    case UPR_MATRIX_RETURN_PROGRESS_DATE: return _("Progress date");
    case UPR_MATRIX_RETURN_ASSESSMENT: return _("Assessment");
    default: g_return_val_if_reached (NULL);
    }
}

void
upr_matrix_return_free (UprMatrixReturn *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self);
}

/* Applying */

/* The organisation @partner names (its id, else its name or acronym), NULL if none. */
static UprRecord *
find_partner (UprStore   *store,
              const char *name)
{
  UprRecord *found = upr_store_load (store, UPR_TYPE_ORGANISATION, name, NULL);

  return found != NULL ? found : UPR_RECORD (upr_store_find_organisation (store, name, NULL));
}

static char *
partner_name (const char  *partner,
              GError     **error)
{
  g_autofree char *name = partner != NULL ? g_strstrip (g_strdup (partner)) : NULL;

  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_PARTNER,
                           _("Name the partner organisation the matrix comes from."));
      return NULL;
    }
  return g_steal_pointer (&name);
}

static char *
resolve_partner (UprStore    *store,
                 const char  *partner,
                 gboolean     create,
                 const char  *stakeholder_type,
                 GError     **error)
{
  g_autofree char *name = partner_name (partner, error);
  g_autoptr(UprRecord) found = NULL;
  g_autoptr(UprOrganisation) organisation = NULL;

  if (name == NULL)
    return NULL;
  found = find_partner (store, name);
  if (found != NULL)
    return g_strdup (upr_record_get_string (found, "id"));
  if (!create)
    return NULL;
  organisation = upr_organisation_new ();
  upr_record_set_string (UPR_RECORD (organisation), "name", name);
  upr_record_set_string (UPR_RECORD (organisation), "stakeholder-type",
                         stakeholder_type != NULL ? stakeholder_type : "other");
  if (!upr_store_save (store, UPR_RECORD (organisation), error))
    return NULL;
  return g_strdup (upr_record_get_string (UPR_RECORD (organisation), "id"));
}

char *
upr_matrix_return_resolve_partner (UprStore   *store,
                                   const char *partner,
                                   gboolean    create,
                                   GError    **error)
{
  g_return_val_if_fail (UPR_IS_STORE (store), NULL);

  return resolve_partner (store, partner, create, NULL, error);
}

/* UPR Info's source of assessments for a stakeholder type; NULL: not a source. */
static const char *
source_of (const char *stakeholder_type)
{
  static const char * const sources[][2] = {
    { "government", "government" }, { "nmirf", "government" }, { "nhri", "nhri" },
    { "cso", "cso" }, { "un", "un" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_strcmp0 (stakeholder_type, sources[i][0]) == 0)
      return sources[i][1];
  return NULL;
}

static const char *
assessment_source (UprStore    *store,
                   const char  *partner_id,
                   GError     **error)
{
  g_autoptr(UprRecord) organisation = upr_store_load (store, UPR_TYPE_ORGANISATION, partner_id,
                                                      error);
  const char *source;

  if (organisation == NULL)
    return NULL;
  source = source_of (upr_record_get_string (organisation, "stakeholder-type"));
  /* upr_matrix_return_check_partner() ran first: only a partner changed meanwhile gets here. */
  if (source == NULL)
    g_set_error_literal (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_PARTNER,
                         _("The partner organisation cannot assess recommendations."));
  return source;
}

gboolean
upr_matrix_return_has_assessments (UprMatrixReturn *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->changes->len; i++)
    if (((UprMatrixReturnChange *) self->changes->pdata[i])->field
        == UPR_MATRIX_RETURN_ASSESSMENT)
      return TRUE;
  return FALSE;
}

guint
upr_matrix_return_leave_out_assessments (UprMatrixReturn *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = self->changes->len; i > 0; i--)
    if (((UprMatrixReturnChange *) self->changes->pdata[i - 1])->field
        == UPR_MATRIX_RETURN_ASSESSMENT)
      {
        g_ptr_array_remove_index (self->changes, i - 1);
        n++;
      }
  return n;
}

gboolean
upr_matrix_return_check_partner (UprMatrixReturn  *self,
                                 UprStore         *store,
                                 const char       *partner,
                                 const char       *stakeholder_type,
                                 GError          **error)
{
  g_autofree char *name = NULL;
  g_autoptr(UprRecord) found = NULL;
  const char *type;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (UPR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = partner_name (partner, error);
  if (name == NULL)
    return FALSE;
  if (!upr_matrix_return_has_assessments (self))
    return TRUE;
  found = find_partner (store, name);
  type = found != NULL ? upr_record_get_string (found, "stakeholder-type") : stakeholder_type;
  if (source_of (type) != NULL)
    return TRUE;
  if (found == NULL)
    g_set_error (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_PARTNER,
                 /* Translators: %s is the name of an organisation new to Upright. */
                 _("Only a government, a national human rights institution, a civil society "
                   "organisation or a UN agency can assess recommendations: choose the type "
                   "of %s, or leave the assessments out."), name);
  else
    g_set_error (error, UPR_MATRIX_RETURN_ERROR, UPR_MATRIX_RETURN_ERROR_PARTNER,
                 /* Translators: an organisation's name, then its stakeholder type. */
                 _("%s is recorded as “%s”, and only a government, a national human rights "
                   "institution, a civil society organisation or a UN agency can assess "
                   "recommendations: name the organisation that made the assessments, or "
                   "leave them out."),
                 upr_record_get_string (found, "name"),
                 type != NULL ? upr_vocab_label (UPR_VOCAB_STAKEHOLDER_TYPE, type)
                              : C_("stakeholder type", "none"));
  return FALSE;
}

/* The changes of one recommendation: changes[first, end). */
typedef struct
{
  const char *status;
  const char *text;
  const char *date;
  const char *level;
} Update;

static void
gather (GPtrArray  *changes,
        guint       first,
        guint       end,
        Update     *update)
{
  for (guint i = first; i < end; i++)
    {
      const UprMatrixReturnChange *change = changes->pdata[i];

      switch (change->field)
        {
        case UPR_MATRIX_RETURN_STATUS:
          update->status = change->value;
          break;
        case UPR_MATRIX_RETURN_STATUS_DATE:
          update->date = change->value;
          update->status = update->status != NULL ? update->status : change->dated;
          break;
        case UPR_MATRIX_RETURN_PROGRESS:
          update->text = change->value;
          break;
        case UPR_MATRIX_RETURN_PROGRESS_DATE:
          update->date = update->date != NULL ? update->date : change->value;
          update->text = update->text != NULL ? update->text : change->dated;
          break;
        case UPR_MATRIX_RETURN_ASSESSMENT:
        default:
          update->level = change->value;
          break;
        }
    }
}

static gboolean
apply_one (UprStore   *store,
           const char *recommendation_id,
           const char *partner_id,
           Update     *update,
           GError    **error)
{
  if (update->status != NULL || update->text != NULL)
    {
      g_autoptr(UprProgressUpdate) progress = upr_progress_update_new ();
      UprRecord *record = UPR_RECORD (progress);

      upr_record_set_string (record, "recommendation-id", recommendation_id);
      upr_record_set_string (record, "date", update->date);
      upr_record_set_string (record, "organisation-id", partner_id);
      upr_record_set_string (record, "status", update->status);
      upr_record_set_string (record, "text", update->text);
      if (!upr_store_add_progress_update (store, progress, error))
        return FALSE;
    }
  /* Read before the partner was named (in the window), the matrix could not leave out the
   * partner's own assessment said again: it is not recorded twice. */
  if (update->level != NULL
      && !partner_assessed (store, recommendation_id, partner_id, update->level))
    {
      g_autoptr(UprAssessment) assessment = upr_assessment_new ();
      UprRecord *record = UPR_RECORD (assessment);
      const char *source = assessment_source (store, partner_id, error);

      if (source == NULL)
        return FALSE;
      upr_record_set_string (record, "recommendation-id", recommendation_id);
      upr_record_set_string (record, "source", source);
      upr_record_set_string (record, "organisation-id", partner_id);
      upr_record_set_string (record, "level", update->level);
      upr_record_set_string (record, "date", update->date);
      if (!upr_store_add_assessment (store, assessment, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_changes (UprMatrixReturn *self,
               UprStore        *store,
               const char      *partner_id,
               const char      *today,
               GError         **error)
{
  GPtrArray *changes = self->changes;

  for (guint first = 0, end; first < changes->len; first = end)
    {
      const char *id = ((UprMatrixReturnChange *) changes->pdata[first])->recommendation_id;
      Update update = { 0 };

      for (end = first + 1;
           end < changes->len
           && g_str_equal (((UprMatrixReturnChange *) changes->pdata[end])->recommendation_id,
                           id);
           end++)
        ;
      gather (changes, first, end, &update);
      update.date = update.date != NULL ? update.date : today;
      if (!apply_one (store, id, partner_id, &update, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
upr_matrix_return_apply (UprMatrixReturn *self,
                         UprStore        *store,
                         const char      *partner,
                         const char      *today,
                         GError         **error)
{
  return upr_matrix_return_apply_as (self, store, partner, NULL, today, error);
}

gboolean
upr_matrix_return_apply_as (UprMatrixReturn *self,
                            UprStore        *store,
                            const char      *partner,
                            const char      *stakeholder_type,
                            const char      *today,
                            GError         **error)
{
  g_autofree char *now = today == NULL ? today_text () : g_strdup (today);
  g_autofree char *partner_id = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (UPR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Nothing to record: no partner to create either. */
  if (self->changes->len == 0)
    return TRUE;
  if (!upr_matrix_return_check_partner (self, store, partner, stakeholder_type, error)
      || !upr_store_begin (store, error))
    return FALSE;
  partner_id = resolve_partner (store, partner, TRUE, stakeholder_type, error);
  if (partner_id == NULL || !apply_changes (self, store, partner_id, now, error)
      || !upr_store_commit (store, error))
    {
      upr_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
