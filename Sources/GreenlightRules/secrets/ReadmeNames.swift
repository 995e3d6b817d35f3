import Foundation
import GreenlightCore

/// The variable names the READMEs of a file's folder and the folders above it document
/// (`export ALPHA_VANTAGE_API_KEY=…`, a table of variables, `AIRWEAVE_API_KEY=key npm start`):
/// a reader setting up that part of the repository learns them there.
struct ReadmeNames {
    private let snapshot: RepositorySnapshot
    /// Folder → the README files in it (`README.md`, `readme.rst`, `README`).
    private let readmes: [String: [String]]
    private var byFolder: [String: Set<String>] = [:]

    init(_ snapshot: RepositorySnapshot) {
        self.snapshot = snapshot
        var readmes: [String: [String]] = [:]
        for entry in snapshot.entries where Self.isReadme(entry.path) {
            readmes[RepositoryPath.folder(of: entry.path), default: []].append(entry.path)
        }
        self.readmes = readmes
    }

    static func isReadme(_ path: String) -> Bool {
        let name = RepositoryPath.name(of: path)
        guard name.count >= 6, name.prefix(6).lowercased() == "readme" else { return false }
        return name.count == 6 || name[name.index(name.startIndex, offsetBy: 6)] == "."
    }

    private static let constantName = try! NSRegularExpression(pattern: #"(?<![A-Za-z0-9_])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?![A-Za-z0-9_])"#)

    /// The CONSTANT_CASE names with an underscore that `text` mentions, in prose, tables, code
    /// blocks or comments.
    static func mentioned(in text: SourceText) -> Set<String> {
        EnvFiles.captures(of: constantName, in: text, onLinesWith: "_")
    }

    /// The names documented by the READMEs at `path`'s folder and above it.
    mutating func names(above path: String) throws -> Set<String> {
        var names: Set<String> = []
        var folder = RepositoryPath.folder(of: path)
        while true {
            names.formUnion(try own(folder))
            if folder.isEmpty { return names }
            folder = RepositoryPath.folder(of: folder)
        }
    }

    private mutating func own(_ folder: String) throws -> Set<String> {
        if let known = byFolder[folder] { return known }
        var names: Set<String> = []
        for path in readmes[folder] ?? [] {
            if let text = try snapshot.text(at: path) { names.formUnion(Self.mentioned(in: text)) }
        }
        byFolder[folder] = names
        return names
    }
}
