import Foundation
import GreenlightCore

/// Writes a rendering to `--output FILE` or standard output.
struct Output {
    let console: Console
    let file: String?

    func write(_ text: String) throws {
        guard let file else {
            console.out(text)
            return
        }
        let path = console.resolve(file)
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try OutputFile.write(Data(text.utf8), to: path)
        } catch {
            throw ToolError.usage("\(file): cannot write output file")
        }
    }
}
