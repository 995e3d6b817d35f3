import Foundation
import GreenlightCore

/// `evidence.coverage-low`: line coverage over the configured paths is under the minimum.
public struct CoverageLowRule: Rule {
    public static let description = RuleDescription(
        id: "evidence.coverage-low",
        severity: .error,
        summary: "Line coverage of the given paths is below the configured minimum",
        rationale: """
            "Well tested" is a claim with a number behind it. Each `evidence.coverage` entry names \
            an lcov or Cobertura report from the CI job, the source paths it speaks for, and the \
            minimum line coverage in percent.
            """,
        configKeys: [
            ConfigKey("evidence.coverage", "[{file, format: lcov|cobertura, paths, min}]", default: "[]"),
        ],
        triggering: [
            RuleExample([
                "coverage/lcov.info": """
                    SF:src/api/rollout.ts
                    DA:1,1
                    DA:2,0
                    DA:3,0
                    end_of_record
                    SF:src/ui/page.tsx
                    DA:1,1
                    end_of_record
                    """,
            ], config: "evidence:\n  coverage: [{file: coverage/lcov.info, format: lcov, paths: [\"src/api/**\"], min: 80}]",
               expect: ["coverage/lcov.info:0:0"]),
        ],
        nonTriggering: [
            RuleExample([
                "coverage.xml": """
                    <coverage line-rate="0.9">
                      <packages><package><classes>
                        <class filename="src/api/rollout.py"><lines>
                          <line number="1" hits="3"/><line number="2" hits="1"/>
                        </lines></class>
                      </classes></package></packages>
                    </coverage>
                    """,
            ], config: "evidence:\n  coverage: [{file: coverage.xml, format: cobertura, paths: [\"src/api/**\"], min: 80}]"),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try EvidenceArtifacts.of(context).coverage.compactMap { file in
            let requirement = file.requirement
            let (percent, lines) = file.report.lineCoverage(paths: requirement.paths)
            let scope = requirement.paths.isEmpty ? "all files" : requirement.paths.map(\.pattern).joined(separator: ", ")
            let figure = String(format: "%.1f", percent)
            let minimum = String(format: "%g", requirement.min)
            if lines == 0 {
                return Finding(rule: Self.description, path: file.path, line: 0, column: 0,
                               message: "no lines measured for \(scope); coverage evidence is missing",
                               matched: scope)
            }
            guard percent < requirement.min else { return nil }
            return Finding(
                rule: Self.description, path: file.path, line: 0, column: 0,
                message: "line coverage of \(scope) is \(figure)% (\(lines) lines), below the minimum of \(minimum)%",
                matched: scope
            )
        }
    }
}
