# harness-dovecot.sh - self-test of the e2e harness: drafts in a private Dovecot IMAP
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
. "$top_srcdir/tests/e2e/lib.sh"

e2e_need dovecot "$E2E_PY"
e2e_init

cat >"$E2E/draft.eml" <<'MSG'
From: Alice <alice@example.com>
To: Bob <bob@example.net>
Subject: Re: invitation to connect
Message-ID: <harness-dovecot@lm-e2e.test>
Date: Mon, 01 Jan 2024 10:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi Bob, a draft written by the harness.
MSG

ok "dovecot starts" dovecot_start
reply=$(imap_append alice Drafts "$E2E/draft.eml" '(\Draft \Seen)'); rc=$?
is "APPEND to Drafts succeeds" "$rc" 0
ok "APPEND answers APPENDUID" has_line "$reply" '^OK \[APPENDUID [0-9]+ 1\]'
e2e_diag "reply: $reply"

out=$(imap_fetch_drafts alice)
is "imap_fetch_drafts shows one message" "$(printf '%s\n' "$out" | grep -c '^== ')" 1
ok "with \\Draft" has_line "$out" '^== 1 FLAGS \(.*\\Draft[ )]'
ok "and \\Seen" has_line "$out" '^== 1 FLAGS \(.*\\Seen[ )]'
ok "and its text" has_line "$out" '^Subject: Re: invitation to connect$'

dir=$(dovecot_maildir alice)
is "dovecot_maildir is the user's .Drafts" "$dir" "$E2E/dovecot/home/alice/Maildir/.Drafts"
files=$(ls "$dir/cur" 2>/dev/null)
is "one file in .Drafts/cur" "$(printf '%s' "$files" | grep -c .)" 1
ok "its name ends with :2,DS" has_line "$files" ':2,DS$'
is "it holds the draft" "$(tr -d '\r' <"$dir/cur/$files")" "$(cat "$E2E/draft.eml")"
folders=$(imap_list alice)
ok "LIST shows Drafts as \\Drafts" has_line "$folders" '\\Drafts.* Drafts$'
ok "and Sent as \\Sent" has_line "$folders" '\\Sent.* Sent$'
e2e_diag "$(printf '%s\n' "$folders" | tr '\n' ' ')"
is "another user starts empty" "$(imap_fetch_drafts bob)" ""

pid=$DC_PID; dovecot_stop
ok "dovecot_stop stops dovecot" pid_gone "$pid"

done_testing
