/* bench-recommendations.c: the implementation matrix at full size (a developer tool, not part
 * of Upright): 40,000 recommendations across 190 countries and 4 cycles, written through the
 * store's API in one transaction, then the timings of what the matrix and the overview ask.
 *
 *   bench-recommendations [DBPATH] [N_RECOMMENDATIONS]
 *
 * Without DBPATH a temporary database is used and removed. Countries get unequal shares
 * (1/sqrt of their rank) so that the largest has about 1,500 recommendations. A fixed seed
 * makes every run write the same data. Prints timings; asserts only that the data is there. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/resource.h>

#include "upr-assessment.h"
#include "upr-country.h"
#include "upr-fold.h"
#include "upr-organisation.h"
#include "upr-progress-update.h"
#include "upr-recommendation.h"
#include "upr-recommendation-row.h"
#include "upr-review.h"
#include "upr-store.h"
#include "upr-term.h"
#include "upr-vocab.h"

#define SEED 20240404
#define N_COUNTRIES 190
#define N_CYCLES 4
#define ORGANISATIONS_PER_COUNTRY 6

static const char *const verbs[] = {
  "Continue its efforts to", "Consider ratifying and implementing", "Take effective measures to",
  "Adopt legislation to", "Strengthen the capacity of the national institutions to",
  "Ensure that all allegations are investigated in order to", "Intensify its efforts to",
  "Envisager de ratifier et de mettre en œuvre", "Poursuivre ses efforts pour",
  "Adopter une loi visant à", "Garantir l’accès de tous à", "Renforcer les mécanismes pour",
};

static const char *const objects[] = {
  "combat violence against women and girls, including domestic violence and marital rape",
  "guarantee freedom of expression, of association and of peaceful assembly for journalists "
  "and human rights defenders",
  "improve conditions of detention and reduce pre-trial detention",
  "abolish the death penalty and accede to the Second Optional Protocol to the ICCPR",
  "ensure access to quality education for all children, in particular girls in rural areas",
  "eliminate child labour and the worst forms of child labour",
  "lutter contre la traite des êtres humains et protéger les victimes",
  "garantir l’indépendance du pouvoir judiciaire et l’accès à la justice",
  "réformer le code pénal afin d’ériger la torture en infraction distincte",
  "protéger les droits des personnes handicapées et leur inclusion dans la société",
  "establish a national mechanism for implementation, reporting and follow-up",
  "align the national human rights institution fully with the Paris Principles",
};

static const char *const qualifiers[] = {
  "", ", in line with its international obligations",
  ", with the participation of civil society", ", and allocate adequate resources to that end",
  ", conformément aux recommandations des organes conventionnels",
  ", en particulier dans les zones rurales",
};

static const char *const responses[] = { "supported", "supported", "supported", "noted",
                                         "supported-in-part", "pending" };
static const char *const statuses[] = { "not-started", "in-progress", "partially-implemented",
                                        "implemented", "not-applicable" };
static const char *const levels[] = { "not-implemented", "partially-implemented",
                                      "fully-implemented" };
static const char *const sources[] = { "government", "nhri", "cso", "un" };

typedef struct
{
  GRand      *rand;
  UprStore   *store;
  GPtrArray  *countries; /* codes */
  GPtrArray  *terms;     /* term ids of the three vocabularies */
  const char *largest;
} Bench;

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static long
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

static const char *
pick (Bench              *bench,
      const char * const *array,
      guint               n)
{
  return array[g_rand_int_range (bench->rand, 0, (gint32) n)];
}

#define PICK(bench, array) pick ((bench), (array), G_N_ELEMENTS (array))

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s: %s", what, error != NULL ? error->message : "failed");
}

static void
load_reference (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) countries = upr_store_list_countries (bench->store, &error);
  g_autoptr(GListModel) terms = upr_store_list_terms (bench->store, NULL, &error);

  check (countries != NULL && terms != NULL, error, "reference data");
  bench->countries = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_COUNTRIES; i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (countries, i);

      g_ptr_array_add (bench->countries, g_strdup (upr_country_get_code (country)));
    }
  bench->terms = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(UprTerm) term = g_list_model_get_item (terms, i);

      if (!g_str_equal (upr_term_get_scheme (term), "sdg"))
        g_ptr_array_add (bench->terms, g_strdup (upr_term_get_id (term)));
    }
}

