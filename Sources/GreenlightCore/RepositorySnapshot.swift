import Foundation

/// The repository at one point — a commit, the index or the work tree. Rules see paths and
/// contents only through it and never touch the disk. Include/exclude globs were applied when it
/// was built; content is read lazily, classified once and cached.
public final class RepositorySnapshot {
    public let source: SnapshotSource
    /// The work tree root, or the git directory of a bare repository.
    public let root: String
    /// The commit id the snapshot was taken at (for `index`/`worktree`: `HEAD`, if any).
    public let commit: String?
    /// Entries in byte order of their paths.
    public let entries: [SnapshotEntry]
    public let maxFileSize: Int
    /// The repository's history, when the snapshot came from a repository.
    public let history: RepositoryHistory?
    /// The work tree, for CI artifacts that are never committed; nil for a bare repository.
    public let workTree: WorkTreeReading?
    /// The config's include/exclude decision, for passes beyond the snapshot's own entries
    /// (e.g. blobs in history).
    public let admits: (String) -> Bool
    /// The paths the per-file passes read (`check --diff-base`: the changed files); nil for
    /// every file. Rules that look files up by name still see every entry.
    public let focus: Set<String>?
    /// The entries the per-file passes read: all of them, or those in `focus`.
    public let passEntries: [SnapshotEntry]
    /// Paths of the selected state that the config's include/exclude left out: not read, but
    /// they exist (a readiness document may cite one).
    public let outsideScope: Set<String>

    private let reader: BlobReading
    private let byPath: [String: Int]
    private let directories: Set<String>
    private var contents: [Int: FileContent] = [:]
    /// Guards `contents`: a run's families read the snapshot from several threads.
    private let lock = NSLock()

