/* upr-import-match.c: each row of an import matched to the recommendation it made before,
 * if any, then written: inserted, updated in the fields the file gives, or left alone when
 * nothing differs. What a review holds is read once, when its first row comes. */
#include "config.h"

#include <string.h>

#include "upr-import-private.h"
#include "upr-normalise.h"
#include "upr-review.h"
#include "upr-store.h"

/* What a review holds already, to match the file's rows against. */
typedef struct
{
  char       *review_id;
  GPtrArray  *existing;     /* of UprImportedRecommendation */
  GHashTable *by_paragraph; /* paragraph → GPtrArray of borrowed UprImportedRecommendation */
  GHashTable *by_text;      /* upr_normalise_text_key () → the same */
  GHashTable *claimed;      /* those matched by a row already */
} UprImportReview;

static void
review_free (UprImportReview *review)
{
  g_free (review->review_id);
  g_ptr_array_unref (review->existing);
  g_hash_table_destroy (review->by_paragraph);
  g_hash_table_destroy (review->by_text);
  g_hash_table_destroy (review->claimed);
  g_free (review);
}

GHashTable *
upr_import_reviews_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) review_free);
}

static void
index_existing (GHashTable                *table,
                const char                *key,
                UprImportedRecommendation *rec)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, g_strdup (key), list);
    }
  g_ptr_array_add (list, rec);
}

static UprImportReview *
review_for (UprImport  *self,
            const char *country,
            int         session,
            GError    **error)
{
  g_autofree char *key = g_strdup_printf ("%s %d", country, session);
  UprImportReview *review = g_hash_table_lookup (self->reviews, key);
  g_autoptr(UprReview) record = NULL;
  GPtrArray *existing;

  if (review != NULL)
    return review;
  record = upr_store_ensure_review (self->store, country, session, error);
  if (record == NULL)
    return NULL;
  existing = upr_store_import_list_review (self->store, upr_record_get_id (UPR_RECORD (record)),
                                           error);
  if (existing == NULL)
    return NULL;
  review = g_new0 (UprImportReview, 1);
  review->review_id = g_strdup (upr_record_get_id (UPR_RECORD (record)));
  review->existing = existing;
  review->by_paragraph = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
  review->by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  review->claimed = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < existing->len; i++)
    {
      UprImportedRecommendation *rec = existing->pdata[i];
      g_autofree char *text_key = upr_normalise_text_key (rec->text);

      if (rec->paragraph != NULL)
        index_existing (review->by_paragraph, rec->paragraph, rec);
      index_existing (review->by_text, text_key, rec);
    }
  g_hash_table_insert (self->reviews, g_steal_pointer (&key), review);
  return review;
}

static gboolean
same_strv (char * const *a,
           char * const *b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

static gboolean
contains (GPtrArray *list,
          gpointer   item)
{
  return list != NULL && g_ptr_array_find (list, item, NULL);
}

/* Of @candidates not matched yet, the one most like @rec: same text, then same States, then
 * from the same row of the same file; NULL when none is left. @paragraph_must_agree: leave
 * out those with another paragraph than @rec's. */
static UprImportedRecommendation *
best_candidate (UprImportReview                 *review,
                GPtrArray                       *candidates,
                GPtrArray                       *same_text,
                const UprImportedRecommendation *rec,
                gboolean                         paragraph_must_agree)
{
  UprImportedRecommendation *best = NULL;
  int best_score = -1;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      UprImportedRecommendation *old = candidates->pdata[i];
      int score;

      if (g_hash_table_contains (review->claimed, old)
          || (paragraph_must_agree && rec->paragraph != NULL && old->paragraph != NULL
              && strcmp (rec->paragraph, old->paragraph) != 0))
        continue;
      score = (contains (same_text, old) ? 4 : 0)
              + (same_strv (old->states, rec->states) ? 2 : 0)
              + (old->source_row == rec->source_row
                 && g_strcmp0 (old->source_file, rec->source_file) == 0 ? 1 : 0);
      if (score > best_score)
        {
          best = old;
          best_score = score;
        }
    }
  return best;
}

/* The recommendation a row made before: one with its paragraph (a paragraph is not unique:
 * UPR Info splits a recommendation supported in part into two rows under one paragraph);
 * else one with its text and no other paragraph. Among several, the most alike: UPR Info
 * lists a recommendation made by several States once per State, with the same text. */
