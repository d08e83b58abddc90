/* upr-import-row.c: one row of an imported table read into a recommendation: cells cleaned
 * (upr-normalise.h), names matched (upr-normalise-names.h), what an OHCHR thematic list
 * packs into its text cell taken apart ("140.7 Ratify … (Maldives) (Portugal);\nSource of
 * Position: A/HRC/59/15/Add.1 - Para.3"), and every value that cannot be used reported with
 * its row and column rather than dropped. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-import-private.h"
#include "upr-normalise.h"
#include "upr-store.h"

typedef struct
{
  UprImport          *self;
  GPtrArray          *issues;
  const char * const *cells;
  guint               n_cells;
  guint               line;
  int                 columns[UPR_IMPORT_N_FIELDS]; /* column of each field, or -1 */
} Row;

void
upr_import_parsed_clear (UprImportParsed *parsed)
{
  g_clear_pointer (&parsed->country, g_free);
  g_clear_pointer (&parsed->rec, upr_imported_recommendation_free);
  memset (parsed, 0, sizeof *parsed);
}

static const char *
cell (const Row *row,
      int        column)
{
  return column >= 0 && (guint) column < row->n_cells ? row->cells[column] : "";
}

static const char *
field_cell (const Row     *row,
            UprImportField field)
{
  return cell (row, row->columns[field]);
}

/* Nothing but spaces, line breaks and no-break spaces (U+00A0, "\xc2\xa0"). */
static gboolean
is_blank (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (p[0] == 0xC2 && p[1] == 0xA0)
        p++;
      else if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return TRUE;
}

static void
report (const Row         *row,
        UprImportSeverity  severity,
        UprImportField     field,
        const char        *value,
        const char        *message)
{
  upr_import_add_issue (row->self, row->issues, severity, row->line,
                        field != UPR_IMPORT_FIELD_NONE ? row->columns[field] : -1, value, message);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A sorted NULL-terminated copy of the interned strings of @ids. */
static char **
sorted_strv (GPtrArray *ids)
{
  char **strv = g_new0 (char *, ids->len + 1);

  for (guint i = 0; i < ids->len; i++)
    strv[i] = g_strdup (ids->pdata[i]);
  qsort (strv, ids->len, sizeof (char *), compare_strings);
  return strv;
}

static void
add_id (GPtrArray  *ids,
        const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (ids->pdata[i] == id)
      return;
  g_ptr_array_add (ids, (gpointer) id);
}

/* Memos */

/* What a cell holds, read once per distinct cell: matched ids (interned), values that
 * matched nothing, and a number (SDG goals, a session, the count of States named). */
typedef struct
{
  GPtrArray *ids;
  GPtrArray *unmatched;
  guint      number;
} Values;

static void
values_free (Values *values)
{
  g_ptr_array_unref (values->ids);
  g_ptr_array_unref (values->unmatched);
  g_free (values);
}

void
upr_import_memo_init (UprImport *self)
{
  for (guint f = 0; f < UPR_IMPORT_N_FIELDS; f++)
    self->memo[f] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) values_free);
  self->memo_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->memo_cycles = g_hash_table_new (NULL, NULL);
}

void
upr_import_memo_clear (UprImport *self)
{
  for (guint f = 0; f < UPR_IMPORT_N_FIELDS; f++)
    g_clear_pointer (&self->memo[f], g_hash_table_unref);
  g_clear_pointer (&self->memo_names, g_hash_table_unref);
  g_clear_pointer (&self->memo_cycles, g_hash_table_unref);
}

typedef void (*ReadFunc) (UprImport  *self,
                          const char *raw,
                          Values     *values);

/* The values of the cell of @field, read by @read the first time the cell is seen. */
static const Values *
cell_values (const Row     *row,
             UprImportField field,
             ReadFunc       read)
{
  const char *raw = field_cell (row, field);
  Values *values = g_hash_table_lookup (row->self->memo[field], raw);

  if (values == NULL)
    {
      values = g_new0 (Values, 1);
      values->ids = g_ptr_array_new ();
      values->unmatched = g_ptr_array_new_with_free_func (g_free);
      read (row->self, raw, values);
      g_hash_table_insert (row->self->memo[field], g_strdup (raw), values);
    }
  return values;
}

