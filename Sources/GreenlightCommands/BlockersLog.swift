import Foundation
import GreenlightCore

/// The monitor's blockers log: Markdown, one line per entry, appended only.
///
///     - 2026-11-21T09:00:00Z BLOCKER `tooling`: no proof of work for 25m (last commit …); expected …
///     - 2026-11-21T09:10:00Z RESOLVED `tooling`: proof of work again (last commit …)
///
/// Which agents have an open blocker is read back from the log itself (an agent's last entry is
/// a BLOCKER), so the monitor keeps no other state and survives restarts.
public enum BlockersLog {
    public static let header = "# Blockers\n\nAppended by `greenlight monitor`: one BLOCKER line when an agent goes silent, one RESOLVED line when it is back.\n\n"

    public enum Kind: String, Sendable {
        case blocker = "BLOCKER"
        case resolved = "RESOLVED"
    }

    /// Agents whose last entry is a BLOCKER.
    public static func openBlockers(in text: String) -> Set<String> {
        var open: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            guard let (kind, agent) = parse(line) else { continue }
            switch kind {
            case .blocker: open.insert(agent)
            case .resolved: open.remove(agent)
            }
        }
        return open
    }

    /// `- TIME KIND `agent`: …` → (kind, agent).
    static func parse(_ line: Substring) -> (Kind, String)? {
        let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard words.count == 4, words[0] == "-", let kind = Kind(rawValue: String(words[2])),
              words[3].hasPrefix("`"), let close = words[3].dropFirst().firstIndex(of: "`") else { return nil }
        let agent = words[3][words[3].index(after: words[3].startIndex)..<close]
        guard words[3][words[3].index(after: close)...].hasPrefix(":") else { return nil }
        return (kind, String(agent))
    }

    /// One entry line, newline-terminated; names and text are kept on one line.
    public static func entry(_ kind: Kind, at time: Date, agent: String, text: String) -> String {
        let name = oneLine(agent).replacingOccurrences(of: "`", with: "'")
        return "- \(Timestamp.format(time)) \(kind.rawValue) `\(name)`: \(oneLine(text))\n"
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}

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
