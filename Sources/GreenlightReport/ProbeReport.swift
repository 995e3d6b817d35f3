import Foundation
import GreenlightCore
import GreenlightProbes

/// What `greenlight probe` reports: every probe's result, in JSON schema v1 (keys are only
/// ever added). Every string in it is redacted (see `ProbeResult`).
public struct ProbeReport: Encodable {
    public struct Counts: Encodable {
        public let probes: Int
        public let passed: Int
        public let failed: Int
    }

    public let schemaVersion = 1
    public let tool = CheckReport.Tool(name: GreenlightVersion.name, version: GreenlightVersion.current)
    public let generatedAt: String
    /// The configuration file, as findings name it.
    public let config: String
    public let passed: Bool
    public let exitCode: Int32
    public let probes: [ProbeResult]
    public let summary: Counts

    public init(config: String, now: Date, probes: [ProbeResult]) {
        self.config = config
        self.generatedAt = Timestamp.format(now)
        self.probes = probes
        self.passed = probes.allSatisfy(\.passed)
        self.exitCode = passed ? ExitStatus.passed : ExitStatus.gateFailed
        let passedCount = probes.filter(\.passed).count
        self.summary = Counts(probes: probes.count, passed: passedCount, failed: probes.count - passedCount)
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, tool, generatedAt, config, passed, exitCode, probes, summary
    }
}

/// The formats `probe --format` takes.
public enum ProbeReportFormat: String, CaseIterable, Sendable {
    case text
    case json

    public func render(_ report: ProbeReport) throws -> String {
        switch self {
        case .text: return ProbeTextReporter().render(report)
        case .json:
            return try StableJSON.text(report)
        }
    }
}
