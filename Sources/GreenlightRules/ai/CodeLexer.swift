import GreenlightCore

/// One linear pass over a TypeScript/JavaScript, Python, Go or Swift file that tells code from
/// comments and string literals (template literals with `${}`, f-strings, raw and
/// triple-quoted strings, Go raw strings, Swift multi-line and raw strings with `\(…)`), pairs
/// brackets, and finds functions — brace bodies, Python indentation blocks, arrow functions,
/// closures and lambdas. Never fails: an unterminated string or comment ends at its line or at
/// the end of the file, a stray closing bracket is ignored, an unclosed one closes at the end.
enum CodeLexer {
    static func lex(_ text: SourceText, language: SourceLanguage) -> LexedSource {
        var string = text.text
        let bytes = string.withUTF8 { Array($0) }
        return lex(bytes, language: language)
    }

    /// `bytes` must be valid UTF-8 (columns count scalars).
    static func lex(_ bytes: [UInt8], language: SourceLanguage) -> LexedSource {
        var code = bytes
        let result: LexRun.Result = bytes.withUnsafeBufferPointer { source in
            code.withUnsafeMutableBufferPointer { output in
                var run = LexRun(source: source, output: output, syntax: language.syntax)
                run.run()
                return run.finish()
            }
        }
        return LexedSource(
            language: language, source: bytes, code: code, lineStarts: result.lineStarts,
            brackets: result.brackets, outerFunctions: result.outerFunctions)
    }
}

/// The lexer's state during one pass. Offsets index `source`; `output` is the code view.
struct LexRun {
    struct Result {
        let lineStarts: [Int]
        let brackets: [LexedSource.Bracket]
        let outerFunctions: [LexedSource.Function]
    }

    /// A function still open: a brace body closes with its bracket, an expression body (an
    /// arrow without braces, a lambda) at a separator or closer of its depth.
    struct OpenFunction {
        let index: Int
        /// The body's bracket, or -1 for an expression body.
        let bracket: Int
        /// Bracket depth at an expression body's start.
        let depth: Int
        var bodyStarted: Bool
    }

    /// An interpolation inside a string: the string to resume when its closer comes back at
    /// this bracket depth.
    struct Frame {
        let string: StringKind
        let height: Int
        let closer: UInt8
    }

    /// Go `func` / Swift `func`, `init`, `get` …: the next `{` at this depth is a function body.
    struct PendingFunction {
        let depth: Int
        var name: String?
        var expectsName: Bool
    }

    /// Python: a line that starts a logical line (outside brackets, strings and continuations).
    struct LogicalLine {
        let start: Int
        let indent: Int
        let first: Int
        var isDef = false
        var isDecorator = false
        var name: String?
    }

    enum StatementKind {
        case other
        case control
        case typeDeclaration
        case binding
    }

    static let maxFrames = 200
    static let maxScan = 256

    let source: UnsafeBufferPointer<UInt8>
    let output: UnsafeMutableBufferPointer<UInt8>
    let count: Int
    let syntax: SourceLanguage.Syntax

    var index = 0
    var lineStarts: [Int] = [0]
    var brackets: [LexedSource.Bracket] = []
    var stack: [Int] = []
    var frames: [Frame] = []
    var functions: [LexedSource.Function] = []
    var open: [OpenFunction] = []

    /// The last significant byte of code, and where it was.
    var lastSignificant: UInt8 = 0
    var lastSignificantAt = -1
    var lastWord: Range<Int> = 0..<0
    /// The previous token was `=>`; the offset of `=>` while its body has not begun.
    var arrowToken = false
    var pendingArrow = -1
    var pendingArrowName: String?
    /// The last `)` closed and its partner.
    var lastParenOpen = -1
    var lastParenClose = -1

    // Python
    var logical: [LogicalLine] = []
    var logicalPending = true
    var continuation = false
    var awaitingDefName = false
    var lineFirstWordIsAsync = false
    var wordsOnLine = 0

    // Go and Swift
    var pending: PendingFunction?
    var statementStart = true
    var statement = StatementKind.other
    var savedStatements: [StatementKind] = []
    var bindingName: String?
    var expectsBindingName = false

    init(source: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>, syntax: SourceLanguage.Syntax) {
        self.source = source
        self.output = output
        self.count = source.count
        self.syntax = syntax
    }

    // MARK: - The pass

    mutating func run() {
        if count >= 2, source[0] == UInt8(ascii: "#"), source[1] == UInt8(ascii: "!") { lineComment() }
        while index < count {
            let byte = source[index]
            if byte == 0x0A {
                newline()
                continue
            }
            if byte.isBlank {
                index += 1
                continue
            }
            if syntax == .python && logicalPending && byte != UInt8(ascii: "#") { beginLogicalLine() }
            if pendingArrow >= 0 && !isCommentStart(byte) { resolveArrow(brace: byte == UInt8(ascii: "{")) }
            if byte.isIdentifierByte && !byte.isDigit {
                word()
            } else if byte.isDigit {
                number()
            } else {
                punctuation(byte)
            }
        }
    }

    mutating func finish() -> Result {
        while let top = open.popLast() { functions[top.index].end = count }
        if syntax == .python { pythonFunctions() }
        functions.sort { $0.start < $1.start }
        var outer: [LexedSource.Function] = []
        for function in functions where outer.last.map({ function.start >= $0.end }) ?? true {
            outer.append(function)
        }
        return Result(lineStarts: lineStarts, brackets: brackets, outerFunctions: outer)
    }

