/* upr-participants-view.c: the Participants tab; see the header.
 *
 * The list is a chain declared in the template: selection → slots (fixed rows, see
 * upr-slots.h) → filter (UprParticipantFilter on the folded search key) → sort
 * (bound to the column view's sorter) → the workshop's UprParticipantList. Filtering above
 * sorting means a keystroke never re-sorts; the slots mean it never rebuilds a row that
 * stays. GTK 4.8 builds rows for 200 participants around the view, though: the slots are
 * told which rows show (from the scroll position), refresh those at once and the rest, and
 * any rows to build when the list grows back, over the next frames (see "Pacing" in
 * upr-slots.h).
 * Selection is kept by participant, not by row: after a search, a sort or an addition the
 * same person stays selected (or none), so Delete never removes someone else. */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "upr-context.h"
#include "upr-form.h"
#include "upr-list-export.h"
#include "upr-participant.h"
#include "upr-participant-editor.h"
#include "upr-participant-entry.h"
#include "upr-participant-filter.h"
#include "upr-participant-list.h"
#include "upr-participants-view.h"
#include "upr-record.h"
#include "upr-slots.h"
#include "upr-undo-bar.h"
#include "upr-vocab.h"
#include "upr-workshop.h"

struct _UprParticipantsView
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkLabel             *totals_label;
  GtkFlowBox           *stakeholder_box;
  UprParticipantEntry  *entry;
  GtkSearchEntry       *search_entry;
  GtkLabel             *shown_label;
  GtkStack             *stack;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  UprSlots             *slots;
  GtkFilterListModel   *filter_model;
  UprParticipantFilter *filter;
  GtkSortListModel     *sort_model;
  GtkLabel             *no_results_label;
  GtkLabel             *message;

  /* owned */
  UprContext           *context;
  UprWorkshop          *workshop;
  UprUndoBar           *undo_bar;
  UprParticipantList   *list;
  GtkStringList        *stakeholder_counts; /* one chip per stakeholder type present */
  UprParticipant       *scroll_target;      /* the row just added, to bring into view */
  UprParticipant       *selected;           /* followed when the rows change contents */
  gboolean              reselecting;
  gboolean              stale;              /* the list is loaded when next shown */
  gulong                counts_id;
  guint                 scroll_id;
  guint                 catch_up_id;        /* tick callback pacing the slots */
  gboolean              catch_up_later;     /* not in the frame that shows a change */
  guint                 fold_id;            /* idle folding search keys ahead */
  guint                 n_folded;
};

G_DEFINE_FINAL_TYPE (UprParticipantsView, upr_participants_view, GTK_TYPE_WIDGET)

/* Rows counted as in view beyond each edge of it. */
#define VIEW_MARGIN 4
/* The view until the list is first laid out: a tall window's worth of rows. */
#define GUESSED_VIEW 40

enum { PROP_0, PROP_CONTEXT, PROP_WORKSHOP, PROP_UNDO_BAR, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* What Undo needs after a participant was removed. */
typedef struct
{
  UprParticipantsView *view;
  UprParticipantList  *list;
  UprParticipant      *participant;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->view);
  g_object_unref (removal->list);
  g_object_unref (removal->participant);
  g_free (removal);
}

/* Helpers */

static void
show_message (UprParticipantsView *self,
              const char          *message)
{
  upr_form_show_error (NULL, self->message, message);
}

static guint
n_total (UprParticipantsView *self)
{
  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

static guint
n_shown (UprParticipantsView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

/* "32 participants · 14 women · 16 men · 2 other or not stated" */
static char *
describe_totals (UprParticipantsView *self)
{
  guint total = n_total (self);
  guint women = upr_participant_list_count_gender (self->list, "woman");
  guint men = upr_participant_list_count_gender (self->list, "man");
  guint others = total - women - men;
  guint attended = upr_participant_list_count_attended (self->list);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u participant",
                                             "%u participants", total), total);
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u woman", "%u women", women),
                          women);
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u man", "%u men", men), men);
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u other or not stated",
                                             "%u other or not stated", others), others);
  if (attended != total)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u attended",
                                                 "%u attended", attended), attended);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_chip (GPtrArray  *chips,
             const char *label,
             guint       count)
{
  if (count > 0)
    /* Translators: a stakeholder type and how many participants it has, e.g. "NHRI: 3". */
    g_ptr_array_add (chips, g_strdup_printf (_("%s: %u"), label, count));
}

