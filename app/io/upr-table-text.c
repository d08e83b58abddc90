/* upr-table-text.c: delimited text (CSV, semicolon-separated, tab-separated) in whatever
 * encoding people's tools wrote it; see upr-table.h.
 *
 * The bytes are first decoded to UTF-8 (no copy when they already are), then parsed as RFC
 * 4180 with Excel's habits: quotes only at the start of a field, "" for a quote inside one,
 * line breaks inside quotes kept in the cell (as "\n"), CR, LF and CRLF line ends mixed
 * freely (UPR Info's 1-5.csv ends its lines with CR alone), and an optional first line
 * "sep=;" naming the separator. An error found before parsing (a NUL byte, bytes invalid in
 * the encoding) is placed by locate(), which walks the text the way the parser does, so
 * that every message names the row and column a spreadsheet would show.
 *
 * Some exports are reports in numbered sections, each with its own header: Microsoft
 * Teams's attendance report is "1. Summary" (key and value rows), "2. Participants" and
 * "3. In-Meeting Activities" ("1. Résumé"… in French). Such a file is read as one sheet, but
 * each section's rows are checked against the section's own header, and the separator is
 * chosen section by section (see find_sections()). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-table-private.h"

/* How much of the file the detectors look at: enough for dozens of rows. */
#define SAMPLE_SIZE (64 * 1024)
/* How many rows the separator detector compares. */
#define SAMPLE_ROWS 30
/* The most sections a report is read in (Teams has three). */
#define MAX_SECTIONS 16

typedef enum
{
  UTF16_NONE,
  UTF16_LE,
  UTF16_BE,
} Utf16Kind;

typedef struct
{
  char       *owned;    /* the converted text, when a conversion was needed */
  const char *text;     /* UTF-8 */
  gsize       length;
  const char *encoding; /* static */
  gboolean    certain;
} Decoded;

/* A numbered section: its title line, then its body, from the row after the title to the
 * next title (offsets in the text). */
typedef struct
{
  gsize title;
  gsize start;
  gsize end;
} Section;

/* The parser works in place: each cell is a slice of the text, ended by a NUL written over
 * the separator, line break or closing quote that followed it, and a quoted cell is
 * unescaped where it stands (it only gets shorter). No cell is copied or allocated, which
 * keeps a 40,000-row file quick to read. */
typedef struct
{
  UprTable      *table;
  UprTableSheet *sheet;
  char          *p;
  char          *end; /* a spare byte follows it, for the last cell's NUL */
  char           separator;
  guint          line; /* the 1-based line at p */
  const char    *text;       /* where the offsets of @sections start */
  Section        sections[MAX_SECTIONS]; /* of a report in numbered sections */
  guint          n_sections;             /* 0: not such a report (find_sections()) */
  guint          next_section;
} Parser;

typedef enum
{
  FIELD_MORE,       /* a separator follows */
  FIELD_ROW_END,    /* a line break or the end of the text follows */
  FIELD_UNCLOSED,   /* a quote is never closed */
} FieldEnd;

static const char utf8_bom[] = "\xef\xbb\xbf";

/* Control characters that text does not have: NUL, and the C0 controls other than tab, line
 * feed, vertical tab (Excel's line break inside a cell on the Mac), form feed, carriage
 * return, SUB (an old end-of-file mark) and escape. */
static gboolean
is_binary_control (guint8 c)
{
  return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r'
         && c != 0x1a && c != 0x1b;
}

/* Text in UTF-16 without a byte order mark ("Unicode text" from some exports) shows itself
 * by its NULs: the high byte of every ASCII character, on the odd bytes (little-endian) or
 * the even ones (big-endian), and hardly any on the other side. */
static Utf16Kind
guess_utf16 (const guint8 *data,
             gsize         length)
{
  gsize n = MIN (length, SAMPLE_SIZE) & ~(gsize) 1;
  gsize zeros[2] = { 0, 0 };
  gsize pairs = n / 2;

  for (gsize i = 0; i < n; i++)
    if (data[i] == 0)
      zeros[i % 2]++;
  if (pairs == 0)
    return UTF16_NONE;
  if (zeros[1] * 10 >= pairs * 3 && zeros[0] * 20 <= zeros[1])
    return UTF16_LE;
  if (zeros[0] * 10 >= pairs * 3 && zeros[1] * 20 <= zeros[0])
    return UTF16_BE;
  return UTF16_NONE;
}

