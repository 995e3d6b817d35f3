import Foundation
import GreenlightTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A team of agents whose logs are committed at controlled dates (author = committer date).
struct AgentTeam {
    let fixture: GitFixture

    /// tooling at 08:00, rag at 08:50 (working on it, no artifact), mcp configured without a log.
    static func make(config: String = "proof_of_work:\n  agents: [tooling, rag, mcp]\n  grace: 5m\n") throws -> AgentTeam {
        let fixture = try GitFixture()
        try fixture.write(".greenlight.yml", config)
        try fixture.write("ci/build.log", "ok\n")
        try fixture.write("feedback/tooling.md", "# tooling\n\n## 08:00\n- build log: `ci/build.log`\n")
        try fixture.write("feedback/rag.md", "# rag\n")
        try fixture.commitAll("tooling", date: "2026-11-21T08:00:00Z")
        try fixture.write("feedback/rag.md", "# rag\n\n## 08:50\nworking on it\n")
        try fixture.commitAll("rag", date: "2026-11-21T08:50:00Z")
        return AgentTeam(fixture: fixture)
    }

    var root: String { fixture.root }

    func monitor(_ now: String, _ extra: String...) throws -> CLIResult {
        try CLI.run(CLI.executable!, ["monitor", "--once", "--now", now] + extra, in: root, environment: CLI.environment())
    }

    func log() throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/blockers-log.md")), as: UTF8.self)
    }

    func entries() throws -> [Substring] {
        try log().split(separator: "\n").filter { $0.hasPrefix("- ") }
    }
}

@Suite struct ProofOfWorkCheckTests {
    func pow(_ team: AgentTeam, _ now: String, _ extra: String...) throws -> CLIResult {
        try CLI.run(CLI.executable!, ["check", "--only", "pow", "--now", now] + extra, in: team.root, environment: CLI.environment())
    }

