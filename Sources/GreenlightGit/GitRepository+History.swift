import CGit2
import GreenlightCore

extension GitRepository: RepositoryHistory {
    public func commitExists(_ id: String) -> Bool {
        let hex = id.lowercased()
        guard hex.count >= 7, hex.count <= 40, hex.allSatisfy(\.isHexDigit) else { return false }
        var oid = git_oid()
        guard git_oid_fromstrn(&oid, hex, hex.count) == 0 else { return false }
        var object: OpaquePointer?
        guard git_object_lookup_prefix(&object, handle, &oid, hex.count, GIT_OBJECT_COMMIT) == 0, let object else {
            return false
        }
        git_object_free(object)
        return true
    }
}

extension GitRepository {
    /// Whether `.gitignore` rules ignore this path (relative to the work tree).
    public func isIgnored(_ path: String) -> Bool {
        var ignored: Int32 = 0
        guard git_ignore_path_is_ignored(&ignored, handle, path) == 0 else { return false }
        return ignored == 1
    }

    /// The URL of a remote, e.g. `origin`, if configured.
    public func remoteURL(_ name: String = "origin") -> String? {
        var remote: OpaquePointer?
        guard git_remote_lookup(&remote, handle, name) == 0, let remote else { return nil }
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }
}
