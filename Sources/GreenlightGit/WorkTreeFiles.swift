import Foundation
import GreenlightCore

/// Reads CI artifacts from the work tree (see `WorkTreeReading`).
final class WorkTreeFiles: WorkTreeReading {
    private let root: String

    init(root: String) {
        self.root = root
    }

    func files(matching glob: Glob) throws -> [String] {
        let rootURL = URL(fileURLWithPath: root)
        guard let walker = FileManager.default.enumerator(
            at: rootURL, includingPropertiesForKeys: [.isRegularFileKey], options: []) else { return [] }
        var found: [String] = []
        let prefix = rootURL.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            if relative == ".git" || relative.hasPrefix(".git/") || relative.hasPrefix(".build") {
                walker.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            if glob.matches(relative) { found.append(relative) }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    func read(_ path: String, limit: Int) throws -> [UInt8]? {
        let full = root + "/" + path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: full) else { return nil }
        if let size = attributes[.size] as? Int, size > limit {
            throw ToolError.runtime("\(path): \(size) bytes, over the \(limit)-byte limit for evidence files")
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw ToolError.runtime("\(path): cannot read from the work tree")
        }
        return Array(data)
    }
}
