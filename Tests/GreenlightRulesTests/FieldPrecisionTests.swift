import Foundation
import GreenlightCore
import GreenlightRules
import Testing

/// Severity follows measured precision: a rule's default severity may not exceed what its
/// precision on the field corpus allows (error at >= 90 %, warning at >= 75 %, note below), and
/// the figures in the binary are the ones in benchmarks/field/results.json.
@Suite struct FieldPrecisionTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test(arguments: RuleCatalog.all.map { $0.description.id })
    func defaultSeverityFollowsMeasuredPrecision(_ id: String) throws {
        let rule = try #require(RuleCatalog.all.first { $0.description.id == id }).description
        guard let measured = FieldPrecision.measured[id], let allowed = measured.allowedSeverity else { return }
        #expect(rule.severity >= allowed,
                "\(id) is \(rule.severity.rawValue) by default, but its field precision \(measured.summary) allows \(allowed.rawValue) at most")
    }

    @Test func everyMeasuredRuleExists() {
        let ids = Set(RuleCatalog.all.map { $0.description.id })
        for id in FieldPrecision.measured.keys {
            #expect(ids.contains(id), "benchmarks/field/results.json measures \(id), which no rule has")
        }
    }

    @Test(arguments: [
        (FieldMeasurement(findings: 50, repositories: 5, truePositives: 36, falsePositives: 4, debatable: 3), Severity.error),
        (FieldMeasurement(findings: 50, repositories: 5, truePositives: 35, falsePositives: 5, debatable: 0), Severity.warning),
        (FieldMeasurement(findings: 50, repositories: 5, truePositives: 30, falsePositives: 10, debatable: 0), Severity.warning),
        (FieldMeasurement(findings: 50, repositories: 5, truePositives: 29, falsePositives: 11, debatable: 0), Severity.note),
        (FieldMeasurement(findings: 8, repositories: 2, truePositives: 0, falsePositives: 8, debatable: 0), Severity.note),
    ])
    func policyThresholds(_ measured: FieldMeasurement, _ allowed: Severity) {
        #expect(measured.allowedSeverity == allowed, "\(measured.summary)")
    }

    @Test func undecidedLabelsMeasureNothing() {
        let measured = FieldMeasurement(findings: 33, repositories: 33, truePositives: 0, falsePositives: 0, debatable: 33)
        #expect(measured.precision == nil)
        #expect(measured.allowedSeverity == nil)
        #expect(measured.summary.hasPrefix("not measured (0 true, 0 false, 33 debatable of 33 labelled"))
    }

    @Test func generatedFileAndReadmeTableAreFresh() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.packageRoot + "/scripts/generate-field-precision.py", "--check"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "run scripts/generate-field-precision.py: \(message)")
    }
}
