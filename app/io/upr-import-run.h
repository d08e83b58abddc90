/* upr-import-run.h: the run both importers share (recommendations, upr-import.c; participants,
 * upr-participant-import.c): one transaction from start to finish or cancel, steps for a main
 * loop, the "progress" property, the report's issues, the dry run rolled back and the column
 * mapping remembered for the same headers. The importer embeds an UprImportRun and says, in
 * an UprImportRunClass, how it checks, reads and writes its rows. */
#pragma once

#include "upr-import.h"
#include "upr-store.h"

G_BEGIN_DECLS

typedef struct
{
  /* Whether the mapping lets the import run; otherwise an error saying what is missing. */
  gboolean    (*check)       (gpointer   importer,
                              GError   **error);
  /* Called once the transaction is open: what the steps need. */
  gboolean    (*begin)       (gpointer   importer,
                              GError   **error);
  /* Imports up to @n more rows; sets @finished and @progress (0.0–1.0). */
  gboolean    (*step)        (gpointer   importer,
                              guint      n,
                              gboolean  *finished,
                              double    *progress,
                              GError   **error);
  /* Writes what the steps kept back; called for a dry run too, so that its report says
   * what the writing would. May be NULL. */
  gboolean    (*flush)       (gpointer   importer,
                              GError   **error);
  /* The column mapping as upr_store_set_import_mapping() keeps it. */
  char       *(*mapping)     (gpointer   importer);
  /* Frees what begin and the steps held. */
  void        (*end)         (gpointer   importer);
  /* The header of @column, or NULL when it is not a column of the table. */
  const char *(*column_name) (gpointer   importer,
                              int        column);

  GQuark      (*error_quark) (void);
  int         error_failed;     /* the code of "the store failed: rolled back" */
  int         error_cancelled;
  guint       run_step;         /* rows per step of upr_import_run_run() */
} UprImportRunClass;

typedef struct
{
  const UprImportRunClass *klass;
  GObject                 *importer;       /* not a reference: the run is part of it */
  GParamSpec              *progress_pspec;
  UprStore                *store;
  gpointer                 summary;        /* the importer's summary, zeroed at start */
  gsize                    summary_size;
  guint                   *n_warnings;     /* in the summary */

  char                    *header_key;     /* remembers the mapping for these headers */
  gboolean                 mapping_edited;

  gboolean                 running;
  gboolean                 dry_run;
  GPtrArray               *issues;         /* of UprImportIssue */
  double                   progress;
} UprImportRun;

/* @store is referenced; @summary (@summary_size bytes, counting warnings in @n_warnings)
 * belongs to @importer, whose "progress" property is @progress_pspec. */
void        upr_import_run_init           (UprImportRun            *run,
                                           const UprImportRunClass *klass,
                                           GObject                 *importer,
                                           GParamSpec              *progress_pspec,
                                           UprStore                *store,
                                           gpointer                 summary,
                                           gsize                    summary_size,
                                           guint                   *n_warnings);
/* Cancels a run in progress and drops the store (dispose). */
void        upr_import_run_dispose        (UprImportRun            *run);
void        upr_import_run_finalize       (UprImportRun            *run);

/* Appends a problem to @issues (none when NULL); @column is a column index, or -1 for the
 * whole row. A warning of the run's own report is counted in the summary. */
void        upr_import_run_add_issue      (UprImportRun            *run,
                                           GPtrArray               *issues,
                                           UprImportSeverity        severity,
                                           guint                    line,
                                           int                      column,
                                           const char              *value,
                                           const char              *message);

gboolean    upr_import_run_start          (UprImportRun            *run,
                                           gboolean                 dry_run,
                                           GError                 **error);
gboolean    upr_import_run_step           (UprImportRun            *run,
                                           guint                    n,
                                           gboolean                *finished,
                                           GError                 **error);
gboolean    upr_import_run_finish         (UprImportRun            *run,
                                           GError                 **error);
void        upr_import_run_cancel         (UprImportRun            *run);
/* The whole run at once, for the command line and tests. */
gboolean    upr_import_run_run            (UprImportRun            *run,
                                           gboolean                 dry_run,
                                           GCancellable            *cancellable,
                                           GError                 **error);

/* “A”, “B”: column names for a message. */
char       *upr_import_run_quoted_list    (char                   **names);

G_END_DECLS
