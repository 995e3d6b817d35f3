/// A source file after one pass of `CodeLexer`: a code view in which comments and string
/// literals no longer count, the file's brackets with their partners, and its functions — all
/// by byte offset, with 1-based line and column on demand.
struct LexedSource {
    /// A bracket of code (never one inside a string or a comment).
    struct Bracket {
        /// Offset of `(`, `[` or `{`.
        let open: Int
        /// Offset of its partner; the end of the file when it is never closed.
        var close: Int
        let kind: UInt8
    }

    /// A function, method, closure, arrow function or lambda.
    struct Function {
        enum Kind: String {
            case function
            case closure
            case arrow = "arrow function"
            case lambda
        }

        /// Offset of its body's `{` (Python: of its first decorator or `def`; expression
        /// bodies: of `=>` or `lambda`).
        let start: Int
        /// Offset just past its end.
        var end: Int
        let name: String?
        let kind: Kind
    }

    /// The byte of the code view that stands for a character of a string literal's contents.
    static let stringByte: UInt8 = 0x01

    let language: SourceLanguage
    /// The file's UTF-8.
    let source: [UInt8]
    /// The same length as `source`: comments become spaces, the contents of string literals
    /// `stringByte` (quotes stay; a string used as a mapping key keeps its text), other
    /// non-ASCII bytes `_`; newlines stay where they are. Pure ASCII, so that byte offsets are
    /// also UTF-16 offsets.
    let code: [UInt8]
    /// Offset of the first byte of each line.
    let lineStarts: [Int]
    /// In order of their opening bracket.
    let brackets: [Bracket]
    /// Functions that no other function encloses, in order: the scope of `within: function`.
    let outerFunctions: [Function]

    var count: Int { source.count }

    /// The index of the first bracket opening at or after `offset`.
    func firstBracket(openingAtOrAfter offset: Int) -> Int {
        var low = 0
        var high = brackets.count
        while low < high {
            let middle = (low + high) / 2
            if brackets[middle].open < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The brackets that open before `offset` and close after it, innermost first, found among
    /// the `scanning` brackets that open last before it (a bound by count, not by time).
    func enclosing(_ offset: Int, scanning: Int) -> [Bracket] {
        var found: [Bracket] = []
        var index = firstBracket(openingAtOrAfter: offset) - 1
        let last = max(0, index - scanning + 1)
        while index >= last {
            if brackets[index].open < offset && brackets[index].close > offset { found.append(brackets[index]) }
            index -= 1
        }
        return found
    }

    /// The bracket opening at `offset`, if any.
    func bracket(openingAt offset: Int) -> Bracket? {
        let index = firstBracket(openingAtOrAfter: offset)
        return index < brackets.count && brackets[index].open == offset ? brackets[index] : nil
    }

    /// The outermost function around `offset`: closures and arrow functions nest in the
    /// function that holds them. Nil at top level.
    func outerFunction(around offset: Int) -> Function? {
        var low = 0
        var high = outerFunctions.count
        while low < high {
            let middle = (low + high) / 2
            if outerFunctions[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let candidate = outerFunctions[low - 1]
        return offset < candidate.end ? candidate : nil
    }

    /// 1-based line of `offset`.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(low, 1)
    }

    /// 1-based line and column (in Unicode scalars) of `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let line = line(of: offset)
        var column = 1
        var index = lineStarts[line - 1]
        while index < offset && index < source.count {
            if source[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (line, column)
    }

    /// Offset of the start of 1-based `line`, clamped to the file.
    func offset(ofLine line: Int) -> Int {
        if line < 1 { return 0 }
        if line > lineStarts.count { return count }
        return lineStarts[line - 1]
    }

    /// The code view of `range` as text, whitespace runs collapsed (for messages).
    func codeText(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        var space = false
        for byte in code[range.clamped(to: 0..<count)] {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                space = !bytes.isEmpty
                continue
            }
            if space { bytes.append(0x20) }
            space = false
            bytes.append(byte == LexedSource.stringByte ? UInt8(ascii: ".") : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `range` of the file with comments blanked but string literals as written: what a call's
    /// `arguments` pattern reads (a URL is a string).
    func textWithStrings(_ range: Range<Int>) -> String {
        let range = range.clamped(to: 0..<count)
        var bytes = Array(code[range])
        for index in bytes.indices where bytes[index] == LexedSource.stringByte {
            bytes[index] = source[range.lowerBound + index]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension UInt8 {
    /// A byte of an identifier: ASCII letters, digits, `_`, `$`, and any non-ASCII byte.
    var isIdentifierByte: Bool {
        (self >= 0x61 && self <= 0x7A) || (self >= 0x41 && self <= 0x5A) || (self >= 0x30 && self <= 0x39)
            || self == 0x5F || self == 0x24 || self >= 0x80
    }

    var isDigit: Bool { self >= 0x30 && self <= 0x39 }

    /// Space, tab, carriage return, form feed or vertical tab — not a newline.
    var isBlank: Bool { self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0C || self == 0x0B }
}
