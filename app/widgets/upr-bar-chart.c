/* upr-bar-chart.c: see the header.
 *
 * The chart asks for the height its rows need and takes the width it is given: labels get
 * up to half of it (ellipsized beyond, whole in the row's tooltip), the counts their own column at the right, the
 * bars the rest, scaled to the largest total. Colours come from the theme (text colour,
 * accent) unless the caller gives its own for a series or a bar. A leaf drawing widget has
 * no children, hence no template. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-bar-chart.h"

typedef struct
{
  char    *label;
  guint   *values; /* one per series */
  gboolean has_colour;
  GdkRGBA  colour;
} Bar;

struct _UprBarChart
{
  GtkDrawingArea parent_instance;

  /* owned */
  char          *title;
  GPtrArray     *series_names; /* of char *, empty: one unnamed series */
  GArray        *series_colours;
  GPtrArray     *bars;         /* of Bar */
  char          *description;
};

G_DEFINE_FINAL_TYPE (UprBarChart, upr_bar_chart, GTK_TYPE_DRAWING_AREA)

enum { PROP_0, PROP_TITLE, N_PROPS };

static GParamSpec *properties[N_PROPS];

#define ROW_PADDING 6
#define GAP 8
#define SWATCH 10

/* Helpers */

static void
bar_free (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->values);
  g_free (bar);
}

static guint
n_series (UprBarChart *self)
{
  return MAX (self->series_names->len, 1);
}

static guint
bar_total (UprBarChart *self,
           const Bar   *bar)
{
  guint total = 0;

  for (guint i = 0; i < n_series (self); i++)
    total += bar->values[i];
  return total;
}

static Bar *
get_bar (UprBarChart *self,
         guint        index)
{
  g_assert (index < self->bars->len);
  return g_ptr_array_index (self->bars, index);
}

static void
theme_colour (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *colour)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, colour))
    gdk_rgba_parse (colour, fallback);
}

static int
row_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + 2 * ROW_PADDING;
}

static guint
n_legend_rows (UprBarChart *self)
{
  /* Two names to a row: long French status names still fit a half card. */
  return self->series_names->len > 1 ? (self->series_names->len + 1) / 2 : 0;
}

static void
update_size (UprBarChart *self)
{
  guint rows = self->bars->len + n_legend_rows (self);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                       (int) MAX (rows, 1) * row_height (GTK_WIDGET (self)));
}

static void
append_entry (GString    *text,
              const char *name,
              guint       value)
{
  if (text->len > 0)
    g_string_append (text, ", ");
  /* Translators: one count read out by a screen reader, e.g. "Supported: 12" */
  g_string_append_printf (text, _("%s: %u"), name, value);
}

/* One bar in words: "Supported: 12", or for stacked bars "2019 (Implemented: 3, …)". */
static void
append_bar_text (UprBarChart *self,
                 GString     *text,
                 const Bar   *bar)
{
  g_autoptr(GString) parts = NULL;

  if (self->series_names->len <= 1)
    {
      append_entry (text, bar->label, bar->values[0]);
      return;
    }
  parts = g_string_new (NULL);
  for (guint s = 0; s < self->series_names->len; s++)
    append_entry (parts, g_ptr_array_index (self->series_names, s), bar->values[s]);
  if (text->len > 0)
    g_string_append (text, "; ");
  /* Translators: a stacked bar read out: a date, then its counts in parentheses */
  g_string_append_printf (text, _("%s (%s)"), bar->label, parts->str);
}

static void
update_description (UprBarChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    append_bar_text (self, text, g_ptr_array_index (self->bars, i));
  if (text->len == 0)
    g_string_append (text, _("Nothing to count"));
  g_free (self->description);
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
}

