#!/usr/bin/env python3
"""Deterministically generate a repository of agent logs for the proof-of-work benchmark.

Usage: benchmarks/generate-pow-repo.py [--commits N] [--agents N] [--seed N] [--force] DIR

A project worked on by agents: about 2,000 source files under src/, lib/, docs/, deploy/,
and one log per agent, feedback/<agent>.md (20 by default). Most commits change 1-3 source
files; each agent appends an entry to its log at random intervals (a geometric gap with a mean
of 20 to 400 commits, different per agent). Agents retire: a quarter stop writing somewhere
between 5 % and 70 % of the history, one writes only at the start, the rest write until the
end. Every ~150 commits a side branch of 2-5 commits (code and, sometimes, a log entry) is
merged back with a merge commit whose tree is the side branch's (so `git log -- LOG` must
follow second parents). Commits are one minute apart from 2025-01-01T00:00:00Z (author =
committer date), and --commits counts every commit, side branches and merges included.

Everything comes from random.Random(seed) and fixed names, so the same arguments always give
the same HEAD. Written with `git fast-import` on refs/heads/main, then checked out; no gc.
Python 3 standard library only.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import time

EPOCH = 1735689600          # 2025-01-01T00:00:00Z
STEP = 60
NAMES = """tooling dashboard mcp rag approvals inventory seo sales integration support
analytics billing search catalog checkout notify gateway ingest planner reviewer scheduler
security qa docs release""".split()
WORDS = """cache retry health metrics queue limiter router schema worker token index batch
stream ledger policy probe quota replica shard snapshot""".split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--commits", type=int, default=20000)
    ap.add_argument("--agents", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--force", action="store_true", help="replace DIR if it is an existing git repository")
    a = ap.parse_args()
    if a.commits < 10 or not 1 <= a.agents <= len(NAMES):
        ap.error("--commits must be >= 10 and --agents between 1 and %d" % len(NAMES))

    start = time.time()
    dest = os.path.abspath(a.dir)
    if os.path.exists(dest) and (not os.path.isdir(dest) or os.listdir(dest)):
        if not a.force:
            sys.exit("error: %s exists and is not empty (use --force to replace it)" % dest)
        if not os.path.isdir(os.path.join(dest, ".git")):
            sys.exit("error: --force only replaces a git repository; %s has no .git" % dest)
        shutil.rmtree(dest)
    os.makedirs(dest, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY")}
    git = lambda *args: subprocess.run(["git", "-C", dest] + list(args), env=env, check=True,
                                       stdout=subprocess.PIPE).stdout.decode().strip()
    git("init", "-q")
    git("symbolic-ref", "HEAD", "refs/heads/main")
    fi = subprocess.Popen(["git", "-C", dest, "fast-import", "--quiet"], env=env,
                          stdin=subprocess.PIPE, bufsize=1 << 20)
    out = fi.stdin
    r = random.Random(a.seed)

    sources = ["%s/%s/%s_%d.%s" % (top, r.choice(WORDS), r.choice(WORDS), i, ext)
               for i in range(2000)
               for top, ext in [r.choice([("src", "ts"), ("lib", "py"), ("docs", "md"), ("deploy", "yml")])]]
    agents = NAMES[:a.agents]
    logs = {name: "# %s\n\nProof of work, newest last.\n" % name for name in agents}
    mean = {name: r.randint(20, 400) for name in agents}
    stop = {}
    for i, name in enumerate(agents):
        if i == 0:
            stop[name] = 1                                   # writes once, at the start
        elif i % 4 == 1:
            stop[name] = int(a.commits * r.uniform(0.05, 0.70))
        else:
            stop[name] = a.commits + 1
    due = {name: r.randint(0, 50) if name != agents[0] else 0 for name in agents}
    state = {"c": 0}

    def entry(name, c):
        ts = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(EPOCH + c * STEP))
        kind = r.random()
        if kind < 0.4:
            body = "- %s %s: `%s`" % (r.choice(WORDS), r.choice(["fixed", "tested", "measured"]), r.choice(sources))
        elif kind < 0.7:
            body = "- CI run https://ci.example.com/runs/%d" % r.randrange(10 ** 6)
        elif kind < 0.85:
            body = "- tests:\n```\n%d passed, 0 failed\n```" % r.randrange(10, 400)
        else:
            body = "- working on %s" % r.choice(WORDS)
        return "\n## %s\n%s\n" % (ts, body)

    def commit(ref, changes, msg, parent=None, merge=None):
        c = state["c"]
        state["c"] += 1
        ts = EPOCH + c * STEP
        m = msg.encode()
        out.write(b"commit %s\nmark :%d\nauthor Agent <agent@example.com> %d +0000\n"
                  b"committer Agent <agent@example.com> %d +0000\ndata %d\n%s\n"
                  % (ref.encode(), c + 1, ts, ts, len(m), m))
        if parent is not None:
            out.write(b"from :%d\n" % parent)
        if merge is not None:
            out.write(b"merge :%d\n" % merge)
        for path, data in changes:
            d = data.encode()
            out.write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(d), d))
        out.write(b"\n")
        return c + 1

    def code_change():
        path = r.choice(sources)
        return (path, "// %s %d\n" % (path, r.randrange(10 ** 9)) * r.randint(1, 20))

    def agent_changes(c):
        changes = []
        for name in agents:
            if due[name] <= c < stop[name]:
                logs[name] += entry(name, c)
                changes.append(("feedback/%s.md" % name, logs[name]))
                due[name] = c + 1 + int(r.expovariate(1.0 / mean[name]))
        return changes

    first = [(p, "// %s\n" % p) for p in sources] + [("feedback/%s.md" % n, logs[n]) for n in agents]
    tip = commit("refs/heads/main", first, "initial layout")
    while state["c"] < a.commits:
        c = state["c"]
        if c % 150 == 75 and a.commits - c > 8:
            side = []
            fork = tip
            parent = fork
            for _ in range(r.randint(2, 5)):
                changes = [code_change() for _ in range(r.randint(1, 3))]
                if r.random() < 0.3:
                    name = r.choice(agents[1:] or agents)
                    if state["c"] < stop[name]:
                        logs[name] += entry(name, state["c"])
                        changes.append(("feedback/%s.md" % name, logs[name]))
                side += changes
                parent = commit("refs/heads/side", changes, "side work", parent=parent)
            tip = commit("refs/heads/main", side, "Merge branch 'side'", parent=fork, merge=parent)
            continue
        changes = [code_change() for _ in range(r.randint(1, 3))] + agent_changes(c)
        tip = commit("refs/heads/main", changes, "work %d" % c, parent=tip)
    out.close()
    if fi.wait() != 0:
        sys.exit("error: git fast-import failed")
    git("update-ref", "-d", "refs/heads/side")
    git("checkout", "-q", "-f", "main")
    print("HEAD %s" % git("rev-parse", "HEAD"))
    print("commits %s" % git("rev-list", "--count", "HEAD"))
    print("last commit %s" % git("log", "-1", "--format=%cI"))
    print("generated in %.1f s" % (time.time() - start), file=sys.stderr)


if __name__ == "__main__":
    main()
