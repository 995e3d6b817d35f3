import GreenlightCore
import Testing

@Suite struct SuppressionTests {
    func parse(_ text: String) -> [Suppression] {
        SuppressionParser.parse(SourceText(path: "f", text: text))
    }

    @Test func parsesIdsAndReasonInEveryCommentStyle() {
        let found = parse("""
            a
            // greenlight:ignore claims.missing-evidence -- moved to v2
            <!-- greenlight:ignore core.bad-suppression, claims.missing-evidence -- legacy doc -->
            x = 1  # greenlight:ignore docker.latest-tag -- pinned upstream
            /* greenlight:ignore ai.no-context -- batch job */
            """)
        #expect(found.map(\.line) == [2, 3, 4, 5])
        #expect(found[0].ruleIDs == ["claims.missing-evidence"])
        #expect(found[0].reason == "moved to v2")
        #expect(found[0].column == 4)
        #expect(found[1].ruleIDs == ["core.bad-suppression", "claims.missing-evidence"])
        #expect(found[1].reason == "legacy doc")
        #expect(found[2].reason == "pinned upstream")
        #expect(found[3].reason == "batch job")
    }

    @Test func missingReasonIsInvalid() {
        let found = parse("<!-- greenlight:ignore claims.missing-evidence -->\n// greenlight:ignore x.y --\n")
        #expect(found.count == 2)
        #expect(found.allSatisfy { !$0.isValid })
        #expect(found[0].ruleIDs == ["claims.missing-evidence"])
    }

    @Test func coversItsLineAndTheNext() {
        let suppression = parse("\n\n// greenlight:ignore a.b -- why\n")[0]
        #expect(suppression.covers(rule: "a.b", line: 3))
        #expect(suppression.covers(rule: "a.b", line: 4))
        #expect(!suppression.covers(rule: "a.b", line: 5))
        #expect(!suppression.covers(rule: "a.b", line: 2))
        #expect(!suppression.covers(rule: "a.c", line: 4))
    }

    @Test func keywordMustStandAlone() {
        #expect(parse("let k = \"greenlight:ignored\"\n").isEmpty)
        #expect(parse("no keyword here\n").isEmpty)
    }

    @Test func aLineOfRepeatedKeywordsIsOneSuppression() {
        // The hostile line: 4,000 repeats of an HTML comment opener and the keyword.
        let line = String(repeating: "<!-- greenlight:ignore ", count: 4_000)
        let found = parse(line + "\n")
        #expect(found.count == 1)
        #expect(found[0].reason == nil)
        #expect(found[0].text.count == 200, "the fingerprint text is bounded")
        let withReason = parse(String(repeating: "<!--", count: 2_000) + " greenlight:ignore a.b -- " + String(repeating: "x-->", count: 2_000) + "\n")
        #expect(withReason.first?.reason?.hasPrefix("x-->x") == true)
    }

    @Test func byteSearch() {
        #expect(ByteSearch.contains("abc greenlight:ignore", "greenlight:ignore"))
        #expect(!ByteSearch.contains("greenlight:ignor", "greenlight:ignore"))
        #expect(ByteSearch.contains("ggggreen", "green"))
        #expect(!ByteSearch.contains("", "a"))
    }
}

@Suite struct SourceTextTests {
    @Test func linesAndBOMAndInvalidUTF8() {
        let text = SourceText(path: "a", bytes: [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\n".utf8) + [0xFF, 0x41])
        #expect(text.lines == ["one", "two", "\u{FFFD}A"])
        #expect(text.line(2) == "two")
        #expect(text.line(9) == "")
    }
}
