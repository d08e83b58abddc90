/* upr-action-category.c: suggests UPR Info's action category from a recommendation's opening
 * verbs; see upr-action-category.h. The words are in upr-action-category-lexicon.c.
 *
 * The text is cut into folded words. Its preamble ("140.7", "That", "It recommended that",
 * "With the support of the international community,", "Le Gouvernement devrait") is passed
 * over to the first action verb, whose rank is the first guess. UPR Info's principles then
 * refine it, in this order:
 *   1. two opening verbs ("Continue and strengthen"): the second decides;
 *   2. a light verb ("take", "give", "procéder") is decided by its object ("measures" 4,
 *      "consideration" 3, "ratification" 5), and a specific verb on a general object ("adopt
 *      measures") is a general action, as UPR Info ranks it;
 *   3. an action addressed to other States or asking for their help ("encourage the
 *      international community", "continue to seek technical assistance") is minimal (1);
 *   4. a general action made specific by its means ("by amending", "par l'adoption") is 5.
 * A continuing or considering verb keeps its rank whatever follows ("Continue efforts to
 * establish" 2, "Consider ratifying" 3), as UPR Info ranks them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-action-category.h"
#include "upr-action-category-private.h"
#include "upr-fold.h"

/* Only the opening and the means that illustrate it matter: the rest of a long text is not
 * read. */
#define MAX_TOKENS 160
/* How far a verb's object may run: "take all the necessary legislative measures". */
#define OBJECT_WINDOW 5
/* How far the words naming other States or their help may be from the verb: "strengthen
 * further the cooperation with the international community". */
#define OTHERS_WINDOW 8
/* How far an introductory clause ("With the support of …,") may run before its comma. */
#define OPENER_WINDOW 40
/* How far a subject ("the Government of the Republic should") may run before its verb. */
#define SUBJECT_WINDOW 20

typedef struct
{
  char *word;   /* folded; NULL for punctuation */
  char  punct;  /* ',' ';' '.' '(' ')' ':', or 0 for a word */
  gsize offset; /* bytes into the text */
  gsize length;
} Token;

typedef struct
{
  const UprLexEntry *entry;
  char             **words; /* entry->words split */
  guint              n_words;
} LexPhrase;

typedef struct
{
  GHashTable *phrases;        /* first word → GPtrArray of LexPhrase, longest first */
  GPtrArray  *adverb_phrases; /* GStrv each: "as soon as possible" split */
  GHashTable *adverbs;
  GHashTable *preamble;
  GHashTable *openers;
  GHashTable *modals;
  GHashTable *coordinators;
  GHashTable *infinitive;
  GHashTable *means;
  GHashTable *determiners;
  GHashTable *definite;
  GHashTable *necessary;
  GHashTable *stops;
} LexIndex;

typedef struct
{
  const UprLexEntry *entry; /* NULL when nothing matched */
  guint              first; /* the first token of the match */
  guint              end;   /* one past its last token */
} Match;

typedef enum
{
  WANT_VERB, /* verbs, inflected or not */
  WANT_NOUN, /* nouns and noun phrases, as written */
} MatchKind;

/* What the preamble says comes before the verb; the larger wins. */
typedef enum
{
  PREAMBLE_PLAIN,    /* nothing, numbering, "To" */
  PREAMBLE_REPORTED, /* "Recommended", "Il est recommandé": perhaps an addressee first */
  PREAMBLE_THAT,     /* "… that", "que": a subject first */
} Preamble;

typedef enum
{
  OBJECT_STOPS_ALL,   /* the object of a verb ends at a preposition */
  OBJECT_STOPS_LIGHT, /* a light verb's object may follow one: "take into account" */
} ObjectStops;

typedef struct
{
  const LexIndex *index;
  GArray         *tokens;
} Analysis;

/* The index */

static GHashTable *
word_set (const char *const *words)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; words[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) words[i]);
  return set;
}

static int
compare_phrase_length (gconstpointer a,
                       gconstpointer b)
{
  const LexPhrase *pa = *(const LexPhrase *const *) a;
  const LexPhrase *pb = *(const LexPhrase *const *) b;

  return (int) pb->n_words - (int) pa->n_words;
}

