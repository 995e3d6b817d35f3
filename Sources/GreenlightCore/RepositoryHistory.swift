import Foundation

/// What rules may ask of the repository's history (beyond the snapshot's files). GreenlightGit
/// implements it over libgit2; families extend it with the queries they need.
public protocol RepositoryHistory: AnyObject {
    /// Whether a commit with this id (full, or an unambiguous prefix of at least 7 hex digits)
    /// exists in the object database.
    func commitExists(_ id: String) -> Bool

    /// For every path, the last commit in the history of `commit` that changed it, as
    /// `git log -1 -- PATH` finds it (history simplification through merges, commit-date
    /// order), all paths in one walk.
    func lastChanges(of paths: [String], from commit: String) throws -> [String: LastChange]

    /// The lines `commit` added to `path`, compared with its version in `parent` (absent in the
    /// parent, or no parent: every line is added).
    func addedLines(to path: String, in commit: String, comparedTo parent: String?) throws -> [AddedLine]

    /// The lines `current` (e.g. an uncommitted work-tree file) adds to `path` as committed in
    /// `commit` (nil: nothing committed, every line is added).
    func addedLines(to path: String, since commit: String?, current: [UInt8]) throws -> [AddedLine]
    /// The id of the blob at `path` in `commit`, without reading it; nil when there is none.
    func objectID(of path: String, in commit: String) -> String?
}