static void
update_stakeholder_chips (UprParticipantsView *self)
{
  g_autoptr(GPtrArray) chips = g_ptr_array_new_with_free_func (g_free);
  const UprVocabEntry *entries;
  guint n_entries = 0;

  entries = upr_vocab_entries (UPR_VOCAB_STAKEHOLDER_TYPE, &n_entries);
  for (guint i = 0; self->list != NULL && i < n_entries; i++)
    append_chip (chips, upr_vocab_label (UPR_VOCAB_STAKEHOLDER_TYPE, entries[i].id),
                 upr_participant_list_count_stakeholder (self->list, entries[i].id));
  if (self->list != NULL)
    append_chip (chips, C_("stakeholder type", "Not recorded"),
                 upr_participant_list_count_stakeholder (self->list, NULL));
  g_ptr_array_add (chips, NULL);
  gtk_string_list_splice (self->stakeholder_counts, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->stakeholder_counts)),
                          (const char *const *) chips->pdata);
}

static void
update_counts (UprParticipantsView *self)
{
  g_autofree char *totals = self->list != NULL ? describe_totals (self) : NULL;

  gtk_label_set_text (self->totals_label, totals != NULL ? totals : "");
  update_stakeholder_chips (self);
}

static void
update_page (UprParticipantsView *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint total = n_total (self), shown = n_shown (self);
  g_autofree char *text = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    {
      /* Translators: %s is what was typed in the participant search. */
      text = g_strdup_printf (_("No participant matches “%s”."), query);
      gtk_label_set_text (self->no_results_label, text);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  g_clear_pointer (&text, g_free);
  if (query[0] != '\0' && total > 0)
    /* Translators: participants matching the search, out of all of them. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u shown", "%u of %u shown",
                                         total), shown, total);
  gtk_label_set_text (self->shown_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->shown_label), text != NULL);
}

static UprParticipant *
selected_participant (UprParticipantsView *self)
{
  UprSlot *slot = gtk_single_selection_get_selected_item (self->selection);

  return slot != NULL ? upr_slot_get_item (slot) : NULL;
}

static void
update_actions (UprParticipantsView *self)
{
  gboolean selected = selected_participant (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participants.delete", selected);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(); its inner list view has the action. */
static void
scroll_to_position (UprParticipantsView *self,
                    guint                position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Where @participant's row is, if it has one yet. */
static guint
shown_position (UprParticipantsView *self,
                UprParticipant      *participant)
{
  return upr_slots_find (self->slots, participant);
}

/* The rows kept their place but not their contents, or more rows came: select the same
 * person again (or no one, while they have no row). */
static void
follow_selected (UprParticipantsView *self)
{
  if (selected_participant (self) == self->selected)
    return;
  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, shown_position (self, self->selected));
  self->reselecting = FALSE;
}

static void
undo_removal (gpointer data)
{
  Removal *removal = data;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!upr_participant_list_restore (removal->list, removal->participant, &error))
    {
      show_message (removal->view, error->message);
      return;
    }
  position = shown_position (removal->view, removal->participant);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (removal->view->selection, position);
      scroll_to_position (removal->view, position);
    }
}

static void
remove_participant (UprParticipantsView *self,
                    UprParticipant      *participant)
{
  g_autoptr(UprParticipant) kept = g_object_ref (participant);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Removal *removal;

  if (!upr_participant_list_remove (self->list, participant, &error))
    {
      show_message (self, error->message);
      return;
    }
  show_message (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  if (self->undo_bar == NULL)
    return;

  removal = g_new0 (Removal, 1);
  removal->view = g_object_ref (self);
  removal->list = g_object_ref (self->list);
  removal->participant = g_steal_pointer (&kept);
  /* Translators: shown after a participant was removed from a workshop, with an Undo
   * button; %s is their name. */
  text = g_strdup_printf (_("%s removed from the participants"),
                          upr_participant_get_name (participant));
  upr_undo_bar_offer (self->undo_bar, text, undo_removal, NULL, removal, removal_free);
}

static void
open_editor (UprParticipantsView *self,
             UprParticipant      *participant)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  UprParticipantEditor *editor;

  if (participant == NULL || self->list == NULL)
    return;
  editor = upr_participant_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->context, self->workshop, self->list, participant);
  gtk_window_present (GTK_WINDOW (editor));
}

/* A participant's search key is folded when first searched: for 2,000 participants that
 * would make the first keystroke take 15 ms more. Fold them ahead, a few hundred at a time,
 * while the officer looks at the list. */
