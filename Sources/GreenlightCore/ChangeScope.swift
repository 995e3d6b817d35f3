/// What a pull request or a staged commit changes, against the commit it is compared to
/// (`check --diff-base REV`: the merge base of REV and the checked snapshot): the files it
/// adds or modifies and, in each, the lines it adds or changes. A run in this scope reports
/// only what the change brings — the reviewdog habit — so that an existing repository's old
/// findings do not block every pull request.
public struct ChangeScope: Sendable {
    /// The lines of one changed file that the change added or rewrote, in the new version.
    public enum Lines: Sendable, Equatable {
        /// Every line (a new file, a binary file, a file whose type changed).
        case all
        /// 1-based ranges, in order, not overlapping.
        case ranges([ClosedRange<Int>])

        public func contains(_ line: Int) -> Bool {
            switch self {
            case .all: return true
            case .ranges(let ranges):
                var low = 0, high = ranges.count
                while low < high {
                    let middle = (low + high) / 2
                    if ranges[middle].upperBound < line { low = middle + 1 } else { high = middle }
                }
                return low < ranges.count && ranges[low].contains(line)
            }
        }
    }

    /// What the user named (`origin/main`, `HEAD`).
    public let baseName: String
    /// The commit the change is measured from.
    public let base: String
    /// Changed path → its added or rewritten lines. Deleted files are not here: nothing of
    /// them is left to report on.
    public let files: [String: Lines]
    /// The paths the change deletes.
    public let deleted: Set<String>
    /// The base's version of each path the change modifies or deletes: with the head's other
    /// entries, the base's listing, without walking its tree again.
    public let baseEntries: [SnapshotEntry]

    public init(baseName: String, base: String, files: [String: Lines], deleted: Set<String> = [], baseEntries: [SnapshotEntry] = []) {
        self.baseName = baseName
        self.base = base
        self.files = files
        self.deleted = deleted
        self.baseEntries = baseEntries
    }

    /// The base's entries: the head's, less every path the change adds or modifies, plus the
    /// base's versions of what it modifies or deletes.
    public func baseListing(head: [SnapshotEntry], admits: (String) -> Bool) -> [SnapshotEntry] {
        head.filter { files[$0.path] == nil } + baseEntries.filter { admits($0.path) }
    }

    /// The paths the per-file passes read in this scope.
    public var paths: Set<String> { Set(files.keys) }

    /// Whether the finding points at a line the change added or rewrote. A finding about a
    /// whole file (line 0) or about a git object is not on a line: whether the change brought
    /// it is told by comparing with the base.
    public func touches(_ finding: Finding) -> Bool {
        guard finding.line > 0, finding.commit == nil, let lines = files[finding.path] else { return false }
        return lines.contains(finding.line)
    }

    /// Whether the change brought the finding: it sits on a changed line, or the same check
    /// of the base had no finding with its fingerprint (a new Dockerfile that no workflow
    /// builds; a claim whose evidence the change deleted).
    public func brought(_ finding: Finding, baseFingerprints: Set<String>) -> Bool {
        touches(finding) || !baseFingerprints.contains(finding.fingerprint)
    }
}
