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

void log_msg(int priority, const char *fmt, ...)
{
	va_list ap;

	if (priority > max_level)
		return;
	va_start(ap, fmt);
	if (use_stderr) {
		flockfile(stderr);
		fprintf(stderr, "linkedin-milter: %s: ", prio_name(priority));
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
		funlockfile(stderr);
	} else {
		vsyslog(priority, fmt, ap);
	}
	va_end(ap);
}

void log_close(void)
{
	if (!use_stderr)
		closelog();
}
