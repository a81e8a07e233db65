#!/usr/bin/env python3
"""variants-check.py - every variant of every corpus invitation read the same.

usage: variants-check.py LINKEDIN_MILTER CORPUS_CONF VARIANTS_DIR TEMPLATES_DIR

Runs the test mode with drafts on each directory written by
tests/data/variants.py and prints TAP: per transformation, one check that
kind, fields, verdict and actions equal the expectation for every variant
(with the pass rate), and one check that every draft's greeting is built
from the inviter's name only (a word of the name, or the template's own
greeting without a name; never a quote mark or a word of the note)."""
import email
import email.policy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import differences  # noqa: E402

QUOTES = "\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a"


def greetings(templates):
    """(prefix, suffix, fallback line) of each template's greeting line."""
    out = set()
    for path in glob.glob(os.path.join(templates, "*", "*")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^(.*)\{first\|([^}]*)\}(.*)$", line.rstrip("\n"))
                if m:
                    out.add((m.group(1), m.group(3), m.group(1) + m.group(2) + m.group(3)))
                    break
    return out


def words(s):
    return {w.casefold() for w in re.split(r"[\s\u00a0]+", s or "") if w}


def check_greeting(line, want, forms):
    """None when LINE greets the inviter of WANT rightly, else what is wrong."""
    name = (want.get("inviter") or {}).get("name") or ""
    if any(q in line for q in QUOTES):
        return "quote mark in greeting %r" % line
    if any(line == fb for _, _, fb in forms):
        return None
    for pre, suf, _ in forms:
        if line.startswith(pre) and line.endswith(suf) and len(line) > len(pre) + len(suf):
            first = line[len(pre):len(line) - len(suf)]
            if words(first) <= words(name):
                return None
            return "greeting name %r is not a word of %r" % (first, name)
    return "greeting %r matches no template" % line


def drafts_of(root):
    for path in glob.glob(os.path.join(root, "**", "*"), recursive=True):
        rel = os.path.relpath(path, root).split(os.sep)
        if os.path.isfile(path) and "tmp" not in rel[:-1]:
            with open(path, "rb") as f:
                yield email.message_from_bytes(f.read(), policy=email.policy.default)


def first_line(msg):
    body = msg.get_body(("plain",))
    text = body.get_content() if body else ""
    in_hint = False
    for ln in text.splitlines():
        ln = ln.strip()
        if not in_hint and ln.startswith("["):	# the note to the owner
            in_hint = True
        if in_hint:
            in_hint = not ln.endswith("]")
            continue
        if ln:
            return ln
    return ""


def run_dir(lm, conf, d, forms):
    """(fields ok, fields failures, drafts ok, draft failures) of directory D."""
    want = {}
    for p in glob.glob(os.path.join(d, "*.json")):
        with open(p, encoding="utf-8") as f:
            want[os.path.basename(p)[:-5] + ".eml"] = json.load(f)
    ids = {}
    for name in want:
        with open(os.path.join(d, name), "rb") as f:
            m = email.message_from_bytes(f.read())
        ids[(m.get("Message-ID") or "").strip()] = name
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([lm, "-c", conf, "-t", "--drafts=maildir:%s/%%u" % tmp] +
                             sorted(os.path.join(d, n) for n in want),
                             capture_output=True, text=True).stdout
        ok, bad = 0, []
        for line in out.splitlines():
            got = json.loads(line)
            name = os.path.basename(got["file"])
            diff = differences(got, want[name])
            if diff:
                bad.append("%s: %s" % (name, "; ".join(diff)))
            else:
                ok += 1
        dok, dbad = 0, []
        for msg in drafts_of(tmp):
            src = ids.get((msg.get("In-Reply-To") or "").strip())
            if not src:
                continue
            why = check_greeting(first_line(msg), want[src], forms)
            if why:
                dbad.append("%s: %s" % (src, why))
            else:
                dok += 1
    missing = len(want) - ok - len(bad)
    if missing:
        bad.append("%d variants gave no result" % missing)
    return ok, bad, dok, dbad


def main():
    lm, conf, root, templates = sys.argv[1:5]
    forms = greetings(templates)
    totals = {}
    for d in sorted(os.listdir(root)):
        t = totals.setdefault(d.split(".")[0], [0, [], 0, []])
        ok, bad, dok, dbad = run_dir(lm, conf, os.path.join(root, d), forms)
        t[0] += ok
        t[1] += bad
        t[2] += dok
        t[3] += dbad
    n = failed = 0
    for name in sorted(totals):
        ok, bad, dok, dbad = totals[name]
        for what, good, fails in (("read the same", ok, bad), ("drafts greet by name", dok, dbad)):
            n += 1
            rate = 100.0 * good / (good + len(fails)) if good + len(fails) else 100.0
            status = "ok" if not fails else "not ok"
            failed += bool(fails)
            print("%s %d - %s: %s %d/%d (%.1f %%)" % (status, n, name, what, good,
                                                      good + len(fails), rate))
            for f in fails[:15]:
                print("#   " + f)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
