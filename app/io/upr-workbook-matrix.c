/* upr-workbook-matrix.c: the implementation matrix sheet, one row per recommendation, the sheet
 * national partners fill in and send back.
 *
 * For the round trip: column A holds the recommendation's id and its baseline (what the cells
 * partners fill in held, upr_matrix_return_append_key()), hidden; the hidden sheet lists
 * the columns by stable key (upr_workbook_matrix_column_key()) and the vocabularies' ids
 * beside the labels the drop-down lists offer, so a returned matrix can be read in whichever
 * language it was written. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-workbook-private.h"

typedef enum
{
  KIND_TEXT,   /* one line, no wrap */
  KIND_WRAP,   /* long text */
  KIND_NUMBER,
  KIND_DATE,
} Kind;

typedef struct
{
  const char *key;
  const char *title; /* NC_("workbook", …) */
  double      width; /* in characters */
  Kind        kind;
} Column;

static const Column columns[UPR_MATRIX_N_COLUMNS] = {
  [UPR_MATRIX_KEY] = { "key", NC_("workbook", "Key"), 12, KIND_TEXT },
  [UPR_MATRIX_COUNTRY] = { "country", NC_("workbook", "State under review"), 16, KIND_WRAP },
  [UPR_MATRIX_REFERENCE] = { "reference", NC_("workbook", "Reference"), 10, KIND_TEXT },
  [UPR_MATRIX_SESSION] = { "session", NC_("workbook", "Session"), 8, KIND_NUMBER },
  [UPR_MATRIX_CYCLE] = { "cycle", NC_("workbook", "Cycle"), 6, KIND_NUMBER },
  [UPR_MATRIX_TEXT] = { "text", NC_("workbook", "Recommendation"), 55, KIND_WRAP },
  [UPR_MATRIX_STATES] = { "states", NC_("workbook", "Recommending States"), 18, KIND_WRAP },
  [UPR_MATRIX_RESPONSE] = { "response", NC_("workbook", "Response"), 13, KIND_WRAP },
  [UPR_MATRIX_CATEGORY] = { "action-category", NC_("workbook", "Action category"), 14,
                            KIND_WRAP },
  [UPR_MATRIX_THEMES] = { "themes", NC_("workbook", "Themes"), 22, KIND_WRAP },
  [UPR_MATRIX_GROUPS] = { "groups", NC_("workbook", "Groups of persons"), 18, KIND_WRAP },
  [UPR_MATRIX_SDGS] = { "sdgs", NC_("workbook", "Sustainable Development Goals"), 22,
                        KIND_WRAP },
  [UPR_MATRIX_LEAD] = { "lead-institution", NC_("workbook", "Lead institution"), 22,
                        KIND_WRAP },
  [UPR_MATRIX_SUPPORTING] = { "supporting-institutions",
                              NC_("workbook", "Supporting institutions"), 22, KIND_WRAP },
  [UPR_MATRIX_ACTIONS] = { "planned-actions", NC_("workbook", "Planned actions"), 36,
                           KIND_WRAP },
  [UPR_MATRIX_INDICATORS] = { "indicators", NC_("workbook", "Indicators"), 30, KIND_WRAP },
  [UPR_MATRIX_STATUS] = { "status", NC_("workbook", "Status"), 14, KIND_WRAP },
  [UPR_MATRIX_STATUS_DATE] = { "status-date", NC_("workbook", "Status date"), 11, KIND_DATE },
  [UPR_MATRIX_PROGRESS] = { "latest-progress", NC_("workbook", "Latest progress"), 34,
                            KIND_WRAP },
  [UPR_MATRIX_ASSESSMENT] = { "assessment", NC_("workbook", "Assessment"), 14, KIND_WRAP },
  [UPR_MATRIX_NOTES] = { "notes", NC_("workbook", "Notes"), 24, KIND_WRAP },
};

const char *
upr_workbook_matrix_column_key (UprMatrixColumn column)
{
  g_return_val_if_fail (column < UPR_MATRIX_N_COLUMNS, NULL);

  return columns[column].key;
}

const char *
upr_workbook_matrix_column_title (const UprWorkbookSnapshot *snapshot,
                                  UprMatrixColumn            column)
{
  g_return_val_if_fail (column < UPR_MATRIX_N_COLUMNS, NULL);

  return upr_snapshot_label (snapshot, columns[column].title);
}

