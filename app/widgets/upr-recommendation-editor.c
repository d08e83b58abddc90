/* upr-recommendation-editor.c: the matrix's detail editor; see the header.
 *
 * The editor holds the full UprRecommendation (the matrix rows are light). A choice in a
 * drop-down saves at once; typing saves after a pause, or at once on Enter, when another
 * recommendation is chosen and when the editor goes. A refusal puts the record and the
 * fields back as stored and says why.
 *
 * Three tabs keep the pane usable at 400 pixels: Details (the recommendation, its lead and
 * supporting institutions, States, themes), Planning (the planned actions and indicators,
 * each list its own widget) and Progress (the dated history and the assessments). The
 * editor has its own undo bar, for the deletions on the Planning tab. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-action-category.h"
#include "upr-assessment.h"
#include "upr-context.h"
#include "upr-country.h"
#include "upr-date-entry.h"
#include "upr-fold.h"
#include "upr-form.h"
#include "upr-indicators-editor.h"
#include "upr-organisation.h"
#include "upr-organisation-entry.h"
#include "upr-planned-actions-editor.h"
#include "upr-progress-update.h"
#include "upr-recommendation.h"
#include "upr-recommendation-editor.h"
#include "upr-record.h"
#include "upr-review.h"
#include "upr-store.h"
#include "upr-term-chooser.h"
#include "upr-undo-bar.h"
#include "upr-vocab.h"

/* How long typing pauses before it is saved. */
#define SAVE_DELAY_MS 400

struct _UprRecommendationEditor
{
  GtkWidget                parent_instance;

  /* template widgets */
  GtkLabel                *heading;
  GtkLabel                *message;
  GtkStack                *pages;
  GtkStackPage            *planning_page;
  UprUndoBar              *undo_bar;
  GtkEntry                *paragraph_entry;
  GtkDropDown             *response_drop_down;
  GtkDropDown             *category_drop_down;
  GtkBox                  *suggestion_box;
  GtkLabel                *suggestion_label;
  GtkButton               *accept_button;
  GtkDropDown             *status_drop_down;
  UprOrganisationEntry    *lead_entry;
  GtkEntry                *cluster_entry;
  GtkDropDown             *priority_drop_down;
  GtkEntry                *response_source_entry;
  GtkCheckButton          *pledge_check;
  GtkListBox              *states_list;
  GtkLabel                *no_states;
  GtkEntry                *state_entry;
  GtkListStore            *country_names;
  GtkButton               *add_state_button;
  GtkLabel                *state_message;
  GtkListBox              *support_list;
  GtkLabel                *no_support;
  UprOrganisationEntry    *support_entry;
  GtkButton               *add_support_button;
  GtkLabel                *support_message;
  GtkLabel                *terms_label;
  UprTermChooser          *term_chooser;
  GtkLabel                *combined_label;
  GtkDropDown             *assessment_source;
  GtkDropDown             *assessment_level;
  UprDateEntry            *assessment_date;
  GtkButton               *add_assessment_button;
  GtkLabel                *assessment_message;
  GtkListBox              *assessments;
  GtkTextView             *text_view;
  GtkTextView             *notes_view;
  UprDateEntry            *update_date;
  GtkDropDown             *update_status;
  GtkEntry                *update_text;
  UprOrganisationEntry    *update_source;
  GtkEntry                *update_evidence;
  GtkButton               *add_update_button;
  GtkLabel                *update_message;
  GtkListBox              *history;
  GtkLabel                *no_history;
  UprPlannedActionsEditor *planned_actions;
  UprIndicatorsEditor     *indicators;

  /* owned */
  UprContext              *context;
  char                    *id;
  char                    *country_code; /* of the recommendation's review */
  UprRecommendation       *recommendation;
  int                      suggested;   /* the suggester's category of the text, 0: none */
  gboolean                 filling;     /* fields are being set from the record */
  guint                    save_id;     /* typing waits for its pause */
};

G_DEFINE_FINAL_TYPE (UprRecommendationEditor, upr_recommendation_editor, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CONTEXT, PROP_RECOMMENDATION_ID, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* Helpers */

static UprStore *
get_store (UprRecommendationEditor *self)
{
  return upr_context_get_store (self->context);
}

static UprRecord *
record_of (UprRecommendationEditor *self)
{
  return UPR_RECORD (self->recommendation);
}

static void
set_placeholder (UprOrganisationEntry *entry,
                 const char           *text)
{
  GtkEditable *editable = upr_organisation_entry_get_editable (entry);

  if (GTK_IS_ENTRY (editable))
    gtk_entry_set_placeholder_text (GTK_ENTRY (editable), text);
}

static void
update_suggestion (UprRecommendationEditor *self)
{
  g_autofree char *text = upr_form_get_buffer_text (self->text_view);
  g_autofree char *why_text = NULL;
  g_autofree char *label = NULL;
  UprActionCategoryExplanation why = { 0, };

  self->suggested = text != NULL ? upr_action_category_suggest (text, &why) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_box), self->suggested != 0);
  if (self->suggested == 0)
    return;

  why_text = upr_action_category_describe (text, self->suggested, &why);
  /* Translators: %s says which action category is suggested and why ("Category 5, Specific
   * action. The first action verb, “Ratify”, decides.") */
  label = g_strdup_printf (_("Suggested: %s"), why_text);
  gtk_label_set_label (self->suggestion_label, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button),
                            upr_record_get_int (record_of (self), "action-category")
                            != self->suggested);
}