static const char *
lookup_country (UprImport  *self,
                const char *name)
{
  const char *code = g_hash_table_lookup (self->memo_names, name);

  if (code == NULL)
    {
      code = upr_name_index_lookup (self->countries, name);
      if (code == NULL)
        code = "";
      g_hash_table_insert (self->memo_names, g_strdup (name), (gpointer) code);
    }
  return code[0] != '\0' ? code : NULL;
}

static int
cycle_of (UprImport *self,
          int        session)
{
  gpointer cycle;

  if (!g_hash_table_lookup_extended (self->memo_cycles, GINT_TO_POINTER (session), NULL, &cycle))
    {
      cycle = GINT_TO_POINTER (upr_store_cycle_for_session (self->store, session));
      g_hash_table_insert (self->memo_cycles, GINT_TO_POINTER (session), cycle);
    }
  return GPOINTER_TO_INT (cycle);
}

/* The kind of row */

static gboolean
is_heading_text (const char *text)
{
  static const char * const headings[] = { "theme", "themes", "thematique", "cluster",
                                           "thematic cluster", "groupe thematique", "section" };
  const char *colon = strchr (text, ':');
  g_autofree char *head = NULL;
  g_autofree char *key = NULL;

  if (colon == NULL)
    return FALSE;
  head = g_strndup (text, colon - text);
  key = upr_normalise_name_key (head);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (strcmp (key, headings[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_repeated_header (const Row *row)
{
  const char * const *header = upr_table_get_row (row->self->table, row->self->sheet,
                                                  row->self->header_row);
  guint n_header = g_strv_length ((char **) header);
  guint n_same = 0;

  for (guint c = 0; c < row->n_cells; c++)
    {
      if (is_blank (row->cells[c]))
        continue;
      if (c >= n_header || strcmp (row->cells[c], header[c]) != 0)
        return FALSE;
      n_same++;
    }
  return n_same > 1;
}

static UprImportRowKind
classify_row (const Row *row)
{
  int text_column = row->columns[UPR_IMPORT_FIELD_TEXT];
  guint n_filled = 0;
  int filled = -1;

  for (guint c = 0; c < row->n_cells; c++)
    if (!is_blank (row->cells[c]))
      {
        n_filled++;
        filled = (int) c;
      }
  if (n_filled == 0)
    return UPR_IMPORT_ROW_EMPTY;
  if (is_repeated_header (row))
    return UPR_IMPORT_ROW_HEADING;
  /* "Theme: …" alone on its row, or a title alone in another column than the text. */
  if (n_filled == 1 && (filled != text_column || is_heading_text (cell (row, filled))))
    return UPR_IMPORT_ROW_HEADING;
  return UPR_IMPORT_ROW_DATA;
}

/* The text cell taken apart */

/* Removes a "Source of position: …" line from @lines, returning what follows its colon. */
static char *
take_source_line (GPtrArray *lines)
{
  static const char * const heads[] = { "source of position", "source of the position",
                                        "source of response", "source de la position",
                                        "source de la reponse" };

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];
      const char *colon = strchr (line, ':');
      g_autofree char *head = NULL;
      g_autofree char *key = NULL;

      if (colon == NULL)
        continue;
      head = g_strndup (line, colon - line);
      key = upr_normalise_name_key (head);
      for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
        if (strcmp (key, heads[h]) == 0)
          {
            char *source = g_strstrip (g_strdup (colon + 1));

            g_ptr_array_remove_index (lines, i);
            return source;
          }
    }
  return NULL;
}

/* "140.7 Ratify…": the paragraph of the report, when the text starts with one; it is taken
 * out of @text. */
static char *
take_paragraph (char *text)
{
  const char *p = text;
  const char *end;
  char *paragraph;

  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != '.' || !g_ascii_isdigit (p[1]))
    return NULL;
  while (*p == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  end = p;
  if (*p == '.')
    p++;
  if (*p != ' ' || p[1] == '\0')
    return NULL;
  paragraph = g_strndup (text, end - text);
  memmove (text, p + 1, strlen (p + 1) + 1);
  return paragraph;
}

static void
trim_end (char       *text,
          const char *characters)
{
  gsize length = strlen (text);

  while (length > 0 && strchr (characters, text[length - 1]) != NULL)
    text[--length] = '\0';
}

/* The start of the parenthesis that closes @text, or NULL. */
static char *
last_parenthesis (char *text)
{
  gsize length = strlen (text);
  int depth = 0;

  if (length == 0 || text[length - 1] != ')')
    return NULL;
  for (gsize i = length; i > 0; i--)
    {
      if (text[i - 1] == ')')
        depth++;
      else if (text[i - 1] == '(' && --depth == 0)
        return &text[i - 1];
    }
  return NULL;
}

/* "… (Maldives) (Portugal);": the recommending States in parentheses at the end of the text,
 * as OHCHR writes them. A last parenthesis that names no State is left in the text, unless
 * the layout is OHCHR's, where it can only be a State written in a way Upright does not know. */
static void
take_states (const Row *row,
             char      *text,
             GPtrArray *ids)
{
  gboolean thematic = row->self->layout == UPR_IMPORT_LAYOUT_OHCHR_THEMATIC;
  g_autofree char *work = g_strdup (text);
  gboolean taken = FALSE;
  char *open;

  /* "… (Iraq)." too; the full stop stays when no State comes before it. */
  trim_end (work, " ;,.\n");
  while ((open = last_parenthesis (work)) != NULL)
    {
      g_autofree char *inner = g_strndup (open + 1, strlen (open) - 2);
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
      const char *id = lookup_country (row->self, inner);

      if (id != NULL)
        g_ptr_array_add (found, (gpointer) id);
      else
        upr_name_index_match_list (row->self->countries, inner, found, unknown);
      if (found->len == 0 || unknown->len > 0)
        {
          if (!thematic || taken)
            break;
          report (row, UPR_IMPORT_SEVERITY_WARNING, UPR_IMPORT_FIELD_TEXT, inner,
                  _("The recommending State is not recognised; it is left out."));
        }
      for (guint i = 0; i < found->len; i++)
        add_id (ids, found->pdata[i]);
      *open = '\0';
      trim_end (work, " \n");
      taken = TRUE;
      if (found->len == 0)
        break;
    }
  if (taken)
    strcpy (text, work);
  trim_end (text, " ;,\n");
}

/* The text of the recommendation, with what it carries taken out into @parsed. */
static gboolean
read_text (const Row       *row,
           UprImportParsed *parsed,
           GPtrArray       *states)
{
  g_autofree char *clean = upr_normalise_text (field_cell (row, UPR_IMPORT_FIELD_TEXT),
                                               UPR_NORMALISE_MULTILINE);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) split = g_strsplit (clean, "\n", -1);
  UprImportedRecommendation *rec = parsed->rec;
  char *text;

  for (guint i = 0; split[i] != NULL; i++)
    g_ptr_array_add (lines, g_strdup (split[i]));
  if (row->columns[UPR_IMPORT_FIELD_RESPONSE_SOURCE] < 0)
    rec->response_source = take_source_line (lines);
  g_ptr_array_add (lines, NULL);
  text = g_strjoinv ("\n", (char **) lines->pdata);
  g_strstrip (text);
  if (row->columns[UPR_IMPORT_FIELD_PARAGRAPH] < 0)
    rec->paragraph = take_paragraph (text);
  if (row->columns[UPR_IMPORT_FIELD_RECOMMENDING_STATES] < 0)
    take_states (row, text, states);
  g_strstrip (text);
  rec->text = text;
  return text[0] != '\0';
}

/* The State under review and the session */

static void
read_country_cell (UprImport  *self,
                   const char *raw,
                   Values     *values)
{
  g_auto(GStrv) items = upr_normalise_split_lines (raw);

  values->number = g_strv_length (items);
  if (values->number != 1)
    return;
  if (lookup_country (self, items[0]) != NULL)
    g_ptr_array_add (values->ids, (gpointer) lookup_country (self, items[0]));
  else
    g_ptr_array_add (values->unmatched, g_strdup (items[0]));
}

static gboolean
read_country (const Row       *row,
              UprImportParsed *parsed)
{
  const Values *values = cell_values (row, UPR_IMPORT_FIELD_COUNTRY, read_country_cell);

  if (values->number == 0)
    {
      if (row->self->country == NULL)
        {
          report (row, UPR_IMPORT_SEVERITY_SKIPPED, UPR_IMPORT_FIELD_NONE, NULL,
                  _("The row names no State under review, and none was given for the file."));
          return FALSE;
        }
      parsed->country = g_strdup (row->self->country);
      return TRUE;
    }
  if (values->number > 1)
    {
      report (row, UPR_IMPORT_SEVERITY_SKIPPED, UPR_IMPORT_FIELD_COUNTRY,
              field_cell (row, UPR_IMPORT_FIELD_COUNTRY),
              _("The row names several States under review."));
      return FALSE;
    }
  if (values->ids->len == 0)
    {
      report (row, UPR_IMPORT_SEVERITY_SKIPPED, UPR_IMPORT_FIELD_COUNTRY, values->unmatched->pdata[0],
              _("The State under review is not recognised."));
      return FALSE;
    }
  parsed->country = g_strdup (values->ids->pdata[0]);
  return TRUE;
}

/* The session; the text given is kept in "unmatched", for the messages. */
static void
read_number_cell (UprImport  *self,
                  const char *raw,
                  Values     *values)
{
  g_autofree char *clean = upr_normalise_text (raw, UPR_NORMALISE_SINGLE_LINE);

  if (clean[0] != '\0')
    g_ptr_array_add (values->unmatched, g_steal_pointer (&clean));
  values->number = values->unmatched->len > 0 ? upr_normalise_session (raw) : 0;
}

static void
read_cycle_cell (UprImport  *self,
                 const char *raw,
                 Values     *values)
{
  g_autofree char *clean = upr_normalise_text (raw, UPR_NORMALISE_SINGLE_LINE);

  if (clean[0] != '\0')
    g_ptr_array_add (values->unmatched, g_steal_pointer (&clean));
  values->number = values->unmatched->len > 0 ? upr_normalise_cycle (raw) : 0;
}

static void
check_cycle (const Row             *row,
             const UprImportParsed *parsed,
             const char            *session_text)
{
  const Values *cycle = cell_values (row, UPR_IMPORT_FIELD_CYCLE, read_cycle_cell);
  g_autofree char *message = NULL;

  if (parsed->cycle == 0)
    {
      message = g_strdup_printf (_("Session %d is in no known UPR cycle."), parsed->session);
      report (row, UPR_IMPORT_SEVERITY_WARNING, UPR_IMPORT_FIELD_SESSION, session_text, message);
    }
  else if (cycle->unmatched->len > 0 && (int) cycle->number != parsed->cycle)
    {
      message = g_strdup_printf (_("The cycle does not match the session: session %d is in "
                                   "cycle %d."),
                                 parsed->session, parsed->cycle);
      report (row, UPR_IMPORT_SEVERITY_WARNING, UPR_IMPORT_FIELD_CYCLE,
              cycle->unmatched->pdata[0], message);
    }
}

static gboolean
read_session (const Row       *row,
              UprImportParsed *parsed)
{
  const Values *session = cell_values (row, UPR_IMPORT_FIELD_SESSION, read_number_cell);
  const char *text = session->unmatched->len > 0 ? session->unmatched->pdata[0] : NULL;

  parsed->session = text != NULL ? (int) session->number : row->self->session;
  if (text != NULL && parsed->session == 0)
    {
      report (row, UPR_IMPORT_SEVERITY_SKIPPED, UPR_IMPORT_FIELD_SESSION, text,
              _("The session is not a session number of the Working Group."));
      return FALSE;
    }
  if (parsed->session == 0)
    {
      report (row, UPR_IMPORT_SEVERITY_SKIPPED, UPR_IMPORT_FIELD_NONE, NULL,
              _("The row has no session, and none was given for the file."));
      return FALSE;
    }
  parsed->cycle = cycle_of (row->self, parsed->session);
  check_cycle (row, parsed, text);
  return TRUE;
}

/* UHRI exports hold the recommendations of treaty bodies and special procedures too: the
 * number is 1 for the UPR, 0 for another body or none. */
static void
read_body_cell (UprImport  *self,
                const char *raw,
                Values     *values)
{
  static const char * const upr_names[] = { "universal periodic review", "upr", "epu",
                                            "examen periodique universel" };
  g_auto(GStrv) items = upr_normalise_split_lines (raw);
  g_autofree char *clean = g_strjoinv (", ", items);
  g_autofree char *key = upr_normalise_name_key (clean);

  values->number = key[0] == '\0';
  for (guint i = 0; i < G_N_ELEMENTS (upr_names) && values->number == 0; i++)
    {
      gsize length = strlen (upr_names[i]);
      const char *at = strstr (key, upr_names[i]);

      values->number = at != NULL && (at == key || at[-1] == ' ')
                       && (at[length] == '\0' || at[length] == ' ');
    }
  g_ptr_array_add (values->unmatched, g_steal_pointer (&clean));
}

static gboolean
read_body (const Row *row)
{
  const Values *body = cell_values (row, UPR_IMPORT_FIELD_BODY, read_body_cell);

  if (body->number != 0)
    return TRUE;
  report (row, UPR_IMPORT_SEVERITY_SKIPPED, UPR_IMPORT_FIELD_BODY, body->unmatched->pdata[0],
          _("Not a recommendation of the Universal Periodic Review."));
  return FALSE;
}

/* The other fields */

static void
read_response_cell (UprImport  *self,
                    const char *raw,
                    Values     *values)
{
  g_autofree char *clean = upr_normalise_text (raw, UPR_NORMALISE_SINGLE_LINE);
  const char *response = upr_normalise_response (clean);

  if (response != NULL)
    g_ptr_array_add (values->ids, (gpointer) g_intern_string (response));
  if (clean[0] != '\0')
    g_ptr_array_add (values->unmatched, g_steal_pointer (&clean));
}

static void
read_response (const Row       *row,
               UprImportParsed *parsed)
{
  UprImportedRecommendation *rec = parsed->rec;
  const Values *response = cell_values (row, UPR_IMPORT_FIELD_RESPONSE, read_response_cell);
  g_autofree char *source = upr_normalise_text (field_cell (row, UPR_IMPORT_FIELD_RESPONSE_SOURCE),
                                                UPR_NORMALISE_SINGLE_LINE);
  gboolean given = response->unmatched->len > 0;

  rec->response = g_strdup (response->ids->len > 0 ? response->ids->pdata[0] : "pending");
  parsed->has_response = given && response->ids->len > 0;
  if (given && response->ids->len == 0)
    report (row, UPR_IMPORT_SEVERITY_WARNING, UPR_IMPORT_FIELD_RESPONSE,
            response->unmatched->pdata[0],
            _("The response is not understood; the recommendation is imported as pending."));
  if (source[0] != '\0')
    {
      g_free (rec->response_source);
      rec->response_source = g_steal_pointer (&source);
    }
}

static void
read_paragraph_and_category (const Row       *row,
                             UprImportParsed *parsed)
{
  UprImportedRecommendation *rec = parsed->rec;
  g_autofree char *category = upr_normalise_text (field_cell (row, UPR_IMPORT_FIELD_ACTION_CATEGORY),
                                                  UPR_NORMALISE_SINGLE_LINE);

  if (row->columns[UPR_IMPORT_FIELD_PARAGRAPH] >= 0)
    rec->paragraph = upr_normalise_paragraph (field_cell (row, UPR_IMPORT_FIELD_PARAGRAPH));
  rec->action_category = upr_normalise_action_category (category);
  if (category[0] != '\0' && rec->action_category == 0)
    report (row, UPR_IMPORT_SEVERITY_WARNING, UPR_IMPORT_FIELD_ACTION_CATEGORY, category,
            _("The action category is not a number from 1 to 5; it is left empty."));
}

static void
read_states_cell (UprImport  *self,
                  const char *raw,
                  Values     *values)
{
  g_auto(GStrv) lines = upr_normalise_split_lines (raw);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *code = lookup_country (self, lines[i]);

      if (code != NULL)
        add_id (values->ids, code);
      else
        upr_name_index_match_list (self->countries, lines[i], values->ids, values->unmatched);
    }
}

