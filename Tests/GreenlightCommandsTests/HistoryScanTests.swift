import Foundation
import GreenlightCommands
import GreenlightCore
import GreenlightReport
import GreenlightRules
import GreenlightTestSupport
import Testing

/// `check --scan-history`, in-process, on a repository whose history holds secrets that are
/// gone, still there, on another branch, and suppressed.
@Suite struct HistoryScanTests {
    static let gone = SecretSample.make("AKIA", "base32", 16, salt: "gone")
    static let kept = SecretSample.make("ghp_", "alnum", 36, salt: "kept")
    static let branch = SecretSample.make("sk_live_", "alnum", 28, salt: "branch")
    static let revoked = SecretSample.make("xoxb-", "digit", 12, salt: "revoked") + "-" + SecretSample.make("", "digit", 12) + "-"
        + SecretSample.make("", "alnum", 24, salt: "revoked")

    final class Repo {
        let fixture: GitFixture
        var commits: [String] = []

        init() throws {
            fixture = try GitFixture()
            // A team that makes a committed secret block the merge (the default is a note).
            try fixture.write(".greenlight.yml", "rules: {secrets.leak: error}\n")
            try fixture.write("config.py", "REGION = 'eu'\nKEY_ID = '\(HistoryScanTests.gone)'\n")
            try fixture.write("notes.txt", "# greenlight:ignore secrets.leak -- revoked in March, kept for the incident report\n\(HistoryScanTests.revoked)\n")
            commits.append(try fixture.commitAll("add config", date: "2025-03-01T10:00:00Z"))
            try fixture.write("config.py", "REGION = 'eu'\nKEY_ID = os.environ['KEY_ID']\n")
            try fixture.write("copy.py", "KEY_ID = '\(HistoryScanTests.gone)'\n")  // the same secret again: one finding
            try fixture.remove("notes.txt")
            commits.append(try fixture.commitAll("read from env", date: "2025-03-02T10:00:00Z"))
            try fixture.remove("copy.py")
            try fixture.write("app.ts", "const token = \"\(HistoryScanTests.kept)\"\n")
            commits.append(try fixture.commitAll("app", date: "2025-03-03T10:00:00Z"))
            try fixture.git("checkout", "-q", "-b", "experiment")
            try fixture.write("pay.rb", "Stripe.api_key = '\(HistoryScanTests.branch)'\n")
            commits.append(try fixture.commitAll("try payments", date: "2025-03-04T10:00:00Z"))
            try fixture.git("checkout", "-q", "main")
        }
    }

    func check(_ repo: Repo, history: Bool, format: ReportFormat = .json, baseline: String? = nil) -> (Int32, Captured) {
        var command = CheckCommand()
        command.request.now = try! Clock.parse("2026-01-01T00:00:00Z")
        command.request.scanHistory = history
        command.request.only = ["secrets"]
        command.format = format
        command.baseline = baseline.map(BaselineChoice.file) ?? .none
        let captured = Captured()
        return (command.run(captured.console(in: repo.fixture.root)), captured)
    }

    func findings(_ captured: Captured) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(captured.out.utf8)) as? [String: Any]
        return try #require(object?["findings"] as? [[String: Any]], "\(captured.out)\(captured.err)")
    }

    @Test func withoutTheFlagOnlyTheSnapshot() throws {
        let repo = try Repo()
        let (code, captured) = check(repo, history: false)
        #expect(code == 1)
        let found = try findings(captured)
        #expect(found.map { $0["path"] as? String } == ["app.ts"])
        #expect(found.first?["commit"] == nil)
    }

    @Test func historyReportsEachSecretOnceWhereItFirstAppeared() throws {
        let repo = try Repo()
        let (code, captured) = check(repo, history: true)
        #expect(code == 1, "\(captured.err)")
        let found = try findings(captured)
        let byPath = Dictionary(uniqueKeysWithValues: found.map { ($0["path"] as? String ?? "", $0) })
        #expect(Set(byPath.keys) == ["app.ts", "config.py", "notes.txt", "pay.rb"])

        let config = try #require(byPath["config.py"])
        #expect(config["commit"] as? String == repo.commits[0])
        #expect(config["line"] as? Int == 2 && config["column"] as? Int == 11)
        let message = config["message"] as? String ?? ""
        #expect(message.contains("committed in \(repo.commits[0].prefix(12)) (2025-03-01T10:00:00Z)"))
        #expect(message.contains("AWS access key id `AKIA…` (20 chars"))

        #expect(byPath["pay.rb"]?["commit"] as? String == repo.commits[3])
        let app = try #require(byPath["app.ts"])
        #expect(app["commit"] == nil)
        #expect((app["message"] as? String)?.contains("in history since commit \(repo.commits[2].prefix(12)) (2025-03-03T10:00:00Z)") == true)

        let notes = try #require(byPath["notes.txt"])
        #expect(notes["suppressed"] as? Bool == true)
        #expect(notes["suppressionReason"] as? String == "revoked in March, kept for the incident report")
        for secret in [Self.gone, Self.kept, Self.branch, Self.revoked] { #expect(!captured.out.contains(secret)) }
    }

    @Test func aBaselineAcceptsHistoryFindings() throws {
        let repo = try Repo()
        var baseline = BaselineCommand()
        baseline.request.scanHistory = true
        baseline.request.only = ["secrets"]
        let captured = Captured()
        #expect(baseline.run(captured.console(in: repo.fixture.root)) == 0, "\(captured.err)")
        let (code, again) = check(repo, history: true, format: .text, baseline: Baseline.defaultFileName)
        #expect(code == 0, "\(again.out)\(again.err)")
        #expect(again.out.contains("3 baselined"))
    }
}
