/* upr-export-dialog.c: "Export Workbook"; see the header.
 *
 * The options are read from the widgets when Export is pressed (upr_export_dialog_build_
 * workbook()), so there is one source of truth. The export keeps the dialog alive until its
 * callback has run: a dialog closed meanwhile (which cancels) only drops its reference then.
 * The writer, not the dialog, guarantees that a failed or cancelled export leaves no broken
 * file and keeps the previous one. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-export-dialog.h"

#include "upr-context.h"
#include "upr-country.h"
#include "upr-fold.h"
#include "upr-list-export.h"
#include "upr-record.h"
#include "upr-search-query.h"
#include "upr-window.h"
#include "upr-workshop.h"

struct _UprExportDialog
{
  GtkWindow           parent_instance;

  /* template widgets */
  GtkButton          *close_button;
  GtkButton          *export_button;
  GtkStack           *stack;
  GtkCheckButton     *workshop_radio;
  GtkCheckButton     *country_radio;
  GtkCheckButton     *countries_radio;
  GtkSearchEntry     *country_search;
  GtkFilterListModel *country_filter_model;
  GtkCustomFilter    *country_filter;
  GtkLabel           *countries_label;
  GtkDropDown        *cycle_drop_down;
  GtkCheckButton     *summary_check;
  GtkCheckButton     *matrix_check;
  GtkCheckButton     *workshops_check;
  GtkCheckButton     *participants_check;
  GtkDropDown        *language_drop_down;
  GtkCheckButton     *aggregate_radio;
  GtkCheckButton     *names_radio;
  GtkLabel           *file_label;
  GtkLabel           *options_hint;
  GtkProgressBar     *progress_bar;
  GtkLabel           *progress_label;
  GtkLabel           *path_label;
  GtkLabel           *counts_label;
  GtkWidget          *warnings_box;
  GtkLabel           *warnings_label;
  GtkImage           *failed_icon;
  GtkLabel           *failed_title;
  GtkLabel           *failed_label;
  GtkButton          *back_button;
  GtkButton          *open_button;

  /* owned */
  UprContext         *context;
  char               *country_code;
  UprWorkshop        *workshop;
  GHashTable         *chosen;       /* codes of the countries ticked in the list */
  GHashTable         *bound_checks; /* the list's check buttons (borrowed) */
  char               *search;       /* folded query of the country list, or NULL */
  GFile              *file;
  UprWorkbook        *workbook;     /* of the running or latest export */
  GCancellable       *cancellable;  /* of the running export */
  UprWorkbookReport  *report;
  GError             *error;
  gboolean            closed;       /* disposed: a late callback only lets go */
};

