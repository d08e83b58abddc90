/* upr-import-assistant.c: the import assistant; see the header.
 *
 * One window, one stack of steps. The file is read in a thread (a 6,000-row workbook takes
 * a moment); the import's analysis, its dry run and its run use the store and so stay on
 * the main thread, in slices of a few milliseconds from an idle handler, so the window
 * keeps drawing and Cancel answers at once. The dry run on the Check step gives the report
 * and the counts of the real run before anything is written.
 *
 * The tables of the Format and Check steps have as many columns as the file, or as the
 * kind of import: their columns are made here, not in the template. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-import-assistant.h"

#include "upr-context.h"
#include "upr-country.h"
#include "upr-form.h"
#include "upr-import-assistant-column-row.h"
#include "upr-import-assistant-issue.h"
#include "upr-import-assistant-row.h"
#include "upr-matrix-return.h"
#include "upr-matrix-return-dialog.h"
#include "upr-store.h"
#include "upr-table.h"

/* Rows of the file shown on the Format step, and of the import on the Check step: enough to
 * judge by; GTK 4.8 builds every row of a short list at once, so not more. */
#define TABLE_ROWS 50
#define PREVIEW_ROWS 50
/* Columns of the file shown at most: a sheet with hundreds is not read by eye. */
#define TABLE_COLUMNS 60
/* Rows per step of a run, and how long one slice of the main loop may take (µs). */
#define ROWS_PER_STEP 20
#define SLICE_USEC 15000
/* First values shown beside each column on the Columns step. */
#define N_SAMPLES 3

typedef enum
{
  STEP_CHOOSE,
  STEP_ERROR,
  STEP_FORMAT,
  STEP_COLUMNS,
  STEP_CHECK,
  STEP_IMPORT,
  STEP_SUMMARY,
} Step;

typedef enum
{
  RUN_NONE,
  RUN_CHECK,  /* a dry run, for the report */
  RUN_IMPORT,
} Run;

struct _UprImportAssistant
{
  GtkWindow parent_instance;

  /* template widgets */
  GtkLabel              *title_label;
  GtkLabel              *step_label;
  GtkButton             *cancel_button;
  GtkButton             *back_button;
  GtkButton             *next_button;
  GtkStack              *pages;
  GtkLabel              *choose_description;
  GtkStack              *choose_stack;
  GtkSpinner            *reading_spinner;
  GtkLabel              *reading_label;
  GtkButton             *choose_button;
  GtkLabel              *error_title;
  GtkLabel              *error_file;
  GtkLabel              *error_message;
  GtkButton             *error_button;
  GtkLabel              *file_label;
  GtkLabel              *format_label;
  GtkLabel              *sheet_title;
  GtkDropDown           *sheet_drop_down;
  GtkStringList         *sheet_names;
  GtkLabel              *sheet_label;
  GtkLabel              *encoding_title;
  GtkWidget             *text_options;
  GtkDropDown           *encoding_drop_down;
  GtkStringList         *encoding_names;
  GtkDropDown           *separator_drop_down;
  GtkLabel              *encoding_hint;
  GtkLabel              *format_error;
  GtkColumnView         *table_view;
  GtkLabel              *columns_intro;
  GtkLabel              *country_title;
  GtkDropDown           *country_drop_down;
  GtkLabel              *country_hint;
  GtkLabel              *session_title;
  GtkSpinButton         *session_spin;
  GtkLabel              *session_hint;
  GtkLabel              *registration_title;
  GtkDropDown           *registration_drop_down;
  GtkLabel              *registration_hint;
  GtkLabel              *columns_error;
  GtkListBox            *columns_list;
  GtkStack              *check_stack;
  GtkProgressBar        *check_progress;
  GtkLabel              *check_message;
  GtkLabel              *counts_label;
  GtkLabel              *blocked_label;
  GtkLabel              *preview_title;
  GtkColumnView         *preview_view;
  GtkLabel              *report_title;
  GtkWidget             *issues_frame;
  GListStore            *issues;
  GtkProgressBar        *import_progress;
  GtkLabel              *summary_title;
  GtkLabel              *summary_more;
  GtkLabel              *new_count;
  GtkLabel              *updated_count;
  GtkLabel              *unchanged_count;
  GtkLabel              *skipped_count;
  GtkButton             *show_button;
  GtkLabel              *summary_report_title;
  GtkWidget             *summary_report;
  GListStore            *summary_issues;

  /* owned */
  UprContext            *context;
  UprImportKind          kind;
  char                  *workshop_id;
  GFile                 *file;
  UprTable              *table;
  UprImportAssistantJob *job;
  GtkStringList         *fields;     /* the job's field labels, for the columns' drop-downs */
  GCancellable          *reading;
  GtkFileChooserNative  *chooser;
  Step                   step;
  Run                    run;
  guint                  run_id;
  gboolean               filling;    /* drop-downs set by the code, not the user */
  gboolean               checked;    /* the report is that of the current mapping */
  gboolean               blocked;    /* the report has errors */
};

