/* metrics_http.h - the metrics endpoint (`metrics` in the configuration):
 * listening before the daemon forks, serving on its own thread after */
#ifndef LM_METRICS_HTTP_H
#define LM_METRICS_HTTP_H
/* DIAGNOSTICS (milter): an internal error in a message's path (out of
 * memory anywhere in it) is on_error: tempfail, or accept unchanged; one
 * error line; carry_out() changes nothing when it cannot make a value. */
#include "config.h"

/* metrics_listen - the socket of C's `metrics` opened (nothing when it is
 * ""); -1 with the reason logged when it cannot be (a taken port) */
int metrics_listen(const struct config *c);
/* metrics_start - the server's thread on that socket; -1 (logged) on failure */
int metrics_start(void);
/* metrics_stop - the thread stopped, the socket closed */
void metrics_stop(void);

#endif
