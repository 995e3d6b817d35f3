"""Reads the condition cases out of a checkout of Gatus (never committed here).

Four sources, as the conformance benchmark names them:
  validate   TestCondition_Validate in config/endpoint/condition_test.go: accepted or refused
  evaluate   TestCondition_evaluate in the same file: a result and the expected verdict
  benchmark  config/endpoint/condition_bench_test.go: a result; a name with "Failure" fails
  readme     the Conditions table of README.md: passing and failing values per condition

Each case is a dict: source, name, condition, expected (True, False, "valid" or "invalid") and
response: what the loopback server must answer (status, body, delay_ms, ip, connected,
certificate_ms), or None where the source gives no result.
"""

import json
import re
import subprocess

DURATION_MS = {"time.Millisecond": 1, "time.Second": 1000, "time.Minute": 60_000, "time.Hour": 3_600_000}


def git_show(repo, path):
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], check=True,
                          capture_output=True, text=True).stdout


# --- Go literals -------------------------------------------------------------------------

def go_string(text, at):
    """The Go string literal starting at text[at]; returns (value, end)."""
    if text[at] == "`":
        end = text.index("`", at + 1)
        return text[at + 1:end], end + 1
    assert text[at] == '"', text[at:at + 20]
    out, i = [], at + 1
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'"}
    while text[i] != '"':
        if text[i] == "\\":
            out.append(escapes[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out), i + 1


def go_number(expression):
    """An integer expression of durations in milliseconds: `24 * time.Hour`, `100 * 1000000`
    (nanoseconds, as one test writes it), `(time.Hour*24*28).Milliseconds()`."""
    text = expression.strip()
    text = re.sub(r"\((.*?)\)\.Milliseconds\(\)", r"(\1)", text)
    if "time." not in text and re.fullmatch(r"\d+\s*\*\s*1000000", text):
        return int(eval(text)) // 1_000_000  # nanoseconds written as a plain product
    for name, value in DURATION_MS.items():
        text = text.replace(name, str(value))
    if not re.fullmatch(r"[\d\s*()+-]+", text):
        raise ValueError(f"not a duration expression: {expression}")
    return int(eval(text))


def go_expression(text):
    """A string expression: literals joined by +, and strconv.FormatInt(<duration>, 10)."""
    parts, i = [], 0
    text = text.strip()
    while i < len(text):
        if text[i] in " +\t\n":
            i += 1
        elif text[i] in "\"`":
            value, i = go_string(text, i)
            parts.append(value)
        elif text.startswith("strconv.FormatInt(", i):
            depth, j = 0, i + len("strconv.FormatInt")
            while True:
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
                if depth == 0:
                    break
            inner = text[i + len("strconv.FormatInt("):j - 1]
            number, base = inner.rsplit(",", 1)
            assert base.strip() == "10"
            parts.append(str(go_number(number)))
            i = j
        else:
            raise ValueError(f"cannot read Go expression at: {text[i:i + 40]}")
    return "".join(parts)


def balanced(text, at, opening="{", closing="}"):
    """The index just past the bracket that closes the one at text[at], skipping strings."""
    depth, i = 0, at
    while True:
        c = text[i]
        if c in "\"`":
            _, i = go_string(text, i)
            continue
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1


def fields(block):
    """Top-level `Key: value,` pairs of a Go composite literal's body."""
    out, i = {}, 0
    while i < len(block):
        m = re.compile(r"\s*(//[^\n]*\n)?\s*([A-Za-z]+):\s*").match(block, i)
        if not m:
            break
        key, i = m.group(2), m.end()
        start = i
        while i < len(block) and block[i] != ",":
            if block[i] in "\"`":
                _, i = go_string(block, i)
            elif block[i] in "({":
                i = balanced(block, i, block[i], ")" if block[i] == "(" else "}")
            else:
                i += 1
        out[key] = block[start:i].strip()
        i += 1
    return out


def result_response(expression):
    """`&Result{HTTPStatus: 200, Body: []byte("…")}` as what the server must answer."""
    body = expression.strip()
    assert body.startswith("&Result{"), body
    values = fields(body[len("&Result{"):-1])
    response = {"status": 200, "body": "", "delay_ms": 0, "ip": "127.0.0.1", "connected": True, "certificate_ms": None}
    for key, value in values.items():
        if key == "HTTPStatus":
            response["status"] = int(value)
        elif key == "Body":
            assert value.startswith("[]byte(") and value.endswith(")"), value
            response["body"] = go_expression(value[len("[]byte("):-1])
        elif key == "Duration":
            response["delay_ms"] = go_number(value)
        elif key == "IP":
            response["ip"] = go_expression(value)
        elif key == "Connected":
            response["connected"] = value == "true"
        elif key == "CertificateExpiration":
            response["certificate_ms"] = go_number(value)
        else:
            raise ValueError(f"unknown Result field {key}")
    return response


def condition_expression(value):
    assert value.startswith("Condition(") and value.endswith(")"), value
    return go_expression(value[len("Condition("):-1])


# --- Sources -------------------------------------------------------------------------------

def validate_cases(test_file):
    start = test_file.index("func TestCondition_Validate(")
    end = test_file.index("\nfunc ", start + 1)
    cases = []
    for line in test_file[start:end].splitlines():
        if line.strip().startswith("//"):
            continue
        m = re.search(r'\{condition: ("(?:[^"\\]|\\.)*"), expectedErr: (nil|errors\.New\(.*\))\}', line)
        if m:
            condition, _ = go_string(m.group(1), 0)
            cases.append({"source": "validate", "name": condition, "condition": condition,
                          "expected": "valid" if m.group(2) == "nil" else "invalid", "response": None})
    return cases


def evaluate_cases(test_file):
    start = test_file.index("func TestCondition_evaluate(")
    list_start = test_file.index("}{", test_file.index("scenarios := []struct", start)) + 1
    list_end = balanced(test_file, list_start)
    body, i, cases = test_file[list_start + 1:list_end - 1], 0, []
    while True:
        i = body.find("{", i)
        if i < 0:
            break
        j = balanced(body, i)
        values = fields(body[i + 1:j - 1])
        name, _ = go_string(values["Name"], 0)
        cases.append({"source": "evaluate", "name": name, "condition": condition_expression(values["Condition"]),
                      "expected": values["ExpectedSuccess"] == "true", "response": result_response(values["Result"])})
        i = j
    return cases


def benchmark_cases(bench_file):
    cases = []
    for m in re.finditer(r"func (Benchmark\w+)\(b \*testing\.B\) \{(.*?)\n\}", bench_file, re.S):
        name, body = m.group(1), m.group(2)
        condition = condition_expression(re.search(r"condition := (Condition\(.*\))\n", body).group(1))
        result = re.search(r"result := (&Result\{.*\})\n", body).group(1)
        cases.append({"source": "benchmark", "name": name, "condition": condition,
                      "expected": "Failure" not in name, "response": result_response(result)})
    return cases


def readme_response(condition, value):
    """A README table value (`200`, `100ms`, `{"data":[…]}`, `49h`) as a response."""
    response = {"status": 200, "body": "", "delay_ms": 0, "ip": "127.0.0.1", "connected": True, "certificate_ms": None}
    placeholder = re.search(r"\[([A-Z_]+)\]", condition).group(1)
    if placeholder == "STATUS":
        response["status"] = int(value)
    elif placeholder == "RESPONSE_TIME":
        response["delay_ms"] = int(value.removesuffix("ms"))
    elif placeholder == "IP":
        response["ip"] = value
    elif placeholder == "CONNECTED":
        response["connected"] = value == "true"
    elif placeholder in ("CERTIFICATE_EXPIRATION", "DOMAIN_EXPIRATION"):
        hours = int(value.removesuffix("h"))
        response["certificate_ms" if placeholder == "CERTIFICATE_EXPIRATION" else "domain_ms"] = hours * 3_600_000
    elif placeholder == "BODY":
        path = re.search(r"\[BODY\]((?:\.\w+|\[\d+\])*)", condition).group(1)
        if value.startswith(("{", "[")) or not path:
            response["body"] = value
        else:  # a value at the path: build the document around it
            try:
                document = json.loads(value)
            except ValueError:
                document = value
            for step in reversed(re.findall(r"\.(\w+)|\[(\d+)\]", path)):
                document = {step[0]: document} if step[0] else [document]
            response["body"] = json.dumps(document, separators=(",", ":"))
    else:
        raise ValueError(f"no README value reading for [{placeholder}]")
    return response


def readme_cases(readme):
    start = readme.index("### Conditions")
    end = readme.index("#### Placeholders", start)
    cases = []
    for line in readme[start:end].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not cells[0].startswith("`"):
            continue
        condition = cells[0].strip("`")
        for column, expected in ((2, True), (3, False)):
            for value in cells[column].split(", "):
                value = value.strip().strip("`")
                if not value or value == "...":
                    continue
                cases.append({"source": "readme", "name": f"{condition} with {value}", "condition": condition,
                              "expected": expected, "response": readme_response(condition, value)})
    return cases


def all_cases(repo):
    test_file = git_show(repo, "config/endpoint/condition_test.go")
    bench_file = git_show(repo, "config/endpoint/condition_bench_test.go")
    readme = git_show(repo, "README.md")
    return validate_cases(test_file) + evaluate_cases(test_file) + benchmark_cases(bench_file) + readme_cases(readme)


if __name__ == "__main__":
    import sys
    cases = all_cases(sys.argv[1])
    for case in cases:
        print(json.dumps(case))
    counts = {}
    for case in cases:
        counts[case["source"]] = counts.get(case["source"], 0) + 1
    print(counts, sum(counts.values()), file=sys.stderr)
