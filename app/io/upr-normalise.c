/* upr-normalise.c: cells of imported files made clean and comparable; see upr-normalise.h.
 *
 * Most cells of a UPR file are plain ASCII: each function checks for that first and then
 * does the cheap thing, since an import normalises some 400,000 cells. */
#include "config.h"

#include <string.h>

#include "upr-fold.h"
#include "upr-normalise.h"

/* Entities */

/* HTML's named entities for Latin-1 (U+00A0 to U+00FF, in order). */
static const char * const latin1_entities[96] = {
  "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
  "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
  "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
  "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave",
  "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
  "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml",
  "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
  "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth",
  "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
  "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
};

/* The others a text may carry: markup, typography, the Latin letters beyond Latin-1. */
static const struct { const char *name; gunichar c; } other_entities[] = {
  { "quot", '"' }, { "amp", '&' }, { "apos", '\'' }, { "lt", '<' }, { "gt", '>' },
  { "OElig", 0x152 }, { "oelig", 0x153 }, { "Scaron", 0x160 }, { "scaron", 0x161 },
  { "Yuml", 0x178 }, { "fnof", 0x192 }, { "circ", 0x2C6 }, { "tilde", 0x2DC },
  { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 }, { "zwnj", 0x200C },
  { "zwj", 0x200D }, { "lrm", 0x200E }, { "rlm", 0x200F }, { "ndash", 0x2013 },
  { "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201A },
  { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "bdquo", 0x201E }, { "dagger", 0x2020 },
  { "Dagger", 0x2021 }, { "bull", 0x2022 }, { "hellip", 0x2026 }, { "permil", 0x2030 },
  { "prime", 0x2032 }, { "Prime", 0x2033 }, { "lsaquo", 0x2039 }, { "rsaquo", 0x203A },
  { "euro", 0x20AC }, { "trade", 0x2122 }, { "minus", 0x2212 }, { "hyphen", 0x2010 },
  { "NonBreakingSpace", 0xA0 },
};

/* What browsers make of "&#146;" and its kind: text pasted from Windows-1252 into HTML. */
static const gunichar windows_1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
  0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
  0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static gunichar
named_entity (const char *name,
              gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (latin1_entities); i++)
    if (strlen (latin1_entities[i]) == length && memcmp (latin1_entities[i], name, length) == 0)
      return 0xA0 + i;
  for (guint i = 0; i < G_N_ELEMENTS (other_entities); i++)
    if (strlen (other_entities[i].name) == length
        && memcmp (other_entities[i].name, name, length) == 0)
      return other_entities[i].c;
  return 0;
}

static gunichar
numeric_entity (const char *digits,
                gsize       length)
{
  gboolean hex = length > 1 && (digits[0] == 'x' || digits[0] == 'X');
  guint64 value = 0;

  if (hex)
    digits++, length--;
  if (length == 0 || length > 8)
    return 0;
  for (gsize i = 0; i < length; i++)
    {
      int digit = hex ? g_ascii_xdigit_value (digits[i]) : g_ascii_digit_value (digits[i]);

      if (digit < 0)
        return 0;
      value = value * (hex ? 16 : 10) + (guint64) digit;
    }
  if (value >= 0x80 && value <= 0x9F)
    return windows_1252[value - 0x80];
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return 0;
  return (gunichar) value;
}

/* The character of the entity at @p ("&…;"), and its length in @length; 0 when @p starts
 * no entity we know (it is then left as it is). */
static gunichar
parse_entity (const char *p,
              gsize      *length)
{
  const char *end = p + 1;
  gunichar c;

  while (g_ascii_isalnum (*end) || *end == '#')
    {
      if (end - p > 34)
        return 0;
      end++;
    }
  if (*end != ';' || end == p + 1)
    return 0;
  c = p[1] == '#' ? numeric_entity (p + 2, end - p - 2) : named_entity (p + 1, end - p - 1);
  *length = end - p + 1;
  return c;
}

static char *
decode_once (const char *text,
             gboolean   *changed)
{
  GString *out = g_string_sized_new (strlen (text));

  *changed = FALSE;
  for (const char *p = text; *p != '\0';)
    {
      gsize length = 0;
      gunichar c = *p == '&' ? parse_entity (p, &length) : 0;

      if (c == 0)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      g_string_append_unichar (out, c);
      p += length;
      *changed = TRUE;
    }
  return g_string_free (out, FALSE);
}

