#!/usr/bin/env python3
"""Field benchmark scorer: precision per rule from labels.tsv over the findings run.sh recorded.

    score.py                 write results.md and results.json (default configuration runs)
    score.py sample [--out FILE] [--fresh N] [--rule R,...]
                             list the sampled findings that have no label yet (TSV), to read;
                             --fresh N: N never-labelled findings per rule, however many are
                             labelled already (a changed rule measured on unread findings)

Sampling: every finding of a rule that fires fewer than SAMPLE times across the corpus; otherwise
SAMPLE of them, drawn with a seed fixed per rule, round-robin across repositories so that every
repository a rule fires in is read. Findings already labelled are kept in the sample first, so a
label survives a re-run. A label matches a finding by fingerprint (and line, when a fingerprint
repeats in a file), then by position (path, line, rule).

Python 3 standard library only.
"""
import collections
import csv
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = 40
VERDICTS = ("true", "false", "debatable")
LABEL_COLUMNS = ["repository", "commit", "path", "line", "rule", "fingerprint", "verdict", "reason"]


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def manifest():
    rows = read_tsv(os.path.join(HERE, "manifest.tsv"))
    repeated = sorted(r for r, n in collections.Counter(row["repository"] for row in rows).items() if n > 1)
    if repeated:
        sys.exit("manifest.tsv: listed more than once: %s" % ", ".join(repeated))
    return rows


def findings(mode="default"):
    """Every live finding (not suppressed, not baselined) of every manifest repository."""
    out = []
    missing = []
    for entry in manifest():
        repo = entry["repository"]
        path = os.path.join(HERE, "out", mode, repo.replace("/", "+") + ".json")
        if not os.path.exists(path):
            missing.append(repo)
            continue
        with open(path, encoding="utf-8") as handle:
            report = json.load(handle)
        for finding in report["findings"]:
            if finding.get("suppressed") or finding.get("baselined"):
                continue
            finding = dict(finding)
            finding["repository"] = repo
            finding["commit"] = entry["commit"]
            out.append(finding)
    if missing:
        sys.exit("score.py: no %s findings for %s; run run.sh first" % (mode, ", ".join(missing)))
    return out


def runs(mode="default"):
    path = os.path.join(HERE, "out", mode, "runs.tsv")
    return {row["repository"]: row for row in read_tsv(path)} if os.path.exists(path) else {}


def labels():
    path = os.path.join(HERE, "labels.tsv")
    if not os.path.exists(path):
        return []
    rows = read_tsv(path)
    for number, row in enumerate(rows, start=2):
        if row["verdict"] not in VERDICTS:
            sys.exit("labels.tsv:%d: verdict must be one of %s, not %r" % (number, ", ".join(VERDICTS), row["verdict"]))
        if not row["reason"].strip():
            sys.exit("labels.tsv:%d: a label needs a reason" % number)
    return rows


class LabelIndex:
    def __init__(self, rows, run_findings=()):
        self.repeats = collections.Counter((f["repository"], f["fingerprint"]) for f in run_findings)
        self.by_print = collections.defaultdict(list)
        self.by_place = {}
        for row in rows:
            self.by_print[(row["repository"], row["fingerprint"])].append(row)
            self.by_place[(row["repository"], row["path"], str(row["line"]), row["rule"])] = row

    def find(self, finding):
        return self.find_one(finding, self.repeats.get((finding["repository"], finding["fingerprint"]), 1))

    def find_one(self, finding, repeats=1):
        """The label of this finding. `repeats`: how many of the run's findings in this repository
        share its fingerprint; a fingerprint alone identifies a finding only when it is unique."""
        candidates = self.by_print.get((finding["repository"], finding["fingerprint"]), [])
        for row in candidates:
            if str(row["line"]) == str(finding["line"]):
                return row
        if len(candidates) == 1 and repeats == 1:
            return candidates[0]
        return self.by_place.get((finding["repository"], finding["path"], str(finding["line"]), finding["rule"]))


def sample(all_findings, index, fresh=0):
    """rule -> the findings to label for it. `fresh` > 0: that many findings never labelled, for
    every rule, however many of its findings are labelled already (a rule changed since its sample
    was read is measured again on findings nobody has read)."""
    by_rule = collections.defaultdict(list)
    for finding in all_findings:
        by_rule[finding["rule"]].append(finding)
    chosen = {}
    for rule, items in sorted(by_rule.items()):
        if len(items) < SAMPLE and not fresh:
            chosen[rule] = items
            continue
        rng = random.Random("greenlight-field:" + rule + (":fresh" if fresh else ""))
        labelled = [] if fresh else [f for f in items if index.find(f)]
        rest = [f for f in items if not index.find(f)]
        groups = collections.OrderedDict()
        for finding in rest:
            groups.setdefault(finding["repository"], []).append(finding)
        order = list(groups)
        rng.shuffle(order)
        for repo in order:
            rng.shuffle(groups[repo])
        picked = labelled[:SAMPLE]
        size = fresh or SAMPLE
        while len(picked) < size and any(groups.values()):
            for repo in order:
                if groups[repo] and len(picked) < size:
                    picked.append(groups[repo].pop())
        chosen[rule] = picked
    return chosen