static void
changed (UprBarChart *self)
{
  update_size (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

typedef struct
{
  int     width;
  int     row;
  int     label_width;
  int     count_width;
  guint   max_total;
  GdkRGBA fg;
  GdkRGBA accent;
} Metrics;

static void
show_text (GtkWidget     *widget,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           int            max_width,
           const Metrics *m)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int height;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, NULL, &height);
  gdk_cairo_set_source_rgba (cr, &m->fg);
  cairo_move_to (cr, x, y + (m->row - height) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
measure (UprBarChart *self,
         int          width,
         Metrics     *m)
{
  GtkWidget *widget = GTK_WIDGET (self);

  m->width = width;
  m->row = row_height (widget);
  m->label_width = 0;
  m->count_width = 0;
  m->max_total = 0;
  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = g_ptr_array_index (self->bars, i);
      /* Grouped as the locale groups digits ("40,000", "40 000"): counts of every
       * country run into tens of thousands. */
      g_autofree char *count = g_strdup_printf ("%'u", bar_total (self, bar));

      m->label_width = MAX (m->label_width, text_width (widget, bar->label));
      m->count_width = MAX (m->count_width, text_width (widget, count));
      m->max_total = MAX (m->max_total, bar_total (self, bar));
    }
  m->label_width = MIN (m->label_width, width / 2);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &m->fg);
  theme_colour (widget, "accent_bg_color", "#3584e4", &m->accent);
}

static const GdkRGBA *
series_colour (UprBarChart   *self,
               const Bar     *bar,
               guint          series,
               const Metrics *m)
{
  if (bar != NULL && bar->has_colour)
    return &bar->colour;
  if (series < self->series_colours->len)
    return &g_array_index (self->series_colours, GdkRGBA, series);
  return &m->accent;
}

static void
draw_legend (UprBarChart   *self,
             cairo_t       *cr,
             const Metrics *m)
{
  int column = m->width / 2;

  for (guint s = 0; s < self->series_names->len; s++)
    {
      double x = (s % 2) * column;
      double y = (s / 2) * m->row;

      gdk_cairo_set_source_rgba (cr, series_colour (self, NULL, s, m));
      cairo_rectangle (cr, x, y + (m->row - SWATCH) / 2.0, SWATCH, SWATCH);
      cairo_fill (cr);
      show_text (GTK_WIDGET (self), cr, g_ptr_array_index (self->series_names, s),
                 x + SWATCH + GAP / 2, y, column - SWATCH - GAP, m);
    }
}

static void
draw_bar (UprBarChart   *self,
          cairo_t       *cr,
          const Bar     *bar,
          double         y,
          const Metrics *m)
{
  double room = MAX (m->width - m->label_width - m->count_width - 3 * GAP, 1);
  double x = m->label_width + GAP;
  g_autofree char *count = g_strdup_printf ("%'u", bar_total (self, bar));

  show_text (GTK_WIDGET (self), cr, bar->label, 0, y, m->label_width, m);
  for (guint s = 0; s < n_series (self) && m->max_total > 0; s++)
    {
      double length = room * bar->values[s] / m->max_total;

      if (bar->values[s] == 0)
        continue;
      gdk_cairo_set_source_rgba (cr, series_colour (self, bar, s, m));
      /* At least a sliver, so that 1 in 10,000 still shows. */
      cairo_rectangle (cr, x, y + ROW_PADDING, MAX (length, 2), m->row - 2 * ROW_PADDING);
      cairo_fill (cr);
      x += MAX (length, 2);
    }
  show_text (GTK_WIDGET (self), cr, count, x + GAP, y, 0, m);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  UprBarChart *self = UPR_BAR_CHART (area);
  Metrics m;
  double y;

  measure (self, width, &m);
  draw_legend (self, cr, &m);
  y = n_legend_rows (self) * m.row;
  for (guint i = 0; i < self->bars->len; i++, y += m.row)
    draw_bar (self, cr, g_ptr_array_index (self->bars, i), y, &m);
}

/* Overrides */

/* The whole of an ellipsized label, with its numbers. */
static gboolean
upr_bar_chart_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  UprBarChart *self = UPR_BAR_CHART (widget);
  int row = y / row_height (widget) - (int) n_legend_rows (self);
  g_autoptr(GString) text = NULL;

  if (keyboard || row < 0 || (guint) row >= self->bars->len)
    return FALSE;
  text = g_string_new (NULL);
  append_bar_text (self, text, g_ptr_array_index (self->bars, row));
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
upr_bar_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (upr_bar_chart_parent_class)->css_changed (widget, change);
  /* The font may have changed, and with it the height of a row. */
  update_size (UPR_BAR_CHART (widget));
}

