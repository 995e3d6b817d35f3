import Foundation

/// Writes a file the user named (`--output`, a report folder, a hook, `init`'s files). A regular
/// file — or a new one — is replaced atomically, so a reader never sees half of it; anything
/// else that exists at the path (`/dev/null`, a pipe, a terminal) is written into, never
/// replaced; a symbolic link is followed, so the link stays and its target gets the bytes.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        guard stat(target, &info) == 0, info.st_mode & S_IFMT != S_IFREG else {
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
            return
        }
        guard info.st_mode & S_IFMT != S_IFDIR else {
            throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
    }
}
