/* upr-record.c: table-driven properties for stored entities; see upr-record.h. */
#include "config.h"

#include "upr-record.h"

#include <string.h>

typedef struct
{
  GValue  *values;  /* one per field of the class, allocated on first use */
  guint64  changed; /* bit i set when field i changed since load or save */
} UprRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (UprRecord, upr_record, G_TYPE_OBJECT)

static const UprField base_fields[] = {
  { "id", UPR_FIELD_STRING },
  { "created-at", UPR_FIELD_STRING },
  { "updated-at", UPR_FIELD_STRING },
};

static GType
gtype_of (UprFieldType type)
{
  switch (type)
    {
    case UPR_FIELD_STRING: return G_TYPE_STRING;
    case UPR_FIELD_INT: return G_TYPE_INT;
    case UPR_FIELD_BOOLEAN: return G_TYPE_BOOLEAN;
    default: g_assert_not_reached ();
    }
}

/* Allocated lazily: during instance_init the class pointer is still the base class's, so
 * the subclass's number of fields is only known once the instance exists. */
static GValue *
values_of (UprRecord *self)
{
  UprRecordPrivate *priv = upr_record_get_instance_private (self);
  UprRecordClass *klass = UPR_RECORD_GET_CLASS (self);

  if (priv->values == NULL)
    {
      priv->values = g_new0 (GValue, klass->n_fields);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          const UprField *field = &klass->fields[i];

          g_value_init (&priv->values[i], gtype_of (field->type));
          if (field->type == UPR_FIELD_STRING)
            g_value_set_static_string (&priv->values[i], field->fallback_string);
          else if (field->type == UPR_FIELD_INT)
            g_value_set_int (&priv->values[i], field->fallback);
          else if (field->type == UPR_FIELD_BOOLEAN)
            g_value_set_boolean (&priv->values[i], field->fallback != 0);
        }
    }
  return priv->values;
}

static guint
index_of (UprRecord  *self,
          const char *name)
{
  UprRecordClass *klass = UPR_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name))
      return i;
  g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), name);
  return G_MAXUINT;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case G_TYPE_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    default:
      g_assert_not_reached ();
    }
}

static void
upr_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UprRecord *self = UPR_RECORD (object);

  g_value_copy (&values_of (self)[prop_id - 1], value);
}

static void
upr_record_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  upr_record_set_value (UPR_RECORD (object), prop_id - 1, value);
}

static void
upr_record_finalize (GObject *object)
{
  UprRecord *self = UPR_RECORD (object);
  UprRecordPrivate *priv = upr_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < UPR_RECORD_GET_CLASS (self)->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (upr_record_parent_class)->finalize (object);
}

static void
upr_record_class_init (UprRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = upr_record_finalize;
}

static void
upr_record_init (UprRecord *self)
{
}

/**
 * upr_record_class_install_fields:
 * Declares the table and the fields of a record class, and installs one property per field.
 * Call once from the subclass's class_init.
 */
