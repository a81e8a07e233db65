/* engine_settings.h - what the engine reads of the configuration: the
 * compiled patterns and the limits of one message. The config layer builds
 * it; the engine never sees the configuration file's structure.
 *
 * DIAGNOSTICS (engine): bad input never fails (what can be read is kept,
 * the scan's reason says what was not); out of memory fails the scan_*()
 * step it happens in (-1, scan.h), whatever a function here returned. */
#ifndef LM_ENGINE_SETTINGS_H
#define LM_ENGINE_SETTINGS_H
#include <stdbool.h>
#include "patterns.h"

struct dkimv_lib;

struct engine_settings {
	struct patterns patterns;	/* patterns.conf and lexicons.conf, by role */
	int max_scan_bytes;		/* of the body, read and decoded */
	struct strlist authserv_id;	/* ours in Authentication-Results (several MX hosts) */
	struct strlist trusted_arc_sealers;	/* whose ARC results count, "" none */
	bool require_authentication;	/* no trusted result: not authentic */
	int dkim_verify;		/* enum dkimv_mode: our own DKIM verification */
	struct dkimv_lib *dkim;		/* NULL when dkim_verify is off */
};

#endif
