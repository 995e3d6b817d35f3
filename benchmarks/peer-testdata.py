#!/usr/bin/env python3
"""Recall of secrets.leak on the test data of gitleaks and detect-secrets, for the detectors
whose secrets Greenlight's packs claim to find.

Usage: benchmarks/peer-testdata.py GITLEAKS_GIT_DIR DETECT_SECRETS_GIT_DIR OUT_DIR [--greenlight BIN] [--results FILE]

  e.g. benchmarks/peer-testdata.py gitleaks.git detect-secrets.git /tmp/peer --results benchmarks/secrets-results.md
  (clones of github.com/gitleaks/gitleaks and github.com/Yelp/detect-secrets)

Reads, at each repository's HEAD (bare git directories are fine):
- gitleaks: cmd/generate/config/rules/*.go — each rule's true positives (`tps`) and false
  positives (`fps`): string literals, and the samples `utils.GenerateSampleSecrets` (every
  assignment template of cmd/generate/config/utils/generate.go) and `GenerateSampleSecret`
  build, with `secrets.NewSecret(REGEX)` filled from the regex (seeded, so runs agree);
- detect-secrets: tests/plugins/*_test.py — `@pytest.mark.parametrize` cases of
  `(payload, should_flag)`.
Writes one file per case into OUT_DIR/cases (a git repository), runs
`greenlight check --only secrets` on it, and prints one JSON line per peer detector: its cases,
the positives found, the positives missed (by case id, never the value) and the negatives
flagged. Only the claimed detectors (CLAIMED below) count towards recall; the rest are listed as
not claimed. Nothing of the peers' data is kept: OUT_DIR is scratch.
"""
import argparse
import ast
import json
import os
import random
import re
import shutil
import subprocess
import sys

# Peer detector -> the Greenlight pattern that claims its secrets, and what the claim leaves out
# on purpose: (regex over the case's text, reason). A positive case an exclusion matches, and
# that Greenlight does not report, is counted apart with the reason.
FLAT = (r"(?:AKIA|A3T.|ABIA|ACCA|ASIA)(.)\1{15}", "one character repeated: under the entropy floor")
PLACEHOLDER = (r"x{8,}|X{8,}", "a placeholder (xxxx), a stopword")
JWT_EXCLUSIONS = [
    (r"eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwi", "jwt.io's published sample token"),
    (r"^(?!.*eyJ[A-Za-z0-9_-]+\.eyJ)", "not a JWT: a JWT's header and payload are base64 of JSON (eyJ…)"),
    (r"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.?(?![A-Za-z0-9_.-])", "unsigned (no signature): authenticates nothing"),
    ("DECODED:(?i)test|demo|example", "issued for a test or a demo (its payload says so)"),
]
GITLAB = ("gitlab-pat, gitlab-token", [(r"hello|testin|Need5|checking_Length|correctAB", "a peer's format test value, stopword-free but not random: under the entropy floor"),
                                       PLACEHOLDER])
