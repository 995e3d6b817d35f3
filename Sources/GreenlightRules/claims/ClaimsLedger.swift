import GreenlightCore

/// Every readiness document of the snapshot, parsed once, with each done claim checked once:
/// the claims rules read their findings from here, and the report its counts.
final class ClaimsLedger {
    /// What checking a done claim found.
    enum Verdict: Equatable {
        case verified
        /// Cited paths that do not exist.
        case missingPaths([Citation])
        /// Cited routes that appear in no source file.
        case missingRoutes([Citation])
        /// Cites nothing checkable, and no enclosing item does either.
        case noEvidence
        /// Cites only links, which are not checked offline.
        case linksOnly
        /// Cites nothing itself; covered by an enclosing item whose evidence is missing.
        case parentUnverified
        /// Its proof is a test count or a CI run that no test report or evidence record bears
        /// out: reported by `claims.test-count-mismatch`, `claims.test-results-unverified` or
        /// `claims.run-not-recorded`, with what is missing.
        case unconfirmed(String)
    }

    struct Entry {
        let document: ClaimDocument
        /// By claim index; nil for open claims.
        let verdicts: [Verdict?]
        /// Its statements that tests pass.
        let testResults: [TestResultClaim]
        /// Its statements that tables and columns exist.
        let schemaClaims: [SchemaClaim]
        /// The CI runs and artifacts it cites.
        let runCitations: [RunCitation]
    }

    let entries: [Entry]
    /// Readiness documents that could not be read as text, and why.
    let unreadable: [DocumentReading.Unreadable]

    static let key = SharedKey<ClaimsLedger>("claims.ledger")
    static let documentKey = ParserKey<ClaimDocument>("claims.document")

    /// The run's ledger, built on first use.
    static func of(_ context: RuleContext) throws -> ClaimsLedger {
        try context.shared(key) { try ClaimsLedger(context: context) }
    }

    private init(context: RuleContext) throws {
        let settings = context.section(ClaimsSettings.self)
        let snapshot = context.snapshot
        // Built on the first claim that cites something: a repository without readiness
        // documents (most) never pays for a table of every path.
        var built: PathLookup.Layout?
        func layout() throws -> PathLookup.Layout {
            if let built { return built }
            let made = try PathLookup.Layout(snapshot)
            built = made
            return made
        }
        var routes: RouteIndex?
        let proof = RecordedProof(context)
        var entries: [Entry] = []
        let (texts, unreadable) = try DocumentReading.documents(context, where: settings.isDocument)
        self.unreadable = unreadable
        for text in texts {
            let document = context.parsed(ClaimsLedger.documentKey, text, parse: ClaimDocumentParser.parse)
            // Every claim's own evidence is checked — open ones too, for the done items nested
            // under them — but only done claims get a verdict.
            var checked: [Verdict] = []
            for claim in document.claims {
                guard claim.state == .done || !claim.citations.isEmpty else {
                    checked.append(.noEvidence)
                    continue
                }
                checked.append(try ClaimsLedger.check(claim, in: document, snapshot: snapshot, layout: try layout()) { path in
                    if routes == nil {
                        routes = RouteIndex(texts: try context.textFiles { settings.isRouteSource($0) && !settings.isDocument($0) })
                    }
                    return routes!.contains(path)
                })
            }
            let testResults = TestResultClaims.scan(text)
            let runs = RunCitations.scan(text)
            var verdicts: [Verdict?] = []
            for (index, claim) in document.claims.enumerated() {
                guard claim.state == .done else {
                    verdicts.append(nil)
                    continue
                }
                var own = checked[index]
                // A file named without backticks ("Dockerfile created", "(app/api/admin.py)") is
                // evidence when it exists; one that does not is prose, never a missing citation.
                if own == .noEvidence,
                   try PathLookup.namesExistingFile(claim.title, citedFrom: document.path, in: snapshot, layout: layout()) {
                    own = .verified
                }
                // So is code it names — in its text, with or without backticks (`usePhysics`),
                // or in the lines under it — when the code holds every name.
                if own == .noEvidence,
                   case let names = ClaimSymbols.named(in: claim.title) + ClaimSymbols.bareIdentifiers(in: claim.title) + claim.sectionNames,
                   !names.isEmpty, try names.allSatisfy({ try ClaimSymbols.Index.of(context).holdsAnywhere($0) }) {
                    own = .verified
                }
                // A test count or a CI run on the item's line is its proof when a test report
                // or an evidence record bears it out.
                if own == .noEvidence, let proof = try proof.verdict(line: claim.line, testResults: testResults, runs: runs) {
                    own = proof
                }
                verdicts.append(own == .noEvidence ? ClaimsLedger.inherited(claim, checked: checked, claims: document.claims) : own)
            }
            entries.append(Entry(document: document, verdicts: verdicts, testResults: testResults,
                                 schemaClaims: SchemaClaims.scan(text), runCitations: runs))
        }
        self.entries = entries
    }

