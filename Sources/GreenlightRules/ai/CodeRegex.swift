import Foundation
import GreenlightCore

/// A regular expression of a rule pack or of the `ai:` config, matched against a file's code
/// view. It knows the literal text a match needs (`RegexLiterals`) so that a file or scope
/// without it is never searched. Searches are bounded in matches; `UserPattern` refuses the
/// expressions that backtrack exponentially — so no search needs a clock (ICU's progress
/// callback, called at every position, would cost more than the matching).
final class CodeRegex: @unchecked Sendable {
    let source: String
    private let expression: UserPattern
    /// One of these must occur in any match; nil when that cannot be told.
    let literals: [[UInt8]]?

    static let matchLimit = 100_000

    /// `shipped`: from a built-in pack (see `UserPattern.Options.shipped`).
    init(_ source: String, shipped: Bool = false) throws {
        expression = try UserPattern(source, options: shipped ? [.anchorsMatchLines, .shipped] : .anchorsMatchLines)
        self.source = source
        literals = RegexLiterals.required(in: source).map { $0.map { Array($0.utf8) } }
    }

    /// Whether the literals the expression needs occur in `bytes` (true when unknown).
    func mayMatch(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let literals else { return true }
        return literals.contains { ByteSearch.contains(bytes, $0) }
    }

    /// Every match in the code view, in order, without overlaps.
    func ranges(in view: CodeView) -> [Range<Int>] {
        guard view.bytes.withUnsafeBytes({ mayMatch($0) }) else { return [] }
        return ranges(in: view.text, length: view.bytes.count)
    }

    /// Whether a match lies within `range` of the code view: the literals are looked for in
    /// the range's bytes first, then the expression runs over the range alone.
    func matches(in view: CodeView, range: Range<Int>) -> Bool {
        let range = range.clamped(to: 0..<view.bytes.count)
        guard !range.isEmpty, view.bytes.withUnsafeBytes({ mayMatch(UnsafeRawBufferPointer(rebasing: $0[range])) }) else {
            return false
        }
        let found = expression.firstMatch(in: view.text, range: NSRange(location: range.lowerBound, length: range.count))
        return found != nil
    }

    /// Whether the expression matches all of `name` (a function's name against a wrapper's).
    func matchesWhole(_ name: String) -> Bool {
        let length = name.utf16.count
        var whole = false
        _ = expression.enumerateMatches(in: name, range: NSRange(location: 0, length: length)) { result, stop in
            if result.range.location == 0 && result.range.length == length { whole = true }
            stop.pointee = true
        }
        return whole
    }

    /// Whether the expression matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        var bytes = text
        guard bytes.withUTF8({ mayMatch(UnsafeRawBufferPointer($0)) }) else { return false }
        return !ranges(in: text, length: text.utf16.count, limit: 1).isEmpty
    }

    private func ranges(in text: String, length: Int, limit: Int = CodeRegex.matchLimit) -> [Range<Int>] {
        var found: [Range<Int>] = []
        expression.enumerateMatches(in: text, range: NSRange(location: 0, length: length)) { result, stop in
            if result.range.location != NSNotFound {
                found.append(result.range.location..<(result.range.location + result.range.length))
                if found.count >= limit { stop.pointee = true }
            }
        }
        return found
    }
}

/// A lexed file's code view as text for the regular expressions (ASCII, so UTF-16 offsets are
/// byte offsets), built once per file.
final class CodeView {
    let bytes: [UInt8]
    let text: String

    init(_ lexed: LexedSource) {
        bytes = lexed.code
        text = String(decoding: lexed.code, as: UTF8.self)
    }
}
