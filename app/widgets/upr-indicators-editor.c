/* upr-indicators-editor.c: a recommendation's indicators; see the header.
 *
 * The list, the form's life and deletion with undo are the planned actions' as well
 * (upr-record-list-form.c); what is particular here is what an indicator holds: its
 * baseline, its target and the means of verification. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-context.h"
#include "upr-form.h"
#include "upr-indicator.h"
#include "upr-indicators-editor.h"
#include "upr-record-list-form.h"
#include "upr-store.h"

struct _UprIndicatorsEditor
{
  GtkWidget          parent_instance;

  /* template widgets (the shared ones are in list_form) */
  GtkEntry          *baseline_entry;
  GtkEntry          *target_entry;
  GtkEntry          *verification_entry;

  /* owned */
  UprRecordListForm  list_form;
};

G_DEFINE_FINAL_TYPE (UprIndicatorsEditor, upr_indicators_editor, GTK_TYPE_WIDGET)

enum { N_PROPS = UPR_RECORD_LIST_FORM_N_PROPS };

static GParamSpec *properties[N_PROPS];

/* Helpers: the hooks of the list form */

/* "Baseline: 12 % · Target: 40 % by 2026 · Verification: annual report": what is known. */
static char *
describe (GtkWidget *editor,
          UprRecord *indicator,
          gboolean  *overdue)
{
  const char *baseline = upr_record_get_string (indicator, "baseline");
  const char *target = upr_record_get_string (indicator, "target");
  const char *verification = upr_record_get_string (indicator, "means-of-verification");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (baseline != NULL)
    /* Translators: the baseline of an indicator */
    g_ptr_array_add (parts, g_strdup_printf (_("Baseline: %s"), baseline));
  if (target != NULL)
    /* Translators: the target of an indicator */
    g_ptr_array_add (parts, g_strdup_printf (_("Target: %s"), target));
  if (verification != NULL)
    /* Translators: the means of verification of an indicator */
    g_ptr_array_add (parts, g_strdup_printf (_("Verification: %s"), verification));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_summary (GtkWidget *editor)
{
  UprRecordListForm *list_form = &UPR_INDICATORS_EDITOR (editor)->list_form;
  guint n = list_form->records != NULL ? g_list_model_get_n_items (list_form->records) : 0;
  g_autofree char *summary = NULL;

  if (n == 0)
    summary = g_strdup (_("No indicator yet."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators", n),
                               n);
  gtk_label_set_text (list_form->summary_label, summary);
}

static void
fill_form (GtkWidget *editor,
           UprRecord *indicator)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (editor);

  upr_form_set_text (GTK_EDITABLE (self->baseline_entry),
                     indicator != NULL ? upr_record_get_string (indicator, "baseline") : NULL);
  upr_form_set_text (GTK_EDITABLE (self->target_entry),
                     indicator != NULL ? upr_record_get_string (indicator, "target") : NULL);
  upr_form_set_text (GTK_EDITABLE (self->verification_entry),
                     indicator != NULL ? upr_record_get_string (indicator, "means-of-verification")
                                       : NULL);
}

/* Nothing to refuse: only the description is required, and the list form checks it. */
static gboolean
read_form (GtkWidget *editor,
           UprRecord *indicator)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (editor);
  g_autofree char *baseline = upr_form_get_text (GTK_EDITABLE (self->baseline_entry));
  g_autofree char *target = upr_form_get_text (GTK_EDITABLE (self->target_entry));
  g_autofree char *verification = upr_form_get_text (GTK_EDITABLE (self->verification_entry));

  upr_record_set_string (indicator, "baseline", baseline);
  upr_record_set_string (indicator, "target", target);
  upr_record_set_string (indicator, "means-of-verification", verification);
  return TRUE;
}

static const UprRecordListFormClass list_form_class = {
  .offset = G_STRUCT_OFFSET (UprIndicatorsEditor, list_form),
  .record_type = upr_indicator_get_type,
  .changed_signal = "changed::indicator",
  .properties = properties,
  .new_title = N_("New Indicator"),
  .edit_title = N_("Edit Indicator"),
  .missing_text = N_("Say what the indicator measures."),
  /* Translators: shown after an indicator was deleted, with an Undo button */
  .deleted = N_("Indicator “%s” deleted"),
  .list = upr_store_list_indicators,
  .describe = describe,
  .reloaded = update_summary,
  .fill_form = fill_form,
  .read_form = read_form,
};

/* Overrides */

static void
upr_indicators_editor_dispose (GObject *object)
{
  upr_record_list_form_dispose (&UPR_INDICATORS_EDITOR (object)->list_form);

  G_OBJECT_CLASS (upr_indicators_editor_parent_class)->dispose (object);
}

static void
upr_indicators_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (object);

  if (!upr_record_list_form_get_property (&self->list_form, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
upr_indicators_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UprIndicatorsEditor *self = UPR_INDICATORS_EDITOR (object);

  if (!upr_record_list_form_set_property (&self->list_form, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
upr_indicators_editor_class_init (UprIndicatorsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_indicators_editor_dispose;
  object_class->get_property = upr_indicators_editor_get_property;
  object_class->set_property = upr_indicators_editor_set_property;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-indicators-editor.ui");
  upr_record_list_form_class_init (widget_class, &list_form_class);
  g_object_class_install_properties (object_class, N_PROPS, properties);
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, UprIndicatorsEditor, name)
  CHILD (baseline_entry);
  CHILD (target_entry);
  CHILD (verification_entry);
#undef CHILD
}

static void
upr_indicators_editor_init (UprIndicatorsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upr_record_list_form_init (&self->list_form, GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
upr_indicators_editor_new (UprContext *context)
{
  g_return_val_if_fail (UPR_IS_CONTEXT (context), NULL);

  return g_object_new (UPR_TYPE_INDICATORS_EDITOR, "context", context, NULL);
}

const char *
upr_indicators_editor_get_recommendation_id (UprIndicatorsEditor *self)
{
  g_return_val_if_fail (UPR_IS_INDICATORS_EDITOR (self), NULL);

  return self->list_form.recommendation_id;
}

void
upr_indicators_editor_set_recommendation_id (UprIndicatorsEditor *self,
                                             const char          *id)
{
  g_return_if_fail (UPR_IS_INDICATORS_EDITOR (self));

  upr_record_list_form_set_recommendation_id (&self->list_form, id);
}

GListModel *
upr_indicators_editor_get_indicators (UprIndicatorsEditor *self)
{
  g_return_val_if_fail (UPR_IS_INDICATORS_EDITOR (self), NULL);

  return self->list_form.records;
}

void
upr_indicators_editor_flush (UprIndicatorsEditor *self)
{
  g_return_if_fail (UPR_IS_INDICATORS_EDITOR (self));

  upr_record_list_form_flush (&self->list_form);
}