def posture(items):
    severities = {f["severity"] for f in items}
    return "RED" if "error" in severities else "YELLOW" if "warning" in severities else "GREEN"


def command_sample(args):
    out = sys.stdout
    if "--out" in args:
        out = open(args[args.index("--out") + 1], "w", encoding="utf-8")
    all_findings = findings()
    index = LabelIndex(labels(), all_findings)
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(["repository", "commit", "path", "line", "rule", "fingerprint", "severity", "message"])
    fresh = int(args[args.index("--fresh") + 1]) if "--fresh" in args else 0
    rules = args[args.index("--rule") + 1].split(",") if "--rule" in args else None
    for rule, items in sample(all_findings, index, fresh).items():
        if rules and rule not in rules:
            continue
        for finding in items:
            if index.find(finding):
                continue
            writer.writerow([finding["repository"], finding["commit"], finding["path"], finding["line"], rule,
                             finding["fingerprint"], finding["severity"], finding["message"].replace("\t", " ")])


def score():
    all_findings = findings()
    label_rows = labels()
    index = LabelIndex(label_rows, all_findings)
    repos = [entry["repository"] for entry in manifest()]
    chosen = sample(all_findings, index)
    by_repo = collections.defaultdict(list)
    for finding in all_findings:
        by_repo[finding["repository"]].append(finding)

    rules = {}
    for rule in sorted({f["rule"] for f in all_findings}):
        items = [f for f in all_findings if f["rule"] == rule]
        verdicts = collections.Counter()
        for finding in items:
            row = index.find(finding)
            if row:
                verdicts[row["verdict"]] += 1
        judged = verdicts["true"] + verdicts["false"]
        red = {f["repository"] for f in items if f["severity"] == "error"}
        rules[rule] = {
            "severity": items[0]["severity"],
            "findings": len(items),
            "repositories": len({f["repository"] for f in items}),
            "labelled": sum(verdicts.values()),
            "true": verdicts["true"],
            "false": verdicts["false"],
            "debatable": verdicts["debatable"],
            "precision": round(verdicts["true"] / judged, 3) if judged else None,
            "red_share": round(len(red) / len(repos), 3),
            "to_read": sum(1 for f in chosen[rule] if not index.find(f)),
        }

    # Known positives: labelled true findings the rule no longer finds.
    present = {(f["repository"], f["fingerprint"]) for f in all_findings}
    present_places = {(f["repository"], f["path"], str(f["line"]), f["rule"]) for f in all_findings}
    lost = [row for row in label_rows if row["verdict"] == "true"
            and (row["repository"], row["fingerprint"]) not in present
            and (row["repository"], row["path"], str(row["line"]), row["rule"]) not in present_places]
    # A truth now reported at the same place by another rule (a rule split in two) says so.
    rules_at = collections.defaultdict(set)
    for f in all_findings:
        rules_at[(f["repository"], f["path"], str(f["line"]))].add(f["rule"])
    for row in lost:
        others = sorted(rules_at[(row["repository"], row["path"], str(row["line"]))] - {row["rule"]})
        if others:
            row["now"] = ", ".join(others)
    truths = collections.Counter(row["rule"] for row in label_rows if row["verdict"] == "true")
    lost_by_rule = collections.Counter(row["rule"] for row in lost)
    for rule, count in truths.items():
        rules.setdefault(rule, {"severity": None, "findings": 0, "repositories": 0, "labelled": 0, "true": 0, "false": 0,
                                "debatable": 0, "precision": None, "red_share": 0.0, "to_read": 0})
        rules[rule]["known_true"] = count
        rules[rule]["recall_on_known"] = round((count - lost_by_rule[rule]) / count, 3)

    timing = runs()
    init_timing = runs("init")
    init_findings = None
    if os.path.isdir(os.path.join(HERE, "out", "init")) and init_timing:
        try:
            init_findings = findings("init")
        except SystemExit:
            init_findings = None
    init_by_repo = collections.defaultdict(list)
    for finding in init_findings or []:
        init_by_repo[finding["repository"]].append(finding)

    repo_results = {}
    for repo in repos:
        items = by_repo[repo]
        errors = [f for f in items if f["severity"] == "error"]
        labelled_errors = [(f, index.find(f)) for f in errors if index.find(f)]
        true_errors = [f for f, row in labelled_errors if row["verdict"] == "true"]
        state = posture(items)
        if state != "RED":
            justified = None
        elif true_errors:
            justified = "yes"
        elif len(labelled_errors) == len(errors):
            justified = "no"
        else:
            justified = "unknown"
        run = timing.get(repo, {})
        repo_results[repo] = {
            "posture": state,
            "findings": len(items),
            "errors": len(errors),
            "true_errors": len(true_errors),
            "errors_unlabelled": len(errors) - len(labelled_errors),
            "red_justified": justified,
            "seconds": float(run["seconds"]) if run.get("seconds") else None,
            "peak_mib": round(int(run["peak_kb"]) / 1024, 1) if run.get("peak_kb") else None,
            "init_posture": posture(init_by_repo[repo]) if init_findings is not None else None,
            "init_findings": len(init_by_repo[repo]) if init_findings is not None else None,
        }
    return rules, repo_results, lost


