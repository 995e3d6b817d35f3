#!/usr/bin/env python3
"""The pre-commit hook's cost: `greenlight check --staged --diff-base HEAD` against `git status`.

Usage: benchmarks/hook/run.py REPOSITORY [GREENLIGHT] [--runs N] [--out FILE]

Clones REPOSITORY (any git repository; the figures in results.md use git/git, about 4,800
files) into a temporary folder, then for 1, 4, 16 and 64 staged changes (an added line at the
end of that many text files, the same files each time) times, in alternation, N runs of
`git status --porcelain` and N runs of the hook's check, and prints a Markdown table of
medians with the ratio. A second table does the same on a copy with ten times the files
(each source file copied into ten folders), to show that the hook's cost grows with the
change, not with the repository. GREENLIGHT defaults to .build/release/greenlight.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def timed(command, cwd):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}: {result.stderr.decode()[:400]}")
    return elapsed


def text_files(repo, count):
    files = [f for f in git(repo, "ls-files").splitlines()
             if f.endswith((".c", ".h", ".sh", ".md", ".txt", ".py", ".ts", ".go")) and " " not in f]
    return sorted(files)[:count]


def stage(repo, files):
    git(repo, "reset", "-q", "--hard")
    for path in files:
        with open(os.path.join(repo, path), "a", encoding="utf-8") as handle:
            handle.write("\n/* staged change for the hook benchmark */\n")
    git(repo, "add", "--", *files)


def measure(repo, binary, runs):
    rows = []
    files = git(repo, "ls-files").count("\n")
    for changes in (1, 4, 16, 64):
        stage(repo, text_files(repo, changes))
        status, hook = [], []
        for _ in range(runs):
            status.append(timed(["git", "status", "--porcelain"], repo))
            hook.append(timed([binary, "check", "--staged", "--diff-base", "HEAD", "--no-live", "--no-history",
                               "--output", os.devnull], repo))
        s, h = statistics.median(status), statistics.median(hook)
        rows.append(f"| {files} | {changes} | {s * 1000:.1f} | {h * 1000:.1f} | {h / s:.1f} |")
    git(repo, "reset", "-q", "--hard")
    return rows


def widen(repo):
    """Ten copies of every source file, committed: the same kinds of files, ten times as many."""
    sources = [f for f in git(repo, "ls-files").splitlines() if f.endswith((".c", ".h", ".sh", ".py", ".md", ".txt"))]
    for copy in range(10):
        for path in sources:
            target = os.path.join(repo, f"copy{copy}", path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(repo, path), target)
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "widen")


def main():
    args = sys.argv[1:]
    runs, out = 10, None
    if "--runs" in args:
        i = args.index("--runs"); runs = int(args[i + 1]); del args[i:i + 2]
    if "--out" in args:
        i = args.index("--out"); out = args[i + 1]; del args[i:i + 2]
    if not args:
        raise SystemExit(__doc__)
    source = os.path.abspath(args[0])
    binary = os.path.abspath(args[1]) if len(args) > 1 else os.path.join(ROOT, ".build/release/greenlight")
    head = "| files | staged changes | git status (ms) | hook check (ms) | ratio |\n|---:|---:|---:|---:|---:|"
    with tempfile.TemporaryDirectory() as scratch:
        repo = os.path.join(scratch, "repo")
        subprocess.run(["git", "clone", "-q", source, repo], check=True)
        commit = git(repo, "rev-parse", "--short=12", "HEAD").strip()
        version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
        lines = [f"Repository {os.path.basename(source.rstrip('/'))} at {commit}, greenlight {version}, "
                 f"{os.cpu_count()} cores, median of {runs} alternating runs each.", "", head]
        lines += measure(repo, binary, runs)
        widen(repo)
        lines += measure(repo, binary, runs)
    text = "\n".join(lines) + "\n"
    print(text)
    if out:
        with open(out, "a", encoding="utf-8") as handle:
            handle.write("\n" + text)


if __name__ == "__main__":
    main()
