import Foundation

/// JSON schema v1: pretty-printed with sorted keys, so the same run gives the same bytes.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: CheckReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
