import Foundation
import GreenlightCore

/// Environment files: which names are committed env files, which are templates, what a
/// template declares, and where code reads a variable.
public enum EnvFiles {
    /// Suffixes of `.env.*` files that are templates, meant to be committed.
    static let templateSuffixes: Set<String> = ["example", "sample", "template", "dist", "defaults", "tpl"]

    public static func baseName(_ path: String) -> Substring {
        RepositoryPath.name(of: path)
    }

    /// `.env`, `.env.local`, `.env.production` … but not a template.
    static func isEnvFile(_ path: String) -> Bool {
        let name = baseName(path)
        guard mentionsEnv(name) else { return false }
        if name == ".env" { return true }
        guard name.hasPrefix(".env."), name.count > 5 else { return false }
        return !isTemplate(path)
    }

    /// `.env.example`, `.env.sample`, `.env.template`, and with a qualifier before the suffix:
    /// `.env.local.example`, `.env.k8s.template` …; or the words the other way round:
    /// `sample.env`, `backend.example.env`.
    public static func isTemplate(_ path: String) -> Bool {
        let base = baseName(path)
        guard mentionsEnv(base) else { return false }
        let name = base.lowercased()
        if name.hasPrefix(".env.") {
            return name.dropFirst(5).split(separator: ".").contains { templateSuffixes.contains(String($0)) }
        }
        guard name.hasSuffix(".env"), name.count > 4 else { return false }
        return name.dropLast(4).split(separator: ".").contains { templateSuffixes.contains(String($0)) }
    }

    /// A byte test before the exact ones, which are asked of every path: the name holds `env` in
    /// any case.
    private static func mentionsEnv(_ name: Substring) -> Bool {
        var before = (UInt8(0), UInt8(0))
        for byte in name.utf8 {
            let lower = byte | 0x20
            if before == (UInt8(ascii: "e"), UInt8(ascii: "n")) && lower == UInt8(ascii: "v") { return true }
            before = (before.1, lower)
        }
        return false
    }

    /// Prefixes of variables that frameworks put in the browser bundle: public by design.
    static let publicPrefixes = ["NEXT_PUBLIC_", "VITE_", "PUBLIC_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_",
                                 "GATSBY_", "VUE_APP_", "STORYBOOK_"]
    /// Words of variable names that hold credentials (a whole word of the name, or the end of a
    /// run-together one: `APIKEY`, `DBPASSWORD`; `MAX_TOKENS` counts tokens).
    static let credentialWords = ["key", "secret", "token", "password", "passwd", "pass", "pwd", "credential",
                                  "credentials", "auth", "private", "signing", "salt", "dsn", "cert"]
    /// Values that stand for a value: placeholders, fakes, references.
    static let placeholderWords = ["example", "changeme", "change-me", "change_me", "your_", "your-", "<your", "xxx",
                                   "placeholder", "fake", "dummy", "replace", "todo", "redacted", "sample"]
    /// Values that say there is none.
    static let noValues: Set<String> = ["null", "none", "nil", "undefined", "false", "true", "''", "\"\""]
    /// Hosts only the developer's own machine reaches.
    static let localHosts = ["localhost", "127.0.0.1", "0.0.0.0", "[::1]"]

    /// Credential words that also end run-together names (`APIKEY`, `DBPASSWORD`).
    static let credentialSuffixes = ["key", "secret", "token", "password"]

    static func isCredentialName(_ name: String) -> Bool {
        let words = SecretAllowlist.words(of: name)
        // `AUTH0_SCOPE`, `AUTH_DOMAIN`: a setting of the authentication, not its secret.
        if let last = words.last, settingWords.contains(last), !words.contains(where: credentialSuffixes.contains) {
            return false
        }
        return words.contains { word in
            credentialWords.contains(word)
                || credentialSuffixes.contains { word.count >= $0.count + 2 && word.hasSuffix($0) }
        }
    }

