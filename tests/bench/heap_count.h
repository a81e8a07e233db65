/* heap_count.h - the heap bytes this process holds (see heap_count.c) */
#ifndef LM_HEAP_COUNT_H
#define LM_HEAP_COUNT_H
#include <stddef.h>

/* heap_peak_reset - start a new peak at what is held now */
void heap_peak_reset(void);
size_t heap_live(void);
/* heap_peak - the most held since the last heap_peak_reset */
size_t heap_peak(void);

#endif
