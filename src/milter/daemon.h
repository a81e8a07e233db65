/* daemon.h - the daemon mode: the listening socket, privileges, signals,
 * reloads, and libmilter's main loop until a signal to stop */
#ifndef LM_DAEMON_H
#define LM_DAEMON_H
/* DIAGNOSTICS (milter): an internal error in a message's path (out of
 * memory anywhere in it) is on_error: tempfail, or accept unchanged; one
 * error line; carry_out() changes nothing when it cannot make a value. */
#include <stdbool.h>
#include "config.h"

/* daemon_run - serve with C (CONFIG_FILE is read again on SIGHUP/SIGUSR1);
 * in the foreground when FOREGROUND; the exit status */
int daemon_run(struct config *c, const char *config_file, bool foreground);

#endif
