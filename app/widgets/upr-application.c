/* upr-application.c: start-up and application-wide actions.
 *
 * The database is opened at the first activation, not at start-up, so that a second
 * `upright` that only hands over to the running one never touches the file. A database
 * that cannot be opened is explained in a dialog and left exactly as it was. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-application.h"

#include "upr-context.h"
#include "upr-export-dialog.h"
#include "upr-import-assistant.h"
#include "upr-list-export.h"
#include "upr-preferences-dialog.h"
#include "upr-store.h"
#include "upr-window.h"

struct _UprApplication
{
  GtkApplication parent_instance;

  /* owned */
  char       *database_path; /* --database, else the default */
  char       *import_path;   /* --import, opened once the window shows */
  GSettings  *settings;      /* NULL when the schema is not installed */
  UprContext *context;
};

G_DEFINE_FINAL_TYPE (UprApplication, upr_application, GTK_TYPE_APPLICATION)

static GtkWindow *
get_window (UprApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

/* The schema is missing when Upright runs uninstalled without GSETTINGS_SCHEMA_DIR; it
 * still works then, only without remembering anything. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source == NULL
      || (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)) == NULL)
    {
      g_warning ("The settings schema %s is not installed: preferences are not kept",
                 APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
show_open_error (UprApplication *self,
                 const GError   *error)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (NULL, 0, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
                                   _("Upright cannot open its database"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_window_set_title (GTK_WINDOW (dialog), "Upright");
  /* The application lives as long as this window; closing it ends Upright. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_database (UprApplication  *self,
               GError         **error)
{
  g_autofree char *path = NULL;
  g_autoptr (UprStore) store = NULL;
  g_autoptr (GError) purge_error = NULL;

  path = self->database_path != NULL ? g_strdup (self->database_path) : upr_store_default_path ();
  store = upr_store_open (path, error);
  if (store == NULL)
    return FALSE;

  /* Workshops deleted just before Upright was last closed (or crashed) go for good now. */
  if (!upr_store_purge_trash (store, &purge_error))
    g_warning ("Could not purge the trash: %s", purge_error->message);

  self->context = upr_context_new (store, self->settings);
  return TRUE;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr (GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing the windows (not just leaving the main loop) saves what is still being typed
   * and ends pending Undo offers; the application quits with its last window. Held while
   * closing: a dialog goes with its parent. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UprApplication *self = user_data;
  UprPreferencesDialog *dialog;

  if (self->context == NULL || self->settings == NULL)
    return;

  dialog = upr_preferences_dialog_new (get_window (self), self->context);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  UprApplication *self = user_data;
  const char *translators = _("translator-credits");

  gtk_show_about_dialog (get_window (self),
                         "program-name", "Upright",
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Follow up the recommendations of the Universal Periodic "
                                       "Review: workshops and their participants, kept on your "
                                       "computer."),
                         "website", "https://upr-info.org",
                         "website-label", "upr-info.org",
                         "copyright", "© UPR Info",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Without a translation the msgid itself would be credited. */
                         "translator-credits",
                         g_strcmp0 (translators, "translator-credits") != 0 ? translators : NULL,
                         NULL);
}

static void
activate_window_action (UprApplication *self,
                        const char     *name)
{
  GtkWindow *window = get_window (self);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), name, NULL);
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  activate_window_action (user_data, "win.show-help-overlay");
}

static void
new_workshop_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  activate_window_action (user_data, "win.new-workshop");
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  UprApplication *self = user_data;

  if (self->context != NULL)
    upr_export_dialog_show (get_window (self), self->context);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  UprApplication *self = user_data;

  if (self->context != NULL)
    upr_import_assistant_show (get_window (self), self->context, NULL);
}

/* `upright --import=FILE` handed over by a second Upright to this one. */
static void
import_file_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UprApplication *self = user_data;

  g_free (self->import_path);
  self->import_path = g_strdup (g_variant_get_bytestring (parameter));
  g_application_activate (G_APPLICATION (self));
}