guint
upr_workbook_matrix_n_rows (const UprWorkbookSnapshot *snapshot)
{
  return snapshot->matrix != NULL ? upr_export_matrix_get_n_items (snapshot->matrix) : 0;
}

static gboolean
shows (const UprWorkbookSnapshot *snapshot,
       UprMatrixColumn            column)
{
  return column != UPR_MATRIX_COUNTRY || snapshot->several_countries;
}

/* The cells as text */

static void
append_number (GString *out,
               guint    value)
{
  if (value >= 10)
    append_number (out, value / 10);
  g_string_append_c (out, (char) ('0' + value % 10));
}

static const char *
take (GStringChunk *chunk,
      GString      *text)
{
  return text->len > 0 ? g_string_chunk_insert_len (chunk, text->str, (gssize) text->len) : NULL;
}

static void
append_line (GString *out)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
}

static const char *
state_names (const UprWorkbookSnapshot     *snapshot,
             const UprExportRecommendation *item,
             GStringChunk                  *chunk,
             GString                       *out)
{
  struct
  {
    const char *code;
    guint       rank;
  } sorted[64];
  guint n = 0;

  for (guint i = 0; item->states != NULL && item->states[i] != NULL && n < G_N_ELEMENTS (sorted);
       i++)
    {
      /* By name in the workbook language: an insertion sort, a row has a few. */
      guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (snapshot->country_ranks,
                                                          item->states[i]));
      guint at = n++;

      while (at > 0 && sorted[at - 1].rank > rank)
        {
          sorted[at] = sorted[at - 1];
          at--;
        }
      sorted[at].code = item->states[i];
      sorted[at].rank = rank;
    }
  g_string_truncate (out, 0);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, upr_snapshot_country (snapshot, sorted[i].code));
    }
  return take (chunk, out);
}

/* Themes are OHCHR's themes and UPR Info's issues; groups of persons are apart. */
static const char *
term_labels (const UprWorkbookSnapshot     *snapshot,
             const UprExportRecommendation *item,
             gboolean                       groups,
             GStringChunk                  *chunk,
             GString                       *out)
{
  g_string_truncate (out, 0);
  for (guint i = 0; item->terms != NULL && item->terms[i] != NULL; i++)
    {
      const char *label;

      if (g_str_has_prefix (item->terms[i], "uhri-group:") != groups)
        continue;
      label = g_hash_table_lookup (snapshot->term_labels, item->terms[i]);
      append_line (out);
      g_string_append (out, label != NULL ? label : item->terms[i]);
    }
  return take (chunk, out);
}

static const char *
goals (const UprWorkbookSnapshot     *snapshot,
       const UprExportRecommendation *item,
       GStringChunk                  *chunk,
       GString                       *out)
{
  g_string_truncate (out, 0);
  for (guint goal = 1; goal <= 17; goal++)
    {
      if ((item->sdg_goals & UPR_SDG_BIT (goal)) == 0)
        continue;
      append_line (out);
      append_number (out, goal);
      g_string_append (out, " – ");
      if (snapshot->sdg_titles[goal] != NULL)
        g_string_append (out, snapshot->sdg_titles[goal]);
    }
  return take (chunk, out);
}

static const char *
supporting (const UprWorkbookSnapshot     *snapshot,
            const UprExportRecommendation *item,
            GStringChunk                  *chunk,
            GString                       *out)
{
  g_string_truncate (out, 0);
  for (guint i = 0; item->supporting != NULL && item->supporting[i] != NULL; i++)
    {
      const char *name = upr_snapshot_organisation (snapshot, item->supporting[i]);

      if (name == NULL)
        continue;
      append_line (out);
      g_string_append (out, name);
    }
  return take (chunk, out);
}

/* " · Label value", when there is a value. */
static void
append_part (GString    *out,
             const char *label,
             const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append (out, " · ");
  if (label != NULL)
    {
      g_string_append (out, label);
      g_string_append_c (out, ' ');
    }
  g_string_append (out, value);
}

