/* upr-workbook-summary.c: the Summary sheet: what headquarters reports to donors at a glance.
 * Recommendations by response, status, assessment, theme and SDG, each a small table with a
 * native chart beside it; then the people who took part by stakeholder type and gender.
 *
 * Counts of people under 5 are shown as "<5" whatever the mode: a cell of 1 or 2 in a small
 * country's table can single out the one woman from an NHRI; and as "x" a count that would
 * give one of those back through a total (upr-workbook-suppress.c). Totals of
 * recommendations are exact, and so is the grand total of people unless it alone would give
 * a small count away. Everything is counted here from the snapshot, so the
 * summary always agrees with the matrix beside it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-workbook-private.h"

/* A chart is as tall as 15 rows of 20 pixels: a section takes at least that much. A bar takes
 * 24 pixels, so that every category's label has room. */
#define CHART_ROWS 16
#define BAR_PIXELS 24
/* Rows on a printed page in Excel: A4 landscape at the scale that fits the width (about 85%)
 * leaves 40 rows of 15 points; LibreOffice fits more, and then leaves some space. */
#define ROWS_PER_PAGE 40
#define CHART_COLUMN 3
#define TOP_THEMES_IN_CHART 10
#define LABEL_WIDTH 46
#define VALUE_WIDTH 17

typedef struct
{
  const char *label;
  guint       count;
  const char *key;   /* vocabulary id, for the chart's colours; NULL: none */
} Line;

typedef struct
{
  UprWorkbookWriter *writer;
  lxw_worksheet     *sheet;
  lxw_row_t          row;   /* the next free row */
  guint              n_recommendations;
  lxw_row_t          page_start;
  GArray            *breaks; /* lxw_row_t: page breaks, so no table or chart is cut in two */
} Summary;

/* Counting */

/* Every value of @vocab in order, zeros included, then those with none (@none_label). */
static void
count_vocab (Summary    *summary,
             UprVocab    vocab,
             gsize       member,
             const char *none_label,
             GArray     *lines)
{
  const UprWorkbookSnapshot *snapshot = summary->writer->snapshot;
  guint n_entries, none = 0;
  const UprVocabEntry *entries = upr_vocab_entries (vocab, &n_entries);

  for (guint i = 0; i < n_entries; i++)
    {
      Line line = { upr_snapshot_vocab (snapshot, vocab, entries[i].id), 0, entries[i].id };

      g_array_append_val (lines, line);
    }
  for (guint i = 0; i < summary->n_recommendations; i++)
    {
      const UprExportRecommendation *item = upr_export_matrix_get_item (snapshot->matrix, i);
      const char *id = G_STRUCT_MEMBER (const char *, item, member);
      int index = upr_vocab_index (vocab, id);

      if (index >= 0)
        g_array_index (lines, Line, index).count++;
      else
        none++;
    }
  if (none > 0)
    {
      Line line = { upr_snapshot_label (snapshot, none_label), none, NULL };

      g_array_append_val (lines, line);
    }
}

static int
compare_lines_by_count (gconstpointer a,
                        gconstpointer b)
{
  const Line *x = a;
  const Line *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

/* Terms of one vocabulary (@prefix: "uhri-theme:", "uprinfo-issue:") used, most used
 * first; a recommendation with several counts once for each. The vocabularies are counted
 * apart: OHCHR's themes and UPR Info's issues overlap ("Right to health" is in both), and
 * one table of both would list such a theme twice. */
static guint
count_themes (Summary    *summary,
              const char *prefix,
              const char *none_label,
              GArray     *lines)
{
  const UprWorkbookSnapshot *snapshot = summary->writer->snapshot;
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  GHashTableIter iter;
  gpointer term, count;
  guint none = 0, used;

  for (guint i = 0; i < summary->n_recommendations; i++)
    {
      const UprExportRecommendation *item = upr_export_matrix_get_item (snapshot->matrix, i);
      gboolean any = FALSE;

      for (guint t = 0; item->terms != NULL && item->terms[t] != NULL; t++)
        {
          guint so_far;

          if (!g_str_has_prefix (item->terms[t], prefix))
            continue;
          any = TRUE;
          so_far = GPOINTER_TO_UINT (g_hash_table_lookup (counts, item->terms[t]));
          g_hash_table_insert (counts, (gpointer) item->terms[t], GUINT_TO_POINTER (so_far + 1));
        }
      none += !any;
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &term, &count))
    {
      const char *label = g_hash_table_lookup (snapshot->term_labels, term);
      Line line = { label != NULL ? label : term, GPOINTER_TO_UINT (count), NULL };

      g_array_append_val (lines, line);
    }
  g_array_sort (lines, compare_lines_by_count);
  used = lines->len;
  if (none > 0)
    {
      Line line = { upr_snapshot_label (snapshot, none_label), none, NULL };

      g_array_append_val (lines, line);
    }
  return used;
}