gboolean
upr_table_text_looks_binary (const guint8 *head,
                             gsize         length)
{
  gsize n = MIN (length, SAMPLE_SIZE);
  gsize nuls = 0, controls = 0;

  if ((length >= 3 && memcmp (head, utf8_bom, 3) == 0)
      || (length >= 2 && ((head[0] == 0xff && head[1] == 0xfe)
                          || (head[0] == 0xfe && head[1] == 0xff)))
      || guess_utf16 (head, length) != UTF16_NONE)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      if (head[i] == 0)
        nuls++;
      else if (is_binary_control (head[i]))
        controls++;
    }
  /* A stray NUL in text is an error the reader names by row; many are a binary file. */
  return controls * 20 > n || nuls * 10 > n;
}

/* The code pages UPR files come in when they are not Unicode: Windows-1252 (Western),
 * Windows-1251 (Cyrillic), and Mac OS Roman, which old Mac exports use (UPR Info's 1-5.csv
 * is one: "Hiss\x8fne Habr\x8e"). */
static const char *code_pages[] = { "WINDOWS-1252", "WINDOWS-1251", "MACINTOSH" };

/* Each code page's characters for the bytes 0x80–0xFF; 0 where it has none. */
static gunichar code_page_chars[G_N_ELEMENTS (code_pages)][128];

static void
init_code_page_chars (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (code_pages); i++)
    {
      GIConv converter = g_iconv_open ("UTF-8", code_pages[i]);

      for (guint byte = 0x80; converter != (GIConv) -1 && byte <= 0xff; byte++)
        {
          char in[1] = { (char) byte }, out[8] = { 0 };
          char *in_p = in, *out_p = out;
          gsize in_left = 1, out_left = sizeof out - 1;

          g_iconv (converter, NULL, NULL, NULL, NULL);
          if (g_iconv (converter, &in_p, &in_left, &out_p, &out_left) != (gsize) -1)
            code_page_chars[i][byte - 0x80] = g_utf8_get_char (out);
        }
      if (converter != (GIConv) -1)
        g_iconv_close (converter);
    }
  g_once_init_leave (&done, 1);
}

/* How plausible the character @c is between the bytes @before and @after (0 at an end). */
static int
char_score (gunichar c,
            guint8   before,
            guint8   after)
{
  gboolean cyrillic = c >= 0x400 && c <= 0x4ff;
  gboolean ascii_before = g_ascii_isalpha (before), ascii_after = g_ascii_isalpha (after);

  if (c == 0)
    return -5; /* a byte this code page does not define */
  if (g_unichar_isalpha (c))
    {
      /* Accented Latin letters sit inside ASCII words; Cyrillic ones never do. */
      if (!ascii_before && !ascii_after)
        return cyrillic ? 1 : 0;
      if (cyrillic)
        return -1;
      /* "HissÈne": a capital after a small letter is a wrong guess. */
      if (g_unichar_isupper (c) && g_ascii_islower (before))
        return -1;
      return 1;
    }
  /* A symbol inside a word is a wrong guess, except the typographic apostrophe. */
  if (ascii_before && ascii_after)
    return c == 0x2019 ? 1 : -1;
  return 0;
}

/* The code page under which the bytes 0x80–0xFF read most like words. */
static const char *
guess_code_page (const guint8 *data,
                 gsize         length)
{
  int scores[G_N_ELEMENTS (code_pages)] = { 0 };
  guint best = 0;

  init_code_page_chars ();
  for (gsize i = 0; i < length; i++)
    {
      guint8 before, after;

      if (data[i] < 0x80)
        continue;
      before = i > 0 ? data[i - 1] : 0;
      after = i + 1 < length ? data[i + 1] : 0;
      for (guint j = 0; j < G_N_ELEMENTS (code_pages); j++)
        scores[j] += char_score (code_page_chars[j][data[i] - 0x80], before, after);
    }
  for (guint j = 1; j < G_N_ELEMENTS (code_pages); j++)
    if (scores[j] > scores[best])
      best = j;
  return code_pages[best];
}

static gboolean
is_utf8_name (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "UTF-8") == 0 || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

static gboolean
is_utf16_name (const char *encoding)
{
  return g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0
         || g_ascii_strncasecmp (encoding, "UTF16", 5) == 0
         || g_ascii_strncasecmp (encoding, "UCS-2", 5) == 0;
}

