/// Files of the work tree that are not in the snapshot on purpose — CI artifacts such as JUnit
/// and coverage reports, which are produced by the job and not committed. Rules read them only
/// through this, never from the disk directly.
public protocol WorkTreeReading: AnyObject {
    /// Paths (relative to the root) of regular files matching the glob, in byte order.
    func files(matching glob: Glob) throws -> [String]
    /// The file's bytes, or nil when it does not exist; files over `limit` bytes throw.
    func read(_ path: String, limit: Int) throws -> [UInt8]?
}