static gboolean
fold_keys_cb (gpointer user_data)
{
  UprParticipantsView *self = user_data;
  guint end = MIN (self->n_folded + 250, n_total (self));

  for (; self->n_folded < end; self->n_folded++)
    {
      g_autoptr(UprParticipant) participant =
        g_list_model_get_item (G_LIST_MODEL (self->list), self->n_folded);

      upr_participant_get_search_key (participant);
    }
  if (self->n_folded < n_total (self))
    return G_SOURCE_CONTINUE;
  self->fold_id = 0;
  return G_SOURCE_REMOVE;
}

static void
load_list (UprParticipantsView *self)
{
  g_autoptr(UprParticipantList) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = self->workshop != NULL ? upr_record_get_id (UPR_RECORD (self->workshop))
                                          : NULL;

  self->stale = FALSE;
  g_clear_object (&self->selected);
  if (self->list != NULL)
    g_clear_signal_handler (&self->counts_id, self->list);
  if (self->context != NULL && id != NULL)
    {
      list = upr_participant_list_new (self->context, id, &error);
      if (list == NULL)
        show_message (self, error->message);
    }
  g_set_object (&self->list, list);
  if (list != NULL)
    self->counts_id = g_signal_connect_swapped (list, "counts-changed",
                                                G_CALLBACK (update_counts), self);
  self->n_folded = 0;
  if (list != NULL && self->fold_id == 0)
    self->fold_id = g_idle_add_full (G_PRIORITY_LOW, fold_keys_cb, self, NULL);

  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (list));
  g_object_set (self->entry, "list", list, "workshop", self->workshop, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), list != NULL);
  update_counts (self);
  update_page (self);
  update_actions (self);
}

/* A workshop of 2,000 participants takes a tenth of a second to lay out; choosing a
 * workshop while another tab shows should not pay for it. */
static void
reload_when_shown (UprParticipantsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_list (self);
  else
    self->stale = TRUE;
}

/* Signal callbacks */

/* The page is updated here too: a query that changes no row ("cot" → "cote", both
 * matching no one) must still be the one quoted. */
static void
search_changed_cb (UprParticipantsView *self)
{
  upr_participant_filter_set_query (self->filter,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_page (self);
}

static void
search_stopped_cb (UprParticipantsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Also emitted while the template is torn down (the column view drops its sorter). */
static void
shown_changed_cb (UprParticipantsView *self)
{
  if (self->search_entry != NULL)
    update_page (self);
}

static void
selection_changed_cb (UprParticipantsView *self)
{
  if (self->selection == NULL)
    return;
  if (!self->reselecting)
    g_set_object (&self->selected, selected_participant (self));
  update_actions (self);
}

static void
slots_refilling_cb (UprParticipantsView *self)
{
  self->reselecting = TRUE;
}

static void
slots_refilled_cb (UprParticipantsView *self)
{
  if (self->selection != NULL)
    follow_selected (self);
  self->reselecting = FALSE;
  self->catch_up_later = TRUE;
}

static void
row_activated_cb (UprParticipantsView *self,
                  guint                position)
{
  g_autoptr(UprSlot) slot = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (slot != NULL)
    open_editor (self, upr_slot_get_item (slot));
}

/* While rows are still being added, the new one may not have its row yet: the next frame
 * that adds rows tries again. */
static void
scroll_to_target (UprParticipantsView *self)
{
  guint position = shown_position (self, self->scroll_target);

  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to_position (self, position);
  if (position != GTK_INVALID_LIST_POSITION || upr_slots_get_pending (self->slots) == 0)
    g_clear_object (&self->scroll_target);
}

static gboolean
scroll_to_added_cb (gpointer user_data)
{
  UprParticipantsView *self = user_data;

  self->scroll_id = 0;
  scroll_to_target (self);
  return G_SOURCE_REMOVE;
}

static gboolean
catch_up_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  UprParticipantsView *self = user_data;

  if (self->catch_up_later)
    {
      self->catch_up_later = FALSE;
      return G_SOURCE_CONTINUE;
    }
  upr_slots_catch_up (self->slots);
  follow_selected (self);
  if (self->scroll_target != NULL && self->scroll_id == 0)
    scroll_to_target (self);
  if (upr_slots_get_pending (self->slots) > 0)
    return G_SOURCE_CONTINUE;
  self->catch_up_id = 0;
  return G_SOURCE_REMOVE;
}

/* Also emitted while the template is torn down. */
static void
slots_pending_cb (UprParticipantsView *self)
{
  if (self->column_view != NULL && self->catch_up_id == 0
      && upr_slots_get_pending (self->slots) > 0)
    self->catch_up_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                      catch_up_tick_cb, self, NULL);
}

