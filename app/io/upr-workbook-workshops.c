/* upr-workbook-workshops.c: the Workshops sheet (one row per workshop, with how many took
 * part), the Programme sheet (every workshop's programme, in order) and, in names mode only,
 * the Participants sheet: people who attended and consented to appear in reports, without
 * any contact detail. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-workbook-private.h"

typedef struct
{
  const char *title; /* NC_("workbook", …) */
  double      width;
} Heading;

/* A table's sheet: column widths, header row, frozen under it, print set-up. */
static lxw_worksheet *
add_table_sheet (UprWorkbookWriter *writer,
                 const char        *name,
                 const Heading     *headings,
                 guint              n_headings,
                 gboolean           wide,
                 GError           **error)
{
  lxw_worksheet *sheet = upr_writer_add_sheet (writer, upr_writer_label (writer, name), error);
  const char *titles[16];
  double widths[16];

  g_assert (n_headings <= G_N_ELEMENTS (titles));
  /* Room for the longer titles, wrapped; bold letters are wider. */
  for (guint c = 0; c < n_headings; c++)
    {
      titles[c] = upr_writer_label (writer, headings[c].title);
      widths[c] = headings[c].width * 0.85;
    }
  if (sheet == NULL
      || !upr_writer_fit_row (writer, sheet, 0, titles, widths, n_headings, error))
    return NULL;
  for (guint c = 0; c < n_headings; c++)
    if (!upr_writer_check (writer, worksheet_set_column (sheet, c, c, headings[c].width, NULL),
                           error)
        || !upr_writer_string (writer, sheet, 0, c, upr_writer_label (writer, headings[c].title),
                               writer->header, error))
      return NULL;
  worksheet_freeze_panes (sheet, 1, 0);
  if (!upr_writer_print_setup (writer, sheet, 0, wide, error))
    return NULL;
  return sheet;
}

/* The row's height for its wrapped texts (@texts in the order of @headings). */
static gboolean
fit (UprWorkbookWriter  *writer,
     lxw_worksheet      *sheet,
     lxw_row_t           row,
     const char * const *texts,
     const Heading      *headings,
     guint               n,
     GError            **error)
{
  double widths[16];

  g_assert (n <= G_N_ELEMENTS (widths));
  for (guint i = 0; i < n; i++)
    widths[i] = headings[i].width;
  return upr_writer_fit_row (writer, sheet, row, texts, widths, n, error);
}

static gboolean
finish_table (UprWorkbookWriter *writer,
              lxw_worksheet     *sheet,
              lxw_row_t          last_row,
              lxw_col_t          last_col,
              GError           **error)
{
  return upr_writer_check (writer, worksheet_autofilter (sheet, 0, 0, MAX (last_row, 1),
                                                         last_col),
                           error);
}

/* "2025-06-17 – 2025-06-18", or one date. */
static char *
dates_of (const UprSnapWorkshop *workshop)
{
  if (workshop->start_date == NULL)
    return g_strdup (workshop->end_date);
  if (workshop->end_date == NULL || g_str_equal (workshop->start_date, workshop->end_date))
    return g_strdup (workshop->start_date);
  return g_strdup_printf ("%s – %s", workshop->start_date, workshop->end_date);
}

/* Workshops */

static const Heading workshop_headings[] = {
  { NC_("workbook", "State"), 16 },
  { NC_("workbook", "Workshop"), 40 },
  { NC_("workbook", "Kind"), 16 },
  { NC_("workbook", "Cycle"), 7 },
  { NC_("workbook", "Dates"), 12 },
  { NC_("workbook", "Venue"), 22 },
  { NC_("workbook", "Format"), 10 },
  { NC_("workbook", "Languages"), 14 },
  { NC_("workbook", "Organisers"), 24 },
  { NC_("workbook", "Partners"), 24 },
  { NC_("workbook", "Objectives"), 50 },
  { NC_("workbook", "Participants"), 12 },
  { NC_("workbook", "Women"), 9 },
  { NC_("workbook", "Men"), 9 },
  { NC_("workbook", "Other or not stated"), 12 },
};

