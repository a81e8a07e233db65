/* daemon_os.h - the operating-system side of starting the daemon: the
 * listening socket, going to the background, the pidfile, privileges
 *
 * DIAGNOSTICS (milter): an internal error in a message's path (out of
 * memory anywhere in it) is on_error: tempfail, or accept unchanged; one
 * error line; carry_out() changes nothing when it cannot make a value. */
#ifndef LM_DAEMON_OS_H
#define LM_DAEMON_OS_H
#include "config.h"

/* open_listener - the socket, opened before privileges are dropped: a stale
 * unix socket is removed, a live one is refused; owner, group and mode as
 * configured; TCP_NODELAY on an inet listener. -1 on error (logged). */
int open_listener(const struct config *c);
/* socket_unix_path - the path of a unix:/PATH or local:/PATH socket, else NULL */
const char *socket_unix_path(const char *spec);
/* socket_clear_stale - a unix socket at PATH left by a crashed run removed;
 * -1 (logged) when a live one is there, or something that is no socket */
int socket_clear_stale(const char *path);
/* socket_access - the unix socket PATH given the owner, group and mode of
 * the milter's socket */
int socket_access(const struct config *c, const char *path);
int go_background(void);
/* background_status - tell the shell's parent process how start-up went
 * (0 = running, else the exit status); once, and only after go_background() */
void background_status(int rc);
int write_pidfile(const struct config *c);
void remove_pidfile(const struct config *c);
/* check_start - the checks that may stop the start: the user exists, root
 * only when allowed, no other daemon holds the pidfile */
int check_start(const struct config *c);
/* prepare_spools - the draft spool directories exist and belong to `user` */
int prepare_spools(const struct config *c);
/* drop_privileges - started as root: become `user` (checked), unless
 * allow_root says root may stay; started as another user: nothing to do */
int drop_privileges(const struct config *c);

#endif
