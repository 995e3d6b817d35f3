import Foundation

/// A commit as the history queries report it: its id and its committer time.
public struct CommitStamp: Sendable, Equatable, CustomStringConvertible {
    public let id: String
    /// The committer time (not the author time: rebases and cherry-picks keep the author's).
    public let time: Date

    public init(id: String, time: Date) {
        self.id = id
        self.time = time
    }

    /// The first 12 hex digits.
    public var shortID: String { String(id.prefix(12)) }

    public var description: String { "\(shortID) at \(Timestamp.format(time))" }
}

/// When a path last changed in a commit's history.
public enum LastChange: Sendable, Equatable {
    /// `commit` changed it (compared with `parent`, nil for a root commit).
    case changed(CommitStamp, parent: String?)
    /// The history is cut off (a shallow clone) at `boundary`, which has the path and which no
    /// later commit changed: the last change is `boundary` or one of its missing ancestors.
    case unchangedSinceCutOff(boundary: CommitStamp)
    /// No commit of the history changed it. `cutOff`: the history is cut off, so an older
    /// commit, not fetched, might have.
    case never(cutOff: Bool)

    /// The commit that last changed the path, or the cut-off boundary.
    public var stamp: CommitStamp? {
        switch self {
        case .changed(let stamp, _): return stamp
        case .unchangedSinceCutOff(let boundary): return boundary
        case .never: return nil
        }
    }
}

/// A line a commit added to a file.
public struct AddedLine: Sendable, Equatable {
    /// 1-based, in the new version of the file.
    public let line: Int
    /// The line without its terminator.
    public let text: String

    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}
