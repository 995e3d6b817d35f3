import Foundation
import GreenlightCore

/// The history database: every run, its findings and the figures behind reports. SQLite in WAL
/// mode with a busy timeout, so many writers queue rather than fail; one transaction per run;
/// versioned migrations upgrade an older file in place; a file from a newer Greenlight is
/// refused.
public final class HistoryStore {
    public static let defaultPath = ".greenlight/history.sqlite"

    private let database: SQLiteDatabase
    public var path: String { database.path }

    /// Open (creating folders and the file if needed) and bring the schema up to date.
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        database = try SQLiteDatabase(path: path)
        do {
            try database.execute("PRAGMA journal_mode=WAL")
            try database.execute("PRAGMA synchronous=NORMAL")
            try database.execute("PRAGMA foreign_keys=ON")
        } catch let error as ToolError {
            throw ToolError.runtime("\(path): not a usable Greenlight history database (\(error.message.components(separatedBy: ": ").last ?? error.message))")
        }
        try HistoryMigrations.apply(to: database)
    }

    /// Store one run and everything it saw, atomically. Returns the run's id.
    @discardableResult
    public func record(_ run: RunRecord) throws -> Int64 {
        try database.transaction {
            let summary = Summary(findings: run.findings)
            try database.prepare("""
                INSERT INTO runs (started_at, repository, commit_id, source, command, posture, exit_code, duration_ms,
                                  errors, warnings, notes, suppressed, baselined)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).bind([
                    .text(Timestamp.format(run.startedAt)), .text(run.repository), run.commit.map { .text($0) } ?? .null,
                    .text(run.source), .text(run.command), .text(run.posture.rawValue), .int(Int64(run.exitCode)),
                    .int(Int64(run.durationMilliseconds)), .int(Int64(summary.errors)), .int(Int64(summary.warnings)),
                    .int(Int64(summary.notes)), .int(Int64(summary.suppressed)), .int(Int64(summary.baselined)),
                ]).run()
            let id = database.lastInsertID
            let finding = try database.prepare("""
                INSERT INTO findings (run_id, rule, family, severity, path, line, column, fingerprint, message, suppressed, baselined)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for item in run.findings {
                try finding.bind([
                    .int(id), .text(item.rule), .text(item.family), .text(item.severity.rawValue), .text(item.path),
                    .int(Int64(item.line)), .int(Int64(item.column)), .text(item.fingerprint), .text(item.message),
                    .int(item.suppressed ? 1 : 0), .int(item.baselined ? 1 : 0),
                ]).run()
            }
            let claims = try database.prepare(
                "INSERT INTO claims (run_id, path, done, verified, unverified, pending) VALUES (?, ?, ?, ?, ?, ?)")
            for document in run.facts.claims ?? [] {
                try claims.bind([.int(id), .text(document.path), .int(Int64(document.done)), .int(Int64(document.verified)),
                                 .int(Int64(document.unverified)), .int(Int64(document.pending))]).run()
            }
            let evidence = try database.prepare("""
                INSERT INTO evidence (run_id, name, status, recorded_at, age_seconds, commit_id, url, required)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for state in run.facts.evidence ?? [] {
                try evidence.bind([
                    .int(id), .text(state.name), .text(state.status), state.recordedAt.map { .text($0) } ?? .null,
                    state.ageSeconds.map { .int(Int64($0)) } ?? .null, state.commit.map { .text($0) } ?? .null,
                    state.url.map { .text($0) } ?? .null, .int(state.required ? 1 : 0),
                ]).run()
            }
            let probes = try database.prepare("""
                INSERT INTO probes (run_id, name, ok, status, p50_ms, p95_ms, error_rate, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for probe in run.facts.probes ?? [] {
                try probes.bind([
                    .int(id), .text(probe.name), .int(probe.passed ? 1 : 0), probe.status.map { .int(Int64($0)) } ?? .null,
                    probe.p50Milliseconds.map { .double($0) } ?? .null, probe.p95Milliseconds.map { .double($0) } ?? .null,
                    probe.errorRate.map { .double($0) } ?? .null, .text("requests=\(probe.requests)"),
                ]).run()
            }
            let decisions = try database.prepare(
                "INSERT INTO loop_decisions (run_id, loop, subject, decision, detail) VALUES (?, ?, ?, ?, ?)")
            for decision in run.loopDecisions {
                try decisions.bind([
                    .int(id), .text(decision.loop), .text(decision.subject), .text(decision.decision),
                    decision.detail.map { .text($0) } ?? .null,
                ]).run()
            }
            return id
        }
    }

    /// The newest runs first.
    public func runs(limit: Int) throws -> [StoredRun] {
        try database.prepare("SELECT \(StoredRun.columns) FROM runs ORDER BY started_at DESC, id DESC LIMIT ?")
            .bind([.int(Int64(max(0, limit)))]).rows(StoredRun.init)
    }

    /// Runs of a command with `from <= started_at < to`, oldest first.
    public func runs(command: String, from: Date, to: Date) throws -> [StoredRun] {
        try database.prepare("""
            SELECT \(StoredRun.columns) FROM runs WHERE command = ? AND started_at >= ? AND started_at < ?
            ORDER BY started_at, id
            """).bind([.text(command), .text(Timestamp.format(from)), .text(Timestamp.format(to))]).rows(StoredRun.init)
    }

    /// The last run of a command that started before `date`.
    public func lastRun(command: String, before date: Date) throws -> StoredRun? {
        try database.prepare("""
            SELECT \(StoredRun.columns) FROM runs WHERE command = ? AND started_at < ?
            ORDER BY started_at DESC, id DESC LIMIT 1
            """).bind([.text(command), .text(Timestamp.format(date))]).rows(StoredRun.init).first
    }

    public func findings(ofRun id: Int64) throws -> [StoredFinding] {
        try database.prepare("""
            SELECT rule, family, severity, path, line, column, fingerprint, message, suppressed, baselined
            FROM findings WHERE run_id = ? ORDER BY path, line, column, rule
            """).bind([.int(id)]).rows(StoredFinding.init)
    }

    /// A loop run's decisions, in the order recorded.
    public func loopDecisions(ofRun id: Int64) throws -> [LoopDecision] {
        try database.prepare("SELECT loop, subject, decision, detail FROM loop_decisions WHERE run_id = ? ORDER BY rowid")
            .bind([.int(id)]).rows { LoopDecision(loop: $0.text(0) ?? "", subject: $0.text(1) ?? "", decision: $0.text(2) ?? "",
                                                  detail: $0.text(3)) }
    }

    public func count(of table: String) throws -> Int {
        guard ["runs", "findings", "claims", "evidence", "probes", "loop_decisions"].contains(table) else { return 0 }
        return try database.prepare("SELECT count(*) FROM \(table)").rows { Int($0.int(0)) }.first ?? 0
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try database.prepare("PRAGMA integrity_check").rows { $0.text(0) ?? "" }.joined(separator: "; ")
    }
}

/// What `record` stores about one run.
public struct RunRecord {
    public var startedAt: Date
    public var durationMilliseconds: Int
    public var repository: String
    public var commit: String?
    public var source: String
    public var command: String
    public var posture: Posture
    public var exitCode: Int32
    public var findings: [Finding]
    public var facts: ReportFacts
    /// What a strategy loop decided, step by step or prompt by prompt.
    public var loopDecisions: [LoopDecision]

    public init(startedAt: Date, durationMilliseconds: Int, repository: String, commit: String?, source: String,
                command: String, posture: Posture, exitCode: Int32, findings: [Finding], facts: ReportFacts,
                loopDecisions: [LoopDecision] = []) {
        self.startedAt = startedAt
        self.durationMilliseconds = durationMilliseconds
        self.repository = repository
        self.commit = commit
        self.source = source
        self.command = command
        self.posture = posture
        self.exitCode = exitCode
        self.findings = findings
        self.facts = facts
        self.loopDecisions = loopDecisions
    }
}

/// One row of `loop_decisions`: a flywheel step or a prompt, and what became of it.
public struct LoopDecision: Codable, Sendable, Equatable {
    /// `flywheel` or `promote`.
    public var loop: String
    /// The step or the prompt.
    public var subject: String
    /// `done`, `failed`, `not-run`, `planned` for steps; `promote`, `rollback`, `hold`, `done`, `failed`, `not-run` for prompts.
    public var decision: String
    public var detail: String?

    public init(loop: String, subject: String, decision: String, detail: String?) {
        self.loop = loop
        self.subject = subject
        self.decision = decision
        self.detail = detail
    }
}
