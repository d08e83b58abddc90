/* upr-workbook-suppress.c: which counts of people a workbook hides.
 *
 * Counts from 1 to 4 are hidden ("<5") so that no one can be singled out: the one woman from
 * an NHRI at a small country's workshop. But the totals shown beside them can give a hidden
 * count back: 3 women, 10 men and a total of 13 say the "<5" is 3; two "<5" in a total row
 * whose other cells leave 2 for them are 1 and 1. So a reader's reasoning is done here, one
 * row or column at a time: knowing that a "<5" is 1 to 4 and that an "x" is 0 or at least 5,
 * can the line's total pin down one of its hidden counts? While one can, the smallest other
 * count of that line (a count of people rather than a zero, which a reader could guess) is
 * hidden too, as "x": the rule statistics offices apply to the tables they publish
 * (secondary suppression). It does not follow reasoning across several lines at once, which
 * would take linear programming; the tables here are a few rows of a few columns. */
#include "config.h"

#include "upr-workbook-private.h"

/* What a reader may take for a count hidden as "x" at most, without a grand total. */
#define UNBOUNDED (1 << 24)
#define MAX_SPANS 64

/* A set of possible sums: spans [low, high], sorted, apart. */
typedef struct
{
  gint64 low[MAX_SPANS];
  gint64 high[MAX_SPANS];
  guint  n;
} Sums;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const gint64 *x = a, *y = b;

  return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* @sums + any value in the spans @low[i]..@high[i]: each sum moved by each span, sorted and
 * joined. Past MAX_SPANS, spans are joined anyway: more sums look possible, which can only
 * make a count seem better hidden than it is, never reveal one. */
static void
add_spans (Sums         *sums,
           const gint64 *low,
           const gint64 *high,
           guint         n)
{
  gint64 spans[MAX_SPANS * 4][2];
  guint count = 0;

  for (guint i = 0; i < sums->n; i++)
    for (guint j = 0; j < n && count < G_N_ELEMENTS (spans); j++)
      {
        spans[count][0] = sums->low[i] + low[j];
        spans[count][1] = sums->high[i] + high[j];
        count++;
      }
  qsort (spans, count, sizeof spans[0], compare_spans);
  sums->n = 0;
  for (guint i = 0; i < count; i++)
    {
      if (sums->n > 0 && (spans[i][0] <= sums->high[sums->n - 1] + 1 || sums->n == MAX_SPANS))
        {
          sums->high[sums->n - 1] = MAX (sums->high[sums->n - 1], spans[i][1]);
          continue;
        }
      sums->low[sums->n] = spans[i][0];
      sums->high[sums->n] = spans[i][1];
      sums->n++;
    }
}

/* The values a reader knows a hidden count may take, times @sign (the total of a line counts
 * against its cells): 1 to 4 for "<5", 0 or 5 to @bound for "x". */
static guint
values_of (UprCountShown shown,
           int           sign,
           gint64        bound,
           gint64       *low,
           gint64       *high)
{
  if (shown == UPR_COUNT_SMALL)
    {
      gint64 most = MIN (4, MAX (bound, 1));

      low[0] = sign > 0 ? 1 : -most;
      high[0] = sign > 0 ? most : -1;
      return 1;
    }
  low[0] = high[0] = 0;
  if (bound < 5)
    return 1;
  low[1] = sign > 0 ? 5 : -bound;
  high[1] = sign > 0 ? bound : -5;
  return 2;
}

/* How many of the values in the spans @low[i]..@high[i] are @total minus a sum of @others:
 * 0, 1, or 2 for two or more. */
static guint
count_possible (const gint64 *low,
                const gint64 *high,
                guint         n,
                const Sums   *others,
                gint64        total)
{
  gint64 found = 0;

  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < others->n; k++)
      {
        /* value = total - sum, sum in [others->low, others->high] */
        gint64 from = MAX (low[i], total - others->high[k]);
        gint64 to = MIN (high[i], total - others->low[k]);

        if (from <= to)
          found += to - from + 1;
      }
  return (guint) MIN (found, 2);
}

/* Whether the line of @n cells at @first, @step apart (the last its total), lets a reader
 * work out one of its hidden counts exactly. */