static void
update_heading (UprRecommendationEditor *self)
{
  const char *paragraph = upr_record_get_string (record_of (self), "paragraph");
  g_autofree char *heading = NULL;

  if (paragraph != NULL)
    /* Translators: %s is a paragraph reference of a review's report, e.g. "140.9" */
    heading = g_strdup_printf (_("Recommendation %s"), paragraph);
  gtk_label_set_label (self->heading, heading != NULL ? heading : _("Recommendation"));
}

static char *
organisation_name (UprRecommendationEditor *self,
                   const char              *id)
{
  g_autoptr(UprRecord) organisation = NULL;

  if (id == NULL)
    return NULL;
  organisation = upr_store_load (get_store (self), UPR_TYPE_ORGANISATION, id, NULL);
  return organisation != NULL ? g_strdup (upr_record_get_string (organisation, "name")) : NULL;
}

/* "2025-03-14 · Partially implemented — Bill tabled", then who reported it and the evidence
 * on a second line when they are known. */
static char *
describe_update (UprRecommendationEditor *self,
                 UprRecord               *update)
{
  const char *status = upr_record_get_string (update, "status");
  const char *text = upr_record_get_string (update, "text");
  const char *evidence = upr_record_get_string (update, "evidence");
  g_autofree char *source = organisation_name (self,
                                               upr_record_get_string (update, "organisation-id"));
  GString *line = g_string_new (NULL);

  /* Translators: a progress update: its date, the status at that date, what happened */
  g_string_printf (line, _("%s · %s — %s"), upr_record_get_string (update, "date"),
                   status != NULL ? upr_vocab_label (UPR_VOCAB_IMPLEMENTATION_STATUS, status)
                                  : _("No status"),
                   text != NULL ? text : "");
  if (source != NULL)
    {
      g_string_append_c (line, '\n');
      /* Translators: who reported a progress update */
      g_string_append_printf (line, _("Reported by %s"), source);
    }
  if (evidence != NULL)
    {
      g_string_append (line, source != NULL ? " · " : "\n");
      /* Translators: the evidence of a progress update (a document, a link) */
      g_string_append_printf (line, _("Evidence: %s"), evidence);
    }
  return g_string_free (line, FALSE);
}

static void
fill_history (UprRecommendationEditor *self)
{
  g_autoptr(GListModel) updates = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  upr_form_clear_list_box (self->history);

  updates = upr_store_list_progress_updates (get_store (self), self->id, &error);
  if (updates == NULL)
    {
      upr_form_show_error (NULL, self->update_message, error->message);
      return;
    }
  n = g_list_model_get_n_items (updates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) update = g_list_model_get_item (updates, i);
      g_autofree char *line = describe_update (self, update);
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_list_box_append (self->history, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_history), n == 0);
}

static GtkWidget *
list_line (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  return label;
}

static void remove_state_cb   (UprRecommendationEditor *self,
                               GtkButton               *button);
static void remove_support_cb (UprRecommendationEditor *self,
                               GtkButton               *button);

/* A line of a list with a button that removes it; the button carries @key = @value. */
static GtkWidget *
removable_line (UprRecommendationEditor *self,
                const char              *name,
                const char              *key,
                const char              *value,
                GCallback                removed)
{
  g_autofree char *remove_label = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_box_append (GTK_BOX (box), list_line (name));
  /* Translators: the button that removes a recommending State or a supporting institution,
   * %s its name */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), key, g_strdup (value), g_free);
  g_signal_connect_object (button, "clicked", removed, self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static GtkWidget *
state_line (UprRecommendationEditor *self,
            const char              *code)
{
  g_autoptr(UprCountry) country = upr_context_find_country (self->context, code);

  return removable_line (self, country != NULL ? upr_country_get_name (country) : code, "code",
                         code, G_CALLBACK (remove_state_cb));
}

static void
fill_support (UprRecommendationEditor  *self,
              char                    **supporting)
{
  guint n = g_strv_length (supporting);

  upr_form_clear_list_box (self->support_list);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = organisation_name (self, supporting[i]);

      gtk_list_box_append (self->support_list,
                           removable_line (self, name != NULL ? name : supporting[i],
                                           "organisation-id", supporting[i],
                                           G_CALLBACK (remove_support_cb)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->support_list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_support), n == 0);
}

/* States, themes and goals as stored. */
static void
fill_links (UprRecommendationEditor *self)
{
  g_autoptr(UprRecommendationLinks) links = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *terms = NULL;
  guint n_states;

  upr_form_clear_list_box (self->states_list);
  links = upr_store_get_recommendation_links (get_store (self), self->id, &error);
  if (links == NULL)
    {
      upr_form_show_error (NULL, self->state_message, error->message);
      return;
    }
  n_states = g_strv_length (links->states);
  for (guint i = 0; i < n_states; i++)
    gtk_list_box_append (self->states_list, state_line (self, links->states[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->states_list), n_states > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_states), n_states == 0);
  fill_support (self, links->supporting);

  upr_term_chooser_set_chosen (self->term_chooser, (const char * const *) links->terms,
                               links->sdg_goals);
  terms = upr_term_chooser_describe (self->term_chooser);
  gtk_label_set_label (self->terms_label, terms != NULL ? terms : _("None chosen yet."));
  if (terms == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->terms_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->terms_label), "dim-label");
}

