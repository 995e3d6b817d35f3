#!/usr/bin/env python3
"""Agreement with actionlint's own expected errors for the rules that overlap: `needs` (unknown
job, a job named twice, cycles: ci.unknown-needs) and duplicate keys (ci.duplicate-key).

    benchmarks/actionlint-testdata.py ACTIONLINT_GIT_DIR [--greenlight BIN]

ACTIONLINT_GIT_DIR: a clone (or bare mirror) of github.com/rhysd/actionlint. Every
testdata/{err,examples}/*.out line of kind job-needs, or a syntax-check line saying "is
duplicated", is one expected finding; each test workflow is checked alone, in a fresh
repository, and Greenlight's findings of the matching rule are compared by line (a cycle by its
presence, a missing job by its name: actionlint puts both on the job's key, Greenlight on the
`needs` entry).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True, text=True, check=True).stdout


def expected(git_dir):
    cases = {}
    for name in git(git_dir, "ls-tree", "--name-only", "HEAD", "testdata/err/", "testdata/examples/").split():
        if not name.endswith(".out"):
            continue
        for line in git(git_dir, "show", "HEAD:" + name).splitlines():
            match = re.match(r"test\.yaml:(\d+):\d+: (.*) \[([a-z-]+)\]$", line)
            if not match:
                continue
            number, message, kind = int(match.group(1)), match.group(2), match.group(3)
            if kind == "job-needs":
                rule = "ci.unknown-needs"
            elif kind == "syntax-check" and "is duplicated" in message:
                rule = "ci.duplicate-key"
            else:
                continue
            cases.setdefault(name[:-4], []).append((rule, number, message))
    return cases


def ours(binary, workflow):
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, ".github", "workflows"))
        with open(os.path.join(root, ".github", "workflows", "test.yaml"), "w") as handle:
            handle.write(workflow)
        subprocess.run(["git", "init", "-q", root], check=True)
        subprocess.run(["git", "-C", root, "add", "."], check=True)
        subprocess.run(["git", "-C", root, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "t"], check=True)
        out = subprocess.run([binary, "check", "--repo", root, "--format", "json", "--now", "2026-12-01T00:00:00Z"],
                             capture_output=True, text=True).stdout
        return [(f["rule"], f["line"], f["message"]) for f in json.loads(out)["findings"]]


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    git_dir = argv[0]
    binary = argv[argv.index("--greenlight") + 1] if "--greenlight" in argv else os.path.join(
        HERE, "..", ".build", "release", "greenlight")
    total = agreed = 0
    for case, items in sorted(expected(git_dir).items()):
        workflow = git(git_dir, "show", "HEAD:%s.yaml" % case)
        found = ours(binary, workflow)
        for rule, line, message in items:
            # actionlint puts a cycle on the job key; Greenlight on the `needs` entry that closes
            # it, a line or two below: compare cycles by count, the rest by line.
            # A missing job: actionlint on the job's key, Greenlight on the `needs` entry: compare
            # by the job named.
            missing = re.search(r'needs job "([^"]+)" which does not exist', message)
            if "cyclic" in message:
                hit = any(r == rule and "cycle" in m for r, _, m in found)
            elif missing:
                hit = any(r == rule and "needs '%s'" % missing.group(1) in m for r, _, m in found)
            else:
                hit = any(r == rule and l == line for r, l, _ in found)
            total += 1
            agreed += hit
            print("%-48s %-18s line %-3d %s  %s" % (case, rule, line, "found " if hit else "MISSED", message[:70]))
    print("\nagreement: %d / %d" % (agreed, total))


if __name__ == "__main__":
    main(sys.argv[1:])
