import Foundation
import GreenlightCore

/// The evidence records committed in the snapshot, read once per run: the newest per name,
/// the unreadable ones, and the report's evidence table.
final class EvidenceLedger {
    struct Located {
        let path: String
        let record: EvidenceRecord
        let date: Date
    }

    /// Every readable record, by name, newest first.
    let byName: [String: [Located]]
    /// Records that could not be read: path and what is wrong.
    let problems: [(path: String, message: String)]

    static func of(_ context: RuleContext) throws -> EvidenceLedger {
        try context.shared(SharedKey<EvidenceLedger>("evidence.ledger")) { try EvidenceLedger(context: context) }
    }

    private init(context: RuleContext) throws {
        var byName: [String: [Located]] = [:]
        var problems: [(String, String)] = []
        let prefix = EvidenceRecord.folder + "/"
        for entry in context.snapshot.entries where entry.path.hasPrefix(prefix) && entry.path.hasSuffix(".json") {
            let parts = entry.path.dropFirst(prefix.count).split(separator: "/")
            guard parts.count == 2 else { continue }
            guard case .text(let text) = try context.snapshot.content(of: entry) else {
                problems.append((entry.path, "is not a text file"))
                continue
            }
            switch EvidenceRecord.decode(Array(text.text.utf8)) {
            case .failure(let problem):
                problems.append((entry.path, problem.message))
            case .success(let record):
                guard record.name == parts[0] else {
                    problems.append((entry.path, "names '\(record.name)' but lives under '\(parts[0])'"))
                    continue
                }
                let date = Timestamp.parse(record.recordedAt) ?? .distantPast
                byName[record.name, default: []].append(Located(path: entry.path, record: record, date: date))
            }
        }
        for name in byName.keys {
            byName[name]?.sort { ($0.date, $0.path) > ($1.date, $1.path) }
        }
        // A record's attached artifact is copied beside it (`<time>-probes.json`, a loop's JSON
        // report): it is the record's evidence, not a record of its own.
        let attachments = Set(byName.values.joined().compactMap { located -> String? in
            guard let stored = located.record.file?.stored else { return nil }
            return (located.path as NSString).deletingLastPathComponent + "/" + stored
        })
        self.byName = byName
        self.problems = problems.filter { !attachments.contains($0.0) }
    }

    /// Age at the run's clock; never negative (records dated in the future are age 0).
    static func age(of located: Located, now: Date) -> TimeInterval {
        max(0, now.timeIntervalSince(located.date))
    }

    static func states(_ byName: [String: [Located]], settings: EvidenceSettings, now: Date) -> [EvidenceState] {
        let required = Set(settings.required.map(\.name))
        var states: [EvidenceState] = []
        for name in Set(byName.keys).union(required).sorted() {
            guard let newest = byName[name]?.first else {
                states.append(EvidenceState(name: name, status: "missing", recordedAt: nil, ageSeconds: nil,
                                            commit: nil, url: nil, required: true))
                continue
            }
            states.append(EvidenceState(
                name: name, status: newest.record.status.rawValue, recordedAt: newest.record.recordedAt,
                ageSeconds: Int(age(of: newest, now: now)), commit: newest.record.commit, url: newest.record.url,
                required: required.contains(name)))
        }
        return states
    }
}
