import CGit2
import Foundation
import GreenlightCore

extension GitRepository {
    /// Commits the work-tree file at `path` (relative to the root) on `HEAD` — that file only,
    /// whatever else is staged — and stages it. Returns the new commit id, or nil when the file
    /// is committed as it is.
    public func commitFile(_ path: String, message: String, authorName: String, authorEmail: String, time: Date) throws -> String? {
        guard let workdir else { throw ToolError.usage("\(gitdir) is a bare repository: there is no work tree to commit from") }
        guard let data = FileManager.default.contents(atPath: workdir + "/" + path) else {
            throw ToolError.runtime("\(path): cannot read the file to commit")
        }
        let bytes = [UInt8](data)
        var blob = git_oid()
        let written = bytes.withUnsafeBytes { git_blob_create_from_buffer(&blob, handle, $0.baseAddress, $0.count) }
        guard written == 0 else { throw failure("cannot store \(path)") }

        var parent: OpaquePointer?
        var baseTree: OpaquePointer?
        defer { git_commit_free(parent); git_tree_free(baseTree) }
        if let head = headCommit, var oid = GitRepository.oid(head) {
            guard git_commit_lookup(&parent, handle, &oid) == 0, let parent, git_commit_tree(&baseTree, parent) == 0 else {
                throw failure("cannot read HEAD")
            }
        } else {
            var builder: OpaquePointer?
            var empty = git_oid()
            guard git_treebuilder_new(&builder, handle, nil) == 0 else { throw failure("cannot build a tree") }
            defer { git_treebuilder_free(builder) }
            guard git_treebuilder_write(&empty, builder) == 0, git_tree_lookup(&baseTree, handle, &empty) == 0 else {
                throw failure("cannot build a tree")
            }
        }
        var existing: OpaquePointer?
        if git_tree_entry_bypath(&existing, baseTree, path) == 0, let existing {
            defer { git_tree_entry_free(existing) }
            var id = git_tree_entry_id(existing).pointee
            if git_oid_equal(&id, &blob) == 1 { return nil }
        }

        var tree = git_oid()
        let updated = path.withCString { cPath -> Int32 in
            var update = git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: blob, filemode: GIT_FILEMODE_BLOB, path: cPath)
            return git_tree_create_updated(&tree, handle, baseTree, 1, &update)
        }
        guard updated == 0 else { throw failure("cannot build the tree for \(path)") }
        var treeObject: OpaquePointer?
        guard git_tree_lookup(&treeObject, handle, &tree) == 0 else { throw failure("cannot read the new tree") }
        defer { git_tree_free(treeObject) }

        var signature: UnsafeMutablePointer<git_signature>?
        guard git_signature_new(&signature, authorName, authorEmail, git_time_t(time.timeIntervalSince1970.rounded(.down)), 0) == 0 else {
            throw failure("invalid commit author '\(authorName) <\(authorEmail)>'")
        }
        defer { git_signature_free(signature) }
        var commit = git_oid()
        var parents: [OpaquePointer?] = parent.map { [$0] } ?? []
        let created = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commit, handle, "HEAD", signature, signature, nil, message, treeObject,
                              buffer.count, buffer.count == 0 ? nil : buffer.baseAddress)
        }
        guard created == 0 else { throw failure("cannot commit \(path)") }

        var index: OpaquePointer?
        guard git_repository_index(&index, handle) == 0 else { throw failure("cannot read the index") }
        defer { git_index_free(index) }
        guard git_index_add_bypath(index, path) == 0, git_index_write(index) == 0 else { throw failure("cannot stage \(path)") }
        return GitRepository.hex(commit)
    }

    private func failure(_ what: String) -> ToolError {
        ToolError.runtime("\(what): \(GitRepository.lastError())")
    }
}
