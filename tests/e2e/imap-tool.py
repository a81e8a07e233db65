#!/usr/bin/env python3
"""imap-tool.py - what an owner does to the drafts, over IMAP, for the e2e tests.

imap-tool.py PORT USER keys MAILBOX      the X-LinkedIn-Draft-Key of each message, one a line
imap-tool.py PORT USER delete MAILBOX    every message of MAILBOX deleted and expunged
imap-tool.py PORT USER move FROM TO      every message of FROM moved to TO (sent from a client)
imap-tool.py PORT USER drop MAILBOX      MAILBOX deleted
imap-tool.py PORT USER subscribed        the subscribed mailboxes, one a line
A missing mailbox has no keys. Password "secret"; the server is 127.0.0.1:PORT.
"""
import imaplib
import re
import sys


def keys(m, box):
    typ, _ = m.select(box, readonly=True)
    if typ != "OK":
        return
    typ, resp = m.search(None, "ALL")
    for num in resp[0].split():
        typ, data = m.fetch(num, "(BODY.PEEK[HEADER.FIELDS (X-LinkedIn-Draft-Key)])")
        for item in data:
            if isinstance(item, tuple):
                found = re.search(rb"X-LinkedIn-Draft-Key:\s*([0-9a-f]+)", item[1], re.I)
                print(found.group(1).decode() if found else "-")


def move(m, src, dst):
    if m.select(src)[0] != "OK":
        sys.exit("SELECT %s failed" % src)
    typ, resp = m.search(None, "ALL")
    if resp[0]:
        if m.copy("1:*", dst)[0] != "OK":
            sys.exit("COPY to %s failed" % dst)
        m.store("1:*", "+FLAGS", "(\\Deleted)")
        m.expunge()


def main():
    port, user, cmd = sys.argv[1:4]
    args = sys.argv[4:]
    m = imaplib.IMAP4("127.0.0.1", int(port), timeout=30)
    m.login(user, "secret")
    if cmd == "keys":
        keys(m, args[0])
    elif cmd == "delete":
        if m.select(args[0])[0] == "OK" and m.search(None, "ALL")[1][0]:
            m.store("1:*", "+FLAGS", "(\\Deleted)")
            m.expunge()
    elif cmd == "move":
        move(m, args[0], args[1])
    elif cmd == "drop":
        if m.delete(args[0])[0] != "OK":
            sys.exit("DELETE %s failed" % args[0])
    elif cmd == "subscribed":
        for line in m.lsub()[1]:
            if line:
                print(line.decode("utf-8", "replace").rsplit(" ", 1)[-1].strip('"'))
    else:
        sys.exit(__doc__)
    m.logout()


main()
