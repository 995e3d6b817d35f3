import Foundation
import GreenlightCore
@testable import GreenlightRules
import Testing

/// The built-in packs: every pattern proves its samples, the committed packs hold no
/// real-looking secret.
@Suite struct SecretPackTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func builtinPacksLoad() throws {
        let packs = try SecretPack.builtin()
        #expect(packs.map(\.name).sorted() == ["secrets-generic", "secrets-tokens"])
        let ids = packs.flatMap { $0.patterns.map(\.id) }
        #expect(Set(ids).count == ids.count)
        for required in ["aws-access-key-id", "aws-secret-access-key", "github-pat", "github-oauth-token", "github-app-token",
                         "github-fine-grained-pat", "openai-api-key", "anthropic-api-key", "google-api-key", "slack-token",
                         "stripe-live-key", "twilio-api-key", "sendgrid-api-key", "npm-access-token", "pypi-token",
                         "private-key", "jwt", "generic-secret-assignment", "generic-password-assignment"] {
            #expect(ids.contains(required), "missing pattern \(required)")
        }
    }

    @Test func everyPatternHasTrueAndFalsePositiveSamples() throws {
        for pack in try SecretPack.builtin() {
            for pattern in pack.patterns {
                let matching = pattern.samples.filter(\.shouldMatch).count
                #expect(matching > 0, "\(pattern.location): \(pattern.id) has no match sample")
                #expect(pattern.samples.count > matching, "\(pattern.location): \(pattern.id) has no no_match sample")
            }
        }
    }

    @Test func everySampleBehavesAsDeclared() throws {
        let scanner = SecretScanner(packs: try SecretPack.builtin())
        let failures = scanner.sampleFailures()
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// A match sample must be found by its own pattern and by no other specific one first —
    /// the message would name the wrong pattern.
    @Test func matchSamplesAreFoundByTheirOwnPattern() throws {
        let scanner = SecretScanner(packs: try SecretPack.builtin())
        for pattern in scanner.patterns {
            for sample in pattern.samples where sample.shouldMatch {
                let found = scanner.scan(Array(sample.expanded.utf8), path: "sample.txt").matches.map(\.pattern.id)
                #expect(found.first == pattern.id, "\(sample.location): found by \(found)")
            }
        }
    }

    /// The committed pack files, as text, trip no pattern: random parts are placeholders.
    @Test func committedPacksHoldNoSecret() throws {
        let scanner = SecretScanner(packs: try SecretPack.builtin())
        let folder = Self.packageRoot + "/checks"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".yml") {
            let yaml = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let found = scanner.scan(Array(yaml.utf8), path: "checks/" + name).matches
            #expect(found.isEmpty, "checks/\(name): \(found.map { "\($0.line):\($0.column) \($0.pattern.id)" })")
        }
    }

    @Test func sampleTemplatesAreDeterministicAndShaped() {
        let first = SecretSample.expand("ghp_{{alnum:36}} and {{hex:8}} and ${{ secrets.X }}")
        #expect(first == SecretSample.expand("ghp_{{alnum:36}} and {{hex:8}} and ${{ secrets.X }}"))
        #expect(first.hasSuffix(" and ${{ secrets.X }}"))
        let token = first.prefix(40)
        #expect(token.hasPrefix("ghp_") && token.dropFirst(4).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(SecretSample.expand("{{nope:3}} {{alnum:x}}") == "{{nope:3}} {{alnum:x}}")
    }
}

