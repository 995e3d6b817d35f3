import Foundation

/// Turns increasing byte offsets into 1-based lines and columns (Unicode scalars, as
/// `SourceText` counts them: a leading BOM is not a column), without decoding the whole file.
struct PositionCursor {
    let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0
    private var columnOffset = 0
    private var column = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            offset = 3
            lineStart = 3
            columnOffset = 3
        }
    }

    mutating func position(of target: Int) -> (line: Int, column: Int) {
        let target = max(target, offset)
        bytes.withUnsafeBufferPointer { buffer in
            var index = offset
            while index < target {
                if buffer[index] == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
        offset = target
        if columnOffset < lineStart {
            columnOffset = lineStart
            column = 1
        }
        column += String(decoding: bytes[columnOffset..<target], as: UTF8.self).unicodeScalars.count
        columnOffset = target
        return (line, column)
    }
}
