#!/usr/bin/env python3
"""variants.py - messages a person reads the same as the corpus invitations.

    variants.py CORPUS_DIR OUT_DIR

For every message of CORPUS_DIR (invitations and reminders, other LinkedIn
mail, phishing and ordinary mail, which must stay what it is), writes variants that change what real mail changes and a reader does
not notice: blank lines, folding, line endings, transfer encodings, the
choice of MIME parts, the case of the name, the place and quoting of the
note, the case and wording of claim lines, re-wrapping, Unicode blanks,
trailing whitespace and an extra block after the inviter.

OUT_DIR/<transformation>[.<n>]/<file>.eml gets each variant and <file>.json
its expectation: the original's, unless the transformation says which field
legitimately changes. A directory never holds two variants of one message,
so that drafts (once per inviter) can be checked per directory.
Python 3 standard library only; deterministic."""

import base64
import email
import email.header
import email.utils
import json
import os
import quopri
import re
import sys

from variants_gateways import gateway_variants

NL = re.compile(rb"\r?\n")

# ---------------------------------------------------------------- MIME


class Leaf:
    """A text part inside the raw message: where its body is, how it is encoded."""

    def __init__(self, raw, hstart, bstart, bend):
        self.hstart, self.bstart, self.bend = hstart, bstart, bend
        hdr = email.message_from_bytes(raw[hstart:bstart])
        self.ctype = hdr.get_content_type()
        self.charset = hdr.get_content_charset() or "us-ascii"
        self.cte = (hdr.get("Content-Transfer-Encoding") or "7bit").strip().lower()


def header_end(raw, start):
    m = re.compile(rb"\r?\n\r?\n").search(raw, start)
    return (m.start(), m.end()) if m else (len(raw), len(raw))


def leaves(raw, start=0, end=None, depth=0):
    """The text leaves of the entity raw[start:end] (headers, blank, body)."""
    end = len(raw) if end is None else end
    hend, bstart = header_end(raw, start)
    hdr = email.message_from_bytes(raw[start:hend] + b"\n\n")
    if hdr.get_content_maintype() == "multipart" and depth < 4:
        b = hdr.get_param("boundary")
        if not b:
            return []
        delim = re.compile(rb"(?m)^--" + re.escape(b.encode()) + rb"(--)?[ \t]*\r?$")
        marks = list(delim.finditer(raw, bstart, end))
        out = []
        for a, z in zip(marks, marks[1:]):
            s = a.end() + (2 if raw[a.end():a.end() + 2] == b"\r\n" else 1)
            e = z.start()
            e -= 2 if raw[e - 2:e] == b"\r\n" else 1
            out += leaves(raw, s, e, depth + 1)
        return out
    if hdr.get_content_maintype() == "text":
        return [Leaf(raw, start, bstart, end)]
    return []


def decode_body(raw, leaf):
    body = raw[leaf.bstart:leaf.bend]
    if leaf.cte == "quoted-printable":
        body = quopri.decodestring(body)
    elif leaf.cte == "base64":
        body = base64.b64decode(re.sub(rb"[^A-Za-z0-9+/]", b"", body) + b"===")
    cs = leaf.charset
    try:
        return body.decode(cs if cs != "us-ascii" else "utf-8", errors="replace")
    except LookupError:
        return body.decode("latin-1")


def encode_body(text, charset, cte):
    """(bytes, charset, cte) for TEXT: the charset kept when it can say it."""
    try:
        data = text.encode(charset if charset != "us-ascii" else "ascii")
    except (UnicodeEncodeError, LookupError):
        charset, data = "utf-8", text.encode("utf-8")
    if cte == "quoted-printable":
        return quopri.encodestring(data), charset, cte
    if cte == "base64":
        return base64.encodebytes(data), charset, cte
    if any(c > 127 for c in data):
        cte = "8bit"
    return data, charset, cte


def set_leaf_headers(head, charset, cte):
    head = re.sub(rb"(?im)^Content-Transfer-Encoding:[^\n]*\n(?:[ \t][^\n]*\n)*", b"", head)
    head = re.sub(rb"(?i)charset=\"?[\w.:-]+\"?", b"charset=" + charset.encode(), head)
    return head.rstrip(b"\r\n") + b"\nContent-Transfer-Encoding: " + cte.encode() + b"\n"


