#!/bin/sh
# templates-am.sh LIST - the automake fragment that installs and distributes
# the reply-draft templates, from LIST (conf/templates/templates.list): for
# each language a directory variable and a dist_..._DATA list, and
# TEMPLATE_FILES, every template, for the data compiled into the program.
# Written to standard output.
set -eu
list=$1
value() {	# value KEY: the words after "KEY =" in LIST
	sed -n "s/^$1[[:space:]]*=[[:space:]]*//p" "$list"
}
langs=$(value languages)
names=$(value names)
[ -n "$langs" ] && [ -n "$names" ] || { echo "$0: $list: no languages or no names" >&2; exit 1; }

echo "## templates.am - made by build-aux/templates-am.sh from templates.list: do not edit"
files=
for l in $langs; do
	echo "tpl_${l}dir = \$(pkgconfdir)/templates/$l"
	printf 'dist_tpl_%s_DATA =' "$l"
	for n in $names; do
		printf ' \\\n\tconf/templates/%s/%s' "$l" "$n"
	done
	printf '\n'
	files="$files \$(dist_tpl_${l}_DATA)"
done
echo "TEMPLATE_FILES =$files"
