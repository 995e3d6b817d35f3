import Foundation
import GreenlightCLI
import GreenlightCommands
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of a child process produced.
struct CLIResult: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String
    let stdoutBytes: [UInt8]
    let timedOut: Bool

    /// Standard error split into lines, without the empty piece after the last newline.
    var stderrLines: [Substring] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map { $0 }
    }

    var stdoutLines: [Substring] {
        stdout.split(separator: "\n", omittingEmptySubsequences: false).map { $0 }
    }

    /// The text report's last line: `GREEN: …`, `YELLOW: …` or `RED: …`.
    var summaryLine: String {
        stdoutLines.last(where: { !$0.isEmpty }).map(String.init) ?? ""
    }

    /// The JSON report, parsed.
    func json(array: Bool) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]] ?? []
    }

    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdoutBytes))
        return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout)")
    }

    var description: String {
        "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// Runs `greenlight` in-process through `GreenlightCLI.run`, or the built executable (and other
/// commands) as a child process.
enum CLI {
    /// The package root, from this file's path: `<root>/Tests/GreenlightCLITests/CLIRunner.swift`.
    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// The `greenlight` executable next to the test runner in the products folder; failing that,
    /// one under `<package>/.build*/`.
    static let executable: String? = {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            let runner = URL(fileURLWithPath: first).resolvingSymlinksInPath()
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("greenlight").path)
        }
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("greenlight").path)
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("greenlight").path)
        for path in candidates where isExecutableFile(path) { return path }

        let scratch = (try? fileManager.contentsOfDirectory(atPath: packageRoot))?
            .filter { $0.hasPrefix(".build") }.sorted() ?? []
        var fallbacks: [String] = []
        for folder in scratch {
            fallbacks.append("\(packageRoot)/\(folder)/debug/greenlight")
            let nested = (try? fileManager.contentsOfDirectory(atPath: "\(packageRoot)/\(folder)")) ?? []
            fallbacks += nested.sorted().map { "\(packageRoot)/\(folder)/\($0)/debug/greenlight" }
        }
        let found = fallbacks.filter(isExecutableFile)
        return found.max { modified($0) < modified($1) }
    }()

    /// A private, empty HOME for every child, so no user or global git configuration leaks in.
    /// Nothing writes to it, so one fixed folder serves every run.
    static let home: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-cli-home").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// The environment a child gets: a fixed PATH and HOME, `NO_COLOR=1` unless told otherwise.
    static func environment(noColor: Bool = true, extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "GIT_CONFIG_NOSYSTEM": "1",
            "LANG": "C.UTF-8",
        ]
        if noColor { environment["NO_COLOR"] = "1" }
        environment.merge(extra) { $1 }
        return environment
    }

    /// Run `greenlight ARGUMENTS` in `directory` (default: the temporary folder), in-process.
    static func greenlight(
        _ arguments: String...,
        in directory: String? = nil,
        environment: [String: String] = CLI.environment()
    ) throws -> CLIResult {
        inProcess(arguments, in: directory ?? NSTemporaryDirectory(), environment: environment)
    }

    /// Run `greenlight ARGUMENTS` as a child process: the real executable, its exit status,
    /// its own streams.
    static func process(
        _ arguments: String...,
        in directory: String? = nil,
        environment: [String: String] = CLI.environment()
    ) throws -> CLIResult {
        let path = try #require(executable, "the greenlight executable was not found next to the test runner or under .build*/")
        return try child(path, arguments, in: directory ?? NSTemporaryDirectory(), environment: environment)
    }

    /// Run the command line through `GreenlightCLI.run` with a console that captures both
    /// streams: what the executable would do, without starting a process. Standard output is
    /// not a terminal; the hook installer's fallback is the built executable.
    static func inProcess(_ arguments: [String], in directory: String, environment: [String: String]) -> CLIResult {
        let out = Capture()
        let err = Capture()
        let console = Console(
            out: out.append, err: err.append, outIsTerminal: false, environment: environment,
            currentDirectory: URL(fileURLWithPath: directory).resolvingSymlinksInPath().path, executable: executable)
        let status = GreenlightCLI.run(arguments: arguments, console: console)
        let outBytes = out.bytes
        let errBytes = err.bytes
        return CLIResult(
            status: status,
            stdout: String(decoding: outBytes, as: UTF8.self),
            stderr: String(decoding: errBytes, as: UTF8.self),
            stdoutBytes: outBytes,
            timedOut: false
        )
    }

    /// Run any executable with a timeout; stdout and stderr are pipes, read while it runs. The
    /// `greenlight` executable itself runs in-process (`inProcess`); `process` or `child` start
    /// it for real.
    static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: String,
        environment: [String: String],
        timeout: TimeInterval = 60
    ) throws -> CLIResult {
        if executable == Self.executable { return inProcess(arguments, in: directory, environment: environment) }
        return try child(executable, arguments, in: directory, environment: environment, timeout: timeout)
    }

    /// Run an executable as a child process with a timeout; stdout and stderr are pipes, read
    /// while it runs.
    static func child(
        _ executable: String,
        _ arguments: [String],
        in directory: String,
        environment: [String: String],
        timeout: TimeInterval = 60
    ) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        // Foundation closes the parent's copies of the write ends, so the drains see EOF.
        try process.run()
        let stdout = PipeDrain(out.fileHandleForReading)
        let stderr = PipeDrain(err.fileHandleForReading)

        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        let outBytes = stdout.finish()
        let errBytes = stderr.finish()
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: outBytes, as: UTF8.self),
            stderr: String(decoding: errBytes, as: UTF8.self),
            stdoutBytes: outBytes,
            timedOut: timedOut
        )
    }

    /// Run `demo/make-demo-repo.sh DIR`.
    static func makeDemoRepository(at directory: String) throws {
        let result = try run("/bin/bash", [packageRoot + "/demo/make-demo-repo.sh", directory], in: packageRoot, environment: environment())
        guard result.status == 0 else { throw CLIError("make-demo-repo.sh failed: \(result)") }
    }

    /// A new empty temporary folder (removed by the caller with `removeTemporary`).
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    private static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }
}