G_DEFINE_FINAL_TYPE (UprImportAssistant, upr_import_assistant, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_CONTEXT, PROP_KIND, PROP_WORKSHOP_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { IMPORTED, SHOW_COUNTRY, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const step_names[] = {
  [STEP_CHOOSE] = "choose", [STEP_ERROR] = "error", [STEP_FORMAT] = "format",
  [STEP_COLUMNS] = "columns", [STEP_CHECK] = "check", [STEP_IMPORT] = "import",
  [STEP_SUMMARY] = "summary",
};

/* The encodings offered for text files: those officers' tools write. */
static const struct
{
  const char *id;
  const char *label;
} encodings[] = {
  { "UTF-8", N_("Unicode (UTF-8)") },
  { "UTF-16LE", N_("Unicode (UTF-16, little-endian)") },
  { "UTF-16BE", N_("Unicode (UTF-16, big-endian)") },
  { "WINDOWS-1252", N_("Western European (Windows-1252)") },
  { "WINDOWS-1251", N_("Cyrillic (Windows-1251)") },
  { "ISO-8859-1", N_("Western European (ISO-8859-1)") },
  { "MACINTOSH", N_("Western European (Mac Roman)") },
};

static const char separators[] = { ',', ';', '\t' };

static void start_reading (UprImportAssistant *self, const UprTableOptions *options);

/* Helpers */

static UprStore *
get_store (UprImportAssistant *self)
{
  return upr_context_get_store (self->context);
}

static gboolean
is_recommendations (UprImportAssistant *self)
{
  return self->kind == UPR_IMPORT_KIND_RECOMMENDATIONS;
}

/* GTK 4.8 reads a mnemonic's underscore out: buttons get their name without it. */
static void
set_button_label (GtkButton  *button,
                  const char *label)
{
  g_autofree char *plain = g_strdup (label);
  char *to = plain;

  gtk_button_set_label (button, label);
  for (const char *from = label; *from != '\0'; from++)
    if (*from != '_')
      *to++ = *from;
  *to = '\0';
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  -1);
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static char *
file_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

/* "A", "B", … "Z", "AA": a column as a spreadsheet names it. */
static char *
column_letters (guint column)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  do
    {
      buffer[--i] = (char) ('A' + column % 26);
      column = column / 26;
    }
  while (column-- > 0 && i > 0);
  return g_strdup (buffer + i);
}

/* Tables */

/* A column's factory data: the cell it shows (low 16 bits) and its width in characters. */
#define CELL_DATA(cell, chars) GUINT_TO_POINTER ((cell) | ((guint) (chars) << 16))
#define CELL_INDEX(data) (GPOINTER_TO_UINT (data) & 0xffff)
#define CELL_CHARS(data) (GPOINTER_TO_UINT (data) >> 16)

/* The width of each column of the Check step's preview, by kind of import (the cells of
 * upr_import_assistant_job_get_preview_titles()). */
static const guint recommendation_widths[] = { 4, 18, 6, 8, 70, 16, 24, 6 };
static const guint participant_widths[] = { 6, 24, 10, 24, 20, 24, 12, 10, 8, 16 };

/* Cell 0 of every row is its number: narrow, aligned right. */
static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gboolean number = CELL_INDEX (data) == 0;

  gtk_inscription_set_text_overflow (inscription, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (inscription, MIN (CELL_CHARS (data), 3));
  gtk_inscription_set_nat_chars (inscription, CELL_CHARS (data));
  if (number)
    {
      gtk_inscription_set_xalign (inscription, 1.0);
      gtk_widget_add_css_class (GTK_WIDGET (inscription), "numeric");
    }
  gtk_list_item_set_child (item, GTK_WIDGET (inscription));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  UprImportAssistantRow *row = gtk_list_item_get_item (item);
  GtkWidget *inscription = gtk_list_item_get_child (item);
  const char *text = upr_import_assistant_row_get_cell (row, CELL_INDEX (data));

  /* No tooltip with the whole text: setting one queries the pointer, a round trip to the
   * display for every cell. The columns can be widened instead. */
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  if (upr_import_assistant_row_get_dimmed (row))
    gtk_widget_add_css_class (inscription, "dim-label");
  else
    gtk_widget_remove_css_class (inscription, "dim-label");
}

static void
clear_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            guint          cell,
            guint          chars,
            gboolean       expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  gpointer data = CELL_DATA (cell, chars);

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), data);
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
}

static void
set_table_model (GtkColumnView *view,
                 GListModel    *rows)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (rows));

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

/* The file as it reads: its rows as they are, with the spreadsheet's column letters. */
static void
fill_table_view (UprImportAssistant *self)
{
  g_autoptr(GListStore) rows = g_list_store_new (UPR_TYPE_IMPORT_ASSISTANT_ROW);
  guint sheet = upr_import_assistant_job_get_sheet (self->job);
  guint n_rows = MIN (upr_table_get_n_rows (self->table, sheet), TABLE_ROWS);
  guint n_columns = MIN (upr_table_get_n_columns (self->table, sheet), TABLE_COLUMNS);

  clear_columns (self->table_view);
  /* Translators: the title of the column of row numbers in a view of a file. */
  add_column (self->table_view, C_("row number", "#"), 0, 4, FALSE);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *letters = column_letters (c);

      add_column (self->table_view, letters, c + 1, 20, FALSE);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      const char * const *cells = upr_table_get_row (self->table, sheet, r);
      guint n_cells = MIN (g_strv_length ((char **) cells), n_columns);
      g_autofree const char **shown = g_new0 (const char *, n_cells + 2);
      g_autofree char *number = g_strdup_printf ("%u", upr_table_get_source_line (self->table,
                                                                                  sheet, r));
      g_autoptr(UprImportAssistantRow) row = NULL;

      shown[0] = number;
      for (guint c = 0; c < n_cells; c++)
        shown[c + 1] = cells[c];
      row = upr_import_assistant_row_new (r + 1, shown, FALSE);
      g_list_store_append (rows, row);
    }
  set_table_model (self->table_view, G_LIST_MODEL (rows));
}

static void
fill_preview_view (UprImportAssistant *self)
{
  const char * const *titles = upr_import_assistant_job_get_preview_titles (self->job);
  g_autoptr(GListModel) rows = upr_import_assistant_job_preview (self->job, PREVIEW_ROWS);
  const guint *widths = is_recommendations (self) ? recommendation_widths : participant_widths;
  /* The recommendation's text is long: its column takes the room left. */
  guint text_column = is_recommendations (self) ? 4 : G_MAXUINT;

  g_assert (g_strv_length ((char **) titles)
            == (is_recommendations (self) ? G_N_ELEMENTS (recommendation_widths)
                                          : G_N_ELEMENTS (participant_widths)));
  clear_columns (self->preview_view);
  for (guint c = 0; titles[c] != NULL; c++)
    add_column (self->preview_view, titles[c], c, widths[c], c == text_column);
  set_table_model (self->preview_view, rows);
}

/* Steps */