/* After the window is presented, so that the assistant comes above it. */
static void
open_pending_import (UprApplication *self,
                     GtkWindow      *window)
{
  g_autoptr (GFile) file = NULL;

  if (self->import_path == NULL)
    return;
  file = g_file_new_for_path (self->import_path);
  g_clear_pointer (&self->import_path, g_free);
  upr_import_assistant_show (window, self->context, file);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
  { "new-workshop", new_workshop_activated },
  { "export", export_activated },
  { "import", import_activated },
  { "import-file", import_file_activated, "ay" },
};

static const struct
{
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.new-workshop", { "<Control>n", NULL } },
  { "app.export", { "<Control>e", NULL } },
  { "app.import", { "<Control>i", NULL } },
  { "win.export-csv", { "<Control><Shift>e", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static void
load_css (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/upr_info/Upright/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* --import FILE (or --import=FILE): the running Upright (this one or another) opens the
 * assistant on it. upr-cli.c knows the option too, so that FILE is not taken for a command. */
static int
handle_import_option (UprApplication *self,
                      GVariantDict   *options)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  const char *file = NULL;

  if (!g_variant_dict_lookup (options, "import", "^&ay", &file))
    return -1;
  path = g_canonicalize_filename (file, NULL);
  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (!g_application_get_is_remote (G_APPLICATION (self)))
    {
      self->import_path = g_steal_pointer (&path);
      return -1;
    }
  g_action_group_activate_action (G_ACTION_GROUP (self), "import-file",
                                  g_variant_new_bytestring (path));
  return 0;
}

static int
upr_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  UprApplication *self = UPR_APPLICATION (application);
  g_autoptr (GError) error = NULL;
  const char *path = NULL;

  if (!g_variant_dict_lookup (options, "database", "^&ay", &path))
    return handle_import_option (self, options);
  self->database_path = g_canonicalize_filename (path, NULL);

  /* A running Upright keeps its own database: refuse rather than show the wrong one. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_application_get_is_remote (application))
    {
      g_printerr ("%s\n", _("Upright is already running. Close it before opening another "
                            "database."));
      return 1;
    }

  return handle_import_option (self, options);
}

static void
upr_application_startup (GApplication *application)
{
  UprApplication *self = UPR_APPLICATION (application);

  G_APPLICATION_CLASS (upr_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action,
                                           app_accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  load_css ();
  self->settings = new_settings ();
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "preferences")),
                               self->settings != NULL);
}

static void
upr_application_activate (GApplication *application)
{
  UprApplication *self = UPR_APPLICATION (application);
  g_autoptr (GError) error = NULL;
  GtkWindow *window = get_window (self);

  if (window != NULL)
    {
      gtk_window_present (window);
      open_pending_import (self, window);
      return;
    }

  if (self->context == NULL && !open_database (self, &error))
    {
      show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (upr_window_new (GTK_APPLICATION (self), self->context));
  upr_list_export_install (GTK_APPLICATION_WINDOW (window));
  upr_import_assistant_install (GTK_APPLICATION_WINDOW (window), self->context);
  gtk_window_present (window);
  open_pending_import (self, window);
}

static void
upr_application_shutdown (GApplication *application)
{
  UprApplication *self = UPR_APPLICATION (application);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_APPLICATION_CLASS (upr_application_parent_class)->shutdown (application);
}

static void
upr_application_finalize (GObject *object)
{
  UprApplication *self = UPR_APPLICATION (object);

  g_free (self->database_path);
  g_free (self->import_path);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (upr_application_parent_class)->finalize (object);
}

static void
upr_application_class_init (UprApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = upr_application_finalize;
  application_class->handle_local_options = upr_application_handle_local_options;
  application_class->startup = upr_application_startup;
  application_class->activate = upr_application_activate;
  application_class->shutdown = upr_application_shutdown;
}

static void
upr_application_init (UprApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "database", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Open this database instead of the usual one"),
                                 _("FILE"));
  g_application_add_main_option (G_APPLICATION (self), "import", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Open the import assistant on this file"), _("FILE"));
}

UprApplication *
upr_application_new (void)
{
  return g_object_new (UPR_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/upr_info/Upright",
                       NULL);
}

UprContext *
upr_application_get_context (UprApplication *self)
{
  g_return_val_if_fail (UPR_IS_APPLICATION (self), NULL);

  return self->context;
}
