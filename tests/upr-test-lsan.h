/* upr-test-lsan.h: keeps LeakSanitizer quiet about the one block GLib leaks on purpose.
 *
 * GLib keeps quark names in an array that it grows 2,048 entries at a time; growing it
 * drops the old array without freeing it, so that lock-free readers never see freed memory
 * (gquark.c, "This leaks the old quarks array"). A process as big as the matrix page makes
 * more than 2,048 quarks, and LeakSanitizer then reports the first array: 16 KiB allocated
 * by GLib's constructor, with a stack of just g_malloc (GLib has no frame pointers), which no
 * suppression can single out without hiding every leak that goes through g_malloc.
 *
 * So, in the sanitizer build only, a GUI test calls upr_test_lsan_ignore_quark_array() first
 * thing in main(): it finds the array through GLib's writable data (the one pointer there
 * to a 16 KiB heap block holding quark 1's and quark 2's names at indexes 1 and 2) and tells
 * LeakSanitizer to ignore that block only. Every other leak is still reported. */
#pragma once

#include <glib.h>

void upr_test_lsan_ignore_quark_array (void);
