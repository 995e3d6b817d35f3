import CGit2
import Foundation
import GreenlightCore

/// Reads blob contents from the object database; work-tree files that differ from the index
/// (they have no object id) are read from disk.
final class GitBlobReader: BlobReading {
    private let repository: GitRepository
    private let odb: OpaquePointer

    init(repository: GitRepository) throws {
        self.repository = repository
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, repository.handle) == 0, let odb else {
            throw ToolError.runtime("cannot open the object database: \(GitRepository.lastError())")
        }
        self.odb = odb
    }

    deinit {
        git_odb_free(odb)
    }

    func size(of entry: SnapshotEntry) throws -> Int {
        guard let hex = entry.objectID else { return try WorkTreeFile(entry: entry, root: repository.root).size() }
        guard var oid = GitRepository.oid(hex) else { throw unreadable(entry) }
        var length = 0
        var type = GIT_OBJECT_ANY
        guard git_odb_read_header(&length, &type, odb, &oid) == 0 else { throw unreadable(entry) }
        return length
    }

    func bytes(of entry: SnapshotEntry) throws -> [UInt8] {
        guard let hex = entry.objectID else { return try WorkTreeFile(entry: entry, root: repository.root).bytes() }
        guard var oid = GitRepository.oid(hex) else { throw unreadable(entry) }
        var object: OpaquePointer?
        guard git_odb_read(&object, odb, &oid) == 0, let object else { throw unreadable(entry) }
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        // Copy before the object is freed.
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }

    /// libgit2 built with threads shares one object database among threads for reading.
    var readsConcurrently: Bool { git_libgit2_features() & Int32(GIT_FEATURE_THREADS.rawValue) != 0 }

    func hasObject(for entry: SnapshotEntry) -> Bool {
        guard let hex = entry.objectID else { return true }
        guard var oid = GitRepository.oid(hex) else { return false }
        return git_odb_exists(odb, &oid) != 0
    }

    private func unreadable(_ entry: SnapshotEntry) -> ToolError {
        ToolError.runtime("cannot read object \(entry.objectID ?? "?") for \(entry.path): \(GitRepository.lastError())")
    }
}

/// A file in the work tree, addressed by its raw path bytes (which need not be UTF-8).
struct WorkTreeFile {
    let entry: SnapshotEntry
    let root: String

    private var cPath: [CChar] {
        let bytes = Array(root.utf8) + [UInt8(ascii: "/")] + entry.rawPath + [0]
        return bytes.map { CChar(bitPattern: $0) }
    }

    func size() throws -> Int {
        var info = stat()
        guard lstat(cPath, &info) == 0 else { throw failure() }
        return Int(info.st_size)
    }

    func bytes() throws -> [UInt8] {
        let descriptor = open(cPath, O_RDONLY)
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { throw failure() }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    private func failure() -> ToolError {
        ToolError.runtime("cannot read \(entry.path) from the work tree: \(String(cString: strerror(errno)))")
    }
}
