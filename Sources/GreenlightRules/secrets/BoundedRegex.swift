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

    public var groupCount: Int { regex.groupCount }

    /// Every match in `text`, stopping after `limit` matches or once the search has reported
    /// progress more than `text`'s length plus `budget` times (then `exhausted`). ICU reports
    /// progress once per start position and once per 10,000 steps of matching, so the budget is
    /// in units of 10,000 steps beyond a linear scan: a count, not a clock, so the same bytes
    /// stop at the same place under any load (2,000 is about 0.2 s on a 2020s core).
    public func matches(in text: String, limit: Int = 1000, budget: Int) -> (matches: [Match], exhausted: Bool) {
        var found: [Match] = []
        var exhausted = false
        let groups = regex.groupCount
        let length = text.utf16.count
        let range = NSRange(location: 0, length: length)
        var reports = 0
        let allowed = length + max(0, budget)
        regex.enumerateMatches(in: text, range: range, reportProgress: true) { result, stop in
            if let result {
                found.append(Match(ranges: (0...groups).map { result.range(at: $0) }))
                if found.count >= limit { stop.pointee = true }
                return
            }
            reports += 1
            if reports > allowed {
                exhausted = true
                stop.pointee = true
            }
        }
        return (found, exhausted)
    }
}
