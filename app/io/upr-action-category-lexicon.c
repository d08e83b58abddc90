/* upr-action-category-lexicon.c: the words that decide UPR Info's action category, in English
 * and French, as they open UPR recommendations.
 *
 * The ranks follow ../shared/data/reference/Database_Action_Category.txt (its examples of
 * verbs per rank are all here); verbs it does not list were ranked by their meaning and
 * checked against the categories UPR Info gave to the first 6,094 recommendations of its
 * database (tests/data/1-5.csv). A verb that UPR Info ranks one way or the other depending on
 * what follows ("adopt a law" 5, "adopt measures" 4) has the rank of its specific use here;
 * the rules in upr-action-category.c handle the general object.
 *
 * The lexicon is a C table rather than a data file: the rules and the words are one model,
 * reviewed and tested together, and a table needs no parser, cannot be missing at run time
 * and costs nothing to load. Words are folded as upr_fold() folds them (lower case, no
 * accents, "œ" written "oe"). A verb is listed in its base form (English) or infinitive
 * (French); inflected forms ("ratifying", "ratifiant") are found by their endings. */
#include "config.h"

#include "upr-action-category-private.h"

#define EN(w, c)       { w, c, UPR_LEX_EN }
#define FR(w, c)       { w, c, UPR_LEX_FR }
#define EN_LIGHT(w, c) { w, c, UPR_LEX_EN | UPR_LEX_LIGHT }
#define FR_LIGHT(w, c) { w, c, UPR_LEX_FR | UPR_LEX_LIGHT }
#define EN_END(w)      { w, 5, UPR_LEX_EN | UPR_LEX_ENDS }
#define FR_END(w)      { w, 5, UPR_LEX_FR | UPR_LEX_ENDS }
#define NOUN(w, c)     { w, c, UPR_LEX_NOUN }
#define GENERAL(w)     { w, 4, UPR_LEX_NOUN | UPR_LEX_GENERAL }
#define OTHERS(w)      { w, 1, UPR_LEX_NOUN | UPR_LEX_OTHERS }