/* Replaces the States (@states non-NULL), the supporting institutions (@supporting non-NULL)
 * or the themes and goals (@terms TRUE) and keeps the rest of the links as stored: one
 * transaction in the store. */
static gboolean
save_links (UprRecommendationEditor  *self,
            char                    **states,
            char                    **supporting,
            gboolean                  terms,
            GError                  **error)
{
  g_autoptr(UprRecommendationLinks) links = NULL;

  links = upr_store_get_recommendation_links (get_store (self), self->id, error);
  if (links == NULL)
    return FALSE;
  if (states != NULL)
    {
      g_strfreev (links->states);
      links->states = g_strdupv (states);
    }
  if (supporting != NULL)
    {
      g_strfreev (links->supporting);
      links->supporting = g_strdupv (supporting);
    }
  if (terms)
    {
      g_strfreev (links->terms);
      links->terms = upr_term_chooser_get_term_ids (self->term_chooser);
      links->sdg_goals = upr_term_chooser_get_sdg_goals (self->term_chooser);
    }
  return upr_store_set_recommendation_links (get_store (self), self->id, links, error);
}

/* The country typed: by name in either language, or by its code. */
static char *
find_country_code (UprRecommendationEditor *self,
                   const char              *typed)
{
  GListModel *countries = upr_context_get_countries (self->context);
  g_autofree char *folded = upr_fold (typed);
  guint n = g_list_model_get_n_items (countries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (countries, i);
      g_autofree char *en = upr_fold (upr_country_get_name_en (country));
      g_autofree char *fr = upr_fold (upr_country_get_name_fr (country));

      if (g_strcmp0 (folded, en) == 0 || g_strcmp0 (folded, fr) == 0
          || g_ascii_strcasecmp (typed, upr_country_get_code (country)) == 0
          || g_ascii_strcasecmp (typed, upr_country_get_alpha3 (country)) == 0)
        return g_strdup (upr_country_get_code (country));
    }
  return NULL;
}

static void
fill_country_names (UprRecommendationEditor *self)
{
  GListModel *countries = upr_context_get_countries (self->context);
  guint n = g_list_model_get_n_items (countries);

  gtk_list_store_clear (self->country_names);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprCountry) country = g_list_model_get_item (countries, i);

      gtk_list_store_insert_with_values (self->country_names, NULL, -1,
                                         0, upr_country_get_name (country), -1);
    }
}

/* Reference data: read once. */
static void
fill_term_chooser (UprRecommendationEditor *self)
{
  g_autoptr(GListModel) terms = upr_store_list_terms (get_store (self), NULL, NULL);

  if (terms != NULL)
    upr_term_chooser_set_terms (self->term_chooser, terms);
}

static void
fill_assessments (UprRecommendationEditor *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *combined = NULL;
  const char *level;
  guint n_stakeholders = 0;
  guint n;

  upr_form_clear_list_box (self->assessments);
  list = upr_store_list_assessments (get_store (self), self->id, &error);
  level = list != NULL ? upr_store_get_assessed_level (get_store (self), self->id, NULL,
                                                       &n_stakeholders, &error)
                       : NULL;
  if (error != NULL)
    {
      upr_form_show_error (NULL, self->assessment_message, error->message);
      return;
    }
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UprRecord) assessment = g_list_model_get_item (list, i);
      g_autofree char *line = NULL;

      /* Translators: an assessment: its date, who made it, the level it gives */
      line = g_strdup_printf (_("%s · %s — %s"), upr_record_get_string (assessment, "date"),
                              upr_vocab_label (UPR_VOCAB_ASSESSMENT_SOURCE,
                                               upr_record_get_string (assessment, "source")),
                              upr_vocab_label (UPR_VOCAB_ASSESSMENT_LEVEL,
                                               upr_record_get_string (assessment, "level")));
      gtk_list_box_append (self->assessments, list_line (line));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->assessments), n > 0);
  if (level == NULL)
    combined = g_strdup (_("Not assessed yet."));
  else
    /* Translators: UPR Info's combined level of the assessments, then how many stakeholders
     * it combines */
    combined = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Combined: %s (%u stakeholder)",
                                             "Combined: %s (%u stakeholders)", n_stakeholders),
                                upr_vocab_label (UPR_VOCAB_ASSESSMENT_LEVEL, level),
                                n_stakeholders);
  gtk_label_set_label (self->combined_label, combined);
}

