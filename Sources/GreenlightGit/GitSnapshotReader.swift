import CGit2
import Foundation
import GreenlightCore

extension GitRepository {
    /// Take a snapshot: list the entries of the selected state through libgit2, keeping those
    /// the config admits (include/exclude globs are applied here, once).
    /// `focus`: the paths the per-file passes read (the changed files of `check --diff-base`).
    public func snapshot(_ selector: SnapshotSelector, config: Config, focus: Set<String>? = nil) throws -> RepositorySnapshot {
        let listing: (source: SnapshotSource, commit: String?, entries: [SnapshotEntry])
        switch selector {
        case .rev(let spec):
            listing = try revisionEntries(spec)
        case .index:
            try requireWorkTree(for: "--staged")
            listing = (.index, headCommit, try indexEntries())
        case .worktree:
            try requireWorkTree(for: "--worktree")
            listing = (.worktree, headCommit, try worktreeEntries())
        }
        var admitted: [SnapshotEntry] = []
        var outside: Set<String> = []
        for entry in listing.entries {
            if config.admits(entry.path) { admitted.append(entry) } else { outside.insert(entry.path) }
        }
        return RepositorySnapshot(
            source: listing.source,
            root: root,
            commit: listing.commit,
            entries: admitted,
            maxFileSize: config.maxFileSize,
            reader: try GitBlobReader(repository: self),
            history: self,
            workTree: workdir.map(WorkTreeFiles.init),
            admits: config.admits,
            focus: focus,
            outsideScope: outside
        )
    }

    private func requireWorkTree(for flag: String) throws {
        if isBare {
            throw ToolError.usage("\(flag) needs a work tree, and \(gitdir) is a bare repository (use --rev)")
        }
    }

    // MARK: - A revision

    private func revisionEntries(_ spec: String) throws -> (SnapshotSource, String?, [SnapshotEntry]) {
        if headIsUnborn && spec == "HEAD" {
            throw ToolError.runtime("\(root): the repository has no commits yet (commit something, or use --staged)")
        }
        let object = try revision(spec, naming: "--rev")
        defer { git_object_free(object) }
        var treeObject: OpaquePointer?
        guard git_object_peel(&treeObject, object, GIT_OBJECT_TREE) == 0, let treeObject else {
            throw ToolError.usage("--rev '\(spec)' names neither a commit nor a tree")
        }
        defer { git_object_free(treeObject) }
        let commitID = GitRepository.commitID(peeling: object)
        var entries: [SnapshotEntry] = []
        try walk(tree: treeObject, prefix: [], into: &entries)
        return (.rev, commitID, entries)
    }

    /// Depth-first over the tree, without callbacks: each subtree is looked up and freed here.
    private func walk(tree: OpaquePointer, prefix: [UInt8], into entries: inout [SnapshotEntry]) throws {
        let count = git_tree_entrycount(tree)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, index), let name = git_tree_entry_name(entry) else { continue }
            let nameBytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self), count: strlen(name)))
            let path = prefix.isEmpty ? nameBytes : prefix + [UInt8(ascii: "/")] + nameBytes
            let oid = git_tree_entry_id(entry).pointee
            let mode = git_tree_entry_filemode(entry).rawValue
            if mode == GIT_FILEMODE_TREE.rawValue {
                var subtree: OpaquePointer?
                var id = oid
                guard git_tree_lookup(&subtree, handle, &id) == 0, let subtree else {
                    throw ToolError.runtime("cannot read tree \(GitRepository.hex(oid)) at \(String(decoding: path, as: UTF8.self)): \(GitRepository.lastError())")
                }
                defer { git_tree_free(subtree) }
                try walk(tree: subtree, prefix: path, into: &entries)
            } else {
                entries.append(SnapshotEntry(rawPath: path, mode: EntryMode(gitMode: mode), objectID: GitRepository.hex(oid)))
            }
        }
    }

    // MARK: - The index

    func openIndex() throws -> OpaquePointer {
        var index: OpaquePointer?
        if let indexFile {
            guard git_index_open(&index, indexFile) == 0, let index else {
                throw ToolError.runtime("\(indexFile): cannot read the index: \(GitRepository.lastError())")
            }
            return index
        }
        guard git_repository_index(&index, handle) == 0, let index else {
            throw ToolError.runtime("cannot read the index: \(GitRepository.lastError())")
        }
        return index
    }

    /// Stage-0 entries; for a conflicted path, "ours" (stage 2). The index is sorted by path,
    /// then stage, so a path's stages are neighbours.
    private func indexEntries() throws -> [SnapshotEntry] {
        let index = try openIndex()
        defer { git_index_free(index) }
        var entries: [SnapshotEntry] = []
        var lastStage = -1
        entries.reserveCapacity(git_index_entrycount(index))
        for position in 0..<git_index_entrycount(index) {
            guard let raw = git_index_get_byindex(index, position)?.pointee, let cPath = raw.path else { continue }
            let stage = Int((raw.flags & 0x3000) >> 12)
            guard stage == 0 || stage == 2 else { continue }
            let path = Array(UnsafeBufferPointer(start: UnsafeRawPointer(cPath).assumingMemoryBound(to: UInt8.self), count: strlen(cPath)))
            let entry = SnapshotEntry(rawPath: path, mode: EntryMode(gitMode: raw.mode), objectID: GitRepository.hex(raw.id))
            if let last = entries.last, last.rawPath == path {
                if lastStage != 0 { entries[entries.count - 1] = entry; lastStage = stage }
                continue
            }
            entries.append(entry)
            lastStage = stage
        }
        return entries
    }

    // MARK: - The work tree

    /// The index, then what `git status` says about the work tree: deleted files go, modified
    /// and untracked (not ignored) files are read from disk.
    private func worktreeEntries() throws -> [SnapshotEntry] {
        var byPath: [[UInt8]: SnapshotEntry] = [:]
        for entry in try indexEntries() { byPath[entry.rawPath] = entry }

        var options = git_status_options()
        git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION))
        options.show = GIT_STATUS_SHOW_WORKDIR_ONLY
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue
            | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        var list: OpaquePointer?
        guard git_status_list_new(&list, handle, &options) == 0, let list else {
            throw ToolError.runtime("cannot read the work tree status: \(GitRepository.lastError())")
        }
        defer { git_status_list_free(list) }
        let deleted = GIT_STATUS_WT_DELETED.rawValue
        let changed = GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_WT_MODIFIED.rawValue
            | GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_CONFLICTED.rawValue
        for position in 0..<git_status_list_entrycount(list) {
            guard let status = git_status_byindex(list, position)?.pointee,
                  let delta = status.index_to_workdir?.pointee else { continue }
            let flags = status.status.rawValue
            let oldPath = GitRepository.bytes(delta.old_file.path)
            let newPath = GitRepository.bytes(delta.new_file.path)
            if flags & deleted != 0 {
                byPath[oldPath] = nil
            } else if flags & changed != 0 {
                byPath[newPath] = SnapshotEntry(rawPath: newPath, mode: EntryMode(gitMode: UInt32(delta.new_file.mode)), objectID: nil)
            }
        }
        return Array(byPath.values)
    }

    static func bytes(_ cString: UnsafePointer<CChar>?) -> [UInt8] {
        guard let cString else { return [] }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString)))
    }
}

extension EntryMode {
    init(gitMode: UInt32) {
        switch gitMode {
        case 0o100755: self = .executable
        case 0o120000: self = .symlink
        case 0o160000: self = .submodule
        default: self = .file
        }
    }
}
