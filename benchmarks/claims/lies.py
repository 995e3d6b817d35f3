#!/usr/bin/env python3
"""Planted lies: one readiness document over two repositories, a truthful twin and a lying one.

    benchmarks/claims/lies.py [BINARY]     (default: .build/release/greenlight)

Each lie is a done item the lying repository contradicts in one way — a cited file that is gone,
a function renamed, a hook never written, a route never served, a symbol only in a comment, a
column a migration no longer creates, a test count the JUnit report disagrees with, a CI run no
evidence record holds, a checked box whose text says pending — and names the rule that must
report it at its line. The truthful twin must give no claims finding at
all. Prints one row per lie and exits 1 when a lie is missed or the twin is not clean.
Python 3 standard library and git only; everything is written to a temporary folder.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

DOCUMENT = """# Launch readiness

- [x] Feedback store: `get_unclustered_feedback()` in `backend/store.py`
- [x] Budget guard in `src/budget.ts`
- [x] Quota switch `isLLMAllowed()` in `src/config/flags.ts`
- [x] Chat screen uses the `useAssistantChat` hook of `src/hooks.ts`
- [x] `POST /api/feedback` accepts a rating
- [x] Retry policy `computeBackoffDelay()` in `src/retry.ts`
- [ ] Alerting on error budget
- [x] Table `feedback_events` created with `rated_at`, `user_id` (`migrations/001_feedback.sql`)
- [x] Unit tests: 3/3 tests passing
- [x] Smoke run passed: https://github.com/acme/shop/actions/runs/4444444444
- [x] Backups restored once (`ops/restore.sh`)
"""

SMOKE_RECORD = """{"schemaVersion": 1, "name": "smoke", "status": "pass", "recordedAt": "2026-10-30T09:00:00Z",
 "url": "https://github.com/acme/shop/actions/runs/%s"}
"""

JUNIT = """<testsuite name="unit" tests="3">
  <testcase classname="store" name="empty"/>
  <testcase classname="budget" name="cap"/>
  <testcase classname="retry" name="%s"%s
</testsuite>
"""

TRUTH = {
    "backend/store.py": "def get_unclustered_feedback():\n    return []\n",
    "src/budget.ts": "export const budget = 10\n",
    "src/config/flags.ts": "export const isLLMAllowed = () => true\n",
    "src/hooks.ts": "export function useAssistantChat() { return [] }\n",
    "backend/api.py": "@app.post(\"/api/feedback\")\ndef rate():\n    return {}\n",
    "src/retry.ts": "export function computeBackoffDelay(n: number) { return 2 ** n }\n",
    "migrations/001_feedback.sql": "CREATE TABLE feedback_events (\n  rated_at TIMESTAMPTZ,\n  user_id TEXT\n);\n",
    "reports/junit.xml": JUNIT % ("backoff", "/>"),
    ".greenlight/evidence/smoke/20261030T090000Z.json": SMOKE_RECORD % "4444444444",
    ".greenlight.yml": "evidence:\n  junit: [\"reports/junit.xml\"]\n",
    "ops/restore.sh": "#!/bin/sh\n",
}

DOC = "docs/readiness.md"

# What the lying repository changes, and the finding each change must bring: (rule, line).
LIES = [
    ("renamed function", {"backend/store.py": "def get_feedback():\n    return []\n"}, ("claims.symbol-not-found", 3)),
    ("cited file gone", {"src/budget.ts": None}, ("claims.missing-evidence", 4)),
    ("function never written", {"src/config/flags.ts": "export const flags = {}\n"}, ("claims.symbol-not-found", 5)),
    ("hook never written", {"src/hooks.ts": "export function useChat() { return [] }\n"}, ("claims.symbol-not-found", 6)),
    ("route never served", {"backend/api.py": "@app.get(\"/api/health\")\ndef ok():\n    return {}\n"}, ("claims.route-not-found", 7)),
    ("symbol only in a comment", {"src/retry.ts": "// TODO computeBackoffDelay()\nexport const retries = 3\n"},
     ("claims.symbol-not-found", 8)),
    ("dropped column", {"migrations/001_feedback.sql": "CREATE TABLE feedback_events (\n  user_id TEXT\n);\n"},
     ("claims.schema-not-found", 10)),
    ("wrong test count", {"reports/junit.xml": JUNIT % ("backoff", "><failure message=\"off by one\"/></testcase>")},
     ("claims.test-count-mismatch", 11)),
    ("unrecorded run", {".greenlight/evidence/smoke/20261030T090000Z.json": SMOKE_RECORD % "3333333333"},
     ("claims.run-not-recorded", 12)),
    ("checked but pending", {DOC: ("Backups restored once", "Backups restored once ❌ PENDING")},
     ("claims.checked-but-open", 13)),
]


def repository(folder, files):
    os.makedirs(folder)
    for path, text in files.items():
        if text is None:
            continue
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(text)
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-11-01T12:00:00Z", GIT_COMMITTER_DATE="2026-11-01T12:00:00Z")
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.email=b@example.com", "-c", "user.name=bench", "commit", "-qm", "twin"]):
        subprocess.run(["git", "-C", folder] + command, check=True, env=env)


def findings(binary, folder):
    out = os.path.join(folder, "..", os.path.basename(folder) + ".json")
    subprocess.run([binary, "check", "--repo", folder, "--only", "claims", "--no-history", "--format", "json",
                    "--output", out, "--now", "2026-12-01T00:00:00Z"], capture_output=True)
    with open(out, encoding="utf-8") as handle:
        return [f for f in json.load(handle)["findings"] if f["path"] == "docs/readiness.md"]


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "greenlight")
    with tempfile.TemporaryDirectory() as work:
        truth = dict(TRUTH, **{"docs/readiness.md": DOCUMENT})
        repository(os.path.join(work, "truthful"), truth)
        lying = dict(truth)
        for _, change, _ in LIES:
            for path, value in change.items():
                # A pair rewrites the document: the lie is in what it says.
                lying[path] = lying[path].replace(*value) if isinstance(value, tuple) else value
        repository(os.path.join(work, "lying"), lying)
        clean = findings(binary, os.path.join(work, "truthful"))
        found = {(f["rule"], f["line"]) for f in findings(binary, os.path.join(work, "lying"))}
    missed = 0
    print("| lie | rule | line | found |")
    print("|---|---|---:|---|")
    for name, _, (rule, line) in LIES:
        hit = (rule, line) in found
        missed += not hit
        print(f"| {name} | `{rule}` | {line} | {'yes' if hit else 'NO'} |")
    print(f"\nlies found: {len(LIES) - missed} of {len(LIES)}; findings on the truthful twin: {len(clean)}")
    for finding in clean:
        print(f"  twin: {finding['rule']} line {finding['line']}: {finding['message']}")
    return 1 if missed or clean else 0


if __name__ == "__main__":
    sys.exit(main())