static void
upr_bar_chart_finalize (GObject *object)
{
  UprBarChart *self = UPR_BAR_CHART (object);

  g_free (self->title);
  g_ptr_array_unref (self->series_names);
  g_array_unref (self->series_colours);
  g_ptr_array_unref (self->bars);
  g_free (self->description);

  G_OBJECT_CLASS (upr_bar_chart_parent_class)->finalize (object);
}

static void
upr_bar_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UprBarChart *self = UPR_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_bar_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UprBarChart *self = UPR_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      upr_bar_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_bar_chart_class_init (UprBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = upr_bar_chart_finalize;
  object_class->get_property = upr_bar_chart_get_property;
  object_class->set_property = upr_bar_chart_set_property;
  widget_class->css_changed = upr_bar_chart_css_changed;
  widget_class->query_tooltip = upr_bar_chart_query_tooltip;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "uprbarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
upr_bar_chart_init (UprBarChart *self)
{
  self->series_names = g_ptr_array_new_with_free_func (g_free);
  self->series_colours = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  self->bars = g_ptr_array_new_with_free_func (bar_free);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  changed (self);
}

/* Public API */

GtkWidget *
upr_bar_chart_new (void)
{
  return g_object_new (UPR_TYPE_BAR_CHART, NULL);
}

const char *
upr_bar_chart_get_title (UprBarChart *self)
{
  g_return_val_if_fail (UPR_IS_BAR_CHART (self), NULL);

  return self->title;
}

void
upr_bar_chart_set_title (UprBarChart *self,
                         const char  *title)
{
  g_return_if_fail (UPR_IS_BAR_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
upr_bar_chart_set_series (UprBarChart        *self,
                          const char * const *names,
                          const GdkRGBA      *colours,
                          guint               n_series)
{
  g_return_if_fail (UPR_IS_BAR_CHART (self));
  g_return_if_fail (n_series == 0 || (names != NULL && colours != NULL));

  g_ptr_array_set_size (self->bars, 0);
  g_ptr_array_set_size (self->series_names, 0);
  g_array_set_size (self->series_colours, 0);
  for (guint i = 0; i < n_series; i++)
    g_ptr_array_add (self->series_names, g_strdup (names[i]));
  if (n_series > 0)
    g_array_append_vals (self->series_colours, colours, n_series);
  changed (self);
}

void
upr_bar_chart_clear (UprBarChart *self)
{
  g_return_if_fail (UPR_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->bars, 0);
  changed (self);
}

void
upr_bar_chart_append (UprBarChart   *self,
                      const char    *label,
                      const guint   *values,
                      const GdkRGBA *colour)
{
  Bar *bar;

  g_return_if_fail (UPR_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL && values != NULL);

  bar = g_new0 (Bar, 1);
  bar->label = g_strdup (label);
  bar->values = g_memdup2 (values, n_series (self) * sizeof (guint));
  if (colour != NULL)
    {
      bar->has_colour = TRUE;
      bar->colour = *colour;
    }
  g_ptr_array_add (self->bars, bar);
  changed (self);
}

guint
upr_bar_chart_get_n_bars (UprBarChart *self)
{
  g_return_val_if_fail (UPR_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

const char *
upr_bar_chart_get_label (UprBarChart *self,
                         guint        bar)
{
  g_return_val_if_fail (UPR_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (bar < self->bars->len, NULL);

  return get_bar (self, bar)->label;
}

guint
upr_bar_chart_get_value (UprBarChart *self,
                         guint        bar,
                         guint        series)
{
  g_return_val_if_fail (UPR_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (bar < self->bars->len && series < n_series (self), 0);

  return get_bar (self, bar)->values[series];
}

guint
upr_bar_chart_get_total (UprBarChart *self,
                         guint        bar)
{
  g_return_val_if_fail (UPR_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (bar < self->bars->len, 0);

  return bar_total (self, get_bar (self, bar));
}

const char *
upr_bar_chart_get_description (UprBarChart *self)
{
  g_return_val_if_fail (UPR_IS_BAR_CHART (self), NULL);

  return self->description;
}