static const char *
actions (const UprWorkbookSnapshot     *snapshot,
         const UprExportRecommendation *item,
         GStringChunk                  *chunk,
         GString                       *out)
{
  g_string_truncate (out, 0);
  for (guint i = 0; i < item->n_actions; i++)
    {
      const UprExportAction *action = &item->actions[i];

      append_line (out);
      g_string_append (out, "• ");
      g_string_append (out, action->text);
      append_part (out, NULL, upr_snapshot_organisation (snapshot, action->organisation_id));
      append_part (out, upr_snapshot_label (snapshot, NC_("workbook", "Start:")),
                   action->start_date);
      append_part (out, upr_snapshot_label (snapshot, NC_("workbook", "Due:")),
                   action->due_date);
      append_part (out, NULL, upr_snapshot_vocab (snapshot, UPR_VOCAB_ACTION_STATUS,
                                                  action->status));
      append_part (out, upr_snapshot_label (snapshot, NC_("workbook", "Resources:")),
                   action->resources);
    }
  return take (chunk, out);
}

static const char *
indicators (const UprWorkbookSnapshot     *snapshot,
            const UprExportRecommendation *item,
            GStringChunk                  *chunk,
            GString                       *out)
{
  g_string_truncate (out, 0);
  for (guint i = 0; i < item->n_indicators; i++)
    {
      const UprExportIndicator *indicator = &item->indicators[i];

      append_line (out);
      g_string_append (out, "• ");
      g_string_append (out, indicator->text);
      append_part (out, upr_snapshot_label (snapshot, NC_("workbook", "Baseline:")),
                   indicator->baseline);
      append_part (out, upr_snapshot_label (snapshot, NC_("workbook", "Target:")),
                   indicator->target);
      append_part (out, upr_snapshot_label (snapshot, NC_("workbook", "Means of verification:")),
                   indicator->means_of_verification);
    }
  return take (chunk, out);
}

/* "2024-05-12 · Ministry of Justice" then the text on the next line. */
static const char *
progress (const UprWorkbookSnapshot     *snapshot,
          const UprExportRecommendation *item,
          GStringChunk                  *chunk,
          GString                       *out)
{
  const char *organisation;

  g_string_truncate (out, 0);
  if (item->progress_text == NULL)
    return NULL;
  g_string_append (out, item->progress_date);
  organisation = upr_snapshot_organisation (snapshot, item->progress_organisation_id);
  append_part (out, NULL, organisation);
  g_string_append_c (out, '\n');
  g_string_append (out, item->progress_text);
  return take (chunk, out);
}

static const char *
response (const UprWorkbookSnapshot     *snapshot,
          const UprExportRecommendation *item,
          GStringChunk                  *chunk,
          GString                       *out)
{
  const char *label = upr_snapshot_vocab (snapshot, UPR_VOCAB_RESPONSE, item->response);

  if (!item->voluntary_pledge)
    return label;
  g_string_printf (out, "%s (%s)", label,
                   upr_snapshot_label (snapshot, NC_("workbook", "voluntary pledge")));
  return take (chunk, out);
}

/* Session and cycle numbers: small, and printf would be most of a row's cost. */
static const char *
number (GStringChunk *chunk,
        int           value)
{
  char text[16];
  char *p = text + sizeof text;

  if (value <= 0)
    return NULL;
  *--p = '\0';
  for (; value > 0; value /= 10)
    *--p = (char) ('0' + value % 10);
  return g_string_chunk_insert (chunk, p);
}