static const char *
step_title (Step step)
{
  switch (step)
    {
    case STEP_CHOOSE:
    case STEP_ERROR: return _("Step 1 of 6: File");
    case STEP_FORMAT: return _("Step 2 of 6: Format");
    case STEP_COLUMNS: return _("Step 3 of 6: Columns");
    case STEP_CHECK: return _("Step 4 of 6: Check");
    case STEP_IMPORT: return _("Step 5 of 6: Import");
    case STEP_SUMMARY:
    default: return _("Step 6 of 6: Summary");
    }
}

static void
update_buttons (UprImportAssistant *self)
{
  gboolean reading = self->reading != NULL;
  gboolean next = FALSE;

  switch (self->step)
    {
    case STEP_FORMAT:
      next = self->job != NULL && !reading;
      break;
    case STEP_COLUMNS:
      next = TRUE;
      break;
    case STEP_CHECK:
      next = self->checked && !self->blocked && self->run == RUN_NONE;
      break;
    case STEP_SUMMARY:
      next = TRUE;
      break;
    case STEP_CHOOSE:
    case STEP_ERROR:
    case STEP_IMPORT:
    default:
      break;
    }
  set_button_label (self->next_button,
                    self->step == STEP_CHECK ? _("_Import")
                      : self->step == STEP_SUMMARY ? _("_Close") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back",
                                 self->step != STEP_CHOOSE && self->step != STEP_IMPORT
                                   && self->step != STEP_SUMMARY && !reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.choose-file",
                                 self->run != RUN_IMPORT && !reading);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          self->step != STEP_CHOOSE && self->step != STEP_IMPORT
                            && self->step != STEP_SUMMARY);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->step != STEP_SUMMARY);
}

/* Where the keyboard is when a step shows: on what is left to do there, else on Next (or
 * Cancel while importing), so that Enter goes on. */
static void
focus_step (UprImportAssistant *self)
{
  GtkWidget *focus = GTK_WIDGET (self->next_button);

  if (self->step == STEP_CHOOSE)
    focus = GTK_WIDGET (self->choose_button);
  else if (self->step == STEP_ERROR)
    focus = GTK_WIDGET (self->error_button);
  else if (self->step == STEP_IMPORT)
    focus = GTK_WIDGET (self->cancel_button);
  else if (self->step == STEP_COLUMNS)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (UPR_IS_IMPORT_ASSISTANT_COLUMN_ROW (child)
          && upr_import_assistant_column_row_get_field (UPR_IMPORT_ASSISTANT_COLUMN_ROW (child)) == 0)
        {
          focus = GTK_WIDGET (upr_import_assistant_column_row_get_drop_down (
            UPR_IMPORT_ASSISTANT_COLUMN_ROW (child)));
          break;
        }
  if (!gtk_widget_is_sensitive (focus))
    focus = GTK_WIDGET (self->cancel_button);
  gtk_widget_grab_focus (focus);
}

static void
show_step (UprImportAssistant *self,
           Step                step)
{
  self->step = step;
  gtk_stack_set_visible_child_name (self->pages, step_names[step]);
  gtk_label_set_text (self->step_label, step_title (step));
  update_buttons (self);
  focus_step (self);
}

static void
show_error (UprImportAssistant *self,
            const char         *title,
            const char         *message)
{
  g_autofree char *name = self->file != NULL ? file_display_name (self->file) : NULL;

  gtk_label_set_text (self->error_title, title);
  show_label (self->error_file, name);
  gtk_label_set_text (self->error_message, message);
  show_step (self, STEP_ERROR);
}

/* The Format step */

static const char *
describe_table_format (UprTable *table)
{
  switch (upr_table_get_format (table))
    {
    case UPR_TABLE_FORMAT_XLS: return _("Excel workbook (.xls)");
    case UPR_TABLE_FORMAT_XLSX: return _("Excel workbook (.xlsx)");
    case UPR_TABLE_FORMAT_DOCX: return _("Word document (.docx)");
    case UPR_TABLE_FORMAT_CSV: return _("Text table (.csv)");
    case UPR_TABLE_FORMAT_UNKNOWN:
    default: return _("Unknown format");
    }
}

static void
fill_sheets (UprImportAssistant *self)
{
  guint n_sheets = upr_table_get_n_sheets (self->table);
  guint sheet = upr_import_assistant_job_get_sheet (self->job);
  gboolean choose = upr_import_assistant_job_can_choose_sheet (self->job);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *where = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->sheet_title), n_sheets > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_drop_down), n_sheets > 1 && choose);
  for (guint s = 0; s < n_sheets; s++)
    g_strv_builder_add (names, upr_table_get_sheet_name (self->table, s));
  strv = g_strv_builder_end (names);
  self->filling = TRUE;
  gtk_string_list_splice (self->sheet_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sheet_names)),
                          (const char * const *) strv);
  gtk_drop_down_set_selected (self->sheet_drop_down, sheet);
  self->filling = FALSE;

  if (n_sheets > 1 && !choose)
    /* Translators: the sheet of a workbook where the recommendations were found, as in
     * "“Sheet 1” (1 of 3), where Upright found the recommendations". */
    where = g_strdup_printf (_("“%s” (%u of %u), where Upright found the recommendations"),
                             upr_table_get_sheet_name (self->table, sheet), sheet + 1,
                             n_sheets);
  show_label (self->sheet_label, where);
}

static void
fill_text_options (UprImportAssistant *self)
{
  gboolean text = upr_table_get_format (self->table) == UPR_TABLE_FORMAT_CSV;
  const char *encoding = text ? upr_table_get_encoding (self->table) : NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  gtk_widget_set_visible (GTK_WIDGET (self->encoding_title), text);
  gtk_widget_set_visible (self->text_options, text);
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_hint),
                          text && !upr_table_get_encoding_certain (self->table));
  if (!text)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (g_ascii_strcasecmp (encodings[i].id, encoding) == 0)
      selected = i;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->encoding_drop_down, selected);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (separators[i] == upr_table_get_separator (self->table))
      gtk_drop_down_set_selected (self->separator_drop_down, i);
  self->filling = FALSE;
}