static char **
organisations_of (Bench      *bench,
                  const char *country)
{
  static const char *const names[] = {
    "Ministère de la Justice", "Ministry of Foreign Affairs", "National Human Rights Commission",
    "Parliament", "Coalition des ONG des droits de l’homme", "UNICEF",
  };
  char **ids = g_new0 (char *, ORGANISATIONS_PER_COUNTRY + 1);

  for (guint i = 0; i < ORGANISATIONS_PER_COUNTRY; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UprOrganisation) organisation = upr_organisation_new ();
      g_autofree char *name = g_strdup_printf ("%s (%s)", names[i], country);

      g_object_set (organisation, "name", name, "country-code", country, NULL);
      check (upr_store_save (bench->store, UPR_RECORD (organisation), &error), error,
             "organisation");
      ids[i] = g_strdup (upr_record_get_id (UPR_RECORD (organisation)));
    }
  return ids;
}

static void
add_history (Bench             *bench,
             UprRecommendation *recommendation,
             char             **organisations,
             int                year)
{
  const char *id = upr_record_get_id (UPR_RECORD (recommendation));
  guint n_updates = g_rand_int_range (bench->rand, 0, 100) < 30
                      ? (guint) g_rand_int_range (bench->rand, 1, 3) : 0;

  for (guint u = 0; u < n_updates; u++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UprProgressUpdate) update = upr_progress_update_new ();
      g_autofree char *date = g_strdup_printf ("%04d-%02d-15", year + 1 + (int) u,
                                               g_rand_int_range (bench->rand, 1, 13));

      g_object_set (update, "recommendation-id", id, "date", date,
                    "status", PICK (bench, statuses), "text", "Progress reported at the workshop",
                    "organisation-id", organisations[g_rand_int_range (bench->rand, 0, 6)], NULL);
      check (upr_store_add_progress_update (bench->store, update, &error), error, "update");
    }
  if (g_rand_int_range (bench->rand, 0, 100) < 10)
    for (guint s = 0; s < 2; s++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(UprAssessment) assessment = upr_assessment_new ();
        g_autofree char *date = g_strdup_printf ("%04d-06-30", year + 2);

        g_object_set (assessment, "recommendation-id", id, "source", PICK (bench, sources),
                      "level", PICK (bench, levels), "date", date, NULL);
        check (upr_store_add_assessment (bench->store, assessment, &error), error, "assessment");
      }
}

static void
add_links (Bench             *bench,
           UprRecommendation *recommendation,
           char             **organisations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprRecommendationLinks) links = upr_recommendation_links_new ();
  guint n_states = (guint) g_rand_int_range (bench->rand, 1, 4);
  guint n_terms = (guint) g_rand_int_range (bench->rand, 1, 4);
  guint n_goals = (guint) g_rand_int_range (bench->rand, 0, 3);

  g_strfreev (links->states);
  g_strfreev (links->terms);
  g_strfreev (links->supporting);
  links->states = g_new0 (char *, n_states + 1);
  for (guint i = 0; i < n_states; i++)
    links->states[i] = g_strdup (g_ptr_array_index (bench->countries,
                                                    g_rand_int_range (bench->rand, 0,
                                                                      N_COUNTRIES)));
  links->terms = g_new0 (char *, n_terms + 1);
  for (guint i = 0; i < n_terms; i++)
    links->terms[i] = g_strdup (g_ptr_array_index (bench->terms,
                                                   g_rand_int_range (bench->rand, 0,
                                                                     (gint32) bench->terms->len)));
  for (guint i = 0; i < n_goals; i++)
    links->sdg_goals |= UPR_SDG_BIT (g_rand_int_range (bench->rand, 1, 18));
  links->supporting = g_new0 (char *, 2);
  links->supporting[0] = g_strdup (organisations[g_rand_int_range (bench->rand, 0, 6)]);
  check (upr_store_set_recommendation_links (bench->store,
                                             upr_record_get_id (UPR_RECORD (recommendation)),
                                             links, &error),
         error, "links");
}

static void
add_recommendation (Bench      *bench,
                    UprReview  *review,
                    guint       number,
                    char      **organisations,
                    int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UprRecommendation) recommendation = upr_recommendation_new ();
  g_autofree char *paragraph = g_strdup_printf ("%d.%u", 100 + (int) number / 250,
                                                number % 250 + 1);
  g_autofree char *text = g_strdup_printf ("%s %s%s.", PICK (bench, verbs),
                                           PICK (bench, objects), PICK (bench, qualifiers));

  g_object_set (recommendation,
                "review-id", upr_record_get_id (UPR_RECORD (review)),
                "paragraph", paragraph,
                "text", text,
                "response", PICK (bench, responses),
                "action-category", g_rand_int_range (bench->rand, 0, 6),
                "status", PICK (bench, statuses),
                "lead-organisation-id", organisations[g_rand_int_range (bench->rand, 0, 6)],
                NULL);
  check (upr_store_save (bench->store, UPR_RECORD (recommendation), &error), error,
         "recommendation");
  add_links (bench, recommendation, organisations);
  add_history (bench, recommendation, organisations, year);
}

