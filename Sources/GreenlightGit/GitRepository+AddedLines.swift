import CGit2
import GreenlightCore

extension GitRepository {
    /// See `RepositoryHistory.addedLines(to:in:comparedTo:)`.
    public func addedLines(to path: String, in commit: String, comparedTo parent: String?) throws -> [AddedLine] {
        try historyLock.withLock { try diffAddedLines(to: path, in: commit, comparedTo: parent) }
    }

    private func diffAddedLines(to path: String, in commit: String, comparedTo parent: String?) throws -> [AddedLine] {
        let new = try blob(inCommit: commit, path: path)
        defer { git_blob_free(new) }
        let old = try parent.flatMap { try blob(inCommit: $0, path: path) }
        defer { git_blob_free(old) }
        var options = GitRepository.diffOptions()
        var patch: OpaquePointer?
        guard git_patch_from_blobs(&patch, old, nil, new, nil, &options) == 0, let patch else {
            throw ToolError.runtime("cannot diff \(path) in \(commit.prefix(12)): \(GitRepository.lastError())")
        }
        defer { git_patch_free(patch) }
        return GitRepository.additions(patch)
    }

    /// See `RepositoryHistory.addedLines(to:since:current:)`.
    public func addedLines(to path: String, since commit: String?, current: [UInt8]) throws -> [AddedLine] {
        try historyLock.withLock { try diffAddedLines(to: path, since: commit, current: current) }
    }

    private func diffAddedLines(to path: String, since commit: String?, current: [UInt8]) throws -> [AddedLine] {
        let old = try commit.flatMap { try blob(inCommit: $0, path: path) }
        defer { git_blob_free(old) }
        var options = GitRepository.diffOptions()
        var patch: OpaquePointer?
        // A non-empty array, so the buffer has an address even for an empty file.
        let padded = current + [0]
        let status = padded.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                git_patch_from_blob_and_buffer(&patch, old, nil, $0, current.count, nil, &options)
            }
        }
        guard status == 0, let patch else {
            throw ToolError.runtime("cannot diff \(path) against the work tree: \(GitRepository.lastError())")
        }
        defer { git_patch_free(patch) }
        return GitRepository.additions(patch)
    }

    private static func diffOptions() -> git_diff_options {
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.context_lines = 0
        return options
    }

    /// The blob at `path` in `commit`, or nil when the commit has no file there.
    private func blob(inCommit commit: String, path: String) throws -> OpaquePointer? {
        let tree = try tree(ofCommit: commit)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        var blob: OpaquePointer?
        guard git_blob_lookup(&blob, handle, git_tree_entry_id(entry)) == 0, let blob else {
            throw ToolError.runtime("cannot read \(path) in \(commit.prefix(12)): \(GitRepository.lastError())")
        }
        return blob
    }

    /// The added lines of a patch, copied out before it is freed. A binary file has none.
    private static func additions(_ patch: OpaquePointer) -> [AddedLine] {
        var lines: [AddedLine] = []
        for hunk in 0..<git_patch_num_hunks(patch) {
            let count = git_patch_num_lines_in_hunk(patch, hunk)
            guard count > 0 else { continue }
            for index in 0..<Int(count) {
                var line: UnsafePointer<git_diff_line>?
                guard git_patch_get_line_in_hunk(&line, patch, hunk, index) == 0, let line = line?.pointee,
                      line.origin == CChar(UInt8(ascii: "+")) else { continue }
                var bytes: [UInt8] = []
                if line.content_len > 0, let content = line.content {
                    bytes = Array(UnsafeRawBufferPointer(start: content, count: line.content_len))
                }
                while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
                lines.append(AddedLine(line: Int(line.new_lineno), text: String(decoding: bytes, as: UTF8.self)))
            }
        }
        return lines
    }
}
