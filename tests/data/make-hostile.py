#!/usr/bin/env python3
"""Generate the hostile-mail corpus: messages built to break a mail filter.

    python3 tests/data/make-hostile.py OUTDIR

writes OUTDIR/NNN-KIND.eml (raw bytes, LF line ends unless the case says otherwise)
and OUTDIR/index.txt ("NNN KIND linkedin|other" per line).  Deterministic: a fixed
seed.  The messages are not kept in git: they are rebuilt for each test run.

Each case is "linkedin" when its envelope sender is a LinkedIn bounce address (so the
milter reads its body, extracts, classifies and drafts), else "other" (the milter must
let it through untouched).  Kinds follow the robustness issue: truncated anywhere,
binary bodies, 1 MB header lines, 10,000 headers, MIME nested 1,000 deep, 10,000 parts,
NUL bytes, invalid charsets and encodings, RFC 2047 words that decode to CR/LF, names
with 10 KB of combining characters, and more of the same spirit.
"""

import base64
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
rng = random.Random(20261123)
cases = []  # (kind, linkedin, bytes)


def add(kind, linkedin, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    cases.append((kind, linkedin, data))


def head(frm="Alice Example <alice@example.net>", subject="Hello", extra=""):
    return ("From: %s\nTo: Bob Smith <bob.smith@example.org>\nSubject: %s\n"
            "Date: Mon, 23 Nov 2026 10:00:00 +0000\nMessage-ID: <h%d@example.net>\n%s"
            % (frm, subject, len(cases), extra))


LI_FROM = "LinkedIn <invitations@linkedin.com>"


def invitation(name="Jane Doe", note="", headline="Recruiter at Acme", extra="", subject=None):
    subject = subject if subject is not None else "%s wants to connect" % name
    body = ("Hi Bob,\n\n%s would like to connect on LinkedIn.\n\n%s\n%s\n\n%s\n"
            "Accept: https://www.linkedin.com/comm/in/jane-doe\n"
            "View profile: https://www.linkedin.com/comm/in/jane-doe\n"
            % (name, name, headline, note))
    return head(LI_FROM, subject, extra + "MIME-Version: 1.0\n"
                "Content-Type: text/plain; charset=UTF-8\n") + "\n" + body


def corpus_files():
    names = sorted(f for f in os.listdir(CORPUS) if f.endswith(".eml"))
    return [os.path.join(CORPUS, n) for n in names]


def truncated():
    files = corpus_files()
    picks = files[::12][:12]  # eras and kinds across the corpus
    for path in picks:
        data = open(path, "rb").read()
        li = "-none-" not in path
        cuts = [1, 40, len(data) // 10, len(data) // 4, len(data) // 2, 3 * len(data) // 4,
                len(data) - 60, len(data) - 3]
        nl = data.find(b"\n\n")
        cuts += [nl, nl + 1, nl + 2]  # at the end of the header block
        boundary = data.find(b"\n--")
        if boundary > 0:
            cuts += [boundary + 3, boundary + 10]  # inside a boundary line
        eq = data.find(b"=\n")
        if eq > 0:
            cuts.append(eq + 1)  # after a soft line break
        for c in sorted(set(x for x in cuts if 0 < x < len(data))):
            add("truncated-%s-at-%d" % (os.path.basename(path)[4:-4], c), li, data[:c])


def binary():
    for i, size in enumerate([512, 4096, 65536, 200000, 1000, 30000]):
        blob = bytes(rng.getrandbits(8) for _ in range(size))
        ctypes = ["", "Content-Type: text/plain; charset=utf-8\n",
                  "Content-Type: application/octet-stream\n",
                  "Content-Type: text/html\nContent-Transfer-Encoding: base64\n",
                  "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n",
                  "Content-Type: multipart/mixed; boundary=x\n"]
        add("binary-body-%d" % size, False, head(extra=ctypes[i]).encode() + b"\n" + blob)
        add("binary-body-linkedin-%d" % size, True, head(LI_FROM, "x", ctypes[i]).encode() + b"\n" + blob)


def huge_headers():
    mb = "x" * (1 << 20)
    add("1mb-subject", False, head(subject=mb) + "\nbody\n")
    add("1mb-header-line", False, head(extra="X-Long: %s\n" % mb) + "\nbody\n")
    add("1mb-folded-header", False, head(extra="X-Folded: " + "\n ".join(["y" * 70] * 15000) + "\n") + "\nbody\n")
    add("1mb-from-display", True, head('"%s" <invitations@linkedin.com>' % mb) + "\nbody\n")
    add("1mb-linkedin-subject", True, invitation(subject=mb))
    many = "".join("X-H%d: %d\n" % (i, i) for i in range(10000))
    add("10000-headers", False, head(extra=many) + "\nbody\n")
    add("10000-headers-linkedin", True, invitation(extra=many))
    add("10000-received", False, "".join("Received: from h%d by h%d; Mon, 23 Nov 2026 10:00:00 +0000\n"
                                         % (i, i) for i in range(10000)) + head() + "\nbody\n")
    add("10000-from-headers", True, "".join("From: n%d <x%d@linkedin.com>\n" % (i, i) for i in range(10000))
        + head(LI_FROM) + "\nbody\n")


def mime_bombs():
    for depth in (1000, 100, 17):
        for li in (False, True):
            parts, tail = [], []
            for d in range(depth):
                parts.append("--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (d, d + 1))
                tail.insert(0, "--b%d--\n" % d)
            inner = "--b%d\nContent-Type: text/plain\n\nJane Doe would like to connect\n--b%d--\n" % (depth, depth)
            top = head(LI_FROM if li else "Alice <alice@example.net>",
                       extra="MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0\n")
            add("mime-nested-%d%s" % (depth, "-linkedin" if li else ""), li,
                top + "\n" + "".join(parts) + inner + "".join(tail))
    for n in (10000, 600):
        for li in (False, True):
            body = "".join("--p\nContent-Type: text/plain\n\npart %d\n" % i for i in range(n)) + "--p--\n"
            top = head(LI_FROM if li else "Alice <alice@example.net>",
                       extra="MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=p\n")
            add("mime-%d-parts%s" % (n, "-linkedin" if li else ""), li, top + "\n" + body)
    rfc822 = "Subject: inner\n\ntext\n"
    for i in range(50):
        rfc822 = "Content-Type: message/rfc822\n\n" + rfc822
    add("message-rfc822-50-deep", False, head(extra="MIME-Version: 1.0\n") + rfc822)
    add("multipart-without-boundary", False, head(extra="Content-Type: multipart/mixed\n") + "\n--x\n\nbody\n")
    add("boundary-1000-chars", True, head(LI_FROM, extra="Content-Type: multipart/alternative; boundary=%s\n" % ("b" * 1000))
        + "\n--%s\nContent-Type: text/plain\n\nJane Doe\n--%s--\n" % ("b" * 1000, "b" * 1000))
    add("boundary-never-closed", True, head(LI_FROM, extra="Content-Type: multipart/alternative; boundary=zz\n")
        + "\n--zz\nContent-Type: text/plain\n\nJane Doe would like to connect\n")
    add("content-type-10000-params", False, head(extra="Content-Type: text/plain; " +
        "; ".join("p%d=v" % i for i in range(10000)) + "\n") + "\nbody\n")


def nul_bytes():
    add("nul-in-body", False, head() + "\nbefore\x00after\n" * 10)
    add("nul-in-subject", False, head(subject="a\x00b") + "\nbody\n")
    add("nul-in-header-name", False, head(extra="X-A\x00B: 1\n") + "\nbody\n")
    add("nul-in-linkedin-name", True, invitation(name="Ja\x00ne Doe"))
    add("nul-in-linkedin-note", True, invitation(note="Hello\x00\x00\x00 there"))
    add("nul-in-boundary", True, head(LI_FROM, extra="Content-Type: multipart/mixed; boundary=\"a\x00b\"\n")
        + "\n--a\x00b\nContent-Type: text/plain\n\nJane Doe\n--a\x00b--\n")
    add("nul-only-body", False, head() + "\n" + "\x00" * 5000)


def charsets_and_encodings():
    for cs in ("x-unknown", "utf-7", "", "\"\"", "a" * 500, "utf-16", "utf-32le", "iso-2022-jp",
               "gb18030", "windows-1252\"; x=\"y", "UTF-8'en'", "ebcdic-cp-us"):
        add("charset-%s" % cs[:20].replace("\"", "q").replace("'", "a").replace(";", "").replace(" ", "")
            or "charset-empty", True,
            invitation(extra="").replace("charset=UTF-8", "charset=%s" % cs))
    add("latin1-declared-utf8", True, invitation(name="J\udce9r\udcf4me"))
    add("utf8-overlong", True, invitation(name="J\udcc0\udcafne"))
    add("utf8-surrogates", True, invitation(name="J\udced\udca0\udc80ne"))
    bad_qp = ("Content-Transfer-Encoding: quoted-printable\n", "Jane =ZZ Doe =\n=4", "trailing =")
    add("qp-invalid", True, head(LI_FROM, extra="Content-Type: text/plain\n" + bad_qp[0]) + "\n" + bad_qp[1] + "\n")
    add("qp-cut-escape-at-end", True, head(LI_FROM, extra="Content-Type: text/plain\n" + bad_qp[0]) + "\nJane Doe =C3=A")
    add("qp-soft-break-at-end", False, head(extra="Content-Type: text/plain\n" + bad_qp[0]) + "\n" + bad_qp[2])
    b64 = "Content-Transfer-Encoding: base64\n"
    add("base64-bad-chars", True, head(LI_FROM, extra="Content-Type: text/plain\n" + b64) + "\n!!!@@@###$$$\n")
    add("base64-bad-padding", True, head(LI_FROM, extra="Content-Type: text/plain\n" + b64) + "\nSmFuZQ===\n=\n")
    add("base64-truncated", False, head(extra="Content-Type: text/plain\n" + b64) + "\nSmFuZSBE")
    big = base64.encodebytes(bytes(rng.getrandbits(8) for _ in range(3 << 20))).decode()
    add("base64-3mb-over-max-scan", True, head(LI_FROM, extra="Content-Type: text/plain\n" + b64) + "\n" + big)
    add("encoding-unknown", True, head(LI_FROM, extra="Content-Type: text/plain\nContent-Transfer-Encoding: x-gzip64\n") + "\nJane\n")
    add("uuencode", False, head(extra="Content-Transfer-Encoding: x-uuencode\n") + "\nbegin 644 x\n#86)C\n`\nend\n")


def encoded_words():
    crlf_b = "=?UTF-8?B?%s?=" % base64.b64encode(b"Jane\r\nBcc: victim@example.org\r\n").decode()
    crlf_q = "=?UTF-8?Q?Jane=0D=0ABcc:_victim@example.org?="
    for tag, word in (("b", crlf_b), ("q", crlf_q)):
        add("rfc2047-crlf-%s-from" % tag, True, head('"%s" <invitations@linkedin.com>' % word) + "\nJane Doe would like to connect\n")
        add("rfc2047-crlf-%s-subject" % tag, True, invitation(subject=word + " wants to connect"))
        add("rfc2047-crlf-%s-name" % tag, True, invitation(name=word))
        add("rfc2047-crlf-%s-other" % tag, False, head(subject=word) + "\nbody\n")
    add("rfc2047-nested", True, invitation(name="=?UTF-8?B?%s?=" % base64.b64encode(b"=?UTF-8?Q?x=0Ay?=").decode()))
    add("rfc2047-1000-words", True, head('"%s" <invitations@linkedin.com>' % (" ".join(["=?UTF-8?Q?a?="] * 1000)))
        + "\nbody\n")
    add("rfc2047-bad-charset", True, head('"=?x-nope?B?SmFuZQ==?=" <invitations@linkedin.com>') + "\nbody\n")
    add("rfc2047-unterminated", False, head(subject="=?UTF-8?B?SmFuZQ") + "\nbody\n")


def combining():
    marks = "\u0301\u0308\u0327" * (10240 // 6)
    add("combining-10kb-name", True, invitation(name="Jane" + marks + " Doe"))
    add("combining-10kb-from", True, head('"Jane%s" <invitations@linkedin.com>' % marks) + "\nbody\n")
    add("combining-10kb-note", True, invitation(note="Hi" + marks))
    add("combining-10kb-headline", True, invitation(headline="CEO" + marks))
    add("combining-10kb-subject-other", False, head(subject="Hi" + marks) + "\nbody\n")
    add("zalgo-everything", True, invitation(name=("J" + marks[:300]) * 30, note=marks, headline=marks))
    add("bidi-overrides-name", True, invitation(name="\u202eeoD enaJ\u202c"))
    add("zero-width-name", True, invitation(name="J\u200ba\u200bn\u200be \u2060Doe"))
    add("emoji-10kb", True, invitation(name="\U0001f600" * 2600))


def hostile_fields():
    add("note-with-headers", True, invitation(note="Hello\nBcc: victim@example.org\n\nBody: injected"))
    add("note-100kb", True, invitation(note="x" * 100000))
    add("name-empty", True, invitation(name=""))
    add("name-only-spaces", True, invitation(name="     "))
    add("name-crlf-literal", True, invitation(name="Jane\r\nBcc: victim@example.org"))
    add("name-with-angle-brackets", True, invitation(name="<script>alert(1)</script>"))
    add("name-with-quotes", True, invitation(name='"Jane" <evil@example.com>, "x'))
    add("name-percent-u", True, invitation(name="%u%d%s%n%p"))
    add("name-dotdot", True, invitation(name="../../etc/passwd"))
    add("profile-url-javascript", True, invitation().replace("https://www.linkedin.com/comm/in/jane-doe", "javascript:alert(1)"))
    add("profile-url-10kb", True, invitation().replace("jane-doe", "j" * 10000))
    add("headline-10kb", True, invitation(headline="h" * 10000))
    add("forged-x-linkedin", True, invitation(extra="X-LinkedIn-Verdict: accept\nX-LinkedIn-Folder: Inbox\n"))
    add("forged-x-linkedin-other", True, head(extra="X-LinkedIn-Verdict: accept\nX-LinkedIn-Reasons: trust\n") + "\nbody\n")
    add("auth-results-forged", True, invitation(extra="Authentication-Results: mx.example.org; dkim=pass header.d=linkedin.com\n"))
    add("auth-results-10000", True, invitation(extra="".join("Authentication-Results: h%d; dkim=fail\n" % i for i in range(2000))))
    add("html-bomb", True, head(LI_FROM, extra="Content-Type: text/html\n") + "\n" + "<b>" * 50000 + "Jane Doe" + "</b>" * 50000)
    add("html-entities", True, head(LI_FROM, extra="Content-Type: text/html\n") + "\n" + "&#0;&#x110000;&#xD800;&amp;&#99999999999;" * 2000)
    add("html-unclosed-tags", True, head(LI_FROM, extra="Content-Type: text/html\n") + "\n<a href=\"" + "x" * 100000)
    add("html-10000-links", True, head(LI_FROM, extra="Content-Type: text/html\n") + "\n" +
        "".join('<a href="https://evil%d.example/">x</a>' % i for i in range(10000)))
    add("reply-to-hostile", True, invitation(extra="Reply-To: \"x\r\ny\" <a@b>\n"))
    add("message-id-hostile", True, invitation().replace("Message-ID: <", "Message-ID: <\x01\x02>\n References: <"))


def structure():
    add("empty", False, "")
    add("one-newline", False, "\n")
    add("headers-only-no-blank-line", False, head().rstrip("\n"))
    add("headers-only", True, head(LI_FROM))
    add("body-only", False, "\n\nJust a body\n")
    add("no-colon-header", False, "This is not a header\n" + head() + "\nbody\n")
    add("space-in-header-name", False, head(extra="X Bad Name: 1\n") + "\nbody\n")
    add("continuation-first", False, " continued\n" + head() + "\nbody\n")
    add("bare-cr-line-ends", True, invitation().replace("\n", "\r"))
    add("crlf-line-ends", True, invitation().replace("\n", "\r\n"))
    add("mixed-line-ends", False, head().replace("\n", "\r\n", 2) + "\nline\rline\r\nline\n")
    add("line-1mb-no-newline", False, head() + "\n" + "y" * (1 << 20))
    add("8bit-headers", True, invitation(extra="X-8bit: \udcff\udcfe\udce9\n"))
    add("duplicate-senders", True, head(LI_FROM, extra="Sender: a@evil.example\nSender: b@linkedin.com\n"
                                        "Return-Path: <x@evil.example>\nReturn-Path: <y@linkedin.com>\n") + "\nbody\n")
    add("from-group-syntax", True, head("undisclosed:;") + "\nbody\n")
    add("from-comment-nesting", True, head("(" * 5000 + "x" + ")" * 5000 + " <invitations@linkedin.com>") + "\nbody\n")
    add("from-unbalanced-quote", True, head('"Jane <invitations@linkedin.com>') + "\nbody\n")
    add("from-10000-addresses", True, head(", ".join("a%d@linkedin.com" % i for i in range(10000))) + "\nbody\n")
    add("lookalike-domain", True, invitation().replace("invitations@linkedin.com", "invitations@linkedin.com.evil.example"))
    add("dot-lines", False, head() + "\n.\n..\n.x\nend\n")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-hostile.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for build in (truncated, binary, huge_headers, mime_bombs, nul_bytes, charsets_and_encodings,
                  encoded_words, combining, hostile_fields, structure):
        build()
    with open(os.path.join(out, "index.txt"), "w") as idx:
        for i, (kind, li, data) in enumerate(cases, 1):
            name = "%03d-%s" % (i, kind)
            with open(os.path.join(out, name + ".eml"), "wb") as f:
                f.write(data)
            idx.write("%03d %s %s\n" % (i, kind, "linkedin" if li else "other"))
    print("%d hostile messages in %s" % (len(cases), out))


if __name__ == "__main__":
    main()