static void
fill (UprRecommendationEditor *self)
{
  UprRecord *record = record_of (self);
  const char *lead_id;
  g_autofree char *category = NULL;
  g_autofree char *lead_name = NULL;

  self->filling = TRUE;
  upr_form_set_text (GTK_EDITABLE (self->paragraph_entry),
                     upr_record_get_string (record, "paragraph"));
  upr_form_set_buffer_text (self->text_view, upr_record_get_string (record, "text"));
  upr_form_set_vocab_id (self->response_drop_down, upr_record_get_string (record, "response"));
  if (upr_record_get_int (record, "action-category") > 0)
    category = g_strdup_printf ("%d", upr_record_get_int (record, "action-category"));
  upr_form_set_vocab_id (self->category_drop_down, category);
  upr_form_set_vocab_id (self->status_drop_down, upr_record_get_string (record, "status"));
  upr_form_set_vocab_id (self->priority_drop_down, upr_record_get_string (record, "priority"));
  upr_form_set_text (GTK_EDITABLE (self->cluster_entry),
                     upr_record_get_string (record, "cluster"));
  upr_form_set_buffer_text (self->notes_view, upr_record_get_string (record, "notes"));
  upr_form_set_text (GTK_EDITABLE (self->response_source_entry),
                     upr_record_get_string (record, "response-source"));
  gtk_check_button_set_active (self->pledge_check,
                               upr_record_get_int (record, "voluntary-pledge") != 0);

  lead_id = upr_record_get_string (record, "lead-organisation-id");
  if (lead_id != NULL)
    {
      g_autoptr(UprRecord) lead = upr_store_load (get_store (self), UPR_TYPE_ORGANISATION,
                                                  lead_id, NULL);
      if (lead != NULL)
        lead_name = g_strdup (upr_record_get_string (lead, "name"));
    }
  if (g_strcmp0 (upr_organisation_entry_get_text (self->lead_entry), lead_name) != 0)
    upr_organisation_entry_set_text (self->lead_entry, lead_name);
  upr_organisation_entry_close (self->lead_entry);
  self->filling = FALSE;

  update_heading (self);
  update_suggestion (self);
}

/* The country of the recommendation's review: where an institution typed for the first time
 * belongs. */
static void
find_country (UprRecommendationEditor *self)
{
  const char *review_id = upr_record_get_string (record_of (self), "review-id");
  g_autoptr(UprRecord) review = NULL;

  if (review_id != NULL)
    review = upr_store_load (get_store (self), UPR_TYPE_REVIEW, review_id, NULL);
  g_free (self->country_code);
  self->country_code = review != NULL ? g_strdup (upr_record_get_string (review, "country-code"))
                                      : NULL;
}

/* The planned actions and indicators follow the recommendation shown (none: @id NULL); the
 * country follows after, as a form still open is saved for the previous one. */
static void
show_in_lists (UprRecommendationEditor *self,
               const char              *id)
{
  upr_planned_actions_editor_set_recommendation_id (self->planned_actions, id);
  upr_planned_actions_editor_set_country_code (self->planned_actions, self->country_code);
  upr_indicators_editor_set_recommendation_id (self->indicators, id);
}

