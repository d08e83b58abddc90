/* upr-import-layout.c: the fields of imported columns from their headers; see
 * upr-import-layout.h. The names come from real files: UPR Info's database exports (To,
 * From, SuR, RS, Rgrp, Org…), OHCHR's Universal Human Rights Index export (Countries
 * Concerned, UPR Position, its "Reccomending" typos) and thematic lists (Recommendation and
 * recommending State, Position of the State under review…), and the English and French
 * names people give columns in their own matrices. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "upr-import-layout.h"
#include "upr-normalise.h"

static const struct
{
  const char *id;
  const char *label; /* N_() */
} fields[UPR_IMPORT_N_FIELDS] = {
  [UPR_IMPORT_FIELD_NONE] = { "", N_("Not placed") },
  [UPR_IMPORT_FIELD_IGNORE] = { "ignore", N_("Left out") },
  [UPR_IMPORT_FIELD_COUNTRY] = { "country", N_("State under review") },
  [UPR_IMPORT_FIELD_SESSION] = { "session", N_("Session") },
  [UPR_IMPORT_FIELD_CYCLE] = { "cycle", N_("Cycle") },
  [UPR_IMPORT_FIELD_PARAGRAPH] = { "paragraph", N_("Paragraph") },
  [UPR_IMPORT_FIELD_TEXT] = { "text", N_("Recommendation") },
  [UPR_IMPORT_FIELD_RECOMMENDING_STATES] = { "recommending-states", N_("Recommending States") },
  [UPR_IMPORT_FIELD_RESPONSE] = { "response", N_("Response") },
  [UPR_IMPORT_FIELD_RESPONSE_SOURCE] = { "response-source", N_("Source of the response") },
  [UPR_IMPORT_FIELD_ACTION_CATEGORY] = { "action-category", N_("Action category") },
  [UPR_IMPORT_FIELD_ISSUES] = { "issues", N_("Issues (UPR Info)") },
  [UPR_IMPORT_FIELD_THEMES] = { "themes", N_("Themes") },
  [UPR_IMPORT_FIELD_GROUPS] = { "groups", N_("Groups of persons") },
  [UPR_IMPORT_FIELD_SDGS] = { "sdgs", N_("Sustainable Development Goals") },
  [UPR_IMPORT_FIELD_BODY] = { "body", N_("Recommending body") },
};

/* Header names as upr_normalise_name_key() makes them. "State" and "Status" alone are left
 * out on purpose: the first may be either State, the second an implementation status. */
