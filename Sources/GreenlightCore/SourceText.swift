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
        // Split on the byte 0x0A: "\r\n" is one Character, so Character splitting would miss it.
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(SourceText.dropCarriageReturn(text[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start < utf8.endIndex || lines.isEmpty {
            lines.append(SourceText.dropCarriageReturn(text[start..<utf8.endIndex]))
        }
        self.lines = lines
    }

    private static func dropCarriageReturn(_ line: Substring) -> Substring {
        line.utf8.last == 0x0D ? line[..<line.utf8.index(before: line.utf8.endIndex)] : line
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