static void
count_goals (Summary   *summary,
             GArray    *lines,
             GPtrArray *labels)
{
  const UprWorkbookSnapshot *snapshot = summary->writer->snapshot;
  guint counts[18] = { 0 };
  guint none = 0;

  for (guint i = 0; i < summary->n_recommendations; i++)
    {
      const UprExportRecommendation *item = upr_export_matrix_get_item (snapshot->matrix, i);

      for (guint goal = 1; goal <= 17; goal++)
        counts[goal] += (item->sdg_goals & UPR_SDG_BIT (goal)) != 0;
      none += item->sdg_goals == 0;
    }
  for (guint goal = 1; goal <= 17; goal++)
    {
      char *label = g_strdup_printf ("%u – %s", goal,
                                     snapshot->sdg_titles[goal] != NULL
                                       ? snapshot->sdg_titles[goal] : "");
      Line line = { label, counts[goal], NULL };

      g_ptr_array_add (labels, label);
      g_array_append_val (lines, line);
    }
  if (none > 0)
    {
      Line line = { upr_snapshot_label (snapshot, NC_("workbook", "No goal")), none, NULL };

      g_array_append_val (lines, line);
    }
}

/* Writing */

static gboolean
write_heading (Summary    *summary,
               const char *msgid,
               GError    **error)
{
  UprWorkbookWriter *writer = summary->writer;

  return upr_writer_string (writer, summary->sheet, summary->row++, 0,
                            upr_writer_label (writer, msgid), writer->heading, error);
}

static gboolean
write_table_header (Summary    *summary,
                    const char *first,
                    gboolean    with_share,
                    GError    **error)
{
  UprWorkbookWriter *writer = summary->writer;
  lxw_row_t row = summary->row++;

  return upr_writer_string (writer, summary->sheet, row, 0, upr_writer_label (writer, first),
                            writer->header, error)
         && upr_writer_string (writer, summary->sheet, row, 1,
                               upr_writer_label (writer, NC_("workbook", "Recommendations")),
                               writer->header, error)
         && (!with_share
             || upr_writer_string (writer, summary->sheet, row, 2,
                                   upr_writer_label (writer, NC_("workbook", "Share")),
                                   writer->header, error));
}

static gboolean
write_lines (Summary  *summary,
             GArray   *lines,
             gboolean  with_total,
             GError  **error)
{
  UprWorkbookWriter *writer = summary->writer;
  guint n = summary->n_recommendations;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      lxw_row_t row = summary->row++;
      const double width = LABEL_WIDTH;

      if (!upr_writer_fit_row (writer, summary->sheet, row, &line->label, &width, 1, error)
          || !upr_writer_string (writer, summary->sheet, row, 0, line->label, writer->wrap, error)
          || !upr_writer_number (writer, summary->sheet, row, 1, line->count, writer->number,
                                 error)
          || !upr_writer_number (writer, summary->sheet, row, 2,
                                 n > 0 ? (double) line->count / n : 0, writer->percent, error))
        return FALSE;
    }
  if (!with_total)
    return TRUE;
  return upr_writer_string (writer, summary->sheet, summary->row, 0,
                            upr_writer_label (writer, NC_("workbook", "Total")), writer->total,
                            error)
         && upr_writer_number (writer, summary->sheet, summary->row, 1, n,
                               writer->total_number, error)
         && upr_writer_string (writer, summary->sheet, summary->row++, 2, NULL, writer->total,
                               error);
}

