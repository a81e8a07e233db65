#!/usr/bin/env python3
"""scrape.py SOCKET [PATH] - GET PATH (/metrics) from the metrics endpoint SOCKET
(inet:PORT@HOST or unix:/PATH); the body on stdout, exit 1 unless HTTP 200.
scrape.py --check FILE - FILE is well-formed text exposition format: HELP and TYPE before
each family's samples, names and labels as the format allows, numbers as values, no sample
twice, histogram buckets cumulative with +Inf equal to _count (what promtool checks first).
scrape.py --wedge SOCKET N SECONDS - open N connections that send half a request and never
read, hold them SECONDS, then close them (a client that is stuck)."""
import http.client
import re
import socket
import sys
import time


def connect(spec):
    if spec.startswith("unix:"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(10)
        s.connect(spec[5:])
        return s
    port, host = spec[5:].split("@")
    return socket.create_connection((host, int(port)), timeout=10)


class Conn(http.client.HTTPConnection):
    def __init__(self, spec):
        super().__init__("localhost", timeout=10)
        self.spec = spec

    def connect(self):
        self.sock = connect(self.spec)


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="[^"\\\n]*"'
                    r'(,[a-zA-Z_][a-zA-Z0-9_]*="[^"\\\n]*")*)\})? (\S+)$')


def check(path):
    types, seen, problems, buckets = {}, set(), [], {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("# HELP ") or line.startswith("# TYPE "):
            parts = line.split(" ", 3)
            if line.startswith("# TYPE "):
                types[parts[2]] = parts[3]
            continue
        m = SAMPLE.match(line)
        if not m:
            problems.append("%d: not a sample: %s" % (n, line))
            continue
        name, labels, value = m.group(1), m.group(3) or "", m.group(5)
        base = re.sub(r"_(bucket|sum|count)$", "", name)
        if name not in types and not (base in types and types[base] == "histogram"):
            problems.append("%d: %s has no TYPE before it" % (n, name))
        if (name, labels) in seen:
            problems.append("%d: %s{%s} twice" % (n, name, labels))
        seen.add((name, labels))
        try:
            v = float(value)
        except ValueError:
            problems.append("%d: %s is not a number" % (n, value))
            continue
        if name.endswith("_total") and v < 0:
            problems.append("%d: negative counter" % n)
        if name.endswith("_bucket"):
            key = (base, re.sub(r',?le="[^"]*"', "", labels))
            if v < buckets.get(key, 0):
                problems.append("%d: buckets not cumulative" % n)
            buckets[key] = v
        elif name.endswith("_count") and base in types:
            if buckets.get((base, labels)) != v:
                problems.append("%d: +Inf bucket is not _count" % n)
    for p in problems:
        print(p)
    return 1 if problems or not seen else 0


def main():
    if sys.argv[1] == "--check":
        return check(sys.argv[2])
    if sys.argv[1] == "--wedge":
        spec, n, secs = sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
        held = []
        for _ in range(n):
            try:
                s = connect(spec)
                s.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\n")
                held.append(s)
            except OSError:
                pass
        print(len(held), flush=True)
        time.sleep(secs)
        return 0
    c = Conn(sys.argv[1])
    c.request("GET", sys.argv[2] if len(sys.argv) > 2 else "/metrics")
    r = c.getresponse()
    sys.stdout.write(r.read().decode("utf-8", "replace"))
    return 0 if r.status == 200 else 1


sys.exit(main())
