import Foundation
import GreenlightTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct MonitorRunTests {
    @Test func oneBlockerPerSilentAgentNotRepeatedThenOneResolvedLine() throws {
        let team = try AgentTeam.make()
        let first = try team.monitor("2026-11-21T09:00:00Z")
        #expect(first.status == 1, "\(first)")
        #expect(first.stdout == """
            greenlight monitor at 2026-11-21T09:00:00Z: 3 agent(s): 1 stale, 1 never, 0 late, 1 fresh
              never  mcp: no log (feedback/mcp.md); expected a commit to feedback/mcp.md at least every 10m (+5m grace)
              fresh  rag: 10m since the last proof of work (last commit \(try team.fixture.git("rev-parse", "HEAD").prefix(12)) at 2026-11-21T08:50:00Z)
              stale  tooling: 1h since the last proof of work (last commit \(try team.fixture.git("rev-parse", "HEAD~1").prefix(12)) at 2026-11-21T08:00:00Z)
            blockers-log.md: 2 blocker(s) appended, 0 resolved

            """)
        let tooling = try team.fixture.git("rev-parse", "HEAD~1").prefix(12)
        #expect(try team.entries() == [
            "- 2026-11-21T09:00:00Z BLOCKER `mcp`: no log (feedback/mcp.md); expected a commit to feedback/mcp.md at least every 10m (+5m grace)",
            "- 2026-11-21T09:00:00Z BLOCKER `tooling`: no proof of work for 1h (last commit \(tooling) at 2026-11-21T08:00:00Z); expected a commit to feedback/tooling.md at least every 10m (+5m grace)",
        ])

        // Still stale, and rag now late: nothing new. Each run is a new process: state comes from the log.
        let again = try team.monitor("2026-11-21T09:03:00Z")
        #expect(again.status == 1)
        #expect(again.stdout.hasSuffix("blockers-log.md: 0 blocker(s) appended, 0 resolved\n"), "\(again)")
        #expect(try team.entries().count == 2)

        // rag goes stale: one more blocker.
        _ = try team.monitor("2026-11-21T09:06:00Z")
        #expect(try team.entries().count == 3)
        #expect(try team.entries().last?.hasPrefix("- 2026-11-21T09:06:00Z BLOCKER `rag`: no proof of work for 16m") == true)

        // tooling and rag commit; mcp gets a log: all recover, one RESOLVED line each.
        try team.fixture.write("feedback/tooling.md", "# tooling\n\n## 09:10\n- rebuilt: `ci/build.log`\n")
        try team.fixture.write("feedback/rag.md", "# rag\n\n## 09:10\nGoldens: https://ci.example.com/runs/12\n")
        try team.fixture.write("feedback/mcp.md", "# mcp\n\nhttps://ci.example.com/runs/13\n")
        let recovery = try team.fixture.commitAll("proof", date: "2026-11-21T09:10:00Z")
        let recovered = try team.monitor("2026-11-21T09:12:00Z")
        #expect(recovered.status == 0, "\(recovered)")
        #expect(try team.entries().suffix(3) == [
            "- 2026-11-21T09:12:00Z RESOLVED `mcp`: proof of work again (last commit \(recovery.prefix(12)) at 2026-11-21T09:10:00Z)",
            "- 2026-11-21T09:12:00Z RESOLVED `rag`: proof of work again (last commit \(recovery.prefix(12)) at 2026-11-21T09:10:00Z)",
            "- 2026-11-21T09:12:00Z RESOLVED `tooling`: proof of work again (last commit \(recovery.prefix(12)) at 2026-11-21T09:10:00Z)",
        ])
        _ = try team.monitor("2026-11-21T09:13:00Z")
        #expect(try team.entries().count == 6)

        // Silent again later: a new blocker, since the last entry for tooling is RESOLVED.
        _ = try team.monitor("2026-11-21T09:40:00Z")
        #expect(try team.entries().count == 9)
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let one = try AgentTeam.make()
        let two = try AgentTeam.make()
        _ = try one.monitor("2026-11-21T09:00:00Z")
        _ = try two.monitor("2026-11-21T09:00:00Z")
        let normalise = { (text: String, team: AgentTeam) throws -> String in
            text.replacingOccurrences(of: String(try team.fixture.git("rev-parse", "HEAD~1").prefix(12)), with: "<tooling>")
        }
        // Commit ids differ between fixtures only by their repository; the rest is identical.
        #expect(try normalise(one.log(), one) == normalise(two.log(), two))
    }

    @Test(arguments: 0..<10)
    func twoMonitorsAtOnceNeitherDuplicateNorLoseEntries(round: Int) throws {
        let team = try AgentTeam.make()
        let binary = try #require(CLI.executable)
        let arguments = ["monitor", "--once", "--now", "2026-11-21T09:06:00Z"]
        // Both processes start together and race for the log.
        let processes = (0..<2).map { _ -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: team.root)
            process.environment = CLI.environment()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [1, 1])
        let entries = try team.entries()
        #expect(entries.count == 3, "\(entries)")
        #expect(Set(entries.map { $0.split(separator: " ")[3] }) == ["`mcp`:", "`rag`:", "`tooling`:"])
        #expect(try team.log().hasPrefix("# Blockers\n"))
        #expect(try team.log().components(separatedBy: "# Blockers").count == 2, "one header")
    }

    @Test func watchStopsCleanlyOnSigtermAndSigint() throws {
        for (signal, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            let team = try AgentTeam.make()  // commits in the past: stale by the real clock
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(CLI.executable))
            process.arguments = ["monitor", "--watch", "--interval", "200ms"]
            process.currentDirectoryURL = URL(fileURLWithPath: team.root)
            process.environment = CLI.environment()
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            // Let it run several checks.
            let deadline = Date().addingTimeInterval(20)
            while (try? team.entries().count) != 3 && Date() < deadline { usleep(50_000) }
            usleep(700_000)
            kill(process.processIdentifier, signal)
            let stopped = Date().addingTimeInterval(10)
            while process.isRunning && Date() < stopped { usleep(20_000) }
            #expect(!process.isRunning, "\(name): still running")
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationReason == .exit, "\(name)")
            #expect(process.terminationStatus == 1, "\(name): the last check found silent agents; \(stderr)")
            #expect(stderr.hasPrefix("greenlight: monitor stopped by \(name) after "), "\(stderr)")
            #expect(try team.entries().count == 3, "\(name): blockers appended once across checks")
        }
    }

    @Test func commitCommitsTheLogAloneAsTheConfiguredAuthor() throws {
        let team = try AgentTeam.make(config: "proof_of_work:\n  commit_author: \"Ops Bot <ops@example.com>\"\n")
        try team.fixture.write("staged.txt", "not mine\n")
        try team.fixture.git("add", "staged.txt")
        let result = try team.monitor("2026-11-21T09:00:00Z", "--commit")
        #expect(result.status == 1, "\(result)")
        let head = try team.fixture.git("log", "-1", "--format=%an <%ae>|%aI|%s|%cI")
        #expect(head == "Ops Bot <ops@example.com>|2026-11-21T09:00:00+00:00|greenlight monitor: update the blockers log|2026-11-21T09:00:00+00:00\n")
        #expect(try team.fixture.git("show", "--name-only", "--format=", "HEAD") == "blockers-log.md\n")
        #expect(try team.fixture.git("status", "--porcelain") == "A  staged.txt\n")
        #expect(result.stdout.contains("; committed "))
        // Nothing new: nothing to commit.
        let again = try team.monitor("2026-11-21T09:00:00Z", "--commit")
        #expect(!again.stdout.contains("committed"), "\(again)")
        #expect(try team.fixture.git("rev-list", "--count", "HEAD") == "3\n")
    }

    @Test func blockersLogThatCannotBeWrittenIsOneLine() throws {
        let team = try AgentTeam.make()
        try FileManager.default.createDirectory(atPath: team.root + "/blockers-log.md", withIntermediateDirectories: true)
        expectToolError(try team.monitor("2026-11-21T09:00:00Z"), exit: 3, ["blockers-log.md: cannot open the blockers log"])
        let elsewhere = try team.monitor("2026-11-21T09:00:00Z", "--blockers-log", "/proc/version")
        expectToolError(elsewhere, exit: 3, ["/proc/version: cannot", "the blockers log"])
    }

    @Test func unbornBranchAndDetachedHead() throws {
        let empty = try GitFixture()
        let unborn = try CLI.run(CLI.executable!, ["monitor", "--once"], in: empty.root, environment: CLI.environment())
        expectToolError(unborn, exit: 3, ["no commits yet"])

        let team = try AgentTeam.make(config: "")
        try team.fixture.git("checkout", "-q", "--detach", "HEAD~1")
        let detached = try team.monitor("2026-11-21T08:05:00Z")
        #expect(detached.status == 0, "\(detached)")
        #expect(detached.stdout.contains("  fresh  rag: 5m since the last proof of work"), "\(detached)")
    }

    @Test func usageErrors() throws {
        let team = try AgentTeam.make()
        for arguments in [["monitor"], ["monitor", "--once", "--watch"], ["monitor", "--watch"],
                          ["monitor", "--watch", "--interval", "soon"], ["monitor", "--once", "--interval", "5m"]] {
            let result = try CLI.run(CLI.executable!, arguments, in: team.root, environment: CLI.environment())
            expectToolError(result, exit: 2, [])
        }
        let clock = try CLI.run(CLI.executable!, ["monitor", "--watch", "--interval", "1s", "--now", "2026-11-21T09:00:00Z"],
                                in: team.root, environment: CLI.environment())
        expectToolError(clock, exit: 2, ["--now fixes the clock"])
        // --commit is refused before anything is written.
        let outside = team.fixture.container + "/outside.md"
        expectToolError(try team.monitor("2026-11-21T09:00:00Z", "--commit", "--blockers-log", outside), exit: 2,
                        ["--commit: the blockers log", "is outside the work tree"])
        #expect(!FileManager.default.fileExists(atPath: outside))
        let bare = team.fixture.container + "/bare.git"
        try team.fixture.run(["clone", "-q", "--bare", team.root, bare], in: team.fixture.container)
        let bareResult = try CLI.run(CLI.executable!, ["monitor", "--once", "--repo", bare], in: team.fixture.container,
                                     environment: CLI.environment())
        expectToolError(bareResult, exit: 2, ["is a bare repository: give --blockers-log FILE"])
        let bareLog = try CLI.run(CLI.executable!, ["monitor", "--once", "--repo", bare, "--now", "2026-11-21T09:00:00Z",
                                                    "--blockers-log", outside], in: team.fixture.container, environment: CLI.environment())
        #expect(bareLog.status == 1 && bareLog.stdout.contains("2 blocker(s) appended"), "\(bareLog)")
    }
}
