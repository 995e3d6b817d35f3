import GreenlightCore

/// The values of the condition language: quoted strings, numbers, durations, percentages,
/// keywords, Gatus's unquoted words, lists and patterns.
extension ConditionParser {
    /// Where an unquoted value ends: at a space (the left side, before its operator), at a space,
    /// `,` or `)` (a list item), or at the end of the condition (the right side, as Gatus reads it).
    enum ValueEnd {
        case space, item, end

        func stops(at scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .space: return scalar == " " || scalar == "\t"
            case .item: return scalar == "," || scalar == ")" || scalar == " " || scalar == "\t"
            case .end: return false
            }
        }
    }

    mutating func literal(until end: ValueEnd) throws(ConditionSyntaxError) -> Literal {
        guard let first = peek else { throw fail("expected a value") }
        if first == "\"" || first == "'" { return try quoted(first) }
        var token = word { !end.stops(at: $0) }
        while let last = token.unicodeScalars.last, last == " " || last == "\t" {
            token.unicodeScalars.removeLast()
            at -= 1
        }
        guard !token.isEmpty else {
            throw fail("expected a value (a number, a duration like 300ms, a percentage like 1%, a quoted string, true, false or null)")
        }
        return Self.classify(token)
    }

    /// An unquoted token as the literal it spells; anything else is a word.
    static func classify(_ token: String) -> Literal {
        switch token {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        if token.hasSuffix("%"), let number = NumberText.parse(String(token.dropLast())) {
            return .percent(number / 100)
        }
        if let number = NumberText.parse(token) { return .number(number) }
        if token.first?.isNumber == true, let span = TimeSpan(token), !token.contains(" ") { return .duration(span.seconds) }
        return .word(token)
    }

    mutating func quoted(_ quote: Unicode.Scalar) throws(ConditionSyntaxError) -> Literal {
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

    /// Items up to the closing parenthesis (the opening one is consumed).
    mutating func list() throws(ConditionSyntaxError) -> [Literal] {
        var items: [Literal] = []
        for _ in 0..<1000 {
            skipSpace()
            items.append(try literal(until: .item))
            skipSpace()
            if take(")") { return items }
            guard take(",") else { throw fail("expected ',' or ')' in the list") }
        }
        throw fail("list too long")
    }

    /// The pattern of `pat(…)` (the opening is consumed): quoted, or as Gatus writes it, every
    /// character up to the `)` that ends the side (followed by the operator or the end).
    mutating func pattern(isLeft: Bool) throws(ConditionSyntaxError) -> TextPattern {
        let start = at
        let source: String
        if let first = peek, first == "\"" || first == "'" {
            guard case .string(let text) = try quoted(first) else { throw fail("expected a quoted pattern") }
            skipSpace()
            guard take(")") else { throw fail("expected ')' to close pat(") }
            source = text
        } else {
            var close: Int?
            var probe = at
            while probe < scalars.count {
                if scalars[probe] == ")" {
                    var after = probe + 1
                    while after < scalars.count, scalars[after] == " " || scalars[after] == "\t" { after += 1 }
                    // On the left, the side ends at an operator that stands alone (`) == [BODY]`,
                    // not `)</b>`); on the right, at the end of the condition.
                    let rest = String(String.UnicodeScalarView(scalars[after..<min(after + 3, scalars.count)]))
                    let endsSide = isLeft
                        ? ["==", "!=", "<=", ">=", "<", ">"].contains { rest.hasPrefix($0 + " ") || rest == $0 }
                        : after == scalars.count
                    if endsSide { close = probe }
                    if endsSide && isLeft { break }
                }
                probe += 1
            }
            guard let close else { throw fail("expected ')' to close pat(") }
            source = String(String.UnicodeScalarView(scalars[at..<close]))
            at = close + 1
        }
        switch TextPattern.compile(source) {
        case .success(let pattern): return pattern
        case .failure(let error): throw ConditionSyntaxError(offset: start, message: error.message)
        }
    }
}