const UprLexEntry upr_lex_entries[] = {
  /* Rank 1: asking for others' help, sharing, or addressed to other States. */
  EN ("appeal", 1), EN ("ask", 1), EN ("avail", 1), EN ("call", 1), EN ("call for", 1),
  EN ("call on", 1), EN ("call upon", 1), EN ("enlist", 1), EN ("exchange", 1), EN ("request", 1),
  EN ("seek", 1), EN ("share", 1), EN ("solicit", 1),
  FR ("appeler", 1), FR ("demander", 1), FR ("echanger", 1), FR ("faire appel", 1),
  FR ("lancer un appel", 1), FR ("partager", 1), FR ("rechercher", 1), FR ("solliciter", 1),
  NOUN ("echange", 1), NOUN ("exchange", 1), NOUN ("partage", 1), NOUN ("sharing", 1),

  /* Rank 2: continuity. */
  EN ("carry on", 2), EN ("continue", 2), EN ("go on", 2), EN ("keep", 2), EN ("keep up", 2),
  EN ("maintain", 2), EN ("persevere", 2), EN ("persist", 2), EN ("pursue", 2), EN ("remain", 2),
  EN ("stay", 2), EN ("stick", 2), EN ("sustain", 2),
  FR ("continuer", 2), FR ("demeurer", 2), FR ("maintenir", 2), FR ("perenniser", 2),
  FR ("perseverer", 2), FR ("persister", 2), FR ("poursuivre", 2), FR ("rester", 2),
  NOUN ("continuation", 2), NOUN ("maintenance", 2), NOUN ("maintien", 2), NOUN ("poursuite", 2),

  /* Rank 3: considering change. */
  EN ("analyse", 3), EN ("analyze", 3), EN ("assess", 3), EN ("consider", 3), EN ("contemplate", 3),
  EN ("envisage", 3), EN ("envision", 3), EN ("evaluate", 3), EN ("examine", 3), EN ("explore", 3),
  EN ("look at", 3), EN ("look into", 3), EN ("reassess", 3), EN ("reconsider", 3),
  EN ("reexamine", 3), EN ("reflect on", 3), EN ("reflect upon", 3), EN ("review", 3),
  EN ("revise", 3), EN ("revisit", 3), EN ("study", 3), EN ("think about", 3),
  FR ("analyser", 3), FR ("considerer", 3), FR ("envisager", 3), FR ("etudier", 3),
  FR ("evaluer", 3), FR ("examiner", 3), FR ("explorer", 3), FR ("pencher", 3),
  FR ("reconsiderer", 3), FR ("reexaminer", 3), FR ("reflechir", 3), FR ("reviser", 3),
  FR ("revoir", 3), FR ("sonder", 3), FR ("songer", 3),
  NOUN ("analyse", 3), NOUN ("analysis", 3), NOUN ("assessment", 3), NOUN ("consideration", 3),
  NOUN ("etude", 3), NOUN ("evaluation", 3), NOUN ("examen", 3), NOUN ("examination", 3),
  NOUN ("reexamination", 3), NOUN ("reflection", 3), NOUN ("reflexion", 3), NOUN ("review", 3),
  NOUN ("revision", 3), NOUN ("study", 3),

  /* Rank 4: action with a general element. */
  EN ("abide", 4), EN ("accelerate", 4), EN ("accomplish", 4), EN ("achieve", 4), EN ("act", 4),
  EN ("address", 4), EN ("adjust", 4), EN ("advance", 4), EN ("alleviate", 4), EN ("allocate", 4),
  EN ("assist", 4), EN ("associate", 4), EN ("attach", 4), EN ("attain", 4), EN ("attend to", 4),
  EN ("avoid", 4), EN ("back up", 4), EN ("benefit", 4), EN ("better", 4), EN ("bolster", 4),
  EN ("boost", 4), EN ("bridge", 4), EN ("broaden", 4), EN ("co operate", 4), EN ("co ordinate", 4),
  EN ("collaborate", 4), EN ("combat", 4), EN ("come", 4), EN ("comply", 4), EN ("confront", 4),
  EN ("consolidate", 4), EN ("cooperate", 4), EN ("coordinate", 4), EN ("counter", 4),
  EN ("curb", 4), EN ("deal", 4), EN ("dedicate", 4), EN ("deepen", 4), EN ("defend", 4),
  EN ("demonstrate", 4), EN ("devote", 4), EN ("discharge", 4), EN ("discourage", 4),
  EN ("display", 4), EN ("disseminate", 4), EN ("ease", 4), EN ("educate", 4), EN ("emphasise", 4),
  EN ("emphasize", 4), EN ("empower", 4), EN ("encourage", 4), EN ("endeavor", 4),
  EN ("endeavour", 4), EN ("engage", 4), EN ("enhance", 4), EN ("enlarge", 4), EN ("ensure", 4),
  EN ("eradicate", 4), EN ("expand", 4), EN ("expedite", 4), EN ("facilitate", 4),
  EN ("fast track", 4), EN ("fight", 4), EN ("find", 4), EN ("focus", 4), EN ("follow", 4),
  EN ("follow up", 4), EN ("foster", 4), EN ("fulfil", 4), EN ("fulfill", 4), EN ("go ahead", 4),
  EN ("guarantee", 4), EN ("hasten", 4), EN ("help", 4), EN ("honor", 4), EN ("honour", 4),
  EN ("identify", 4), EN ("improve", 4), EN ("include", 4), EN ("increase", 4), EN ("initiate", 4),
  EN ("integrate", 4), EN ("intensify", 4), EN ("interpret", 4), EN ("invest", 4),
  EN ("involve", 4), EN ("mainstream", 4), EN ("map out", 4), EN ("maximise", 4),
  EN ("maximize", 4), EN ("meet", 4), EN ("mitigate", 4), EN ("mobilise", 4), EN ("mobilize", 4),
  EN ("monitor", 4), EN ("move", 4), EN ("note", 4), EN ("obtain", 4), EN ("optimise", 4),
  EN ("optimize", 4), EN ("overcome", 4), EN ("participate", 4), EN ("pay", 4), EN ("permit", 4),
  EN ("prevent", 4), EN ("prioritise", 4), EN ("prioritize", 4), EN ("progress", 4),
  EN ("promote", 4), EN ("protect", 4), EN ("push", 4), EN ("put a halt", 4), EN ("put a stop", 4),
  EN ("put an end", 4), EN ("raise awareness", 4), EN ("reach", 4), EN ("recommit", 4),
  EN ("redouble", 4), EN ("redress", 4), EN ("reengage", 4), EN ("refine", 4), EN ("reflect", 4),
  EN ("refrain", 4), EN ("refuse", 4), EN ("reinforce", 4), EN ("reject", 4), EN ("remedy", 4),
  EN ("render", 4), EN ("respect", 4), EN ("safeguard", 4), EN ("scale up", 4), EN ("see that", 4),
  EN ("see to it", 4), EN ("seek to", 4), EN ("seize", 4), EN ("sensitise", 4), EN ("sensitize", 4),
  EN ("serve", 4), EN ("show", 4), EN ("speed up", 4), EN ("step up", 4), EN ("stimulate", 4),
  EN ("streamline", 4), EN ("strengthen", 4), EN ("strive", 4), EN ("subscribe", 4),
  EN ("succeed", 4), EN ("support", 4), EN ("tackle", 4), EN ("treat", 4), EN ("try", 4),
  EN ("uphold", 4), EN ("urge", 4), EN ("use", 4), EN ("work", 4),
  /* Light verbs: their object decides ("take measures" 4, "give consideration" 3). */
  EN_LIGHT ("do", 4), EN_LIGHT ("give", 4), EN_LIGHT ("make", 4), EN_LIGHT ("place", 4),
  EN_LIGHT ("proceed", 4), EN_LIGHT ("put", 4), EN_LIGHT ("take", 4),
  FR ("abstenir", 4), FR ("accelerer", 4), FR ("accentuer", 4), FR ("accomplir", 4),
  FR ("accroitre", 4), FR ("agir", 4), FR ("aider", 4), FR ("ajuster", 4), FR ("allouer", 4),
  FR ("ameliorer", 4), FR ("approfondir", 4), FR ("appuyer", 4), FR ("associer", 4),
  FR ("assurer", 4), FR ("attacher", 4), FR ("attaquer", 4), FR ("atteindre", 4),
  FR ("attenuer", 4), FR ("augmenter", 4), FR ("collaborer", 4), FR ("combattre", 4),
  FR ("conformer", 4), FR ("consacrer", 4), FR ("consolider", 4), FR ("cooperer", 4),
  FR ("defendre", 4), FR ("diffuser", 4), FR ("donner suite", 4), FR ("efforcer", 4),
  FR ("elargir", 4), FR ("employer", 4), FR ("encourager", 4), FR ("engager", 4),
  FR ("eradiquer", 4), FR ("eviter", 4), FR ("exhorter", 4), FR ("faciliter", 4),
  FR ("faire en sorte", 4), FR ("favoriser", 4), FR ("garantir", 4), FR ("honorer", 4),
  FR ("identifier", 4), FR ("impliquer", 4), FR ("inciter", 4), FR ("inclure", 4),
  FR ("integrer", 4), FR ("intensifier", 4), FR ("investir", 4), FR ("lutter", 4),
  FR ("mettre fin", 4), FR ("mettre l accent", 4), FR ("mettre un terme", 4), FR ("mobiliser", 4),
  FR ("multiplier", 4), FR ("oeuvrer", 4), FR ("prevenir", 4), FR ("prioriser", 4),
  FR ("privilegier", 4), FR ("progresser", 4), FR ("promouvoir", 4), FR ("proteger", 4),
  FR ("realiser", 4), FR ("redoubler", 4), FR ("remedier", 4), FR ("renforcer", 4),
  FR ("respecter", 4), FR ("satisfaire", 4), FR ("sensibiliser", 4), FR ("soutenir", 4),
  FR ("stimuler", 4), FR ("suivre", 4), FR ("surveiller", 4), FR ("tenir compte", 4),
  FR ("travailler", 4), FR ("utiliser", 4), FR ("veiller", 4),
  FR_LIGHT ("accorder", 4), FR_LIGHT ("apporter", 4), FR_LIGHT ("deployer", 4),
  FR_LIGHT ("donner", 4), FR_LIGHT ("faire", 4), FR_LIGHT ("porter", 4), FR_LIGHT ("prendre", 4),
  FR_LIGHT ("proceder", 4),
  NOUN ("accent", 4), NOUN ("account", 4), NOUN ("amelioration", 4), NOUN ("attention", 4),
  NOUN ("compte", 4), NOUN ("cooperation", 4), NOUN ("emphasis", 4), NOUN ("enhancement", 4),
  NOUN ("facilitation", 4), NOUN ("improvement", 4), NOUN ("intensification", 4),
  NOUN ("involvement", 4), NOUN ("priorite", 4), NOUN ("priority", 4), NOUN ("promotion", 4),
  NOUN ("reinforcement", 4), NOUN ("renforcement", 4), NOUN ("respect", 4),
  NOUN ("strengthening", 4), NOUN ("suite", 4), NOUN ("suivi", 4), NOUN ("utmost", 4),
  /* General objects: "adopt measures" is a general action. */
  GENERAL ("action"), GENERAL ("actions"), GENERAL ("approach"), GENERAL ("approche"),
  GENERAL ("conditions"), GENERAL ("demarches"), GENERAL ("dispositions"), GENERAL ("effort"),
  GENERAL ("efforts"), GENERAL ("environment"), GENERAL ("environnement"), GENERAL ("garanties"),
  GENERAL ("guarantees"), GENERAL ("initiatives"), GENERAL ("means"), GENERAL ("measure"),
  GENERAL ("measures"), GENERAL ("mesure"), GENERAL ("mesures"), GENERAL ("moyens"),
  GENERAL ("policies"), GENERAL ("policy"), GENERAL ("politiques"), GENERAL ("process"),
  GENERAL ("processus"), GENERAL ("protection"), GENERAL ("reformes"), GENERAL ("reforms"),
  GENERAL ("resources"), GENERAL ("ressources"), GENERAL ("step"), GENERAL ("steps"),
  GENERAL ("strategie"), GENERAL ("strategies"), GENERAL ("strategy"),

  /* Rank 5: specific action, legal verbs included. */
  EN ("accede", 5), EN ("accept", 5), EN ("accredit", 5), EN ("acknowledge", 5), EN ("adapt", 5),
  EN ("add", 5), EN ("adhere", 5), EN ("adopt", 5), EN ("agree", 5), EN ("align", 5),
  EN ("allot", 5), EN ("allow", 5), EN ("alter", 5), EN ("amend", 5), EN ("apply", 5),
  EN ("appoint", 5), EN ("approve", 5), EN ("arrest", 5), EN ("authorise", 5), EN ("authorize", 5),
  EN ("become", 5), EN ("begin", 5), EN ("bring", 5), EN ("build", 5), EN ("carry out", 5),
  EN ("change", 5), EN ("circulate", 5), EN ("clarify", 5), EN ("close", 5), EN ("codify", 5),
  EN ("collect", 5), EN ("commit", 5), EN ("communicate", 5), EN ("commute", 5),
  EN ("compensate", 5), EN ("compile", 5), EN ("complete", 5), EN ("conclude", 5),
  EN ("condemn", 5), EN ("conduct", 5), EN ("construct", 5), EN ("convene", 5), EN ("correct", 5),
  EN ("create", 5), EN ("criminalise", 5), EN ("criminalize", 5), EN ("curtail", 5),
  EN ("declare", 5), EN ("define", 5), EN ("demobilise", 5), EN ("demobilize", 5),
  EN ("denounce", 5), EN ("deploy", 5), EN ("design", 5), EN ("designate", 5), EN ("determine", 5),
  EN ("develop", 5), EN ("devise", 5), EN ("document", 5), EN ("domesticate", 5), EN ("draft", 5),
  EN ("draw up", 5), EN ("elaborate", 5), EN ("elevate", 5), EN ("enable", 5), EN ("enact", 5),
  EN ("endorse", 5), EN ("enforce", 5), EN ("enshrine", 5), EN ("enter into", 5),
  EN ("establish", 5), EN ("execute", 5), EN ("extend", 5), EN ("finalise", 5), EN ("finalize", 5),
  EN ("finance", 5), EN ("formulate", 5), EN ("free", 5), EN ("fund", 5), EN ("grant", 5),
  EN ("harmonise", 5), EN ("harmonize", 5), EN ("hire", 5), EN ("hold", 5), EN ("implement", 5),
  EN ("impose", 5), EN ("incorporate", 5), EN ("indemnify", 5), EN ("inform", 5),
  EN ("inscribe", 5), EN ("instate", 5), EN ("institute", 5), EN ("introduce", 5),
  EN ("investigate", 5), EN ("invite", 5), EN ("issue", 5), EN ("join", 5), EN ("launch", 5),
  EN ("legalise", 5), EN ("legalize", 5), EN ("legislate", 5), EN ("liberalise", 5),
  EN ("liberalize", 5), EN ("limit", 5), EN ("lower", 5), EN ("modify", 5), EN ("offer", 5),
  EN ("open", 5), EN ("organise", 5), EN ("organize", 5), EN ("pass", 5), EN ("penalise", 5),
  EN ("penalize", 5), EN ("prepare", 5), EN ("prescribe", 5), EN ("present", 5),
  EN ("promulgate", 5), EN ("prosecute", 5), EN ("provide", 5), EN ("publicise", 5),
  EN ("publicize", 5), EN ("publish", 5), EN ("punish", 5), EN ("put in place", 5),
  EN ("put into effect", 5), EN ("put into place", 5), EN ("put into practice", 5), EN ("raise", 5),
  EN ("ratify", 5), EN ("realise", 5), EN ("realize", 5), EN ("receive", 5), EN ("recognise", 5),
  EN ("recognize", 5), EN ("record", 5), EN ("recruit", 5), EN ("rectify", 5), EN ("reduce", 5),
  EN ("reform", 5), EN ("register", 5), EN ("regularise", 5), EN ("regularize", 5),
  EN ("regulate", 5), EN ("reinstate", 5), EN ("release", 5), EN ("renew", 5), EN ("reopen", 5),
  EN ("repatriate", 5), EN ("reply", 5), EN ("report", 5), EN ("resolve", 5), EN ("respond", 5),
  EN ("restore", 5), EN ("restrict", 5), EN ("resume", 5), EN ("sanction", 5), EN ("set", 5),
  EN ("set up", 5), EN ("settle", 5), EN ("sign", 5), EN ("simplify", 5), EN ("start", 5),
  EN ("subject", 5), EN ("submit", 5), EN ("terminate", 5), EN ("track down", 5), EN ("train", 5),
  EN ("transform", 5), EN ("translate", 5), EN ("transmit", 5), EN ("transpose", 5),
  EN ("undertake", 5), EN ("update", 5), EN ("upgrade", 5),
  /* Verbs that end or remove something stay specific whatever their object. */
  EN_END ("abolish"), EN_END ("abrogate"), EN_END ("annul"), EN_END ("ban"), EN_END ("cease"),
  EN_END ("decriminalise"), EN_END ("decriminalize"), EN_END ("delete"), EN_END ("disband"),
  EN_END ("dismantle"), EN_END ("drop"), EN_END ("eliminate"), EN_END ("end"), EN_END ("halt"),
  EN_END ("lift"), EN_END ("outlaw"), EN_END ("prohibit"), EN_END ("remove"), EN_END ("repeal"),
  EN_END ("rescind"), EN_END ("revoke"), EN_END ("stop"), EN_END ("suppress"), EN_END ("suspend"),
  EN_END ("withdraw"),
  FR ("abaisser", 5), FR ("accepter", 5), FR ("accueillir", 5), FR ("achever", 5),
  FR ("actualiser", 5), FR ("adapter", 5), FR ("adherer", 5), FR ("adopter", 5), FR ("adresser", 5),
  FR ("aligner", 5), FR ("amender", 5), FR ("appliquer", 5), FR ("approuver", 5),
  FR ("autoriser", 5), FR ("clarifier", 5), FR ("codifier", 5), FR ("collecter", 5),
  FR ("concevoir", 5), FR ("conclure", 5), FR ("conduire", 5), FR ("construire", 5),
  FR ("convoquer", 5), FR ("creer", 5), FR ("criminaliser", 5), FR ("declarer", 5),
  FR ("decreter", 5), FR ("definir", 5), FR ("demobiliser", 5), FR ("developper", 5),
  FR ("devenir", 5), FR ("dispenser", 5), FR ("doter", 5), FR ("edicter", 5), FR ("effectuer", 5),
  FR ("elaborer", 5), FR ("engager des poursuites", 5), FR ("enqueter", 5), FR ("enregistrer", 5),
  FR ("entreprendre", 5), FR ("etablir", 5), FR ("etendre", 5), FR ("faire appliquer", 5),
  FR ("fermer", 5), FR ("finaliser", 5), FR ("financer", 5), FR ("former", 5), FR ("formuler", 5),
  FR ("fournir", 5), FR ("harmoniser", 5), FR ("imposer", 5), FR ("incorporer", 5),
  FR ("incriminer", 5), FR ("indemniser", 5), FR ("instaurer", 5), FR ("instituer", 5),
  FR ("inviter", 5), FR ("lancer", 5), FR ("legaliser", 5), FR ("legiferer", 5), FR ("liberer", 5),
  FR ("limiter", 5), FR ("mener", 5), FR ("mettre", 5), FR ("mettre a jour", 5),
  FR ("mettre en oeuvre", 5), FR ("mettre en place", 5), FR ("modifier", 5), FR ("nommer", 5),
  FR ("offrir", 5), FR ("organiser", 5), FR ("ouvrir", 5), FR ("penaliser", 5), FR ("permettre", 5),
  FR ("preparer", 5), FR ("presenter", 5), FR ("promulguer", 5), FR ("publier", 5), FR ("punir", 5),
  FR ("ratifier", 5), FR ("recenser", 5), FR ("reconnaitre", 5), FR ("recruter", 5),
  FR ("recueillir", 5), FR ("rediger", 5), FR ("reduire", 5), FR ("reformer", 5),
  FR ("reglementer", 5), FR ("regulariser", 5), FR ("reintegrer", 5), FR ("relever", 5),
  FR ("reparer", 5), FR ("repondre", 5), FR ("restaurer", 5), FR ("restreindre", 5),
  FR ("retablir", 5), FR ("sanctionner", 5), FR ("signer", 5), FR ("simplifier", 5),
  FR ("soumettre", 5), FR ("tenir", 5), FR ("traduire", 5), FR ("traduire en justice", 5),
  FR ("transposer", 5),
  /* "Poursuivre les auteurs" is to prosecute them, not to continue. */
  FR ("poursuivre * auteurs", 5), FR ("poursuivre * coupables", 5),
  FR ("poursuivre * responsables", 5), FR ("poursuivre en justice", 5),
  FR_END ("abolir"), FR_END ("abroger"), FR_END ("arreter"), FR_END ("cesser"),
  FR_END ("decriminaliser"), FR_END ("demanteler"), FR_END ("depenaliser"), FR_END ("eliminer"),
  FR_END ("interdire"), FR_END ("lever"), FR_END ("renoncer"), FR_END ("retirer"),
  FR_END ("supprimer"),
  NOUN ("abolishment", 5), NOUN ("abolition", 5), NOUN ("abrogation", 5), NOUN ("acceptance", 5),
  NOUN ("accession", 5), NOUN ("action plan", 5), NOUN ("adherence", 5), NOUN ("adhesion", 5),
  NOUN ("adoption", 5), NOUN ("amendment", 5), NOUN ("amendments", 5), NOUN ("application", 5),
  NOUN ("appointment", 5), NOUN ("approval", 5), NOUN ("cessation", 5), NOUN ("creation", 5),
  NOUN ("criminalisation", 5), NOUN ("criminalization", 5), NOUN ("declaration", 5),
  NOUN ("decriminalisation", 5), NOUN ("decriminalization", 5), NOUN ("depenalisation", 5),
  NOUN ("development", 5), NOUN ("drafting", 5), NOUN ("elaboration", 5), NOUN ("elimination", 5),
  NOUN ("enactment", 5), NOUN ("enforcement", 5), NOUN ("enquete", 5), NOUN ("enquetes", 5),
  NOUN ("establishment", 5), NOUN ("etablissement", 5), NOUN ("extension", 5),
  NOUN ("finalisation", 5), NOUN ("finalization", 5), NOUN ("harmonisation", 5),
  NOUN ("harmonization", 5), NOUN ("implementation", 5), NOUN ("incorporation", 5),
  NOUN ("incrimination", 5), NOUN ("interdiction", 5), NOUN ("introduction", 5),
  NOUN ("investigation", 5), NOUN ("investigations", 5), NOUN ("invitation", 5),
  NOUN ("issuance", 5), NOUN ("levee", 5), NOUN ("liberation", 5), NOUN ("mise en oeuvre", 5),
  NOUN ("mise en place", 5), NOUN ("modification", 5), NOUN ("moratoire", 5),
  NOUN ("moratorium", 5), NOUN ("plan d action", 5), NOUN ("prohibition", 5),
  NOUN ("promulgation", 5), NOUN ("prosecution", 5), NOUN ("publication", 5),
  NOUN ("ratification", 5), NOUN ("ratifications", 5), NOUN ("recognition", 5),
  NOUN ("reconnaissance", 5), NOUN ("reduction", 5), NOUN ("reform", 5), NOUN ("reforme", 5),
  NOUN ("release", 5), NOUN ("repeal", 5), NOUN ("retrait", 5), NOUN ("revocation", 5),
  NOUN ("signature", 5), NOUN ("signing", 5), NOUN ("submission", 5), NOUN ("suppression", 5),
  NOUN ("updating", 5), NOUN ("withdrawal", 5),

  /* Others: an object that turns the recommendation to other States or to their help. */
  OTHERS ("assistance technique"), OTHERS ("autres etats"), OTHERS ("autres pays"),
  OTHERS ("bailleurs de fonds"), OTHERS ("best practices"), OTHERS ("bonnes pratiques"),
  OTHERS ("communaute internationale"), OTHERS ("cooperation internationale"),
  OTHERS ("cooperation technique"), OTHERS ("developing countries"),
  OTHERS ("development partners"), OTHERS ("donor community"), OTHERS ("donors"),
  OTHERS ("international community"), OTHERS ("international cooperation"),
  OTHERS ("other countries"), OTHERS ("other states"), OTHERS ("partenaires au developpement"),
  OTHERS ("pays en developpement"), OTHERS ("technical assistance"),
  OTHERS ("technical cooperation"),
};