static GHashTable *
phrase_index (void)
{
  GHashTable *phrases = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer list;

  for (guint i = 0; i < upr_lex_n_entries; i++)
    {
      LexPhrase *phrase = g_new0 (LexPhrase, 1);
      GPtrArray *same_start;

      phrase->entry = &upr_lex_entries[i];
      phrase->words = g_strsplit (phrase->entry->words, " ", -1);
      phrase->n_words = g_strv_length (phrase->words);
      same_start = g_hash_table_lookup (phrases, phrase->words[0]);
      if (same_start == NULL)
        {
          same_start = g_ptr_array_new ();
          g_hash_table_insert (phrases, phrase->words[0], same_start);
        }
      g_ptr_array_add (same_start, phrase);
    }
  /* Longest first, so that "put in place" wins over "put". */
  g_hash_table_iter_init (&iter, phrases);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    g_ptr_array_sort (list, compare_phrase_length);
  return phrases;
}

/* Built once and kept for the life of the process: it is read-only after that, so
 * suggestions may run in several threads at once. */
static const LexIndex *
lex_index (void)
{
  static LexIndex *index = NULL;

  if (g_once_init_enter (&index))
    {
      LexIndex *new_index = g_new0 (LexIndex, 1);

      new_index->phrases = phrase_index ();
      new_index->adverb_phrases = g_ptr_array_new ();
      for (guint i = 0; upr_lex_adverb_phrases[i] != NULL; i++)
        g_ptr_array_add (new_index->adverb_phrases,
                         g_strsplit (upr_lex_adverb_phrases[i], " ", -1));
      new_index->adverbs = word_set (upr_lex_adverbs);
      new_index->preamble = word_set (upr_lex_preamble);
      new_index->openers = word_set (upr_lex_openers);
      new_index->modals = word_set (upr_lex_modals);
      new_index->coordinators = word_set (upr_lex_coordinators);
      new_index->infinitive = word_set (upr_lex_infinitive);
      new_index->means = word_set (upr_lex_means);
      new_index->determiners = word_set (upr_lex_determiners);
      new_index->definite = word_set (upr_lex_definite);
      new_index->necessary = word_set (upr_lex_necessary);
      new_index->stops = word_set (upr_lex_stops);
      g_once_init_leave (&index, new_index);
    }
  return index;
}

/* Words */

static void
clear_token (gpointer data)
{
  Token *token = data;

  g_free (token->word);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static char
punct_of (gunichar c)
{
  switch (c)
    {
    case ',':
    case ';':
    case ':':
    case '(':
    case ')':
      return (char) c;
    case '.':
    case '!':
    case '?':
      return '.';
    case '[':
      return '(';
    case ']':
      return ')';
    default:
      return 0;
    }
}

/* upr_fold() keeps the ligatures that Unicode does not decompose; French spells "œuvre" with
 * one and a typist without. */
static char *
fold_word (const char *start,
           gsize       length)
{
  g_autofree char *word = g_strndup (start, length);
  char *folded = upr_fold (word);
  GString *out;

  if (strstr (folded, "\xc5\x93") == NULL && strstr (folded, "\xc3\xa6") == NULL)
    return folded;
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0153)
        g_string_append (out, "oe");
      else if (c == 0x00E6)
        g_string_append (out, "ae");
      else
        g_string_append_unichar (out, c);
    }
  g_free (folded);
  return g_string_free (out, FALSE);
}

/* Words and the punctuation that bounds clauses; hyphens and apostrophes separate words, so
 * "follow-up" is "follow up" and "d'efforts" is "d efforts". */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;

  g_array_set_clear_func (tokens, clear_token);
  while (*p != '\0' && tokens->len < MAX_TOKENS)
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { NULL, 0, p - text, 0 };

      if (is_word_char (c))
        {
          const char *start = p;

          while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          token.length = p - start;
          token.word = fold_word (start, token.length);
          g_array_append_val (tokens, token);
          continue;
        }
      token.punct = punct_of (c);
      p = g_utf8_next_char (p);
      token.length = p - text - token.offset;
      if (token.punct != 0)
        g_array_append_val (tokens, token);
    }
  return tokens;
}

static const Token *
token_at (const Analysis *analysis,
          guint           i)
{
  return i < analysis->tokens->len ? &g_array_index (analysis->tokens, Token, i) : NULL;
}

/* The folded word at @i, or NULL past the end or at punctuation. */
static const char *
word_at (const Analysis *analysis,
         guint           i)
{
  const Token *token = token_at (analysis, i);

  return token != NULL ? token->word : NULL;
}

static char
punct_at (const Analysis *analysis,
          guint           i)
{
  const Token *token = token_at (analysis, i);

  return token != NULL ? token->punct : 0;
}

static gboolean
word_in (const Analysis *analysis,
         guint           i,
         GHashTable     *set)
{
  const char *word = word_at (analysis, i);

  return word != NULL && g_hash_table_contains (set, word);
}

/* Inflections */