G_DEFINE_FINAL_TYPE (UprExportDialog, upr_export_dialog, GTK_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_COUNTRY_CODE,
  PROP_WORKSHOP,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The language drop-down's entries, in order. */
static const char * const languages[] = { "en", "fr" };

/* Helpers */

static const char *
workshop_country (UprExportDialog *self)
{
  return self->workshop != NULL ? upr_record_get_string (UPR_RECORD (self->workshop),
                                                         "country-code")
                                : NULL;
}

static gboolean
is_active (GtkCheckButton *button)
{
  return gtk_check_button_get_active (button);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The codes of the countries ticked in the list, sorted. */
static GStrv
scope_countries_chosen (UprExportDialog *self)
{
  guint n = g_hash_table_size (self->chosen);
  GStrv codes = g_new0 (char *, n + 1);
  GHashTableIter iter;
  gpointer code;
  guint i = 0;

  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    codes[i++] = g_strdup (code);
  g_qsort_with_data (codes, n, sizeof (char *), compare_codes, NULL);
  return codes;
}

/* The codes of the countries in scope, sorted; empty when none is chosen. */
static GStrv
scope_countries (UprExportDialog *self)
{
  const char *code = NULL;

  switch (upr_export_dialog_get_scope (self))
    {
    case UPR_EXPORT_SCOPE_WORKSHOP:
      code = workshop_country (self);
      break;
    case UPR_EXPORT_SCOPE_COUNTRY:
      code = self->country_code;
      break;
    case UPR_EXPORT_SCOPE_COUNTRIES:
      return scope_countries_chosen (self);
    default:
      g_assert_not_reached ();
    }
  return code != NULL ? g_strdupv ((char *[]) { (char *) code, NULL }) : g_new0 (char *, 1);
}

static UprWorkbookSheets
chosen_sheets (UprExportDialog *self)
{
  UprWorkbookSheets sheets = 0;

  if (is_active (self->summary_check))
    sheets |= UPR_WORKBOOK_SHEET_SUMMARY;
  if (is_active (self->matrix_check))
    sheets |= UPR_WORKBOOK_SHEET_MATRIX;
  if (is_active (self->workshops_check))
    sheets |= UPR_WORKBOOK_SHEET_WORKSHOPS;
  /* Without names there is nothing for it; the check box is insensitive then. */
  if (is_active (self->participants_check) && is_active (self->names_radio))
    sheets |= UPR_WORKBOOK_SHEET_PARTICIPANTS;
  return sheets;
}

static char *
officer_name (UprExportDialog *self)
{
  GSettings *settings = upr_context_get_settings (self->context);
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "officer-name")
                                           : NULL;

  if (name == NULL || *g_strstrip (name) == '\0')
    return NULL;
  return g_steal_pointer (&name);
}

/* "This workshop: <title>": the name is the user's text, whose underscores are no mnemonic;
 * a long one is cut (the check button's label cannot ellipsize) and shows whole on hover. */
static void
set_scope_label (GtkCheckButton *button,
                 const char     *format,
                 const char     *name)
{
  gboolean long_name = g_utf8_strlen (name, -1) > 56;
  g_autofree char *start = long_name ? g_utf8_substring (name, 0, 55) : NULL;
  g_autofree char *cut = long_name ? g_strconcat (start, "…", NULL) : NULL;
  g_auto(GStrv) parts = g_strsplit (long_name ? cut : name, "_", -1);
  g_autofree char *escaped = g_strjoinv ("__", parts);
  g_autofree char *text = g_strdup_printf (format, escaped);

  gtk_check_button_set_label (button, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), long_name ? name : NULL);
}

/* What stops Export, said in a sentence; NULL when nothing does. */
static const char *
blocking_reason (UprExportDialog *self)
{
  if (upr_export_dialog_get_scope (self) == UPR_EXPORT_SCOPE_COUNTRIES
      && g_hash_table_size (self->chosen) == 0)
    return _("Choose at least one country.");
  if (chosen_sheets (self) == 0)
    return _("Choose at least one sheet.");
  return NULL;
}

/* "Georgia", "Georgia, Mali", "3 countries". */
static char *
describe_chosen (UprExportDialog *self)
{
  g_auto(GStrv) codes = NULL;
  g_autoptr(GPtrArray) names = NULL;
  guint n = g_hash_table_size (self->chosen);

  if (n == 0)
    return g_strdup (_("Choose…"));
  if (n > 2)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u country", "%u countries", n), n);
  codes = scope_countries_chosen (self);
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autoptr(UprCountry) country = upr_context_find_country (self->context, codes[i]);

      g_ptr_array_add (names, g_strdup (country != NULL ? upr_country_get_name (country)
                                                        : codes[i]));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static void
update_options (UprExportDialog *self)
{
  const char *reason = blocking_reason (self);
  g_autofree char *chosen = describe_chosen (self);

  gtk_label_set_text (self->countries_label, chosen);
  gtk_label_set_text (self->options_hint, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->options_hint), reason != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), reason == NULL);
}

static void
update_file_label (UprExportDialog *self)
{
  g_autofree char *path = self->file != NULL ? g_file_get_parse_name (self->file) : NULL;

  gtk_label_set_text (self->file_label, path != NULL ? path : _("Asked when you export"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), path);
  if (path == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->file_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->file_label), "dim-label");
}

