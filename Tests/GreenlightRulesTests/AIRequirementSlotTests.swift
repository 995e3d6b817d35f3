import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules
import GreenlightTestSupport
import Testing

/// The requirement slot of an ai rule's triggering example: `/*✓ requirement */`, or in
/// Python `#✓ requirement` to the end of the line. As written the requirement is in a comment
/// and the example triggers (RuleExampleTests); `fill` puts it in as code, or in a string.
enum RequirementSlot {
    enum Filling: String, Sendable {
        case code
        case string
    }

    /// The file with every slot filled, or nil when it has none.
    static func fill(_ text: String, path: String, with filling: Filling) -> String? {
        let python = path.hasSuffix(".py")
        let opener = python ? "#✓" : "/*✓"
        guard text.contains(opener) else { return nil }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: opener) {
            result += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let end = python ? (after.firstIndex(of: "\n") ?? after.endIndex) : (after.range(of: "*/")?.lowerBound ?? after.endIndex)
            let inner = after[..<end].trimmingWhitespace
            result += filling == .code ? inner : quoted(inner, path: path)
            rest = python ? after[end...] : after[end...].dropFirst(2)
        }
        return result + rest
    }

    /// `text` as a string literal of the file's language, with a quote it does not contain.
    static func quoted(_ text: String, path: String) -> String {
        if !text.contains("\"") { return "\"\(text)\"" }
        if path.hasSuffix(".swift") { return "#\"\(text)\"#" }
        if path.hasSuffix(".go") { return "`\(text)`" }
        if !text.contains("'") { return "'\(text)'" }
        return path.hasSuffix(".py") ? "\"\"\"\(text)\"\"\"" : "`\(text)`"
    }
}

struct SlotCase: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let example: RuleExample
    let number: Int
    let filling: RequirementSlot.Filling

    var testDescription: String { "\(ruleID) triggering #\(number + 1), requirement as \(filling.rawValue)" }

    static let aiRules = RuleCatalog.all.filter { $0.description.family == "ai" }

    static var all: [SlotCase] {
        aiRules.flatMap { rule in
            rule.description.triggering.enumerated().flatMap { number, example in
                [RequirementSlot.Filling.code, .string].map {
                    SlotCase(ruleID: rule.description.id, example: example, number: number, filling: $0)
                }
            }
        }
    }
}

/// SwiftLint's discipline for the ai rules: every triggering example holds its requirement in a
/// comment slot; filled in as code the example stops triggering, and put in a string it
/// triggers again at the same markers.
@Suite struct AIRequirementSlotTests {
    @Test(arguments: SlotCase.all)
    func slot(_ testCase: SlotCase) throws {
        let source = SourceLocation(
            fileID: "\(testCase.example.sourceFile)", filePath: "\(testCase.example.sourceFile)",
            line: Int(testCase.example.sourceLine), column: 1)
        var files: [String: String] = [:]
        for (path, text) in testCase.example.files {
            files[path] = RequirementSlot.fill(text, path: path, with: testCase.filling) ?? text
        }
        try #require(files != testCase.example.files, "a triggering ai example needs a /*✓ … */ (Python: #✓ …) requirement slot", sourceLocation: source)
        let filled = RuleExample(files, options: testCase.example.options, config: testCase.example.config)
        let found = try Self.positions(of: testCase.ruleID, in: filled)
        let expected = testCase.filling == .code ? [] : filled.expectedPositions
        #expect(found == expected, "requirement as \(testCase.filling.rawValue):\n\(files.values.joined(separator: "\n---\n"))", sourceLocation: source)
    }

    /// Every ai rule shows each language triggering and not triggering.
    @Test(arguments: SlotCase.aiRules.map { $0.description.id })
    func examplesCoverEveryLanguage(_ ruleID: String) throws {
        let description = try #require(RuleCatalog.all.first { $0.description.id == ruleID }).description
        for (kind, examples) in [("triggering", description.triggering), ("non-triggering", description.nonTriggering)] {
            let extensions = Set(examples.flatMap(\.files.keys).compactMap { $0.split(separator: ".").last.map(String.init) })
            for language in ["ts", "py", "go", "swift"] {
                #expect(extensions.contains(language), "\(ruleID) has no \(kind) example in .\(language)")
            }
        }
    }

    @Test func fillingReplacesEverySlot() {
        let script = "a(/*✓ user: id */)\nb(/*✓ x */)\n"
        #expect(RequirementSlot.fill(script, path: "a.ts", with: .code) == "a(user: id)\nb(x)\n")
        #expect(RequirementSlot.fill(script, path: "a.ts", with: .string) == "a(\"user: id\")\nb(\"x\")\n")
        let python = "f(\n    #✓ metadata={\"user_id\": u},\n)\n"
        #expect(RequirementSlot.fill(python, path: "a.py", with: .code) == "f(\n    metadata={\"user_id\": u},\n)\n")
        #expect(RequirementSlot.fill(python, path: "a.py", with: .string) == "f(\n    'metadata={\"user_id\": u},'\n)\n")
        #expect(RequirementSlot.fill("x", path: "a.go", with: .code) == nil)
    }

    /// The positions of `ruleID`'s live findings when `example` is committed and checked.
    static func positions(of ruleID: String, in example: RuleExample) throws -> [String] {
        let fixture = try GitFixture(files: example.cleanFiles)
        let engine = RuleCatalog.engine
        let config = try ConfigLoader.load(
            yaml: example.config ?? "", file: "example.yml", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        let snapshot = try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: config)
        // The ai rules do not depend on the clock.
        return try engine.run(snapshot: snapshot, config: config, now: Date(timeIntervalSince1970: 0), families: ["ai"])
            .filter { $0.rule == ruleID && $0.isLive }
            .map { "\($0.path):\($0.line):\($0.column)" }
            .sorted()
    }
}
