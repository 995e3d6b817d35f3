/// A 1-based line and column (columns in Unicode scalars) in a file of the snapshot or the
/// configuration.
public struct SourcePosition: Sendable, Equatable, Codable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