static void
set_state (UprExportDialog *self,
           const char      *state)
{
  gboolean options = g_str_equal (state, "options");
  gboolean exporting = g_str_equal (state, "exporting");

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), options);
  gtk_button_set_label (self->close_button, options || exporting ? _("_Cancel") : _("_Close"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static char *
join_parts (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* "245 recommendations · 3 workshops · 57 participants counted", and on a second line with
 * names, "40 named · 17 not named (no consent)". */
static char *
describe_report (const UprWorkbookReport *report,
                 UprWorkbookSheets        sheets,
                 gboolean                 names)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) named = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *counts = NULL;
  g_autofree char *people = NULL;

  if (sheets & (UPR_WORKBOOK_SHEET_SUMMARY | UPR_WORKBOOK_SHEET_MATRIX))
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation",
                                                          "%u recommendations",
                                                          report->n_recommendations),
                                             report->n_recommendations));
  if (sheets & (UPR_WORKBOOK_SHEET_SUMMARY | UPR_WORKBOOK_SHEET_WORKSHOPS
                | UPR_WORKBOOK_SHEET_PARTICIPANTS))
    {
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u workshop",
                                                            "%u workshops", report->n_workshops),
                                               report->n_workshops));
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u participant counted",
                                                            "%u participants counted",
                                                            report->n_participants),
                                               report->n_participants));
    }
  counts = join_parts (parts);
  if (!names)
    return g_steal_pointer (&counts);
  g_ptr_array_add (named, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u named", "%u named",
                                                        report->n_named),
                                           report->n_named));
  if (report->n_withheld > 0)
    g_ptr_array_add (named, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u not named (no consent)",
                                                          "%u not named (no consent)",
                                                          report->n_withheld),
                                             report->n_withheld));
  people = join_parts (named);
  return g_strconcat (counts, "\n", people, NULL);
}

static void
show_done (UprExportDialog *self)
{
  g_autofree char *path = g_file_get_parse_name (self->file);
  g_autofree char *saved = g_strdup_printf (_("Saved to %s"), path);
  g_autofree char *counts = describe_report (self->report,
                                             upr_workbook_get_sheets (self->workbook),
                                             upr_workbook_get_people (self->workbook)
                                               == UPR_WORKBOOK_PEOPLE_NAMES);
  g_autoptr(GString) warnings = g_string_new (NULL);

  for (guint i = 0; self->report->warnings[i] != NULL; i++)
    g_string_append_printf (warnings, "%s• %s", warnings->len > 0 ? "\n" : "",
                            self->report->warnings[i]);
  gtk_label_set_text (self->path_label, saved);
  gtk_label_set_text (self->counts_label, counts);
  gtk_label_set_text (self->warnings_label, warnings->str);
  gtk_widget_set_visible (self->warnings_box, warnings->len > 0);
  set_state (self, "done");
  /* Not the selectable path, which would show all selected. */
  gtk_widget_grab_focus (GTK_WIDGET (self->open_button));
}

static void
show_failed (UprExportDialog *self)
{
  gboolean cancelled = g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  gtk_image_set_from_icon_name (self->failed_icon, cancelled ? "process-stop-symbolic"
                                                             : "dialog-error-symbolic");
  gtk_label_set_text (self->failed_title, cancelled ? _("Export Cancelled")
                                                    : _("The Workbook Was Not Saved"));
  gtk_label_set_text (self->failed_label, cancelled ? _("Nothing was saved.")
                                                    : self->error->message);
  set_state (self, "failed");
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

static void
clear_outcome (UprExportDialog *self)
{
  g_clear_pointer (&self->report, upr_workbook_report_free);
  g_clear_error (&self->error);
}

static void
export_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(UprExportDialog) self = data;
  g_autoptr(GError) error = NULL;
  UprWorkbookReport *report;

  report = upr_workbook_export_finish (UPR_WORKBOOK (source), result, &error);
  if (self->closed)
    {
      g_clear_pointer (&report, upr_workbook_report_free);
      return;
    }
  g_clear_object (&self->cancellable);
  self->report = report;
  self->error = g_steal_pointer (&error);
  if (self->report != NULL)
    show_done (self);
  else
    show_failed (self);
}

static void
start_export (UprExportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *writing = g_strdup_printf (_("Writing “%s”"), name);

  g_assert (self->cancellable == NULL);
  clear_outcome (self);
  g_clear_object (&self->workbook);
  self->workbook = upr_export_dialog_build_workbook (self);
  self->cancellable = g_cancellable_new ();
  g_object_bind_property (self->workbook, "fraction", self->progress_bar, "fraction",
                          G_BINDING_SYNC_CREATE);
  gtk_label_set_text (self->progress_label, writing);
  upr_list_export_set_folder (GTK_WINDOW (self), self->file);
  set_state (self, "exporting");
  upr_workbook_export_async (self->workbook, upr_context_get_store (self->context), self->file,
                             self->cancellable, export_finished_cb, g_object_ref (self));
}

