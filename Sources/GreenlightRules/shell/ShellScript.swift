/// A POSIX shell script split into simple commands and the operators between them — enough to
/// see pipes, `||` fallbacks and `set` options, not a full shell grammar. Quotes, `$(…)`,
/// backticks, comments, line continuations and heredocs inside the script are honoured, so
/// that nothing in a string or a heredoc body counts as a command.
public struct ShellScript: Sendable {
    public enum Operator: String, Sendable {
        case pipe = "|"
        case pipeAll = "|&"
        case or = "||"
        case and = "&&"
        case semicolon = ";"
        case background = "&"
        case newline = "\n"
        case open = "("
        case close = ")"
        case caseEnd = ";;"
    }

    public struct Word: Sendable {
        /// The word with quotes and escapes removed.
        public let text: String
        /// Offset of its first scalar in the script's text.
        public let offset: Int
    }

    /// One simple command and the operator that came before it.
    public struct Command: Sendable {
        /// Words, without leading reserved words (`if`, `then`, `!`, `{`, …) and redirections.
        public var words: [Word]
        public var before: Operator?
        public var beforeOffset: Int?
        /// The operator that ends it (nil at the end of the script).
        public var after: Operator?
        public var afterOffset: Int?
        /// It redirects its output or input to a file (`: > file` makes the file, it masks nothing).
        public var redirects = false

        public var name: String? { words.first?.text }
        public var arguments: [String] { words.dropFirst().map(\.text) }
    }

    public let text: PositionedText
    /// The script's own commands, in order.
    public private(set) var commands: [Command] = []
    /// Commands inside `$(…)` and backticks.
    public private(set) var nestedCommands: [Command] = []

    public init(_ text: PositionedText) {
        self.text = text
        var scanner = ShellScanner(scalars: text.scalars)
        self.commands = scanner.commands()
        self.nestedCommands = ShellScanner.nested(text.scalars, scanner.substitutions)
    }

    /// Offsets of pipe operators (`|`, `|&`), in order, substitutions included.
    public var pipes: [Int] {
        (commands + nestedCommands).compactMap { $0.after == .pipe || $0.after == .pipeAll ? $0.afterOffset : nil }.sorted()
    }

    /// Whether a `set` command before `offset` enables option `letter` (e.g. `e` in `set -eu`)
    /// or `-o name` (e.g. `set -euo pipefail`).
    public func setsOption(_ letter: Character?, name: String, before offset: Int = Int.max) -> Bool {
        for command in commands where command.name == "set" {
            guard let start = command.words.first?.offset, start < offset else { continue }
            let arguments = command.arguments
            for (index, argument) in arguments.enumerated() where argument.hasPrefix("-") && !argument.hasPrefix("--") {
                let letters = argument.dropFirst()
                if let letter, letters.contains(letter) { return true }
                if letters.contains("o"), index + 1 < arguments.count, arguments[index + 1] == name { return true }
            }
        }
        return false
    }

    /// The `set` commands that turn `errexit` off (`set +e`, `set +o errexit`), as their offsets.
    public var errexitDisabled: [Int] {
        commands.compactMap { command -> Int? in
            guard command.name == "set" else { return nil }
            let arguments = command.arguments
            for (index, argument) in arguments.enumerated() where argument.hasPrefix("+") {
                if argument.dropFirst().contains("e") { return command.words[0].offset }
                if argument.dropFirst().contains("o"), index + 1 < arguments.count, arguments[index + 1] == "errexit" {
                    return command.words[0].offset
                }
            }
            return nil
        }
    }
}

/// Scalar-level tokenizer behind `ShellScript`.
struct ShellScanner {
    /// Where the scanner is in a `case` command: its subject (up to `in`), a pattern list (up to
    /// `)`), or a branch's commands (up to `;;`).
    enum CasePart { case subject, patterns, body }

    let scalars: [Unicode.Scalar]
    var index: Int
    let end: Int
    /// `$(…)` and backtick bodies met on the way, scanned after the outer script.
    var substitutions: [Range<Int>] = []
    private var pendingHeredocs: [(delimiter: String, stripTabs: Bool)] = []
    private static let reserved: Set<String> = ["if", "then", "else", "elif", "do", "while", "until", "!", "{", "time"]
    private static let closers: Set<String> = ["fi", "done", "}", "esac"]

