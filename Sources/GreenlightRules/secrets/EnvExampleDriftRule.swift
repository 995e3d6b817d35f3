import GreenlightCore

/// `secrets.env-example-drift`: code reads an environment variable it needs (`process.env.X`,
/// `os.environ["X"]`, `os.getenv("X")`, `ProcessInfo…environment["X"]`, `Deno.env.get("X")`,
/// `os.Getenv("X")`, `ENV["X"]` …, with no working default) that the committed `.env.example`
/// governing it does not declare. Reads with a working default are
/// `secrets.env-example-optional`'s. Shape: whole-snapshot, through `EnvTemplateCoverage`.
public struct EnvExampleDriftRule: Rule {
    public struct Options: RuleOptions {
        /// Variable names never expected in a template; `*` at the end matches any suffix.
        public var ignore: [String] = Options.defaultIgnore

        static let defaultIgnore = [
            "NODE_ENV", "CI", "HOME", "PATH", "PWD", "USER", "SHELL", "TERM", "LANG", "TZ", "TMPDIR", "HOSTNAME",
            "DEBUG", "RUNNER_*", "npm_*", "VERCEL_*", "RAILWAY_*", "NEXT_RUNTIME",
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
        severity: .error,
        summary: "Code needs an environment variable that the committed .env.example does not list",
        rationale: """
            The `.env.example` (or `.env.sample`, `.env.template`) is how a new machine, a CI job \
            or a scheduled workflow learns which variables to set. A variable the code reads \
            but the template omits is the one found missing in production — the scheduled job \
            that fails on a secret nobody knew it needed. This rule reports the variables the \
            code shows it cannot do without, and says what shows it: a read with no fallback \
            (`os.environ["X"]`, `process.env.X!`, `ENV.fetch("X")`), an `if` that tests its \
            absence (or the absence of the local holding it) and throws, raises, exits or answers \
            with an error, or a validation schema that requires it (`OPENAI_API_KEY: z.string()`). \
            A credential's name (a key, secret, token or password) or a default that is an \
            address on the developer's machine in code an image ships only suggests that a \
            deployment sets it — on the field corpus such findings were right 14 times in 24 — \
            so those are `secrets.env-example-optional`'s, saying so. No read of it may have a working \
            default (a literal that is not empty, `None` or another variable; a validation \
            schema's `.default()` or `.optional()` counts) or cope without it; the others, and \
            the reads nothing shows to be needed, are `secrets.env-example-optional`'s. A read \
            whose name differs from a listed one by one abbreviated word (`…_MINUTES` read, \
            `…_MINS` listed), has one word more inside it than a listed name the code never \
            reads or quotes (`OLLAMA_EMBEDDING_API_MODEL` read, `OLLAMA_EMBEDDING_MODEL` listed), \
            or is a listed name behind a framework's public prefix (`NEXT_PUBLIC_SUPABASE_URL` \
            read, `SUPABASE_URL` listed and never read), is reported whatever its default: the \
            documented setting is ignored. \
            Each code file is held to the templates in its folder and above it (the nearest \
            names the finding), and a variable is documented when one of them lists it or its \
            comments mention it, or a README in the file's folder or above it names it (a table \
            of variables, `export X=…`); one another part's template lists is a note of \
            `secrets.env-example-optional`, naming that template. The finding stands at the \
            read that shows the need, not at a first read that copes. Files with no template \
            above them, tests, mocks, evaluation harnesses and tool \
            configuration \
            (`vite.config.ts`, `next.config.mjs`: switches given on a command line), examples, \
            demos, quickstarts and code under `docs/`, committed \
            dependencies and build output (`node_modules/`, `vendor/`, `dist/`) and operator \
            scripts (`scripts/`) are not checked, and a file's reads are those of its own \
            language, in code — not in comments or in a snippet quoted in a string. A read \
            is not asked for when a listed variable stands beside it as its fallback \
            (`A ?? B`, `getenv("A") or getenv("B")`, an `elif` after an `if` that reads it), \
            when a comment or the local holding it calls it legacy or deprecated, when a data \
            migration falls back without it, when the file sets it to a constant itself \
            (`process.env.X = "1"`) or to any value before it first reads it, when the program \
            sets it for a child process (`{...process.env, X: "1"}`, `env = os.environ.copy()` then \
            `env["X"] = …`), an image sets it \
            (`ENV X=…` in a Dockerfile) or an env file a Compose service loads lists it \
            (`env_file: docker/env/app.env`) or a `serverless.yml` gives its functions, or when \
            its name makes it a test switch (`…_TEST`, \
            `SMOKE_…`, `E2E_…`). Nor when the code copes without it: the read is tested for \
            presence (`if os.environ.get("X"):`, `X && …`, `X ? a : b`, `X?.split(",")`), \
            compared (`=== "true"`, `team !== process.env.X`), tested for absence by a branch \
            that goes on without failing (`if (!X) return null;`, a log line and `return`), \
            a local or attribute the code \
            tests before use or gives a value when missing (`if not t: t = 30`; \
            `except KeyError: url = "https://…"`), read empty where empty works (a list, a \
            level — not a key, a URL or an id), declared optional by a schema anywhere in the repository (a zod constant \
            too), or the argument of a function of the file that returns a default for `None` — \
            a read behind another variable's feature switch (`if (process.env.ENABLE_X) {…}`, \
            `process.env.ENABLE_X ? createClient(…) : undefined` — not a deployment stage such as \
            `NODE_ENV`), an option a call fills when it is undefined (`Sentry.init({environment: \
            process.env.X})`; not a credential or an address, except a client's `baseURL`), or a \
            configuration key every file that uses it tests first (`config.gtmId && …`), the \
            default of a typed class attribute or of a parameter (`endpoint: str = \
            Param(os.environ.get("X", None))`, `def __init__(self, key=os.getenv("X"))`: the \
            caller may set it) — \
            those are `secrets.env-example-optional`'s. Names a Compose service's `environment:` \
            sets are the deployment's to give, and a configuration example's `${NAME}` \
            (`config.example.yaml`) documents it; retired code (`legacy/`, `deprecated/`, \
            `archive/`) is not read. A value only shown in a log line (`logging.info`, \
            `console.log`, `print`) is not read, and neither is a Python function at the left \
            margin, or a `@property` whose attribute nothing reads, that nothing in the \
            repository names (dead code). A read the code only reaches once the variable is \
            known to be set (`Path(os.environ["X"]) if os.environ.get("X") else None`, under \
            `if "X" in os.environ:`) shows no need, nor does a switch the code refuses to run \
            without (`if not os.environ.get("ALLOW_REAL_LLM"): exit(…)`: an opt-in gate, no \
            value used). A chain of fallbacks none of which is listed is reported at its first \
            variable; the others are its alternatives. One finding per missing \
            variable.
            """,
        configKeys: [
            ConfigKey("ignore", "variable names never expected in a template (`*` suffix wildcard)",
                      default: "NODE_ENV, CI, HOME, PATH, RUNNER_*, … (runtime-provided names)"),
        ],
        triggering: EnvExampleDriftExamples.triggering,
        nonTriggering: EnvExampleDriftExamples.nonTriggering
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        try EnvTemplateCoverage.of(context).gaps(ignoring: options.ignores).filter(\.isRequired).map { gap in
            let read = gap.read
            let message = gap.nearMiss.map {
                "\(read.name) is read here but `\(gap.template)` lists \($0) instead: one of the two names is wrong"
            } ?? "\(read.name) is read here but missing from `\(gap.template)`" + (gap.need.map { " (\($0.phrase))" } ?? "")
            return Finding(
                rule: Self.description, path: gap.path, line: read.line, column: read.column, message: message,
                matched: gap.template + " " + read.name,
                fix: gap.nearMiss.map { "rename \($0) to \(read.name) in \(gap.template), or read \($0)" }
                    ?? "add `\(read.name)=` (no value) to \(gap.template)")
        }
    }
}
