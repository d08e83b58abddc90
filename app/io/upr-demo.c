/* upr-demo.c: the demo data, as tables.
 *
 * This is what a new user and a training room see first, so it is meant to look like an
 * officer's real records: a side event of the Human Rights Council (after its concept note;
 * speakers by role, not by name), a two-day planning workshop in the Democratic Republic of
 * the Congo with participants of every stakeholder type, a consultation in Georgia, and the
 * implementation matrix of the Republic of the Congo's 1st-cycle recommendations
 * (data/demo-recommendations.tsv: the recommendations are UPR Info's public data, their
 * implementation is fictitious). The people are fictitious, their e-mail addresses at
 * example.org and their phone numbers zeros. Institutions are real; the civil-society
 * groups, media and a few others are invented.
 *
 * Every record gets a fixed id derived from its key, so loading twice finds what the first
 * load wrote instead of duplicating it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "upr-demo.h"

#include "upr-agenda-item.h"
#include "upr-assessment.h"
#include "upr-attendance.h"
#include "upr-indicator.h"
#include "upr-organisation.h"
#include "upr-person.h"
#include "upr-planned-action.h"
#include "upr-progress-update.h"
#include "upr-recommendation.h"
#include "upr-recommendation-row.h"
#include "upr-review.h"
#include "upr-workshop.h"

typedef struct
{
  const char *key;
  const char *name;
  const char *acronym;
  const char *stakeholder_type;
  const char *country_code;
} DemoOrganisation;

typedef struct
{
  const char *key;
  const char *country_code;
  const char *title;
  const char *kind;
  int         cycle;
  const char *start_date;
  const char *end_date;
  const char *start_time;
  const char *end_time;
  const char *venue;
  const char *format;
  const char *languages;
  const char *organisers;
  const char *partners;
  const char *objectives;
  const char *notes;
} DemoWorkshop;

typedef struct
{
  const char *workshop;
  const char *time;
  int         minutes;
  const char *role;
  const char *title;
  const char *speaker;
  const char *organisation; /* key in organisations[] */
  gboolean    tbc;
} DemoAgendaItem;

typedef struct
{
  const char *workshop;
  const char *honorific;
  const char *name;
  const char *gender;
  const char *gender_description;
  const char *organisation;
  const char *position;
  const char *email;
  const char *phone;
  const char *consent_scope;
  const char *registration;
  const char *mode;
  int         days;
} DemoParticipant;

#define TBC TRUE
#define CONFIRMED FALSE

static const DemoOrganisation organisations[] = {
  { "ohchr", "Office of the United Nations High Commissioner for Human Rights", "OHCHR", "un",
    NULL },
  { "upr-info", "UPR Info", NULL, "cso", "CH" },
  { "ci-cndh", "Conseil national des droits de l’homme", "CNDH", "nhri", "CI" },
  { "np-undp", "United Nations Development Programme, Nepal", "UNDP", "un", "NP" },
  { "cd-mdh", "Ministère des Droits humains", NULL, "government", "CD" },
  { "cd-justice", "Ministère de la Justice", NULL, "government", "CD" },
  { "cd-genre", "Ministère du Genre, Famille et Enfant", NULL, "government", "CD" },
  { "cd-mae", "Ministère des Affaires étrangères", NULL, "government", "CD" },
  { "cd-cidh", "Comité interministériel des droits de l’homme", "CIDH", "nmirf", "CD" },
  { "cd-an", "Assemblée nationale – Commission des droits de l’homme", NULL, "parliament", "CD" },
  { "cd-csm", "Conseil supérieur de la magistrature", "CSM", "judiciary", "CD" },
  { "cd-cndh", "Commission nationale des droits de l’homme", "CNDH", "nhri", "CD" },
  { "cd-afjc", "Action des femmes pour la justice au Congo", "AFJC", "cso", "CD" },
  { "cd-rejedh", "Réseau jeunesse et droits humains", "REJEDH", "cso", "CD" },
  { "cd-aiph", "Association pour l’inclusion des personnes handicapées", "AIPH", "cso", "CD" },
  { "cd-cddhk", "Collectif des défenseurs des droits humains du Kivu", "CDDHK", "cso", "CD" },
  { "cd-bcnudh", "Bureau conjoint des Nations Unies aux droits de l’homme", "BCNUDH", "un", "CD" },
  { "cd-pnud", "Programme des Nations Unies pour le développement", "PNUD", "un", "CD" },
  { "cd-unicef", "Fonds des Nations Unies pour l’enfance", "UNICEF", "un", "CD" },
  { "cd-ambassade", "Ambassade de Suisse", NULL, "embassy", "CD" },
  { "cd-unikin", "Université de Kinshasa – Faculté de droit", "UNIKIN", "academia", "CD" },
  { "cd-radio", "Radio Tomisa FM", NULL, "media", "CD" },
  { "cd-fec", "Fédération des entreprises du Congo", "FEC", "private-sector", "CD" },
  { "cd-cdjp", "Commission diocésaine Justice et Paix", "CDJP", "other", "CD" },
  { "ge-parliament", "Parliament of Georgia", NULL, "parliament", "GE" },
  { "ge-pdo", "Public Defender (Ombudsman) of Georgia", "PDO", "nhri", "GE" },
  { "ge-hrs", "Human Rights Secretariat of the Government Administration", NULL, "nmirf", "GE" },
  { "ge-moj", "Ministry of Justice of Georgia", NULL, "government", "GE" },
  { "ge-gare", "Georgian Association for Rights Education", "GARE", "cso", "GE" },
  { "ge-tdrn", "Tbilisi Disability Rights Network", "TDRN", "cso", "GE" },
  { "ge-undp", "United Nations Development Programme, Georgia", "UNDP", "un", "GE" },
  /* The implementation of the Republic of the Congo's recommendations (1st cycle):
   * data/demo-recommendations.tsv. The civil-society groups are invented. */
  { "cg-mjdh", "Ministère de la Justice et des Droits humains", NULL, "government", "CG" },
  { "cg-maec", "Ministère des Affaires étrangères et de la Coopération", NULL, "government",
    "CG" },
  { "cg-femme", "Ministère de la Promotion de la femme et de l’Intégration de la femme au "
    "développement", NULL, "government", "CG" },
  { "cg-affaires-sociales", "Ministère des Affaires sociales, de l’Action humanitaire et de la "
    "Solidarité", NULL, "government", "CG" },
  { "cg-sante", "Ministère de la Santé et de la Population", NULL, "government", "CG" },
  { "cg-education", "Ministère de l’Enseignement primaire, secondaire et de l’Alphabétisation",
    NULL, "government", "CG" },
  { "cg-interieur", "Ministère de l’Intérieur et de la Décentralisation", NULL, "government",
    "CG" },
  { "cg-communication", "Ministère de la Communication", NULL, "government", "CG" },
  { "cg-hydraulique", "Ministère de l’Énergie et de l’Hydraulique", NULL, "government", "CG" },
  { "cg-finances", "Ministère de l’Économie, des Finances et du Budget", NULL, "government",
    "CG" },
  { "cg-cnls", "Conseil national de lutte contre le sida", "CNLS", "government", "CG" },
  { "cg-parlement", "Assemblée nationale du Congo", NULL, "parliament", "CG" },
  { "cg-cndh", "Commission nationale des droits de l’homme du Congo", "CNDH", "nhri", "CG" },
  { "cg-mediateur", "Médiateur de la République du Congo", NULL, "other", "CG" },
  { "cg-cfd", "Collectif Femmes et Droits", "CFD", "cso", "CG" },
  { "cg-adpac", "Association pour les droits des peuples autochtones du Congo", "ADPAC", "cso",
    "CG" },
  { "cg-ocld", "Observatoire citoyen des lieux de détention", "OCLD", "cso", "CG" },
  { "cg-cc-epu", "Coalition congolaise des ONG pour l’EPU", "CC-EPU", "cso", "CG" },
  { "cg-unicef", "Fonds des Nations Unies pour l’enfance, Congo", "UNICEF", "un", "CG" },
  { "cg-pnud", "Programme des Nations Unies pour le développement, Congo", "PNUD", "un", "CG" },
};