void
upr_record_class_install_fields (UprRecordClass *klass,
                                 const char     *table,
                                 const UprField *fields,
                                 guint           n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint n_base = G_N_ELEMENTS (base_fields);

  g_return_if_fail (n_base + n_fields <= 64);

  klass->table = table;
  klass->n_fields = n_base + n_fields;
  klass->fields = g_new0 (UprField, klass->n_fields);
  memcpy (klass->fields, base_fields, sizeof base_fields);
  memcpy (klass->fields + n_base, fields, n_fields * sizeof (UprField));

  object_class->get_property = upr_record_get_property;
  object_class->set_property = upr_record_set_property;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const UprField *field = &klass->fields[i];
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
      GParamSpec *pspec;

      switch (field->type)
        {
        case UPR_FIELD_STRING:
          pspec = g_param_spec_string (field->name, NULL, NULL, field->fallback_string, flags);
          break;
        case UPR_FIELD_INT:
          pspec = g_param_spec_int (field->name, NULL, NULL, field->minimum, field->maximum,
                                    field->fallback, flags);
          break;
        case UPR_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (field->name, NULL, NULL, field->fallback != 0, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

const GValue *
upr_record_peek_value (UprRecord *self,
                       guint      index)
{
  g_return_val_if_fail (UPR_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < UPR_RECORD_GET_CLASS (self)->n_fields, NULL);

  return &values_of (self)[index];
}

/* Empty strings are stored as NULL so that "not filled in" has one representation. */
void
upr_record_set_value (UprRecord    *self,
                      guint         index,
                      const GValue *value)
{
  UprRecordPrivate *priv = upr_record_get_instance_private (self);
  GValue *slot;
  g_auto(GValue) normalised = G_VALUE_INIT;

  g_return_if_fail (UPR_IS_RECORD (self));
  g_return_if_fail (index < UPR_RECORD_GET_CLASS (self)->n_fields);

  slot = &values_of (self)[index];
  g_value_init (&normalised, G_VALUE_TYPE (slot));
  g_value_transform (value, &normalised);
  if (G_VALUE_HOLDS_STRING (&normalised) && g_value_get_string (&normalised) != NULL
      && g_value_get_string (&normalised)[0] == '\0')
    g_value_set_string (&normalised, NULL);

  if (values_equal (slot, &normalised))
    return;

  g_value_copy (&normalised, g_value_reset (slot));
  priv->changed |= G_GUINT64_CONSTANT (1) << index;
  g_object_notify_by_pspec (G_OBJECT (self),
                            g_object_class_find_property (G_OBJECT_GET_CLASS (self),
                                                          UPR_RECORD_GET_CLASS (self)->fields[index].name));
}

const char *
upr_record_get_id (UprRecord *self)
{
  return g_value_get_string (upr_record_peek_value (self, 0));
}

const char *
upr_record_get_created_at (UprRecord *self)
{
  return g_value_get_string (upr_record_peek_value (self, 1));
}

const char *
upr_record_get_updated_at (UprRecord *self)
{
  return g_value_get_string (upr_record_peek_value (self, 2));
}

const char *
upr_record_get_string (UprRecord  *self,
                       const char *name)
{
  guint index = index_of (self, name);

  g_return_val_if_fail (index != G_MAXUINT, NULL);
  return g_value_get_string (upr_record_peek_value (self, index));
}

void
upr_record_set_string (UprRecord  *self,
                       const char *name,
                       const char *value)
{
  guint index = index_of (self, name);
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_if_fail (index != G_MAXUINT);
  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  upr_record_set_value (self, index, &gvalue);
}

int
upr_record_get_int (UprRecord  *self,
                    const char *name)
{
  guint index = index_of (self, name);
  const GValue *value;

  g_return_val_if_fail (index != G_MAXUINT, 0);
  value = upr_record_peek_value (self, index);
  return G_VALUE_HOLDS_BOOLEAN (value) ? g_value_get_boolean (value) : g_value_get_int (value);
}

void
upr_record_set_int (UprRecord  *self,
                    const char *name,
                    int         value)
{
  guint index = index_of (self, name);
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_return_if_fail (index != G_MAXUINT);
  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, value);
  upr_record_set_value (self, index, &gvalue);
}

gboolean
upr_record_is_changed (UprRecord *self,
                       guint      index)
{
  UprRecordPrivate *priv = upr_record_get_instance_private (self);

  return (priv->changed & (G_GUINT64_CONSTANT (1) << index)) != 0;
}

gboolean
upr_record_has_changes (UprRecord *self)
{
  UprRecordPrivate *priv = upr_record_get_instance_private (self);

  return priv->changed != 0;
}

void
upr_record_clear_changes (UprRecord *self)
{
  UprRecordPrivate *priv = upr_record_get_instance_private (self);

  priv->changed = 0;
}

guint64
upr_record_get_changes (UprRecord *self)
{
  UprRecordPrivate *priv;

  g_return_val_if_fail (UPR_IS_RECORD (self), 0);

  priv = upr_record_get_instance_private (self);
  return priv->changed;
}

void
upr_record_set_changes (UprRecord *self,
                        guint64    changes)
{
  UprRecordPrivate *priv;

  g_return_if_fail (UPR_IS_RECORD (self));

  priv = upr_record_get_instance_private (self);
  priv->changed = changes;
}

/* Names of the changed fields, never their values: the change log must not copy personal
 * data that the user may later delete. */
char *
upr_record_describe_changes (UprRecord *self)
{
  UprRecordClass *klass = UPR_RECORD_GET_CLASS (self);
  GString *out = g_string_new (NULL);

  for (guint i = 3; i < klass->n_fields; i++)
    if (upr_record_is_changed (self, i))
      g_string_append_printf (out, "%s%s", out->len ? ", " : "", klass->fields[i].name);
  return g_string_free (out, FALSE);
}

UprRecord *
upr_record_copy (UprRecord *self)
{
  UprRecordClass *klass;
  UprRecord *copy;
  GValue *values;

  g_return_val_if_fail (UPR_IS_RECORD (self), NULL);

  klass = UPR_RECORD_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  values = values_of (copy);
  for (guint i = 0; i < klass->n_fields; i++)
    g_value_copy (upr_record_peek_value (self, i), g_value_reset (&values[i]));
  return copy;
}