static const struct
{
  const char    *key;
  UprImportField field;
} names[] = {
  { "to", UPR_IMPORT_FIELD_COUNTRY },
  { "sur", UPR_IMPORT_FIELD_COUNTRY },
  { "state under review", UPR_IMPORT_FIELD_COUNTRY },
  { "states under review", UPR_IMPORT_FIELD_COUNTRY },
  { "state reviewed", UPR_IMPORT_FIELD_COUNTRY },
  { "country under review", UPR_IMPORT_FIELD_COUNTRY },
  { "country", UPR_IMPORT_FIELD_COUNTRY },
  { "countries", UPR_IMPORT_FIELD_COUNTRY },
  { "country concerned", UPR_IMPORT_FIELD_COUNTRY },
  { "countries concerned", UPR_IMPORT_FIELD_COUNTRY },
  { "pays", UPR_IMPORT_FIELD_COUNTRY },
  { "pays examine", UPR_IMPORT_FIELD_COUNTRY },
  { "pays concerne", UPR_IMPORT_FIELD_COUNTRY },
  { "pays concernes", UPR_IMPORT_FIELD_COUNTRY },
  { "etat examine", UPR_IMPORT_FIELD_COUNTRY },
  { "etat sous examen", UPR_IMPORT_FIELD_COUNTRY },
  { "etat concerne", UPR_IMPORT_FIELD_COUNTRY },
  { "session", UPR_IMPORT_FIELD_SESSION },
  { "upr session", UPR_IMPORT_FIELD_SESSION },
  { "session number", UPR_IMPORT_FIELD_SESSION },
  { "working group session", UPR_IMPORT_FIELD_SESSION },
  { "session de l epu", UPR_IMPORT_FIELD_SESSION },
  { "session epu", UPR_IMPORT_FIELD_SESSION },
  { "cycle", UPR_IMPORT_FIELD_CYCLE },
  { "upr cycle", UPR_IMPORT_FIELD_CYCLE },
  { "cycle de l epu", UPR_IMPORT_FIELD_CYCLE },
  { "cycle epu", UPR_IMPORT_FIELD_CYCLE },
  { "paragraph", UPR_IMPORT_FIELD_PARAGRAPH },
  { "paragraph number", UPR_IMPORT_FIELD_PARAGRAPH },
  { "paragraph reference", UPR_IMPORT_FIELD_PARAGRAPH },
  { "para", UPR_IMPORT_FIELD_PARAGRAPH },
  { "para no", UPR_IMPORT_FIELD_PARAGRAPH },
  { "paragraphe", UPR_IMPORT_FIELD_PARAGRAPH },
  { "no", UPR_IMPORT_FIELD_PARAGRAPH },
  { "n", UPR_IMPORT_FIELD_PARAGRAPH },
  { "nr", UPR_IMPORT_FIELD_PARAGRAPH },
  { "number", UPR_IMPORT_FIELD_PARAGRAPH },
  { "numero", UPR_IMPORT_FIELD_PARAGRAPH },
  { "ref", UPR_IMPORT_FIELD_PARAGRAPH },
  { "reference", UPR_IMPORT_FIELD_PARAGRAPH },
  { "recommendation number", UPR_IMPORT_FIELD_PARAGRAPH },
  { "recommendation no", UPR_IMPORT_FIELD_PARAGRAPH },
  { "rec no", UPR_IMPORT_FIELD_PARAGRAPH },
  { "numero de la recommandation", UPR_IMPORT_FIELD_PARAGRAPH },
  { "text", UPR_IMPORT_FIELD_TEXT },
  { "recommendation", UPR_IMPORT_FIELD_TEXT },
  { "recommendations", UPR_IMPORT_FIELD_TEXT },
  { "recommendation text", UPR_IMPORT_FIELD_TEXT },
  { "text of the recommendation", UPR_IMPORT_FIELD_TEXT },
  { "recommendation and recommending state", UPR_IMPORT_FIELD_TEXT },
  { "recommendations and recommending states", UPR_IMPORT_FIELD_TEXT },
  { "recommandation", UPR_IMPORT_FIELD_TEXT },
  { "recommandations", UPR_IMPORT_FIELD_TEXT },
  { "texte", UPR_IMPORT_FIELD_TEXT },
  { "texte de la recommandation", UPR_IMPORT_FIELD_TEXT },
  { "recommandation et etat recommandant", UPR_IMPORT_FIELD_TEXT },
  { "recommandations et etats recommandants", UPR_IMPORT_FIELD_TEXT },
  { "from", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "rs", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "source", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "recommending state", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "recommending states", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "recommending state s", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "recommending country", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "recommending countries", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "upr recommending states", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "upr reccomending states", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "source state", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "recommended by", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "etat recommandant", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "etats recommandants", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "etat s recommandant s", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "pays recommandant", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "pays recommandants", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "recommande par", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "response", UPR_IMPORT_FIELD_RESPONSE },
  { "responses", UPR_IMPORT_FIELD_RESPONSE },
  { "position", UPR_IMPORT_FIELD_RESPONSE },
  { "upr position", UPR_IMPORT_FIELD_RESPONSE },
  { "position of the state under review", UPR_IMPORT_FIELD_RESPONSE },
  { "position of the state", UPR_IMPORT_FIELD_RESPONSE },
  { "response of the state", UPR_IMPORT_FIELD_RESPONSE },
  { "statut", UPR_IMPORT_FIELD_RESPONSE },
  { "reponse", UPR_IMPORT_FIELD_RESPONSE },
  { "reponses", UPR_IMPORT_FIELD_RESPONSE },
  { "reponse de l etat", UPR_IMPORT_FIELD_RESPONSE },
  { "position de l etat", UPR_IMPORT_FIELD_RESPONSE },
  { "position de l etat examine", UPR_IMPORT_FIELD_RESPONSE },
  { "source of position", UPR_IMPORT_FIELD_RESPONSE_SOURCE },
  { "source of the position", UPR_IMPORT_FIELD_RESPONSE_SOURCE },
  { "source of response", UPR_IMPORT_FIELD_RESPONSE_SOURCE },
  { "source de la position", UPR_IMPORT_FIELD_RESPONSE_SOURCE },
  { "source de la reponse", UPR_IMPORT_FIELD_RESPONSE_SOURCE },
  { "action", UPR_IMPORT_FIELD_ACTION_CATEGORY },
  { "action category", UPR_IMPORT_FIELD_ACTION_CATEGORY },
  { "category", UPR_IMPORT_FIELD_ACTION_CATEGORY },
  { "categorie", UPR_IMPORT_FIELD_ACTION_CATEGORY },
  { "categorie d action", UPR_IMPORT_FIELD_ACTION_CATEGORY },
  { "issue", UPR_IMPORT_FIELD_ISSUES },
  { "issues", UPR_IMPORT_FIELD_ISSUES },
  { "upr info issues", UPR_IMPORT_FIELD_ISSUES },
  { "enjeux", UPR_IMPORT_FIELD_ISSUES },
  { "theme", UPR_IMPORT_FIELD_THEMES },
  { "themes", UPR_IMPORT_FIELD_THEMES },
  { "theme s", UPR_IMPORT_FIELD_THEMES },
  { "thematic", UPR_IMPORT_FIELD_THEMES },
  { "full list of themes", UPR_IMPORT_FIELD_THEMES },
  { "human rights themes", UPR_IMPORT_FIELD_THEMES },
  { "human rights themes and groups of persons", UPR_IMPORT_FIELD_THEMES },
  { "themes and groups of persons", UPR_IMPORT_FIELD_THEMES },
  { "thematique", UPR_IMPORT_FIELD_THEMES },
  { "thematiques", UPR_IMPORT_FIELD_THEMES },
  { "themes des droits de l homme", UPR_IMPORT_FIELD_THEMES },
  { "themes des droits de l homme et groupes de personnes", UPR_IMPORT_FIELD_THEMES },
  { "groups of persons", UPR_IMPORT_FIELD_GROUPS },
  { "groups", UPR_IMPORT_FIELD_GROUPS },
  { "affected persons", UPR_IMPORT_FIELD_GROUPS },
  { "persons affected", UPR_IMPORT_FIELD_GROUPS },
  { "groupes de personnes", UPR_IMPORT_FIELD_GROUPS },
  { "personnes concernees", UPR_IMPORT_FIELD_GROUPS },
  { "sdg", UPR_IMPORT_FIELD_SDGS },
  { "sdgs", UPR_IMPORT_FIELD_SDGS },
  { "relevant sdgs", UPR_IMPORT_FIELD_SDGS },
  { "sdg goals", UPR_IMPORT_FIELD_SDGS },
  { "sustainable development goals", UPR_IMPORT_FIELD_SDGS },
  { "odd", UPR_IMPORT_FIELD_SDGS },
  { "odd pertinents", UPR_IMPORT_FIELD_SDGS },
  { "objectifs de developpement durable", UPR_IMPORT_FIELD_SDGS },
  { "body", UPR_IMPORT_FIELD_BODY },
  { "recommending body", UPR_IMPORT_FIELD_BODY },
  { "reccomending body", UPR_IMPORT_FIELD_BODY },
  { "mechanism", UPR_IMPORT_FIELD_BODY },
  { "mecanisme", UPR_IMPORT_FIELD_BODY },
  { "organe", UPR_IMPORT_FIELD_BODY },
  /* Known, and not what Upright keeps. */
  { "rgrp", UPR_IMPORT_FIELD_IGNORE },
  { "to rgrp", UPR_IMPORT_FIELD_IGNORE },
  { "from rgrp", UPR_IMPORT_FIELD_IGNORE },
  { "org", UPR_IMPORT_FIELD_IGNORE },
  { "to org", UPR_IMPORT_FIELD_IGNORE },
  { "from org", UPR_IMPORT_FIELD_IGNORE },
  { "regional group", UPR_IMPORT_FIELD_IGNORE },
  { "region", UPR_IMPORT_FIELD_IGNORE },
  { "regions concerned", UPR_IMPORT_FIELD_IGNORE },
  { "ohchr annotation id", UPR_IMPORT_FIELD_IGNORE },
  { "annotation id", UPR_IMPORT_FIELD_IGNORE },
  { "annotation", UPR_IMPORT_FIELD_IGNORE },
  { "document symbol", UPR_IMPORT_FIELD_IGNORE },
  { "symbol", UPR_IMPORT_FIELD_IGNORE },
  { "document publication date", UPR_IMPORT_FIELD_IGNORE },
  { "publication date", UPR_IMPORT_FIELD_IGNORE },
  { "type", UPR_IMPORT_FIELD_IGNORE },
  { "assessment comments on level of implementation", UPR_IMPORT_FIELD_IGNORE },
  { "assessment", UPR_IMPORT_FIELD_IGNORE },
};