CLAIMED = {
    # gitleaks rule ids
    "aws-access-token": ("aws-access-key-id", [(r"ASIA", "temporary (STS) key ids are not secrets alone"), FLAT]),
    "github-pat": ("github-pat", []),
    "github-oauth": ("github-oauth-token", []),
    "github-app-token": ("github-app-token", []),
    "github-fine-grained-pat": ("github-fine-grained-pat", [(r"github_pat_(?![A-Za-z0-9]{22}_[A-Za-z0-9]{59})", "not the token's format (22 and 59 characters around an underscore)")]),
    "gitlab-pat": ("gitlab-pat", []),
    "gitlab-deploy-token": GITLAB, "gitlab-runner-authentication-token": GITLAB, "gitlab-cicd-job-token": GITLAB,
    "gitlab-ptt": GITLAB, "gitlab-feed-token": GITLAB, "gitlab-incoming-mail-token": GITLAB,
    "gitlab-kubernetes-agent-token": GITLAB, "gitlab-oauth-app-secret": GITLAB, "gitlab-scim-token": GITLAB,
    "gitlab-rrt": GITLAB,
    "openai-api-key": ("openai-api-key", []),
    "anthropic-api-key": ("anthropic-api-key", [(r"abc123", "a placeholder sequence (abc123), a stopword")]),
    "gcp-api-key": ("google-api-key", []),
    "huggingface-access-token": ("huggingface-token", []),
    "slack-bot-token": ("slack-token", []),
    "slack-user-token": ("slack-token", []),
    "slack-webhook-url": ("slack-webhook-url", [(r"hooks\.slack\.com/\w+/(?!T[A-Z0-9]{6,12}/)", "not a webhook's format (T…/B… ids, then the secret)")]),
    "stripe-access-token": ("stripe-live-key", [(r"_test_", "test-mode keys (sk_test_) move no money")]),
    "twilio-api-key": ("twilio-api-key", []),
    "sendgrid-api-token": ("sendgrid-api-key", [(r"SG\.(?![A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})", "not the key's format (SG. 22 . 43)")]),
    "npm-access-token": ("npm-access-token, npmrc-auth-token", []),
    "pypi-upload-token": ("pypi-token", []),
    "jwt": ("jwt", JWT_EXCLUSIONS),
    "private-key": ("private-key", []),
    # detect-secrets plugins (test file stems)
    "aws_key": ("aws-access-key-id", [FLAT, (r"^[a-z]", "AWS key ids are upper case")]),
    "github_token": ("github-pat", []),
    "gitlab_token": GITLAB,
    "jwt_test": ("jwt", JWT_EXCLUSIONS),
    "npm": ("npm-access-token, npmrc-auth-token", [PLACEHOLDER]),
    "openai": ("openai-api-key", []),
    "private_key": ("private-key", []),
    "pypi_token": ("pypi-token", []),
    "sendgrid": ("sendgrid-api-key", []),
    "slack": ("slack-token", []),
    "stripe_key": ("stripe-live-key", []),
    "twilio": ("twilio-api-key", [PLACEHOLDER]),
    "basic_auth": ("url-credentials", [(r"(?i):password@", "the word password is a stopword of url-credentials")]),
}


def decoded_jwt(text):
    """Header and payload of the first JWT-looking token in text, decoded, or ''."""
    import base64
    m = re.search(r"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+", text)
    if not m:
        return ""
    out = []
    for part in m.group(0).split("."):
        try:
            out.append(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("utf-8", "replace"))
        except ValueError:
            pass
    return " ".join(out)


def exclusion(detector, text):
    for pattern, reason in CLAIMED.get(detector, (None, []))[1]:
        if pattern.startswith("DECODED:"):
            if re.search(pattern[len("DECODED:"):], decoded_jwt(text)):
                return reason
        elif re.search(pattern, text):
            return reason
    return None


def git_show(git_dir, path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", "HEAD:" + path], capture_output=True, check=True).stdout.decode()


def git_ls(git_dir, folder):
    out = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "--name-only", "HEAD", folder + "/"],
                         capture_output=True, check=True).stdout.decode()
    return [line for line in out.splitlines() if line]


