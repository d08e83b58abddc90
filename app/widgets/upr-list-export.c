/* upr-list-export.c: any list of the window as CSV; see the header.
 *
 * GTK 4.8's column view cannot say what a cell shows (its factories make widgets), so each
 * column's text comes from an expression: the list's kind knows its columns (the matrix
 * page's does), or the column sorts by an expression, which is the text it shows (the
 * participant list's). A column nobody can read is refused rather than written empty.
 *
 * The window learns which list is on screen from the lists themselves: an attached view
 * adds itself to its window's list of mapped views when mapped and leaves it when unmapped,
 * which is exactly when a stack page, a tab or an empty-list placeholder hides it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-list-export.h"

#include "upr-country.h"
#include "upr-csv-writer.h"
#include "upr-participant.h"
#include "upr-person.h"
#include "upr-record.h"

typedef struct
{
  GListModel              *rows; /* owned; NULL: the view's model */
  const UprListExportKind *kind;
} Attachment;

/* One CSV export on its way through the dialogs. */
typedef struct
{
  GtkColumnView *view;
  GtkWindow     *parent; /* weak */
} Job;

#define OPEN_FOLDER_RESPONSE 1

static GQuark
attachment_quark (void)
{
  return g_quark_from_static_string ("upr-list-export");
}

static GQuark
mapped_quark (void)
{
  return g_quark_from_static_string ("upr-list-export-mapped");
}

static GQuark
folder_quark (void)
{
  return g_quark_from_static_string ("upr-export-folder");
}

/* Helpers */

/* Dialogs remember the last folder with the main window, so that the next dialog starts
 * there too. */
static GtkWindow *
main_window (GtkWindow *window)
{
  while (gtk_window_get_transient_for (window) != NULL)
    window = gtk_window_get_transient_for (window);
  return window;
}

static void
attachment_free (gpointer data)
{
  Attachment *attachment = data;

  g_clear_object (&attachment->rows);
  g_free (attachment);
}

static Attachment *
get_attachment (GtkColumnView *view)
{
  return g_object_get_qdata (G_OBJECT (view), attachment_quark ());
}

static GListModel *
rows_of (GtkColumnView *view)
{
  Attachment *attachment = get_attachment (view);

  return attachment->rows != NULL ? attachment->rows
                                  : G_LIST_MODEL (gtk_column_view_get_model (view));
}

static gboolean
may_leave (const Attachment *attachment,
           gpointer          item)
{
  return attachment->kind->include_row == NULL || attachment->kind->include_row (item);
}

static GtkExpression *
column_expression (const Attachment    *attachment,
                   GtkColumnViewColumn *column)
{
  GtkSorter *sorter = gtk_column_view_column_get_sorter (column);
  GtkExpression *expression = NULL;

  if (attachment->kind->column_text != NULL
      && (expression = attachment->kind->column_text (column)) != NULL)
    return expression;
  if (GTK_IS_STRING_SORTER (sorter))
    expression = gtk_string_sorter_get_expression (GTK_STRING_SORTER (sorter));
  else if (GTK_IS_NUMERIC_SORTER (sorter))
    expression = gtk_numeric_sorter_get_expression (GTK_NUMERIC_SORTER (sorter));
  return expression != NULL ? gtk_expression_ref (expression) : NULL;
}

static char *
evaluate (GtkExpression *expression,
          gpointer       item)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  if (!gtk_expression_evaluate (expression, item, &value))
    return NULL;
  if (G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  g_value_init (&text, G_TYPE_STRING);
  return g_value_transform (&value, &text) ? g_value_dup_string (&text) : NULL;
}

/* The visible columns in the order shown, with their expressions; FALSE (and nothing
 * written) when one of them cannot be read. */
