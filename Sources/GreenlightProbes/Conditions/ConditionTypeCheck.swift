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
        let kind = try kind(of: subject)
        let name = subject.description
        switch kind {
        case .json:
            if op.isOrdering, case .value(let literal) = expected, literal.kind != .number {
                throw ConditionSyntaxError(offset: expectedAt, message: "'\(op.rawValue)' compares numbers; \(literal) is not a number")
            }
            for literal in literals where literal.kind == .duration || literal.kind == .percent {
                throw ConditionSyntaxError(offset: expectedAt, message: "\(name) is a JSON value; compare it with a number, a quoted string, true, false or null, not \(literal)")
            }
        case .number:
            try allow([.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in], name)
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
        case .string:
            try allow([.equal, .notEqual, .contains, .in], name)
            try expect(.string, "a quoted string", name)
        case .null:
            break
        }
    }

    private var literals: [Literal] {
        switch expected {
        case .value(let literal): return [literal]
        case .list(let items): return items
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

    private func kind(of subject: Subject) throws(ConditionSyntaxError) -> ValueKind {
        switch subject {
        case .placeholder(let placeholder, let path):
            if placeholder == .body { return path.isEmpty ? .string : .json }
            return placeholder.kind
        case .length(let inner):
            guard case .placeholder(let placeholder, _) = inner, placeholder == .body || placeholder == .header else {
                throw ConditionSyntaxError(offset: subjectAt, message: "len() takes [BODY], a [BODY] path or a [HEADER]")
            }
            return .number
        case .has(let inner):
            guard case .placeholder(let placeholder, let path) = inner,
                  (placeholder == .body && !path.isEmpty) || placeholder == .header else {
                throw ConditionSyntaxError(offset: subjectAt, message: "has() takes a [BODY] path or a [HEADER]")
            }
            return .bool
        }
    }
}
