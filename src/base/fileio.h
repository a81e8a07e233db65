/* fileio.h - reading a whole file with a bound, writing all of a buffer */
#ifndef LM_FILEIO_H
#define LM_FILEIO_H
#include <stddef.h>

/* read a whole file, bounded by MAX bytes; NULL with errno set on failure */
char *read_file(const char *path, size_t max, size_t *len);
/* write N bytes of DATA to FD (again after EINTR); -1 with errno on failure */
int write_all(int fd, const void *data, size_t n);

#endif
