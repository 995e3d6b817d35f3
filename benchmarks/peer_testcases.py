#!/usr/bin/env python3
"""The test cases of gitleaks and detect-secrets, read from clones of both (bare git
directories are fine), for peer-testdata.py:
- gitleaks: cmd/generate/config/rules/*.go — each rule's true positives (`tps`) and false
  positives (`fps`): string literals, and the samples `utils.GenerateSampleSecrets` (every
  assignment template of cmd/generate/config/utils/generate.go) and `GenerateSampleSecret`
  build, with `secrets.NewSecret(REGEX)` filled from the regex (seeded, so runs agree);
- detect-secrets: tests/plugins/*_test.py — `@pytest.mark.parametrize` cases of
  `(payload, should_flag)`.
Each case: {"peer", "detector", "positive", "id", "text"}.
"""
import ast
import os
import re
import subprocess


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