# --- random strings from the simple regexes gitleaks' tests use ------------------------------
class RegexSample:
    CLASSES = {"w": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_", "d": "0123456789",
               "s": " "}

    def __init__(self, rng):
        self.rng = rng

    def sample(self, pattern):
        self.p, self.i = pattern, 0
        return self.alternation()

    def alternation(self):
        branches = [self.sequence()]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            branches.append(self.sequence())
        return self.rng.choice(branches)

    def sequence(self):
        out = ""
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            atom = self.atom()
            low, high = self.quantifier()
            out += "".join(atom() for _ in range(self.rng.randint(low, high)))
        return out

    def atom(self):
        c = self.p[self.i]
        self.i += 1
        if c == "(":
            if self.p.startswith("?:", self.i):
                self.i += 2
            elif self.p.startswith("?i)", self.i):
                self.i += 3
                return lambda: ""
            start = self.i
            depth = 1
            while depth:
                if self.p[self.i] == "\\":
                    self.i += 1
                elif self.p[self.i] == "(":
                    depth += 1
                elif self.p[self.i] == ")":
                    depth -= 1
                self.i += 1
            inner = self.p[start:self.i - 1]
            return lambda: RegexSample(self.rng).sample(inner)
        if c == "[":
            chars = self.char_class()
            return lambda: self.rng.choice(chars)
        if c == "\\":
            e = self.p[self.i]
            self.i += 1
            if e in self.CLASSES:
                return lambda: self.rng.choice(self.CLASSES[e])
            return lambda: e
        if c == ".":
            return lambda: self.rng.choice(self.CLASSES["w"])
        if c in "^$":
            return lambda: ""
        return lambda: c

    def char_class(self):
        chars = []
        while self.p[self.i] != "]":
            c = self.p[self.i]
            self.i += 1
            if c == "\\":
                e = self.p[self.i]
                self.i += 1
                chars += list(self.CLASSES.get(e, e))
            elif self.p[self.i] == "-" and self.p[self.i + 1] != "]":
                end = self.p[self.i + 1]
                self.i += 2
                chars += [chr(x) for x in range(ord(c), ord(end) + 1)]
            else:
                chars.append(c)
        self.i += 1
        return chars

    def quantifier(self):
        if self.i >= len(self.p):
            return 1, 1
        c = self.p[self.i]
        if c == "{":
            end = self.p.index("}", self.i)
            body = self.p[self.i + 1:end]
            self.i = end + 1
            if "," in body:
                low, high = body.split(",")
                return int(low), int(high or int(low) + 3)
            return int(body), int(body)
        if c in "?*+":
            self.i += 1
            return {"?": (0, 1), "*": (0, 3), "+": (1, 3)}[c]
        return 1, 1


# --- a tiny evaluator for the Go expressions of gitleaks' rule tests --------------------------
TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|`[^`]*`|"(?:\\.|[^"\\])*"|[A-Za-z_][A-Za-z0-9_.]*|.', re.S)


def go_tokens(text):
    return [t for t in TOKEN.findall(text) if not t.isspace() and not t.startswith("//") and not t.startswith("/*")]


def go_string(token):
    if token.startswith("`"):
        return token[1:-1]
    return ast.literal_eval(token)


