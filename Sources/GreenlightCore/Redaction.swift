/// How a secret value may be shown: at most its first 4 characters (fewer for short values),
/// its length and a fingerprint — never the value. Every output, log, error message and stored
/// record goes through this.
public struct RedactedSecret: Sendable, Equatable, CustomStringConvertible {
    /// The first characters: a quarter of the value, at most 4, none for values under 8.
    public let prefix: String
    /// Length in characters.
    public let length: Int
    /// 12 hex digits of a SHA-256 of the value: the same secret gives the same fingerprint, so
    /// one leak can be followed across files and commits.
    public let fingerprint: String

    public init(_ value: String) {
        let characters = Array(value)
        length = characters.count
        let shown = length < 8 ? 0 : min(4, length / 4)
        prefix = String(characters.prefix(shown)).filter { !$0.isWhitespace && !$0.isNewline }
        fingerprint = String(SHA256.hex("greenlight-secret\u{0}" + value).prefix(12))
    }

    /// `ghp_… (40 chars, fingerprint 1a2b3c4d5e6f)`.
    public var description: String {
        "\(prefix.isEmpty ? "" : "`\(prefix)…` ")(\(length) chars, fingerprint \(fingerprint))"
    }

    /// The text to put where a secret was: `[redacted ghp_… 40 chars]`.
    public var placeholder: String {
        "[redacted\(prefix.isEmpty ? "" : " \(prefix)…") \(length) chars]"
    }
}