static gboolean
write_workshop (UprWorkbookWriter     *writer,
                lxw_worksheet         *sheet,
                lxw_row_t              row,
                const UprSnapWorkshop *workshop,
                GError               **error)
{
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  g_autofree char *dates = dates_of (workshop);
  guint others = workshop->n_attended - workshop->n_women - workshop->n_men;
  /* Women, men and the others add up to the participants: upr_workbook_suppress () wants the
   * total last. */
  guint counts[4] = { workshop->n_women, workshop->n_men, others, workshop->n_attended };
  UprCountShown shown[4];
  /* In the order of workshop_headings; the cycle and the counts are numbers. */
  const char *texts[G_N_ELEMENTS (workshop_headings)] = {
    upr_snapshot_country (snapshot, workshop->country_code),
    workshop->title,
    upr_snapshot_vocab (snapshot, UPR_VOCAB_WORKSHOP_KIND, workshop->kind),
    NULL,
    dates,
    workshop->venue,
    upr_snapshot_vocab (snapshot, UPR_VOCAB_WORKSHOP_FORMAT, workshop->format),
    workshop->languages,
    workshop->organisers,
    workshop->partners,
    workshop->objectives,
  };
  gboolean ok = fit (writer, sheet, row, texts, workshop_headings,
                     G_N_ELEMENTS (workshop_headings), error);

  for (guint c = 0; ok && c <= 10; c++)
    ok = c == 3 || upr_writer_string (writer, sheet, row, c, texts[c], writer->wrap, error);
  ok = ok && (workshop->cycle > 0
                ? upr_writer_number (writer, sheet, row, 3, workshop->cycle, writer->number,
                                     error)
                : upr_writer_string (writer, sheet, row, 3, NULL, writer->number, error));
  upr_workbook_suppress (counts, 1, 4, TRUE, FALSE, shown);
  return ok
         && upr_writer_people_count (writer, sheet, row, 11, counts[3], shown[3],
                                     writer->number, error)
         && upr_writer_people_count (writer, sheet, row, 12, counts[0], shown[0],
                                     writer->number, error)
         && upr_writer_people_count (writer, sheet, row, 13, counts[1], shown[1],
                                     writer->number, error)
         && upr_writer_people_count (writer, sheet, row, 14, counts[2], shown[2],
                                     writer->number, error);
}

gboolean
upr_workbook_write_workshops (UprWorkbookWriter *writer,
                              GError           **error)
{
  GPtrArray *workshops = writer->snapshot->workshops;
  lxw_worksheet *sheet = add_table_sheet (writer, NC_("workbook", "Workshops"),
                                          workshop_headings,
                                          G_N_ELEMENTS (workshop_headings), TRUE, error);

  if (sheet == NULL)
    return FALSE;
  for (guint i = 0; i < workshops->len; i++)
    if (!write_workshop (writer, sheet, i + 1, g_ptr_array_index (workshops, i), error)
        || !upr_writer_advance (writer, 1, error))
      return FALSE;
  return finish_table (writer, sheet, workshops->len, G_N_ELEMENTS (workshop_headings) - 1,
                       error);
}

/* Programme */

static const Heading programme_headings[] = {
  { NC_("workbook", "Workshop"), 34 },
  { NC_("workbook", "Dates"), 12 },
  { NC_("workbook", "Time"), 7 },
  { NC_("workbook", "Minutes"), 8 },
  { NC_("workbook", "Item"), 44 },
  { NC_("workbook", "Role"), 13 },
  { NC_("workbook", "Speaker"), 26 },
  { NC_("workbook", "Institution"), 32 },
  { NC_("workbook", "Confirmed"), 11 },
};

static gboolean
write_item (UprWorkbookWriter       *writer,
            lxw_worksheet           *sheet,
            lxw_row_t                row,
            const UprSnapWorkshop   *workshop,
            const UprSnapAgendaItem *item,
            GError                 **error)
{
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  g_autofree char *dates = dates_of (workshop);
  /* In the order of programme_headings; the minutes are a number. */
  const char *texts[G_N_ELEMENTS (programme_headings)] = {
    workshop->title,
    dates,
    item->time,
    NULL,
    item->title,
    item->role != NULL ? upr_snapshot_vocab (snapshot, UPR_VOCAB_AGENDA_ROLE, item->role)
                       : NULL,
    item->speaker,
    upr_snapshot_organisation (snapshot, item->organisation_id),
    item->confirmed ? upr_writer_label (writer, NC_("workbook", "Yes"))
                    : upr_writer_label (writer, NC_("workbook", "To be confirmed")),
  };
  gboolean ok = fit (writer, sheet, row, texts, programme_headings,
                     G_N_ELEMENTS (programme_headings), error);

  for (guint c = 0; ok && c < G_N_ELEMENTS (texts); c++)
    ok = c == 3 || upr_writer_string (writer, sheet, row, c, texts[c],
                                      c == 2 ? writer->cell : writer->wrap, error);
  return ok
         && (item->duration_minutes > 0
               ? upr_writer_number (writer, sheet, row, 3, item->duration_minutes,
                                    writer->number, error)
               : upr_writer_string (writer, sheet, row, 3, NULL, writer->number, error));
}

