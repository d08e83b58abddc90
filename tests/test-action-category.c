/* test-action-category.c: the action-category suggester (upr-action-category.h) on UPR Info's
 * own examples, on real English openings and on French ones, with its explanations. The
 * agreement with UPR Info's categories on 6,094 real recommendations is measured by
 * action-category-agreement.py. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "upr-action-category.h"
#include "upr-action-category-private.h"
#include "upr-fold.h"

typedef struct
{
  int         category;
  const char *text;
} Case;

static void
assert_category (int         expected,
                 const char *text)
{
  UprActionCategoryExplanation why;
  int category = upr_action_category_suggest (text, &why);

  if (category != expected)
    g_error ("“%s”: category %d, expected %d (decided by “%s”, rule %d)", text, category,
             expected, why.lemma != NULL ? why.lemma : "", why.rule);
}

static void
assert_cases (const Case *cases,
              guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    assert_category (cases[i].category, cases[i].text);
}

/* The deciding words, as quoted from @text by the explanation. */
static char *
deciding_words (const char                         *text,
                const UprActionCategoryExplanation *why)
{
  g_assert_cmpuint (why->offset + why->length, <=, strlen (text));
  return g_strndup (text + why->offset, why->length);
}

static void
assert_decided_by (const char           *text,
                   int                   category,
                   UprActionCategoryRule rule,
                   const char           *words)
{
  UprActionCategoryExplanation why;
  g_autofree char *quoted = NULL;

  g_assert_cmpint (upr_action_category_suggest (text, &why), ==, category);
  g_assert_cmpint (why.rule, ==, rule);
  g_assert_nonnull (why.lemma);
  quoted = deciding_words (text, &why);
  g_assert_cmpstr (quoted, ==, words);
}

