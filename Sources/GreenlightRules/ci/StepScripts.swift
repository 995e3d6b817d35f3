import GreenlightCore

/// The repository files a workflow step runs: a script named as the program
/// (`./ci/build.sh`), the first argument of an interpreter (`bash ci/images.sh`,
/// `python tools/report.py`, `node scripts/seed.mjs`, `uv run python x.py`), or a Python module
/// (`python -m tools.report`) — as paths from the repository root, for the files that exist.
enum StepScripts {
    /// Shells: their first argument is the script they run.
    static let shells: Set<String> = ["bash", "sh", "zsh", "source", "."]
    /// Language runtimes, the same.
    static let runtimes: Set<String> = ["python", "python3", "node", "tsx", "ts-node", "bun", "deno"]
    /// Runners that start the command after them (`uv run python x.py`, `npx tsx x.ts`).
    private static let launchers: [[String]] = [
        ["sudo"], ["uv", "run"], ["poetry", "run"], ["pipenv", "run"], ["pdm", "run"], ["npx"], ["pnpm", "exec"],
        ["yarn", "exec"], ["bun", "run"], ["deno", "run"],
    ]

    /// The files `step` runs through `interpreters` (or by naming them as its program).
    static func paths(of step: WorkflowStep, job: WorkflowJob, interpreters: Set<String>,
                      _ snapshot: RepositorySnapshot) -> [String] {
        guard let run = step.run?.string else { return [] }
        let directory = job.directory(of: step)
        var paths: [String] = []
        for command in ShellScript(PositionedText(Substring(run), at: SourcePosition(line: 1, column: 1))).commands {
            var words = command.words.map(\.text)
            while let launcher = launchers.first(where: { words.starts(with: $0) }) {
                words.removeFirst(launcher.count)
                while words.first?.hasPrefix("-") == true { words.removeFirst() }
            }
            guard let program = words.first else { continue }
            var candidates: [String] = []
            if interpreters.contains(program) {
                let arguments = words.dropFirst()
                if program.hasPrefix("python"), let flag = arguments.firstIndex(of: "-m"), flag + 1 < words.count {
                    let module = words[flag + 1].replacingOccurrences(of: ".", with: "/")
                    candidates = [module + ".py", module + "/__main__.py"]
                } else if let script = arguments.first(where: { !$0.hasPrefix("-") && $0 != "run" }) {
                    candidates = [script]
                }
            } else if program.contains("/") || program.hasSuffix(".sh") || EnvFiles.isCode(program) {
                candidates = [program]
            }
            for candidate in candidates where !candidate.contains("$") {
                let path = RepositoryPath.normalise(RepositoryPath.join(directory, candidate))
                if snapshot.fileExists(path) { paths.append(path) }
            }
        }
        return paths
    }
}
