import Foundation

/// A blob met while walking history, where it first appeared: the earliest commit (parents
/// before children) whose tree holds it, and its path there.
public struct HistoryBlob: Sendable {
    public let objectID: String
    /// `/`-separated path in that commit's tree; invalid UTF-8 is replaced.
    public let path: String
    public let commit: String
    /// The commit's author time.
    public let authorTime: Date
    /// Size in bytes.
    public let size: Int

    public init(objectID: String, path: String, commit: String, authorTime: Date, size: Int) {
        self.objectID = objectID
        self.path = path
        self.commit = commit
        self.authorTime = authorTime
        self.size = size
    }
}

/// What a walk over history covered.
public struct HistoryWalkSummary: Sendable {
    public var commits = 0
    /// Distinct blobs met (each visited once).
    public var blobs = 0
    /// Blobs over the size cap, visited without their bytes.
    public var tooLarge = 0
    /// Blobs the object database does not have (a partial clone, or damage): not visited.
    public var missing = 0
    /// The first missing blob, where it would have first appeared.
    public var firstMissing: HistoryBlob?

    public init() {}
}

/// Every blob in a repository's history, once each — for scans that must see what was
/// committed and later removed (secrets). GreenlightGit implements it over libgit2; rules reach
/// it as `context.snapshot.history as? BlobHistory`.
public protocol BlobHistory: AnyObject {
    /// Whether the repository is a shallow clone (CI checkouts often are): its history stops
    /// at the fetched depth.
    var isShallow: Bool { get }

    /// Visit every blob reachable from any reference (and `HEAD`), deduplicated by blob id, in
    /// the order of their first commit (oldest first). Symlinks and submodules are not blobs of
    /// interest and are skipped; paths `admitting` rejects are skipped. `visit` gets the blob's
    /// bytes, or nil when it is larger than `maxSize`.
    func forEachBlob(
        maxSize: Int,
        admitting: (String) -> Bool,
        _ visit: (HistoryBlob, [UInt8]?) throws -> Void
    ) throws -> HistoryWalkSummary
}
