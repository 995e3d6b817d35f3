import CGit2
import Foundation
import GreenlightCore

private let libgit2Ready: Bool = {
    git_libgit2_init()
    // Bounded memory on large histories: libgit2's object cache (256 MiB by default) and its
    // mapped pack windows (1 GiB each, 8 GiB in all by default on 64-bit: a whole pack stays
    // resident) otherwise grow with the repository.
    _ = greenlight_git_set_cache_max_size(Int64(GitRepository.MemoryLimits.objectCache))
    _ = greenlight_git_set_mwindow_size(GitRepository.MemoryLimits.packWindow)
    _ = greenlight_git_set_mwindow_mapped_limit(GitRepository.MemoryLimits.mappedPacks)
    return true
}()

/// An open git repository. Found from any folder inside it — a work tree, a linked worktree or
/// a bare repository.
public final class GitRepository {
    /// What libgit2 may hold at once, whatever the repository's size.
    enum MemoryLimits {
        static let objectCache = 16 << 20
        static let packWindow = 16 << 20
        static let mappedPacks = 64 << 20
    }

    let handle: OpaquePointer
    /// History queries (walks, diffs) run one at a time: a run's families may ask from several
    /// threads, and only the object database's reads are safe to share among them.
    let historyLock = NSLock()

    /// The work tree root, or nil for a bare repository.
    public let workdir: String?
    /// The git directory.
    public let gitdir: String
    /// The index file `--staged` reads instead of the repository's own: git names it in
    /// `GIT_INDEX_FILE` for hooks, and `git commit -a` or `git commit PATH` stage into one.
    public var indexFile: String?

    /// Open the repository that contains `path`.
    public init(discovering path: String) throws {
        _ = libgit2Ready
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ToolError.usage("\(path): no such directory")
        }
        var repo: OpaquePointer?
        let status = git_repository_open_ext(&repo, path, 0, nil)
        guard status == 0, let repo else {
            if status == GIT_ENOTFOUND.rawValue {
                throw ToolError.runtime("\(path): not a git repository (or any parent up to the root)")
            }
            throw ToolError.runtime("\(path): cannot open repository: \(GitRepository.lastError())")
        }
        handle = repo
        gitdir = GitRepository.trimSlash(String(cString: git_repository_path(repo)))
        if git_repository_is_bare(repo) == 1 {
            workdir = nil
        } else if let workdir = git_repository_workdir(repo) {
            self.workdir = GitRepository.trimSlash(String(cString: workdir))
        } else {
            workdir = nil
        }
    }

    deinit {
        git_repository_free(handle)
    }

    public var isBare: Bool { workdir == nil }

    /// The work tree root, or the git directory of a bare repository.
    public var root: String { workdir ?? gitdir }

    /// Whether `HEAD` points to a branch that has no commit yet.
    public var headIsUnborn: Bool { git_repository_head_unborn(handle) == 1 }

    /// The commit `HEAD` points at, if any.
    public var headCommit: String? {
        var oid = git_oid()
        guard git_reference_name_to_id(&oid, handle, "HEAD") == 0 else { return nil }
        return GitRepository.hex(oid)
    }

    /// The short name of the branch `HEAD` points at, if any.
    public var headBranch: String? {
        var reference: OpaquePointer?
        guard git_repository_head(&reference, handle) == 0, let reference else { return nil }
        defer { git_reference_free(reference) }
        return git_reference_shorthand(reference).map { String(cString: $0) }
    }

    /// The object a revision names (`HEAD`, `origin/main~3`, a tag), which the caller frees; a
    /// usage error naming the flag it came from (`--rev`, `--diff-base`) when it does not resolve.
    func revision(_ spec: String, naming flag: String) throws -> OpaquePointer {
        var object: OpaquePointer?
        guard git_revparse_single(&object, handle, spec) == 0, let object else {
            throw ToolError.usage("\(flag) '\(spec)' does not resolve: \(GitRepository.lastError())")
        }
        return object
    }

    /// The id of the commit `object` peels to (itself, or a tag's), if any.
    static func commitID(peeling object: OpaquePointer) -> String? {
        var commit: OpaquePointer?
        guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0, let commit else { return nil }
        defer { git_object_free(commit) }
        return hex(git_object_id(commit).pointee)
    }

    static func lastError() -> String {
        guard let error = git_error_last(), let message = error.pointee.message else { return "unknown libgit2 error" }
        return String(cString: message).trimmingWhitespace
    }

    static func hex(_ oid: git_oid) -> String {
        var oid = oid
        guard let text = git_oid_tostr_s(&oid) else { return "" }
        return String(cString: text)
    }

    static func oid(_ hex: String) -> git_oid? {
        var oid = git_oid()
        return git_oid_fromstr(&oid, hex) == 0 ? oid : nil
    }

    private static func trimSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}

extension GitRepository {
    /// The bytes of `path` at revision `rev` (e.g. a config file in a bare repository), or nil
    /// when the revision has no such blob.
    public func blob(at rev: String, path: String) -> [UInt8]? {
        var object: OpaquePointer?
        guard git_revparse_single(&object, handle, "\(rev):\(path)") == 0, let object else { return nil }
        defer { git_object_free(object) }
        guard git_object_type(object) == GIT_OBJECT_BLOB else { return nil }
        let size = Int(git_blob_rawsize(object))
        guard size > 0, let data = git_blob_rawcontent(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }
}