/* Which rows show, from the scroll position (rows are all one line high), with a few more
 * on each side. Emitted as the list is laid out; an empty list keeps the last view. */
static void
view_moved_cb (UprParticipantsView *self)
{
  GtkAdjustment *adjustment;
  double row_height, top, bottom;
  guint n_rows, first, last;

  if (self->column_view == NULL || self->slots == NULL)
    return;
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->slots));
  if (n_rows == 0 || gtk_adjustment_get_upper (adjustment) <= 0)
    return;
  row_height = gtk_adjustment_get_upper (adjustment) / n_rows;
  top = gtk_adjustment_get_value (adjustment);
  bottom = top + gtk_adjustment_get_page_size (adjustment);
  first = (guint) floor (top / row_height);
  last = (guint) ceil (bottom / row_height);
  first = first > VIEW_MARGIN ? first - VIEW_MARGIN : 0;
  upr_slots_set_view (self->slots, first, last + VIEW_MARGIN - first);
}

/* The new row shows once the list has laid it out; typing goes on in the entry row. */
static void
participant_added_cb (UprParticipantsView *self,
                      UprParticipant      *participant)
{
  g_set_object (&self->scroll_target, participant);
  if (self->scroll_id == 0)
    self->scroll_id = g_idle_add_full (G_PRIORITY_LOW, scroll_to_added_cb, self, NULL);
}

/* Cells are made in C rather than from a builder template: building a cell from a
 * GtkBuilderListItemFactory template costs several times more, and a sort or a new
 * workshop builds every visible cell at once. Cells show their slot's participant. */
static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UprParticipantsView      *self)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 6);
  gtk_list_item_set_child (item, cell);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UprParticipantsView      *self)
{
  upr_slot_cell_unbind (item);
}

/* The participant's properties the cells show: a slot tells its cells when one of them
 * changes (see upr_slots_set_item_properties()). */
static const char *const shown_properties[] = {
  "name", "organisation-name", "stakeholder-label", "gender-label", "registration-label",
  "mode-label", NULL,
};

/* @property: which one (a static string). */
static void
fill_cell (GtkWidget *cell,
           gpointer   participant,
           gpointer   property)
{
  g_autofree char *text = NULL;

  if (participant != NULL)
    g_object_get (participant, property, &text, NULL);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

#define CELL_BINDER(column, property)                          \
  static void                                                  \
  column##_bind_cb (GtkSignalListItemFactory *factory,         \
                    GtkListItem              *item,            \
                    UprParticipantsView      *self)            \
  {                                                            \
    upr_slot_cell_bind (item, fill_cell, (gpointer) property); \
  }

CELL_BINDER (name, "name")
CELL_BINDER (organisation, "organisation-name")
CELL_BINDER (stakeholder, "stakeholder-label")
CELL_BINDER (gender, "gender-label")
CELL_BINDER (registration, "registration-label")
CELL_BINDER (mode, "mode-label")

static GtkWidget *
create_chip_cb (gpointer item,
                gpointer user_data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  gtk_widget_add_css_class (label, "upr-chip");
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  return label;
}

/* Actions */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UprParticipantsView *self = UPR_PARTICIPANTS_VIEW (widget);

  open_editor (self, selected_participant (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UprParticipantsView *self = UPR_PARTICIPANTS_VIEW (widget);
  UprParticipant *participant = selected_participant (self);

  if (participant != NULL)
    remove_participant (self, participant);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (UPR_PARTICIPANTS_VIEW (widget)->search_entry));
}

/* Overrides */

