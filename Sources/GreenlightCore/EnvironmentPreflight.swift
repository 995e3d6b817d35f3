/// Required environment variables, checked before a job that needs them runs: each must be set
/// and not blank. Only presence and length are ever reported — never a value. Used by
/// `greenlight preflight` and, as a library call, by the loops and probes before they start.
public enum EnvironmentPreflight {
    public enum State: String, Codable, Sendable, Equatable {
        /// Set and not blank.
        case set
        /// Not set at all.
        case missing
        /// Set, but empty or only whitespace.
        case empty
    }

    /// One required variable: name, state, and the value's length only — what `greenlight
    /// preflight` prints and the loop reports record.
    public struct Entry: Codable, Sendable, Equatable {
        public let name: String
        public let state: State
        /// The value's length in characters, when set.
        public let length: Int?

        public init(name: String, state: State, length: Int?) {
            self.name = name
            self.state = state
            self.length = length
        }

        /// `set (32 characters)`, `missing`, `empty`.
        public var stateText: String {
            switch state {
            case .set:
                let length = length ?? 0
                return "set (\(length) character\(length == 1 ? "" : "s"))"
            case .missing, .empty: return state.rawValue
            }
        }

        /// `API_KEY set (32 characters)`, `ADMIN_API_KEY missing`.
        public var description: String { "\(name) \(stateText)" }
    }

    public struct Report: Sendable, Equatable {
        public let entries: [Entry]

        public var passed: Bool { entries.allSatisfy { $0.state == .set } }

        /// Names that are missing or empty, in the order asked.
        public var failing: [String] { entries.filter { $0.state != .set }.map(\.name) }

        /// One line per name, names aligned: `API_KEY        set (32 characters)`,
        /// `ADMIN_API_KEY  missing`.
        public var lines: [String] {
            let width = entries.map(\.name.count).max() ?? 0
            return entries.map { entry in
                entry.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.stateText
            }
        }

        /// The one line a failed preflight ends with, naming what is missing.
        public var failureMessage: String {
            let names = failing
            return "preflight failed: \(names.count) of \(entries.count) required variable\(entries.count == 1 ? "" : "s") "
                + "missing or empty: \(names.joined(separator: ", "))"
        }
    }

    /// Whether `name` can be an environment variable name: a letter or `_`, then letters,
    /// digits and `_`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// Check `names` (duplicates dropped, order kept) against `environment`. Invalid names are
    /// a usage error that shows the name redacted: a shell that expanded `$TOKEN` where `TOKEN`
    /// was meant passes the secret itself.
    public static func check(_ names: [String], in environment: [String: String]) throws -> Report {
        var seen: Set<String> = []
        var entries: [Entry] = []
        for (position, name) in names.enumerated() where seen.insert(name).inserted {
            guard isValidName(name) else {
                throw ToolError.usage(
                    "required name #\(position + 1) \(RedactedSecret(name)) is not an environment variable name "
                        + "(letters, digits and _, not starting with a digit)")
            }
            guard let value = environment[name] else {
                entries.append(Entry(name: name, state: .missing, length: nil))
                continue
            }
            let blank = value.allSatisfy { $0.isWhitespace || $0.isNewline }
            entries.append(Entry(name: name, state: blank ? .empty : .set, length: blank ? nil : value.count))
        }
        return Report(entries: entries)
    }
}
