/* upr-workbook.c: the workbook export's options, and the file written safely: a temporary
 * file in the destination folder (so that the final rename is atomic: never on another
 * disk), flushed to disk, then renamed over the target. Field laptops lose power: a report
 * is either the old one or the new one, never half of one. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "upr-workbook-private.h"

struct _UprWorkbook
{
  GObject parent_instance;

  /* owned */
  GStrv              countries;
  char              *workshop_id;
  char              *language;
  char              *author;
  int                cycle;
  UprWorkbookSheets  sheets;
  UprWorkbookPeople  people;
  double             fraction;
};

G_DEFINE_FINAL_TYPE (UprWorkbook, upr_workbook, G_TYPE_OBJECT)

G_DEFINE_QUARK (upr-workbook-error-quark, upr_workbook_error)

G_DEFINE_FLAGS_TYPE (UprWorkbookSheets, upr_workbook_sheets,
                     G_DEFINE_ENUM_VALUE (UPR_WORKBOOK_SHEET_SUMMARY, "summary"),
                     G_DEFINE_ENUM_VALUE (UPR_WORKBOOK_SHEET_MATRIX, "matrix"),
                     G_DEFINE_ENUM_VALUE (UPR_WORKBOOK_SHEET_WORKSHOPS, "workshops"),
                     G_DEFINE_ENUM_VALUE (UPR_WORKBOOK_SHEET_PARTICIPANTS, "participants"))

G_DEFINE_ENUM_TYPE (UprWorkbookPeople, upr_workbook_people,
                    G_DEFINE_ENUM_VALUE (UPR_WORKBOOK_PEOPLE_AGGREGATE, "aggregate"),
                    G_DEFINE_ENUM_VALUE (UPR_WORKBOOK_PEOPLE_NAMES, "names"))

