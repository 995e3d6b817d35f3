import Foundation
import GreenlightCore
import Testing
import Yams

/// One validation policy for every pattern a team or a pack supplies.
@Suite struct UserPatternTests {
    @Test(arguments: [
        ("", "empty regular expression"),
        ("make (", "invalid regular expression 'make ('"),
        ("(x+)+y", "nests unbounded quantifiers in '(x+)+'"),
        ("(?:\\w+\\s?)*$", "backtrack exponentially"),
    ])
    func refused(_ source: String, _ fragment: String) {
        #expect(throws: UserPattern.Invalid.self) { try UserPattern(source) }
        do {
            _ = try UserPattern(source)
        } catch {
            #expect("\(error)".contains(fragment), "\(error)")
        }
    }

    @Test func acceptedPatternsMatchWithTheirOptions() throws {
        let pattern = try UserPattern(#"\bprisma\s+generate\b"#)
        #expect(pattern.matches("npx prisma  generate --schema x"))
        #expect(!pattern.matches("npx Prisma generate"))
        #expect(pattern.with(.caseInsensitive).matches("npx Prisma generate"))
        let lines = try UserPattern("^b$", options: .anchorsMatchLines)
        #expect(lines.matches("a\nb\nc"))
        #expect(try !UserPattern("^b$").matches("a\nb\nc"))
        #expect(try UserPattern(#"^[a-z]+(?:-[a-z0-9]+)+$"#).matches("kebab-case-id"))
    }

    struct Options: Decodable {
        let critical: [UserPattern]
    }

    @Test func decodingARefusedPatternFailsAtItsOwnPath() throws {
        let yaml = "critical: ['ship', '(x+)+y']\n"
        do {
            _ = try YAMLDecoder().decode(Options.self, from: yaml)
            Issue.record("decoded")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.codingPath.map(\.stringValue) == ["critical", "Index 1"])
            #expect(context.debugDescription.contains("nests unbounded quantifiers"))
        }
    }
}

/// Patterns that backtrack without end are refused at load or stopped by the step budget: a
/// count of the engine's progress reports, so the same input stops at the same place whatever
/// the machine's load. (The test finishing is the point: without the budget, the first of these
/// took 51 s and the second did not end within 120 s.)
@Suite struct UserPatternBudgetTests {
    @Test(arguments: ["(a|aa)+y", "(.*a){25}y", "(x+)+y"])
    func catastrophicPatternsAreRefusedOrBounded(_ source: String) throws {
        guard let pattern = try? UserPattern(source) else { return }  // refused at load: fine
        let text = String(repeating: source.hasPrefix("(x") ? "x" : "a", count: 5_000)
        let range = NSRange(location: 0, length: text.utf16.count)
        var found = 0
        // A tenth of the default budget: the bound is the same mechanism, reached sooner.
        let first = pattern.enumerateMatches(in: text, range: range, budget: 200) { _, _ in found += 1 }
        let second = pattern.enumerateMatches(in: text, range: range, budget: 200) { _, _ in found += 1 }
        #expect(first && second, "\(source): stopped at its budget, both times")
        #expect(found == 0)
    }

    @Test func ordinarySearchesStayWithinTheBudget() throws {
        let pattern = try UserPattern("\\bdeploy\\b")
        let text = String(repeating: "build and test, then ", count: 20_000) + "deploy"
        var found: [Int] = []
        let exhausted = pattern.enumerateMatches(in: text, range: NSRange(location: 0, length: text.utf16.count)) { match, _ in
            found.append(match.range.location)
        }
        #expect(!exhausted)
        #expect(found == [text.utf16.count - 6])
    }
}