gboolean
upr_workbook_write_programme (UprWorkbookWriter *writer,
                              GError           **error)
{
  GPtrArray *workshops = writer->snapshot->workshops;
  lxw_worksheet *sheet = add_table_sheet (writer, NC_("workbook", "Programme"),
                                          programme_headings,
                                          G_N_ELEMENTS (programme_headings), FALSE, error);
  lxw_row_t row = 1;

  if (sheet == NULL)
    return FALSE;
  for (guint i = 0; i < workshops->len; i++)
    {
      UprSnapWorkshop *workshop = g_ptr_array_index (workshops, i);

      for (guint j = 0; j < workshop->agenda->len; j++)
        if (!write_item (writer, sheet, row++, workshop, g_ptr_array_index (workshop->agenda, j),
                         error))
          return FALSE;
      if (!upr_writer_advance (writer, 1 + workshop->agenda->len, error))
        return FALSE;
    }
  return finish_table (writer, sheet, row - 1, G_N_ELEMENTS (programme_headings) - 1, error);
}

/* Participants (names mode) */

static const Heading participant_headings[] = {
  { NC_("workbook", "Workshop"), 34 },
  { NC_("workbook", "Dates"), 12 },
  { NC_("workbook", "Title"), 8 },
  { NC_("workbook", "Name"), 28 },
  { NC_("workbook", "Gender"), 12 },
  { NC_("workbook", "Institution"), 32 },
  { NC_("workbook", "Stakeholder type"), 22 },
  { NC_("workbook", "Position"), 28 },
  { NC_("workbook", "Attendance"), 12 },
  { NC_("workbook", "Days"), 7 },
};

static gboolean
write_participant (UprWorkbookWriter        *writer,
                   lxw_worksheet            *sheet,
                   lxw_row_t                 row,
                   const UprSnapParticipant *participant,
                   GError                  **error)
{
  const UprWorkbookSnapshot *snapshot = writer->snapshot;
  const UprSnapWorkshop *workshop = g_ptr_array_index (snapshot->workshops,
                                                       participant->workshop);
  g_autofree char *dates = dates_of (workshop);
  UprSnapOrganisation *organisation = participant->organisation_id != NULL
                                        ? g_hash_table_lookup (snapshot->organisations,
                                                               participant->organisation_id)
                                        : NULL;
  /* In the order of participant_headings; the days are a number. */
  const char *texts[G_N_ELEMENTS (participant_headings)] = {
    workshop->title,
    dates,
    participant->honorific,
    participant->name,
    participant->gender != NULL ? upr_snapshot_vocab (snapshot, UPR_VOCAB_GENDER,
                                                      participant->gender)
                                : NULL,
    organisation != NULL ? organisation->display : NULL,
    organisation != NULL ? upr_snapshot_vocab (snapshot, UPR_VOCAB_STAKEHOLDER_TYPE,
                                               organisation->stakeholder_type)
                         : NULL,
    participant->position,
    upr_snapshot_vocab (snapshot, UPR_VOCAB_ATTENDANCE_MODE, participant->mode),
    NULL,
  };
  gboolean ok = fit (writer, sheet, row, texts, participant_headings,
                     G_N_ELEMENTS (participant_headings), error);

  for (guint c = 0; ok && c < G_N_ELEMENTS (texts) - 1; c++)
    ok = upr_writer_string (writer, sheet, row, c, texts[c], writer->wrap, error);
  return ok
         && (participant->days_attended > 0
               ? upr_writer_number (writer, sheet, row, 9, participant->days_attended,
                                    writer->number, error)
               : upr_writer_string (writer, sheet, row, 9, NULL, writer->number, error));
}

gboolean
upr_workbook_write_participants (UprWorkbookWriter *writer,
                                 GError           **error)
{
  GPtrArray *participants = writer->snapshot->participants;
  lxw_worksheet *sheet = add_table_sheet (writer, NC_("workbook", "Participants"),
                                          participant_headings,
                                          G_N_ELEMENTS (participant_headings), FALSE, error);

  if (sheet == NULL)
    return FALSE;
  for (guint i = 0; i < participants->len; i++)
    if (!write_participant (writer, sheet, i + 1, g_ptr_array_index (participants, i), error)
        || !upr_writer_advance (writer, 1, error))
      return FALSE;
  return finish_table (writer, sheet, participants->len,
                       G_N_ELEMENTS (participant_headings) - 1, error);
}
