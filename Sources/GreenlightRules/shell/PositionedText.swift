import GreenlightCore

/// Text assembled from pieces of a file (a logical line joined from continuation lines, a
/// heredoc body, a YAML block scalar) that still knows where each of its scalars came from.
public struct PositionedText: Sendable {
    public private(set) var scalars: [Unicode.Scalar] = []
    /// Where each appended piece starts: its offset in `scalars` and its file position.
    private var anchors: [Anchor] = []

    private struct Anchor: Sendable {
        let offset: Int
        let position: SourcePosition
    }

    public init() {}

    /// A single piece of text starting at `position`.
    public init(_ text: Substring, at position: SourcePosition) {
        append(text, at: position)
    }

    public var isEmpty: Bool { scalars.isEmpty }
    public var count: Int { scalars.count }
    public var string: String { Self.string(scalars[...]) }

    /// Append `text`, whose first scalar sits at `position` in the file.
    public mutating func append(_ text: Substring, at position: SourcePosition) {
        anchors.append(Anchor(offset: scalars.count, position: position))
        scalars.append(contentsOf: text.unicodeScalars)
    }

    /// Append a line break that belongs to the line `line` (after its last scalar).
    public mutating func appendNewline(afterLine line: Int, column: Int) {
        anchors.append(Anchor(offset: scalars.count, position: SourcePosition(line: line, column: column)))
        scalars.append("\n")
    }

    /// The file position of the scalar at `offset` (the end of the text for offsets past it).
    public func position(at offset: Int) -> SourcePosition {
        guard !anchors.isEmpty else { return SourcePosition(line: 1, column: 1) }
        var low = 0
        var high = anchors.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if anchors[middle].offset <= offset { low = middle } else { high = middle - 1 }
        }
        let anchor = anchors[low]
        return SourcePosition(line: anchor.position.line, column: anchor.position.column + max(0, offset - anchor.offset))
    }

    /// The text of `scalars[range]`.
    public func text(_ range: Range<Int>) -> String {
        Self.string(scalars[range.clamped(to: 0..<scalars.count)])
    }

    /// The scalars as a string, through their UTF-8 bytes (appending scalar by scalar to a
    /// string re-checks its storage at every step).
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A sub-text keeping positions.
    public func slice(_ range: Range<Int>) -> PositionedText {
        let clamped = range.clamped(to: 0..<scalars.count)
        var out = PositionedText()
        var start = clamped.lowerBound
        while start < clamped.upperBound {
            // Cut at each anchor so that every piece maps by a plain column offset.
            let next = nextAnchorOffset(after: start).map { min($0, clamped.upperBound) } ?? clamped.upperBound
            out.anchors.append(Anchor(offset: out.scalars.count, position: position(at: start)))
            out.scalars.append(contentsOf: scalars[start..<next])
            start = next
        }
        return out
    }

    private func nextAnchorOffset(after offset: Int) -> Int? {
        var low = 0
        var high = anchors.count
        while low < high {
            let middle = (low + high) / 2
            if anchors[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        return low < anchors.count ? anchors[low].offset : nil
    }
}
