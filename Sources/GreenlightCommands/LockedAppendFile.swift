import Foundation
import GreenlightCore

/// A file opened for read-decide-append under an exclusive `flock`, so that monitors running
/// at once see each other's entries: each reads the log only after the previous one's append
/// is complete, and appends with one `write` on an `O_APPEND` descriptor.
final class LockedAppendFile {
    let path: String
    private let descriptor: Int32

    /// Opens (creating it if needed) and locks `path`; waits for other holders.
    init(path: String) throws {
        self.path = path
        for _ in 0..<20 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw LockedAppendFile.failure(path, "cannot open") }
            var result: Int32
            repeat { result = flock(descriptor, LOCK_EX) } while result != 0 && errno == EINTR
            guard result == 0 else {
                let error = LockedAppendFile.failure(path, "cannot lock")
                close(descriptor)
                throw error
            }
            // The file may have been replaced (renamed over) while we waited: lock the one at `path`.
            var held = stat()
            var current = stat()
            if fstat(descriptor, &held) == 0, stat(path, &current) == 0,
               held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                self.descriptor = descriptor
                return
            }
            close(descriptor)
        }
        throw ToolError.runtime("\(path): the file keeps being replaced; cannot lock it")
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The whole file.
    func read() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LockedAppendFile.failure(path, "cannot read")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            offset += off_t(count)
        }
    }

    /// Appends `text` with a single `write` (retrying only the rest of a short write) and syncs.
    func append(_ text: String) throws {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw LockedAppendFile.failure(path, "cannot write")
            }
            written += count
        }
        fsync(descriptor)
    }

    private static func failure(_ path: String, _ what: String) -> ToolError {
        ToolError.runtime("\(path): \(what) the blockers log: \(String(cString: strerror(errno)))")
    }
}