static void
read_states (const Row *row,
             GPtrArray *ids)
{
  const Values *states = cell_values (row, UPR_IMPORT_FIELD_RECOMMENDING_STATES, read_states_cell);

  for (guint i = 0; i < states->ids->len; i++)
    add_id (ids, states->ids->pdata[i]);
  for (guint i = 0; i < states->unmatched->len; i++)
    {
      const char *value = states->unmatched->pdata[i];

      if (upr_name_is_placeholder (value))
        report (row, UPR_IMPORT_SEVERITY_WARNING, UPR_IMPORT_FIELD_RECOMMENDING_STATES, value,
                _("The file does not name the recommending State."));
      else
        report (row, UPR_IMPORT_SEVERITY_WARNING, UPR_IMPORT_FIELD_RECOMMENDING_STATES, value,
                _("The recommending State is not recognised; it is left out."));
    }
}

/* "A12 Acceptance of international norms": OHCHR's older theme codes before the label. */
static const char *
skip_theme_code (const char *item)
{
  const char *p = item;

  if (!g_ascii_isupper (*p) || !g_ascii_isdigit (p[1]))
    return item;
  for (p++; g_ascii_isdigit (*p); p++)
    ;
  return *p == ' ' && p - item <= 4 ? p + 1 : item;
}

