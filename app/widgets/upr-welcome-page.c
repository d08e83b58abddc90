/* upr-welcome-page.c: the first page of a new user, all in its template. */
#include "config.h"

#include "upr-welcome-page.h"

struct _UprWelcomePage
{
  GtkWidget parent_instance;

  /* template widgets (bound so that dispose_template unparents it) */
  GtkWidget *scrolled_window;
};

G_DEFINE_FINAL_TYPE (UprWelcomePage, upr_welcome_page, GTK_TYPE_WIDGET)

static void
upr_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPR_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (upr_welcome_page_parent_class)->dispose (object);
}

static void
upr_welcome_page_class_init (UprWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upr_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/upr_info/Upright/upr-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UprWelcomePage, scrolled_window);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "uprwelcomepage");
}

static void
upr_welcome_page_init (UprWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upr_welcome_page_new (void)
{
  return g_object_new (UPR_TYPE_WELCOME_PAGE, NULL);
}