static void
fill_format_page (UprImportAssistant *self)
{
  g_autofree char *name = file_display_name (self->file);
  g_autofree char *format = NULL;

  gtk_label_set_text (self->file_label, name);
  /* Translators: what Upright made of a file: its layout, then its kind, as in "UPR Info
   * database export — Excel workbook (.xls)". */
  format = g_strdup_printf (_("%s — %s"), upr_import_assistant_job_get_layout_label (self->job),
                            describe_table_format (self->table));
  gtk_label_set_text (self->format_label, format);
  show_label (self->format_error, NULL);
  fill_sheets (self);
  fill_text_options (self);
  fill_table_view (self);
}

/* The Columns step */

static void
refresh_column_rows (UprImportAssistant *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (UPR_IS_IMPORT_ASSISTANT_COLUMN_ROW (child))
      {
        UprImportAssistantColumnRow *row = UPR_IMPORT_ASSISTANT_COLUMN_ROW (child);
        guint column = upr_import_assistant_column_row_get_column (row);

        upr_import_assistant_column_row_set_field (
          row, upr_import_assistant_job_get_field (self->job, column));
      }
}

static void
update_columns_intro (UprImportAssistant *self)
{
  guint n_unplaced = 0;
  g_autofree char *text = NULL;

  for (guint c = 0; c < upr_import_assistant_job_get_n_columns (self->job); c++)
    n_unplaced += upr_import_assistant_job_get_field (self->job, c) == 0;
  if (n_unplaced == 0)
    text = g_strdup (_("Each column goes to the field chosen beside it. Choose “Left out” for "
                       "a column that should not be imported."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Upright found no field for %u column, marked below: "
                                         "choose one, or “Left out”.",
                                         "Upright found no field for %u columns, marked "
                                         "below: choose one for each, or “Left out”.",
                                         n_unplaced),
                            n_unplaced);
  gtk_label_set_text (self->columns_intro, text);
}

static void
column_field_changed_cb (UprImportAssistant          *self,
                         guint                        field,
                         UprImportAssistantColumnRow *row)
{
  upr_import_assistant_job_set_field (self->job, upr_import_assistant_column_row_get_column (row),
                                      field);
  self->checked = FALSE;
  show_label (self->columns_error, NULL);
  /* A field goes to one column: the column that had it before is now unplaced. */
  refresh_column_rows (self);
  update_columns_intro (self);
}

static void
fill_column_rows (UprImportAssistant *self)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  upr_form_clear_list_box (self->columns_list);
  for (guint f = 0; f < upr_import_assistant_job_get_n_fields (self->job); f++)
    g_strv_builder_add (labels, upr_import_assistant_job_get_field_label (self->job, f));
  strv = g_strv_builder_end (labels);
  g_clear_object (&self->fields);
  self->fields = gtk_string_list_new ((const char * const *) strv);

  for (guint c = 0; c < upr_import_assistant_job_get_n_columns (self->job); c++)
    {
      g_autofree char *samples = upr_import_assistant_job_get_samples (self->job, c, N_SAMPLES);
      UprImportAssistantColumnRow *row;

      row = upr_import_assistant_column_row_new (
        c, upr_import_assistant_job_get_column_name (self->job, c), samples,
        G_LIST_MODEL (self->fields), upr_import_assistant_job_get_field (self->job, c));
      g_signal_connect_object (row, "field-changed", G_CALLBACK (column_field_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->columns_list, GTK_WIDGET (row));
    }
  update_columns_intro (self);
}

static void
select_country (UprImportAssistant *self,
                const char         *code)
{
  GListModel *countries = gtk_drop_down_get_model (self->country_drop_down);
  guint n = countries != NULL ? g_list_model_get_n_items (countries) : 0;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->country_drop_down, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; code != NULL && i < n; i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (countries, i);

      if (g_ascii_strcasecmp (upr_country_get_code (country), code) == 0)
        {
          gtk_drop_down_set_selected (self->country_drop_down, i);
          break;
        }
    }
  self->filling = FALSE;
}

static void
fill_review_fields (UprImportAssistant *self)
{
  gboolean country = upr_import_assistant_job_needs_country (self->job);
  gboolean session = upr_import_assistant_job_needs_session (self->job);
  gboolean from_file = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->country_title), country);
  gtk_widget_set_visible (GTK_WIDGET (self->country_drop_down), country);
  gtk_widget_set_visible (GTK_WIDGET (self->country_hint), country);
  if (country)
    {
      const char *code = upr_import_assistant_job_get_country (self->job, &from_file);

      select_country (self, code);
      gtk_label_set_text (self->country_hint,
                          code == NULL ? _("The file does not name it: choose it.")
                            : from_file ? _("Found in the file’s name or title: check it.")
                            : "");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->session_title), session);
  gtk_widget_set_visible (GTK_WIDGET (self->session_spin), session);
  gtk_widget_set_visible (GTK_WIDGET (self->session_hint), session);
  if (session)
    {
      int value = upr_import_assistant_job_get_session (self->job, &from_file);

      self->filling = TRUE;
      gtk_spin_button_set_value (self->session_spin, value);
      self->filling = FALSE;
      gtk_label_set_text (self->session_hint,
                          value == 0 ? _("The file does not say: give the Working Group’s "
                                         "session (1, 2, … 48).")
                            : from_file ? _("Found in the file’s name or title: check it.")
                            : "");
    }
}

static void
fill_registration (UprImportAssistant *self)
{
  gboolean participants = !is_recommendations (self);

  gtk_widget_set_visible (GTK_WIDGET (self->registration_title), participants);
  gtk_widget_set_visible (GTK_WIDGET (self->registration_drop_down), participants);
  gtk_widget_set_visible (GTK_WIDGET (self->registration_hint), participants);
  if (!participants)
    return;
  self->filling = TRUE;
  upr_form_set_vocab_id (self->registration_drop_down,
                         upr_import_assistant_job_get_registration (self->job));
  self->filling = FALSE;
}

