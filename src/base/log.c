/* log.c - one logging path for the daemon and the tools: syslog or stderr */
#include "autoconfig.h"
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdatomic.h>

static int use_stderr = 1;
static atomic_int max_level = LOG_INFO;

static const char *prio_name(int p)
{
	static const char *const names[] = {
		"emerg", "alert", "crit", "error", "warning", "notice", "info", "debug"
	};
	return p >= 0 && p <= LOG_DEBUG ? names[p] : "log";
}

void log_open(const char *ident, int to_stderr, int facility, int level)
{
	use_stderr = to_stderr;
	max_level = level;
	if (!use_stderr)
		openlog(ident, LOG_PID | LOG_NDELAY, facility);
}

void log_set_level(int level)
{
	max_level = level;
}

int log_level(void)
{
	return max_level;
}

/* one log line: what the message says, bounded, with any control
 * character from the network (a name, a queue id) shown as "?", so nothing
 * can start a line of its own in the log */
void log_msg(int priority, const char *fmt, ...)
{
	char line[2048];
	va_list ap;

	if (priority > max_level)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	for (char *p = line; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	if (use_stderr)
		fprintf(stderr, "linkedin-milter: %s: %s\n", prio_name(priority), line);
	else
		syslog(priority, "%s", line);
}

void log_close(void)
{
	if (!use_stderr)
		closelog();
}
