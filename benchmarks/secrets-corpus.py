#!/usr/bin/env python3
"""Deterministically generate a labelled corpus for the secrets benchmark.

Usage: benchmarks/secrets-corpus.py [--files N] [--seed N] [--labels FILE] DIR
       benchmarks/secrets-corpus.py --history [--commits N] [--seed N] [--labels FILE] DIR

Corpus mode writes a git repository of --files source, configuration and documentation files
(Python, TypeScript, Go, YAML, JSON, shell, properties, Markdown, Terraform) with one commit.
About a third of the files hold "slots": lines carrying either a real-looking secret (AWS,
GitHub, OpenAI, Anthropic, Google, Slack, Stripe, Twilio, SendGrid, npm, PyPI tokens, private
keys, JWTs, passwords in URLs, random values assigned to credential-like names) or a
look-alike that is not one (documented examples, placeholders, environment references, git
and checksum hashes, lockfile integrity strings, UUIDs, public keys, low-entropy values,
identifiers, data URIs). The rest is filler code that mentions keys, tokens and secrets in
harmless ways, so the keyword prefilter has work to do. The labels (path, 1-based line, kind,
secret or not) go to --labels (default: DIR.labels.json), outside the repository.

History mode writes a repository of --commits commits (git fast-import) over a few hundred
files, where about one commit in twenty plants a secret that a later commit removes; the
labels list each planted secret with the commit, path and line where it first appeared.

Secrets are generated from random.Random(seed) when the script runs; none is written in this
file. The same arguments give the same bytes and the same HEAD commit id. Python 3 standard
library only.
"""

import argparse
import base64
import json
import os
import random
import shutil
import string
import subprocess
import sys

ALNUM = string.ascii_letters + string.digits
UPPER_DIGITS = string.ascii_uppercase + string.digits
BASE32 = string.ascii_uppercase + "234567"
BASE64 = ALNUM + "+/"
BASE64URL = ALNUM + "-_"
HEX = "0123456789abcdef"
EPOCH = 1735689600  # 2025-01-01T00:00:00Z

WORDS = """account adapter alert audit backoff batch billing bridge broker bucket cache catalog
channel checkout client cluster config consumer context cursor dispatch domain event export
feature filter gateway graph handler health index invoice job journal ledger limit loader lock
logger mailer mapper merge metrics monitor notify order outbox page parser payment pipeline
policy pool price profile queue quota rate record refund registry render replica report request
retry route router schema search session shard signal snapshot socket storage stream sync task
tenant trace tracker upload user validate webhook worker""".split()

