/* profile.c - the names of the profile's vocabulary */
#include "autoconfig.h"
#include "profile.h"

const char *const mode_names[MODE_COUNT + 1] = {
	[MODE_STRICT] = "strict", [MODE_SELECTIVE] = "selective", [MODE_OPEN] = "open", NULL
};

const char *mode_name(enum mode m)
{
	return (unsigned)m < MODE_COUNT ? mode_names[m] : "?";
}
