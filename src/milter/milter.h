/* milter.h - the libmilter glue: callbacks, negotiation, actions on the
 * message. The work itself is the engine's.
 *
 * DIAGNOSTICS (milter): an internal error in a message's path (out of
 * memory anywhere in it) is on_error: tempfail, or accept unchanged; one
 * error line; carry_out() changes nothing when it cannot make a value. */
#ifndef LM_MILTER_H
#define LM_MILTER_H
#include "config.h"

/* milter_register - smfi_register() our callbacks; -1 on failure */
int milter_register(void);
/* milter_sessions - SMTP sessions open now */
int milter_sessions(void);
/* milter_log_counters - one line with the totals (at exit) */
void milter_log_counters(void);

/* provided by the daemon: a reference to the configuration in force */
struct config *current_config(void);

#endif
