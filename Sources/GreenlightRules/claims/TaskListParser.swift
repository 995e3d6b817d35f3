import GreenlightCore

/// A Markdown task-list item (`- [x] …`, `* [ ] …`, `+ [X] …`, `2. [x] …`) with its position.
public struct TaskItem: Sendable, Equatable {
    public let line: Int
    /// Column of the list marker.
    public let column: Int
    /// Indentation width before the marker, for nesting.
    public let indent: Int
    public let isDone: Bool
    /// The item's text after the checkbox.
    public let text: String
    /// Backticked spans on the item's line.
    public let codeSpans: [CodeSpan]
}

/// The text between backticks, and where it starts (1-based line and column of its first
/// character, inside the backticks).
public struct CodeSpan: Sendable, Equatable {
    public let text: String
    public let line: Int
    public let column: Int
}

/// Reads one Markdown task-list item and the code spans of a line, with positions; the claims
/// document parser calls it for each line outside fenced code blocks.
public enum TaskListParser {
    static func item(in line: Substring, number: Int) -> TaskItem? {
        var indent = 0
        var index = line.startIndex
        while index < line.endIndex, line[index] == " " || line[index] == "\t" {
            indent += line[index] == "\t" ? 4 : 1
            index = line.index(after: index)
        }
        let markerIndex = index
        // A bullet (`-`, `*`, `+`) or a number (`2.`, `2)`): teams number their checklists.
        var digits = 0
        while index < line.endIndex, line[index].isASCII, line[index].isNumber, digits < 4 {
            digits += 1
            index = line.index(after: index)
        }
        if digits > 0 {
            guard index < line.endIndex, line[index] == "." || line[index] == ")" else { return nil }
        } else {
            guard index < line.endIndex, "-*+".contains(line[index]) else { return nil }
        }
        index = line.index(after: index)
        guard index < line.endIndex, line[index] == " " else { return nil }
        while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
        let box = line[index...]
        guard box.count >= 3, box.first == "[", box.dropFirst(2).first == "]" else { return nil }
        let mark = box.dropFirst().first!
        let isDone: Bool
        switch mark {
        case "x", "X": isDone = true
        case " ": isDone = false
        default: return nil
        }
        let afterBox = box.dropFirst(3)
        guard afterBox.isEmpty || afterBox.first == " " || afterBox.first == "\t" else { return nil }
        return TaskItem(
            line: number,
            column: SourceText.column(of: markerIndex, in: line),
            indent: indent,
            isDone: isDone,
            text: afterBox.trimmingWhitespace,
            codeSpans: codeSpans(in: line, number: number)
        )
    }

    /// Backtick spans: a run of n backticks opens, the next run of exactly n closes. Scanned on
    /// UTF-8 bytes; a backtick is ASCII, so every index found is a valid string index.
    static func codeSpans(in line: Substring, number: Int) -> [CodeSpan] {
        let utf8 = line.utf8
        let tick = UInt8(ascii: "`")
        guard utf8.contains(tick) else { return [] }
        var spans: [CodeSpan] = []
        var index = utf8.startIndex
        func runEnd(from start: Substring.UTF8View.Index) -> Substring.UTF8View.Index {
            var end = start
            while end < utf8.endIndex, utf8[end] == tick { end = utf8.index(after: end) }
            return end
        }
        while let open = utf8[index...].firstIndex(of: tick) {
            let openEnd = runEnd(from: open)
            let width = utf8.distance(from: open, to: openEnd)
            var search = openEnd
            var closed = false
            while let close = utf8[search...].firstIndex(of: tick) {
                let closeEnd = runEnd(from: close)
                if utf8.distance(from: close, to: closeEnd) == width {
                    let raw = line[openEnd..<close]
                    let leading = raw.utf8.prefix { $0 == UInt8(ascii: " ") }.count
                    let contentStart = utf8.index(openEnd, offsetBy: leading)
                    spans.append(CodeSpan(text: raw.trimmingWhitespace, line: number,
                                          column: SourceText.column(of: contentStart, in: line)))
                    index = closeEnd
                    closed = true
                    break
                }
                search = closeEnd
            }
            if !closed { index = openEnd }
            if index >= utf8.endIndex { break }
        }
        return spans
    }
}