/* Counts lines, rows and fields up to @offset as the parser would, for errors found before
 * parsing. @row and @column are 0-based, @line 1-based. */
static void
locate (const char *text,
        gsize       length,
        gsize       offset,
        char        separator,
        guint       first_line,
        guint      *row,
        guint      *row_line,
        guint      *column)
{
  gboolean field_start = TRUE, quoted = FALSE;
  guint line = first_line;

  *row = 0;
  *row_line = first_line;
  *column = 0;
  for (gsize i = 0; i < offset && i < length; i++)
    {
      char c = text[i];
      gboolean line_break = c == '\n' || c == '\r';

      if (c == '\r' && i + 1 < length && text[i + 1] == '\n')
        i++;
      if (quoted)
        {
          if (c == '"' && i + 1 < length && text[i + 1] == '"')
            i++;
          else if (c == '"')
            quoted = FALSE;
          else if (line_break)
            line++;
        }
      else if (field_start && c == '"')
        quoted = TRUE, field_start = FALSE;
      else if (c == separator)
        (*column)++, field_start = TRUE;
      else if (line_break)
        {
          line++;
          (*row)++;
          *row_line = line;
          *column = 0;
          field_start = TRUE;
        }
      else
        field_start = FALSE;
    }
}

/* The number of a section title such as "2. Participants" or "3. Activités de la réunion"
 * (@text to @end): one or two digits, a full stop, a space, then a letter. 0 for anything
 * else, "12.5" or "1.5 million" among them. */
static guint
title_number (const char *text,
              const char *end)
{
  const char *p = text;
  guint number = 0;
  gunichar c;

  while (p < end && p - text < 2 && g_ascii_isdigit (*p))
    number = number * 10 + (guint) (*p++ - '0');
  if (p == text || p + 1 >= end || p[0] != '.' || p[1] != ' ')
    return 0;
  for (p += 2; p < end && *p == ' '; p++)
    ;
  if (p == end)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  return c < 0x110000 && g_unichar_isalpha (c) ? number : 0;
}

/* The title number of the line at @p when the whole line is a section title, else 0. Empty
 * cells may follow it (some tools pad every row to the same width); no other separator,
 * and no quote, may be in it. */
static guint
line_title_number (const char *p,
                   const char *end)
{
  const char *q = p;

  while (q < end && *q != '\n' && *q != '\r')
    q++;
  while (q > p && (q[-1] == ',' || q[-1] == ';' || q[-1] == '\t' || q[-1] == ' '))
    q--;
  for (const char *c = p; c < q; c++)
    if (*c == ',' || *c == ';' || *c == '\t' || *c == '"')
      return 0;
  return title_number (p, q);
}

/* The offset of the line after the one at @offset. */
static gsize
next_line (const char *text,
           gsize       length,
           gsize       offset)
{
  while (offset < length && text[offset] != '\n' && text[offset] != '\r')
    offset++;
  if (offset < length && text[offset] == '\r')
    offset++;
  if (offset < length && text[offset] == '\n')
    offset++;
  return offset;
}

/* A report in numbered sections starts with a title "1. …" alone on its first row with text,
 * and has a title "2. …" at the start of a later row, then maybe "3. …" and so on, in order:
 * a rule strict enough that no table of recommendations or participants passes it (a
 * narrow header row, or a numbered list inside a quoted cell, is not a title). Fills
 * @sections with the bodies of at most MAX_SECTIONS sections; FALSE, after a look at the
 * first row only, for any other file. Quotes are followed as the parser follows them, a
 * field starting after any of the separators it may choose. */
static gboolean
find_sections (const char *text,
               gsize       length,
               Section    *sections,
               guint      *n_sections)
{
  gboolean quoted = FALSE, field_start = TRUE;
  gsize i = 0;
  guint n = 1;

  while (i < length && (text[i] == '\n' || text[i] == '\r'))
    i++;
  if (line_title_number (text + i, text + length) != 1)
    return FALSE;
  sections[0].title = i;
  sections[0].start = next_line (text, length, i);
  for (i = sections[0].start; i < length && n < MAX_SECTIONS; i++)
    {
      char c = text[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < length && text[i + 1] == '"')
            i++;
          else if (c == '"')
            quoted = FALSE;
          continue;
        }
      if (c == '"' && field_start)
        {
          quoted = TRUE;
          field_start = FALSE;
          continue;
        }
      field_start = c == ',' || c == ';' || c == '\t' || c == '\n' || c == '\r';
      if ((c != '\n' && c != '\r') || i + 1 >= length
          || line_title_number (text + i + 1, text + length) != n + 1)
        continue;
      sections[n - 1].end = i + 1;
      sections[n].title = i + 1;
      sections[n].start = next_line (text, length, i + 1);
      i = sections[n].start - 1;
      n++;
    }
  sections[n - 1].end = length;
  *n_sections = n;
  return n >= 2;
}

