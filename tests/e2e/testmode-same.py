#!/usr/bin/env python3
"""testmode-same.py send PORT CORPUS OUT | compare LOG JSONL [HOST]: test mode is the daemon.

send: every corpus message over SMTP to 127.0.0.1:PORT, its Return-Path and Delivered-To
taken off (what delivery adds), MAIL FROM its Return-Path, RCPT TO its Delivered-To, a
Message-ID of its own; OUT/index.txt gets "MESSAGE-ID FILE" per message.

compare: LOG is the daemon's log, JSONL what `-t` printed for the delivered files. Each
delivered file's queue id (the Received of HOST, the MTA the milter ran on; by default the
test Postfix) names the daemon's log line of that message:
kind, authenticity, verdict and reasons must be the same; a message with no log line
(settled at the end of its headers) must be kind none in test mode too. Prints TAP."""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from smtpsend import Session, crlf  # noqa: E402

TRACE = re.compile(rb"^(?:Return-Path|Delivered-To):.*\n", re.I | re.M)


def send(port, corpus, out):
    session = Session(port)
    index = []
    names = sorted(f for f in os.listdir(corpus) if f.endswith(".eml"))
    for i, name in enumerate(names):
        if i % 10 == 0:
            session.close()
        raw = open(os.path.join(corpus, name), "rb").read()
        head, _, body = raw.partition(b"\n\n")
        rp = re.search(rb"^Return-Path: *<([^>]*)>", head, re.I | re.M)
        dt = re.search(rb"^Delivered-To: *(\S+)", head, re.I | re.M)
        mid = "<same-%03d@lm-e2e.test>" % i
        head = TRACE.sub(b"", head + b"\n")
        head = re.sub(rb"(?im)^Message-ID:.*\n(?:[ \t].*\n)*", b"", head)
        data = b"Message-ID: " + mid.encode() + b"\n" + head + b"\n" + body
        code = session.send(rp.group(1).decode() if rp else "", dt.group(1).decode() if dt else
                            "bob.smith@example.org", crlf(data))
        index.append("%s %s %d" % (mid, name, code))
    session.close()
    with open(os.path.join(out, "index.txt"), "w") as f:
        f.write("\n".join(index) + "\n")
    bad = [line for line in index if not line.endswith(" 250")]
    print("sent %d, refused %d" % (len(index), len(bad)))
    return 1 if bad else 0


LINE = re.compile(r": ([0-9A-Za-z]+): kind=(\S+) authentic=(\S+) verdict=(\S+) reasons=(\S+)")


def compare(log, jsonl, host="mx.lm-e2e.test"):
    qid_re = re.compile(rb"by " + re.escape(host.encode()) + rb" \([^)]*\)\s+with E?SMTPS? id ([0-9A-Za-z]+)")
    daemon = {}
    for line in open(log, encoding="utf-8", errors="replace"):
        m = LINE.search(line)
        if m:
            daemon[m.group(1)] = (m.group(2), m.group(3), m.group(4), m.group(5))
    n = failed = 0
    for line in open(jsonl, encoding="utf-8"):
        got = json.loads(line)
        raw = open(got["file"], "rb").read()
        q = qid_re.search(raw)
        qid = q.group(1).decode() if q else "?"
        mid = re.search(rb"same-(\d+)@", raw)
        t = (got["kind"], {True: "yes", False: "no"}.get(got["authentic"], "no"),
             got["verdict"] or "none", ",".join(got["reasons"]) or "-")
        want = daemon.get(qid, ("none", "no", "none", "-"))
        n += 1
        if t[0] == "none" and qid not in daemon or t == want:
            print("ok %d - message %s (%s): %s" % (n, mid.group(1).decode() if mid else "?", qid, " ".join(t)))
        else:
            failed += 1
            print("not ok %d - message %s (%s): test mode %s, daemon %s" %
                  (n, mid.group(1).decode() if mid else "?", qid, t, want))
    print("1..%d" % n)
    return 1 if failed or not n else 0


if __name__ == "__main__":
    if sys.argv[1] == "send":
        sys.exit(send(sys.argv[2], sys.argv[3], sys.argv[4]))
    sys.exit(compare(*sys.argv[2:5]))
