/* upr-form.h: helpers shared by Upright's editing forms (workshop details, participant and
 * agenda editors, the fast entry row): drop-downs over closed vocabularies that can be
 * driven from the keyboard, checking dates and times as typed, showing a field's error,
 * and putting a record back as it was when the store refuses a change. */
#pragma once

#include <gtk/gtk.h>

#include "upr-types.h"
#include "upr-vocab.h"

G_BEGIN_DECLS

/* Fills @drop_down with the translated labels of @vocab. With @none_label, an entry meaning
 * "not recorded" (id NULL) comes first. While it has focus the drop-down also answers Up
 * and Down and the first letter of a label, so a form can be filled without opening it. */
void        upr_form_setup_vocab_drop_down (GtkDropDown *drop_down,
                                            UprVocab     vocab,
                                            const char  *none_label);
const char *upr_form_get_vocab_id          (GtkDropDown *drop_down);
void        upr_form_set_vocab_id          (GtkDropDown *drop_down,
                                            const char  *id);
/* The keyboard handling above, for drop-downs over any GtkStringList. */
void        upr_form_add_drop_down_keys    (GtkDropDown *drop_down);

/* Dates are "YYYY-MM-DD", times "HH:MM" (24-hour). Lenient on input ("2024-3-7", "9:30"),
 * strict on output. Empty or blank text is valid and gives NULL. */
gboolean    upr_form_parse_date            (const char  *text,
                                            char       **normalised);
gboolean    upr_form_parse_time            (const char  *text,
                                            char       **normalised);

/* The text of an editable with surrounding white space removed; NULL when empty. */
char       *upr_form_get_text              (GtkEditable *editable);
/* Sets the text only when it differs, so the cursor does not jump while someone types. */
void        upr_form_set_text              (GtkEditable *editable,
                                            const char  *text);
char       *upr_form_get_buffer_text       (GtkTextView *view);
void        upr_form_set_buffer_text       (GtkTextView *view,
                                            const char  *text);

/* Shows @message under a field (NULL hides it) and gives @field the error style; the
 * message is also set as the field's accessible description, so a screen reader says it. */
void        upr_form_show_error            (GtkWidget   *field,
                                            GtkLabel    *label,
                                            const char  *message);

/* Puts every field of @record back to its value in @snapshot (a copy taken before the
 * change), so that what is shown and what is stored agree after a refusal. */
void        upr_form_revert_record         (UprRecord   *record,
                                            UprRecord   *snapshot);

/* Removes every row of @list (GTK 4.8 has no gtk_list_box_remove_all()). */
void        upr_form_clear_list_box        (GtkListBox  *list);

G_END_DECLS
