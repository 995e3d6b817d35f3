import Foundation
import GreenlightCore
@testable import GreenlightHistory
import Testing

@Suite struct HistoryStoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-history-\(UUID().uuidString)").path

    func run(_ at: String, findings: [Finding] = []) -> RunRecord {
        var facts = ReportFacts()
        facts.claims = [DocumentClaims(path: "docs/readiness.md", done: 3, verified: 2, unverified: 1, pending: 1, unverifiedClaims: [])]
        facts.evidence = [EvidenceState(name: "smoke", status: "pass", recordedAt: at, ageSeconds: 0, commit: nil, url: nil, required: true)]
        return RunRecord(startedAt: Timestamp.parse(at)!, durationMilliseconds: 12, repository: "/repo", commit: "abc",
                         source: "rev", command: "check", posture: Posture(findings: findings), exitCode: 0,
                         findings: findings, facts: facts)
    }

    static let rule = RuleDescription(id: "claims.missing-evidence", severity: .error, summary: "s", rationale: "r",
                                      triggering: [], nonTriggering: [])

    @Test func recordsAndQueriesRuns() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try HistoryStore(path: folder + "/nested/history.sqlite")
        let finding = Finding(rule: Self.rule, path: "docs/readiness.md", line: 3, column: 9, message: "m", matched: "x")
        try store.record(run("2026-11-01T09:00:00Z"))
        let id = try store.record(run("2026-11-08T09:00:00Z", findings: [finding]))
        try store.record(run("2026-11-15T09:00:00Z"))
        #expect(try store.runs(limit: 2).map(\.startedAt) == ["2026-11-15T09:00:00Z", "2026-11-08T09:00:00Z"])
        let week = try store.runs(command: "check", from: Timestamp.parse("2026-11-02T00:00:00Z")!, to: Timestamp.parse("2026-11-15T00:00:00Z")!)
        #expect(week.map(\.id) == [id])
        #expect(week.first?.errors == 1 && week.first?.posture == .red)
        #expect(try store.findings(ofRun: id).map(\.fingerprint) == [finding.fingerprint])
        #expect(try store.lastRun(command: "check", before: Timestamp.parse("2026-11-08T09:00:00Z")!)?.startedAt == "2026-11-01T09:00:00Z")
        #expect(try store.count(of: "claims") == 3)
        #expect(try store.count(of: "evidence") == 3)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func olderFileIsUpgradedInPlaceKeepingItsRuns() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/old.sqlite"
        do {
            let database = try SQLiteDatabase(path: path)
            try HistoryMigrations.apply(to: database, upTo: 1)
            try database.execute("""
                INSERT INTO runs (started_at, repository, source, command, posture, exit_code, duration_ms, errors, warnings, notes, suppressed, baselined)
                VALUES ('2026-10-01T00:00:00Z', '/repo', 'rev', 'check', 'green', 0, 5, 0, 0, 0, 0, 0)
                """)
            #expect(try HistoryMigrations.version(of: database) == 1)
        }
        let store = try HistoryStore(path: path)
        #expect(try store.runs(limit: 10).map(\.startedAt) == ["2026-10-01T00:00:00Z"])
        try store.record(run("2026-11-01T09:00:00Z"))
        #expect(try store.count(of: "claims") == 1)
        #expect(try HistoryMigrations.version(of: SQLiteDatabase(path: path)) == HistoryMigrations.latest)
        // Step 4 drops the fingerprint index step 1 made: no query reads it, every run paid for it.
        let indexes = try SQLiteDatabase(path: path).prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'findings'")
            .rows { $0.text(0) ?? "" }
        #expect(indexes == ["findings_by_run"])
    }

    @Test func newerSchemaAndNonDatabaseFilesAreRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let future = folder + "/future.sqlite"
        do {
            let database = try SQLiteDatabase(path: future)
            try database.execute("PRAGMA user_version = 99")
        }
        #expect { try HistoryStore(path: future) } throws: { error in
            (error as? ToolError)?.kind == .runtime && "\(error)".contains("schema version 99 is newer")
        }
        let garbage = folder + "/garbage.sqlite"
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
        #expect { try HistoryStore(path: garbage) } throws: { error in
            (error as? ToolError)?.kind == .runtime && "\(error)".contains("not a")
        }
    }
}
