#!/usr/bin/env python3
"""Agreement with hadolint's own labelled spec cases for the rules that overlap:
DL3002 (last USER root: docker.root-user), DL3006 (untagged FROM: docker.untagged-base),
DL3007 (FROM …:latest: docker.latest-tag) and DL4006 (pipe without pipefail: docker.pipefail).

    benchmarks/hadolint-spec.py HADOLINT_GIT_DIR [--greenlight BIN]

Every `it "…"` of test/Hadolint/Rule/DLxxxxSpec.hs that calls `ruleCatches` or `ruleCatchesNot`
on a Dockerfile (one string literal, or a `dockerFile` list joined by `Text.unlines`) is one case;
`onBuildRuleCatches` cases are run with the text as written. Each case is checked alone in a
fresh repository; a case agrees when Greenlight reports the matching rule exactly when hadolint's
spec says it should. For DL3002 only Greenlight's "last USER" finding counts (hadolint does not
report a Dockerfile with no USER at all).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = {"DL3002": "docker.root-user", "DL3006": "docker.untagged-base", "DL3007": "docker.latest-tag",
         "DL4006": "docker.pipefail"}


def haskell_strings(text):
    """The string literals of a Haskell fragment, gaps (`\\` newline `\\`) and escapes resolved."""
    out, index = [], 0
    while True:
        start = text.find('"', index)
        if start < 0:
            return out
        value, index = [], start + 1
        while index < len(text) and text[index] != '"':
            char = text[index]
            if char == "\\":
                nxt = text[index + 1]
                if nxt.isspace():  # a gap: skip to the closing backslash
                    index = text.index("\\", index + 1) + 1
                    continue
                value.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
                index += 2
                continue
            value.append(char)
            index += 1
        out.append("".join(value))
        index += 1


def cases(git_dir):
    for code in sorted(RULES):
        source = subprocess.run(["git", "--git-dir", git_dir, "show", "HEAD:test/Hadolint/Rule/%sSpec.hs" % code],
                                capture_output=True, text=True, check=True).stdout
        for block in re.split(r"\n\s*it ", source)[1:]:
            name = haskell_strings(block)[0]
            call = re.search(r'(onBuildRuleCatches|ruleCatchesNot|ruleCatches)\s+"(DL\d+)"', block)
            if not call or call.group(2) != code:
                continue
            listed = re.search(r"dockerFile\s*=\s*\[(.*?)\]\s*\n\s*in", block, re.S)
            if listed:
                dockerfile = "\n".join(haskell_strings(listed.group(1))) + "\n"
            else:
                dockerfile = "\n".join(haskell_strings(block[call.end():])) + "\n"
            yield code, name, call.group(1) != "ruleCatchesNot", dockerfile


def reports(binary, dockerfile, rule):
    with tempfile.TemporaryDirectory() as root:
        with open(os.path.join(root, "Dockerfile"), "w") as handle:
            handle.write(dockerfile)
        subprocess.run(["git", "init", "-q", root], check=True)
        subprocess.run(["git", "-C", root, "add", "."], check=True)
        subprocess.run(["git", "-C", root, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "t"], check=True)
        out = subprocess.run([binary, "check", "--repo", root, "--only", "docker", "--format", "json",
                              "--now", "2026-12-01T00:00:00Z"], capture_output=True, text=True).stdout
        found = [f for f in json.loads(out)["findings"] if f["rule"] == rule]
        if rule == "docker.root-user":
            found = [f for f in found if "last USER" in f["message"]]
        return bool(found)


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    binary = argv[argv.index("--greenlight") + 1] if "--greenlight" in argv else os.path.join(
        HERE, "..", ".build", "release", "greenlight")
    totals = {}
    for code, name, expected, dockerfile in cases(argv[0]):
        got = reports(binary, dockerfile, RULES[code])
        agreed, total = totals.get(code, (0, 0))
        totals[code] = (agreed + (got == expected), total + 1)
        if got != expected:
            print("%s %-58s hadolint %-5s greenlight %s" % (code, name[:58], "warns" if expected else "quiet",
                                                         "warns" if got else "quiet"))
    agreed = sum(a for a, _ in totals.values())
    total = sum(t for _, t in totals.values())
    print()
    for code, (a, t) in sorted(totals.items()):
        print("%s %s: %d / %d" % (code, RULES[code], a, t))
    print("agreement: %d / %d (%.1f %%)" % (agreed, total, 100.0 * agreed / total))


if __name__ == "__main__":
    main(sys.argv[1:])
