import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightLoops
import GreenlightReport
import GreenlightRules

/// The options that choose what a run looks at, shared by `check` and `baseline`.
public struct SnapshotRequest {
    public var repo: String?
    public var selector: SnapshotSelector = .rev("HEAD")
    public var configFile: String?
    public var only: [String] = []
    public var skip: [String] = []
    /// `--now`: a fixed clock, or `nil` for the time of the call.
    public var now: Date?
    /// Whether live endpoint probes run (`--no-live` turns them off).
    public var live = true
    /// `--scan-history`: the secrets family also scans every blob in history.
    public var scanHistory = false
    /// `--diff-base REV`: report only what the snapshot changes since its merge base with REV.
    public var diffBase: String?

    public init() {}
}

/// Which baseline a check reads.
public enum BaselineChoice: Sendable, Equatable {
    /// `.greenlight-baseline.json` at the root of the work tree when there is one (for a bare
    /// repository, the one committed at the checked revision), so that an existing repository
    /// with a baseline is gated on what is new, in the hook and CI alike.
    case repositoryDefault
    /// `--baseline FILE`: must exist.
    case file(String)
    /// `--no-baseline`, and the commands that never read one.
    case none
}

/// The result of running the rules once: what the reporters and the baseline writer need.
struct Evaluation {
    let repository: GitRepository
    let snapshot: RepositorySnapshot
    let findings: [Finding]
    let facts: ReportFacts
    let now: Date
    let config: Config
    /// The configuration's sections, decoded.
    let sections: [String: any ConfigSection]
    /// The rules that ran, with the severity the config gave them.
    let rules: [ReportedRule]
    /// `--diff-base`: what the findings were narrowed to.
    var change: CheckReport.ChangeSummary?

    func report(failOn: FailThreshold = .error) -> CheckReport {
        CheckReport(root: snapshot.root, commit: snapshot.commit, source: snapshot.source, now: now,
                    findings: findings, facts: facts, rules: rules, change: change, failOn: failOn)
    }
}

/// Takes the snapshot of the invocation's repository and runs the engine over it.
struct Evaluator {
    let engine = Engine.greenlight
    let console: Console

    func evaluate(_ request: SnapshotRequest, baseline choice: BaselineChoice, progress: RunProgress? = nil) throws -> Evaluation {
        // Needed for the findings at the end; decoded meanwhile.
        SecretRedactor.prepareInBackground()
        let call = try Invocation(console: console, repo: request.repo, now: request.now,
                                  configuration: .read(file: request.configFile, at: request.selector))
        let repository = call.openRepository
        let config = call.config
        let families = try engine.selectFamilies(only: request.only, skip: request.skip)
        let baseline = try load(choice, repository: repository, selector: request.selector)
        if request.selector == .index, let indexFile = console.environment["GIT_INDEX_FILE"], !indexFile.isEmpty {
            repository.indexFile = console.resolve(indexFile)
        }
        let scope = try request.diffBase.flatMap { try repository.changes(since: $0, to: request.selector) }
        let snapshot = try repository.snapshot(request.selector, config: config, focus: scope?.paths)
        let live = LiveAccess(enabled: request.live, environment: console.environment)
        let result = try engine.evaluate(
            snapshot: snapshot, config: config, now: call.now, families: families, baseline: baseline, live: live,
            scanHistory: request.scanHistory, progress: progress)
        var findings = result.findings
        var change: CheckReport.ChangeSummary?
        if let scope {
            let kept = try narrow(result.findings, to: scope, head: snapshot, repository: repository, config: config, now: call.now,
                                  live: live, scanHistory: request.scanHistory)
            change = CheckReport.ChangeSummary(scope, outside: result.findings.count - kept.count)
            findings = kept
        }
        let rules = engine.rules.map { $0.description }.compactMap { rule -> ReportedRule? in
            guard families.contains(rule.family) else { return nil }
            let level = config.rules[rule.id]?.level
            return level == .off ? nil : ReportedRule(rule, configured: level?.severity)
        }
        return Evaluation(repository: repository, snapshot: snapshot, findings: SecretRedactor.builtin.redact(findings),
                          facts: SecretRedactor.builtin.redact(result.facts), now: call.now, config: config,
                          sections: call.sections, rules: rules, change: change)
    }

    private func load(_ choice: BaselineChoice, repository: GitRepository, selector: SnapshotSelector) throws -> Baseline? {
        switch choice {
        case .none:
            return nil
        case .file(let file):
            return try Baseline.load(file: console.resolve(file))
        case .repositoryDefault:
            if let workdir = repository.workdir {
                let path = workdir + "/" + Baseline.defaultFileName
                return FileManager.default.fileExists(atPath: path) ? try Baseline.load(file: path) : nil
            }
            guard case .rev(let rev) = selector, let bytes = repository.blob(at: rev, path: Baseline.defaultFileName) else { return nil }
            return try Baseline.decode(Data(bytes), file: "\(rev):\(Baseline.defaultFileName)")
        }
    }

    /// The findings the change brought: those on its lines, and those the same check of the
    /// merge base did not have. The base is checked only when some finding is off the changed
    /// lines, and only by the families of such findings, over the same changed files.
    private func narrow(_ findings: [Finding], to scope: ChangeScope, head: RepositorySnapshot, repository: GitRepository,
                        config: Config, now: Date, live: LiveAccess, scanHistory: Bool) throws -> [Finding] {
        let elsewhere = findings.filter { !scope.touches($0) }
        guard !elsewhere.isEmpty else { return findings }
        let familyOf = Dictionary(engine.rules.map { ($0.description.id, $0.description.family) }, uniquingKeysWith: { first, _ in first })
        let families = Set(elsewhere.compactMap { familyOf[$0.rule] })
        let base = try repository.baseSnapshot(of: head, scope: scope, config: config)
        let before = try engine.evaluate(snapshot: base, config: config, now: now, families: families, live: live,
                                         scanHistory: scanHistory)
        let fingerprints = Set(before.findings.map(\.fingerprint))
        return findings.filter { scope.brought($0, baseFingerprints: fingerprints) }
    }
}

extension Engine {
    /// Every rule and every config section any command reads — the families' and the
    /// commands' own (`report:`, `loops:`) — so that every command accepts the same
    /// `.greenlight.yml`.
    static var greenlight: Engine {
        Engine(families: RuleCatalog.families, sections: [ReportSettings.self, LoopsSection.self])
    }
}
