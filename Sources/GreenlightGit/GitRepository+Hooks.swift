import CGit2
import Foundation
import GreenlightCore

extension GitRepository {
    /// The folder git runs hooks from: `core.hooksPath` when set (`~/` is the home folder; a
    /// relative path is taken from the work tree root, or the git directory of a bare
    /// repository, where git runs hooks), else `hooks/` in the common git directory — the one
    /// every linked worktree shares.
    public func hooksDirectory(home: String?) throws -> String {
        if let configured = try configString("core.hooksPath"), !configured.isEmpty {
            if configured == "~" || configured.hasPrefix("~/") {
                guard let home, !home.isEmpty else {
                    throw ToolError.usage("core.hooksPath is '\(configured)', and HOME is not set")
                }
                return home + configured.dropFirst()
            }
            if configured.hasPrefix("/") { return configured }
            return (workdir ?? gitdir) + "/" + configured
        }
        guard let common = git_repository_commondir(handle) else {
            throw ToolError.runtime("cannot find the git directory of \(root): \(GitRepository.lastError())")
        }
        var path = String(cString: common)
        if path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path + "/hooks"
    }

    /// A string from the repository's configuration (local, global and system), or nil when unset.
    func configString(_ name: String) throws -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0, let config else {
            throw ToolError.runtime("cannot read the git configuration: \(GitRepository.lastError())")
        }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let status = git_config_get_string(&value, config, name)
        if status == GIT_ENOTFOUND.rawValue { return nil }
        guard status == 0, let value else {
            throw ToolError.runtime("cannot read \(name) from the git configuration: \(GitRepository.lastError())")
        }
        return String(cString: value)
    }
}
