# sieve.sh - contrib/sieve/linkedin.sieve files by X-LinkedIn-Folder (checked with Pigeonhole's
# sieve-test), keeps mail without it, and never files into a name with ".." in it
. "$top_srcdir/tests/lib.sh"
command -v sieve-test >/dev/null || skip_all "sieve-test not found (dovecot-sieve)"
make_tmp
chmod 0755 "$TMP"
cp "$top_srcdir/contrib/sieve/linkedin.sieve" "$TMP/"
mkdir -p "$TMP/home"
chown -R nobody "$TMP" 2>/dev/null
printf 'mail_uid = nobody\nmail_gid = nogroup\nmail_location = maildir:%s/home/Maildir\n' "$TMP" >"$TMP/dovecot.conf"

run() {	# run FOLDER-HEADER-LINE: the folder sieve-test stores the message in
	printf 'From: a@example.net\nTo: bob@example.org\nSubject: s\n%s\nbody\n' "$1" >"$TMP/m.eml"
	sieve-test -c "$TMP/dovecot.conf" "$TMP/linkedin.sieve" "$TMP/m.eml" 2>/dev/null |
		sed -n 's/^ \* store message in folder: //p' | head -n1
}
is "X-LinkedIn-Folder: LinkedIn/Review files there" "$(run 'X-LinkedIn-Folder: LinkedIn/Review
')" "LinkedIn/Review"
is "a dot-separated folder works too" "$(run 'X-LinkedIn-Folder: LinkedIn.Decline
')" "LinkedIn.Decline"
is "mail without the header stays in INBOX" "$(run '')" "INBOX"
is "a name with .. is not followed" "$(run 'X-LinkedIn-Folder: ../../etc
')" "INBOX"
done_testing