/* Counts the fields of each of the first rows with @separator (quotes respected), and
 * returns how many rows share the most common count; that count is put in @width, and the
 * first row's in @first. */
static guint
separator_consistency (const char *text,
                       gsize       length,
                       char        separator,
                       guint      *width,
                       guint      *first)
{
  guint counts[SAMPLE_ROWS];
  guint n_rows = 0, fields = 1, best = 0;
  gboolean field_start = TRUE, quoted = FALSE, empty = TRUE;
  gsize n = MIN (length, SAMPLE_SIZE);

  for (gsize i = 0; i < n && n_rows < SAMPLE_ROWS; i++)
    {
      char c = text[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < n && text[i + 1] == '"')
            i++;
          else if (c == '"')
            quoted = FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (!empty)
            counts[n_rows++] = fields;
          fields = 1, field_start = TRUE, empty = TRUE;
        }
      else if (c == separator)
        fields++, field_start = TRUE, empty = FALSE;
      else
        {
          quoted = field_start && c == '"';
          field_start = FALSE, empty = FALSE;
        }
    }
  /* The last row counts only if the sample holds all of it. */
  if (!empty && !quoted && n == length && n_rows < SAMPLE_ROWS)
    counts[n_rows++] = fields;

  *width = 0;
  *first = n_rows > 0 ? counts[0] : 0;
  for (guint i = 0; i < n_rows; i++)
    {
      guint same = 0;

      for (guint j = 0; j < n_rows; j++)
        same += counts[j] == counts[i];
      if (same > best || (same == best && counts[i] > *width))
        best = same, *width = counts[i];
    }
  return best;
}

/* The separator that splits the first rows into the same number (two or more) of fields
 * most consistently; ties go to the comma, then the semicolon. */
static char
detect_separator (const char *text,
                  gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_score = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint width, first;
      guint score = separator_consistency (text, length, candidates[i], &width, &first);

      if (width >= 2 && score > best_score)
        best = candidates[i], best_score = score;
    }
  return best;
}

/* The same for a report in sections, adding up how consistently the separator splits each
 * section. A section counts only if its first row (its header) is as wide as its common
 * row: Teams writes dates as "3/15/24, 9:58:12 AM", so commas split its rows of data
 * evenly, but not its header rows. */
static char
detect_section_separator (const char    *text,
                          const Section *sections,
                          guint          n_sections)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_score = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint score = 0;

      for (guint j = 0; j < n_sections; j++)
        {
          guint width, first;
          guint same = separator_consistency (text + sections[j].start,
                                              sections[j].end - sections[j].start,
                                              candidates[i], &width, &first);

          if (width >= 2 && first >= width)
            score += same;
        }
      if (score > best_score)
        best = candidates[i], best_score = score;
    }
  return best;
}

static gboolean
usable_separator (char c)
{
  return c != '\0' && c != '"' && c != '\r' && c != '\n' && (guchar) c < 0x80;
}

/* Excel's "sep=;" first line: returns the separator it names and skips the line, or 0. */
static char
read_sep_line (const char **text,
               gsize       *length)
{
  const char *p = *text;
  gsize n = *length;
  char separator;

  if (n < 5 || g_ascii_strncasecmp (p, "sep=", 4) != 0 || !usable_separator (p[4]))
    return 0;
  separator = p[4];
  p += 5, n -= 5;
  if (n > 0 && *p == '\r')
    {
      p++, n--;
      if (n > 0 && *p == '\n')
        p++, n--;
    }
  else if (n > 0 && *p == '\n')
    p++, n--;
  else if (n > 0)
    return 0;
  *text = p;
  *length = n;
  return separator;
}

/* Like g_utf8_validate_len(), but a NUL is not an error here (the reader names it by row
 * later, whatever the encoding): returns the offset of the first invalid byte, or
 * @length. ASCII is skipped eight bytes at a time and only the stretches of bytes above
 * 0x7F (where every multi-byte character lies whole) are validated: most UPR text is
 * ASCII, and GLib's validator goes byte by byte. */