const guint upr_lex_n_entries = G_N_ELEMENTS (upr_lex_entries);

const char *const upr_lex_adverbs[] = {
  "further", "also", "still", "again", "now", "even", "more", "not", "always", "urgently",
  "fully", "effectively", "immediately", "promptly", "systematically", "actively",
  "seriously", "progressively", "rapidly", "thoroughly", "widely", "explicitly", "strongly",
  "vigorously", "continuously", "continually", "duly", "swiftly", "expeditiously",
  "officially", "formally", "genuinely", "properly", "consistently", "resolutely",
  "positively", "favourably", "favorably", "carefully", "constructively", "closely",
  "speedily", "quickly", "increasingly", "specifically", "firmly", "decisively",
  "substantially", "significantly", "concretely", "gradually", "periodically", "regularly",
  "timely", "re", "davantage", "egalement", "aussi", "encore", "plus", "mieux", "ne", "pas",
  "toujours", "pleinement", "effectivement", "rapidement", "activement",
  "immediatement", "serieusement", "progressivement", "resolument", "veritablement",
  "dument", "systematiquement", "se", "s", "en", "y", "d", "urgence",
  NULL
};

const char *const upr_lex_adverb_phrases[] = {
  "as soon as possible", "as a matter of priority", "as a matter of urgency",
  "as a first step", "as a priority", "without delay", "without further delay",
  "at the earliest opportunity", "in the near future", "sans delai", "sans plus tarder",
  "au plus vite", "au plus tot", "en priorite", "a titre prioritaire", "de toute urgence",
  "d urgence", "le plus rapidement possible", "dans les meilleurs delais",
  "dans les plus brefs delais", "dans un premier temps", NULL
};