static const DemoWorkshop workshops[] = {
  {
    .key = "hrc52-side-event",
    .country_code = "CH",
    .title = "UPR Implementation: Best Practices and challenges for the 4th UPR cycle",
    .kind = "side-event",
    .cycle = 4,
    .start_date = "2023-03-27",
    .end_date = "2023-03-27",
    .start_time = "13:00",
    .end_time = "14:00",
    .venue = "Room XXII, Building E, Palais des Nations, Geneva",
    .format = "hybrid",
    .languages = "English",
    .organisers = "UPR Info",
    .objectives = "A side event of the 52nd session of the Human Rights Council. As States "
                  "enter the 4th cycle, national stakeholders and the United Nations share "
                  "good practices and challenges in implementing UPR recommendations, and UPR "
                  "Info presents its in-country programme.",
    .notes = "Demo data, after the concept note of the event. Speakers are given by role.",
  },
  {
    .key = "cd-planning-2025",
    .country_code = "CD",
    .title = "Atelier national de planification de la mise en œuvre des recommandations de "
             "l’EPU (4e cycle)",
    .kind = "implementation-planning",
    .cycle = 4,
    .start_date = "2025-06-17",
    .end_date = "2025-06-18",
    .start_time = "09:00",
    .end_time = "16:30",
    .venue = "Kinshasa (Gombe), salle de conférence",
    .format = "hybrid",
    .languages = "Français, anglais",
    .organisers = "Ministère des Droits humains, avec l’appui d’UPR Info",
    .partners = "Commission nationale des droits de l’homme (CNDH) ; Bureau conjoint des "
                "Nations Unies aux droits de l’homme (BCNUDH)",
    .objectives = "Présenter les recommandations du 4e cycle acceptées par la RDC, les "
                  "regrouper par thème et convenir, pour chacune, des actions, des "
                  "institutions responsables, des indicateurs et des échéances du plan "
                  "national de mise en œuvre.",
    .notes = "Données de démonstration : les participants sont fictifs.",
  },
  {
    .key = "ge-consultation-2025",
    .country_code = "GE",
    .title = "Pre-review consultation with civil society (4th cycle)",
    .kind = "consultation",
    .cycle = 4,
    .start_date = "2025-09-23",
    .end_date = "2025-09-23",
    .start_time = "10:00",
    .end_time = "13:00",
    .venue = "Tbilisi",
    .format = "hybrid",
    .languages = "Georgian, English",
    .organisers = "UPR Info",
    .objectives = "Take stock of the recommendations of the 3rd cycle and agree on the "
                  "priorities civil society will raise in its submissions for Georgia’s 4th "
                  "review.",
    .notes = "Demo data: the participants are fictitious.",
  },
};

