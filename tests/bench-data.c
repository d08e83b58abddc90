/* bench-data.c: fills a database with synthetic workshops and participants, for the
 * benchmark (a developer tool, not part of Upright).
 *
 *   bench-data DBPATH N_WORKSHOPS N_ATTENDANCES BIG_WORKSHOP_SIZE
 *
 * The first workshop gets BIG_WORKSHOP_SIZE participants, the other attendances are spread
 * at random over the other workshops, across some thirty countries. Everything goes
 * through the store's API, as the application writes it, in one transaction; a fixed seed
 * makes every run write the same data. */
#include "config.h"

#include <stdlib.h>

#include "upr-attendance.h"
#include "upr-organisation.h"
#include "upr-person.h"
#include "upr-store.h"
#include "upr-vocab.h"
#include "upr-workshop.h"

#define SEED 20230327
#define ORGANISATIONS_PER_TYPE 2

static const char *const countries[] = {
  "AM", "AZ", "BD", "BF", "BI", "CD", "CF", "CI", "CM", "GE", "GN", "HT", "KE", "KG", "KH",
  "KZ", "LB", "LK", "MG", "ML", "MM", "MR", "MZ", "NE", "NG", "NP", "RW", "SL", "SN", "TD",
  "TG", "TJ", "TN", "UG", "UZ", "ZM",
};

static const char *const first_names[] = {
  "Aline", "Amani", "Ana", "Arnold", "Béatrice", "Bénédicte", "Chantal", "Christian",
  "Clémentine", "Davit", "Didier", "Esther", "Fatou", "Fidèle", "Gisèle", "Giorgi", "Grâce",
  "Héritier", "Ibrahim", "Joseph", "Kamala", "Levan", "Mariam", "Merveille", "Moussa",
  "Nadine", "Nino", "Odette", "Olivier", "Patrick", "Rachel", "Rose", "Sanjay", "Serge",
  "Sita", "Sylvie", "Tamar", "Trésor", "Aigerim", "Nurlan", "Awa", "Ousmane", "Mariama",
  "Jean-Baptiste", "Marie-Claire", "Dilnoza", "Farrukh", "Haingo", "Rindra", "Zeynab",
};

static const char *const last_names[] = {
  "Mbuyi", "Tshibanda", "Lokonda", "Ngalula", "Mpoyi", "Kabange", "Ndombe", "Mayamba",
  "Kabasele", "Kanku", "Bokele", "Lukeni", "Mavungu", "Mujinga", "Kalombo", "Kayembe",
  "Mukendi", "Bahati", "Kapinga", "Nzuzi", "Mbombo", "Mbala", "Kasongo", "Masika", "Ilunga",
  "Nkulu", "Mulamba", "Kitenge", "Beridze", "Kapanadze", "Lomidze", "Chikovani", "Gelashvili",
  "Meskhi", "Tsiklauri", "Shrestha", "Gurung", "Tamang", "Adhikari", "Koné", "Traoré",
  "Ouédraogo", "Diallo", "Sow", "Ndiaye", "Rakoto", "Randriamampionona", "Nurmatov",
  "Karimova", "Abdullaev", "Aliyeva", "Hakobyan", "Niyonzima", "Uwimana", "Habimana",
};

static const char *const positions[] = {
  "Adviser", "Programme officer", "Director", "Coordinator", "Legal officer", "Researcher",
  "Journalist", "Member of Parliament", "Judge", "Commissioner", "Head of unit", "Volunteer",
};

/* Name patterns per stakeholder type, in the order of the vocabulary. */
static const char *const organisation_patterns[][ORGANISATIONS_PER_TYPE] = {
  { "Ministry of Justice (%s)", "Ministry of Foreign Affairs (%s)" },
  { "National Mechanism for Reporting and Follow-up (%s)", "Inter-ministerial Committee (%s)" },
  { "National Assembly (%s)", "Senate (%s)" },
  { "Supreme Court (%s)", "Council of the Judiciary (%s)" },
  { "National Human Rights Commission (%s)", "Office of the Ombudsperson (%s)" },
  { "Women's Rights Network (%s)", "Youth for Human Rights (%s)" },
  { "UNDP (%s)", "UNICEF (%s)" },
  { "Embassy of Switzerland (%s)", "Embassy of Sweden (%s)" },
  { "Faculty of Law, National University (%s)", "Centre for Human Rights Studies (%s)" },
  { "Community Radio (%s)", "National Daily (%s)" },
  { "Chamber of Commerce (%s)", "Employers' Federation (%s)" },
  { "Council of Traditional Leaders (%s)", "Interfaith Council (%s)" },
};

