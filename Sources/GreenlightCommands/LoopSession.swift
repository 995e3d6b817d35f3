import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightHistory
import GreenlightLoops
import GreenlightProbes

/// The flags both loops take.
public struct LoopOptions {
    public var repo: String?
    public var configFile: String?
    /// The folder the Markdown and JSON artifacts go to (default: `reports/` at the root).
    public var output: String?
    public var now: Date?
    /// Send writes; without it a loop only reads and says what it would write.
    public var apply = false
    public var history = HistoryOptions()

    public init() {}
}

/// What a loop command needs around its run: the repository, the `loops:` settings, the clock,
/// and the three places a run leaves its trace — artifacts, the history, evidence.
struct LoopSession {
    let console: Console
    let options: LoopOptions
    let repository: GitRepository
    let workdir: String
    let settings: LoopsSection
    let now: Date
    let started = Date()

    init(console: Console, options: LoopOptions) throws {
        self.console = console
        self.options = options
        let call = try Invocation(console: console, repo: options.repo, now: options.now,
                                  configuration: .read(file: options.configFile))
        now = call.now
        repository = call.openRepository
        workdir = try call.workdir("the loops write reports and evidence into a work tree")
        settings = call.section(LoopsSection.self)
    }

    var mode: LoopMode { options.apply ? .apply : .dryRun }

    /// The net under everything a loop shows or keeps: the values of its variables, wherever an
    /// answer from the API might have echoed them, become `${NAME}`.
    var redact: Redactor {
        let api = settings.api
        return Redactor(variables: [api.urlVariable, api.keyVariable, api.adminKeyVariable], environment: console.environment,
                        secrets: [api.keyVariable, api.adminKeyVariable])
    }
    var startedAt: String { Timestamp.format(now) }

    /// Write `<base>.md` and `<base>.json`; returns the JSON's bytes and both paths as shown.
    /// Two runs in one second (two dry runs side by side) get `<base>-2`, `-3`…: a report is
    /// never replaced by a different one; the same bytes again (a rerun with `--now`) keep the name.
    func writeArtifacts(base: String, markdown: String, json: String) throws -> (json: Data, shown: [String]) {
        let folder = options.output.map(console.resolve) ?? "\(workdir)/reports"
        var shown: [String] = []
        let data = Data(redact(json).utf8)
        let page = Data(redact(markdown).utf8)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ToolError.runtime("cannot write \(relative(folder)): \(error.localizedDescription)")
        }
        let base = try Self.claim(base, in: folder, markdown: page)
        for (name, bytes) in [("\(base).md", page), ("\(base).json", data)] {
            let path = "\(folder)/\(name)"
            do {
                try OutputFile.write(bytes, to: path)
            } catch {
                throw ToolError.runtime("cannot write \(relative(path)): \(error.localizedDescription)")
            }
            shown.append(relative(path))
        }
        return (data, shown)
    }

    /// The first of `base`, `base-2`, `base-3`… whose Markdown this run may write: created here,
    /// exclusively, so two runs at once cannot take the same one — or already holding these bytes.
    static func claim(_ base: String, in folder: String, markdown: Data) throws -> String {
        for attempt in 1...1000 {
            let name = attempt == 1 ? base : "\(base)-\(attempt)"
            let path = "\(folder)/\(name).md"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 {
                close(descriptor)
                return name
            }
            guard errno == EEXIST else { throw ToolError.runtime("cannot create \(path): \(String(cString: strerror(errno)))") }
            if FileManager.default.contents(atPath: path) == markdown { return name }
        }
        throw ToolError.runtime("\(folder): a thousand reports named \(base) already")
    }

    /// One run row and its decisions.
    func record(command: String, passed: Bool, decisions: [LoopDecision]) throws {
        guard let store = try options.history.open(for: repository, console: console) else { return }
        try store.record(RunRecord(
            startedAt: now, durationMilliseconds: Int(Date().timeIntervalSince(started) * 1000), repository: workdir,
            commit: repository.headCommit, source: "loop", command: command, posture: passed ? .green : .red,
            exitCode: passed ? ExitStatus.passed : ExitStatus.gateFailed, findings: [], facts: ReportFacts(),
            loopDecisions: decisions.map { decision in
                var redacted = decision
                redacted.detail = decision.detail.map(redact.callAsFunction)
                return redacted
            }))
    }

    /// What every loop does once it has run: both artifacts, the history row, the summary on
    /// stdout, and on a passing `--apply` run the loop's evidence record; the exit code.
    func finish(
        loop: String, startedAt: String, markdown: String, summary: String, json: String,
        passed: Bool, decisions: [LoopDecision], evidence: String
    ) throws -> Int32 {
        let base = LoopArtifact.baseName(loop: loop, mode: mode, startedAt: startedAt)
        let (artifact, shown) = try writeArtifacts(base: base, markdown: markdown, json: json)
        try record(command: "loop \(loop)", passed: passed, decisions: decisions)
        console.out(redact(summary))
        console.err("greenlight: wrote \(shown.joined(separator: " and "))\n")
        if passed && mode == .apply {
            let written = try recordEvidence(name: evidence, artifact: artifact, artifactPath: shown[1])
            console.err("greenlight: recorded evidence '\(evidence)' (pass) in \(written)\n")
        }
        return passed ? ExitStatus.passed : ExitStatus.gateFailed
    }

    /// A passing evidence record with the JSON artifact attached; the record's path.
    func recordEvidence(name: String, artifact: Data, artifactPath: String) throws -> String {
        try EvidenceWriter(root: workdir).write(
            name: name, status: .pass, date: now, url: runURL, commit: repository.headCommit,
            attachment: .init(path: artifactPath, data: artifact))
    }

    /// The CI run's page, when the environment says (GitHub Actions).
    private var runURL: String? {
        let environment = console.environment
        guard let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"],
              let run = environment["GITHUB_RUN_ID"], !server.isEmpty, !repository.isEmpty, !run.isEmpty else { return nil }
        return "\(server)/\(repository)/actions/runs/\(run)"
    }

    private func relative(_ path: String) -> String {
        let root = workdir.hasSuffix("/") ? workdir : workdir + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