static gsize
utf8_invalid_offset (const char *text,
                     gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      const char *end;
      gsize j;

      while (i + 8 <= length)
        {
          guint64 word;

          memcpy (&word, text + i, 8);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
          i += 8;
        }
      while (i < length && (guchar) text[i] < 0x80)
        i++;
      for (j = i; j < length && (guchar) text[j] >= 0x80; j++)
        ;
      if (!g_utf8_validate_len (text + i, j - i, &end))
        return end - text;
      i = j;
    }
  return length;
}

/* The encoding named by @options, a byte order mark, the NULs of UTF-16, UTF-8 when it is
 * valid, or a guessed code page (@certain FALSE). @skip is the length of a BOM to skip. */
static const char *
choose_encoding (const guint8          *data,
                 gsize                  length,
                 const UprTableOptions *options,
                 gboolean              *certain,
                 gsize                 *skip)
{
  gboolean bom8 = length >= 3 && memcmp (data, utf8_bom, 3) == 0;
  gboolean bom16le = length >= 2 && data[0] == 0xff && data[1] == 0xfe;
  gboolean bom16be = length >= 2 && data[0] == 0xfe && data[1] == 0xff;
  const char *forced = options != NULL && options->encoding != NULL && *options->encoding != '\0'
                       ? options->encoding : NULL;
  Utf16Kind utf16;

  *certain = TRUE;
  *skip = 0;
  if (forced != NULL && is_utf8_name (forced))
    {
      *skip = bom8 ? 3 : 0;
      return forced;
    }
  if (forced != NULL && is_utf16_name (forced))
    {
      gboolean has_order = strlen (forced) > 6 && strpbrk (forced + 5, "LlBb") != NULL;

      *skip = bom16le || bom16be ? 2 : 0;
      if (has_order)
        return forced;
      /* "UTF-16" alone: iconv would assume big-endian without a BOM; Windows writes
       * little-endian. */
      if (bom16le || bom16be)
        return bom16le ? "UTF-16LE" : "UTF-16BE";
      return guess_utf16 (data, length) == UTF16_BE ? "UTF-16BE" : "UTF-16LE";
    }
  if (forced != NULL)
    return forced;

  if (bom8)
    return *skip = 3, "UTF-8";
  if (bom16le || bom16be)
    return *skip = 2, bom16le ? "UTF-16LE" : "UTF-16BE";
  utf16 = guess_utf16 (data, length);
  if (utf16 != UTF16_NONE)
    return utf16 == UTF16_LE ? "UTF-16LE" : "UTF-16BE";
  if (utf8_invalid_offset ((const char *) data, length) == length)
    return "UTF-8";
  *certain = FALSE;
  return guess_code_page (data, length);
}

/* Converts to UTF-8. On bytes invalid in @encoding, returns FALSE with @bad_offset set and
 * no error; on an encoding iconv does not know, FALSE with an error. */
static gboolean
convert (const char *data,
         gsize       length,
         const char *encoding,
         char      **result,
         gsize      *result_length,
         gsize      *bad_offset,
         GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize bytes_read = 0;

  *result = g_convert (data, length, "UTF-8", encoding, &bytes_read, result_length,
                       &local_error);
  /* With @bytes_read given, g_convert() calls a character cut short at the end a success. */
  if (*result != NULL && bytes_read == length)
    return TRUE;
  if (*result != NULL)
    {
      g_clear_pointer (result, g_free);
      *bad_offset = bytes_read;
      return FALSE;
    }
  if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_ENCODING,
                   _("Upright cannot read text in the encoding “%s”."), encoding);
      return FALSE;
    }
  *bad_offset = MIN (bytes_read, length);
  return FALSE;
}

/* Decodes @data (after any BOM) from @encoding. When it holds bytes invalid there, returns
 * FALSE with @bad_offset set and no error, unless the encoding was only a guess: then the
 * other code page is tried, and Latin-1, which takes any byte, last. */