/// A pack with a problem is a usage error naming the file, line and column, the pack and the
/// rule.
@Suite struct SecretPackValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let fragments: [String]
        var testDescription: String { name }
    }

    static let rule = "  - id: acme-key\n    title: ACME key\n    keywords: [acme_]\n"

    static let cases: [Case] = [
        Case(name: "invalid regex", yaml: "pack: acme\nrules:\n\(rule)    regex: '(acme_[a-z'\n",
             fragments: ["p.yml:6:12", "invalid regular expression", "pack acme", "rule acme-key"]),
        Case(name: "catastrophic regex", yaml: "pack: acme\nrules:\n\(rule)    regex: '(acme_(a+)+)$'\n",
             fragments: ["p.yml:6:12", "nests unbounded quantifiers", "(a+)+", "pack acme", "rule acme-key"]),
        Case(name: "catastrophic star of star", yaml: "pack: acme\nrules:\n\(rule)    regex: 'acme_(?:\\w*)*x'\n",
             fragments: ["p.yml:6:12", "nests unbounded quantifiers", "rule acme-key"]),
        Case(name: "unknown rule key", yaml: "pack: acme\nrules:\n\(rule)    regex: 'acme_x'\n    severity: high\n",
             fragments: ["p.yml:7:5", "unknown key 'severity'", "pack acme", "rule acme-key"]),
        Case(name: "unknown pack key", yaml: "pack: acme\nowner: sec\nrules: []\n",
             fragments: ["p.yml:2:1", "unknown key 'owner'", "pack acme"]),
        Case(name: "no keywords", yaml: "pack: acme\nrules:\n  - id: a\n    title: A\n    keywords: []\n    regex: x\n",
             fragments: ["p.yml:5:15", "at least one keyword", "rule a"]),
        Case(name: "group out of range", yaml: "pack: acme\nrules:\n\(rule)    regex: 'acme_(x)'\n    group: 3\n",
             fragments: ["p.yml:7:12", "group 3 does not exist", "rule acme-key"]),
        Case(name: "bad allow glob", yaml: "pack: acme\nallow:\n  paths: ['a/[b']\nrules: []\n",
             fragments: ["p.yml:3:11", "invalid glob", "pack acme"]),
        Case(name: "bad allow regex in a rule", yaml: "pack: acme\nrules:\n\(rule)    regex: 'acme_x'\n    allow:\n      regexes: ['(']\n",
             fragments: ["p.yml:8:17", "invalid regular expression", "rule acme-key"]),
        Case(name: "short head word", yaml: "pack: acme\nallow:\n  heads: [segment, id]\nrules: []\n",
             fragments: ["p.yml:3:20", "name word 'id' is shorter than 3 characters", "pack acme"]),
        Case(name: "duplicate rule id", yaml: "pack: acme\nrules:\n\(rule)    regex: 'acme_x'\n\(rule)    regex: 'acme_y'\n",
             fragments: ["p.yml:7:5", "duplicate rule id 'acme-key'", "first at p.yml:3:5"]),
        Case(name: "invalid YAML", yaml: "pack: acme\nrules: [\n", fragments: ["p.yml:", "invalid YAML"]),
        Case(name: "missing regex", yaml: "pack: acme\nrules:\n\(rule)", fragments: ["p.yml:", "missing key 'regex'", "rule acme-key"]),
    ]

    @Test(arguments: cases)
    func invalidPack(_ testCase: Case) {
        do {
            _ = try SecretPack.load(yaml: testCase.yaml, file: "p.yml")
            Issue.record("expected an error for \(testCase.name)")
        } catch let error as ToolError {
            #expect(error.kind == .usage)
            #expect(!error.message.contains("\n"))
            for fragment in testCase.fragments {
                #expect(error.message.contains(fragment), "\(error.message) should contain \(fragment)")
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func nestingCheckKeepsCommonIdioms() {
        for safe in [#"^[a-z]+(?:-[a-z0-9]+)+$"#, #"(?:ab)+"#, #"[A-Za-z0-9_.-]{0,40}?(?:key|secret)"#, #"(?:[_.-][A-Za-z][a-z0-9]*)+"#,
                     #"(-----BEGIN[ A-Z]{0,100}KEY-----[\s\S]{64,}?-----END)"#, #"a\(b+\)+"#, #"[(]a+[)]+"#] {
            #expect(RegexNesting.unboundedGroup(in: safe) == nil, "\(safe)")
        }
        for bad in [#"(a+)+"#, #"(a*)*"#, #"(?:\w+\s?)*$"#, #"((ab)*c*)+"#, #"(x|y+)+"#, #"(.*){2,200}"#] {
            #expect(RegexNesting.unboundedGroup(in: bad) != nil, "\(bad)")
        }
    }
}
