/* upr-participant-import-private.h: the names and values of participant lists
 * (upr-participant-import-values.c), shared with upr-participant-import.c. */
#pragma once

#include "upr-participant-import.h"

G_BEGIN_DECLS

/* How a header's column is read beyond its field. */
typedef enum
{
  UPR_HEADER_PLAIN,
  UPR_HEADER_TITLE,         /* "Title" / "Titre": an honorific or a position, by its values */
  UPR_HEADER_NAME,          /* "Name" / "Nom": the last name beside a first name, else full */
  UPR_HEADER_ORIGINAL_NAME, /* Zoom's "Name (Original Name)": "Current (Original)" */
} UprHeaderHint;

/* The unit of a duration column without one in its values ("Duration (Minutes)"). */
typedef enum
{
  UPR_DURATION_MINUTES,
  UPR_DURATION_SECONDS,
  UPR_DURATION_HOURS,
} UprDurationUnit;

/* Not a UPR_VOCAB_REGISTRATION id: the person withdrew or was refused (the row is skipped). */
#define UPR_PARTICIPANT_CANCELLED "cancelled"

UprParticipantField upr_participant_header_field   (const char      *header,
                                                    UprHeaderHint   *hint,
                                                    UprDurationUnit *unit);

/* Each returns a static id, or NULL when @text (not empty: the caller skips empty cells) is
 * not recognised. */
const char         *upr_participant_parse_gender       (const char *text);
const char         *upr_participant_parse_registration (const char *text);
const char         *upr_participant_parse_mode         (const char *text);
const char         *upr_participant_parse_stakeholder  (const char *text);
/* "yes"-like: 1, "no"-like: 0, not recognised: -1. */
int                 upr_participant_parse_yes_no       (const char *text);
/* An explicit consent: a UPR_VOCAB_CONSENT_SCOPE id when the cell names a scope ("reports",
 * "public"), "yes" for a plain yes (the scope is decided against what is stored), "none"
 * for a no; NULL when not recognised. */
const char         *upr_participant_parse_consent      (const char *text);
/* "1h 23m 10s", "1 h 23 min", "01:23:10", "83" (in @unit), "83,5"…; FALSE when not. */
gboolean            upr_participant_parse_duration     (const char     *text,
                                                        UprDurationUnit unit,
                                                        guint          *minutes);
gboolean            upr_participant_is_honorific       (const char *text);
/* Whether @text is what a meeting tool adds after a name ("Guest", "External",
 * "Unverified", "Invité", "Non vérifié"…), without its parentheses. */
gboolean            upr_participant_is_meeting_mark    (const char *text);
/* The first e-mail address of the cell ("a@b.org; c@d.org" gives the first), lower-cased
 * only when used as a key; NULL when none. */
char               *upr_participant_parse_email        (const char *text);

G_END_DECLS
