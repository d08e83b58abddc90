/* upr-test-lsan.c: see upr-test-lsan.h. _GNU_SOURCE first, for dl_iterate_phdr(). */
#define _GNU_SOURCE
#include "upr-test-lsan.h"

#if defined(__SANITIZE_ADDRESS__)
#include <link.h>
#include <sanitizer/lsan_interface.h>
#include <string.h>

/* From the sanitizer allocator's interface (its header is not shipped with gcc 12). */
int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

static int
upr_test_lsan_scan_glib (struct dl_phdr_info *info,
                         size_t               size,
                         void                *data)
{
  const char * const *wanted = data;

  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      guintptr start, end;

      if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W))
        continue;
      start = (info->dlpi_addr + segment->p_vaddr + sizeof (gpointer) - 1)
              & ~(guintptr) (sizeof (gpointer) - 1);
      end = info->dlpi_addr + segment->p_vaddr + segment->p_memsz;
      for (guintptr at = start; at + sizeof (gpointer) <= end; at += sizeof (gpointer))
        {
          const char * const *array = *(const char * const **) at;

          if (array != NULL
              && __sanitizer_get_ownership (array)
              && __sanitizer_get_allocated_size (array) == 2048 * sizeof (char *)
              && array[1] == wanted[1] && array[2] == wanted[2])
            {
              __lsan_ignore_object (array);
              return 1;
            }
        }
    }
  return 1;
}

void
upr_test_lsan_ignore_quark_array (void)
{
  const char *wanted[3] = { NULL, g_quark_to_string (1), g_quark_to_string (2) };

  if (wanted[1] != NULL && wanted[2] != NULL)
    dl_iterate_phdr (upr_test_lsan_scan_glib, wanted);
}
#else
void
upr_test_lsan_ignore_quark_array (void)
{
}
#endif
