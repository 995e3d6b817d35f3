import Foundation

/// `.greenlight-baseline.json`: fingerprints of findings accepted as known, which no longer
/// fail the gate. Written by `greenlight baseline`, read by `check` (at the repository root, or
/// `--baseline FILE`).
public struct Baseline: Codable, Sendable, Equatable {
    public static let defaultFileName = ".greenlight-baseline.json"

    public struct Entry: Codable, Sendable, Equatable {
        public let fingerprint: String
        public let rule: String
        public let path: String
        public let message: String
    }

    public var schemaVersion = 1
    public var findings: [Entry]

    /// A baseline of every live finding, in fingerprint order.
    public init(findings: [Finding]) {
        self.findings = findings
            .filter(\.isLive)
            .map { Entry(fingerprint: $0.fingerprint, rule: $0.rule, path: $0.path, message: $0.message) }
            .sorted { $0.fingerprint < $1.fingerprint }
    }

    public var fingerprints: Set<String> { Set(findings.map(\.fingerprint)) }

    public static func load(file path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolError.usage("\(path): cannot read baseline file")
        }
        return try decode(data, file: path)
    }

    /// A baseline's bytes; errors name `path`.
    public static func decode(_ data: Data, file path: String) throws -> Baseline {
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.schemaVersion == 1 else {
                throw ToolError.usage("\(path): unsupported baseline schemaVersion \(baseline.schemaVersion)")
            }
            return baseline
        } catch let error as ToolError {
            throw error
        } catch {
            throw ToolError.usage("\(path): not a Greenlight baseline (expected JSON with schemaVersion and findings)")
        }
    }

    public func encoded() throws -> Data {
        try StableJSON.data(self)
    }
}
