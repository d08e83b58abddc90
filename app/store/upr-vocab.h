/* upr-vocab.h: the closed vocabularies of Upright (workshop kinds, stakeholder types, …).
 *
 * The database stores the stable English ids ("side-event", "nhri"), so files and merges do
 * not depend on the interface language; labels are translated when shown. The schema's CHECK
 * constraints list the same ids (tests/test-store.c keeps the two in step). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  UPR_VOCAB_WORKSHOP_KIND,
  UPR_VOCAB_WORKSHOP_FORMAT,
  UPR_VOCAB_AGENDA_ROLE,
  UPR_VOCAB_GENDER,
  UPR_VOCAB_CONSENT_SCOPE,
  UPR_VOCAB_REGISTRATION,
  UPR_VOCAB_ATTENDANCE_MODE,
  UPR_VOCAB_STAKEHOLDER_TYPE,
  UPR_VOCAB_UN_GROUP,
  /* Recommendations and their implementation (schema version 3). */
  UPR_VOCAB_RESPONSE,
  UPR_VOCAB_IMPLEMENTATION_STATUS,
  UPR_VOCAB_ASSESSMENT_LEVEL,
  UPR_VOCAB_ASSESSMENT_SOURCE,
  UPR_VOCAB_ACTION_CATEGORY, /* ids "1"…"5", stored as INTEGER */
  UPR_VOCAB_PRIORITY,
  UPR_VOCAB_ACTION_STATUS,   /* of a planned action */
  UPR_VOCAB_TERM_SCHEME,     /* the vocabularies of themes, groups, issues, and the SDGs */
  UPR_N_VOCABS
} UprVocab;

typedef struct
{
  const char *id;
  const char *label; /* untranslated; use upr_vocab_label() */
} UprVocabEntry;

const UprVocabEntry *upr_vocab_entries (UprVocab    vocab,
                                        guint      *n_entries);
const char          *upr_vocab_label   (UprVocab    vocab,
                                        const char *id);
int                  upr_vocab_index   (UprVocab    vocab,
                                        const char *id);
const char          *upr_vocab_id_at   (UprVocab    vocab,
                                        int         index);

G_END_DECLS