/* The examples of Database_Action_Category.txt, verb by verb and principle by principle. */
static void
test_guide (void)
{
  static const Case cases[] = {
    { 1, "Call on the international community to provide technical assistance." },
    { 1, "Seek technical assistance from OHCHR." },
    { 1, "Share its experience in poverty reduction with other developing countries." },
    { 2, "Continue its efforts to reduce poverty." },
    { 2, "Maintain the moratorium on the death penalty." },
    { 2, "Persevere in its efforts to promote gender equality." },
    { 2, "Persist in the fight against corruption." },
    { 2, "Pursue its efforts to improve prison conditions." },
    { 3, "Analyse the causes of school dropout." },
    { 3, "Consider ratifying the Optional Protocol to the Convention against Torture." },
    { 3, "Envisage acceding to the Rome Statute." },
    { 3, "Envision the adoption of a law on domestic violence." },
    { 3, "Examine the possibility of extending a standing invitation to special procedures." },
    { 3, "Explore ways to reduce pre-trial detention." },
    { 3, "Reflect upon the abolition of the death penalty." },
    { 3, "Revise the Penal Code." },
    { 3, "Review its legislation on freedom of association." },
    { 3, "Study the possibility of establishing an ombudsman." },
    { 4, "Accelerate the adoption of the Children's Code." },
    { 4, "Address the root causes of violence against women." },
    { 4, "Encourage the participation of women in political life." },
    { 4, "Engage with civil society in the follow-up to the review." },
    { 4, "Ensure that all cases of torture are investigated." },
    { 4, "Guarantee freedom of expression." },
    { 4, "Intensify its efforts to combat trafficking in persons." },
    { 4, "Promote human rights education." },
    { 4, "Speed up the process of judicial reform." },
    { 4, "Strengthen the independence of the judiciary." },
    { 4, "Take action to protect human rights defenders." },
    { 4, "Take measures to improve prison conditions." },
    { 4, "Take steps towards the abolition of the death penalty." },
    { 5, "Conduct an independent investigation into the events." },
    { 5, "Develop a national action plan on human rights." },
    { 5, "Eliminate corporal punishment in schools." },
    { 5, "Establish a national human rights institution in accordance with the Paris Principles." },
    { 5, "Investigate all allegations of torture." },
    { 5, "Undertake a national census of stateless persons." },
    { 5, "Abolish the death penalty." },
    { 5, "Accede to the Convention relating to the Status of Stateless Persons." },
    { 5, "Adopt a law criminalizing domestic violence." },
    { 5, "Amend the Family Code." },
    { 5, "Implement the recommendations of the Truth and Reconciliation Commission." },
    { 5, "Enforce the law prohibiting child marriage." },
    { 5, "Ratify the Convention on the Rights of Persons with Disabilities." },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
  /* Two verbs: the second decides. */
  assert_decided_by ("Continue and strengthen its efforts to combat poverty.", 4,
                     UPR_ACTION_CATEGORY_RULE_SECOND_VERB, "strengthen");
  /* A general action illustrated by a specific one is specific. */
  assert_decided_by ("Improve women's rights by amending the family code.", 5,
                     UPR_ACTION_CATEGORY_RULE_SPECIFIC_MEANS, "amending");
}

/* As UPR Info ranks them in its database: a continuing or considering verb keeps its rank
 * whatever it continues or considers, and "take measures to" is general whatever the
 * measures are for. */
static void
test_which_verb_decides (void)
{
  static const Case cases[] = {
    { 2, "Continue to strengthen the national human rights commission." },
    { 2, "Continue efforts to establish a national human rights institution." },
    { 2, "Continue combating discrimination against women." },
    { 3, "Consider ratifying the Second Optional Protocol to the ICCPR." },
    { 3, "Consider the possibility of acceding to the Convention on Migrant Workers." },
    { 4, "Take all necessary measures to ratify the Convention against Torture." },
    { 4, "Step up efforts to abolish female genital mutilation." },
    { 4, "Continue and intensify its efforts to reduce maternal mortality." },
    { 5, "Sign and ratify the Convention against Enforced Disappearance." },
    { 5, "Review and amend its legislation on freedom of assembly." },
    { 3, "Examine and revise the Press Code." },
    { 1, "Continue to seek technical assistance from the international community." },
    { 1, "Encourage the international community to support the country's efforts." },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

/* A specific verb on a general object is general; not when the object is a known instance
 * or when the verb ends something. */
static void
test_general_object (void)
{
  static const Case cases[] = {
    { 4, "Adopt measures to improve prison conditions, especially the overcrowding." },
    { 4, "Adopt all necessary measures to ensure that the press can work freely." },
    { 4, "Adopt the measures necessary to combat discrimination of all kinds." },
    { 4, "Implement further measures to stop female genital mutilation altogether." },
    { 4, "Put in place further measures to ensure respect for freedom of expression." },
    { 4, "Develop a comprehensive strategy to combat violence against women." },
    { 5, "Implement the national strategy for persons with disabilities." },
    { 5, "Adopt a national action plan for the protection of children." },
    { 5, "Repeal administrative measures that undermine human rights." },
    { 5, "Adopt legislation prohibiting female genital mutilation." },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
  assert_decided_by ("Adopt further measures to fight impunity.", 4,
                     UPR_ACTION_CATEGORY_RULE_GENERAL_OBJECT, "Adopt further measures");
  assert_decided_by ("Take concrete steps to protect journalists.", 4,
                     UPR_ACTION_CATEGORY_RULE_OBJECT, "Take concrete steps");
  assert_decided_by ("Give consideration to acceding to the Convention.", 3,
                     UPR_ACTION_CATEGORY_RULE_OBJECT, "Give consideration");
  assert_decided_by ("Proceed with the ratification of the Optional Protocol.", 5,
                     UPR_ACTION_CATEGORY_RULE_OBJECT, "Proceed with the ratification");
}

/* The preamble before the verb: numbering, "That", "To", reported speech, a subject with a
 * modal, an introductory clause. */
static void
test_preamble (void)
{
  static const Case cases[] = {
    { 5, "140.7. Ratify the Convention against Torture." },
    { 5, "a) Ratify the Convention against Torture." },
    { 5, "(iv) Ratify the Convention against Torture." },
    { 5, "- Ratify the Convention against Torture." },
    { 5, "“Ratify the Convention against Torture”" },
    { 5, "That the Government ratify the Convention against Torture." },
    { 2, "To continue its efforts to combat poverty." },
    { 5, "Recommended that Benin establish a national preventive mechanism." },
    { 5, "It recommended that a national commission on human rights be established." },
    { 5, "Recommended the ratification of the Convention on Migrant Workers." },
    { 2, "Recommended the continuation of the moratorium on the death penalty." },
    { 5, "The State should ratify the Optional Protocol to the Convention against Torture." },
    { 5, "The Afghan Government sign and ratify the Second Optional Protocol to the ICCPR." },
    { 5, "Ghana's Criminal Code be amended to decriminalise sexual activity between adults." },
    { 4, "Indonesia is encouraged to identify its capacity-building needs." },
    { 2, "With the support of the international community, continue to fight poverty." },
    { 3, "In the context of reforming the security sector, review training materials." },
    { 2, "While recognizing achievements of the IER, to continue to implement its "
         "recommendations." },
    { 5, "Fully and immediately implement all Council resolutions." },
    { 5, "Promptly, impartially and thoroughly investigate all reports of torture." },
    { 5, "As soon as possible ratify the Convention against Torture." },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

/* Verb forms: gerunds, third persons, participles, in English and French. */
static void
test_inflections (void)
{
  static const Case cases[] = {
    { 5, "Ratifying the Convention." },
    { 4, "Encourages the facilitation of the registration of civil society." },
    { 5, "Recommended that all allegations of torture be investigated." },
    { 3, "Consider acceding to the Convention." },
    { 5, "Remove restrictions on the ability of journalists to report freely." },
    { 5, "Le Gouvernement devrait ratifier la Convention contre la torture." },
    { 5, "Que l'État ratifie le Statut de Rome." },
    { 5, "Il est recommandé au Gouvernement de ratifier la Convention contre la torture." },
    { 2, "Il a été recommandé de poursuivre les efforts de lutte contre la pauvreté." },
    { 5, "La peine de mort devrait être abolie." },
    { 5, "Améliorer la situation des femmes en modifiant le Code de la famille." },
    { 5, "Renforcer la protection des enfants, notamment en adoptant une loi sur l'enfance." },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_french (void)
{
  static const Case cases[] = {
    { 1, "Solliciter l'assistance technique du Haut-Commissariat aux droits de l'homme." },
    { 1, "Demander l'assistance technique du HCDH pour renforcer ses capacités." },
    { 1, "Partager son expérience et ses bonnes pratiques avec les autres pays." },
    { 1, "Lancer un appel à la communauté internationale pour qu'elle apporte son soutien." },
    { 1, "Inviter la communauté internationale à fournir une assistance technique au pays." },
    { 1, "Continuer à solliciter l'assistance technique de la communauté internationale." },
    { 2, "Poursuivre ses efforts en vue de renforcer l'indépendance du pouvoir judiciaire." },
    { 2, "Poursuivre ses efforts pour lutter contre la pauvreté et l'exclusion sociale." },
    { 2, "Continuer à promouvoir les droits des femmes et l'égalité des sexes." },
    { 2, "Continuer de coopérer avec les mécanismes des droits de l'homme." },
    { 2, "Maintenir son moratoire de fait sur les exécutions." },
    { 3, "Envisager de ratifier la Convention sur les travailleurs migrants." },
    { 3, "Envisager la possibilité de ratifier le Protocole facultatif." },
    { 3, "Étudier la possibilité d'adhérer au Statut de Rome." },
    { 3, "Examiner la possibilité d'adresser une invitation permanente aux procédures "
         "spéciales." },
    { 3, "Réviser le Code de la presse." },
    { 4, "Poursuivre et renforcer ses programmes de lutte contre la traite." },
    { 4, "Continuer et intensifier ses efforts pour éliminer les mutilations génitales." },
    { 4, "Redoubler d'efforts pour lutter contre la traite des personnes." },
    { 4, "Prendre des mesures pour garantir l'accès de tous les enfants à l'éducation." },
    { 4, "Prendre toutes les mesures nécessaires pour prévenir la torture." },
    { 4, "Veiller à ce que les auteurs de violences soient traduits en justice." },
    { 4, "Faire en sorte que tous les enfants soient enregistrés à la naissance." },
    { 4, "Renforcer les capacités de la Commission nationale des droits de l'homme." },
    { 4, "Intensifier la lutte contre la corruption." },
    { 4, "Garantir la liberté d'expression et la liberté de la presse." },
    { 4, "Accélérer le processus d'adoption du Code des personnes et de la famille." },
    { 4, "Lutter contre l'impunité des auteurs de violations des droits de l'homme." },
    { 4, "Améliorer les conditions de détention dans les prisons." },
    { 4, "Promouvoir l'éducation aux droits de l'homme dans les écoles." },
    { 4, "Adopter des mesures pour lutter contre la discrimination." },
    { 4, "Mettre en place des mesures efficaces pour protéger les défenseurs des droits." },
    { 4, "S'efforcer de réduire la mortalité maternelle et infantile." },
    { 4, "Tenir compte des recommandations des organes conventionnels." },
    { 4, "Accorder une attention particulière aux droits des enfants." },
    { 4, "Élaborer une stratégie nationale de lutte contre la pauvreté." },
    { 5, "Ratifier la Convention relative aux droits des personnes handicapées." },
    { 5, "Adhérer à la Convention de 1954 relative au statut des apatrides." },
    { 5, "Abolir la peine de mort." },
    { 5, "Adopter une loi sur la violence domestique." },
    { 5, "Adopter un plan d'action national pour les droits de l'homme." },
    { 5, "Mettre en place une institution nationale des droits de l'homme conforme aux "
         "Principes de Paris." },
    { 5, "Mettre en œuvre les recommandations de la Commission vérité et réconciliation." },
    { 5, "Mettre en oeuvre le plan national de lutte contre la traite." },
    { 5, "Créer une institution nationale des droits de l'homme." },
    { 5, "Établir un mécanisme national de prévention de la torture." },
    { 5, "Modifier le Code pénal afin d'incriminer la torture." },
    { 5, "Abroger les dispositions discriminatoires du Code de la famille." },
    { 5, "Adresser une invitation permanente aux procédures spéciales." },
    { 5, "Retirer ses réserves à la Convention sur l'élimination de la discrimination." },
    { 5, "Lever toutes les restrictions à la liberté de réunion." },
    { 5, "Dépénaliser les relations sexuelles entre adultes consentants de même sexe." },
    { 5, "Enquêter sur toutes les allégations de torture." },
    { 5, "Signer et ratifier la Convention contre les disparitions forcées." },
    { 5, "Poursuivre en justice les auteurs de violences sexuelles." },
    { 5, "Poursuivre et punir les auteurs de la traite." },
    { 5, "Soumettre ses rapports en retard aux organes conventionnels." },
    { 5, "Procéder à la ratification de la Convention contre la torture." },
    { 5, "Instaurer un moratoire sur les exécutions en vue d'abolir la peine de mort." },
    { 5, "Se doter d'une institution nationale des droits de l'homme." },
    { 5, "RATIFIER LE PROTOCOLE FACULTATIF." },
    { 4, "Renforcement des capacités de la police judiciaire." },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_explanation (void)
{
  const char *text = "Ensure that the \xe2\x80\x9c" "family code\xe2\x80\x9d is amended.";
  UprActionCategoryExplanation why;
  g_autofree char *description = NULL;
  g_autofree char *none = NULL;

  assert_decided_by ("140.7 Fully ratify the Convention.", 5,
                     UPR_ACTION_CATEGORY_RULE_FIRST_VERB, "ratify");
  assert_decided_by ("Mettre en œuvre le plan national.", 5,
                     UPR_ACTION_CATEGORY_RULE_FIRST_VERB, "Mettre en œuvre");
  assert_decided_by ("Call on the international community to assist.", 1,
                     UPR_ACTION_CATEGORY_RULE_FIRST_VERB, "Call on");
  assert_decided_by ("Encourage the international community to assist.", 1,
                     UPR_ACTION_CATEGORY_RULE_OTHERS, "international community");

  g_assert_cmpint (upr_action_category_suggest (text, &why), ==, 4);
  g_assert_cmpstr (why.lemma, ==, "ensure");
  description = upr_action_category_describe (text, 4, &why);
  g_assert_nonnull (strstr (description, "General action"));
  g_assert_nonnull (strstr (description, "\xe2\x80\x9c" "Ensure" "\xe2\x80\x9d"));

  g_assert_cmpint (upr_action_category_suggest ("Hello world.", &why), ==, 0);
  g_assert_cmpint (why.rule, ==, UPR_ACTION_CATEGORY_RULE_NONE);
  g_assert_null (why.lemma);
  none = upr_action_category_describe ("Hello world.", 0, &why);
  g_assert_nonnull (strstr (none, "No action verb"));

  for (int category = 1; category <= 5; category++)
    g_assert_nonnull (upr_action_category_label (category));
  g_assert_null (upr_action_category_label (0));
  g_assert_null (upr_action_category_label (6));
}

/* Whatever the text, an answer in 0–5 and no crash: empty, punctuation only, invalid
 * UTF-8 (imported files), very long. */
static void
test_unusual_texts (void)
{
  g_autoptr(GString) long_text = g_string_new ("Ratify the Convention");

  assert_category (0, "");
  assert_category (0, "   \t ");
  assert_category (0, "…!?;,.");
  assert_category (0, "12345");
  assert_category (0, "The weather is fine.");
  assert_category (5, "\xef\xbb\xbf" "Ratify the Convention.");
  assert_category (5, "Ratify the Convention\xe2");
  assert_category (3, "Consider\xff ratifying");
  assert_category (0, "\xc3");
  for (guint i = 0; i < 20000; i++)
    g_string_append (long_text, ", and include by amending");
  assert_category (5, long_text->str);
  /* Passing NULL for the explanation is allowed. */
  g_assert_cmpint (upr_action_category_suggest ("Abolish the death penalty.", NULL), ==, 5);
}

static gpointer
suggest_in_thread (gpointer data)
{
  for (guint i = 0; i < 200; i++)
    if (upr_action_category_suggest ("Continue and strengthen its efforts.", NULL) != 4)
      return GINT_TO_POINTER (FALSE);
  return GINT_TO_POINTER (TRUE);
}

/* The lexicon is built on first use; threads racing to it must all get the same answer. */
static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("suggest", suggest_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

/* Every word of the lexicon is written as upr_fold() writes it (otherwise it could never
 * match), with a rank in 1–5 and one language or kind, and listed once. */
static void
test_lexicon (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < upr_lex_n_entries; i++)
    {
      const UprLexEntry *entry = &upr_lex_entries[i];
      g_autofree char *folded = upr_fold (entry->words);
      guint kinds = entry->flags & (UPR_LEX_EN | UPR_LEX_FR | UPR_LEX_NOUN);

      g_assert_cmpstr (folded, ==, entry->words);
      g_assert_null (strchr (entry->words, '\''));
      g_assert_null (strchr (entry->words, '-'));
      g_assert_cmpint (entry->category, >=, 1);
      g_assert_cmpint (entry->category, <=, 5);
      g_assert_true (kinds == UPR_LEX_EN || kinds == UPR_LEX_FR || kinds == UPR_LEX_NOUN);
      /* A word listed twice as the same kind would have two ranks, one of them unused. */
      if (!g_hash_table_add (seen, g_strdup_printf ("%u:%s", kinds, entry->words)))
        g_error ("“%s” is listed twice", entry->words);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upright/action-category/guide", test_guide);
  g_test_add_func ("/upright/action-category/which-verb-decides", test_which_verb_decides);
  g_test_add_func ("/upright/action-category/general-object", test_general_object);
  g_test_add_func ("/upright/action-category/preamble", test_preamble);
  g_test_add_func ("/upright/action-category/inflections", test_inflections);
  g_test_add_func ("/upright/action-category/french", test_french);
  g_test_add_func ("/upright/action-category/explanation", test_explanation);
  g_test_add_func ("/upright/action-category/unusual-texts", test_unusual_texts);
  g_test_add_func ("/upright/action-category/threads", test_threads);
  g_test_add_func ("/upright/action-category/lexicon", test_lexicon);

  return g_test_run ();
}
