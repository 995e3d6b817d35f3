import GreenlightCore

/// A condition that does not parse or does not type-check: the message and the offset (in
/// Unicode scalars, 0-based) of the part at fault.
public struct ConditionSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let message: String

    public var description: String { message }
}

/// A recursive-descent parser for the condition language:
///
///     condition := subject operator expected
///     subject   := placeholder path? | "len(" subject ")" | "has(" subject ")"
///     operator  := == | != | < | <= | > | >= | contains | in
///     expected  := literal | "(" literal ("," literal)* ")" | "any(" literal ("," literal)* ")"
///     literal   := "string" | 'string' | number | number% | duration | true | false | null
///
/// Types are checked as it parses: `[RESPONSE_TIME]` compares with durations, `[ERROR_RATE]`
/// with percentages, `[STATUS]` with numbers, and so on.
public struct ConditionParser {
    private let scalars: [Unicode.Scalar]
    private var at = 0

    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
        var parser = ConditionParser(text)
        return try parser.condition(text)
    }

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
            && scalar != "[" && scalar != "]" && scalar != "."
    }

    private static func isHeaderScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }

    // MARK: - Grammar

    private mutating func condition(_ text: String) throws(ConditionSyntaxError) -> Condition {
        skipSpace()
        guard at < scalars.count else { throw fail("empty condition (expected e.g. [STATUS] == 200)") }
        let subjectStart = at
        let subject = try subject()
        skipSpace()
        let operatorStart = at
        let op = try operatorToken()
        skipSpace()
        let expectedStart = at
        let expected = try expected(for: op)
        skipSpace()
        if at < scalars.count {
            throw fail("unexpected '\(String(String.UnicodeScalarView(scalars[at...])))' after the condition")
        }
        try TypeCheck(subject: subject, op: op, expected: expected,
                      subjectAt: subjectStart, operatorAt: operatorStart, expectedAt: expectedStart).run()
        return Condition(text: text, subject: subject, op: op, expected: expected)
    }

    private mutating func subject(depth: Int = 0) throws(ConditionSyntaxError) -> Subject {
        for (name, make) in [("len(", Subject.length), ("has(", Subject.has)] where lookingAt(name) {
            guard depth == 0 else { throw fail("\(name)…) takes a placeholder, not another function") }
            at += name.unicodeScalars.count
            skipSpace()
            let inner = try subject(depth: depth + 1)
            skipSpace()
            guard take(")") else { throw fail("expected ')' to close \(name)") }
            return make(inner)
        }
        guard peek == "[" else {
            if at < scalars.count, let _ = try? lookAheadLiteral() {
                throw fail("the left side must be a placeholder such as [STATUS] or [BODY].field (put the value on the right)")
            }
            throw fail("expected a placeholder such as [STATUS], [BODY], [HEADER].name or [RESPONSE_TIME]")
        }
        let start = at
        at += 1
        var name = ""
        while let scalar = peek, scalar != "]", name.unicodeScalars.count < 40 {
            name.unicodeScalars.append(scalar)
            at += 1
        }
        guard take("]") else { at = start; throw fail("unclosed '[' in placeholder") }
        guard let placeholder = Placeholder(rawValue: name) ?? Placeholder.aliases[name] else {
            at = start
            let known = Placeholder.allCases.map { "[\($0.rawValue)]" }.joined(separator: ", ")
            throw fail("unknown placeholder [\(name)] (expected one of \(known))")
        }
        let pathStart = at
        let path = try path(for: placeholder)
        if placeholder == .header && path.isEmpty {
            at = pathStart
            throw fail("[HEADER] needs a header name, e.g. [HEADER].content-type")
        }
        return .placeholder(placeholder, path: path)
    }

    private mutating func path(for placeholder: Placeholder) throws(ConditionSyntaxError) -> [PathStep] {
        var steps: [PathStep] = []
        while let scalar = peek, scalar == "." || scalar == "[", steps.count < 64 {
            let stepStart = at
            if placeholder != .body && placeholder != .header {
                throw fail("[\(placeholder.rawValue)] takes no path")
            }
            if placeholder == .header {
                guard steps.isEmpty, take(".") else { throw fail("[HEADER] takes one header name, e.g. [HEADER].content-type") }
                let name = word(Self.isHeaderScalar)
                guard !name.isEmpty else { throw fail("expected a header name after [HEADER].") }
                steps.append(.key(name.lowercased()))
                continue
            }
            if take(".") {
                let key = word(Self.isKeyScalar)
                guard !key.isEmpty else { throw fail("expected a field name after '.'") }
                steps.append(.key(key))
                continue
            }
            at += 1
            if take("*") {
                steps.append(.every)
            } else if peek == "\"" || peek == "'" {
                guard case .string(let key) = try literal() else { throw fail("expected a quoted key") }
                steps.append(.key(key))
            } else {
                let digits = word { ("0"..."9").contains($0) }
                guard let index = Int(digits), digits.count < 10 else {
                    at = stepStart
                    throw fail("expected an index like [0], [*] or a quoted key like [\"key\"]")
                }
                steps.append(.index(index))
            }
            guard take("]") else { throw fail("expected ']'") }
        }
        return steps
    }

    private mutating func operatorToken() throws(ConditionSyntaxError) -> Operator {
        for symbol in ["==", "!=", "<=", ">=", "<", ">"] where lookingAt(symbol) {
            at += symbol.unicodeScalars.count
            return Operator(rawValue: symbol)!
        }
        for word in ["contains", "in"] where lookingAt(word) {
            let after = at + word.unicodeScalars.count
            if after == scalars.count || !Self.isKeyScalar(scalars[after]) {
                at = after
                return Operator(rawValue: word)!
            }
        }
        if at >= scalars.count { throw fail("expected an operator (==, !=, <, <=, >, >=, contains, in) after the placeholder") }
        if peek == "=" { throw fail("'=' is not an operator; use '=='") }
        throw fail("expected an operator (==, !=, <, <=, >, >=, contains, in)")
    }

    private mutating func expected(for op: Operator) throws(ConditionSyntaxError) -> Expected {
        if op == .in {
            guard take("(") else { throw fail("expected a list after 'in', e.g. in (401, 403)") }
            return .list(try list())
        }
        if lookingAt("any(") {
            guard op == .equal else { throw fail("any(…) goes with '==' only") }
            at += 4
            return .list(try list())
        }
        guard at < scalars.count else { throw fail("expected a value after '\(op.rawValue)'") }
        return .value(try literal())
    }

    /// Literals up to the closing parenthesis (the opening one is consumed).
    private mutating func list() throws(ConditionSyntaxError) -> [Literal] {
        var items: [Literal] = []
        for _ in 0..<1000 {
            skipSpace()
            items.append(try literal())
            skipSpace()
            if take(")") { return items }
            guard take(",") else { throw fail("expected ',' or ')' in the list") }
        }
        throw fail("list too long")
    }

    private mutating func literal() throws(ConditionSyntaxError) -> Literal {
        let start = at
        guard let first = peek else { throw fail("expected a value") }
        if first == "\"" || first == "'" { return try quoted(first) }
        let token = word { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-%+".unicodeScalars.contains($0)) }
        guard !token.isEmpty else {
            throw fail("expected a value (a number, a duration like 300ms, a percentage like 1%, a quoted string, true, false or null)")
        }
        switch token {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        if token.hasSuffix("%"), let number = Double(token.dropLast()), number.isFinite {
            return .percent(number / 100)
        }
        if let number = Double(token), number.isFinite, token.first.map({ $0.isNumber || $0 == "-" || $0 == "+" }) == true {
            return .number(number)
        }
        if token.first?.isNumber == true {
            if let span = TimeSpan(token) { return .duration(span.seconds) }
            at = start
            throw fail("invalid number or duration '\(token)' (durations look like 300ms, 30s, 10m, 14d)")
        }
        at = start
        throw fail("bare word '\(token)': quote strings, e.g. \"\(token)\"")
    }

    private mutating func quoted(_ quote: Unicode.Scalar) throws(ConditionSyntaxError) -> Literal {
        let start = at
        at += 1
        var text = ""
        while let scalar = peek {
            at += 1
            if scalar == quote { return .string(text) }
            guard scalar == "\\" else {
                text.unicodeScalars.append(scalar)
                continue
            }
            guard let escaped = peek else { break }
            at += 1
            switch escaped {
            case "n": text += "\n"
            case "t": text += "\t"
            case "r": text += "\r"
            case "u":
                let hex = String(String.UnicodeScalarView(scalars[at..<min(at + 4, scalars.count)]))
                guard hex.count == 4, let value = UInt32(hex, radix: 16), let unicode = Unicode.Scalar(value) else {
                    at -= 2
                    throw fail("invalid \\u escape (expected four hex digits)")
                }
                at += 4
                text.unicodeScalars.append(unicode)
            case "\"", "'", "\\", "/": text.unicodeScalars.append(escaped)
            default:
                at -= 2
                throw fail("unknown escape '\\\(escaped)'")
            }
        }
        at = start
        throw fail("unterminated string")
    }

    private func lookAheadLiteral() throws(ConditionSyntaxError) -> Literal {
        var copy = self
        return try copy.literal()
    }

    // MARK: - Scanning

    private var peek: Unicode.Scalar? { at < scalars.count ? scalars[at] : nil }

    private func lookingAt(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        guard at + wanted.count <= scalars.count else { return false }
        return Array(scalars[at..<at + wanted.count]) == wanted
    }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        at += 1
        return true
    }

    private mutating func skipSpace() {
        while let scalar = peek, scalar == " " || scalar == "\t" { at += 1 }
    }

    private mutating func word(_ accepts: (Unicode.Scalar) -> Bool) -> String {
        var text = ""
        while let scalar = peek, accepts(scalar), text.unicodeScalars.count < 4096 {
            text.unicodeScalars.append(scalar)
            at += 1
        }
        return text
    }

    private func fail(_ message: String) -> ConditionSyntaxError {
        ConditionSyntaxError(offset: min(at, scalars.count), message: message)
    }
}
