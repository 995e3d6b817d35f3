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
///     condition := operand operator operand        (one side a placeholder)
///     operand   := subject | literal | "any(" items ")" | "pat(" pattern ")"
///     subject   := placeholder path? | "len(" subject ")" | "has(" subject ")"
///     operator  := == | != | < | <= | > | >= | contains | in | not in
///     in-list   := "(" items ")"
///     literal   := "string" | 'string' | number | number% | duration | true | false | null | word
///
/// Placeholder names are read in any case. A condition written value-first (`any(200, 429) ==
/// [STATUS]`) is kept subject-first, its ordering operator mirrored. Gatus's spellings are read
/// where they are unambiguous: an unquoted word is a string where the subject is text, a plain
/// number is milliseconds where it is a duration. Types are checked as it parses
/// (`TypeCheck`): `[RESPONSE_TIME]` compares with durations, `[ERROR_RATE]` with percentages,
/// `[STATUS]` with numbers, and so on.
public struct ConditionParser {
    let scalars: [Unicode.Scalar]
    var at = 0

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

    /// One side of a condition, before the sides are put in order.
    private enum Operand {
        case subject(Subject)
        case value(Expected)
    }

    // MARK: - Grammar

    private mutating func condition(_ text: String) throws(ConditionSyntaxError) -> Condition {
        skipSpace()
        guard at < scalars.count else { throw fail("empty condition (expected e.g. [STATUS] == 200)") }
        let leftAt = at
        let left = try operand(isLeft: true)
        skipSpace()
        let operatorStart = at
        let op = try operatorToken()
        skipSpace()
        let rightAt = at
        let right = try operand(isLeft: false, after: op)
        skipSpace()
        if at < scalars.count {
            throw fail("unexpected '\(String(String.UnicodeScalarView(scalars[at...])))' after the condition")
        }
        let subject: Subject, expected: Expected, ordered: Operator, subjectAt: Int, expectedAt: Int
        switch (left, right) {
        case (.subject(let leftSubject), .subject(let rightSubject)):
            (subject, expected, ordered, subjectAt, expectedAt) = (leftSubject, .subject(rightSubject), op, leftAt, rightAt)
        case (.subject(let leftSubject), .value(let value)):
            (subject, expected, ordered, subjectAt, expectedAt) = (leftSubject, value, op, leftAt, rightAt)
        case (.value(let value), .subject(let rightSubject)):
            guard ![.contains, .in, .notIn].contains(op) else {
                throw ConditionSyntaxError(offset: leftAt, message: "put the placeholder on the left of '\(op.rawValue)'")
            }
            (subject, expected, ordered, subjectAt, expectedAt) = (rightSubject, value, op.mirrored, rightAt, leftAt)
        case (.value, .value):
            throw ConditionSyntaxError(offset: leftAt, message:
                "compares two constants: one side must be a placeholder such as [STATUS], [BODY].field or [RESPONSE_TIME]")
        }
        let coerced = try Coercion(subject: subject, at: expectedAt).run(expected)
        try TypeCheck(subject: subject, op: ordered, expected: coerced,
                      subjectAt: subjectAt, operatorAt: operatorStart, expectedAt: expectedAt).run()
        return Condition(text: text, subject: subject, op: ordered, expected: coerced)
    }

    private mutating func operand(isLeft: Bool, after op: Operator? = nil) throws(ConditionSyntaxError) -> Operand {
        if peek == "[" || lookingAt("len(") || lookingAt("has(") { return .subject(try subject()) }
        if op == .in || op == .notIn {
            guard take("(") else { throw fail("expected a list after '\(op!.rawValue)', e.g. \(op!.rawValue) (401, 403)") }
            return .value(.list(try list()))
        }
        if lookingAt("any(") {
            if let op, op != .equal && op != .notEqual { throw fail("any(…) goes with '==' or '!='") }
            at += 4
            return .value(.list(try list()))
        }
        if lookingAt("pat(") {
            if let op, op != .equal && op != .notEqual { throw fail("pat(…) goes with '==' or '!='") }
            at += 4
            return .value(.pattern(try pattern(isLeft: isLeft)))
        }
        guard at < scalars.count else {
            throw fail(op.map { "expected a value after '\($0.rawValue)'" } ?? "expected a placeholder such as [STATUS]")
        }
        return .value(.value(try literal(until: isLeft ? .space : .end)))
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
        guard let placeholder = Placeholder.named(name) else {
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
                guard case .string(let key) = try quoted(peek!) else { throw fail("expected a quoted key") }
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
        for word in ["contains", "not in", "in"] where lookingAt(word) {
            let after = at + word.unicodeScalars.count
            if after == scalars.count || !Self.isKeyScalar(scalars[after]) {
                at = after
                return Operator(rawValue: word)!
            }
        }
        if at >= scalars.count { throw fail("expected an operator (==, !=, <, <=, >, >=, contains, in, not in) after the placeholder") }
        if peek == "=" { throw fail("'=' is not an operator; use '=='") }
        throw fail("expected an operator (==, !=, <, <=, >, >=, contains, in, not in)")
    }

    // MARK: - Scanning

    var peek: Unicode.Scalar? { at < scalars.count ? scalars[at] : nil }

    func lookingAt(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        guard at + wanted.count <= scalars.count else { return false }
        return Array(scalars[at..<at + wanted.count]) == wanted
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        at += 1
        return true
    }

    mutating func skipSpace() {
        while let scalar = peek, scalar == " " || scalar == "\t" { at += 1 }
    }

    mutating func word(_ accepts: (Unicode.Scalar) -> Bool) -> String {
        var text = ""
        while let scalar = peek, accepts(scalar), text.unicodeScalars.count < 4096 {
            text.unicodeScalars.append(scalar)
            at += 1
        }
        return text
    }

    func fail(_ message: String) -> ConditionSyntaxError {
        ConditionSyntaxError(offset: min(at, scalars.count), message: message)
    }
}
