import Foundation
import GreenlightCommands
import GreenlightCore
import GreenlightReport
import GreenlightTestSupport
import Testing

/// `greenlight probe` and the probe family inside `check`, in-process, against real servers.
@Suite struct ProbeCommandTests {
    static let secret = "s3cr3t-T0KEN-9f2b"

    let server: HTTPTestServer
    let elsewhere: HTTPTestServer

    init() throws {
        let elsewhere = try HTTPTestServer { _ in .json(200, "{}") }
        self.elsewhere = elsewhere
        server = try HTTPTestServer { request in
            let token = request.header("authorization")?.replacingOccurrences(of: "Bearer ", with: "") ?? "none"
            switch request.path {
            case "/health": return .json(200, #"{"status":"ok"}"#)
            case "/echo":
                // A careless server that repeats the credential everywhere it can.
                return .json(500, #"{"status":"error","token":"\#(token)","detail":"bad token \#(token)"}"#,
                             headers: [("X-Token", token)])
            case "/leave": return .redirect(302, to: elsewhere.url("/x?t=\(token)"))
            case "/admin": return token == "none" ? .text(401, "") : .text(200, "")
            default: return .text(404, "")
            }
        }
    }

    func fixture(_ probes: String) throws -> GitFixture {
        let yaml = "probes:\n" + probes.replacingOccurrences(of: "BASE", with: server.baseURL)
        return try GitFixture(files: [".greenlight.yml": yaml, "README.md": "demo\n"])
    }

    static let healthy = """
          - name: health
            url: BASE/health
            expect: ["[STATUS] == 200", '[BODY].status == "ok"']

        """

    @Test func passingProbesExitZero() throws {
        let repo = try fixture(Self.healthy)
        let captured = Captured()
        var command = ProbeCommand()
        command.now = try Clock.parse("2026-11-21T09:00:00Z")
        #expect(command.run(captured.console(in: repo.root)) == 0, "\(captured.err)")
        #expect(captured.out.hasPrefix("PASS  health  GET \(server.baseURL)/health  200 in "))
        #expect(captured.out.hasSuffix("1 probe: 1 passed, 0 failed\n"))
        #expect(captured.err.isEmpty)
    }

    @Test func failingProbeExitsOneAndNamesTheCondition() throws {
        let repo = try fixture(Self.healthy + """
              - name: broken
                url: BASE/echo
                expect: ["[STATUS] == 200"]

            """)
        let captured = Captured()
        #expect(ProbeCommand().run(captured.console(in: repo.root)) == 1)
        #expect(captured.out.contains("FAIL  broken  GET \(server.baseURL)/echo  500 in "))
        #expect(captured.out.contains("      .greenlight.yml:7:15: probe 'broken': [STATUS] == 200 failed: got 500\n"), "\(captured.out)")
        var only = ProbeCommand()
        only.names = ["health"]
        #expect(only.run(Captured().console(in: repo.root)) == 0)
    }

    @Test func unknownProbeNameIsAUsageError() throws {
        let repo = try fixture(Self.healthy)
        let captured = Captured()
        var command = ProbeCommand()
        command.names = ["helth"]
        #expect(command.run(captured.console(in: repo.root)) == 2)
        #expect(captured.err == "greenlight: unknown probe 'helth' (configured: health)\n")
        #expect(captured.out.isEmpty)
    }

    @Test func invalidConditionIsAPositionedConfigError() throws {
        let repo = try fixture("  - name: a\n    url: BASE/\n    expect: [\"[STATUS] => 200\"]\n")
        for run in [{ (c: Console) in ProbeCommand().run(c) }, { (c: Console) in CheckCommand().run(c) }] {
            let captured = Captured()
            #expect(run(captured.console(in: repo.root)) == 2)
            #expect(captured.err.hasPrefix("greenlight: \(repo.root)/.greenlight.yml:4:24: invalid condition: '=' is not an operator; use '=='"), "\(captured.err)")
            #expect(captured.err.split(separator: "\n").count == 1)
        }
    }

    @Test func noProbesIsAUsageError() throws {
        let repo = try GitFixture(files: ["README.md": "x\n"])
        let captured = Captured()
        #expect(ProbeCommand().run(captured.console(in: repo.root)) == 2)
        #expect(captured.err == "greenlight: .greenlight.yml: no probes configured (add a probes: list)\n")
    }

    @Test func configFileOutsideARepository() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-probe-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(("probes:\n" + Self.healthy.replacingOccurrences(of: "BASE", with: server.baseURL)).utf8)
            .write(to: URL(fileURLWithPath: folder + "/probes.yml"))
        var command = ProbeCommand()
        command.configFile = "probes.yml"
        command.format = .json
        let captured = Captured()
        #expect(command.run(captured.console(in: folder)) == 0, "\(captured.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(captured.out.utf8)) as? [String: Any])
        #expect(json["passed"] as? Bool == true)
        #expect((json["summary"] as? [String: Int])?["probes"] == 1)
    }