/* Words a header holds, for names not in the list; the first rule that applies wins. */
static const struct
{
  const char    *word;
  const char    *also; /* a second word the header must hold too, or NULL */
  UprImportField field;
} words[] = {
  { "source", "position", UPR_IMPORT_FIELD_RESPONSE_SOURCE },
  { "source", "response", UPR_IMPORT_FIELD_RESPONSE_SOURCE },
  { "source", "reponse", UPR_IMPORT_FIELD_RESPONSE_SOURCE },
  { "recommending", NULL, UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "reccomending", "state", UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "recommandant", NULL, UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "recommandants", NULL, UPR_IMPORT_FIELD_RECOMMENDING_STATES },
  { "under", "review", UPR_IMPORT_FIELD_COUNTRY },
  { "examine", NULL, UPR_IMPORT_FIELD_COUNTRY },
  { "recommendation", NULL, UPR_IMPORT_FIELD_TEXT },
  { "recommendations", NULL, UPR_IMPORT_FIELD_TEXT },
  { "recommandation", NULL, UPR_IMPORT_FIELD_TEXT },
  { "recommandations", NULL, UPR_IMPORT_FIELD_TEXT },
  { "position", NULL, UPR_IMPORT_FIELD_RESPONSE },
  { "response", NULL, UPR_IMPORT_FIELD_RESPONSE },
  { "reponse", NULL, UPR_IMPORT_FIELD_RESPONSE },
  { "session", NULL, UPR_IMPORT_FIELD_SESSION },
  { "cycle", NULL, UPR_IMPORT_FIELD_CYCLE },
  { "paragraph", NULL, UPR_IMPORT_FIELD_PARAGRAPH },
  { "paragraphe", NULL, UPR_IMPORT_FIELD_PARAGRAPH },
  { "sdg", NULL, UPR_IMPORT_FIELD_SDGS },
  { "sdgs", NULL, UPR_IMPORT_FIELD_SDGS },
  { "odd", NULL, UPR_IMPORT_FIELD_SDGS },
  { "affected", NULL, UPR_IMPORT_FIELD_GROUPS },
  { "groups", NULL, UPR_IMPORT_FIELD_GROUPS },
  { "groupes", NULL, UPR_IMPORT_FIELD_GROUPS },
  { "themes", NULL, UPR_IMPORT_FIELD_THEMES },
  { "theme", NULL, UPR_IMPORT_FIELD_THEMES },
  { "issues", NULL, UPR_IMPORT_FIELD_ISSUES },
};