static const char *const kinds[] = {
  "consultation", "implementation-planning", "mid-term-review", "training", "side-event",
};

static const char *const kind_titles[] = {
  "National consultation", "Implementation planning workshop", "Mid-term review",
  "Training on the UPR", "Side event",
};

typedef struct
{
  UprStore   *store;
  GRand      *rand;
  GPtrArray  *organisation_ids; /* per country: ids of its organisations, in order */
  guint       n_people;
} Bench;

static gboolean
parse_count (const char *text,
             guint64     minimum,
             guint64    *out)
{
  g_autoptr(GError) error = NULL;

  return g_ascii_string_to_unsigned (text, 10, minimum, G_MAXINT, out, &error);
}

static const char *
pick (GRand             *rand,
      const char *const *items,
      guint              n_items)
{
  return items[g_rand_int_range (rand, 0, (gint32) n_items)];
}

/* @weights: percentages that add up to 100, one per item. */
static const char *
pick_weighted (GRand             *rand,
               const char *const *items,
               const int         *weights,
               guint              n_items)
{
  int roll = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < n_items; i++)
    {
      if (roll < weights[i])
        return items[i];
      roll -= weights[i];
    }
  return items[n_items - 1];
}

static gboolean
create_organisations (Bench   *bench,
                      GError **error)
{
  guint n_types;

  upr_vocab_entries (UPR_VOCAB_STAKEHOLDER_TYPE, &n_types);
  g_assert (n_types == G_N_ELEMENTS (organisation_patterns));

  for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
    {
      GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (bench->organisation_ids, ids);
      for (guint t = 0; t < n_types; t++)
        for (guint k = 0; k < ORGANISATIONS_PER_TYPE; k++)
          {
            g_autoptr(UprOrganisation) organisation = upr_organisation_new ();
            g_autofree char *name = NULL;

            name = g_strdup_printf (organisation_patterns[t][k], countries[c]);
            g_object_set (organisation,
                          "name", name,
                          "stakeholder-type", upr_vocab_id_at (UPR_VOCAB_STAKEHOLDER_TYPE, (int) t),
                          "country-code", countries[c],
                          NULL);
            if (!upr_store_save (bench->store, UPR_RECORD (organisation), error))
              return FALSE;
            g_ptr_array_add (ids, g_strdup (upr_record_get_id (UPR_RECORD (organisation))));
          }
    }
  return TRUE;
}

static char *
create_workshop (Bench   *bench,
                 guint    index,
                 GError **error)
{
  g_autoptr(UprWorkshop) workshop = upr_workshop_new ();
  guint kind = (guint) g_rand_int_range (bench->rand, 0, G_N_ELEMENTS (kinds));
  int year = g_rand_int_range (bench->rand, 2012, 2026);
  g_autofree char *title = g_strdup_printf ("%s %u", kind_titles[kind], index + 1);
  g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", year,
                                           g_rand_int_range (bench->rand, 1, 13),
                                           g_rand_int_range (bench->rand, 1, 29));

  g_object_set (workshop,
                "country-code", countries[index % G_N_ELEMENTS (countries)],
                "title", title,
                "kind", kinds[kind],
                "cycle", year < 2017 ? 2 : year < 2022 ? 3 : 4,
                "start-date", date,
                "end-date", date,
                "start-time", "09:00",
                "end-time", "17:00",
                "venue", "Conference room",
                "languages", "English, French",
                "organisers", "UPR Info",
                NULL);
  if (!upr_store_save (bench->store, UPR_RECORD (workshop), error))
    return NULL;
  return g_strdup (upr_record_get_id (UPR_RECORD (workshop)));
}