static const DemoAgendaItem agenda[] = {
  /* The side event, 13:00–14:00. */
  { "hrc52-side-event", "13:00", 5, "welcome", "Welcome",
    "Chief, UPR Branch", "ohchr", CONFIRMED },
  { "hrc52-side-event", "13:05", 10, "moderation",
    "Moderation and presentation of the in-country programme",
    "Programme Manager", "upr-info", CONFIRMED },
  { "hrc52-side-event", "13:15", 6, "statement",
    "Statement: the national human rights institution of Côte d’Ivoire",
    "Representative", "ci-cndh", CONFIRMED },
  { "hrc52-side-event", "13:21", 6, "statement",
    "Statement: the inter-ministerial committee of the Democratic Republic of the Congo",
    "Representative", "cd-cidh", TBC },
  { "hrc52-side-event", "13:27", 6, "statement",
    "Statement: a civil society organisation of Georgia",
    "Civil society representative", NULL, CONFIRMED },
  { "hrc52-side-event", "13:33", 6, "statement", "Statement: the Parliament of Georgia",
    "Member of Parliament", "ge-parliament", TBC },
  { "hrc52-side-event", "13:39", 6, "statement", "Statement: UNDP Nepal",
    "Representative", "np-undp", CONFIRMED },
  { "hrc52-side-event", "13:45", 15, "discussion", "Questions and answers",
    NULL, NULL, CONFIRMED },

  /* The planning workshop in Kinshasa, two days. */
  { "cd-planning-2025", "09:00", 30, "welcome", "Jour 1 – Cérémonie d’ouverture",
    "Secrétaire général aux Droits humains", "cd-mdh", CONFIRMED },
  { "cd-planning-2025", "09:30", 45, "presentation",
    "Les recommandations du 4e cycle acceptées par la RDC",
    "Coordonnatrice du Comité interministériel", "cd-cidh", CONFIRMED },
  { "cd-planning-2025", "10:15", 30, "statement",
    "Le rôle de la CNDH dans le suivi de la mise en œuvre",
    "Commissaire", "cd-cndh", CONFIRMED },
  { "cd-planning-2025", "10:45", 15, "break", "Pause-café", NULL, NULL, CONFIRMED },
  { "cd-planning-2025", "11:00", 90, "moderation",
    "Méthode du plan de mise en œuvre, puis travaux en groupes thématiques",
    "Chargée de programme", "upr-info", CONFIRMED },
  { "cd-planning-2025", "09:00", 150, "discussion",
    "Jour 2 – Restitution des groupes et validation du plan",
    NULL, "cd-cidh", CONFIRMED },
  { "cd-planning-2025", "11:45", 30, "statement",
    "Jour 2 – Engagements des parties prenantes et clôture",
    "Président de la Commission des droits de l’homme", "cd-an", TBC },

  /* The consultation in Tbilisi. */
  { "ge-consultation-2025", "10:00", 10, "welcome", "Welcome and objectives",
    "Programme Officer", "upr-info", CONFIRMED },
  { "ge-consultation-2025", "10:10", 30, "presentation",
    "Follow-up of the 3rd cycle recommendations: where Georgia stands",
    "Adviser", "ge-hrs", CONFIRMED },
  { "ge-consultation-2025", "10:40", 20, "statement", "The Public Defender’s assessment",
    "Senior Specialist", "ge-pdo", TBC },
  { "ge-consultation-2025", "11:00", 15, "break", "Coffee break", NULL, NULL, CONFIRMED },
  { "ge-consultation-2025", "11:15", 105, "discussion",
    "Priorities of civil society for the 4th cycle", NULL, NULL, CONFIRMED },
};

#define CD "cd-planning-2025"
#define GE "ge-consultation-2025"

