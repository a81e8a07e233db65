#!/usr/bin/env python3
"""same-delivery.py INDEX REF GOT: for every "other" message of INDEX, its copy delivered
through a do-nothing milter (Maildir REF) and with linkedin-milter (Maildir GOT) are the same bytes,
once what delivery adds (Received, Return-Path, Delivered-To, X-Original-To) and what
Postfix makes up for a message that lacks it (Message-Id, Date: different each run) are
set aside, with the do-nothing milter's X-Null-Milter. Prints one line per difference; exits 1 when there is any."""
import os
import re
import sys

RCPT = re.compile(rb"^X-Original-To: h(\d+)@example\.org", re.M | re.I)
DROP = (b"received", b"return-path", b"delivered-to", b"x-original-to", b"x-null-milter")


def by_number(folder):
    out = {}
    for name in os.listdir(folder):
        data = open(os.path.join(folder, name), "rb").read()
        m = RCPT.search(data)
        if m:
            out[m.group(1).decode()] = data
    return out


def headers_body(data):
    end = data.find(b"\n\n")
    return (data, b"") if end < 0 else (data[:end + 1], data[end + 1:])


def fields(data):
    head, body = headers_body(data)
    out = []
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and out:
            out[-1] += b"\n" + line
        elif line:
            out.append(line)
    return [f for f in out if f.split(b":", 1)[0].strip().lower() not in DROP], body


def same(a, b):
    """Equal apart from a Message-Id or Date Postfix made up (they differ between runs)."""
    (fa, ba), (fb, bb) = fields(a), fields(b)
    if ba != bb or len(fa) != len(fb):
        return False
    for x, y in zip(fa, fb):
        name = x.split(b":", 1)[0].strip().lower()
        if x != y and not (name in (b"message-id", b"date") and name == y.split(b":", 1)[0].strip().lower()):
            return False
    return True


index, ref, got = sys.argv[1], by_number(sys.argv[2]), by_number(sys.argv[3])
bad = 0
for line in open(index):
    num, kind, group = line.split()
    if group != "other":
        continue
    if num not in ref and num not in got:
        continue  # refused by Postfix both times (the codes are compared elsewhere)
    if num not in ref or num not in got:
        print("%s %s: delivered with the do-nothing milter %s, with linkedin-milter %s" % (num, kind, num in ref, num in got))
        bad += 1
    elif not same(ref[num], got[num]):
        print("%s %s: delivered differently with linkedin-milter" % (num, kind))
        bad += 1
sys.exit(1 if bad else 0)
