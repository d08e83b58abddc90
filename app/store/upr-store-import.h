/* upr-store-import.h: what importing recommendations needs from the store beyond records.
 *
 * An import writes thousands of recommendations with their links in one transaction; going
 * through a record and upr_store_save() for each would cost several queries per row. These
 * functions read what a review already holds in a few queries and write with statements
 * kept prepared. They write only the fields a file carries: a recommendation's
 * implementation (lead institution, status, progress, planned actions…), its cluster,
 * priority and notes belong to the officers and are never touched. Each change is logged as
 * upr_store_save() logs it (field names only). Call them inside upr_store_begin(): the
 * importer makes the whole file one transaction.
 *
 * The column mappings that the import assistant remembers per set of headers live here too
 * (schema version 4). */
#pragma once

#include "upr-store.h"

G_BEGIN_DECLS

/* A recommendation as a file gives it, or as the store holds it for comparison. Link arrays
 * are NULL-terminated, sorted (strcmp) and never NULL. */
typedef struct
{
  char    *id;              /* NULL until inserted */
  char    *paragraph;       /* "140.7"; NULL when none */
  char    *text;
  char    *response;        /* UPR_VOCAB_RESPONSE id */
  char    *response_source;
  int      action_category; /* 1–5; 0 when none */
  char    *source_file;     /* provenance: the file's name and the row it came from */
  int      source_row;
  gboolean trashed;         /* read only: in the trash */
  char   **states;          /* ISO codes of the recommending States */
  char   **terms;           /* vocabulary term ids: themes, groups of persons, issues */
  guint    sdg_goals;       /* mask of UPR_SDG_BIT (goal) */
} UprImportedRecommendation;

UprImportedRecommendation *upr_imported_recommendation_new  (void);
void                       upr_imported_recommendation_free (UprImportedRecommendation *rec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprImportedRecommendation, upr_imported_recommendation_free)

/* What an update changes, for upr_store_import_update() and its change-log entry. */
typedef enum
{
  UPR_IMPORT_CHANGE_PARAGRAPH       = 1 << 0,
  UPR_IMPORT_CHANGE_TEXT            = 1 << 1,
  UPR_IMPORT_CHANGE_RESPONSE        = 1 << 2,
  UPR_IMPORT_CHANGE_RESPONSE_SOURCE = 1 << 3,
  UPR_IMPORT_CHANGE_ACTION_CATEGORY = 1 << 4,
  UPR_IMPORT_CHANGE_STATES          = 1 << 5,
  UPR_IMPORT_CHANGE_TERMS           = 1 << 6,
  UPR_IMPORT_CHANGE_SDGS            = 1 << 7,
} UprImportChanges;

/* Every recommendation of the review @review_id, trashed ones included (a file imported
 * again must find them rather than make copies), with their links: a GPtrArray of
 * UprImportedRecommendation, in no particular order. Four queries, whatever the number. */
GPtrArray *upr_store_import_list_review   (UprStore                  *self,
                                           const char                *review_id,
                                           GError                   **error);

/* New recommendations are written in groups, a few statements for dozens of rows and their
 * links and change-log entries: each statement SQLite runs has a cost of its own (its
 * journal, its constraint checks), which for an import is most of the cost. */
typedef struct _UprStoreImportBatch UprStoreImportBatch;

/* @now: the import's time ("YYYY-MM-DDTHH:MM:SSZ"), for every row and change-log entry. */
UprStoreImportBatch *upr_store_import_batch_new   (UprStore                  *self,
                                                   const char                *now);
/* Queues @rec (taken) for the review @review_id and sets its id; writes the group when it is
 * full. Its creation is logged as upr_store_save() logs one. An unknown State, term or goal
 * fails (the importer passes only known ones). */
gboolean             upr_store_import_batch_add   (UprStoreImportBatch       *batch,
                                                   const char                *review_id,
                                                   UprImportedRecommendation *rec,
                                                   GError                   **error);
/* Writes what is queued; call before committing. */
gboolean             upr_store_import_batch_flush (UprStoreImportBatch       *batch,
                                                   GError                   **error);
void                 upr_store_import_batch_free  (UprStoreImportBatch       *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UprStoreImportBatch, upr_store_import_batch_free)

/* Writes the fields named by @changes from @rec into the stored recommendation @rec->id,
 * with its provenance, replaces the link lists named (@rec->terms is the whole new list,
 * terms of other vocabularies included), and logs one "update" naming the fields. */
gboolean   upr_store_import_update        (UprStore                        *self,
                                           const UprImportedRecommendation *rec,
                                           UprImportChanges                 changes,
                                           const char                      *now,
                                           GError                         **error);

/* The field names an update logs ("text, response, states"), as the change log shows them. */
char      *upr_import_changes_describe    (UprImportChanges           changes);

/* The mapping remembered for a set of headers; NULL without error when there is none. */
char      *upr_store_get_import_mapping   (UprStore                  *self,
                                           const char                *header_key,
                                           GError                   **error);
gboolean   upr_store_set_import_mapping   (UprStore                  *self,
                                           const char                *header_key,
                                           const char                *mapping,
                                           GError                   **error);

G_END_DECLS