/* Colours of the bars for a vocabulary, as in the matrix's status colours but stronger. */
static lxw_color_t
colour_of (const char *key)
{
  static const struct
  {
    const char *key;
    lxw_color_t colour;
  } colours[] = {
    { "supported", 0x2E7D32 }, { "supported-in-part", 0x9CCC65 }, { "noted", 0xEF6C00 },
    { "pending", 0x9E9E9E },
    { "not-started", 0x9E9E9E }, { "in-progress", 0xF9A825 },
    { "partially-implemented", 0xEF6C00 }, { "implemented", 0x2E7D32 },
    { "not-applicable", 0xBDBDBD },
    { "not-implemented", 0xC62828 }, { "fully-implemented", 0x2E7D32 },
  };

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (colours); i++)
    if (g_str_equal (colours[i].key, key))
      return colours[i].colour;
  return 0x1F4E79;
}

static lxw_error
colour_points (lxw_chart_series *series,
               GArray           *lines,
               guint             n_points)
{
  g_autofree lxw_chart_fill *fills = g_new0 (lxw_chart_fill, n_points);
  g_autofree lxw_chart_point *points = g_new0 (lxw_chart_point, n_points);
  g_autofree lxw_chart_point **list = g_new0 (lxw_chart_point *, n_points + 1);

  for (guint i = 0; i < n_points; i++)
    {
      fills[i].color = colour_of (g_array_index (lines, Line, i).key);
      points[i].fill = &fills[i];
      list[i] = &points[i];
    }
  /* Copies the points. */
  return chart_series_set_points (series, list);
}

static guint
max_count (GArray *lines,
           guint   n_points)
{
  guint max = 0;

  for (guint i = 0; i < n_points; i++)
    max = MAX (max, g_array_index (lines, Line, i).count);
  return max;
}

typedef struct
{
  uint8_t     type;          /* LXW_CHART_PIE or LXW_CHART_BAR */
  const char *title;         /* NC_("workbook", …) */
  guint       n_points;      /* the first n lines */
  gboolean    coloured;      /* by the lines' vocabulary ids */
} ChartSpec;

/* Height: libxlsxwriter's 288 pixels, or more for many bars. */
static double
chart_pixels (const ChartSpec *spec)
{
  if (spec->type == LXW_CHART_PIE)
    return 288;
  return MAX (288.0, 70.0 + spec->n_points * BAR_PIXELS);
}

static gboolean
add_chart (Summary         *summary,
           const ChartSpec *spec,
           GArray          *lines,
           lxw_row_t        first,
           GError         **error)
{
  UprWorkbookWriter *writer = summary->writer;
  lxw_chart *chart = workbook_add_chart (writer->workbook, spec->type);
  lxw_chart_series *series;
  lxw_chart_font title_font = { .size = 11, .bold = LXW_TRUE };
  lxw_chart_font axis_font = { .size = 8 };
  lxw_chart_options options = { .x_offset = 24, .y_offset = 4,
                                .x_scale = spec->type == LXW_CHART_PIE ? 1.1 : 1.3,
                                .y_scale = chart_pixels (spec) / 288.0 };

  if (chart == NULL || spec->n_points == 0)
    return chart != NULL || upr_writer_check (writer, LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  series = chart_add_series (chart, NULL, NULL);
  if (series == NULL)
    return upr_writer_check (writer, LXW_ERROR_MEMORY_MALLOC_FAILED, error);
  chart_series_set_categories (series, writer->sheet_name, first, 0,
                               first + spec->n_points - 1, 0);
  chart_series_set_values (series, writer->sheet_name, first, 1, first + spec->n_points - 1, 1);
  chart_title_set_name (chart, upr_writer_label (writer, spec->title));
  chart_title_set_name_font (chart, &title_font);
  if (spec->coloured
      && !upr_writer_check (writer, colour_points (series, lines, spec->n_points), error))
    return FALSE;
  if (spec->type == LXW_CHART_PIE)
    {
      chart_series_set_labels (series);
      chart_series_set_labels_options (series, LXW_FALSE, LXW_FALSE, LXW_TRUE);
      chart_series_set_labels_percentage (series);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_RIGHT);
    }
  else
    {
      chart_series_set_labels (series);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      /* Bars read top-down in the table's order: in a bar chart the categories are on the
       * y axis; the values' axis then crosses at the last category, at the bottom. */
      chart_axis_set_reverse (chart->y_axis);
      chart_axis_set_num_font (chart->y_axis, &axis_font);
      chart_axis_set_crossing_max (chart->y_axis);
      chart_axis_major_gridlines_set_visible (chart->x_axis, LXW_TRUE);
      /* Counts: no "0.5" on the axis of a small one. */
      chart_axis_set_min (chart->x_axis, 0);
      if (max_count (lines, spec->n_points) < 10)
        chart_axis_set_major_unit (chart->x_axis, 1);
    }
  return upr_writer_check (writer,
                           worksheet_insert_chart_opt (summary->sheet, first - 1, CHART_COLUMN,
                                                       chart, &options),
                           error);
}

