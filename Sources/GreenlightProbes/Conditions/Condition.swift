import GreenlightCore
/// One parsed condition of a probe, like `[STATUS] == 200` or `[P95] < 30s`: a subject, an
/// operator, and what it is compared with — a literal, a list (`in (…)`, `any(…)`), a pattern
/// (`pat(…)`) or another placeholder. Written either way round (`any(200, 429) == [STATUS]`), it
/// is kept with the placeholder as its subject. Parsed once, with the column of every part, by
/// `ConditionParser`.
public struct Condition: Sendable, Equatable {
    /// The condition as written.
    public let text: String
    public let subject: Subject
    public let op: Operator
    public let expected: Expected

    /// Whether it is decided over a whole batch of requests (`[P95]`, `[ERROR_RATE]`) rather than
    /// on each response.
    public var isAggregate: Bool { subject.placeholder.isAggregate }

    /// The placeholders it reads, the subject's first.
    var placeholders: [Placeholder] {
        if case .subject(let other) = expected { return [subject.placeholder, other.placeholder] }
        return [subject.placeholder]
    }
}

/// What a condition looks at.
public indirect enum Subject: Sendable, Equatable {
    case placeholder(Placeholder, path: [PathStep])
    /// `len(x)`: characters of a string (or of a number's or a value's text), elements of an
    /// array, keys of an object.
    case length(Subject)
    /// `has(x)`: whether the value exists (for a placeholder without a path: is not empty).
    case has(Subject)

    var placeholder: Placeholder {
        switch self {
        case .placeholder(let placeholder, _): return placeholder
        case .length(let inner), .has(let inner): return inner.placeholder
        }
    }

    /// As written, normalised: `[BODY].data[0].id`, `len([BODY].items)`.
    public var description: String {
        switch self {
        case .placeholder(let placeholder, let path):
            return "[\(placeholder.rawValue)]" + path.map(\.description).joined()
        case .length(let inner): return "len(\(inner.description))"
        case .has(let inner): return "has(\(inner.description))"
        }
    }
}

/// The bracketed names a condition can start with.
public enum Placeholder: String, Sendable, CaseIterable {
    case status = "STATUS"
    case body = "BODY"
    case header = "HEADER"
    case responseTime = "RESPONSE_TIME"
    case connected = "CONNECTED"
    case ip = "IP"
    case certExpiry = "CERT_EXPIRY"
    case domainExpiry = "DOMAIN_EXPIRATION"
    case dnsCode = "DNS_RCODE"
    case p50 = "P50"
    case p95 = "P95"
    case p99 = "P99"
    case errorRate = "ERROR_RATE"

    /// Names accepted for Gatus compatibility.
    static let aliases: [String: Placeholder] = ["CERTIFICATE_EXPIRATION": .certExpiry]

    /// A placeholder by name, in any case (`[status]`, `[Certificate_Expiration]`).
    static func named(_ name: String) -> Placeholder? {
        let upper = name.uppercased()
        return Placeholder(rawValue: upper) ?? aliases[upper]
    }

    public var isAggregate: Bool {
        switch self {
        case .p50, .p95, .p99, .errorRate: return true
        default: return false
        }
    }

    /// The kind of value it stands for, before any path or function.
    var kind: ValueKind {
        switch self {
        case .status: return .number
        case .body: return .json
        case .header, .ip, .dnsCode: return .string
        case .responseTime, .certExpiry, .domainExpiry, .p50, .p95, .p99: return .duration
        case .connected: return .bool
        case .errorRate: return .percent
        }
    }
}

/// A step of a `[BODY]` path: `.key`, `["odd key"]`, `[0]`, `[*]` (every element).
public enum PathStep: Sendable, Equatable, CustomStringConvertible {
    case key(String)
    case index(Int)
    case every

    public var description: String {
        switch self {
        case .key(let key):
            let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { ConditionParser.isKeyScalar($0) }
            return plain ? ".\(key)" : "[\(Literal.string(key).description)]"
        case .index(let index): return "[\(index)]"
        case .every: return "[*]"
        }
    }
}

public enum Operator: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case contains
    case `in`
    case notIn = "not in"

    var isOrdering: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }

    /// The operator that says the same with its sides swapped: `<` for `>`.
    var mirrored: Operator {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return self
        }
    }
}

/// What the subject is compared with.
public enum Expected: Sendable, Equatable {
    case value(Literal)
    /// `in (401, 403)`, `not in (…)`, or Gatus's `== any(401, 403)` and `!= any(…)`.
    case list([Literal])
    /// Gatus's `pat(…)`: `*` any run of characters, `?` one, `[a-z]` a class, with `==` or `!=`.
    case pattern(TextPattern)
    /// Another placeholder: `[BODY].age == [BODY].id`, `[STATUS] == [BODY].status`.
    case subject(Subject)
}

public enum Literal: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case string(String)
    /// An unquoted word (`UP`, `john.doe`, `127.0.0.1`), as Gatus writes strings: a string where
    /// the subject is text, an error anywhere else. The parser resolves it before it returns.
    case word(String)
    case bool(Bool)
    case null
    /// Seconds, written `300ms`, `30s`, `14d`.
    case duration(Double)
    /// A fraction, written `1%`.
    case percent(Double)

    var kind: ValueKind {
        switch self {
        case .number: return .number
        case .string, .word: return .string
        case .bool: return .bool
        case .null: return .null
        case .duration: return .duration
        case .percent: return .percent
        }
    }

    public var description: String {
        switch self {
        case .number(let value): return NumberText.format(value)
        case .string(let text): return JSONValue.quoted(text)  // as the parser reads it back
        case .word(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .duration(let seconds): return DurationText.format(seconds)
        case .percent(let fraction): return NumberText.format(fraction * 100) + "%"
        }
    }
}

/// The kinds of value a subject or literal has, for type checks at parse time.
enum ValueKind: String {
    case number, string, bool, null, duration, percent
    /// A JSON value from the body: any of number, string, bool, null, array, object.
    case json
}

/// Numbers without a needless `.0`, and numbers read from text.
enum NumberText {
    /// A number as a condition or a JSON string may spell it: decimal (`42`, `-0.5`, `1e3`) or,
    /// as Go reads integers, `0x1F`, `0o17`, `0b101`. Nil for anything else (`inf`, `1_000`).
    static func parse(_ text: String) -> Double? {
        var digits = Substring(text)
        var sign = 1.0
        if let first = digits.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard let first = digits.first, first.isASCII, first.isNumber || first == "." else { return nil }
        if digits.count > 2, digits.hasPrefix("0") {
            let radix: Int? = switch digits.dropFirst().first {
            case "x", "X": 16
            case "o", "O": 8
            case "b", "B": 2
            default: nil
            }
            if let radix {
                return Int64(digits.dropFirst(2), radix: radix).map { sign * Double($0) }
            }
        }
        guard digits.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }),
              let value = Double(digits), value.isFinite else { return nil }
        return sign * value
    }


    static func format(_ value: Double) -> String {
        if value.isFinite && value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// Durations for people: `2.3ms`, `412ms`, `1.24s`, `14d 3h`.
enum DurationText {
    static func format(_ seconds: Double) -> String {
        if seconds < 0 { return "-" + format(-seconds) }
        if seconds < 0.01 { return trimmed(seconds * 1000, digits: 1) + "ms" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 { return trimmed(seconds, digits: 2) + "s" }
        return TimeSpan(seconds: seconds).description
    }

    private static func trimmed(_ value: Double, digits: Int) -> String {
        var text = String(format: "%.\(digits)f", value)
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text
    }
}