static gboolean
read_columns (GtkColumnView *view,
              GPtrArray     *titles,
              GPtrArray     *expressions,
              GError       **error)
{
  Attachment *attachment = get_attachment (view);
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);
      GtkExpression *expression;

      if (!gtk_column_view_column_get_visible (column))
        continue;
      expression = column_expression (attachment, column);
      if (expression == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The column “%s” cannot be exported. Hide it and try again."),
                       title != NULL ? title : "");
          return FALSE;
        }
      g_ptr_array_add (titles, (gpointer) (title != NULL ? title : ""));
      g_ptr_array_add (expressions, expression);
    }
  if (titles->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The list shows no column to export."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_rows (GtkColumnView *view,
            UprCsvWriter  *writer,
            GPtrArray     *expressions,
            guint         *n_rows,
            GError       **error)
{
  Attachment *attachment = get_attachment (view);
  GListModel *rows = rows_of (view);
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_full (expressions->len, g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (!may_leave (attachment, item))
        continue;
      g_ptr_array_set_size (cells, 0);
      for (guint c = 0; c < expressions->len; c++)
        g_ptr_array_add (cells, evaluate (g_ptr_array_index (expressions, c), item));
      if (!upr_csv_writer_add_row (writer, (const char * const *) cells->pdata, cells->len, error))
        return FALSE;
      (*n_rows)++;
    }
  return TRUE;
}

/* Which list is on screen */

static GPtrArray *
mapped_views (GtkWidget *window)
{
  GPtrArray *views = g_object_get_qdata (G_OBJECT (window), mapped_quark ());

  if (views == NULL)
    {
      views = g_ptr_array_new ();
      g_object_set_qdata_full (G_OBJECT (window), mapped_quark (), views,
                               (GDestroyNotify) g_ptr_array_unref);
    }
  return views;
}

static void
update_action (GtkWidget *window)
{
  GAction *action;

  if (!G_IS_ACTION_MAP (window))
    return;
  action = g_action_map_lookup_action (G_ACTION_MAP (window), "export-csv");
  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), mapped_views (window)->len > 0);
}

static void
view_mapped_cb (GtkWidget *view)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (view));
  GPtrArray *views;

  if (!GTK_IS_WINDOW (window))
    return;
  views = mapped_views (window);
  g_ptr_array_remove (views, view);
  g_ptr_array_add (views, view);
  update_action (window);
}

static void
view_unmapped_cb (GtkWidget *view)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (view));

  if (!GTK_IS_WINDOW (window))
    return;
  g_ptr_array_remove (mapped_views (window), view);
  update_action (window);
}

/* The participants */

/* As on the workbook's Participants sheet: only those whose name may appear in reports. */
static gboolean
participant_may_leave (gpointer item)
{
  UprPerson *person;
  const char *scope;

  if (!UPR_IS_PARTICIPANT (item) || (person = upr_participant_get_person (item)) == NULL)
    return FALSE;
  scope = upr_record_get_string (UPR_RECORD (person), "consent-scope");
  return g_strcmp0 (scope, "reports") == 0 || g_strcmp0 (scope, "public") == 0;
}

static const UprListExportKind participants_kind = {
  .name = N_("participants"),
  .personal = TRUE,
  .include_row = participant_may_leave,
};

/* The interaction */

