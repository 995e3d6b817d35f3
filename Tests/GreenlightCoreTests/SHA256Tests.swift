@testable import GreenlightCore
import Testing

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func millionAs() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(bytes: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct FingerprintTests {
    @Test func ignoresWhitespaceButNotText() {
        let a = Fingerprint.make(rule: "claims.missing-evidence", path: "docs/a.md", matched: "src/a.ts")
        let b = Fingerprint.make(rule: "claims.missing-evidence", path: "docs/a.md", matched: "  src/a.ts \n")
        let c = Fingerprint.make(rule: "claims.missing-evidence", path: "docs/a.md", matched: "src/b.ts")
        let d = Fingerprint.make(rule: "claims.missing-evidence", path: "docs/b.md", matched: "src/a.ts")
        #expect(a == b)
        #expect(a != c)
        #expect(a != d)
        #expect(a.hasPrefix("claims.missing-evidence:docs/a.md:"))
    }

    @Test func repeatedFingerprintsGetOccurrenceSuffixes() {
        let rule = RuleDescription(id: "x.y", severity: .error, summary: "s", rationale: "r", triggering: [], nonTriggering: [])
        var findings = [1, 5, 9].map {
            Finding(rule: rule, path: "a.md", line: $0, column: 1, message: "m", matched: "same")
        }
        Fingerprint.disambiguate(&findings)
        #expect(findings[0].fingerprint.hasSuffix("#2") == false)
        #expect(findings[1].fingerprint == findings[0].fingerprint + "#2")
        #expect(findings[2].fingerprint == findings[0].fingerprint + "#3")
    }
}

@Suite struct PostureTests {
    static let rule = RuleDescription(id: "x.y", severity: .error, summary: "s", rationale: "r", triggering: [], nonTriggering: [])

    func finding(_ severity: Severity, suppressed: Bool = false, baselined: Bool = false) -> Finding {
        var finding = Finding(rule: Self.rule, path: "a", line: 1, column: 1, message: "m", matched: "t")
        finding.severity = severity
        finding.suppressed = suppressed
        finding.baselined = baselined
        return finding
    }

    @Test func redYellowGreen() {
        #expect(Posture(findings: []) == .green)
        #expect(Posture(findings: [finding(.note)]) == .green)
        #expect(Posture(findings: [finding(.warning), finding(.note)]) == .yellow)
        #expect(Posture(findings: [finding(.warning), finding(.error)]) == .red)
        #expect(Posture(findings: [finding(.error, suppressed: true)]) == .green)
        #expect(Posture(findings: [finding(.error, baselined: true), finding(.warning)]) == .yellow)
    }

    @Test func summaryCountsLiveFindingsBySeverity() {
        let summary = Summary(findings: [
            finding(.error), finding(.error, suppressed: true), finding(.warning, baselined: true), finding(.note),
        ])
        #expect(summary == {
            var expected = Summary(findings: [])
            expected.errors = 1
            expected.notes = 1
            expected.suppressed = 1
            expected.baselined = 1
            return expected
        }())
    }
}