/* Country i gets a share 1/sqrt(i + 1) of the recommendations, spread over its 4 reviews. */
static void
generate (Bench *bench,
          guint  n_recommendations)
{
  g_autoptr(GError) error = NULL;
  double weights = 0;
  guint written = 0;

  for (guint i = 0; i < N_COUNTRIES; i++)
    weights += 1 / sqrt (i + 1);
  check (upr_store_begin (bench->store, &error), error, "begin");
  for (guint i = 0; i < N_COUNTRIES; i++)
    {
      const char *code = g_ptr_array_index (bench->countries, i);
      g_auto(GStrv) organisations = organisations_of (bench, code);
      guint share = i + 1 == N_COUNTRIES ? n_recommendations - written
                                         : (guint) (n_recommendations / sqrt (i + 1) / weights);

      for (guint cycle = 0; cycle < N_CYCLES; cycle++)
        {
          /* Sessions 1–12, 13–26, 27–40, 41–54: one review per cycle. */
          static const int first_session[] = { 1, 13, 27, 41 };
          int session = first_session[cycle] + (int) (i % 12);
          int year = 2008 + 5 * (int) cycle;
          g_autoptr(UprReview) review = upr_store_ensure_review (bench->store, code, session,
                                                                 &error);
          guint n = share / N_CYCLES + (cycle < share % N_CYCLES ? 1 : 0);

          check (review != NULL, error, "review");
          for (guint r = 0; r < n; r++)
            add_recommendation (bench, review, r, organisations, year);
        }
      written += share;
    }
  check (upr_store_commit (bench->store, &error), error, "commit");
  bench->largest = g_ptr_array_index (bench->countries, 0);
}

static GListModel *
timed_list (Bench      *bench,
            const char *country,
            const char *label)
{
  g_autoptr(GError) error = NULL;
  double start = now_s ();
  GListModel *rows = upr_store_list_recommendations (bench->store, country, 0, &error);

  check (rows != NULL, error, "list");
  g_print ("list %-24s %6u rows  %7.1f ms\n", label, g_list_model_get_n_items (rows),
           (now_s () - start) * 1000);
  return rows;
}

/* What a custom GtkFilter over the rows' folded search keys does per keystroke. */
static void
timed_filter (GListModel *rows,
              const char *query)
{
  g_autofree char *folded = upr_fold (query);
  double start = now_s ();
  guint n = g_list_model_get_n_items (rows);
  guint matches = 0;

  for (guint i = 0; i < n; i++)
    {
      UprRecommendationRow *row = g_list_model_get_item (rows, i);

      matches += upr_fold_match (upr_recommendation_row_get_search_key (row), folded);
      g_object_unref (row);
    }
  g_print ("filter %6u rows by %-14s %6u match  %6.1f ms\n", n, query, matches,
           (now_s () - start) * 1000);
}

static int
compare_text (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (upr_recommendation_row_get_text (*(UprRecommendationRow **) a),
                    upr_recommendation_row_get_text (*(UprRecommendationRow **) b));
}

static void
timed_sort (GListModel *rows)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  double start;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    g_ptr_array_add (array, g_list_model_get_item (rows, i));
  start = now_s ();
  g_ptr_array_sort (array, compare_text);
  g_print ("sort %6u rows by text                      %6.1f ms\n", array->len,
           (now_s () - start) * 1000);
}

