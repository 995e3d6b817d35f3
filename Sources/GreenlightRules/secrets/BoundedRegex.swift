import Foundation
import GreenlightCore

/// A `UserPattern` whose every search is bounded in time: the search reports progress during
/// long matches and stops when its deadline passes.
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

    /// Every match in `text`, stopping after `limit` matches or when `timeLimit` seconds have
    /// passed (then `timedOut`).
    public func matches(in text: String, limit: Int = 1000, timeLimit: Double) -> (matches: [Match], timedOut: Bool) {
        // The clock starts when a search first reports progress, so the many short searches
        // never pay for it.
        var deadline: UInt64?
        var progress = 0
        let limitNanoseconds = UInt64(max(0, timeLimit) * 1_000_000_000)
        var found: [Match] = []
        var timedOut = false
        let groups = regex.groupCount
        let range = NSRange(location: 0, length: text.utf16.count)
        regex.enumerateMatches(in: text, range: range, reportProgress: true) { result, stop in
            if let result {
                found.append(Match(ranges: (0...groups).map { result.range(at: $0) }))
                if found.count >= limit { stop.pointee = true }
            }
            guard result == nil else { return }
            // ICU calls back at every start position of a search, and every few thousand
            // steps within a long match: read the clock on every 256th call.
            progress &+= 1
            guard progress & 255 == 0 else { return }
            let now = DispatchTime.now().uptimeNanoseconds
            guard let limit = deadline else {
                deadline = now &+ limitNanoseconds
                return
            }
            if now > limit {
                timedOut = true
                stop.pointee = true
            }
        }
        return (found, timedOut)
    }
}
