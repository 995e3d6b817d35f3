#!/usr/bin/env python3
"""Gatus conformance: every condition case Gatus's own tests define, run as a Greenlight probe.

Usage: benchmarks/probes/gatus-conformance.py GATUS_CHECKOUT [BINARY] [--out FILE]

GATUS_CHECKOUT is a clone (or bare mirror) of https://github.com/TwiN/gatus; it is read with
`git show HEAD:…` and never copied here. BINARY defaults to .build/release/greenlight.

The cases (gatus_cases.py): TestCondition_Validate (accepted or refused at load),
TestCondition_evaluate and the benchmark cases (a result and the verdict Gatus expects), and
the README's conditions table (passing and failing values). Each result is served by a
loopback server started here — the status, the body and the delay it names, over TLS with a
certificate whose remaining lifetime is set through `--now` — or by a closed port where Gatus's
result did not connect. The condition is written exactly as Gatus writes it.

A case agrees when Greenlight accepts what Gatus accepts and refuses what it refuses, and
passes or fails the probe as Gatus's test expects. Every disagreement is printed with its
documented reason (DIFFERENCES below; README "Probes: Gatus conditions"), or as UNDOCUMENTED.
Cases this machine cannot serve (an address that is not on the loopback interface) are listed
and left out of the figures. Then every condition Greenlight accepts is run once more against
a server that accepts the connection and never answers, and against a closed port: any pass
there is a silent pass on a request that got no answer.
"""

import argparse
import datetime
import http.server
import ipaddress
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gatus_cases  # noqa: E402

# The clock of the cases whose domain registration a loopback RDAP service answers for.
RDAP_NOW = datetime.datetime(2026, 1, 5, 12, 0, tzinfo=datetime.timezone.utc)

# Deliberate differences: (source, condition) → reason. A case listed here that agrees is
# reported as agreeing; one that disagrees and is not listed is UNDOCUMENTED.
DIFFERENCES = {
    ("validate", "raw == raw"):
        "a condition with no placeholder tests nothing; it is refused at load",
    ("evaluate", "1 == 2"):
        "a condition with no placeholder tests nothing; it is refused at load",
    ("validate", "[STATUS]==201"):
        "spaces around the operator are optional",
    ("evaluate", "[RESPONSE_TIME] < potato"):
        "a value that can never compare with the subject's type is refused at load (Gatus reads it as 0)",
    ("evaluate", "len([BODY].data.name) == john"):
        "len() is a number; comparing it with a word is refused at load (Gatus compares the text)",
    ("evaluate", "[CERTIFICATE_EXPIRATION] == 0"):
        "no certificate fails [CERT_EXPIRY] rather than reading 0 (a plain-http URL is not a certificate that never expires)",
    ("evaluate", "len([BODY][0]) == 23"):
        "len() of an object counts its keys (Gatus counts the characters of its JSON)",
}


