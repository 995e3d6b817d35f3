/// Required environment variables present and non-empty — values never shown, only names and
/// lengths. Self-contained on purpose: `greenlight preflight --require NAME,...` (the secrets
/// family) does the same check, and this file is the one to replace with it.
public enum EnvironmentPreflight {
    public struct Variable: Codable, Sendable, Equatable {
        public enum State: String, Codable, Sendable {
            case set
            case missing
            /// Present but empty, or only whitespace.
            case empty
        }

        public var name: String
        public var state: State
        /// Characters in the value, when set.
        public var length: Int?

        public init(name: String, state: State, length: Int?) {
            self.name = name
            self.state = state
            self.length = length
        }

        /// `API_KEY set (32 characters)`, `ADMIN_API_KEY missing`.
        public var description: String {
            switch state {
            case .set: return "\(name) set (\(length ?? 0) characters)"
            case .missing: return "\(name) missing"
            case .empty: return "\(name) empty"
            }
        }
    }

    /// One entry per name, in the order given (duplicates once).
    public static func check(_ names: [String], in environment: [String: String]) -> [Variable] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }.map { name in
            guard let value = environment[name] else { return Variable(name: name, state: .missing, length: nil) }
            if value.allSatisfy({ $0.isWhitespace || $0.isNewline }) {
                return Variable(name: name, state: .empty, length: nil)
            }
            return Variable(name: name, state: .set, length: value.count)
        }
    }

    /// Letters, digits and `_`, not starting with a digit.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber, name.count <= 200 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
