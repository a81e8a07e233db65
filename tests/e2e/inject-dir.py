#!/usr/bin/env python3
"""inject-dir.py PORT DIR: send every message of DIR/index.txt ("NNN KIND linkedin|other")
to 127.0.0.1:PORT over SMTP, ten messages per connection; the envelope sender is a
LinkedIn bounce address for "linkedin" messages, the recipient hNNN@example.org (so the
delivered copy names its message in X-Original-To). Prints "NNN CODE" per message."""
import os
import smtplib
import sys

port, folder = int(sys.argv[1]), sys.argv[2]
index = [line.split() for line in open(os.path.join(folder, "index.txt"))]
conn = None
for i, (num, kind, group) in enumerate(index):
    path = os.path.join(folder, "%s-%s.eml" % (num, kind))
    data = open(path, "rb").read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    sender = "s-%s@bounce.linkedin.com" % num if group == "linkedin" else "alice@example.net"
    code = 0
    try:
        if conn is None or i % 10 == 0:
            if conn is not None:
                try:
                    conn.quit()
                except smtplib.SMTPException:
                    pass
            conn = smtplib.SMTP("127.0.0.1", port, local_hostname="client.lm-e2e.test", timeout=120)
        conn.rset()
        code, _ = conn.mail(sender)
        if code < 400:
            code, _ = conn.rcpt("h%s@example.org" % num)
        if code < 400:
            code, _ = conn.data(data)
    except smtplib.SMTPResponseException as e:
        code, conn = e.smtp_code, None
    except (OSError, smtplib.SMTPException):
        code, conn = 0, None
    print(num, code, flush=True)
if conn is not None:
    try:
        conn.quit()
    except smtplib.SMTPException:
        pass