char *
upr_normalise_decode_entities (const char *text)
{
  char *decoded;

  g_return_val_if_fail (text != NULL, NULL);

  decoded = g_strdup (text);
  /* "&amp;#40;" is "(" escaped twice, as exports built from HTML pages write it. */
  for (guint pass = 0; pass < 3 && strchr (decoded, '&') != NULL; pass++)
    {
      gboolean changed;
      char *next = decode_once (decoded, &changed);

      g_free (decoded);
      decoded = next;
      if (!changed)
        break;
    }
  return decoded;
}

/* Characters */

typedef enum
{
  KEEP,
  SPACE,
  NEWLINE,
  HYPHEN,
  DROP,
} CharClass;

static CharClass
classify (gunichar c)
{
  if (c == '\n' || c == 0x0B || c == 0x0C || c == 0x2028 || c == 0x2029 || c == 0x85)
    return NEWLINE;
  if (c == '\t' || c < 0x20 || (c >= 0x7F && c <= 0x9F))
    return SPACE;
  if (c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
    return SPACE;
  if (c == 0x2010 || c == 0x2011)
    return HYPHEN;
  if (c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF)
    return DROP;
  return KEEP;
}

/* Line ends made "\n" and odd characters mapped; white space is left for later. */
static char *
map_characters (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      switch (classify (c))
        {
        case KEEP: g_string_append_unichar (out, c); break;
        case SPACE: g_string_append_c (out, ' '); break;
        case NEWLINE: g_string_append_c (out, '\n'); break;
        case HYPHEN: g_string_append_c (out, '-'); break;
        case DROP: break;
        }
    }
  return g_string_free (out, FALSE);
}

/* White space collapsed: spaces within lines, and for multi-line text empty lines. */
static char *
collapse_space (const char        *text,
                UprNormaliseFlags  flags)
{
  GString *out = g_string_sized_new (strlen (text));
  guint pending_newlines = 0;
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || (*p == '\n' && !(flags & UPR_NORMALISE_MULTILINE)))
        {
          pending_space = TRUE;
          continue;
        }
      if (*p == '\n')
        {
          pending_newlines++;
          pending_space = FALSE;
          continue;
        }
      if (out->len > 0 && pending_newlines > 0)
        g_string_append (out, pending_newlines > 1 ? "\n\n" : "\n");
      else if (out->len > 0 && pending_space)
        g_string_append_c (out, ' ');
      pending_newlines = 0;
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Plain ASCII with nothing to decode, map or collapse: the common cell, copied as it is. */
static gboolean
is_clean_ascii (const char *text)
{
  const guchar *p = (const guchar *) text;

  if (*p == ' ')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p >= 0x7F || *p < 0x20 || *p == '&')
        return FALSE;
      if (*p == ' ' && (p[1] == ' ' || p[1] == '\0'))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

char *
upr_normalise_text (const char        *raw,
                    UprNormaliseFlags  flags)
{
  g_autofree char *valid = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *mapped = NULL;
  g_autofree char *composed = NULL;

  if (raw == NULL)
    return g_strdup ("");
  if (is_clean_ascii (raw))
    return g_strdup (raw);
  if (!g_utf8_validate (raw, -1, NULL))
    raw = valid = g_utf8_make_valid (raw, -1);
  decoded = upr_normalise_decode_entities (raw);
  mapped = map_characters (decoded);
  if (!is_ascii (mapped))
    composed = g_utf8_normalize (mapped, -1, G_NORMALIZE_NFC);
  return collapse_space (composed != NULL ? composed : mapped, flags);
}

/* Keys */

/* upr_fold() for ASCII text: its decomposition and case folding reduce to lower case, its
 * punctuation to "`" made "'", and its white space to single spaces, none at the ends. */
static char *
fold_ascii (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, c == '`' ? '\'' : g_ascii_tolower (c));
    }
  return g_string_free (out, FALSE);
}