static void
add_candidate (GPtrArray  *candidates,
               const char *stem,
               gsize       stem_length,
               const char *ending)
{
  if (stem_length >= 2)
    g_ptr_array_add (candidates, g_strdup_printf ("%.*s%s", (int) stem_length, stem, ending));
}

static gboolean
ends_with_double (const char *word,
                  gsize       length)
{
  return length >= 3 && word[length - 1] == word[length - 2]
         && strchr ("aeiouy", word[length - 1]) == NULL;
}

/* Base forms an English verb form may have: "ratifying" → "ratify", "committed" → "commit",
 * "ensures" → "ensure". Wrong guesses are harmless: they are only looked up. */
static void
english_bases (const char *word,
               GPtrArray  *candidates)
{
  gsize n = strlen (word);

  if (g_str_has_suffix (word, "ies") || g_str_has_suffix (word, "ied"))
    add_candidate (candidates, word, n - 3, "y");
  if (g_str_has_suffix (word, "es"))
    add_candidate (candidates, word, n - 2, "");
  if (g_str_has_suffix (word, "s") && !g_str_has_suffix (word, "ss"))
    add_candidate (candidates, word, n - 1, "");
  if (g_str_has_suffix (word, "ing") && n > 5)
    {
      add_candidate (candidates, word, n - 3, "");
      add_candidate (candidates, word, n - 3, "e");
      if (ends_with_double (word, n - 3))
        add_candidate (candidates, word, n - 4, "");
    }
  if (g_str_has_suffix (word, "ed") && n > 4)
    {
      add_candidate (candidates, word, n - 1, "");
      add_candidate (candidates, word, n - 2, "");
      if (ends_with_double (word, n - 2))
        add_candidate (candidates, word, n - 3, "");
    }
}

