/// Which state of the repository to read.
public enum SnapshotSelector: Sendable, Equatable {
    /// A revision: anything `git rev-parse` accepts that peels to a tree.
    case rev(String)
    /// The index (what is staged).
    case index
    /// The work tree, honouring `.gitignore`.
    case worktree
}
