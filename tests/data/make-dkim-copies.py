#!/usr/bin/python3
"""make-dkim-copies.py - signed copies of corpus messages for our own DKIM
verification (tests/dkim.sh): each message without the Authentication-Results
its verifier stamped, signed d=linkedin.com s=test (rsa-sha256,
relaxed/relaxed, as LinkedIn signs) with the test key tests/data/dkim-test.key,
whose public half is in dkim-test.keys. The signature goes where the sender
put it: below the headers the forwarder and our host added on the way.
Needs python3-dkim (Debian 12; /usr/bin/python3). Run after the corpus changes; the output is
committed (tests/data/signed/SLUG.eml)."""
import os
import re
import dkim

HERE = os.path.dirname(os.path.abspath(__file__))
SLUGS = ["154-2025-en-srs-forwarded-ar-pass", "170-gw-mailman-list"]
SIGNED = [b"from", b"to", b"subject", b"date", b"message-id", b"mime-version",
          b"content-type"]
ADDED_ON_THE_WAY = re.compile(rb"^(return-path|delivered-to|received|x-original-to|"
                              rb"list-[a-z]*|precedence|sender):", re.I)


def fields(head):
    """the header block as whole fields, folded lines joined to theirs"""
    out = []
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and out:
            out[-1] += b"\n" + line
        elif line:
            out.append(line)
    return out


def main():
    key = open(os.path.join(HERE, "dkim-test.key"), "rb").read()
    for slug in SLUGS:
        raw = open(os.path.join(HERE, "corpus", slug + ".eml"), "rb").read()
        head, body = raw.split(b"\n\n", 1)
        kept = [f for f in fields(head) if not f.lower().startswith(b"authentication-results:")]
        msg = b"\n".join(kept) + b"\n\n" + body
        sig = dkim.sign(msg.replace(b"\n", b"\r\n"), b"test", b"linkedin.com", key,
                        include_headers=SIGNED, canonicalize=(b"relaxed", b"relaxed"))
        sig = sig.replace(b"\r\n", b"\n").rstrip(b"\n")
        at = next(i for i, f in enumerate(kept) if not ADDED_ON_THE_WAY.match(f))
        kept.insert(at, sig)
        with open(os.path.join(HERE, "signed", slug + ".eml"), "wb") as f:
            f.write(b"\n".join(kept) + b"\n\n" + body)


if __name__ == "__main__":
    main()