void
upr_workbook_matrix_row_cells (const UprWorkbookSnapshot *snapshot,
                               guint                      index,
                               GStringChunk              *chunk,
                               const char               **cells)
{
  const UprExportRecommendation *item = upr_export_matrix_get_item (snapshot->matrix, index);
  g_autoptr(GString) out = g_string_sized_new (256);
  char category[2] = { (char) ('0' + item->action_category), '\0' };

  cells[UPR_MATRIX_KEY] = item->id;
  cells[UPR_MATRIX_COUNTRY] = upr_snapshot_country (snapshot, item->country_code);
  cells[UPR_MATRIX_REFERENCE] = item->paragraph;
  cells[UPR_MATRIX_SESSION] = number (chunk, item->session);
  cells[UPR_MATRIX_CYCLE] = number (chunk, item->cycle);
  cells[UPR_MATRIX_TEXT] = item->text;
  cells[UPR_MATRIX_STATES] = state_names (snapshot, item, chunk, out);
  cells[UPR_MATRIX_RESPONSE] = response (snapshot, item, chunk, out);
  cells[UPR_MATRIX_CATEGORY] = item->action_category > 0
                                 ? upr_snapshot_vocab (snapshot, UPR_VOCAB_ACTION_CATEGORY,
                                                       category)
                                 : NULL;
  cells[UPR_MATRIX_THEMES] = term_labels (snapshot, item, FALSE, chunk, out);
  cells[UPR_MATRIX_GROUPS] = term_labels (snapshot, item, TRUE, chunk, out);
  cells[UPR_MATRIX_SDGS] = goals (snapshot, item, chunk, out);
  cells[UPR_MATRIX_LEAD] = upr_snapshot_organisation (snapshot, item->lead_organisation_id);
  cells[UPR_MATRIX_SUPPORTING] = supporting (snapshot, item, chunk, out);
  cells[UPR_MATRIX_ACTIONS] = actions (snapshot, item, chunk, out);
  cells[UPR_MATRIX_INDICATORS] = indicators (snapshot, item, chunk, out);
  cells[UPR_MATRIX_STATUS] = upr_snapshot_vocab (snapshot, UPR_VOCAB_IMPLEMENTATION_STATUS,
                                                 item->status);
  cells[UPR_MATRIX_STATUS_DATE] = item->status_date;
  cells[UPR_MATRIX_PROGRESS] = progress (snapshot, item, chunk, out);
  cells[UPR_MATRIX_ASSESSMENT] = item->assessment_level != NULL
                                   ? upr_snapshot_vocab (snapshot, UPR_VOCAB_ASSESSMENT_LEVEL,
                                                         item->assessment_level)
                                   : NULL;
  cells[UPR_MATRIX_NOTES] = item->notes;
}

/* The sheet */

typedef struct
{
  lxw_worksheet *sheet;
  lxw_col_t      at[UPR_MATRIX_N_COLUMNS]; /* the sheet's column of each shown column */
  lxw_col_t      last;
  double         wrap_widths[UPR_MATRIX_N_COLUMNS]; /* 0: not shown, or not wrapped */
} Layout;

