/* maildir_keys.h - the draft keys a Maildir folder holds, read once and
 * kept while the folder is unchanged (the store's "one draft per inviter") */
#ifndef LM_MAILDIR_KEYS_H
#define LM_MAILDIR_KEYS_H
/* DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#include <time.h>

#define MAX_KEYS 100000		/* drafts kept of one folder; a larger one is refused */

/* maildir_keys_find - 1 when DIR holds a draft with KEY whose file is newer
 * than SINCE, 0 when not, -1 when DIR cannot be read. 1 too, with an error
 * logged, when DIR holds more than MAX_KEYS drafts or memory ran out reading
 * it: no draft can be known new there, and a second draft for an inviter is
 * what the check is for. */
int maildir_keys_find(const char *dir, const char *key, time_t since);
/* maildir_keys_added - we just added a draft with KEY to DIR (under the lock) */
void maildir_keys_added(const char *dir, const char *key);
/* maildir_keys_clear - forget every folder */
void maildir_keys_clear(void);

#endif
