/* log.h - one logging path for the daemon and the tools: syslog or stderr
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_LOG_H
#define LM_LOG_H
#include <syslog.h>

/* log_open - IDENT for syslog; TO_STDERR sends lines to stderr instead;
 * LEVEL is the highest syslog priority logged (LOG_INFO by default) */
void log_open(const char *ident, int to_stderr, int facility, int level);
void log_set_level(int level);
int log_level(void);
void log_msg(int priority, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void log_close(void);

#endif
