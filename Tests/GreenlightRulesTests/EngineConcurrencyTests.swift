import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// A family whose rules run at once: each shared value and each parse is built once, whichever
/// rule asks first, and the findings come back in rule order.
@Suite struct EngineConcurrencyTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func add(_ name: String) { lock.withLock { counts[name, default: 0] += 1 } }
        func count(_ name: String) -> Int { lock.withLock { counts[name, default: 0] } }
    }

    static let builds = Counter()
    static let ledger = SharedKey<[String]>("test.ledger")
    static let lines = ParserKey<Int>("test.lines")

    /// What every rule of the family shares: a ledger built slowly (so that the rules ask for it
    /// while it is being built), and every file's parse.
    static func ledger(_ context: RuleContext) throws -> [String] {
        try context.shared(ledger) {
            builds.add("ledger")
            var total = 0
            for index in 0..<200_000 { total &+= index % 7 }
            let texts = try context.textFiles { $0.hasSuffix(".txt") }
            return texts.map { text in
                let count = context.parsed(lines, text, parse: lineCount)
                return "\(text.path):\(count):\(total % 2)"
            }
        }
    }

    static func lineCount(_ text: SourceText) -> Int {
        builds.add("parse " + text.path)
        return text.lines.count
    }

    struct First: Rule {
        static let description = RuleDescription(
            id: "test.first", severity: .error, summary: "first", rationale: "first", triggering: [], nonTriggering: [])
        func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
            try EngineConcurrencyTests.ledger(context).map {
                Finding(rule: Self.description, path: "a.txt", line: 1, column: 1, message: "first " + $0, matched: $0)
            }
        }
    }

    struct Second: Rule {
        static let description = RuleDescription(
            id: "test.second", severity: .error, summary: "second", rationale: "second", triggering: [], nonTriggering: [])
        func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
            try EngineConcurrencyTests.ledger(context).reversed().map {
                Finding(rule: Self.description, path: "b.txt", line: 1, column: 1, message: "second " + $0, matched: $0)
            }
        }
    }

    enum TestFamily: Family {
        static let name = "test"
        static let rules: [any Rule.Type] = [First.self, Second.self, First.self, Second.self]
        static let checksRulesConcurrently = true
        static func prepare(_ context: RuleContext) {
            let entries = context.snapshot.entries.filter { $0.path.hasSuffix(".txt") }
            context.parseAhead(entries, lines, parse: EngineConcurrencyTests.lineCount)
        }
    }

    @Test func sharedValuesAreBuiltOnceAndFindingsKeepRuleOrder() throws {
        var files: [String: String] = [:]
        for index in 0..<40 { files["f\(index).txt"] = String(repeating: "line\n", count: index + 1) }
        let repository = MemoryRepository(files: files, commitTime: Date(timeIntervalSince1970: 0))
        repository.readsConcurrently = true
        let sequential = MemoryRepository(files: files, commitTime: Date(timeIntervalSince1970: 0))
        let engine = Engine(families: [TestFamily.self])
        let parallel = try engine.run(snapshot: repository.snapshot(config: Config()), config: Config(), now: Date())
        #expect(Self.builds.count("ledger") == 1)
        #expect((0..<40).allSatisfy { Self.builds.count("parse f\($0).txt") == 1 })
        let plain = try engine.run(snapshot: sequential.snapshot(config: Config()), config: Config(), now: Date())
        #expect(parallel.map(\.message) == plain.map(\.message))
        #expect(parallel.count == 160)
    }
}