def map_leaves(raw, fn, kinds=("text/plain", "text/html"), cte=None):
    """RAW with FN(text, ctype) applied to its text leaves, re-encoded (with
    CTE if given); None when no leaf of KINDS exists or FN changed nothing."""
    out, pos, changed = b"", 0, False
    for leaf in leaves(raw):
        if leaf.ctype not in kinds:
            continue
        text = decode_body(raw, leaf)
        new = fn(text, leaf.ctype)
        if new == text and cte is None:
            continue
        body, cs, te = encode_body(new, leaf.charset, cte or leaf.cte)
        hend, _ = header_end(raw, leaf.hstart)
        head = set_leaf_headers(raw[leaf.hstart:hend] + b"\n", cs, te)
        out += raw[pos:leaf.hstart] + head + b"\n" + body.rstrip(b"\n")
        pos, changed = leaf.bend, True
    return out + raw[pos:] if changed else None


def only_part(raw, ctype):
    """The message with its multipart/alternative replaced by its CTYPE leaf."""
    hend, bstart = header_end(raw, 0)
    top = email.message_from_bytes(raw[:hend] + b"\n\n")
    if top.get_content_type() != "multipart/alternative":
        return None
    found = [lf for lf in leaves(raw) if lf.ctype == ctype]
    others = [lf for lf in leaves(raw) if lf.ctype != ctype]
    if not found or not others:
        return None
    lf = found[0]
    lhend, _ = header_end(raw, lf.hstart)
    head = re.sub(rb"(?im)^(?:Content-Type|Content-Transfer-Encoding):[^\n]*\n(?:[ \t][^\n]*\n)*",
                  b"", raw[:hend] + b"\n")
    lhead = re.sub(rb"(?im)^Content-ID:[^\n]*\n", b"", raw[lf.hstart:lhend] + b"\n")
    return head + lhead + b"\n" + raw[lf.bstart:lf.bend] + b"\n"


def fold_header(raw, name):
    hend, _ = header_end(raw, 0)
    m = re.compile(rb"(?im)^" + name + rb":[ \t]*((?:[^\n]*\n)(?:[ \t][^\n]*\n)*)").search(raw, 0, hend + 1)
    if not m:
        return None
    value = re.sub(rb"\r?\n[ \t]+", b" ", m.group(1)).rstrip(b"\r\n")
    if b" " not in value.strip():
        return None
    folded = re.sub(rb" +", b"\n ", value.strip())
    return raw[:m.start(1)] + folded + b"\n" + raw[m.end(1):]


def header_text(raw, name):
    hend, _ = header_end(raw, 0)
    msg = email.message_from_bytes(raw[:hend] + b"\n\n")
    v = msg.get(name, "")
    return str(email.header.make_header(email.header.decode_header(v))) if v else ""

# ---------------------------------------------------------------- text


def lines_of(text):
    return text.split("\n")


def block_end(lines):
    """The inviter block: the lines before the first one with a link."""
    for i, ln in enumerate(lines):
        if "://" in ln:
            return i
    return len(lines)


def name_line(lines, name):
    for i, ln in enumerate(lines):
        if name and ln.strip().casefold() == name.casefold():
            return i
    return -1


def rewrap(text, width):
    """Lines over WIDTH broken at a space, as a client does: a quoted line's
    continuation quoted too."""
    out = []
    for ln in lines_of(text):
        prefix = "> " if ln.startswith("> ") else ""
        while len(ln) > width and " " in ln[len(prefix):width + 1].rstrip():
            cut = ln.rfind(" ", len(prefix), width + 1)
            if cut <= len(prefix):
                break
            out.append(ln[:cut])
            ln = prefix + ln[cut + 1:]
        out.append(ln)
    return "\n".join(out)


PROMO_APP = ("Get the new LinkedIn app for your phone\nStay in touch with your network "
             "wherever you are\nDownload: https://www.linkedin.com/comm/mobile/app?trk=eml-promo\n")
