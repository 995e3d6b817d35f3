/// Where a snapshot's contents come from.
public enum SnapshotSource: String, Codable, Sendable {
    /// A commit or tree named by a revision (`--rev`, default `HEAD`).
    case rev
    /// The index, i.e. what is staged (`--staged`).
    case index
    /// The work tree, honouring `.gitignore` (`--worktree`).
    case worktree
}

/// The git mode of an entry, as the tree or index records it.
public enum EntryMode: String, Codable, Sendable {
    case file
    case executable
    case symlink
    case submodule
}

/// What an entry is, for the rules: only `text` entries are read as text.
public enum EntryKind: String, Codable, Sendable {
    case text
    case binary
    case tooLarge = "too-large"
    case symlink
    case submodule
    case lfsPointer = "lfs-pointer"
    /// The object database does not have the blob (a partial clone, or damage).
    case missing = "missing-object"
}

/// One path of the snapshot.
public struct SnapshotEntry: Sendable {
    /// `/`-separated path relative to the repository root; invalid UTF-8 is replaced.
    public let path: String
    /// The path's bytes exactly as git stores them.
    public let rawPath: [UInt8]
    public let mode: EntryMode
    /// Hex id of the blob (or of the commit, for a submodule); nil for a work-tree file that
    /// differs from the index.
    public let objectID: String?

    public init(rawPath: [UInt8], mode: EntryMode, objectID: String?) {
        self.rawPath = rawPath
        self.path = String(decoding: rawPath, as: UTF8.self)
        self.mode = mode
        self.objectID = objectID
    }
}

/// Reads blob bytes for a snapshot. GreenlightGit implements it over libgit2.
public protocol BlobReading: AnyObject {
    /// The size in bytes of the entry's content, without reading all of it.
    func size(of entry: SnapshotEntry) throws -> Int
    /// The entry's full content.
    func bytes(of entry: SnapshotEntry) throws -> [UInt8]
    /// Whether the entry's object is in the object database (always true for a file read from
    /// the work tree); asked only after a read failed, and by `core.missing-object`.
    func hasObject(for entry: SnapshotEntry) -> Bool
    /// Whether several threads may read at once (the run then checks its families in parallel).
    var readsConcurrently: Bool { get }
}

extension BlobReading {
    public func hasObject(for entry: SnapshotEntry) -> Bool { true }
    public var readsConcurrently: Bool { false }
}

/// The content of one entry, as far as rules are concerned.
public enum FileContent: Sendable {
    case text(SourceText)
    /// Listed but not read as text: binary, too large, a symlink, a submodule, an LFS pointer,
    /// or an object missing from the object database.
    case skipped(EntryKind)

    public var kind: EntryKind {
        switch self {
        case .text: return .text
        case .skipped(let kind): return kind
        }
    }
}
