import Foundation
import GreenlightCore

/// `--now`: the one reading of a fixed clock on the command line.
public enum Clock {
    public static func parse(_ text: String) throws -> Date {
        guard let date = Timestamp.parse(text) else {
            throw ToolError.usage("--now '\(text)' is not an ISO 8601 time (e.g. 2026-11-21T09:00:00Z)")
        }
        return date
    }
}
