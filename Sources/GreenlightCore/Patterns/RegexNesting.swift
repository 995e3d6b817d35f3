/// Finds the shape of regular expression that backtracks exponentially: a group that holds
/// an unbounded quantifier (`*`, `+`, `{n,}`) and is itself repeated without bound (or over 100
/// times), unless the group starts with an unquantified atom and has no alternation — the
/// `(?:-[a-z]+)+` idiom, whose repetitions cannot overlap in the usual case.
public enum RegexNesting {
    /// The offending group with its quantifier (`(a+)+`), or nil.
    public static func unboundedGroup(in pattern: String) -> String? {
        var parser = NestingParser(Array(pattern.unicodeScalars))
        return parser.run()
    }
}

/// A single pass over a regex's syntax, keeping per group whether it holds an unbounded
/// quantifier, whether its first atom is mandatory, and whether it has alternatives.
private struct NestingParser {
    struct Frame {
        var start: Int
        var unbounded = false
        var firstMandatory: Bool?
        var alternation = false
    }

    struct Quantifier {
        var length: Int
        var optional: Bool
        var unbounded: Bool
        var large: Bool
    }

    let chars: [Unicode.Scalar]
    var frames: [Frame] = [Frame(start: 0)]
    var index = 0

    init(_ chars: [Unicode.Scalar]) { self.chars = chars }

    mutating func run() -> String? {
        while index < chars.count {
            switch chars[index] {
            case "\\":
                let next = index + 1 < chars.count ? chars[index + 1] : "\\"
                if next == "Q" {
                    index += 2
                    while index + 1 < chars.count, !(chars[index] == "\\" && chars[index + 1] == "E") { index += 1 }
                    index += 2
                    atom()
                } else if "bBAzZG".unicodeScalars.contains(next) {
                    index += 2
                } else {
                    index += 2
                    if ["p", "P", "x", "N"].contains(next), index < chars.count, chars[index] == "{" {
                        while index < chars.count, chars[index] != "}" { index += 1 }
                        index += 1
                    }
                    atom()
                }
            case "[":
                skipClass()
                atom()
            case "(":
                frames.append(Frame(start: index))
                index += 1
                skipGroupHeader()
            case ")":
                index += 1
                guard frames.count > 1 else { continue }
                let frame = frames.removeLast()
                let q = quantifier()
                if frame.unbounded, let q, q.large, frame.firstMandatory != true || frame.alternation {
                    return String(String.UnicodeScalarView(chars[frame.start..<min(chars.count, index + q.length)]))
                }
                note(q, innerUnbounded: frame.unbounded)
            case "|":
                frames[frames.count - 1].alternation = true
                index += 1
            case "^", "$":
                index += 1
            default:
                index += 1
                atom()
            }
        }
        return nil
    }

    /// After an atom: read its quantifier and record it in the enclosing group.
    private mutating func atom() {
        note(quantifier(), innerUnbounded: false)
    }

    private mutating func note(_ q: Quantifier?, innerUnbounded: Bool) {
        let last = frames.count - 1
        // Only an unquantified first atom fixes where each repetition starts.
        if frames[last].firstMandatory == nil { frames[last].firstMandatory = q == nil }
        if innerUnbounded || (q?.unbounded ?? false) { frames[last].unbounded = true }
        if let q {
            index += q.length
            if index < chars.count, chars[index] == "?" || chars[index] == "+" { index += 1 }
        }
    }

    /// The quantifier at `index`, if any (not consumed).
    private func quantifier() -> Quantifier? {
        guard index < chars.count else { return nil }
        switch chars[index] {
        case "*": return Quantifier(length: 1, optional: true, unbounded: true, large: true)
        case "+": return Quantifier(length: 1, optional: false, unbounded: true, large: true)
        case "?": return Quantifier(length: 1, optional: true, unbounded: false, large: false)
        case "{":
            var end = index + 1
            while end < chars.count, chars[end] != "}" { end += 1 }
            guard end < chars.count else { return nil }
            let body = String(String.UnicodeScalarView(chars[(index + 1)..<end]))
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count <= 2, let low = Int(parts[0]) else { return nil }
            if parts.count == 1 { return Quantifier(length: end - index + 1, optional: low == 0, unbounded: false, large: low > 100) }
            if parts[1].isEmpty { return Quantifier(length: end - index + 1, optional: low == 0, unbounded: true, large: true) }
            guard let high = Int(parts[1]) else { return nil }
            return Quantifier(length: end - index + 1, optional: low == 0, unbounded: false, large: high > 100)
        default: return nil
        }
    }

    private mutating func skipClass() {
        var depth = 1
        index += 1
        if index < chars.count, chars[index] == "^" { index += 1 }
        if index < chars.count, chars[index] == "]" { index += 1 }
        while index < chars.count, depth > 0 {
            if chars[index] == "\\" { index += 2; continue }
            if chars[index] == "[" { depth += 1 }
            if chars[index] == "]" { depth -= 1 }
            index += 1
        }
    }

    /// `?:`, `?=`, `?!`, `?<=`, `?<!`, `?>`, `?<name>`, `?i:`, `?i)`.
    private mutating func skipGroupHeader() {
        guard index < chars.count, chars[index] == "?" else { return }
        index += 1
        guard index < chars.count else { return }
        switch chars[index] {
        case ":", "=", "!", ">": index += 1
        case "<":
            index += 1
            if index < chars.count, chars[index] == "=" || chars[index] == "!" {
                index += 1
            } else {
                while index < chars.count, chars[index] != ">" { index += 1 }
                index += 1
            }
        default:
            while index < chars.count, chars[index].properties.isAlphabetic || chars[index] == "-" { index += 1 }
            if index < chars.count, chars[index] == ":" { index += 1 }
        }
    }
}