const char *const upr_lex_preamble[] = {
  "that", "to", "it", "is", "was", "has", "been", "recommended", "recommends", "recommend",
  "recommendation", "encouraged", "que", "qu", "il", "a", "est", "ete", "recommande",
  "recommandent",
  "recommander", "de", "d", NULL
};

const char *const upr_lex_openers[] = {
  "in", "with", "while", "whilst", "within", "as", "given", "bearing", "taking", "following",
  "recalling", "noting", "recognizing", "recognising", "acknowledging", "welcoming",
  "commending", "appreciating", "on", "for", "after", "through", "according", "regarding",
  "concerning", "pursuant", "consistent", "based", "building", "despite", "notwithstanding",
  "where", "when", "if", "until", "once", "since", "at", "by", "upon", "having",
  "en", "dans", "avec", "tout", "compte", "conformement", "a", "au", "aux", "suite", "sur",
  "pour", "afin", "lors", "eu", "sans", "selon", "apres", "face", "vu",
  "concernant", "par", "si", "lorsque", "tenant", "prenant", "notant",
  "reconnaissant", "saluant", NULL
};

const char *const upr_lex_modals[] = {
  "should", "must", "shall", "ought", "would", "could", "be", "encouraged", "invited", "urged",
  "devrait", "devraient", "doit", "doivent", "encourage", "invite", "exhorte", NULL
};

