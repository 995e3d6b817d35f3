import CGit2
import GreenlightCore

extension GitRepository: RepositoryHistory {
    public func commitExists(_ id: String) -> Bool {
        historyLock.withLock { commitIsKnown(id) }
    }

    private func commitIsKnown(_ id: String) -> Bool {
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

    public func objectID(of path: String, in commit: String) -> String? {
        historyLock.withLock {
            guard var oid = GitRepository.oid(commit) else { return nil }
            var object: OpaquePointer?
            guard git_commit_lookup(&object, handle, &oid) == 0, let object else { return nil }
            defer { git_commit_free(object) }
            var tree: OpaquePointer?
            guard git_commit_tree(&tree, object) == 0, let tree else { return nil }
            defer { git_tree_free(tree) }
            var entry: OpaquePointer?
            guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { return nil }
            defer { git_tree_entry_free(entry) }
            return GitRepository.hex(git_tree_entry_id(entry).pointee)
        }
    }
}

extension GitRepository {
    /// Whether `.gitignore` rules ignore this path (relative to the work tree).
    public func isIgnored(_ path: String) -> Bool {
        var ignored: Int32 = 0
        guard git_ignore_path_is_ignored(&ignored, handle, path) == 0 else { return false }
        return ignored == 1
    }

    /// The URL of a remote, e.g. `origin`, as configured (`remote.NAME.url`, before any
    /// `insteadOf` rewriting), if any.
    public func remoteURL(_ name: String = "origin") -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, "remote.\(name).url") == 0, let value else { return nil }
        return String(cString: value)
    }
}
