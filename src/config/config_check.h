/* config_check.h - checks of single configuration values
 *
 * DIAGNOSTICS (config): loading reports every problem, out of memory
 * included, as an error line (FILE:LINE when it has one); a reload that
 * fails keeps the configuration in force. A message: inbound.h. */
#ifndef LM_CONFIG_CHECK_H
#define LM_CONFIG_CHECK_H
#include <stddef.h>

int check_socket(const char *v, char *err, size_t len);
int check_metrics(const char *v, char *err, size_t len);	/* a socket, or "" */
int check_resolver(const char *v, char *err, size_t len);	/* address[:port], or "" */
int check_lang(const char *v, char *err, size_t len);
int check_address(const char *v, char *err, size_t len);
int check_folder(const char *v, char *err, size_t len);
int check_prefix(const char *v, char *err, size_t len);
int check_detail(const char *v, char *err, size_t len);
int check_template_name(const char *v, char *err, size_t len);
/* check_folder_name - one mailbox or Maildir++ folder name: no path in it */
int check_folder_name(const char *v, char *err, size_t len);
int check_store(const char *v, char *err, size_t len);
int check_token(const char *v, char *err, size_t len);
/* check_delimiter - a recipient delimiter: 1 to 8 printable ASCII
 * characters that may stand in an address's local part */
int check_delimiter(const char *v, char *err, size_t len);
int check_reason(const char *v, char *err, size_t len);
int check_absolute(const char *v, char *err, size_t len);
int check_readable(const char *v, char *err, size_t len);
int check_field(const char *v, char *err, size_t len);
int check_regex(const char *v, char *err, size_t len);

#endif
