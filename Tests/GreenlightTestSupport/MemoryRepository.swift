import Foundation
import GreenlightCore

/// A repository held in memory: files committed once, at one date, by one fixed commit. It
/// answers what a real one-commit repository answers — entries, blobs, the work tree, the last
/// change of each path and the lines the commit added — without git.
public final class MemoryRepository {
    /// The id of the one commit.
    public static let commitID = "5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed"
    public static let root = "/memory/repo"

    public let files: [String: [UInt8]]
    /// When the commit was made (author and committer time).
    public let commitTime: Date
    /// Paths whose blobs the object database does not have, as a partial clone would leave them.
    public let missingObjects: Set<String>
    /// Whether its snapshots say several threads may read them (the engine then checks
    /// families, and the rules of families that allow it, in parallel).
    public var readsConcurrently = false

    public init(bytes files: [String: [UInt8]], commitTime: Date, missingObjects: [String] = []) {
        self.files = files
        self.commitTime = commitTime
        self.missingObjects = Set(missingObjects)
    }

    public convenience init(files: [String: String], commitTime: Date, missingObjects: [String] = []) {
        self.init(bytes: files.mapValues { Array($0.utf8) }, commitTime: commitTime, missingObjects: missingObjects)
    }

    /// The commit, with the config's include/exclude applied, as `GitRepository.snapshot(.rev("HEAD"), config:)`
    /// gives it.
    public func snapshot(config: Config) -> RepositorySnapshot {
        var ids: [[UInt8]: String] = [:]
        let entries = files.map { path, bytes in
            // Content-addressed, as blob ids are: equal contents share an id.
            let id = ids[bytes] ?? String(repeating: "0", count: 32) + String(format: "%08x", ids.count + 1)
            ids[bytes] = id
            return SnapshotEntry(rawPath: Array(path.utf8), mode: .file, objectID: id)
        }
        let history = MemoryHistory(repository: self)
        return RepositorySnapshot(
            source: .rev,
            root: Self.root,
            commit: Self.commitID,
            entries: entries.filter { config.admits($0.path) },
            maxFileSize: config.maxFileSize,
            reader: MemoryBlobReader(repository: self),
            history: history,
            workTree: MemoryWorkTree(files: files),
            admits: config.admits,
            outsideScope: Set(entries.filter { !config.admits($0.path) }.map(\.path))
        )
    }
}

/// Blob reads from the in-memory files; a missing object cannot be read.
final class MemoryBlobReader: BlobReading {
    private let repository: MemoryRepository

    init(repository: MemoryRepository) {
        self.repository = repository
    }

    func size(of entry: SnapshotEntry) throws -> Int {
        try bytes(of: entry).count
    }

    func bytes(of entry: SnapshotEntry) throws -> [UInt8] {
        guard hasObject(for: entry), let bytes = repository.files[entry.path] else {
            throw ToolError.runtime("cannot read object \(entry.objectID ?? "?") for \(entry.path)")
        }
        return bytes
    }

    func hasObject(for entry: SnapshotEntry) -> Bool {
        !repository.missingObjects.contains(entry.path)
    }

    // The files never change, so any number of threads may read them.
    var readsConcurrently: Bool { repository.readsConcurrently }
}

/// The history of one root commit: it changed every path it has and added every line.
final class MemoryHistory: RepositoryHistory {
    private let repository: MemoryRepository

    init(repository: MemoryRepository) {
        self.repository = repository
    }

    func commitExists(_ id: String) -> Bool {
        let hex = id.lowercased()
        return hex.count >= 7 && hex.count <= 40 && MemoryRepository.commitID.hasPrefix(hex)
    }

    func lastChanges(of paths: [String], from commit: String) throws -> [String: LastChange] {
        try requireCommit(commit)
        let stamp = CommitStamp(id: MemoryRepository.commitID, time: repository.commitTime)
        var changes: [String: LastChange] = [:]
        for path in paths {
            changes[path] = repository.files[path] == nil ? .never(cutOff: false) : .changed(stamp, parent: nil)
        }
        return changes
    }

    func addedLines(to path: String, in commit: String, comparedTo parent: String?) throws -> [AddedLine] {
        try requireCommit(commit)
        guard parent == nil, let bytes = repository.files[path] else {
            throw ToolError.runtime("the one commit has no parent and no \(path) before it")
        }
        return Self.lines(of: bytes)
    }

    func addedLines(to path: String, since commit: String?, current: [UInt8]) throws -> [AddedLine] {
        guard let commit else { return Self.lines(of: current) }
        try requireCommit(commit)
        throw ToolError.runtime("an in-memory repository has no work tree edits to compare")
    }

    /// The in-memory commit's blobs have no ids.
    func objectID(of path: String, in commit: String) -> String? { nil }

    private func requireCommit(_ commit: String) throws {
        guard commit == MemoryRepository.commitID else { throw ToolError.runtime("no commit \(commit)") }
    }

    /// Every line of a new file, without terminators, as git's diff against nothing adds them.
    static func lines(of bytes: [UInt8]) -> [AddedLine] {
        var pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if bytes.last == 0x0A || bytes.isEmpty { pieces.removeLast() }
        return pieces.enumerated().map { index, piece in
            var line = Array(piece)
            while let last = line.last, last == 0x0D { line.removeLast() }
            return AddedLine(line: index + 1, text: String(decoding: line, as: UTF8.self))
        }
    }
}

/// The work tree of a clean checkout: the committed files.
final class MemoryWorkTree: WorkTreeReading {
    private let files: [String: [UInt8]]

    init(files: [String: [UInt8]]) {
        self.files = files
    }

    func files(matching glob: Glob) throws -> [String] {
        files.keys.filter(glob.matches).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    func read(_ path: String, limit: Int) throws -> [UInt8]? {
        guard let bytes = files[path] else { return nil }
        if bytes.count > limit {
            throw ToolError.runtime("\(path): \(bytes.count) bytes, over the \(limit)-byte limit for evidence files")
        }
        return bytes
    }
}
