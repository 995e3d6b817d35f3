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
        // Blobs come one at a time from the walk; they are scanned in batches over every core
        // (at most `Batch.blobs` blobs and `Batch.bytes` bytes held at once) and their results
        // taken in the walk's order, so the outcome is the sequential one.
        var batch: [(blob: HistoryBlob, bytes: [UInt8]?)] = []
        var batchBytes = 0
        let flush = {
            let scanned = try OrderedParallelMap.map(batch, concurrently: snapshot.readsConcurrently, chunk: 8) { item in
                BlobScan(item.bytes, blob: item.blob, scanner: scanner, known: known[item.blob.objectID])
            }
            for (item, scan) in zip(batch, scanned) {
                self.take(scan, of: item.blob, inSnapshot: known[item.blob.objectID] != nil, into: &outcome, seen: &seen,
                          binary: &binary, large: &large)
            }
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
        }
        let summary = try history.forEachBlob(maxSize: snapshot.maxFileSize, admitting: snapshot.admits) { blob, bytes in
            batch.append((blob, bytes))
            batchBytes += bytes?.count ?? 0
            if batch.count >= Batch.blobs || batchBytes >= Batch.bytes { try flush() }
        }
        try flush()
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

    /// How many blobs, and bytes, wait to be scanned together.
    enum Batch {
        static let blobs = 512
        static let bytes = 32 << 20
    }

    /// What one blob of history gave, computed away from the walk's thread.
    enum BlobScan {
        case tooLarge
        case lfsPointer
        case binary
        /// Scanned (or known from the snapshot); `text` is what was scanned.
        case scanned(text: [UInt8], result: SecretScanResult, fresh: Bool)

        init(_ bytes: [UInt8]?, blob: HistoryBlob, scanner: SecretScanner, known: SecretScanResult?) {
            guard let bytes else {
                self = .tooLarge
                return
            }
            guard !ContentSniffer.isLFSPointer(bytes) else {
                self = .lfsPointer
                return
            }
            var text = bytes
            if ContentSniffer.isBinary(bytes) {
                guard let recovered = ScannableText.recover(bytes) else {
                    self = .binary
                    return
                }
                text = recovered
            }
            if let known {
                self = .scanned(text: text, result: known, fresh: false)
            } else {
                self = .scanned(text: text, result: scanner.scan(text, path: blob.path), fresh: true)
            }
        }
    }

    /// Adds what one blob gave to the outcome, in the walk's order: the first blob holding a
    /// secret is where it appeared.
    private func take(
        _ scan: BlobScan, of blob: HistoryBlob, inSnapshot: Bool, into outcome: inout Outcome, seen: inout Set<String>,
        binary: inout (count: Int, first: HistoryBlob?), large: inout (count: Int, first: HistoryBlob?)
    ) {
        switch scan {
        case .lfsPointer:
            return
        case .tooLarge, .binary:
            // The snapshot's own blobs were said already.
            guard !inSnapshot else { return }
            if case .tooLarge = scan {
                large.count += 1
                if large.first == nil { large.first = blob }
            } else {
                binary.count += 1
                if binary.first == nil { binary.first = blob }
            }
        case .scanned(let text, let result, let fresh):
            if fresh {
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
            if ByteSearch.contains(text, Suppression.keyword) {
                suppressions = SuppressionParser.parse(SourceText(path: blob.path, bytes: text))
            }
            for match in result.matches where seen.insert(SecretLeakRule.key(match)).inserted {
                let covering = suppressions.first { $0.covers(rule: SecretLeakRule.description.id, line: match.line) }
                outcome.secrets.append(FirstSeen(blob: blob, match: match, suppression: covering?.reason))
            }
        }
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
