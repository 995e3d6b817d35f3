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

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func usage(_ message: String) -> ToolError { ToolError(.usage, message) }
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
