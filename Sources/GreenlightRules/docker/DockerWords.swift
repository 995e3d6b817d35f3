/// Splits Dockerfile arguments into words the way BuildKit's word lexer does: whitespace
/// separates, quotes group, the escape character makes the next character literal.
public enum DockerWords {
    public static func split(_ text: PositionedText, escape: Unicode.Scalar) -> [DockerWord] {
        let scalars = text.scalars
        var words: [DockerWord] = []
        var index = 0
        while index < scalars.count {
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" {
                index += 1
            }
            guard index < scalars.count else { break }
            let start = index
            var value = String.UnicodeScalarView()
            var quote: Unicode.Scalar?
            while index < scalars.count {
                let scalar = scalars[index]
                if let open = quote {
                    if scalar == open {
                        quote = nil
                    } else if scalar == escape, open == "\"", index + 1 < scalars.count,
                              scalars[index + 1] == "\"" || scalars[index + 1] == escape || scalars[index + 1] == "$" {
                        index += 1
                        if scalars[index] == "$" { value.append(escape) }
                        value.append(scalars[index])
                    } else {
                        value.append(scalar)
                    }
                } else if scalar == " " || scalar == "\t" || scalar == "\n" {
                    break
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == escape, index + 1 < scalars.count {
                    index += 1
                    if scalars[index] == "$" { value.append(escape) }
                    value.append(scalars[index])
                } else {
                    value.append(scalar)
                }
                index += 1
            }
            words.append(DockerWord(
                text: String(value), raw: text.text(start..<index), position: text.position(at: start), offset: start))
        }
        return words
    }
}

/// `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}`
/// substitution, as BuildKit does it for `FROM`, `ENV`, `EXPOSE` and the rest.
public struct DockerExpansion: Sendable {
    /// The text with every resolvable variable substituted.
    public let value: String
    /// Names used without any declaration and without a default operator.
    public let undeclared: [String]
    /// Whether some variable is declared without a value (known only at build time).
    public let unresolved: Bool

    /// `values`: declared names; a nil value means declared without a default.
    public init(_ text: String, values: [String: String?], escape: Unicode.Scalar = "\\") {
        var out = String.UnicodeScalarView()
        var undeclared: [String] = []
        var unresolved = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || (scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == escape, index + 1 < scalars.count, scalars[index + 1] == "$" {
                out.append("$")
                index += 2
                continue
            }
            guard scalar == "$", index + 1 < scalars.count else {
                out.append(scalar)
                index += 1
                continue
            }
            var name = ""
            var operation = ""
            var operand = ""
            if scalars[index + 1] == "{" {
                var end = index + 2
                while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
                name = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
                var close = end
                var depth = 1
                while close < scalars.count {
                    if scalars[close] == "{" { depth += 1 }
                    if scalars[close] == "}" { depth -= 1; if depth == 0 { break } }
                    close += 1
                }
                let rest = String(String.UnicodeScalarView(scalars[end..<min(close, scalars.count)]))
                for op in [":-", ":+", ":?", "-", "+", "?"] where rest.hasPrefix(op) {
                    operation = op
                    operand = String(rest.dropFirst(op.count))
                    break
                }
                index = min(close + 1, scalars.count)
            } else {
                var end = index + 1
                while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
                name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if name.isEmpty {
                    out.append("$")
                    index += 1
                    continue
                }
                index = end
            }
            let declared = values.keys.contains(name)
            let value = values[name] ?? nil
            switch operation {
            case ":-", "-":
                if let value, !(operation == ":-" && value.isEmpty) {
                    out.append(contentsOf: value.unicodeScalars)
                } else if declared && value == nil {
                    unresolved = true
                } else {
                    out.append(contentsOf: DockerExpansion(operand, values: values, escape: escape).value.unicodeScalars)
                }
            case ":+", "+":
                if let value, !(operation == ":+" && value.isEmpty) {
                    out.append(contentsOf: operand.unicodeScalars)
                } else if declared && value == nil {
                    unresolved = true
                }
            default:
                if !declared {
                    undeclared.append(name)
                } else if let value {
                    out.append(contentsOf: value.unicodeScalars)
                } else {
                    unresolved = true
                }
            }
        }
        self.value = String(out)
        self.undeclared = undeclared
        self.unresolved = unresolved
    }
}
