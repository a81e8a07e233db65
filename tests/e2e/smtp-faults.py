#!/usr/bin/env python3
"""smtp-faults.py - SMTP clients that misbehave on purpose, for tests/e2e/faults.sh and load.sh.

  partial PORT FILE RCPT FROM PAUSE   half the message, PAUSE seconds (the test kills
                                      something meanwhile), the rest; prints the reply code
  drop PORT FILE RCPT FROM N          N sessions that hang up in the middle of DATA
  parallel PORT SESSIONS EACH FILE RCPT FROM
                                      SESSIONS concurrent sessions, EACH messages each;
                                      prints one reply code per message
"""
import smtplib
import socket
import sys
import threading
import time

from smtpsend import Session, crlf


def load(path):
    return crlf(open(path, "rb").read())


def partial(port, path, rcpt, sender, pause):
    data = load(path)
    s = smtplib.SMTP("127.0.0.1", int(port), local_hostname="client.lm-e2e.test", timeout=120)
    s.ehlo()
    s.mail(sender)
    s.rcpt(rcpt)
    code, _ = s.docmd("DATA")
    if code != 354:
        print(code)
        return
    half = len(data) // 2
    s.send(data[:half])
    time.sleep(float(pause))
    s.send(data[half:] + (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n")
    code, _ = s.getreply()
    print(code)
    try:
        s.quit()
    except (smtplib.SMTPException, OSError):
        pass


def drop(port, path, rcpt, sender, n):
    data = load(path)
    for _ in range(int(n)):
        s = smtplib.SMTP("127.0.0.1", int(port), local_hostname="client.lm-e2e.test", timeout=60)
        s.ehlo()
        s.mail(sender)
        s.rcpt(rcpt)
        s.docmd("DATA")
        s.send(data[:len(data) // 2])
        s.sock.shutdown(socket.SHUT_RDWR)
        s.sock.close()
    print("dropped", n)


def parallel(port, sessions, each, path, rcpt, sender):
    data = load(path)
    codes, lock = [], threading.Lock()

    def one():
        for _ in range(int(each)):
            session = Session(port)	# a connection of its own for every message
            code = session.send(sender, rcpt, data)
            session.close()
            with lock:
                codes.append(code)

    threads = [threading.Thread(target=one) for _ in range(int(sessions))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in codes:
        print(c)


if __name__ == "__main__":
    {"partial": partial, "drop": drop, "parallel": parallel}[sys.argv[1]](*sys.argv[2:])
