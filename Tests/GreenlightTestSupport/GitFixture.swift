import Foundation

/// A real git repository in a temporary folder, driven by the `git` command with fixed
/// identities and dates, removed when released.
public final class GitFixture {
    public let root: String
    private let home: String

    /// A new repository on branch `main` (bare if asked).
    public init(bare: Bool = false) throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("greenlight-fixture-\(UUID().uuidString)").path
        root = base + (bare ? "/repo.git" : "/repo")
        home = base + "/home"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        if bare {
            try git("init", "-q", "--bare", "-b", "main", ".")
        } else {
            try git("init", "-q", "-b", "main", ".")
        }
    }

    /// A repository with `files` committed once.
    public convenience init(files: [String: String], date: String = "2026-11-01T12:00:00Z") throws {
        try self.init()
        for (path, content) in files { try write(path, content) }
        try commitAll("initial", date: date)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    /// The folder that holds the repository (and room for siblings like linked worktrees).
    public var container: String { (root as NSString).deletingLastPathComponent }

    public func write(_ path: String, _ content: String) throws {
        try write(path, bytes: Array(content.utf8))
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    /// Deletes the loose object of the blob at `path` in `HEAD`, as a partial clone would leave
    /// it missing.
    public func dropObject(at path: String) throws {
        let id = try git("rev-parse", "HEAD:\(path)").trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: root + "/.git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
    }

    /// `git add -A` and commit with a fixed author and committer date.
    @discardableResult
    public func commitAll(_ message: String, date: String = "2026-11-01T12:00:00Z") throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message, date: date)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Run git in the repository; throws with its stderr on failure.
    @discardableResult
    public func git(_ arguments: String..., date: String = "2026-11-01T12:00:00Z") throws -> String {
        try run(arguments, in: root, date: date)
    }

    @discardableResult
    public func run(_ arguments: [String], in directory: String, date: String = "2026-11-01T12:00:00Z") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Fixture", "GIT_AUTHOR_EMAIL": "fixture@example.invalid",
            "GIT_COMMITTER_NAME": "Fixture", "GIT_COMMITTER_EMAIL": "fixture@example.invalid",
            "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(message: "git \(arguments.joined(separator: " ")): " + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
