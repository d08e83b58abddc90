/* upr-form.c: helpers shared by Upright's editing forms; see upr-form.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "upr-fold.h"
#include "upr-form.h"
#include "upr-record.h"

#define VOCAB_KEY  "upr-form-vocab"
#define OFFSET_KEY "upr-form-offset"

/* Drop-downs */

static guint
n_choices (GtkDropDown *drop_down)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static gboolean
label_starts_with (GtkDropDown *drop_down,
                   guint        position,
                   const char  *folded_prefix)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);
  g_autofree char *folded = NULL;

  if (!GTK_IS_STRING_OBJECT (item))
    return FALSE;
  folded = upr_fold (gtk_string_object_get_string (item));
  return g_str_has_prefix (folded, folded_prefix);
}

/* The next choice after the selected one whose label starts with the typed letter, so that
 * pressing the same letter again walks through the choices that share it. */
static gboolean
select_by_letter (GtkDropDown *drop_down,
                  gunichar     letter)
{
  char utf8[8] = { 0 };
  g_autofree char *folded = NULL;
  guint n = n_choices (drop_down);
  guint selected = gtk_drop_down_get_selected (drop_down);

  g_unichar_to_utf8 (letter, utf8);
  folded = upr_fold (utf8);
  if (folded == NULL || folded[0] == '\0')
    return FALSE;

  for (guint step = 1; step <= n; step++)
    {
      guint position = selected == GTK_INVALID_LIST_POSITION ? step - 1 : (selected + step) % n;

      if (label_starts_with (drop_down, position, folded))
        {
          gtk_drop_down_set_selected (drop_down, position);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
drop_down_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          gpointer               user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkDropDown *drop_down = GTK_DROP_DOWN (widget);
  guint selected = gtk_drop_down_get_selected (drop_down);
  guint n = n_choices (drop_down);
  gunichar letter;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || n == 0)
    return FALSE;

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    {
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
        gtk_drop_down_set_selected (drop_down, selected - 1);
      return TRUE;
    }
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      if (selected == GTK_INVALID_LIST_POSITION)
        gtk_drop_down_set_selected (drop_down, 0);
      else if (selected + 1 < n)
        gtk_drop_down_set_selected (drop_down, selected + 1);
      return TRUE;
    }

  letter = gdk_keyval_to_unicode (keyval);
  if (letter == 0 || !g_unichar_isalnum (letter))
    return FALSE;
  return select_by_letter (drop_down, letter);
}

void
upr_form_add_drop_down_keys (GtkDropDown *drop_down)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (drop_down_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (drop_down), keys);
}

void
upr_form_setup_vocab_drop_down (GtkDropDown *drop_down,
                                UprVocab     vocab,
                                const char  *none_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const UprVocabEntry *entries;
  guint n_entries = 0;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  entries = upr_vocab_entries (vocab, &n_entries);
  if (none_label != NULL)
    gtk_string_list_append (labels, none_label);
  for (guint i = 0; i < n_entries; i++)
    gtk_string_list_append (labels, upr_vocab_label (vocab, entries[i].id));

  g_object_set_data (G_OBJECT (drop_down), VOCAB_KEY, GUINT_TO_POINTER (vocab + 1));
  g_object_set_data (G_OBJECT (drop_down), OFFSET_KEY, GUINT_TO_POINTER (none_label != NULL));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  upr_form_add_drop_down_keys (drop_down);
}

const char *
upr_form_get_vocab_id (GtkDropDown *drop_down)
{
  guint vocab = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), VOCAB_KEY));
  guint offset = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), OFFSET_KEY));
  guint selected = gtk_drop_down_get_selected (drop_down);

  g_return_val_if_fail (vocab > 0, NULL);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset)
    return NULL;
  return upr_vocab_id_at (vocab - 1, (int) (selected - offset));
}

/* An id this version does not know selects "not recorded" (or the first choice) rather than
 * a wrong one. */
