/* upr-vocab.c: ids and translatable labels of Upright's closed vocabularies. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-vocab.h"

static const UprVocabEntry workshop_kinds[] = {
  { "consultation", N_("Consultation") },
  { "implementation-planning", N_("Implementation planning") },
  { "mid-term-review", N_("Mid-term review") },
  { "training", N_("Training") },
  { "side-event", N_("Side event") },
  { "other", N_("Other") },
};

static const UprVocabEntry workshop_formats[] = {
  { "in-person", N_("In person") },
  { "online", N_("Online") },
  { "hybrid", N_("Hybrid") },
};

static const UprVocabEntry agenda_roles[] = {
  { "welcome", N_("Welcome") },
  { "moderation", N_("Moderation") },
  { "statement", N_("Statement") },
  { "presentation", N_("Presentation") },
  { "discussion", N_("Discussion") },
  { "break", N_("Break") },
};

static const UprVocabEntry genders[] = {
  { "woman", N_("Woman") },
  { "man", N_("Man") },
  { "non-binary", N_("Non-binary") },
  { "self-described", N_("Self-described") },
  { "prefer-not-to-say", N_("Prefer not to say") },
};

static const UprVocabEntry consent_scopes[] = {
  { "none", N_("No consent") },
  { "records", N_("Internal records only") },
  { "reports", N_("Name may appear in reports") },
  { "public", N_("Name may be published") },
};

static const UprVocabEntry registrations[] = {
  { "invited", N_("Invited") },
  { "registered", N_("Registered") },
  { "attended", N_("Attended") },
  { "absent", N_("Absent") },
};

static const UprVocabEntry attendance_modes[] = {
  { "in-person", N_("In person") },
  { "online", N_("Online") },
};

static const UprVocabEntry stakeholder_types[] = {
  { "government", N_("Government ministry or agency") },
  { "nmirf", N_("National mechanism (NMIRF)") },
  { "parliament", N_("Parliament") },
  { "judiciary", N_("Judiciary") },
  { "nhri", N_("National human rights institution") },
  { "cso", N_("Civil society organisation") },
  { "un", N_("UN agency") },
  { "embassy", N_("Embassy of a recommending State") },
  { "academia", N_("Academia") },
  { "media", N_("Media") },
  { "private-sector", N_("Private sector") },
  { "other", N_("Other") },
};

static const UprVocabEntry un_groups[] = {
  { "african", N_("African States") },
  { "asia-pacific", N_("Asia-Pacific States") },
  { "eastern-european", N_("Eastern European States") },
  { "grulac", N_("Latin American and Caribbean States") },
  { "weog", N_("Western European and other States") },
};

/* The State's position on a recommendation (UPR Info: "Accepted" in legacy exports is
 * Supported; a voluntary pledge is a flag of the recommendation, not a response). */
static const UprVocabEntry responses[] = {
  { "supported", N_("Supported") },
  { "supported-in-part", N_("Supported in part") },
  { "noted", N_("Noted") },
  { "pending", N_("Pending") },
};

static const UprVocabEntry implementation_statuses[] = {
  { "not-started", N_("Not started") },
  { "in-progress", N_("In progress") },
  { "partially-implemented", N_("Partially implemented") },
  { "implemented", N_("Implemented") },
  { "not-applicable", N_("Not applicable") },
};

/* UPR Info's assessment levels, from the least to the most implemented. */
static const UprVocabEntry assessment_levels[] = {
  { "not-implemented", N_("Not implemented") },
  { "partially-implemented", N_("Partially implemented") },
  { "fully-implemented", N_("Fully implemented") },
};

static const UprVocabEntry assessment_sources[] = {
  { "government", N_("Government") },
  { "nhri", N_("National human rights institution") },
  { "cso", N_("Civil society") },
  { "un", N_("United Nations") },
};