    public init(
        source: SnapshotSource,
        root: String,
        commit: String?,
        entries: [SnapshotEntry],
        maxFileSize: Int,
        reader: BlobReading,
        history: RepositoryHistory? = nil,
        workTree: WorkTreeReading? = nil,
        admits: @escaping (String) -> Bool = { _ in true },
        focus: Set<String>? = nil,
        outsideScope: Set<String> = []
    ) {
        self.focus = focus
        self.outsideScope = outsideScope
        self.history = history
        self.workTree = workTree
        self.admits = admits
        self.source = source
        self.root = root
        self.commit = commit
        // The index and the work tree come sorted already; sorting again costs more than checking.
        let inOrder = zip(entries, entries.dropFirst()).allSatisfy { !$1.rawPath.lexicographicallyPrecedes($0.rawPath) }
        let sorted = inOrder ? entries : entries.sorted { $0.rawPath.lexicographicallyPrecedes($1.rawPath) }
        self.entries = sorted
        self.passEntries = focus.map { focus in sorted.filter { focus.contains($0.path) } } ?? sorted
        self.maxFileSize = maxFileSize
        self.reader = reader
        var byPath: [String: Int] = [:]
        var directories: Set<String> = []
        for (index, entry) in sorted.enumerated() {
            byPath[entry.path] = index
            var path = entry.path[...]
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !directories.insert(String(path)).inserted { break }
            }
        }
        self.byPath = byPath
        self.directories = directories
    }

    /// The entry at exactly this path, if any.
    public func entry(at path: String) -> SnapshotEntry? {
        byPath[path].map { entries[$0] }
    }

    /// Whether a file (of any kind) exists at this path.
    public func fileExists(_ path: String) -> Bool { byPath[path] != nil }

    /// Whether several threads may read the snapshot at once.
    public var readsConcurrently: Bool { reader.readsConcurrently }

    /// Whether some file lives under this directory.
    public func directoryExists(_ path: String) -> Bool { directories.contains(path) }

    /// The entry's content: text for readable text files, otherwise its kind.
    public func content(of entry: SnapshotEntry) throws -> FileContent {
        guard let index = byPath[entry.path] else { return .skipped(.binary) }
        if let cached = lock.withLock({ contents[index] }) { return cached }
        let content = try load(entry)
        lock.withLock { contents[index] = content }
        return content
    }

    /// The text of the file at `path`, or nil when it is absent or not text.
    public func text(at path: String) throws -> SourceText? {
        guard let entry = entry(at: path), case .text(let text) = try content(of: entry) else { return nil }
        return text
    }

    public func kind(of entry: SnapshotEntry) throws -> EntryKind { try content(of: entry).kind }

    /// Entries whose blob the object database does not have (a partial clone, or damage), in
    /// path order. Asks the object database's index only; reads no content.
    public func missingObjects() -> [SnapshotEntry] {
        entries.filter { entry in
            guard entry.objectID != nil, entry.mode == .file || entry.mode == .executable else { return false }
            return !reader.hasObject(for: entry)
        }
    }

    /// The entry's text if it is a text file containing one of `keywords` — the prefilter for
    /// passes over every file: bytes are searched before anything is decoded, and texts read
    /// only for this pass are not cached.
    public func text(of entry: SnapshotEntry, containingAny keywords: [String]) throws -> SourceText? {
        if let index = byPath[entry.path], let cached = lock.withLock({ contents[index] }) {
            guard case .text(let text) = cached, keywords.contains(where: { ByteSearch.contains(text.text, $0) }) else {
                return nil
            }
            return text
        }
        guard case .text(let bytes) = try read(entry),
              keywords.contains(where: { ByteSearch.contains(bytes, $0) }) else { return nil }
        return SourceText(path: entry.path, bytes: bytes)
    }

    /// The entry's bytes if it is a text file (nil for binary, too large, symlink, submodule or
    /// LFS pointer) — for byte-level prefilters that decode only what they need. Not cached; when
    /// the text was already decoded, its UTF-8 (without a BOM, invalid sequences replaced).
    public func textBytes(of entry: SnapshotEntry) throws -> [UInt8]? {
        guard case .text(let bytes) = try rawRead(of: entry) else { return nil }
        return bytes
    }

    /// The entry as read, for passes that look at what is not text too (the secrets family
    /// scans a text with a stray NUL and says which files it could not scan): the text's bytes
    /// as `textBytes` gives them, or the kind, with the bytes that were read and the size.
    /// Not cached.
    public func rawRead(of entry: SnapshotEntry) throws -> RawRead {
        if let index = byPath[entry.path], let cached = lock.withLock({ contents[index] }) {
            guard case .text(let text) = cached else { return try read(entry) }
            return .text(Array(text.text.utf8))
        }
        return try read(entry)
    }

    /// A file as read: text, or why it is not, with what is known of it.
    public enum RawRead: Sendable {
        case text([UInt8])
        /// `bytes` for a binary file or an LFS pointer (they were read to tell); `size` when
        /// the object database knows it.
        case skipped(EntryKind, bytes: [UInt8]?, size: Int?)
    }

    private func load(_ entry: SnapshotEntry) throws -> FileContent {
        switch try read(entry) {
        case .text(let bytes): return .text(SourceText(path: entry.path, bytes: bytes))
        case .skipped(let kind, _, _): return .skipped(kind)
        }
    }

    private func read(_ entry: SnapshotEntry) throws -> RawRead {
        switch entry.mode {
        case .symlink: return .skipped(.symlink, bytes: nil, size: nil)
        case .submodule: return .skipped(.submodule, bytes: nil, size: nil)
        case .file, .executable: break
        }
        let size: Int
        do {
            size = try reader.size(of: entry)
        } catch {
            if entry.objectID != nil && !reader.hasObject(for: entry) { return .skipped(.missing, bytes: nil, size: nil) }
            throw error
        }
        if size > maxFileSize { return .skipped(.tooLarge, bytes: nil, size: size) }
        let bytes = try reader.bytes(of: entry)
        if ContentSniffer.isLFSPointer(bytes) { return .skipped(.lfsPointer, bytes: bytes, size: size) }
        if ContentSniffer.isBinary(bytes) { return .skipped(.binary, bytes: bytes, size: size) }
        return .text(bytes)
    }
}

/// Decides what a blob is from its first bytes, the way git does.
public enum ContentSniffer {
    /// Git's rule: a NUL byte in the first 8,000 bytes means binary.
    public static func isBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8000).contains(0)
    }

    /// A Git LFS pointer file: small, and starting with the spec line.
    public static func isLFSPointer(_ bytes: [UInt8]) -> Bool {
        bytes.count < 1024 && bytes.starts(with: Array("version https://git-lfs.github.com/spec/".utf8))
    }
}