static void
fill_columns_page (UprImportAssistant *self)
{
  show_label (self->columns_error, NULL);
  fill_review_fields (self);
  fill_registration (self);
  fill_column_rows (self);
}

/* The Check step */

static char *
describe_counts (const UprImportCounts *counts,
                 gboolean               done)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  /* Labelled numbers rather than sentences: no plural to get wrong in any language. */
  g_ptr_array_add (parts, g_strdup_printf (_("Rows read: %u"), counts->n_rows));
  g_ptr_array_add (parts, g_strdup_printf (_("New: %u"), counts->n_new));
  g_ptr_array_add (parts, g_strdup_printf (done ? _("Updated: %u") : _("To update: %u"),
                                           counts->n_updated));
  g_ptr_array_add (parts, g_strdup_printf (_("Unchanged: %u"), counts->n_unchanged));
  g_ptr_array_add (parts, g_strdup_printf (_("Skipped: %u"), counts->n_skipped));
  g_ptr_array_add (parts, g_strdup_printf (_("Warnings: %u"), counts->n_warnings));
  if (counts->n_errors > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("Errors: %u"), counts->n_errors));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between counts, as in "New: 5 · Skipped: 2". */
  joined = g_strjoinv (_(" · "), (char **) parts->pdata);
  return g_steal_pointer (&joined);
}

static void
fill_issues (GListStore *store,
             GListModel *issues,
             gboolean    errors)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(UprImportAssistantIssue) issue = g_list_model_get_item (issues, i);

      if (errors || upr_import_assistant_issue_get_severity (issue) != UPR_IMPORT_SEVERITY_ERROR)
        g_ptr_array_add (items, g_steal_pointer (&issue));
    }
  /* One splice: the view sees one change, whatever the number of problems. */
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static void
fill_report (UprImportAssistant *self)
{
  UprImportCounts counts;
  g_autoptr(GListModel) issues = upr_import_assistant_job_get_issues (self->job);
  g_autofree char *text = NULL;
  g_autofree char *report = NULL;
  guint n_issues = g_list_model_get_n_items (issues);

  upr_import_assistant_job_get_counts (self->job, &counts);
  text = describe_counts (&counts, FALSE);
  gtk_label_set_text (self->counts_label, text);
  self->blocked = counts.n_errors > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_label), self->blocked);
  fill_issues (self->issues, issues, TRUE);
  report = n_issues == 0 ? g_strdup (_("No problems found"))
                         : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem found",
                                                         "%u problems found", n_issues),
                                            n_issues);
  gtk_label_set_text (self->report_title, report);
  gtk_widget_set_visible (self->issues_frame, n_issues > 0);
  gtk_label_set_text (self->preview_title,
                      is_recommendations (self)
                        ? _("The first recommendations as they will be imported")
                        : _("The first participants as they will be recorded"));
  fill_preview_view (self);
}

/* Running: the dry run of the Check step and the import, in slices of the main loop */

static void
stop_run (UprImportAssistant *self)
{
  g_clear_handle_id (&self->run_id, g_source_remove);
  if (self->run != RUN_NONE && self->job != NULL)
    upr_import_assistant_job_cancel (self->job);
  self->run = RUN_NONE;
}

static void
fill_summary (UprImportAssistant *self)
{
  UprImportCounts counts;
  g_autoptr(GListModel) issues = upr_import_assistant_job_get_issues (self->job);
  g_autofree char *more = upr_import_assistant_job_describe_more (self->job);
  g_autofree char *number = NULL;
  gboolean any = g_list_model_get_n_items (issues) > 0;

  upr_import_assistant_job_get_counts (self->job, &counts);
  gtk_label_set_text (self->summary_title,
                      is_recommendations (self) ? _("The recommendations were imported")
                                                : _("The participants were imported"));
  show_label (self->summary_more, more);
#define SET_COUNT(label, value) \
  number = g_strdup_printf ("%u", value); \
  gtk_label_set_text (label, number); \
  g_clear_pointer (&number, g_free)
  SET_COUNT (self->new_count, counts.n_new);
  SET_COUNT (self->updated_count, counts.n_updated);
  SET_COUNT (self->unchanged_count, counts.n_unchanged);
  SET_COUNT (self->skipped_count, counts.n_skipped);
#undef SET_COUNT
  fill_issues (self->summary_issues, issues, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_report_title), any);
  gtk_widget_set_visible (self->summary_report, any);
  gtk_widget_set_visible (GTK_WIDGET (self->show_button),
                          upr_import_assistant_job_get_result_country (self->job) != NULL);
}

static void
run_done (UprImportAssistant *self,
          Run                 run)
{
  if (run == RUN_CHECK)
    {
      self->checked = TRUE;
      fill_report (self);
      gtk_stack_set_visible_child_name (self->check_stack, "report");
      update_buttons (self);
      focus_step (self);
      return;
    }
  fill_summary (self);
  show_step (self, STEP_SUMMARY);
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
run_failed (UprImportAssistant *self,
            Run                 run,
            const GError       *error)
{
  if (run == RUN_IMPORT)
    {
      show_error (self, _("The Import Failed"), error->message);
      return;
    }
  /* The dry run could not even start or stopped: what it says blocks the import. */
  self->checked = TRUE;
  fill_report (self);
  self->blocked = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_label), TRUE);
  show_label (self->check_message, error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->check_message), "error");
  gtk_stack_set_visible_child_name (self->check_stack, "report");
  update_buttons (self);
}

static void
set_run_progress (UprImportAssistant *self,
                  double              fraction)
{
  gtk_progress_bar_set_fraction (self->run == RUN_CHECK ? self->check_progress
                                                        : self->import_progress,
                                 fraction);
}

