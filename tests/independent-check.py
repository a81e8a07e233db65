#!/usr/bin/env python3
"""independent-check.py - the fields of the independently written messages.

usage: linkedin-milter -t FILES... | independent-check.py DIR
Prints TAP: one check per message (kind, and for invitations and reminders
name, headline, note, note_kind, claim, claim_org, mutual), then the share
of each field read right. A message listed in DIR/KNOWN is a TODO: its
failure is shown with the reason and does not fail the test."""
import json
import os
import sys

FIELDS = ["kind", "name", "headline", "note", "note_kind", "claim", "claim_org", "mutual"]


def fields_of(got):
    inv = got.get("inviter") or {}
    return {"kind": got.get("kind"), "name": inv.get("name"), "headline": inv.get("headline"),
            "note": got.get("note"), "note_kind": got.get("note_kind"), "claim": got.get("claim"),
            "claim_org": got.get("claim_org"), "mutual": got.get("mutual")}


def known(root):
    """Messages not read right yet, with the reason (KNOWN: NAME REASON...)."""
    out = {}
    try:
        with open(os.path.join(root, "KNOWN"), encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    name, _, why = line.strip().partition(" ")
                    out[name] = why.strip()
    except OSError:
        pass
    return out


def main():
    root = sys.argv[1]
    todo = known(root)
    right = {f: [0, 0] for f in FIELDS}
    n = failed = 0
    for line in sys.stdin:
        got = json.loads(line)
        name = os.path.basename(got["file"])
        with open(os.path.join(root, name[:-4] + ".json"), encoding="utf-8") as f:
            want = json.load(f)
        have = fields_of(got)
        checked = FIELDS if want["kind"] in ("invitation", "reminder") else ["kind"]
        bad = []
        for k in checked:
            right[k][1] += 1
            if have[k] == want[k]:
                right[k][0] += 1
            else:
                bad.append("%s: got %r, expected %r" % (k, have[k], want[k]))
        n += 1
        mark = " # TODO %s" % todo[name] if name in todo else ""
        failed += bool(bad) and not mark
        print("%s %d - %s%s" % ("not ok" if bad else "ok", n, name, mark))
        for b in bad:
            print("#   " + b)
    print("# fields read right: " + ", ".join(
        "%s %d/%d" % (k, r, t) for k, (r, t) in right.items()))
    print("1..%d" % n)
    return 1 if failed or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