static gboolean
gives_one_away (const guint         *counts,
                const UprCountShown *shown,
                guint                first,
                guint                step,
                guint                n,
                gint64               bound)
{
  gint64 known = 0; /* the cells shown, minus the total if shown */

  for (guint i = 0; i < n; i++)
    if (shown[first + i * step] == UPR_COUNT_SHOWN)
      known += i + 1 < n ? (gint64) counts[first + i * step] : -(gint64) counts[first + i * step];

  /* The hidden ones, the total against the cells, make up -known. */
  for (guint j = 0; j < n; j++)
    {
      gint64 low[2], high[2];
      guint n_values;
      Sums others = { { 0 }, { 0 }, 1 };

      if (shown[first + j * step] == UPR_COUNT_SHOWN)
        continue;
      for (guint i = 0; i < n; i++)
        {
          gint64 other_low[2], other_high[2];
          guint n_other;

          if (i == j || shown[first + i * step] == UPR_COUNT_SHOWN)
            continue;
          n_other = values_of (shown[first + i * step], i + 1 < n ? 1 : -1, bound, other_low,
                               other_high);
          add_spans (&others, other_low, other_high, n_other);
        }
      n_values = values_of (shown[first + j * step], j + 1 < n ? 1 : -1, bound, low, high);
      if (count_possible (low, high, n_values, &others, -known) < 2)
        return TRUE;
    }
  return FALSE;
}

/* Hides the smallest count of the line that may be (not @keep); TRUE when there was one. */
static gboolean
hide_another (const guint   *counts,
              UprCountShown *shown,
              guint          first,
              guint          step,
              guint          n,
              guint          keep)
{
  guint best = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      guint at = first + i * step;

      if (shown[at] != UPR_COUNT_SHOWN || at == keep)
        continue;
      /* A zero only when nothing else is left. */
      if (best == G_MAXUINT
          || (counts[at] > 0 && (counts[best] == 0 || counts[at] < counts[best])))
        best = at;
    }
  if (best == G_MAXUINT)
    return FALSE;
  shown[best] = UPR_COUNT_HIDDEN;
  return TRUE;
}

static gboolean
protect_line (const guint   *counts,
              UprCountShown *shown,
              guint          first,
              guint          step,
              guint          n,
              guint          keep)
{
  /* No count is over the grand total, when it is shown. */
  gint64 bound = keep != G_MAXUINT && shown[keep] == UPR_COUNT_SHOWN ? counts[keep] : UNBOUNDED;

  if (!gives_one_away (counts, shown, first, step, n, bound))
    return FALSE;
  if (hide_another (counts, shown, first, step, n, keep))
    return TRUE;
  /* Nothing else left to hide in a line through the grand total (three "<5" making up 12 are
   * 4 each): people come before the total. */
  for (guint i = 0; i < n; i++)
    if (first + i * step == keep && shown[keep] == UPR_COUNT_SHOWN)
      {
        shown[keep] = UPR_COUNT_HIDDEN;
        return TRUE;
      }
  return FALSE;
}

void
upr_workbook_suppress (const guint   *counts,
                       guint          n_rows,
                       guint          n_columns,
                       gboolean       row_totals,
                       gboolean       column_totals,
                       UprCountShown *shown)
{
  /* The grand total is exact, as donors report it, unless it alone would give a small count
   * away. */
  guint grand = row_totals && column_totals ? n_rows * n_columns - 1 : G_MAXUINT;
  gboolean changed;

  g_return_if_fail (counts != NULL && shown != NULL);

  for (guint i = 0; i < n_rows * n_columns; i++)
    shown[i] = counts[i] >= 1 && counts[i] <= 4 && i != grand ? UPR_COUNT_SMALL
                                                               : UPR_COUNT_SHOWN;
  do
    {
      changed = FALSE;
      for (guint r = 0; row_totals && r < n_rows; r++)
        changed |= protect_line (counts, shown, r * n_columns, 1, n_columns, grand);
      for (guint c = 0; column_totals && c < n_columns; c++)
        changed |= protect_line (counts, shown, c, n_columns, n_rows, grand);
    }
  while (changed);
}