static void
job_free (Job *job)
{
  g_clear_object (&job->view);
  g_clear_weak_pointer (&job->parent);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
show_folder (GtkWindow *parent,
             GFile     *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (folder != NULL ? folder : file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static void
unref_data (gpointer  data,
            GClosure *closure)
{
  g_object_unref (data);
}

static void
result_response_cb (GtkDialog *dialog,
                    int        response,
                    GFile     *file)
{
  if (response == OPEN_FOLDER_RESPONSE)
    show_folder (gtk_window_get_transient_for (GTK_WINDOW (dialog)), file);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
new_message (GtkWindow      *parent,
             GtkMessageType  type,
             GtkButtonsType  buttons,
             const char     *primary,
             const char     *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              type, buttons, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  return dialog;
}

static void
tell (GtkWindow  *parent,
      const char *primary,
      const char *secondary)
{
  GtkWidget *dialog = new_message (parent, GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE, primary,
                                   secondary);

  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tell_saved (GtkWindow *parent,
            GFile     *file,
            guint      n_rows)
{
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *secondary = NULL;
  GtkWidget *dialog;

  secondary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row saved to “%s”.",
                                            "%u rows saved to “%s”.", n_rows),
                               n_rows, path);
  dialog = new_message (parent, GTK_MESSAGE_INFO, GTK_BUTTONS_NONE, _("List exported"),
                        secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("Open _Folder"), OPEN_FOLDER_RESPONSE);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Close"), GTK_RESPONSE_CLOSE);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (result_response_cb),
                         g_object_ref (file), unref_data, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tell_failed (GtkWindow    *parent,
             const GError *error)
{
  g_autofree char *secondary = g_strdup_printf ("%s\n\n%s", error->message,
                                                _("Any earlier file of that name is unchanged."));
  GtkWidget *dialog = new_message (parent, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   _("The list was not saved"), secondary);

  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_chosen_cb (GFile    *file,
                gboolean  semicolons,
                gpointer  data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  if (file == NULL)
    return;
  if (upr_list_export_write (job->view, file, semicolons, &n_rows, &error))
    tell_saved (job->parent, file, n_rows);
  else
    tell_failed (job->parent, error);
}

static void
choose_file (Job *job)
{
  const Attachment *attachment = get_attachment (job->view);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: a file name: the list's name (translated separately) and a date. */
  g_autofree char *name = g_strdup_printf (_("%s-%s.csv"), _(attachment->kind->name), date);

  upr_list_export_ask_file (job->parent, _("Export List"), name, UPR_LIST_EXPORT_FILE_CSV,
                            file_chosen_cb, job, (GDestroyNotify) job_free);
}

static void
confirm_response_cb (GtkDialog *dialog,
                     int        response)
{
  Job *job = g_object_steal_data (G_OBJECT (dialog), "upr-job");

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    choose_file (job);
  else
    job_free (job);
}

/* A list of people leaves only when the officer has read what it means. */
static void
confirm_personal (Job   *job,
                  guint  n_rows,
                  guint  n_shown)
{
  g_autofree char *included = NULL;
  g_autofree char *secondary = NULL;
  GtkWidget *dialog;

  included = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The file will hold the name and the other columns "
                                           "shown of %u person: only the people whose consent "
                                           "allows their name in reports.",
                                           "The file will hold the names and the other columns "
                                           "shown of %u people: only the people whose consent "
                                           "allows their name in reports.",
                                           n_rows),
                              n_rows);
  if (n_shown > n_rows)
    {
      g_autofree char *left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u other person shown is left "
                                                                "out.",
                                                                "%u other people shown are left "
                                                                "out.",
                                                                n_shown - n_rows),
                                                   n_shown - n_rows);
      g_autofree char *both = g_strdup_printf ("%s %s", included, left_out);

      g_free (included);
      included = g_steal_pointer (&both);
    }
  secondary = g_strdup_printf ("%s\n\n%s", included,
                               _("Anyone who has the file can read it. Keep it safe, send it "
                                 "only to people who need it, and delete it when it is no longer "
                                 "needed."));
  dialog = new_message (job->parent, GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                        _("Export personal data?"), secondary);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Export Names…"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  /* Freed with the dialog when it goes without an answer (its window closed). */
  g_object_set_data_full (G_OBJECT (dialog), "upr-job", job, (GDestroyNotify) job_free);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_csv_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkColumnView *view = upr_list_export_get_current (GTK_WINDOW (user_data));

  if (view != NULL)
    upr_list_export_run (view);
}

/* Choosing a file */

typedef struct
{
  GtkWindow              *parent; /* weak */
  GtkFileChooserNative   *chooser;
  UprListExportFileType   type;
  UprListExportFileFunc   callback;
  gpointer                data;
  GDestroyNotify          destroy;
  GFile                  *file;
  gboolean                semicolons;
} Asking;

static void
asking_finish (Asking *asking,
               GFile  *file)
{
  asking->callback (file, asking->semicolons, asking->data);
  if (asking->destroy != NULL)
    asking->destroy (asking->data);
  if (asking->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (asking->chooser));
  g_clear_object (&asking->chooser);
  g_clear_object (&asking->file);
  g_clear_weak_pointer (&asking->parent);
  g_free (asking);
}

static void
asking_cancelled (gpointer data)
{
  asking_finish (data, NULL);
}

static void
replace_response_cb (GtkDialog *dialog,
                     int        response)
{
  Asking *asking = g_object_steal_data (G_OBJECT (dialog), "upr-asking");

  gtk_window_destroy (GTK_WINDOW (dialog));
  asking_finish (asking, response == GTK_RESPONSE_ACCEPT ? asking->file : NULL);
}

static void
confirm_replace (Asking *asking)
{
  g_autofree char *name = g_file_get_basename (asking->file);
  g_autofree char *primary = g_strdup_printf (_("Replace “%s”?"), name);
  GtkWidget *dialog = new_message (asking->parent, GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   primary,
                                   _("A file with this name already exists in this folder. "
                                     "Replacing it overwrites what it holds."));
  GtkWidget *replace;

  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  replace = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Replace"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (replace, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  /* Closed with its parent, without an answer: not replaced. */
  g_object_set_data_full (G_OBJECT (dialog), "upr-asking", asking, asking_cancelled);
  g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
extension_of (UprListExportFileType type)
{
  return type == UPR_LIST_EXPORT_FILE_XLSX ? ".xlsx" : ".csv";
}

/* The file named @chosen, with @extension added when it lacks it (whatever was typed, the
 * file is of the type asked for); TRUE when it was added. */
static GFile *
with_extension (GFile      *chosen,
                const char *extension,
                gboolean   *added)
{
  g_autofree char *name = g_file_get_basename (chosen);
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autofree char *full_name = NULL;
  g_autoptr(GFile) folder = NULL;

  *added = !g_str_has_suffix (lower, extension);
  if (!*added)
    return g_object_ref (chosen);
  full_name = g_strconcat (name, extension, NULL);
  folder = g_file_get_parent (chosen);
  return g_file_get_child (folder, full_name);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Asking          *asking)
{
  g_autoptr(GFile) chosen = NULL;
  const char *separator;
  gboolean added;

  if (response != GTK_RESPONSE_ACCEPT
      || (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    {
      asking_finish (asking, NULL);
      return;
    }
  if (asking->type == UPR_LIST_EXPORT_FILE_CSV)
    {
      separator = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "separator");
      asking->semicolons = g_strcmp0 (separator, "semicolon") == 0;
    }
  if (asking->parent != NULL)
    upr_list_export_set_folder (asking->parent, chosen);

  asking->file = with_extension (chosen, extension_of (asking->type), &added);
  /* The chooser asked before replacing the name typed, but not the one with the extension. */
  if (added && g_file_query_exists (asking->file, NULL))
    confirm_replace (asking);
  else
    asking_finish (asking, asking->file);
}

static void
add_filter (GtkFileChooser        *chooser,
            UprListExportFileType  type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (type == UPR_LIST_EXPORT_FILE_XLSX)
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks (.xlsx)"));
      gtk_file_filter_add_pattern (filter, "*.xlsx");
      gtk_file_filter_add_pattern (filter, "*.XLSX");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files (.csv)"));
      gtk_file_filter_add_pattern (filter, "*.csv");
      gtk_file_filter_add_pattern (filter, "*.CSV");
    }
  gtk_file_chooser_add_filter (chooser, filter);
}

/* Excel splits a CSV on its list separator, which is ";" where the decimal mark is a
 * comma (French and most other locales): the officer says which Excel will read it. */
static void
add_separator_choice (GtkFileChooser *chooser)
{
  const char *ids[] = { "comma", "semicolon", NULL };
  const char *labels[] = { _("Commas (Excel in English)"), _("Semicolons (Excel in French)"),
                           NULL };

  gtk_file_chooser_add_choice (chooser, "separator", _("Separate cells with"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "separator",
                               upr_country_interface_is_french () ? "semicolon" : "comma");
}

/* Public API */

void
upr_list_export_attach (GtkColumnView           *view,
                        GListModel              *rows,
                        const UprListExportKind *kind)
{
  Attachment *attachment;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));
  g_return_if_fail (kind != NULL && kind->name != NULL);
  g_return_if_fail (get_attachment (view) == NULL);

  attachment = g_new0 (Attachment, 1);
  attachment->rows = rows != NULL ? g_object_ref (rows) : NULL;
  attachment->kind = kind;
  g_object_set_qdata_full (G_OBJECT (view), attachment_quark (), attachment, attachment_free);
  g_signal_connect (view, "map", G_CALLBACK (view_mapped_cb), NULL);
  g_signal_connect (view, "unmap", G_CALLBACK (view_unmapped_cb), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (view)))
    view_mapped_cb (GTK_WIDGET (view));
}