    init(scalars: [Unicode.Scalar], range: Range<Int>? = nil) {
        self.scalars = scalars
        self.index = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? scalars.count
    }

    /// The commands inside command substitutions, recursively (to a bounded depth).
    static func nested(_ scalars: [Unicode.Scalar], _ ranges: [Range<Int>], depth: Int = 0) -> [ShellScript.Command] {
        guard depth < 16 else { return [] }
        var result: [ShellScript.Command] = []
        for range in ranges where !range.isEmpty {
            var scanner = ShellScanner(scalars: scalars, range: range)
            result += scanner.commands()
            result += nested(scalars, scanner.substitutions, depth: depth + 1)
        }
        return result
    }

    mutating func commands() -> [ShellScript.Command] {
        var result: [ShellScript.Command] = []
        var current = ShellScript.Command(words: [], before: nil, beforeOffset: nil)
        var skipNextWord = false
        // Inside `case … in`: where its patterns are (`x86_64|aarch64)`: the `|` there is an
        // alternation, not a pipe). One entry per open `case`.
        var cases: [CasePart] = []
        func finish(_ op: ShellScript.Operator?, at offset: Int?) {
            current.after = op
            current.afterOffset = offset
            if !current.words.isEmpty || op == .pipe || op == .or || op == .and { result.append(current) }
            current = ShellScript.Command(words: [], before: op, beforeOffset: offset)
        }
        while index < end {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\r":
                index += 1
            case "\\" where index + 1 < end && scalars[index + 1] == "\n":
                index += 2
            case "\n":
                finish(.newline, at: index)
                index += 1
                skipHeredocBodies()
            case "#":
                while index < end && scalars[index] != "\n" { index += 1 }
            case "|" where cases.last == .patterns && !(index + 1 < end && scalars[index + 1] == "|"):
                index += 1
            case "(" where cases.last == .patterns:
                index += 1
            case ")" where cases.last == .patterns:
                index += 1
                cases[cases.count - 1] = .body
                current = ShellScript.Command(words: [], before: current.before, beforeOffset: current.beforeOffset)
            case "|", "&", ";", "(", ")":
                let start = index
                if let op = scanOperator() {
                    if op == .caseEnd, !cases.isEmpty { cases[cases.count - 1] = .patterns }
                    finish(op, at: start)
                } else {
                    skipNextWord = true  // a redirection like &> file
                }
            case "<", ">":
                let op = scanRedirection()
                if op == "<<" || op == "<<-" {
                    skipSpaces()
                    let delimiter = scanWord()
                    pendingHeredocs.append((delimiter.text, op == "<<-"))
                } else if index < end && scalars[index] == "&" {
                    index += 1  // a descriptor copy: >&2, <&-
                    while index < end, scalars[index].properties.numericType != nil || scalars[index] == "-" {
                        index += 1
                    }
                } else {
                    skipNextWord = true
                    current.redirects = true
                }
            default:
                let word = scanWord()
                if index < end, scalars[index] == ">" || scalars[index] == "<",
                   word.text.allSatisfy({ $0.isNumber }) {
                    continue  // the fd of a redirection: 2>&1
                }
                if skipNextWord {
                    skipNextWord = false
                    continue
                }
                if cases.last == .subject {
                    if word.text == "in" { cases[cases.count - 1] = .patterns }
                    continue
                }
                if cases.last == .patterns {
                    if word.text == "esac" { cases.removeLast() }
                    continue  // a pattern word
                }
                if current.words.isEmpty, word.text == "case" {
                    cases.append(.subject)
                    continue
                }
                if word.text == "esac", !cases.isEmpty {
                    cases.removeLast()
                    continue
                }
                if current.words.isEmpty, ShellScanner.reserved.contains(word.text) { continue }
                if ShellScanner.closers.contains(word.text) { continue }
                current.words.append(word)
            }
        }
        finish(nil, at: nil)
        return result
    }

    private mutating func skipSpaces() {
        while index < end && (scalars[index] == " " || scalars[index] == "\t") { index += 1 }
    }

    private mutating func scanOperator() -> ShellScript.Operator? {
        let scalar = scalars[index]
        let next: Unicode.Scalar? = index + 1 < end ? scalars[index + 1] : nil
        switch (scalar, next) {
        case ("|", "|"): index += 2; return .or
        case ("|", "&"): index += 2; return .pipeAll
        case ("|", _): index += 1; return .pipe
        case ("&", "&"): index += 2; return .and
        case ("&", ">"):
            index += 2
            if index < end && scalars[index] == ">" { index += 1 }
            return nil
        case ("&", _): index += 1; return .background
        case (";", ";"): index += 2; return .caseEnd
        case (";", _): index += 1; return .semicolon
        case ("(", _): index += 1; return .open
        default: index += 1; return .close
        }
    }

    /// `<`, `<<`, `<<-`, `<<<`, `<>`, `>`, `>>`, `>|`; returns the operator.
    private mutating func scanRedirection() -> String {
        let start = index
        func next(_ scalar: Unicode.Scalar) -> Bool {
            guard index < end, scalars[index] == scalar else { return false }
            index += 1
            return true
        }
        if next("<") {
            if next("<") {
                if !next("<") { _ = next("-") }
            } else {
                _ = next(">")
            }
        } else {
            index += 1
            if !next(">") { _ = next("|") }
        }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// A word up to unquoted whitespace or an operator; quotes and escapes are removed.
    private mutating func scanWord() -> ShellScript.Word {
        let start = index
        var text = String.UnicodeScalarView()
        scanning: while index < end {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\n", "\r", "|", "&", ";", "<", ">", "(", ")":
                if scalar == "(" && index > start && (scalars[index - 1] == "$" || scalars[index - 1] == "=") {
                    text.append(contentsOf: skipBalanced(open: "(", close: ")"))
                    continue
                }
                break scanning
            case "\\":
                if index + 1 < end {
                    if scalars[index + 1] != "\n" { text.append(scalars[index + 1]) }
                    index += 2
                } else {
                    index += 1
                }
            case "'":
                index += 1
                while index < end && scalars[index] != "'" {
                    text.append(scalars[index])
                    index += 1
                }
                index += 1
            case "\"":
                index += 1
                while index < end && scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < end {
                        text.append(scalars[index + 1])
                        index += 2
                    } else if scalars[index] == "$", index + 1 < end, scalars[index + 1] == "(" {
                        index += 1
                        text.append("$")
                        text.append(contentsOf: skipBalanced(open: "(", close: ")"))
                    } else {
                        text.append(scalars[index])
                        index += 1
                    }
                }
                index += 1
            case "`":
                let begin = index
                index += 1
                while index < end && scalars[index] != "`" {
                    index += scalars[index] == "\\" ? 2 : 1
                }
                if index > begin + 1 { substitutions.append((begin + 1)..<min(index, end)) }
                index = min(index + 1, end)
                text.append(contentsOf: scalars[begin..<index])
            case "$" where index + 1 < end && scalars[index + 1] == "{":
                text.append("$")
                index += 1
                text.append(contentsOf: skipBalanced(open: "{", close: "}"))
            default:
                text.append(scalar)
                index += 1
            }
        }
        return ShellScript.Word(text: String(text), offset: start)
    }

    /// From an opening bracket at `index` to its match (quotes inside skipped); returns the text.
    private mutating func skipBalanced(open: Unicode.Scalar, close: Unicode.Scalar) -> String.UnicodeScalarView {
        let begin = index
        var depth = 0
        var quote: Unicode.Scalar?
        while index < end {
            let scalar = scalars[index]
            index += 1
            if let open = quote {
                if scalar == "\\" && open == "\"" { index += 1 } else if scalar == open { quote = nil }
                continue
            }
            if scalar == "'" || scalar == "\"" { quote = scalar } else if scalar == "\\" { index += 1 }
            else if scalar == open { depth += 1 } else if scalar == close {
                depth -= 1
                if depth == 0 { break }
            }
        }
        index = min(index, end)
        if open == "(", index - begin >= 2 { substitutions.append((begin + 1)..<(index - 1)) }
        return String.UnicodeScalarView(scalars[begin..<index])
    }

    /// After a newline: skip the bodies of heredocs opened on the line just ended.
    private mutating func skipHeredocBodies() {
        for heredoc in pendingHeredocs {
            while index < end {
                let lineStart = index
                while index < end && scalars[index] != "\n" { index += 1 }
                var line = String(String.UnicodeScalarView(scalars[lineStart..<index]))
                if index < end { index += 1 }
                if heredoc.stripTabs { line = String(line.drop { $0 == "\t" }) }
                if line == heredoc.delimiter || line == heredoc.delimiter + "\r" { break }
            }
        }
        pendingHeredocs.removeAll()
    }
}
