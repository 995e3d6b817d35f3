import Foundation
import GreenlightCore
import Testing

/// A named output is written into; only a regular file is ever replaced.
@Suite struct OutputFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-output-\(UUID().uuidString)").path

    func type(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    @Test func aDeviceIsWrittenIntoNotReplaced() throws {
        try OutputFile.write(Data("report\n".utf8), to: "/dev/null")
        #expect(try type("/dev/null") == .typeCharacterSpecial)
    }

    @Test func aRegularFileIsReplacedAndALinkKept() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/report.md"
        try OutputFile.write(Data("old, longer text\n".utf8), to: file)
        try OutputFile.write(Data("new\n".utf8), to: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new\n")
        let link = folder + "/latest.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try OutputFile.write(Data("via link\n".utf8), to: link)
        #expect(try type(link) == .typeSymbolicLink)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "via link\n")
    }

    @Test func aFolderIsAnError() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try OutputFile.write(Data("x".utf8), to: folder) }
        #expect(try type(folder) == .typeDirectory)
    }
}
