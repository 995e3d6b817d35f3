import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules

/// `greenlight preflight --require NAME[,NAME…]`: the environment a job needs is there. Each
/// name from `--require` and from `secrets.required` must be set and not blank; one line per
/// name says set (with the value's length), missing or empty — never the value. Exit 1 with one
/// line naming what is missing. Loops and probes call `evaluate` before they start.
public struct PreflightCommand {
    /// Names given on the command line.
    public var require: [String] = []
    public var repo: String?
    public var configFile: String?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let report = try evaluate(console)
            for line in report.lines { console.out(line + "\n") }
            guard report.passed else {
                console.err("greenlight: \(SecretRedactor.builtin.redact(report.failureMessage))\n")
                return ExitStatus.gateFailed
            }
            return ExitStatus.passed
        }
    }

    /// The names asked for (command line first, then `secrets.required`), checked against the
    /// console's environment. Without `--repo` or `--config`, the configuration of the
    /// repository around the current folder is read if there is one; outside a repository,
    /// only `--require` counts.
    public func evaluate(_ console: Console) throws -> EnvironmentPreflight.Report {
        let names = require + (try configuredNames(console))
        guard !names.isEmpty else {
            throw ToolError.usage("nothing to check: give --require NAME[,NAME...] or list secrets.required in .greenlight.yml")
        }
        // A shell that expanded `$TOKEN` where `TOKEN` was meant passes the value as a name, and
        // a token can be a valid variable name (`ghp_…`): refuse rather than print it.
        for (position, name) in names.enumerated() where Self.looksLikeAValue(name) {
            throw ToolError.usage(
                "required name #\(position + 1) \(RedactedSecret(name)) looks like a secret value: give the variable's name, not its value")
        }
        return try EnvironmentPreflight.check(names, in: console.environment)
    }

    /// A secret the packs recognise, or a long mix of lower case, upper case and digits that
    /// no one names a variable.
    static func looksLikeAValue(_ name: String) -> Bool {
        if SecretRedactor.builtin.redact(name) != name { return true }
        return name.count >= 20 && name.contains(where: \.isLowercase) && name.contains(where: \.isUppercase)
            && name.contains(where: \.isNumber)
    }

    private func configuredNames(_ console: Console) throws -> [String] {
        // With --config or --repo the configuration must be read; around the current folder,
        // only if it is in a repository.
        let place: Invocation.Place = configFile == nil && repo != nil ? .repository : .anywhere
        let call = try Invocation(console: console, repo: repo, now: nil, configuration: .read(file: configFile), place: place)
        return call.section(SecretsSection.self).required
    }
}