/* Save dialogs */

static void
destination_chosen_cb (GFile    *file,
                       gboolean  semicolons,
                       gpointer  data)
{
  UprExportDialog *self = data;

  if (file != NULL && !self->closed)
    upr_export_dialog_set_file (self, file);
}

static void
export_destination_chosen_cb (GFile    *file,
                              gboolean  semicolons,
                              gpointer  data)
{
  UprExportDialog *self = data;

  if (file == NULL || self->closed || self->cancellable != NULL)
    return;
  upr_export_dialog_set_file (self, file);
  start_export (self);
}

static void
ask_destination (UprExportDialog       *self,
                 UprListExportFileFunc  then)
{
  g_autofree char *name = upr_export_dialog_suggest_name (self);

  upr_list_export_ask_file (GTK_WINDOW (self), _("Save Workbook"), name,
                            UPR_LIST_EXPORT_FILE_XLSX, then, g_object_ref (self),
                            g_object_unref);
}

/* Country list */

static gboolean
country_shown (gpointer item,
               gpointer data)
{
  UprExportDialog *self = data;
  UprCountry *country = item;

  return upr_country_has_data (country)
         && (self->search == NULL
             || upr_fold_match (upr_country_get_search_key (country), self->search));
}

/* Signal callbacks */

static void
options_changed_cb (UprExportDialog *self)
{
  update_options (self);
}

/* Names on, the Participants sheet on; counts only, off (and insensitive). */
static void
people_changed_cb (UprExportDialog *self)
{
  gtk_check_button_set_active (self->participants_check, is_active (self->names_radio));
  update_options (self);
}

static void
countries_shown_cb (UprExportDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->country_search));
}

static void
country_search_changed_cb (UprExportDialog *self)
{
  GtkFilterChange change;

  if (upr_search_query_refold (&self->search,
                               gtk_editable_get_text (GTK_EDITABLE (self->country_search)),
                               &change))
    gtk_filter_changed (GTK_FILTER (self->country_filter), change);
}

static void
country_toggled_cb (GtkCheckButton  *check,
                    UprExportDialog *self)
{
  const char *code = g_object_get_data (G_OBJECT (check), "upr-code");

  if (code == NULL)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (code));
  else
    g_hash_table_remove (self->chosen, code);
  update_options (self);
}

static void
country_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  UprExportDialog          *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_margin_start (check, 6);
  g_signal_connect (check, "toggled", G_CALLBACK (country_toggled_cb), self);
  gtk_list_item_set_child (item, check);
  /* The check button takes the keyboard, not the row. */
  gtk_list_item_set_activatable (item, FALSE);
}

static void
country_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 UprExportDialog          *self)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_item_get_child (item));
  UprCountry *country = gtk_list_item_get_item (item);
  const char *code = upr_country_get_code (country);

  g_object_set_data_full (G_OBJECT (check), "upr-code", g_strdup (code), g_free);
  gtk_check_button_set_label (check, upr_country_get_name (country));
  g_signal_handlers_block_by_func (check, country_toggled_cb, self);
  gtk_check_button_set_active (check, g_hash_table_contains (self->chosen, code));
  g_signal_handlers_unblock_by_func (check, country_toggled_cb, self);
  g_hash_table_add (self->bound_checks, check);
}

static void
country_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   UprExportDialog          *self)
{
  g_hash_table_remove (self->bound_checks, gtk_list_item_get_child (item));
}

