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
