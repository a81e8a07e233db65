/* daemon_os.c - the operating-system side of starting the daemon: the
 * listening socket, going to the background, the pidfile, privileges */
#include "autoconfig.h"
#include "daemon_os.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pwd.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sysexits.h>
#include <unistd.h>
#include <libmilter/mfapi.h>
#include "log.h"

const char *socket_unix_path(const char *spec)
{
	if (strncmp(spec, "unix:", 5) == 0)
		return spec + 5;
	if (strncmp(spec, "local:", 6) == 0)
		return spec + 6;
	return NULL;
}

/* a socket file left by a crashed run is removed; one with a live daemon
 * behind it, or anything that is not a socket, is left alone */
int socket_clear_stale(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct stat st;
	int fd, live;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISSOCK(st.st_mode)) {
		log_msg(LOG_ERR, "%s exists and is not a socket: not touching it", path);
		return -1;
	}
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	live = fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
	if (fd >= 0)
		close(fd);
	if (live) {
		log_msg(LOG_ERR, "%s: another milter is listening there", path);
		return -1;
	}
	if (unlink(path) < 0) {
		log_msg(LOG_ERR, "%s: cannot remove the stale socket: %s", path, strerror(errno));
		return -1;
	}
	log_msg(LOG_NOTICE, "%s: removed a stale socket", path);
	return 0;
}

/* the configured user's uid and primary gid; -1 (logged) when there is no
 * such user. getpwnam_r: threads may be running already. */
static int find_user(const struct config *c, uid_t *uid, gid_t *gid)
{
	struct passwd pw, *found = NULL;
	char buf[16384];
	int rc = getpwnam_r(c->user, &pw, buf, sizeof buf, &found);

	if (!found) {
		if (rc)
			log_msg(LOG_ERR, "user %s: cannot look it up: %s", c->user, strerror(rc));
		else
			log_msg(LOG_ERR, "user %s: no such user", c->user);
		return -1;
	}
	*uid = pw.pw_uid;
	*gid = pw.pw_gid;
	return 0;
}

/* the user, and the group of the socket: socket_group, else the user's */
static int lookup_user(const struct config *c, uid_t *uid, gid_t *gid)
{
	if (find_user(c, uid, gid) < 0)
		return -1;
	if (c->socket_group[0]) {
		struct group *gr = getgrnam(c->socket_group);

		if (!gr) {
			log_msg(LOG_ERR, "socket_group %s: no such group", c->socket_group);
			return -1;
		}
		*gid = gr->gr_gid;
	}
	return 0;
}

/* PATH already has owner UID ((uid_t)-1: any) and group GID: no chown, which
 * the systemd unit's system-call filter refuses (@privileged) */
static bool owned_by(const char *path, uid_t uid, gid_t gid)
{
	struct stat st;

	return lstat(path, &st) == 0 && (uid == (uid_t)-1 || st.st_uid == uid) && st.st_gid == gid;
}

/* owner, group and mode of the unix socket, so the MTA's user can connect */
int socket_access(const struct config *c, const char *path)
{
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (getuid() == 0 && lookup_user(c, &uid, &gid) < 0)
		return -1;
	if (getuid() != 0 && c->socket_group[0]) {
		struct group *gr = getgrnam(c->socket_group);

		if (!gr) {
			log_msg(LOG_ERR, "socket_group %s: no such group", c->socket_group);
			return -1;
		}
		gid = gr->gr_gid;
		uid = (uid_t)-1;
	}
	if (!owned_by(path, uid, gid) && chown(path, uid, gid) < 0) {
		log_msg(LOG_ERR, "%s: cannot set owner and group: %s", path, strerror(errno));
		return -1;
	}
	if (chmod(path, c->socket_mode) < 0) {
		log_msg(LOG_ERR, "%s: cannot set mode: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* libmilter keeps its listener to itself: find it among our descriptors */
static void nodelay_on_listener(void)
{
	for (int fd = 3; fd < 1024; fd++) {
		struct sockaddr_storage ss;
		socklen_t len = sizeof ss;
		int on = 1, listening = 0;
		socklen_t olen = sizeof listening;

		if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0 ||
		    (ss.ss_family != AF_INET && ss.ss_family != AF_INET6) ||
		    getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &olen) < 0 || !listening)
			continue;
		/* Linux hands the option on to the accepted sockets */
		if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) < 0)
			log_msg(LOG_WARNING, "TCP_NODELAY on the listener: %s", strerror(errno));
	}
}

int open_listener(const struct config *c)
{
	const char *path = socket_unix_path(c->socket);
	mode_t old;
	int rc;

	if (path && socket_clear_stale(path) < 0)
		return -1;
	/* the socket is born with no access; its mode is set once it exists */
	old = umask(0177);
	rc = smfi_opensocket(false);
	umask(old);
	if (rc != MI_SUCCESS) {
		log_msg(LOG_ERR, "cannot open the socket %s", c->socket);
		return -1;
	}
	if (path)
		return socket_access(c, path);
	nodelay_on_listener();
	return 0;
}

static int status_fd = -1;	/* the write end of the status pipe, in the daemon */

