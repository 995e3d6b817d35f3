/// The tables of a TOML file, as far as a scanner's configuration needs them: `[table]` and
/// `[[array.of.tables]]` headers and their `key = value` pairs whose values are strings or
/// arrays of strings (every string form: `"basic"`, `'literal'`, `"""…"""`, `'''…'''`), each
/// with the line it starts on. Other values (numbers, booleans, inline tables) are kept as
/// present but not read. Malformed text is an error naming its line.
struct TOMLTables {
    enum Value: Equatable {
        case string(String)
        case strings([String])
        case other
    }

    struct Pair: Equatable {
        let key: String
        let value: Value
        let line: Int
    }

    struct Table: Equatable {
        /// `allowlist`, `rules.allowlists` …; empty for the pairs before the first header.
        let name: String
        /// Opened by `[[name]]`: one element of an array of tables.
        let isArrayElement: Bool
        let line: Int
        var pairs: [Pair] = []

        subscript(key: String) -> Value? { pairs.first { $0.key == key }?.value }

        func strings(_ key: String) -> [String] {
            switch self[key] {
            case .string(let one): return [one]
            case .strings(let many): return many
            default: return []
            }
        }
    }

    struct Malformed: Error, Equatable {
        let line: Int
        let reason: String
    }

    let tables: [Table]

    init(_ text: String) throws {
        var reader = Reader(Array(text.unicodeScalars))
        var tables = [Table(name: "", isArrayElement: false, line: 1)]
        while true {
            reader.skipBlankAndComments()
            guard let next = reader.peek() else { break }
            let line = reader.line
            if next == "[" {
                reader.advance()
                let isArray = reader.peek() == "["
                if isArray { reader.advance() }
                let name = try reader.until("]").trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { throw Malformed(line: line, reason: "empty table name") }
                try reader.expect("]")
                if isArray { try reader.expect("]") }
                tables.append(Table(name: name, isArrayElement: isArray, line: line))
                try reader.endOfLine()
                continue
            }
            let key = try reader.key()
            reader.skipSpaces()
            try reader.expect("=")
            reader.skipSpaces()
            let value = try reader.value()
            tables[tables.count - 1].pairs.append(Pair(key: key, value: value, line: line))
            try reader.endOfLine()
        }
        self.tables = tables
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        mutating func advance() {
            if scalars[index] == "\n" { line += 1 }
            index += 1
        }

        func lookingAt(_ text: String) -> Bool {
            for (offset, scalar) in text.unicodeScalars.enumerated() where peek(offset) != scalar { return false }
            return true
        }

        mutating func skipSpaces() {
            while let next = peek(), next == " " || next == "\t" { advance() }
        }

        mutating func skipComment() {
            if peek() == "#" { while let next = peek(), next != "\n" { advance() } }
        }

        mutating func skipBlankAndComments() {
            while let next = peek() {
                if next == " " || next == "\t" || next == "\r" || next == "\n" { advance() } else if next == "#" { skipComment() } else { return }
            }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws {
            guard peek() == scalar else { throw Malformed(line: line, reason: "expected '\(scalar)'") }
            advance()
        }

        mutating func endOfLine() throws {
            skipSpaces()
            skipComment()
            if peek() == "\r" { advance() }
            guard peek() == nil || peek() == "\n" else { throw Malformed(line: line, reason: "unexpected text after a value") }
        }

        mutating func until(_ end: Unicode.Scalar) throws -> String {
            var text = String.UnicodeScalarView()
            while let next = peek(), next != end {
                guard next != "\n" else { throw Malformed(line: line, reason: "expected '\(end)' before the end of the line") }
                text.append(next)
                advance()
            }
            return String(text)
        }

        mutating func key() throws -> String {
            if peek() == "\"" || peek() == "'" {
                guard case .string(let quoted) = try value() else { throw Malformed(line: line, reason: "bad key") }
                return quoted
            }
            var text = String.UnicodeScalarView()
            while let next = peek(), next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "_" || next == "-" || next == "." {
                text.append(next)
                advance()
            }
            guard !text.isEmpty else { throw Malformed(line: line, reason: "expected a key") }
            return String(text)
        }

        mutating func value() throws -> Value {
            switch peek() {
            case "\"", "'": return .string(try string())
            case "[":
                let opened = line
                advance()
                var items: [String] = []
                var others = false
                while true {
                    skipBlankAndComments()
                    guard let next = peek() else { throw Malformed(line: opened, reason: "unclosed array") }
                    if next == "]" { advance(); break }
                    if next == "\"" || next == "'" { items.append(try string()) } else {
                        _ = try value()
                        others = true
                    }
                    skipBlankAndComments()
                    if peek() == "," { advance() }
                }
                return others && items.isEmpty ? .other : .strings(items)
            case "{":
                var depth = 0
                repeat {
                    guard let next = peek() else { throw Malformed(line: line, reason: "unclosed inline table") }
                    if next == "{" { depth += 1 } else if next == "}" { depth -= 1 }
                    advance()
                } while depth > 0
                return .other
            case nil: throw Malformed(line: line, reason: "expected a value")
            default:
                while let next = peek(), next != "\n", next != ",", next != "]", next != "#", next != " ", next != "\t", next != "\r" { advance() }
                return .other
            }
        }

        mutating func string() throws -> String {
            let quote = peek()!
            let triple = lookingAt(String(repeating: String(quote), count: 3))
            let start = line
            for _ in 0..<(triple ? 3 : 1) { advance() }
            // A newline right after an opening triple quote is not part of the string.
            if triple && peek() == "\n" { advance() }
            var text = String.UnicodeScalarView()
            while true {
                guard let next = peek() else { throw Malformed(line: start, reason: "unclosed string") }
                if triple ? lookingAt(String(repeating: String(quote), count: 3)) : next == quote {
                    for _ in 0..<(triple ? 3 : 1) { advance() }
                    return String(text)
                }
                if next == "\n" && !triple { throw Malformed(line: start, reason: "unclosed string") }
                if quote == "\"" && next == "\\" {
                    advance()
                    guard let escaped = peek() else { throw Malformed(line: start, reason: "unclosed string") }
                    advance()
                    switch escaped {
                    case "n": text.append("\n")
                    case "t": text.append("\t")
                    case "r": text.append("\r")
                    case "u", "U":
                        var hex = ""
                        for _ in 0..<(escaped == "u" ? 4 : 8) { if let digit = peek() { hex.unicodeScalars.append(digit); advance() } }
                        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                            throw Malformed(line: line, reason: "bad unicode escape")
                        }
                        text.append(scalar)
                    case "\n": while let blank = peek(), blank == " " || blank == "\t" || blank == "\n" || blank == "\r" { advance() }
                    default: text.append(escaped)
                    }
                    continue
                }
                text.append(next)
                advance()
            }
        }
    }
}
