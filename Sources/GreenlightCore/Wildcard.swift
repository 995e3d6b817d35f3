/// Shell-style wildcards over a whole text, as one glob segment reads them: `*` any run of
/// characters (slashes included), `?` one, `[a-z]` / `[!0-9]` a class, `\` the next character
/// literally. Matched in at most pattern × text steps. Gatus's `pat(…)` is one.
public struct Wildcard: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let tokens: [Glob.Token]

    public init(_ pattern: String) throws(Glob.SyntaxError) {
        self.pattern = pattern
        do {
            tokens = try Glob.tokens(Substring(pattern), original: pattern)
        } catch let error as Glob.SyntaxError {
            throw error
        } catch {
            throw Glob.SyntaxError(pattern: pattern, reason: "\(error)")
        }
    }

    public func matches(_ text: String) -> Bool { Glob.matchSegment(tokens, Array(text)) }

    public var description: String { pattern }
}