static gboolean
decode (const char *data,
        gsize       length,
        const char *encoding,
        gboolean    certain,
        Decoded    *decoded,
        gsize      *bad_offset,
        GError    **error)
{
  static const char *fallbacks[] = { "WINDOWS-1252", "WINDOWS-1251", "MACINTOSH",
                                     "ISO-8859-1" };

  decoded->encoding = encoding;
  decoded->certain = certain;
  if (is_utf8_name (encoding))
    {
      *bad_offset = utf8_invalid_offset (data, length);
      decoded->text = data;
      decoded->length = length;
      return *bad_offset == length;
    }
  if (convert (data, length, encoding, &decoded->owned, &decoded->length, bad_offset, error))
    {
      decoded->text = decoded->owned;
      return TRUE;
    }
  if (certain || (error != NULL && *error != NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fallbacks); i++)
    {
      gsize ignored;

      if (strcmp (fallbacks[i], encoding) != 0
          && convert (data, length, fallbacks[i], &decoded->owned, &decoded->length, &ignored,
                      NULL))
        {
          decoded->text = decoded->owned;
          decoded->encoding = fallbacks[i];
          return TRUE;
        }
    }
  return FALSE;
}

/* Skips a "sep=" line and chooses the separator: the options', the line's, or detected.
 * Fills @sections (MAX_SECTIONS) and @n_sections when the text is a report in numbered
 * sections, else sets @n_sections to 0. */
static char
prepare (const char            **text,
         gsize                  *length,
         const UprTableOptions  *options,
         guint                  *first_line,
         Section                *sections,
         guint                  *n_sections)
{
  char named = read_sep_line (text, length);
  gboolean has_sections = find_sections (*text, *length, sections, n_sections);

  *first_line = named != 0 ? 2 : 1;
  if (!has_sections)
    *n_sections = 0;
  if (options != NULL && usable_separator (options->separator))
    return options->separator;
  if (named != 0)
    return named;
  if (has_sections)
    return detect_section_separator (*text, sections, *n_sections);
  return detect_separator (*text, *length);
}

/* An error at @offset of @text (UTF-8, after the BOM), placed by row and column. */
static void
set_error_at (UprTable              *self,
              const char            *sheet_name,
              const char            *text,
              gsize                  length,
              gsize                  offset,
              const UprTableOptions *options,
              UprTableError          code,
              const char            *problem,
              GError               **error)
{
  g_autofree char *where = NULL;
  guint first_line, row, line, column;
  const char *start = text;
  Section sections[MAX_SECTIONS];
  guint n_sections;
  char separator;

  separator = prepare (&text, &length, options, &first_line, sections, &n_sections);
  offset = offset >= (gsize) (text - start) ? offset - (text - start) : 0;
  locate (text, length, offset, separator, first_line, &row, &line, &column);
  where = upr_table_describe_cell (self, sheet_name, 0, row, line, column);
  /* Translators: a place ("Row 3, column 2") and a problem there */
  g_set_error (error, UPR_TABLE_ERROR, code, _("%s: %s"), where, problem);
}

static void
set_encoding_error (UprTable              *self,
                    const char            *sheet_name,
                    const char            *data,
                    gsize                  bad_offset,
                    const char            *encoding,
                    const UprTableOptions *options,
                    GError               **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *problem = NULL;
  gsize prefix_length = 0, ignored;
  const char *text = data;

  /* The part before the bad bytes converts; its end is where they are. */
  if (!is_utf8_name (encoding))
    {
      if (!convert (data, bad_offset, encoding, &prefix, &prefix_length, &ignored, NULL))
        prefix_length = 0;
      text = prefix != NULL ? prefix : "";
    }
  else
    prefix_length = bad_offset;
  if (prefix_length >= 3 && memcmp (text, utf8_bom, 3) == 0)
    text += 3, prefix_length -= 3;
  /* Translators: %s is an encoding, e.g. UTF-8 */
  problem = g_strdup_printf (_("the text is not valid %s. Choose the file’s encoding."),
                             encoding);
  set_error_at (self, sheet_name, text, prefix_length, prefix_length, options,
                UPR_TABLE_ERROR_ENCODING, problem, error);
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)
/* Whether any byte of @word is zero (the classic bit trick). */
#define HAS_ZERO_BYTE(word) ((((word) - ONES) & ~(word) & HIGHS) != 0)

/* The first of @a, @b, @c from @p on, or @end: eight bytes at a time, then one by one.
 * Cells run to hundreds of characters; this is where the reader spends its time. */
static char *
find_any (char *p,
          char *end,
          char  a,
          char  b,
          char  c)
{
  guint64 wa = ONES * (guchar) a, wb = ONES * (guchar) b, wc = ONES * (guchar) c;

  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, 8);
      if (HAS_ZERO_BYTE (word ^ wa) || HAS_ZERO_BYTE (word ^ wb) || HAS_ZERO_BYTE (word ^ wc))
        break;
      p += 8;
    }
  while (p < end && *p != a && *p != b && *p != c)
    p++;
  return p;
}

