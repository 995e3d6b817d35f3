import Foundation
import GreenlightCore

/// A run as the history keeps it.
public struct StoredRun: Codable, Sendable, Equatable {
    public let id: Int64
    public let startedAt: String
    public let repository: String
    public let commit: String?
    public let source: String
    public let command: String
    public let posture: Posture
    public let exitCode: Int
    public let durationMilliseconds: Int
    public let errors: Int
    public let warnings: Int
    public let notes: Int
    public let suppressed: Int
    public let baselined: Int

    static let columns = """
        id, started_at, repository, commit_id, source, command, posture, exit_code, duration_ms,
        errors, warnings, notes, suppressed, baselined
        """

    init(row: Statement.Row) {
        id = row.int(0)
        startedAt = row.text(1) ?? ""
        repository = row.text(2) ?? ""
        commit = row.text(3)
        source = row.text(4) ?? ""
        command = row.text(5) ?? ""
        posture = Posture(rawValue: row.text(6) ?? "") ?? .red
        exitCode = Int(row.int(7))
        durationMilliseconds = Int(row.int(8))
        errors = Int(row.int(9))
        warnings = Int(row.int(10))
        notes = Int(row.int(11))
        suppressed = Int(row.int(12))
        baselined = Int(row.int(13))
    }

    public var date: Date { Timestamp.parse(startedAt) ?? .distantPast }
}

/// A finding as the history keeps it (messages are already redacted by their rules).
public struct StoredFinding: Codable, Sendable, Equatable {
    public let rule: String
    public let family: String
    public let severity: Severity
    public let path: String
    public let line: Int
    public let column: Int
    public let fingerprint: String
    public let message: String
    public let suppressed: Bool
    public let baselined: Bool

    init(row: Statement.Row) {
        rule = row.text(0) ?? ""
        family = row.text(1) ?? ""
        severity = Severity(rawValue: row.text(2) ?? "") ?? .error
        path = row.text(3) ?? ""
        line = Int(row.int(4))
        column = Int(row.int(5))
        fingerprint = row.text(6) ?? ""
        message = row.text(7) ?? ""
        suppressed = row.int(8) != 0
        baselined = row.int(9) != 0
    }

    public var isLive: Bool { !suppressed && !baselined }
}
