/* upr-bar-chart.h: a horizontal bar chart drawn with cairo: a label, a bar and its count on
 * each row, optionally bars stacked from several series with a legend above them. The
 * counts are written beside the bars and read out in the accessible description, so the
 * chart says as much to a screen reader as to the eye. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPR_TYPE_BAR_CHART (upr_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (UprBarChart, upr_bar_chart, UPR, BAR_CHART, GtkDrawingArea)

/* Properties: "title" (the accessible label: what the chart counts). */
GtkWidget  *upr_bar_chart_new             (void);
const char *upr_bar_chart_get_title       (UprBarChart        *self);
void        upr_bar_chart_set_title       (UprBarChart        *self,
                                           const char         *title);
/* Stacked bars: the names and colours of the @n_series series, in stacking order. By
 * default there is one unnamed series in the theme's accent colour (no legend). Clears the
 * bars. */
void        upr_bar_chart_set_series      (UprBarChart        *self,
                                           const char * const *names,
                                           const GdkRGBA      *colours,
                                           guint               n_series);
void        upr_bar_chart_clear           (UprBarChart        *self);
/* Adds a bar of one value per series. @colour (optional) paints a one-series bar in its own
 * colour rather than the series'. */
void        upr_bar_chart_append          (UprBarChart        *self,
                                           const char         *label,
                                           const guint        *values,
                                           const GdkRGBA      *colour);

/* What is shown, for tests and for the page's own text. */
guint       upr_bar_chart_get_n_bars      (UprBarChart        *self);
const char *upr_bar_chart_get_label       (UprBarChart        *self,
                                           guint               bar);
guint       upr_bar_chart_get_value       (UprBarChart        *self,
                                           guint               bar,
                                           guint               series);
guint       upr_bar_chart_get_total       (UprBarChart        *self,
                                           guint               bar);
/* The numbers in words, as given to assistive technologies: "Supported: 3, Noted: 1". */
const char *upr_bar_chart_get_description (UprBarChart        *self);

G_END_DECLS
