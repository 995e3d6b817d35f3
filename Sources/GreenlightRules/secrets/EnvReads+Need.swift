/// What shows that a variable must be set: the read itself fails without it, the code tests
/// its absence and fails, or it is a credential — and which names cannot be empty.
extension EnvReads {
    /// Evidence that a read's variable must be set, weakest first.
    enum Need: Int, Comparable {
        /// A key, secret, token or password: something the code hands to a service that checks it.
        case credential
        /// Its default is an address on the developer's machine: a deployment must set it.
        case localDefault
        /// An `if` tests its absence, or the absence of the local holding it, and the branch fails.
        case failsWithout
        /// `os.environ["X"]`, `process.env.X!`, `ENV.fetch("X")`: no value is an error at the read.
        case hardRead

        /// The code itself fails without the variable. A credential's name or a development
        /// default only suggests a deployment sets it: on the field corpus such findings were
        /// true in 14 of 24 cases, against 25 of 28 for a read that fails.
        var isProof: Bool { self >= .failsWithout }

        static func < (a: Need, b: Need) -> Bool { a.rawValue < b.rawValue }

        var phrase: String {
            switch self {
            case .hardRead: return "read with no fallback, so a missing value is an error"
            case .failsWithout: return "the code fails without it"
            case .credential: return "a credential"
            case .localDefault: return "its default only works on a developer's machine"
            }
        }
    }

    /// Last words of credential names.
    static let credentialWords: Set<String> = ["KEY", "APIKEY", "SECRET", "TOKEN", "PASSWORD", "PASS", "PWD",
                                               "CREDENTIAL", "CREDENTIALS"]

    /// The evidence at a read, strongest first.
    static func need(_ name: String, site: EnvReadUse.Site, inCondition: Bool) -> Need? {
        if EnvReadUse.isGuardedByPresence(name, site: site) { return nil }
        let read = site.text[site.start..<site.end]
        let tail = site.text[site.end...]
        // A call's read (`Deno.env.get("X")!`) asserts after its closing parenthesis.
        let asserted = read.hasPrefix("Deno.env.get") ? tail.dropFirst(tail.hasPrefix(")") ? 1 : 0) : tail
        if read.contains("environ[") || read.hasPrefix("ENV.fetch") && tail.hasPrefix(")")
            || asserted.hasPrefix("!") && !asserted.hasPrefix("!=") {
            return .hardRead
        }
        // A switch the code refuses to run without (`if not os.environ.get("REAL_LLM"): exit`)
        // is an opt-in gate: the variable holds no value the program uses.
        if EnvReadUse.failsWithout(site, inCondition: inCondition) {
            return inCondition && !needsValue(name) ? nil : .failsWithout
        }
        if hasLocalDefault(tail, following: site.lines.dropFirst(site.line + 1).first) { return .localDefault }
        return isCredential(name) ? .credential : nil
    }

    /// A key, secret, token or password by its name's words: the last one (`GROQ_API_KEY`,
    /// `AUTH_TOKEN`), a secret or password anywhere (`TENCENT_SECRET_ID`), or an access key's id or
    /// a connection string. `MAX_TOKENS` counts tokens.
    static func isCredential(_ name: String) -> Bool {
        let words = name.uppercased().split(separator: "_").map(String.init)
        guard let last = words.last else { return false }
        if credentialWords.contains(last) || words.contains("SECRET") || words.contains("PASSWORD") { return true }
        let pair = words.suffix(2).joined(separator: "_")
        return pair == "KEY_ID" || pair == "CONNECTION_STRING"
    }

    /// The default after the read (`?? "http://localhost:8912"`, `os.getenv("X", "http://127.0.0.1")`,
    /// on this line or the next) is an address on the developer's machine.
    static func hasLocalDefault(_ tail: Substring, following: Substring?) -> Bool {
        var rest = tail.drop { $0 == ")" || $0 == "]" || $0 == " " || $0 == "\t" }
        if rest.isEmpty, let following { rest = following.drop { $0 == " " || $0 == "\t" } }
        if tail.hasPrefix(",") { rest = tail.dropFirst() } else {
            guard let joint = ["??", "||", "or "].first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(joint.count)
        }
        return literal(rest).map(EnvFiles.holdsLocalURL) ?? false
    }

    /// Last words of names whose value cannot be empty: a credential, an address, an identity.
    /// Any other setting (a list, a filter, a level) works empty.
    static let valueWords: Set<String> = ["KEY", "SECRET", "TOKEN", "PASSWORD", "PASS", "PWD", "CREDENTIALS", "CREDENTIAL",
                                          "URL", "URI", "HOST", "ENDPOINT", "DSN", "ID", "ACCOUNT", "BUCKET", "DATABASE",
                                          "DB", "USER", "USERNAME", "EMAIL", "DOMAIN", "PROJECT", "REGION", "ORG", "NAME",
                                          "PATH", "DIR", "FILE", "PORT", "ADDRESS", "SERVER"]

    static func needsValue(_ name: String) -> Bool {
        name.uppercased().split(separator: "_").last.map { valueWords.contains(String($0)) } ?? true
    }
}
