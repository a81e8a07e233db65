/* fuzz_template.c - reply templates: the input is a template text and the
 * five values that fill it (separated by NUL bytes). A template either fails
 * its check with a line number or renders; the rendered text, encoded as the
 * draft body is, keeps quoted-printable lines of at most 76 characters. */
#include <string.h>
#include "encode.h"
#include "fuzz.h"
#include "templates.h"
#include "buf.h"

/* the next NUL-separated piece of DATA, or NULL when there is none */
static char *piece(const uint8_t **data, size_t *size)
{
	const uint8_t *end = memchr(*data, 0, *size);
	size_t n = end ? (size_t)(end - *data) : *size;
	char *s;

	if (!*size)
		return NULL;
	s = fuzz_string(*data, n);
	*data += end ? n + 1 : n;
	*size -= end ? n + 1 : n;
	return s;
}

static void render(const char *text, const struct tpl_values *v)
{
	struct template t = { "en", "fuzz", (char *)text, false };
	struct buf out, qp;

	buf_init(&out, 0);
	buf_init(&qp, 0);
	if (template_render(&t, v, &out) == 0 && out.data && qp_body(&qp, out.data) == 0 && qp.data)
		for (const char *l = qp.data, *e; (e = strstr(l, "\r\n")) != NULL; l = e + 2)
			FUZZ_CHECK(e - l <= 76, "draft body line over 76 characters");
	buf_free(&out);
	buf_free(&qp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = piece(&data, &size), *vals[6] = { NULL, NULL, NULL, NULL, NULL, NULL }, err[200];
	int line = 0;

	if (!text)
		return 0;
	for (int i = 0; i < 6; i++)
		vals[i] = piece(&data, &size);
	if (template_check(text, err, sizeof err, &line) == 0) {
		struct tpl_values v = { vals[0], vals[1], vals[2], vals[3], vals[4], vals[5] };

		render(text, &v);
	} else {
		FUZZ_CHECK(line >= 0, "a template error without a line");
	}
	for (int i = 0; i < 6; i++)
		free(vals[i]);
	free(text);
	return 0;
}
