/* store_imap.h - inside the IMAP store: the key search and the reply memory
 * (store_imap_memory.c) that store_imap.c uses around its APPEND
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_STORE_IMAP_H
#define LM_STORE_IMAP_H
#include <libetpan/libetpan.h>
#include <stdint.h>
#include <time.h>

/* imap_key_search - in the selected mailbox, the messages with KEY from the
 * day of SINCE on: how many (-1 when the search failed), the lowest UID in FIRST */
int imap_key_search(mailimap *imap, const char *key, time_t since, uint32_t *first);
/* imap_memory_find - 1 when the memory holds KEY from SINCE on, 0 when not
 * (the memory mailbox is made when missing), -1 when it cannot be read */
int imap_memory_find(mailimap *imap, const char *key, time_t since);
/* imap_memory_claim - KEY remembered at NOW: 1 when this claim is the one
 * that counts (its UID in OURS, to take back if the draft fails), 0 when
 * another gateway claimed KEY first (nothing left behind), -1 on failure */
int imap_memory_claim(mailimap *imap, const char *key, time_t now, time_t since,
		      uint32_t *ours);
/* imap_memory_unclaim - the claim UID taken back (the draft was not stored) */
void imap_memory_unclaim(mailimap *imap, uint32_t uid);
/* imap_memory_prune - claims from before the day of SINCE expunged */
void imap_memory_prune(mailimap *imap, time_t since);

#endif