const char *const upr_lex_coordinators[] = {
  "and", "or", "et", "ou", NULL
};

const char *const upr_lex_infinitive[] = {
  "to", "de", "d", "a", NULL
};

const char *const upr_lex_means[] = {
  "by", "through", "via", "en", "par", NULL
};

const char *const upr_lex_determiners[] = {
  "the", "a", "an", "its", "their", "all", "any", "le", "la", "l", "les", "un", "une", "des",
  "du", "de", "d", "son", "sa", "ses", "leur", "leurs", "toute", "toutes", "tous", NULL
};

const char *const upr_lex_definite[] = {
  "the", "its", "their", "his", "her", "this", "these", "le", "la", "l", "les", "son", "sa",
  "ses", "leur", "leurs", "ce", "cet", "cette", "ces", NULL
};

const char *const upr_lex_necessary[] = {
  "necessary", "needed", "required", "requisite", "appropriate", "necessaires", "necessaire",
  "appropriees", "appropriee", "voulues", "requises", "adequates", "utiles", "idoines", NULL
};

const char *const upr_lex_stops[] = {
  "to", "of", "for", "on", "in", "against", "with", "by", "that", "which", "who", "and",
  "or", "from", "at", "pour", "contre", "sur", "dans", "par", "afin", "qui", "que", "et",
  "ou", "au", "aux", "en", NULL
};
