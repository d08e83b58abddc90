/* test-import-normalise.c: the cleaning of imported cells (upr-normalise.h) and the matching
 * of names of States and themes (upr-normalise-names.h), on the values real files hold. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "upr-fold.h"
#include "upr-normalise-names.h"
#include "upr-normalise.h"
#include "upr-store.h"

static void
assert_text (const char *raw,
             const char *expected)
{
  g_autofree char *text = upr_normalise_text (raw, UPR_NORMALISE_SINGLE_LINE);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_multiline (const char *raw,
                  const char *expected)
{
  g_autofree char *text = upr_normalise_text (raw, UPR_NORMALISE_MULTILINE);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_text_space (void)
{
  assert_text ("", "");
  assert_text (NULL, "");
  assert_text ("Plain text.", "Plain text.");
  assert_text ("  Take extensive and timely steps.  ", "Take extensive and timely steps.");
  assert_text ("Ratify   the\tConvention", "Ratify the Convention");
  assert_text ("line one\r\nline two\rline three\nfour", "line one line two line three four");
  assert_text ("\xc2\xa0non\xc2\xa0" "breaking\xe2\x80\xaf" "spaces\xe2\x80\x83", "non breaking spaces");
  assert_text ("   ", "");
  assert_text ("\t\n", "");
  assert_multiline ("  First line  \r\n\r\n\r\n   second   line \n", "First line\n\nsecond line");
  assert_multiline ("a\rb\r\nc\x0b" "d\xe2\x80\xa8" "e", "a\nb\nc\nd\ne");
  assert_multiline ("a \n \n b", "a\n\nb");
}

static void
test_text_characters (void)
{
  /* OHCHR's non-breaking hyphen, soft hyphens and invisible characters. */
  assert_text ("A/HRC/59/15/Add.1 \xe2\x80\x91 non\xe2\x80\x91state", "A/HRC/59/15/Add.1 - non-state");
  assert_text ("co\xc2\xad" "operation", "cooperation");
  assert_text ("\xef\xbb\xbfText\xe2\x80\x8b here", "Text here");
  assert_text ("bell\x07" "and\x01" "null", "bell and null");
  /* NFC: "é" written as "e" and a combining accent. */
  assert_text ("Habre\xcc\x81", "Habr\xc3\xa9");
  assert_text ("C\xc3\xb4te d\xe2\x80\x99Ivoire", "C\xc3\xb4te d\xe2\x80\x99Ivoire");
  /* Invalid UTF-8 is repaired, never passed on. */
  {
    g_autofree char *text = upr_normalise_text ("bad \xff byte", UPR_NORMALISE_SINGLE_LINE);

    g_assert_true (g_utf8_validate (text, -1, NULL));
    g_assert_true (g_str_has_prefix (text, "bad "));
  }
}

static void
assert_entities (const char *raw,
                 const char *expected)
{
  g_autofree char *text = upr_normalise_decode_entities (raw);
  g_autofree char *normalised = upr_normalise_text (raw, UPR_NORMALISE_SINGLE_LINE);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (normalised, ==, expected);
}

static void
test_entities (void)
{
  assert_entities ("&#40;Unknown&#41;", "(Unknown)");
  assert_entities ("&#x28;Unknown&#X29;", "(Unknown)");
  assert_entities ("Trinidad &amp; Tobago", "Trinidad & Tobago");
  assert_entities ("&amp;#40;twice&amp;#41;", "(twice)");
  assert_entities ("&amp;amp;eacute;", "\xc3\xa9");
  assert_entities ("r&eacute;forme &Eacute;tat &ccedil;a &oelig;uvre", "r\xc3\xa9" "forme \xc3\x89tat \xc3\xa7" "a \xc5\x93uvre");
  assert_entities ("&lt;b&gt; &quot;x&quot; &apos;y&apos;", "<b> \"x\" 'y'");
  assert_entities ("women&rsquo;s rights &ndash; &hellip;", "women\xe2\x80\x99s rights \xe2\x80\x93 \xe2\x80\xa6");
  /* Windows-1252 code points written as numbers, as HTML from Word has them. */
  assert_entities ("women&#146;s", "women\xe2\x80\x99s");
  /* Not entities: left as they are. */
  assert_entities ("AT&T and R&D", "AT&T and R&D");
  assert_entities ("&unknown; &#0; &#xD800; &#99999999; &#; &;", "&unknown; &#0; &#xD800; &#99999999; &#; &;");
  assert_entities ("fish & chips; salt", "fish & chips; salt");
  {
    g_autofree char *text = upr_normalise_text ("a&nbsp;&nbsp;b", UPR_NORMALISE_SINGLE_LINE);

    g_assert_cmpstr (text, ==, "a b");
  }
}

