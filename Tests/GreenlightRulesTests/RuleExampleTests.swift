import Foundation
import GreenlightCore
import GreenlightGit
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
}

/// The generic verifier: every registered rule's examples are committed to a real repository
/// and checked; a triggering example must produce exactly the findings its `↓` markers mark,
/// a non-triggering one none.
@Suite struct RuleExampleTests {
    @Test(arguments: ExampleCase.all)
    func example(_ testCase: ExampleCase) throws {
        let fixture = try GitFixture(files: testCase.example.cleanFiles, date: RuleExample.commitDate)
        for path in testCase.example.missingObjects { try fixture.dropObject(at: path) }
        let engine = RuleCatalog.engine
        let committed = testCase.example.cleanFiles[Config.defaultFileName]
        var yaml = (testCase.example.config ?? committed).map { $0 + "\n" } ?? ""
        if let options = testCase.example.options {
            yaml = "rules:\n  \(testCase.ruleID):\n" + options.split(separator: "\n").map { "    \($0)\n" }.joined()
        }
        let config = try ConfigLoader.load(
            yaml: yaml, file: "example.yml", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        try engine.validate(config)
        let snapshot = try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: config)
        let now = try testCase.example.now.map { try #require(Timestamp.parse($0), "bad now \($0)") }
        let findings = try engine.run(snapshot: snapshot, config: config, now: now ?? Date(timeIntervalSince1970: 0))
        let found = findings
            .filter { $0.rule == testCase.ruleID && $0.isLive }
            .map { "\($0.path):\($0.line):\($0.column)" }
            .sorted()
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
