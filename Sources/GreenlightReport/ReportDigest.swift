import GreenlightCore

/// The top of a readiness report, for a lead who reads a dozen lines: what changed since the
/// run the report compares with (new, fixed, the posture then and now), what blocks — grouped
/// by rule, with the files that hold most — and the claims each document could not prove.
public struct ReportDigest: Codable, Sendable {
    public struct FileCount: Codable, Sendable {
        public var path: String
        public var count: Int
    }

    /// One rule's blocking findings.
    public struct BlockingGroup: Codable, Sendable {
        public var rule: String
        public var count: Int
        /// The files with most of them, most first (ties by path).
        public var files: [FileCount]
        /// Files beyond those listed.
        public var moreFiles: Int
        /// `12 in docs/a.md (9), src/b.ts (2) and 1 more file`.
        var text = ""

        enum CodingKeys: String, CodingKey {
            case rule, count, files, moreFiles
        }
    }

    /// A readiness document's done items that cite nothing checkable or something missing.
    public struct UnverifiedDocument: Codable, Sendable {
        public var path: String
        public var claims: [UnverifiedClaim]
    }

    /// How many files a group names before "and N more".
    static let filesShown = 3

    /// `1 new, 1 fixed since the last run before … (…); posture RED, as then.`
    public var changed: String
    public var blocking: [BlockingGroup]
    public var unverified: [UnverifiedDocument]
    var hasBlocking = false

    enum CodingKeys: String, CodingKey {
        case changed, blocking, unverified
    }

    public init(blocking errors: [Finding], claims: [DocumentClaims], trends: ReadinessReport.Trends, posture: Posture,
                periodStart: String) {
        let now = posture.label
        if let baseline = trends.baseline {
            let then = trends.previousPosture.map { $0 == now ? "\(now), as then" : "\(now), was \($0)" } ?? now
            changed = "\(trends.newFindings.count) new, \(trends.fixedFindings.count) fixed since the last run before "
                + "\(periodStart) (\(baseline)); posture \(then)."
        } else {
            changed = "No run before \(periodStart) in the history: all \(trends.newFindings.count) findings count as new; posture \(now)."
        }
        var groups: [BlockingGroup] = []
        for (rule, findings) in Dictionary(grouping: errors, by: \.rule) {
            let perFile = Dictionary(grouping: findings, by: \.path).map { FileCount(path: $0.key, count: $0.value.count) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.path < $1.path }
            var group = BlockingGroup(rule: rule, count: findings.count, files: Array(perFile.prefix(Self.filesShown)),
                                      moreFiles: max(0, perFile.count - Self.filesShown))
            var text = "\(group.count) in " + group.files.map { "`\($0.path)` (\($0.count))" }.joined(separator: ", ")
            if group.moreFiles > 0 { text += " and \(group.moreFiles) more file\(group.moreFiles == 1 ? "" : "s")" }
            group.text = text
            groups.append(group)
        }
        blocking = groups.sorted { $0.count != $1.count ? $0.count > $1.count : $0.rule < $1.rule }
        unverified = claims.filter { !$0.unverifiedClaims.isEmpty }.map { UnverifiedDocument(path: $0.path, claims: $0.unverifiedClaims) }
        hasBlocking = !blocking.isEmpty
    }
}