    /// Last words of names that hold a setting beside a credential, not the credential.
    static let settingWords: Set<String> = ["scope", "scopes", "domain", "audience", "issuer", "url", "uri", "endpoint",
                                            "region", "enabled", "mode", "provider", "type", "algorithm", "callback"]

    /// The variables of a dotenv file that may hold a secret: a credential-named variable
    /// (`*_KEY`, `*_SECRET`, `*_TOKEN`, `*PASSWORD*` …) with a value that is not empty or
    /// `null`, a placeholder, a reference, or public — by its name (`NEXT_PUBLIC_*`) or because
    /// the same file gives the same value to a public name (`SUPABASE_KEY` beside
    /// `NEXT_PUBLIC_SUPABASE_ANON_KEY`) — and any variable whose value is a URL with a password
    /// to a host other than the developer's own machine (`postgres://app:pw@db/app`).
    static func secretLikeNames(_ text: SourceText) -> [String] {
        let assignments = assignments(text)
        let published = Set(assignments.filter { isPublic($0.name) }.map(\.value))
        var names: [String] = []
        for (name, value) in assignments where !published.contains(value) {
            if hasURLPassword(value) {
                names.append(name)
                continue
            }
            let lower = value.lowercased()
            // `${OTHER}`, a generator's `{{ random_secret }}`: filled in elsewhere.
            guard !isPublic(name), isCredentialName(name), !value.hasPrefix("$"), !value.hasPrefix("{"), !value.contains("://"),
                  !placeholderWords.contains(where: { lower.contains($0) }), !isWordLike(value) else { continue }
            names.append(name)
        }
        return names
    }

    static let templateValuesKey = SharedKey<Set<String>>("secrets.env-template-values")

    /// Values the repository's env templates hold (8 characters or more): the defaults it
    /// documents for anyone to use (`DATABASE_URL=mysql://app:ragwebui@db/app`). A copy of one
    /// in a configuration file is that default, not a leak; the template itself is judged as is.
    static func templateValues(_ context: RuleContext) throws -> Set<String> {
        try context.shared(templateValuesKey) {
            var values: Set<String> = []
            for entry in context.snapshot.entries where isTemplate(entry.path) {
                guard let text = try context.snapshot.text(at: entry.path) else { continue }
                for (_, value) in assignments(text) where value.count >= 8 {
                    values.insert(value)
                    // A URL's password: what a password pattern finds inside it.
                    if let (password, _) = urlPassword(value) { values.insert(String(password)) }
                }
            }
            return values
        }
    }

    /// The `NAME=value` lines of an env file with a value (`export` dropped, quotes and a
    /// trailing comment removed; not `null`, `none`, `true` …).
    static func assignments(_ text: SourceText) -> [(name: String, value: String)] {
        settings(text).filter { !noValues.contains($0.value.lowercased()) }
    }

    /// The names an env file switches on (`LANGSMITH_TRACING=true`, `=1`, `=yes`, `=on`).
    static func switchedOn(_ text: SourceText) -> Set<String> {
        Set(settings(text).filter { ["true", "1", "yes", "on"].contains($0.value.lowercased()) }.map(\.name))
    }

