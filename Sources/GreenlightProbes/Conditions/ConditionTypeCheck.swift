/// Reads Gatus's spellings as the subject's type asks, before the type check: an unquoted word
/// is a string where the subject is text (`[BODY].status == UP`), and a plain number is
/// milliseconds where the subject is a duration (`[RESPONSE_TIME] < 500`, as Gatus reads it).
/// A word anywhere else, or a plain number for a rate, stays an error that says how to write it.
struct Coercion {
    let subject: Subject
    let at: Int

    func run(_ expected: Expected) throws(ConditionSyntaxError) -> Expected {
        switch expected {
        case .value(let literal): return .value(try coerce(literal))
        case .list(let items):
            var coerced: [Literal] = []
            for item in items { coerced.append(try coerce(item)) }
            return .list(coerced)
        case .pattern, .subject: return expected
        }
    }

    private func coerce(_ literal: Literal) throws(ConditionSyntaxError) -> Literal {
        let kind = TypeCheck.kind(of: subject)
        let name = subject.description
        switch (kind, literal) {
        case (.json, .word(let text)), (.string, .word(let text)):
            return .string(text)
        case (.duration, .number(let milliseconds)):
            return .duration(milliseconds / 1000)
        case (.duration, .word(let text)) where text.first?.isNumber == true:
            throw ConditionSyntaxError(offset: at, message:
                "invalid number or duration '\(text)' (durations look like 300ms, 30s, 10m, 14d; a plain number is milliseconds)")
        case (.duration, .word(let text)):
            throw ConditionSyntaxError(offset: at, message:
                "compare \(name) with a duration such as 300ms, 30s or 14d (a plain number is milliseconds), not '\(text)'")
        case (.percent, .number(let value)):
            throw ConditionSyntaxError(offset: at, message:
                "compare \(name) with a percentage such as 1%, not \(NumberText.format(value)) (is it \(NumberText.format(value))% or \(NumberText.format(value * 100))%?)")
        case (_, .word(let text)):
            throw ConditionSyntaxError(offset: at, message:
                "bare word '\(text)': \(name) is not text; quote strings, e.g. \"\(text)\", or compare with \(kind.described)")
        default:
            return literal
        }
    }
}

/// The type rules of the condition language, applied at parse time so that a condition that
/// can never be true is a configuration error, not a failed probe at 3 a.m.
struct TypeCheck {
    let subject: Subject
    let op: Operator
    let expected: Expected
    let subjectAt: Int
    let operatorAt: Int
    let expectedAt: Int

    func run() throws(ConditionSyntaxError) {
        var sides = [(subject, subjectAt)]
        if case .subject(let other) = expected { sides.append((other, expectedAt)) }
        for (side, at) in sides {
            if let reason = Self.unavailable[side.placeholder] {
                throw ConditionSyntaxError(offset: at, message: reason)
            }
        }
        try checkFunctions(subject, at: subjectAt)
        let kind = Self.kind(of: subject)
        let name = subject.description
        switch expected {
        case .pattern:
            // Written value-first (`pat(4*) < [STATUS]`), the operator is only known here.
            guard op == .equal || op == .notEqual else {
                throw ConditionSyntaxError(offset: operatorAt, message: "pat(…) goes with '==' or '!='")
            }
            guard [.string, .json, .number].contains(kind) else {
                throw ConditionSyntaxError(offset: expectedAt, message: "pat(…) matches text; \(name) is \(kind.described)")
            }
            return
        case .subject(let other):
            try checkFunctions(other, at: expectedAt)
            try compare(subject, with: other)
            return
        case .list:
            guard [.equal, .notEqual, .in, .notIn].contains(op) else {
                throw ConditionSyntaxError(offset: operatorAt, message: "a list goes with '==' or '!=' (any(…)), or 'in' and 'not in'")
            }
        case .value:
            break
        }
        switch kind {
        case .json, .string:
            try allow([.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .contains, .in, .notIn], name)
            if op.isOrdering, case .value(let literal) = expected, literal.kind != .number {
                throw ConditionSyntaxError(offset: expectedAt, message: "'\(op.rawValue)' compares numbers; \(literal) is not a number")
            }
            for literal in literals where literal.kind == .duration || literal.kind == .percent {
                throw ConditionSyntaxError(offset: expectedAt, message: "\(name) is a JSON value; compare it with a number, a quoted string, true, false or null, not \(literal)")
            }
            if kind == .string {
                for literal in literals where literal.kind == .bool || literal.kind == .null {
                    throw ConditionSyntaxError(offset: expectedAt, message: "compare \(name) with a quoted string or a number, not \(literal)")
                }
            }
        case .number:
            try allow([.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn], name)
            try expect(.number, "a number", name)
        case .duration:
            try allow([.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual], name)
            try expect(.duration, "a duration such as 300ms, 30s or 14d", name)
        case .percent:
            try allow([.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual], name)
            try expect(.percent, "a percentage such as 1%", name)
        case .bool:
            try allow([.equal, .notEqual], name)
            try expect(.bool, "true or false", name)
        case .null:
            break
        }
    }

