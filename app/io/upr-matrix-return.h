/* upr-matrix-return.h: an implementation matrix exported by Upright (upr-workbook.h), filled in
 * by a national partner and sent back.
 *
 * The workbook's hidden sheet says what it is, in which language it was written, which
 * columns the matrix has (by stable key) and which vocabulary id each drop-down label stands
 * for; the matrix's hidden column A holds each recommendation's id and what the cells partners
 * fill in (status, status date, latest progress, assessment) held when it was exported, its
 * baseline (upr_matrix_return_append_key()). Reading it back, a cell the partner changed is one
 * that differs from its baseline, and it is a change when it also differs from the database.
 * When the database changed too since the export, the row is a conflict: listed as a problem
 * with Upright's value, never applied over the officer's newer work. A cell emptied is a
 * problem too: a status, its date, a progress text or an assessment cannot be unsaid. Rows of
 * a matrix exported before keys had a baseline are compared with the database alone, as they
 * always were (an empty status, date or assessment is then no value given, since it may have
 * been exported empty).
 *
 * Problems (an unknown id, a label not in the list, a date that is not a date, a conflict…)
 * come with their row and column, never guessed, and leave their row as it is. An untouched
 * workbook gives no change.
 *
 * Applying records, in one transaction, one progress update from the partner per changed
 * recommendation (dated with the date the partner gave, else today) and the partner's
 * assessments. No GTK here. */
#pragma once

#include <gio/gio.h>

#include "upr-store-export.h"
#include "upr-store.h"
#include "upr-table.h"

G_BEGIN_DECLS

#define UPR_MATRIX_RETURN_ERROR (upr_matrix_return_error_quark ())

typedef enum
{
  UPR_MATRIX_RETURN_ERROR_NOT_MATRIX, /* not a matrix exported by Upright */
  UPR_MATRIX_RETURN_ERROR_DAMAGED,    /* its key column, or its description, is gone */
  UPR_MATRIX_RETURN_ERROR_PARTNER,    /* no partner named, or one that cannot assess */
} UprMatrixReturnError;

/* The columns a partner fills in. */
typedef enum
{
  UPR_MATRIX_RETURN_STATUS,
  UPR_MATRIX_RETURN_STATUS_DATE,
  UPR_MATRIX_RETURN_PROGRESS,
  UPR_MATRIX_RETURN_PROGRESS_DATE,
  UPR_MATRIX_RETURN_ASSESSMENT,
} UprMatrixReturnField;

/* One changed cell. Values are shown as the interface shows them (vocabulary labels in its
 * language); @value is what is stored: a vocabulary id, a "YYYY-MM-DD" date or the text. */
typedef struct
{
  char                 *recommendation_id;
  char                 *reference;  /* the paragraph, "140.9", else the start of the text */
  guint                 row;        /* 1-based, as the spreadsheet shows it */
  UprMatrixReturnField  field;
  char                 *old_value;  /* NULL: empty */
  char                 *new_value;
  char                 *value;
  /* What a date alone re-dates: STATUS_DATE the current status, PROGRESS_DATE the text. */
  char                 *dated;
} UprMatrixReturnChange;

/* A cell that could not be read, was emptied, or was changed both by the partner and in Upright
 * since the export (a conflict: the message says Upright's value): the row is left as it is. */
typedef struct
{
  guint  row;     /* 1-based */
  char  *column;  /* the column's title in the workbook, NULL for the whole row */
  char  *value;   /* NULL: none */
  char  *message; /* translated */
} UprMatrixReturnProblem;

typedef struct _UprMatrixReturn UprMatrixReturn;

GQuark           upr_matrix_return_error_quark (void);

/* Appends the hidden key of @item's row to @out: its id, then the baseline, "|"-separated:
 * status id, status date, progress date, a hash of the progress text (16 hex digits),
 * assessment level id; empty when empty. For the workbook writer. */
void             upr_matrix_return_append_key  (GString                       *out,
                                                const UprExportRecommendation *item);

/* TRUE when @table is a workbook whose hidden sheet says it was exported by Upright. */
gboolean         upr_matrix_return_recognise   (UprTable         *table);

/* Compares the matrix of @table with @store. @partner_id (nullable): the organisation the
 * workbook comes from, when known, so that an assessment it already made is no change.
 * Fails with UPR_MATRIX_RETURN_ERROR (translated message) when @table is not Upright's
 * matrix or its key column is gone. Reads only. */
UprMatrixReturn *upr_matrix_return_new         (UprStore         *store,
                                                UprTable         *table,
                                                const char       *partner_id,
                                                GError          **error);
/* The workbook's language, "en" or "fr". */
const char      *upr_matrix_return_get_language (UprMatrixReturn *self);
/* UprMatrixReturnChange, in the order of the rows. */
GPtrArray       *upr_matrix_return_get_changes  (UprMatrixReturn *self);
/* UprMatrixReturnProblem, in the order of the rows. */
GPtrArray       *upr_matrix_return_get_problems (UprMatrixReturn *self);
/* The field's name, translated, for the diff. */
const char      *upr_matrix_return_field_label  (UprMatrixReturnField field);

/* The organisation @partner names: an organisation's id, else its name or acronym (found as
 * upr_store_find_organisation() finds it); a name not found is created, as an organisation
 * of stakeholder type "other". Call it inside the transaction that uses it. */
char            *upr_matrix_return_resolve_partner (UprStore   *store,
                                                    const char *partner,
                                                    gboolean    create,
                                                    GError    **error);

/* TRUE when some change is an assessment: the partner must then be able to make one. */
gboolean         upr_matrix_return_has_assessments (UprMatrixReturn *self);
/* Drops the assessment changes (when the partner cannot make one); returns how many. */
guint            upr_matrix_return_leave_out_assessments (UprMatrixReturn *self);

/* Whether the changes can be recorded as @partner's (see upr_matrix_return_apply_as()): it
 * must be named and, for assessments, be a source of them: a government or national
 * mechanism, an NHRI, a civil society organisation or a UN agency, by its stakeholder type
 * (@stakeholder_type for a name new to Upright). Otherwise FALSE with a translated
 * UPR_MATRIX_RETURN_ERROR_PARTNER that says what to do. Reads only. */
gboolean         upr_matrix_return_check_partner (UprMatrixReturn  *self,
                                                  UprStore         *store,
                                                  const char       *partner,
                                                  const char       *stakeholder_type,
                                                  GError          **error);

/* Records the changes in one transaction: for each changed recommendation one progress
 * update from @partner (see upr_matrix_return_resolve_partner(); a name new to Upright is
 * created with @stakeholder_type, NULL: "other"), dated with the date given in the workbook,
 * else @today ("YYYY-MM-DD"; NULL: today), with the new status and progress text; a changed
 * assessment as the partner's assessment. Checks the partner first
 * (upr_matrix_return_check_partner()). On failure nothing is changed; without changes
 * nothing is done (the partner is not created). */
gboolean         upr_matrix_return_apply_as    (UprMatrixReturn  *self,
                                                UprStore         *store,
                                                const char       *partner,
                                                const char       *stakeholder_type,
                                                const char       *today,
                                                GError          **error);
/* upr_matrix_return_apply_as() with a new partner of type "other". */
gboolean         upr_matrix_return_apply       (UprMatrixReturn  *self,
                                                UprStore         *store,
                                                const char       *partner,
                                                const char       *today,
                                                GError          **error);
void             upr_matrix_return_free        (UprMatrixReturn  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprMatrixReturn, upr_matrix_return_free)

G_END_DECLS