/* Reads the record of @id afresh; FALSE (and the editor empty) when it is gone. */
static gboolean
load (UprRecommendationEditor *self)
{
  g_autoptr(GError) error = NULL;
  UprRecord *record = NULL;

  g_clear_object (&self->recommendation);
  if (self->id != NULL && self->context != NULL)
    record = upr_store_load (get_store (self), UPR_TYPE_RECOMMENDATION, self->id, &error);
  if (record == NULL)
    {
      if (error != NULL)
        g_warning ("Could not load a recommendation: %s", error->message);
      g_clear_pointer (&self->country_code, g_free);
      show_in_lists (self, NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return FALSE;
    }
  self->recommendation = UPR_RECOMMENDATION (record);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  upr_form_show_error (NULL, self->message, NULL);
  upr_form_show_error (NULL, self->update_message, NULL);
  upr_form_show_error (NULL, self->state_message, NULL);
  upr_form_show_error (NULL, self->support_message, NULL);
  upr_form_show_error (NULL, self->assessment_message, NULL);
  find_country (self);
  fill (self);
  fill_history (self);
  fill_links (self);
  fill_assessments (self);
  show_in_lists (self, self->id);
  return TRUE;
}

/* The organisation typed in @entry: a known one, none, or a new one created now (inside the
 * caller's transaction, when there is one). */
static gboolean
resolve_organisation (UprRecommendationEditor  *self,
                      UprOrganisationEntry     *entry,
                      char                    **organisation_id,
                      GError                  **error)
{
  UprOrganisation *known = upr_organisation_entry_get_organisation (entry);
  g_autofree char *name = upr_form_get_text (upr_organisation_entry_get_editable (entry));
  g_autoptr(UprOrganisation) created = NULL;

  *organisation_id = NULL;
  if (known != NULL)
    *organisation_id = g_strdup (upr_record_get_id (UPR_RECORD (known)));
  if (known != NULL || name == NULL)
    return TRUE;
  created = upr_context_ensure_organisation (self->context, name, "government",
                                             self->country_code, error);
  if (created == NULL)
    return FALSE;
  *organisation_id = g_strdup (upr_record_get_id (UPR_RECORD (created)));
  return TRUE;
}

/* The lead institution as typed. A new name is only taken when the typing is over
 * (@create): half a name is not an institution. */
static gboolean
resolve_lead (UprRecommendationEditor  *self,
              gboolean                  create,
              char                    **organisation_id,
              GError                  **error)
{
  g_autofree char *name =
    upr_form_get_text (upr_organisation_entry_get_editable (self->lead_entry));

  if (!create && name != NULL
      && upr_organisation_entry_get_organisation (self->lead_entry) == NULL)
    {
      *organisation_id = g_strdup (upr_record_get_string (record_of (self),
                                                          "lead-organisation-id"));
      return TRUE;
    }
  return resolve_organisation (self, self->lead_entry, organisation_id, error);
}

static void
apply_fields (UprRecommendationEditor *self,
              const char              *lead_id)
{
  UprRecord *record = record_of (self);
  g_autofree char *paragraph = upr_form_get_text (GTK_EDITABLE (self->paragraph_entry));
  g_autofree char *text = upr_form_get_buffer_text (self->text_view);
  g_autofree char *cluster = upr_form_get_text (GTK_EDITABLE (self->cluster_entry));
  g_autofree char *notes = upr_form_get_buffer_text (self->notes_view);
  g_autofree char *source = upr_form_get_text (GTK_EDITABLE (self->response_source_entry));
  const char *category = upr_form_get_vocab_id (self->category_drop_down);

  upr_record_set_string (record, "paragraph", paragraph);
  upr_record_set_string (record, "text", text);
  upr_record_set_string (record, "response", upr_form_get_vocab_id (self->response_drop_down));
  upr_record_set_int (record, "action-category", category != NULL ? atoi (category) : 0);
  upr_record_set_string (record, "status", upr_form_get_vocab_id (self->status_drop_down));
  upr_record_set_string (record, "priority", upr_form_get_vocab_id (self->priority_drop_down));
  upr_record_set_string (record, "cluster", cluster);
  upr_record_set_string (record, "notes", notes);
  upr_record_set_string (record, "lead-organisation-id", lead_id);
  upr_record_set_string (record, "response-source", source);
  if (upr_record_get_int (record, "voluntary-pledge") != gtk_check_button_get_active (self->pledge_check))
    g_object_set (record, "voluntary-pledge", gtk_check_button_get_active (self->pledge_check),
                  NULL);
}

static void
save (UprRecommendationEditor *self,
      gboolean                 create_lead)
{
  g_autoptr(UprRecord) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lead_id = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->recommendation == NULL || self->filling)
    return;

  snapshot = upr_record_copy (record_of (self));
  if (!resolve_lead (self, create_lead, &lead_id, &error))
    {
      upr_form_show_error (NULL, self->message, error->message);
      return;
    }
  apply_fields (self, lead_id);
  if (!upr_record_has_changes (record_of (self)))
    return;

  if (!upr_store_save (get_store (self), record_of (self), &error))
    {
      upr_form_revert_record (record_of (self), snapshot);
      upr_form_show_error (NULL, self->message, error->message);
      fill (self);
      return;
    }
  upr_form_show_error (NULL, self->message, NULL);
  update_heading (self);
  update_suggestion (self);
}

