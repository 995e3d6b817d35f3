import GreenlightCore

/// A GitHub Actions workflow: its triggers, jobs and steps, each with the position of its key
/// or item, over the YAML nodes it came from. Structural problems (an empty file, no `on`, no
/// `jobs`) and YAML problems are kept, not thrown.
public final class Workflow: Sendable {
    public let path: String
    public let document: YAMLDocument
    public let triggers: [WorkflowTrigger]
    public let jobs: [WorkflowJob]
    /// Workflow-level `env`.
    public let env: [YAMLPair]
    public let problems: [YAMLDocument.YAMLProblem]
    /// The file's lines, to locate text inside block scalars.
    public let source: SourceText
    /// Written by a tool, not by hand (gh-aw's `*.lock.yml`, a header saying it was generated and
    /// must not be edited): its findings belong to the generator, so the rules that judge how a
    /// workflow is written leave it out; it still counts as what the repository runs.
    public let isGenerated: Bool

    init(path: String, document: YAMLDocument, triggers: [WorkflowTrigger], jobs: [WorkflowJob], env: [YAMLPair],
         problems: [YAMLDocument.YAMLProblem], source: SourceText) {
        self.path = path
        self.document = document
        self.triggers = triggers
        self.jobs = jobs
        self.env = env
        self.problems = problems
        self.source = source
        self.isGenerated = Workflow.generated(path: path, source)
    }

    public func trigger(_ name: String) -> WorkflowTrigger? { triggers.first { $0.name == name } }

    public func job(_ id: String) -> WorkflowJob? { jobs.first { $0.id == id } }

    private static func generated(path: String, _ source: SourceText) -> Bool {
        if path.hasSuffix(".lock.yml") { return true }
        return source.lines.prefix(10).contains { line in
            let text = line.drop { $0 == " " }
            guard text.hasPrefix("#") else { return false }
            let lowered = text.lowercased()
            return ["do not edit", "automatically generated", "@generated"].contains { ByteSearch.contains(lowered, $0) }
        }
    }

    /// Runs on pushes or pull requests (or is called by a workflow that may).
    public var runsOnPushOrPullRequest: Bool {
        triggers.contains { ["push", "pull_request", "pull_request_target", "merge_group", "workflow_call"].contains($0.name) }
    }
}

/// An event under `on:`; `config` holds its filters (branches, paths, cron …) if any.
public struct WorkflowTrigger: Sendable {
    public let name: String
    public let position: SourcePosition
    public let config: YAMLNode?
}

public struct WorkflowJob: Sendable {
    public let id: String
    /// Position of the job id.
    public let position: SourcePosition
    public let node: YAMLNode
    /// The job ids named by `needs`, each with its position.
    public let needs: [YAMLNode]
    public let steps: [WorkflowStep]
    public let env: [YAMLPair]
    public let continueOnError: YAMLNode?
    /// A reusable workflow call (`uses:` at job level).
    public let uses: YAMLNode?
}

extension WorkflowJob {
    /// The folder `step`'s `run` starts in: its `working-directory`, else the job's
    /// `defaults.run.working-directory`, else the repository root (`.`).
    func directory(of step: WorkflowStep) -> String {
        step.workingDirectory ?? node["defaults"]?["run"]?["working-directory"]?.string ?? "."
    }
}

public struct WorkflowStep: Sendable {
    /// 0-based.
    public let index: Int
    /// Position of the step's first key.
    public let position: SourcePosition
    public let node: YAMLNode
    public let name: String?
    public let run: YAMLNode?
    public let uses: YAMLNode?
    public let with: [YAMLPair]
    public let env: [YAMLPair]
    public let continueOnError: YAMLNode?
    public let workingDirectory: String?

    /// What the step does, for matching: its `run` script, or its `uses` reference.
    public var action: String { run?.string ?? uses?.string ?? "" }
}

public enum WorkflowParser {
    static let parserKey = ParserKey<Workflow>("ci.workflow")
    static let entriesKey = SharedKey<[SnapshotEntry]>("ci.entries")
    static let workflowsKey = SharedKey<[Workflow]>("ci.workflows")

    /// `.github/workflows/*.yml` and `*.yaml` (GitHub reads no sub-folders).
    public static func isWorkflowPath(_ path: String) -> Bool {
        guard path.hasPrefix(".github/workflows/") else { return false }
        let name = path.utf8.dropFirst(".github/workflows/".utf8.count)
        return !name.contains(UInt8(ascii: "/")) && (path.hasSuffix(".yml") || path.hasSuffix(".yaml"))
    }

