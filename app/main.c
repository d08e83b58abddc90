/* main.c: Upright's entry point (the rest is in libupright). */
#include "config.h"

#include <glib/gi18n.h>

int
main (int   argc,
      char *argv[])
{
  return 0;
}