static gboolean
save_timeout_cb (gpointer data)
{
  UprRecommendationEditor *self = data;

  self->save_id = 0;
  save (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Signal callbacks */

static void
typed_cb (UprRecommendationEditor *self)
{
  if (self->filling || self->recommendation == NULL)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
text_changed_cb (UprRecommendationEditor *self)
{
  typed_cb (self);
  if (!self->filling && self->recommendation != NULL)
    update_suggestion (self);
}

static void
flush_cb (UprRecommendationEditor *self)
{
  save (self, TRUE);
}

static void
chosen_cb (UprRecommendationEditor *self)
{
  save (self, FALSE);
}

static void
accept_clicked_cb (UprRecommendationEditor *self)
{
  g_autofree char *id = g_strdup_printf ("%d", self->suggested);

  if (self->suggested == 0)
    return;
  /* Setting the drop-down saves (chosen_cb). */
  upr_form_set_vocab_id (self->category_drop_down, id);
}

/* The update and, when its source is a new name, the organisation: one transaction. */
static gboolean
write_update (UprRecommendationEditor *self,
              UprRecord               *update,
              GError                 **error)
{
  g_autofree char *source_id = NULL;

  if (!upr_store_begin (get_store (self), error))
    return FALSE;
  if (!resolve_organisation (self, self->update_source, &source_id, error))
    goto fail;
  upr_record_set_string (update, "organisation-id", source_id);
  if (!upr_store_add_progress_update (get_store (self), UPR_PROGRESS_UPDATE (update), error))
    goto fail;
  if (upr_store_commit (get_store (self), error))
    return TRUE;

fail:
  upr_store_rollback (get_store (self));
  return FALSE;
}

static void
add_update_cb (UprRecommendationEditor *self)
{
  g_autoptr(UprProgressUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = upr_form_get_text (GTK_EDITABLE (self->update_text));
  g_autofree char *evidence = upr_form_get_text (GTK_EDITABLE (self->update_evidence));
  const char *status = upr_form_get_vocab_id (self->update_status);

  if (self->recommendation == NULL)
    return;
  if (!upr_form_parse_date (upr_date_entry_get_text (self->update_date), &date))
    {
      upr_form_show_error (NULL, self->update_message, _("Type the date as YYYY-MM-DD."));
      return;
    }
  if (text == NULL && status == NULL)
    {
      upr_form_show_error (NULL, self->update_message,
                           _("Say what happened, or choose the status at that date."));
      return;
    }
  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = g_date_time_format (now, "%Y-%m-%d");
    }

  save (self, TRUE);
  update = upr_progress_update_new ();
  upr_record_set_string (UPR_RECORD (update), "recommendation-id", self->id);
  upr_record_set_string (UPR_RECORD (update), "date", date);
  upr_record_set_string (UPR_RECORD (update), "status", status);
  upr_record_set_string (UPR_RECORD (update), "text", text);
  upr_record_set_string (UPR_RECORD (update), "evidence", evidence);
  if (!write_update (self, UPR_RECORD (update), &error))
    {
      upr_form_show_error (NULL, self->update_message, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->update_text), "");
  gtk_editable_set_text (GTK_EDITABLE (self->update_evidence), "");
  upr_organisation_entry_set_text (self->update_source, NULL);
  upr_organisation_entry_close (self->update_source);
  upr_date_entry_set_text (self->update_date, "");
  gtk_drop_down_set_selected (self->update_status, 0);
  /* The update may have moved the current status. */
  load (self);
}

static void
add_state_cb (UprRecommendationEditor *self)
{
  g_autofree char *typed = upr_form_get_text (GTK_EDITABLE (self->state_entry));
  g_autofree char *code = NULL;
  g_autoptr(UprRecommendationLinks) links = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) states = NULL;
  g_autoptr(GError) error = NULL;

  if (self->recommendation == NULL || typed == NULL)
    return;
  code = find_country_code (self, typed);
  if (code == NULL)
    {
      upr_form_show_error (GTK_WIDGET (self->state_entry), self->state_message,
                           _("No State has this name. Choose one of those offered."));
      return;
    }
  links = upr_store_get_recommendation_links (get_store (self), self->id, &error);
  if (links == NULL)
    {
      upr_form_show_error (NULL, self->state_message, error->message);
      return;
    }
  if (!g_strv_contains ((const char * const *) links->states, code))
    {
      builder = g_strv_builder_new ();
      g_strv_builder_addv (builder, (const char **) links->states);
      g_strv_builder_add (builder, code);
      states = g_strv_builder_end (builder);
      if (!save_links (self, states, NULL, FALSE, &error))
        {
          upr_form_show_error (NULL, self->state_message, error->message);
          return;
        }
    }
  upr_form_show_error (GTK_WIDGET (self->state_entry), self->state_message, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->state_entry), "");
  fill_links (self);
}

static void
remove_state_cb (UprRecommendationEditor *self,
                 GtkButton               *button)
{
  const char *code = g_object_get_data (G_OBJECT (button), "code");
  g_autoptr(UprRecommendationLinks) links = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) states = NULL;
  g_autoptr(GError) error = NULL;

  if (self->recommendation == NULL)
    return;
  links = upr_store_get_recommendation_links (get_store (self), self->id, &error);
  for (guint i = 0; links != NULL && links->states[i] != NULL; i++)
    if (g_strcmp0 (links->states[i], code) != 0)
      g_strv_builder_add (builder, links->states[i]);
  states = g_strv_builder_end (builder);
  if (links == NULL || !save_links (self, states, NULL, FALSE, &error))
    {
      upr_form_show_error (NULL, self->state_message, error->message);
      return;
    }
  upr_form_show_error (NULL, self->state_message, NULL);
  /* The button goes with its line: focus stays in the editor. */
  gtk_widget_grab_focus (GTK_WIDGET (self->state_entry));
  fill_links (self);
}

/* Adds the institution typed to the supporting ones (unless it is there already), creating
 * it when it is new: one transaction. */
static gboolean
add_support (UprRecommendationEditor *self,
             GError                 **error)
{
  g_autofree char *organisation_id = NULL;
  g_autoptr(UprRecommendationLinks) links = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) supporting = NULL;

  if (!upr_store_begin (get_store (self), error))
    return FALSE;
  if (!resolve_organisation (self, self->support_entry, &organisation_id, error))
    goto fail;
  links = upr_store_get_recommendation_links (get_store (self), self->id, error);
  if (links == NULL)
    goto fail;
  g_strv_builder_addv (builder, (const char **) links->supporting);
  if (!g_strv_contains ((const char * const *) links->supporting, organisation_id))
    g_strv_builder_add (builder, organisation_id);
  supporting = g_strv_builder_end (builder);
  if (!save_links (self, NULL, supporting, FALSE, error))
    goto fail;
  if (upr_store_commit (get_store (self), error))
    return TRUE;

fail:
  upr_store_rollback (get_store (self));
  return FALSE;
}