class GoCases:
    """Positives and negatives of one gitleaks rule function."""

    def __init__(self, templates, rng):
        self.templates = templates
        self.rng = rng

    def expr(self, toks, i):
        """(values, next index): a `+` chain of terms; a term can yield several values (a
        GenerateSampleSecrets call), which a chain does not combine."""
        values, i = self.term(toks, i)
        while i < len(toks) and toks[i] == "+":
            more, i = self.term(toks, i + 1)
            values = [a + b for a in values for b in more] if values and more else values or more
        return values, i

    def args(self, toks, i):
        """Arguments of a call whose `(` is at i: ([values per argument], index after `)`)."""
        assert toks[i] == "("
        i += 1
        out = []
        while toks[i] != ")":
            values, i = self.expr(toks, i)
            out.append(values)
            if toks[i] == "...":
                i += 1
            if toks[i] == ".":  # `...` tokenised as dots
                while toks[i] == ".":
                    i += 1
            if toks[i] == ",":
                i += 1
        return out, i + 1

    def term(self, toks, i):
        t = toks[i]
        if t.startswith('"') or t.startswith("`"):
            return [go_string(t)], i + 1
        if t in ("utils.GenerateSampleSecrets", "utils.GenerateSampleSecret", "secrets.NewSecret", "fmt.Sprintf",
                 "strings.Repeat", "append", "utils.Numeric", "utils.Hex", "utils.AlphaNumeric",
                 "utils.AlphaNumericExtendedShort", "utils.AlphaNumericExtended", "utils.AlphaNumericExtendedLong",
                 "utils.Hex8_4_4_4_12"):
            args, j = self.args(toks, i + 1)
            one = lambda k: (args[k][0] if k < len(args) and args[k] else "")
            if t == "utils.GenerateSampleSecrets":
                ident, secret = one(0), one(1)
                return [self.fill(template, ident, secret) for _, template in sorted(self.templates.items())], j
            if t == "utils.GenerateSampleSecret":
                return ['%s_api_token = "%s"' % (one(0), one(1))], j
            if t == "secrets.NewSecret":
                return [RegexSample(self.rng).sample(one(0))], j
            if t == "fmt.Sprintf":
                fmt = one(0)
                rest = [one(k) for k in range(1, len(args))]
                return [re.sub(r"%[sdv]", lambda m, it=iter(rest): next(it, ""), fmt)], j
            if t == "strings.Repeat":
                return [one(0) * int(one(1) or 1)], j
            if t == "append":
                return [v for values in args[1:] for v in values], j
            size = one(0)
            return [{"utils.Numeric": "[0-9]{%s}", "utils.Hex": "[a-f0-9]{%s}", "utils.AlphaNumeric": "[a-z0-9]{%s}",
                     "utils.AlphaNumericExtendedShort": "[a-z0-9_-]{%s}", "utils.AlphaNumericExtended": "[a-z0-9=_-]{%s}",
                     "utils.AlphaNumericExtendedLong": "[a-z0-9/=_+-]{%s}",
                     "utils.Hex8_4_4_4_12": "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"}[t].replace("%s", size)], j
        if t == "(":
            values, j = self.expr(toks, i + 1)
            return values, j + 1
        # Anything else (a variable, a call we do not know): no value.
        j = i + 1
        if j < len(toks) and toks[j] == "(":
            depth = 0
            while True:
                depth += {"(": 1, ")": -1}.get(toks[j], 0)
                j += 1
                if depth == 0:
                    break
        return [], j

    @staticmethod
    def fill(template, ident, secret):
        return template.replace("{i}", ident).replace("{I}", ident.upper()).replace("{s}", secret)

    def list_values(self, toks):
        """Values of a `[]string{…}`, `append(…)` or call right-hand side."""
        out, i = [], 0
        if toks[:3] == ["[", "]", "string"]:
            i = 4  # after `{`
            while i < len(toks) and toks[i] != "}":
                values, i = self.expr(toks, i)
                out += values
                if i < len(toks) and toks[i] == ",":
                    i += 1
                elif i < len(toks) and toks[i] != "}":
                    i += 1
            return out
        values, _ = self.expr(toks, 0)
        return values


def gitleaks_cases(git_dir, rng):
    generate = git_show(git_dir, "cmd/generate/config/utils/generate.go")
    body = generate[generate.index("func GenerateSampleSecrets"):]
    body = body[:body.index("replacer :=")]
    templates = {}
    for line in body.splitlines():
        line = line.strip()
        if line.startswith("//") or ":" not in line:
            continue
        toks = go_tokens(line)
        if len(toks) >= 3 and toks[1] == ":" and (toks[0].startswith('"')) and (toks[2].startswith('"') or toks[2].startswith("`")):
            templates[go_string(toks[0])] = go_string(toks[2])
    evaluator = GoCases(templates, rng)
    cases = []
    for path in git_ls(git_dir, "cmd/generate/config/rules"):
        if not path.endswith(".go") or path.endswith("_test.go"):
            continue
        text = git_show(git_dir, path)
        for function in re.split(r"\nfunc ", text)[1:]:
            rule = re.search(r'RuleID:\s*"([^"]+)"', function)
            if not rule:
                continue
            for kind in ("tps", "fps"):
                # Every `kind := …` and `kind = append(kind, …)` statement.
                for m in re.finditer(r"\b%s\s*(?::=|=)\s*" % kind, function):
                    toks = go_tokens(function[m.end():])
                    # The statement ends where its brackets close.
                    depth, end = 0, 0
                    for end, t in enumerate(toks):
                        depth += {"(": 1, "{": 1, "[": 1, ")": -1, "}": -1, "]": -1}.get(t, 0)
                        if depth == 0 and end > 0 and t in (")", "}"):
                            break
                    statement = toks[:end + 1]
                    if statement[:1] == ["append"] and len(statement) > 2 and statement[2] == kind:
                        statement = ["append", "(", '""'] + statement[3:]
                    try:
                        values = evaluator.list_values(statement)
                    except (IndexError, ValueError, SyntaxError, AssertionError, StopIteration):
                        values = []
                    for number, value in enumerate(v for v in values if v):
                        cases.append({"peer": "gitleaks", "detector": rule.group(1), "positive": kind == "tps",
                                      "id": "%s %s#%d" % (os.path.basename(path), kind, number + 1), "text": value})
    return cases