PYMK = {"en": "More people you may know", "de": "Weitere Personen, die Sie kennen könnten",
        "fr": "Autres personnes que vous pourriez connaître", "es": "Más personas que quizás conozcas",
        "pt": "Mais pessoas que você talvez conheça", "it": "Altre persone che potresti conoscere",
        "nl": "Meer mensen die u misschien kent"}


def insert_after_block(text, block):
    """BLOCK inserted after the inviter's buttons: before the first rule that
    follows the first link, else at the end."""
    lines = lines_of(text)
    start = block_end(lines)
    for i in range(start, len(lines)):
        if re.fullmatch(r"\s*[-._=]{10,}\s*", lines[i]):
            return "\n".join(lines[:i] + [""] + block.split("\n") + lines[i:])
    return text.rstrip("\n") + "\n\n" + block + "\n"


def move_note(text, name, where, quoted):
    """The note paragraph(s) above the name line, moved below the inviter
    block or put in quote marks; None when the layout has no such note."""
    lines = lines_of(text)
    i = name_line(lines, name)
    if i <= 0:
        return None
    above = [ln for ln in lines[:i]]
    while above and not above[-1].strip():
        above.pop()
    if not any(ln.strip() for ln in above):
        return None
    note = [ln for ln in above if ln.strip()]
    if quoted:
        note[0] = "\u201c" + note[0].lstrip()
        note[-1] = note[-1].rstrip() + "\u201d"
    rest = lines[i:]
    if where == "above":
        return "\n".join(note + [""] + rest)
    j = 0
    while j < len(rest) and rest[j].strip() and "://" not in rest[j]:
        j += 1
    return "\n".join(rest[:j] + [""] + note + [""] + rest[j:])


def replace_name(text, name, new):
    return text.replace(name, new) if name else text


def claim_lower(text, org):
    """The claim line (the first that names the organisation) in lower case,
    the organisation's name kept."""
    out, done = [], False
    for ln in lines_of(text):
        if not done and org and org in ln and "://" not in ln:
            a, b = ln.split(org, 1)
            ln, done = a.lower() + org + b.lower(), True
        out.append(ln)
    return "\n".join(out)


def claim_contract(text, org):
    if not org:
        return text
    return text.replace("indicated you are", "indicated you're").replace(
        "indicated you have", "indicated you've")

# ---------------------------------------------------------------- the table


def divs(html):
    """The same HTML laid out with div and span elements instead of tables."""
    html = re.sub(r"(?i)<(/?)(?:table|tbody|tr)\b", r"<\1div", html)
    return re.sub(r"(?i)<(/?)td\b", r"<\1div", html)


def plain_fn(f):
    """F(text) applied to text/plain parts only."""
    return lambda text, ctype: f(text) if ctype == "text/plain" else text


