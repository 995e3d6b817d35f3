import Foundation
import GreenlightCore
@testable import GreenlightRules
import Testing

/// The scanner on its own: keyword prefilter, positions, allowlists, and every kind of bad
/// input — binary, huge lines, invalid UTF-8, catastrophic patterns, thousands of matches.
@Suite struct SecretScannerTests {
    static let token = SecretSample.make("ghp_", "alnum", 36, salt: "scanner")
    static let stripe = SecretSample.make("sk_live_", "alnum", 32, salt: "scanner")

    func scanner(_ extra: [SecretPack] = [], allow: SecretAllowlist = SecretAllowlist(), cap: Int = 100) throws -> SecretScanner {
        var limits = SecretScanner.Limits()
        limits.maxFindingsPerFile = cap
        return SecretScanner(packs: try SecretPack.builtin() + extra, allow: allow, limits: limits)
    }

    @Test func keywordMatcherFindsEveryOccurrenceCaseFolded() {
        let matcher = KeywordMatcher(["he", "she", "his", "hers", "GHP_"])
        var hits: [String] = []
        let text = Array("ushers GhP_ SHE".utf8)
        text.withUnsafeBytes { raw in matcher.scan(raw) { hits.append("\(matcher.keywords[$0])@\($1)") } }
        #expect(hits == ["she@4", "he@4", "hers@6", "ghp_@11", "she@15", "he@15"])
        #expect(!matcher.containsAny(Array("nothing to see".utf8)))
    }

    @Test func positionsAreLinesAndScalarColumns() throws {
        let text = "\u{FEFF}x = \"\(Self.token)\"\r\n# héllo wörld\nkey: «\(Self.stripe)»\n"
        let result = try scanner().scan(Array(text.utf8), path: "a.txt")
        let found = result.matches.map { "\($0.line):\($0.column) \($0.pattern.id)" }
        #expect(found == ["1:6 github-pat", "3:7 stripe-live-key"])
        let source = SourceText(path: "a.txt", bytes: Array(text.utf8))
        #expect(source.line(3).unicodeScalars.dropFirst(6).starts(with: "sk_live_".unicodeScalars))
    }

    @Test func filesWithoutKeywordsAreNotSearched() throws {
        let text = String(repeating: "let value = compute(42) // nothing here\n", count: 2000)
        #expect(try scanner().scan(Array(text.utf8), path: "a.swift").matches.isEmpty)
    }

    @Test func allowlistsByPathRegexAndStopword() throws {
        let allow = SecretAllowlist(paths: [try Glob("fixtures/**")], regexes: [try BoundedRegex("^sk_live_")], stopwords: ["sandbox"])
        let scanner = try scanner(allow: allow)
        let bytes = Array("a = \(Self.token)\nb = \(Self.stripe)\nc = ghp_SANDBOX\(Self.token.dropFirst(11))\n".utf8)
        #expect(scanner.scan(bytes, path: "fixtures/x.txt").matches.isEmpty)
        #expect(scanner.scan(bytes, path: "src/x.txt").matches.map(\.line) == [1])
    }

    @Test func nameWordsAreWordsOfTheIdentifier() {
        #expect(SecretAllowlist.words(of: "APIKeySHA256_tool_callId") == ["api", "key", "sha", "256", "tool", "call", "id"])
        let allow = SecretAllowlist(names: ["id", "site_key", "redacted"])
        #expect(allow.allowsName("tool_call_id"))
        #expect(allow.allowsName("requestId"))
        #expect(allow.allowsName("RECAPTCHA_SITE_KEY"))
        #expect(allow.allowsName("siteKey"))
        #expect(allow.allowsName("REDACTED_CREDENTIAL_VALUE"))
        #expect(!allow.allowsName("providerToken"))
        #expect(!allow.allowsName("validSecret"))
    }

    /// A head word counts only as the name's last word: the noun the other words qualify.
    @Test func headWordsAreTheLastWordOfTheName() {
        let allow = SecretAllowlist(heads: ["segment", "header"])
        #expect(allow.allowsName("PASSWORD_METHOD_ROUTE_SEGMENT"))
        #expect(allow.allowsName("apiKeyHeader"))
        #expect(!allow.allowsName("SEGMENT_WRITE_KEY"))
        #expect(!allow.allowsName("headerSecret"))
    }

    @Test func specificPatternWinsOverGenericOnTheSameValue() throws {
        let result = try scanner().scan(Array("GITHUB_TOKEN = \"\(Self.token)\"\n".utf8), path: "a.py")
        #expect(result.matches.map(\.pattern.id) == ["github-pat"])
    }