# Harmless lines that still contain the prefilter's keywords.
KEYWORD_NOISE = [
    "# rotate the secret weekly; see the runbook",
    "// the token is refreshed by the auth middleware",
    "def refresh_token(session, key):",
    "const keyName = cache.get(key)",
    "if password_reset_requested: send_mail(user)",
    "for key, value in settings.items():",
    "tokens = tokenizer.split(text)",
    "primary_key = Column(Integer, primary_key=True)",
    "// TODO: move the api key lookup into the vault client",
    "keyboard_shortcut = 'ctrl+k'",
    "secretary_email = user.email",
    "auth_header = request.headers.get('Authorization')",
]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def word(self):
        return self.r.choice(WORDS)

    # --- secrets: (kind, variable name, value) ------------------------------------------
    def secret(self):
        r = self.r
        kind = r.choice([
            "aws-key-id", "aws-secret", "github-pat", "github-oauth", "github-fine-grained",
            "openai", "openai-legacy", "anthropic", "google", "slack-bot", "slack-webhook",
            "stripe", "twilio-key", "twilio-token", "sendgrid", "npm", "pypi", "jwt", "url-password",
            "generic-alnum", "generic-hex", "generic-base64", "generic-unquoted", "password", "private-key",
        ])
        if kind == "aws-key-id":
            prefix = r.choice(["AKIA", "ASIA"])
            # ASIA: a temporary credential's id, useless without its secret and session token
            # and expired within hours; not a secret by itself.
            return (kind if prefix == "AKIA" else "aws-temporary-key-id"), "AWS_ACCESS_KEY_ID", prefix + self.s(BASE32, 16)
        if kind == "aws-secret":
            return kind, "AWS_SECRET_ACCESS_KEY", self.s(ALNUM + "/+", 40)
        if kind == "github-pat":
            return kind, "GITHUB_TOKEN", "ghp_" + self.s(ALNUM, 36)
        if kind == "github-oauth":
            return kind, "GH_OAUTH_TOKEN", "gho_" + self.s(ALNUM, 36)
        if kind == "github-fine-grained":
            return kind, "GH_TOKEN", "github_pat_" + self.s(ALNUM, 22) + "_" + self.s(ALNUM, 59)
        if kind == "openai":
            return kind, "OPENAI_API_KEY", "sk-proj-" + self.s(BASE64URL, r.randint(48, 156))
        if kind == "openai-legacy":
            return kind, "OPENAI_API_KEY", "sk-" + self.s(ALNUM, 20) + "T3BlbkFJ" + self.s(ALNUM, 20)
        if kind == "anthropic":
            return kind, "ANTHROPIC_API_KEY", "sk-ant-api03-" + self.s(BASE64URL, 93) + "AA"
        if kind == "google":
            return kind, "GOOGLE_API_KEY", "AIza" + self.s(BASE64URL, 35)
        if kind == "slack-bot":
            return kind, "SLACK_BOT_TOKEN", "xoxb-%s-%s-%s" % (self.s(string.digits, 12), self.s(string.digits, 13), self.s(ALNUM, 24))
        if kind == "slack-webhook":
            return kind, "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T%s/B%s/%s" % (
                self.s(UPPER_DIGITS, 9), self.s(UPPER_DIGITS, 10), self.s(ALNUM, 24))
        if kind == "stripe":
            return kind, "STRIPE_SECRET_KEY", r.choice(["sk_live_", "rk_live_"]) + self.s(ALNUM, r.choice([24, 34, 99]))
        if kind == "twilio-key":
            return kind, "TWILIO_API_KEY", "SK" + self.s(HEX, 32)
        if kind == "twilio-token":
            return kind, "TWILIO_AUTH_TOKEN", self.s(HEX, 32)
        if kind == "sendgrid":
            return kind, "SENDGRID_API_KEY", "SG." + self.s(BASE64URL, 22) + "." + self.s(BASE64URL, 43)
        if kind == "npm":
            return kind, "NPM_TOKEN", "npm_" + self.s(ALNUM, 36)
        if kind == "pypi":
            return kind, "PYPI_TOKEN", "pypi-AgEIcHlwaS5vcmc" + self.s(BASE64URL, r.randint(70, 150))
        if kind == "jwt":
            header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")))
            payload = b64url(json.dumps({"sub": self.s(string.digits, 8), "role": "service", "iat": 1735689600 + r.randint(0, 10**7)}, separators=(",", ":")))
            return kind, "SERVICE_JWT", "%s.%s.%s" % (header, payload, self.s(BASE64URL, 43))
        if kind == "url-password":
            return kind, "DATABASE_URL", "postgres://%s:%s@%s.internal:5432/%s" % (self.word(), self.s(ALNUM, 20), self.word(), self.word())
        if kind == "generic-alnum":
            return kind, r.choice(["API_KEY", "SERVICE_TOKEN", "INTERNAL_API_KEY", "client_secret", "webhookSecret"]), self.s(ALNUM, 32)
        if kind == "generic-hex":
            return kind, r.choice(["api_token", "SIGNING_SECRET", "encryptionKey"]), self.s(HEX, 40)
        if kind == "generic-base64":
            return kind, r.choice(["SECRET_KEY", "session_secret", "masterKey"]), self.s(BASE64, 44)
        if kind == "generic-unquoted":
            return kind, r.choice(["APP_SECRET", "ACCESS_TOKEN", "auth_token"]), self.s(ALNUM, 40)
        if kind == "password":
            return kind, r.choice(["DB_PASSWORD", "db_password", "adminPassword", "SMTP_PASSWORD"]), self.s(ALNUM + "!#%*-", r.randint(14, 20))
        return kind, "PRIVATE_KEY", None

    # --- look-alikes: (kind, variable name, value) ----------------------------------------
    def lookalike(self):
        r = self.r
        kind = r.choice([
            "aws-doc-example", "placeholder", "angle-placeholder", "env-reference", "ci-reference",
            "git-sha", "checksum", "integrity", "uuid", "public-key", "ssh-public-key", "low-entropy",
            "identifier", "data-uri", "truncated", "localhost-url", "empty", "version",
        ])
        if kind == "aws-doc-example":
            return kind, "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"
        if kind == "placeholder":
            return kind, r.choice(["OPENAI_API_KEY", "GITHUB_TOKEN", "API_KEY"]), r.choice([
                "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "your_api_key_here", "replace-me", "changeme", "YOUR_API_KEY"])
        if kind == "angle-placeholder":
            return kind, r.choice(["STRIPE_SECRET_KEY", "client_secret"]), "<your-%s-key>" % self.word()
        if kind == "env-reference":
            return kind, r.choice(["apiKey", "token", "password"]), r.choice(["process.env.API_KEY", "os.environ['SECRET_KEY']", "${DB_PASSWORD}", "$SERVICE_TOKEN"])
        if kind == "ci-reference":
            return kind, "GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}"
        if kind == "git-sha":
            return kind, r.choice(["commit", "base_sha", "revision"]), self.s(HEX, 40)
        if kind == "checksum":
            return kind, r.choice(["sha256", "checksum", "digest"]), self.s(HEX, 64)
        if kind == "integrity":
            return kind, "integrity", "sha512-" + self.s(BASE64, 86) + "=="
        if kind == "uuid":
            u = self.s(HEX, 32)
            return kind, r.choice(["request_id", "tenant_id", "correlationId"]), "%s-%s-%s-%s-%s" % (u[:8], u[8:12], u[12:16], u[16:20], u[20:])
        if kind == "public-key":
            return kind, "PUBLIC_KEY", None
        if kind == "ssh-public-key":
            return kind, "deploy_key_pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA" + self.s(BASE64, 43) + " deploy@ci"
        if kind == "low-entropy":
            return kind, r.choice(["password", "api_key", "token"]), r.choice(["password123", "aaaaaaaaaaaaaaaaaaaaaaaa", "1111111111111111", "test-token-value"])
        if kind == "identifier":
            return kind, r.choice(["token_type", "secret_name", "password_field", "TOKEN_HEADER"]), r.choice([
                "bearer", "production-database-credentials", "password_confirmation", "X-Auth-Token", "refresh_token_rotation_enabled"])
        if kind == "data-uri":
            return kind, "icon", "data:image/png;base64," + self.s(BASE64, 120)
        if kind == "truncated":
            return kind, r.choice(["OPENAI_API_KEY", "GITHUB_TOKEN"]), r.choice(["sk-proj-...", "ghp_...", "sk-ant-..."])
        if kind == "localhost-url":
            return kind, "DATABASE_URL", "postgres://postgres:postgres@localhost:5432/app"
        if kind == "empty":
            return kind, r.choice(["API_KEY", "SECRET_KEY"]), ""
        return kind, "version", "%d.%d.%d" % (r.randint(0, 9), r.randint(0, 30), r.randint(0, 99))

    def pem(self, private):
        label = self.r.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"]) if private else "PUBLIC KEY"
        body = [self.s(BASE64, 64) for _ in range(self.r.randint(4, 20))]
        return ["-----BEGIN %s-----" % label] + body + ["-----END %s-----" % label]


def b64url(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


LANGS = {
    "py": ("services/{w}/{w2}.py", "{name} = \"{value}\""),
    "ts": ("web/src/{w}/{w2}.ts", "export const {name} = \"{value}\";"),
    "go": ("internal/{w}/{w2}.go", "const {name} = \"{value}\""),
    "yaml": ("deploy/{w}/{w2}.yaml", "  {name}: \"{value}\""),
    "json": ("config/{w}/{w2}.json", "  \"{name}\": \"{value}\","),
    "sh": ("scripts/{w}/{w2}.sh", "export {name}={value}"),
    "properties": ("conf/{w}/{w2}.properties", "{name}={value}"),
    "md": ("docs/{w}/{w2}.md", "Set `{name}` to `{value}` on the staging host."),
    "tf": ("infra/{w}/{w2}.tf", "  {name} = \"{value}\""),
}


def filler(g, lang, count):
    lines = []
    for _ in range(count):
        roll = g.r.random()
        a, b = g.word(), g.word()
        if roll < 0.12:
            lines.append(g.r.choice(KEYWORD_NOISE))
        elif lang == "py":
            lines.append(g.r.choice(["def %s_%s(%s):" % (a, b, a), "    return %s.%s(%d)" % (a, b, g.r.randint(0, 999)), "import %s" % a, ""]))
        elif lang == "ts":
            lines.append(g.r.choice(["export function %s%s(%s: string) {" % (a, b.capitalize(), a), "  return %s.%s()" % (a, b), "}", "import { %s } from './%s'" % (a, b)]))
        elif lang == "go":
            lines.append(g.r.choice(["func %s%s() error {" % (a.capitalize(), b.capitalize()), "\treturn nil", "}", "var %s = %d" % (a, g.r.randint(0, 99))]))
        elif lang in ("yaml", "tf"):
            lines.append(g.r.choice(["%s:" % a, "  %s: %d" % (b, g.r.randint(1, 500)), "  enabled: true", "  name: %s-%s" % (a, b)]))
        elif lang == "json":
            lines.append("  \"%s_%s\": %d," % (a, b, g.r.randint(0, 999)))
        elif lang == "md":
            lines.append(g.r.choice(["## %s %s" % (a.capitalize(), b), "The %s calls the %s before each %s." % (a, b, g.word()), ""]))
        else:
            lines.append(g.r.choice(["%s_%s=%d" % (a.upper(), b.upper(), g.r.randint(0, 99)), "# %s %s" % (a, b), "echo %s" % a]))
    return lines


# Kinds drawn as secrets that are not secrets where they land.
NOT_SECRETS = {"aws-temporary-key-id", "private-key-in-prose"}


def slot_lines(g, lang, template, positive):
    """Lines for one slot and the offset of the labelled line within them."""
    kind, name, value = g.secret() if positive else g.lookalike()
    if value is None:  # a PEM block
        block = g.pem(private=positive)
        if positive and lang == "md":
            # A key printed in prose illustrates documentation; keys live in files of their own.
            kind = "private-key-in-prose"
        if lang in ("json", "ts", "py", "go"):
            escaped = "\\n".join(block) + "\\n"
            return kind, [template.format(name=name, value=escaped)], 0
        return kind, block, 0
    # An unquoted value is a literal in shell and configuration files; in source code it is an
    # identifier, so there the secret is written as the language writes a literal.
    if lang in ("sh", "properties") or (kind == "generic-unquoted" and lang not in ("py", "ts", "go")):
        line = "%s=%s" % (name, value)
    else:
        line = template.format(name=name, value=value)
    return kind, [line], 0


def make_file(g, lang, slots):
    """(lines, labels) for one file with `slots` slots, each placed between filler lines
    (never inside another slot's block)."""
    template = LANGS[lang][1]
    chunks = [[line] for line in filler(g, lang, g.r.randint(10, 60))]
    slotted = []
    for _ in range(slots):
        positive = g.r.random() < 0.45
        kind, block, offset = slot_lines(g, lang, template, positive)
        at = g.r.randint(0, len(chunks))
        chunks.insert(at, block)
        slotted.append((block, offset, kind, positive))
    lines, labels = [], []
    for chunk in chunks:
        for block, offset, kind, positive in slotted:
            if chunk is block:
                labels.append((len(lines) + offset, kind, positive))
        lines += chunk
    return lines, labels


def corpus(args):
    g = Gen(args.seed)
    root = args.dir
    files, labels, seen = {}, [], set()
    langs = sorted(LANGS)
    while len(files) < args.files:
        lang = g.r.choice(langs)
        path = LANGS[lang][0].format(w=g.word(), w2="%s_%s_%d" % (g.word(), g.word(), len(files)))
        if path in seen:
            continue
        seen.add(path)
        slots = 0 if g.r.random() < 0.66 else g.r.randint(1, 3)
        lines, file_labels = make_file(g, lang, slots)
        files[path] = "\n".join(lines) + "\n"
        for line, kind, positive in file_labels:
            labels.append({"path": path, "line": line + 1, "kind": kind, "secret": positive and kind not in NOT_SECRETS})
    write_repo(root, files)
    return {"files": len(files), "labels": labels}


def write_repo(root, files):
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(text)
    env = fixed_env(EPOCH)
    git(root, ["init", "-q", "-b", "main", "."], env)
    git(root, ["add", "-A"], env)
    git(root, ["commit", "-q", "-m", "corpus"], env)


def history(args):
    """A fast-import stream: a pool of files edited commit after commit; some commits plant
    a secret that a later commit removes."""
    g = Gen(args.seed)
    pool = {}
    for index in range(300):
        lang = g.r.choice(sorted(LANGS))
        pool[LANGS[lang][0].format(w=g.word(), w2="%s_%d" % (g.word(), index))] = lang
    paths = sorted(pool)
    contents = {p: filler(g, pool[p], g.r.randint(10, 40)) for p in paths}
    planted, pending, out = [], [], []
    for number in range(1, args.commits + 1):
        changes = []
        for path in g.r.sample(paths, g.r.randint(1, 3)):
            lines = contents[path]
            at = g.r.randint(0, len(lines))
            lines.insert(at, filler(g, pool[path], 1)[0])
            changes.append(path)
        if g.r.random() < 0.05:
            path = g.r.choice(paths)
            kind, block, offset = slot_lines(g, pool[path], LANGS[pool[path]][1], True)
            while len(block) > 1:  # single lines only: later edits never split them
                kind, block, offset = slot_lines(g, pool[path], LANGS[pool[path]][1], True)
            at = g.r.randint(0, len(contents[path]))
            contents[path][at:at] = block
            changes.append(path)
            planted.append({"commit_mark": number, "path": path, "kind": kind, "block": block})
            pending.append((number + g.r.randint(1, 200), path, block))
        for due in [p for p in pending if p[0] == number]:
            pending.remove(due)
            _, path, block = due
            lines = contents[path]
            for start in range(len(lines)):
                if lines[start:start + len(block)] == block:
                    del lines[start:start + len(block)]
                    break
            changes.append(path)
        when = EPOCH + number * 600
        out.append("commit refs/heads/main\nmark :%d\nauthor Bench <bench@example.invalid> %d +0000\ncommitter Bench <bench@example.invalid> %d +0000\n" % (number, when, when))
        message = "change %d" % number
        out.append("data %d\n%s\n" % (len(message), message))
        if number > 1:
            out.append("from :%d\n" % (number - 1))
        for path in sorted(set(changes)):
            data = ("\n".join(contents[path]) + "\n").encode()
            out.append("M 100644 inline %s\ndata %d\n" % (path, len(data)))
            out.append(data.decode() + "\n")
    if os.path.exists(args.dir):
        shutil.rmtree(args.dir)
    os.makedirs(args.dir)
    env = fixed_env(EPOCH)
    git(args.dir, ["init", "-q", "-b", "main", "."], env)
    marks = os.path.join(args.dir, ".git", "bench-marks")
    subprocess.run(["git", "fast-import", "--quiet", "--export-marks=" + marks], cwd=args.dir, env=env,
                   input="".join(out).encode(), check=True)
    git(args.dir, ["checkout", "-q", "main"], env)
    ids = {}
    with open(marks) as handle:
        for row in handle:
            mark, sha = row.split()
            ids[int(mark[1:])] = sha
    labels = []
    for item in planted:
        # The line of the planted block in the file as that commit left it.
        text = subprocess.run(["git", "show", "%s:%s" % (ids[item["commit_mark"]], item["path"])], cwd=args.dir,
                              capture_output=True, check=True).stdout.decode().split("\n")
        line = next(i for i in range(len(text)) if text[i:i + len(item["block"])] == item["block"]) + 1
        labels.append({"path": item["path"], "line": line, "kind": item["kind"], "secret": item["kind"] not in NOT_SECRETS,
                       "commit": ids[item["commit_mark"]]})
    return {"files": len(paths), "commits": args.commits, "labels": labels}


def fixed_env(when):
    env = dict(os.environ)
    stamp = "%d +0000" % when
    env.update({"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid", "GIT_AUTHOR_DATE": stamp,
                "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid", "GIT_COMMITTER_DATE": stamp,
                "GIT_CONFIG_NOSYSTEM": "1", "HOME": os.environ.get("HOME", "/tmp")})
    return env


def git(root, arguments, env):
    subprocess.run(["git"] + arguments, cwd=root, env=env, check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--files", type=int, default=6000)
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--commits", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--labels")
    args = ap.parse_args()
    result = history(args) if args.history else corpus(args)
    labels = args.labels or args.dir.rstrip("/") + ".labels.json"
    with open(labels, "w") as handle:
        json.dump(result, handle, indent=1, sort_keys=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=args.dir, capture_output=True, text=True).stdout.strip()
    positives = sum(1 for l in result["labels"] if l["secret"])
    print("HEAD %s" % head)
    print("files %d, secrets %d, look-alikes %d, labels %s" % (result["files"], positives, len(result["labels"]) - positives, labels))


if __name__ == "__main__":
    sys.exit(main())