/* Headers of the layouts. */
static const char * const uhri_headers[] = {
  "ohchr annotation id", "countries concerned", "upr position", "upr recommending states",
  "upr reccomending states", "reccomending body", "upr session", "affected persons", NULL,
};
static const char * const thematic_headers[] = {
  "recommendation and recommending state", "position of the state under review",
  "full list of themes", "human rights themes and groups of persons", "relevant sdgs",
  "source of position", NULL,
};

/* Fields */

const char *
upr_import_field_label (UprImportField field)
{
  g_return_val_if_fail (field < UPR_IMPORT_N_FIELDS, NULL);
  return _(fields[field].label);
}

const char *
upr_import_field_id (UprImportField field)
{
  g_return_val_if_fail (field < UPR_IMPORT_N_FIELDS, NULL);
  return fields[field].id;
}

UprImportField
upr_import_field_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < UPR_IMPORT_N_FIELDS; i++)
    if (strcmp (fields[i].id, id) == 0)
      return i;
  return UPR_IMPORT_FIELD_NONE;
}

const char *
upr_import_layout_label (UprImportLayout layout)
{
  switch (layout)
    {
    case UPR_IMPORT_LAYOUT_UPR_INFO: return _("UPR Info database export");
    case UPR_IMPORT_LAYOUT_UHRI: return _("Universal Human Rights Index export (OHCHR)");
    case UPR_IMPORT_LAYOUT_OHCHR_THEMATIC: return _("Thematic list of recommendations (OHCHR)");
    case UPR_IMPORT_LAYOUT_GENERIC: return _("Table with named columns");
    case UPR_IMPORT_LAYOUT_REMEMBERED: return _("Columns as mapped at an earlier import");
    case UPR_IMPORT_LAYOUT_UNKNOWN:
    default: return _("Unknown layout");
    }
}

