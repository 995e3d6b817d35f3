#!/usr/bin/env python3
"""Build the peer-comparison corpus: Dockerfiles and GitHub Actions workflows taken from local
git repositories (read with `git ls-tree`/`git cat-file` at HEAD), or generated when none are
given, committed into one git repository that Greenlight and the peers all read.

Usage: peer_corpus.py OUT_DIR [--synthetic] [REPO_GIT_DIR ...]

With --synthetic (or with no repositories), generate-peer-corpus.py adds generated files, whose
defects exercise the shared rules the fetched files rarely hit.

Dockerfiles keep their path under `docker/<repo>/`; workflows (any YAML file with top-level
`on:` and `jobs:` keys) go to `.github/workflows/<repo>__<path>.yml`, so Greenlight reads them
as workflows. Nothing fetched is ever committed to Greenlight itself: OUT_DIR is under
benchmarks/.data (git-ignored). Deterministic: same inputs, same corpus.
"""
import os
import re
import subprocess
import sys

NOT_DOCKERFILES = {"md", "txt", "rst", "go", "py", "js", "ts", "sh", "json", "yml", "yaml", "toml", "rs", "swift",
                   "java", "rb", "dockerignore", "tmpl", "template", "tpl", "j2", "jinja", "jinja2", "erb", "in",
                   "mustache", "hbs", "ejs"}
WORKFLOW_KEYS = re.compile(rb'^(on|"on"|\'on\'|true)\s*:', re.M)
JOBS_KEY = re.compile(rb"^jobs\s*:", re.M)
MAX_SIZE = 1 << 20


def is_dockerfile(path):
    name = path.rsplit("/", 1)[-1].lower()
    if name in ("dockerfile", "containerfile") or name.endswith((".dockerfile", ".containerfile")):
        return True
    for prefix in ("dockerfile.", "containerfile."):
        if name.startswith(prefix):
            suffix = name[len(prefix):]
            return bool(suffix) and suffix.rsplit(".", 1)[-1] not in NOT_DOCKERFILES
    return False


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True).stdout


def repo_name(repo):
    path = os.path.abspath(repo).rstrip("/")
    for part in reversed(path.split("/")):
        if part not in ("repo", ".git", "repo.git"):
            return re.sub(r"[^A-Za-z0-9_.-]", "_", part.replace("+", "_"))
    return "repo"


def from_repos(out, repos):
    counts = {"docker": 0, "workflows": 0}
    for repo in repos:
        name = repo_name(repo)
        listing = git(repo, "ls-tree", "-r", "-z", "HEAD").split(b"\0")
        for row in listing:
            if not row:
                continue
            meta, path = row.split(b"\t", 1)
            mode, kind, oid = meta.split()
            if kind != b"blob" or mode == b"120000":
                continue
            path = path.decode("utf-8", "replace")
            docker = is_dockerfile(path)
            yaml = path.endswith((".yml", ".yaml"))
            if not docker and not yaml:
                continue
            size = int(git(repo, "cat-file", "-s", oid.decode()))
            if size > MAX_SIZE:
                continue
            data = git(repo, "cat-file", "blob", oid.decode())
            if b"\0" in data[:8000]:
                continue
            if docker:
                target = os.path.join(out, "docker", name, path)
                counts["docker"] += 1
            elif WORKFLOW_KEYS.search(data) and JOBS_KEY.search(data):
                flat = path.replace("/", "__").rsplit(".", 1)[0]
                target = os.path.join(out, ".github", "workflows", f"{name}__{flat}.yml")
                counts["workflows"] += 1
            else:
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
    return counts


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    out = sys.argv[1]
    synthetic = "--synthetic" in sys.argv[2:]
    repos = [arg for arg in sys.argv[2:] if arg != "--synthetic"]
    if os.path.exists(out):
        subprocess.run(["rm", "-rf", out], check=True)
    os.makedirs(out)
    counts = from_repos(out, repos)
    source = f"{len(repos)} repositories"
    if synthetic or not repos:
        here = os.path.dirname(os.path.abspath(__file__))
        subprocess.run([sys.executable, os.path.join(here, "generate-peer-corpus.py"), out], check=True)
        counts = {"docker": sum(1 for root, _, files in os.walk(os.path.join(out, "docker")) for f in files),
                  "workflows": len(os.listdir(os.path.join(out, ".github", "workflows")))}
        source += " and the generator"
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid",
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    subprocess.run(["git", "init", "-q", "-b", "main", out], check=True, env=env)
    subprocess.run(["git", "-C", out, "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", out, "commit", "-q", "-m", "corpus"], check=True, env=env)
    subprocess.run(["git", "-C", out, "gc", "-q"], check=True, env=env)  # packed, like a real clone
    print(f"corpus: {counts['docker']} Dockerfiles, {counts['workflows']} workflows from {source}")


if __name__ == "__main__":
    main()
