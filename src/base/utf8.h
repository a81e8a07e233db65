/* utf8.h - make any bytes valid UTF-8 text, and convert charsets to UTF-8
 *
 * DIAGNOSTICS (base): out of memory returns NULL or -1 and is noted in
 * mem_failed() (str.h); nothing here exits or logs. */
#ifndef LM_UTF8_H
#define LM_UTF8_H
#include <stdbool.h>
#include <stddef.h>

/* utf8_clean - a NUL-terminated copy of S[0..LEN) that is valid UTF-8:
 * invalid sequences become U+FFFD, NUL and C0 controls other than TAB and LF
 * become a space (CR is dropped). NULL when out of memory. */
char *utf8_clean(const char *s, size_t len, size_t *outlen);
/* utf8_clean_max - the same, at most MAX bytes (never a character cut);
 * *CUT (when not NULL) set when S did not fit */
char *utf8_clean_max(const char *s, size_t len, size_t max, size_t *outlen, bool *cut);
/* utf8_valid - S[0..LEN) is valid UTF-8 with no NUL */
bool utf8_valid(const char *s, size_t len);
/* to_utf8 - S[0..LEN) in CHARSET (NULL or unknown: taken as UTF-8, then
 * Latin-1 if that fails) converted and cleaned; *UNKNOWN set when the
 * charset was not known. NULL when out of memory. */
char *to_utf8(const char *charset, const char *s, size_t len, size_t *outlen,
	      bool *unknown);
/* to_utf8_max - the same, at most MAX bytes of UTF-8, allocated no larger
 * (a byte that is not of CHARSET becomes U+FFFD); *CUT (when not NULL) set
 * when S did not fit */
char *to_utf8_max(const char *charset, const char *s, size_t len, size_t max,
		  size_t *outlen, bool *unknown, bool *cut);
/* utf8_put - write code point CP as UTF-8 into OUT (room for 4 bytes);
 * returns the bytes written. NUL, surrogates and values past U+10FFFF are
 * written as U+FFFD, so the output is always valid UTF-8 with no NUL. */
size_t utf8_put(unsigned long cp, char *out);
/* utf8_truncate - cut S to at most MAX bytes on a character boundary */
void utf8_truncate(char *s, size_t max);

#endif