    /// Every readable workflow of the snapshot, parsed once per run.
    public static func workflows(_ context: RuleContext) throws -> [Workflow] {
        try context.shared(workflowsKey) {
            try entries(context).compactMap { entry in
                guard case .text(let text) = try context.snapshot.content(of: entry) else { return nil }
                return context.parsed(parserKey, text, parse: parse)
            }
        }
    }

    /// The snapshot's workflow entries, in path order.
    public static func entries(_ context: RuleContext) -> [SnapshotEntry] {
        context.shared(entriesKey) {
            context.snapshot.entries.filter { isWorkflowPath($0.path) }
        }
    }

    public static func parse(_ source: SourceText) -> Workflow {
        var problems: [YAMLDocument.YAMLProblem] = []
        if ByteSearch.contains(source.text, "\u{FFFD}"),
           let line = source.lines.firstIndex(where: { $0.unicodeScalars.contains("\u{FFFD}") }) {
            let column = source.lines[line].unicodeScalars.firstIndex(of: "\u{FFFD}").map {
                source.lines[line].unicodeScalars.distance(from: source.lines[line].unicodeScalars.startIndex, to: $0) + 1
            } ?? 1
            problems.append(.init(message: "invalid UTF-8 (or U+FFFD) in the file", position: SourcePosition(line: line + 1, column: column)))
        }
        let document = YAMLComposer.compose(source.text)
        if let problem = document.problem { problems.append(problem) }
        let start = SourcePosition(line: 1, column: 1)
        guard let root = document.root, document.problem == nil else {
            if document.problem == nil {
                problems.append(.init(message: "the workflow file is empty", position: start))
            }
            return Workflow(path: source.path, document: document, triggers: [], jobs: [], env: [], problems: problems, source: source)
        }
        guard root.mapping != nil else {
            problems.append(.init(message: "a workflow must be a mapping with 'on' and 'jobs'", position: root.position))
            return Workflow(path: source.path, document: document, triggers: [], jobs: [], env: [], problems: problems, source: source)
        }
        var triggers: [WorkflowTrigger] = []
        if let on = root["on"] {
            if on.string != nil || on.sequence != nil {
                triggers = on.strings.map { WorkflowTrigger(name: $0.string!, position: $0.position, config: nil) }
            } else if let pairs = on.mapping {
                triggers = pairs.compactMap { pair in
                    pair.key.string.map { WorkflowTrigger(name: $0, position: pair.key.position, config: pair.value) }
                }
            }
        } else {
            problems.append(.init(message: "the workflow has no 'on' section, so it never runs", position: root.position))
        }
        var jobs: [WorkflowJob] = []
        if let jobsNode = root["jobs"] {
            if let pairs = jobsNode.mapping {
                jobs = pairs.compactMap { pair in pair.key.string.map { job($0, pair.key.position, pair.value) } }
            } else {
                problems.append(.init(message: "'jobs' must be a mapping of job ids", position: jobsNode.position))
            }
        } else {
            problems.append(.init(message: "the workflow has no 'jobs' section", position: root.position))
        }
        return Workflow(
            path: source.path, document: document, triggers: triggers, jobs: jobs, env: root["env"]?.mapping ?? [],
            problems: problems, source: source)
    }

    private static func job(_ id: String, _ position: SourcePosition, _ node: YAMLNode) -> WorkflowJob {
        let steps = (node["steps"]?.sequence ?? []).enumerated().map { index, step in
            WorkflowStep(
                index: index, position: step.mapping?.first?.key.position ?? step.position, node: step,
                name: step["name"]?.string, run: step["run"], uses: step["uses"], with: step["with"]?.mapping ?? [],
                env: step["env"]?.mapping ?? [], continueOnError: step["continue-on-error"],
                workingDirectory: step["working-directory"]?.string)
        }
        return WorkflowJob(
            id: id, position: position, node: node, needs: node["needs"]?.strings ?? [], steps: steps,
            env: node["env"]?.mapping ?? [], continueOnError: node["continue-on-error"], uses: node["uses"])
    }
}

extension Finding {
    /// A finding of a ci rule at `position` of `workflow`.
    init(_ description: RuleDescription, _ workflow: Workflow, _ position: SourcePosition, _ message: String,
         matched: String, fix: String? = nil) {
        self.init(rule: description, path: workflow.path, line: position.line, column: position.column,
                  message: message, matched: matched, fix: fix)
    }
}