    func isCommentStart(_ byte: UInt8) -> Bool {
        if byte == UInt8(ascii: "/"), index + 1 < count {
            let next = source[index + 1]
            return next == UInt8(ascii: "/") || next == UInt8(ascii: "*")
        }
        return false
    }

    mutating func significant(_ byte: UInt8, at offset: Int) {
        lastSignificant = byte
        lastSignificantAt = offset
        arrowToken = false
        if syntax == .swift && statementStart && byte != UInt8(ascii: "@") && byte != UInt8(ascii: "(")
            && byte != UInt8(ascii: ")") && !byte.isIdentifierByte {
            statementStart = false
            statement = .other
        }
    }

    mutating func newline() {
        let depth = stack.count
        switch syntax {
        case .python:
            let isLogicalEnd = stack.isEmpty && frames.isEmpty && !continuation
            if isLogicalEnd { closeExpressions(deeperThan: -1, at: index) }
            logicalPending = isLogicalEnd
            continuation = false
        case .script:
            if let last = open.last, last.bracket < 0, last.depth == depth, last.bodyStarted,
               !Self.continues(after: lastSignificant), !continuesOnNextLine() {
                closeExpressions(deeperThan: depth - 1, at: index)
            }
        case .go:
            if let pending, pending.depth == depth { self.pending = nil }
        case .swift:
            let top = stack.last.map { brackets[$0].kind }
            if (top == nil || top == UInt8(ascii: "{")) && !Self.continues(after: lastSignificant) {
                statementStart = true
            }
        }
        index += 1
        lineStarts.append(index)
    }

    /// An operator or separator at the end of a line: the expression goes on.
    static func continues(after byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "="), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return true
        default:
            return false
        }
    }

    /// Whether the next line starts with `.`, `?`, `:` or another operator (a chain goes on).
    func continuesOnNextLine() -> Bool {
        var offset = index + 1
        var scanned = 0
        while offset < count, source[offset].isBlank, scanned < Self.maxScan {
            offset += 1
            scanned += 1
        }
        guard offset < count else { return false }
        switch source[offset] {
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "+"), UInt8(ascii: "-"),
             UInt8(ascii: "*"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    // MARK: - Tokens

    mutating func word() {
        let start = index
        while index < count, source[index].isIdentifierByte {
            if source[index] >= 0x80 { output[index] = UInt8(ascii: "_") }
            index += 1
        }
        if index < count, isStringPrefix(start..<index), let kind = StringKind.prefixed(source, start..<index, quoteAt: index) {
            string(kind, prefixed: true)
            return
        }
        significant(source[index - 1], at: index - 1)
        lastWord = start..<index
        switch syntax {
        case .python: pythonWord(start..<index)
        case .go: goWord(start..<index)
        case .swift: swiftWord(start..<index)
        case .script: break
        }
    }

    func isStringPrefix(_ range: Range<Int>) -> Bool {
        guard syntax == .python, range.count <= 2 else { return false }
        let next = source[range.upperBound]
        return next == UInt8(ascii: "\"") || next == UInt8(ascii: "'")
    }

    mutating func number() {
        let start = index
        while index < count, source[index].isIdentifierByte || source[index] == UInt8(ascii: ".") {
            if source[index] >= 0x80 { output[index] = UInt8(ascii: "_") }
            index += 1
        }
        significant(source[index - 1], at: start)
    }

    mutating func punctuation(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            if let kind = StringKind.plain(byte, syntax: syntax, source: source, at: index) {
                string(kind, prefixed: false)
            } else {
                other(byte)
            }
        case UInt8(ascii: "/"):
            slash()
        case UInt8(ascii: "#"):
            hash()
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            openBracket(byte)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            if let frame = frames.last, frame.closer == byte, stack.count == frame.height {
                output[index] = LexedSource.stringByte
                index += 1
                frames.removeLast()
                resume(frame.string)
            } else {
                closeBracket(byte)
            }
        case UInt8(ascii: ","), UInt8(ascii: ";"):
            closeExpressions(deeperThan: stack.count - 1, at: index, separator: true)
            if syntax == .swift, byte == UInt8(ascii: ";") {
                if let pending, pending.depth == stack.count { self.pending = nil }
                other(byte)
                statementStart = true
                return
            }
            other(byte)
        case UInt8(ascii: "="):
            if syntax == .script, index + 1 < count, source[index + 1] == UInt8(ascii: ">") {
                let at = index
                pendingArrowName = arrowName(before: at)
                index += 2
                significant(UInt8(ascii: ">"), at: at + 1)
                arrowToken = true
                pendingArrow = at
            } else {
                other(byte)
            }
        case UInt8(ascii: ":"):
            if syntax == .python, let last = open.last, last.bracket < 0, !last.bodyStarted, last.depth == stack.count {
                open[open.count - 1].bodyStarted = true
            }
            other(byte)
        case UInt8(ascii: "\\"):
            if syntax == .python, index + 1 < count, source[index + 1] == 0x0A || source[index + 1] == 0x0D {
                continuation = true
                index += 1
            } else {
                other(byte)
            }
        default:
            other(byte)
        }
    }

    mutating func other(_ byte: UInt8) {
        significant(byte, at: index)
        index += 1
    }
}