static void
timed_counts (Bench *bench)
{
  static const UprCountBy bys[] = { UPR_COUNT_BY_RESPONSE, UPR_COUNT_BY_STATUS,
                                    UPR_COUNT_BY_ASSESSMENT, UPR_COUNT_BY_UHRI_THEME,
                                    UPR_COUNT_BY_SDG };
  const char *scopes[] = { bench->largest, NULL };

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      double start = now_s ();

      for (guint i = 0; i < G_N_ELEMENTS (bys); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) counts = upr_store_count_recommendations (bench->store, scopes[s], 0,
                                                                      bys[i], NULL, NULL,
                                                                      &error);

          check (counts != NULL, error, "counts");
        }
      g_print ("overview counts (5 kinds) for %-6s            %6.1f ms\n",
               scopes[s] != NULL ? scopes[s] : "all", (now_s () - start) * 1000);
      start = now_s ();
      for (int year = 2009; year <= 2024; year++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *date = g_strdup_printf ("%d-12-31", year);
          g_autoptr(GArray) counts = upr_store_count_recommendations (bench->store, scopes[s], 0,
                                                                      UPR_COUNT_BY_STATUS, date,
                                                                      NULL, &error);

          check (counts != NULL, error, "status as of");
        }
      g_print ("status as of 16 year-ends for %-6s            %6.1f ms\n",
               scopes[s] != NULL ? scopes[s] : "all", (now_s () - start) * 1000);
      start = now_s ();
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) counts = NULL;

        for (int year = 2009; year <= 2024; year++)
          g_ptr_array_add (days, g_strdup_printf ("%d-12-31", year));
        g_ptr_array_add (days, NULL);
        counts = upr_store_count_status_over_time (bench->store, scopes[s],
                                                   (const char * const *) days->pdata, &error);
        check (counts != NULL, error, "status over time");
      }
      g_print ("the same in one reading (overview's chart) %-6s %6.1f ms\n",
               scopes[s] != NULL ? scopes[s] : "all", (now_s () - start) * 1000);
    }
}

static void
timed_bulk (Bench      *bench,
            GListModel *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_auto(GStrv) changed = NULL;
  double start;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(UprRecommendationRow) row = g_list_model_get_item (rows, i);

      g_ptr_array_add (ids, (gpointer) upr_recommendation_row_get_id (row));
    }
  g_ptr_array_add (ids, NULL);
  {
    const char *one[] = { g_ptr_array_index (ids, 0), NULL };
    g_autoptr(GListModel) fresh = NULL;

    start = now_s ();
    fresh = upr_store_get_recommendation_rows (bench->store, one, &error);
    check (fresh != NULL && g_list_model_get_n_items (fresh) == 1, error, "row");
    g_print ("refresh one row after an edit                   %6.1f ms\n",
             (now_s () - start) * 1000);
  }
  start = now_s ();
  check (upr_store_bulk_set_cluster (bench->store, (const char * const *) ids->pdata,
                                     "Bench cluster", &changed, &error),
         error, "bulk");
  g_print ("bulk: set the cluster of %u rows               %6.1f ms\n", g_strv_length (changed),
           (now_s () - start) * 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint n_recommendations = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 40000;
  Bench bench = { 0 };
  double start;

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("upright-bench-XXXXXX", &error);
      check (dir != NULL, error, "temporary folder");
      path = g_build_filename (dir, "bench.db", NULL);
    }

  bench.rand = g_rand_new_with_seed (SEED);
  bench.store = upr_store_open (path, &error);
  check (bench.store != NULL, error, "open");
  upr_store_set_officer (bench.store, "Bench");
  load_reference (&bench);

  start = now_s ();
  generate (&bench, n_recommendations);
  g_print ("generate %u recommendations, %d countries, %d cycles: %.1f s (one transaction)\n",
           n_recommendations, N_COUNTRIES, N_CYCLES, now_s () - start);
  g_print ("peak memory after generating: %ld MiB\n", peak_rss_mib ());

  {
    g_autoptr(GListModel) largest = timed_list (&bench, bench.largest, bench.largest);
    g_autoptr(GListModel) again = timed_list (&bench, bench.largest, "(again, warm)");
    g_autoptr(GListModel) all = timed_list (&bench, NULL, "all");

    if (g_list_model_get_n_items (all) != n_recommendations)
      g_error ("%u rows listed, %u written", g_list_model_get_n_items (all), n_recommendations);
    g_print ("peak memory with both lists: %ld MiB\n", peak_rss_mib ());
    timed_filter (all, "j");
    timed_filter (all, "justice");
    timed_filter (all, "reforme code");
    timed_filter (all, "allemagne");
    timed_filter (largest, "e");
    timed_sort (all);
    timed_counts (&bench);
    timed_bulk (&bench, largest);
  }

  g_clear_object (&bench.store);
  g_ptr_array_unref (bench.countries);
  g_ptr_array_unref (bench.terms);
  g_rand_free (bench.rand);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_remove (path);
      g_rmdir (dir);
    }
  return 0;
}