void
upr_list_export_attach_participants (GtkColumnView *view,
                                     GListModel    *shown)
{
  g_return_if_fail (G_IS_LIST_MODEL (shown));

  upr_list_export_attach (view, shown, &participants_kind);
}

guint
upr_list_export_count_rows (GtkColumnView *view,
                            guint         *n_shown)
{
  Attachment *attachment;
  GListModel *rows;
  guint n, n_rows = 0;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), 0);
  g_return_val_if_fail ((attachment = get_attachment (view)) != NULL, 0);

  rows = rows_of (view);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      if (may_leave (attachment, item))
        n_rows++;
    }
  if (n_shown != NULL)
    *n_shown = n;
  return n_rows;
}

gboolean
upr_list_export_write (GtkColumnView *view,
                       GFile         *file,
                       gboolean       semicolons,
                       guint         *n_rows,
                       GError       **error)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) expressions = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                     gtk_expression_unref);
  g_autoptr(UprCsvWriter) writer = NULL;
  guint written = 0;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);
  g_return_val_if_fail (get_attachment (view) != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_columns (view, titles, expressions, error))
    return FALSE;
  writer = upr_csv_writer_new (file, semicolons ? UPR_CSV_SEMICOLON : UPR_CSV_DEFAULT, error);
  if (writer == NULL
      || !upr_csv_writer_add_row (writer, (const char * const *) titles->pdata, titles->len,
                                  error)
      || !write_rows (view, writer, expressions, &written, error)
      || !upr_csv_writer_finish (writer, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = written;
  return TRUE;
}

void
upr_list_export_run (GtkColumnView *view)
{
  g_autoptr(Job) job = NULL;
  Attachment *attachment;
  guint n_rows, n_shown;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail ((attachment = get_attachment (view)) != NULL);

  job = g_new0 (Job, 1);
  job->view = g_object_ref (view);
  g_set_weak_pointer (&job->parent, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))));
  n_rows = upr_list_export_count_rows (view, &n_shown);
  if (n_shown == 0)
    tell (job->parent, _("Nothing to export"), _("The list is empty."));
  else if (n_rows == 0)
    tell (job->parent, _("Nothing to export"),
          _("None of the people shown agreed to have their name in reports."));
  else if (attachment->kind->personal)
    confirm_personal (g_steal_pointer (&job), n_rows, n_shown);
  else
    choose_file (g_steal_pointer (&job));
}