def detect_secrets_cases(git_dir):
    cases = []
    for path in git_ls(git_dir, "tests/plugins"):
        if not path.endswith("_test.py"):
            continue
        stem = os.path.basename(path)[:-len("_test.py")]
        tree = ast.parse(git_show(git_dir, path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or getattr(node.func, "attr", "") != "parametrize":
                continue
            if len(node.args) < 2 or not isinstance(node.args[0], ast.Constant):
                continue
            names = [n.strip() for n in node.args[0].value.split(",")]
            if "should_flag" not in names or not isinstance(node.args[1], (ast.List, ast.Tuple)):
                continue
            text_at = next((k for k, n in enumerate(names) if n in ("payload", "line", "token", "secret")), None)
            if text_at is None:
                continue
            flag_at = names.index("should_flag")
            for number, element in enumerate(node.args[1].elts):
                try:
                    values = ast.literal_eval(element)
                except ValueError:
                    continue
                if not isinstance(values, tuple) or not isinstance(values[text_at], str):
                    continue
                detector = "jwt_test" if stem == "jwt" else stem
                cases.append({"peer": "detect-secrets", "detector": detector, "positive": bool(values[flag_at]),
                              "id": "%s case %d (line %d)" % (os.path.basename(path), number + 1, element.lineno),
                              "text": values[text_at]})
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gitleaks")
    ap.add_argument("detect_secrets")
    ap.add_argument("out")
    ap.add_argument("--results", help="write the tables into this Markdown file (between <!-- peer-testdata --> markers)")
    ap.add_argument("--show-missed", action="store_true", help="print each missed case's text to stderr (to read, never to keep)")
    ap.add_argument("--greenlight", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "greenlight"))
    args = ap.parse_args()
    rng = random.Random(20261207)
    cases = gitleaks_cases(args.gitleaks, rng) + detect_secrets_cases(args.detect_secrets)
    root = os.path.join(args.out, "cases")
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    for number, case in enumerate(cases):
        case["file"] = "cases/%s/%s/%05d.txt" % (case["peer"], case["detector"], number)
        full = os.path.join(args.out, case["file"])
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(case["text"] + "\n")
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z",
               GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid")
    subprocess.run(["git", "init", "-q", "-b", "main", "."], cwd=args.out, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=args.out, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "cases"], cwd=args.out, check=True, env=env)
    report = subprocess.run([args.greenlight, "check", "--repo", args.out, "--only", "secrets", "--format", "json",
                             "--now", "2026-01-01T00:00:00Z"], capture_output=True)
    if report.returncode > 1:
        sys.exit("greenlight failed: " + report.stderr.decode())
    # Which patterns flagged each file: a negative of one detector that another pattern rightly
    # reports (a GitHub token among GitLab's negatives) is not held against the claim.
    flagged, by_pattern = set(), {}
    for finding in json.loads(report.stdout)["findings"]:
        if finding["rule"] == "secrets.leak":
            flagged.add(finding["path"])
            pattern = re.search(r"\[[a-z0-9-]+/([a-z0-9-]+)\]", finding["message"])
            by_pattern.setdefault(finding["path"], set()).add(pattern.group(1) if pattern else "")
    by = {}
    for case in cases:
        entry = by.setdefault((case["peer"], case["detector"]), {
            "peer": case["peer"], "detector": case["detector"], "claimed_by": CLAIMED.get(case["detector"], (None,))[0],
            "positives": 0, "found": 0, "missed": [], "excluded": [], "negatives": 0, "negatives_flagged": []})
        hit = case["file"] in flagged
        if case["positive"]:
            why = exclusion(case["detector"], case["text"])
            if why and not hit:
                entry["excluded"].append("%s: %s" % (case["id"], why))
                continue
            entry["positives"] += 1
            entry["found"] += hit
            if not hit:
                entry["missed"].append(case["id"])
                if args.show_missed and entry["claimed_by"]:
                    print("missed %s %s: %r" % (case["detector"], case["id"], case["text"][:160]), file=sys.stderr)
        else:
            entry["negatives"] += 1
            claimers = {c.strip() for c in (entry["claimed_by"] or "").split(",")}
            if by_pattern.get(case["file"], set()) & claimers:
                entry["negatives_flagged"].append(case["id"])
    claimed = sorted((e for e in by.values() if e["claimed_by"]), key=lambda e: (e["peer"], e["detector"]))
    for entry in claimed:
        print(json.dumps(entry, sort_keys=True))
    positives = sum(e["positives"] for e in claimed)
    found = sum(e["found"] for e in claimed)
    negatives = sum(e["negatives"] for e in claimed)
    flagged_negatives = sum(len(e["negatives_flagged"]) for e in claimed)
    print(json.dumps({"claimed detectors": len(claimed), "positives": positives, "found": found,
                      "recall": round(found / positives, 4) if positives else None,
                      "negatives": negatives, "negatives flagged": flagged_negatives,
                      "not claimed": sorted("%s/%s" % k for k, e in by.items() if not e["claimed_by"])}, sort_keys=True))
    if args.results:
        write_section(args.results, claimed, [e for e in by.values() if not e["claimed_by"]], args)
    return 0


