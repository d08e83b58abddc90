/* upr-csv-writer.c: CSV for Excel (see upr-csv-writer.h), buffered and written atomically. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "upr-csv-writer.h"

#define FLUSH_AT (64 * 1024)

struct _UprCsvWriter
{
  UprCsvFlags flags;
  char        separator;
  char       *target;
  char       *temporary; /* NULL once renamed or removed */
  int         fd;        /* -1 once closed */
  GString    *buffer;
};

static gboolean
fail (GError    **error,
      int         saved_errno,
      const char *format,
      const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = g_strdup_printf (format, display);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s (%s)", message,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
flush (UprCsvWriter *self,
       GError      **error)
{
  gsize done = 0;

  while (done < self->buffer->len)
    {
      gssize n = write (self->fd, self->buffer->str + done, self->buffer->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        /* Translators: %s is a file. */
        return fail (error, errno, _("The list could not be written to “%s”"), self->target);
      done += (gsize) n;
    }
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

/* Plain numbers ("-5", "+3.2") are left alone: Excel reads them as numbers, not formulas. */
static gboolean
is_number (const char *cell)
{
  char *end = NULL;

  if (cell[0] == '\0' || g_ascii_isspace (cell[1]))
    return FALSE;
  g_ascii_strtod (cell, &end);
  return end != NULL && end != cell && *end == '\0';
}

static gboolean
looks_like_formula (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL && !is_number (cell);
}

static void
append_cell (UprCsvWriter *self,
             const char   *cell)
{
  g_autofree char *valid = NULL;
  gboolean quote;

  if (cell == NULL || cell[0] == '\0')
    return;
  if (!g_utf8_validate (cell, -1, NULL))
    cell = valid = g_utf8_make_valid (cell, -1);
  quote = strchr (cell, self->separator) != NULL || strpbrk (cell, "\"\r\n") != NULL
          || g_ascii_isspace (cell[0]) || g_ascii_isspace (cell[strlen (cell) - 1]);
  if (quote)
    g_string_append_c (self->buffer, '"');
  if ((self->flags & UPR_CSV_KEEP_FORMULAS) == 0 && looks_like_formula (cell))
    g_string_append_c (self->buffer, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buffer, '"');
      g_string_append_c (self->buffer, *p);
    }
  if (quote)
    g_string_append_c (self->buffer, '"');
}

UprCsvWriter *
upr_csv_writer_new (GFile       *file,
                    UprCsvFlags  flags,
                    GError     **error)
{
  g_autoptr(UprCsvWriter) self = NULL;
  g_autofree char *folder = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_peek_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A list can only be saved to a folder on this computer."));
      return NULL;
    }
  self = g_new0 (UprCsvWriter, 1);
  self->fd = -1;
  self->flags = flags;
  self->separator = (flags & UPR_CSV_SEMICOLON) != 0 ? ';' : ',';
  self->target = g_strdup (path);
  self->buffer = g_string_sized_new (FLUSH_AT + 4096);
  folder = g_path_get_dirname (path);
  self->temporary = g_build_filename (folder, ".upright-export-XXXXXX", NULL);
  self->fd = g_mkstemp_full (self->temporary, O_WRONLY, 0666);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->temporary, g_free);
      /* Translators: %s is a folder. */
      fail (error, saved_errno, _("The list cannot be written in “%s”"), folder);
      return NULL;
    }
  /* The byte order mark: how Excel knows the file is UTF-8. */
  g_string_append (self->buffer, "\xEF\xBB\xBF");
  return g_steal_pointer (&self);
}

gboolean
upr_csv_writer_add_row (UprCsvWriter       *self,
                        const char * const *cells,
                        guint               n_cells,
                        GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);
  g_return_val_if_fail (cells != NULL || n_cells == 0, FALSE);

  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (self->buffer, self->separator);
      append_cell (self, cells[i]);
    }
  g_string_append (self->buffer, "\r\n");
  return self->buffer->len < FLUSH_AT || flush (self, error);
}

static gboolean
close_file (UprCsvWriter *self,
            GError      **error)
{
  int fd = self->fd;

  self->fd = -1;
#ifdef G_OS_UNIX
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return fail (error, saved_errno, _("The list could not be written to “%s”"),
                   self->target);
    }
#endif
  if (close (fd) != 0)
    return fail (error, errno, _("The list could not be written to “%s”"), self->target);
  return TRUE;
}

gboolean
upr_csv_writer_finish (UprCsvWriter *self,
                       GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (!flush (self, error) || !close_file (self, error))
    return FALSE;
  if (g_rename (self->temporary, self->target) != 0)
    /* Translators: %s is a file. */
    return fail (error, errno, _("The list could not be saved as “%s”"), self->target);
  g_clear_pointer (&self->temporary, g_free);
  return TRUE;
}

void
upr_csv_writer_free (UprCsvWriter *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  /* Unfinished or failed: the previous file stays, the partial one goes. */
  if (self->temporary != NULL)
    g_remove (self->temporary);
  g_free (self->temporary);
  g_free (self->target);
  g_string_free (self->buffer, TRUE);
  g_free (self);
}

gboolean
upr_csv_write (GFile       *file,
               UprCsvFlags  flags,
               GPtrArray   *rows,
               GError     **error)
{
  g_autoptr(UprCsvWriter) writer = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = upr_csv_writer_new (file, flags, error);
  if (writer == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *cells = g_ptr_array_index (rows, i);

      if (!upr_csv_writer_add_row (writer, cells, g_strv_length ((char **) cells), error))
        return FALSE;
    }
  return upr_csv_writer_finish (writer, error);
}
