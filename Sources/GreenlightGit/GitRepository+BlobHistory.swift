import CGit2
import Foundation
import GreenlightCore

extension GitRepository: BlobHistory {
    /// A revwalk over every reference and `HEAD`, parents before children; each commit's tree is
    /// walked without callbacks, skipping subtrees already seen (their blobs were met earlier),
    /// so the cost follows the number of distinct trees, not commits times files. (A folder
    /// moved unchanged from an excluded path to an admitted one keeps its tree id, so it is not
    /// walked again.)
    public func forEachBlob(
        maxSize: Int,
        admitting: (String) -> Bool,
        _ visit: (HistoryBlob, [UInt8]?) throws -> Void
    ) throws -> HistoryWalkSummary {
        try historyLock.withLock { try walkBlobs(maxSize: maxSize, admitting: admitting, visit) }
    }

    private func walkBlobs(
        maxSize: Int,
        admitting: (String) -> Bool,
        _ visit: (HistoryBlob, [UInt8]?) throws -> Void
    ) throws -> HistoryWalkSummary {
        var walk: OpaquePointer?
        guard git_revwalk_new(&walk, handle) == 0, let walk else {
            throw ToolError.runtime("cannot walk history: \(GitRepository.lastError())")
        }
        defer { git_revwalk_free(walk) }
        git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue | GIT_SORT_REVERSE.rawValue)
        // Non-commit references (tags of trees or blobs) are ignored by the glob push.
        guard git_revwalk_push_glob(walk, "*") == 0 else {
            throw ToolError.runtime("cannot walk history: \(GitRepository.lastError())")
        }
        if !headIsUnborn { _ = git_revwalk_push_head(walk) }

        var odb: OpaquePointer?
        guard git_repository_odb(&odb, handle) == 0, let odb else {
            throw ToolError.runtime("cannot open the object database: \(GitRepository.lastError())")
        }
        defer { git_odb_free(odb) }

        var state = WalkState(odb: odb, maxSize: maxSize)
        var oid = git_oid()
        while git_revwalk_next(&oid, walk) == 0 {
            var commit: OpaquePointer?
            guard git_commit_lookup(&commit, handle, &oid) == 0, let commit else {
                throw ToolError.runtime("cannot read commit \(GitRepository.hex(oid)): \(GitRepository.lastError())")
            }
            defer { git_commit_free(commit) }
            state.summary.commits += 1
            var tree: OpaquePointer?
            guard git_commit_tree(&tree, commit) == 0, let tree else {
                throw ToolError.runtime("cannot read the tree of commit \(GitRepository.hex(oid)): \(GitRepository.lastError())")
            }
            defer { git_tree_free(tree) }
            guard state.seenTrees.insert(ObjectKey(git_tree_id(tree).pointee)).inserted else { continue }
            let seconds = git_commit_author(commit).map { $0.pointee.when.time } ?? git_commit_time(commit)
            let origin = (commit: GitRepository.hex(oid), time: Date(timeIntervalSince1970: TimeInterval(seconds)))
            try walkTree(tree, prefix: [], origin: origin, state: &state, admitting: admitting, visit: visit)
        }
        return state.summary
    }

    private struct WalkState {
        let odb: OpaquePointer
        let maxSize: Int
        var seenTrees: Set<ObjectKey> = []
        var seenBlobs: Set<ObjectKey> = []
        var summary = HistoryWalkSummary()
    }

    private func walkTree(
        _ tree: OpaquePointer,
        prefix: [UInt8],
        origin: (commit: String, time: Date),
        state: inout WalkState,
        admitting: (String) -> Bool,
        visit: (HistoryBlob, [UInt8]?) throws -> Void
    ) throws {
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index), let name = git_tree_entry_name(entry) else { continue }
            let path = prefix.isEmpty ? GitRepository.bytes(name) : prefix + [UInt8(ascii: "/")] + GitRepository.bytes(name)
            var id = git_tree_entry_id(entry).pointee
            let mode = git_tree_entry_filemode(entry).rawValue
            if mode == GIT_FILEMODE_TREE.rawValue {
                guard state.seenTrees.insert(ObjectKey(id)).inserted else { continue }
                var subtree: OpaquePointer?
                guard git_tree_lookup(&subtree, handle, &id) == 0, let subtree else {
                    throw ToolError.runtime("cannot read tree \(GitRepository.hex(id)): \(GitRepository.lastError())")
                }
                defer { git_tree_free(subtree) }
                try walkTree(subtree, prefix: path, origin: origin, state: &state, admitting: admitting, visit: visit)
                continue
            }
            guard mode == GIT_FILEMODE_BLOB.rawValue || mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue else { continue }
            let pathText = String(decoding: path, as: UTF8.self)
            guard admitting(pathText), state.seenBlobs.insert(ObjectKey(id)).inserted else { continue }
            var size = 0
            var type = GIT_OBJECT_ANY
            let status = git_odb_read_header(&size, &type, state.odb, &id)
            if status == GIT_ENOTFOUND.rawValue {
                state.summary.missing += 1
                if state.summary.firstMissing == nil {
                    state.summary.firstMissing = HistoryBlob(
                        objectID: GitRepository.hex(id), path: pathText, commit: origin.commit, authorTime: origin.time, size: 0)
                }
                continue
            }
            guard status == 0 else {
                throw ToolError.runtime("cannot read object \(GitRepository.hex(id)) for \(pathText): \(GitRepository.lastError())")
            }
            state.summary.blobs += 1
            let blob = HistoryBlob(
                objectID: GitRepository.hex(id), path: pathText, commit: origin.commit, authorTime: origin.time, size: size)
            if size > state.maxSize {
                state.summary.tooLarge += 1
                try visit(blob, nil)
                continue
            }
            try visit(blob, try readBlob(&id, odb: state.odb, path: pathText))
        }
    }

    private func readBlob(_ id: inout git_oid, odb: OpaquePointer, path: String) throws -> [UInt8] {
        var object: OpaquePointer?
        guard git_odb_read(&object, odb, &id) == 0, let object else {
            throw ToolError.runtime("cannot read object \(GitRepository.hex(id)) for \(path): \(GitRepository.lastError())")
        }
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        // Copy before the object is freed.
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }
}

/// A 20-byte object id as a cheap hashable key.
private struct ObjectKey: Hashable {
    let head: UInt64
    let middle: UInt64
    let tail: UInt32

    init(_ oid: git_oid) {
        var oid = oid
        (head, middle, tail) = withUnsafeBytes(of: &oid.id) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }
}