enum
{
  PROP_0,
  PROP_COUNTRIES,
  PROP_WORKSHOP_ID,
  PROP_CYCLE,
  PROP_SHEETS,
  PROP_LANGUAGE,
  PROP_PEOPLE,
  PROP_AUTHOR,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Progress */

static void
set_fraction (UprWorkbook *self,
              double       fraction)
{
  if (self->fraction == fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
progress_here_cb (double   fraction,
                  gpointer data)
{
  set_fraction (UPR_WORKBOOK (data), fraction);
}

typedef struct
{
  UprWorkbook *self;
  double       fraction;
} Progress;

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;

  set_fraction (progress->self, progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->self);
  g_free (progress);
}

/* From the worker thread: the property changes on the thread that started the export. */
static void
progress_thread_cb (double   fraction,
                    gpointer data)
{
  GTask *task = data;
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (g_task_get_source_object (task));
  progress->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, progress_idle_cb,
                              progress, progress_free);
}

/* The file */

static gboolean
set_errno_error (GError    **error,
                 int          saved_errno,
                 const char  *format,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = g_strdup_printf (format, display);

  g_set_error (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_WRITE, "%s (%s)", message,
               g_strerror (saved_errno));
  return FALSE;
}

/* A new empty file next to @target; its path. */
static char *
create_temporary (const char *target,
                  GError    **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *template = g_build_filename (folder, ".upright-export-XXXXXX", NULL);
  int fd = g_mkstemp_full (template, O_RDWR, 0666);

  if (fd < 0)
    {
      int saved_errno = errno;

      /* Translators: %s is a folder. */
      set_errno_error (error, saved_errno, _("The workbook cannot be written in “%s”"), folder);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&template);
}

/* Data on disk before the rename makes it the report. */
static gboolean
flush_to_disk (const char *path,
               GError    **error)
{
#ifdef G_OS_UNIX
  int fd = g_open (path, O_RDONLY, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  /* Translators: %s is a file. */
  return set_errno_error (error, saved_errno, _("The workbook “%s” could not be saved to disk"),
                          path);
#else
  return TRUE;
#endif
}

static void
flush_folder (const char *path)
{
#ifdef G_OS_UNIX
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY, 0);

  /* Makes the rename itself durable; a failure here loses nothing that is written. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
#endif
}

static gpointer
flush_thread (gpointer data)
{
  GError *error = NULL;

  if (!flush_to_disk (data, &error))
    return error;
  return NULL;
}

/* The workbook goes to disk while it is read back: on a laptop's disk, flushing a big
 * workbook takes about as long as reading it back, and the two need not wait for each other.
 * Both must succeed before it may replace anything. */
static gboolean
verify_and_flush (const char   *path,
                  GCancellable *cancellable,
                  GError      **error)
{
  GThread *flusher = g_thread_new ("upright-flush", flush_thread, (gpointer) path);
  gboolean verified = upr_workbook_verify_file (path, cancellable, error);
  GError *flush_error = g_thread_join (flusher);

  if (flush_error == NULL)
    return verified;
  if (verified)
    g_propagate_error (error, flush_error);
  else
    g_error_free (flush_error);
  return FALSE;
}

static gboolean
write_atomically (const UprWorkbookSnapshot *snapshot,
                  const char                *target,
                  GCancellable              *cancellable,
                  UprWorkbookProgressFunc    progress,
                  gpointer                   progress_data,
                  UprWorkbookReport         *report,
                  GError                   **error)
{
  g_autofree char *temporary = create_temporary (target, error);

  if (temporary == NULL)
    return FALSE;
  if (!upr_workbook_write_file (snapshot, temporary, cancellable, progress, progress_data, report,
                                error)
      || !verify_and_flush (temporary, cancellable, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_remove (temporary);
      return FALSE;
    }
  if (g_rename (temporary, target) != 0)
    {
      int saved_errno = errno;

      g_remove (temporary);
      /* Translators: %s is a file. */
      return set_errno_error (error, saved_errno, _("The workbook could not be saved as “%s”"),
                              target);
    }
  flush_folder (target);
  return TRUE;
}

static const char *
local_path (GFile   *file,
            GError **error)
{
  const char *path = g_file_peek_path (file);

  if (path == NULL)
    g_set_error_literal (error, UPR_WORKBOOK_ERROR, UPR_WORKBOOK_ERROR_WRITE,
                         _("A workbook can only be saved to a folder on this computer."));
  return path;
}

/* Threads */

typedef struct
{
  UprWorkbookSnapshot *snapshot;
  char                *target;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export_data = data;

  upr_workbook_snapshot_free (export_data->snapshot);
  g_free (export_data->target);
  g_free (export_data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportData *export_data = data;
  g_autoptr(UprWorkbookReport) report = g_new0 (UprWorkbookReport, 1);
  GError *error = NULL;

  if (write_atomically (export_data->snapshot, export_data->target, cancellable,
                        progress_thread_cb, task, report, &error))
    g_task_return_pointer (task, g_steal_pointer (&report),
                           (GDestroyNotify) upr_workbook_report_free);
  else
    g_task_return_error (task, error);
}

/* GObject */

static void
upr_workbook_finalize (GObject *object)
{
  UprWorkbook *self = UPR_WORKBOOK (object);

  g_strfreev (self->countries);
  g_free (self->workshop_id);
  g_free (self->language);
  g_free (self->author);

  G_OBJECT_CLASS (upr_workbook_parent_class)->finalize (object);
}

static void
upr_workbook_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UprWorkbook *self = UPR_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_COUNTRIES: g_value_set_boxed (value, self->countries); break;
    case PROP_WORKSHOP_ID: g_value_set_string (value, self->workshop_id); break;
    case PROP_CYCLE: g_value_set_int (value, self->cycle); break;
    case PROP_SHEETS: g_value_set_flags (value, self->sheets); break;
    case PROP_LANGUAGE: g_value_set_string (value, self->language); break;
    case PROP_PEOPLE: g_value_set_enum (value, self->people); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_FRACTION: g_value_set_double (value, self->fraction); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_workbook_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UprWorkbook *self = UPR_WORKBOOK (object);

  switch (prop_id)
    {
    case PROP_COUNTRIES: upr_workbook_set_countries (self, g_value_get_boxed (value)); break;
    case PROP_WORKSHOP_ID: upr_workbook_set_workshop_id (self, g_value_get_string (value)); break;
    case PROP_CYCLE: upr_workbook_set_cycle (self, g_value_get_int (value)); break;
    case PROP_SHEETS: upr_workbook_set_sheets (self, g_value_get_flags (value)); break;
    case PROP_LANGUAGE: upr_workbook_set_language (self, g_value_get_string (value)); break;
    case PROP_PEOPLE: upr_workbook_set_people (self, g_value_get_enum (value)); break;
    case PROP_AUTHOR: upr_workbook_set_author (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_workbook_class_init (UprWorkbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = upr_workbook_finalize;
  object_class->get_property = upr_workbook_get_property;
  object_class->set_property = upr_workbook_set_property;

  properties[PROP_COUNTRIES] = g_param_spec_boxed ("countries", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_WORKSHOP_ID] = g_param_spec_string ("workshop-id", NULL, NULL, NULL, flags);
  properties[PROP_CYCLE] = g_param_spec_int ("cycle", NULL, NULL, 0, 99, 0, flags);
  properties[PROP_SHEETS] = g_param_spec_flags ("sheets", NULL, NULL, UPR_TYPE_WORKBOOK_SHEETS,
                                                UPR_WORKBOOK_SHEETS_ALL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "en", flags);
  properties[PROP_PEOPLE] = g_param_spec_enum ("people", NULL, NULL, UPR_TYPE_WORKBOOK_PEOPLE,
                                               UPR_WORKBOOK_PEOPLE_AGGREGATE, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_workbook_init (UprWorkbook *self)
{
  self->language = g_strdup ("en");
  self->sheets = UPR_WORKBOOK_SHEETS_ALL;
  self->people = UPR_WORKBOOK_PEOPLE_AGGREGATE;
}

/* Public API */

void
upr_workbook_report_free (UprWorkbookReport *report)
{
  if (report == NULL)
    return;
  g_strfreev (report->warnings);
  g_free (report);
}

UprWorkbook *
upr_workbook_new (void)
{
  return g_object_new (UPR_TYPE_WORKBOOK, NULL);
}

static void
set_string (UprWorkbook  *self,
            char        **field,
            const char   *value,
            int           prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
upr_workbook_set_countries (UprWorkbook        *self,
                            const char * const *countries)
{
  g_return_if_fail (UPR_IS_WORKBOOK (self));

  if (countries == NULL && self->countries == NULL)
    return;
  if (countries != NULL && self->countries != NULL
      && g_strv_equal (countries, (const char * const *) self->countries))
    return;
  g_strfreev (self->countries);
  self->countries = g_strdupv ((char **) countries);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRIES]);
}

const char * const *
upr_workbook_get_countries (UprWorkbook *self)
{
  g_return_val_if_fail (UPR_IS_WORKBOOK (self), NULL);

  return (const char * const *) self->countries;
}

void
upr_workbook_set_workshop_id (UprWorkbook *self,
                              const char  *workshop_id)
{
  g_return_if_fail (UPR_IS_WORKBOOK (self));

  set_string (self, &self->workshop_id, workshop_id, PROP_WORKSHOP_ID);
}

const char *
upr_workbook_get_workshop_id (UprWorkbook *self)
{
  g_return_val_if_fail (UPR_IS_WORKBOOK (self), NULL);

  return self->workshop_id;
}

void
upr_workbook_set_cycle (UprWorkbook *self,
                        int          cycle)
{
  g_return_if_fail (UPR_IS_WORKBOOK (self));
  g_return_if_fail (cycle >= 0);

  if (self->cycle == cycle)
    return;
  self->cycle = cycle;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CYCLE]);
}

int
upr_workbook_get_cycle (UprWorkbook *self)
{
  g_return_val_if_fail (UPR_IS_WORKBOOK (self), 0);

  return self->cycle;
}

void
upr_workbook_set_sheets (UprWorkbook       *self,
                         UprWorkbookSheets  sheets)
{
  g_return_if_fail (UPR_IS_WORKBOOK (self));

  sheets &= UPR_WORKBOOK_SHEETS_ALL;
  if (self->sheets == sheets)
    return;
  self->sheets = sheets;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEETS]);
}

UprWorkbookSheets
upr_workbook_get_sheets (UprWorkbook *self)
{
  g_return_val_if_fail (UPR_IS_WORKBOOK (self), 0);

  return self->sheets;
}

void
upr_workbook_set_language (UprWorkbook *self,
                           const char  *language)
{
  g_return_if_fail (UPR_IS_WORKBOOK (self));

  set_string (self, &self->language, language != NULL ? language : "en", PROP_LANGUAGE);
}

const char *
upr_workbook_get_language (UprWorkbook *self)
{
  g_return_val_if_fail (UPR_IS_WORKBOOK (self), NULL);

  return self->language;
}

void
upr_workbook_set_people (UprWorkbook       *self,
                         UprWorkbookPeople  people)
{
  g_return_if_fail (UPR_IS_WORKBOOK (self));

  if (self->people == people)
    return;
  self->people = people;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEOPLE]);
}

UprWorkbookPeople
upr_workbook_get_people (UprWorkbook *self)
{
  g_return_val_if_fail (UPR_IS_WORKBOOK (self), UPR_WORKBOOK_PEOPLE_AGGREGATE);

  return self->people;
}

void
upr_workbook_set_author (UprWorkbook *self,
                         const char  *author)
{
  g_return_if_fail (UPR_IS_WORKBOOK (self));

  set_string (self, &self->author, author != NULL && author[0] != '\0' ? author : NULL,
              PROP_AUTHOR);
}

const char *
upr_workbook_get_author (UprWorkbook *self)
{
  g_return_val_if_fail (UPR_IS_WORKBOOK (self), NULL);

  return self->author;
}

double
upr_workbook_get_fraction (UprWorkbook *self)
{
  g_return_val_if_fail (UPR_IS_WORKBOOK (self), 0);

  return self->fraction;
}

UprWorkbookReport *
upr_workbook_export (UprWorkbook  *self,
                     UprStore     *store,
                     GFile        *file,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr(UprWorkbookSnapshot) snapshot = NULL;
  g_autoptr(UprWorkbookReport) report = NULL;
  const char *path;

  g_return_val_if_fail (UPR_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (UPR_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  set_fraction (self, 0);
  path = local_path (file, error);
  if (path == NULL)
    return NULL;
  snapshot = upr_workbook_snapshot_new (self, store, error);
  if (snapshot == NULL)
    return NULL;
  report = g_new0 (UprWorkbookReport, 1);
  if (!write_atomically (snapshot, path, cancellable, progress_here_cb, self, report, error))
    return NULL;
  return g_steal_pointer (&report);
}

void
upr_workbook_export_async (UprWorkbook         *self,
                           UprStore            *store,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportData *data;
  const char *path;

  g_return_if_fail (UPR_IS_WORKBOOK (self));
  g_return_if_fail (UPR_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  /* A cancel that comes after the file was renamed into place must not report "cancelled":
   * the thread's own result says what happened. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_source_tag (task, upr_workbook_export_async);
  set_fraction (self, 0);
  data = g_new0 (ExportData, 1);
  g_task_set_task_data (task, data, export_data_free);
  path = local_path (file, &error);
  /* The store belongs to this thread: everything is read from it now. */
  if (path == NULL || (data->snapshot = upr_workbook_snapshot_new (self, store, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->target = g_strdup (path);
  g_task_run_in_thread (task, export_thread);
}

UprWorkbookReport *
upr_workbook_export_finish (UprWorkbook  *self,
                            GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (UPR_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
