import Foundation
import GreenlightCore

/// JSON schema v1: pretty-printed with sorted keys, so the same run gives the same bytes.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: CheckReport) throws -> String {
        try StableJSON.text(report)
    }
}
