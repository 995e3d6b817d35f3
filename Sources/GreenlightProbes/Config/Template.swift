import GreenlightCore

/// A configuration string with `${NAME}` references to environment variables (`$${` writes a
/// literal `${`). Parsed at load time, with each reference's offset; expanded at run time.
/// The template, never its expansion, is what reports show.
public struct Template: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case text(String)
        case variable(String, offset: Int)
    }

    public let source: PositionedScalar
    public let parts: [Part]

    /// The template as written — safe to show.
    public var text: String { source.text }

    /// Names referenced, in order, without repeats.
    public var variables: [String] {
        var seen: [String] = []
        for case .variable(let name, _) in parts where !seen.contains(name) { seen.append(name) }
        return seen
    }

    public var hasVariables: Bool { !variables.isEmpty }

    /// The text before the first reference (to check a URL's scheme at load time).
    public var literalPrefix: String {
        var prefix = ""
        for part in parts {
            guard case .text(let text) = part else { break }
            prefix += text
        }
        return prefix
    }

    public init(_ source: PositionedScalar) throws(ConditionSyntaxError) {
        self.source = source
        var parts: [Part] = []
        var text = ""
        let scalars = Array(source.text.unicodeScalars)
        var at = 0
        while at < scalars.count {
            let scalar = scalars[at]
            if scalar == "$" && at + 2 < scalars.count && scalars[at + 1] == "$" && scalars[at + 2] == "{" {
                text += "${"
                at += 3
                continue
            }
            guard scalar == "$" && at + 1 < scalars.count && scalars[at + 1] == "{" else {
                text.unicodeScalars.append(scalar)
                at += 1
                continue
            }
            let start = at
            var name = ""
            at += 2
            while at < scalars.count && scalars[at] != "}" && name.unicodeScalars.count <= 128 {
                name.unicodeScalars.append(scalars[at])
                at += 1
            }
            guard at < scalars.count && scalars[at] == "}" else {
                throw ConditionSyntaxError(offset: start, message: "unclosed '${' (write ${NAME}, or $${ for a literal '${')")
            }
            guard Template.isName(name) else {
                throw ConditionSyntaxError(offset: start, message: "invalid variable name '\(name)' in '${…}' (letters, digits and _, not starting with a digit)")
            }
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
            parts.append(.variable(name, offset: start))
            at += 1
        }
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }

    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// The expansion, or the references whose variable is unset or empty.
    public func expand(_ environment: [String: String]) -> Result<String, MissingVariables> {
        var out = ""
        var missing: [MissingVariables.Reference] = []
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .variable(let name, let offset):
                if let value = environment[name], !value.isEmpty {
                    out += value
                } else if !missing.contains(where: { $0.name == name }) {
                    missing.append(MissingVariables.Reference(name: name, position: source.position(at: offset)))
                }
            }
        }
        return missing.isEmpty ? .success(out) : .failure(MissingVariables(references: missing))
    }
}

/// `${NAME}` references whose variable is not set (or empty).
public struct MissingVariables: Error, Sendable, Equatable {
    public struct Reference: Sendable, Equatable {
        public let name: String
        public let position: SourcePosition?
    }

    public let references: [Reference]
}
