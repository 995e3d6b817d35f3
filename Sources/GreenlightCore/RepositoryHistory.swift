/// What rules may ask of the repository's history (beyond the snapshot's files). GreenlightGit
/// implements it over libgit2; families extend it with the queries they need.
public protocol RepositoryHistory: AnyObject {
    /// Whether a commit with this id (full, or an unambiguous prefix of at least 7 hex digits)
    /// exists in the object database.
    func commitExists(_ id: String) -> Bool
}