    /// Every `NAME=value` line with a value, as `assignments` reads it.
    private static func settings(_ text: SourceText) -> [(name: String, value: String)] {
        var settings: [(name: String, value: String)] = []
        for line in text.lines {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            guard !rest.hasPrefix("#") else { continue }
            if rest.hasPrefix("export ") { rest = rest.dropFirst(7).drop { $0 == " " } }
            guard let equals = rest.firstIndex(of: "=") else { continue }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
            var value = rest[rest.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            guard !name.isEmpty, !value.isEmpty else { continue }
            settings.append((name, value))
        }
        return settings
    }

    /// Lower-case words joined by `-` or `_`, digits allowed after the first
    /// (`mobile-app-key-123`, `dev_secret`, `re_123`), one lower-case word (`minioadmin`, a
    /// vendor's default login), words with short upper-case or numeric parts
    /// (`infini_rag_flow_OS_01`) or fewer than 8 characters: a development stand-in, as the
    /// generic pack's kebab-case, snake_case and one-case allowlists hold too.
    static func isWordLike(_ value: String) -> Bool {
        // Lower-case words and separators only (`minioadmin`, `basic:token`), or too short to be
        // a generated secret (`test`).
        if value.count < 8 || value.allSatisfy({ $0.isASCII && ($0.isLowercase || ":-_.".contains($0)) }) { return true }
        // Three or more parts that are each a lower-case word, a short upper-case word or a short
        // number (`infini_rag_flow_OS_01`): a person's default, as the generic pack holds too.
        let pieces = value.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "_" || $0 == "." }
        if pieces.count >= 3, pieces.allSatisfy({ piece in
            (piece.count >= 2 && piece.allSatisfy { $0.isASCII && $0.isLowercase })
                || ((1...4).contains(piece.count) && piece.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
                    && (piece.allSatisfy(\.isNumber) || piece.allSatisfy(\.isUppercase)))
        }) {
            return true
        }
        let parts = value.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "_" }
        guard parts.count >= 2, let first = parts.first, !first.isEmpty,
              first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }

    static func isPublic(_ name: String) -> Bool {
        let upper = name.uppercased()
        return publicPrefixes.contains { upper.hasPrefix($0) }
    }

    /// `scheme://user:password@host…` with a password that is not a reference, to a host that
    /// is not the developer's own machine.
    static func hasURLPassword(_ value: String) -> Bool {
        guard let (password, host) = urlPassword(value) else { return false }
        return !password.isEmpty && !password.hasPrefix("$") && !password.contains("/")
            && !placeholderWords.contains(where: { password.lowercased().contains($0) })
            && !isWordLike(String(password)) && !localHosts.contains(host)
    }

    /// The password of `scheme://user:password@host…` and its host, lower-cased.
    static func urlPassword(_ value: String) -> (password: Substring, host: String)? {
        guard let scheme = value.range(of: "://") else { return nil }
        let rest = value[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return nil }
        let host = rest[rest.index(after: at)...].prefix { $0 != ":" && $0 != "/" && $0 != "?" }.lowercased()
        return (rest[rest.index(after: colon)..<at], host)
    }

    /// `text` holds a URL on the developer's own machine (`http://localhost:8912`).
    static func holdsLocalURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("://") && localHosts.contains { lowered.contains("://" + $0) }
    }

    /// Variable names a dotenv file declares: `NAME=…`, `export NAME=…`, and commented-out
    /// `# NAME=…` (a documented optional variable counts as declared).
    public static func declaredNames(_ text: SourceText) -> [String] {
        var names: [String] = []
        for line in text.lines {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("#") { rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" } }
            if rest.hasPrefix("export ") { rest = rest.dropFirst(7).drop { $0 == " " } }
            let name = rest.prefix { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
            guard let first = name.first, !first.isNumber else { continue }
            let after = rest.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
            if after.hasPrefix("=") || (after.hasPrefix(":") && !after.hasPrefix("://")) { names.append(String(name)) }
        }
        return names
    }

    /// Source files whose environment reads are looked for.
    /// Source files whose environment reads are looked for, by extension, with their language.
    static let codeExtensions: [String: String] = [
        "ts": "javascript", "tsx": "javascript", "mts": "javascript", "cts": "javascript", "js": "javascript",
        "jsx": "javascript", "mjs": "javascript", "cjs": "javascript", "vue": "javascript", "svelte": "javascript",
        "astro": "javascript", "py": "python", "swift": "swift", "go": "go", "rb": "ruby",
    ]

    static func isCode(_ path: String) -> Bool {
        codeExtensions[extensionOf(path)] != nil
    }

    static func extensionOf(_ path: String) -> String {
        let base = baseName(path)
        guard let dot = base.lastIndex(of: ".") else { return "" }
        return String(base[base.index(after: dot)...])
    }

    /// Variables that the runtime, the framework or the platform sets, not the team:
    /// `NODE_ENV`, `CI`, Vite's `import.meta.env.DEV` …, `PORT` (every container platform —
    /// Cloud Run, Heroku, Render, Railway, Fly — assigns it), and the platforms' own prefixes.
    static let builtIns: Set<String> = ["NODE_ENV", "CI", "DEV", "PROD", "MODE", "SSR", "BASE_URL", "HOME", "PATH", "PWD",
                                        "USER", "SHELL", "TMPDIR", "TEMP", "TMP", "TERM", "LANG", "HOSTNAME", "TZ",
                                        "NEXT_RUNTIME", "NODE_OPTIONS", "VITEST", "JEST_WORKER_ID", "PLAYWRIGHT", "PORT",
                                        // Build tools (Create React App's PUBLIC_URL, Vercel's
                                        // linked Edge Config) and the terminal a CLI runs in.
                                        "PUBLIC_URL", "EDGE_CONFIG", "FORCE_COLOR", "NO_COLOR", "COLORTERM",
                                        "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "TMUX", "STY", "WT_SESSION",
                                        "WSL_DISTRO_NAME", "WSL_INTEROP", "SSH_CONNECTION", "SSH_TTY", "EDITOR", "VISUAL",
                                        // What GitHub Actions sets in every job (an app's own
                                        // GITHUB_CLIENT_SECRET or GITHUB_BUG_REPORT_TOKEN is not).
                                        "GITHUB_ACTIONS", "GITHUB_ACTION", "GITHUB_ACTION_PATH", "GITHUB_ACTION_REPOSITORY",
                                        "GITHUB_ACTOR", "GITHUB_ACTOR_ID", "GITHUB_API_URL", "GITHUB_BASE_REF", "GITHUB_ENV",
                                        "GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITHUB_GRAPHQL_URL", "GITHUB_HEAD_REF",
                                        "GITHUB_JOB", "GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_REF", "GITHUB_REF_NAME",
                                        "GITHUB_REF_PROTECTED", "GITHUB_REF_TYPE", "GITHUB_REPOSITORY", "GITHUB_REPOSITORY_ID",
                                        "GITHUB_REPOSITORY_OWNER", "GITHUB_REPOSITORY_OWNER_ID", "GITHUB_RETENTION_DAYS",
                                        "GITHUB_RUN_ATTEMPT", "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "GITHUB_SERVER_URL",
                                        "GITHUB_SHA", "GITHUB_STATE", "GITHUB_STEP_SUMMARY", "GITHUB_TRIGGERING_ACTOR",
                                        "GITHUB_WORKFLOW", "GITHUB_WORKFLOW_REF", "GITHUB_WORKFLOW_SHA", "GITHUB_WORKSPACE",
                                        // Google Cloud's runtimes (App Engine, Cloud Run, Functions).
                                        "GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT", "GCP_PROJECT", "K_SERVICE", "K_REVISION",
                                        "K_CONFIGURATION", "FUNCTION_TARGET",
                                        // Fly.io's machines and AWS's container and function runtimes.
                                        "FLY_APP_NAME", "FLY_MACHINE_ID", "FLY_ALLOC_ID", "FLY_REGION", "FLY_PUBLIC_IP",
                                        "FLY_PRIVATE_IP", "FLY_IMAGE_REF", "FLY_MACHINE_VERSION", "FLY_PROCESS_GROUP",
                                        "FLY_VM_MEMORY_MB", "ECS_CONTAINER_METADATA_URI", "ECS_CONTAINER_METADATA_URI_V4",
                                        "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME"]
    /// Platforms' and test runners' own prefixes; `CI_` is GitLab's and the name teams give a
    /// switch set only by their CI job.
    static let builtInPrefixes = ["RUNNER_", "VERCEL_", "NETLIFY_", "npm_", "PLAYWRIGHT_", "CYPRESS_", "VITEST_",
                                  "CI_", "VSCODE_", "TERMINAL_", "XDG_", "LC_"]

    static func isBuiltIn(_ name: String) -> Bool {
        builtIns.contains(name) || builtInPrefixes.contains { name.hasPrefix($0) } || name == "VERCEL" || name == "NETLIFY"
    }

    /// Test code (`TestCode`, evaluation harnesses included): it sets up the environment it reads.
    static func isTest(_ path: String) -> Bool {
        TestCode.contains(path)
    }

    /// Operator scripts (`scripts/reset_admin_password.py`, `deploy/sandbox.py`), run by hand or
    /// by a CI job with their inputs on the command line: not the deployed application's settings.
    static func isOperatorScript(_ path: String) -> Bool {
        let framed = "/" + path
        return ["/scripts/", "/deploy/", "/deployment/"].contains { framed.contains($0) }
    }

    /// Data migrations (Alembic, Django, Rails, Knex …): each runs once, at an upgrade.
    static let migrationMarkers = ["/migrations/", "/alembic/", "/migrate/"]

    static func isMigration(_ path: String) -> Bool {
        let framed = "/" + path
        return migrationMarkers.contains { framed.contains($0) }
    }

    /// Tool configuration run in a developer's or a builder's shell (`vite.config.ts`,
    /// `next.config.mjs`, `playwright.config.ts`, `playwright.config.preview.ts`): its variables
    /// are switches given on the command line (`ANALYZE=true next build`), not settings of the
    /// deployed application.
    static func isToolConfiguration(_ path: String) -> Bool {
        let ext = extensionOf(path)
        guard codeExtensions[ext] == "javascript" else { return false }
        return baseName(path).dropLast(ext.count + 1).split(separator: ".").dropFirst().contains("config")
    }

    /// Folders of code kept but no longer run: `legacy/`, `deprecated/`, `archive/`.
    static let retiredFolders: Set<String> = ["legacy", "deprecated", "archive", "archived"]

    static func isRetired(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains { retiredFolders.contains($0.lowercased()) }
    }

    /// Configuration examples other than env templates (`config.example.yaml`,
    /// `settings.sample.toml`): the `$NAME` / `${NAME}` they reference are documented there.
    static func isConfigurationExample(_ path: String) -> Bool {
        let name = baseName(path).lowercased()
        guard ["yaml", "yml", "toml", "json", "ini", "conf"].contains(extensionOf(name)) else { return false }
        return name.split(separator: ".").dropLast().contains { templateSuffixes.contains(String($0)) }
    }

    private static let referencedName = try! NSRegularExpression(pattern: #"\$\{?([A-Z][A-Z0-9_]{2,})"#)

    /// The variables `$NAME` or `${NAME}` in `text`.
    static func referencedNames(_ text: SourceText) -> Set<String> {
        captures(of: referencedName, in: text, onLinesWith: "$")
    }

    /// What the first group of `pattern` captures on the lines of `text` holding `marker`.
    static func captures(of pattern: NSRegularExpression, in text: SourceText, onLinesWith marker: String) -> Set<String> {
        var found: Set<String> = []
        for line in text.lines where line.contains(marker) {
            let string = String(line)
            for match in pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)) {
                if let range = Range(match.range(at: 1), in: string) { found.insert(String(string[range])) }
            }
        }
        return found
    }
}

extension EnvFiles {
    /// Words that make a variable a switch of the test suite (`CONTINUE_CLI_TEST`,
    /// `SMOKE_MODEL`, `E2E_BASE_URL`): set by the tests that use it, not by a deployment.
    static let testSwitchWords: Set<Substring> = ["TEST", "TESTS", "TESTING", "SMOKE", "E2E"]

    static func isTestSwitch(_ name: String) -> Bool {
        name.uppercased().split(separator: "_").contains { testSwitchWords.contains($0) }
    }
}
