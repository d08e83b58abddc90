/* upr-action-category.h: suggests UPR Info's action category (1–5) of a recommendation from
 * its opening verbs, in English or French, following UPR Info's method
 * (../shared/data/reference/Database_Action_Category.txt): the first verb decides; when a
 * recommendation opens with two verbs, the second decides; a general action illustrated by a
 * specific one is specific (5). The user confirms or changes the suggestion. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The categories, as UPR Info numbers them; 0 is "no suggestion". */
typedef enum
{
  UPR_ACTION_CATEGORY_UNKNOWN     = 0,
  UPR_ACTION_CATEGORY_MINIMAL     = 1, /* other States, technical assistance, sharing */
  UPR_ACTION_CATEGORY_CONTINUING  = 2, /* continue, maintain, pursue */
  UPR_ACTION_CATEGORY_CONSIDERING = 3, /* consider, envisage, review */
  UPR_ACTION_CATEGORY_GENERAL     = 4, /* ensure, strengthen, take measures */
  UPR_ACTION_CATEGORY_SPECIFIC    = 5, /* ratify, adopt, establish, amend */
} UprActionCategory;

/* Which principle gave the category. */
typedef enum
{
  UPR_ACTION_CATEGORY_RULE_NONE,           /* no action verb was found: no suggestion */
  UPR_ACTION_CATEGORY_RULE_FIRST_VERB,     /* the first action verb decides */
  UPR_ACTION_CATEGORY_RULE_SECOND_VERB,    /* two opening verbs: the second decides */
  UPR_ACTION_CATEGORY_RULE_OBJECT,         /* the verb's object decides: "take measures",
                                            * "give consideration" */
  UPR_ACTION_CATEGORY_RULE_GENERAL_OBJECT, /* a specific verb on a general object: "adopt
                                            * measures" is a general action */
  UPR_ACTION_CATEGORY_RULE_SPECIFIC_MEANS, /* a general action made specific: "… by amending" */
  UPR_ACTION_CATEGORY_RULE_OTHERS,         /* addressed to other States or asking their help */
} UprActionCategoryRule;

/* Why a category was suggested, for the interface to show. The deciding words are
 * text[offset, offset + length) in the text given to upr_action_category_suggest() (in its
 * repaired copy if that text was not valid UTF-8). */
typedef struct
{
  UprActionCategoryRule rule;
  const char           *lemma;  /* the deciding word(s) as the lexicon has them ("ratify",
                                 * "mettre en place"); static; NULL for RULE_NONE */
  gsize                 offset; /* bytes */
  gsize                 length; /* bytes */
} UprActionCategoryExplanation;

/* Returns the suggested category of @text, 1–5, or 0 (UPR_ACTION_CATEGORY_UNKNOWN) when its
 * opening holds no action verb Upright knows. @text is one recommendation, UTF-8. @why, when
 * not NULL, receives the reason. Thread-safe; no I/O. */
int         upr_action_category_suggest  (const char                         *text,
                                          UprActionCategoryExplanation       *why);
/* The translated name of a category ("Specific action"), or NULL outside 1–5. */
const char *upr_action_category_label    (int                                 category);
/* A translated sentence saying why, quoting the deciding words of @text ("Category 5,
 * Specific action. The first action verb, “Ratify”, decides."). */
char       *upr_action_category_describe (const char                         *text,
                                          int                                 category,
                                          const UprActionCategoryExplanation *why);

G_END_DECLS
