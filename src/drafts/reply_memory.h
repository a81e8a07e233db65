/* reply_memory.h - the Maildir store's memory of drafted replies: a ledger
 * file in the Drafts folder, so one inviter gets one draft per once_per_days
 * even when the owner deleted, moved or sent it (IMAP: store_imap_memory.c)
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_REPLY_MEMORY_H
#define LM_REPLY_MEMORY_H
#include <stddef.h>
#include <time.h>

/* memory_find - 1 when the ledger of DIR holds KEY from SINCE or later, 0
 * when not (or there is no ledger yet), -1 when it cannot be read */
int memory_find(const char *dir, const char *key, time_t since);
/* memory_add - KEY drafted at NOW, the lines before SINCE dropped; under the
 * folder's lock. -1 with ERR when the ledger could not be written. */
int memory_add(const char *dir, const char *key, time_t now, time_t since, char *err,
	       size_t errlen);

#endif