static const DemoParticipant participants[] = {
  { CD, "Mme", "Béatrice Mbuyi Kalala", "woman", NULL, "cd-mdh", "Conseillère juridique",
    "beatrice.mbuyi@example.org", "+243 00 000 0101", "reports", "attended", "in-person", 2 },
  { CD, "M.", "Jean-Pierre Tshibanda Ilunga", "man", NULL, "cd-mdh",
    "Secrétaire général aux Droits humains", "jeanpierre.tshibanda@example.org", NULL,
    "public", "attended", "in-person", 1 },
  { CD, "M.", "Patrick Lokonda Bofale", "man", NULL, "cd-justice",
    "Chef de division, Direction des droits humains", "patrick.lokonda@example.org",
    "+243 00 000 0103", "reports", "attended", "in-person", 2 },
  { CD, "M.", "Pascal Nsimba Luzolo", "man", NULL, "cd-justice", "Conseiller juridique",
    "pascal.nsimba@example.org", NULL, "records", "registered", "online", 0 },
  { CD, "Mme", "Clémentine Ngalula Kabeya", "woman", NULL, "cd-genre", "Cheffe de bureau",
    "clementine.ngalula@example.org", NULL, "records", "attended", "in-person", 2 },
  { CD, "Mme", "Rose Kabedi Ngoyi", "woman", NULL, "cd-genre", "Directrice",
    "rose.kabedi@example.org", NULL, "records", "absent", "in-person", 0 },
  { CD, "M.", "Alain Mpoyi Kasongo", "man", NULL, "cd-mae",
    "Conseiller, Direction des organisations internationales", "alain.mpoyi@example.org",
    NULL, "reports", "attended", "online", 1 },
  { CD, "Mme", "Odette Kabange Mwamba", "woman", NULL, "cd-cidh", "Coordonnatrice",
    "odette.kabange@example.org", "+243 00 000 0106", "public", "attended", "in-person", 2 },
  { CD, "M.", "Serge Ndombe Lukusa", "man", NULL, "cd-cidh", "Expert en suivi-évaluation",
    "serge.ndombe@example.org", NULL, "reports", "attended", "in-person", 2 },
  { CD, "Hon.", "Gisèle Mayamba Ntumba", "woman", NULL, "cd-an", "Députée nationale",
    "gisele.mayamba@example.org", NULL, "public", "attended", "in-person", 1 },
  { CD, "Hon.", "Delphin Kabasele Mutombo", "man", NULL, "cd-an",
    "Député national, président de commission", NULL, NULL, "records", "absent",
    "in-person", 0 },
  { CD, "Mme", "Rachel Kanku Mulumba", "woman", NULL, "cd-csm",
    "Juge, Tribunal de grande instance de Kinshasa-Gombe", "rachel.kanku@example.org",
    NULL, "reports", "attended", "in-person", 2 },
  { CD, "M.", "Fidèle Bokele Ekofo", "man", NULL, "cd-csm",
    "Substitut du procureur de la République", "fidele.bokele@example.org", NULL, "records",
    "attended", "in-person", 1 },
  { CD, "Mme", "Nadine Lukeni Nsimba", "woman", NULL, "cd-cndh", "Commissaire",
    "nadine.lukeni@example.org", "+243 00 000 0112", "public", "attended", "in-person", 2 },
  { CD, "M.", "Héritier Mavungu Kiese", "man", NULL, "cd-cndh", "Chargé de programme",
    "heritier.mavungu@example.org", NULL, "records", "attended", "in-person", 2 },
  { CD, "Mme", "Chantal Mujinga Banza", "woman", NULL, "cd-afjc", "Présidente",
    "chantal.mujinga@example.org", "+243 00 000 0114", "reports", "attended", "in-person", 2 },
  { CD, "M.", "Trésor Kalombo Tshilumba", "man", NULL, "cd-rejedh", "Coordonnateur",
    "tresor.kalombo@example.org", NULL, "reports", "attended", "in-person", 2 },
  { CD, NULL, "Merveille Kayembe Lunda", "self-described", "Genre fluide", "cd-rejedh",
    "Chargé·e de plaidoyer", "merveille.kayembe@example.org", NULL, "records", "attended",
    "online", 1 },
  { CD, "M.", "Joseph Mukendi Tshiala", "man", NULL, "cd-aiph", "Secrétaire exécutif",
    "joseph.mukendi@example.org", NULL, "reports", "attended", "in-person", 2 },
  /* Activists from the east: no contact details and no consent to appear anywhere. */
  { CD, "Mme", "Esther Bahati Namegabe", "woman", NULL, "cd-cddhk",
    "Défenseure des droits humains", NULL, NULL, "none", "attended", "online", 2 },
  { CD, NULL, "Amani Baraka Mugisho", "prefer-not-to-say", NULL, "cd-cddhk", "Documentaliste",
    NULL, NULL, "none", "attended", "online", 1 },
  { CD, "Dr", "Aline Kapinga Tshimanga", "woman", NULL, "cd-bcnudh",
    "Spécialiste des droits de l’homme", "aline.kapinga@example.org", NULL, "public",
    "attended", "in-person", 2 },
  { CD, "M.", "Olivier Nzuzi Makiese", "man", NULL, "cd-pnud",
    "Chargé de programme gouvernance", "olivier.nzuzi@example.org", NULL, "reports",
    "attended", "in-person", 1 },
  { CD, "Mme", "Sylvie Mbombo Kazadi", "woman", NULL, "cd-unicef",
    "Spécialiste de la protection de l’enfance", "sylvie.mbombo@example.org", NULL, "records",
    "invited", "in-person", 0 },
  { CD, "M.", "Arnold Mbala Kinkela", "man", NULL, "cd-ambassade",
    "Chargé de programme, coopération", "arnold.mbala@example.org", NULL, "reports",
    "attended", "in-person", 1 },
  { CD, "Pr", "Didier Kasongo Ngoy", "man", NULL, "cd-unikin",
    "Professeur de droit international", "didier.kasongo@example.org", NULL, "public",
    "attended", "in-person", 2 },
  { CD, "Mme", "Grâce Masika Kavira", "woman", NULL, "cd-unikin", "Assistante de recherche",
    "grace.masika@example.org", NULL, "records", "registered", "in-person", 0 },
  { CD, "M.", "Christian Ilunga Mwepu", "man", NULL, "cd-radio", "Journaliste",
    "christian.ilunga@example.org", "+243 00 000 0126", "public", "attended", "in-person", 1 },
  { CD, "Mme", "Bénédicte Nkulu Mbayo", "woman", NULL, "cd-fec",
    "Chargée de la responsabilité sociétale", "benedicte.nkulu@example.org", NULL,
    "reports", "attended", "in-person", 1 },
  { CD, "Abbé", "Crispin Mulamba Kalenga", "man", NULL, "cd-cdjp", "Secrétaire diocésain",
    "crispin.mulamba@example.org", NULL, "reports", "attended", "in-person", 2 },
  { CD, "Mme", "Nathalie Kitenge Mwilambwe", "woman", NULL, "upr-info", "Chargée de programme",
    "nathalie.kitenge@example.org", NULL, "public", "attended", "in-person", 2 },

  { GE, "Ms", "Nino Beridze", "woman", NULL, "ge-gare", "Programme Coordinator",
    "nino.beridze@example.org", NULL, "reports", "attended", "in-person", 1 },
  { GE, "Mr", "Giorgi Kapanadze", "man", NULL, "ge-pdo", "Senior Specialist",
    "giorgi.kapanadze@example.org", NULL, "public", "attended", "in-person", 1 },
  { GE, "Ms", "Tamar Lomidze", "woman", NULL, "ge-parliament",
    "Adviser, Human Rights and Civil Integration Committee", "tamar.lomidze@example.org",
    NULL, "reports", "attended", "online", 1 },
  { GE, "Mr", "Levan Chikovani", "man", NULL, "ge-hrs", "Adviser",
    "levan.chikovani@example.org", NULL, "records", "attended", "in-person", 1 },
  { GE, "Ms", "Mariam Tsiklauri", "woman", NULL, "ge-moj",
    "Chief Specialist, Human Rights Department", "mariam.tsiklauri@example.org", NULL,
    "records", "invited", "in-person", 0 },
  { GE, "Ms", "Ana Gelashvili", "woman", NULL, "ge-tdrn", "Advocacy Officer",
    "ana.gelashvili@example.org", NULL, "records", "absent", "in-person", 0 },
  { GE, "Mr", "Davit Meskhi", "man", NULL, "ge-undp", "Governance Analyst",
    "davit.meskhi@example.org", NULL, "reports", "attended", "online", 1 },
};