def git_head(git_dir):
    return subprocess.run(["git", "--git-dir", git_dir, "rev-parse", "HEAD"], capture_output=True, check=True).stdout.decode().strip()


def write_section(path, claimed, unclaimed, args):
    """The results as a Markdown section between `<!-- peer-testdata -->` markers of PATH."""
    import collections
    reasons = collections.Counter(x.split(": ", 1)[1] for e in claimed for x in e["excluded"])
    positives = sum(e["positives"] for e in claimed)
    found = sum(e["found"] for e in claimed)
    out = ["## Peers' test data", "",
           "Written by `benchmarks/peer-testdata.py`: the true and false positives of gitleaks' rules (%s) and detect-secrets' plugin tests (%s), "
           "one case per file, for the %d detectors whose secrets Greenlight's patterns claim. A case counts as found when `secrets.leak` reports its file; "
           "a negative counts as flagged when the claiming pattern reports it." % (git_head(args.gitleaks)[:12], git_head(args.detect_secrets)[:12], len(claimed)), "",
           "**Recall on claimed positives: %d / %d (%.1f %%).**" % (found, positives, 100.0 * found / positives if positives else 0), "",
           "| peer | detector | claimed by | positives found | left out by design | negatives flagged |",
           "| --- | --- | --- | ---: | ---: | ---: |"]
    for e in claimed:
        out.append("| %s | %s | %s | %d / %d | %d | %d / %d |" % (e["peer"], e["detector"], e["claimed_by"], e["found"], e["positives"],
                                                         len(e["excluded"]), len(e["negatives_flagged"]), e["negatives"]))
    out += ["", "Left out by design (positives the claim does not cover, with the reason):", ""]
    out += ["- %d: %s" % (n, why) for why, n in reasons.most_common()]
    out += ["", "Negatives Greenlight reports (disagreements): %s." % ("; ".join(
        "%s %s" % (e["detector"], ", ".join(e["negatives_flagged"])) for e in claimed if e["negatives_flagged"]) or "none"), "",
        "Not claimed (no pattern for these services): %d detectors." % len(unclaimed)]
    section = "\n".join(out)
    text = open(path).read() if os.path.exists(path) else "# Secrets benchmark results\n"
    block = "<!-- peer-testdata -->\n" + section + "\n<!-- /peer-testdata -->\n"
    if "<!-- peer-testdata -->" in text:
        start = text.index("<!-- peer-testdata -->")
        end = text.index("<!-- /peer-testdata -->") + len("<!-- /peer-testdata -->\n")
        text = text[:start] + block + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n" + block
    with open(path, "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    sys.exit(main())
