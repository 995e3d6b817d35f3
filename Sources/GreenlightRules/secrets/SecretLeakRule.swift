import GreenlightCore

/// `secrets.leak`: a committed secret — a well-known token shape, a password in a URL, a
/// credential in an env or configuration line — one finding per secret, naming the pattern, showing at
/// most 4 characters, the length and a fingerprint. With `check --scan-history`, every blob in
/// history is scanned once, and secrets that are gone from the snapshot are reported where they
/// first appeared. Shape: a stateless pass over every text file (and every historical blob).
public struct SecretLeakRule: FileVisitingRule {
    public static let description = RuleDescription(
        id: "secrets.leak",
        severity: .error,
        summary: "A secret (API key, token, private key, password) is committed",
        rationale: """
            A secret in git is readable by everyone with the repository, in every clone and \
            fork, forever: deleting the line does not delete the commit. Patterns come from the \
            rule packs built into Greenlight (checks/secrets-*.yml) and from `secrets.packs`: \
            vendors' token shapes, private keys, passwords in URLs and credentials in env and \
            configuration lines here, random values no shape identifies in \
            `secrets.random-value` (patterns marked `confidence: low`). A \
            keyword prefilter decides where they run, generic assignments must pass an entropy \
            floor, and allowlists (`secrets.allow`: paths, regexes, stopwords such as example, \
            dummy, xxxx, <your-key>, words of a credential's name such as redacted or \
            publishable) and inline suppressions say what is not a secret — and so do the \
            allowlists the team keeps for gitleaks (`.gitleaks.toml`'s `[allowlist]` and \
            `[[allowlists]]`, `.gitleaksignore`), whose findings are reported as suppressed with \
            the allowlist's description. The value \
            itself is never shown: at most 4 characters, its length and a fingerprint. Fix: \
            remove it, rotate it, and read it from the environment. `check --scan-history` also \
            scans every blob reachable from any ref and reports the first commit of each secret.
            """,
        configKeys: [
            ConfigKey("secrets.packs", "extra rule packs (YAML files in the repository)", default: "none"),
            ConfigKey("secrets.disable", "pattern ids to switch off", default: "none"),
            ConfigKey("secrets.allow", "paths (globs), regexes, stopwords and name words that are not secrets", default: "none"),
            ConfigKey("secrets.max_findings_per_file", "secrets reported per file before the rest are summarised", default: "100"),
        ],
        triggering: SecretLeakExamples.triggering,
        nonTriggering: SecretLeakExamples.nonTriggering
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try Self.findings(context, confidence: .high, rule: Self.description)
    }

    /// The findings of the patterns of one confidence — `secrets.leak`'s, or the random values
    /// `secrets.random-value` notes — in the snapshot and, with `--scan-history`, in history.
    static func findings(_ context: RuleContext, confidence: SecretConfidence, rule: RuleDescription) throws -> [Finding] {
        let scanner = try SecretScanner.configured(for: context)
        var findings: [Finding] = []
        var located: [String: Int] = [:]
        let defaults = try EnvFiles.templateValues(context)
        let gitleaks = try GitleaksAllowlists.of(context)
        // What the team's gitleaks configuration allows stays visible, as suppressed.
        let judged = { (finding: Finding, match: SecretMatch, path: String, commit: String?) -> Finding in
            guard !finding.suppressed, let reason = gitleaks.reason(match, path: path, commit: commit) else { return finding }
            var allowed = finding
            allowed.suppressed = true
            allowed.suppressionReason = reason
            return allowed
        }
        let reported = { (match: SecretMatch, path: String) -> Bool in
            match.pattern.confidence == confidence && (!defaults.contains(match.secret) || EnvFiles.isTemplate(path))
        }
        for (entry, result) in try visits(context).files {
            for match in result.matches where reported(match, entry.path) {
                located[key(match)] = findings.count
                findings.append(judged(finding(match, path: entry.path, rule: rule), match, entry.path, nil))
            }
            if confidence == .high { findings += notes(result, path: entry.path, scanner: scanner).map { $0(rule) } }
        }
        guard context.scanHistory else { return findings }
        let history = try SecretHistoryScan.of(context)
        for first in history.secrets where reported(first.match, first.blob.path) {
            let key = key(first.match)
            let when = "\(first.blob.commit.prefix(12)) (\(Timestamp.format(first.blob.authorTime)))"
            if let index = located[key] {
                let place = first.blob.path == findings[index].path ? "" : " as \(first.blob.path)"
                findings[index].message += "; in history since commit \(when)\(place)"
                continue
            }
            var leak = finding(first.match, path: first.blob.path, rule: rule)
            leak.message += "; committed in \(when), no longer in the snapshot but still in history: rotate it"
            leak.commit = first.blob.commit
            if let reason = first.suppression {
                leak.suppressed = true
                leak.suppressionReason = reason
            }
            findings.append(judged(leak, first.match, first.blob.path, first.blob.commit))
        }
        if confidence == .high { findings += history.notes.map { $0(rule) } }
        return findings
    }

