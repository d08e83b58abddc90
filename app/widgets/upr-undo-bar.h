/* upr-undo-bar.h: the "Workshop deleted  [Undo]" notification at the bottom of a window.
 *
 * A deletion is applied at once but can be undone for a few seconds: the caller passes what
 * undoes it and what makes it final. Exactly one of the two runs, once: undo when the user
 * clicks Undo or presses Ctrl+Z while the bar shows; commit on timeout, on close, when a new
 * offer replaces this one (from this bar or any other in the same window), or when the bar
 * is disposed. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPR_TYPE_UNDO_BAR (upr_undo_bar_get_type ())
G_DECLARE_FINAL_TYPE (UprUndoBar, upr_undo_bar, UPR, UNDO_BAR, GtkWidget)

typedef void (*UprUndoFunc) (gpointer data);

GtkWidget *upr_undo_bar_new         (void);

/* Shows @message with an Undo button. A pending offer is committed first. @undo and
 * @commit may be NULL; @destroy frees @data after whichever of them ran. */
void       upr_undo_bar_offer       (UprUndoBar     *self,
                                     const char     *message,
                                     UprUndoFunc     undo,
                                     UprUndoFunc     commit,
                                     gpointer        data,
                                     GDestroyNotify  destroy);
/* Runs the pending undo now; FALSE when nothing was pending. */
gboolean   upr_undo_bar_undo        (UprUndoBar     *self);
/* Makes the pending offer final now (also what the timeout does). */
void       upr_undo_bar_commit      (UprUndoBar     *self);
/* "pending": whether an offer is shown. */
gboolean   upr_undo_bar_get_pending (UprUndoBar     *self);
/* "timeout": milliseconds an offer stays before it is committed (default 7000). Applies to
 * the next offer. */
guint      upr_undo_bar_get_timeout (UprUndoBar     *self);
void       upr_undo_bar_set_timeout (UprUndoBar     *self,
                                     guint           msec);

G_END_DECLS
