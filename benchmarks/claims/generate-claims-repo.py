#!/usr/bin/env python3
"""Deterministically generate a repository with 2,000 readiness documents holding 200,000
claims, in the five styles teams write them, citing 20,000 source files (about 1 citation in
25 points at a file that does not exist). One commit, written with git fast-import.

Usage: generate-claims-repo.py DIR [--docs N] [--claims-per-doc N] [--seed N]
"""
import argparse
import os
import random
import subprocess
import sys

STYLES = ["tasks", "evidence", "headings", "table", "nested"]


def source_path(i):
    return f"services/svc-{i % 200:03d}/src/module_{i:05d}.ts"


def document(rng, index, claims, sources):
    style = STYLES[index % len(STYLES)]
    lines = [f"# Readiness {index:04d} ({style})", ""]
    made = 0

    def cite():
        if rng.random() < 0.04:
            return f"services/svc-9{rng.randrange(100):02d}/src/missing_{rng.randrange(10**6)}.ts"
        return sources[rng.randrange(len(sources))]

    while made < claims:
        done = rng.random() < 0.8
        box = "x" if done else " "
        if style == "tasks":
            lines.append(f"- [{box}] Item {made} — `{cite()}`")
            made += 1
        elif style == "evidence":
            lines.append(f"- [{box}] **Capability {made} exists** (`POST /api/cap-{made}`)")
            lines.append(f"  - Evidence: `{cite()}`, `{cite()}`")
            made += 1
        elif style == "headings":
            mark = "✅" if done else "⏳"
            lines += [f"### {made}. Component {made} {mark}", f"**File**: `{cite()}`", ""]
            made += 1
        elif style == "table":
            if made % 20 == 0:
                lines += ["", "| Component | Tests | Status |", "|---|---|---|"]
            status = "✅ **READY**" if done else "⏳ PENDING"
            lines.append(f"| Component {made} `{cite()}` | 10/10 | {status} |")
            made += 1
        else:
            lines.append(f"- [{box}] **File: `{cite()}`**")
            made += 1
            for child in range(min(3, claims - made)):
                lines.append(f"  - [{'x' if rng.random() < 0.8 else ' '}] Step {child} of item {made}")
                made += 1
    return "\n".join(lines) + "\n"


def blob(out, data):
    out.write(b"blob\n")
    out.write(f"data {len(data)}\n".encode())
    out.write(data)
    out.write(b"\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--claims-per-doc", type=int, default=100)
    parser.add_argument("--sources", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args()
    if os.path.exists(args.dir) and os.listdir(args.dir):
        sys.exit(f"{args.dir} exists and is not empty")
    os.makedirs(args.dir, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.dir], check=True)
    rng = random.Random(args.seed)
    sources = [source_path(i) for i in range(args.sources)]
    importer = subprocess.Popen(["git", "-C", args.dir, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    out = importer.stdin
    files = []
    for i, path in enumerate(sources):
        files.append((path, f"export const route{i} = '/api/cap-{i % 100}'\n".encode()))
    for d in range(args.docs):
        files.append((f"docs/readiness/team-{d % 50:02d}/readiness-{d:04d}.md",
                      document(rng, d, args.claims_per_doc, sources).encode()))
    out.write(b"commit refs/heads/main\n")
    out.write(b"author Bench <bench@example.invalid> 1767225600 +0000\n")
    out.write(b"committer Bench <bench@example.invalid> 1767225600 +0000\n")
    out.write(b"data 6\nclaims\n")
    for path, data in files:
        out.write(f"M 100644 inline {path}\n".encode())
        out.write(f"data {len(data)}\n".encode())
        out.write(data)
        out.write(b"\n")
    out.close()
    if importer.wait() != 0:
        sys.exit("fast-import failed")
    subprocess.run(["git", "-C", args.dir, "checkout", "-q", "-f", "main"], check=True)
    head = subprocess.run(["git", "-C", args.dir, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"{head} {len(files)} files, {args.docs} documents")


if __name__ == "__main__":
    main()
