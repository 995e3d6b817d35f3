import GreenlightCore

/// `secrets.env-example-optional`: code reads an environment variable with a working default
/// (a tuning knob, a switch) that the committed `.env.example` governing it does not declare.
/// The same analysis as `secrets.env-example-drift` (`EnvTemplateCoverage`), the other half of it.
public struct EnvExampleOptionalRule: Rule {
    public typealias Options = EnvExampleDriftRule.Options

    public static let description = RuleDescription(
        id: "secrets.env-example-optional",
        severity: .note,
        summary: "Code reads an environment variable it can do without that the committed .env.example does not list",
        rationale: """
            A setting with a working default (`int(os.getenv("CACHE_TTL", "300"))`, \
            `process.env.MAX_ITERATIONS ? parseInt(…) : 1000`, `X || path.join(home, ".app")`, \
            `getenv("X", config.x)`) or a switch the code compares \
            with `"true"` does not stop a deployment when it is missing, but an operator who \
            reads only the template never learns it exists. Listing it commented out \
            (`# CACHE_TTL=300`) documents it. Held to the same templates, exclusions and \
            fallbacks as `secrets.env-example-drift`, which reports the variables the code \
            shows it needs. A variable read with a working default anywhere under the template \
            is this rule's (its other reads are usually guarded: `X ? parseInt(X) : 10`), and so \
            is one nothing shows to be needed: a credential's name, or a default on the \
            developer's machine in code an image ships, suggests a deployment sets it but \
            proves no failure without it. The message says which.
            """,
        configKeys: [
            ConfigKey("ignore", "variable names never expected in a template (`*` suffix wildcard)",
                      default: "NODE_ENV, CI, HOME, PATH, RUNNER_*, … (runtime-provided names)"),
        ],
        triggering: [
            RuleExample([
                ".env.example": "DATABASE_URL=\n",
                "src/flow.ts": "const max = process.env.↓MAX_LOOP_COUNT\n    ? parseInt(process.env.MAX_LOOP_COUNT)\n    : 10\nconst n = Number(process.env.MAX_LOOP_COUNT)\nif (process.env.↓VERBOSE === \"true\") {}\n",
                "app/lsp.py": "ttl = int(os.getenv(\"↓LSP_CACHE_TTL\", \"300\"))\nmodel = os.getenv(\"↓GEMINI_MODEL\", \"gemini-pro\")\n",
                "src/limits.ts": "const msg = process.env.↓RATE_LIMIT_MESSAGE || 'Too many requests'\nconst max = parseInt(process.env.↓STREAM_MAX_BYTES) || 1024 * 1024;\n",
                "src/env.ts": "const dir = process.env.↓GLOBAL_DIR || path.join(os.homedir(), \".app\")\n",
                "app/factories.py": "password = os.environ.get('↓GRAPH_PASSWORD', graph_config.password)\nrps = float(os.environ[\"↓LIMIT_RPS\"]) if \"LIMIT_RPS\" in os.environ else 1.0\nif os.environ.get('↓BROWSER', '1') == '1':\n    pass\n",
            ]),
            // The code tests it before use, gives it a value when missing, or hands it to a
            // function that does.
            RuleExample([
                ".env.example": "DATABASE_URL=\n",
                "server/boot/timeouts.js": "const envTimeout = process.env.↓APP_FETCH_TIMEOUT;\nif (envTimeout) {\n  timeoutMs = parseInt(envTimeout, 10);\n}\n",
                "app/limits.py": "limit = os.getenv(\"↓RATE_LIMIT\")\nif not limit:\n    limit = \"10\"\n",
                "app/images.py": "try:\n    self.save_path = os.environ[\"↓IMAGE_SAVE_PATH\"]\n    self.custom = True\nexcept Exception:\n    self.save_path = \"images\"\n    self.custom = False\n",
                "app/config.py": "effort = parse_effort(os.getenv(\"↓REASONING_EFFORT\"))\n\ndef parse_effort(effort):\n    if effort is None:\n        return \"medium\"\n    return effort\n",
            ]),
            // A credential, or a default that only works on the developer's machine in code an
            // image ships, suggests a deployment sets it; nothing shows the code fails without it.
            RuleExample([
                ".env.example": "DATABASE_URL=\n",
                "src/search.ts": "const exa = new ExaClient(process.env.↓EXA_API_KEY || \"\");\n",
                "src/xai.ts": "const apiKey = config.apiKey || process.env.↓XAI_API_KEY;\n",
                "app/auth.py": "client_secret = os.environ.get(\"↓GOOGLE_CLIENT_SECRET\", None)\n",
                "web/Dockerfile": "FROM node:20\n",
                "web/src/api.ts": "const base = process.env.↓API_BASE_URL ?? \"http://localhost:8912\"\n",
            ]),
            // Nothing shows the code needs it: no failure without it, not a credential.
            RuleExample([
                ".env.example": "DATABASE_URL=\n",
                "src/limits.ts": "const n = Number(process.env.↓LIMIT)\n",
                "app/jobs.py": "tz = os.getenv(\"↓CRON_TIMEZONE\")\n",
            ]),
            // Needed, but another part's template lists it: documented, not where this code's is.
            RuleExample([
                "backend/sample.env": "GDRIVE_PROJECT_ID=\n",
                "connectors/sample.env": "LOG_LEVEL=\n",
                "connectors/gcs.py": "project = os.environ[\"↓GDRIVE_PROJECT_ID\"]\n",
            ]),
        ],
        nonTriggering: [
            // Listed (commented out counts); needed (the drift rule's); tests.
            RuleExample([
                ".env.example": "# CACHE_TTL=300\n",
                "app/cache.py": "ttl = int(os.getenv(\"CACHE_TTL\", \"300\"))\nkey = os.environ[\"API_KEY\"]\n",
                "src/b.ts": "const key = process.env.SERVICE_KEY!\n",
                "tests/test_cache.py": "ttl = os.getenv(\"TEST_TTL\", \"1\")\n",
            ]),
            RuleExample([
                ".env.example": "API_URL=\n",
                "src/app.ts": "const t = process.env.FEATURE_LIMIT ?? 5\n",
            ], options: "ignore: [\"FEATURE_*\"]"),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        try EnvTemplateCoverage.of(context).gaps(ignoring: options.ignores).filter { !$0.isRequired }.map { gap in
            Finding(
                rule: Self.description, path: gap.path, line: gap.read.line, column: gap.read.column,
                message: gap.listedIn.map {
                    "\(gap.read.name) is read here but missing from `\(gap.template)`; `\($0)` lists it, not the template this code is held to"
                } ?? (gap.isOptional
                    ? "\(gap.read.name) is optional here (a default, or the code goes on without it) but missing from `\(gap.template)`"
                    : gap.need.map {
                        "\(gap.read.name) is read here but missing from `\(gap.template)`; \($0.phrase), but nothing shows the code fails without it"
                    } ?? "\(gap.read.name) is read here but missing from `\(gap.template)`; nothing shows the code needs it (no failure without it, not a credential)"),
                matched: gap.template + " " + gap.read.name,
                fix: "document it in \(gap.template) as a comment (`# \(gap.read.name)=…`) with its default")
        }
    }
}
