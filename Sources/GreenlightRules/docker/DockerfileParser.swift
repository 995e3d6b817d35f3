import GreenlightCore

/// Reads a Dockerfile the way BuildKit does, without a daemon: parser directives (`# escape=`),
/// line continuations (comment and blank lines inside them skipped), heredocs after `RUN`,
/// `COPY` and `ADD` (several per instruction, `<<-` stripping tabs), flags, JSON and shell
/// forms, `ONBUILD`, and the stages. Every instruction keeps its 1-based line and column. The
/// loops are linear in the size of the file; nothing it reads makes it fail.
public enum DockerfileParser {
    public static let keywords: Set<String> = [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
        "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ]
    static let flagKeywords: Set<String> = ["FROM", "RUN", "COPY", "ADD", "HEALTHCHECK"]
    static let heredocKeywords: Set<String> = ["RUN", "COPY", "ADD"]

    public static func parse(_ source: SourceText) -> Dockerfile {
        var reader = Reader(lines: source.lines)
        reader.readDirectives()
        var instructions: [DockerInstruction] = []
        while let instruction = reader.nextInstruction() {
            instructions.append(instruction)
        }
        return DockerfileStructure.build(
            path: source.path, escape: reader.escape, instructions: instructions, problems: reader.problems,
            hadolintIgnores: reader.hadolintIgnores)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
}

/// The line-level state of one parse.
struct Reader {
    let lines: [Substring]
    var index = 0
    var escape: Unicode.Scalar = "\\"
    var problems: [DockerfileProblem] = []
    /// `# hadolint ignore=…` codes by the line of the instruction below them.
    var hadolintIgnores: [Int: Set<String>] = [:]

    init(lines: [Substring]) {
        self.lines = lines
    }

    /// `# name=value` lines at the very top; the first other line ends them.
    mutating func readDirectives() {
        var seen: Set<String> = []
        while index < lines.count {
            let line = lines[index].trimmingWhitespace
            guard line.hasPrefix("#") else { return }
            let body = line.dropFirst().trimmingWhitespace
            guard let equals = body.firstIndex(of: "="),
                  body[..<equals].trimmingWhitespace.allSatisfy({ $0.isLetter || $0.isNumber }) else { return }
            let name = body[..<equals].trimmingWhitespace.lowercased()
            let value = body[body.index(after: equals)...].trimmingWhitespace
            guard !name.isEmpty, seen.insert(name).inserted else { return }
            if name == "escape" {
                if value == "\\" || value == "`" {
                    escape = value.unicodeScalars.first!
                } else {
                    problems.append(DockerfileProblem(
                        message: "invalid escape directive '\(value)' (expected \\ or `)",
                        position: SourcePosition(line: index + 1, column: 1), matched: String(line)))
                }
            }
            index += 1
        }
    }

    /// The codes of a `# hadolint ignore=DL3006,DL4006` comment line.
    static func hadolintIgnore(_ line: Substring) -> Set<String> {
        let body = line.drop { $0 == " " || $0 == "\t" }
        guard body.hasPrefix("#") else { return [] }
        let words = body.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2, words[0] == "hadolint", words[1].hasPrefix("ignore=") else { return [] }
        return Set(words[1].dropFirst("ignore=".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    private static func indentation(_ line: Substring) -> Int {
        line.unicodeScalars.prefix(while: DockerfileParser.isSpace).count
    }

    private static func isBlankOrComment(_ line: Substring) -> Bool {
        let rest = line.unicodeScalars.drop(while: { DockerfileParser.isSpace($0) || $0 == "\r" })
        return rest.isEmpty || rest.first == "#"
    }

    /// The next instruction, or nil at the end of the file.
    mutating func nextInstruction() -> DockerInstruction? {
        var ignored: Set<String> = []
        while index < lines.count, Reader.isBlankOrComment(lines[index]) {
            ignored.formUnion(Reader.hadolintIgnore(lines[index]))
            index += 1
        }
        guard index < lines.count else { return nil }
        if !ignored.isEmpty { hadolintIgnores[index + 1] = ignored }
        let first = lines[index]
        let indent = Reader.indentation(first)
        var logical = PositionedText()
        var content = first.unicodeScalars.dropFirst(indent)
        var column = indent + 1
        while true {
            let (body, continues) = stripContinuation(Substring(content))
            logical.append(body, at: SourcePosition(line: index + 1, column: column))
            guard continues else { break }
            let escapeColumn = column + body.unicodeScalars.count
            index += 1
            while index < lines.count, Reader.isBlankOrComment(lines[index]) { index += 1 }
            guard index < lines.count else {
                problems.append(DockerfileProblem(
                    message: "line continuation at the end of the file: the instruction is unfinished",
                    position: SourcePosition(line: lines.count, column: max(1, escapeColumn)), matched: logical.string))
                index = lines.count - 1
                break
            }
            content = lines[index].unicodeScalars[...]
            column = 1
        }
        let lastLogicalLine = index + 1
        index += 1
        return makeInstruction(logical, lastLogicalLine: lastLogicalLine, nested: false)
    }

    /// Drops a trailing escape character (and whitespace after it); says whether it was there.
    private func stripContinuation(_ line: Substring) -> (Substring, Bool) {
        var scalars = line.unicodeScalars[...]
        while let last = scalars.last, DockerfileParser.isSpace(last) || last == "\r" { scalars = scalars.dropLast() }
        if scalars.last == escape {
            return (Substring(scalars.dropLast()), true)
        }
        var trimmed = line.unicodeScalars[...]
        if trimmed.last == "\r" { trimmed = trimmed.dropLast() }
        return (Substring(trimmed), false)
    }

    /// Builds one instruction from its logical line; reads heredoc bodies from the lines after it.
    private mutating func makeInstruction(_ logical: PositionedText, lastLogicalLine: Int, nested: Bool) -> DockerInstruction {
        let scalars = logical.scalars
        var cursor = 0
        while cursor < scalars.count, !DockerfileParser.isSpace(scalars[cursor]) { cursor += 1 }
        let keyword = logical.text(0..<cursor).uppercased()
        let position = logical.position(at: 0)
        if !DockerfileParser.keywords.contains(keyword) {
            problems.append(DockerfileProblem(
                message: "unknown instruction '\(logical.text(0..<cursor))'", position: position, matched: logical.string))
        }
        while cursor < scalars.count, DockerfileParser.isSpace(scalars[cursor]) { cursor += 1 }

        var flags: [DockerFlag] = []
        if DockerfileParser.flagKeywords.contains(keyword) {
            while cursor + 1 < scalars.count, scalars[cursor] == "-", scalars[cursor + 1] == "-" {
                let start = cursor
                while cursor < scalars.count, !DockerfileParser.isSpace(scalars[cursor]) { cursor += 1 }
                let raw = logical.text((start + 2)..<cursor)
                let parts = raw.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                flags.append(DockerFlag(
                    name: String(parts[0]), value: parts.count > 1 ? unquote(String(parts[1])) : nil,
                    position: logical.position(at: start)))
                while cursor < scalars.count, DockerfileParser.isSpace(scalars[cursor]) { cursor += 1 }
            }
        }
        var end = scalars.count
        while end > cursor, DockerfileParser.isSpace(scalars[end - 1]) { end -= 1 }
        let arguments = logical.slice(cursor..<end)

        var trigger: [DockerInstruction] = []
        var heredocs: [DockerHeredoc] = []
        if keyword == "ONBUILD" {
            if arguments.isEmpty {
                problems.append(DockerfileProblem(message: "ONBUILD requires an instruction", position: position, matched: logical.string))
            } else {
                let inner = makeInstruction(arguments, lastLogicalLine: lastLogicalLine, nested: true)
                if ["ONBUILD", "FROM", "MAINTAINER"].contains(inner.keyword) {
                    problems.append(DockerfileProblem(
                        message: "ONBUILD cannot trigger \(inner.keyword)", position: inner.position, matched: logical.string))
                }
                trigger = [inner]
            }
        } else if DockerfileParser.heredocKeywords.contains(keyword) {
            heredocs = readHeredocs(arguments)
        }
        if arguments.isEmpty && keyword != "ONBUILD" && DockerfileParser.keywords.contains(keyword) {
            problems.append(DockerfileProblem(
                message: "\(keyword) requires at least one argument", position: position, matched: logical.string))
        }
        let execForm = arguments.scalars.first == "[" ? JSONStringArray.parse(arguments.string) : nil
        if keyword == "SHELL" && execForm == nil && !arguments.isEmpty {
            problems.append(DockerfileProblem(
                message: "SHELL requires the JSON form, e.g. [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
                position: position, matched: logical.string))
        }
        let lastLine = max(lastLogicalLine, heredocs.last.map { _ in index } ?? 0, trigger.first?.lastLine ?? 0)
        return DockerInstruction(
            keyword: keyword, position: position, lastLine: lastLine, flags: flags, arguments: arguments,
            execForm: execForm, heredocs: heredocs, trigger: trigger, logical: logical, escape: escape)
    }

    private func unquote(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// Finds `<<EOF`, `<<-EOF`, `<<"EOF"` and `<<'EOF'` at word starts (outside quotes), also
    /// with blanks after `<<`, and reads each body, in order, from the lines after the instruction.
    private mutating func readHeredocs(_ arguments: PositionedText) -> [DockerHeredoc] {
        let scalars = arguments.scalars
        var markers: [(delimiter: String, strip: Bool, offset: Int)] = []
        var quote: Unicode.Scalar?
        var cursor = 0
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            if let open = quote {
                if scalar == open { quote = nil }
                cursor += 1
                continue
            }
            if scalar == "\"" || scalar == "'" {
                quote = scalar
                cursor += 1
                continue
            }
            let atWordStart = cursor == 0 || DockerfileParser.isSpace(scalars[cursor - 1])
                || (scalars[cursor - 1].properties.numericType != nil && (cursor == 1 || DockerfileParser.isSpace(scalars[cursor - 2])))
            guard scalar == "<", atWordStart || (cursor > 0 && scalars[cursor - 1].properties.numericType != nil),
                  cursor + 2 < scalars.count, scalars[cursor + 1] == "<", scalars[cursor + 2] != "<" else {
                cursor += 1
                continue
            }
            let start = cursor
            cursor += 2
            let strip = cursor < scalars.count && scalars[cursor] == "-"
            if strip { cursor += 1 }
            // BuildKit 0.22 and later allow blanks before the word (`cat << 'EOF' > f`); the
            // word must then start like one, so that `$((1 << 2))` stays arithmetic.
            var spaced = cursor
            while spaced < scalars.count, scalars[spaced] == " " || scalars[spaced] == "\t" { spaced += 1 }
            if spaced > cursor, spaced < scalars.count,
               scalars[spaced] == "\"" || scalars[spaced] == "'" || scalars[spaced] == "_"
                || (scalars[spaced].properties.isAlphabetic && scalars[spaced].isASCII) {
                cursor = spaced
            }
            var delimiter = String.UnicodeScalarView()
            if cursor < scalars.count, scalars[cursor] == "\"" || scalars[cursor] == "'" {
                let close = scalars[cursor]
                cursor += 1
                while cursor < scalars.count, scalars[cursor] != close {
                    delimiter.append(scalars[cursor])
                    cursor += 1
                }
                cursor += 1
            } else {
                while cursor < scalars.count,
                      scalars[cursor].properties.isAlphabetic || scalars[cursor].properties.numericType != nil
                        || scalars[cursor] == "_" || scalars[cursor] == "-" || scalars[cursor] == "." {
                    delimiter.append(scalars[cursor])
                    cursor += 1
                }
            }
            if !delimiter.isEmpty { markers.append((String(delimiter), strip, start)) }
        }
        return markers.map { marker in
            readBody(delimiter: marker.delimiter, stripTabs: marker.strip, position: arguments.position(at: marker.offset))
        }
    }

    private mutating func readBody(delimiter: String, stripTabs: Bool, position: SourcePosition) -> DockerHeredoc {
        var body = PositionedText()
        while index < lines.count {
            var line = lines[index]
            if line.hasSuffix("\r") { line = line.dropLast() }
            var column = 1
            if stripTabs {
                let tabs = line.unicodeScalars.prefix { $0 == "\t" }.count
                line = Substring(line.unicodeScalars.dropFirst(tabs))
                column += tabs
            }
            index += 1
            if line == delimiter {
                return DockerHeredoc(delimiter: delimiter, stripsTabs: stripTabs, position: position, body: body, terminated: true)
            }
            body.append(line, at: SourcePosition(line: index, column: column))
            body.appendNewline(afterLine: index, column: column + line.unicodeScalars.count)
        }
        problems.append(DockerfileProblem(
            message: "heredoc '\(delimiter)' is not terminated: the file ends before a line '\(delimiter)'",
            position: position, matched: "<<" + delimiter))
        return DockerHeredoc(delimiter: delimiter, stripsTabs: stripTabs, position: position, body: body, terminated: false)
    }
}

/// `["a", "b"]` with JSON string escapes, or nil for anything else.
enum JSONStringArray {
    static func parse(_ text: String) -> [String]? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func skipSpace() { while index < scalars.count, " \t\n\r".unicodeScalars.contains(scalars[index]) { index += 1 } }
        skipSpace()
        guard index < scalars.count, scalars[index] == "[" else { return nil }
        index += 1
        var items: [String] = []
        skipSpace()
        if index < scalars.count, scalars[index] == "]" {
            index += 1
            skipSpace()
            return index == scalars.count ? [] : nil
        }
        while true {
            skipSpace()
            guard index < scalars.count, scalars[index] == "\"" else { return nil }
            index += 1
            var item = String.UnicodeScalarView()
            while true {
                guard index < scalars.count else { return nil }
                let scalar = scalars[index]
                index += 1
                if scalar == "\"" { break }
                guard scalar == "\\" else { item.append(scalar); continue }
                guard index < scalars.count else { return nil }
                let escaped = scalars[index]
                index += 1
                switch escaped {
                case "n": item.append("\n")
                case "t": item.append("\t")
                case "r": item.append("\r")
                case "b": item.append("\u{8}")
                case "f": item.append("\u{C}")
                case "u":
                    guard index + 4 <= scalars.count,
                          let code = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + 4)])), radix: 16) else { return nil }
                    index += 4
                    item.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: item.append(escaped)
                }
            }
            items.append(String(item))
            skipSpace()
            guard index < scalars.count else { return nil }
            if scalars[index] == "," { index += 1; continue }
            guard scalars[index] == "]" else { return nil }
            index += 1
            skipSpace()
            return index == scalars.count ? items : nil
        }
    }
}