/* Starts a new printed page unless @n_rows more fit on this one. */
static void
keep_together (Summary *summary,
               guint    n_rows)
{
  if (summary->row > summary->page_start && summary->row + n_rows
                                              > summary->page_start + ROWS_PER_PAGE)
    {
      g_array_append_val (summary->breaks, summary->row);
      summary->page_start = summary->row;
    }
}

/* A section: heading, table, chart beside it; the next starts below both. */
static gboolean
write_section (Summary         *summary,
               const char      *heading,
               const char      *first_column,
               GArray          *lines,
               gboolean         with_total,
               const ChartSpec *spec,
               GError         **error)
{
  lxw_row_t start;
  lxw_row_t first;
  guint chart_rows = spec != NULL ? (guint) (chart_pixels (spec) / 20 + 2) : 0;

  keep_together (summary, MAX (chart_rows, lines->len + 3) + 1);
  start = summary->row;
  if (!write_heading (summary, heading, error)
      || !write_table_header (summary, first_column, TRUE, error))
    return FALSE;
  first = summary->row;
  if (!write_lines (summary, lines, with_total, error)
      || (spec != NULL && summary->n_recommendations > 0
          && !add_chart (summary, spec, lines, first, error)))
    return FALSE;
  summary->row = MAX (summary->row, start + chart_rows) + 1;
  return upr_writer_advance (summary->writer, lines->len + 3, error);
}

