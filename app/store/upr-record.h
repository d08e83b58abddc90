/* upr-record.h: the base class of every stored entity (workshop, person, …).
 *
 * A record is a GObject whose properties are declared by a table of fields in class_init.
 * The same table drives the store's generic load and save, so a column is described once.
 * Every record has an "id" (random UUID), "created-at" and "updated-at" (ISO 8601, UTC),
 * and remembers which fields changed since it was loaded or saved (for the change log). */
#pragma once

#include <glib-object.h>

#include "upr-types.h"

G_BEGIN_DECLS

typedef enum
{
  UPR_FIELD_STRING,  /* TEXT, NULL allowed; "" is stored as NULL */
  UPR_FIELD_INT,     /* INTEGER */
  UPR_FIELD_BOOLEAN, /* INTEGER 0/1 */
} UprFieldType;

typedef struct
{
  const char  *name;     /* property name; the column is the same with '-' → '_' */
  UprFieldType type;
  int          minimum;  /* for UPR_FIELD_INT */
  int          maximum;
  int          fallback; /* default for INT and BOOLEAN */
  const char  *fallback_string; /* default for STRING */
  gboolean     zero_is_null;    /* INT: 0 means "not known" and is stored as NULL */
} UprField;

#define UPR_TYPE_RECORD (upr_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (UprRecord, upr_record, UPR, RECORD, GObject)

struct _UprRecordClass
{
  GObjectClass parent_class;

  /*< private, filled by upr_record_class_install_fields >*/
  const char *table;
  UprField   *fields;   /* id, created-at, updated-at, then the subclass's */
  guint       n_fields;
};

void         upr_record_class_install_fields (UprRecordClass *klass,
                                              const char     *table,
                                              const UprField *fields,
                                              guint           n_fields);

const char  *upr_record_get_id               (UprRecord      *self);
const char  *upr_record_get_created_at       (UprRecord      *self);
const char  *upr_record_get_updated_at       (UprRecord      *self);

const char  *upr_record_get_string           (UprRecord      *self,
                                              const char     *name);
void         upr_record_set_string           (UprRecord      *self,
                                              const char     *name,
                                              const char     *value);
int          upr_record_get_int              (UprRecord      *self,
                                              const char     *name);
void         upr_record_set_int              (UprRecord      *self,
                                              const char     *name,
                                              int             value);

/* For the store and for snapshots (undo). */
const GValue *upr_record_peek_value          (UprRecord      *self,
                                              guint           index);
void         upr_record_set_value            (UprRecord      *self,
                                              guint           index,
                                              const GValue   *value);
gboolean     upr_record_is_changed           (UprRecord      *self,
                                              guint           index);
gboolean     upr_record_has_changes          (UprRecord      *self);
void         upr_record_clear_changes        (UprRecord      *self);
char        *upr_record_describe_changes     (UprRecord      *self);
UprRecord   *upr_record_copy                 (UprRecord      *self);
/* The change marks (bit i: field i), to put a record back as it was when a transaction
 * that saved it is rolled back. */
guint64      upr_record_get_changes          (UprRecord      *self);
void         upr_record_set_changes          (UprRecord      *self,
                                              guint64         changes);

G_END_DECLS
