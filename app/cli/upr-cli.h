/* upr-cli.h: Upright's command line (`upright check`, `upright demo`, …), run by main.c
 * before any display is opened. It works on the same core as the window, without GTK. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @argv asks for the command line rather than the window: --version/-v,
 * --help/-h, or any word that is not an option's value (a command, or a mistyped one). */
gboolean upr_cli_handles (int    argc,
                          char **argv);
/* Runs the command; returns the process exit status (see `upright --help`). Expects the
 * locale and text domain to be set up by main(). */
int      upr_cli_run     (int    argc,
                          char **argv);

G_END_DECLS