static void
add_support_cb (UprRecommendationEditor *self)
{
  g_autofree char *typed =
    upr_form_get_text (upr_organisation_entry_get_editable (self->support_entry));
  g_autoptr(GError) error = NULL;

  if (self->recommendation == NULL || typed == NULL)
    return;
  if (!add_support (self, &error))
    {
      upr_form_show_error (NULL, self->support_message, error->message);
      return;
    }
  upr_form_show_error (NULL, self->support_message, NULL);
  upr_organisation_entry_set_text (self->support_entry, NULL);
  upr_organisation_entry_close (self->support_entry);
  fill_links (self);
}

static void
remove_support_cb (UprRecommendationEditor *self,
                   GtkButton               *button)
{
  const char *organisation_id = g_object_get_data (G_OBJECT (button), "organisation-id");
  g_autoptr(UprRecommendationLinks) links = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) supporting = NULL;
  g_autoptr(GError) error = NULL;

  if (self->recommendation == NULL)
    return;
  links = upr_store_get_recommendation_links (get_store (self), self->id, &error);
  for (guint i = 0; links != NULL && links->supporting[i] != NULL; i++)
    if (g_strcmp0 (links->supporting[i], organisation_id) != 0)
      g_strv_builder_add (builder, links->supporting[i]);
  supporting = g_strv_builder_end (builder);
  if (links == NULL || !save_links (self, NULL, supporting, FALSE, &error))
    {
      upr_form_show_error (NULL, self->support_message, error->message);
      return;
    }
  upr_form_show_error (NULL, self->support_message, NULL);
  /* The button goes with its line: focus stays in the editor. */
  gtk_widget_grab_focus (GTK_WIDGET (self->support_entry));
  fill_links (self);
}

/* The Planning tab asks for attention while an action is overdue. */
static void
overdue_changed_cb (UprRecommendationEditor *self)
{
  if (self->planning_page != NULL)
    gtk_stack_page_set_needs_attention (
      self->planning_page, upr_planned_actions_editor_get_n_overdue (self->planned_actions) > 0);
}

static void
terms_changed_cb (UprRecommendationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->recommendation == NULL)
    return;
  if (!save_links (self, NULL, NULL, TRUE, &error))
    upr_form_show_error (NULL, self->state_message, error->message);
  fill_links (self);
}

static void
add_assessment_cb (UprRecommendationEditor *self)
{
  g_autoptr(UprAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (self->recommendation == NULL)
    return;
  if (!upr_form_parse_date (upr_date_entry_get_text (self->assessment_date), &date))
    {
      upr_form_show_error (NULL, self->assessment_message, _("Type the date as YYYY-MM-DD."));
      return;
    }
  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = g_date_time_format (now, "%Y-%m-%d");
    }
  assessment = upr_assessment_new ();
  upr_record_set_string (UPR_RECORD (assessment), "recommendation-id", self->id);
  upr_record_set_string (UPR_RECORD (assessment), "source",
                         upr_form_get_vocab_id (self->assessment_source));
  upr_record_set_string (UPR_RECORD (assessment), "level",
                         upr_form_get_vocab_id (self->assessment_level));
  upr_record_set_string (UPR_RECORD (assessment), "date", date);
  if (!upr_store_add_assessment (get_store (self), assessment, &error))
    {
      upr_form_show_error (NULL, self->assessment_message, error->message);
      return;
    }
  upr_form_show_error (NULL, self->assessment_message, NULL);
  upr_date_entry_set_text (self->assessment_date, "");
  fill_assessments (self);
}

static void
store_changed_cb (UprRecommendationEditor *self)
{
  /* Edits made elsewhere (a bulk edit) show here; typing waiting for its pause wins. */
  if (self->save_id == 0 && self->recommendation != NULL)
    load (self);
}

/* Overrides */

static void
upr_recommendation_editor_dispose (GObject *object)
{
  UprRecommendationEditor *self = UPR_RECOMMENDATION_EDITOR (object);
  GtkWidget *child;

  if (self->recommendation != NULL)
    save (self, TRUE);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (get_store (self), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UPR_TYPE_RECOMMENDATION_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->recommendation);
  g_clear_object (&self->context);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->country_code, g_free);

  G_OBJECT_CLASS (upr_recommendation_editor_parent_class)->dispose (object);
}

static void
set_context (UprRecommendationEditor *self,
             UprContext              *context)
{
  /* Set once: by the constructor, or by the window that holds the template. */
  g_return_if_fail (self->context == NULL);
  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  g_object_set (self->lead_entry, "context", context, NULL);
  g_object_set (self->support_entry, "context", context, NULL);
  g_object_set (self->update_source, "context", context, NULL);
  g_object_set (self->planned_actions, "context", context, NULL);
  g_object_set (self->indicators, "context", context, NULL);
  fill_country_names (self);
  fill_term_chooser (self);
  g_signal_connect_object (get_store (self), "changed::recommendation",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);
}