class Served:
    """The loopback servers: plain HTTP and HTTPS with one self-signed certificate, a server
    that accepts and never answers, and a closed port. Responses are looked up by case number."""

    def __init__(self, workdir):
        self.responses = {}
        self.hung = []
        handler = self._handler()
        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.https = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        key, cert = os.path.join(workdir, "key.pem"), os.path.join(workdir, "cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365",
                        "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        end = subprocess.run(["openssl", "x509", "-enddate", "-noout", "-in", cert],
                             check=True, capture_output=True, text=True).stdout.strip().split("=", 1)[1]
        self.not_after = datetime.datetime.strptime(end, "%b %d %H:%M:%S %Y %Z").replace(tzinfo=datetime.timezone.utc)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.https.socket = context.wrap_socket(self.https.socket, server_side=True)
        self.silent = socket.socket()
        self.silent.bind(("127.0.0.1", 0))
        self.silent.listen(64)
        threading.Thread(target=self._hold, daemon=True).start()
        closed = socket.socket()
        closed.bind(("127.0.0.1", 0))
        self.closed_port = closed.getsockname()[1]
        closed.close()
        for server in (self.http, self.https):
            threading.Thread(target=server.serve_forever, daemon=True).start()

    def _hold(self):
        while True:
            try:
                connection, _ = self.silent.accept()
                self.hung.append(connection)  # held open, never answered, until the end
            except OSError:
                return

    def _handler(self):
        served = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                if self.path.startswith("/rdap/"):  # /rdap/N/domain/NAME: the registration of case N
                    return self.rdap(served.responses[int(self.path.split("/")[2])])
                response = served.responses[int(self.path.rsplit("/", 1)[1])]
                time.sleep(response["delay_ms"] / 1000)
                body = response["body"].encode()
                self.send_response(response["status"])
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def rdap(self, response):
                expires = RDAP_NOW + datetime.timedelta(milliseconds=response["domain_ms"])
                body = json.dumps({"objectClassName": "domain", "events": [
                    {"eventAction": "expiration", "eventDate": expires.strftime("%Y-%m-%dT%H:%M:%SZ")}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rdap+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_):
                pass

        return Handler

    def url(self, number, response, condition):
        """Where the case is served, the --now that sets its certificate's lifetime, and the
        RDAP base that answers for its domain — or a reason it cannot be served here."""
        if response is None:  # a validate case: only whether the condition loads matters
            response = {"status": 200, "body": "", "delay_ms": 0, "ip": "127.0.0.1", "connected": True,
                        "certificate_ms": None}
        threshold = re.search(r"\[RESPONSE_TIME\] [<>]=? (\d+)(ms)?$", condition)
        if threshold and response["delay_ms"] and abs(response["delay_ms"] - int(threshold.group(1))) <= 2:
            return None, None, None, (f"a {response['delay_ms']} ms delay against {threshold.group(1)} ms: a live server cannot "
                                "place a response time on a whole-millisecond boundary (loopback adds 0.5-2 ms)")
        if not response["connected"]:
            return f"http://127.0.0.1:{self.closed_port}/case/{number}", None, None, None
        if not ipaddress.ip_address(response["ip"]).is_loopback:
            return None, None, None, f"the result's address {response['ip']} is not on the loopback interface"
        self.responses[number] = response
        if response.get("domain_ms") is not None:  # the registry is a loopback RDAP service too
            port = self.http.server_address[1]
            return (f"http://gatus.example.localhost:{port}/case/{number}", RDAP_NOW.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    None, f"http://127.0.0.1:{port}/rdap/{number}/")
        if response["certificate_ms"] is not None:
            now = self.not_after - datetime.timedelta(milliseconds=response["certificate_ms"])
            return (f"https://127.0.0.1:{self.https.server_address[1]}/case/{number}",
                    now.strftime("%Y-%m-%dT%H:%M:%SZ"), None, None)
        return f"http://127.0.0.1:{self.http.server_address[1]}/case/{number}", None, None, None

    def close(self):
        self.http.shutdown()
        self.https.shutdown()
        self.silent.close()
        for connection in self.hung:
            connection.close()


def run_probe(binary, workdir, url, condition, now=None, timeout="10s", rdap=None):
    """(exit code, stderr's first line) of `greenlight probe` with one probe and one condition."""
    config = os.path.join(workdir, "probe.yml")
    with open(config, "w") as handle:
        handle.write("probes:\n  - name: case\n")
        handle.write(f"    url: {json.dumps(url)}\n    timeout: {timeout}\n    connect_timeout: 2s\n")
        if url.startswith("https:"):
            handle.write("    insecure: true\n")
        if rdap:
            handle.write(f"    rdap: {json.dumps(rdap)}\n")
        handle.write(f"    expect: [{json.dumps(condition)}]\n")
    command = [binary, "probe", "--config", config, "--format", "json", "--repo", workdir]
    if now:
        command += ["--now", now]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return done.returncode, (done.stderr.strip().splitlines() or [""])[0]


def verdict(code):
    return {0: "pass", 1: "fail", 2: "refused"}.get(code, f"exit {code}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gatus")
    parser.add_argument("binary", nargs="?", default=os.path.join(
        os.path.dirname(__file__), "..", "..", ".build", "release", "greenlight"))
    parser.add_argument("--out", help="also write the report (Markdown) to this file")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    cases = gatus_cases.all_cases(arguments.gatus)
    gatus_commit = subprocess.run(["git", "-C", arguments.gatus, "rev-parse", "HEAD"],
                                  capture_output=True, text=True, check=True).stdout.strip()

    lines, rows = [], []
    with tempfile.TemporaryDirectory() as workdir:
        subprocess.run(["git", "init", "-q", workdir], check=True)
        served = Served(workdir)
        try:
            accepted_conditions = []
            for number, case in enumerate(cases):
                served_at = served.url(number, case["response"], case["condition"])
                if served_at[0] is None:
                    rows.append((case, "not served", None, served_at[3]))
                    continue
                url, now, _, rdap = served_at
                code, error = run_probe(binary, workdir, url, case["condition"], now, rdap=rdap)
                got = verdict(code)
                if case["expected"] in ("valid", "invalid"):
                    agrees = (got == "refused") == (case["expected"] == "invalid")
                else:
                    agrees = got == ("pass" if case["expected"] else "fail")
                if got != "refused":
                    accepted_conditions.append(case["condition"])
                rows.append((case, got, agrees, error))
            silent = []
            for condition in sorted(set(accepted_conditions)):
                hang_url = f"http://127.0.0.1:{served.silent.getsockname()[1]}/"
                refused_url = f"http://127.0.0.1:{served.closed_port}/"
                for where, url in (("a server that never answers", hang_url), ("a closed port", refused_url)):
                    code, _ = run_probe(binary, workdir, url, condition, timeout="300ms")
                    if code == 0:
                        silent.append((condition, where))
        finally:
            served.close()

    counted = [r for r in rows if r[2] is not None]
    agree = sum(1 for r in counted if r[2])
    documented = [r for r in counted if not r[2] and (r[0]["source"], r[0]["condition"]) in DIFFERENCES]
    undocumented = [r for r in counted if not r[2] and (r[0]["source"], r[0]["condition"]) not in DIFFERENCES]
    sources = ["validate", "evaluate", "benchmark", "readme"]

    lines.append("# Gatus conformance")
    lines.append("")
    lines.append(f"- Gatus: TwiN/gatus at {gatus_commit[:12]} (config/endpoint/condition_test.go, "
                 "condition_bench_test.go, README conditions table)")
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    lines.append(f"- greenlight: {version}; each case one `greenlight probe` against a loopback server")
    lines.append("")
    lines.append("| source | cases | served | agree | documented differences | undocumented |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for source in sources + ["all"]:
        mine = [r for r in rows if source in ("all", r[0]["source"])]
        served_rows = [r for r in mine if r[2] is not None]
        lines.append(f"| {source} | {len(mine)} | {len(served_rows)} | {sum(1 for r in served_rows if r[2])} "
                     f"| {sum(1 for r in documented if r in mine)} | {sum(1 for r in undocumented if r in mine)} |")
    lines.append("")
    share = 100 * agree / len(counted) if counted else 0
    lines.append(f"Agreement: **{agree} of {len(counted)} served cases ({share:.1f} %)**; "
                 f"{len(documented)} documented differences, {len(undocumented)} undocumented.")
    accepted = [r for r in counted if r[1] != "refused"]
    accepted_agree = sum(1 for r in accepted if r[2])
    lines.append(f"Where Greenlight accepts the condition as Gatus writes it: **{accepted_agree} of {len(accepted)} "
                 f"({100 * accepted_agree / len(accepted):.1f} %)**; it refuses {len(counted) - len(accepted)} at load.")
    lines.append(f"Silent passes on a request that got no answer: **{len(silent)}** "
                 f"({len(set(accepted_conditions))} accepted conditions, each against a server that never answers and a closed port).")
    lines.append("")
    if documented or undocumented:
        lines.append("## Disagreements")
        lines.append("")
        lines.append("| source | case | Gatus | Greenlight | reason |")
        lines.append("|---|---|---|---|---|")
        for case, got, _, error in documented + undocumented:
            reason = DIFFERENCES.get((case["source"], case["condition"]), "UNDOCUMENTED: " + error)
            expected = case["expected"] if isinstance(case["expected"], str) else ("pass" if case["expected"] else "fail")
            name = case["name"].replace("|", "\\|")
            lines.append(f"| {case['source']} | `{name}` | {expected} | {got} | {reason} |")
        lines.append("")
    unserved = [r for r in rows if r[2] is None]
    if unserved:
        lines.append("## Not served here")
        lines.append("")
        for case, _, _, reason in unserved:
            lines.append(f"- {case['source']} `{case['name']}`: {reason}")
        lines.append("")
    if silent:
        lines.append("## Silent passes")
        lines.append("")
        for condition, where in silent:
            lines.append(f"- `{condition}` passed against {where}")
        lines.append("")
    report = "\n".join(lines)
    print(report)
    if arguments.out:
        with open(arguments.out, "w") as handle:
            handle.write(report)
    return 0 if not undocumented and not silent else 1


if __name__ == "__main__":
    sys.exit(main())