static UprPerson *
make_person (Bench     *bench,
             GPtrArray *organisation_ids)
{
  static const char *const genders[] = {
    "woman", "man", "non-binary", "self-described", "prefer-not-to-say", NULL,
  };
  static const int gender_weights[] = { 46, 48, 1, 1, 3, 1 };
  static const char *const consents[] = { "none", "records", "reports", "public" };
  UprPerson *person = upr_person_new ();
  const char *first = pick (bench->rand, first_names, G_N_ELEMENTS (first_names));
  const char *last = pick (bench->rand, last_names, G_N_ELEMENTS (last_names));
  g_autofree char *name = g_strdup_printf ("%s %s", first, last);
  g_autofree char *email = g_ascii_strdown (name, -1);
  g_autofree char *address = NULL;
  const char *organisation_id = NULL;

  g_strdelimit (email, " ", '.');
  address = g_strdup_printf ("%s.%u@example.org", email, bench->n_people++);
  if (g_rand_int_range (bench->rand, 0, 100) >= 3)
    organisation_id = g_ptr_array_index (organisation_ids,
                                         g_rand_int_range (bench->rand, 0,
                                                           (gint32) organisation_ids->len));
  g_object_set (person,
                "name", name,
                "gender", pick_weighted (bench->rand, genders, gender_weights,
                                         G_N_ELEMENTS (genders)),
                "organisation-id", organisation_id,
                "position", pick (bench->rand, positions, G_N_ELEMENTS (positions)),
                "email", address,
                "consent-scope", pick (bench->rand, consents, G_N_ELEMENTS (consents)),
                NULL);
  return person;
}

static gboolean
create_attendance (Bench      *bench,
                   const char *workshop_id,
                   guint       workshop_index,
                   GError    **error)
{
  static const char *const registrations[] = { "attended", "registered", "invited", "absent" };
  static const int registration_weights[] = { 80, 8, 6, 6 };
  GPtrArray *organisation_ids =
    g_ptr_array_index (bench->organisation_ids, workshop_index % G_N_ELEMENTS (countries));
  g_autoptr(UprPerson) person = make_person (bench, organisation_ids);
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  const char *registration = pick_weighted (bench->rand, registrations, registration_weights,
                                            G_N_ELEMENTS (registrations));

  g_object_set (attendance,
                "workshop-id", workshop_id,
                "registration", registration,
                "mode", g_rand_int_range (bench->rand, 0, 5) == 0 ? "online" : "in-person",
                "days-attended", g_str_equal (registration, "attended") ? 1 : 0,
                NULL);
  return upr_store_save_participant (bench->store, person, attendance, error);
}

static gboolean
fill (Bench   *bench,
      guint    n_workshops,
      guint    n_attendances,
      guint    big_size,
      GError **error)
{
  g_autoptr(GPtrArray) workshop_ids = g_ptr_array_new_with_free_func (g_free);

  if (!create_organisations (bench, error))
    return FALSE;
  for (guint i = 0; i < n_workshops; i++)
    {
      char *id = create_workshop (bench, i, error);

      if (id == NULL)
        return FALSE;
      g_ptr_array_add (workshop_ids, id);
    }
  for (guint i = 0; i < n_attendances; i++)
    {
      guint w = i < big_size ? 0 : (guint) g_rand_int_range (bench->rand, 1, (gint32) n_workshops);

      if (!create_attendance (bench, g_ptr_array_index (workshop_ids, w), w, error))
        return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprStore) store = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint64 n_workshops, n_attendances, big_size;
  Bench bench = { 0 };
  gboolean ok;

  if (argc != 5 || !parse_count (argv[2], 1, &n_workshops)
      || !parse_count (argv[3], 0, &n_attendances) || !parse_count (argv[4], 0, &big_size)
      || big_size > n_attendances || (n_workshops == 1 && big_size < n_attendances))
    {
      g_printerr ("Usage: %s DBPATH N_WORKSHOPS N_ATTENDANCES BIG_WORKSHOP_SIZE\n"
                  "(BIG_WORKSHOP_SIZE <= N_ATTENDANCES; with one workshop, all attendances "
                  "are in it)\n",
                  argv[0]);
      return 2;
    }

  store = upr_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* Always the same data: into a new database only. */
  if (upr_store_count_workshops (store, &error) != 0)
    {
      g_printerr ("%s: %s\n", argv[1],
                  error != NULL ? error->message : "already has workshops; give a new file");
      return 1;
    }
  upr_store_set_officer (store, "bench-data");

  bench.store = store;
  bench.rand = g_rand_new_with_seed (SEED);
  bench.organisation_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  ok = upr_store_begin (store, &error)
       && fill (&bench, (guint) n_workshops, (guint) n_attendances, (guint) big_size, &error)
       && upr_store_commit (store, &error);
  if (!ok)
    upr_store_rollback (store);
  g_rand_free (bench.rand);
  g_ptr_array_unref (bench.organisation_ids);
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s: %u workshops, %u attendances (%u in the first) in %.2f s\n", argv[1],
           (guint) n_workshops, (guint) n_attendances, (guint) big_size,
           g_timer_elapsed (timer, NULL));
  return 0;
}
