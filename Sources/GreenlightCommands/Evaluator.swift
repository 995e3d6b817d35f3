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

    public init() {}
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

    func report() -> CheckReport {
        CheckReport(root: snapshot.root, commit: snapshot.commit, source: snapshot.source, now: now,
                    findings: findings, facts: facts, rules: rules)
    }
}

/// Takes the snapshot of the invocation's repository and runs the engine over it.
struct Evaluator {
    let engine = Engine.greenlight
    let console: Console

    func evaluate(_ request: SnapshotRequest, baselineFile: String?) throws -> Evaluation {
        // Needed for the findings at the end; decoded meanwhile.
        SecretRedactor.prepareInBackground()
        let call = try Invocation(console: console, repo: request.repo, now: request.now,
                                  configuration: .read(file: request.configFile, at: request.selector))
        let repository = call.openRepository
        let config = call.config
        let families = try engine.selectFamilies(only: request.only, skip: request.skip)
        let baseline = try baselineFile.map { try Baseline.load(file: console.resolve($0)) }
        if request.selector == .index, let indexFile = console.environment["GIT_INDEX_FILE"], !indexFile.isEmpty {
            repository.indexFile = console.resolve(indexFile)
        }
        let snapshot = try repository.snapshot(request.selector, config: config)
        let live = LiveAccess(enabled: request.live, environment: console.environment)
        let result = try engine.evaluate(
            snapshot: snapshot, config: config, now: call.now, families: families, baseline: baseline, live: live,
            scanHistory: request.scanHistory)
        let rules = engine.rules.map { $0.description }.compactMap { rule -> ReportedRule? in
            guard families.contains(rule.family) else { return nil }
            let level = config.rules[rule.id]?.level
            return level == .off ? nil : ReportedRule(rule, configured: level?.severity)
        }
        return Evaluation(repository: repository, snapshot: snapshot, findings: SecretRedactor.builtin.redact(result.findings),
                          facts: SecretRedactor.builtin.redact(result.facts), now: call.now, config: config,
                          sections: call.sections, rules: rules)
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
