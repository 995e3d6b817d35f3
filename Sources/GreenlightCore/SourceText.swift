/// A text file of the snapshot, decoded leniently (invalid UTF-8 becomes U+FFFD, a leading BOM
/// is dropped), split into lines once. Lines and columns are 1-based; columns count Unicode
/// scalars.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    /// Each line without its terminator (`\n` or `\r\n`).
    public let lines: [Substring]

    public init(path: String, bytes: [UInt8]) {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        self.init(path: path, text: String(decoding: slice, as: UTF8.self))
    }

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true, lines.count > 1 { lines.removeLast() }
        self.lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// The text of 1-based line `number`, or an empty string past the end.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lines.count else { return "" }
        return lines[number - 1]
    }

    /// The 1-based column of `index` within the line it belongs to.
    public static func column(of index: Substring.Index, in line: Substring) -> Int {
        line.unicodeScalars.distance(from: line.startIndex, to: index) + 1
    }
}
