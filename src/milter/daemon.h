/* daemon.h - the daemon mode: the listening socket, privileges, signals,
 * reloads, and libmilter's main loop until a signal to stop */
#ifndef LM_DAEMON_H
#define LM_DAEMON_H
/* DIAGNOSTICS (milter): an internal error in a message's path (out of
 * memory anywhere in it) is on_error: tempfail, or accept unchanged; one
 * error line; carry_out() changes nothing when it cannot make a value. */
#include <stdbool.h>
#include "config.h"

/* daemon_run - serve with C (CONFIG_FILE is read again on SIGUSR1; SIGTERM,
 * SIGINT and SIGHUP stop: libmilter's own thread takes those three, so
 * SIGHUP cannot reload); in the foreground when FOREGROUND; the exit status */
int daemon_run(struct config *c, const char *config_file, bool foreground);
/* daemon_use - C, read from FILE (NULL: the built-in defaults), in force
 * from now (daemon_run's first step) */
void daemon_use(struct config *c, const char *file);
/* daemon_reload - FILE read again and swapped in; on an error the
 * configuration in force is kept (logged, counted) */
void daemon_reload(void);

#endif