    /// Gatus's placeholders that need what an HTTP probe does not have, each with what to write.
    static let unavailable: [Placeholder: String] = [
        .dnsCode: "[DNS_RCODE] is the answer code of a DNS query, and Greenlight probes make HTTP requests; to require that the name resolves and the server answers, write [CONNECTED] == true",
    ]

    private var literals: [Literal] {
        switch expected {
        case .value(let literal): return [literal]
        case .list(let items): return items
        case .pattern, .subject: return []
        }
    }

    private func allow(_ operators: [Operator], _ name: String) throws(ConditionSyntaxError) {
        guard operators.contains(op) else {
            let list = operators.map(\.rawValue).joined(separator: ", ")
            throw ConditionSyntaxError(offset: operatorAt, message: "'\(op.rawValue)' does not apply to \(name) (use \(list))")
        }
    }

    private func expect(_ wanted: ValueKind, _ described: String, _ name: String) throws(ConditionSyntaxError) {
        for literal in literals where literal.kind != wanted {
            throw ConditionSyntaxError(offset: expectedAt, message: "compare \(name) with \(described), not \(literal)")
        }
    }

    /// Two placeholders: per-response values of kinds that can meet, the right one a single value.
    private func compare(_ left: Subject, with right: Subject) throws(ConditionSyntaxError) {
        for (side, at) in [(left, subjectAt), (right, expectedAt)] where side.placeholder.isAggregate {
            throw ConditionSyntaxError(offset: at, message: "\(side.description) is decided over a batch; compare it with a value, not with another placeholder")
        }
        if case .placeholder(_, let path) = right, path.contains(.every) {
            throw ConditionSyntaxError(offset: expectedAt, message: "[*] goes on the left side only")
        }
        guard op == .equal || op == .notEqual || op.isOrdering else {
            throw ConditionSyntaxError(offset: operatorAt, message: "'\(op.rawValue)' takes a value on the right, not a placeholder")
        }
        let kinds = (Self.kind(of: left), Self.kind(of: right))
        let text: [ValueKind] = [.json, .string]
        let numeric: [ValueKind] = [.number, .duration]
        let meet = kinds.0 == kinds.1 || text.contains(kinds.0) || text.contains(kinds.1)
            || (numeric.contains(kinds.0) && numeric.contains(kinds.1))
        guard meet, !(op.isOrdering && (kinds.0 == .bool || kinds.1 == .bool)) else {
            throw ConditionSyntaxError(offset: operatorAt, message:
                "\(left.description) is \(kinds.0.described) and \(right.description) is \(kinds.1.described); they cannot be compared with '\(op.rawValue)'")
        }
    }

    /// `len()` and `has()` take any per-response placeholder.
    private func checkFunctions(_ subject: Subject, at offset: Int) throws(ConditionSyntaxError) {
        switch subject {
        case .length(let inner), .has(let inner):
            guard !inner.placeholder.isAggregate else {
                throw ConditionSyntaxError(offset: offset, message: "len() and has() take a per-response placeholder, not \(inner.description)")
            }
        case .placeholder:
            break
        }
    }

    static func kind(of subject: Subject) -> ValueKind {
        switch subject {
        case .placeholder(let placeholder, _): return placeholder.kind
        case .length: return .number
        case .has: return .bool
        }
    }
}

extension ValueKind {
    /// For messages: "a number", "a duration".
    var described: String {
        switch self {
        case .number: return "a number"
        case .string: return "text"
        case .bool: return "true or false"
        case .null: return "null"
        case .duration: return "a duration such as 300ms"
        case .percent: return "a percentage such as 1%"
        case .json: return "a JSON value"
        }
    }
}