#undef CD
#undef GE

/* Helpers */

/* A name-based UUID (version 5 layout, SHA-1 of a fixed namespace and @kind/@key): the same
 * demo record always gets the same id, in every database. */
static char *
demo_id (const char *kind,
         const char *key)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "org.upr_info.Upright/demo/", -1);
  g_checksum_update (checksum, (const guchar *) kind, -1);
  g_checksum_update (checksum, (const guchar *) "/", 1);
  g_checksum_update (checksum, (const guchar *) key, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The stored record with @id, or NULL without error when there is none. */
static UprRecord *
load_existing (UprStore   *store,
               GType       type,
               const char *id,
               GError    **error)
{
  GError *local_error = NULL;
  UprRecord *record = upr_store_load (store, type, id, &local_error);

  if (g_error_matches (local_error, UPR_STORE_ERROR, UPR_STORE_ERROR_NOT_FOUND))
    g_clear_error (&local_error);
  else if (local_error != NULL)
    g_propagate_error (error, local_error);
  return record;
}

/* Saves @record under @id unless a record with that id is already stored. */
static gboolean
save_new (UprStore   *store,
          UprRecord  *record,
          const char *id,
          GError    **error)
{
  g_autoptr(UprRecord) existing = NULL;
  GError *local_error = NULL;

  existing = load_existing (store, G_OBJECT_TYPE (record), id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (existing != NULL)
    return TRUE;
  upr_record_set_string (record, "id", id);
  return upr_store_save (store, record, error);
}

/* Fills @ids (key → organisation id): the demo's own organisation if stored, else one of
 * the user's with the same name in the same country, else a new one. */
static gboolean
load_organisations (UprStore   *store,
                    GHashTable *ids,
                    GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      const DemoOrganisation *o = &organisations[i];
      g_autofree char *id = demo_id ("organisation", o->key);
      g_autoptr(UprRecord) existing = NULL;
      g_autoptr(UprOrganisation) same_name = NULL;
      g_autoptr(UprOrganisation) organisation = NULL;
      GError *local_error = NULL;

      existing = load_existing (store, UPR_TYPE_ORGANISATION, id, &local_error);
      if (existing == NULL && local_error == NULL)
        same_name = upr_store_find_organisation (store, o->name, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (existing == NULL && same_name != NULL
          && g_strcmp0 (upr_record_get_string (UPR_RECORD (same_name), "country-code"),
                        o->country_code) == 0)
        {
          g_hash_table_insert (ids, (gpointer) o->key,
                               g_strdup (upr_record_get_id (UPR_RECORD (same_name))));
          continue;
        }
      g_hash_table_insert (ids, (gpointer) o->key, g_strdup (id));
      if (existing != NULL)
        continue;

      organisation = upr_organisation_new ();
      g_object_set (organisation,
                    "id", id,
                    "name", o->name,
                    "acronym", o->acronym,
                    "stakeholder-type", o->stakeholder_type,
                    "country-code", o->country_code,
                    NULL);
      if (!upr_store_save (store, UPR_RECORD (organisation), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_agenda (UprStore           *store,
             const DemoWorkshop *w,
             const char         *workshop_id,
             GHashTable         *organisation_ids,
             GError            **error)
{
  int position = 0;

  for (guint i = 0; i < G_N_ELEMENTS (agenda); i++)
    {
      const DemoAgendaItem *a = &agenda[i];
      g_autoptr(UprAgendaItem) item = NULL;
      g_autofree char *key = NULL;
      g_autofree char *id = NULL;

      if (!g_str_equal (a->workshop, w->key))
        continue;
      key = g_strdup_printf ("%s/%d", w->key, position);
      id = demo_id ("agenda-item", key);
      item = upr_agenda_item_new ();
      g_object_set (item,
                    "workshop-id", workshop_id,
                    "position", position++,
                    "time", a->time,
                    "duration-minutes", a->minutes,
                    "role", a->role,
                    "title", a->title,
                    "speaker", a->speaker,
                    "organisation-id", a->organisation != NULL
                                       ? g_hash_table_lookup (organisation_ids, a->organisation)
                                       : NULL,
                    "confirmed", !a->tbc,
                    NULL);
      if (!save_new (store, UPR_RECORD (item), id, error))
        return FALSE;
    }
  return TRUE;
}

static UprPerson *
person_of (const DemoParticipant *p,
           const char            *consent_date,
           GHashTable            *organisation_ids)
{
  UprPerson *person = upr_person_new ();

  g_object_set (person,
                "name", p->name,
                "honorific", p->honorific,
                "gender", p->gender,
                "gender-description", p->gender_description,
                "organisation-id", g_hash_table_lookup (organisation_ids, p->organisation),
                "position", p->position,
                "email", p->email,
                "phone", p->phone,
                "consent-scope", p->consent_scope,
                "consent-date", g_str_equal (p->consent_scope, "none") ? NULL : consent_date,
                NULL);
  return person;
}

static gboolean
load_participants (UprStore           *store,
                   const DemoWorkshop *w,
                   const char         *workshop_id,
                   GHashTable         *organisation_ids,
                   GError            **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (participants); i++)
    {
      const DemoParticipant *p = &participants[i];
      g_autoptr(UprPerson) person = NULL;
      g_autoptr(UprAttendance) attendance = NULL;
      g_autofree char *person_id = NULL;
      g_autofree char *attendance_key = NULL;
      g_autofree char *attendance_id = NULL;

      if (!g_str_equal (p->workshop, w->key))
        continue;
      person_id = demo_id ("person", p->name);
      attendance_key = g_strdup_printf ("%s/%s", w->key, p->name);
      attendance_id = demo_id ("attendance", attendance_key);

      person = person_of (p, w->start_date, organisation_ids);
      if (!save_new (store, UPR_RECORD (person), person_id, error))
        return FALSE;

      attendance = upr_attendance_new ();
      g_object_set (attendance,
                    "workshop-id", workshop_id,
                    "person-id", person_id,
                    "registration", p->registration,
                    "mode", p->mode,
                    "days-attended", p->days,
                    NULL);
      if (!save_new (store, UPR_RECORD (attendance), attendance_id, error))
        return FALSE;
    }
  return TRUE;
}

static UprWorkshop *
workshop_of (const DemoWorkshop *w)
{
  UprWorkshop *workshop = upr_workshop_new ();

  g_object_set (workshop,
                "country-code", w->country_code,
                "title", w->title,
                "kind", w->kind,
                "cycle", w->cycle,
                "start-date", w->start_date,
                "end-date", w->end_date,
                "start-time", w->start_time,
                "end-time", w->end_time,
                "venue", w->venue,
                "format", w->format,
                "languages", w->languages,
                "organisers", w->organisers,
                "partners", w->partners,
                "objectives", w->objectives,
                "notes", w->notes,
                NULL);
  return workshop;
}

/* A demo workshop already stored is left as the user has it (brought back from the trash if
 * needed); a missing one is written with its programme and participants. */
static gboolean
load_workshop (UprStore           *store,
               const DemoWorkshop *w,
               GHashTable         *organisation_ids,
               GError            **error)
{
  g_autofree char *id = demo_id ("workshop", w->key);
  g_autoptr(UprRecord) existing = NULL;
  g_autoptr(UprWorkshop) workshop = NULL;
  GError *local_error = NULL;

  existing = load_existing (store, UPR_TYPE_WORKSHOP, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (existing != NULL)
    {
      if (upr_record_get_string (existing, "deleted-at") == NULL)
        return TRUE;
      return upr_store_restore_workshop (store, UPR_WORKSHOP (existing), error);
    }

  workshop = workshop_of (w);
  upr_record_set_string (UPR_RECORD (workshop), "id", id);
  return upr_store_save (store, UPR_RECORD (workshop), error)
         && load_agenda (store, w, id, organisation_ids, error)
         && load_participants (store, w, id, organisation_ids, error);
}

/* Recommendations: the lines of data/demo-recommendations.tsv (its header says what they
 * hold). A recommendation already stored is left as the user has it, with its actions and
 * history (brought back from the trash if needed); so is one the user imported from the same
 * UPR Info file: the demo does not add it twice. */

#define DEMO_RECOMMENDATIONS "/org/upr_info/Upright/demo-recommendations.tsv"

typedef struct
{
  UprStore   *store;
  GHashTable *organisation_ids; /* borrowed: key → id */
  UprReview  *review;           /* of the last "review" line */
  char       *source_file;
  GHashTable *other_texts;      /* texts of the review's recommendations not the demo's */
  GHashTable *written;          /* key → id of the demo recommendations written now */
  GHashTable *counts;           /* "kind/key" → how many of them so far (for their ids) */
  guint       line;
} RecommendationLoad;

static void
recommendation_load_clear (RecommendationLoad *load)
{
  g_clear_object (&load->review);
  g_clear_pointer (&load->source_file, g_free);
  g_clear_pointer (&load->other_texts, g_hash_table_unref);
  g_clear_pointer (&load->written, g_hash_table_unref);
  g_clear_pointer (&load->counts, g_hash_table_unref);
}

static gboolean
invalid_line (RecommendationLoad  *load,
              GError             **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %u is a line number in the demo data shipped with Upright */
               _("Line %u of the demo recommendations is not valid."), load->line);
  return FALSE;
}

static const char *
empty_is_null (const char *cell)
{
  return cell[0] != '\0' ? cell : NULL;
}

/* The organisation of @key (NULL for an empty cell); FALSE when the key is unknown. */
static gboolean
organisation_of (RecommendationLoad  *load,
                 const char          *key,
                 const char         **id,
                 GError             **error)
{
  *id = NULL;
  if (key[0] == '\0')
    return TRUE;
  *id = g_hash_table_lookup (load->organisation_ids, key);
  return *id != NULL || invalid_line (load, error);
}

/* A fixed id for the @n-th record of @kind under the recommendation @key. */
static char *
child_id (RecommendationLoad *load,
          const char         *kind,
          const char         *key)
{
  g_autofree char *counter = g_strdup_printf ("%s/%s", kind, key);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (load->counts, counter));
  g_autofree char *child_key = g_strdup_printf ("%s/%u", key, n);

  g_hash_table_insert (load->counts, g_steal_pointer (&counter), GUINT_TO_POINTER (n + 1));
  return demo_id (kind, child_key);
}

/* The texts of the recommendations of the review that are not the demo's own. */
static gboolean
collect_other_texts (RecommendationLoad  *load,
                     const char          *country_code,
                     int                  session,
                     GError             **error)
{
  g_autoptr(GListModel) rows = upr_store_list_recommendations (load->store, country_code, 0,
                                                               error);
  guint n;

  if (rows == NULL)
    return FALSE;
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);

      if (upr_recommendation_row_get_session (row) == session)
        g_hash_table_add (load->other_texts,
                          g_strstrip (g_strdup (upr_recommendation_row_get_text (row))));
    }
  return TRUE;
}

/* review  country session review-date report-symbol source-file notes */
static gboolean
load_review (RecommendationLoad  *load,
             char               **cells,
             GError             **error)
{
  int session = atoi (cells[2]);
  UprRecord *record;

  g_clear_object (&load->review);
  load->review = upr_store_ensure_review (load->store, cells[1], session, error);
  if (load->review == NULL)
    return FALSE;
  /* What the user already recorded about the review stays. */
  record = UPR_RECORD (load->review);
  if (upr_record_get_string (record, "review-date") == NULL)
    upr_record_set_string (record, "review-date", empty_is_null (cells[3]));
  if (upr_record_get_string (record, "report-symbol") == NULL)
    upr_record_set_string (record, "report-symbol", empty_is_null (cells[4]));
  if (upr_record_get_string (record, "notes") == NULL)
    upr_record_set_string (record, "notes", empty_is_null (cells[6]));
  g_free (load->source_file);
  load->source_file = g_strdup (empty_is_null (cells[5]));
  g_hash_table_remove_all (load->other_texts);
  return upr_store_save (load->store, record, error)
         && collect_other_texts (load, cells[1], session, error);
}

static UprRecommendationLinks *
links_of (RecommendationLoad  *load,
          char               **cells,
          GError             **error)
{
  g_autoptr(UprRecommendationLinks) links = upr_recommendation_links_new ();
  g_auto(GStrv) goals = g_strsplit (cells[11], ",", -1);
  g_auto(GStrv) keys = g_strsplit (cells[9], ",", -1);
  g_autoptr(GStrvBuilder) supporting = g_strv_builder_new ();

  g_strfreev (links->states);
  links->states = g_strsplit (cells[2], ",", -1);
  g_strfreev (links->terms);
  links->terms = cells[10][0] != '\0' ? g_strsplit (cells[10], ",", -1) : g_new0 (char *, 1);
  for (guint i = 0; goals[i] != NULL; i++)
    {
      guint64 goal = 0;

      if (!g_ascii_string_to_unsigned (goals[i], 10, 1, 17, &goal, NULL))
        {
          invalid_line (load, error);
          return NULL;
        }
      links->sdg_goals |= UPR_SDG_BIT (goal);
    }
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *id;

      if (!organisation_of (load, keys[i], &id, error))
        return NULL;
      g_strv_builder_add (supporting, id);
    }
  g_strfreev (links->supporting);
  links->supporting = g_strv_builder_end (supporting);
  return g_steal_pointer (&links);
}

/* rec  key states response category source-row cluster priority lead supporting terms sdgs
 * text */
static gboolean
load_recommendation (RecommendationLoad  *load,
                     char               **cells,
                     GError             **error)
{
  g_autofree char *id = demo_id ("recommendation", cells[1]);
  g_autoptr(UprRecord) existing = NULL;
  g_autoptr(UprRecommendation) recommendation = NULL;
  g_autoptr(UprRecommendationLinks) links = NULL;
  GError *local_error = NULL;
  const char *lead;

  if (load->review == NULL)
    return invalid_line (load, error);
  existing = load_existing (load->store, UPR_TYPE_RECOMMENDATION, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (existing != NULL)
    {
      const char *ids[] = { id, NULL };

      return upr_record_get_string (existing, "deleted-at") == NULL
             || upr_store_restore_recommendations (load->store, ids, error);
    }
  if (g_hash_table_contains (load->other_texts, cells[12]))
    return TRUE;

  if (!organisation_of (load, cells[8], &lead, error))
    return FALSE;
  recommendation = upr_recommendation_new ();
  g_object_set (recommendation,
                "id", id,
                "review-id", upr_record_get_id (UPR_RECORD (load->review)),
                "text", cells[12],
                "response", cells[3],
                "action-category", atoi (cells[4]),
                "source-file", load->source_file,
                "source-row", atoi (cells[5]),
                "cluster", empty_is_null (cells[6]),
                "priority", empty_is_null (cells[7]),
                "lead-organisation-id", lead,
                NULL);
  links = links_of (load, cells, error);
  if (links == NULL || !upr_store_save (load->store, UPR_RECORD (recommendation), error)
      || !upr_store_set_recommendation_links (load->store, id, links, error))
    return FALSE;
  g_hash_table_insert (load->written, g_strdup (cells[1]), g_steal_pointer (&id));
  return TRUE;
}

/* action  rec text organisation start due resources status */
static gboolean
load_action (RecommendationLoad  *load,
             const char          *recommendation_id,
             char               **cells,
             GError             **error)
{
  g_autoptr(UprPlannedAction) action = upr_planned_action_new ();
  g_autofree char *id = child_id (load, "planned-action", cells[1]);
  const char *organisation;

  if (!organisation_of (load, cells[3], &organisation, error))
    return FALSE;
  g_object_set (action,
                "id", id,
                "recommendation-id", recommendation_id,
                "text", cells[2],
                "organisation-id", organisation,
                "start-date", empty_is_null (cells[4]),
                "due-date", empty_is_null (cells[5]),
                "resources", empty_is_null (cells[6]),
                "status", cells[7],
                NULL);
  return upr_store_save (load->store, UPR_RECORD (action), error);
}

/* indicator  rec text baseline target verification */
static gboolean
load_indicator (RecommendationLoad  *load,
                const char          *recommendation_id,
                char               **cells,
                GError             **error)
{
  g_autoptr(UprIndicator) indicator = upr_indicator_new ();
  g_autofree char *id = child_id (load, "indicator", cells[1]);

  g_object_set (indicator,
                "id", id,
                "recommendation-id", recommendation_id,
                "text", cells[2],
                "baseline", empty_is_null (cells[3]),
                "target", empty_is_null (cells[4]),
                "means-of-verification", empty_is_null (cells[5]),
                NULL);
  return upr_store_save (load->store, UPR_RECORD (indicator), error);
}

/* update  rec date organisation status text evidence: in the order of the dates, so that the
 * last one with a status is the current status. */
static gboolean
load_update (RecommendationLoad  *load,
             const char          *recommendation_id,
             char               **cells,
             GError             **error)
{
  g_autoptr(UprProgressUpdate) update = upr_progress_update_new ();
  g_autofree char *id = child_id (load, "progress-update", cells[1]);
  const char *organisation;

  if (!organisation_of (load, cells[3], &organisation, error))
    return FALSE;
  g_object_set (update,
                "id", id,
                "recommendation-id", recommendation_id,
                "date", cells[2],
                "organisation-id", organisation,
                "status", empty_is_null (cells[4]),
                "text", empty_is_null (cells[5]),
                "evidence", empty_is_null (cells[6]),
                NULL);
  return upr_store_add_progress_update (load->store, update, error);
}

/* assessment  rec source organisation level date note */
static gboolean
load_assessment (RecommendationLoad  *load,
                 const char          *recommendation_id,
                 char               **cells,
                 GError             **error)
{
  g_autoptr(UprAssessment) assessment = upr_assessment_new ();
  g_autofree char *id = child_id (load, "assessment", cells[1]);
  const char *organisation;

  if (!organisation_of (load, cells[3], &organisation, error))
    return FALSE;
  g_object_set (assessment,
                "id", id,
                "recommendation-id", recommendation_id,
                "source", cells[2],
                "organisation-id", organisation,
                "level", cells[4],
                "date", cells[5],
                "note", empty_is_null (cells[6]),
                NULL);
  return upr_store_add_assessment (load->store, assessment, error);
}

typedef gboolean (*ChildLoader) (RecommendationLoad *load,
                                 const char         *recommendation_id,
                                 char              **cells,
                                 GError            **error);

static const struct
{
  const char  *kind;
  guint        n_cells;
  ChildLoader  load;
} child_kinds[] = {
  { "action", 8, load_action },
  { "indicator", 6, load_indicator },
  { "update", 7, load_update },
  { "assessment", 7, load_assessment },
};

static gboolean
load_recommendation_line (RecommendationLoad  *load,
                          char               **cells,
                          GError             **error)
{
  guint n_cells = g_strv_length (cells);

  if (g_str_equal (cells[0], "review"))
    return n_cells == 7 ? load_review (load, cells, error) : invalid_line (load, error);
  if (g_str_equal (cells[0], "rec"))
    return n_cells == 13 ? load_recommendation (load, cells, error) : invalid_line (load, error);
  for (guint i = 0; i < G_N_ELEMENTS (child_kinds); i++)
    if (g_str_equal (cells[0], child_kinds[i].kind))
      {
        const char *recommendation_id;

        if (n_cells != child_kinds[i].n_cells)
          return invalid_line (load, error);
        /* Only under a recommendation written now: one already there keeps its own. */
        recommendation_id = g_hash_table_lookup (load->written, cells[1]);
        return recommendation_id == NULL
               || child_kinds[i].load (load, recommendation_id, cells, error);
      }
  return invalid_line (load, error);
}

static gboolean
load_recommendations (UprStore    *store,
                      GHashTable  *organisation_ids,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  RecommendationLoad load = {
    .store = store,
    .organisation_ids = organisation_ids,
    .other_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  gboolean ok = TRUE;

  bytes = g_resources_lookup_data (DEMO_RECOMMENDATIONS, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    {
      recommendation_load_clear (&load);
      return FALSE;
    }
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; ok && lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      load.line = i + 1;
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      ok = load_recommendation_line (&load, cells, error);
    }
  recommendation_load_clear (&load);
  return ok;
}

/* Public API */

gboolean
upr_demo_load (UprStore  *store,
               GError   **error)
{
  g_autoptr(GHashTable) organisation_ids = NULL;

  g_return_val_if_fail (UPR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  organisation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (!upr_store_begin (store, error))
    goto fail;
  if (!load_organisations (store, organisation_ids, error))
    goto rollback;
  for (guint i = 0; i < G_N_ELEMENTS (workshops); i++)
    if (!load_workshop (store, &workshops[i], organisation_ids, error))
      goto rollback;
  if (!load_recommendations (store, organisation_ids, error))
    goto rollback;
  if (!upr_store_commit (store, error))
    goto rollback;
  return TRUE;

rollback:
  upr_store_rollback (store);
fail:
  g_prefix_error (error, _("Cannot load the demo data: "));
  return FALSE;
}
