/* upr-fold.c: text folded for search and name matching; see upr-fold.h.
 *
 * Folding uses compatibility decomposition (NFKD) rather than plain NFD so that the
 * no-break space, the non-breaking hyphen U+2011 of OHCHR documents and ligatures such as
 * "ﬁ" fold to what a user types. */
#include "config.h"

#include "upr-fold.h"

#include <string.h>

/* Typographic apostrophes, quotes used as apostrophes, and dashes, as a user would type them. */
static gunichar
plain_punctuation (gunichar c)
{
  switch (c)
    {
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201B: /* ‛ */
    case 0x02BC: /* ʼ */
    case 0x0060: /* ` */
    case 0x00B4: /* ´ */
    case 0x2032: /* ′ */
      return '\'';
    case 0x2010: /* ‐ */
    case 0x2011: /* ‑ */
    case 0x2012: /* ‒ */
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2015: /* ― */
    case 0x2212: /* − */
      return '-';
    default:
      return c;
    }
}

/* Before decomposition: NFKD would turn "´" into a space and a combining accent. */
static char *
replace_punctuation (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x80 && *p != '`')
        g_string_append_c (out, *p);
      else
        g_string_append_unichar (out, plain_punctuation (g_utf8_get_char (p)));
    }
  return g_string_free (out, FALSE);
}

/* Most recommendations are plain ASCII: for them NFKD changes nothing, casefolding is
 * lowering and nothing is a mark, so the text is folded in one pass without the three
 * copies of the general case (a fifth of an import's processor time). Returns NULL when
 * @text holds a byte above 0x7F or a backtick, which the general case turns into an
 * apostrophe. tests/test-fold.c checks that both ways agree. */
static char *
fold_ascii (const char *text)
{
  gsize len = strlen (text);
  char *out = g_malloc (len + 1);
  char *q = out;
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if ((guchar) c >= 0x80 || c == '`')
        {
          g_free (out);
          return NULL;
        }
      /* As g_unichar_isspace(): tab, line feed, form feed, return, space (not the vertical
       * tab, a control character to GLib). */
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r')
        {
          pending_space = q > out;
          continue;
        }
      if (pending_space)
        *q++ = ' ';
      pending_space = FALSE;
      *q++ = g_ascii_tolower (c);
    }
  *q = '\0';
  return out;
}

char *
upr_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *casefolded = NULL;
  GString *out;
  char *out_ascii;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  if ((out_ascii = fold_ascii (text)) != NULL)
    return out_ascii;

  /* Imported files may hold invalid UTF-8: fold what can be folded rather than fail. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  plain = replace_punctuation (text);
  /* Casefolded after decomposition, so that compatibility forms ("Ⅳ", "ℌ") are lowered too. */
  decomposed = g_utf8_normalize (plain, -1, G_NORMALIZE_ALL);
  casefolded = g_utf8_casefold (decomposed, -1);

  out = g_string_sized_new (strlen (casefolded));
  for (const char *p = casefolded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF)
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether the @len bytes at @word occur in @text, without copying either. */
static gboolean
contains_word (const char *text,
               const char *word,
               gsize       len)
{
  for (const char *p = strchr (text, word[0]); p != NULL; p = strchr (p + 1, word[0]))
    if (strncmp (p, word, len) == 0)
      return TRUE;
  return FALSE;
}

gboolean
upr_fold_match (const char *folded_text,
                const char *folded_query)
{
  const char *word;

  if (folded_query == NULL || folded_query[0] == '\0')
    return TRUE;
  if (folded_text == NULL)
    return FALSE;

  /* The common case, one word being typed: a plain substring search. */
  if (strchr (folded_query, ' ') == NULL)
    return strstr (folded_text, folded_query) != NULL;

  word = folded_query;
  while (*word != '\0')
    {
      gsize len;

      while (*word == ' ')
        word++;
      len = strcspn (word, " ");
      if (len > 0 && !contains_word (folded_text, word, len))
        return FALSE;
      word += len;
    }
  return TRUE;
}