def transformations(raw, exp):
    """(name, raw) pairs; a name may repeat (blank-add: one per gap)."""
    inv = exp.get("inviter") or {}
    name, note, org = inv.get("name"), exp.get("note"), exp.get("claim_org")
    lang = exp.get("language") or "en"
    t = []

    def add(tname, new, changes=None):
        if new is not None and new != raw:
            t.append((tname, new, changes or {}))

    t.append(("original", raw, {}))
    plain = [lf for lf in leaves(raw) if lf.ctype == "text/plain"]
    if plain:
        text = decode_body(raw, plain[0])
        lines = lines_of(text)
        for k in range(1, block_end(lines)):
            add("blank-add", map_leaves(raw, plain_fn(
                lambda s, k=k: "\n".join(lines_of(s)[:k] + [""] + lines_of(s)[k:]))))
        add("blank-removed", map_leaves(raw, plain_fn(lambda s: "\n".join(
            [ln for ln in lines_of(s)[:block_end(lines_of(s))] if ln.strip()] +
            lines_of(s)[block_end(lines_of(s)):]))))
        for w in (60, 76, 998):
            add("wrap-%d" % w, map_leaves(raw, plain_fn(lambda s, w=w: rewrap(s, w))))
        add("trailing-ws", map_leaves(raw, plain_fn(
            lambda s: "\n".join(ln + " \t" if ln else ln for ln in lines_of(s)))))
        if note and not re.search(r"outside (?:of )?(?:your|the) organi[sz]ation", text):
            # (a gateway's banner stays where the gateway put it; move_note would take it along)
            for where, q in (("below", False), ("above", True), ("below", True)):
                moved = move_note(text, name, where, q)
                if moved is not None:
                    add("note-%s%s" % (where, "-quoted" if q else ""),
                        map_leaves(raw, plain_fn(lambda s, m=moved: m)))
        add("promo-app", map_leaves(raw, plain_fn(lambda s: insert_after_block(s, PROMO_APP))))
        pymk = "%s\n\nJane Roe\nSenior Engineer at Contoso\n3 connections in common\n" \
               "Connect: https://www.linkedin.com/comm/mynetwork/send-invite/jane-roe\n" % PYMK.get(lang, PYMK["en"])
        add("promo-pymk", map_leaves(raw, plain_fn(lambda s: insert_after_block(s, pymk))))
        if org:
            add("claim-lower", map_leaves(raw, plain_fn(lambda s: claim_lower(s, org))))
            add("claim-contracted", map_leaves(raw, plain_fn(lambda s: claim_contract(s, org))))
    in_headers = name and (name in header_text(raw, "From") or name in header_text(raw, "Subject"))
    if name:
        for case, f in (("upper", str.upper), ("lower", str.lower)):
            changes = {} if in_headers else {"name": f(name)}
            add("name-" + case, map_leaves(raw, lambda s, c, f=f: replace_name(s, name, f(name))),
                changes)
        if " " in name:
            add("nbsp", map_leaves(raw, lambda s, c: replace_name(
                s, name, name.replace(" ", "\u00a0" if c == "text/plain" else "&nbsp;"))))
        add("zero-width", map_leaves(raw, plain_fn(lambda s: "\n".join(
            ln + "\u200b" if ln.strip() == name or (inv.get("headline") and ln.strip() == inv["headline"])
            else ln for ln in lines_of(s)))))
    add("fold-from", fold_header(raw, b"From"))
    add("fold-subject", fold_header(raw, b"Subject"))
    add("crlf", NL.sub(b"\r\n", raw))
    for cte in ("quoted-printable", "base64", "8bit"):
        add("cte-" + {"quoted-printable": "qp"}.get(cte, cte), map_leaves(raw, lambda s, c: s, cte=cte))
    add("plain-only", only_part(raw, "text/plain"))
    html = only_part(raw, "text/html")
    add("html-only", html)
    if html:
        add("html-divs", map_leaves(html, lambda s, c: divs(s)))
    gateway_variants(raw, exp, add, map_leaves, header_end)
    return t


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    counts = {}
    for fname in sorted(os.listdir(corpus)):
        if not fname.endswith(".eml"):
            continue
        with open(os.path.join(corpus, fname[:-4] + ".json"), encoding="utf-8") as f:
            exp = json.load(f)

        with open(os.path.join(corpus, fname), "rb") as f:
            raw = f.read()
        seen = {}
        try:
            variants = transformations(raw, exp)
        except (ValueError, LookupError, UnicodeError) as e:
            print("# %s: only the original (%s)" % (fname, e))	# broken MIME on purpose
            variants = [("original", raw, {})]
        for tname, new, changes in variants:
            seen[tname] = seen.get(tname, 0) + 1
            d = os.path.join(out, tname if seen[tname] == 1 else "%s.%d" % (tname, seen[tname]))
            os.makedirs(d, exist_ok=True)
            want = json.loads(json.dumps(exp))
            want["file"] = fname
            for k, v in changes.items():
                if k in ("verdict", "reasons"):
                    want[k] = v
                else:
                    want["inviter"][k] = v
            with open(os.path.join(d, fname), "wb") as f:
                f.write(new)
            with open(os.path.join(d, fname[:-4] + ".json"), "w", encoding="utf-8") as f:
                json.dump(want, f, ensure_ascii=False, indent=1, sort_keys=True)
            counts[tname] = counts.get(tname, 0) + 1
    for k in sorted(counts):
        print("%-18s %4d variants" % (k, counts[k]))


if __name__ == "__main__":
    main()