static gboolean
write_recommendations (Summary *summary,
                       GError **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  ChartSpec response = { LXW_CHART_PIE, NC_("workbook", "Recommendations by response"), 4, TRUE };
  ChartSpec status = { LXW_CHART_BAR, NC_("workbook", "Recommendations by status"), 5, TRUE };
  ChartSpec assessment = { LXW_CHART_BAR, NC_("workbook", "Recommendations by assessment"), 3,
                           TRUE };
  ChartSpec themes = { LXW_CHART_BAR, NC_("workbook", "Most frequent themes"), 0, FALSE };
  ChartSpec issues = { LXW_CHART_BAR, NC_("workbook", "Most frequent issues (UPR Info)"), 0,
                       FALSE };
  guint n_used;
  ChartSpec goals = { LXW_CHART_BAR, NC_("workbook", "Recommendations by SDG"), 17, FALSE };
  gboolean ok;

  count_vocab (summary, UPR_VOCAB_RESPONSE, G_STRUCT_OFFSET (UprExportRecommendation, response),
               NC_("workbook", "None"), lines);
  ok = write_section (summary, NC_("workbook", "Recommendations by response"),
                      NC_("workbook", "Response"), lines, TRUE, &response, error);
  g_array_set_size (lines, 0);
  count_vocab (summary, UPR_VOCAB_IMPLEMENTATION_STATUS,
               G_STRUCT_OFFSET (UprExportRecommendation, status), NC_("workbook", "None"),
               lines);
  ok = ok && write_section (summary, NC_("workbook", "Recommendations by status"),
                            NC_("workbook", "Status"), lines, TRUE, &status, error);
  g_array_set_size (lines, 0);
  count_vocab (summary, UPR_VOCAB_ASSESSMENT_LEVEL,
               G_STRUCT_OFFSET (UprExportRecommendation, assessment_level),
               NC_("workbook", "Not assessed"), lines);
  ok = ok && write_section (summary, NC_("workbook", "Recommendations by assessment"),
                            NC_("workbook", "Assessment"), lines, TRUE, &assessment, error);
  g_array_set_size (lines, 0);
  n_used = count_themes (summary, "uhri-theme:", NC_("workbook", "No theme"), lines);
  /* "No theme" is last and is not a theme. */
  themes.n_points = MIN (n_used, TOP_THEMES_IN_CHART);
  ok = ok && write_section (summary, NC_("workbook", "Recommendations by theme"),
                            NC_("workbook", "Theme"), lines, FALSE, &themes, error);
  g_array_set_size (lines, 0);
  /* UPR Info's issues only when some recommendation has one (its database exports do). */
  n_used = count_themes (summary, "uprinfo-issue:", NC_("workbook", "No issue"), lines);
  issues.n_points = MIN (n_used, TOP_THEMES_IN_CHART);
  if (n_used > 0)
    ok = ok && write_section (summary, NC_("workbook", "Recommendations by issue (UPR Info)"),
                              NC_("workbook", "Issue"), lines, FALSE, &issues, error);
  g_array_set_size (lines, 0);
  count_goals (summary, lines, labels);
  ok = ok && write_section (summary, NC_("workbook", "Recommendations by SDG"),
                            NC_("workbook", "Sustainable Development Goal"), lines, FALSE,
                            &goals, error);
  return ok;
}

/* People by stakeholder type (rows) and gender (columns), with totals. */

typedef struct
{
  guint cells[13][6]; /* stakeholder types + none, genders + none */
} Crosstab;

static void
count_people (const UprWorkbookSnapshot *snapshot,
              Crosstab                  *table,
              guint                      n_types,
              guint                      n_genders)
{
  for (guint i = 0; i < snapshot->people->len; i++)
    {
      const UprSnapPerson *person = &g_array_index (snapshot->people, UprSnapPerson, i);
      int type = upr_vocab_index (UPR_VOCAB_STAKEHOLDER_TYPE, person->stakeholder_type);
      int gender = upr_vocab_index (UPR_VOCAB_GENDER, person->gender);

      table->cells[type >= 0 ? (guint) type : n_types][gender >= 0 ? (guint) gender
                                                                    : n_genders]++;
    }
}

static gboolean
write_people_header (Summary *summary,
                     guint    n_genders,
                     GError **error)
{
  UprWorkbookWriter *writer = summary->writer;
  const UprVocabEntry *genders = upr_vocab_entries (UPR_VOCAB_GENDER, NULL);
  lxw_row_t row = summary->row++;
  const char *labels[8];
  double widths[8];
  gboolean ok;

  /* Room for the longest gender, wrapped ("Prefer not to say"). */
  for (guint g = 0; g < n_genders && g < G_N_ELEMENTS (labels); g++)
    {
      labels[g] = upr_snapshot_vocab (writer->snapshot, UPR_VOCAB_GENDER, genders[g].id);
      widths[g] = VALUE_WIDTH;
    }
  ok = upr_writer_fit_row (writer, summary->sheet, row, labels, widths,
                           MIN (n_genders, G_N_ELEMENTS (labels)), error)
       && upr_writer_string (writer, summary->sheet, row, 0,
                             upr_writer_label (writer, NC_("workbook", "Stakeholder type")),
                             writer->header, error);
  for (guint g = 0; ok && g < n_genders; g++)
    ok = upr_writer_string (writer, summary->sheet, row, 1 + g,
                            upr_snapshot_vocab (writer->snapshot, UPR_VOCAB_GENDER,
                                                genders[g].id),
                            writer->header, error);
  return ok
         && upr_writer_string (writer, summary->sheet, row, 1 + n_genders,
                               upr_writer_label (writer, NC_("workbook", "Not stated")),
                               writer->header, error)
         && upr_writer_string (writer, summary->sheet, row, 2 + n_genders,
                               upr_writer_label (writer, NC_("workbook", "Total")),
                               writer->header, error);
}

