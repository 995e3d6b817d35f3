import GreenlightCore

/// `claims.unreadable-document`: a file named or configured as a readiness document could not
/// be read as text, so none of its claims was checked. Shape: whole-snapshot, from the claims
/// ledger; one finding per document, at line 0.
public struct UnreadableDocumentRule: Rule {
    public static let description = RuleDescription(
        id: "claims.unreadable-document",
        severity: .warning,
        summary: "A readiness document could not be read, so its claims were not checked",
        rationale: """
            A document the family cannot read must not pass as a document without false \
            claims. UTF-16 with a byte-order mark is decoded and a stray NUL byte read as a \
            space; what is left — a file over `max_file_size`, binary content, a Git LFS \
            pointer, an object a partial clone lacks — is named here with the reason. Raise \
            `max_file_size`, save the document as UTF-8, or commit its text.
            """,
        triggering: [
            RuleExample(["docs/readiness.md": "- [x] Backups\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\n"],
                        expect: ["docs/readiness.md:0:0"]),
            RuleExample([
                "STATUS.md": "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n",
            ], expect: ["STATUS.md:0:0"]),
            RuleExample([
                ".greenlight.yml": "max_file_size: 64\n",
                "PROGRESS.md": "# Progress\n- [x] Load test passed at 10 concurrent requests, see the report\n",
            ], expect: ["PROGRESS.md:0:0"]),
            RuleExample(["docs/readiness.md": "- [x] Backups restored\n"], missingObjects: ["docs/readiness.md"],
                        expect: ["docs/readiness.md:0:0"]),
        ],
        nonTriggering: [
            RuleExample(["docs/readiness.md": "- [x] Backups restored once (`ops/restore.sh`)\u{0}\n", "ops/restore.sh": "x\n"]),
            RuleExample(["docs/diagram.png": "\u{0}\u{0}\u{0}PNG\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try ClaimsLedger.of(context).unreadable.map { document in
            Finding(rule: Self.description, path: document.path, line: 0, column: 0,
                    message: "readiness document not read: \(document.reason); none of its claims was checked",
                    matched: document.reason,
                    fix: "save it as UTF-8 text within max_file_size, or commit its content rather than a pointer")
        }
    }
}
