#!/usr/bin/env python3
"""Done items, read by hand: how often Greenlight raises a false alarm on a true claim, and how
many false claims it catches.

    done-items.py sample CORPUS [--n N] [--seed S]
                                            TSV of sampled done items that cite something
                                            checkable and have no label yet, with Greenlight's
                                            verdict, to label
    done-items.py score CORPUS              false-alarm rate and lies caught from done-item-labels.tsv

The items come from the readiness documents Greenlight read in the field corpus (the `claims`
section of each `../field/out/default/*.json`); a done item is a checked task item whose line
cites a path or a route in backticks. Greenlight "alarms" on it when a claims finding other than
`claims.no-evidence` sits on its line. The sample is seeded and drawn round-robin across
repositories. Labels (`done-item-labels.tsv`: repository, path, line, claim, reason) say whether
the claim holds at the pinned commit: `true`, `false` (a lie: what it says is not there), or
`undecidable`. Nothing from the repositories is kept but positions and one-line reasons.
Python 3 standard library and git only.
"""
import csv
import glob
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIELD = os.path.join(HERE, "..", "field")
LABELS = os.path.join(HERE, "done-item-labels.tsv")
CHECKED = re.compile(r"^\s*(?:[-*+]|\d{1,4}[.)])\s+\[[xX]\]\s")
SPAN = re.compile(r"`([^`]+)`")
ROUTE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE)\s+/")
FILE = re.compile(r"[A-Za-z0-9_-]\.[A-Za-z]{1,10}$")


def manifest():
    with open(os.path.join(FIELD, "manifest.tsv"), encoding="utf-8") as handle:
        return {row["repository"]: row["commit"] for row in csv.DictReader(handle, delimiter="\t")}


def checkable(line):
    for span in SPAN.findall(line):
        text = span.strip()
        if ROUTE.match(text) or ("/" in text and " " not in text and not text.startswith("http")) or FILE.search(text):
            return True
    return False


def items(corpus):
    commits = manifest()
    for report in sorted(glob.glob(os.path.join(FIELD, "out", "default", "*.json"))):
        repo = os.path.basename(report)[:-5].replace("+", "/", 1)
        if repo not in commits:
            continue
        with open(report, encoding="utf-8") as handle:
            data = json.load(handle)
        alarms = {}
        for finding in data["findings"]:
            if finding["rule"].startswith("claims.") and finding["rule"] != "claims.no-evidence":
                alarms.setdefault((finding["path"], finding["line"]), []).append(finding["rule"])
        gitdir = os.path.join(corpus, repo.replace("/", "+", 1))
        for document in data.get("claims") or []:
            path = document["path"]
            text = subprocess.run(["git", "--git-dir", gitdir, "show", f"{commits[repo]}:{path}"],
                                  capture_output=True).stdout.decode("utf-8", "replace")
            fence = False
            for number, line in enumerate(text.splitlines(), 1):
                if line.lstrip().startswith(("```", "~~~")):
                    fence = not fence
                if fence or not CHECKED.match(line) or not checkable(line):
                    continue
                rules = sorted(set(alarms.get((path, number), [])))
                yield repo, commits[repo], path, number, line.strip()[:160], ",".join(rules) or "-"


def labelled():
    if not os.path.exists(LABELS):
        return set()
    with open(LABELS, encoding="utf-8") as handle:
        return {(row["repository"], row["path"], int(row["line"])) for row in csv.DictReader(handle, delimiter="\t")}


def sample(corpus, n, seed):
    by_repo = {}
    done = labelled()
    for item in items(corpus):
        if (item[0], item[2], item[3]) not in done:
            by_repo.setdefault(item[0], []).append(item)
    rng = random.Random(seed)
    for entries in by_repo.values():
        rng.shuffle(entries)
    picked = []
    while len(picked) < n and any(by_repo.values()):
        for repo in sorted(by_repo):
            if by_repo[repo] and len(picked) < n:
                picked.append(by_repo[repo].pop())
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(["repository", "commit", "path", "line", "item", "greenlight"])
    for row in picked:
        writer.writerow(row)


def score(corpus):
    with open(LABELS, encoding="utf-8") as handle:
        labels = list(csv.DictReader(handle, delimiter="\t"))
    verdicts = {(row[0], row[2], row[3]): row[5] for row in items(corpus)}
    true_alarmed = true_total = lies_caught = lies_total = 0
    for label in labels:
        alarm = verdicts.get((label["repository"], label["path"], int(label["line"])), "-") != "-"
        if label["claim"] == "true":
            true_total += 1
            true_alarmed += alarm
        elif label["claim"] == "false":
            lies_total += 1
            lies_caught += alarm
    print(f"true claims: {true_total}, false alarms on them: {true_alarmed} "
          f"({100 * true_alarmed / max(true_total, 1):.0f} %)")
    print(f"lies: {lies_total}, caught: {lies_caught} ({100 * lies_caught / max(lies_total, 1):.0f} %)")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "sample":
        n = int(sys.argv[sys.argv.index("--n") + 1]) if "--n" in sys.argv else 80
        seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 18
        sample(sys.argv[2], n, seed)
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        score(sys.argv[2])
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