/* A row of the table: @n_columns counts, the last the row's total, as @shown says. */
static gboolean
write_people_row (Summary             *summary,
                  const char          *label,
                  const guint         *counts,
                  const UprCountShown *shown,
                  guint                n_columns,
                  gboolean             total_row,
                  GError             **error)
{
  UprWorkbookWriter *writer = summary->writer;
  lxw_row_t row = summary->row++;
  gboolean ok;

  ok = upr_writer_string (writer, summary->sheet, row, 0, label,
                          total_row ? writer->total : writer->wrap, error);
  for (guint c = 0; ok && c < n_columns; c++)
    ok = upr_writer_people_count (writer, summary->sheet, row, 1 + c, counts[c], shown[c],
                                  total_row || c + 1 == n_columns ? writer->total_number
                                                                  : writer->number,
                                  error);
  return ok;
}

static gboolean
write_people (Summary *summary,
              GError **error)
{
  UprWorkbookWriter *writer = summary->writer;
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  guint n_types, n_genders, n_rows, n_columns;
  const UprVocabEntry *types = upr_vocab_entries (UPR_VOCAB_STAKEHOLDER_TYPE, &n_types);
  Crosstab table = { 0 };
  g_autofree guint *counts = NULL;
  g_autofree UprCountShown *shown = NULL;
  gboolean ok;

  upr_vocab_entries (UPR_VOCAB_GENDER, &n_genders);
  g_assert (n_types < G_N_ELEMENTS (table.cells) && n_genders < G_N_ELEMENTS (table.cells[0]));
  count_people (snapshot, &table, n_types, n_genders);

  /* Types and "not stated", then the totals; genders and "not stated", then the totals. */
  n_rows = n_types + 2;
  n_columns = n_genders + 2;
  counts = g_new0 (guint, n_rows * n_columns);
  shown = g_new (UprCountShown, n_rows * n_columns);
  for (guint t = 0; t <= n_types; t++)
    for (guint g = 0; g <= n_genders; g++)
      {
        guint count = table.cells[t][g];

        counts[t * n_columns + g] = count;
        counts[t * n_columns + n_columns - 1] += count;
        counts[(n_rows - 1) * n_columns + g] += count;
        counts[n_rows * n_columns - 1] += count;
      }
  upr_workbook_suppress (counts, n_rows, n_columns, TRUE, TRUE, shown);

  keep_together (summary, n_types + 6);
  ok = write_heading (summary, NC_("workbook", "People who took part, by stakeholder type "
                                               "and gender"), error)
       && upr_writer_string (writer, summary->sheet, summary->row++, 0,
                             upr_writer_label (writer, NC_("workbook",
                                                           "Each person counts once, however "
                                                           "many workshops they attended. "
                                                           "Counts from 1 to 4 are shown as "
                                                           "“<5”, and as “x” a count that "
                                                           "would give one of them back "
                                                           "through a total, so that no one "
                                                           "can be singled out.")),
                             writer->subtitle, error)
       && write_people_header (summary, n_genders, error);
  for (guint t = 0; ok && t < n_rows; t++)
    {
      const char *label = t < n_types
                            ? upr_snapshot_vocab (snapshot, UPR_VOCAB_STAKEHOLDER_TYPE,
                                                  types[t].id)
                            : upr_writer_label (writer, t == n_types
                                                          ? NC_("workbook", "Not stated")
                                                          : NC_("workbook", "Total"));

      ok = write_people_row (summary, label, counts + t * n_columns, shown + t * n_columns,
                             n_columns, t + 1 == n_rows, error);
    }
  return ok && upr_writer_advance (writer, n_types + 4, error);
}

