/* upr-import-assistant-entry.c: where the import assistant meets the main window: files
 * dropped on it, the "win.import-participants" action of the Participants tab, and what
 * follows an import (the participant list read again, the imported country shown). The
 * window knows nothing of the assistant beyond one call to upr_import_assistant_install(). */
#include "config.h"

#include "upr-import-assistant.h"

#include "upr-context.h"
#include "upr-participant-list.h"
#include "upr-participants-view.h"
#include "upr-record.h"
#include "upr-window.h"
#include "upr-workshop-page.h"

/* The window's widgets that the assistant acts on, found by type: the window offers no
 * accessor for them. */
static void
find_descendants (GtkWidget *widget,
                  GType      type,
                  GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      find_descendants (child, type, found);
    }
}

/* The stack of the country's pages: the one with both "overview" and "recommendations". */
static GtkStack *
find_view_stack (GtkWidget *window)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  find_descendants (window, GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    {
      GtkStack *stack = g_ptr_array_index (stacks, i);

      if (gtk_stack_get_child_by_name (stack, "recommendations") != NULL
          && gtk_stack_get_child_by_name (stack, "overview") != NULL)
        return stack;
    }
  return NULL;
}

static void
show_country_cb (UprImportAssistant *assistant,
                 const char         *code,
                 GtkWindow          *window)
{
  GtkStack *views;

  if (!UPR_IS_WINDOW (window) || !upr_window_select (UPR_WINDOW (window), code, NULL))
    return;
  views = find_view_stack (GTK_WIDGET (window));
  if (views != NULL)
    gtk_stack_set_visible_child_name (views, "recommendations");
}

/* The Participants tab lists what it loaded: after an import it reads the workshop again. */
static void
participants_imported_cb (UprImportAssistant *assistant,
                          GtkWidget          *window)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  find_descendants (window, UPR_TYPE_PARTICIPANTS_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      UprParticipantList *list = upr_participants_view_get_list (g_ptr_array_index (views, i));
      g_autoptr(GError) error = NULL;

      if (list != NULL && !upr_participant_list_reload (list, &error))
        g_warning ("Could not read the participants again: %s", error->message);
    }
}

static UprImportAssistant *
show_participants (GtkWindow  *window,
                   UprContext *context,
                   GFile      *file)
{
  UprWorkshop *workshop = UPR_IS_WINDOW (window) ? upr_window_get_workshop (UPR_WINDOW (window))
                                                 : NULL;
  UprImportAssistant *assistant;

  if (workshop == NULL)
    return NULL;
  assistant = upr_import_assistant_new (window, context, UPR_IMPORT_KIND_PARTICIPANTS,
                                        upr_record_get_id (UPR_RECORD (workshop)));
  g_signal_connect_object (assistant, "imported", G_CALLBACK (participants_imported_cb), window,
                           0);
  gtk_window_present (GTK_WINDOW (assistant));
  if (file != NULL)
    upr_import_assistant_open_file (assistant, file);
  return assistant;
}

/* A file dropped while a workshop's participants show is a participant list. */
static gboolean
participants_shown (GtkWindow *window)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  if (!UPR_IS_WINDOW (window) || upr_window_get_workshop (UPR_WINDOW (window)) == NULL)
    return FALSE;
  find_descendants (GTK_WIDGET (window), UPR_TYPE_WORKSHOP_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    {
      UprWorkshopPage *page = g_ptr_array_index (pages, i);

      if (gtk_widget_is_drawable (GTK_WIDGET (page))
          && g_strcmp0 (upr_workshop_page_get_tab (page), "participants") == 0)
        return TRUE;
    }
  return FALSE;
}

/* The assistant already open on @window, if any. Its import may hold the store's
 * transaction: a second one must not start beside it. */
static UprImportAssistant *
find_open_assistant (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (UPR_IS_IMPORT_ASSISTANT (toplevel)
          && gtk_window_get_transient_for (toplevel) == window)
        return UPR_IMPORT_ASSISTANT (toplevel);
    }
  return NULL;
}

/* A file dropped while an assistant is open goes to it, unless it is importing. */
static gboolean
give_to_open_assistant (GtkWindow *window,
                        GFile     *file)
{
  UprImportAssistant *open = find_open_assistant (window);

  if (open == NULL)
    return FALSE;
  if (file != NULL && g_strcmp0 (upr_import_assistant_get_step (open), "import") != 0)
    upr_import_assistant_open_file (open, file);
  gtk_window_present (GTK_WINDOW (open));
  return TRUE;
}

static UprContext *
context_of (gpointer object)
{
  return g_object_get_data (G_OBJECT (object), "upr-import-context");
}

static gboolean
window_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                GtkWindow     *window)
{
  GSList *files = g_value_get_boxed (value);
  UprContext *context = context_of (target);

  if (files == NULL || context == NULL)
    return FALSE;
  if (give_to_open_assistant (window, files->data))
    return TRUE;
  if (participants_shown (window))
    return show_participants (window, context, files->data) != NULL;
  upr_import_assistant_show (window, context, files->data);
  return TRUE;
}

static void
import_participants_activated (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  GtkWindow *window = user_data;

  show_participants (window, context_of (action), NULL);
}

/* Public API */

UprImportAssistant *
upr_import_assistant_show (GtkWindow  *window,
                           UprContext *context,
                           GFile      *file)
{
  UprImportAssistant *assistant;

  g_return_val_if_fail (window == NULL || GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  assistant = upr_import_assistant_new (window, context, UPR_IMPORT_KIND_RECOMMENDATIONS, NULL);
  if (window != NULL)
    g_signal_connect_object (assistant, "show-country", G_CALLBACK (show_country_cb), window, 0);
  gtk_window_present (GTK_WINDOW (assistant));
  if (file != NULL)
    upr_import_assistant_open_file (assistant, file);
  return assistant;
}

void
upr_import_assistant_install (GtkApplicationWindow *window,
                              UprContext           *context)
{
  GtkDropTarget *target;
  g_autoptr(GSimpleAction) action = NULL;

  g_return_if_fail (GTK_IS_APPLICATION_WINDOW (window));
  g_return_if_fail (UPR_IS_CONTEXT (context));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_object_set_data_full (G_OBJECT (target), "upr-import-context", g_object_ref (context),
                          g_object_unref);
  g_signal_connect_object (target, "drop", G_CALLBACK (window_drop_cb), window, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (target));

  action = g_simple_action_new ("import-participants", NULL);
  g_object_set_data_full (G_OBJECT (action), "upr-import-context", g_object_ref (context),
                          g_object_unref);
  g_signal_connect_object (action, "activate", G_CALLBACK (import_participants_activated),
                           window, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}
