import GreenlightCore

/// A readiness document's statement that tests pass — "30/31 tests PASS", "56 Tests Passing",
/// "All unit tests pass (50/50)", "tests PASS (11 files)" — wherever it is written: a checked
/// item, a ✅ heading, a table row, a plain bullet. An unchecked item claims nothing yet.
struct TestResultClaim: Equatable {
    let line: Int
    let column: Int
    /// The words that make the claim, as written.
    let phrase: String
    /// Tests said to pass, when a number is given.
    let passed: Int?
    /// Tests said to exist, when a fraction is given (`30/31`).
    let total: Int?
}

/// Finds test-result claims on words, not patterns: `tests` (or a counted `test`) followed by a verb of
/// passing (`pass`, `passing`, `passed`, `green`), with a count or fraction just before
/// (`56 unit tests passing`), just after (`tests: 56 passed`, `tests pass (50/50)`), or none
/// (`all tests pass`: every test). A fraction followed by `tests` on a line marked done (✅)
/// claims the same. Negated ("no tests pass", "tests not passing") and conditional
/// ("until tests pass", "once tests pass") statements are not claims. Fenced code is skipped.
enum TestResultClaims {
    static func scan(_ source: SourceText) -> [TestResultClaim] {
        guard ByteSearch.containsIgnoringCase(source.text, "test") else { return [] }
        var claims: [TestResultClaim] = []
        MarkdownLines.forEach(in: source) { number, line, _ in
            guard ByteSearch.containsIgnoringCase(line, "test") else { return }
            if let item = TaskListParser.item(in: line, number: number), !item.isDone { return }
            if let claim = claim(in: line, number: number) { claims.append(claim) }
        }
        return claims
    }

    private struct Token {
        let text: String
        let start: Substring.Index
        let end: Substring.Index
        var number: Int? { text.count <= 7 ? Int(text) : nil }
        /// `30/31` as (30, 31).
        var fraction: (Int, Int)? {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 7 }),
                  let passed = Int(parts[0]), let total = Int(parts[1]), passed <= total, total > 0 else { return nil }
            return (passed, total)
        }
    }

    static let passWords: Set<String> = ["pass", "passes", "passing", "passed", "green"]
    static let testWords: Set<String> = ["test", "tests"]
    /// Words between `tests` and the verb: "tests are passing", "tests all pass".
    static let linkWords: Set<String> = ["are", "all", "now", "still", "both", "have", "do", "each"]
    /// What may stand between the words of one phrase: `**56** unit tests`, `` `e2e` tests ``.
    static let phraseGlue: Set<Character> = [" ", "*", "_", "`", "-", "\t"]
    static let negations: Set<String> = ["not", "no", "never", "fail", "failing", "failed", "until", "once", "if", "when",
                                         "unless", "should", "must", "will", "to", "make", "ensure", "whether"]

    private static func claim(in line: Substring, number: Int) -> TestResultClaim? {
        let tokens = tokenise(line)
        for (index, token) in tokens.enumerated() {
            if testWords.contains(token.text) {
                var verb = index + 1
                var count: Int?
                var fraction: (Int, Int)?
                while verb < tokens.count, verb - index <= 2, linkWords.contains(tokens[verb].text) { verb += 1 }
                // `Tests: 56 passed` (a runner's summary).
                if verb < tokens.count, let value = tokens[verb].number { count = value; verb += 1 }
                guard verb < tokens.count, passWords.contains(tokens[verb].text) else { continue }
                if tokens[max(0, index - 4)..<index].contains(where: { negations.contains($0.text) })
                    || tokens[(verb + 1)..<min(tokens.count, verb + 2)].contains(where: { $0.text == "not" }) { continue }
                var start = index
                // Just before: `56 unit tests`, `30/31 tests`, `all golden tests`.
                for back in stride(from: index - 1, through: max(0, index - 4), by: -1) {
                    // Within one phrase: `Phase 1: vitest + scripts tests` counts nothing.
                    guard line[tokens[back].end..<tokens[back + 1].start].allSatisfy(phraseGlue.contains) else { break }
                    if let value = tokens[back].fraction { fraction = value; start = back; break }
                    if count == nil, let value = tokens[back].number { count = value; start = back; break }
                    if tokens[back].text == "all" { start = back; break }
                }
                // "Load test passed" names one test, not a suite's count.
                if token.text == "test" && fraction == nil && count == nil { continue }
                var end = verb
                // Just after: `pass (50/50)`.
                if fraction == nil, count == nil, verb + 1 < tokens.count, let value = tokens[verb + 1].fraction {
                    fraction = value
                    end = verb + 1
                }
                return make(line, number, tokens[start].start, tokens[end].end, passed: fraction?.0 ?? count, total: fraction?.1)
            }
            // `all passing (235 tests)`.
            if passWords.contains(token.text), index + 2 < tokens.count, let value = tokens[index + 1].number,
               testWords.contains(tokens[index + 2].text),
               !tokens[max(0, index - 3)..<index].contains(where: { negations.contains($0.text) }) {
                return make(line, number, token.start, tokens[index + 2].end, passed: value, total: nil)
            }
            // `✅ 56/56 tests`.
            if let value = token.fraction, index + 1 < tokens.count, testWords.contains(tokens[index + 1].text),
               StatusMarkers.doneSymbols.contains(where: { ByteSearch.contains(String(line), $0) }) {
                return make(line, number, token.start, tokens[index + 1].end, passed: value.0, total: value.1)
            }
        }
        return nil
    }

    private static func make(_ line: Substring, _ number: Int, _ start: Substring.Index, _ end: Substring.Index,
                             passed: Int?, total: Int?) -> TestResultClaim {
        TestResultClaim(line: number, column: SourceText.column(of: start, in: line), phrase: String(line[start..<end]),
                        passed: passed, total: total)
    }

    /// Runs of ASCII letters, digits and `/` (a fraction), lower-cased, with their bounds.
    private static func tokenise(_ line: Substring) -> [Token] {
        var tokens: [Token] = []
        var start: Substring.Index?
        var index = line.startIndex
        func flush(_ end: Substring.Index) {
            guard let from = start else { return }
            var text = line[from..<end].lowercased()
            // A slash only inside a fraction: `pass/fail` is two words.
            if text.contains("/"), !text.allSatisfy({ $0.isNumber || $0 == "/" }) {
                text = text.replacingOccurrences(of: "/", with: " ")
            }
            tokens.append(Token(text: text, start: from, end: end))
            start = nil
        }
        while index < line.endIndex {
            let char = line[index]
            if char.isASCII && (char.isLetter || char.isNumber || char == "/") {
                if start == nil { start = index }
            } else {
                flush(index)
            }
            index = line.index(after: index)
        }
        flush(line.endIndex)
        return tokens
    }
}
