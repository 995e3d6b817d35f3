import Foundation
import GreenlightCore
import GreenlightRules
import GreenlightTestSupport
import Testing

/// One rule example, named for the test report.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let example: RuleExample
    let triggers: Bool
    let number: Int

    var testDescription: String {
        "\(ruleID) \(triggers ? "triggering" : "non-triggering") #\(number + 1)"
    }

    static var all: [ExampleCase] {
        RuleCatalog.all.flatMap { rule -> [ExampleCase] in
            let description = rule.description
            return description.triggering.enumerated().map {
                ExampleCase(ruleID: description.id, example: $1, triggers: true, number: $0)
            } + description.nonTriggering.enumerated().map {
                ExampleCase(ruleID: description.id, example: $1, triggers: false, number: $0)
            }
        }
    }

    var family: String { String(ruleID.prefix { $0 != "." }) }

    /// The example's config: its own `.greenlight.yml`, a whole `config`, or the rule's `options`.
    func config(_ engine: Engine) throws -> Config {
        let committed = example.cleanFiles[Config.defaultFileName]
        var yaml = (example.config ?? committed).map { $0 + "\n" } ?? ""
        if let options = example.options {
            yaml = "rules:\n  \(ruleID):\n" + options.split(separator: "\n").map { "    \($0)\n" }.joined()
        }
        let config = try ConfigLoader.load(
            yaml: yaml, file: "example.yml", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        try engine.validate(config)
        return config
    }

    /// The positions of the rule's live findings, `path:line:column`, sorted: the example's files
    /// committed once to an in-memory repository and checked by the rule's family alone.
    func positions() throws -> [String] {
        let engine = RuleCatalog.engine
        let config = try config(engine)
        let commitTime = try #require(Timestamp.parse(RuleExample.commitDate))
        let repository = MemoryRepository(files: example.cleanFiles, commitTime: commitTime, missingObjects: example.missingObjects)
        let now = try example.now.map { try #require(Timestamp.parse($0), "bad now \($0)") }
        let findings = try engine.run(snapshot: repository.snapshot(config: config), config: config,
                                      now: now ?? Date(timeIntervalSince1970: 0), families: [family])
        return findings
            .filter { $0.rule == ruleID && $0.isLive }
            .map { "\($0.path):\($0.line):\($0.column)" }
            .sorted()
    }
}

/// The generic verifier: every registered rule's examples are committed to a repository and
/// checked; a triggering example must produce exactly the findings its `↓` markers mark, a
/// non-triggering one none.
@Suite struct RuleExampleTests {
    @Test(arguments: ExampleCase.all)
    func example(_ testCase: ExampleCase) throws {
        let found = try testCase.positions()
        let expected = testCase.triggers ? testCase.example.expectedPositions : []
        let source = SourceLocation(
            fileID: "\(testCase.example.sourceFile)", filePath: "\(testCase.example.sourceFile)",
            line: Int(testCase.example.sourceLine), column: 1)
        #expect(found == expected, "example at \(testCase.example.sourceFile):\(testCase.example.sourceLine)", sourceLocation: source)
        if testCase.triggers {
            #expect(!expected.isEmpty, "a triggering example must mark at least one finding with ↓", sourceLocation: source)
        }
    }

    @Test func everyRuleIsDescribedAndExemplified() {
        var seen: Set<String> = []
        for rule in RuleCatalog.all {
            let description = rule.description
            #expect(seen.insert(description.id).inserted, "duplicate rule id \(description.id)")
            #expect(description.id.range(of: #"^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil,
                    "rule id \(description.id) is not family.kebab-name")
            #expect(!description.triggering.isEmpty, "\(description.id) has no triggering example")
            #expect(!description.nonTriggering.isEmpty, "\(description.id) has no non-triggering example")
            #expect(!description.summary.isEmpty && !description.rationale.isEmpty)
        }
    }
}