static void
upr_recommendation_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  UprRecommendationEditor *self = UPR_RECOMMENDATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_RECOMMENDATION_ID:
      g_value_set_string (value, self->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_recommendation_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  UprRecommendationEditor *self = UPR_RECOMMENDATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_RECOMMENDATION_ID:
      upr_recommendation_editor_set_recommendation_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_recommendation_editor_class_init (UprRecommendationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_recommendation_editor_dispose;
  object_class->get_property = upr_recommendation_editor_get_property;
  object_class->set_property = upr_recommendation_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, UPR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RECOMMENDATION_ID] =
    g_param_spec_string ("recommendation-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPR_TYPE_DATE_ENTRY);
  g_type_ensure (UPR_TYPE_INDICATORS_EDITOR);
  g_type_ensure (UPR_TYPE_ORGANISATION_ENTRY);
  g_type_ensure (UPR_TYPE_PLANNED_ACTIONS_EDITOR);
  g_type_ensure (UPR_TYPE_TERM_CHOOSER);
  g_type_ensure (UPR_TYPE_UNDO_BAR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-recommendation-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, UprRecommendationEditor, name)
  CHILD (heading);
  CHILD (message);
  CHILD (pages);
  CHILD (planning_page);
  CHILD (undo_bar);
  CHILD (paragraph_entry);
  CHILD (response_drop_down);
  CHILD (category_drop_down);
  CHILD (suggestion_box);
  CHILD (suggestion_label);
  CHILD (accept_button);
  CHILD (status_drop_down);
  CHILD (lead_entry);
  CHILD (cluster_entry);
  CHILD (priority_drop_down);
  CHILD (response_source_entry);
  CHILD (pledge_check);
  CHILD (states_list);
  CHILD (no_states);
  CHILD (state_entry);
  CHILD (country_names);
  CHILD (add_state_button);
  CHILD (state_message);
  CHILD (support_list);
  CHILD (no_support);
  CHILD (support_entry);
  CHILD (add_support_button);
  CHILD (support_message);
  CHILD (terms_label);
  CHILD (term_chooser);
  CHILD (combined_label);
  CHILD (assessment_source);
  CHILD (assessment_level);
  CHILD (assessment_date);
  CHILD (add_assessment_button);
  CHILD (assessment_message);
  CHILD (assessments);
  CHILD (text_view);
  CHILD (notes_view);
  CHILD (update_date);
  CHILD (update_status);
  CHILD (update_text);
  CHILD (update_source);
  CHILD (update_evidence);
  CHILD (add_update_button);
  CHILD (update_message);
  CHILD (history);
  CHILD (no_history);
  CHILD (planned_actions);
  CHILD (indicators);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, typed_cb);
  gtk_widget_class_bind_template_callback (widget_class, flush_cb);
  gtk_widget_class_bind_template_callback (widget_class, chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_state_cb);
  gtk_widget_class_bind_template_callback (widget_class, terms_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_assessment_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_support_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_changed_cb);
}

static void
upr_recommendation_editor_init (UprRecommendationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  upr_form_setup_vocab_drop_down (self->response_drop_down, UPR_VOCAB_RESPONSE, NULL);
  upr_form_setup_vocab_drop_down (self->category_drop_down, UPR_VOCAB_ACTION_CATEGORY,
                                  _("Not categorised"));
  upr_form_setup_vocab_drop_down (self->status_drop_down, UPR_VOCAB_IMPLEMENTATION_STATUS, NULL);
  upr_form_setup_vocab_drop_down (self->priority_drop_down, UPR_VOCAB_PRIORITY, _("Not set"));
  upr_form_setup_vocab_drop_down (self->update_status, UPR_VOCAB_IMPLEMENTATION_STATUS,
                                  _("No change of status"));
  upr_form_setup_vocab_drop_down (self->assessment_source, UPR_VOCAB_ASSESSMENT_SOURCE, NULL);
  upr_form_setup_vocab_drop_down (self->assessment_level, UPR_VOCAB_ASSESSMENT_LEVEL, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (typed_cb), self, G_CONNECT_SWAPPED);
  set_placeholder (self->support_entry, _("Supporting institution"));
  set_placeholder (self->update_source, _("Reported by (organisation)"));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/* Public API */

GtkWidget *
upr_recommendation_editor_new (UprContext *context)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);

  return g_object_new (UPR_TYPE_RECOMMENDATION_EDITOR, "context", context, NULL);
}

const char *
upr_recommendation_editor_get_recommendation_id (UprRecommendationEditor *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_EDITOR (self), NULL);

  return self->id;
}

void
upr_recommendation_editor_set_recommendation_id (UprRecommendationEditor *self,
                                                 const char              *id)
{
  g_return_if_fail (UPR_IS_RECOMMENDATION_EDITOR (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  /* Typing for the previous one is saved before it goes. */
  if (self->recommendation != NULL)
    save (self, TRUE);
  g_free (self->id);
  self->id = g_strdup (id);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDATION_ID]);
}

UprRecommendation *
upr_recommendation_editor_get_recommendation (UprRecommendationEditor *self)
{
  g_return_val_if_fail (UPR_IS_RECOMMENDATION_EDITOR (self), NULL);

  return self->recommendation;
}

void
upr_recommendation_editor_flush (UprRecommendationEditor *self)
{
  g_return_if_fail (UPR_IS_RECOMMENDATION_EDITOR (self));

  if (self->recommendation != NULL)
    save (self, TRUE);
  upr_planned_actions_editor_flush (self->planned_actions);
  upr_indicators_editor_flush (self->indicators);
}