/* the parent that the shell waits for: it exits with the daemon's start-up
 * status, or EX_SOFTWARE when the daemon died before it said one */
static void wait_status(int fd)
{
	unsigned char rc = EX_SOFTWARE;
	ssize_t n;

	while ((n = read(fd, &rc, 1)) < 0 && errno == EINTR)
		;
	_exit(n == 1 ? rc : EX_SOFTWARE);
}

void background_status(int rc)
{
	unsigned char b = (unsigned char)(rc > 0 && rc < 256 ? rc : rc ? EX_SOFTWARE : 0);

	if (status_fd < 0)
		return;
	if (write(status_fd, &b, 1) != 1)
		log_msg(LOG_WARNING, "cannot report the start-up status: %s", strerror(errno));
	close(status_fd);
	status_fd = -1;
}

int go_background(void)
{
	int p[2], fd;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0 || (pid = fork()) < 0)
		return -1;
	if (pid > 0) {
		close(p[1]);
		wait_status(p[0]);
	}
	close(p[0]);
	status_fd = p[1];
	setsid();
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0)
		_exit(0);
	if (chdir("/") < 0)
		return -1;
	fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	return 0;
}

/* a pidfile naming a process that still runs is not overwritten */
static int pidfile_busy(const char *path)
{
	char buf[32] = "";
	FILE *f = fopen(path, "r");
	long pid;

	if (!f)
		return 0;
	if (!fgets(buf, sizeof buf, f))
		buf[0] = '\0';
	fclose(f);
	pid = strtol(buf, NULL, 10);
	return pid > 1 && pid != getpid() && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

int check_start(const struct config *c)
{
	uid_t uid;
	gid_t gid;

	if (getuid() == 0) {
		if (find_user(c, &uid, &gid) < 0)
			return -1;
		if (uid == 0 && !c->allow_root) {
			log_msg(LOG_ERR, "refusing to run as root: set user, or allow_root = true");
			return -1;
		}
	}
	if (c->pidfile[0] && pidfile_busy(c->pidfile)) {
		log_msg(LOG_ERR, "%s: another linkedin-milter runs", c->pidfile);
		return -1;
	}
	return 0;
}

int write_pidfile(const struct config *c)
{
	char tmp[4096];
	int fd;
	uid_t uid;
	gid_t gid;

	if (!c->pidfile[0])
		return 0;
	if (pidfile_busy(c->pidfile)) {
		log_msg(LOG_ERR, "%s: another linkedin-milter runs", c->pidfile);
		return -1;
	}
	snprintf(tmp, sizeof tmp, "%s.%ld", c->pidfile, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0 || dprintf(fd, "%ld\n", (long)getpid()) < 0 || close(fd) < 0 ||
	    rename(tmp, c->pidfile) < 0) {
		log_msg(LOG_ERR, "%s: cannot write the pidfile: %s", c->pidfile, strerror(errno));
		unlink(tmp);
		return -1;
	}
	/* the unprivileged daemon removes it at exit */
	if (getuid() == 0 && lookup_user(c, &uid, &gid) == 0 && chown(c->pidfile, uid, (gid_t)-1) < 0)
		log_msg(LOG_WARNING, "%s: cannot hand the pidfile to %s", c->pidfile, c->user);
	return 0;
}

void remove_pidfile(const struct config *c)
{
	if (c->pidfile[0] && unlink(c->pidfile) < 0 && errno != ENOENT)
		log_msg(LOG_WARNING, "%s: cannot remove the pidfile: %s", c->pidfile, strerror(errno));
}

static int prepare_dir(const struct config *c, const char *dir)
{
	uid_t uid;
	gid_t gid;

	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		log_msg(LOG_ERR, "spool %s: %s", dir, strerror(errno));
		return -1;
	}
	if (getuid() != 0)
		return 0;
	if (find_user(c, &uid, &gid) < 0)
		return -1;
	if (chown(dir, uid, gid) < 0) {
		log_msg(LOG_ERR, "spool %s: cannot give it to %s: %s", dir, c->user, strerror(errno));
		return -1;
	}
	return 0;
}

int prepare_spools(const struct config *c)
{
	if (prepare_dir(c, c->owner.drafts.spool) < 0)
		return -1;
	for (size_t i = 0; i < c->n_profiles; i++)
		if (prepare_dir(c, c->profiles[i].drafts.spool) < 0)
			return -1;
	return 0;
}

int drop_privileges(const struct config *c)
{
	uid_t uid;
	gid_t gid;

	if (getuid() != 0 && geteuid() != 0)
		return 0;	/* started as the user already (systemd User=) */
	if (find_user(c, &uid, &gid) < 0)
		return -1;
	if (uid == 0) {
		if (c->allow_root)
			return 0;
		log_msg(LOG_ERR, "refusing to run as root: set user, or allow_root = true");
		return -1;
	}
	if (setgroups(1, &gid) < 0 || setgid(gid) < 0 || setuid(uid) < 0 ||
	    getuid() != uid || geteuid() != uid || setuid(0) == 0) {
		log_msg(LOG_ERR, "cannot become user %s: %s", c->user, strerror(errno));
		return -1;
	}
	return 0;
}