char *
upr_normalise_text_key (const char *text)
{
  char *key;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  key = is_ascii (text) ? fold_ascii (text) : upr_fold (text);
  length = strlen (key);
  while (length > 0 && strchr (".;,: ", key[length - 1]) != NULL)
    key[--length] = '\0';
  return key;
}

char *
upr_normalise_name_key (const char *name)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  folded = is_ascii (name) ? fold_ascii (name) : upr_fold (name);
  out = g_string_sized_new (strlen (folded) + 8);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&' || !g_unichar_isalnum (c))
        {
          pending_space = out->len > 0;
          if (c == '&')
            g_string_append (out, " and");
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (g_str_has_prefix (out->str, "the ") && out->len > 4)
    g_string_erase (out, 0, 4);
  return g_string_free (out, FALSE);
}

/* Responses */

/* As name keys; the longest that starts a cell wins ("supported in part" before
 * "supported"). UPR Info's methodology counts a recommendation accepted "in principle" as
 * noted. */
static const struct { const char *key; const char *response; } responses[] = {
  { "supported", "supported" },
  { "accepted", "supported" },
  { "accept", "supported" },
  { "enjoys the support", "supported" },
  { "acceptee", "supported" },
  { "acceptees", "supported" },
  { "accepte", "supported" },
  { "acceptes", "supported" },
  { "soutenue", "supported" },
  { "soutenues", "supported" },
  { "soutenu", "supported" },
  { "appuyee", "supported" },
  { "appuyees", "supported" },
  { "appuye", "supported" },
  { "recueille l appui", "supported" },
  { "a recueilli l appui", "supported" },
  { "beneficie du soutien", "supported" },
  { "supported in part", "supported-in-part" },
  { "supported partially", "supported-in-part" },
  { "partially supported", "supported-in-part" },
  { "partly supported", "supported-in-part" },
  { "accepted in part", "supported-in-part" },
  { "accepted partially", "supported-in-part" },
  { "partially accepted", "supported-in-part" },
  { "partly accepted", "supported-in-part" },
  { "supported noted", "supported-in-part" },
  { "noted supported", "supported-in-part" },
  { "acceptee en partie", "supported-in-part" },
  { "acceptee partiellement", "supported-in-part" },
  { "partiellement acceptee", "supported-in-part" },
  { "soutenue en partie", "supported-in-part" },
  { "soutenue partiellement", "supported-in-part" },
  { "partiellement soutenue", "supported-in-part" },
  { "appuyee en partie", "supported-in-part" },
  { "partiellement appuyee", "supported-in-part" },
  { "noted", "noted" },
  { "rejected", "noted" },
  { "not accepted", "noted" },
  { "not supported", "noted" },
  { "does not enjoy the support", "noted" },
  { "accepted in principle", "noted" },
  { "supported in principle", "noted" },
  { "notee", "noted" },
  { "notees", "noted" },
  { "note", "noted" },
  { "prise en note", "noted" },
  { "prises en note", "noted" },
  { "pris note", "noted" },
  { "il en a ete pris note", "noted" },
  { "rejetee", "noted" },
  { "rejete", "noted" },
  { "non acceptee", "noted" },
  { "non soutenue", "noted" },
  { "acceptee en principe", "noted" },
  { "pending", "pending" },
  { "pending response", "pending" },
  { "no response", "pending" },
  { "awaiting response", "pending" },
  { "en attente", "pending" },
  { "en suspens", "pending" },
  { "sans reponse", "pending" },
};

const char *
upr_normalise_response (const char *text)
{
  g_autofree char *key = NULL;
  const char *best = NULL;
  gsize best_length = 0;

  if (text == NULL)
    return "pending";
  key = upr_normalise_name_key (text);
  if (key[0] == '\0')
    return "pending";
  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      gsize length = strlen (responses[i].key);

      if (length > best_length && strncmp (key, responses[i].key, length) == 0
          && (key[length] == '\0' || key[length] == ' '))
        {
          best = responses[i].response;
          best_length = length;
        }
    }
  return best;
}

/* Numbers in words */

/* The words and numbers of a folded text: "48th Session" → 48, "th", "session". A number is
 * its integer part; "5.0" is 5, "5.2" is 5 with a fraction (a target, or not a session). */
