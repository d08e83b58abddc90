/* upr-action-category-private.h: the lexicon shared by the action-category rules
 * (upr-action-category.c) and its data (upr-action-category-lexicon.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  UPR_LEX_EN      = 1 << 0, /* English: inflected forms are found by English endings */
  UPR_LEX_FR      = 1 << 1, /* French: inflected forms are found by French endings */
  UPR_LEX_NOUN    = 1 << 2, /* a noun, matched as written where a noun is expected */
  UPR_LEX_LIGHT   = 1 << 3, /* a verb whose object decides: "take measures", "give consideration" */
  UPR_LEX_GENERAL = 1 << 4, /* a general object ("measures"): a specific verb on it is general */
  UPR_LEX_OTHERS  = 1 << 5, /* addressed to others or asking their help: "the international
                             * community", "technical assistance" */
  UPR_LEX_ENDS    = 1 << 6, /* a verb that ends or removes ("repeal", "lift"): specific
                             * whatever its object ("repeal administrative measures") */
} UprLexFlags;

typedef struct
{
  const char *words;    /* folded (upr_fold), one space between words; "*" is any one word */
  guint8      category; /* 1–5 */
  guint8      flags;    /* UprLexFlags */
} UprLexEntry;

extern const UprLexEntry upr_lex_entries[];
extern const guint       upr_lex_n_entries;

/* Word lists, folded, NULL-terminated. */
extern const char *const upr_lex_adverbs[];        /* before a verb: "further", "pleinement" */
extern const char *const upr_lex_adverb_phrases[]; /* "as soon as possible", "sans delai" */
extern const char *const upr_lex_preamble[];       /* at the start: "that", "recommended" */
extern const char *const upr_lex_openers[];        /* open a clause: "with", "tout" */
extern const char *const upr_lex_modals[];         /* end a subject: "should", "devrait" */
extern const char *const upr_lex_coordinators[];   /* join two verbs: "and", "et" */
extern const char *const upr_lex_infinitive[];     /* mark a second verb: "to", "de", "a" */
extern const char *const upr_lex_means[];          /* introduce a means: "by", "en" */
extern const char *const upr_lex_determiners[];    /* before a noun: "the", "la" */
extern const char *const upr_lex_definite[];       /* name an instance: "the", "its", "la" */
extern const char *const upr_lex_necessary[];      /* "the measures necessary": general */
extern const char *const upr_lex_stops[];          /* end an object: "to", "of", "pour" */

G_END_DECLS
