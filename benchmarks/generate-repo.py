#!/usr/bin/env python3
"""Deterministically generate a large git repository for Greenlight benchmarks.

Usage: benchmarks/generate-repo.py [--commits N] [--files-per-commit N]
                                   [--seed N] [--force] [--manifest FILE] DIR

The repository is a monorepo-like tree (services/svc-NNN/..., packages/...,
libs/go/..., docs/..., deploy/..., config/..., tools/scripts/..., assets/...)
of TypeScript, Python, Go, Markdown, YAML, JSON and shell files of 100 B to
~8 KB, plus a few binary files (with NUL bytes). Every commit adds
--files-per-commit new files and about one commit in five also rewrites 1-3
earlier files. Every ~250 commits a readiness document is added or updated
(docs/readiness-NN.md, services/svc-NNN/STATUS.md, TODO.md, checklist.md,
packages/*/checklist.md) holding Markdown task lists whose items cite files
in backticks; about 1 backticked path in 20 does not exist in the repository
(always on a checked "- [x]" item): these are the false claims Greenlight must
report. --manifest writes them, with the totals, as JSON.

Everything comes from random.Random(seed) plus fixed names, e-mails and
timestamps (2025-01-01T00:00:00Z, +10 minutes per commit), so the same
arguments always give the same HEAD commit id. The history is written with
`git fast-import` on branch refs/heads/main, which is then checked out so the
repository has a work tree and an index. No `git gc` is run: the objects stay
in the pack(s) fast-import writes. Python 3 standard library only.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time

EPOCH = 1735689600          # 2025-01-01T00:00:00Z
STEP = 600                  # 10 minutes between commits
BRANCH = "refs/heads/main"
AUTHORS = [
    ("Ada Okafor", "ada.okafor@example.com"),
    ("Bruno Lindqvist", "bruno.lindqvist@example.com"),
    ("Chen Wei", "chen.wei@example.com"),
    ("Dana Reyes", "dana.reyes@example.com"),
    ("Emil Novak", "emil.novak@example.com"),
    ("Farah Haddad", "farah.haddad@example.com"),
]

# Words that build every regular file name and most content.
WORDS = """account adapter alert api audit auth backoff batch billing bridge
broker bucket cache catalog channel checkout client cluster config consumer
context cursor dispatch domain event export feature filter gateway graph
handler health index invoice job journal kafka key ledger limit loader lock
logger mailer mapper merge metrics middleware migrate monitor notify order
outbox page parser payment pipeline policy pool price profile queue quota
rate record redis refund registry render replica report request retry route
router schema search secret session shard signal snapshot socket storage
stream sync task tenant token trace tracker upload user validate vault
webhook worker""".split()

# Words used ONLY in false claims, so a false path can never exist.
GHOST_WORDS = """reconciler failover shadowing canary-gate warmup drain
circuit-breaker fanout backfill dedupe throttler sidecar""".split()

N_SERVICES = 120            # svc-000 .. svc-119; false claims may use svc-9NN
SERVICE_LANGS = ["ts", "go", "py"]
SERVICE_DIRS = {
    "ts": ["src", "src/handlers", "src/lib", "src/models", "test"],
    "go": ["cmd/server", "internal/handler", "internal/store", "pkg/api"],
    "py": ["app", "app/routes", "app/models", "tests"],
}
ENVS = ["dev", "staging", "prod", "eu-prod"]
DOC_AREAS = ["architecture", "runbooks", "adr", "onboarding", "api", "ops"]


def cap(w):
    return "".join(p.capitalize() for p in w.split("-"))


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        r = self.rng
        self.packages = ["%s-%s" % (r.choice(WORDS), r.choice(WORDS)) for _ in range(40)]
        self.packages = list(dict.fromkeys(self.packages))  # dedupe, keep order
        self.golibs = list(dict.fromkeys(r.choice(WORDS) for _ in range(30)))
        self.pools = {lang: [self.block(lang) for _ in range(1500)]
                      for lang in ("ts", "py", "go", "md", "yaml", "json", "sh")}

    # ---- content --------------------------------------------------------
    def block(self, lang):
        """One small snippet (a function, section, mapping...) of a language."""
        r = self.rng
        w = lambda: r.choice(WORDS)
        n = lambda: r.randrange(1, 5000)
        a, b, c, d = w(), w(), w(), w()
        if lang == "ts":
            body = "".join(
                r.choice([
                    "  const %s = await %s.%s(%s, %d);\n" % (w(), a, w(), b, n()),
                    "  if (!%s) {\n    throw new Error(\"%s %s failed\");\n  }\n" % (c, w(), w()),
                    "  logger.debug(\"%s\", { %s, %s });\n" % (w(), a, b),
                    "  // TODO(%s): handle %s %s\n" % (w(), w(), w()),
                ]) for _ in range(r.randrange(1, 6)))
            return ("export async function %s%s(%s: %s, %s: number): Promise<%s> {\n%s"
                    "  return %s;\n}\n\n" % (a, cap(b), c, cap(d), b, cap(c), body, c))
        if lang == "py":
            body = "".join(
                r.choice([
                    "    %s = %s.%s(%s, %d)\n" % (w(), a, w(), b, n()),
                    "    if not %s:\n        raise ValueError(\"%s %s\")\n" % (c, w(), w()),
                    "    log.info(\"%s %%s\", %s)\n" % (w(), b),
                    "    # TODO: %s %s\n" % (w(), w()),
                ]) for _ in range(r.randrange(1, 6)))
            return "def %s_%s(%s, %s=%d):\n%s    return %s\n\n\n" % (a, b, c, d, n(), body, c)
        if lang == "go":
            body = "".join(
                r.choice([
                    "\t%s, err := %s.%s(ctx, %d)\n\tif err != nil {\n\t\treturn err\n\t}\n"
                    % (w(), a, cap(w()), n()),
                    "\tlog.Printf(\"%s %%v\", %s)\n" % (w(), b),
                    "\t// TODO: %s %s\n" % (w(), w()),
                ]) for _ in range(r.randrange(1, 5)))
            return "func %s%s(ctx context.Context, %s %s) error {\n%s\treturn nil\n}\n\n" % (
                cap(a), cap(b), c, cap(d), body)
        if lang == "md":
            return "## %s %s\n\nThe %s %s calls the %s %s every %d seconds and retries on %s.\n%s\n" % (
                cap(a), b, a, b, c, d, n(), w(),
                "".join("- %s %s %s\n" % (w(), w(), w()) for _ in range(r.randrange(0, 4))))
        if lang == "yaml":
            return "  %s:\n    %s: %d\n    %s: \"%s-%s\"\n    enabled: %s\n" % (
                a, b, n(), c, d, w(), r.choice(["true", "false"]))
        if lang == "json":
            return '    {"name": "%s-%s", "%s": %d, "%s": "%s"}' % (a, b, c, n(), d, w())
        if lang == "sh":
            return "%s_%s() {\n  echo \"%s %s\" >&2\n  %s --%s=%d \"$@\"\n}\n\n" % (
                a, b, c, d, w(), w(), n())
        raise ValueError(lang)

    def content(self, path, lang, rev):
        """Text of a file: header, then snippets until the target size."""
        r = self.rng
        target = int(100 * 80 ** r.random())        # log-uniform 100 B .. 8 KB
        pool = self.pools[lang]
        if lang == "json":
            items = []
            size = 60
            while size < target or not items:
                items.append(r.choice(pool))
                size += len(items[-1]) + 2
            return '{\n  "file": "%s",\n  "revision": %d,\n  "items": [\n%s\n  ]\n}\n' % (
                path, rev, ",\n".join(items))
        head = {
            "ts": "// %s (rev %d)\nimport { logger } from \"../lib/logger\";\n\n",
            "py": "# %s (rev %d)\nimport logging\n\nlog = logging.getLogger(__name__)\n\n\n",
            "go": "// %s (rev %d)\npackage main\n\nimport (\n\t\"context\"\n\t\"log\"\n)\n\n",
            "md": "<!-- %s (rev %d) -->\n# Notes\n\n",
            "yaml": "# %s (rev %d)\nversion: 1\nsettings:\n",
            "sh": "#!/usr/bin/env bash\n# %s (rev %d)\nset -euo pipefail\n\n",
        }[lang] % (path, rev)
        parts = [head]
        size = len(head)
        while size < target or len(parts) == 1:
            parts.append(r.choice(pool))
            size += len(parts[-1])
        return "".join(parts)

    def binary(self):
        r = self.rng
        n = r.randrange(1024, 8192)
        data = bytearray(r.getrandbits(8 * n).to_bytes(n, "little"))
        for _ in range(8):                            # guaranteed runs of NULs
            i = r.randrange(0, n - 64)
            data[i:i + 32] = bytes(32)
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(data)

    # ---- paths ----------------------------------------------------------
    def new_path(self):
        """A plausible (not yet unique) path for a new file, and its language."""
        r = self.rng
        w = lambda: r.choice(WORDS)
        x = r.random()
        if x < 0.45:
            svc = r.randrange(N_SERVICES)
            lang = SERVICE_LANGS[svc % 3]
            d = r.choice(SERVICE_DIRS[lang])
            if lang == "ts":
                name = "%s-%s.ts" % (w(), w()) if r.random() < 0.6 else "%s.ts" % w()
                if d == "test":
                    name = name[:-3] + ".test.ts"
            elif lang == "go":
                name = "%s_%s.go" % (w(), w()) if r.random() < 0.6 else "%s.go" % w()
            else:
                name = "%s_%s.py" % (w(), w()) if r.random() < 0.6 else "%s.py" % w()
                if d == "tests":
                    name = "test_" + name
            return "services/svc-%03d/%s/%s" % (svc, d, name), lang
        if x < 0.70:
            pkg = r.choice(self.packages)
            if r.random() < 0.7:
                return "packages/%s/src/%s/%s-%s.ts" % (pkg, w(), w(), w()), "ts"
            return "packages/%s/python/%s/%s_%s.py" % (pkg, pkg.replace("-", "_"), w(), w()), "py"
        if x < 0.80:
            return "libs/go/%s/%s_%s.go" % (r.choice(self.golibs), w(), w()), "go"
        if x < 0.90:
            return "docs/%s/%s-%s.md" % (r.choice(DOC_AREAS), w(), w()), "md"
        if x < 0.95:
            return "deploy/%s/svc-%03d/%s.yaml" % (r.choice(ENVS), r.randrange(N_SERVICES), w()), "yaml"
        if x < 0.985:
            return "config/%s/%s-%s.json" % (r.choice(ENVS), w(), w()), "json"
        return "tools/scripts/%s-%s.sh" % (w(), w()), "sh"

    def ghost_path(self, real):
        """A plausible path that can never exist (ghost word, .tsx, svc-9NN)."""
        r = self.rng
        k = r.randrange(3)
        if k == 0 and real.endswith(".ts"):
            return real[:-3] + ".tsx"                   # no .tsx file is ever made
        if k == 1 and real.startswith("services/svc-"):
            return "services/svc-9%s" % real[len("services/svc-0"):]
        head, _, base = real.rpartition("/")
        ext = base[base.index("."):]
        return "%s/%s%s" % (head, r.choice(GHOST_WORDS), ext)


# ---- readiness documents ------------------------------------------------
PHRASES = [
    "Health route added", "Retry policy configured", "Rate limiting enabled",
    "Metrics exported", "Schema migration written", "Runbook reviewed",
    "Error budget alert wired", "Auth middleware in place", "Load test passed",
    "Secrets moved to vault", "Feature flag removed", "Tracing spans added",
    "Backoff on webhook delivery", "Pagination implemented", "Audit log entries",
    "Graceful shutdown handled", "Input validation added", "Dashboards linked",
    "Deployment manifest updated", "Integration tests green",
]


class Doc:
    def __init__(self, path, title):
        self.path = path
        self.title = title
        self.items = []   # dicts: checked, text, paths [(path, is_false)], nested

    def render(self):
        out = ["# %s\n\n" % self.title,
               "Tracked by the release crew. Every checked item cites its evidence.\n\n",
               "## Tasks\n\n"]
        for it in self.items:
            ind = "  " if it["nested"] else ""
            box = "x" if it["checked"] else " "
            ps = [p for p, _ in it["paths"]]
            if not ps:
                line = "%s- [%s] %s\n" % (ind, box, it["text"])
            elif it["style"] == 0:
                line = "%s- [%s] %s \u2014 %s\n" % (ind, box, it["text"], " and ".join("`%s`" % p for p in ps))
            elif it["style"] == 1:
                line = "%s- [%s] %s (see %s)\n" % (ind, box, it["text"], ", ".join("`%s`" % p for p in ps))
            else:
                line = "%s- [%s] %s: %s\n" % (ind, box, it["text"], " ".join("`%s`" % p for p in ps))
            out.append(line)
        out.append("\n_Last reviewed by the readiness bot._\n")
        return "".join(out)


def add_items(g, doc, count, candidates):
    r = g.rng
    for _ in range(count):
        item = {"text": r.choice(PHRASES), "nested": bool(doc.items) and r.random() < 0.1,
                "style": r.randrange(3), "paths": []}
        npaths = r.choice([0, 1, 1, 1, 1, 2])
        for _ in range(npaths):
            real = r.choice(candidates)
            if r.random() < 0.05:
                item["paths"].append((g.ghost_path(real), True))
            else:
                item["paths"].append((real, False))
        false = any(f for _, f in item["paths"])
        item["checked"] = True if false else r.random() < 0.75
        doc.items.append(item)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--commits", type=int, default=5000)
    ap.add_argument("--files-per-commit", type=int, default=10)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--force", action="store_true",
                    help="replace DIR if it is an existing git repository")
    ap.add_argument("--manifest", help="write totals and the false claims as JSON here")
    a = ap.parse_args()
    if a.commits < 1 or a.files_per_commit < 1:
        ap.error("--commits and --files-per-commit must be >= 1")

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
    git("symbolic-ref", "HEAD", BRANCH)
    git("config", "core.autocrlf", "false")

    fi = subprocess.Popen(["git", "-C", dest, "fast-import", "--quiet"], env=env,
                          stdin=subprocess.PIPE, bufsize=1 << 20)
    out = fi.stdin

    g = Gen(a.seed)
    r = g.rng
    files = {}            # path -> [lang, rev]; insertion-ordered, never iterated as a set
    order = []            # regular text files, for picking files to modify / cite
    docs = {}             # readiness doc path -> Doc
    interval = max(1, min(250, a.commits // 4))
    events = {}
    for k in range(1, a.commits // interval + 1):
        events[k * interval - 1 - r.randrange(interval // 5 + 1)] = k

    for c in range(a.commits):
        changes = []      # (mode, path, bytes)
        area_counts = {}
        for _ in range(a.files_per_commit):
            for attempt in range(20):
                path, lang = g.new_path()
                if path not in files:
                    break
            else:
                stem, _, ext = path.rpartition(".")
                path = "%s-%d.%s" % (stem, c, ext)  # still unique: one per commit
                if path in files:
                    continue
            files[path] = [lang, 1]
            order.append(path)
            mode = "100755" if lang == "sh" else "100644"
            changes.append((mode, path, g.content(path, lang, 1).encode()))
            top = "/".join(path.split("/")[:2])
            area_counts[top] = area_counts.get(top, 0) + 1
        if c > 0 and r.random() < 0.2:                      # touch earlier files
            for _ in range(r.randrange(1, 4)):
                path = order[r.randrange(len(order) - a.files_per_commit)]
                files[path][1] += 1
                lang, rev = files[path]
                mode = "100755" if lang == "sh" else "100644"
                changes.append((mode, path, g.content(path, lang, rev).encode()))
        if c % 500 == 250:                                  # a few binary files
            path = "assets/img/%s-%d.png" % (r.choice(WORDS), c)
            files[path] = ["bin", 1]
            changes.append(("100644", path, g.binary()))
        msg = "%s: add %d files" % (max(area_counts, key=area_counts.get), a.files_per_commit)
        if c in events:
            k = events[c]
            kind = k % 4
            if kind == 1:
                path, title = "docs/readiness-%02d.md" % k, "Release readiness %02d" % k
            elif kind == 2:
                svc = r.choice(order[-2000:]).split("/")
                svc = svc[1] if svc[0] == "services" else "svc-%03d" % r.randrange(N_SERVICES)
                path, title = "services/%s/STATUS.md" % svc, "%s status" % svc
            elif kind == 3:
                path, title = "TODO.md", "TODO"
            else:
                path = "checklist.md" if r.random() < 0.5 or "checklist.md" not in docs else \
                    "packages/%s/checklist.md" % r.choice(g.packages)
                title = "Launch checklist"
            doc = docs.get(path)
            if doc is None:
                doc = docs[path] = Doc(path, title)
            else:                                           # tick some open items
                for it in doc.items:
                    if not it["checked"] and r.random() < 0.5:
                        it["checked"] = True
            if path.startswith("services/"):
                prefix = "/".join(path.split("/")[:2]) + "/"
                cands = [p for p in order if p.startswith(prefix)] or order
            else:
                cands = order
            add_items(g, doc, r.randrange(15, 35), cands)
            files[path] = ["readiness", 1]
            changes.append(("100644", path, doc.render().encode()))
            msg = "%s readiness: update %s" % (title, path)

        name, email = AUTHORS[r.randrange(len(AUTHORS))]
        ts = EPOCH + c * STEP
        m = msg.encode()
        out.write(b"commit %s\nmark :%d\nauthor %s <%s> %d +0000\ncommitter %s <%s> %d +0000\n"
                  b"data %d\n%s\n" % (BRANCH.encode(), c + 1, name.encode(), email.encode(), ts,
                                      name.encode(), email.encode(), ts, len(m), m))
        for mode, path, data in changes:
            out.write(b"M %s inline %s\ndata %d\n%s\n" % (mode.encode(), path.encode(), len(data), data))
        out.write(b"\n")
    out.close()
    if fi.wait() != 0:
        sys.exit("error: git fast-import failed")

    git("checkout", "-q", "-f", "main")
    head = git("rev-parse", "HEAD")
    nfiles = int(git("ls-files", "-z").count("\0"))

    claims, false_claims = 0, []
    for doc in docs.values():
        lines = doc.render().splitlines()
        for it in doc.items:
            for p, is_false in it["paths"]:
                claims += 1
                if is_false:
                    ln = next(i for i, l in enumerate(lines, 1) if "`%s`" % p in l)
                    false_claims.append({"doc": doc.path, "line": ln, "path": p})
    if a.manifest:
        with open(a.manifest, "w") as f:
            json.dump({"head": head, "commits": a.commits, "files": nfiles, "seed": a.seed,
                       "readiness_docs": list(docs), "backticked_paths": claims,
                       "false_claims": false_claims}, f, indent=2)
            f.write("\n")
    print("HEAD %s" % head)
    print("files %d" % nfiles)
    print("commits %d" % a.commits)
    print("readiness docs %d, backticked paths %d, false claims %d"
          % (len(docs), claims, len(false_claims)))
    sys.stdout.flush()
    print("generated in %.1f s" % (time.time() - start), file=sys.stderr)


if __name__ == "__main__":
    main()
