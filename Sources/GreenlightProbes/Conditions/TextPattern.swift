/// Gatus's `pat(…)`: a shell-style pattern matched against the whole value's text. `*` is any
/// run of characters (slashes included, as Gatus strips them before matching), `?` one
/// character, `[a-z]` / `[^0-9]` a class, and `\` makes the next character literal. Matching is
/// bounded: at most pattern × text steps, with no backtracking past the last `*`.
public struct TextPattern: Sendable, Equatable, CustomStringConvertible {
    enum Token: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case any
        case one
        case set([ClosedRange<Unicode.Scalar>], negated: Bool)
    }

    /// As written between the parentheses.
    public let source: String
    let tokens: [Token]

    public var description: String { "pat(\(source))" }

    /// Nil with the reason when the pattern is malformed (an unclosed class, a trailing `\`).
    static func compile(_ source: String) -> Result<TextPattern, PatternError> {
        let scalars = Array(source.unicodeScalars)
        var tokens: [Token] = []
        var at = 0
        while at < scalars.count {
            let scalar = scalars[at]
            at += 1
            switch scalar {
            case "*":
                if tokens.last != .any { tokens.append(.any) }
            case "?":
                tokens.append(.one)
            case "\\":
                guard at < scalars.count else { return .failure(PatternError(message: "a pattern cannot end with '\\'")) }
                tokens.append(.scalar(scalars[at]))
                at += 1
            case "[":
                var negated = false
                if at < scalars.count, scalars[at] == "^" || scalars[at] == "!" {
                    negated = true
                    at += 1
                }
                var ranges: [ClosedRange<Unicode.Scalar>] = []
                var closed = false
                while at < scalars.count {
                    var low = scalars[at]
                    if low == "]" && !ranges.isEmpty {
                        closed = true
                        at += 1
                        break
                    }
                    if low == "\\", at + 1 < scalars.count {
                        at += 1
                        low = scalars[at]
                    }
                    at += 1
                    var high = low
                    if at + 1 < scalars.count, scalars[at] == "-", scalars[at + 1] != "]" {
                        high = scalars[at + 1]
                        at += 2
                    }
                    guard low <= high else { return .failure(PatternError(message: "the range \(low)-\(high) in a pattern class is backwards")) }
                    ranges.append(low...high)
                }
                guard closed else { return .failure(PatternError(message: "unclosed '[' in the pattern")) }
                tokens.append(.set(ranges, negated: negated))
            default:
                tokens.append(.scalar(scalar))
            }
        }
        return .success(TextPattern(source: source, tokens: tokens))
    }

    /// Whether the whole text matches.
    public func matches(_ text: String) -> Bool {
        let text = Array(text.unicodeScalars)
        var (t, p) = (0, 0)
        var star: (pattern: Int, text: Int)?
        while t < text.count {
            if p < tokens.count {
                switch tokens[p] {
                case .any:
                    star = (p, t)
                    p += 1
                    continue
                case .one:
                    t += 1
                    p += 1
                    continue
                case .scalar(let scalar) where scalar == text[t]:
                    t += 1
                    p += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains { $0.contains(text[t]) } != negated:
                    t += 1
                    p += 1
                    continue
                default:
                    break
                }
            }
            guard let last = star else { return false }
            star = (last.pattern, last.text + 1)
            p = last.pattern + 1
            t = last.text + 1
        }
        while p < tokens.count, tokens[p] == .any { p += 1 }
        return p == tokens.count
    }

    struct PatternError: Error {
        let message: String
    }
}
