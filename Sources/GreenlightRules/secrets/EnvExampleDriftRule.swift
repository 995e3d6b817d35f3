import GreenlightCore

/// `secrets.env-example-drift`: code reads an environment variable (`process.env.X`,
/// `os.environ["X"]`, `os.getenv("X")`, `ProcessInfo…environment["X"]`, `Deno.env.get("X")`,
/// `os.Getenv("X")`, `ENV["X"]` …) that the committed `.env.example` governing it does not
/// declare. Shape: whole-snapshot — templates first, then one pass over code files.
public struct EnvExampleDriftRule: Rule {
    public struct Options: RuleOptions {
        /// Variable names never expected in a template; `*` at the end matches any suffix.
        public var ignore: [String] = Options.defaultIgnore

        static let defaultIgnore = [
            "NODE_ENV", "CI", "HOME", "PATH", "PWD", "USER", "SHELL", "TERM", "LANG", "TZ", "TMPDIR", "HOSTNAME",
            "DEBUG", "GITHUB_*", "RUNNER_*", "npm_*", "VERCEL_*", "RAILWAY_*", "NEXT_RUNTIME",
        ]

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case ignore
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ignore = try container.decodeIfPresent([String].self, forKey: .ignore) ?? Options.defaultIgnore
        }

        func ignores(_ name: String) -> Bool {
            ignore.contains { $0.hasSuffix("*") ? name.hasPrefix($0.dropLast()) : name == $0 }
        }
    }

    public static let description = RuleDescription(
        id: "secrets.env-example-drift",
        severity: .note,
        summary: "Code reads an environment variable that the committed .env.example does not list",
        rationale: """
            The `.env.example` (or `.env.sample`, `.env.template`) is how a new machine, a CI job \
            or a scheduled workflow learns which variables to set. A variable the code reads \
            but the template omits is the one found missing in production — the scheduled job \
            that fails on a secret nobody knew it needed. Each code file is held to the nearest \
            template in its folder or above; files with no template above them, tests and tool \
            configuration \
            (`vite.config.ts`, `next.config.mjs`: switches given on a command line), committed \
            dependencies and build output (`node_modules/`, `vendor/`, `dist/`) and operator \
            scripts (`scripts/`) are not checked, and a file's reads are those of its own \
            language, in code — not in comments or in a snippet quoted in a string. A read \
            is not asked for when a listed variable stands beside it as its fallback \
            (`A ?? B`, `getenv("A") or getenv("B")`), when a comment calls it legacy or deprecated, or when a data migration falls back \
            without it. One finding per missing variable, at its first read.
            """,
        configKeys: [
            ConfigKey("ignore", "variable names never expected in a template (`*` suffix wildcard)",
                      default: "NODE_ENV, CI, HOME, PATH, GITHUB_*, … (runtime-provided names)"),
        ],
        triggering: [
            RuleExample([
                ".env.example": "DATABASE_URL=\nOPENAI_API_KEY=\n",
                "src/server.ts": "const db = process.env.DATABASE_URL\nconst hook = process.env.STRIPE_WEBHOOK_SECRET\n",
                "src/jobs.ts": "const first = process.env['↓STRIPE_WEBHOOK_SECRET']\n",
            ]),
            RuleExample([
                ".env.sample": "export API_URL=https://api.internal\n",
                "worker/main.py": "import os\nurl = os.environ[\"API_URL\"]\nkey = os.getenv(\"↓API_KEY\")\nadmin = os.environ.get('↓ADMIN_API_KEY')\n",
                "Sources/App/Config.swift": "let url = ProcessInfo.processInfo.environment[\"↓SENTRY_DSN\"]\n",
            ]),
            // A migration that cannot run without its variable; a fallback chain none of whose
            // variables is listed.
            RuleExample([
                ".env.example": "DATABASE_URL=\n",
                "migrations/versions/0042_dimension.py": "dim = os.getenv(\"↓EMBEDDING_DIMENSION\")\nif not dim:\n    raise ValueError(dim)\n",
                "app/search.py": "url = os.getenv(\"↓SEARCH_URL\") or os.getenv(\"↓SEARX_URL\")\n",
                // The UI may set it for the session; the deployment still sets it first.
                "app/ui.py": "model = os.getenv(\"↓GEMINI_MODEL\", \"gemini-pro\")\nos.environ[\"GEMINI_MODEL\"] = choice\n",
            ]),
            RuleExample([
                "supabase/functions/.env.example": "SUPABASE_URL=\n",
                "supabase/functions/hook/index.ts": "const url = Deno.env.get(\"SUPABASE_URL\")\nconst key = Deno.env.get(\"↓SERVICE_ROLE_KEY\")\n",
                "cmd/api/main.go": "key := os.Getenv(\"NOT_GOVERNED\")\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                ".env.example": "API_URL=\n# SENTRY_DSN=  (optional)\nexport API_KEY=\n",
                "src/app.ts": "const a = process.env.API_URL; const b = process.env.API_KEY\nif (process.env.NODE_ENV === 'test') {}\n",
                "src/obs.py": "dsn = os.getenv('SENTRY_DSN')\n",
            ]),
            RuleExample(["src/app.ts": "const a = process.env.ANYTHING\n"]),
            // Writes, what the framework or the platform sets, and tests.
            RuleExample([
                ".env.example": "API_URL=\n",
                "src/boot.ts": "process.env.TZ_OVERRIDE = 'UTC'\nif (import.meta.env.DEV || process.env.CI) {}\nconst sha = process.env.VERCEL_GIT_COMMIT_SHA\n",
                "src/__tests__/api.test.ts": "const k = process.env.TEST_ONLY_KEY\n",
                "tests/test_api.py": "k = os.getenv('PYTEST_ONLY_KEY')\n",
                "src/setup.ts": "delete process.env.LEGACY_FLAG\nconst t = process.env.VITEST\n",
                "node_modules/@babel/core/lib/index.js": "const c = process.env.BABEL_SHOW_CONFIG_FOR\n",
                "app/evals/answers.ts": "const key = process.env.EVAL_GOOGLE_KEY\n",
                "app/console.py": "os.environ['PYTHONIOENCODING'] = 'utf-8'\n",
                "cli/src/terminal.ts": "const t = process.env.TERM_PROGRAM ?? process.env.VSCODE_PID\n",
            ]),
            RuleExample([
                ".env.example": "API_URL=\n",
                "apps/web/.env.example": "NEXT_PUBLIC_SITE=\n",
                "apps/web/page.tsx": "const s = process.env.NEXT_PUBLIC_SITE\n",
            ]),
            // Tool configuration; another language's read quoted in a string (a snippet the UI
            // shows).
            RuleExample([
                ".env.example": "DATABASE_URL=\n",
                "web/next.config.js": "const analyze = process.env.ANALYZE === 'true'\n",
                "web/playwright.config.ts": "const port = process.env.PORT || 3000\n",
                "web/src/snippets/python.ts": "export const snippet = `api_key=os.environ[\"VENDOR_API_KEY\"]`\n",
            ]),
            // Not code: a comment, a snippet in a template literal.
            RuleExample([
                ".env.example": "API_URL=\n",
                "src/snippet.ts": "// const k = process.env.OLD_KEY\nexport const code = `const key = process.env.VENDOR_KEY;`\n",
                "app/main.py": "# key = os.environ['COMMENTED_KEY']\nprint('os.getenv(\"QUOTED_KEY\")')\n",
            ]),
            // A fallback of a listed variable; a write; one a comment calls legacy; a migration
            // that falls back; an operator script; what the platform or the CI job sets.
            RuleExample([
                ".env.example": "PHOENIX_ENDPOINT=\nDATABASE_URL=\n",
                "src/otel.ts": "const url = process.env.PHOENIX_ENDPOINT ?? process.env.PHOENIX_HOST\n",
                "src/limits.js": "process.env.MODEL_TOKEN_LIMIT = Number(limit)\n",
                "src/settings.js": "const old = Number(process.env.OLD_TOKEN_LIMIT) || // legacy support\n  4096\n",
                "app/db.py": "url = os.environ.get(\"DATABASE_URL\", os.environ.get(\"PG_URL\"))\n",
                "alembic/versions/7f3_seed.py": "host = os.environ.get(\"OLLAMA_HOST\") or \"http://localhost:11434\"\n",
                "server/scripts/reset_password.py": "password = os.environ.get(\"PASSWORD\", \"\")\n",
                "src/server.ts": "const port = process.env.PORT ?? 3000\nconst e2e = process.env.CI_PLAYWRIGHT\n",
            ]),
            RuleExample([
                ".env.example": "API_URL=\n",
                "src/app.ts": "const t = process.env.FEATURE_FLAGS\n",
            ], options: "ignore: [\"FEATURE_*\"]"),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        let snapshot = context.snapshot
        var templates: [String: (path: String, names: Set<String>)] = [:]
        for entry in snapshot.entries where EnvFiles.isTemplate(entry.path) {
            guard let text = try snapshot.text(at: entry.path) else { continue }
            let folder = Self.folder(of: entry.path)
            var names = templates[folder]?.names ?? []
            names.formUnion(EnvFiles.declaredNames(text))
            templates[folder] = (templates[folder]?.path ?? entry.path, names)
        }
        guard !templates.isEmpty else { return [] }
        var missing: [(path: String, template: String, read: EnvReads.Read)] = []
        for entry in snapshot.entries where EnvFiles.isCode(entry.path) && !EnvFiles.isTest(entry.path)
            && !VendoredCode.contains(entry.path)
            && !EnvFiles.isToolConfiguration(entry.path) && !EnvFiles.isOperatorScript(entry.path) {
            guard let template = Self.governing(entry.path, templates) else { continue }
            guard let text = try snapshot.text(of: entry, containingAny: EnvReads.keywords) else { continue }
            let reads = EnvReads.reads(in: text)
            let isMigration = EnvFiles.isMigration(entry.path)
            // A group of fallbacks is covered when one of its variables is.
            let covered = Set(reads.filter { Self.isCovered($0.name, template.names, options) }.map(\.group))
            for read in reads where !covered.contains(read.group) && !read.isLegacy && !(isMigration && read.fallsBack) {
                missing.append((entry.path, template.path, read))
            }
        }
        var reported: Set<String> = []
        var findings: [Finding] = []
        for (path, template, read) in missing {
            guard reported.insert(template + "\u{0}" + read.name).inserted else { continue }
            findings.append(Finding(
                rule: Self.description, path: path, line: read.line, column: read.column,
                message: "\(read.name) is read here but missing from `\(template)`",
                matched: template + " " + read.name,
                fix: "add `\(read.name)=` (no value) to \(template)"))
        }
        return findings
    }

    static func isCovered(_ name: String, _ declared: Set<String>, _ options: Options) -> Bool {
        declared.contains(name) || options.ignores(name) || EnvFiles.isBuiltIn(name)
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The template in the file's folder or the nearest one above it. (Only that one: a
    /// service with a template of its own is deployed from it, whatever a parent lists.)
    static func governing(_ path: String, _ templates: [String: (path: String, names: Set<String>)]) -> (path: String, names: Set<String>)? {
        var folder = folder(of: path)
        while true {
            if let template = templates[folder] { return template }
            if folder.isEmpty { return nil }
            folder = Self.folder(of: folder)
        }
    }
}
