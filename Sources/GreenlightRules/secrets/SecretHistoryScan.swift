import GreenlightCore

/// `check --scan-history` for `secrets.leak`: every blob reachable from any ref, once each
/// (libgit2 walks trees it has not seen, oldest commit first), scanned like the snapshot; for
/// each distinct secret, the blob where it first appeared.
struct SecretHistoryScan {
    struct FirstSeen {
        let blob: HistoryBlob
        let match: SecretMatch
        /// The reason of a `greenlight:ignore secrets.leak -- reason` covering it in that blob.
        let suppression: String?
    }

    struct Outcome {
        /// In order of first appearance.
        var secrets: [FirstSeen] = []
        /// Cap and timeout findings of historical blobs, waiting for the rule's description.
        var notes: [(RuleDescription) -> Finding] = []
    }

    let scanner: SecretScanner
    let snapshot: RepositorySnapshot
    /// Results of the snapshot's own blobs, by blob id, so they are not scanned twice.
    let known: [String: SecretScanResult]

    func run() throws -> Outcome {
        guard let history = snapshot.history as? BlobHistory else {
            throw ToolError.usage("--scan-history needs a git repository with history")
        }
        guard !history.isShallow else {
            throw ToolError.usage(
                "--scan-history needs the whole history, and \(snapshot.root) is a shallow clone: fetch it all (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)")
        }
        var outcome = Outcome()
        var seen: Set<String> = []
        let summary = try history.forEachBlob(maxSize: snapshot.maxFileSize, admitting: snapshot.admits) { blob, bytes in
            guard let bytes, !ContentSniffer.isBinary(bytes), !ContentSniffer.isLFSPointer(bytes) else { return }
            let result: SecretScanResult
            if let cached = known[blob.objectID] {
                result = cached
            } else {
                result = scanner.scan(bytes, path: blob.path)
                for note in SecretLeakRule.notes(result, path: blob.path, scanner: scanner) {
                    outcome.notes.append { rule in
                        var finding = note(rule)
                        finding.commit = blob.commit
                        finding.message += " (blob first committed in \(blob.commit.prefix(12)))"
                        return finding
                    }
                }
            }
            guard !result.matches.isEmpty else { return }
            var suppressions: [Suppression] = []
            if ByteSearch.contains(bytes, Suppression.keyword) {
                suppressions = SuppressionParser.parse(SourceText(path: blob.path, bytes: bytes))
            }
            for match in result.matches where seen.insert(SecretLeakRule.key(match)).inserted {
                let covering = suppressions.first { $0.covers(rule: SecretLeakRule.description.id, line: match.line) }
                outcome.secrets.append(FirstSeen(blob: blob, match: match, suppression: covering?.reason))
            }
        }
        if let first = summary.firstMissing {
            let count = summary.missing
            outcome.notes.append { rule in
                var finding = Finding(
                    rule: rule, path: first.path, line: 0, column: 0,
                    message: "\(count) blob\(count == 1 ? "" : "s") in history \(count == 1 ? "is" : "are") missing from the object database (a partial clone, or damage) and \(count == 1 ? "was" : "were") not scanned; the first, \(first.objectID.prefix(12)), appeared in commit \(first.commit.prefix(12))",
                    matched: "missing blobs",
                    fix: "scan a full clone (without --filter)")
                finding.commit = first.commit
                return finding
            }
        }
        return outcome
    }
}
