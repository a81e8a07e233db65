/* draft_message.h - the reply draft of one invitation as an RFC 5322 message
 *
 * DIAGNOSTICS (drafts): a draft that cannot be made or stored for want of
 * memory is not made (an "out of memory" error, logged), never cut; the
 * message's verdict and actions never depend on its draft. */
#ifndef LM_DRAFT_MESSAGE_H
#define LM_DRAFT_MESSAGE_H
#include "draft_input.h"
#include "headers.h"
#include "buf.h"

#define DRAFT_KEY_LEN 32
/* the header that carries a draft's key: in each draft, each Maildir file
 * and each IMAP memory message read back for it */
#define DRAFT_KEY_HEADER "X-LinkedIn-Draft-Key"

struct draft {
	char key[DRAFT_KEY_LEN + 1];	/* hex: recipient and inviter */
	char rcpt[MAX_ADDRESS + 1];	/* whose Drafts folder */
	char lang[4], template[48];	/* what was rendered */
	struct buf msg;			/* the message, CRLF line ends */
};

/* draft_render - TEMPLATE (a name: "ask") for the invitation of S, in its
 * language (else the profile's); -1 with ERR when there is no template, no
 * owner address for the From, or no memory (never a part of a draft). D is
 * initialised here; draft_free() it in every case. */
int draft_render(const struct draft_input *s, const char *template, struct draft *d,
		 char *err, size_t errlen);
void draft_free(struct draft *d);
/* draft_plain_address - A is fit for the draft's From or To as it is: one @
 * with text on both sides, at most 254 bytes, printable ASCII without spaces,
 * quotes, brackets or separators. Configuration checks the owner's address
 * with it too. */
bool draft_plain_address(const char *a);
/* draft_key - the key of RCPT's draft for the inviter INV, into OUT
 * (DRAFT_KEY_LEN + 1 bytes); OUT is "" when out of memory */
void draft_key(const char *rcpt, const struct invitation *inv, char *out);

#endif
