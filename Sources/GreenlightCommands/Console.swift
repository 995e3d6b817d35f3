import Foundation

/// `--color`.
public enum ColourChoice: String, CaseIterable, Sendable {
    case auto
    case always
    case never
}

/// Where a command writes, and what it knows of its terminal — injected, so every command runs
/// in-process in tests exactly as from the CLI.
public struct Console {
    public var out: (String) -> Void
    public var err: (String) -> Void
    /// Whether standard output is a terminal.
    public var outIsTerminal: Bool
    /// Whether standard error is a terminal (progress is shown there only then).
    public var errIsTerminal: Bool
    public var environment: [String: String]
    /// The folder relative paths are resolved from.
    public var currentDirectory: String
    /// The greenlight executable, for hooks to fall back to when none is on PATH.
    public var executable: String?

    public init(
        out: @escaping (String) -> Void,
        err: @escaping (String) -> Void,
        outIsTerminal: Bool,
        environment: [String: String],
        currentDirectory: String,
        executable: String? = nil,
        errIsTerminal: Bool = false
    ) {
        self.out = out
        self.err = err
        self.outIsTerminal = outIsTerminal
        self.errIsTerminal = errIsTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executable = executable
    }

    /// The process's own streams and environment.
    public static var standard: Console {
        Console(
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) },
            outIsTerminal: isatty(STDOUT_FILENO) == 1,
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executable: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath,
            errIsTerminal: isatty(STDERR_FILENO) == 1
        )
    }

    /// Colour only on a terminal, never with `NO_COLOR` set or `TERM=dumb`.
    public var wantsColour: Bool { wantsColour(.auto) }

    /// `--color`: `always` and `never` as said; `auto` colours a terminal, and a CI log that
    /// renders colour (GitHub Actions, or `FORCE_COLOR` set), unless `NO_COLOR` is set or
    /// `TERM=dumb`.
    public func wantsColour(_ choice: ColourChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            let forced = environment["GITHUB_ACTIONS"] == "true" || !["", "0"].contains(environment["FORCE_COLOR"] ?? "")
            return (outIsTerminal || forced) && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }

    /// An absolute path for a path given on the command line.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: currentDirectory).appendingPathComponent(path).path
    }
}
