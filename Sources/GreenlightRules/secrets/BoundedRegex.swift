import Foundation
import GreenlightCore

/// A `UserPattern` whose every search is bounded in work: the search counts its progress
/// reports and stops past a budget, so a catastrophic pattern ends at the same place on every
/// machine and under any load.
public final class BoundedRegex: @unchecked Sendable {
    // UserPattern is immutable and thread-safe for matching.
    public let pattern: String
    private let regex: UserPattern

    public struct Match {
        /// UTF-16 ranges of the whole match (index 0) and each group; `location` is NSNotFound
        /// for a group that did not take part.
        public let ranges: [NSRange]
    }

    public init(_ pattern: String) throws {
        regex = try UserPattern(pattern)
        self.pattern = pattern
    }

    /// A built-in pack's regex, as generated from the pack: the test that generated it
    /// compiled it, so a failure here is a stale generated file, which that test reports.
    static func builtin(_ pattern: String) -> BoundedRegex {
        try! BoundedRegex(pattern)
    }

    public var groupCount: Int { regex.groupCount }

    /// Every match in `text`, stopping after `limit` matches or when the search's budget runs
    /// out (then `exhausted`; see `UserPattern.enumerateMatches`).
    public func matches(in text: String, limit: Int = 1000, budget: Int) -> (matches: [Match], exhausted: Bool) {
        var found: [Match] = []
        let groups = regex.groupCount
        let exhausted = regex.enumerateMatches(in: text, range: NSRange(location: 0, length: text.utf16.count), budget: budget) {
            result, stop in
            found.append(Match(ranges: (0...groups).map { result.range(at: $0) }))
            if found.count >= limit { stop.pointee = true }
        }
        return (found, exhausted)
    }
}
