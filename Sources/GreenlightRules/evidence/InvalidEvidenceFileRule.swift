import GreenlightCore

/// `evidence.invalid-file`: an evidence input that cannot be read — a record that is not JSON
/// or misses fields, a JUnit file that is not XML, an lcov file with garbage lines, a
/// configured report that is not there.
public struct InvalidEvidenceFileRule: Rule {
    public static let description = RuleDescription(
        id: "evidence.invalid-file",
        severity: .error,
        summary: "An evidence record or test/coverage report cannot be read",
        rationale: """
            Evidence that cannot be read proves nothing, and silently skipping it would turn a \
            broken artifact into a pass. Each unreadable record or report is reported once, with \
            what is wrong.
            """,
        triggering: [
            RuleExample([
                ".greenlight/evidence/smoke/20261120T090000Z.json": "{\"name\": \"smoke\", \"status\": \"maybe\"}",
            ], expect: [".greenlight/evidence/smoke/20261120T090000Z.json:0:0"]),
            RuleExample([
                "reports/junit.xml": "this is not xml",
            ], config: "evidence:\n  junit: [reports/junit.xml]", expect: ["reports/junit.xml:0:0"]),
            RuleExample([
                "lcov.info": "SF:src/a.ts\nDA:1,1\n↓garbage here\nend_of_record\n",
            ], config: "evidence:\n  coverage: [{file: lcov.info, format: lcov, min: 10}]"),
        ],
        nonTriggering: [
            RuleExample([
                ".greenlight/evidence/smoke/20261120T090000Z.json":
                    #"{"schemaVersion": 1, "name": "smoke", "status": "pass", "recordedAt": "2026-11-20T09:00:00Z"}"#,
                ".greenlight/evidence/smoke/20261120T090000Z-junit.xml": "<testsuite/>",
            ]),
            // A JSON artifact copied beside its record (probe and loop reports) is not a record.
            RuleExample([
                ".greenlight/evidence/flywheel/20261120T090000Z.json": #"""
                    {"schemaVersion": 1, "name": "flywheel", "status": "pass", "recordedAt": "2026-11-20T09:00:00Z",
                     "file": {"path": "reports/flywheel.json", "sha256": "00", "size": 2,
                              "stored": "20261120T090000Z-flywheel.json"}}
                    """#,
                ".greenlight/evidence/flywheel/20261120T090000Z-flywheel.json": #"{"loop": "flywheel"}"#,
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for problem in try EvidenceLedger.of(context).problems {
            findings.append(Finding(rule: Self.description, path: problem.path, line: 0, column: 0,
                                    message: "evidence record \(problem.message)", matched: problem.message))
        }
        for problem in try EvidenceArtifacts.of(context).problems {
            findings.append(Finding(rule: Self.description, path: problem.path, line: problem.line,
                                    column: problem.line > 0 ? 1 : 0, message: problem.message, matched: problem.message))
        }
        return findings
    }
}