static gboolean
set_columns (UprWorkbookWriter *writer,
             Layout            *layout,
             GError           **error)
{
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  lxw_col_t col = 0;

  for (int c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
    {
      lxw_row_col_options hidden = { .hidden = LXW_TRUE };
      lxw_format *format = columns[c].kind == KIND_WRAP ? writer->wrap : NULL;

      if (!shows (snapshot, c))
        continue;
      layout->at[c] = col;
      layout->wrap_widths[c] = columns[c].kind == KIND_WRAP ? columns[c].width : 0;
      /* The key is for Upright, not for people: hidden, but there for the way back. */
      if (!upr_writer_check (writer,
                             worksheet_set_column_opt (layout->sheet, col, col, columns[c].width,
                                                       format,
                                                       c == UPR_MATRIX_KEY ? &hidden : NULL),
                             error))
        return FALSE;
      layout->last = col++;
    }
  return TRUE;
}

static gboolean
write_header (UprWorkbookWriter *writer,
              Layout            *layout,
              GError           **error)
{
  const char *titles[UPR_MATRIX_N_COLUMNS];
  double widths[UPR_MATRIX_N_COLUMNS];

  /* Room for the longer titles, wrapped; bold letters are wider. */
  for (int c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
    {
      titles[c] = upr_writer_label (writer, columns[c].title);
      widths[c] = shows (writer->snapshot, c) ? columns[c].width * 0.85 : 0;
    }
  if (!upr_writer_fit_row (writer, layout->sheet, 0, titles, widths, UPR_MATRIX_N_COLUMNS,
                           error))
    return FALSE;
  for (int c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
    if (shows (writer->snapshot, c)
        && !upr_writer_string (writer, layout->sheet, 0, layout->at[c],
                               upr_writer_label (writer, columns[c].title), writer->header,
                               error))
      return FALSE;
  return TRUE;
}

static lxw_format *
format_of (UprWorkbookWriter *writer,
           Kind               kind)
{
  switch (kind)
    {
    case KIND_TEXT: return writer->body_cell;
    case KIND_WRAP: return writer->body_wrap;
    case KIND_NUMBER: return writer->body_number;
    case KIND_DATE: return writer->body_date;
    default: g_assert_not_reached ();
    }
}

static gboolean
write_cell (UprWorkbookWriter             *writer,
            Layout                        *layout,
            lxw_row_t                      row,
            UprMatrixColumn                column,
            const UprExportRecommendation *item,
            const UprMatrixRow            *ready,
            GError                       **error)
{
  lxw_col_t col = layout->at[column];
  lxw_format *format = format_of (writer, columns[column].kind);
  const char *text = ready->cells[column];

  /* Most rows have many empty cells: none is written (a 40,000-row matrix would otherwise
   * spend a third of its time on them). */
  if (text == NULL)
    return TRUE;
  switch (columns[column].kind)
    {
    case KIND_NUMBER:
      {
        int value = column == UPR_MATRIX_SESSION ? item->session : item->cycle;

        return upr_writer_number (writer, layout->sheet, row, col, value, format, error);
      }
    case KIND_DATE:
      return upr_writer_safe_date (writer, layout->sheet, row, col, text, ready->flags[column],
                                   format, error);
    case KIND_TEXT:
    case KIND_WRAP:
    default:
      return upr_writer_safe_string (writer, layout->sheet, row, col, text,
                                     ready->flags[column], format, error);
    }
}

/* The rows are made on a thread of their own (upr-workbook-matrix-rows.c): this one only
 * hands them to libxlsxwriter. */
static gboolean
write_rows (UprWorkbookWriter *writer,
            Layout            *layout,
            GError           **error)
{
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  gboolean shown[UPR_MATRIX_N_COLUMNS];
  g_autoptr(UprMatrixRows) rows = NULL;
  const UprMatrixRow *ready;
  gboolean ok = TRUE;
  guint i;

  for (int c = 0; c < UPR_MATRIX_N_COLUMNS; c++)
    shown[c] = shows (snapshot, c);
  rows = upr_matrix_rows_new (snapshot, layout->wrap_widths, shown);
  while (ok && (ready = upr_matrix_rows_next (rows, &i)) != NULL)
    {
      const UprExportRecommendation *item = upr_export_matrix_get_item (snapshot->matrix, i);

      if (ready->height > 0)
        ok = upr_writer_check (writer, worksheet_set_row (layout->sheet, i + 1, ready->height,
                                                          NULL),
                               error);
      for (int c = 0; ok && c < UPR_MATRIX_N_COLUMNS; c++)
        ok = !shown[c] || write_cell (writer, layout, i + 1, c, item, ready, error);
      ok = ok && upr_writer_advance (writer, 1, error);
    }
  return ok;
}

static char *
quoted (const char *label)
{
  g_auto(GStrv) parts = g_strsplit (label, "\"", -1);
  g_autofree char *doubled = g_strjoinv ("\"\"", parts);

  return g_strdup_printf ("\"%s\"", doubled);
}

static gboolean
add_colours (UprWorkbookWriter *writer,
             Layout            *layout,
             UprMatrixColumn    column,
             UprVocab           vocab,
             lxw_format       **formats,
             GError           **error)
{
  guint n_entries, n = upr_workbook_matrix_n_rows (writer->snapshot);
  const UprVocabEntry *entries = upr_vocab_entries (vocab, &n_entries);
  lxw_col_t col = layout->at[column];

  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *value = quoted (upr_snapshot_vocab (writer->snapshot, vocab,
                                                           entries[i].id));
      lxw_conditional_format rule = {
        .type = LXW_CONDITIONAL_TYPE_CELL,
        .criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
        .value_string = value,
        .format = formats[i],
      };

      if (!upr_writer_check (writer,
                             worksheet_conditional_format_range (layout->sheet, 1, col, n, col,
                                                                 &rule),
                             error))
        return FALSE;
    }
  return TRUE;
}

/* The labels of @vocab as a list in the validation itself, NULL-terminated; NULL when they
 * cannot be one: Excel keeps such a list to 255 characters and splits it at commas. */
static const char **
list_of (const UprWorkbookSnapshot *snapshot,
         UprVocab                   vocab)
{
  guint n;
  const UprVocabEntry *entries = upr_vocab_entries (vocab, &n);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  gsize length = 0;

  for (guint i = 0; i < n; i++)
    {
      labels[i] = upr_snapshot_vocab (snapshot, vocab, entries[i].id);
      length += strlen (labels[i]) + 1;
      if (strpbrk (labels[i], ",\"") != NULL)
        return NULL;
    }
  return length <= 255 ? g_steal_pointer (&labels) : NULL;
}

/* A drop-down of the workbook-language labels. The list goes into the validation itself when
 * it can; otherwise it points at the labels on the hidden sheet (libxlsxwriter 1.1.4 leaks
 * the formula of such a validation: a few bytes, and only for a translation with a comma). */
static gboolean
add_drop_down (UprWorkbookWriter *writer,
               Layout            *layout,
               UprMatrixColumn    column,
               UprVocab           vocab,
               GError           **error)
{
  guint n = upr_workbook_matrix_n_rows (writer->snapshot);
  lxw_col_t col = layout->at[column];
  g_autofree const char **list = list_of (writer->snapshot, vocab);
  lxw_data_validation validation = {
    .validate = list != NULL ? LXW_VALIDATION_TYPE_LIST : LXW_VALIDATION_TYPE_LIST_FORMULA,
    .value_list = (char **) list,
    .value_formula = list == NULL ? (char *) upr_workbook_list_formula (vocab) : NULL,
    .ignore_blank = LXW_VALIDATION_ON,
    .dropdown = LXW_VALIDATION_ON,
    .show_error = LXW_VALIDATION_ON,
    .error_type = LXW_VALIDATION_ERROR_TYPE_STOP,
    .error_title = (char *) upr_writer_label (writer, NC_("workbook", "Not in the list")),
    .error_message = (char *) upr_writer_label (writer, NC_("workbook",
                                                            "Choose a value from the list.")),
  };

  return upr_writer_check (writer,
                           worksheet_data_validation_range (layout->sheet, 1, col, n, col,
                                                            &validation),
                           error);
}

static gboolean
finish_sheet (UprWorkbookWriter *writer,
              Layout            *layout,
              GError           **error)
{
  guint n = upr_workbook_matrix_n_rows (writer->snapshot);

  /* The header and the reference stay in view, the hidden key with them. */
  worksheet_freeze_panes (layout->sheet, 1, layout->at[UPR_MATRIX_REFERENCE] + 1);
  worksheet_gridlines (layout->sheet, LXW_SHOW_ALL_GRIDLINES);
  if (!upr_writer_check (writer,
                         worksheet_autofilter (layout->sheet, 0, 0, MAX (n, 1), layout->last),
                         error))
    return FALSE;
  if (n > 0
      && (!add_colours (writer, layout, UPR_MATRIX_STATUS, UPR_VOCAB_IMPLEMENTATION_STATUS,
                        writer->status_formats, error)
          || !add_colours (writer, layout, UPR_MATRIX_ASSESSMENT, UPR_VOCAB_ASSESSMENT_LEVEL,
                           writer->assessment_formats, error)
          || !add_drop_down (writer, layout, UPR_MATRIX_STATUS, UPR_VOCAB_IMPLEMENTATION_STATUS,
                             error)
          || !add_drop_down (writer, layout, UPR_MATRIX_ASSESSMENT, UPR_VOCAB_ASSESSMENT_LEVEL,
                             error)))
    return FALSE;
  /* Twenty columns: A3 is what a matrix is printed on. */
  return upr_writer_print_setup (writer, layout->sheet, 0, TRUE, error);
}

gboolean
upr_workbook_write_matrix (UprWorkbookWriter *writer,
                           GError           **error)
{
  Layout layout = { 0 };

  layout.sheet = upr_writer_add_sheet (writer, upr_writer_label (writer,
                                                                 NC_("workbook", "Matrix")),
                                       error);
  if (layout.sheet == NULL)
    return FALSE;
  writer->matrix_sheet_name = layout.sheet->name;
  return set_columns (writer, &layout, error)
         && write_header (writer, &layout, error)
         && write_rows (writer, &layout, error)
         && finish_sheet (writer, &layout, error);
}
