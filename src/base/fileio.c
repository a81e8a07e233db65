/* fileio.c - whole-file reads with a bound, and writes that finish */
#include "autoconfig.h"
#include "fileio.h"
#include "buf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

char *read_file(const char *path, size_t max, size_t *lenp)
{
	struct buf b;
	char chunk[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	buf_init(&b, max);
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (buf_append(&b, chunk, (size_t)n) < 0)
			goto fail;
		if (b.truncated) {
			errno = EFBIG;
			goto fail;
		}
	}
	close(fd);
	if (lenp)
		*lenp = b.len;
	return buf_steal(&b);
fail:
	n = errno;
	close(fd);
	buf_free(&b);
	errno = (int)n;
	return NULL;
}

int write_all(int fd, const void *data, size_t n)
{
	const char *p = data;

	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int fsync_parent(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');

	if (!slash || snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path) >=
	    (int)sizeof dir) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return fsync_dir(dir[0] ? dir : "/");
}
