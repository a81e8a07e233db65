/* store_imap_memory.c - the reply memory of an IMAP store: a mailbox of the
 * same account (LinkedIn-Milter-Memory, created without a subscription so a
 * mail client that shows subscribed folders does not show it) holding one
 * small message per drafted inviter: its X-LinkedIn-Draft-Key header, its
 * INTERNALDATE the time of the draft. Two gateways drafting for one inviter
 * at once both append a claim; the lower UID wins (the server gives UIDs in
 * the order saves commit), the other takes its claim back and makes no
 * draft. Claims older than once_per_days are expunged after each new one. */
#include "autoconfig.h"
#include "store_imap.h"
#include "draft_message.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MEMORY "LinkedIn-Milter-Memory"
#define MAX_PRUNE 1000		/* claims expunged at once */

static struct mailimap_date *day_of(time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	return mailimap_date_new(tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
}

/* HEADER X-LinkedIn-Draft-Key KEY SINCE the day of SINCE; NULL when out of memory */
static struct mailimap_search_key *key_since(const char *key, time_t since)
{
	struct mailimap_search_key *all = mailimap_search_key_new_multiple_empty(), *k = NULL,
				   *d = NULL;
	char *name = strdup(DRAFT_KEY_HEADER), *value = strdup(key);
	struct mailimap_date *date = day_of(since);

	if (name && value)
		k = mailimap_search_key_new_header(name, value);
	if (!k) {
		free(name);
		free(value);
	}
	if (date && !(d = mailimap_search_key_new_since(date)))
		mailimap_date_free(date);
	if (all && k && mailimap_search_key_multiple_add(all, k) == MAILIMAP_NO_ERROR) {
		k = NULL;
		if (d && mailimap_search_key_multiple_add(all, d) == MAILIMAP_NO_ERROR)
			return all;
	}
	if (k)
		mailimap_search_key_free(k);
	if (d)
		mailimap_search_key_free(d);
	if (all)
		mailimap_search_key_free(all);
	return NULL;
}

int imap_key_search(mailimap *imap, const char *key, time_t since, uint32_t *first)
{
	struct mailimap_search_key *sk = key_since(key, since);
	clist *result = NULL;
	int rc, n;

	if (!sk)
		return -1;
	rc = mailimap_uid_search(imap, NULL, sk, &result);
	mailimap_search_key_free(sk);
	if (rc != MAILIMAP_NO_ERROR)
		return -1;
	*first = 0;
	for (clistiter *c = clist_begin(result); c; c = clist_next(c)) {
		uint32_t uid = *(uint32_t *)clist_content(c);

		if (!*first || uid < *first)
			*first = uid;
	}
	n = clist_count(result);
	mailimap_search_result_free(result);
	return n;
}

/* the memory mailbox selected, made when it is not there (the owner may
 * have deleted it: then it starts again empty) */
static int select_memory(mailimap *imap)
{
	int rc = mailimap_select(imap, MEMORY);

	if (rc == MAILIMAP_ERROR_SELECT) {	/* another gateway may make it at the same time */
		mailimap_create(imap, MEMORY);
		rc = mailimap_select(imap, MEMORY);
	}
	return rc == MAILIMAP_NO_ERROR ? 0 : -1;
}

int imap_memory_find(mailimap *imap, const char *key, time_t since)
{
	uint32_t first;
	int n;

	if (select_memory(imap) < 0)
		return -1;
	n = imap_key_search(imap, key, since, &first);
	return n < 0 ? -1 : n > 0;
}

/* the messages SET of the selected mailbox flagged \Deleted and expunged
 * (SET is freed) */
static void expunge_set(mailimap *imap, struct mailimap_set *set)
{
	struct mailimap_flag_list *flags = mailimap_flag_list_new_empty();
	struct mailimap_flag *deleted = mailimap_flag_new_deleted();
	struct mailimap_store_att_flags *att = NULL;

	if (flags && deleted && mailimap_flag_list_add(flags, deleted) == MAILIMAP_NO_ERROR) {
		deleted = NULL;
		att = mailimap_store_att_flags_new_add_flags_silent(flags);
	}
	if (att && mailimap_uid_store(imap, set, att) == MAILIMAP_NO_ERROR)
		mailimap_has_uidplus(imap) ? mailimap_uid_expunge(imap, set) : mailimap_expunge(imap);
	if (att)
		mailimap_store_att_flags_free(att);
	else if (flags)
		mailimap_flag_list_free(flags);
	if (deleted)
		mailimap_flag_free(deleted);
	mailimap_set_free(set);
}

void imap_memory_unclaim(mailimap *imap, uint32_t uid)
{
	struct mailimap_set *set = uid ? mailimap_set_new_single(uid) : NULL;

	if (set)
		expunge_set(imap, set);
}

/* a flag list of \Seen alone; NULL when out of memory */
static struct mailimap_flag_list *seen_only(void)
{
	struct mailimap_flag_list *flags = mailimap_flag_list_new_empty();
	struct mailimap_flag *seen = mailimap_flag_new_seen();

	if (flags && seen && mailimap_flag_list_add(flags, seen) == MAILIMAP_NO_ERROR)
		return flags;
	if (seen)
		mailimap_flag_free(seen);
	if (flags)
		mailimap_flag_list_free(flags);
	return NULL;
}

static int append_claim(mailimap *imap, const char *key, time_t now, uint32_t *uid)
{
	char msg[1024];
	struct tm tm;
	struct mailimap_flag_list *flags = seen_only();
	struct mailimap_date_time *when;
	uint32_t validity = 0;
	int n, rc = -1;

	gmtime_r(&now, &tm);
	when = mailimap_date_time_new(tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900, tm.tm_hour,
				      tm.tm_min, tm.tm_sec, 0);
	n = snprintf(msg, sizeof msg, "From: linkedin-milter <postmaster@localhost>\r\n"
		     "Subject: reply drafted %s\r\nMessage-ID: <%s.%lld@linkedin-milter>\r\n"
		     DRAFT_KEY_HEADER ": %s\r\nAuto-Submitted: auto-generated\r\n\r\n"
		     "linkedin-milter drafted a reply for this inviter; it makes no other one\r\n"
		     "before once_per_days have passed. Deleting this message or folder makes\r\n"
		     "it forget.\r\n", key, key, (long long)now, key);
	if (flags && when && n > 0 && (size_t)n < sizeof msg)
		rc = mailimap_uidplus_append(imap, MEMORY, flags, when, msg, (size_t)n, &validity,
					     uid) == MAILIMAP_NO_ERROR ? 0 : -1;
	if (flags)
		mailimap_flag_list_free(flags);
	if (when)
		mailimap_date_time_free(when);
	return rc;
}

int imap_memory_claim(mailimap *imap, const char *key, time_t now, time_t since,
		      uint32_t *ours)
{
	uint32_t first = 0;
	int n;

	*ours = 0;
	if (select_memory(imap) < 0 || append_claim(imap, key, now, ours) < 0 ||
	    (n = imap_key_search(imap, key, since, &first)) < 0)
		return -1;
	if (!*ours)	/* no UIDPLUS: ours unless someone else's is there too */
		return n <= 1;
	if (first == *ours)
		return 1;
	imap_memory_unclaim(imap, *ours);
	*ours = 0;
	return 0;
}

void imap_memory_prune(mailimap *imap, time_t since)
{
	struct mailimap_search_key *sk;
	struct mailimap_date *date = day_of(since);
	struct mailimap_set *set = mailimap_set_new_empty();
	clist *result = NULL;
	int n = 0;

	if (!date || !(sk = mailimap_search_key_new_before(date))) {
		if (date)
			mailimap_date_free(date);
		if (set)
			mailimap_set_free(set);
		return;
	}
	if (set && mailimap_uid_search(imap, NULL, sk, &result) == MAILIMAP_NO_ERROR) {
		for (clistiter *c = clist_begin(result); c && n < MAX_PRUNE; c = clist_next(c))
			n += mailimap_set_add_single(set, *(uint32_t *)clist_content(c)) ==
			     MAILIMAP_NO_ERROR;
		mailimap_search_result_free(result);
	}
	mailimap_search_key_free(sk);
	if (set && n)
		expunge_set(imap, set);
	else if (set)
		mailimap_set_free(set);
}