typedef struct
{
  int      number;   /* -1 for a word */
  gboolean fraction; /* a non-zero part after the dot */
  char     word[24];
} Token;

static GArray *
tokenize (const char *text)
{
  g_autofree char *folded = is_ascii (text) ? fold_ascii (text) : upr_fold (text);
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));

  for (const char *p = folded; *p != '\0';)
    {
      Token token = { -1 };

      if (g_ascii_isdigit (*p))
        {
          gint64 value = 0;

          for (; g_ascii_isdigit (*p); p++)
            value = MIN (value * 10 + (*p - '0'), 1000000);
          token.number = (int) value;
          if (*p == '.' && g_ascii_isdigit (p[1]))
            for (p++; g_ascii_isdigit (*p); p++)
              token.fraction |= *p != '0';
          g_array_append_val (tokens, token);
        }
      else if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
        {
          gsize n = 0;

          for (; g_ascii_isalpha (*p) || (guchar) *p >= 0x80; p++)
            if (n + 1 < sizeof token.word)
              token.word[n++] = *p;
          g_array_append_val (tokens, token);
        }
      else
        p++;
    }
  return tokens;
}

static gboolean
is_word (const Token *token,
         const char  *word)
{
  return token->number < 0 && strcmp (token->word, word) == 0;
}

static gboolean
is_ordinal_suffix (const Token *token)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th", "e", "eme", "er", "re",
                                           "ere", "d", "de" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (is_word (token, suffixes[i]))
      return TRUE;
  return FALSE;
}

/* The number that goes with @word: "48th session", "session 48", "UPR48"; else, unless
 * @strict, the only whole number of the text; else 0. @aliases are words that, before a
 * number, mean @word. */
static int
number_for_word (const char         *text,
                 const char         *word,
                 const char * const *aliases,
                 gboolean            strict)
{
  g_autoptr(GArray) tokens = tokenize (text);
  Token *t = (Token *) tokens->data;
  int only = 0;
  guint n_numbers = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      if (t[i].number < 0)
        continue;
      n_numbers++;
      only = t[i].fraction ? 0 : t[i].number;
      if (i + 1 < tokens->len && is_word (&t[i + 1], word))
        return t[i].number;
      if (i + 2 < tokens->len && is_ordinal_suffix (&t[i + 1]) && is_word (&t[i + 2], word))
        return t[i].number;
      for (guint a = 0; i > 0 && aliases[a] != NULL; a++)
        if (is_word (&t[i - 1], aliases[a]))
          return t[i].number;
    }
  return n_numbers == 1 && !strict ? only : 0;
}

static const char * const session_aliases[] = { "session", "upr", "epu", "sess", NULL };

int
upr_normalise_session (const char *text)
{
  int session;

  if (text == NULL)
    return 0;
  session = number_for_word (text, "session", session_aliases, FALSE);
  return session >= 1 && session <= 999 ? session : 0;
}

int
upr_normalise_session_in_title (const char *text)
{
  int session;

  if (text == NULL)
    return 0;
  session = number_for_word (text, "session", session_aliases, TRUE);
  return session >= 1 && session <= 999 ? session : 0;
}

int
upr_normalise_cycle (const char *text)
{
  static const char * const aliases[] = { "cycle", NULL };
  static const char * const ordinals[] = { "first", "second", "third", "fourth", "fifth",
                                           "premier", "deuxieme", "troisieme", "quatrieme",
                                           "cinquieme" };
  g_autoptr(GArray) tokens = NULL;
  int cycle;

  if (text == NULL)
    return 0;
  cycle = number_for_word (text, "cycle", aliases, FALSE);
  if (cycle >= 1 && cycle <= 99)
    return cycle;
  tokens = tokenize (text);
  for (guint i = 0; i < tokens->len; i++)
    for (guint o = 0; o < G_N_ELEMENTS (ordinals); o++)
      if (is_word (&g_array_index (tokens, Token, i), ordinals[o]))
        return o % 5 + 1;
  return 0;
}

int
upr_normalise_action_category (const char *text)
{
  g_autoptr(GArray) tokens = NULL;

  if (text == NULL)
    return 0;
  tokens = tokenize (text);
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (token->number >= 0)
        return token->number >= 1 && token->number <= 5 && !token->fraction ? token->number : 0;
    }
  return 0;
}

