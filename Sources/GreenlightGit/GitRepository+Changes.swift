import CGit2
import GreenlightCore

extension GitRepository {
    /// The scope of `check --diff-base REV`: what the selected snapshot changes against the
    /// merge base of REV and the snapshot's commit (for the index and the work tree, `HEAD`),
    /// as `git diff --merge-base REV` would show it. Only the changed files' blobs are read.
    /// Nil before the first commit, when REV is `HEAD`: there is nothing to compare with, so
    /// everything is new.
    public func changes(since rev: String, to selector: SnapshotSelector) throws -> ChangeScope? {
        let head: String
        switch selector {
        case .rev(let spec): head = spec
        case .index, .worktree: head = "HEAD"
        }
        if case .rev = selector {} else if headIsUnborn, rev == "HEAD" { return nil }
        let target = try commitID(rev, naming: "--diff-base")
        let base: String
        if case .rev = selector {
            base = try mergeBase(target, try commitID(head, naming: "--rev"), naming: rev)
        } else if headIsUnborn {
            // Nothing committed yet: the merge base is the commit REV names.
            base = target
        } else {
            base = try mergeBase(target, try commitID("HEAD", naming: "HEAD"), naming: rev)
        }
        let (files, deleted, baseEntries) = try changedLines(from: base, to: selector)
        return ChangeScope(baseName: rev, base: base, files: files, deleted: deleted, baseEntries: baseEntries)
    }

    private func commitID(_ spec: String, naming flag: String) throws -> String {
        let object = try revision(spec, naming: flag)
        defer { git_object_free(object) }
        guard let id = GitRepository.commitID(peeling: object) else {
            throw ToolError.usage("\(flag) '\(spec)' does not name a commit")
        }
        return id
    }

    private func mergeBase(_ one: String, _ two: String, naming rev: String) throws -> String {
        guard var first = GitRepository.oid(one), var second = GitRepository.oid(two) else {
            throw ToolError.runtime("not a commit id: \(one) or \(two)")
        }
        var base = git_oid()
        guard git_merge_base(&base, handle, &first, &second) == 0 else {
            throw ToolError.usage("--diff-base '\(rev)' shares no history with the checked commit: \(GitRepository.lastError())"
                + " (in a shallow clone, fetch deeper: `git fetch --deepen`)")
        }
        return GitRepository.hex(base)
    }

    /// Changed path → the lines added or rewritten, from zero-context hunks; and the deleted paths.
    private func changedLines(from base: String, to selector: SnapshotSelector) throws
        -> (files: [String: ChangeScope.Lines], deleted: Set<String>, baseEntries: [SnapshotEntry]) {
        let baseTree = try tree(ofCommit: base)
        defer { git_tree_free(baseTree) }
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.context_lines = 0
        options.flags |= GIT_DIFF_IGNORE_SUBMODULES.rawValue
        var diff: OpaquePointer?
        let status: Int32
        switch selector {
        case .rev(let spec):
            let headTree = try tree(ofCommit: try commitID(spec, naming: "--rev"))
            defer { git_tree_free(headTree) }
            status = git_diff_tree_to_tree(&diff, handle, baseTree, headTree, &options)
        case .index:
            let index = try openIndex()
            defer { git_index_free(index) }
            status = git_diff_tree_to_index(&diff, handle, baseTree, index, &options)
        case .worktree:
            options.flags |= GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
                | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
            status = git_diff_tree_to_workdir_with_index(&diff, handle, baseTree, &options)
        }
        guard status == 0, let diff else {
            throw ToolError.runtime("cannot compare with \(base.prefix(12)): \(GitRepository.lastError())")
        }
        defer { git_diff_free(diff) }
        var files: [String: ChangeScope.Lines] = [:]
        var deleted: Set<String> = []
        var baseEntries: [SnapshotEntry] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position)?.pointee, let cPath = delta.new_file.path else { continue }
            let path = String(decoding: GitRepository.bytes(cPath), as: UTF8.self)
            if [GIT_DELTA_MODIFIED, GIT_DELTA_DELETED, GIT_DELTA_TYPECHANGE].contains(delta.status), let oldPath = delta.old_file.path {
                baseEntries.append(SnapshotEntry(rawPath: GitRepository.bytes(oldPath), mode: EntryMode(gitMode: UInt32(delta.old_file.mode)),
                                                 objectID: GitRepository.hex(delta.old_file.id)))
            }
            if delta.status == GIT_DELTA_DELETED {
                deleted.insert(path)
                continue
            }
            if [GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED, GIT_DELTA_TYPECHANGE, GIT_DELTA_RENAMED, GIT_DELTA_COPIED].contains(delta.status) {
                files[path] = .all
                continue
            }
            var patch: OpaquePointer?
            guard git_patch_from_diff(&patch, diff, position) == 0, let patch else {
                // A blob the object database lacks: every line may be new.
                files[path] = .all
                continue
            }
            defer { git_patch_free(patch) }
            if let patched = git_patch_get_delta(patch)?.pointee, patched.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 {
                files[path] = .all
                continue
            }
            var ranges: [ClosedRange<Int>] = []
            for index in 0..<git_patch_num_hunks(patch) {
                var hunk: UnsafePointer<git_diff_hunk>?
                var lines = 0
                guard git_patch_get_hunk(&hunk, &lines, patch, index) == 0, let hunk = hunk?.pointee, hunk.new_lines > 0 else {
                    continue
                }
                let start = Int(hunk.new_start)
                ranges.append(start...(start + Int(hunk.new_lines) - 1))
            }
            files[path] = .ranges(ranges.sorted { $0.lowerBound < $1.lowerBound })
        }
        return (files, deleted, baseEntries)
    }

    /// The merge base's snapshot for a `--diff-base` run: the head's listing with the change
    /// undone (`ChangeScope.baseListing`), read through this repository — the same entries as
    /// listing the base's tree, without walking it.
    public func baseSnapshot(of head: RepositorySnapshot, scope: ChangeScope, config: Config) throws -> RepositorySnapshot {
        RepositorySnapshot(
            source: .rev, root: root, commit: scope.base, entries: scope.baseListing(head: head.entries, admits: config.admits),
            maxFileSize: config.maxFileSize, reader: try GitBlobReader(repository: self), history: self,
            workTree: workdir.map(WorkTreeFiles.init), admits: config.admits, focus: scope.paths)
    }

    /// The tree of a commit, which the caller frees.
    func tree(ofCommit id: String) throws -> OpaquePointer {
        guard var oid = GitRepository.oid(id) else { throw ToolError.runtime("not a commit id: \(id)") }
        var commit: OpaquePointer?
        guard git_commit_lookup(&commit, handle, &oid) == 0, let commit else {
            throw ToolError.runtime("cannot read commit \(id.prefix(12)): \(GitRepository.lastError())")
        }
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        guard git_commit_tree(&tree, commit) == 0, let tree else {
            throw ToolError.runtime("cannot read the tree of \(id.prefix(12)): \(GitRepository.lastError())")
        }
        return tree
    }
}