static gboolean
run_tick_cb (gpointer data)
{
  UprImportAssistant *self = data;
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;
  g_autoptr(GError) error = NULL;
  gboolean finished = FALSE;
  Run run = self->run;

  do
    {
      if (!upr_import_assistant_job_step (self->job, ROWS_PER_STEP, &finished, &error))
        break;
    }
  while (!finished && g_get_monotonic_time () < deadline);

  if (error == NULL && !finished)
    {
      set_run_progress (self, upr_import_assistant_job_get_progress (self->job));
      return G_SOURCE_CONTINUE;
    }
  self->run_id = 0;
  if (error == NULL)
    {
      set_run_progress (self, 1.0);
      /* Still running while it commits: the store's "changed" signals reach the lists this
       * window shows (the countries), which must not touch the import meanwhile. */
      upr_import_assistant_job_finish (self->job, &error);
    }
  self->run = RUN_NONE;
  if (error != NULL)
    run_failed (self, run, error);
  else
    run_done (self, run);
  return G_SOURCE_REMOVE;
}

static void
start_run (UprImportAssistant *self,
           Run                 run)
{
  g_autoptr(GError) error = NULL;

  stop_run (self);
  set_run_progress (self, 0.0);
  if (!upr_import_assistant_job_start (self->job, run == RUN_CHECK, &error))
    {
      run_failed (self, run, error);
      return;
    }
  self->run = run;
  /* Below redraw priority: the window draws between slices. */
  self->run_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_tick_cb, self, NULL);
  update_buttons (self);
}

static void
start_check (UprImportAssistant *self)
{
  show_label (self->check_message, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_message), "error");
  self->checked = FALSE;
  self->blocked = FALSE;
  gtk_stack_set_visible_child_name (self->check_stack, "checking");
  show_step (self, STEP_CHECK);
  start_run (self, RUN_CHECK);
}

/* Reading the file */

typedef struct
{
  GFile          *file;
  UprTableOptions options;
  char           *encoding;
  gboolean        has_options;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->file);
  g_free (data->encoding);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  UprTable *table;

  data->options.encoding = data->encoding;
  table = upr_table_read (data->file, data->has_options ? &data->options : NULL, cancellable,
                          &error);
  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, g_object_unref);
}

static gboolean
make_job (UprImportAssistant *self,
          UprTable           *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  UprImportAssistantJob *job;

  job = upr_import_assistant_job_new (self->kind, get_store (self), table, name,
                                      self->workshop_id, &error);
  if (job == NULL)
    {
      show_error (self, _("This File Cannot Be Imported"), error->message);
      return FALSE;
    }
  g_set_object (&self->table, table);
  g_clear_object (&self->job);
  self->job = job;
  self->checked = FALSE;
  return TRUE;
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (source);
  g_autoptr(UprTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gboolean again = GPOINTER_TO_INT (user_data);

  table = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_error_matches (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  gtk_spinner_stop (self->reading_spinner);
  gtk_stack_set_visible_child_name (self->choose_stack, "button");

  if (table == NULL && again)
    {
      /* Another encoding or separator that does not fit: say so where it was chosen, and
       * keep the choice open. */
      g_clear_object (&self->job);
      set_table_model (self->table_view, G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT)));
      show_label (self->format_error, error->message);
      update_buttons (self);
      return;
    }
  if (table == NULL)
    {
      show_error (self, _("This File Cannot Be Imported"), error->message);
      return;
    }
  /* Upright's own matrix, filled in by a partner and sent back, is not imported but compared:
   * its own dialog shows the changes to apply. */
  if (is_recommendations (self) && upr_matrix_return_recognise (table))
    {
      upr_matrix_return_dialog_present (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                        self->context, self->file);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (!make_job (self, table))
    return;
  fill_format_page (self);
  fill_columns_page (self);
  if (self->step != STEP_FORMAT)
    show_step (self, STEP_FORMAT);
  update_buttons (self);
}

static void
start_reading (UprImportAssistant    *self,
               const UprTableOptions *options)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data = g_new0 (ReadData, 1);
  g_autofree char *name = file_display_name (self->file);
  g_autofree char *reading = NULL;

  stop_run (self);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();

  data->file = g_object_ref (self->file);
  data->has_options = options != NULL;
  if (options != NULL)
    {
      data->encoding = g_strdup (options->encoding);
      data->options.separator = options->separator;
    }
  task = g_task_new (self, self->reading, read_done_cb, GINT_TO_POINTER (options != NULL));
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);

  if (options != NULL)
    {
      /* Read again on the Format step, which stays (Next waits): another choice meanwhile
       * cancels this reading. */
      update_buttons (self);
      return;
    }
  /* Translators: %s is a file name. */
  reading = g_strdup_printf (_("Reading “%s”…"), name);
  gtk_label_set_text (self->reading_label, reading);
  gtk_spinner_start (self->reading_spinner);
  gtk_stack_set_visible_child_name (self->choose_stack, "reading");
  show_step (self, STEP_CHOOSE);
}

/* Signal callbacks */

static void
text_option_selected_cb (UprImportAssistant *self)
{
  guint encoding = gtk_drop_down_get_selected (self->encoding_drop_down);
  guint separator = gtk_drop_down_get_selected (self->separator_drop_down);
  UprTableOptions options = { NULL, 0 };

  if (self->filling || self->file == NULL || self->step != STEP_FORMAT)
    return;
  if (encoding < G_N_ELEMENTS (encodings))
    options.encoding = encodings[encoding].id;
  if (separator < G_N_ELEMENTS (separators))
    options.separator = separators[separator];
  /* The file as it was read already: nothing to read again. */
  if (self->table != NULL && self->job != NULL && options.encoding != NULL
      && g_ascii_strcasecmp (options.encoding, upr_table_get_encoding (self->table)) == 0
      && options.separator == upr_table_get_separator (self->table))
    return;
  start_reading (self, &options);
}

static void
sheet_selected_cb (UprImportAssistant *self)
{
  guint sheet = gtk_drop_down_get_selected (self->sheet_drop_down);

  /* Refilling the list of sheets notifies again, later: only a new choice counts. */
  if (self->filling || self->job == NULL || sheet == GTK_INVALID_LIST_POSITION
      || !upr_import_assistant_job_can_choose_sheet (self->job)
      || sheet == upr_import_assistant_job_get_sheet (self->job))
    return;
  upr_import_assistant_job_set_sheet (self->job, sheet);
  self->checked = FALSE;
  fill_format_page (self);
  fill_columns_page (self);
}

