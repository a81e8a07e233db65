/* fileio.h - reading a whole file with a bound, writing all of a buffer
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_FILEIO_H
#define LM_FILEIO_H
#include <stddef.h>

/* read a whole file, bounded by MAX bytes; NULL with errno set on failure */
char *read_file(const char *path, size_t max, size_t *len);
/* write N bytes of DATA to FD (again after EINTR); -1 with errno on failure */
int write_all(int fd, const void *data, size_t n);
/* fsync_dir - the directory DIR synced, so a rename into it survives a
 * crash; -1 with errno on failure */
int fsync_dir(const char *dir);
/* fsync_parent - the directory PATH is in synced (PATH has a '/') */
int fsync_parent(const char *path);

#endif
