import GreenlightCore

/// Gatus's `pat(…)`: a shell-style pattern matched against the whole value's text, as Gatus's
/// `filepath.Match` reads it once it has removed the slashes — here `*` simply runs over them.
/// The matching is the glob's own (`Wildcard`), bounded by pattern × text steps.
public struct TextPattern: Sendable, Equatable, CustomStringConvertible {
    /// As written between the parentheses.
    public let source: String
    private let wildcard: Wildcard

    public var description: String { "pat(\(source))" }

    /// The pattern, or why it is malformed (an unclosed class, a trailing `\`).
    static func compile(_ source: String) -> Result<TextPattern, PatternError> {
        do {
            return .success(TextPattern(source: source, wildcard: try Wildcard(source)))
        } catch {
            return .failure(PatternError(message: "\(error.reason) in pat(…)"))
        }
    }

    private init(source: String, wildcard: Wildcard) {
        self.source = source
        self.wildcard = wildcard
    }

    /// Whether the whole text matches.
    public func matches(_ text: String) -> Bool { wildcard.matches(text) }

    struct PatternError: Error {
        let message: String
    }
}
