#!/usr/bin/env python3
"""The five seed write-ups, each committed as a readiness document into an otherwise empty
repository and checked by the claims family: findings per rule per seed.

    benchmarks/claims/seeds.py SEEDS_FOLDER [BINARY]     (default binary: .build/release/greenlight)

SEEDS_FOLDER holds the seeds as text files (`NNN_*.txt`); each is committed as
`docs/readiness.md`. With nothing else in the repository, every cited file is missing and every
named symbol, table, test count and run is unverifiable or missing: the table shows how many of
each the family reports. Python 3 standard library and git only.
"""
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULES = ["claims.missing-evidence", "claims.no-evidence", "claims.route-not-found", "claims.symbol-not-found",
         "claims.schema-not-found", "claims.test-results-unverified", "claims.run-not-recorded", "claims.checked-but-open"]


def check(binary, text, work):
    folder = os.path.join(work, "repo")
    os.makedirs(os.path.join(folder, "docs"))
    with open(os.path.join(folder, "docs", "readiness.md"), "w", encoding="utf-8") as handle:
        handle.write(text)
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-11-01T12:00:00Z", GIT_COMMITTER_DATE="2026-11-01T12:00:00Z")
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.email=s@example.com", "-c", "user.name=seed", "commit", "-qm", "seed"]):
        subprocess.run(["git", "-C", folder] + command, check=True, env=env)
    out = os.path.join(work, "out.json")
    subprocess.run([binary, "check", "--repo", folder, "--only", "claims", "--no-history", "--format", "json",
                    "--output", out, "--now", "2026-12-01T00:00:00Z"], capture_output=True)
    with open(out, encoding="utf-8") as handle:
        return collections.Counter(f["rule"] for f in json.load(handle)["findings"])


def main():
    seeds = sorted(glob.glob(os.path.join(sys.argv[1], "*.txt")))
    binary = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build", "release", "greenlight")
    print("| seed | " + " | ".join(rule.split(".")[1] for rule in RULES) + " |")
    print("|---|" + "---:|" * len(RULES))
    for seed in seeds:
        with open(seed, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        with tempfile.TemporaryDirectory() as work:
            counts = check(binary, text, work)
        print(f"| {os.path.basename(seed)[:3]} | " + " | ".join(str(counts.get(rule, "")) for rule in RULES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