void
upr_list_export_install (GtkApplicationWindow *window)
{
  static const GActionEntry entries[] = {
    { "export-csv", export_csv_activated },
  };

  g_return_if_fail (GTK_IS_APPLICATION_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries),
                                   window);
  update_action (GTK_WIDGET (window));
}

GtkColumnView *
upr_list_export_get_current (GtkWindow *window)
{
  GPtrArray *views;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  views = g_object_get_qdata (G_OBJECT (window), mapped_quark ());
  return views != NULL && views->len > 0 ? g_ptr_array_index (views, views->len - 1) : NULL;
}

void
upr_list_export_ask_file (GtkWindow             *parent,
                          const char            *title,
                          const char            *name,
                          UprListExportFileType  type,
                          UprListExportFileFunc  callback,
                          gpointer               data,
                          GDestroyNotify         destroy)
{
  g_autoptr(GFile) folder = NULL;
  GtkFileChooser *chooser;
  Asking *asking;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL && name != NULL && callback != NULL);

  asking = g_new0 (Asking, 1);
  g_set_weak_pointer (&asking->parent, parent);
  asking->type = type;
  asking->callback = callback;
  asking->data = data;
  asking->destroy = destroy;
  asking->chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                 _("_Save"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (asking->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (asking->chooser), TRUE);
  add_filter (chooser, type);
  if (type == UPR_LIST_EXPORT_FILE_CSV)
    add_separator_choice (chooser);
  folder = upr_list_export_get_folder (parent);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect (asking->chooser, "response", G_CALLBACK (chooser_response_cb), asking);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (asking->chooser));
}

GFile *
upr_list_export_get_folder (GtkWindow *window)
{
  GFile *folder = window != NULL ? g_object_get_qdata (G_OBJECT (main_window (window)),
                                                       folder_quark ())
                                 : NULL;
  const char *documents;

  if (folder != NULL)
    return g_object_ref (folder);
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

void
upr_list_export_set_folder (GtkWindow *window,
                            GFile     *file)
{
  GFile *folder;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  if ((folder = g_file_get_parent (file)) != NULL)
    g_object_set_qdata_full (G_OBJECT (main_window (window)), folder_quark (), folder,
                             g_object_unref);
}

void
upr_list_export_show_folder (GtkWindow *parent,
                             GFile     *file)
{
  g_return_if_fail (G_IS_FILE (file));

  show_folder (parent, file);
}
