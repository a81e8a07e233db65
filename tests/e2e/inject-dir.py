#!/usr/bin/env python3
"""inject-dir.py PORT DIR: send every message of DIR/index.txt ("NNN KIND linkedin|other")
to 127.0.0.1:PORT over SMTP, ten messages per connection; the envelope sender is a
LinkedIn bounce address for "linkedin" messages, the recipient hNNN@example.org (so the
delivered copy names its message in X-Original-To). Prints "NNN CODE" per message."""
import os
import sys

from smtpsend import Session, crlf

port, folder = sys.argv[1], sys.argv[2]
index = [line.split() for line in open(os.path.join(folder, "index.txt"))]
session = Session(port)
for i, (num, kind, group) in enumerate(index):
    if i % 10 == 0:
        session.close()
    data = crlf(open(os.path.join(folder, "%s-%s.eml" % (num, kind)), "rb").read())
    sender = "s-%s@bounce.linkedin.com" % num if group == "linkedin" else "alice@example.net"
    print(num, session.send(sender, "h%s@example.org" % num, data), flush=True)
session.close()
