/* upr-participant-filter.h: search-as-you-type over a workshop's participants.
 *
 * Each participant carries its searchable text folded once ("search-key"); the filter folds
 * the query once per change and tells the filter model whether the query only narrowed or
 * only widened, so a keystroke re-examines as few rows as possible (DESIGN.md §8). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPR_TYPE_PARTICIPANT_FILTER (upr_participant_filter_get_type ())
G_DECLARE_FINAL_TYPE (UprParticipantFilter, upr_participant_filter, UPR, PARTICIPANT_FILTER,
                      GtkFilter)

UprParticipantFilter *upr_participant_filter_new       (void);
/* "query": the text as typed; every word must occur in a participant's search key, in any
 * order, ignoring case and accents. Empty matches everyone. */
const char           *upr_participant_filter_get_query (UprParticipantFilter *self);
void                  upr_participant_filter_set_query (UprParticipantFilter *self,
                                                        const char           *query);

G_END_DECLS
