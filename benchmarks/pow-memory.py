#!/usr/bin/env python3
"""Proof of work on a long real history: memory and answers at 500 and 1,000 agent logs.

Usage: benchmarks/pow-memory.py REPO [BINARY] [--sample K] [--out FILE]

REPO is a clone of a long history (git/git: 82,000 commits; fetched elsewhere, never
committed). The agent logs are the N tracked files whose last change is oldest (so the walk
goes deep into the history), listed one by one as anchored globs. For N = 500 and 1,000 it runs
`greenlight check --only pow` (release build, no history, fixed --now), reads the peak resident
memory (GNU time) and the wall time, and checks, for K logs spread evenly over the N, that the
commit each pow.stale finding names is the one `git log -1 --format=%H -- PATH` prints.
Writes benchmarks/pow-memory-results.md (or --out).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

NOW = "2026-12-07T00:00:00Z"


def oldest_paths(repo, count):
    """Tracked files by the time of their last change, oldest first (names without glob characters)."""
    tracked = set(subprocess.run(["git", "-C", repo, "ls-files"], capture_output=True, text=True, check=True).stdout.split("\n"))
    log = subprocess.run(["git", "-C", repo, "log", "--format=@%ct", "--name-only", "HEAD"],
                         capture_output=True, text=True, check=True).stdout
    last, stamp = {}, None
    for line in log.split("\n"):
        if line.startswith("@"):
            stamp = int(line[1:])
        elif line in tracked and line not in last:
            last[line] = stamp
    names = [p for p in sorted(last, key=lambda p: (last[p], p)) if not any(c in p for c in "*?[]{}\\")]
    return names[:count]


def run(binary, repo, paths, workdir):
    config = os.path.join(workdir, f"pow-{len(paths)}.yml")
    with open(config, "w") as handle:
        handle.write("proof_of_work:\n  stale_after: 1d\n  logs:\n")
        for path in paths:
            handle.write(f"    - {json.dumps('/' + path)}\n")
    output = os.path.join(workdir, f"pow-{len(paths)}.json")
    timing = os.path.join(workdir, "time.txt")
    command = ["/usr/bin/time", "-f", "%e %M", "-o", timing, binary, "check", "--repo", repo, "--config", config,
               "--only", "pow", "--no-history", "--no-live", "--now", NOW, "--format", "json", "--output", output]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"greenlight failed ({done.returncode}): {done.stderr.strip()}")
    seconds, kilobytes = open(timing).read().strip().splitlines()[-1].split()
    findings = json.load(open(output))["findings"]
    return float(seconds), int(kilobytes) / 1024, findings


def agreement(repo, paths, findings, sample):
    """(agreeing, checked): the stale findings' commits against `git log -1` for a spread sample."""
    named = {}
    for finding in findings:
        if finding["rule"] == "pow.stale":
            found = re.search(r"last commit ([0-9a-f]{12})", finding["message"])
            if found:
                named[finding["path"]] = found.group(1)
    step = max(1, len(paths) // sample)
    checked = agree = 0
    for path in paths[::step][:sample]:
        expected = subprocess.run(["git", "-C", repo, "log", "-1", "--format=%H", "--", path],
                                  capture_output=True, text=True, check=True).stdout.strip()
        checked += 1
        agree += named.get(path) == expected[:12]
    return agree, checked


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo")
    parser.add_argument("binary", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "greenlight"))
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "pow-memory-results.md"))
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    repo = os.path.abspath(arguments.repo)
    commits = subprocess.run(["git", "-C", repo, "rev-list", "--count", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    head = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    paths = oldest_paths(repo, 1000)
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for count in (500, 1000):
            seconds, mebibytes, findings = run(binary, repo, paths[:count], workdir)
            start = time.time()
            agree, checked = agreement(repo, paths[:count], findings, arguments.sample)
            rows.append((count, seconds, mebibytes, agree, checked, time.time() - start))
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    project = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
    lines = [
        "# Proof of work on a long history: memory",
        "",
        f"- history: {commits} commits, HEAD {head[:12]}; logs: the tracked files whose last change is oldest",
        f"- greenlight {version}, project commit {project}, `check --only pow --no-history --no-live --now {NOW}`",
        f"- agreement: for {arguments.sample} logs spread over the list, the commit of the pow.stale finding "
        "against `git log -1 --format=%H -- PATH` (the time of those git calls is given for scale)",
        "",
        "| logs | wall (s) | peak memory (MiB) | agree with git log -1 | git log -1 for the sample (s) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for count, seconds, mebibytes, agree, checked, git_seconds in rows:
        lines.append(f"| {count} | {seconds:.2f} | {mebibytes:.0f} | {agree} of {checked} | {git_seconds:.1f} |")
    report = "\n".join(lines) + "\n"
    print(report)
    with open(arguments.out, "w") as handle:
        handle.write(report)
    return 0 if all(agree == checked for _, _, _, agree, checked, _ in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