/* Headers */

static gboolean
has_word (const char *key,
          const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (key, word); p != NULL; p = strstr (p + 1, word))
    if ((p == key || p[-1] == ' ') && (p[length] == '\0' || p[length] == ' '))
      return TRUE;
  return FALSE;
}

static UprImportField
field_for_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (key, names[i].key) == 0)
      return names[i].field;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (has_word (key, words[i].word) && (words[i].also == NULL || has_word (key, words[i].also)))
      return words[i].field;
  return UPR_IMPORT_FIELD_NONE;
}

UprImportField
upr_import_layout_field_for_header (const char *header)
{
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;

  if (header == NULL)
    return UPR_IMPORT_FIELD_NONE;
  clean = upr_normalise_text (header, UPR_NORMALISE_SINGLE_LINE);
  key = upr_normalise_name_key (clean);
  return key[0] != '\0' ? field_for_key (key) : UPR_IMPORT_FIELD_NONE;
}

void
upr_import_layout_map (const char * const *header,
                       guint               n_columns,
                       UprImportField     *out)
{
  gboolean taken[UPR_IMPORT_N_FIELDS] = { FALSE };

  for (guint c = 0; c < n_columns; c++)
    {
      UprImportField field = upr_import_layout_field_for_header (header[c]);

      if (field > UPR_IMPORT_FIELD_IGNORE && taken[field])
        field = UPR_IMPORT_FIELD_NONE;
      taken[field] = TRUE;
      out[c] = field;
    }
}

guint
upr_import_layout_score (const UprImportField *fields_of,
                         guint                 n_columns)
{
  gboolean has_text = FALSE;
  guint placed = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      has_text |= fields_of[c] == UPR_IMPORT_FIELD_TEXT;
      placed += fields_of[c] != UPR_IMPORT_FIELD_NONE;
    }
  return has_text ? placed : 0;
}

static gboolean
header_has_key (const char * const *header,
                guint               n_columns,
                const char * const *keys)
{
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *key = upr_normalise_name_key (header[c]);

      if (g_strv_contains (keys, key))
        return TRUE;
    }
  return FALSE;
}

UprImportLayout
upr_import_layout_identify (const char * const   *header,
                            const UprImportField *fields_of,
                            guint                 n_columns,
                            UprTableFormat        format)
{
  static const char * const upr_info_to[] = { "to", "sur", NULL };
  static const char * const upr_info_from[] = { "from", "rs", NULL };

  if (upr_import_layout_score (fields_of, n_columns) == 0)
    return UPR_IMPORT_LAYOUT_UNKNOWN;
  if (header_has_key (header, n_columns, uhri_headers))
    return UPR_IMPORT_LAYOUT_UHRI;
  if (header_has_key (header, n_columns, upr_info_to)
      && header_has_key (header, n_columns, upr_info_from))
    return UPR_IMPORT_LAYOUT_UPR_INFO;
  if (format == UPR_TABLE_FORMAT_DOCX || header_has_key (header, n_columns, thematic_headers))
    return UPR_IMPORT_LAYOUT_OHCHR_THEMATIC;
  return UPR_IMPORT_LAYOUT_GENERIC;
}

char *
upr_import_layout_header_key (const char * const *header,
                              guint               n_columns)
{
  g_autoptr(GString) names_of = g_string_new (NULL);

  g_string_append_printf (names_of, "%u", n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *key = upr_normalise_name_key (header[c] != NULL ? header[c] : "");

      g_string_append_printf (names_of, "\x1f%s", key);
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, names_of->str, names_of->len);
}

char *
upr_import_layout_serialise (const UprImportField *fields_of,
                             guint                 n_columns)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (out, "%s%s", c > 0 ? "\n" : "", upr_import_field_id (fields_of[c]));
  return g_string_free (out, FALSE);
}

gboolean
upr_import_layout_parse (const char     *text,
                         UprImportField *out,
                         guint           n_columns)
{
  g_auto(GStrv) ids = NULL;

  if (text == NULL)
    return FALSE;
  ids = g_strsplit (text, "\n", -1);
  if (g_strv_length (ids) != n_columns)
    return FALSE;
  for (guint c = 0; c < n_columns; c++)
    {
      out[c] = upr_import_field_from_id (ids[c]);
      if (out[c] == UPR_IMPORT_FIELD_NONE && ids[c][0] != '\0')
        return FALSE;
    }
  return TRUE;
}