/* A term in @first's vocabulary, else in OHCHR's other one (a theme column may name a
 * group); UPR Info's issues are a vocabulary apart. */
static const char *
lookup_term (UprImport    *self,
             UprNameIndex *first,
             const char   *item)
{
  UprNameIndex *order[] = { first, first == self->issue_names ? NULL
                                   : first == self->theme_names ? self->group_names
                                   : self->theme_names };

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *name = pass == 0 ? item : skip_theme_code (item);

      if (pass == 1 && name == item)
        break;
      for (guint i = 0; i < G_N_ELEMENTS (order) && order[i] != NULL; i++)
        {
          const char *id = upr_name_index_lookup (order[i], name);

          if (id != NULL)
            return id;
        }
    }
  return NULL;
}

/* OHCHR's "General" among groups of persons: the recommendation concerns everyone. */
static gboolean
is_general (const char *item)
{
  g_autofree char *key = upr_normalise_name_key (item);

  return strcmp (key, "general") == 0 || strcmp (key, "generale") == 0
         || strcmp (key, "general public") == 0;
}

static void
read_term_item (UprImport    *self,
                UprNameIndex *first,
                const char   *item,
                Values       *values)
{
  g_autoptr(GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);
  const char *id = lookup_term (self, first, item);

  if (id == NULL && first != self->issue_names && is_general (item))
    return;
  if (id != NULL)
    {
      add_id (values->ids, id);
      return;
    }
  /* UPR Info joins its issues with commas: "Rights of the Child,Women's rights". */
  upr_name_index_match_list (first, item, values->ids, unmatched);
  for (guint i = 0; i < unmatched->len; i++)
    {
      id = lookup_term (self, first, unmatched->pdata[i]);
      if (id != NULL)
        add_id (values->ids, id);
      else
        g_ptr_array_add (values->unmatched, g_strdup (unmatched->pdata[i]));
    }
}

