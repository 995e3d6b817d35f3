#!/usr/bin/env python3
"""Seeds a fuzz target's corpus from the project's own fixtures and examples.

Usage: benchmarks/fuzz/seeds.py TARGET DIR

Writes one file per seed into DIR (created if missing): the repository's files of the kind the
target reads (Dockerfiles, workflows, readiness documents, configurations, rule packs, source
files), plus short inline examples for the formats the tests build in code (conditions, globs,
JUnit, lcov, Cobertura, evidence records). Deterministic: same tree, same seeds.
"""

import hashlib
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

INLINE = {
    "condition": [
        "[STATUS] == 200\n", "[STATUS] in (200, 204)\n", '[BODY].status == "ok"\n{"status":"ok"}',
        "[BODY].checks[*].healthy == true\n{\"checks\":[{\"healthy\":true},{\"healthy\":false}]}",
        "len([BODY].items) > 0\n{\"items\":[1,2,3]}", "has([BODY].errors) == false\n{}",
        '[HEADER].content-type contains "json"\n', "[RESPONSE_TIME] < 300ms\n", "[CERT_EXPIRY] > 14d\n",
        "[BODY].name == pat(john*)\n{\"name\":\"john.doe\"}", "any(200, 429) == [STATUS]\n",
        "[BODY].age == [BODY].id\n{\"age\":1,\"id\":1}", "[BODY].data == 0xC0ff33\n{\"data\":\"0xC0ff33\"}",
        "[BODY] == pat(*<div id=\"user\">john.doe</div>*)\n<html><div id=\"user\">john.doe</div></html>",
        "[STATUS] not in (500, 502)\n", "[ERROR_RATE] <= 1%\n", "[P95] < 2s\n", "[BODY][\"odd key\"].x == null\n{\"odd key\":{\"x\":null}}",
    ],
    "glob": [
        "docs/**/*.md\ndocs/a/b.md\n", "*.{yml,yaml}\n.github/workflows/ci.yaml\n", "src/[!a-c].ts\nsrc/d.ts\n",
        "**/a/**/b\nx/a/y/b/c\n", "/vendor\nvendor/x.js\n", "a*b*c\naxxbyyc\n", "pat*[0-9]?\npattern42\n",
    ],
    "junit": [
        '<?xml version="1.0"?>\n<testsuites><testsuite name="a" tests="2" failures="1"><testcase name="x"/>'
        '<testcase name="y"><failure message="boom">trace</failure></testcase></testsuite></testsuites>\n',
        '<testsuite name="b" tests="1" errors="0" skipped="1"><testcase name="z"><skipped/></testcase></testsuite>\n',
    ],
    "lcov": [
        "TN:\nSF:src/api/a.ts\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n",
        "SF:src/b.py\nFNF:1\nFNH:1\nLF:10\nLH:9\nend_of_record\nSF:src/c.py\nLF:0\nLH:0\nend_of_record\n",
    ],
    "cobertura": [
        '<?xml version="1.0"?>\n<coverage line-rate="0.8" lines-covered="8" lines-valid="10"><packages><package name="p">'
        '<classes><class name="a" filename="src/api/a.py" line-rate="0.5"><lines><line number="1" hits="1"/>'
        '<line number="2" hits="0"/></lines></class></classes></package></packages></coverage>\n',
    ],
    "evidence": [
        '{"name":"smoke-prod","status":"pass","recorded_at":"2026-11-20T09:00:00Z","url":"https://ci.example.com/run/1","files":[]}\n',
        '{"name":"unit","status":"fail","recorded_at":"2026-11-20T09:00:00Z","junit":{"tests":10,"failures":1}}\n',
    ],
    "suppression": [
        "<!-- greenlight:ignore claims.missing-evidence -- tracked in #12 -->\n- [x] Done\n",
        "# greenlight:ignore secrets.leak -- revoked token\nKEY=abc\n", "// greenlight:ignore a.b,c.d\n",
    ],
}

LEXER_LANGUAGES = {".ts": 0, ".tsx": 0, ".js": 1, ".mjs": 1, ".py": 2, ".go": 3, ".swift": 4}


def tracked(*patterns):
    out = subprocess.run(["git", "-C", ROOT, "ls-files", "-z", "--", *patterns], capture_output=True, check=True).stdout
    return [p for p in out.decode().split("\0") if p]


def files_for(target):
    if target == "dockerfile":
        return [p for p in tracked() if os.path.basename(p).lower().startswith("dockerfile") or p.endswith(".dockerfile")]
    if target == "workflow":
        return [p for p in tracked("*.yml", "*.yaml") if "workflows/" in p]
    if target == "claims":
        return [p for p in tracked("*.md") if "Golden" not in p][:300]
    if target == "config":
        return tracked("*.greenlight.yml", ".greenlight.yml", "**/.greenlight.yml", "templates/*.yml")
    if target == "secrets-pack":
        return tracked("checks/secrets*.yml")
    if target == "ai-pack":
        return tracked("checks/ai/*.yml")
    if target == "suppression":
        return [p for p in tracked() if b"greenlight:ignore" in open(os.path.join(ROOT, p), "rb").read()][:100]
    if target == "lexer":
        return [p for p in tracked() if os.path.splitext(p)[1] in LEXER_LANGUAGES][:400]
    if target == "evidence":
        return [p for p in tracked("*.json") if "/.greenlight/evidence/" in p]
    return []


def main():
    target, folder = sys.argv[1], sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    seeds = [text.encode() for text in INLINE.get(target, [])]
    for path in files_for(target):
        data = open(os.path.join(ROOT, path), "rb").read()
        if target == "lexer":
            data = bytes([LEXER_LANGUAGES[os.path.splitext(path)[1]]]) + data
        if len(data) <= 64 * 1024:
            seeds.append(data)
    for data in seeds:
        with open(os.path.join(folder, "seed-" + hashlib.sha1(data).hexdigest()), "wb") as handle:
            handle.write(data)
    print(f"{target}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
