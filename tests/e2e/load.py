#!/usr/bin/env python3
"""load.py - mixed mail over many concurrent SMTP sessions, for tests/e2e/load.sh.

  send PORT SESSIONS FIRST COUNT USERS RPFX MANIFEST
      messages FIRST .. FIRST+COUNT-1 over SESSIONS concurrent sessions (each keeps its
      connection); message i is template t = i % T of MANIFEST ("PATH linkedin|other" lines),
      with the Message-ID <load-i@lm-e2e.test>, to RPFX-u<u>t<t>@example.org where
      u = (i // T) % USERS: a recipient sees each template of the mix at most once per round,
      and again in the next round (LinkedIn's reminders: the same invitation, no new draft).
      The envelope sender is a LinkedIn bounce address for "linkedin" templates.
      Prints "i t rcpt code" per message.
  drafts DIR
      every draft file under DIR: "KEY I" per line, I the number of the message it
      answers (its In-Reply-To <load-I@lm-e2e.test>), - when it answers none of ours
"""
import os
import re
import sys
import threading

from smtpsend import Session


def templates(manifest):
    out = []
    for line in open(manifest):
        path, group = line.split()
        data = open(path, "rb").read().replace(b"\r\n", b"\n")
        head, sep, body = data.partition(b"\n\n")
        kept, skip = [], False
        for h in head.split(b"\n"):
            if h[:1] in (b" ", b"\t"):
                if not skip:
                    kept.append(h)
                continue
            name = h.split(b":", 1)[0].strip().lower()
            skip = name in (b"message-id", b"delivered-to", b"return-path")
            if not skip:
                kept.append(h)
        msg = b"\n".join(kept) + sep + body
        out.append((msg.replace(b"\n", b"\r\n"), group == "linkedin"))
    return out


def send(port, sessions, first, count, users, rpfx, manifest):
    tpl = templates(manifest)
    port, first, count, users = int(port), int(first), int(count), int(users)
    todo = iter(range(first, first + count))
    lock, results = threading.Lock(), []

    def one():
        session = Session(port, timeout=300)
        while True:
            with lock:
                i = next(todo, None)
            if i is None:
                break
            t = i % len(tpl)
            rcpt = "%s-u%dt%d@example.org" % (rpfx, (i // len(tpl)) % users, t)
            data, linkedin = tpl[t]
            data = b"Message-ID: <load-%d@lm-e2e.test>\r\n" % i + data
            sender = "s-%d@bounce.linkedin.com" % i if linkedin else "alice@example.net"
            code = session.send(sender, rcpt, data)
            with lock:
                results.append("%d %d %s %d" % (i, t, rcpt, code))
        session.close()

    threads = [threading.Thread(target=one) for _ in range(int(sessions))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print("\n".join(results))


def header(lines, name):
    for h in lines:
        if h.lower().startswith(name.lower() + ":"):
            return h.split(":", 1)[1].strip()
    return "-"


def drafts(folder):
    for root, _, files in os.walk(folder):
        if os.path.basename(root) not in ("cur", "new"):
            continue
        for f in files:
            head = open(os.path.join(root, f), "rb").read().split(b"\r\n\r\n", 1)[0]
            lines = head.decode("utf-8", "replace").split("\r\n")
            m = re.fullmatch(r"<load-(\d+)@lm-e2e\.test>", header(lines, "In-Reply-To"))
            print(header(lines, "X-LinkedIn-Draft-Key"), m.group(1) if m else "-")


if __name__ == "__main__":
    {"send": send, "drafts": drafts}[sys.argv[1]](*sys.argv[2:])
