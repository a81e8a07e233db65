"""sessions_rss.py - many SMTP sessions at once through Postfix, each holding a
large invitation at DATA, then all ended together, while the daemon's memory
is read from /proc (tests/bench/sessions-rss.sh runs it).

usage: sessions_rss.py PORT SESSIONS PID INVITATION.eml BODY_BYTES
Prints: "open" VmRSS with every session at DATA, "peak" VmHWM after the
messages were ended, and how many were accepted."""
import base64
import socket
import sys
import threading
import time


def status(pid, key):
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return -1


def message(path, body_bytes):
    """the invitation's headers over a base64 HTML body in windows-874
    (Thai letters: three bytes each in UTF-8) of BODY_BYTES encoded bytes"""
    raw = open(path, "rb").read().replace(b"\r\n", b"\n")
    head = raw.split(b"\n\n", 1)[0].split(b"\n")
    kept, skip = [], False
    for line in head:
        if line[:1] not in (b" ", b"\t"):
            low = line.lower()
            skip = low.startswith(b"content-") or low.startswith(b"mime-version:")
        if not skip:
            kept.append(line)
    html = (b"<p>" + bytes(range(0xa1, 0xdb)) + b"</p>\n") * (body_bytes * 3 // 4 // 62 + 1)
    b64 = base64.encodebytes(html[: body_bytes * 3 // 4])
    kept += [b"MIME-Version: 1.0", b"Content-Type: text/html; charset=windows-874",
             b"Content-Transfer-Encoding: base64", b"", b""]
    return b"\r\n".join(kept) + b64.replace(b"\n", b"\r\n")


def reply(sock):
    data = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            return data
        data += chunk
        lines = data.split(b"\r\n")
        if len(lines) >= 2 and len(lines[-2]) >= 4 and lines[-2][3:4] == b" ":
            return data


def session(port, msg, i, ready, go, codes):
    s = socket.create_connection(("127.0.0.1", port), timeout=600)
    try:
        reply(s)
        for cmd in (b"EHLO client%d.bench.test" % i, b"MAIL FROM:<s-bench@bounce.linkedin.com>",
                    b"RCPT TO:<bob.smith@example.org>", b"DATA"):
            s.sendall(cmd + b"\r\n")
            reply(s)
        s.sendall(msg)
        ready.release()
        go.wait()
        s.sendall(b"\r\n.\r\n")
        codes[i] = reply(s)[:3].decode()
        s.sendall(b"QUIT\r\n")
    finally:
        s.close()


def main():
    port, n, pid, path, body = (int(sys.argv[1]), int(sys.argv[2]), sys.argv[3],
                                sys.argv[4], int(sys.argv[5]))
    msg = message(path, body)
    ready, go, codes = threading.Semaphore(0), threading.Event(), [None] * n
    threads = [threading.Thread(target=session, args=(port, msg, i, ready, go, codes))
               for i in range(n)]
    for t in threads:
        t.start()
    for _ in range(n):
        ready.acquire()
    time.sleep(1)
    print("message %d bytes; %d sessions at DATA: VmRSS %d KiB, VmHWM %d KiB, threads %d"
          % (len(msg), n, status(pid, "VmRSS"), status(pid, "VmHWM"), status(pid, "Threads")))
    go.set()
    high = 0
    while any(t.is_alive() for t in threads):
        high = max(high, status(pid, "VmRSS"))
        time.sleep(0.01)
    print("all ended together: VmRSS seen at most %d KiB, VmHWM %d KiB; accepted %d of %d"
          % (high, status(pid, "VmHWM"), codes.count("250"), n))


main()
