import Foundation
import Testing

/// Golden files: output compared byte for byte with a file kept beside the tests. Run the tests
/// with `GREENLIGHT_UPDATE_GOLDEN=1` to rewrite the files after an intended change (then read
/// the diff).
public enum GoldenFile {
    /// Whether this run rewrites golden files instead of only comparing with them.
    public static var updating: Bool {
        let value = ProcessInfo.processInfo.environment["GREENLIGHT_UPDATE_GOLDEN"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// The folder `Golden` (or `folder`) beside the test file that calls this.
    public static func folder(_ name: String = "Golden", beside testFile: String = #filePath) -> URL {
        URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Expect `actual` to equal the file's content (rewriting the file first when updating).
    public static func expect(_ actual: String, equals file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if updating {
            try Data(actual.utf8).write(to: file)
        }
        let expected = (try? String(contentsOf: file, encoding: .utf8)) ?? "<missing \(file.lastPathComponent)>"
        #expect(actual == expected, "golden \(file.lastPathComponent) differs", sourceLocation: sourceLocation)
    }
}