/* French verbs whose participle does not give the infinitive by its ending. */
static const char *
french_irregular (const char *word)
{
  static const char *const forms[][2] = {
    { "faisant", "faire" },       { "fait", "faire" },           { "prenant", "prendre" },
    { "pris", "prendre" },        { "prise", "prendre" },        { "prises", "prendre" },
    { "mis", "mettre" },          { "mise", "mettre" },          { "mises", "mettre" },
    { "promouvant", "promouvoir" }, { "accroissant", "accroitre" },
    { "reconnaissant", "reconnaitre" }, { "poursuive", "poursuivre" },
    { "poursuit", "poursuivre" }, { "poursuivant", "poursuivre" }, { "tenant", "tenir" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (strcmp (word, forms[i][0]) == 0)
      return forms[i][1];
  return NULL;
}

/* Infinitives a French verb form may have: "ratifiant" → "ratifier", "établissant" →
 * "établir", "ratifiée" → "ratifier", "ratifie" → "ratifier". */
static void
french_bases (const char *word,
              GPtrArray  *candidates)
{
  gsize n = strlen (word);
  const char *irregular = french_irregular (word);

  if (irregular != NULL)
    g_ptr_array_add (candidates, g_strdup (irregular));
  if (g_str_has_suffix (word, "issant") || g_str_has_suffix (word, "issent")
      || g_str_has_suffix (word, "isse"))
    add_candidate (candidates, word, n - (word[n - 1] == 'e' ? 4 : 6), "ir");
  if (g_str_has_suffix (word, "ant") && n > 5)
    {
      add_candidate (candidates, word, n - 3, "er");
      add_candidate (candidates, word, n - 3, "re");
      add_candidate (candidates, word, n - 3, "ir");
    }
  if (g_str_has_suffix (word, "ent"))
    add_candidate (candidates, word, n - 2, "r");
  if (g_str_has_suffix (word, "ees"))
    add_candidate (candidates, word, n - 2, "r");
  if (g_str_has_suffix (word, "es") || g_str_has_suffix (word, "ee")
      || g_str_has_suffix (word, "ie") || g_str_has_suffix (word, "is")
      || g_str_has_suffix (word, "it"))
    add_candidate (candidates, word, n - 1, "r");
  if (g_str_has_suffix (word, "ies"))
    add_candidate (candidates, word, n - 2, "r");
  if (g_str_has_suffix (word, "e") || g_str_has_suffix (word, "i"))
    add_candidate (candidates, word, n, "r");
}

/* Matching */

static gboolean
phrase_matches (const Analysis  *analysis,
                const LexPhrase *phrase,
                guint            first)
{
  for (guint w = 1; w < phrase->n_words; w++)
    {
      const char *word = word_at (analysis, first + w);

      if (word == NULL)
        return FALSE;
      if (strcmp (phrase->words[w], "*") != 0 && strcmp (phrase->words[w], word) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The longest entry of the wanted kind, whose first word is @form, that matches at @first.
 * @languages restricts verbs found through an inflection to that language. */
static gboolean
match_form (const Analysis *analysis,
            const char     *form,
            guint           languages,
            MatchKind       kind,
            guint           first,
            Match          *match)
{
  GPtrArray *phrases = g_hash_table_lookup (analysis->index->phrases, form);

  for (guint p = 0; phrases != NULL && p < phrases->len; p++)
    {
      const LexPhrase *phrase = g_ptr_array_index (phrases, p);
      gboolean is_noun = (phrase->entry->flags & UPR_LEX_NOUN) != 0;

      if (is_noun != (kind == WANT_NOUN) || (phrase->entry->flags & languages) == 0)
        continue;
      if (!phrase_matches (analysis, phrase, first))
        continue;
      match->entry = phrase->entry;
      match->first = first;
      match->end = first + phrase->n_words;
      return TRUE;
    }
  return FALSE;
}

/* Looks up the word at @i as a verb (in any inflection) or as a noun (as written). */
static gboolean
match_at (const Analysis *analysis,
          guint           i,
          MatchKind       kind,
          Match          *match)
{
  const char *word = word_at (analysis, i);
  const guint any = UPR_LEX_EN | UPR_LEX_FR | UPR_LEX_NOUN;
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) french = NULL;

  match->entry = NULL;
  if (word == NULL)
    return FALSE;
  if (match_form (analysis, word, any, kind, i, match))
    return TRUE;
  if (kind == WANT_NOUN)
    return FALSE;

  english = g_ptr_array_new_with_free_func (g_free);
  english_bases (word, english);
  for (guint c = 0; c < english->len; c++)
    if (match_form (analysis, g_ptr_array_index (english, c), UPR_LEX_EN, kind, i, match))
      return TRUE;
  french = g_ptr_array_new_with_free_func (g_free);
  french_bases (word, french);
  for (guint c = 0; c < french->len; c++)
    if (match_form (analysis, g_ptr_array_index (french, c), UPR_LEX_FR, kind, i, match))
      return TRUE;
  return FALSE;
}

static gboolean
verb_at (const Analysis *analysis,
         guint           i,
         Match          *match)
{
  return match_at (analysis, i, WANT_VERB, match);
}

static gboolean
noun_at (const Analysis *analysis,
         guint           i,
         Match          *match)
{
  return match_at (analysis, i, WANT_NOUN, match);
}

/* Passing over words */

static gboolean
words_match (const Analysis     *analysis,
             guint               i,
             const char *const *words)
{
  for (guint w = 0; words[w] != NULL; w++)
    if (g_strcmp0 (word_at (analysis, i + w), words[w]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
is_adverb (const Analysis *analysis,
           guint           i)
{
  const char *word = word_at (analysis, i);
  gsize n;
  Match verb;

  if (word == NULL)
    return FALSE;
  if (g_hash_table_contains (analysis->index->adverbs, word))
    return TRUE;
  n = strlen (word);
  /* "-ly" and "-ment" adverbs are too many to list ("expeditiously", "prioritairement");
   * a verb or a noun with such an ending ("apply", "implement", "renforcement") is not one. */
  return ((n > 4 && g_str_has_suffix (word, "ly")) || (n > 6 && g_str_has_suffix (word, "ment")))
         && !verb_at (analysis, i, &verb) && !noun_at (analysis, i, &verb);
}

/* The number of words of the adverb or adverbial phrase at @i ("as soon as possible"), or 0. */
static guint
adverb_length (const Analysis *analysis,
               guint           i)
{
  for (guint p = 0; p < analysis->index->adverb_phrases->len; p++)
    {
      const char *const *words = g_ptr_array_index (analysis->index->adverb_phrases, p);

      if (words_match (analysis, i, words))
        return g_strv_length ((GStrv) words);
    }
  return is_adverb (analysis, i) ? 1 : 0;
}

/* Also passes over adverbs in a row: "fully and immediately", "promptly, impartially and
 * thoroughly". */
static guint
skip_adverbs (const Analysis *analysis,
              guint           i)
{
  for (guint n; (n = adverb_length (analysis, i)) > 0;)
    {
      i += n;
      if (punct_at (analysis, i) == ',' || word_in (analysis, i, analysis->index->coordinators))
        {
          guint next = i + 1;

          if (word_in (analysis, next, analysis->index->coordinators))
            next++;
          if (adverb_length (analysis, next) > 0)
            i = next;
        }
    }
  return i;
}

/* "1.", "140.7", "a)", "(iv)", "-". */
static gboolean
is_numbering (const Analysis *analysis,
              guint           i)
{
  const char *word = word_at (analysis, i);
  char next = punct_at (analysis, i + 1);

  if (punct_at (analysis, i) != 0)
    return TRUE;
  if (word == NULL)
    return FALSE;
  if (strspn (word, "0123456789") == strlen (word))
    return TRUE;
  return (next == ')' || next == '.')
         && (strlen (word) == 1 || strspn (word, "ivxlc") == strlen (word));
}

static Preamble
preamble_kind (const char *word)
{
  if (strcmp (word, "that") == 0 || strcmp (word, "que") == 0 || strcmp (word, "qu") == 0)
    return PREAMBLE_THAT;
  if (g_str_has_prefix (word, "recommand") || g_str_has_prefix (word, "recommend")
      || strcmp (word, "encouraged") == 0)
    return PREAMBLE_REPORTED;
  return PREAMBLE_PLAIN;
}

/* Passes over numbering and the words that only introduce a recommendation ("That", "To",
 * "It recommended that", "Il est recommandé de"), saying in @preamble what they announce. */
static guint
skip_preamble (const Analysis *analysis,
               guint           i,
               Preamble       *preamble)
{
  *preamble = PREAMBLE_PLAIN;
  for (;; i++)
    {
      const char *word = word_at (analysis, i);

      if (i >= analysis->tokens->len)
        return i;
      if (is_numbering (analysis, i))
        continue;
      if (!g_hash_table_contains (analysis->index->preamble, word))
        return i;
      /* Sticky: in "that a commission be established", "a" is the article. */
      *preamble = MAX (*preamble, preamble_kind (word));
    }
}

/* Finding the first verb */

static gboolean find_verb_from (const Analysis *analysis,
                                guint           start,
                                guint           depth,
                                Match          *verb);

/* "With the support of the international community, continue to fight poverty": the verb
 * after the comma that ends an introductory clause. */
static gboolean
verb_after_opener (const Analysis *analysis,
                   guint           start,
                   guint           depth,
                   Match          *verb)
{
  if (!word_in (analysis, start, analysis->index->openers))
    return FALSE;
  for (guint i = start + 1; i < start + OPENER_WINDOW && i < analysis->tokens->len; i++)
    {
      char punct = punct_at (analysis, i);

      if (punct == '.' || punct == ';')
        return FALSE;
      if (punct == ',' && find_verb_from (analysis, i + 1, depth + 1, verb))
        return TRUE;
    }
  return FALSE;
}

/* "The State should ratify", "Le Gouvernement devrait être encouragé à ratifier",
 * "Indonesia is encouraged to identify": the verb after the modal. */
static gboolean
verb_after_modal (const Analysis *analysis,
                  guint           start,
                  Match          *verb)
{
  for (guint i = start; i < start + SUBJECT_WINDOW && i < analysis->tokens->len; i++)
    {
      const char *word = word_at (analysis, i);
      guint j = i + 1;

      if (punct_at (analysis, i) == '.' || punct_at (analysis, i) == ';')
        return FALSE;
      if (word == NULL || !g_hash_table_contains (analysis->index->modals, word))
        continue;
      /* A passive: "should be ratified", "devrait être ratifiée". */
      while (g_strcmp0 (word_at (analysis, j), "be") == 0
             || g_strcmp0 (word_at (analysis, j), "etre") == 0 || is_adverb (analysis, j))
        j++;
      if (word_in (analysis, j, analysis->index->infinitive))
        j++;
      return verb_at (analysis, skip_adverbs (analysis, j), verb);
    }
  return FALSE;
}

/* "Recommended that Benin establish": the subject's verb, in its plain form (not a
 * participle, which would rather open a clause: "following the recommendation of"). */
static gboolean
verb_after_subject (const Analysis *analysis,
                    guint           start,
                    Match          *verb)
{
  for (guint i = start; i < start + SUBJECT_WINDOW && i < analysis->tokens->len; i++)
    {
      const char *word = word_at (analysis, i);

      if (punct_at (analysis, i) == '.' || punct_at (analysis, i) == ';')
        return FALSE;
      if (word == NULL || g_str_has_suffix (word, "ing") || g_str_has_suffix (word, "ant"))
        continue;
      if (verb_at (analysis, i, verb))
        return TRUE;
    }
  return FALSE;
}

/* "Recommended the ratification of", "Recommended further cooperation": a noun naming the
 * action, perhaps after an article and an adjective or two. */
static gboolean
action_noun (const Analysis *analysis,
             guint           start,
             Match          *noun)
{
  guint i = skip_adverbs (analysis, start);

  while (word_in (analysis, i, analysis->index->determiners))
    i++;
  for (guint skipped = 0; skipped < 3 && word_at (analysis, i) != NULL; skipped++, i++)
    {
      if (noun_at (analysis, i, noun) && (noun->entry->flags & UPR_LEX_OTHERS) == 0)
        return TRUE;
      /* "Recommended mainstreaming human rights", "the legislative sanctioning of". */
      if (g_str_has_suffix (word_at (analysis, i), "ing") && verb_at (analysis, i, noun))
        return TRUE;
    }
  return FALSE;
}

/* The first verb from @start on, whatever introduces it; @depth bounds the introductory
 * clauses passed over. */
static gboolean
find_verb_from (const Analysis *analysis,
                guint           start,
                guint           depth,
                Match          *verb)
{
  Preamble preamble;
  gboolean opener;
  guint i;

  start = skip_preamble (analysis, start, &preamble);
  i = skip_adverbs (analysis, start);
  /* "Following the recommendation of CAT, establish": a participle may open a clause. */
  opener = word_in (analysis, start, analysis->index->openers);
  if ((!opener || i > start) && verb_at (analysis, i, verb))
    return TRUE;
  if (depth < 2 && verb_after_opener (analysis, start, depth, verb))
    return TRUE;
  if (verb_at (analysis, i, verb))
    return TRUE;
  if (verb_after_modal (analysis, start, verb))
    return TRUE;
  /* "Recommended that Benin establish", "The Afghan Government sign and ratify". */
  if ((preamble == PREAMBLE_THAT || word_in (analysis, start, analysis->index->definite))
      && verb_after_subject (analysis, start, verb))
    return TRUE;
  if (action_noun (analysis, start, verb))
    return TRUE;
  /* "Il est recommandé au Gouvernement de ratifier", "Recommended the Government to take". */
  return preamble == PREAMBLE_REPORTED && verb_after_subject (analysis, start, verb);
}

static gboolean
find_first_verb (const Analysis *analysis,
                 Match          *verb)
{
  return find_verb_from (analysis, 0, 0, verb);
}

/* The principles */

/* "Continue and strengthen", "Sign, ratify and implement": the second verb, if the first
 * is directly followed by another. */
static gboolean
second_verb (const Analysis *analysis,
             const Match    *first,
             Match          *second)
{
  guint i = skip_adverbs (analysis, first->end);

  if (punct_at (analysis, i) == ',')
    i++;
  else if (!word_in (analysis, i, analysis->index->coordinators))
    return FALSE;
  i = skip_adverbs (analysis, i);
  if (word_in (analysis, i, analysis->index->coordinators))
    i = skip_adverbs (analysis, i + 1);
  return verb_at (analysis, i, second) && (second->entry->flags & UPR_LEX_NOUN) == 0;
}

static gboolean
is_object_stop (const Analysis *analysis,
                guint           i,
                ObjectStops     stops)
{
  const char *word = word_at (analysis, i);

  if (word == NULL)
    return TRUE;
  if (stops == OBJECT_STOPS_ALL)
    return g_hash_table_contains (analysis->index->stops, word);
  return strcmp (word, "that") == 0 || strcmp (word, "pour") == 0
         || strcmp (word, "afin") == 0 || strcmp (word, "que") == 0;
}

/* The first listed noun among the few words after @verb ("all necessary measures"). */
static gboolean
object_noun (const Analysis *analysis,
             const Match    *verb,
             ObjectStops     stops,
             Match          *noun)
{
  for (guint i = verb->end; i < verb->end + OBJECT_WINDOW; i++)
    {
      if (noun_at (analysis, i, noun))
        return TRUE;
      if (is_object_stop (analysis, i, stops))
        return FALSE;
    }
  return FALSE;
}

/* "Encourage the international community to", "make available to other countries its
 * experience": the verb's object names other States or their help. */
static gboolean
others_object (const Analysis *analysis,
               const Match    *verb,
               Match          *others)
{
  for (guint i = verb->end; i < verb->end + OTHERS_WINDOW; i++)
    {
      if (noun_at (analysis, i, others) && (others->entry->flags & UPR_LEX_OTHERS) != 0)
        return TRUE;
      if (is_object_stop (analysis, i, OBJECT_STOPS_LIGHT))
        return FALSE;
    }
  return FALSE;
}

/* "Adopt measures", "put in place further measures", "implement a strategy": a specific verb
 * on a general object, which UPR Info ranks as a general action. Not so when the object is
 * a known instance ("implement the national strategy", "mettre en œuvre sa stratégie"),
 * unless it is only "the measures necessary"; nor when the verb ends or removes something
 * ("repeal administrative measures"). */
static gboolean
general_object (const Analysis *analysis,
                const Match    *verb,
                Match          *noun)
{
  gboolean definite = FALSE;

  if ((verb->entry->flags & UPR_LEX_ENDS) != 0
      || !object_noun (analysis, verb, OBJECT_STOPS_ALL, noun)
      || (noun->entry->flags & UPR_LEX_GENERAL) == 0)
    return FALSE;
  for (guint i = verb->end; i < noun->first; i++)
    definite = definite || word_in (analysis, i, analysis->index->definite);
  return !definite || word_in (analysis, noun->end, analysis->index->necessary);
}

/* "Continue to seek technical assistance", "Continue sharing its experience": the verb
 * that a continuing verb continues, if it comes at once. */
static gboolean
continued_verb (const Analysis *analysis,
                const Match    *verb,
                Match          *continued)
{
  guint i = skip_adverbs (analysis, verb->end);

  if (word_in (analysis, i, analysis->index->infinitive))
    i = skip_adverbs (analysis, i + 1);
  return verb_at (analysis, i, continued);
}

/* The specific action named right after a means marker: "amending" in "by amending", "the
 * adoption" in "through the adoption of", "adoptant" in "en adoptant". */
static gboolean
means_after (const Analysis *analysis,
             guint           marker,
             Match          *means)
{
  gboolean french = g_strcmp0 (word_at (analysis, marker), "en") == 0;
  Match object;
  guint j = skip_adverbs (analysis, marker + 1);

  if (verb_at (analysis, j, means))
    return means->entry->category == 5
           && g_str_has_suffix (word_at (analysis, j), french ? "ant" : "ing")
           && !general_object (analysis, means, &object);
  if (french)
    return FALSE;
  while (word_in (analysis, j, analysis->index->determiners))
    j++;
  /* "through the implementation of social measures" is no more specific than they are. */
  return noun_at (analysis, j, means) && means->entry->category == 5
         && !(object_noun (analysis, means, OBJECT_STOPS_LIGHT, &object)
              && (object.entry->flags & UPR_LEX_GENERAL) != 0);
}

/* "… including by amending the Family Code", "… notamment en adoptant une loi", "… through
 * the establishment of": a specific means of a general action. Not a passive's agent ("this
 * could be supported by developing"). */
static gboolean
specific_means (const Analysis *analysis,
                const Match    *verb,
                Match          *means)
{
  for (guint i = verb->end; i + 1 < analysis->tokens->len; i++)
    {
      const char *before = word_at (analysis, i - 1);

      if (!word_in (analysis, i, analysis->index->means)
          || (before != NULL && g_str_has_suffix (before, "ed")))
        continue;
      if (means_after (analysis, i, means))
        return TRUE;
    }
  return FALSE;
}

static void
explain (const Analysis               *analysis,
         UprActionCategoryExplanation *why,
         UprActionCategoryRule         rule,
         const Match                  *first,
         const Match                  *last)
{
  const Token *start = token_at (analysis, first->first);
  const Token *end = token_at (analysis, last->end - 1);

  why->rule = rule;
  why->lemma = last->entry->words;
  why->offset = start->offset;
  why->length = end->offset + end->length - start->offset;
}

/* Applies the principles to the first verb, in the order of the file's comment. */
static int
decide (const Analysis               *analysis,
        const Match                  *first,
        UprActionCategoryExplanation *why)
{
  Match verb = *first, other;
  int category;

  if ((verb.entry->flags & UPR_LEX_NOUN) == 0 && second_verb (analysis, first, &other))
    {
      verb = other;
      explain (analysis, why, UPR_ACTION_CATEGORY_RULE_SECOND_VERB, &verb, &verb);
    }
  else
    explain (analysis, why, UPR_ACTION_CATEGORY_RULE_FIRST_VERB, &verb, &verb);
  category = verb.entry->category;

  if ((verb.entry->flags & UPR_LEX_LIGHT) != 0
      && object_noun (analysis, &verb, OBJECT_STOPS_LIGHT, &other))
    {
      category = other.entry->category;
      explain (analysis, why, UPR_ACTION_CATEGORY_RULE_OBJECT, &verb, &other);
    }
  else if (category == 5 && general_object (analysis, &verb, &other))
    {
      category = 4;
      explain (analysis, why, UPR_ACTION_CATEGORY_RULE_GENERAL_OBJECT, &verb, &other);
    }

  if (category == 2 && continued_verb (analysis, &verb, &other) && other.entry->category == 1)
    {
      category = 1;
      explain (analysis, why, UPR_ACTION_CATEGORY_RULE_OTHERS, &other, &other);
    }
  else if (category >= 4 && others_object (analysis, &verb, &other))
    {
      category = 1;
      explain (analysis, why, UPR_ACTION_CATEGORY_RULE_OTHERS, &other, &other);
    }

  if (category == 4 && specific_means (analysis, &verb, &other))
    {
      category = 5;
      explain (analysis, why, UPR_ACTION_CATEGORY_RULE_SPECIFIC_MEANS, &other, &other);
    }
  return category;
}

/* Public API */

int
upr_action_category_suggest (const char                   *text,
                             UprActionCategoryExplanation *why)
{
  UprActionCategoryExplanation ignored;
  g_autofree char *valid = NULL;
  Analysis analysis;
  Match verb;
  int category = UPR_ACTION_CATEGORY_UNKNOWN;

  g_return_val_if_fail (text != NULL, UPR_ACTION_CATEGORY_UNKNOWN);

  if (why == NULL)
    why = &ignored;
  memset (why, 0, sizeof *why);
  /* Imported texts may hold invalid UTF-8; the words are read from a repaired copy, whose
   * offsets may then differ from @text's. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  analysis.index = lex_index ();
  analysis.tokens = tokenize (text);
  if (find_first_verb (&analysis, &verb))
    category = decide (&analysis, &verb, why);
  g_array_unref (analysis.tokens);
  return category;
}

const char *
upr_action_category_label (int category)
{
  switch (category)
    {
    case UPR_ACTION_CATEGORY_MINIMAL:
      return _("Minimal action");
    case UPR_ACTION_CATEGORY_CONTINUING:
      return _("Continuing action");
    case UPR_ACTION_CATEGORY_CONSIDERING:
      return _("Considering action");
    case UPR_ACTION_CATEGORY_GENERAL:
      return _("General action");
    case UPR_ACTION_CATEGORY_SPECIFIC:
      return _("Specific action");
    default:
      return NULL;
    }
}

static const char *
rule_template (UprActionCategoryRule rule)
{
  switch (rule)
    {
    case UPR_ACTION_CATEGORY_RULE_FIRST_VERB:
      /* Translators: %s are the words that decided, quoted from the recommendation. */
      return _("The first action verb, “%s”, decides.");
    case UPR_ACTION_CATEGORY_RULE_SECOND_VERB:
      /* Translators: %s is the second of two opening verbs, quoted from the recommendation. */
      return _("The recommendation opens with two verbs; the second, “%s”, decides.");
    case UPR_ACTION_CATEGORY_RULE_OBJECT:
      /* Translators: %s are words quoted from the recommendation, such as “take measures”. */
      return _("“%s” decides: the object of the verb says what is asked.");
    case UPR_ACTION_CATEGORY_RULE_GENERAL_OBJECT:
      /* Translators: %s are words quoted from the recommendation, such as “adopt measures”. */
      return _("“%s” asks for a general action.");
    case UPR_ACTION_CATEGORY_RULE_SPECIFIC_MEANS:
      /* Translators: %s is a specific means quoted from the recommendation, such as
       * “amending”. */
      return _("A general action made specific by “%s”.");
    case UPR_ACTION_CATEGORY_RULE_OTHERS:
      /* Translators: %s are words quoted from the recommendation, such as “the international
       * community”. */
      return _("Addressed to other States or asking for their help (“%s”).");
    case UPR_ACTION_CATEGORY_RULE_NONE:
    default:
      return NULL;
    }
}

char *
upr_action_category_describe (const char                         *text,
                              int                                 category,
                              const UprActionCategoryExplanation *why)
{
  const char *template;
  g_autofree char *words = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (text != NULL && why != NULL, NULL);

  template = rule_template (why->rule);
  if (template == NULL || upr_action_category_label (category) == NULL
      || why->offset + why->length > strlen (text))
    return g_strdup (_("No action verb was recognised at the start of the recommendation."));
  words = g_utf8_make_valid (text + why->offset, why->length);
  reason = g_strdup_printf (template, words);
  /* Translators: %d is a category number (1–5), the first %s its name, the second %s the
   * reason, such as “The first action verb, “Ratify”, decides.” */
  return g_strdup_printf (_("Category %d, %s. %s"), category,
                          upr_action_category_label (category), reason);
}
