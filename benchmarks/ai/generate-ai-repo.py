#!/usr/bin/env python3
"""Deterministically generate a polyglot repository with LLM call sites, for the ai benchmark.

Usage: benchmarks/ai/generate-ai-repo.py [--files N] [--seed N] [--force] [--manifest FILE] DIR

The repository has --files files (default 20,000): TypeScript/JavaScript, Python, Go and Swift
services of ordinary code (handlers, models, utilities of 1-8 KB), Markdown, JSON and YAML, and
about one code file in eight holds 1-3 LLM call sites (about 5,000 in all): OpenAI, Anthropic,
Gemini, Vercel AI SDK, LangChain and plain HTTP calls, each in a function that injects context,
passes a user identity and logs the generation — or, at random, fails one of those, meets it
only in a comment, or is written across lines. Some files mention the SDK calls only in comments
and strings (what a grep gate trips on), some are tests or vendored bundles (exempt).

Everything comes from random.Random(seed) and fixed names and dates, so the same arguments give
the same HEAD commit id. The tree is written with `git fast-import` in one commit on
refs/heads/main, then checked out. --manifest writes the counts as JSON. Python 3 standard
library only.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys

EPOCH = 1767225600  # 2026-01-01T00:00:00Z
WORDS = """account adapter alert audit batch billing bridge broker bucket cache catalog channel
checkout client cluster config consumer cursor dispatch domain event export feature filter
gateway graph handler health index invoice job journal ledger limit loader lock mailer mapper
merge metrics monitor notify order outbox page parser payment pipeline policy pool price profile
queue quota rate record refund registry render replica report request retry route router schema
search session shard signal snapshot socket storage stream sync task tenant token trace tracker
upload validate vault webhook worker""".split()

LANGS = [("ts", 0.40), ("py", 0.25), ("go", 0.15), ("swift", 0.10), ("other", 0.10)]


def cap(word):
    return word[:1].upper() + word[1:]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.counts = {"files": 0, "call_sites": 0, "call_sites_exempt": 0, "decoy_files": 0,
                       "split_calls": 0, "unmet": {"context": 0, "identity": 0, "logging": 0},
                       "by_language": {}}

    def word(self):
        return self.r.choice(WORDS)

    # --- ordinary code --------------------------------------------------------------------

    def filler(self, lang, size):
        r = self.r
        out = []
        n = 0
        while n < size:
            a, b = self.word(), self.word()
            if lang == "ts":
                block = (f"export function {a}{cap(b)}(input: {cap(a)}Input): {cap(b)}Result {{\n"
                         f"  // normalise the {a} before the {b} step\n"
                         f"  const items = input.items.filter((item) => item.{b} !== undefined);\n"
                         f"  return {{ total: items.length, label: `{a}-${{input.id}}` }};\n}}\n\n")
            elif lang == "py":
                block = (f"def {a}_{b}(items, limit={r.randint(1, 99)}):\n"
                         f"    \"\"\"Return the {a} entries of the {b}.\"\"\"\n"
                         f"    kept = [item for item in items if item.{b} is not None]\n"
                         f"    return {{\"{a}\": kept[:limit], \"count\": len(kept)}}\n\n\n")
            elif lang == "go":
                block = (f"// {cap(a)}{cap(b)} returns the {a} of the {b}.\n"
                         f"func {cap(a)}{cap(b)}(items []{cap(a)}) (int, error) {{\n"
                         f"\tcount := 0\n\tfor _, item := range items {{\n"
                         f"\t\tif item.{cap(b)} != \"\" {{\n\t\t\tcount++\n\t\t}}\n\t}}\n"
                         f"\treturn count, nil\n}}\n\n")
            else:
                block = (f"/// The {a} of a {b}.\n"
                         f"func {a}{cap(b)}(_ items: [{cap(a)}]) -> Int {{\n"
                         f"    items.filter {{ $0.{b} != nil }}.count + \"{a}\".count\n}}\n\n")
            out.append(block)
            n += len(block)
        return "".join(out)

    # --- call sites -------------------------------------------------------------------------

    def call(self, lang, name, unmet, mode):
        """One function holding one LLM call; `unmet` is the set of requirements it fails,
        `mode` how: "missing" or "comment" (met only in a comment)."""
        r = self.r
        ctx_ok, id_ok, log_ok = "context" not in unmet, "identity" not in unmet, "logging" not in unmet
        split = r.random() < 0.2 and lang == "ts"

        def commented(line, prefix):
            return f"{prefix} {line}" if mode == "comment" else ""

        if lang == "ts":
            kind = r.choice(["openai", "anthropic", "gemini", "vercel", "langchain", "http"])
            if split and kind in ("openai", "anthropic", "gemini") and "call" not in unmet:
                self.counts["split_calls"] += 1
            ident = "user: userId," if id_ok else commented("user: userId,", "//")
            ctx = "const context = await buildPromptContext(userId);" if ctx_ok else commented("const context = await buildPromptContext(userId);", "//")
            log = "await logGeneration({ userId, promptVersion: \"v2\", result });" if log_ok else commented("await logGeneration({ userId, result });", "//")
            if kind == "openai":
                head = "openai.chat\n    .completions\n    .create(" if split else "openai.chat.completions.create("
            elif kind == "anthropic":
                head = "anthropic.messages\n    .create(" if split else "anthropic.messages.create("
                ident = ident.replace("user: userId,", "metadata: { user_id: userId },")
            elif kind == "gemini":
                head = "model\n    .generateContent(" if split else "model.generateContent("
            elif kind == "vercel":
                head = "generateText("
                ident = ident.replace("user: userId,", "experimental_telemetry: { metadata: { userId } },")
            elif kind == "langchain":
                head = "chain.invoke("
                ident = ident.replace("user: userId,", "metadata: { userId },")
            else:
                head = "fetch(\"https://api.openai.com/v1/chat/completions\", "
                ident = ident.replace("user: userId,", "headers: { \"x-user\": userId }, body: JSON.stringify({ \"user\": userId }),")
            return (f"export async function {name}(userId: string, input: string) {{\n"
                    f"  {ctx}\n"
                    f"  const result = await {head}{{\n"
                    f"    model: \"gpt-4o\",\n"
                    f"    messages: [{{ role: \"user\", content: input }}],\n"
                    f"    {ident}\n"
                    f"  }});\n"
                    f"  {log}\n"
                    f"  return result;\n}}\n\n")
        if lang == "py":
            kind = r.choice(["openai", "anthropic", "gemini", "langchain"])
            ctx = "context = get_user_context(user_id)" if ctx_ok else commented("context = get_user_context(user_id)", "#")
            ident = "user=user_id," if id_ok else commented("user=user_id,", "#")
            log = "log_generation(user_id, prompt_version=\"v2\", response=response)" if log_ok else commented("log_generation(user_id, response)", "#")
            if kind == "openai":
                head = "client.chat.completions.create("
            elif kind == "anthropic":
                head = "client.messages.create("
                ident = ident.replace("user=user_id,", "metadata={\"user_id\": user_id},")
            elif kind == "gemini":
                head = "client.models.generate_content("
                ident = ident.replace("user=user_id,", "config={\"labels\": {\"user_id\": user_id}},")
            else:
                head = "llm.invoke("
                ident = ident.replace("user=user_id,", "config={\"metadata\": {\"user_id\": user_id}},")
            return (f"def {name}(user_id, question):\n"
                    f"    {ctx or 'pass'}\n"
                    f"    response = {head}\n"
                    f"        model=MODEL,\n"
                    f"        messages=[{{\"role\": \"user\", \"content\": question}}],\n"
                    f"        {ident}\n"
                    f"    )\n"
                    f"    {log or 'pass'}\n"
                    f"    return response\n\n\n")
        if lang == "go":
            kind = r.choice(["openai", "anthropic", "gemini"])
            ctx = "system := BuildPromptContext(ctx, userID)" if ctx_ok else commented("system := BuildPromptContext(ctx, userID)", "//")
            ident = "User: openai.String(userID)," if id_ok else commented("User: openai.String(userID),", "//")
            log = "LogGeneration(ctx, userID, \"v2\", resp)" if log_ok else commented("LogGeneration(ctx, userID, resp)", "//")
            head = {"openai": "client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{",
                    "anthropic": "client.Messages.New(ctx, anthropic.MessageNewParams{",
                    "gemini": "model.GenerateContent(ctx, genai.Text(question), &Options{"}[kind]
            return (f"func {cap(name)}(ctx context.Context, userID, question string) (string, error) {{\n"
                    f"\t{ctx}\n"
                    f"\tresp, err := {head}\n"
                    f"\t\tModel: Model,\n"
                    f"\t\t{ident}\n"
                    f"\t}})\n"
                    f"\t{log}\n"
                    f"\treturn fmt.Sprint(resp), err\n}}\n\n")
        kind = r.choice(["openai", "gemini"])
        ctx = "let context = try await buildPromptContext(for: userID)" if ctx_ok else commented("let context = try await buildPromptContext(for: userID)", "//")
        log = "try await logGeneration(result, userID: userID)" if log_ok else commented("try await logGeneration(result, userID: userID)", "//")
        ident = ", user: userID" if id_ok else ""
        head = (f"openAI.chats(query: ChatQuery(messages: messages, model: .gpt4_o{ident}))" if kind == "openai"
                else f"model.generateContent(question{', userID: userID' if id_ok else ''})")
        return (f"func {name}(question: String, userID: String) async throws -> String {{\n"
                f"    {ctx}\n"
                f"    let result = try await {head}\n"
                f"    {log}\n"
                f"    return String(describing: result)\n}}\n\n")

    def ai_file(self, lang, calls, exempt):
        r = self.r
        parts = []
        for index in range(calls):
            unmet = set()
            for requirement in ("context", "identity", "logging"):
                if r.random() < 0.12:
                    unmet.add(requirement)
            mode = "comment" if unmet and r.random() < 0.4 else "missing"
            name = f"{self.word()}{cap(self.word())}Answer{index}" if lang != "py" else f"{self.word()}_answer_{index}"
            parts.append(self.call(lang, name, unmet, mode))
            if exempt:
                self.counts["call_sites_exempt"] += 1
            else:
                self.counts["call_sites"] += 1
                self.counts["by_language"][lang] = self.counts["by_language"].get(lang, 0) + 1
                for requirement in unmet:
                    self.counts["unmet"][requirement] += 1
        return self.filler(lang, r.randint(500, 3000)) + "".join(parts) + self.filler(lang, r.randint(200, 2000))

    def decoy(self, lang):
        self.counts["decoy_files"] += 1
        comment = "#" if lang == "py" else "//"
        text = (f"{comment} Do not call openai.chat.completions.create( directly: use the gateway.\n"
                f"{comment} anthropic.messages.create( and model.generateContent( go through it too.\n")
        if lang == "ts":
            text += "export const HELP = \"generateText( and streamText( are wrapped\";\n"
        return text + self.filler(lang, self.r.randint(800, 4000))

    # --- the tree ---------------------------------------------------------------------------

    def files(self, total):
        r = self.r
        ext = {"ts": ".ts", "py": ".py", "go": ".go", "swift": ".swift"}
        for number in range(total):
            roll = r.random()
            acc = 0.0
            lang = "other"
            for name, share in LANGS:
                acc += share
                if roll < acc:
                    lang = name
                    break
            service = f"svc-{number % 150:03d}"
            base = f"{self.word()}-{self.word()}-{number:05d}"
            if lang == "other":
                kind = r.choice(["md", "json", "yaml"])
                path = f"services/{service}/docs/{base}.{kind}" if kind == "md" else f"services/{service}/config/{base}.{kind}"
                body = (f"# {cap(self.word())} {self.word()}\n\n" + f"The {self.word()} talks to the {self.word()}.\n" * r.randint(5, 60)
                        if kind == "md" else json.dumps({"name": base, "items": [self.word() for _ in range(r.randint(5, 80))]}) + "\n"
                        if kind == "json" else "".join(f"{self.word()}: {r.randint(1, 999)}\n" for _ in range(r.randint(5, 80))))
                yield path, body
                continue
            folder = {"ts": "src", "py": "app", "go": "internal", "swift": "Sources/App"}[lang]
            roll = r.random()
            if roll < 0.125:
                calls = r.choice([1, 1, 2, 2, 3, 3, 4])
                if r.random() < 0.04:
                    test_path = {"ts": f"services/{service}/src/{base}.test.ts", "py": f"services/{service}/tests/test_{base.replace('-', '_')}.py",
                                 "go": f"services/{service}/internal/{base}_test.go", "swift": f"services/{service}/Tests/{base}Tests.swift"}[lang]
                    exempt = lang != "swift"
                    yield (test_path if exempt else f"services/{service}/{folder}/{base}{ext[lang]}"), self.ai_file(lang, calls, exempt)
                else:
                    yield f"services/{service}/{folder}/ai/{base}{ext[lang]}", self.ai_file(lang, calls, False)
            elif roll < 0.14:
                yield f"services/{service}/{folder}/{base}{ext[lang]}", self.decoy(lang)
            else:
                yield f"services/{service}/{folder}/{base}{ext[lang]}", self.filler(lang, r.randint(1000, 8000))


def fast_import(directory, files):
    data = []
    for path, text in files:
        blob = text.encode("utf-8")
        data.append(b"M 100644 inline " + path.encode() + b"\ndata " + str(len(blob)).encode() + b"\n" + blob + b"\n")
    message = b"Generated polyglot repository for the ai benchmark\n"
    stream = (b"commit refs/heads/main\n"
              b"author Bench <bench@example.com> " + str(EPOCH).encode() + b" +0000\n"
              b"committer Bench <bench@example.com> " + str(EPOCH).encode() + b" +0000\n"
              b"data " + str(len(message)).encode() + b"\n" + message + b"".join(data) + b"\n")
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=directory)
    subprocess.run(["git", "init", "-q", "-b", "main", directory], check=True, env=env)
    subprocess.run(["git", "-C", directory, "fast-import", "--quiet"], input=stream, check=True, env=env)
    subprocess.run(["git", "-C", directory, "checkout", "-q", "-f", "main"], check=True, env=env)
    return subprocess.run(["git", "-C", directory, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--manifest")
    args = parser.parse_args()
    if os.path.exists(args.directory):
        if not args.force:
            sys.exit(f"{args.directory} exists (use --force)")
        shutil.rmtree(args.directory)
    gen = Gen(args.seed)
    files = list(gen.files(args.files))
    # A vendored bundle and a minified one: exempt by default.
    files.append(("node_modules/openai/index.js", "module.exports=function(o){return o.chat.completions.create(o)};\n" * 200))
    files.append(("web/dist/app.min.js", "var a=function(){return openai.chat.completions.create({model:'x'})};" * 2000 + "\n"))
    gen.counts["files"] = len(files)
    head = fast_import(args.directory, files)
    print(f"HEAD {head}")
    print(json.dumps(gen.counts))
    if args.manifest:
        with open(args.manifest, "w") as handle:
            json.dump(dict(gen.counts, head=head), handle, indent=2)


if __name__ == "__main__":
    main()
