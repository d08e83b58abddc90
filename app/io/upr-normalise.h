/* upr-normalise.h: the values of imported files made clean and comparable (DESIGN.md §4).
 *
 * Files people have carry HTML entities ("&#40;", even "&amp;#40;"), untrimmed text, runs of
 * spaces, non-breaking spaces and hyphens (U+00A0, U+2011), decomposed accents, numbers
 * written as floats ("5.0") and the same response under many names ("Accepted", "Acceptée",
 * "Supported in part"…). These functions turn each cell into what the store keeps; they
 * know nothing of the store or of tables. Names of States and of themes are matched in
 * upr-normalise-names.h. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  UPR_NORMALISE_SINGLE_LINE = 0,      /* every run of white space becomes one space */
  UPR_NORMALISE_MULTILINE   = 1 << 0, /* line breaks stay (at most one empty line) */
} UprNormaliseFlags;

/* HTML entities decoded (named, decimal, hexadecimal, and escaped twice), line ends made
 * "\n", no-break spaces and the like made spaces, U+2011 and U+2010 made "-", soft hyphens,
 * zero-width spaces and other invisible characters removed, Unicode NFC, white space
 * collapsed and trimmed. Invalid UTF-8 is repaired. Never NULL. */
char     *upr_normalise_text            (const char        *raw,
                                         UprNormaliseFlags  flags);
/* Only the entities, for tests and for text that needs nothing else. */
char     *upr_normalise_decode_entities (const char        *text);

/* upr_fold() (upr-fold.h) of @text, quicker for ASCII text (most UPR files), with the same
 * result. Then trailing punctuation is dropped, so "Ratify it." and "Ratify it;" compare
 * equal: the key to find a recommendation imported before by its text. */
char     *upr_normalise_text_key        (const char        *text);
/* A name as a key for matching names of States, themes and columns: folded, "&" read as
 * "and", punctuation made spaces, a leading "the " dropped ("Côte d’Ivoire" and "Cote
 * d'Ivoire" give "cote d ivoire"). */
char     *upr_normalise_name_key        (const char        *name);

/* A UPR_VOCAB_RESPONSE id ("supported", "supported-in-part", "noted", "pending") for a
 * response as files write it in English or French; NULL when not recognised. An empty
 * cell is "pending" (no response given). */
const char *upr_normalise_response      (const char        *text);

/* The UPR Working Group session in "5", "5.0", "UPR 48", "48th session", "4th Cycle - 48th
 * Session", "UPR48"…; 0 when there is none or it is ambiguous. */
int       upr_normalise_session         (const char        *text);
/* The same in a title or a file name ("UPR of Slovenia (4th Cycle - 48th Session)",
 * "upr48-slovenia.docx"), where a number alone is no session. */
int       upr_normalise_session_in_title (const char      *text);
/* The cycle in "3", "3rd cycle", "Cycle 4", "third cycle", "4e cycle"…; 0 when none. */
int       upr_normalise_cycle           (const char        *text);
/* UPR Info's action category (1–5) in "5", "5.0", "Category 4", "3 - Considering action";
 * 0 when none. */
int       upr_normalise_action_category (const char        *text);
/* The goals (mask of 1 << (goal - 1)) in one item of a list of SDGs: "Goal 5", "SDG 5",
 * "ODD 5", "5.2" (a target: its goal), "16 - Peace, justice and strong institutions", or
 * several numbers ("5, 16"); 0 when none. */
guint     upr_normalise_sdg_goals       (const char        *item);

/* A paragraph reference as reports write it: "140.7", without a trailing dot; NULL when
 * @text holds none. */
char     *upr_normalise_paragraph       (const char        *text);

/* The items of a multi-valued cell written one per line, as OHCHR writes them ("- Women",
 * "• Children"): bullets and empty lines dropped, each item normalised. A cell of one line
 * gives one item (commas are left alone: they may belong to a name). */
char    **upr_normalise_split_lines     (const char        *text);

/* Whether @text starts with the heading of a list ("Groups of persons:", "Affected persons :",
 * "Themes:"), and which: 'g' for groups of persons, 't' for themes, 0 otherwise. @rest
 * (optional) receives what follows the colon on the same line. */
char      upr_normalise_list_heading    (const char        *text,
                                         const char       **rest);

G_END_DECLS