static void
read_terms_cell (UprImport    *self,
                 UprNameIndex *first,
                 const char   *raw,
                 Values       *values)
{
  g_auto(GStrv) lines = upr_normalise_split_lines (raw);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest = NULL;
      char heading = upr_normalise_list_heading (lines[i], &rest);

      /* "Groups of Persons:" within the themes of an OHCHR list. */
      if (heading != 0)
        {
          first = heading == 'g' ? self->group_names : self->theme_names;
          if (rest[0] != '\0')
            read_term_item (self, first, rest, values);
          continue;
        }
      read_term_item (self, first, lines[i], values);
    }
}

static void
read_issues_cell (UprImport  *self,
                  const char *raw,
                  Values     *values)
{
  read_terms_cell (self, self->issue_names, raw, values);
}

static void
read_themes_cell (UprImport  *self,
                  const char *raw,
                  Values     *values)
{
  read_terms_cell (self, self->theme_names, raw, values);
}

static void
read_groups_cell (UprImport  *self,
                  const char *raw,
                  Values     *values)
{
  read_terms_cell (self, self->group_names, raw, values);
}

static void
read_terms (const Row     *row,
            UprImportField field,
            GPtrArray     *ids)
{
  ReadFunc read = field == UPR_IMPORT_FIELD_ISSUES ? read_issues_cell
                  : field == UPR_IMPORT_FIELD_GROUPS ? read_groups_cell
                  : read_themes_cell;
  const Values *terms = cell_values (row, field, read);

  for (guint i = 0; i < terms->ids->len; i++)
    add_id (ids, terms->ids->pdata[i]);
  for (guint i = 0; i < terms->unmatched->len; i++)
    report (row, UPR_IMPORT_SEVERITY_WARNING, field, terms->unmatched->pdata[i],
            _("Not a known theme, group of persons or issue; it is left out."));
}