    public static func fileVisitor(_ context: RuleContext) throws -> SecretFileScan {
        SecretFileScan(scanner: try SecretScanner.configured(for: context), keepsEmpty: context.scanHistory)
    }

    static func key(_ match: SecretMatch) -> String { match.pattern.id + "\u{0}" + match.secret }

    static func finding(_ match: SecretMatch, path: String, rule: RuleDescription) -> Finding {
        Finding(
            rule: rule, path: path, line: match.line, column: match.column,
            message: "\(match.pattern.title) \(RedactedSecret(match.secret)) [\(match.pattern.pack)/\(match.pattern.id)]",
            matched: Self.key(match),
            fix: "remove it, rotate it (git history keeps it), and read it from the environment or a secret store")
    }

    /// The per-file cap, said out loud.
    static func notes(_ result: SecretScanResult, path: String, scanner: SecretScanner) -> [(RuleDescription) -> Finding] {
        var notes: [(RuleDescription) -> Finding] = []
        if result.capped {
            let cap = scanner.limits.maxFindingsPerFile
            notes.append { rule in
                Finding(rule: rule, path: path, line: 1, column: 1,
                        message: "more than \(cap) secrets in this file: only the first \(cap) are reported (secrets.max_findings_per_file)",
                        matched: "cap")
            }
        }
        return notes
    }
}

/// The secrets scan of each text file, in the run's one pass over every file. With
/// `--scan-history` empty results are kept too: the history scan skips the blobs already
/// scanned.
public struct SecretFileScan: FileVisitor {
    public static let key = SharedKey<FileVisits<SecretScanResult>>("secrets.scan")
    let scanner: SecretScanner
    let keepsEmpty: Bool

    public func wants(_ entry: SnapshotEntry) -> Bool { true }

    public func visit(_ entry: SnapshotEntry, bytes: [UInt8]) throws -> SecretScanResult? {
        kept(scanner.scan(bytes, path: entry.path))
    }

    /// A UTF-16 file or a text with stray NULs is scanned; any other file that is not text is
    /// said to be unscanned (a missing blob is `core.missing-object`'s to say).
    public func visitSkipped(_ entry: SnapshotEntry, kind: EntryKind, bytes: [UInt8]?, size: Int?) throws -> SecretScanResult? {
        guard !scanner.allowsPath(entry.path) else { return nil }
        var result = SecretScanResult()
        switch kind {
        case .binary:
            if let bytes, let text = ScannableText.recover(bytes) { return kept(scanner.scan(text, path: entry.path)) }
            result.unscanned = .binary
        case .tooLarge: result.unscanned = .tooLarge(size ?? 0)
        case .lfsPointer: result.unscanned = .lfsPointer
        case .text, .symlink, .submodule, .missing: return nil
        }
        return result
    }

    private func kept(_ result: SecretScanResult) -> SecretScanResult? {
        keepsEmpty || !result.isEmpty ? result : nil
    }
}
