import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightReport
import GreenlightRules

/// The options that choose what a run looks at, shared by `check` and `baseline`.
public struct SnapshotRequest {
    public var repo: String?
    public var selector: SnapshotSelector = .rev("HEAD")
    public var configFile: String?
    public var only: [String] = []
    public var skip: [String] = []
    /// `--now`, as given.
    public var now: String?
    /// `--scan-history`: the secrets family also scans every blob in history.
    public var scanHistory = false

    public init() {}
}

/// The result of running the rules once: what the reporters and the baseline writer need.
struct Evaluation {
    let repository: GitRepository
    let snapshot: RepositorySnapshot
    let findings: [Finding]
    let now: Date

    func report() -> CheckReport {
        CheckReport(root: snapshot.root, commit: snapshot.commit, source: snapshot.source, now: now, findings: findings)
    }
}

/// Opens the repository, loads the config, takes the snapshot and runs the engine.
struct Evaluator {
    let engine = RuleCatalog.engine
    let console: Console

    func evaluate(_ request: SnapshotRequest, baselineFile: String?) throws -> Evaluation {
        let now = try clock(request.now)
        let repository = try GitRepository(discovering: console.resolve(request.repo ?? "."))
        let config = try loadConfig(request, repository: repository)
        try engine.validate(config)
        let families = try engine.selectFamilies(only: request.only, skip: request.skip)
        let baseline = try baselineFile.map { try Baseline.load(file: console.resolve($0)) }
        let snapshot = try repository.snapshot(request.selector, config: config)
        let findings = try engine.run(
            snapshot: snapshot, config: config, now: now, families: families, baseline: baseline,
            scanHistory: request.scanHistory
        ).map(SecretRedactor.builtin.redact)
        return Evaluation(repository: repository, snapshot: snapshot, findings: findings, now: now)
    }

    private func clock(_ text: String?) throws -> Date {
        guard let text else { return Date() }
        guard let date = Timestamp.parse(text) else {
            throw ToolError.usage("--now '\(text)' is not an ISO 8601 time (e.g. 2026-11-21T09:00:00Z)")
        }
        return date
    }

    /// `--config FILE`; else `.greenlight.yml` in the work tree; for a bare repository, the one
    /// committed at the revision; else defaults.
    func loadConfig(_ request: SnapshotRequest, repository: GitRepository) throws -> Config {
        let known = engine.ruleIDs
        if let file = request.configFile {
            return try ConfigLoader.load(file: console.resolve(file), knownRuleIDs: known, sections: engine.sectionKeys)
        }
        if let workdir = repository.workdir {
            let path = workdir + "/" + Config.defaultFileName
            guard FileManager.default.fileExists(atPath: path) else { return Config() }
            return try ConfigLoader.load(file: path, knownRuleIDs: known, sections: engine.sectionKeys)
        }
        if case .rev(let rev) = request.selector, let bytes = repository.blob(at: rev, path: Config.defaultFileName) {
            let file = "\(rev):\(Config.defaultFileName)"
            return try ConfigLoader.load(yaml: String(decoding: bytes, as: UTF8.self), file: file, knownRuleIDs: known, sections: engine.sectionKeys)
        }
        return Config()
    }
}

/// `greenlight check`.
public struct CheckCommand {
    public var request = SnapshotRequest()
    public var format: ReportFormat = .text
    public var output: String?
    public var baseline: String?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let evaluation = try Evaluator(console: console).evaluate(request, baselineFile: baseline)
            let report = evaluation.report()
            let colour = output == nil && console.wantsColour
            let rendered = try format.reporter(colour: colour).render(report)
            try Output(console: console, file: output).write(rendered)
            return report.exitCode
        }
    }
}

/// `greenlight baseline`: record today's live findings so that only new ones fail.
public struct BaselineCommand {
    public var request = SnapshotRequest()
    public var output: String?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let evaluation = try Evaluator(console: console).evaluate(request, baselineFile: nil)
            guard let target = output ?? evaluation.repository.workdir.map({ $0 + "/" + Baseline.defaultFileName }) else {
                throw ToolError.usage("a bare repository has no work tree to write the baseline into: give --output FILE")
            }
            let baseline = Baseline(findings: evaluation.findings)
            try Output(console: console, file: target).write(String(decoding: try baseline.encoded(), as: UTF8.self))
            console.err("greenlight: recorded \(baseline.findings.count) finding(s) in \(target)\n")
            return ExitStatus.passed
        }
    }
}

/// Writes a rendering to `--output FILE` or standard output.
struct Output {
    let console: Console
    let file: String?

    func write(_ text: String) throws {
        guard let file else {
            console.out(text)
            return
        }
        let path = console.resolve(file)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ToolError.usage("\(file): cannot write output file")
        }
    }
}

/// Turns a tool error into its one-line message and exit code; nothing escapes as a crash.
struct GuardedRun {
    let console: Console

    func run(_ body: () throws -> Int32) -> Int32 {
        do {
            return try body()
        } catch let error as ToolError {
            console.err("greenlight: \(oneLine(error.message))\n")
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
