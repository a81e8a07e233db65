/* metrics_http.c - the optional metrics endpoint: GET /metrics over HTTP
 * with libmicrohttpd, on a thread of its own, a few connections at a time,
 * each dropped after a few idle seconds. The listening socket is opened
 * before the daemon forks and drops privileges (a taken port stops the start
 * with a clear error); the server starts after. A scrape reads the metrics'
 * atomics and counts the drafts in the spools: it takes no lock of the mail
 * path but the configuration's, for as long as a reference takes. */
#include "autoconfig.h"
#include "metrics_http.h"

#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "daemon_os.h"
#include "log.h"
#include "metrics.h"
#include "milter.h"
#include "spool_census.h"
#include "buf.h"

#define MAX_CONNECTIONS 8
#define IDLE_SECONDS 5
#define MAX_SPOOL_FILES 100000	/* files looked at per spool and scrape */

static int listen_fd = -1;
static struct MHD_Daemon *server;
static char unix_socket[108];	/* removed at the end, when it is one */

/* PORT@HOST of an inet: or inet6: socket into a listening socket */
/* a listener that could not be made: why into ERR, FD closed; -1 */
static int listen_failed(int fd, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s", strerror(errno));
	if (fd >= 0)
		close(fd);
	return -1;
}

static int inet_listener(const char *spec, char *err, size_t errlen)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *res = NULL;
	const char *at = strchr(spec, '@'), *colon = strchr(spec, ':');
	char port[16], host[256];
	int fd = -1, on = 1, rc;

	hints.ai_family = strncmp(spec, "inet6:", 6) == 0 ? AF_INET6 : AF_INET;
	snprintf(port, sizeof port, "%.*s", at ? (int)(at - colon - 1) : 15, colon + 1);
	snprintf(host, sizeof host, "%s", at ? at + 1 : "");
	if ((rc = getaddrinfo(*host ? host : NULL, port, &hints, &res)) != 0) {
		snprintf(err, errlen, "%s", gai_strerror(rc));
		return -1;
	}
	if ((fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0 ||
	    bind(fd, res->ai_addr, res->ai_addrlen) < 0 || listen(fd, MAX_CONNECTIONS) < 0) {
		fd = listen_failed(fd, err, errlen);
	}
	freeaddrinfo(res);
	return fd;
}

static int unix_listener(const struct config *c, const char *path, char *err, size_t errlen)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd;
	mode_t old;

	if (strlen(path) >= sizeof sa.sun_path || socket_clear_stale(path) < 0) {
		snprintf(err, errlen, "cannot use the path");
		return -1;
	}
	memcpy(sa.sun_path, path, strlen(path) + 1);
	old = umask(0177);	/* born with no access; socket_access sets it */
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    listen(fd, MAX_CONNECTIONS) < 0 || socket_access(c, path) < 0) {
		fd = listen_failed(fd, err, errlen);
	}
	umask(old);
	return fd;
}

int metrics_listen(const struct config *c)
{
	const char *path = socket_unix_path(c->metrics);
	char err[300] = "";

	if (!c->metrics[0])
		return 0;
	listen_fd = path ? unix_listener(c, path, err, sizeof err)
			 : inet_listener(c->metrics, err, sizeof err);
	if (path && listen_fd >= 0)
		snprintf(unix_socket, sizeof unix_socket, "%s", path);
	if (listen_fd < 0) {
		log_msg(LOG_ERR, "metrics endpoint %s: cannot listen: %s", c->metrics, err);
		return -1;
	}
	return 0;
}

static void spool_gauges(void)
{
	struct config *c = current_config();
	long n = 0;
	time_t oldest = 0;

	if (!c)
		return;
	spool_census(c->owner.drafts.spool, MAX_SPOOL_FILES, &n, &oldest);
	for (size_t i = 0; i < c->n_profiles; i++)
		if (strcmp(c->profiles[i].drafts.spool, c->owner.drafts.spool))
			spool_census(c->profiles[i].drafts.spool, MAX_SPOOL_FILES, &n, &oldest);
	config_unref(c);
	metrics_gauge_set(MG_SPOOL_DRAFTS, n);
	metrics_gauge_set(MG_SPOOL_OLDEST, oldest ? (long)(time(NULL) - oldest) : 0);
}

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status, char *text,
			     size_t len)
{
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
	enum MHD_Result rc;

	if (!r) {
		free(text);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", "text/plain; version=0.0.4; charset=utf-8");
	rc = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
			      const char *method, const char *version, const char *upload,
			      size_t *upload_len, void **state)
{
	struct buf out;
	size_t len;
	char *text;

	(void)cls, (void)version, (void)upload, (void)state;
	if (*upload_len)
		return MHD_NO;	/* no request bodies */
	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED, strdup("GET /metrics\n"), 13);
	if (strcmp(url, "/metrics") && strcmp(url, "/"))
		return reply(conn, MHD_HTTP_NOT_FOUND, strdup("GET /metrics\n"), 13);
	spool_gauges();
	buf_init(&out, 1 << 20);
	if (metrics_render(&out) < 0 || out.truncated) {
		buf_free(&out);
		return reply(conn, MHD_HTTP_INTERNAL_SERVER_ERROR, strdup("out of memory\n"), 14);
	}
	len = out.len;
	text = buf_steal(&out);
	return text ? reply(conn, MHD_HTTP_OK, text, len) : MHD_NO;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	char what[300];

	(void)cls;
	vsnprintf(what, sizeof what, fmt, ap);
	what[strcspn(what, "\n")] = '\0';
	log_msg(LOG_WARNING, "metrics endpoint: %s", what);
}

int metrics_start(void)
{
	if (listen_fd < 0)
		return 0;
	server = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
				  MHD_USE_ERROR_LOG, 0, NULL, NULL, answer, NULL,
				  MHD_OPTION_LISTEN_SOCKET, listen_fd,
				  MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
				  MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
				  MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
				  MHD_OPTION_END);
	if (!server) {
		log_msg(LOG_ERR, "metrics endpoint: cannot start its thread");
		close(listen_fd);
		listen_fd = -1;
		return -1;
	}
	return 0;
}

void metrics_stop(void)
{
	if (server)
		MHD_stop_daemon(server);	/* closes the listening socket too */
	else if (listen_fd >= 0)
		close(listen_fd);
	server = NULL;
	listen_fd = -1;
	if (unix_socket[0])
		unlink(unix_socket);	/* fails when privileges were dropped: then left stale */
	unix_socket[0] = '\0';
}