/* The top of the sheet */

static char *
describe_export (UprWorkbookWriter *writer)
{
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  g_autofree char *date = g_date_time_format (snapshot->created, "%Y-%m-%d");
  GString *text = g_string_new (upr_writer_label (writer, NC_("workbook", "Exported on")));

  g_string_append_printf (text, " %s", date);
  if (snapshot->author != NULL)
    g_string_append_printf (text, " · %s %s", upr_writer_label (writer, NC_("workbook", "by")),
                            snapshot->author);
  g_string_append_printf (text, " · Upright %s", PACKAGE_VERSION);
  return g_string_free (text, FALSE);
}

static char *
describe_contents (UprWorkbookWriter *writer)
{
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  GString *text = g_string_new (NULL);

  if (snapshot->cycle > 0)
    g_string_append_printf (text, "%s %d · ", upr_writer_label (writer, NC_("workbook", "Cycle")),
                            snapshot->cycle);
  g_string_append (text,
                   upr_writer_label (writer,
                                     snapshot->people_mode == UPR_WORKBOOK_PEOPLE_NAMES
                                       ? NC_("workbook", "Names only of participants who "
                                                         "consented to appear in reports")
                                       : NC_("workbook", "No personal data: people are "
                                                         "counted, not named")));
  return g_string_free (text, FALSE);
}

static gboolean
write_top (Summary *summary,
           GError **error)
{
  UprWorkbookWriter *writer = summary->writer;
  g_autofree char *title = g_strdup_printf ("%s – %s",
                                            upr_writer_label (writer,
                                                              NC_("workbook",
                                                                  "UPR implementation")),
                                            writer->snapshot->scope);
  g_autofree char *exported = describe_export (writer);
  g_autofree char *contents = describe_contents (writer);

  summary->row = 4;
  return upr_writer_check (writer, worksheet_set_row (summary->sheet, 0, 24, NULL), error)
         && upr_writer_string (writer, summary->sheet, 0, 0, title, writer->title, error)
         && upr_writer_string (writer, summary->sheet, 1, 0, exported, writer->subtitle, error)
         && upr_writer_string (writer, summary->sheet, 2, 0, contents, writer->subtitle, error);
}

static gboolean
set_columns (Summary *summary,
             GError **error)
{
  UprWorkbookWriter *writer = summary->writer;

  return upr_writer_check (writer, worksheet_set_column (summary->sheet, 0, 0, LABEL_WIDTH, NULL),
                           error)
         && upr_writer_check (writer, worksheet_set_column (summary->sheet, 1, 7, VALUE_WIDTH,
                                                            NULL),
                              error);
}

static gboolean
set_page_breaks (Summary *summary,
                 GError **error)
{
  lxw_row_t none = 0;

  if (summary->breaks->len == 0)
    return TRUE;
  /* The list ends with a 0. */
  g_array_append_val (summary->breaks, none);
  return upr_writer_check (summary->writer,
                           worksheet_set_h_pagebreaks (summary->sheet,
                                                       (lxw_row_t *) summary->breaks->data),
                           error);
}

gboolean
upr_workbook_write_summary (UprWorkbookWriter *writer,
                            GError           **error)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  Summary summary = { writer, NULL, 0, 0, 0, breaks };

  summary.sheet = upr_writer_add_sheet (writer, upr_writer_label (writer,
                                                                  NC_("workbook", "Summary")),
                                        error);
  if (summary.sheet == NULL)
    return FALSE;
  summary.n_recommendations = upr_workbook_matrix_n_rows (writer->snapshot);
  worksheet_gridlines (summary.sheet, LXW_HIDE_ALL_GRIDLINES);
  return set_columns (&summary, error)
         && write_top (&summary, error)
         && write_recommendations (&summary, error)
         && write_people (&summary, error)
         && set_page_breaks (&summary, error)
         && upr_writer_print_setup (writer, summary.sheet, -1, FALSE, error);
}
