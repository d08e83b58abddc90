/* upr-types.h: forward declarations shared by every layer of Upright, so headers can name
 * each other's types without including each other. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* app/store/ */
typedef struct _UprStore        UprStore;
typedef struct _UprRecord       UprRecord;
typedef struct _UprCountry      UprCountry;
typedef struct _UprOrganisation UprOrganisation;
typedef struct _UprWorkshop     UprWorkshop;
typedef struct _UprAgendaItem   UprAgendaItem;
typedef struct _UprPerson       UprPerson;
typedef struct _UprAttendance   UprAttendance;
typedef struct _UprReview            UprReview;
typedef struct _UprRecommendation    UprRecommendation;
typedef struct _UprRecommendationRow UprRecommendationRow;
typedef struct _UprPlannedAction     UprPlannedAction;
typedef struct _UprIndicator         UprIndicator;
typedef struct _UprProgressUpdate    UprProgressUpdate;
typedef struct _UprAssessment        UprAssessment;

/* app/model/ */
typedef struct _UprContext         UprContext;
typedef struct _UprParticipant     UprParticipant;
typedef struct _UprParticipantList UprParticipantList;

G_END_DECLS
