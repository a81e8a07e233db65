"""variants_subject.py - issue 23 item 1: LinkedIn's genuine mail read by
its sender and body whatever its subject. The Subject of every genuine
invitation, reminder and other LinkedIn mail is replaced by one no pattern
knows (a new wording LinkedIn may start using any day): the kind, the
fields and the verdict must stay the same."""

import re

NEW = b"A few words for you"


def subject_variants(raw, exp, add, header_end):
    """Call ADD(name, new_raw) for the subject-unknown transformation."""
    if exp.get("authentic") is not True or exp.get("kind") not in ("invitation", "reminder", "notification"):
        return
    hend, _ = header_end(raw, 0)
    m = re.compile(rb"(?im)^Subject:[ \t]*((?:[^\n]*?)(\r?\n)(?:[ \t][^\n]*\n)*)").search(raw, 0, hend + 1)
    if m:
        add("subject-unknown", raw[:m.start(1)] + NEW + m.group(2) + raw[m.end(1):])
