/* upr-store-recommendation-edits.c: changing recommendations beyond their own fields (which
 * upr_store_save() writes): the links of one recommendation, bulk edits of many at once,
 * and deletion with undo. Each is one transaction: an unknown id or value changes nothing. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-store-recommendations-private.h"

/* Helpers */

static gboolean
recommendation_exists (UprStore   *self,
                       const char *id,
                       GError    **error)
{
  g_autoptr(UprCachedStmt) stmt = NULL;
  int rc;

  stmt = upr_store_prepare_cached (self, "SELECT 1 FROM recommendation WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return upr_store_recommendation_not_found (error);
  return upr_store_fail (self, rc, error);
}

static gboolean
step_done (UprStore     *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  return rc == SQLITE_DONE || upr_store_fail (self, rc, error);
}

static gboolean
touch_updated_at (UprStore   *self,
                  const char *id,
                  const char *now,
                  GError    **error)
{
  g_autoptr(UprCachedStmt) stmt = NULL;

  stmt = upr_store_prepare_cached (self, "UPDATE recommendation SET updated_at = ? WHERE id = ?",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  return step_done (self, stmt, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Whether @a and @b hold the same strings, in any order and counting repeats once. */
static gboolean
same_set (char * const *a,
          char * const *b)
{
  g_autoptr(GPtrArray) x = g_ptr_array_new ();
  g_autoptr(GPtrArray) y = g_ptr_array_new ();

  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    g_ptr_array_add (x, a[i]);
  for (guint i = 0; b != NULL && b[i] != NULL; i++)
    g_ptr_array_add (y, b[i]);
  g_ptr_array_sort (x, compare_strings);
  g_ptr_array_sort (y, compare_strings);
  for (guint i = 0, j = 0; i < x->len || j < y->len;)
    {
      if (i == x->len || j == y->len || strcmp (x->pdata[i], y->pdata[j]) != 0)
        return FALSE;
      /* Skip repeats on both sides. */
      for (i++; i < x->len && strcmp (x->pdata[i], x->pdata[i - 1]) == 0; i++)
        ;
      for (j++; j < y->len && strcmp (y->pdata[j], y->pdata[j - 1]) == 0; j++)
        ;
    }
  return TRUE;
}

/* Links of one recommendation */

UprRecommendationLinks *
upr_recommendation_links_new (void)
{
  UprRecommendationLinks *links = g_new0 (UprRecommendationLinks, 1);

  links->states = g_new0 (char *, 1);
  links->terms = g_new0 (char *, 1);
  links->supporting = g_new0 (char *, 1);
  return links;
}

void
upr_recommendation_links_free (UprRecommendationLinks *links)
{
  if (links == NULL)
    return;
  g_strfreev (links->states);
  g_strfreev (links->terms);
  g_strfreev (links->supporting);
  g_free (links);
}

/* The link tables: the recommendation's column is always "recommendation_id". */
typedef struct
{
  const char *table;
  const char *column;
  const char *field; /* for the change log */
} LinkTable;

static const LinkTable state_links = { "recommendation_state", "country_code", "states" };
static const LinkTable term_links = { "recommendation_term", "term_id", "terms" };
static const LinkTable goal_links = { "recommendation_sdg", "goal", "sdg-goals" };
static const LinkTable support_links = { "recommendation_support", "organisation_id",
                                         "supporting-organisations" };

static char **
read_links (UprStore        *self,
            const LinkTable *link,
            const char      *id,
            GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE recommendation_id = ?"
                                          " ORDER BY %s",
                                          link->column, link->table, link->column);
  g_autoptr(UprCachedStmt) stmt = upr_store_prepare_cached (self, sql, error);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      upr_store_fail (self, rc, error);
      return NULL;
    }
  g_ptr_array_add (values, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

static guint
goals_mask (char **goals)
{
  guint mask = 0;

  for (guint i = 0; goals[i] != NULL; i++)
    {
      guint64 goal = g_ascii_strtoull (goals[i], NULL, 10);

      if (goal >= 1 && goal <= 17)
        mask |= UPR_SDG_BIT (goal);
    }
  return mask;
}

static char **
mask_goals (guint mask)
{
  GPtrArray *goals = g_ptr_array_new ();

  for (guint goal = 1; goal <= 17; goal++)
    if (mask & UPR_SDG_BIT (goal))
      g_ptr_array_add (goals, g_strdup_printf ("%u", goal));
  g_ptr_array_add (goals, NULL);
  return (char **) g_ptr_array_free (goals, FALSE);
}

UprRecommendationLinks *
upr_store_get_recommendation_links (UprStore   *self,
                                    const char *recommendation_id,
                                    GError    **error)
{
  g_autoptr(UprRecommendationLinks) links = g_new0 (UprRecommendationLinks, 1);
  g_auto(GStrv) goals = NULL;

  g_return_val_if_fail (UPR_IS_STORE (self), NULL);
  g_return_val_if_fail (recommendation_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!recommendation_exists (self, recommendation_id, error)
      || (links->states = read_links (self, &state_links, recommendation_id, error)) == NULL
      || (links->terms = read_links (self, &term_links, recommendation_id, error)) == NULL
      || (goals = read_links (self, &goal_links, recommendation_id, error)) == NULL
      || (links->supporting = read_links (self, &support_links, recommendation_id, error))
           == NULL)
    return NULL;
  links->sdg_goals = goals_mask (goals);
  return g_steal_pointer (&links);
}

static gboolean
replace_links (UprStore        *self,
               const LinkTable *link,
               const char      *id,
               char * const    *values,
               GError         **error)
{
  g_autofree char *delete = g_strdup_printf ("DELETE FROM %s WHERE recommendation_id = ?",
                                             link->table);
  g_autofree char *insert = g_strdup_printf ("INSERT OR IGNORE INTO %s (recommendation_id, %s)"
                                             " VALUES (?, ?)",
                                             link->table, link->column);
  g_autoptr(UprCachedStmt) stmt = upr_store_prepare_cached (self, delete, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autoptr(UprCachedStmt) add = upr_store_prepare_cached (self, insert, error);

      if (add == NULL)
        return FALSE;
      sqlite3_bind_text (add, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (add, 2, values[i], -1, SQLITE_STATIC);
      if (!step_done (self, add, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces one list when it differs from what is stored, naming it in @fields. */
static gboolean
update_links (UprStore        *self,
              const LinkTable *link,
              const char      *id,
              char * const    *old_values,
              char * const    *new_values,
              GString         *fields,
              GError         **error)
{
  if (same_set (old_values, new_values))
    return TRUE;
  if (!replace_links (self, link, id, new_values, error))
    return FALSE;
  g_string_append_printf (fields, "%s%s", fields->len > 0 ? ", " : "", link->field);
  upr_store_touch (self, link->table);
  return TRUE;
}

static gboolean
write_links (UprStore                     *self,
             const char                   *id,
             const UprRecommendationLinks *links,
             GError                      **error)
{
  g_autoptr(UprRecommendationLinks) old = NULL;
  g_autoptr(GString) fields = g_string_new (NULL);
  g_auto(GStrv) old_goals = NULL;
  g_auto(GStrv) new_goals = NULL;
  g_autofree char *now = upr_store_now ();

  old = upr_store_get_recommendation_links (self, id, error);
  if (old == NULL)
    return FALSE;
  old_goals = mask_goals (old->sdg_goals);
  new_goals = mask_goals (links->sdg_goals);
  if (!update_links (self, &state_links, id, old->states, links->states, fields, error)
      || !update_links (self, &term_links, id, old->terms, links->terms, fields, error)
      || !update_links (self, &goal_links, id, old_goals, new_goals, fields, error)
      || !update_links (self, &support_links, id, old->supporting, links->supporting, fields,
                        error))
    return FALSE;
  if (fields->len == 0)
    return TRUE;
  upr_store_touch (self, "recommendation");
  return touch_updated_at (self, id, now, error)
         && upr_store_log_change (self, "recommendation", id, "update", fields->str, error);
}

gboolean
upr_store_set_recommendation_links (UprStore                     *self,
                                    const char                   *recommendation_id,
                                    const UprRecommendationLinks *links,
                                    GError                      **error)
{
  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (recommendation_id != NULL, FALSE);
  g_return_val_if_fail (links != NULL, FALSE);
  g_return_val_if_fail (links->sdg_goals < UPR_SDG_BIT (18), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!upr_store_begin (self, error))
    return FALSE;
  if (!write_links (self, recommendation_id, links, error) || !upr_store_commit (self, error))
    {
      upr_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Bulk edits */

/* One edit applied to each recommendation by one statement, with the named parameters
 * :id (the recommendation), :value (text, or :goal as a number), :date, :explicit_date, :now.
 * A statement that changes no row leaves that recommendation alone. */
typedef struct
{
  const char *sql;
  const char *fields;      /* for the change log */
  const char *table;       /* touched besides "recommendation" */
  gboolean    sets_stamp;  /* the statement sets updated_at itself */
  const char *value;
  guint       goal;
  const char *date;
  gboolean    explicit_date;
} BulkEdit;

static void
bind_edit (sqlite3_stmt   *stmt,
           const BulkEdit *edit,
           const char     *id,
           const char     *now)
{
  struct { const char *name; const char *text; } texts[] = {
    { ":id", id }, { ":value", edit->value }, { ":date", edit->date }, { ":now", now },
  };
  int index;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if ((index = sqlite3_bind_parameter_index (stmt, texts[i].name)) > 0)
      sqlite3_bind_text (stmt, index, texts[i].text, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":goal")) > 0)
    sqlite3_bind_int (stmt, index, (int) edit->goal);
  if ((index = sqlite3_bind_parameter_index (stmt, ":explicit_date")) > 0)
    sqlite3_bind_int (stmt, index, edit->explicit_date);
}

/* Applies @edit to one recommendation; *@changed tells whether it changed anything. */
static gboolean
apply_edit (UprStore       *self,
            const BulkEdit *edit,
            const char     *id,
            const char     *now,
            gboolean       *changed,
            GError        **error)
{
  g_autoptr(UprCachedStmt) stmt = NULL;

  if (!recommendation_exists (self, id, error))
    return FALSE;
  stmt = upr_store_prepare_cached (self, edit->sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_edit (stmt, edit, id, now);
  if (!step_done (self, stmt, error))
    return FALSE;
  /* Changes made by triggers (the folded text) are not counted here. */
  *changed = sqlite3_changes (self->db) > 0;
  if (!*changed)
    return TRUE;
  return (edit->sets_stamp || touch_updated_at (self, id, now, error))
         && upr_store_log_change (self, "recommendation", id, "update", edit->fields, error);
}

static gboolean
bulk_apply (UprStore           *self,
            const char * const *ids,
            const BulkEdit     *edit,
            char             ***changed_ids,
            GError            **error)
{
  g_autofree char *now = upr_store_now ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);

  if (!upr_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean is_changed = FALSE;

      if (!apply_edit (self, edit, ids[i], now, &is_changed, error))
        goto fail;
      if (is_changed)
        g_ptr_array_add (changed, g_strdup (ids[i]));
    }
  if (changed->len > 0)
    {
      upr_store_touch (self, "recommendation");
      if (edit->table != NULL)
        upr_store_touch (self, edit->table);
    }
  if (!upr_store_commit (self, error))
    goto fail;

  if (changed_ids != NULL)
    {
      g_ptr_array_add (changed, NULL);
      *changed_ids = (char **) g_ptr_array_free (g_steal_pointer (&changed), FALSE);
    }
  return TRUE;

fail:
  upr_store_rollback (self);
  return FALSE;
}

#define BULK_GUARDS(ids) \
  g_return_val_if_fail (UPR_IS_STORE (self), FALSE); \
  g_return_val_if_fail ((ids) != NULL, FALSE); \
  g_return_val_if_fail (changed_ids == NULL || *changed_ids == NULL, FALSE); \
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE)

gboolean
upr_store_bulk_set_lead_organisation (UprStore           *self,
                                      const char * const *ids,
                                      const char         *organisation_id,
                                      char             ***changed_ids,
                                      GError            **error)
{
  BulkEdit edit = {
    .sql = "UPDATE recommendation SET lead_organisation_id = :value, updated_at = :now"
           " WHERE id = :id AND lead_organisation_id IS NOT :value",
    .fields = "lead-organisation-id",
    .sets_stamp = TRUE,
    .value = organisation_id != NULL && organisation_id[0] != '\0' ? organisation_id : NULL,
  };

  BULK_GUARDS (ids);
  return bulk_apply (self, ids, &edit, changed_ids, error);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Recommendations already at @status keep their date, unless @date is given. */
gboolean
upr_store_bulk_set_status (UprStore           *self,
                           const char * const *ids,
                           const char         *status,
                           const char         *date,
                           char             ***changed_ids,
                           GError            **error)
{
  g_autofree char *now_date = date == NULL ? today () : NULL;
  BulkEdit edit = {
    .sql = "UPDATE recommendation SET status = :value, status_date = :date, updated_at = :now"
           " WHERE id = :id AND (status IS NOT :value"
           "  OR (:explicit_date AND status_date IS NOT :date))",
    .fields = "status, status-date",
    .sets_stamp = TRUE,
    .value = status,
    .date = date != NULL ? date : now_date,
    .explicit_date = date != NULL,
  };

  BULK_GUARDS (ids);
  g_return_val_if_fail (status != NULL, FALSE);
  return bulk_apply (self, ids, &edit, changed_ids, error);
}

gboolean
upr_store_bulk_set_cluster (UprStore           *self,
                            const char * const *ids,
                            const char         *cluster,
                            char             ***changed_ids,
                            GError            **error)
{
  BulkEdit edit = {
    .sql = "UPDATE recommendation SET cluster = :value, updated_at = :now"
           " WHERE id = :id AND cluster IS NOT :value",
    .fields = "cluster",
    .sets_stamp = TRUE,
    .value = cluster != NULL && cluster[0] != '\0' ? cluster : NULL,
  };

  BULK_GUARDS (ids);
  return bulk_apply (self, ids, &edit, changed_ids, error);
}

/* A term or goal that does not exist fails even where there is nothing to remove, so that a
 * mistyped id is reported rather than silently ignored. */
static gboolean
check_reference (UprStore   *self,
                 const char *sql,
                 const char *text,
                 guint       number,
                 GError    **error)
{
  g_autoptr(UprCachedStmt) stmt = upr_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int (stmt, 1, (int) number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return upr_store_fail (self, rc, error);
  if (text != NULL)
    g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND,
                 _("“%s” is not a known theme, group of persons or issue."), text);
  else
    g_set_error (error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND,
                 _("%u is not a Sustainable Development Goal (1 to 17)."), number);
  return FALSE;
}

static gboolean
check_term (UprStore   *self,
            const char *term_id,
            GError    **error)
{
  return check_reference (self, "SELECT 1 FROM vocabulary_term WHERE id = ?", term_id, 0, error);
}

static gboolean
check_goal (UprStore *self,
            guint     goal,
            GError  **error)
{
  return check_reference (self, "SELECT 1 FROM sdg_goal WHERE number = ?", NULL, goal, error);
}

gboolean
upr_store_bulk_add_term (UprStore           *self,
                         const char * const *ids,
                         const char         *term_id,
                         char             ***changed_ids,
                         GError            **error)
{
  BulkEdit edit = {
    .sql = "INSERT OR IGNORE INTO recommendation_term (recommendation_id, term_id)"
           " VALUES (:id, :value)",
    .fields = "terms",
    .table = "recommendation_term",
    .value = term_id,
  };

  BULK_GUARDS (ids);
  g_return_val_if_fail (term_id != NULL, FALSE);
  return check_term (self, term_id, error) && bulk_apply (self, ids, &edit, changed_ids, error);
}

gboolean
upr_store_bulk_remove_term (UprStore           *self,
                            const char * const *ids,
                            const char         *term_id,
                            char             ***changed_ids,
                            GError            **error)
{
  BulkEdit edit = {
    .sql = "DELETE FROM recommendation_term WHERE recommendation_id = :id AND term_id = :value",
    .fields = "terms",
    .table = "recommendation_term",
    .value = term_id,
  };

  BULK_GUARDS (ids);
  g_return_val_if_fail (term_id != NULL, FALSE);
  return check_term (self, term_id, error) && bulk_apply (self, ids, &edit, changed_ids, error);
}

gboolean
upr_store_bulk_add_sdg (UprStore           *self,
                        const char * const *ids,
                        guint               goal,
                        char             ***changed_ids,
                        GError            **error)
{
  BulkEdit edit = {
    .sql = "INSERT OR IGNORE INTO recommendation_sdg (recommendation_id, goal)"
           " VALUES (:id, :goal)",
    .fields = "sdg-goals",
    .table = "recommendation_sdg",
    .goal = goal,
  };

  BULK_GUARDS (ids);
  return check_goal (self, goal, error) && bulk_apply (self, ids, &edit, changed_ids, error);
}

gboolean
upr_store_bulk_remove_sdg (UprStore           *self,
                           const char * const *ids,
                           guint               goal,
                           char             ***changed_ids,
                           GError            **error)
{
  BulkEdit edit = {
    .sql = "DELETE FROM recommendation_sdg WHERE recommendation_id = :id AND goal = :goal",
    .fields = "sdg-goals",
    .table = "recommendation_sdg",
    .goal = goal,
  };

  BULK_GUARDS (ids);
  return check_goal (self, goal, error) && bulk_apply (self, ids, &edit, changed_ids, error);
}

/* Deletion with undo */

static gboolean
set_trashed (UprStore           *self,
             const char * const *ids,
             gboolean            trash,
             GError            **error)
{
  g_autofree char *now = upr_store_now ();
  gboolean any = FALSE;

  if (!upr_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(UprCachedStmt) stmt = NULL;

      if (!recommendation_exists (self, ids[i], error))
        goto fail;
      stmt = upr_store_prepare_cached (self,
                                       "UPDATE recommendation SET deleted_at = ?1, updated_at = ?2"
                                       " WHERE id = ?3 AND (deleted_at IS NULL) = (?1 IS NOT NULL)",
                                       error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, trash ? now : NULL, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, ids[i], -1, SQLITE_STATIC);
      if (!step_done (self, stmt, error))
        goto fail;
      if (sqlite3_changes (self->db) == 0)
        continue;
      if (!upr_store_log_change (self, "recommendation", ids[i], trash ? "delete" : "restore",
                                 NULL, error))
        goto fail;
      any = TRUE;
    }
  if (any)
    upr_store_touch (self, "recommendation");
  if (upr_store_commit (self, error))
    return TRUE;

fail:
  upr_store_rollback (self);
  return FALSE;
}

gboolean
upr_store_trash_recommendations (UprStore           *self,
                                 const char * const *ids,
                                 GError            **error)
{
  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_trashed (self, ids, TRUE, error);
}

gboolean
upr_store_restore_recommendations (UprStore           *self,
                                   const char * const *ids,
                                   GError            **error)
{
  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return set_trashed (self, ids, FALSE, error);
}

/* The trash was logged when it was filled; purging only makes it final. Everything that
 * hangs from the recommendations goes with them (ON DELETE CASCADE). */
gboolean
upr_store_purge_recommendations (UprStore *self,
                                 GError  **error)
{
  static const char *const tables[] = {
    "recommendation", "recommendation_state", "recommendation_term", "recommendation_sdg",
    "recommendation_support", "planned_action", "indicator", "progress_update", "assessment",
  };

  g_return_val_if_fail (UPR_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!upr_store_begin (self, error))
    return FALSE;
  if (!upr_store_exec (self, "DELETE FROM recommendation WHERE deleted_at IS NOT NULL", error))
    {
      upr_store_rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) > 0)
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      upr_store_touch (self, tables[i]);
  if (!upr_store_commit (self, error))
    {
      upr_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