    @Test func binaryAndInvalidUTF8DoNotCrashAndStillFind() throws {
        var bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x80, 0xC3] + Array(" token=\(Self.token) ".utf8) + [0xE2, 0x82]
        bytes += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let result = try scanner().scan(bytes, path: "blob.bin")
        #expect(result.matches.map(\.pattern.id) == ["github-pat"])
        #expect(result.matches.first?.secret == Self.token)
        // Columns count what SourceText shows: invalid bytes become U+FFFD.
        let shown = SourceText(path: "x", bytes: bytes).line(1)
        let column = try #require(result.matches.first?.column)
        #expect(String(shown.unicodeScalars.dropFirst(column - 1).prefix(4)) == "ghp_")
    }

    @Test func tenMegabyteSingleLineIsScannedQuickly() throws {
        var line = [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20)
        let secret = Array(" \(Self.token) ".utf8)
        line.replaceSubrange((5 << 20)..<((5 << 20) + secret.count), with: secret)
        // Keywords everywhere: "key" every 4 KiB, on the same line.
        for offset in stride(from: 1000, to: line.count - 10, by: 4096) where !(5 << 20 ..< (5 << 20) + 64).contains(offset) {
            line.replaceSubrange(offset..<(offset + 3), with: Array("key".utf8))
        }
        let start = Date()
        let result = try scanner().scan(line, path: "huge.min.js")
        // A guard against quadratic work only (6 s measured on a busy machine).
        #expect(Date().timeIntervalSince(start) < 120)
        #expect(result.matches.map(\.pattern.id) == ["github-pat"])
        #expect(result.matches.first?.line == 1)
        #expect(result.matches.first?.column == (5 << 20) + 2)
    }

    @Test func thousandsOfMatchesAreCappedAndSaidSo() throws {
        let text = (0..<3000).map { "k\($0) = \(SecretSample.make("ghp_", "alnum", 36, salt: "\($0)"))\n" }.joined()
        let result = try scanner(cap: 50).scan(Array(text.utf8), path: "dump.txt")
        #expect(result.matches.count == 50)
        #expect(result.capped)
    }

    @Test func catastrophicUserRegexIsStoppedAtTheSamePlaceUnderAnyLoad() throws {
        // Not caught by the nesting check (an alternation of overlapping branches): the step
        // budget stops it — a count of the engine's progress reports, not a clock.
        let pack = try SecretPack.load(yaml: """
            pack: slow
            rules:
              - id: slow-one
                title: slow
                keywords: [aaaa]
                regex: '(?:a|aa)+$'
              - id: plain-one
                title: plain
                keywords: [KEY_]
                regex: 'KEY_[0-9]{8}'
            """, file: "slow.yml")
        let scanner = try scanner([pack])
        let text = Array(("KEY_12345678\n" + String(repeating: "a", count: 600) + "!\n" + "KEY_87654321\n").utf8)
        let sequential = (0..<2).map { scanner.scan(text, path: "f\($0).txt") }
        // The same scans on both cores at once, while the rest of the suite loads the machine.
        let parallel = try OrderedParallelMap.map(Array(0..<2), concurrently: true) { scanner.scan(text, path: "f\($0).txt") }
        for result in sequential + parallel {
            // Every file says where its search stopped: no state carries from one file to the next.
            #expect(result.exhausted.map { "\($0.pattern.id) \($0.line):\($0.column)" } == ["slow-one 2:1"])
            #expect(result.matches.map { "\($0.line):\($0.column)" } == ["1:1", "3:1"])
        }
    }

    @Test func entropyOfKnownStrings() {
        #expect(SecretScanner.entropy(of: "") == 0)
        #expect(SecretScanner.entropy(of: "aaaa") == 0)
        #expect(abs(SecretScanner.entropy(of: "abcd") - 2) < 1e-9)
        #expect(SecretScanner.entropy(of: Self.token) > 4)
    }

    @Test func redactionShowsAtMostFourCharacters() {
        let redacted = RedactedSecret(Self.token)
        #expect(redacted.prefix == "ghp_")
        #expect(redacted.length == 40)
        #expect(redacted.fingerprint.count == 12)
        #expect(!redacted.description.contains(String(Self.token.dropFirst(4).prefix(4))))
        #expect(RedactedSecret("hunter22").prefix == "hu")
        #expect(RedactedSecret("short").prefix.isEmpty)
        #expect(RedactedSecret(Self.token).fingerprint == redacted.fingerprint)
    }
}