def pct(value):
    return "—" if value is None else "%.0f %%" % (100 * value)


def write(rules, repo_results, lost):
    red = [r for r, v in repo_results.items() if v["posture"] == "RED"]
    unjustified = [r for r in red if repo_results[r]["red_justified"] == "no"]
    unknown = [r for r in red if repo_results[r]["red_justified"] == "unknown"]
    summary = {
        "repositories": len(repo_results),
        "red": len(red),
        "red_only_on_false_findings": len(unjustified),
        "red_undetermined": len(unknown),
        "labelled": sum(v["labelled"] for v in rules.values()),
        "findings": sum(v["findings"] for v in rules.values()),
        "known_true_lost": len(lost),
    }
    with open(os.path.join(HERE, "results.json"), "w", encoding="utf-8") as handle:
        json.dump({"summary": summary, "rules": rules, "repos": repo_results,
                   "lost": [{k: row.get(k) for k in ("repository", "path", "line", "rule", "now")} for row in lost]},
                  handle, indent=2, sort_keys=True)
        handle.write("\n")

    lines = ["# Field benchmark results", "",
             "Generated by `score.py` from `labels.tsv` and the findings `run.sh` recorded (default "
             "configuration, each repository at its pinned commit). Precision is true / (true + false) "
             "over the labelled findings; a rule firing %d times or more is labelled on a seeded sample "
             "of %d." % (SAMPLE, SAMPLE), "",
             "- repositories: %d; RED: %d (%s); RED only on false findings: %d; RED with errors still "
             "unread: %d" % (summary["repositories"], summary["red"], pct(summary["red"] / summary["repositories"]),
                             summary["red_only_on_false_findings"], summary["red_undetermined"]),
             "- findings: %d; labelled: %d; known true findings no longer found: %d" % (
                 summary["findings"], summary["labelled"], summary["known_true_lost"]),
             "", "## Per rule", "",
             "| rule | severity | findings | labelled | true | false | debatable | precision | RED share | to read | recall on known truths |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for rule, v in sorted(rules.items()):
        lines.append("| `%s` | %s | %d | %d | %d | %d | %d | %s | %s | %d | %s |" % (
            rule, v["severity"] or "—", v["findings"], v["labelled"], v["true"], v["false"], v["debatable"],
            pct(v["precision"]), pct(v["red_share"]), v["to_read"],
            "%d/%d" % (round(v["recall_on_known"] * v["known_true"]), v["known_true"]) if v.get("known_true") else "—"))
    lines += ["", "## Per repository", "",
              "| repository | posture | findings | errors | true errors | errors unread | RED justified | seconds | peak MiB | posture with init's config | findings with init's config |",
              "|---|---|---:|---:|---:|---:|---|---:|---:|---|---:|"]
    for repo, v in repo_results.items():
        lines.append("| %s | %s | %d | %d | %d | %d | %s | %s | %s | %s | %s |" % (
            repo, v["posture"], v["findings"], v["errors"], v["true_errors"], v["errors_unlabelled"],
            v["red_justified"] or "—", "%.2f" % v["seconds"] if v["seconds"] is not None else "—",
            v["peak_mib"] if v["peak_mib"] is not None else "—", v["init_posture"] or "—",
            v["init_findings"] if v["init_findings"] is not None else "—"))
    if lost:
        lines += ["", "## Known true findings no longer found", ""]
        lines += ["- %s `%s:%s` %s%s" % (row["repository"], row["path"], row["line"], row["rule"],
                                         " (now reported as `%s`)" % row["now"] if row.get("now") else "") for row in lost]
    with open(os.path.join(HERE, "results.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print("RED %d/%d, only on false findings %d, undetermined %d; %d findings, %d labelled" % (
        summary["red"], summary["repositories"], summary["red_only_on_false_findings"], summary["red_undetermined"],
        summary["findings"], summary["labelled"]))


def main(args):
    if args and args[0] == "sample":
        command_sample(args[1:])
    elif not args:
        write(*score())
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
