import Foundation
import GreenlightHistory
import GreenlightTestSupport
import Testing

@Suite("CLI: history under concurrent writers and killed processes", .serialized)
struct HistoryReliabilityTests {
    /// Readiness documents of `count` false claims in all, 200 a document (a rule reports at most
    /// 200 findings in one file), keyed by path.
    static func falseClaims(_ count: Int) -> [String: String] {
        var files: [String: String] = [:]
        for start in stride(from: 0, to: count, by: 200) {
            var doc = "# Readiness\n"
            for index in start..<min(count, start + 200) { doc += "- [x] Claim \(index) — `src/missing-\(index).ts`\n" }
            files["docs/readiness-\(start / 200).md"] = doc
        }
        return files
    }

    /// Each run writes 1,000 findings in one transaction, so writers hold the lock long enough
    /// to collide on most runs: 80 such runs contend more than 1,000 runs of one finding, at a
    /// twelfth of the processes.
    @Test("eight processes write 80 runs of 1,000 findings into one file: no lost row, no lock failure")
    func concurrentWriters() throws {
        let claims = 1000
        let fixture = try GitFixture(files: Docs.files(extra: Self.falseClaims(claims)))
        let history = fixture.container + "/shared.sqlite"
        let binary = try #require(CLI.executable)
        let writers = 8
        let runsEach = 10
        let script = """
            failures=0
            for i in $(seq \(runsEach)); do
              "$0" check --repo "$1" --history "$2" --now 2026-11-21T09:00:00Z --format json --output /dev/null 2>>"$2.err.$3"
              [ $? -le 1 ] || failures=$((failures + 1))
            done
            exit $failures
            """
        var processes: [Process] = []
        for writer in 0..<writers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, binary, fixture.root, history, String(writer)]
            try process.run()
            processes.append(process)
        }
        for process in processes { process.waitUntilExit() }
        var errors = ""
        for writer in 0..<writers {
            errors += (try? String(contentsOfFile: "\(history).err.\(writer)", encoding: .utf8)) ?? ""
        }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "failed runs; stderr: \(errors.prefix(500))")
        #expect(!errors.contains("locked"), "\(errors.prefix(500))")
        let store = try HistoryStore(path: history)
        #expect(try store.count(of: "runs") == writers * runsEach)
        // The fixture's own document holds one false claim more.
        #expect(try store.count(of: "findings") == writers * runsEach * (claims + 1), "every finding of every run")
        #expect(try store.integrityCheck() == "ok")
    }

    @Test("a process killed mid-write leaves a sound database with every earlier run")
    func killedWriter() throws {
        let fixture = try GitFixture(files: Self.falseClaims(4000).merging([".greenlight.yml": Docs.blocking]) { $1 })
        let history = fixture.container + "/killed.sqlite"
        let binary = try #require(CLI.executable)
        let first = try CLI.greenlight("check", "--repo", fixture.root, "--history", history, "--output", "/dev/null")
        #expect(first.status == 1, "\(first)")
        var completed = 1
        var spawned = 1
        var killed = 0
        for attempt in 0..<8 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["check", "--repo", fixture.root, "--history", history, "--output", "/dev/null"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            spawned += 1
            usleep(useconds_t(40_000 + attempt * 60_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            if process.terminationReason == .exit { completed += 1 }
        }
        let store = try HistoryStore(path: history)
        #expect(try store.integrityCheck() == "ok")
        let runs = try store.count(of: "runs")
        #expect(runs >= completed && runs <= spawned, "runs \(runs), completed \(completed), spawned \(spawned)")
        #expect(try store.count(of: "findings") == runs * 4000, "every stored run is whole")
        #expect(killed > 0, "no process was killed mid-run; the timings need adjusting")
        let listed = try CLI.greenlight("history", "--repo", fixture.root, "--history", history, "--limit", "100")
        #expect(listed.status == 0 && listed.stdoutLines.filter { !$0.isEmpty }.count == runs, "\(listed)")
    }

    @Test("a history file from a newer Greenlight, or not a database, is refused with exit 3")
    func refusedFiles() throws {
        let fixture = try GitFixture(files: Docs.files())
        let garbage = fixture.container + "/garbage.sqlite"
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: garbage))
        expectToolError(try CLI.greenlight("check", "--repo", fixture.root, "--history", garbage, "--output", "/dev/null"),
                        exit: 3, ["garbage.sqlite", "not a"])
        let future = fixture.container + "/future.sqlite"
        _ = try HistoryStore(path: future)
        let script = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=42'); c.commit()"
        _ = try CLI.run("/usr/bin/env", ["python3", "-c", script, future], in: fixture.container, environment: CLI.environment())
        expectToolError(try CLI.greenlight("check", "--repo", fixture.root, "--history", future, "--output", "/dev/null"),
                        exit: 3, ["schema version 42 is newer"])
        let none = try CLI.greenlight("check", "--repo", fixture.root, "--no-history", "--output", "/dev/null")
        #expect(none.status == 1)
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/.greenlight/history.sqlite"))
    }
}
