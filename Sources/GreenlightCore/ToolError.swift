/// A failure of Greenlight itself or of its invocation — never a problem in the user's
/// repository (those are findings). Each maps to a documented exit code.
public struct ToolError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Bad flag, unreadable or invalid configuration, unknown rule id: exit 2.
        case usage
        /// Not a repository, unreadable object, corrupt database: exit 3.
        case runtime
    }

    public let kind: Kind
    public let message: String
    /// Further errors found in the same pass (a configuration's every mistake, as a compiler
    /// reports them), each its own line after `message`.
    public var others: [String] = []

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func usage(_ message: String) -> ToolError { ToolError(.usage, message) }

    /// Most errors reported at once; the rest are counted.
    public static let reportedAtOnce = 20

    /// The errors collected in one pass as one error (nil when there are none): every message
    /// up to `reportedAtOnce`, then a count of the rest.
    public static func combined(_ errors: [ToolError]) -> ToolError? {
        guard var first = errors.first else { return nil }
        var others = errors.dropFirst().flatMap { [$0.message] + $0.others }
        if others.count >= reportedAtOnce {
            let rest = others.count - (reportedAtOnce - 1)
            others = Array(others.prefix(reportedAtOnce - 1)) + ["and \(rest) more error\(rest == 1 ? "" : "s")"]
        }
        first.others = first.others + others
        return first
    }
    public static func runtime(_ message: String) -> ToolError { ToolError(.runtime, message) }

    public var exitCode: Int32 {
        switch kind {
        case .usage: return ExitStatus.usage
        case .runtime: return ExitStatus.runtime
        }
    }

    public var description: String { message }
}

/// The exit codes every command uses.
public enum ExitStatus {
    public static let passed: Int32 = 0
    public static let gateFailed: Int32 = 1
    public static let usage: Int32 = 2
    public static let runtime: Int32 = 3
}
