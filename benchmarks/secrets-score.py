#!/usr/bin/env python3
"""Score secret scanners against the labels of secrets-corpus.py.

Usage: benchmarks/secrets-score.py LABELS [--greenlight FILE] [--detect-secrets FILE] [--history FILE]

--greenlight: a `greenlight check --format json` report (secrets.leak and secrets.random-value findings count);
--detect-secrets: a `detect-secrets scan` baseline (every result counts);
--history: a `greenlight check --scan-history --format json` report, scored against history
labels (a planted secret counts when reported at its first commit, path and line).

A prediction is a (path, line) pair; duplicates on one line count once. Recall: labelled
secrets predicted / labelled secrets. Precision: predictions on labelled secrets / all
predictions (a prediction on a look-alike or on filler is a false positive). Prints one JSON
object per scanner, with the secrets missed and the false positives counted by kind.
"""
import argparse
import collections
import json
import re
import sys


def load_labels(path):
    with open(path) as handle:
        data = json.load(handle)
    secrets = {(l["path"], l["line"]): l for l in data["labels"] if l["secret"]}
    lookalikes = {(l["path"], l["line"]): l for l in data["labels"] if not l["secret"]}
    return data, secrets, lookalikes


def score(name, predicted, secrets, lookalikes):
    predicted = set(predicted)
    hits = predicted & set(secrets)
    missed = collections.Counter(secrets[k]["kind"] for k in set(secrets) - predicted)
    false = collections.Counter(lookalikes[k]["kind"] if k in lookalikes else "filler" for k in predicted - set(secrets))
    return {
        "scanner": name,
        "predictions": len(predicted),
        "true_positives": len(hits),
        "secrets": len(secrets),
        "recall": round(len(hits) / len(secrets), 4) if secrets else None,
        "precision": round(len(hits) / len(predicted), 4) if predicted else None,
        "missed_by_kind": dict(sorted(missed.items())),
        "false_positives_by_kind": dict(sorted(false.items())),
    }


# The secrets scanner's findings: leaks (token shapes) and the random values it notes.
SCANNER_RULES = ("secrets.leak", "secrets.random-value")


def greenlight_predictions(path):
    with open(path) as handle:
        report = json.load(handle)
    out = []
    for finding in report["findings"]:
        if finding["rule"] not in SCANNER_RULES or finding["line"] == 0:
            continue
        if finding["message"].startswith(("more than", "pattern ")):
            continue
        out.append((finding["path"], finding["line"]))
    return out


SINCE = re.compile(r"in history since commit ([0-9a-f]{12}) \([^)]*\)(?: as (\S+))?")


def history_predictions(path):
    """(path, commit prefix, line or None) of each secret: a finding about history carries its
    commit; a secret still in the snapshot says where it first appeared in its message (at a
    line that may have moved since, so the line is not compared)."""
    with open(path) as handle:
        report = json.load(handle)
    out = []
    for finding in report["findings"]:
        if finding["rule"] not in SCANNER_RULES or finding["message"].startswith(("more than", "pattern ")):
            continue
        if finding.get("commit"):
            out.append((finding["path"], finding["commit"][:12], finding["line"]))
            continue
        since = SINCE.search(finding["message"])
        if since:
            out.append((since.group(2) or finding["path"], since.group(1), None))
    return out


def detect_secrets_predictions(path):
    with open(path) as handle:
        baseline = json.load(handle)
    return [(filename, result["line_number"]) for filename, results in baseline["results"].items() for result in results]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("labels")
    ap.add_argument("--greenlight")
    ap.add_argument("--detect-secrets")
    ap.add_argument("--history")
    args = ap.parse_args()
    data, secrets, lookalikes = load_labels(args.labels)
    if args.greenlight:
        print(json.dumps(score("greenlight", greenlight_predictions(args.greenlight), secrets, lookalikes), sort_keys=True))
    if args.detect_secrets:
        print(json.dumps(score("detect-secrets", detect_secrets_predictions(args.detect_secrets), secrets, lookalikes), sort_keys=True))
    if args.history:
        # History labels carry the commit: a prediction counts only at the first commit.
        found = set(history_predictions(args.history))
        expected = {(l["path"], l["commit"][:12], l["line"]): l for l in data["labels"] if l["secret"]}
        loose = {(p, c) for p, c, line in found if line is None}
        hits = {k for k in expected if k in found or k[:2] in loose}
        missed = collections.Counter(expected[k]["kind"] for k in set(expected) - hits)
        print(json.dumps({
            "scanner": "greenlight --scan-history", "secrets": len(expected), "true_positives": len(hits),
            "predictions": len(set(found)),
            "recall": round(len(hits) / len(expected), 4) if expected else None,
            "precision": round(len(hits) / len(set(found)), 4) if found else None,
            "missed_by_kind": dict(sorted(missed.items())),
        }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
