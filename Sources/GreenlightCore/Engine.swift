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
        var errors: [ToolError] = []
        for rule in rules {
            do { _ = try options(for: rule, in: config) } catch let error as ToolError { errors.append(error) }
        }
        for section in sections {
            do { _ = try decode(section, from: config) } catch let error as ToolError { errors.append(error) }
        }
        if let error = ToolError.combined(errors) { throw error }
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
        return try decode(S.self, from: node, in: config, naming: "in \(S.key)")
    }

    /// A part of the configuration decoded; an error names its `file:line:col` and the part.
    private func decode<T: Decodable>(_ type: T.Type, from node: Node, in config: Config, naming part: String) throws -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: node)
        } catch {
            let file = config.path ?? Config.defaultFileName
            throw ToolError.usage(YAMLDiagnostics.describe(error, root: node, file: file) + " (\(part))")
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
        scanHistory: Bool = false,
        progress: RunProgress? = nil
    ) throws -> Result {
        let sections = try decodeSections(config)
        let configFile = Self.configFile(config.path, root: snapshot.root)
        // Each family is checked on its own context — in parallel when the snapshot allows it —
        // and the parts are joined in family order, so the result is the sequential one.
        let parts: [(rules: [any Rule.Type], unit: (any Family.Type)?)] = units.isEmpty
            ? [(rules, nil)]
            : units.filter { families?.contains($0.name) ?? true }.map { ($0.rules, $0) }
        let parses = ParseCache()
        let contexts = parts.map { _ in
            ContextSlot(RuleContext(snapshot: snapshot, now: now, knownRuleIDs: ruleIDs, sections: sections,
                                    live: live, configFile: configFile, scanHistory: scanHistory, parses: parses))
        }
        // One read of every file for all the families that read every file.
        var visitors: [(part: Int, visitor: any FileVisitor)] = []
        for (index, part) in parts.enumerated() {
            var keys: Set<String> = []
            for rule in part.rules where willRun(rule, config: config, families: families) {
                // One visitor per key: the three ai rules share one, built once.
                guard let visiting = rule as? any FileVisitingRule.Type, keys.insert(visiting.visitorKey).inserted,
                      let visitor = try? visiting.fileVisitor(contexts[index].held) else { continue }
                visitors.append((index, visitor))
            }
        }
        if !visitors.isEmpty {
            progress?.readingFiles(true)
            defer { progress?.readingFiles(false) }
            let visits = try FilePass.run(visitors.map(\.visitor), over: snapshot)
            for (visitor, result) in zip(visitors, visits) { visitor.visitor.store(result, in: contexts[visitor.part].held) }
        }
        // Longest first; the outcomes are put back in family order whatever order they finish in.
        let order = parts.indices.filter { parts[$0].unit?.readsEveryFile == true }
            + parts.indices.filter { parts[$0].unit?.readsEveryFile != true }
        let checked = try OrderedParallelMap.map(order, concurrently: snapshot.readsConcurrently) { index in
            Swift.Result { () throws -> FamilyOutcome in
                let context = contexts[index].held
                let name = parts[index].unit?.name
                name.map { progress?.started($0) }
                // What the family built for the run (its ledgers, its pass results) goes with it.
                defer {
                    contexts[index].context = nil
                    name.map { progress?.finished($0) }
                }
                let (findings, ran) = try self.check(parts[index], context: context, config: config, families: families)
                if ran, let unit = parts[index].unit { try unit.reportFacts(context) }
                return FamilyOutcome(findings: findings, ran: ran, facts: context.facts)
            }
        }
        // An error is thrown in family order, as the sequential loop would have.
        var outcomes = [Swift.Result<FamilyOutcome, Error>?](repeating: nil, count: parts.count)
        for (position, index) in order.enumerated() { outcomes[index] = checked[position] }
        var findings: [Finding] = []
        var facts = ReportFacts()
        var off: [String] = []
        for (index, outcome) in outcomes.enumerated() {
            guard let part = try outcome?.get() else { continue }
            findings += part.findings
            facts.merge(part.facts)
            if let unit = parts[index].unit, !part.ran, !unit.rules.isEmpty { off.append(unit.name) }
        }
        if !off.isEmpty { facts.familiesOff = off }
        try applySuppressions(&findings, snapshot: snapshot)
        findings.sort(by: Finding.reportOrder)
        Fingerprint.disambiguate(&findings)
        if let accepted = baseline?.fingerprints {
            for index in findings.indices where accepted.contains(findings[index].fingerprint) {
                findings[index].baselined = true
            }
        }
        return Result(findings: findings, facts: facts)
    }

    /// One family's part of a run.
    private struct FamilyOutcome {
        let findings: [Finding]
        /// Whether any of its rules ran (the config may switch all of them off).
        let ran: Bool
        let facts: ReportFacts
    }

    /// A family's context, dropped once the family is checked.
    private final class ContextSlot {
        var context: RuleContext?
        init(_ context: RuleContext) { self.context = context }
        var held: RuleContext { context! }
    }

    /// Whether the rule runs: its family is selected and the config does not switch it off.
    private func willRun(_ rule: any Rule.Type, config: Config, families: Set<String>?) -> Bool {
        let description = rule.description
        if let families, !families.contains(description.family) { return false }
        return config.rules[description.id]?.level != .off
    }

    /// The rules of one part with the configured severities, their findings in rule order
    /// (the rules run at once when the family allows it and the snapshot can be read so).
    private func check(
        _ part: (rules: [any Rule.Type], unit: (any Family.Type)?), context: RuleContext, config: Config,
        families: Set<String>?
    ) throws -> (findings: [Finding], ran: Bool) {
        let running = part.rules.filter { willRun($0, config: config, families: families) }
        guard !running.isEmpty else { return ([], false) }
        part.unit?.prepare(context)
        let concurrently = part.unit?.checksRulesConcurrently == true && context.snapshot.readsConcurrently
        let produced = try OrderedParallelMap.map(running, concurrently: concurrently) { rule in
            var produced = try check(rule, context: context, config: config)
            if let severity = config.rules[rule.description.id]?.level?.severity {
                for index in produced.indices { produced[index].severity = severity }
            }
            return FindingCap().apply(produced)
        }
        return (Array(produced.joined()), true)
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
        return try decode(R.Options.self, from: node, in: config, naming: "options of \(R.description.id)")
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