/* The goal of a piece of an SDG list: its first number, 1–17; 0 when it has none. */
static guint
first_goal (const char *piece)
{
  g_autoptr(GArray) tokens = tokenize (piece);

  for (guint i = 0; i < tokens->len; i++)
    {
      int number = g_array_index (tokens, Token, i).number;

      if (number >= 0)
        return number >= 1 && number <= 17 ? (guint) number : 0;
    }
  return 0;
}

guint
upr_normalise_sdg_goals (const char *item)
{
  g_auto(GStrv) pieces = NULL;
  guint mask = 0;

  if (item == NULL)
    return 0;
  /* "5, 16" names two goals; "16 - Peace, justice and strong institutions" one: split only
   * when every piece holds a goal. */
  pieces = g_strsplit_set (item, ",;", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      guint goal = first_goal (pieces[i]);

      if (goal == 0)
        {
          goal = first_goal (item);
          return goal > 0 ? 1u << (goal - 1) : 0;
        }
      mask |= 1u << (goal - 1);
    }
  return mask;
}

/* Paragraphs and lists */

char *
upr_normalise_paragraph (const char *text)
{
  static const char * const labels[] = { "paragraph", "paragraphe", "para.", "para", "par.",
                                         "no.", "n°", "nº", "§", "#" };
  g_autofree char *clean = upr_normalise_text (text, UPR_NORMALISE_SINGLE_LINE);
  char *start = clean;
  gsize length;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_ascii_strncasecmp (start, labels[i], strlen (labels[i])) == 0)
      {
        start += strlen (labels[i]);
        break;
      }
  while (*start == ' ' || *start == ':')
    start++;
  length = strlen (start);
  while (length > 0 && (start[length - 1] == '.' || start[length - 1] == ' '))
    start[--length] = '\0';
  return length > 0 ? g_strdup (start) : NULL;
}

/* A bullet and the space after it, at the start of an item. */
static const char *
skip_bullet (const char *line)
{
  static const char * const bullets[] = { "- ", "-\t", "\xe2\x80\x93 ", "\xe2\x80\x94 ",
                                          "\xe2\x80\xa2", "* ", "\xc2\xb7", "\xe2\x96\xaa",
                                          "\xe2\x97\xa6", "\xef\x82\xa7" };

  while (*line == ' ' || *line == '\t')
    line++;
  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (g_str_has_prefix (line, bullets[i]))
      return line + strlen (bullets[i]);
  if (line[0] == '-' && line[1] == '\0')
    return line + 1;
  return line;
}

char **
upr_normalise_split_lines (const char *text)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;
  g_autofree char *mapped = NULL;

  if (text == NULL)
    return g_new0 (char *, 1);
  mapped = upr_normalise_text (text, UPR_NORMALISE_MULTILINE);
  lines = g_strsplit (mapped, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *item = upr_normalise_text (skip_bullet (lines[i]), UPR_NORMALISE_SINGLE_LINE);

      if (item[0] == '\0')
        g_free (item);
      else
        g_ptr_array_add (items, item);
    }
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

char
upr_normalise_list_heading (const char *text,
                            const char **rest)
{
  static const struct { const char *key; char kind; } headings[] = {
    { "groups of persons", 'g' }, { "group of persons", 'g' }, { "affected persons", 'g' },
    { "persons affected", 'g' }, { "groups", 'g' }, { "groupes de personnes", 'g' },
    { "personnes concernees", 'g' }, { "groupes concernes", 'g' }, { "themes", 't' },
    { "theme", 't' }, { "human rights themes", 't' }, { "full list of themes", 't' },
    { "themes des droits de l homme", 't' }, { "thematiques", 't' },
  };
  const char *colon;
  g_autofree char *head = NULL;
  g_autofree char *key = NULL;

  if (text == NULL || (colon = strchr (text, ':')) == NULL)
    return 0;
  head = g_strndup (text, colon - text);
  key = upr_normalise_name_key (head);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (strcmp (key, headings[i].key) == 0)
      {
        if (rest != NULL)
          {
            for (colon++; *colon == ' '; colon++)
              ;
            *rest = colon;
          }
        return headings[i].kind;
      }
  return 0;
}
