/* test-record.c: the table-driven records (upr-record.h) and their entities. */
#include "config.h"

#include "upr-agenda-item.h"
#include "upr-attendance.h"
#include "upr-organisation.h"
#include "upr-person.h"
#include "upr-workshop.h"

static void
test_defaults (void)
{
  g_autoptr(UprWorkshop) workshop = upr_workshop_new ();
  g_autoptr(UprAgendaItem) item = upr_agenda_item_new ();
  g_autoptr(UprPerson) person = upr_person_new ();
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  g_autoptr(UprOrganisation) organisation = upr_organisation_new ();
  g_autofree char *kind = NULL;
  int cycle = -1;
  gboolean confirmed = FALSE;

  g_assert_null (upr_record_get_id (UPR_RECORD (workshop)));
  g_assert_null (upr_record_get_created_at (UPR_RECORD (workshop)));
  g_assert_null (upr_record_get_updated_at (UPR_RECORD (workshop)));
  g_assert_null (upr_record_get_string (UPR_RECORD (workshop), "title"));

  g_object_get (workshop, "kind", &kind, "cycle", &cycle, NULL);
  g_assert_cmpstr (kind, ==, "consultation");
  g_assert_cmpint (cycle, ==, 0);
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (workshop), "format"), ==, "in-person");

  g_object_get (item, "confirmed", &confirmed, NULL);
  g_assert_true (confirmed);
  g_assert_cmpint (upr_record_get_int (UPR_RECORD (item), "position"), ==, 0);

  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (person), "consent-scope"), ==, "none");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (attendance), "registration"), ==,
                   "attended");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (attendance), "mode"), ==, "in-person");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (organisation), "stakeholder-type"), ==,
                   "other");

  /* A new record has nothing to save but its defaults. */
  g_assert_false (upr_record_has_changes (UPR_RECORD (workshop)));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  GPtrArray *names = user_data;

  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_properties (void)
{
  g_autoptr(UprWorkshop) workshop = upr_workshop_new ();
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  int cycle;

  g_signal_connect (workshop, "notify", G_CALLBACK (notify_cb), notified);

  g_object_set (workshop, "title", "National consultation", "cycle", 4, NULL);
  g_object_get (workshop, "title", &title, "cycle", &cycle, NULL);
  g_assert_cmpstr (title, ==, "National consultation");
  g_assert_cmpint (cycle, ==, 4);
  g_assert_cmpuint (notified->len, ==, 2);

  /* Setting the same value again notifies nobody (G_PARAM_EXPLICIT_NOTIFY). */
  g_object_set (workshop, "title", "National consultation", NULL);
  upr_record_set_int (UPR_RECORD (workshop), "cycle", 4);
  g_assert_cmpuint (notified->len, ==, 2);

  upr_record_set_string (UPR_RECORD (workshop), "venue", "Room XXII");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (workshop), "venue"), ==, "Room XXII");
  g_assert_cmpuint (notified->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (notified, 2), ==, "venue");

  /* "" and NULL are one value: "not filled in". */
  upr_record_set_string (UPR_RECORD (workshop), "venue", "");
  g_assert_null (upr_record_get_string (UPR_RECORD (workshop), "venue"));
  upr_record_set_string (UPR_RECORD (workshop), "venue", NULL);
  g_assert_cmpuint (notified->len, ==, 4);
}

static void
test_changes (void)
{
  g_autoptr(UprPerson) person = upr_person_new ();
  UprRecord *record = UPR_RECORD (person);
  g_autofree char *described = NULL;
  g_autofree char *after_clear = NULL;
  guint64 changes;

  upr_record_set_string (record, "name", "Amina Diallo");
  upr_record_set_string (record, "email", "amina@example.org");
  g_assert_true (upr_record_has_changes (record));
  described = upr_record_describe_changes (record);
  /* Field names only, never values: the change log must hold no personal data. */
  g_assert_cmpstr (described, ==, "name, email");
  g_assert_null (strstr (described, "Amina"));

  changes = upr_record_get_changes (record);
  upr_record_clear_changes (record);
  g_assert_false (upr_record_has_changes (record));
  after_clear = upr_record_describe_changes (record);
  g_assert_cmpstr (after_clear, ==, "");

  upr_record_set_changes (record, changes);
  g_assert_true (upr_record_has_changes (record));

  /* Setting a field to the value it already has is no change. */
  upr_record_clear_changes (record);
  upr_record_set_string (record, "name", "Amina Diallo");
  g_assert_false (upr_record_has_changes (record));
}

static void
test_copy (void)
{
  g_autoptr(UprAttendance) attendance = upr_attendance_new ();
  g_autoptr(UprRecord) copy = NULL;

  upr_record_set_string (UPR_RECORD (attendance), "workshop-id", "w-1");
  upr_record_set_string (UPR_RECORD (attendance), "mode", "online");
  upr_record_set_int (UPR_RECORD (attendance), "days-attended", 2);

  copy = upr_record_copy (UPR_RECORD (attendance));
  g_assert_true (UPR_IS_ATTENDANCE (copy));
  g_assert_true (copy != UPR_RECORD (attendance));
  g_assert_cmpstr (upr_record_get_string (copy, "workshop-id"), ==, "w-1");
  g_assert_cmpstr (upr_record_get_string (copy, "mode"), ==, "online");
  g_assert_cmpint (upr_record_get_int (copy, "days-attended"), ==, 2);

  /* The copy is independent of the original. */
  upr_record_set_string (copy, "mode", "in-person");
  g_assert_cmpstr (upr_record_get_string (UPR_RECORD (attendance), "mode"), ==, "online");
}

static void
test_field_tables (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (UPR_TYPE_WORKSHOP);
  UprRecordClass *record_class = UPR_RECORD_CLASS (klass);

  g_assert_cmpstr (record_class->table, ==, "workshop");
  g_assert_cmpstr (record_class->fields[0].name, ==, "id");
  g_assert_cmpstr (record_class->fields[1].name, ==, "created-at");
  g_assert_cmpstr (record_class->fields[2].name, ==, "updated-at");
  /* One property per field. */
  for (guint i = 0; i < record_class->n_fields; i++)
    g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass),
                                                    record_class->fields[i].name));
}

static void
test_range (void)
{
  g_autoptr(UprWorkshop) workshop = upr_workshop_new ();
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (workshop), "cycle");

  g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->minimum, ==, 0);
  g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->maximum, ==, 9);
  g_assert_true (G_PARAM_SPEC_INT (pspec)->maximum >= 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upright/record/defaults", test_defaults);
  g_test_add_func ("/upright/record/properties", test_properties);
  g_test_add_func ("/upright/record/changes", test_changes);
  g_test_add_func ("/upright/record/copy", test_copy);
  g_test_add_func ("/upright/record/field-tables", test_field_tables);
  g_test_add_func ("/upright/record/range", test_range);

  return g_test_run ();
}