static void
country_selected_cb (UprImportAssistant *self)
{
  UprCountry *country = gtk_drop_down_get_selected_item (self->country_drop_down);

  /* Only the user's choice on this step: the list of countries is refilled when the store
   * changes, and says so later. */
  if (self->filling || self->job == NULL || country == NULL || self->step != STEP_COLUMNS)
    return;
  upr_import_assistant_job_set_country (self->job, upr_country_get_code (country));
  gtk_label_set_text (self->country_hint, "");
  show_label (self->columns_error, NULL);
  self->checked = FALSE;
}

static void
session_changed_cb (UprImportAssistant *self)
{
  if (self->filling || self->job == NULL || self->step != STEP_COLUMNS)
    return;
  upr_import_assistant_job_set_session (self->job, gtk_spin_button_get_value_as_int (
                                                     self->session_spin));
  gtk_label_set_text (self->session_hint, "");
  show_label (self->columns_error, NULL);
  self->checked = FALSE;
}

static void
registration_selected_cb (UprImportAssistant *self)
{
  const char *id = upr_form_get_vocab_id (self->registration_drop_down);

  if (self->filling || self->job == NULL || id == NULL || self->step != STEP_COLUMNS)
    return;
  upr_import_assistant_job_set_registration (self->job, id);
  self->checked = FALSE;
}

static void
chooser_response_cb (UprImportAssistant   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    upr_import_assistant_open_file (self, file);
}

static gboolean
drop_cb (UprImportAssistant *self,
         const GValue       *value,
         double              x,
         double              y)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL || self->run == RUN_IMPORT)
    return FALSE;
  upr_import_assistant_open_file (self, files->data);
  return TRUE;
}

/* Actions */

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (widget);
  static const char * const tables[] = { "*.xls", "*.xlsx", "*.csv", "*.tsv", "*.txt",
                                         "*.XLS", "*.XLSX", "*.CSV", "*.TSV", "*.TXT",
                                         "*.docx", "*.DOCX", NULL };
  static const char * const spreadsheets[] = { "*.xls", "*.xlsx", "*.XLS", "*.XLSX", NULL };
  static const char * const text[] = { "*.csv", "*.tsv", "*.txt", "*.CSV", "*.TSV", "*.TXT",
                                       NULL };
  static const char * const word[] = { "*.docx", "*.DOCX", NULL };
  static const char * const all[] = { "*", NULL };
  GtkFileChooser *chooser;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a File to Import"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  /* Word documents hold recommendations (OHCHR's thematic lists), not participants. */
  add_filter (chooser, is_recommendations (self) ? _("Spreadsheets, tables and Word documents")
                                                 : _("Spreadsheets and tables"),
              is_recommendations (self) ? tables : spreadsheets);
  if (!is_recommendations (self))
    gtk_file_filter_add_pattern (gtk_file_chooser_get_filter (chooser), "*.csv");
  add_filter (chooser, _("Excel workbooks (.xls, .xlsx)"), spreadsheets);
  add_filter (chooser, _("Text tables (.csv, .tsv, .txt)"), text);
  if (is_recommendations (self))
    add_filter (chooser, _("Word documents (.docx)"), word);
  add_filter (chooser, _("All files"), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (widget);
  g_autoptr(GError) error = NULL;

  switch (self->step)
    {
    case STEP_FORMAT:
      show_step (self, STEP_COLUMNS);
      break;
    case STEP_COLUMNS:
      if (!upr_import_assistant_job_check (self->job, &error))
        {
          show_label (self->columns_error, error->message);
          return;
        }
      start_check (self);
      break;
    case STEP_CHECK:
      gtk_progress_bar_set_fraction (self->import_progress, 0.0);
      show_step (self, STEP_IMPORT);
      start_run (self, RUN_IMPORT);
      break;
    case STEP_SUMMARY:
      gtk_window_close (GTK_WINDOW (self));
      break;
    case STEP_CHOOSE:
    case STEP_ERROR:
    case STEP_IMPORT:
    default:
      break;
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (widget);

  switch (self->step)
    {
    case STEP_ERROR:
    case STEP_FORMAT:
      show_step (self, STEP_CHOOSE);
      break;
    case STEP_COLUMNS:
      show_step (self, STEP_FORMAT);
      break;
    case STEP_CHECK:
      /* A dry run in progress is abandoned (rolled back). */
      stop_run (self);
      show_step (self, STEP_COLUMNS);
      break;
    case STEP_CHOOSE:
    case STEP_IMPORT:
    case STEP_SUMMARY:
    default:
      break;
    }
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (widget);

  if (self->run == RUN_IMPORT)
    {
      /* Rolled back: the database is as it was. The report of the check still holds. */
      stop_run (self);
      show_label (self->check_message, _("The import was cancelled: nothing was changed."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->check_message), "error");
      show_step (self, STEP_CHECK);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
show_result_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (widget);
  const char *country = self->job != NULL
                          ? upr_import_assistant_job_get_result_country (self->job) : NULL;

  if (country != NULL)
    g_signal_emit (self, signals[SHOW_COUNTRY], 0, country);
  gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/upr_info/Upright/upr-import-assistant.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
upr_import_assistant_constructed (GObject *object)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (object);

  G_OBJECT_CLASS (upr_import_assistant_parent_class)->constructed (object);

  g_assert (UPR_IS_CONTEXT (self->context));
  gtk_label_set_text (self->title_label, is_recommendations (self)
                                           ? _("Import Recommendations")
                                           : _("Import Participants"));
  gtk_window_set_title (GTK_WINDOW (self), gtk_label_get_text (self->title_label));
  gtk_label_set_text (self->choose_description,
                      is_recommendations (self)
                        ? _("Upright reads UPR Info database exports (.xls, .csv), OHCHR "
                            "thematic lists of recommendations (.docx), Universal Human Rights "
                            "Index exports (.xlsx) and any table whose columns are named.")
                        : _("Upright reads registration lists and online meeting attendance "
                            "reports (Zoom, Teams) saved as CSV or Excel workbooks, with "
                            "English or French column names."));
  gtk_drop_down_set_model (self->country_drop_down, upr_context_get_countries (self->context));
  select_country (self, NULL);
  show_step (self, STEP_CHOOSE);
}

static gboolean
upr_import_assistant_close_request (GtkWindow *window)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (window);

  /* Closing in the middle rolls the import back: nothing is half-imported. */
  stop_run (self);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  return GTK_WINDOW_CLASS (upr_import_assistant_parent_class)->close_request (window);
}

static void
upr_import_assistant_dispose (GObject *object)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (object);

  stop_run (self);
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_IMPORT_ASSISTANT);
  g_clear_object (&self->job);
  g_clear_object (&self->table);
  g_clear_object (&self->file);
  g_clear_object (&self->fields);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (upr_import_assistant_parent_class)->dispose (object);
}

