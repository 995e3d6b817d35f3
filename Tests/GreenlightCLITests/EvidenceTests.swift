import Foundation
import GreenlightTestSupport
import Testing

@Suite("CLI: evidence records, required gates, test and coverage evidence")
struct EvidenceTests {
    static let required = """
        evidence:
          required:
            - {name: smoke-prod, max_age: 36h}

        """

    @Test("record writes a deterministic JSON record; list shows it; check honours max_age")
    func recordListAndAge() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue, extra: [".greenlight.yml": Self.required]))
        try fixture.write("artifacts/smoke.log", "GET /health 200\n")
        let missing = try CLI.greenlight("check", "--repo", fixture.root, "--now", "2026-11-21T09:00:00Z")
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stdout.contains(".greenlight/evidence/smoke-prod/: error: required evidence 'smoke-prod' has no record"), "\(missing)")

        let recorded = try CLI.greenlight(
            "evidence", "record", "--repo", fixture.root, "--name", "smoke-prod", "--status", "pass",
            "--url", "https://user:pw@ci.example.com/runs/42?token=abc", "--file", "artifacts/smoke.log",
            "--now", "2026-11-20T09:00:00Z", in: fixture.root)
        #expect(recorded.status == 0, "\(recorded)")
        #expect(recorded.stdout == "recorded smoke-prod pass in .greenlight/evidence/smoke-prod/20261120T090000Z.json\n")
        let stored = try String(contentsOfFile: fixture.root + "/.greenlight/evidence/smoke-prod/20261120T090000Z.json", encoding: .utf8)
        let head = try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(stored.contains("\"url\" : \"https://ci.example.com/runs/42\""), "credentials and query dropped: \(stored)")
        #expect(!stored.contains("token") && !stored.contains("pw@"))
        #expect(stored.contains("\"commit\" : \"\(head)\""))
        let digest = try sha256("GET /health 200\n")
        #expect(stored.contains("\"sha256\" : \"\(digest)\""))
        #expect(stored.contains("\"stored\" : \"20261120T090000Z-smoke.log\""))
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/.greenlight/evidence/smoke-prod/20261120T090000Z-smoke.log"))

        _ = try CLI.greenlight("evidence", "record", "--repo", fixture.root, "--name", "smoke-prod", "--status", "fail",
                               "--now", "2026-11-18T09:00:00Z")
        let list = try CLI.greenlight("evidence", "list", "--repo", fixture.root, "--now", "2026-11-21T09:00:00Z")
        #expect(list.status == 0, "\(list)")
        #expect(list.stdoutLines.filter { !$0.isEmpty }.map { String($0.prefix(52)) } == [
            "smoke-prod  pass  2026-11-20T09:00:00Z  1d ago  \(head.prefix(4))",
            "smoke-prod  fail  2026-11-18T09:00:00Z  3d ago  \(head.prefix(4))",
        ], "\(list)")

        try fixture.commitAll("record smoke evidence")
        let fresh = try CLI.greenlight("check", "--repo", fixture.root, "--now", "2026-11-21T09:00:00Z", "--format", "json")
        #expect(fresh.status == 0, "\(fresh)")
        let evidence = try #require(try fresh.json()["evidence"] as? [[String: Any]])
        #expect(evidence.first?["status"] as? String == "pass")
        #expect(evidence.first?["ageSeconds"] as? Int == 86400)

        let stale = try CLI.greenlight("check", "--repo", fixture.root, "--now", "2026-11-22T09:00:01Z")
        #expect(stale.status == 1, "\(stale)")
        #expect(stale.stdout.contains("error: newest 'smoke-prod' evidence is 2d 1s old, over its max_age of 1d 12h [evidence.stale]"), "\(stale)")
    }

    @Test("a failing newest record, an unknown commit and a record that is not JSON are findings")
    func badRecords() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue, extra: [
            ".greenlight/evidence/smoke/20261120T090000Z.json":
                #"{"schemaVersion": 1, "name": "smoke", "status": "fail", "recordedAt": "2026-11-20T09:00:00Z", "commit": "feedfacefeedfacefeedfacefeedfacefeedface"}"#,
            ".greenlight/evidence/smoke/20261119T090000Z.json": "{ not json",
        ]))
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--now", "2026-11-21T09:00:00Z")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(".greenlight/evidence/smoke/20261119T090000Z.json: error: evidence record is not JSON [evidence.invalid-file]"), "\(result)")
        #expect(result.stdout.contains("20261120T090000Z.json: error: newest 'smoke' evidence, recorded 2026-11-20T09:00:00Z, is a failure [evidence.failed]"), "\(result)")
        #expect(result.stdout.contains("warning: evidence 'smoke' names commit feedfacefeed, which is not in the repository [evidence.commit-unknown]"), "\(result)")
    }

    @Test("JUnit and coverage files are read from the work tree; malformed ones are findings")
    func testAndCoverageEvidence() throws {
        let config = """
            evidence:
              junit: ["build/test-results/*.xml"]
              coverage:
                - {file: build/lcov.info, format: lcov, paths: ["src/**"], min: 75}

            """
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue, extra: [".greenlight.yml": config, ".gitignore": "build/\n"]))
        try fixture.write("build/test-results/api.xml", """
            <testsuite name="api">
              <testcase classname="rollout" name="promotes at 10%"/>
              <testcase classname="rollout" name="rolls back on regression"><error message="timeout after 30s"/></testcase>
            </testsuite>
            """)
        try fixture.write("build/test-results/broken.xml", "<testsuite><testcase>")
        try fixture.write("build/lcov.info", "SF:src/health.ts\nDA:1,1\nDA:2,0\nDA:3,1\nDA:4,0\n%%%\nend_of_record\n")
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("build/test-results/api.xml:3:1: error: test rollout › rolls back on regression errored: timeout after 30s [evidence.tests-failing]"), "\(result)")
        #expect(result.stdout.contains("build/test-results/broken.xml: error: JUnit file is not well-formed XML"), "\(result)")
        #expect(result.stdout.contains("build/lcov.info: error: line coverage of src/** is 50.0% (4 lines), below the minimum of 75% [evidence.coverage-low]"), "\(result)")
        #expect(result.stdout.contains("build/lcov.info:6:1: error: lcov file has 1 unreadable line(s), first here"), "\(result)")
    }

    @Test("bad evidence flags are usage errors")
    func badFlags() throws {
        let fixture = try GitFixture(files: Docs.files())
        expectToolError(try CLI.greenlight("evidence", "record", "--repo", fixture.root, "--name", "../x", "--status", "pass"),
                        exit: 2, ["--name '../x'"])
        expectToolError(try CLI.greenlight("evidence", "record", "--repo", fixture.root, "--name", "x", "--status", "maybe"),
                        exit: 2, ["maybe"])
        expectToolError(try CLI.greenlight("evidence", "record", "--repo", fixture.root, "--name", "x", "--status", "pass",
                                           "--file", "nope.log"), exit: 2, ["nope.log"])
        let badConfig = try GitFixture(files: Docs.files(extra: [".greenlight.yml": "evidence:\n  required: [{name: smoke, max_age: soon}]\n"]))
        expectToolError(try CLI.greenlight("check", "--repo", badConfig.root), exit: 2, [".greenlight.yml:2:37", "invalid duration 'soon'"])
    }

    private func sha256(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