static UprImportedRecommendation *
find_match (UprImportReview       *review,
            const UprImportParsed *parsed)
{
  const UprImportedRecommendation *rec = parsed->rec;
  UprImportedRecommendation *match = NULL;
  g_autofree char *key = NULL;
  GPtrArray *same_text;

  if (review->existing->len == 0)
    return NULL;
  key = upr_normalise_text_key (rec->text);
  same_text = g_hash_table_lookup (review->by_text, key);
  if (rec->paragraph != NULL)
    match = best_candidate (review, g_hash_table_lookup (review->by_paragraph, rec->paragraph),
                            same_text, rec, FALSE);
  if (match == NULL)
    match = best_candidate (review, same_text, same_text, rec, TRUE);
  return match;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The terms of @old in the vocabularies the row does not speak of, and the row's. */
static char **
merge_terms (char * const     *old,
             char * const     *new,
             UprImportSchemes  schemes)
{
  static const struct { UprImportSchemes scheme; const char *prefix; } prefixes[] = {
    { UPR_IMPORT_SCHEME_THEME, "uhri-theme:" },
    { UPR_IMPORT_SCHEME_GROUP, "uhri-group:" },
    { UPR_IMPORT_SCHEME_ISSUE, "uprinfo-issue:" },
  };
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; old[i] != NULL; i++)
    {
      gboolean replaced = FALSE;

      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        replaced |= (schemes & prefixes[p].scheme) && g_str_has_prefix (old[i], prefixes[p].prefix);
      if (!replaced)
        g_ptr_array_add (terms, g_strdup (old[i]));
    }
  for (guint i = 0; new[i] != NULL; i++)
    g_ptr_array_add (terms, g_strdup (new[i]));
  g_ptr_array_sort (terms, compare_strings);
  g_ptr_array_add (terms, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&terms), FALSE);
}

static void
replace_string (char       **target,
                const char  *value)
{
  if (g_strcmp0 (*target, value) == 0)
    return;
  g_free (*target);
  *target = g_strdup (value);
}

/* @old with the fields of the row that the file gives (an empty cell never erases), and what
 * that changes. Provenance follows a change, and only a change. */
static UprImportChanges
merge (UprImportedRecommendation *old,
       const UprImportParsed     *parsed)
{
  const UprImportedRecommendation *rec = parsed->rec;
  UprImportChanges changes = 0;
  g_auto(GStrv) terms = merge_terms (old->terms, rec->terms, parsed->schemes);

  if (rec->paragraph != NULL && g_strcmp0 (rec->paragraph, old->paragraph) != 0)
    changes |= UPR_IMPORT_CHANGE_PARAGRAPH;
  if (strcmp (rec->text, old->text) != 0)
    changes |= UPR_IMPORT_CHANGE_TEXT;
  if (parsed->has_response && g_strcmp0 (rec->response, old->response) != 0)
    changes |= UPR_IMPORT_CHANGE_RESPONSE;
  if (rec->response_source != NULL && g_strcmp0 (rec->response_source, old->response_source) != 0)
    changes |= UPR_IMPORT_CHANGE_RESPONSE_SOURCE;
  if (rec->action_category != 0 && rec->action_category != old->action_category)
    changes |= UPR_IMPORT_CHANGE_ACTION_CATEGORY;
  if (rec->states[0] != NULL && !same_strv (rec->states, old->states))
    changes |= UPR_IMPORT_CHANGE_STATES;
  if (!same_strv (terms, old->terms))
    changes |= UPR_IMPORT_CHANGE_TERMS;
  if (rec->sdg_goals != 0 && rec->sdg_goals != old->sdg_goals)
    changes |= UPR_IMPORT_CHANGE_SDGS;
  if (changes == 0)
    return 0;

  if (changes & UPR_IMPORT_CHANGE_PARAGRAPH)
    replace_string (&old->paragraph, rec->paragraph);
  replace_string (&old->text, rec->text);
  if (changes & UPR_IMPORT_CHANGE_RESPONSE)
    replace_string (&old->response, rec->response);
  if (changes & UPR_IMPORT_CHANGE_RESPONSE_SOURCE)
    replace_string (&old->response_source, rec->response_source);
  if (changes & UPR_IMPORT_CHANGE_ACTION_CATEGORY)
    old->action_category = rec->action_category;
  if (changes & UPR_IMPORT_CHANGE_STATES)
    {
      g_strfreev (old->states);
      old->states = g_strdupv (rec->states);
    }
  if (changes & UPR_IMPORT_CHANGE_TERMS)
    {
      g_strfreev (old->terms);
      old->terms = g_steal_pointer (&terms);
    }
  if (changes & UPR_IMPORT_CHANGE_SDGS)
    old->sdg_goals = rec->sdg_goals;
  replace_string (&old->source_file, rec->source_file);
  old->source_row = rec->source_row;
  return changes;
}

gboolean
upr_import_write_row (UprImport       *self,
                      UprImportParsed *parsed,
                      GError         **error)
{
  UprImportReview *review = review_for (self, parsed->country, parsed->session, error);
  UprImportedRecommendation *match;
  UprImportChanges changes;

  if (review == NULL)
    return FALSE;
  match = find_match (review, parsed);
  if (match == NULL)
    {
      self->summary.n_new++;
      return upr_store_import_batch_add (self->batch, review->review_id,
                                         g_steal_pointer (&parsed->rec), error);
    }
  g_hash_table_add (review->claimed, match);
  changes = merge (match, parsed);
  if (changes == 0)
    {
      self->summary.n_unchanged++;
      return TRUE;
    }
  if (!upr_store_import_update (self->store, match, changes, self->now, error))
    return FALSE;
  self->summary.n_updated++;
  return TRUE;
}