static void
upr_import_assistant_finalize (GObject *object)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (object);

  g_free (self->workshop_id);

  G_OBJECT_CLASS (upr_import_assistant_parent_class)->finalize (object);
}

static void
upr_import_assistant_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_WORKSHOP_ID:
      g_value_set_string (value, self->workshop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_import_assistant_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UprImportAssistant *self = UPR_IMPORT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_WORKSHOP_ID:
      self->workshop_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_import_assistant_class_init (UprImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = upr_import_assistant_constructed;
  object_class->dispose = upr_import_assistant_dispose;
  object_class->finalize = upr_import_assistant_finalize;
  object_class->get_property = upr_import_assistant_get_property;
  object_class->set_property = upr_import_assistant_set_property;
  window_class->close_request = upr_import_assistant_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, UPR_IMPORT_KIND_RECOMMENDATIONS,
                      UPR_IMPORT_KIND_PARTICIPANTS, UPR_IMPORT_KIND_RECOMMENDATIONS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSHOP_ID] =
    g_param_spec_string ("workshop-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_COUNTRY] = g_signal_new ("show-country", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_STRING);

  g_type_ensure (UPR_TYPE_IMPORT_ASSISTANT_ISSUE);
  g_type_ensure (UPR_TYPE_COUNTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-import-assistant.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, UprImportAssistant, name)
  BIND (title_label);
  BIND (step_label);
  BIND (cancel_button);
  BIND (back_button);
  BIND (next_button);
  BIND (pages);
  BIND (choose_description);
  BIND (choose_stack);
  BIND (reading_spinner);
  BIND (reading_label);
  BIND (choose_button);
  BIND (error_title);
  BIND (error_file);
  BIND (error_message);
  BIND (error_button);
  BIND (file_label);
  BIND (format_label);
  BIND (sheet_title);
  BIND (sheet_drop_down);
  BIND (sheet_names);
  BIND (sheet_label);
  BIND (encoding_title);
  BIND (text_options);
  BIND (encoding_drop_down);
  BIND (encoding_names);
  BIND (separator_drop_down);
  BIND (encoding_hint);
  BIND (format_error);
  BIND (table_view);
  BIND (columns_intro);
  BIND (country_title);
  BIND (country_drop_down);
  BIND (country_hint);
  BIND (session_title);
  BIND (session_spin);
  BIND (session_hint);
  BIND (registration_title);
  BIND (registration_drop_down);
  BIND (registration_hint);
  BIND (columns_error);
  BIND (columns_list);
  BIND (check_stack);
  BIND (check_progress);
  BIND (check_message);
  BIND (counts_label);
  BIND (blocked_label);
  BIND (preview_title);
  BIND (preview_view);
  BIND (report_title);
  BIND (issues_frame);
  BIND (issues);
  BIND (import_progress);
  BIND (summary_title);
  BIND (summary_more);
  BIND (new_count);
  BIND (updated_count);
  BIND (unchanged_count);
  BIND (skipped_count);
  BIND (show_button);
  BIND (summary_report_title);
  BIND (summary_report);
  BIND (summary_issues);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, text_option_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sheet_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, registration_selected_cb);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "assistant.choose-file", NULL,
                                   choose_file_action);
  gtk_widget_class_install_action (widget_class, "assistant.show-result", NULL,
                                   show_result_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assistant.cancel", NULL);
}

static void
upr_import_assistant_init (UprImportAssistant *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  load_style ();

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (self->encoding_names, _(encodings[i].label));
  upr_form_setup_vocab_drop_down (self->registration_drop_down, UPR_VOCAB_REGISTRATION, NULL);
  upr_form_add_drop_down_keys (self->encoding_drop_down);
  upr_form_add_drop_down_keys (self->separator_drop_down);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Public API */

UprImportAssistant *
upr_import_assistant_new (GtkWindow     *parent,
                          UprContext    *context,
                          UprImportKind  kind,
                          const char    *workshop_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (kind == UPR_IMPORT_KIND_RECOMMENDATIONS || workshop_id != NULL, NULL);

  return g_object_new (UPR_TYPE_IMPORT_ASSISTANT,
                       "transient-for", parent,
                       "context", context,
                       "kind", kind,
                       "workshop-id", workshop_id,
                       NULL);
}

void
upr_import_assistant_open_file (UprImportAssistant *self,
                                GFile              *file)
{
  g_return_if_fail (UPR_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->run != RUN_IMPORT);

  g_set_object (&self->file, file);
  g_clear_object (&self->job);
  g_clear_object (&self->table);
  start_reading (self, NULL);
}

const char *
upr_import_assistant_get_step (UprImportAssistant *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT (self), NULL);

  return step_names[self->step];
}

gboolean
upr_import_assistant_is_busy (UprImportAssistant *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT (self), FALSE);

  return self->reading != NULL || self->run != RUN_NONE;
}

UprImportAssistantJob *
upr_import_assistant_get_job (UprImportAssistant *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT (self), NULL);

  return self->job;
}
