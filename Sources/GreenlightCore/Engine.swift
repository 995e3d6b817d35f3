import Foundation
import Yams

/// Runs the registered rules over a snapshot and settles each finding: severity from the
/// config, inline suppressions, the baseline, a stable order and unique fingerprints.
public struct Engine {
    public let rules: [any Rule.Type]
    public let sections: [any ConfigSection.Type]
    /// The families whose figures the run reports, after their rules.
    public let units: [any Family.Type]

    /// Every family's rules and sections, plus sections beyond the families (`report:`, …).
    public init(families: [any Family.Type], sections extra: [any ConfigSection.Type] = []) {
        rules = families.flatMap { $0.rules }
        sections = families.compactMap { $0.section } + extra
        units = families
    }

    /// Loose rules and sections, outside any family (for tests of one piece).
    public init(rules: [any Rule.Type], sections: [any ConfigSection.Type] = []) {
        self.rules = rules
        self.sections = sections
        units = []
    }

    /// The top-level config keys the families add.
    public var sectionKeys: Set<String> { Set(sections.map { $0.key }) }

    public var ruleIDs: Set<String> { Set(rules.map { $0.description.id }) }
    public var families: Set<String> { Set(rules.map { $0.description.family }) }

    /// Which families run: `only` (if non-empty) minus `skip`. Unknown family names are usage
    /// errors.
    public func selectFamilies(only: [String], skip: [String]) throws -> Set<String> {
        for name in only + skip where !families.contains(name) {
            throw ToolError.usage("unknown rule family '\(name)' (families: \(families.sorted().joined(separator: ", ")))")
        }
        let base = only.isEmpty ? families : Set(only)
        return base.subtracting(skip)
    }

    /// Decode every configured rule's options up front, so a bad option fails the run
    /// (exit 2) even if its rule would not run.
    public func validate(_ config: Config) throws {
        for rule in rules {
            _ = try options(for: rule, in: config)
        }
        _ = try decodeSections(config)
    }

    /// Every registered section, decoded from the config or defaulted.
    public func decodeSections(_ config: Config) throws -> [String: any ConfigSection] {
        var decoded: [String: any ConfigSection] = [:]
        for section in sections {
            decoded[section.key] = try decode(section, from: config)
        }
        return decoded
    }

    private func decode<S: ConfigSection>(_ section: S.Type, from config: Config) throws -> S {
        guard let node = config.sections[S.key] else { return S() }
        do {
            return try YAMLDecoder().decode(S.self, from: node)
        } catch {
            let file = config.path ?? Config.defaultFileName
            throw ToolError.usage(YAMLDiagnostics.describe(error, root: node, file: file, prefix: []) + " (in \(S.key))")
        }
    }

    /// The findings of a run, and the figures the families gathered for reports.
    public struct Result {
        public let findings: [Finding]
        public let facts: ReportFacts
    }

    public func run(
        snapshot: RepositorySnapshot,
        config: Config,
        now: Date,
        families: Set<String>? = nil,
        baseline: Baseline? = nil,
        live: LiveAccess = LiveAccess(),
        scanHistory: Bool = false
    ) throws -> [Finding] {
        try evaluate(snapshot: snapshot, config: config, now: now, families: families, baseline: baseline, live: live,
                     scanHistory: scanHistory).findings
    }

    public func evaluate(
        snapshot: RepositorySnapshot,
        config: Config,
        now: Date,
        families: Set<String>? = nil,
        baseline: Baseline? = nil,
        live: LiveAccess = LiveAccess(),
        scanHistory: Bool = false
    ) throws -> Result {
        let context = RuleContext(
            snapshot: snapshot, now: now, knownRuleIDs: ruleIDs, sections: try decodeSections(config),
            live: live, configFile: Self.configFile(config.path, root: snapshot.root), scanHistory: scanHistory)
        var findings: [Finding] = []
        var ran: Set<String> = []
        for rule in rules {
            let description = rule.description
            if let families, !families.contains(description.family) { continue }
            let setting = config.rules[description.id]
            if setting?.level == .off { continue }
            var produced = try check(rule, context: context, config: config)
            if let severity = setting?.level?.severity {
                for index in produced.indices { produced[index].severity = severity }
            }
            findings += produced
            ran.insert(description.family)
        }
        var off: [String] = []
        for unit in units where families?.contains(unit.name) ?? true {
            if ran.contains(unit.name) {
                try unit.reportFacts(context)
            } else if !unit.rules.isEmpty {
                off.append(unit.name)
            }
        }
        if !off.isEmpty { context.facts.familiesOff = off }
        try applySuppressions(&findings, snapshot: snapshot)
        findings.sort(by: Finding.reportOrder)
        Fingerprint.disambiguate(&findings)
        if let accepted = baseline?.fingerprints {
            for index in findings.indices where accepted.contains(findings[index].fingerprint) {
                findings[index].baselined = true
            }
        }
        return Result(findings: findings, facts: context.facts)
    }

    /// The config file's path relative to the repository root when inside it.
    static func configFile(_ path: String?, root: String) -> String {
        guard let path else { return Config.defaultFileName }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private func check<R: Rule>(_ rule: R.Type, context: RuleContext, config: Config) throws -> [Finding] {
        let options = try options(for: rule, in: config)
        return try R().check(context, options: options)
    }

    private func options<R: Rule>(for rule: R.Type, in config: Config) throws -> R.Options {
        guard let setting = config.rules[R.description.id], let node = setting.options else { return R.Options() }
        do {
            return try YAMLDecoder().decode(R.Options.self, from: node)
        } catch {
            let file = config.path ?? Config.defaultFileName
            let detail = YAMLDiagnostics.describe(error, root: node, file: file)
            throw ToolError.usage(detail + " (options of \(R.description.id))")
        }
    }

    /// Inline suppressions of the snapshot's files. Findings about a git object (`commit` set)
    /// point into that object, not the snapshot: their rule settles their suppressions.
    private func applySuppressions(_ findings: inout [Finding], snapshot: RepositorySnapshot) throws {
        var byPath: [String: [Suppression]] = [:]
        for index in findings.indices where findings[index].line > 0 && findings[index].commit == nil {
            let path = findings[index].path
            if byPath[path] == nil {
                byPath[path] = try snapshot.text(at: path).map(SuppressionParser.parse) ?? []
            }
            let finding = findings[index]
            if let match = byPath[path]?.first(where: { $0.covers(rule: finding.rule, line: finding.line) }) {
                findings[index].suppressed = true
                findings[index].suppressionReason = match.reason
            }
        }
    }
}
