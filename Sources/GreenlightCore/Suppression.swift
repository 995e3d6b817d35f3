import Foundation

/// An inline `greenlight:ignore RULE-ID[,RULE-ID…] -- reason` comment. It covers findings on
/// its own line and on the line below. A suppression without a reason suppresses nothing and is
/// itself a finding (`core.bad-suppression`), as is one naming an unknown rule.
public struct Suppression: Sendable, Equatable {
    public static let keyword = "greenlight:ignore"

    public let line: Int
    /// Column of the keyword.
    public let column: Int
    public let ruleIDs: [String]
    /// Nil when the comment gives none.
    public let reason: String?
    /// The comment text from the keyword on (at most 200 characters), for fingerprints.
    public let text: String

    public var isValid: Bool { reason != nil && !ruleIDs.isEmpty }

    /// Whether it covers a finding of `rule` on `line`.
    public func covers(rule: String, line findingLine: Int) -> Bool {
        isValid && ruleIDs.contains(rule) && (findingLine == line || findingLine == line + 1)
    }
}

public enum SuppressionParser {
    /// Every suppression comment in the file, in line order.
    public static func parse(_ source: SourceText) -> [Suppression] {
        guard ByteSearch.contains(source.text, Suppression.keyword) else { return [] }
        var found: [Suppression] = []
        for (offset, line) in source.lines.enumerated() {
            guard let range = line.range(of: Suppression.keyword) else { continue }
            var rest = line[range.upperBound...]
            if let next = rest.first, !next.isWhitespace { continue }
            var reason: String?
            if let dashes = reasonSeparator(in: rest) {
                var text = rest[dashes.upperBound...].trimmingWhitespace
                for closer in ["-->", "*/", "#}", "%>"] where text.hasSuffix(closer) {
                    text = String(text.dropLast(closer.count)).trimmingWhitespace
                }
                reason = text.isEmpty ? nil : text
                rest = rest[..<dashes.lowerBound]
            } else {
                for closer in ["-->", "*/"] where rest.trimmingWhitespace.hasSuffix(closer) {
                    rest = rest[..<(rest.range(of: closer, options: .backwards)?.lowerBound ?? rest.endIndex)]
                }
            }
            let ids = rest.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
            found.append(Suppression(
                line: offset + 1,
                column: SourceText.column(of: range.lowerBound, in: line),
                ruleIDs: ids,
                reason: reason,
                text: String(line[range.lowerBound...].prefix(200))
            ))
        }
        return found
    }

    /// The first ` --` (or tab) that is not the start of an HTML comment closer `-->`: one pass
    /// over the bytes, however many `--` the line holds.
    private static func reasonSeparator(in text: Substring) -> Range<Substring.Index>? {
        let bytes = text.utf8
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if (previous == 0x20 || previous == 0x09), byte == UInt8(ascii: "-"), next != bytes.endIndex,
               bytes[next] == UInt8(ascii: "-") {
                let after = bytes.index(after: next)
                if after == bytes.endIndex || bytes[after] != UInt8(ascii: ">") {
                    return bytes.index(before: index)..<after
                }
            }
            previous = byte
            index = next
        }
        return nil
    }
}
