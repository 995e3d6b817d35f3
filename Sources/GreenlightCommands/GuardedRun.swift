import Foundation
import GreenlightCore
import GreenlightRules

/// Turns a tool error into its one-line message and exit code; nothing escapes as a crash.
public struct GuardedRun {
    let console: Console

    public init(console: Console) {
        self.console = console
    }

    public func run(_ body: () throws -> Int32) -> Int32 {
        do {
            return try body()
        } catch let error as ToolError {
            for message in [error.message] + error.others { console.err("greenlight: \(oneLine(message))\n") }
            return error.exitCode
        } catch {
            console.err("greenlight: \(oneLine(String(describing: error)))\n")
            return ExitStatus.runtime
        }
    }

    /// Messages quote user input (paths, revisions); a newline in it must not split the line,
    /// and a secret in it (pasted where a revision was meant) must not be printed.
    private func oneLine(_ message: String) -> String {
        SecretRedactor.builtin.redact(message).replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
}