    private static func check(
        _ claim: Claim, in document: ClaimDocument, snapshot: RepositorySnapshot, layout: PathLookup.Layout,
        routeExists: (String) throws -> Bool
    ) throws -> Verdict {
        var missingPaths: [Citation] = []
        var missingRoutes: [Citation] = []
        var checkable = false
        var links = false
        // An item that says it removed something expects its old path to be gone.
        let removes = ClaimsLedger.saysRemoved(claim.title)
        for citation in claim.citations {
            switch citation.target {
            case .path(let path):
                switch PathLookup.lookup(path, citedFrom: document.path, in: snapshot, layout: layout) {
                case .exists: checkable = true
                // A path the repository ignores (a local `.venv313`, a build's `dist/`) is never
                // committed: citing it claims nothing about the commit.
                case .missing where layout.ignored.ignores(RepositoryPath.normalise(path)): continue
                // "Modeled on the previous `worker-tracing.yaml`": what was need not be.
                case .missing where citation.namesThePast: continue
                case .missing:
                    checkable = true
                    if !removes { missingPaths.append(citation) }
                case .notAPath: continue
                }
            case .route(_, let path):
                checkable = true
                if try !routeExists(path) { missingRoutes.append(citation) }
            case .url:
                links = true
            }
        }
        if !missingPaths.isEmpty { return .missingPaths(missingPaths) }
        if !missingRoutes.isEmpty { return .missingRoutes(missingRoutes) }
        if checkable { return .verified }
        return links ? .linksOnly : .noEvidence
    }

    /// Words of an item that reports a removal (`Removed the legacy circuit_breaker.py`), a
    /// rename or a move (renamed `application_refs` to `references`: the old name is gone), or a file kept
    /// out of the repository (`.env in .gitignore`).
    static let removalWords = ["remove", "removed", "removes", "delete", "deleted", "deletes", "drop ", "dropped",
                               "retire", "retired", "no longer", "get rid of", "got rid of", "gitignore", "ignored",
                               "excluded", "not committed", "untracked", "rename", "renamed", "instead of",
                               "replace", "replaced", "moved", "migrated from"]

    static func saysRemoved(_ title: String) -> Bool {
        let lowered = title.lowercased()
        return removalWords.contains { ByteSearch.contains(lowered, $0) }
    }

    /// A done item that cites nothing is covered by the nearest enclosing item that cites
    /// something checkable (`- [x] **File: `backend/store.py`**` and its sub-items).
    private static func inherited(_ claim: Claim, checked: [Verdict], claims: [Claim]) -> Verdict {
        var parent = claim.parent
        while let index = parent {
            switch checked[index] {
            case .verified: return .verified
            case .missingPaths, .missingRoutes: return .parentUnverified
            default: parent = claims[index].parent
            }
        }
        return .noEvidence
    }
}

extension ClaimsLedger.Entry {
    var summary: DocumentClaims {
        var done = 0, verified = 0, pending = 0
        var unverified: [UnverifiedClaim] = []
        for (claim, verdict) in zip(document.claims, verdicts) {
            guard claim.state == .done, let verdict else {
                pending += 1
                continue
            }
            done += 1
            if verdict == .verified {
                verified += 1
            } else {
                unverified.append(UnverifiedClaim(line: claim.line, title: claim.title, missing: verdict.explanation))
            }
        }
        unverified.sort { $0.line < $1.line }
        return DocumentClaims(path: document.path, done: done, verified: verified, unverified: unverified.count,
                              pending: pending, unverifiedClaims: unverified)
    }
}

extension ClaimsLedger.Verdict {
    var explanation: String {
        switch self {
        case .verified: return "verified"
        case .missingPaths(let citations): return "missing: " + citations.map(\.text).joined(separator: ", ")
        case .missingRoutes(let citations): return "route not found: " + citations.map(\.text).joined(separator: ", ")
        case .noEvidence: return "cites no evidence"
        case .linksOnly: return "cites only links (not checked offline)"
        case .parentUnverified: return "the enclosing item's evidence is missing"
        case .unconfirmed(let what): return what
        }
    }
}

extension Citation {
    /// The cited text, as the document wrote it.
    var text: String {
        switch target {
        case .path(let path): return path
        case .route(let method, let path): return "\(method) \(path)"
        case .url(let url): return url
        }
    }
}