static void
read_goals_cell (UprImport  *self,
                 const char *raw,
                 Values     *values)
{
  g_auto(GStrv) lines = upr_normalise_split_lines (raw);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint goals = upr_normalise_sdg_goals (lines[i]);

      if (goals == 0)
        g_ptr_array_add (values->unmatched, g_strdup (lines[i]));
      values->number |= goals;
    }
}

static guint
read_goals (const Row *row)
{
  const Values *goals = cell_values (row, UPR_IMPORT_FIELD_SDGS, read_goals_cell);

  for (guint i = 0; i < goals->unmatched->len; i++)
    report (row, UPR_IMPORT_SEVERITY_WARNING, UPR_IMPORT_FIELD_SDGS, goals->unmatched->pdata[i],
            _("Not a Sustainable Development Goal; it is left out."));
  return goals->number;
}

static UprImportSchemes
schemes_of (GPtrArray *terms)
{
  UprImportSchemes schemes = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      const char *id = terms->pdata[i];

      if (g_str_has_prefix (id, "uhri-theme:"))
        schemes |= UPR_IMPORT_SCHEME_THEME;
      else if (g_str_has_prefix (id, "uhri-group:"))
        schemes |= UPR_IMPORT_SCHEME_GROUP;
      else if (g_str_has_prefix (id, "uprinfo-issue:"))
        schemes |= UPR_IMPORT_SCHEME_ISSUE;
    }
  return schemes;
}