static FieldEnd
finish_field (Parser *parser)
{
  char *p = parser->p;

  if (p == parser->end)
    return FIELD_ROW_END;
  if (*p == parser->separator)
    {
      parser->p = p + 1;
      return FIELD_MORE;
    }
  if (*p == '\r' && p + 1 < parser->end && p[1] == '\n')
    p++;
  parser->p = p + 1;
  parser->line++;
  return FIELD_ROW_END;
}

static FieldEnd
read_quoted_field (Parser *parser,
                   char  **cell,
                   gsize  *cell_length)
{
  char *p = parser->p + 1;
  char *start = p;
  char *end = parser->end;
  char *out = NULL; /* where unescaped text goes, once there was a "" or a line break */

  for (;;)
    {
      char *run = p;

      p = find_any (p, end, '"', '\r', '\n');
      if (p == end)
        return FIELD_UNCLOSED;
      if (out != NULL)
        {
          memmove (out, run, p - run);
          out += p - run;
        }
      else
        out = p;
      if (*p == '"' && !(p + 1 < end && p[1] == '"'))
        {
          p++;
          break;
        }
      if (*p == '"')
        {
          *out++ = '"';
          p += 2;
          continue;
        }
      /* A line break inside the cell: CR, LF or CRLF, kept as "\n" (written last: @out
       * may be where @p is). */
      p += *p == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
      *out++ = '\n';
      parser->line++;
    }

  /* Text after the closing quote, up to the separator, is kept, as Excel keeps it. */
  if (p < end && *p != parser->separator && *p != '\r' && *p != '\n')
    {
      char *rest = p;

      while (p < end && *p != parser->separator && *p != '\r' && *p != '\n')
        p++;
      memmove (out, rest, p - rest);
      out += p - rest;
    }
  *cell = start;
  *cell_length = out - start;
  parser->p = p;
  return finish_field (parser);
}

static FieldEnd
read_field (Parser *parser,
            char  **cell,
            gsize  *cell_length)
{
  char *p = parser->p;
  char *end = parser->end;
  char separator = parser->separator;

  if (p < end && *p == '"')
    return read_quoted_field (parser, cell, cell_length);
  p = find_any (p, end, separator, '\n', '\r');
  *cell = parser->p;
  *cell_length = p - parser->p;
  parser->p = p;
  return finish_field (parser);
}

static gboolean
add_cell (Parser *parser,
          char   *cell,
          gsize   cell_length,
          GError **error)
{
  gsize n_chars;

  /* What followed the cell has been read: its place can end the cell. */
  cell[cell_length] = '\0';
  if (upr_table_text_too_long (cell, cell_length, &n_chars))
    return upr_table_sheet_add_cell (parser->table, parser->sheet, cell, cell_length, error);
  return upr_table_sheet_add_interned (parser->table, parser->sheet, cell, error);
}

/* Reads one row; @width is set to the number of its fields up to the last non-empty one. */
static gboolean
parse_row (Parser  *parser,
           guint   *width,
           GError **error)
{
  guint row = upr_table_sheet_get_n_rows (parser->sheet);
  guint line = parser->line;
  FieldEnd field_end;
  guint column = 0;

  *width = 0;
  if (!upr_table_sheet_begin_row (parser->table, parser->sheet, line, error))
    return FALSE;
  do
    {
      char *cell = NULL;
      gsize cell_length = 0;
      guint field_line = parser->line;

      field_end = read_field (parser, &cell, &cell_length);
      if (field_end == FIELD_UNCLOSED)
        {
          g_autofree char *where = upr_table_describe_row (parser->table, NULL, 0, row, line);

          g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_SYNTAX,
                       _("%s: the quote opened on line %u is never closed."), where,
                       field_line);
          return FALSE;
        }
      if (!add_cell (parser, cell, cell_length, error))
        return FALSE;
      column++;
      if (cell_length > 0)
        *width = column;
    }
  while (field_end == FIELD_MORE);
  upr_table_sheet_end_row (parser->table, parser->sheet);
  return TRUE;
}

/* Whether the row at parser->p is the title of the next section: the very line
 * find_sections() took for it, so that both read a report alike. */
