import Foundation
import GreenlightTestSupport
import Testing

/// The weekly workflow keeps the run history on a branch of its own, where it outlives the
/// Actions cache: its restore and save steps, run as a runner would, against a bare remote.
@Suite("weekly workflow: the history on the greenlight-history branch")
struct HistoryBranchTests {
    @Test("the first run creates the branch; the next runner restores the history and adds to it")
    func historyOutlivesTheRunner() throws {
        let source = try GitFixture(files: Docs.files(config: nil))
        #expect(try CLI.greenlight("init", "--repo", source.root).status == 0)
        let workflow = try String(contentsOfFile: source.root + "/.github/workflows/greenlight-weekly-report.yml", encoding: .utf8)
        let restore = try WorkflowStep.script(named: "Restore the run history", in: workflow)
        let save = try WorkflowStep.script(named: "Save the run history", in: workflow)

        let remote = source.container + "/remote.git"
        _ = try source.run(["init", "-q", "--bare", "-b", "main", remote], in: source.container)
        _ = try source.git("push", "-q", remote, "main")

        /// A fresh runner: a clone of the remote, the restore step, a "run" that appends to the
        /// history file, the save step.
        func week(_ number: Int, appending line: String) throws -> String {
            let runner = source.container + "/runner-\(number)"
            _ = try source.run(["clone", "-q", remote, runner], in: source.container)
            let environment = ["RUNNER_TEMP": runner + "-temp", "GITHUB_WORKSPACE": runner]
            try FileManager.default.createDirectory(atPath: runner + "-temp", withIntermediateDirectories: true)
            try Self.bash(restore, in: runner, environment)
            let history = runner + "/.greenlight/history.sqlite"
            let before = (try? String(contentsOfFile: history, encoding: .utf8)) ?? ""
            try FileManager.default.createDirectory(atPath: runner + "/.greenlight", withIntermediateDirectories: true)
            try Data((before + line + "\n").utf8).write(to: URL(fileURLWithPath: history))
            try Self.bash(save, in: runner, environment)
            return before
        }
        #expect(try week(1, appending: "week 1") == "", "nothing to restore the first time")
        #expect(try week(2, appending: "week 2") == "week 1\n", "the second runner restores the first one's history")
        #expect(try week(3, appending: "week 3") == "week 1\nweek 2\n")
        let kept = try source.run(["--git-dir", remote, "show", "greenlight-history:history.sqlite"], in: source.container)
        #expect(kept == "week 1\nweek 2\nweek 3\n", "\(kept)")
        let log = try source.run(["--git-dir", remote, "log", "--format=%s", "greenlight-history"], in: source.container)
        #expect(log.split(separator: "\n").count == 3, "\(log)")
        // The branch holds the history alone; main is untouched.
        let files = try source.run(["--git-dir", remote, "ls-tree", "--name-only", "greenlight-history"], in: source.container)
        #expect(files == "history.sqlite\n", "\(files)")
        #expect(try source.run(["--git-dir", remote, "rev-parse", "main"], in: source.container) == source.git("rev-parse", "HEAD"))
    }

    static func bash(_ script: String, in folder: String, _ extra: [String: String]) throws {
        var environment = CLI.environment(extra: extra)
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        let result = try CLI.run("/bin/bash", ["-e", "-c", script], in: folder, environment: environment)
        try #require(result.status == 0, "\(result)")
    }
}