    @Test func checkRunsProbesUnlessNoLive() throws {
        let repo = try fixture(Self.healthy + """
              - name: broken
                url: BASE/echo
                insecure: true
                expect: ["[STATUS] == 200"]

            """)
        let live = Captured()
        #expect(CheckCommand().run(live.console(in: repo.root)) == 1)
        #expect(live.out.contains(".greenlight.yml:8:15: error: probe 'broken': [STATUS] == 200 failed: got 500 [probe.failed]"))
        #expect(live.out.contains(".greenlight.yml:5:11: warning: probe 'broken' does not verify TLS certificates (insecure: true) [probe.insecure]"))
        var offline = CheckCommand()
        offline.request.live = false
        let quiet = Captured()
        #expect(offline.run(quiet.console(in: repo.root)) == 0)
        #expect(!quiet.out.contains("probe.failed"))
        #expect(quiet.out.contains("[probe.insecure]"))
        var json = CheckCommand()
        json.format = .json
        let captured = Captured()
        _ = json.run(captured.console(in: repo.root))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(captured.out.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let failed = try #require(findings.first { $0["rule"] as? String == "probe.failed" })
        #expect(failed["endpoint"] as? String == "GET \(server.baseURL)/echo")
        #expect(failed["path"] as? String == ".greenlight.yml")
    }

    @Test func probeFindingCanBeSuppressedInTheConfig() throws {
        let repo = try fixture("""
              - name: broken
                url: BASE/echo
                # greenlight:ignore probe.failed -- known outage, ticket OPS-12
                expect: ["[STATUS] == 200"]

            """)
        let captured = Captured()
        #expect(CheckCommand().run(captured.console(in: repo.root)) == 0, "\(captured.out)")
        #expect(captured.out.contains("1 suppressed"))
    }

    @Test func recordEvidence() throws {
        let repo = try fixture(Self.healthy)
        var command = ProbeCommand()
        command.recordEvidence = "smoke-health"
        command.now = try Clock.parse("2026-11-21T09:00:00Z")
        let captured = Captured()
        #expect(command.run(captured.console(in: repo.root)) == 0)
        let path = ".greenlight/evidence/smoke-health/20261121T090000Z.json"
        #expect(captured.err == "greenlight: recorded evidence 'smoke-health' (pass) in \(path)\n")
        let data = try Data(contentsOf: URL(fileURLWithPath: repo.root + "/" + path))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(record["name"] as? String == "smoke-health")
        #expect(record["status"] as? String == "pass")
        #expect(record["recordedAt"] as? String == "2026-11-21T09:00:00Z")
        #expect(record["commit"] as? String == (try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(record["url"] as? String == "\(server.baseURL)/health")
        let stored = try #require((record["file"] as? [String: Any])?["stored"] as? String)
        #expect(stored == "20261121T090000Z-probes.json")
        let attached = try Data(contentsOf: URL(fileURLWithPath: repo.root + "/.greenlight/evidence/smoke-health/" + stored))
        #expect(((try JSONSerialization.jsonObject(with: attached) as? [String: Any])?["probes"] as? [Any])?.count == 1)
        // A second record in the same second does not overwrite the first.
        #expect(command.run(Captured().console(in: repo.root)) == 0)
        #expect(FileManager.default.fileExists(atPath: repo.root + "/.greenlight/evidence/smoke-health/20261121T090000Z-2.json"))
        var bad = ProbeCommand()
        bad.recordEvidence = "../escape"
        let refused = Captured()
        #expect(bad.run(refused.console(in: repo.root)) == 2)
        #expect(refused.err.hasPrefix("greenlight: invalid evidence name '../escape'"))
    }

    @Test func failedRunIsRecordedAsFailedEvidence() throws {
        let repo = try fixture("  - name: broken\n    url: BASE/echo\n    expect: [\"[STATUS] == 200\"]\n")
        var command = ProbeCommand()
        command.recordEvidence = "smoke"
        command.now = try Clock.parse("2026-11-21T09:00:00Z")
        let captured = Captured()
        #expect(command.run(captured.console(in: repo.root)) == 1)
        #expect(captured.err.contains("recorded evidence 'smoke' (fail)"))
    }
}