    @Test func freshLateStaleAndNeverAsTheClockMoves() throws {
        let team = try AgentTeam.make()
        let at0905 = try pow(team, "2026-11-21T08:55:00Z")
        #expect(at0905.status == 1, "\(at0905)")
        #expect(findingLines(at0905.stdout) == [
            ".greenlight.yml:2:26: error: agent 'mcp' is configured but has no log (expected feedback/mcp.md) [pow.never]",
            "feedback/rag.md:3:1: warning: agent 'rag': the latest entry (commit \(try team.fixture.git("rev-parse", "--short=12", "HEAD").trimmingWhitespace)) carries no artifact [pow.no-artifact]",
            "feedback/tooling.md:1:1: error: agent 'tooling': no proof of work for 55m (last commit \(try team.fixture.git("rev-parse", "--short=12", "HEAD~1").trimmingWhitespace) at 2026-11-21T08:00:00Z); expected a commit to feedback/tooling.md at least every 10m (+5m grace) [pow.stale]",
        ])
        let late = try pow(team, "2026-11-21T09:02:00Z")
        #expect(lines(of: late.stdout, containing: "feedback/rag.md:3:1: warning: agent 'rag' is late: no proof of work for 12m", "stale in 3m [pow.late]").count == 1, "\(late)")
        let stale = try pow(team, "2026-11-21T09:06:00Z")
        #expect(lines(of: stale.stdout, containing: "feedback/rag.md:3:1: error: agent 'rag': no proof of work for 16m", "[pow.stale]").count == 1, "\(stale)")
    }

    @Test func artifactsThatCountAndThoseThatDoNot() throws {
        let fixture = try GitFixture()
        try fixture.write("src/app.ts", "x\n")
        let earlier = try fixture.commitAll("code", date: "2026-11-21T08:00:00Z")
        let entries = [
            "path": "- fixed the limiter: `src/app.ts`",
            "link": "- CI run https://ci.example.com/runs/9",
            "commit": "- landed in \(earlier.prefix(10))",
            "fence": "- goldens:\n```\n41 passed\n```",
            "wrongpath": "- see `src/missing.ts`",
            "nocommit": "- landed in 0123456789abcdef",
            "words": "- working on it, nearly done",
        ]
        for agent in entries.keys { try fixture.write("feedback/\(agent).md", "# \(agent)\n") }
        try fixture.commitAll("logs", date: "2026-11-21T08:01:00Z")
        for (agent, entry) in entries { try fixture.write("feedback/\(agent).md", "# \(agent)\n\n\(entry)\n") }
        try fixture.commitAll("entries", date: "2026-11-21T08:02:00Z")
        let result = try CLI.run(CLI.executable!, ["check", "--only", "pow", "--now", "2026-11-21T08:05:00Z"],
                                 in: fixture.root, environment: CLI.environment())
        #expect(result.status == 0, "\(result)")
        let flagged = findingLines(result.stdout).map { $0.split(separator: ":")[0] }.sorted()
        #expect(flagged == ["feedback/nocommit.md", "feedback/words.md", "feedback/wrongpath.md"], "\(result)")
        #expect(findingLines(result.stdout).allSatisfy { $0.contains(":3:1: warning: ") && $0.hasSuffix("[pow.no-artifact]") })
    }

    @Test func uncommittedEditsCountOnlyWithWorktree() throws {
        let team = try AgentTeam.make(config: "")
        try team.fixture.write("feedback/tooling.md", "# tooling\n\n## 08:00\n- build log: `ci/build.log`\n\n## 09:00\n- rebuilt: `ci/build.log`\n")
        let committed = try pow(team, "2026-11-21T09:00:00Z")
        #expect(lines(of: committed.stdout, containing: "feedback/tooling.md", "[pow.stale]").count == 1, "\(committed)")
        let worktree = try pow(team, "2026-11-21T09:00:00Z", "--worktree")
        #expect(lines(of: worktree.stdout, containing: "feedback/tooling.md").isEmpty, "\(worktree)")
    }

    @Test func futureAndOutOfOrderCommitDatesNeverGiveANegativeAge() throws {
        let fixture = try GitFixture()
        try fixture.write("feedback/a.md", "https://ci.example.com/1\n")
        try fixture.commitAll("future", date: "2027-01-01T00:00:00Z")
        try fixture.write("feedback/b.md", "https://ci.example.com/2\n")
        try fixture.commitAll("older than its parent", date: "2026-11-21T08:00:00Z")
        let result = try CLI.run(CLI.executable!, ["monitor", "--once", "--now", "2026-11-21T08:30:00Z"],
                                 in: fixture.root, environment: CLI.environment())
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("  fresh  a: 0s since the last proof of work"), "\(result)")
        #expect(result.stdout.contains("  stale  b: 30m since the last proof of work"), "\(result)")
    }

    @Test func shallowCloneGivesALowerBoundNotNever() throws {
        let team = try AgentTeam.make(config: "")
        try team.fixture.write("notes.txt", "1\n")
        try team.fixture.commitAll("noise", date: "2026-11-21T08:55:00Z")
        let clone = team.fixture.container + "/shallow"
        try team.fixture.run(["clone", "-q", "--depth", "1", "file://" + team.root, clone], in: team.fixture.container)
        let result = try CLI.run(CLI.executable!, ["check", "--only", "pow", "--now", "2026-11-21T09:30:00Z"],
                                 in: clone, environment: CLI.environment())
        #expect(result.status == 1, "\(result)")
        #expect(lines(of: result.stdout, containing: "agent 'tooling': no proof of work for at least 35m",
                      "where the history of this shallow clone is cut off", "[pow.stale]").count == 1, "\(result)")
        #expect(!result.stdout.contains("pow.never"), "\(result)")
    }

    @Test func deletedLogOfAConfiguredAgentSaysWhen() throws {
        let team = try AgentTeam.make()
        try team.fixture.remove("feedback/rag.md")
        let deletion = try team.fixture.commitAll("rag retired", date: "2026-11-21T08:55:00Z")
        let result = try pow(team, "2026-11-21T09:00:00Z")
        #expect(lines(of: result.stdout, containing: ".greenlight.yml:2:21: error: agent 'rag' is configured but has no log (expected feedback/rag.md); it was deleted or renamed by commit \(deletion.prefix(12))").count == 1, "\(result)")
    }

    @Test func aGlobMatchingTheWholeRepositoryIsAUsageError() throws {
        let fixture = try GitFixture()
        try fixture.write(".greenlight.yml", "proof_of_work:\n  logs: [\"**/*.md\"]\n")
        for number in 0...1000 { try fixture.write("docs/page-\(number).md", "x\n") }
        try fixture.commitAll("many pages")
        let result = try CLI.run(CLI.executable!, ["check", "--only", "pow"], in: fixture.root, environment: CLI.environment())
        expectToolError(result, exit: 2, ["proof_of_work.logs matches 1001 files; at most 1000 agent logs"])
    }

    @Test func malformedActiveHoursIsAPositionedUsageError() throws {
        let team = try AgentTeam.make(config: "proof_of_work:\n  active_hours: Mon-Fry 08:00-20:00 UTC\n")
        let result = try pow(team, "2026-11-21T09:00:00Z")
        expectToolError(result, exit: 2, [".greenlight.yml:2:17: invalid active_hours 'Mon-Fry 08:00-20:00 UTC': unknown day 'Fry' at character 5"])
    }
}

extension String {
    var trimmingWhitespace: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
