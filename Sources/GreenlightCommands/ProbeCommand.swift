import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightProbes
import GreenlightReport
import GreenlightRules

/// `greenlight probe [NAME...]`: run the configured probes (all, or the named ones), print
/// the report, optionally record it as evidence; exit 1 when any probe failed.
public struct ProbeCommand {
    public var names: [String] = []
    public var repo: String?
    public var configFile: String?
    public var format: ProbeReportFormat = .text
    public var output: String?
    /// `--record-evidence NAME`
    public var recordEvidence: String?
    public var now: Date?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            if let name = recordEvidence { try ProbeEvidence.validate(name: name) }
            // `--config FILE` works outside a repository.
            let call = try Invocation(console: console, repo: repo, now: now, configuration: .read(file: configFile),
                                      place: configFile == nil ? .repository : .anywhere)
            let now = call.now
            let repository = call.repository
            let section = call.section(ProbesSection.self)
            let file = shownPath(call.config.path, root: repository?.root)
            guard !section.probes.isEmpty else {
                throw ToolError.usage("\(file): no probes configured (add a probes: list)")
            }
            let selected = try section.select(names)
            let results = ProbeRunner(environment: console.environment, now: now).run(selected)
            let report = ProbeReport(config: file, now: now, probes: results)
            try Output(console: console, file: output).write(try format.render(report))
            if let name = recordEvidence {
                let root = repository?.workdir ?? console.currentDirectory
                let written = try ProbeEvidence(root: root).write(
                    name: name, report: report, commit: repository?.headCommit, now: now)
                console.err("greenlight: recorded evidence '\(name)' (\(report.passed ? "pass" : "fail")) in \(written)\n")
            }
            return report.exitCode
        }
    }

    private func shownPath(_ path: String?, root: String?) -> String {
        guard let path else { return Config.defaultFileName }
        if let root, path.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            return String(path.dropFirst(root.count + (root.hasSuffix("/") ? 0 : 1)))
        }
        return path
    }
}
