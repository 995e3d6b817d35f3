import Foundation
@testable import GreenlightCore
import Testing

@Suite struct PrimitiveTests {
    @Test func byteSearchFindsNeedlesAcrossFalseStarts() {
        #expect(ByteSearch.contains("aab aabc", "aabc"))
        #expect(!ByteSearch.contains("aab aab", "aabc"))
        #expect(ByteSearch.contains(Array("x".utf8), ""))
        #expect(!ByteSearch.contains("", "x"))
    }

    @Test func markdownCellsStayInTheirCell() {
        #expect(MarkdownCell.text("a | b\\c\r\nd") == "a \\| b\\\\c  d")
        #expect(MarkdownCell.code("x`y | C:\\z\n") == "`x'y \\| C:\\z `")
    }

    @Test func durationsCombineUnits() {
        #expect(TimeSpan("1h30m")?.seconds == 5400)
        #expect(TimeSpan("300ms")?.seconds == 0.3)
        #expect(TimeSpan("5") == nil)
        #expect(TimeSpan("5 parsecs") == nil)
    }

    @Test func fileStampsSortByTime() {
        let date = Timestamp.parse("2026-11-21T09:00:00Z")!
        #expect(Timestamp.fileStamp(Timestamp.format(date)) == "20261121T090000Z")
    }

    @Test func stableJSONSortsKeysAndEndsWithANewline() throws {
        #expect(try StableJSON.text(["b": "/", "a": "x"]) == "{\n  \"a\" : \"x\",\n  \"b\" : \"/\"\n}\n")
    }

    struct Shape: Decodable {
        let name: String
    }

    private func message<T>(_ body: () throws -> T) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? ToolError)?.message
        }
    }

    @Test func yamlIsReadWithPositions() throws {
        #expect(try DecodedYAML<Shape>.read("", file: "f.yml") == nil)
        #expect(try DecodedYAML<Shape>.read("name: x", file: "f.yml")?.value.name == "x")
        #expect(message { try DecodedYAML<Shape>.read("- a", file: "f.yml", requireMapping: "must be a mapping") }
            == "f.yml:1:1: must be a mapping")
        #expect(message { try DecodedYAML<Shape>.read("# c\nname: [1]", file: "f.yml", culprit: { _, _ in " (item)" }) }
            == "f.yml:2:7: expected a single value at name (item)")
    }
}
