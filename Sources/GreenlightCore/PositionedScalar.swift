import Yams

/// A string from the configuration with where it was written, so that errors and findings can
/// point inside it. Decoded through Yams, which hands over the scalar's mark and style; from any
/// other decoder the position is unknown.
public struct PositionedScalar: Decodable, ScalarConstructible, Sendable, Equatable {
    public let text: String
    /// Where the scalar starts (its opening quote, if quoted).
    public let position: SourcePosition?
    /// Whether column offsets within `text` map straight onto the file: plain or quoted on a
    /// single line, without escapes.
    let offsetsAreExact: Bool
    let quoted: Bool

    public init(_ text: String, position: SourcePosition? = nil) {
        self.text = text
        self.position = position
        self.offsetsAreExact = position != nil
        self.quoted = false
    }

    public static func construct(from scalar: Node.Scalar) -> PositionedScalar? {
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        let inline = scalar.style == .plain || quoted
        return PositionedScalar(
            text: scalar.string,
            position: scalar.mark.map { SourcePosition(line: $0.line, column: $0.column) },
            offsetsAreExact: inline && !scalar.string.contains("\n") && !scalar.string.contains("\\")
                && !scalar.string.contains("'"),
            quoted: quoted)
    }

    private init(text: String, position: SourcePosition?, offsetsAreExact: Bool, quoted: Bool) {
        self.text = text
        self.position = position
        self.offsetsAreExact = offsetsAreExact
        self.quoted = quoted
    }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// The position of the scalar at `offset` (0-based, in Unicode scalars) within the text;
    /// the scalar's own position when offsets are not exact.
    public func position(at offset: Int) -> SourcePosition? {
        guard let position else { return nil }
        guard offsetsAreExact else { return position }
        return SourcePosition(line: position.line, column: position.column + offset + (quoted ? 1 : 0))
    }

    /// `file:line:column` of the scalar in `file`, or `file` when its position is unknown.
    public func location(in file: String) -> String {
        position.map { "\(file):\($0.line):\($0.column)" } ?? file
    }

    /// An error at `offset` within this scalar, positioned when the position is known.
    public func error(at offset: Int, _ message: String, codingPath: [CodingKey]) -> Error {
        if let at = position(at: offset) {
            return PositionedConfigError(line: at.line, column: at.column, message: message)
        }
        return DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: message))
    }
}