static void
test_text_key (void)
{
  static const char * const samples[] = {
    "Enact legislation and take effective measures.",
    "  Mixed   CASE\ttext  ",
    "back`tick",
    "R\xc3\xa9" "former la l\xc3\xa9gislation",
    "C\xc3\xb4te d\xe2\x80\x99Ivoire",
  };

  /* The ASCII shortcut gives what upr_fold() gives, trailing punctuation aside. */
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *key = upr_normalise_text_key (samples[i]);
      g_autofree char *folded = upr_fold (samples[i]);

      g_assert_true (g_str_has_prefix (folded, key));
    }
  {
    g_autofree char *a = upr_normalise_text_key ("Ratify the Convention.");
    g_autofree char *b = upr_normalise_text_key ("ratify  the convention ;");
    g_autofree char *c = upr_normalise_text_key ("Ratify the Convention on");

    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (a, ==, "ratify the convention");
    g_assert_cmpstr (a, !=, c);
  }
}

static void
test_name_key (void)
{
  static const struct { const char *name; const char *key; } cases[] = {
    { "C\xc3\xb4te d\xe2\x80\x99Ivoire", "cote d ivoire" },
    { "Cote d'Ivoire", "cote d ivoire" },
    { "Trinidad & Tobago", "trinidad and tobago" },
    { "The Gambia", "gambia" },
    { "Iran (Islamic Republic of)", "iran islamic republic of" },
    { "  Korea,  Republic of ", "korea republic of" },
    { "T\xc3\xbcrkiye", "turkiye" },
    { "Guinea-Bissau", "guinea bissau" },
    { "the", "the" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = upr_normalise_name_key (cases[i].name);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_response (void)
{
  static const struct { const char *text; const char *response; } cases[] = {
    { "Accepted", "supported" },
    { " accepted ", "supported" },
    { "Supported", "supported" },
    { "Accept\xc3\xa9", "supported" },
    { "Accept\xc3\xa9" "e", "supported" },
    { "Soutenue", "supported" },
    { "Appuy\xc3\xa9" "e", "supported" },
    { "Supported (A/HRC/59/15/Add.1)", "supported" },
    { "Noted", "noted" },
    { "Pris note", "noted" },
    { "Prise en note", "noted" },
    { "Not\xc3\xa9" "e", "noted" },
    { "Rejected", "noted" },
    { "Noted/Rejected", "noted" },
    { "Not accepted", "noted" },
    { "Accepted in principle", "noted" },
    { "Supported in part", "supported-in-part" },
    { "Partially accepted", "supported-in-part" },
    { "Accepted in part", "supported-in-part" },
    { "Supported/Noted", "supported-in-part" },
    { "Accept\xc3\xa9" "e en partie", "supported-in-part" },
    { "Pending", "pending" },
    { "En attente", "pending" },
    { "", "pending" },
    { "   ", "pending" },
    { "Maybe", NULL },
    { "Supportive", NULL },
    { "Notable", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (upr_normalise_response (cases[i].text), ==, cases[i].response);
}

static void
test_session_cycle (void)
{
  static const struct { const char *text; int session; } sessions[] = {
    { "5", 5 }, { "5.0", 5 }, { "05", 5 }, { " 12 ", 12 }, { "UPR 48", 48 }, { "UPR48", 48 },
    { "upr-48", 48 }, { "48th session", 48 }, { "48th Session (2025)", 48 },
    { "4th Cycle - 48th Session", 48 }, { "Session 7", 7 }, { "session 7 (2010)", 7 },
    { "48e session", 48 }, { "48\xc3\xa8me session", 48 }, { "1st session", 1 },
    { "", 0 }, { "none", 0 }, { "1-5", 0 }, { "5.5", 0 }, { "0", 0 }, { "1000", 0 },
    { "-3", 3 },
  };
  static const struct { const char *text; int cycle; } cycles[] = {
    { "3", 3 }, { "3rd cycle", 3 }, { "Cycle 4", 4 }, { "4th Cycle - 48th Session", 4 },
    { "third cycle", 3 }, { "Troisi\xc3\xa8me cycle", 3 }, { "1er cycle", 1 }, { "", 0 },
    { "none", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    g_assert_cmpint (upr_normalise_session (sessions[i].text), ==, sessions[i].session);
  for (guint i = 0; i < G_N_ELEMENTS (cycles); i++)
    g_assert_cmpint (upr_normalise_cycle (cycles[i].text), ==, cycles[i].cycle);
}

static void
test_action_category (void)
{
  g_assert_cmpint (upr_normalise_action_category ("5"), ==, 5);
  g_assert_cmpint (upr_normalise_action_category ("5.0"), ==, 5);
  g_assert_cmpint (upr_normalise_action_category ("Category 4"), ==, 4);
  g_assert_cmpint (upr_normalise_action_category ("3 - Considering action"), ==, 3);
  g_assert_cmpint (upr_normalise_action_category ("6"), ==, 0);
  g_assert_cmpint (upr_normalise_action_category ("4.5"), ==, 0);
  g_assert_cmpint (upr_normalise_action_category ("specific"), ==, 0);
  g_assert_cmpint (upr_normalise_action_category (""), ==, 0);
}

static void
test_sdg (void)
{
  static const struct { const char *item; guint mask; } cases[] = {
    { "1 - NO POVERTY", 1u << 0 },
    { "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", 1u << 15 },
    { "Goal 5", 1u << 4 },
    { "SDG 5", 1u << 4 },
    { "ODD 5", 1u << 4 },
    { "5.2", 1u << 4 },
    { "16.3 - Promote the rule of law at the national and international levels", 1u << 15 },
    { "5, 16", (1u << 4) | (1u << 15) },
    { "SDG 5; SDG 16", (1u << 4) | (1u << 15) },
    { "Goal 5: Gender equality", 1u << 4 },
    { "17", 1u << 16 },
    { "18", 0 },
    { "0", 0 },
    { "Gender equality", 0 },
    { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmphex (upr_normalise_sdg_goals (cases[i].item), ==, cases[i].mask);
}

static void
test_paragraph (void)
{
  static const struct { const char *text; const char *paragraph; } cases[] = {
    { "140.7", "140.7" }, { " 140.7. ", "140.7" }, { "Para. 98.12", "98.12" },
    { "\xc2\xa7 5", "5" }, { "No. 12", "12" }, { "1.1", "1.1" }, { "", NULL }, { "  ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *paragraph = upr_normalise_paragraph (cases[i].text);

      g_assert_cmpstr (paragraph, ==, cases[i].paragraph);
    }
}

static void
test_split_lines (void)
{
  g_auto(GStrv) themes = upr_normalise_split_lines ("- Ratification of &amp; accession to "
                                                     "international instruments\n- Economic, "
                                                     "social & cultural rights\nGroups of "
                                                     "Persons: \n- Public officials\n\n");
  g_auto(GStrv) one = upr_normalise_split_lines ("Rights of the Child,Women's rights");
  g_auto(GStrv) bullets = upr_normalise_split_lines ("\xe2\x80\xa2 Women\r\n\xe2\x80\x93 Children\r\n*  Youth\n -");
  g_auto(GStrv) none = upr_normalise_split_lines ("  \n ");
  const char *rest = NULL;

  g_assert_cmpuint (g_strv_length (themes), ==, 4);
  g_assert_cmpstr (themes[0], ==, "Ratification of & accession to international instruments");
  g_assert_cmpstr (themes[1], ==, "Economic, social & cultural rights");
  g_assert_cmpstr (themes[2], ==, "Groups of Persons:");
  g_assert_cmpstr (themes[3], ==, "Public officials");
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_cmpstr (bullets[0], ==, "Women");
  g_assert_cmpstr (bullets[1], ==, "Children");
  g_assert_cmpstr (bullets[2], ==, "Youth");
  g_assert_null (bullets[3]);
  g_assert_null (none[0]);

  g_assert_cmpint (upr_normalise_list_heading ("Groups of Persons:", &rest), ==, 'g');
  g_assert_cmpstr (rest, ==, "");
  g_assert_cmpint (upr_normalise_list_heading ("Affected persons : women", &rest), ==, 'g');
  g_assert_cmpstr (rest, ==, "women");
  g_assert_cmpint (upr_normalise_list_heading ("Personnes concern\xc3\xa9" "es :", NULL), ==, 'g');
  g_assert_cmpint (upr_normalise_list_heading ("Themes:", NULL), ==, 't');
  g_assert_cmpint (upr_normalise_list_heading ("Children: definition; general principles", NULL),
                   ==, 0);
  g_assert_cmpint (upr_normalise_list_heading ("Public officials", NULL), ==, 0);
}

static void
test_name_index (void)
{
  g_autoptr(UprNameIndex) index = upr_name_index_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);

  upr_name_index_add (index, "Children: definition; general principles; protection", "t:children",
                      UPR_NAME_OFFICIAL);
  upr_name_index_add (index, "Women's rights", "t:women", UPR_NAME_OFFICIAL);
  upr_name_index_add (index, "Korea, Republic of", "KR", UPR_NAME_VARIANT);
  upr_name_index_add (index, "Korea", "KR", UPR_NAME_DERIVED);
  upr_name_index_add (index, "Korea", "KP", UPR_NAME_DERIVED);
  upr_name_index_add (index, "Congo", "CG", UPR_NAME_OFFICIAL);
  upr_name_index_add (index, "Congo", "CD", UPR_NAME_DERIVED);

  g_assert_cmpstr (upr_name_index_lookup (index, "women’s RIGHTS"), ==, "t:women");
  /* Two at the same rank: ambiguous; a lower rank never overrides a higher one. */
  g_assert_null (upr_name_index_lookup (index, "Korea"));
  g_assert_cmpstr (upr_name_index_lookup (index, "congo"), ==, "CG");
  g_assert_null (upr_name_index_lookup (index, "Atlantis"));

  upr_name_index_match_list (index, "Children: definition; general principles; protection,"
                             "Women's rights, Korea, Republic of; Atlantis; Lemuria",
                             ids, unmatched);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpstr (ids->pdata[0], ==, "t:children");
  g_assert_cmpstr (ids->pdata[1], ==, "t:women");
  g_assert_cmpstr (ids->pdata[2], ==, "KR");
  g_assert_cmpuint (unmatched->len, ==, 1);
  g_assert_cmpstr (unmatched->pdata[0], ==, "Atlantis, Lemuria");

  g_assert_true (upr_name_is_placeholder ("(Unknown)"));
  g_assert_true (upr_name_is_placeholder ("&#40;Unknown&#41;"));
  g_assert_true (upr_name_is_placeholder (" - "));
  g_assert_false (upr_name_is_placeholder ("Canada"));
}

/* Every State name of the UPR Info export of sessions 1–5 and of the OHCHR thematic list of
 * Slovenia, and the variants the brief lists, match the right ISO code. */
static void
test_countries (void)
{
  static const struct { const char *name; const char *code; } cases[] = {
    /* tests/data/1-5.csv, States under review and recommending States */
    { "Afghanistan", "AF" }, { "Albania", "AL" }, { "Algeria", "DZ" }, { "Angola", "AO" },
    { "Argentina", "AR" }, { "Armenia", "AM" }, { "Australia", "AU" }, { "Austria", "AT" },
    { "Azerbaijan", "AZ" }, { "Bahamas", "BS" }, { "Bahrain", "BH" }, { "Bangladesh", "BD" },
    { "Barbados", "BB" }, { "Belarus", "BY" }, { "Belgium", "BE" }, { "Belize", "BZ" },
    { "Benin", "BJ" }, { "Bhutan", "BT" }, { "Bolivia", "BO" }, { "Botswana", "BW" },
    { "Brazil", "BR" }, { "Bulgaria", "BG" }, { "Burkina Faso", "BF" }, { "Burundi", "BI" },
    { "Cambodia", "KH" }, { "Cameroon", "CM" }, { "Canada", "CA" }, { "Cape Verde", "CV" },
    { "Central African Republic", "CF" }, { "Chad", "TD" }, { "Chile", "CL" },
    { "China", "CN" }, { "Colombia", "CO" }, { "Comoros", "KM" }, { "Cote d'Ivoire", "CI" },
    { "Croatia", "HR" }, { "Cuba", "CU" }, { "Czech Republic", "CZ" }, { "DPR Korea", "KP" },
    { "Democratic Republic of Congo", "CD" }, { "Denmark", "DK" }, { "Djibouti", "DJ" },
    { "Dominican Republic", "DO" }, { "Ecuador", "EC" }, { "Egypt", "EG" },
    { "El Salvador", "SV" }, { "Equatorial Guinea", "GQ" }, { "Estonia", "EE" },
    { "Finland", "FI" }, { "France", "FR" }, { "Gabon", "GA" }, { "Georgia", "GE" },
    { "Germany", "DE" }, { "Ghana", "GH" }, { "Greece", "GR" }, { "Guatemala", "GT" },
    { "Haiti", "HT" }, { "Holy See", "VA" }, { "Honduras", "HN" }, { "Hungary", "HU" },
    { "Iceland", "IS" }, { "India", "IN" }, { "Indonesia", "ID" }, { "Iran", "IR" },
    { "Ireland", "IE" }, { "Israel", "IL" }, { "Italy", "IT" }, { "Jamaica", "JM" },
    { "Japan", "JP" }, { "Jordan", "JO" }, { "Kazakhstan", "KZ" }, { "Kuwait", "KW" },
    { "Laos", "LA" }, { "Latvia", "LV" }, { "Lebanon", "LB" }, { "Libya", "LY" },
    { "Liechtenstein", "LI" }, { "Lithuania", "LT" }, { "Luxembourg", "LU" },
    { "Macedonia FYR", "MK" }, { "Madagascar", "MG" }, { "Malaysia", "MY" },
    { "Maldives", "MV" }, { "Mali", "ML" }, { "Malta", "MT" }, { "Mauritania", "MR" },
    { "Mauritius", "MU" }, { "Mexico", "MX" }, { "Moldova", "MD" }, { "Monaco", "MC" },
    { "Montenegro", "ME" }, { "Morocco", "MA" }, { "Mozambique", "MZ" }, { "Myanmar", "MM" },
    { "Nepal", "NP" }, { "Netherlands", "NL" }, { "New Zealand", "NZ" },
    { "Nicaragua", "NI" }, { "Niger", "NE" }, { "Nigeria", "NG" }, { "Norway", "NO" },
    { "Oman", "OM" }, { "Pakistan", "PK" }, { "Palestine", "PS" }, { "Panama", "PA" },
    { "Paraguay", "PY" }, { "Peru", "PE" }, { "Philippines", "PH" }, { "Poland", "PL" },
    { "Portugal", "PT" }, { "Qatar", "QA" }, { "Republic of Congo", "CG" },
    { "Republic of Korea", "KR" }, { "Romania", "RO" }, { "Russian Federation", "RU" },
    { "Rwanda", "RW" }, { "Saudi Arabia", "SA" }, { "Senegal", "SN" }, { "Serbia", "RS" },
    { "Singapore", "SG" }, { "Slovakia", "SK" }, { "Slovenia", "SI" }, { "Somalia", "SO" },
    { "South Africa", "ZA" }, { "Spain", "ES" }, { "Sri Lanka", "LK" }, { "Sudan", "SD" },
    { "Sweden", "SE" }, { "Switzerland", "CH" }, { "Syria", "SY" }, { "Tanzania", "TZ" },
    { "Thailand", "TH" }, { "Tonga", "TO" }, { "Trinidad & Tobago", "TT" },
    { "Tunisia", "TN" }, { "Turkey", "TR" }, { "Turkmenistan", "TM" }, { "Tuvalu", "TV" },
    { "Ukraine", "UA" }, { "United Arab Emirates", "AE" }, { "United Kingdom", "GB" },
    { "United States", "US" }, { "Uruguay", "UY" }, { "Uzbekistan", "UZ" },
    { "Vanuatu", "VU" }, { "Venezuela", "VE" }, { "Viet Nam", "VN" }, { "Yemen", "YE" },
    { "Zambia", "ZM" }, { "Zimbabwe", "ZW" },
    /* the thematic list of Slovenia (UPR 48) */
    { "Bolivarian Republic of Venezuela", "VE" }, { "Cabo Verde", "CV" },
    { "Islamic Republic of Iran", "IR" }, { "Kingdom of the Netherlands", "NL" },
    { "North Macedonia", "MK" }, { "State of Palestine", "PS" }, { "T\xc3\xbcrkiye", "TR" },
    { "United Kingdom of Great Britain and Northern Ireland", "GB" }, { "Timor-Leste", "TL" },
    { "Venezuela (Bolivarian Republic of)", "VE" }, { "Costa Rica", "CR" },
    /* the variants the import must know */
    { "DRC", "CD" }, { "C\xc3\xb4te d\xe2\x80\x99Ivoire", "CI" }, { "Ivory Coast", "CI" },
    { "Iran (Islamic Republic of)", "IR" }, { "Russia", "RU" }, { "UK", "GB" },
    { "USA", "US" }, { "Holy See", "VA" }, { "Vatican", "VA" }, { "Vietnam", "VN" },
    { "Lao PDR", "LA" }, { "South Korea", "KR" }, { "DPRK", "KP" }, { "Czechia", "CZ" },
    { "The former Yugoslav Republic of Macedonia", "MK" }, { "Swaziland", "SZ" },
    { "Eswatini", "SZ" }, { "Micronesia", "FM" }, { "Brunei", "BN" }, { "East Timor", "TL" },
    { "Kyrgyzstan", "KG" }, { "Bolivia (Plurinational State of)", "BO" },
    { "Plurinational State of Bolivia", "BO" }, { "Korea, Republic of", "KR" },
    /* French names, with and without accents, and codes */
    { "S\xc3\xa9n\xc3\xa9gal", "SN" }, { "Senegal", "SN" }, { "R\xc3\xa9publique d\xc3\xa9mocratique du Congo", "CD" },
    { "RDC", "CD" }, { "Royaume-Uni", "GB" }, { "\xc3\x89tats-Unis", "US" },
    { "Iran (R\xc3\xa9publique islamique d')", "IR" }, { "Tchad", "TD" }, { "SN", "SN" },
    { "SEN", "SN" }, { "COD", "CD" },
  };
  g_autofree char *dir = g_dir_make_tmp ("upright-normalise-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "upright.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open (path, &error);
  g_autoptr(UprNameIndex) index = NULL;

  g_assert_no_error (error);
  index = upr_name_index_new_for_countries (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *code = upr_name_index_lookup (index, cases[i].name);

      if (g_strcmp0 (code, cases[i].code) != 0)
        g_error ("“%s” matched %s, expected %s", cases[i].name, code, cases[i].code);
    }
  /* Neither "Korea" nor "Guinea" alone may pick one of several States. */
  g_assert_null (upr_name_index_lookup (index, "Korea"));
  g_assert_cmpstr (upr_name_index_lookup (index, "Guinea"), ==, "GN");
  g_assert_null (upr_name_index_lookup (index, "Atlantis"));
  g_assert_null (upr_name_index_lookup (index, "(Unknown)"));

  g_clear_object (&store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

/* UPR Info's issues, OHCHR's themes and groups, by label in English and French and by code. */
static void
test_terms (void)
{
  g_autofree char *dir = g_dir_make_tmp ("upright-normalise-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "upright.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = upr_store_open (path, &error);
  g_autoptr(UprNameIndex) issues = NULL;
  g_autoptr(UprNameIndex) themes = NULL;
  g_autoptr(UprNameIndex) groups = NULL;
  g_autoptr(UprNameIndex) all = NULL;

  g_assert_no_error (error);
  issues = upr_name_index_new_for_terms (store, "uprinfo-issue", &error);
  themes = upr_name_index_new_for_terms (store, "uhri-theme", &error);
  groups = upr_name_index_new_for_terms (store, "uhri-group", &error);
  all = upr_name_index_new_for_terms (store, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (upr_name_index_lookup (issues, "Women's rights"), ==, "uprinfo-issue:womens-rights");
  g_assert_cmpstr (upr_name_index_lookup (issues, "HIV - Aids"), ==, "uprinfo-issue:hiv-aids");
  g_assert_cmpstr (upr_name_index_lookup (issues, "Torture and other CID treatment"), ==,
                   "uprinfo-issue:torture-and-other-cid-treatment");
  g_assert_cmpstr (upr_name_index_lookup (themes, "Ratification of &amp; accession to "
                                          "international instruments"),
                   ==, NULL); /* entities are the importer's to decode */
  g_assert_cmpstr (upr_name_index_lookup (themes, "Ratification of & accession to international "
                                          "instruments"),
                   ==, "uhri-theme:ratification-of-and-accession-to-international-instruments");
  g_assert_cmpstr (upr_name_index_lookup (themes, "Economic, social & cultural rights - general "
                                          "measures of implementation"),
                   ==, "uhri-theme:economic-social-and-cultural-rights-general-measures-of-implementation");
  g_assert_cmpstr (upr_name_index_lookup (themes, "right-to-health"), ==, "uhri-theme:right-to-health");
  g_assert_cmpstr (upr_name_index_lookup (themes, "Droit \xc3\xa0 la sant\xc3\xa9"), ==,
                   "uhri-theme:right-to-health");
  g_assert_cmpstr (upr_name_index_lookup (themes, "National Human Rights Institution"), ==,
                   "uhri-theme:national-human-rights-institution-nhri");
  g_assert_cmpstr (upr_name_index_lookup (groups, "Minorities/ racial, ethnic, linguistic, "
                                          "religious or descent-based groups"),
                   ==, "uhri-group:minorities");
  g_assert_cmpstr (upr_name_index_lookup (groups, "LGBTI"), ==, "uhri-group:lgbti");
  g_assert_cmpstr (upr_name_index_lookup (groups, "Women & girls"), ==, "uhri-group:women-and-girls");
  /* "Migrants" is a theme, a group and an issue: only a vocabulary tells which. */
  g_assert_null (upr_name_index_lookup (all, "Migrants"));
  g_assert_cmpstr (upr_name_index_lookup (groups, "Migrants"), ==, "uhri-group:migrants");

  g_clear_object (&store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upright/io/normalise/text-space", test_text_space);
  g_test_add_func ("/upright/io/normalise/text-characters", test_text_characters);
  g_test_add_func ("/upright/io/normalise/entities", test_entities);
  g_test_add_func ("/upright/io/normalise/text-key", test_text_key);
  g_test_add_func ("/upright/io/normalise/name-key", test_name_key);
  g_test_add_func ("/upright/io/normalise/response", test_response);
  g_test_add_func ("/upright/io/normalise/session-cycle", test_session_cycle);
  g_test_add_func ("/upright/io/normalise/action-category", test_action_category);
  g_test_add_func ("/upright/io/normalise/sdg", test_sdg);
  g_test_add_func ("/upright/io/normalise/paragraph", test_paragraph);
  g_test_add_func ("/upright/io/normalise/split-lines", test_split_lines);
  g_test_add_func ("/upright/io/normalise/name-index", test_name_index);
  g_test_add_func ("/upright/io/normalise/countries", test_countries);
  g_test_add_func ("/upright/io/normalise/terms", test_terms);

  return g_test_run ();
}
