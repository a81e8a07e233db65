/* milter_io.h - the calls the callbacks make to the MTA, through one table.
 * The daemon's table is libmilter's; test mode gives its own, which answers
 * them for a message file, so that test mode runs the very callbacks the
 * daemon runs (OpenDKIM's test mode works the same way).
 *
 * DIAGNOSTICS (milter): an internal error in a message's path (out of
 * memory anywhere in it) is on_error: tempfail, or accept unchanged; one
 * error line; carry_out() changes nothing when it cannot make a value. */
#ifndef LM_MILTER_IO_H
#define LM_MILTER_IO_H
#include <libmilter/mfapi.h>
#include <stdbool.h>
#include "config.h"
#include "inbound.h"

struct milter_io {
	void *(*getpriv)(SMFICTX *ctx);
	int (*setpriv)(SMFICTX *ctx, void *priv);
	char *(*getsymval)(SMFICTX *ctx, char *name);
	int (*setsymlist)(SMFICTX *ctx, int stage, char *macros);
	int (*addheader)(SMFICTX *ctx, char *name, char *value);
	int (*chgheader)(SMFICTX *ctx, char *name, int index, char *value);
	int (*addrcpt)(SMFICTX *ctx, char *rcpt);
	int (*addrcpt_par)(SMFICTX *ctx, char *rcpt, char *args);
	int (*delrcpt)(SMFICTX *ctx, char *rcpt);
	int (*quarantine)(SMFICTX *ctx, char *reason);
	/* a reference to the configuration in force for a new message */
	struct config *(*config)(void);
	/* the message's result, just before it is freed (test mode reports
	 * it), FAILED after an internal error; NULL in the daemon */
	void (*result)(SMFICTX *ctx, const struct inbound *in, bool failed);
	bool submit_drafts;	/* hand drafts to the store workers (the daemon) */
};

/* the table in use: libmilter's unless milter_use_io() chose another */
extern const struct milter_io *milter_io;
void milter_use_io(const struct milter_io *io);

/* the callbacks, as libmilter calls them (test mode calls them too) */
sfsistat milter_envfrom(SMFICTX *ctx, char **argv);
sfsistat milter_envrcpt(SMFICTX *ctx, char **argv);
sfsistat milter_header(SMFICTX *ctx, char *name, char *value);
sfsistat milter_eoh(SMFICTX *ctx);
sfsistat milter_body(SMFICTX *ctx, unsigned char *data, size_t len);
sfsistat milter_eom(SMFICTX *ctx);
sfsistat milter_abort(SMFICTX *ctx);
sfsistat milter_close(SMFICTX *ctx);

#endif