static gboolean
at_section_title (Parser *parser)
{
  return parser->next_section < parser->n_sections
         && (gsize) (parser->p - parser->text) == parser->sections[parser->next_section].title;
}

static gboolean
parse (Parser       *parser,
       GCancellable *cancellable,
       GError      **error)
{
  guint header_width = 0;
  gboolean has_text = FALSE;

  while (parser->p < parser->end)
    {
      guint row = upr_table_sheet_get_n_rows (parser->sheet);
      guint line = parser->line;
      gboolean title = at_section_title (parser);
      guint width;

      if (row % UPR_TABLE_CANCEL_EVERY == 0 && !upr_table_check_cancelled (cancellable, error))
        return FALSE;
      if (!parse_row (parser, &width, error))
        return FALSE;
      has_text |= width > 0;
      /* A section's title starts it afresh: the next row with text is its header. */
      if (title)
        {
          parser->next_section++;
          header_width = 0;
          continue;
        }
      /* The header is the first row with text. A row wider than it most often has a
       * separator inside a value that was not quoted: its values would land in the wrong
       * columns. Shorter rows are fine (Excel drops trailing empty cells). */
      if (header_width == 0)
        header_width = width;
      else if (width > header_width)
        {
          g_autofree char *where = upr_table_describe_row (parser->table, NULL, 0, row, line);

          g_set_error (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_SYNTAX,
                       _("%s has more values (%u) than the header row has columns (%u)."),
                       where, width, header_width);
          return FALSE;
        }
    }
  if (!has_text)
    {
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_EMPTY,
                           _("The file has no text, only empty lines."));
      return FALSE;
    }
  return TRUE;
}

gboolean
upr_table_read_text (UprTable              *self,
                     const guint8          *data,
                     gsize                  length,
                     const char            *name,
                     const UprTableOptions *options,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autofree char *sheet_name = name != NULL ? g_path_get_basename (name) : g_strdup (_("Table"));
  Decoded decoded = { 0 };
  Parser parser = { 0 };
  gsize skip, bad_offset = 0;
  const char *encoding, *text, *nul;
  gsize text_length;
  gboolean certain;
  guint first_line;

  encoding = choose_encoding (data, length, options, &certain, &skip);
  if (!decode ((const char *) data + skip, length - skip, encoding, certain, &decoded,
               &bad_offset, error))
    {
      if (error == NULL || *error == NULL)
        set_encoding_error (self, sheet_name, (const char *) data + skip, bad_offset,
                            encoding, options, error);
      return FALSE;
    }

  text = decoded.text;
  text_length = decoded.length;
  /* A BOM the encoding's conversion left in, e.g. with a forced encoding. */
  if (text_length >= 3 && memcmp (text, utf8_bom, 3) == 0)
    text += 3, text_length -= 3, skip = 3;
  if (text_length == 0)
    {
      g_free (decoded.owned);
      g_set_error_literal (error, UPR_TABLE_ERROR, UPR_TABLE_ERROR_EMPTY,
                           skip > 0 ? _("The file is empty: it holds only a byte order mark.")
                                    : _("The file is empty."));
      return FALSE;
    }
  nul = memchr (text, '\0', text_length);
  if (nul != NULL)
    {
      set_error_at (self, sheet_name, text, text_length, nul - text, options,
                    UPR_TABLE_ERROR_SYNTAX,
                    _("the file holds a NUL byte, which text never has. It may be damaged, "
                      "or not a text file."), error);
      g_free (decoded.owned);
      return FALSE;
    }

  /* The parser writes into the text: it needs its own copy, with a spare byte, unless the
   * conversion made one (g_convert() ends its result with NULs). */
  if (decoded.owned == NULL)
    {
      char *copy = g_malloc (text_length + 1);

      memcpy (copy, text, text_length);
      copy[text_length] = '\0';
      decoded.owned = copy;
      text = copy;
    }
  upr_table_take_buffer (self, g_steal_pointer (&decoded.owned));

  parser.table = self;
  parser.separator = prepare (&text, &text_length, options, &first_line, parser.sections,
                              &parser.n_sections);
  parser.text = text;
  parser.p = (char *) text;
  parser.end = (char *) text + text_length;
  parser.line = first_line;
  upr_table_set_text_info (self, decoded.encoding, decoded.certain, parser.separator);
  parser.sheet = upr_table_add_sheet (self, sheet_name);
  return parse (&parser, cancellable, error);
}
