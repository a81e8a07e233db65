#!/usr/bin/env python3
"""tsan-load.py - helpers of tests/e2e/tsan-load.sh.

  silent PORTFILE
      an IMAP server that accepts TCP connections and never says a word: listens on a
      free port of 127.0.0.1 (written to PORTFILE), holds every connection until killed
  scrape SOCKET STOPFILE MS
      GET /metrics from the unix socket SOCKET every MS milliseconds until STOPFILE
      exists; prints "pages N failed M"
"""
import os
import socket
import sys
import time


def silent(portfile):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % s.getsockname()[1])
    os.rename(portfile + ".tmp", portfile)
    held = []
    while True:
        conn, _ = s.accept()
        held.append(conn)


def scrape(sock, stop, ms):
    pages = failed = 0
    while not os.path.exists(stop):
        try:
            c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            c.settimeout(10)
            c.connect(sock)
            c.sendall(b"GET /metrics HTTP/1.0\r\n\r\n")
            data = b""
            while True:
                chunk = c.recv(65536)
                if not chunk:
                    break
                data += chunk
            c.close()
            ok = data.startswith(b"HTTP/1.") and b" 200 " in data.split(b"\r\n", 1)[0]
            pages, failed = pages + ok, failed + (not ok)
        except OSError:
            failed += 1
        time.sleep(int(ms) / 1000.0)
    print("pages %d failed %d" % (pages, failed))


if __name__ == "__main__":
    {"silent": silent, "scrape": scrape}[sys.argv[1]](*sys.argv[2:])
