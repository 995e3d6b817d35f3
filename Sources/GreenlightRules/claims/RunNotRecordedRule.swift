import Foundation
import GreenlightCore

/// `claims.run-not-recorded`: a readiness document cites a CI run or an artifact as proof, and
/// no evidence record of the commit holds it. Shape: whole-snapshot, from the claims ledger
/// and the evidence records under `.greenlight/evidence/`; one finding per citation.
public struct RunNotRecordedRule: Rule {
    static let record = """
        {"schemaVersion": 1, "name": "smoke", "status": "pass", "recordedAt": "2026-10-30T09:00:00Z",
         "url": "https://github.com/acme/shop/actions/runs/9876543210",
         "file": {"path": "out/smoke-report.json", "sha256": "00", "size": 10}}
        """

    public static let description = RuleDescription(
        id: "claims.run-not-recorded",
        severity: .warning,
        summary: "A readiness document cites a CI run or artifact that no evidence record holds",
        rationale: """
            "Smoke passed: https://github.com/acme/shop/actions/runs/9876543210" is proof only \
            while the run can be found; CI runs and their artifacts expire (90 days on GitHub \
            by default). `greenlight evidence record NAME --url URL --file ARTIFACT` keeps the \
            run's URL and the artifact's hash in the repository. A cited run — a GitHub Actions \
            run URL, a GitLab pipeline or job URL, a Buildkite build, or "run #12345678" — \
            must match a record's URL by its id, and a cited artifact (a file name after the \
            word: "artifact `smoke-report.json`") a record's attached file or name. Unchecked \
            items and fenced code are not read.
            """,
        triggering: [
            RuleExample([
                "docs/readiness.md": """
                    - [x] Smoke test passed: ↓https://github.com/acme/shop/actions/runs/1234567890
                    - [x] Load test, run ↓#555666777, artifact ↓`load-report.html`
                    """,
                ".greenlight/evidence/smoke/20261030T090000Z.json": record,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "docs/readiness.md": """
                    - [x] Smoke test passed: https://github.com/acme/shop/actions/runs/9876543210/job/42
                    - [x] Report kept as artifact `smoke-report.json`; see run #9876543210
                    - [ ] Load test: https://github.com/acme/shop/actions/runs/1234567890
                    - [x] Runs 3 times a day
                    """,
                ".greenlight/evidence/smoke/20261030T090000Z.json": record,
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let ledger = try ClaimsLedger.of(context)
        guard ledger.entries.contains(where: { !$0.runCitations.isEmpty }) else { return [] }
        let records = try RecordedProof(context).recorded()
        var findings: [Finding] = []
        for entry in ledger.entries {
            for citation in entry.runCitations where !records.contains(where: { Self.holds($0, citation.kind) }) {
                findings.append(Finding(
                    rule: Self.description, path: entry.document.path, line: citation.line, column: citation.column,
                    message: "cites \(citation.text), which no evidence record holds: the proof lasts only as long as the CI keeps it",
                    matched: citation.text,
                    fix: "record it: greenlight evidence record NAME --status pass --url RUN-URL [--file ARTIFACT], and commit the record"))
            }
        }
        return findings
    }

    static func holds(_ record: EvidenceRecord, _ kind: RunCitation.Kind) -> Bool {
        switch kind {
        case .run(let id, _):
            guard let url = record.url else { return false }
            return RunCitations.runMarkers.contains { marker in
                guard let at = url.range(of: marker) else { return false }
                return url[at.upperBound...].prefix { $0.isASCII && $0.isNumber } == id
            }
        case .artifact(let name):
            let base = RepositoryPath.name(of: name)
            return record.name == name || record.file.map { RepositoryPath.name(of: $0.path) == base } ?? false
        }
    }
}
