/// A value a subject resolved to.
enum Resolved {
    case json(JSONValue)
    case duration(Double)
    case percent(Double)
    case missing(String)

    init(_ literal: Literal) {
        switch literal {
        case .number(let value): self = .json(.number(value))
        case .string(let text), .word(let text): self = .json(.string(text))
        case .bool(let value): self = .json(.bool(value))
        case .null: self = .json(.null)
        case .duration(let seconds): self = .duration(seconds)
        case .percent(let fraction): self = .percent(fraction)
        }
    }

    var summary: String {
        switch self {
        case .json(let value): return value.summary
        case .duration(let seconds): return DurationText.format(seconds)
        case .percent(let fraction): return NumberText.format((fraction * 10000).rounded() / 100) + "%"
        case .missing(let why): return why
        }
    }

    /// What `pat(…)` matches and `len()` counts: a string as it is, a duration in whole
    /// milliseconds (as Gatus writes it), anything else as its JSON.
    var text: String {
        switch self {
        case .json(let value): return value.text
        case .duration(let seconds): return String(Int64((seconds * 1000).rounded(.down)))
        case .percent(let fraction): return NumberText.format(fraction * 100) + "%"
        case .missing: return ""
        }
    }

    /// The number it holds: a JSON number, or a JSON string that spells one (`"123.40"`,
    /// `"0x1F"`), which compares as that number. Durations and rates have their own scale.
    var number: Double? {
        switch self {
        case .json(.number(let value)): return value
        case .json(.string(let text)): return NumberText.parse(text)
        default: return nil
        }
    }

    var isNumber: Bool {
        if case .json(.number) = self { return true }
        return false
    }
}

/// Whether a resolved value meets an operator and what it is compared with.
///
/// Equality is by value: a JSON number equals a string that spells the same number (Gatus's
/// rule); floats compare exactly; a duration equals a plain number of milliseconds (a
/// placeholder on the right may be one). Ordering needs numbers on both sides. A missing value
/// meets nothing, `!=` included.
enum Comparison {
    static func holds(_ value: Resolved, _ op: Operator, _ expected: Expected, other: Resolved?) -> Bool {
        if case .missing = value { return false }
        switch expected {
        case .list(let items):
            let found = items.contains { equal(value, Resolved($0)) }
            return op == .equal || op == .in ? found : !found
        case .pattern(let pattern):
            return pattern.matches(value.text) == (op == .equal)
        case .subject:
            guard let other else { return false }
            if case .missing = other { return false }
            return holds(value, op, other)
        case .value(let literal):
            if op == .contains {
                switch value {
                case .json(.string(let text)):
                    if case .string(let part) = literal { return text.contains(part) }
                    return false
                case .json(.array(let items)): return items.contains { equal(.json($0), Resolved(literal)) }
                default: return false
                }
            }
            return holds(value, op, Resolved(literal))
        }
    }

    private static func holds(_ value: Resolved, _ op: Operator, _ other: Resolved) -> Bool {
        switch op {
        case .equal: return equal(value, other)
        case .notEqual: return !equal(value, other)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let (left, right) = numbers(value, other) else { return false }
            switch op {
            case .less: return left < right
            case .lessOrEqual: return left <= right
            case .greater: return left > right
            default: return left >= right
            }
        default:
            return false
        }
    }

    static func equal(_ value: Resolved, _ other: Resolved) -> Bool {
        switch (value, other) {
        case (.json(let a), .json(let b)):
            if a == b { return true }
            guard value.isNumber || other.isNumber, let x = value.number, let y = other.number else { return false }
            return x == y
        case (.percent(let a), .percent(let b)): return abs(a - b) < 1e-12
        default:
            guard let (x, y) = numbers(value, other) else { return false }
            return x == y
        }
    }

    private static func numbers(_ value: Resolved, _ other: Resolved) -> (Double, Double)? {
        switch (value, other) {
        case (.duration(let a), .duration(let b)): return (a, b)
        case (.percent(let a), .percent(let b)): return (a, b)
        case (.duration(let a), _): return other.number.map { (a, $0 / 1000) }
        case (_, .duration(let b)): return value.number.map { ($0 / 1000, b) }
        default:
            guard let x = value.number, let y = other.number else { return nil }
            return (x, y)
        }
    }
}
