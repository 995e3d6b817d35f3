import Foundation

/// A regular expression that a team or a rule pack supplies — secrets and ai packs, the `ai:`
/// and `secrets:` sections, rule options such as `rules.ci.masked-failure.critical`. One type,
/// one validation policy and one error for all of them: the expression must not be empty, must
/// compile (ICU syntax), and must not nest unbounded quantifiers (`(a+)+`, `(\w*)*`), the shape
/// that backtracks exponentially — so that no configured pattern can stall a run. Decoded from
/// configuration, a bad one fails at its own `file:line:col`.
public final class UserPattern: @unchecked Sendable, Decodable, Equatable, CustomStringConvertible {
    // NSRegularExpression is immutable and documented thread-safe for matching.
    public let source: String
    public let options: Options
    private let expression: NSRegularExpression

    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let caseInsensitive = Options(rawValue: 1)
        /// `^` and `$` match at line boundaries.
        public static let anchorsMatchLines = Options(rawValue: 2)
        /// Shipped in the binary (a built-in pack's or a rule's default), and tested with it:
        /// searched without the step budget's accounting, which costs a call per start
        /// position. Every pattern from a configuration or a team's pack is budgeted.
        public static let shipped = Options(rawValue: 4)
    }

    /// Why a pattern was refused, in one line that names it.
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public init(_ source: String, options: Options = []) throws {
        guard !source.isEmpty else { throw Invalid(description: "empty regular expression") }
        if let group = RegexNesting.unboundedGroup(in: source) {
            throw Invalid(description: "regular expression '\(source)' nests unbounded quantifiers in '\(group)', which can backtrack exponentially; rewrite it without the nesting")
        }
        var flags: NSRegularExpression.Options = []
        if options.contains(.caseInsensitive) { flags.insert(.caseInsensitive) }
        if options.contains(.anchorsMatchLines) { flags.insert(.anchorsMatchLines) }
        do {
            expression = try NSRegularExpression(pattern: source, options: flags)
        } catch {
            throw Invalid(description: "invalid regular expression '\(source)'")
        }
        self.source = source
        self.options = options
    }

    public convenience init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch let error as Invalid {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// The same expression with other options (validated already).
    public func with(_ options: Options) -> UserPattern {
        // Only the flags differ, and they cannot make a valid expression invalid.
        (try? UserPattern(source, options: options.union(self.options.intersection(.shipped)))) ?? self
    }

    public var description: String { source }

    public static func == (lhs: UserPattern, rhs: UserPattern) -> Bool {
        lhs.source == rhs.source && lhs.options == rhs.options
    }

    public var groupCount: Int { expression.numberOfCaptureGroups }

    /// Work a search may do beyond a linear scan of its range, in ICU's progress reports (one
    /// per start position, one per 10,000 steps of matching): a count, not a clock, so the same
    /// bytes stop at the same place on every machine and under any load. 2,000 is about 0.2 s
    /// on a 2020s core for a pattern that backtracks without end.
    public static let defaultBudget = 2_000

    /// Whether the expression matches somewhere in `text` (within the default budget).
    public func matches(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// The first match within `range` (UTF-16 offsets), if any within the default budget.
    public func firstMatch(in text: String, range: NSRange) -> NSTextCheckingResult? {
        var first: NSTextCheckingResult?
        enumerateMatches(in: text, range: range) { result, stop in
            first = result
            stop.pointee = true
        }
        return first
    }

    /// Every match within `range`, in order, until `body` stops the search or the search has
    /// reported progress more than the range's length plus `budget` times; returns whether the
    /// budget ran out (then the matches after that point are not known).
    @discardableResult
    public func enumerateMatches(
        in text: String, range: NSRange, budget: Int = UserPattern.defaultBudget,
        _ body: (NSTextCheckingResult, UnsafeMutablePointer<ObjCBool>) -> Void
    ) -> Bool {
        if options.contains(.shipped) {
            withoutActuallyEscaping(body) { body in
                expression.enumerateMatches(in: text, options: [], range: range) { result, _, stop in
                    if let result { body(result, stop) }
                }
            }
            return false
        }
        var reports = 0
        var exhausted = false
        let allowed = range.length + max(0, budget)
        withoutActuallyEscaping(body) { body in
            expression.enumerateMatches(in: text, options: [.reportProgress], range: range) { result, _, stop in
                if let result {
                    body(result, stop)
                    return
                }
                reports += 1
                if reports > allowed {
                    exhausted = true
                    stop.pointee = true
                }
            }
        }
        return exhausted
    }
}
