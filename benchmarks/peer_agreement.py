#!/usr/bin/env python3
"""Agreement between Greenlight and its peers on the rules they share, from their JSON outputs.

Usage: peer_agreement.py DIR   (DIR holds g-docker.json, g-ci.json, hadolint.json, actionlint.json)

Findings are compared by (file, line) within each pair of overlapping rules (unknown needs by
(file, job named), since actionlint reports them on the job and Greenlight on the entry). Prints a
Markdown table (matches / Greenlight-only / peer-only / agreement) and writes every
disagreement to DIR/disagreements.txt for study.
"""
import json
import os
import re
import sys


def load_all(path):
    """One JSON array, or several concatenated (one per peer invocation)."""
    text = open(path, encoding="utf-8").read()
    decoder = json.JSONDecoder()
    items, index = [], 0
    while index < len(text):
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            break
        value, index = decoder.raw_decode(text, index)
        items.extend(value if isinstance(value, list) else [value])
    return items


def greenlight(path, rule, predicate=lambda f: True):
    return {(f["path"], f["line"]) for f in json.load(open(path, encoding="utf-8"))["findings"]
            if f["rule"] == rule and predicate(f)}


def main():
    data = sys.argv[1]
    hadolint = load_all(os.path.join(data, "hadolint.json"))
    actionlint = load_all(os.path.join(data, "actionlint.json"))
    gd, gc = os.path.join(data, "g-docker.json"), os.path.join(data, "g-ci.json")

    # hadolint stops at its first parse error (DL1000) and reports nothing else for the file;
    # its parser rejects valid heredocs followed by more instructions. Those files are left out
    # of the Dockerfile comparison, and counted.
    unparsed = {f["file"] for f in hadolint if f["code"] == "DL1000"}

    def had(*codes):
        return {(f["file"], f["line"]) for f in hadolint if f["code"] in codes}

    def parsed_only(found):
        return {item for item in found if item[0] not in unparsed}

    def act(kind, needle):
        return {(f["filepath"], f["line"]) for f in actionlint if f["kind"] == kind and needle in f["message"]}

    # Unknown needs: actionlint points at the job, Greenlight at the needs entry; compare by
    # (file, job named).
    def needs_ours():
        found = json.load(open(gc, encoding="utf-8"))["findings"]
        return {(f["path"], re.search(r"needs '([^']+)'", f["message"]).group(1).lower())
                for f in found if f["rule"] == "ci.unknown-needs" and "which is not a job" in f["message"]}

    def needs_theirs():
        return {(f["filepath"], re.search(r'needs job "([^"]+)"', f["message"]).group(1).lower())
                for f in actionlint if f["kind"] == "job-needs" and "does not exist" in f["message"]}

    pairs = [
        ("docker.duplicate-stage (same case)", "DL3024",
         parsed_only(greenlight(gd, "docker.duplicate-stage", lambda f: "ignore case" not in f["message"])), had("DL3024")),
        ("docker.untagged-base", "DL3006", parsed_only(greenlight(gd, "docker.untagged-base")), had("DL3006")),
        ("docker.latest-tag", "DL3007", parsed_only(greenlight(gd, "docker.latest-tag")), had("DL3007")),
        ("docker.pipefail", "DL4006", parsed_only(greenlight(gd, "docker.pipefail")), had("DL4006")),
        ("docker.port-mismatch (range)", "DL3011",
         parsed_only(greenlight(gd, "docker.port-mismatch", lambda f: "range from" in f["message"])), had("DL3011")),
        ("docker.root-user (USER root)", "DL3002",
         parsed_only(greenlight(gd, "docker.root-user", lambda f: "last USER" in f["message"])), had("DL3002")),
        ("docker.multiple-cmd", "DL4003/DL4004", parsed_only(greenlight(gd, "docker.multiple-cmd")), had("DL4003", "DL4004")),
        ("ci.duplicate-key", "syntax-check: duplicated", greenlight(gc, "ci.duplicate-key"),
         act("syntax-check", "is duplicated")),
        ("ci.unknown-needs", "job-needs: does not exist", needs_ours(), needs_theirs()),
    ]
    lines = ["| Greenlight rule | peer rule | matches | Greenlight-only | peer-only | agreement |",
             "|---|---|---:|---:|---:|---:|"]
    report = []
    total = [0, 0, 0]
    for rule, peer, ours, theirs in pairs:
        both, mine, peers = ours & theirs, sorted(ours - theirs), sorted(theirs - ours)
        size = len(both) + len(mine) + len(peers)
        share = f"{100 * len(both) / size:.1f} %" if size else "n/a (none found)"
        lines.append(f"| {rule} | {peer} | {len(both)} | {len(mine)} | {len(peers)} | {share} |")
        total = [total[0] + len(both), total[1] + len(mine), total[2] + len(peers)]
        for path, line in mine:
            report.append(f"{rule}\tgreenlight-only\t{path}:{line}")
        for path, line in peers:
            report.append(f"{rule}\tpeer-only\t{path}:{line}")
    size = sum(total)
    lines.append(f"| **all** | | {total[0]} | {total[1]} | {total[2]} | {100 * total[0] / size:.1f} % |" if size else "")
    lines.append("")
    by_case = parsed_only(greenlight(gd, "docker.duplicate-stage", lambda f: "ignore case" in f["message"]))
    lines.append(f"Left out of the duplicate-stage row: {len(by_case)} names that differ only in case "
                 "(BuildKit compares stage names without case; DL3024 does not).")
    lines.append(f"{len(unparsed)} Dockerfiles that hadolint could not parse (DL1000) are left out of the docker rows.")
    print("\n".join(lines))
    with open(os.path.join(data, "disagreements.txt"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(report) + "\n")


if __name__ == "__main__":
    main()