/* Showing the tab puts the cursor in the fast entry row: typing names can start at once. */
static void
upr_participants_view_map (GtkWidget *widget)
{
  UprParticipantsView *self = UPR_PARTICIPANTS_VIEW (widget);

  GTK_WIDGET_CLASS (upr_participants_view_parent_class)->map (widget);
  if (self->stale)
    load_list (self);
  if (self->list != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
upr_participants_view_dispose (GObject *object)
{
  UprParticipantsView *self = UPR_PARTICIPANTS_VIEW (object);
  GtkWidget *child;

  if (self->list != NULL)
    g_clear_signal_handler (&self->counts_id, self->list);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_handle_id (&self->fold_id, g_source_remove);
  if (self->catch_up_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->catch_up_id);
  self->catch_up_id = 0;
  g_clear_object (&self->scroll_target);
  g_clear_object (&self->selected);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_PARTICIPANTS_VIEW);
  /* The template's top box is not bound to a field, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->undo_bar);
  g_clear_object (&self->list);
  g_clear_object (&self->workshop);
  g_clear_object (&self->context);
  g_clear_object (&self->stakeholder_counts);

  G_OBJECT_CLASS (upr_participants_view_parent_class)->dispose (object);
}

static void
upr_participants_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UprParticipantsView *self = UPR_PARTICIPANTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;
    case PROP_UNDO_BAR:
      g_value_set_object (value, self->undo_bar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participants_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UprParticipantsView *self = UPR_PARTICIPANTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)))
        {
          g_object_set (self->entry, "context", self->context, NULL);
          reload_when_shown (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WORKSHOP:
      upr_participants_view_set_workshop (self, g_value_get_object (value));
      break;
    case PROP_UNDO_BAR:
      if (g_set_object (&self->undo_bar, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_participants_view_class_init (UprParticipantsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_participants_view_dispose;
  object_class->get_property = upr_participants_view_get_property;
  object_class->set_property = upr_participants_view_set_property;
  widget_class->map = upr_participants_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL, UPR_TYPE_WORKSHOP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_BAR] =
    g_param_spec_object ("undo-bar", NULL, NULL, UPR_TYPE_UNDO_BAR,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_PARTICIPANT);
  g_type_ensure (UPR_TYPE_PARTICIPANT_ENTRY);
  g_type_ensure (UPR_TYPE_PARTICIPANT_FILTER);
  g_type_ensure (UPR_TYPE_SLOTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-participants-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, totals_label);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, stakeholder_box);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, shown_label);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, stack);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, selection);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, slots);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, filter);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, no_results_label);
  gtk_widget_class_bind_template_child (widget_class, UprParticipantsView, message);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, shown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, slots_refilling_cb);
  gtk_widget_class_bind_template_callback (widget_class, slots_refilled_cb);
  gtk_widget_class_bind_template_callback (widget_class, slots_pending_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, participant_added_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, cell_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, organisation_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, stakeholder_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, gender_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, registration_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_bind_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "participants.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "participants.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "participants.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "participants.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "participants.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "participants.search", NULL);
}

static void
upr_participants_view_init (UprParticipantsView *self)
{
  GtkAdjustment *adjustment;

  self->stakeholder_counts = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  upr_slots_set_item_properties (self->slots, shown_properties);
  upr_slots_set_view (self->slots, 0, GUESSED_VIEW);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (view_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (view_moved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_flow_box_bind_model (self->stakeholder_box, G_LIST_MODEL (self->stakeholder_counts),
                           create_chip_cb, NULL, NULL);
  load_list (self);
  /* "Export List as CSV…" writes the list as shown, after a confirmation (upr-list-export.h). */
  upr_list_export_attach_participants (self->column_view, G_LIST_MODEL (self->filter_model));
}

/* Public API */

void
upr_participants_view_set_workshop (UprParticipantsView *self,
                                    UprWorkshop         *workshop)
{
  gboolean same;

  g_return_if_fail (UPR_IS_PARTICIPANTS_VIEW (self));
  g_return_if_fail (workshop == NULL || UPR_IS_WORKSHOP (workshop));

  if (self->workshop == workshop)
    return;
  /* The same workshop as a fresh object (the sidebar reloads after a save) keeps the list,
   * its search and its selection. */
  same = self->workshop != NULL && workshop != NULL
         && g_strcmp0 (upr_record_get_id (UPR_RECORD (self->workshop)),
                       upr_record_get_id (UPR_RECORD (workshop))) == 0;
  g_set_object (&self->workshop, workshop);
  if (same)
    g_object_set (self->entry, "workshop", workshop, NULL);
  else
    {
      show_message (self, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      reload_when_shown (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

UprParticipantList *
upr_participants_view_get_list (UprParticipantsView *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANTS_VIEW (self), NULL);

  if (self->stale)
    load_list (self);
  return self->list;
}

GListModel *
upr_participants_view_get_shown (UprParticipantsView *self)
{
  g_return_val_if_fail (UPR_IS_PARTICIPANTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}
