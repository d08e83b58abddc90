/* test-fold.c: folding text for search (upr-fold.h). */
#include "config.h"

#include <locale.h>

#include "upr-fold.h"

static void
assert_folds_to (const char *text,
                 const char *expected)
{
  g_autofree char *folded = upr_fold (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_accents (void)
{
  assert_folds_to ("Réforme", "reforme");
  assert_folds_to ("Côte d'Ivoire", "cote d'ivoire");
  assert_folds_to ("ÉTAT PLURINATIONAL", "etat plurinational");
  assert_folds_to ("Türkiye", "turkiye");
  assert_folds_to ("São Tomé", "sao tome");
  assert_folds_to ("Ñandú", "nandu");
  /* Already decomposed input (e + combining acute) folds the same as the composed one. */
  assert_folds_to ("Re\xcc\x81" "forme", "reforme");
}

static void
test_casefold (void)
{
  assert_folds_to ("UNICEF", "unicef");
  assert_folds_to ("Straße", "strasse");
  assert_folds_to ("İstanbul", "istanbul");
  assert_folds_to ("ΑΘΗΝΑ", "αθηνα");
  assert_folds_to ("Cycle Ⅳ", "cycle iv");
  assert_folds_to ("ﬁnance", "finance");
}

static void
test_punctuation (void)
{
  assert_folds_to ("Côte d’Ivoire", "cote d'ivoire");
  assert_folds_to ("d‘accord", "d'accord");
  assert_folds_to ("l`état", "l'etat");
  assert_folds_to ("l´état", "l'etat");
  assert_folds_to ("Jean\xe2\x80\x91Pierre", "jean-pierre"); /* U+2011 non-breaking hyphen */
  assert_folds_to ("Guinea‐Bissau", "guinea-bissau");  /* U+2010 */
  assert_folds_to ("13:00–14:00", "13:00-14:00");      /* en dash */
  assert_folds_to ("UPR — Info", "upr - info");        /* em dash */
}

static void
test_spaces (void)
{
  assert_folds_to ("  Palais \t des\n\nNations  ", "palais des nations");
  assert_folds_to ("Room\xc2\xa0XXII", "room xxii"); /* no-break space */
  assert_folds_to ("", "");
  assert_folds_to ("   ", "");
  assert_folds_to (NULL, "");
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *folded = upr_fold ("Caf\xe9 Nations");

  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_nonnull (strstr (folded, "nations"));
}

/* Plain ASCII is folded by a quicker path: it must give what the general path gives. A
 * text ending in "é" takes the general path, the same text ending in "e" the quick one. */
static void
test_ascii_path (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);

  for (guint n = 0; n < 5000; n++)
    {
      char text[40];
      guint len = g_rand_int_range (rand, 0, sizeof text - 1);
      g_autofree char *general_text = NULL;
      g_autofree char *quick_text = NULL;
      g_autofree char *general = NULL;
      g_autofree char *quick = NULL;

      for (guint i = 0; i < len; i++)
        {
          /* Every byte from 1 to 0x7F but the backtick, spaces and capitals more often. */
          int c = g_rand_int_range (rand, 1, 0x80 + 20);

          text[i] = c >= 0x80 ? " \tAZ\n"[c % 5] : c == '`' ? 'x' : (char) c;
        }
      text[len] = '\0';
      general_text = g_strconcat (text, "\xc3\xa9", NULL);
      quick_text = g_strconcat (text, "e", NULL);
      general = upr_fold (general_text);
      quick = upr_fold (quick_text);
      g_assert_cmpstr (quick, ==, general);
    }
  assert_folds_to ("  Rights\tof the\r\nChild ", "rights of the child");
}

static gboolean
matches (const char *text,
         const char *query)
{
  g_autofree char *folded_text = upr_fold (text);
  g_autofree char *folded_query = upr_fold (query);

  return upr_fold_match (folded_text, folded_query);
}

static void
test_match (void)
{
  /* English and French users type without accents or with them. */
  g_assert_true (matches ("Commission nationale des droits de l’homme", "droits l'homme"));
  g_assert_true (matches ("Ministère de la Justice", "ministere justice"));
  g_assert_true (matches ("Ministère de la Justice", "JUSTICE minist"));
  g_assert_true (matches ("National Human Rights Commission", "human comm"));
  g_assert_true (matches ("Côte d'Ivoire", "cote d’iv"));
  g_assert_true (matches ("Jean‑Pierre Mbemba", "jean-pierre"));
  g_assert_true (matches ("anything", ""));
  g_assert_true (matches ("anything", "   "));

  g_assert_false (matches ("Ministère de la Justice", "ministere santé"));
  g_assert_false (matches ("National Human Rights Commission", "humanrights"));
  g_assert_false (matches ("", "a"));
  g_assert_false (upr_fold_match (NULL, "a"));
  g_assert_true (upr_fold_match (NULL, NULL));
  /* Several spaces between the words of the query, and a word repeated. */
  g_assert_true (upr_fold_match ("palais des nations", "nations  palais nations"));
  g_assert_false (upr_fold_match ("palais des nations", "nations geneve"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upright/fold/accents", test_accents);
  g_test_add_func ("/upright/fold/casefold", test_casefold);
  g_test_add_func ("/upright/fold/punctuation", test_punctuation);
  g_test_add_func ("/upright/fold/spaces", test_spaces);
  g_test_add_func ("/upright/fold/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/upright/fold/match", test_match);
  g_test_add_func ("/upright/fold/ascii-path", test_ascii_path);

  return g_test_run ();
}
