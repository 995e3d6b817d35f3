#!/usr/bin/env python3
"""Recall of secrets.leak on the test data of gitleaks and detect-secrets, for the detectors
whose secrets Greenlight's packs claim to find.

Usage: benchmarks/peer-testdata.py GITLEAKS_GIT_DIR DETECT_SECRETS_GIT_DIR OUT_DIR [--greenlight BIN] [--results FILE]

  e.g. benchmarks/peer-testdata.py gitleaks.git detect-secrets.git /tmp/peer --results benchmarks/secrets-results.md
  (clones of github.com/gitleaks/gitleaks and github.com/Yelp/detect-secrets)

Reads the cases with peer_testcases.py. Writes one file per case into OUT_DIR/cases (a git repository), runs
`greenlight check --only secrets` on it, and prints one JSON line per peer detector: its cases,
the positives found, the positives missed (by case id, never the value) and the negatives
flagged. Only the claimed detectors (CLAIMED below) count towards recall; the rest are listed as
not claimed. Nothing of the peers' data is kept: OUT_DIR is scratch.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_testcases  # noqa: E402
import results_section  # noqa: E402

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
    ("EXPIRED:", "expired (its exp is before the run's --now): authenticates nothing"),
]
# The clock every Greenlight run of this script is given.
NOW = "2026-01-01T00:00:00Z"
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
        if pattern == "EXPIRED:":
            import datetime
            m = re.search(r'"exp"\s*:\s*(\d{1,12})', decoded_jwt(text))
            now = datetime.datetime.fromisoformat(NOW.replace("Z", "+00:00")).timestamp()
            if m and int(m.group(1)) < now:
                return reason
        elif pattern.startswith("DECODED:"):
            if re.search(pattern[len("DECODED:"):], decoded_jwt(text)):
                return reason
        elif re.search(pattern, text):
            return reason
    return None


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
    cases = peer_testcases.gitleaks_cases(args.gitleaks, rng) + peer_testcases.detect_secrets_cases(args.detect_secrets)
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
                             "--now", NOW], capture_output=True)
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
    results_section.write(path, "peer-testdata", "\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
