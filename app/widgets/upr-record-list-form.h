/* upr-record-list-form.h: what the lists of a recommendation's implementation (planned
 * actions, indicators) have in common, written once: a GtkListBox of UprImplementationRow
 * rebuilt from the store after each change; one form for adding and editing that saves what
 * it holds, when complete, before it is opened again or another recommendation is shown;
 * deletion with undo; the five "implementation.*" actions; and the "context",
 * "recommendation-id" and "undo-bar" properties.
 *
 * Not a widget. Each editor stays a final GtkWidget with its own template, embeds a
 * UprRecordListForm in its instance and describes what differs in a static
 * UprRecordListFormClass. (A derivable base widget would either need a template of its own,
 * which GTK 4.8 instantiates beside the child's, or change the editors' public headers.) */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"
#include "upr-undo-bar.h"

G_BEGIN_DECLS

/* The property ids the helper owns; an editor numbers its own from
 * UPR_RECORD_LIST_FORM_N_PROPS. */
enum
{
  UPR_RECORD_LIST_FORM_PROP_CONTEXT = 1,
  UPR_RECORD_LIST_FORM_PROP_RECOMMENDATION_ID,
  UPR_RECORD_LIST_FORM_PROP_UNDO_BAR,
  UPR_RECORD_LIST_FORM_N_PROPS
};

typedef struct _UprRecordListFormClass UprRecordListFormClass;

/* Embedded in the editor's instance. The editor may read every field; only the helper
 * writes them. */
typedef struct
{
  /* template widgets, bound by upr_record_list_form_class_init(): every editor's template
   * has these ids */
  GtkButton  *add_button;
  GtkLabel   *summary_label;
  GtkListBox *list;
  GtkFrame   *form;
  GtkLabel   *form_title;
  GtkEntry   *description_entry; /* the record's "text": required, focused when opened */
  GtkLabel   *message;

  /* borrowed */
  GtkWidget                    *owner; /* the editor this is part of */
  const UprRecordListFormClass *klass;

  /* owned */
  UprContext *context;
  UprUndoBar *undo_bar;
  char       *recommendation_id;
  GListModel *records;   /* UprRecord as stored, in the order the store lists them */
  UprRecord  *editing;   /* a copy of the record in the form; NULL: a new one */
  gboolean    form_open;
  guint       busy;      /* our own store calls: their ::changed needs no reload */
  gulong      changed_id;
} UprRecordListForm;

/* What differs between the editors: one static instance per editor class. Hooks marked
 * "optional" may be NULL. */
struct _UprRecordListFormClass
{
  gsize        offset;          /* of the UprRecordListForm in the editor's instance */
  GType      (*record_type)  (void);
  const char  *changed_signal;  /* the store's "changed::<table>" for these records */
  GParamSpec **properties;      /* the editor's, filled at the ids above */

  /* Marked for translation (N_) by the editor, translated when shown. */
  const char  *new_title;
  const char  *edit_title;
  const char  *missing_text;    /* when the description is empty */
  const char  *deleted;         /* beside Undo; %s: the record's text */

  GListModel *(*list)        (UprStore   *store,
                              const char *recommendation_id,
                              GError    **error);
  /* The row's line of details (nullable) and whether it is late. */
  char       *(*describe)    (GtkWidget  *editor,
                              UprRecord  *record,
                              gboolean   *overdue);
  /* The rows were rebuilt (or, at first, there are none yet): the summary above them. */
  void        (*reloaded)    (GtkWidget  *editor);
  /* Shows @record (NULL: a new one) in the editor's own fields. */
  void        (*fill_form)   (GtkWidget  *editor,
                              UprRecord  *record);
  /* Copies the editor's own fields into @record; FALSE with the field marked when one is
   * wrong. */
  gboolean    (*read_form)   (GtkWidget  *editor,
                              UprRecord  *record);
  /* Optional: stores @record (the default is upr_store_save()). */
  gboolean    (*write)       (GtkWidget  *editor,
                              UprRecord  *record,
                              GError    **error);
  /* Optional: clears the error marks of the editor's own fields. */
  void        (*clear_errors) (GtkWidget *editor);
  /* Optional: the form was closed. */
  void        (*closed)      (GtkWidget  *editor);
  /* Optional: the context was set (once). */
  void        (*context_set) (GtkWidget  *editor,
                              UprContext *context);
};

/* After gtk_widget_class_set_template_from_resource(): binds the shared template children
 * and callbacks ("row_activated_cb", "entry_activated_cb"), installs the actions, the Escape
 * binding and the layout, and creates the shared properties in @klass->properties (the
 * editor installs them with its own). */
void     upr_record_list_form_class_init         (GtkWidgetClass               *widget_class,
                                                  const UprRecordListFormClass *klass);
/* After gtk_widget_init_template(). */
void     upr_record_list_form_init               (UprRecordListForm            *self,
                                                  GtkWidget                    *owner);
/* Saves what the form holds, disposes of the template and lets go of everything. */
void     upr_record_list_form_dispose            (UprRecordListForm            *self);

/* FALSE when @prop_id is not one of the shared properties. */
gboolean upr_record_list_form_get_property       (UprRecordListForm            *self,
                                                  guint                         prop_id,
                                                  GValue                       *value);
gboolean upr_record_list_form_set_property       (UprRecordListForm            *self,
                                                  guint                         prop_id,
                                                  const GValue                 *value);

void     upr_record_list_form_set_recommendation_id (UprRecordListForm         *self,
                                                     const char                *id);
/* Saves what the form holds when it is complete, else closes it. */
void     upr_record_list_form_flush              (UprRecordListForm            *self);

G_END_DECLS
