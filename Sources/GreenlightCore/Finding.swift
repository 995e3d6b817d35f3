/// One problem a rule found, at one place. Findings are values: rules create them, the engine
/// settles their severity, suppression and baseline state, and the renderers print them.
public struct Finding: Codable, Sendable, Equatable {
    public var rule: String
    public var family: String
    public var severity: Severity
    public var message: String
    /// Path relative to the repository root, `/`-separated.
    public var path: String
    /// 1-based line; 0 when the finding concerns the file as a whole.
    public var line: Int
    /// 1-based column, counted in Unicode scalars; 0 when the finding concerns the whole file.
    public var column: Int
    /// A short suggestion of how to fix it, if the rule has one.
    public var fix: String?
    /// Stable identity across edits elsewhere in the file: see `Fingerprint`.
    public var fingerprint: String
    public var suppressed: Bool
    public var baselined: Bool
    /// The reason given by the `greenlight:ignore` comment that suppressed it.
    public var suppressionReason: String?
    /// For findings about a live endpoint (probes): its name or redacted URL.
    public var endpoint: String?
    /// For findings about a git object rather than the snapshot (history scans, staleness):
    /// the commit id.
    public var commit: String?
    /// What several findings at one place are about (an LLM call site, by its callee): the
    /// message opens with it, and the text and Markdown output write it once over the
    /// findings of different rules that share it.
    public var subject: String?

    /// The message after its subject: what this rule says of it.
    public var detail: String {
        guard let subject, message.hasPrefix(subject) else { return message }
        let rest = message.dropFirst(subject.count).drop { $0 == " " || $0 == ":" }
        return rest.isEmpty ? message : String(rest)
    }

    /// Whether `other` is a finding about the same subject at the same place.
    public func sharesSubject(with other: Finding) -> Bool {
        subject != nil && subject == other.subject && path == other.path && line == other.line && column == other.column
    }

    public init(
        rule: RuleDescription,
        path: String,
        line: Int,
        column: Int,
        message: String,
        matched: String,
        fix: String? = nil
    ) {
        self.rule = rule.id
        self.family = rule.family
        self.severity = rule.severity
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.fix = fix
        self.fingerprint = Fingerprint.make(rule: rule.id, path: path, matched: matched)
        self.suppressed = false
        self.baselined = false
        self.suppressionReason = nil
    }

    /// Blocks the gate: an error that is neither suppressed nor baselined.
    public var isBlocking: Bool { severity == .error && !suppressed && !baselined }

    /// Counts toward the posture and the summary's errors/warnings/notes.
    public var isLive: Bool { !suppressed && !baselined }

    /// Report order: path, line, column, rule, message.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

/// A finding's stable identity: the rule, the path and a hash of the normalised matched text —
/// never the line number, so it survives edits above it. Baselines and history use it to tell
/// new findings from known and fixed ones.
public enum Fingerprint {
    public static func make(rule: String, path: String, matched: String) -> String {
        let digest = SHA256.hex(rule + "\u{0}" + path + "\u{0}" + normalise(matched))
        return "\(rule):\(path):\(digest.prefix(16))"
    }

    /// Whitespace runs collapse to one space; leading and trailing whitespace go.
    public static func normalise(_ text: String) -> String {
        guard let ascii = normaliseASCII(text) else {
            return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return ascii
    }

    /// `normalise` for ASCII text, byte by byte: there the whitespace characters are exactly
    /// tab, line feed, vertical tab, form feed, carriage return and space (and `\r\n`, one
    /// character, is whitespace as a whole). Nil when the text is not ASCII.
    private static func normaliseASCII(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pending = !out.isEmpty
            } else {
                if pending { out.append(0x20) }
                pending = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Identical fingerprints in one run (the same text matched twice in a file) get an
    /// occurrence suffix in report order: the second becomes `…#2`, and so on.
    public static func disambiguate(_ findings: inout [Finding]) {
        var seen: [String: Int] = [:]
        for index in findings.indices {
            let base = findings[index].fingerprint
            let count = (seen[base] ?? 0) + 1
            seen[base] = count
            if count > 1 { findings[index].fingerprint = base + "#\(count)" }
        }
    }
}

/// Counts of a run's findings.
public struct Summary: Codable, Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    public var suppressed = 0
    public var baselined = 0

    public init(findings: [Finding]) {
        for finding in findings {
            if finding.suppressed {
                suppressed += 1
            } else if finding.baselined {
                baselined += 1
            } else {
                switch finding.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .note: notes += 1
                }
            }
        }
    }
}