/// One captured stream of an in-process run; commands may write from several threads.
private final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [UInt8] = []

    func append(_ text: String) {
        lock.withLock { collected += Array(text.utf8) }
    }

    var bytes: [UInt8] { lock.withLock { collected } }
}

/// Reads a pipe to its end on a thread of its own, so a chatty child never blocks on a full pipe.
private final class PipeDrain: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var bytes: [UInt8] = []

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            let data = handle.readDataToEndOfFile()
            lock.withLock { bytes = Array(data) }
            done.signal()
        }
        thread.start()
    }

    func finish() -> [UInt8] {
        done.wait()
        return lock.withLock { bytes }
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Expect a tool error: the exit code, nothing on stdout, exactly one stderr line starting with
/// `greenlight: ` and containing every fragment.
func expectToolError(
    _ result: CLIResult,
    exit code: Int32,
    _ fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(!result.timedOut, "\(result)", sourceLocation: sourceLocation)
    #expect(result.status == code, "\(result)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "stdout should be empty: \(result)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "stderr should be one line: \(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("greenlight: "), "\(result)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasSuffix("\n"), "\(result)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(result.stderr.contains(fragment), "stderr should mention \(fragment): \(result)", sourceLocation: sourceLocation)
    }
}

/// Shared fixture content.
enum Docs {
    /// A readiness document with one true claim and one false one (line 3, column 23).
    static let oneFalseClaim = """
        # Production readiness
        - [x] Health route — `src/health.ts`
        - [x] Rate limiter — `src/rateLimit.ts`
        - [ ] Load test — `tests/load.js`

        """

    /// The same document with every claim true.
    static let allTrue = """
        # Production readiness
        - [x] Health route — `src/health.ts`
        - [ ] Rate limiter — `src/rateLimit.ts`
        - [ ] Load test — `tests/load.js`

        """

    static let health = "export const ok = true\n"

    /// The text-report line of the false claim in `docs/readiness.md`.
    static let falseClaimLocation = "docs/readiness.md:3:23: error:"

    /// The configuration of a team that makes a missing cited path block the merge and a done
    /// item without evidence warn (the rules' defaults are notes until their field precision
    /// earns more).
    static let blocking = "rules: {claims.missing-evidence: error, claims.no-evidence: warning}\n"

    static func files(_ readiness: String = oneFalseClaim, extra: [String: String] = [:],
                      config: String? = blocking) -> [String: String] {
        var files = ["docs/readiness.md": readiness, "src/health.ts": health]
        if let config { files[".greenlight.yml"] = config }
        return files.merging(extra) { $1 }
    }
}

/// Lines of `text` that contain every fragment.
func lines(of text: String, containing fragments: String...) -> [Substring] {
    text.split(separator: "\n").filter { line in fragments.allSatisfy { line.contains($0) } }
}

/// The lines of a text report that list findings (`path:line:col: severity: message [rule]`).
func findingLines(_ text: String) -> [Substring] {
    text.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") || $0.contains(": note: ") }
}