/* Public to upr-import.c */

static void
find_columns (Row *row)
{
  for (guint f = 0; f < UPR_IMPORT_N_FIELDS; f++)
    row->columns[f] = -1;
  for (guint c = 0; c < row->self->n_columns; c++)
    if (row->self->fields[c] > UPR_IMPORT_FIELD_IGNORE && row->columns[row->self->fields[c]] < 0)
      row->columns[row->self->fields[c]] = (int) c;
}

/* The recommendation's fields other than its State and session. */
static gboolean
read_recommendation (const Row       *row,
                     UprImportParsed *parsed)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new ();
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  UprImportedRecommendation *rec = parsed->rec;

  if (!read_text (row, parsed, states))
    {
      report (row, UPR_IMPORT_SEVERITY_SKIPPED, UPR_IMPORT_FIELD_TEXT, NULL,
              _("The row has no recommendation text."));
      return FALSE;
    }
  read_response (row, parsed);
  read_paragraph_and_category (row, parsed);
  read_states (row, states);
  read_terms (row, UPR_IMPORT_FIELD_ISSUES, terms);
  read_terms (row, UPR_IMPORT_FIELD_THEMES, terms);
  read_terms (row, UPR_IMPORT_FIELD_GROUPS, terms);
  rec->sdg_goals = read_goals (row);
  g_strfreev (rec->states);
  rec->states = sorted_strv (states);
  g_strfreev (rec->terms);
  rec->terms = sorted_strv (terms);
  parsed->schemes = schemes_of (terms);
  rec->source_file = g_strdup (row->self->file_name);
  rec->source_row = (int) row->line;
  return TRUE;
}

UprImportRowKind
upr_import_parse_row (UprImport       *self,
                      guint            sheet,
                      guint            row_index,
                      UprImportParsed *parsed,
                      GPtrArray       *issues)
{
  Row row = { self, issues };
  UprImportRowKind kind;

  row.cells = upr_table_get_row (self->table, sheet, row_index);
  row.n_cells = g_strv_length ((char **) row.cells);
  row.line = upr_table_get_source_line (self->table, sheet, row_index);
  find_columns (&row);
  memset (parsed, 0, sizeof *parsed);
  parsed->line = row.line;
  kind = classify_row (&row);
  if (kind != UPR_IMPORT_ROW_DATA)
    return kind;

  /* The State first: rows of other States are left out without a word about them. */
  if (!read_country (&row, parsed))
    return UPR_IMPORT_ROW_SKIPPED;
  if (self->country != NULL && strcmp (parsed->country, self->country) != 0)
    return UPR_IMPORT_ROW_OTHER_COUNTRY;
  parsed->rec = upr_imported_recommendation_new ();
  if (!read_body (&row) || !read_session (&row, parsed) || !read_recommendation (&row, parsed))
    return UPR_IMPORT_ROW_SKIPPED;
  return UPR_IMPORT_ROW_DATA;
}
