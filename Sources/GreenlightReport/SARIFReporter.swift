import Foundation
import GreenlightCore

/// SARIF 2.1.0 for code scanning: one run, the rules that ran with their documentation, every
/// finding as a result with its location, its fingerprint and, when suppressed or baselined,
/// a suppression. Sorted keys, so the same run gives the same bytes.
public struct SARIFReporter: Reporter {
    public static let version = "2.1.0"
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The `partialFingerprints` key that carries the finding's fingerprint.
    public static let fingerprintKey = "greenlightFingerprint/v1"

    public init() {}

    public func render(_ report: CheckReport) throws -> String {
        let rules = ReportedRule.covering(report.rules, findings: report.findings)
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let overrides = rules.enumerated().compactMap { position, rule in
            rule.severity == rule.defaultSeverity ? nil : SARIFLog.Override(
                descriptor: .init(id: rule.id, index: position), configuration: .init(level: rule.severity))
        }
        let run = SARIFLog.Run(
            tool: .init(driver: .init(
                name: "Greenlight", version: report.tool.version, semanticVersion: report.tool.version,
                informationUri: RuleHelp.homepage, rules: rules.map(descriptor))),
            invocations: [.init(
                executionSuccessful: true, exitCode: report.exitCode, endTimeUtc: report.generatedAt,
                ruleConfigurationOverrides: overrides.isEmpty ? nil : overrides)],
            results: report.findings.map { result($0, ruleIndex: index[$0.rule] ?? 0) },
            columnKind: "unicodeCodePoints",
            properties: .init(posture: report.posture.rawValue, commit: report.repo.commit, source: report.repo.source.rawValue))
        let log = SARIFLog(schema: Self.schema, version: Self.version, runs: [run])
        return try StableJSON.text(log)
    }

    private func descriptor(_ rule: ReportedRule) -> SARIFLog.Descriptor {
        let explain = "Run `greenlight explain \(rule.id)` for examples and configuration keys."
        let help = rule.rationale.isEmpty ? explain : rule.rationale + "\n\n" + explain
        return SARIFLog.Descriptor(
            id: rule.id,
            name: Self.pascalCase(rule.id),
            shortDescription: .init(text: rule.summary),
            fullDescription: rule.rationale.isEmpty ? nil : .init(text: rule.rationale),
            help: .init(text: help, markdown: help),
            helpUri: RuleHelp.url(rule.id),
            defaultConfiguration: .init(level: rule.defaultSeverity),
            properties: Self.properties(rule))
    }

    /// The family as a tag; a leaked credential is also a security finding, with the
    /// `security-severity` code scanning ranks security alerts by (high for an error).
    static func properties(_ rule: ReportedRule) -> SARIFLog.DescriptorProperties {
        guard rule.family == "secrets" else { return .init(tags: [rule.family], securitySeverity: nil) }
        let score: String
        switch rule.defaultSeverity {
        case .error: score = "8.0"
        case .warning: score = "5.0"
        case .note: score = "2.0"
        }
        return .init(tags: ["security", rule.family], securitySeverity: score)
    }

    private func result(_ finding: Finding, ruleIndex: Int) -> SARIFLog.Result {
        var locations: [SARIFLog.Location] = []
        if !finding.path.isEmpty, let commit = finding.commit {
            // A finding in a git object (a secret only in history): the blob at that commit,
            // `COMMIT:PATH` as git names it, with its line — not a line of today's file.
            let blob = "\(commit):\(finding.path)" + (finding.line > 0 ? ":\(finding.line)" : "")
            locations.append(.init(
                physicalLocation: .init(artifactLocation: .init(uri: Self.uri(finding.path), uriBaseId: "%SRCROOT%"), region: nil),
                logicalLocations: [.init(fullyQualifiedName: blob, kind: "object")]))
        } else if !finding.path.isEmpty {
            let region = finding.line > 0
                ? SARIFLog.Region(startLine: finding.line, startColumn: finding.column > 0 ? finding.column : nil) : nil
            locations.append(.init(
                physicalLocation: .init(artifactLocation: .init(uri: Self.uri(finding.path), uriBaseId: "%SRCROOT%"), region: region),
                logicalLocations: nil))
        } else if let endpoint = finding.endpoint {
            locations.append(.init(physicalLocation: nil, logicalLocations: [.init(fullyQualifiedName: endpoint, kind: "resource")]))
        }
        var suppressions: [SARIFLog.Suppression] = []
        if finding.suppressed {
            suppressions.append(.init(kind: "inSource", status: "accepted", justification: finding.suppressionReason))
        }
        if finding.baselined {
            suppressions.append(.init(kind: "external", status: "accepted", justification: "listed in the baseline"))
        }
        let properties = finding.fix != nil || finding.commit != nil || finding.endpoint != nil
            ? SARIFLog.ResultProperties(fix: finding.fix, commit: finding.commit, endpoint: finding.endpoint) : nil
        return SARIFLog.Result(
            ruleId: finding.rule, ruleIndex: ruleIndex, level: finding.severity, message: .init(text: finding.message),
            locations: locations.isEmpty ? nil : locations,
            partialFingerprints: [Self.fingerprintKey: finding.fingerprint],
            suppressions: suppressions.isEmpty ? nil : suppressions,
            properties: properties)
    }

    /// `claims.missing-evidence` → `ClaimsMissingEvidence`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative URI reference: each path segment percent-encoded, `/` kept.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=:")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }
}

/// The parts of the SARIF 2.1.0 object model Greenlight writes. Nil fields are left out.
struct SARIFLog: Encodable {
    let schema: String
    let version: String
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let results: [Result]
        let columnKind: String
        let properties: RunProperties
    }

    struct RunProperties: Encodable {
        let posture: String
        let commit: String?
        let source: String
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let semanticVersion: String
        let informationUri: String
        let rules: [Descriptor]
    }

    struct Descriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message?
        let help: Message
        let helpUri: String
        let defaultConfiguration: Configuration
        let properties: DescriptorProperties
    }

    struct DescriptorProperties: Encodable {
        let tags: [String]
        let securitySeverity: String?

        enum CodingKeys: String, CodingKey {
            case tags
            case securitySeverity = "security-severity"
        }
    }

    struct Configuration: Encodable {
        let level: Severity
    }

    struct Message: Encodable {
        let text: String
        var markdown: String?
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let exitCode: Int32
        let endTimeUtc: String
        let ruleConfigurationOverrides: [Override]?
    }

    struct Override: Encodable {
        let descriptor: DescriptorReference
        let configuration: Configuration
    }

    struct DescriptorReference: Encodable {
        let id: String
        let index: Int
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: Severity
        let message: Message
        let locations: [Location]?
        let partialFingerprints: [String: String]
        let suppressions: [Suppression]?
        let properties: ResultProperties?
    }

    struct ResultProperties: Encodable {
        let fix: String?
        let commit: String?
        let endpoint: String?
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation?
        let logicalLocations: [LogicalLocation]?
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int?
    }

    struct LogicalLocation: Encodable {
        let fullyQualifiedName: String
        let kind: String
    }

    struct Suppression: Encodable {
        let kind: String
        let status: String
        let justification: String?
    }
}
