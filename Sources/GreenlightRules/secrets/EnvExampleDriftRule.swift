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
            (`vite.config.ts`, `next.config.mjs`: switches given on a command line) are not \
            checked, and a file's reads are those of its own language. One finding per missing \
            variable, at its first read.
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
        var reported: Set<String> = []
        var findings: [Finding] = []
        for entry in snapshot.entries
        where EnvFiles.isCode(entry.path) && !EnvFiles.isTest(entry.path) && !EnvFiles.isToolConfiguration(entry.path) {
            guard let template = Self.governing(entry.path, templates) else { continue }
            guard let text = try snapshot.text(of: entry, containingAny: EnvFiles.readKeywords) else { continue }
            for read in EnvFiles.reads(in: text)
            where !template.names.contains(read.name) && !options.ignores(read.name) && !EnvFiles.isBuiltIn(read.name) {
                guard reported.insert(template.path + "\u{0}" + read.name).inserted else { continue }
                findings.append(Finding(
                    rule: Self.description, path: entry.path, line: read.line, column: read.column,
                    message: "\(read.name) is read here but missing from `\(template.path)`",
                    matched: template.path + " " + read.name,
                    fix: "add `\(read.name)=` (no value) to \(template.path)"))
            }
        }
        return findings
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