void
upr_form_set_vocab_id (GtkDropDown *drop_down,
                       const char  *id)
{
  guint vocab = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), VOCAB_KEY));
  guint offset = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), OFFSET_KEY));
  int index;
  guint position;

  g_return_if_fail (vocab > 0);

  index = upr_vocab_index (vocab - 1, id);
  position = index < 0 ? 0 : (guint) index + offset;
  if (gtk_drop_down_get_selected (drop_down) != position)
    gtk_drop_down_set_selected (drop_down, position);
}

/* Dates and times */

static gboolean
parse_number (const char **cursor,
              guint        max_digits,
              int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit (**cursor))
    {
      *value = *value * 10 + (**cursor - '0');
      (*cursor)++;
      n++;
    }
  return n > 0;
}

gboolean
upr_form_parse_date (const char  *text,
                     char       **normalised)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = copy;
  int year, month, day;

  *normalised = NULL;
  if (*p == '\0')
    return TRUE;

  if (!parse_number (&p, 4, &year) || *p++ != '-'
      || !parse_number (&p, 2, &month) || *p++ != '-'
      || !parse_number (&p, 2, &day) || *p != '\0')
    return FALSE;
  /* A four-digit year in a plausible range catches "24-03-27" and typos like "20244". */
  if (year < 1900 || year > 2199 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  *normalised = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

static gboolean
parse_exactly_two (const char **cursor,
                   int         *value)
{
  const char *start = *cursor;

  return parse_number (cursor, 2, value) && *cursor - start == 2;
}

/* Accepts "9:30", "09:30", "9.30", "0930", "13", and the French "13h", "13h30", "13 h 30". */
gboolean
upr_form_parse_time (const char  *text,
                     char       **normalised)
{
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);
  g_autofree char *compact = g_strjoinv ("", words);
  const char *p = compact;
  int hours, minutes = 0;

  *normalised = NULL;
  if (*p == '\0')
    return TRUE;

  if (!parse_number (&p, 2, &hours))
    return FALSE;
  if (*p == 'h' || *p == 'H')
    {
      p++;
      if (*p != '\0' && !parse_exactly_two (&p, &minutes))
        return FALSE;
    }
  else if (*p == ':' || *p == '.')
    {
      p++;
      /* "9:3" is a slip, not 09:03 or 09:30 */
      if (!parse_exactly_two (&p, &minutes))
        return FALSE;
    }
  else if (*p != '\0' && !parse_exactly_two (&p, &minutes))
    return FALSE;

  if (*p != '\0' || hours > 23 || minutes > 59)
    return FALSE;

  *normalised = g_strdup_printf ("%02d:%02d", hours, minutes);
  return TRUE;
}

/* Text */

char *
upr_form_get_text (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

void
upr_form_set_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

char *
upr_form_get_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

void
upr_form_set_buffer_text (GtkTextView *view,
                          const char  *text)
{
  g_autofree char *current = upr_form_get_buffer_text (view);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* Errors */

void
upr_form_show_error (GtkWidget  *field,
                     GtkLabel   *label,
                     const char *message)
{
  if (message != NULL)
    {
      if (field != NULL)
        {
          gtk_widget_add_css_class (field, "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
        }
      gtk_label_set_text (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
    }
  else
    {
      if (field != NULL)
        {
          gtk_widget_remove_css_class (field, "error");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (field),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
    }
}

/* Records */

void
upr_form_revert_record (UprRecord *record,
                        UprRecord *snapshot)
{
  guint n_fields;

  g_return_if_fail (UPR_IS_RECORD (record));
  g_return_if_fail (G_OBJECT_TYPE (record) == G_OBJECT_TYPE (snapshot));

  n_fields = UPR_RECORD_GET_CLASS (record)->n_fields;
  for (guint i = 0; i < n_fields; i++)
    upr_record_set_value (record, i, upr_record_peek_value (snapshot, i));
}

void
upr_form_clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  /* By row, not by child: a list box may have children that are not rows (a placeholder, a
   * header), which gtk_list_box_remove() refuses with a warning, and a loop over the first
   * child would then never end. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}
