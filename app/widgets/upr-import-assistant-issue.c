/* upr-import-assistant-issue.c: see the header. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-import-assistant-issue.h"

struct _UprImportAssistantIssue
{
  GObject parent_instance;

  UprImportSeverity severity;
  char             *row;
  char             *column;
  char             *message;
  char             *value;
};

G_DEFINE_FINAL_TYPE (UprImportAssistantIssue, upr_import_assistant_issue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_ICON_NAME,
  PROP_ROW,
  PROP_COLUMN,
  PROP_MESSAGE,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
severity_label (UprImportSeverity severity)
{
  switch (severity)
    {
    case UPR_IMPORT_SEVERITY_ERROR: return _("Error");
    case UPR_IMPORT_SEVERITY_SKIPPED: return C_("import problem", "Skipped");
    case UPR_IMPORT_SEVERITY_WARNING:
    default: return _("Warning");
    }
}

static const char *
severity_icon (UprImportSeverity severity)
{
  switch (severity)
    {
    case UPR_IMPORT_SEVERITY_ERROR: return "dialog-error-symbolic";
    case UPR_IMPORT_SEVERITY_SKIPPED: return "action-unavailable-symbolic";
    case UPR_IMPORT_SEVERITY_WARNING:
    default: return "dialog-warning-symbolic";
    }
}

static void
upr_import_assistant_issue_finalize (GObject *object)
{
  UprImportAssistantIssue *self = UPR_IMPORT_ASSISTANT_ISSUE (object);

  g_free (self->row);
  g_free (self->column);
  g_free (self->message);
  g_free (self->value);

  G_OBJECT_CLASS (upr_import_assistant_issue_parent_class)->finalize (object);
}

static void
upr_import_assistant_issue_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  UprImportAssistantIssue *self = UPR_IMPORT_ASSISTANT_ISSUE (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_string (value, severity_label (self->severity));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, severity_icon (self->severity));
      break;
    case PROP_ROW:
      g_value_set_string (value, self->row);
      break;
    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upr_import_assistant_issue_class_init (UprImportAssistantIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *names[N_PROPS] = {
    NULL, "severity", "icon-name", "row", "column", "message", "value"
  };

  object_class->finalize = upr_import_assistant_issue_finalize;
  object_class->get_property = upr_import_assistant_issue_get_property;

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upr_import_assistant_issue_init (UprImportAssistantIssue *self)
{
}

UprImportAssistantIssue *
upr_import_assistant_issue_new (const UprImportIssue *issue)
{
  UprImportAssistantIssue *self;

  g_return_val_if_fail (issue != NULL, NULL);

  self = g_object_new (UPR_TYPE_IMPORT_ASSISTANT_ISSUE, NULL);
  self->severity = issue->severity;
  self->row = issue->row > 0 ? g_strdup_printf ("%u", issue->row) : g_strdup ("");
  self->column = g_strdup (issue->column != NULL ? issue->column : "");
  self->message = g_strdup (issue->message);
  self->value = g_strdup (issue->value != NULL ? issue->value : "");
  return self;
}

UprImportSeverity
upr_import_assistant_issue_get_severity (UprImportAssistantIssue *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_ISSUE (self), UPR_IMPORT_SEVERITY_WARNING);

  return self->severity;
}

const char *
upr_import_assistant_issue_get_message (UprImportAssistantIssue *self)
{
  g_return_val_if_fail (UPR_IS_IMPORT_ASSISTANT_ISSUE (self), NULL);

  return self->message;
}