/* UPR Info's action categories (Database_Action_Category), by the first verb(s). */
static const UprVocabEntry action_categories[] = {
  { "1", N_("1 – Minimal action") },
  { "2", N_("2 – Continuing action") },
  { "3", N_("3 – Considering action") },
  { "4", N_("4 – General action") },
  { "5", N_("5 – Specific action") },
};

static const UprVocabEntry priorities[] = {
  { "high", N_("High") },
  { "medium", N_("Medium") },
  { "low", N_("Low") },
};

static const UprVocabEntry action_statuses[] = {
  { "planned", N_("Planned") },
  { "in-progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "cancelled", N_("Cancelled") },
};

static const UprVocabEntry term_schemes[] = {
  { "uhri-theme", N_("Theme (OHCHR)") },
  { "uhri-group", N_("Group of persons (OHCHR)") },
  { "uprinfo-issue", N_("Issue (UPR Info)") },
  { "sdg", N_("Sustainable Development Goal") },
};

#define VOCAB(array) { array, G_N_ELEMENTS (array) }

static const struct
{
  const UprVocabEntry *entries;
  guint                n_entries;
} vocabs[UPR_N_VOCABS] = {
  [UPR_VOCAB_WORKSHOP_KIND] = VOCAB (workshop_kinds),
  [UPR_VOCAB_WORKSHOP_FORMAT] = VOCAB (workshop_formats),
  [UPR_VOCAB_AGENDA_ROLE] = VOCAB (agenda_roles),
  [UPR_VOCAB_GENDER] = VOCAB (genders),
  [UPR_VOCAB_CONSENT_SCOPE] = VOCAB (consent_scopes),
  [UPR_VOCAB_REGISTRATION] = VOCAB (registrations),
  [UPR_VOCAB_ATTENDANCE_MODE] = VOCAB (attendance_modes),
  [UPR_VOCAB_STAKEHOLDER_TYPE] = VOCAB (stakeholder_types),
  [UPR_VOCAB_UN_GROUP] = VOCAB (un_groups),
  [UPR_VOCAB_RESPONSE] = VOCAB (responses),
  [UPR_VOCAB_IMPLEMENTATION_STATUS] = VOCAB (implementation_statuses),
  [UPR_VOCAB_ASSESSMENT_LEVEL] = VOCAB (assessment_levels),
  [UPR_VOCAB_ASSESSMENT_SOURCE] = VOCAB (assessment_sources),
  [UPR_VOCAB_ACTION_CATEGORY] = VOCAB (action_categories),
  [UPR_VOCAB_PRIORITY] = VOCAB (priorities),
  [UPR_VOCAB_ACTION_STATUS] = VOCAB (action_statuses),
  [UPR_VOCAB_TERM_SCHEME] = VOCAB (term_schemes),
};

const UprVocabEntry *
upr_vocab_entries (UprVocab vocab,
                   guint   *n_entries)
{
  g_return_val_if_fail (vocab < UPR_N_VOCABS, NULL);

  if (n_entries != NULL)
    *n_entries = vocabs[vocab].n_entries;
  return vocabs[vocab].entries;
}

int
upr_vocab_index (UprVocab    vocab,
                 const char *id)
{
  g_return_val_if_fail (vocab < UPR_N_VOCABS, -1);

  if (id == NULL)
    return -1;
  for (guint i = 0; i < vocabs[vocab].n_entries; i++)
    if (g_str_equal (vocabs[vocab].entries[i].id, id))
      return (int) i;
  return -1;
}

const char *
upr_vocab_id_at (UprVocab vocab,
                 int      index)
{
  g_return_val_if_fail (vocab < UPR_N_VOCABS, NULL);

  if (index < 0 || (guint) index >= vocabs[vocab].n_entries)
    return NULL;
  return vocabs[vocab].entries[index].id;
}

/* An unknown id (from a newer version, say) is shown as it is rather than hidden. */
const char *
upr_vocab_label (UprVocab    vocab,
                 const char *id)
{
  int index = upr_vocab_index (vocab, id);

  if (index < 0)
    return id != NULL ? id : "";
  return _(vocabs[vocab].entries[index].label);
}
