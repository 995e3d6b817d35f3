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
        /// Cap findings of historical blobs, waiting for `secrets.leak`'s description.
        var notes: [(RuleDescription) -> Finding] = []
        /// What was not scanned, or not fully, waiting for `secrets.unscanned`'s description.
        var unscanned: [(RuleDescription) -> Finding] = []
    }

    /// The run's history scan, shared by `secrets.leak` and `secrets.unscanned`: the blobs of
    /// the snapshot are not scanned again.
    static func of(_ context: RuleContext) throws -> Outcome {
        try context.shared(SharedKey<Outcome>("secrets.history")) {
            var known: [String: SecretScanResult] = [:]
            for (entry, result) in try SecretLeakRule.visits(context).files {
                if let id = entry.objectID { known[id] = result }
            }
            return try SecretHistoryScan(scanner: try SecretScanner.configured(for: context), snapshot: context.snapshot,
                                         known: known).run()
        }
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
        var binary: (count: Int, first: HistoryBlob?) = (0, nil)
        var large: (count: Int, first: HistoryBlob?) = (0, nil)
        let summary = try history.forEachBlob(maxSize: snapshot.maxFileSize, admitting: snapshot.admits) { blob, bytes in
            // The snapshot's own blobs were said already.
            let inSnapshot = known[blob.objectID] != nil
            guard let bytes else {
                guard !inSnapshot else { return }
                large.count += 1
                if large.first == nil { large.first = blob }
                return
            }
            guard !ContentSniffer.isLFSPointer(bytes) else { return }
            var text = bytes
            if ContentSniffer.isBinary(bytes) {
                guard let recovered = ScannableText.recover(bytes) else {
                    guard !inSnapshot else { return }
                    binary.count += 1
                    if binary.first == nil { binary.first = blob }
                    return
                }
                text = recovered
            }
            let result: SecretScanResult
            if let cached = known[blob.objectID] {
                result = cached
            } else {
                result = scanner.scan(text, path: blob.path)
                let place = { (finding: Finding) -> Finding in
                    var finding = finding
                    finding.commit = blob.commit
                    finding.message += " (blob first committed in \(blob.commit.prefix(12)))"
                    return finding
                }
                for note in SecretLeakRule.notes(result, path: blob.path, scanner: scanner) {
                    outcome.notes.append { place(note($0)) }
                }
                for note in SecretUnscannedRule.notes(result, path: blob.path, scanner: scanner) {
                    outcome.unscanned.append { place(note($0)) }
                }
            }
            guard !result.matches.isEmpty else { return }
            var suppressions: [Suppression] = []
            if ByteSearch.contains(bytes, Suppression.keyword) {
                suppressions = SuppressionParser.parse(SourceText(path: blob.path, bytes: text))
            }
            for match in result.matches where seen.insert(SecretLeakRule.key(match)).inserted {
                let covering = suppressions.first { $0.covers(rule: SecretLeakRule.description.id, line: match.line) }
                outcome.secrets.append(FirstSeen(blob: blob, match: match, suppression: covering?.reason))
            }
        }
        let plural = { (count: Int, one: String, many: String) in count == 1 ? one : many }
        if let first = binary.first {
            let count = binary.count
            outcome.unscanned.append(Self.unscanned(
                first, "\(count) binary blob\(plural(count, "", "s")) in history (not text, not UTF-16) \(plural(count, "was", "were")) not scanned for secrets",
                matched: "binary blobs", fix: "nothing to do if they are images, archives or builds; a secret in a binary needs a dedicated tool"))
        }
        if let first = large.first {
            let count = large.count
            outcome.unscanned.append(Self.unscanned(
                first, "\(count) blob\(plural(count, "", "s")) in history larger than max_file_size (\(snapshot.maxFileSize) bytes) \(plural(count, "was", "were")) not scanned for secrets",
                matched: "large blobs", fix: "raise max_file_size to scan them"))
        }
        if let first = summary.firstMissing {
            let count = summary.missing
            outcome.unscanned.append(Self.unscanned(
                first, "\(count) blob\(plural(count, "", "s")) in history \(plural(count, "is", "are")) missing from the object database (a partial clone, or damage) and \(plural(count, "was", "were")) not scanned; the first, \(first.objectID.prefix(12)),",
                matched: "missing blobs", fix: "scan a full clone (without --filter)"))
        }
        return outcome
    }

    /// A note for blobs of history that were not scanned, at the first of them: "… the first
    /// appeared in commit …".
    private static func unscanned(_ first: HistoryBlob, _ what: String, matched: String, fix: String) -> (RuleDescription) -> Finding {
        { rule in
            let joint = what.hasSuffix(",") ? " appeared" : "; the first appeared"
            var finding = Finding(rule: rule, path: first.path, line: 0, column: 0,
                                  message: "\(what)\(joint) in commit \(first.commit.prefix(12))", matched: matched, fix: fix)
            finding.commit = first.commit
            return finding
        }
    }
}