static void
close_clicked_cb (UprExportDialog *self)
{
  if (self->cancellable != NULL)
    upr_export_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (UprExportDialog *self)
{
  upr_export_dialog_export (self);
}

static void
file_clicked_cb (UprExportDialog *self)
{
  ask_destination (self, destination_chosen_cb);
}

static void
open_folder_clicked_cb (UprExportDialog *self)
{
  upr_list_export_show_folder (GTK_WINDOW (self), self->file);
}

static void
open_clicked_cb (UprExportDialog *self)
{
  g_autofree char *uri = g_file_get_uri (self->file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
back_clicked_cb (UprExportDialog *self)
{
  set_state (self, "options");
}

/* Overrides */

static gboolean
upr_export_dialog_close_request (GtkWindow *window)
{
  UprExportDialog *self = UPR_EXPORT_DIALOG (window);

  /* Closing while exporting cancels; the window goes at once, the writer cleans up. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (upr_export_dialog_parent_class)->close_request (window);
}

static void
upr_export_dialog_constructed (GObject *object)
{
  UprExportDialog *self = UPR_EXPORT_DIALOG (object);
  g_autoptr(UprCountry) country = NULL;

  G_OBJECT_CLASS (upr_export_dialog_parent_class)->constructed (object);

  g_assert (UPR_IS_CONTEXT (self->context));
  gtk_custom_filter_set_filter_func (self->country_filter, country_shown, self, NULL);
  gtk_filter_list_model_set_model (self->country_filter_model,
                                   upr_context_get_countries (self->context));

  if (self->workshop != NULL)
    {
      const char *title = upr_record_get_string (UPR_RECORD (self->workshop), "title");

      set_scope_label (self->workshop_radio, _("This wo_rkshop: %s"),
                       title != NULL ? title : _("Untitled workshop"));
      gtk_widget_set_visible (GTK_WIDGET (self->workshop_radio), workshop_country (self) != NULL);
    }
  if (self->country_code != NULL
      && (country = upr_context_find_country (self->context, self->country_code)) != NULL)
    {
      set_scope_label (self->country_radio, _("This coun_try: %s"),
                       upr_country_get_name (country));
      gtk_widget_set_visible (GTK_WIDGET (self->country_radio), TRUE);
      g_hash_table_add (self->chosen, g_strdup (self->country_code));
    }
  else
    g_clear_pointer (&self->country_code, g_free);

  upr_export_dialog_set_scope (self, self->country_code != NULL ? UPR_EXPORT_SCOPE_COUNTRY
                                                                : UPR_EXPORT_SCOPE_COUNTRIES);
  gtk_drop_down_set_selected (self->language_drop_down,
                              upr_country_interface_is_french () ? 1 : 0);
  update_file_label (self);
  update_options (self);
  set_state (self, "options");
}

static void
upr_export_dialog_dispose (GObject *object)
{
  UprExportDialog *self = UPR_EXPORT_DIALOG (object);

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* A dialog closed while exporting is disposed twice (closed, then let go by the export):
   * the window must not keep a child that the template has already dropped. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->workbook);
  g_clear_object (&self->workshop);
  g_clear_object (&self->context);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (upr_export_dialog_parent_class)->dispose (object);
}

static void
upr_export_dialog_finalize (GObject *object)
{
  UprExportDialog *self = UPR_EXPORT_DIALOG (object);

  clear_outcome (self);
  g_hash_table_unref (self->chosen);
  g_hash_table_unref (self->bound_checks);
  g_free (self->country_code);
  g_free (self->search);

  G_OBJECT_CLASS (upr_export_dialog_parent_class)->finalize (object);
}

static void
upr_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UprExportDialog *self = UPR_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_COUNTRY_CODE:
      g_value_set_string (value, self->country_code);
      break;
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    case PROP_STATE:
      g_value_set_string (value, upr_export_dialog_get_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UprExportDialog *self = UPR_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_COUNTRY_CODE:
      self->country_code = g_value_dup_string (value);
      break;
    case PROP_WORKSHOP:
      self->workshop = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_export_dialog_class_init (UprExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = upr_export_dialog_constructed;
  object_class->dispose = upr_export_dialog_dispose;
  object_class->finalize = upr_export_dialog_finalize;
  object_class->get_property = upr_export_dialog_get_property;
  object_class->set_property = upr_export_dialog_set_property;
  window_class->close_request = upr_export_dialog_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, UPR_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "options",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-export-dialog.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, UprExportDialog, name)
  CHILD (close_button);
  CHILD (export_button);
  CHILD (stack);
  CHILD (workshop_radio);
  CHILD (country_radio);
  CHILD (countries_radio);
  CHILD (country_search);
  CHILD (country_filter_model);
  CHILD (country_filter);
  CHILD (countries_label);
  CHILD (cycle_drop_down);
  CHILD (summary_check);
  CHILD (matrix_check);
  CHILD (workshops_check);
  CHILD (participants_check);
  CHILD (language_drop_down);
  CHILD (aggregate_radio);
  CHILD (names_radio);
  CHILD (file_label);
  CHILD (options_hint);
  CHILD (progress_bar);
  CHILD (progress_label);
  CHILD (path_label);
  CHILD (counts_label);
  CHILD (warnings_box);
  CHILD (warnings_label);
  CHILD (failed_icon);
  CHILD (failed_title);
  CHILD (failed_label);
  CHILD (back_button);
  CHILD (open_button);
#undef CHILD
#define CALLBACK(name) gtk_widget_class_bind_template_callback (widget_class, name)
  CALLBACK (options_changed_cb);
  CALLBACK (country_search_changed_cb);
  CALLBACK (people_changed_cb);
  CALLBACK (countries_shown_cb);
  CALLBACK (country_setup_cb);
  CALLBACK (country_bind_cb);
  CALLBACK (country_unbind_cb);
  CALLBACK (close_clicked_cb);
  CALLBACK (export_clicked_cb);
  CALLBACK (file_clicked_cb);
  CALLBACK (open_folder_clicked_cb);
  CALLBACK (open_clicked_cb);
  CALLBACK (back_clicked_cb);
#undef CALLBACK

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upr_export_dialog_init (UprExportDialog *self)
{
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound_checks = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

UprExportDialog *
upr_export_dialog_new (GtkWindow   *parent,
                       UprContext  *context,
                       const char  *country_code,
                       UprWorkshop *workshop)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (workshop == NULL || UPR_IS_WORKSHOP (workshop), NULL);

  return g_object_new (UPR_TYPE_EXPORT_DIALOG,
                       "context", context,
                       "country-code", country_code,
                       "workshop", workshop,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

void
upr_export_dialog_show (GtkWindow  *window,
                        UprContext *context)
{
  UprCountry *country = NULL;
  UprWorkshop *workshop = NULL;
  UprExportDialog *dialog;

  g_return_if_fail (window == NULL || GTK_IS_WINDOW (window));
  g_return_if_fail (UPR_IS_CONTEXT (context));

  if (UPR_IS_WINDOW (window))
    {
      country = upr_window_get_country (UPR_WINDOW (window));
      workshop = upr_window_get_workshop (UPR_WINDOW (window));
    }
  dialog = upr_export_dialog_new (window, context,
                                  country != NULL ? upr_country_get_code (country) : NULL,
                                  workshop);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
upr_export_dialog_set_scope (UprExportDialog *self,
                             UprExportScope   scope)
{
  g_return_if_fail (UPR_IS_EXPORT_DIALOG (self));

  /* A scope the dialog cannot offer falls back to the list of countries. */
  if (scope == UPR_EXPORT_SCOPE_WORKSHOP
      && gtk_widget_get_visible (GTK_WIDGET (self->workshop_radio)))
    gtk_check_button_set_active (self->workshop_radio, TRUE);
  else if (scope != UPR_EXPORT_SCOPE_COUNTRIES && self->country_code != NULL)
    gtk_check_button_set_active (self->country_radio, TRUE);
  else
    gtk_check_button_set_active (self->countries_radio, TRUE);
}

UprExportScope
upr_export_dialog_get_scope (UprExportDialog *self)
{
  g_return_val_if_fail (UPR_IS_EXPORT_DIALOG (self), UPR_EXPORT_SCOPE_COUNTRIES);

  if (is_active (self->workshop_radio))
    return UPR_EXPORT_SCOPE_WORKSHOP;
  if (is_active (self->country_radio))
    return UPR_EXPORT_SCOPE_COUNTRY;
  return UPR_EXPORT_SCOPE_COUNTRIES;
}

void
upr_export_dialog_choose_country (UprExportDialog *self,
                                  const char      *code,
                                  gboolean         chosen)
{
  GHashTableIter iter;
  gpointer check;

  g_return_if_fail (UPR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (code != NULL);

  if (chosen)
    g_hash_table_add (self->chosen, g_strdup (code));
  else
    g_hash_table_remove (self->chosen, code);
  /* The row on screen shows it too. */
  g_hash_table_iter_init (&iter, self->bound_checks);
  while (g_hash_table_iter_next (&iter, &check, NULL))
    if (g_strcmp0 (g_object_get_data (check, "upr-code"), code) == 0)
      {
        g_signal_handlers_block_by_func (check, country_toggled_cb, self);
        gtk_check_button_set_active (check, chosen);
        g_signal_handlers_unblock_by_func (check, country_toggled_cb, self);
      }
  update_options (self);
}

UprWorkbook *
upr_export_dialog_build_workbook (UprExportDialog *self)
{
  g_autoptr(UprWorkbook) workbook = upr_workbook_new ();
  g_auto(GStrv) countries = NULL;
  g_autofree char *author = NULL;
  guint language;

  g_return_val_if_fail (UPR_IS_EXPORT_DIALOG (self), NULL);

  countries = scope_countries (self);
  language = gtk_drop_down_get_selected (self->language_drop_down);
  author = officer_name (self);
  upr_workbook_set_countries (workbook, (const char * const *) countries);
  if (upr_export_dialog_get_scope (self) == UPR_EXPORT_SCOPE_WORKSHOP)
    upr_workbook_set_workshop_id (workbook,
                                  upr_record_get_id (UPR_RECORD (self->workshop)));
  upr_workbook_set_cycle (workbook, (int) gtk_drop_down_get_selected (self->cycle_drop_down));
  upr_workbook_set_sheets (workbook, chosen_sheets (self));
  upr_workbook_set_language (workbook,
                             languages[language < G_N_ELEMENTS (languages) ? language : 0]);
  upr_workbook_set_people (workbook, is_active (self->names_radio) ? UPR_WORKBOOK_PEOPLE_NAMES
                                                                   : UPR_WORKBOOK_PEOPLE_AGGREGATE);
  upr_workbook_set_author (workbook, author);
  return g_steal_pointer (&workbook);
}

char *
upr_export_dialog_suggest_name (UprExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_auto(GStrv) countries = NULL;
  guint n;

  g_return_val_if_fail (UPR_IS_EXPORT_DIALOG (self), NULL);

  countries = scope_countries (self);
  n = g_strv_length (countries);
  if (upr_export_dialog_get_scope (self) == UPR_EXPORT_SCOPE_WORKSHOP && n == 1)
    return g_strdup_printf ("UPR-%s-workshop-%s.xlsx", countries[0], date);
  if (n == 0 || n > 4)
    return g_strdup_printf ("UPR-%s.xlsx", date);
  {
    g_autofree char *codes = g_strjoinv ("-", countries);

    return g_strdup_printf ("UPR-%s-%s.xlsx", codes, date);
  }
}

void
upr_export_dialog_set_file (UprExportDialog *self,
                            GFile           *file)
{
  g_return_if_fail (UPR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  update_file_label (self);
}

GFile *
upr_export_dialog_get_file (UprExportDialog *self)
{
  g_return_val_if_fail (UPR_IS_EXPORT_DIALOG (self), NULL);

  return self->file;
}

void
upr_export_dialog_export (UprExportDialog *self)
{
  g_return_if_fail (UPR_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL || blocking_reason (self) != NULL)
    return;
  if (self->file == NULL)
    ask_destination (self, export_destination_chosen_cb);
  else
    start_export (self);
}

void
upr_export_dialog_cancel (UprExportDialog *self)
{
  g_return_if_fail (UPR_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

const char *
upr_export_dialog_get_state (UprExportDialog *self)
{
  g_return_val_if_fail (UPR_IS_EXPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const UprWorkbookReport *
upr_export_dialog_get_report (UprExportDialog *self)
{
  g_return_val_if_fail (UPR_IS_EXPORT_DIALOG (self), NULL);

  return self->report;
}

const GError *
upr_export_dialog_get_error (UprExportDialog *self)
{
  g_return_val_if_fail (UPR_IS_EXPORT_DIALOG (self), NULL);

  return self->error;
}
