import Foundation
import GreenlightTestSupport
import Testing

/// A valid configuration changes what the gate says.
struct ConfigEffect: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String?
    let arguments: [String]
    let exit: Int32
    /// The start of the text summary line.
    let summary: String
    let listed: [String]

    var testDescription: String { name }
}

@Suite("CLI: configuration and rule selection change the verdict")
struct ConfigEffectTests {
    static let effects: [ConfigEffect] = [
        ConfigEffect(
            name: "no configuration: the rule's default is a note", yaml: nil, arguments: [], exit: 0,
            summary: "GREEN: 0 errors, 0 warnings, 1 note", listed: ["docs/readiness.md:3:23: note:"]
        ),
        ConfigEffect(
            name: "severity error", yaml: Docs.blocking, arguments: [], exit: 1,
            summary: "RED: 1 error, 0 warnings", listed: [Docs.falseClaimLocation]
        ),
        ConfigEffect(
            name: "exclude docs/**", yaml: "exclude: [\"docs/**\"]\n", arguments: [], exit: 0,
            // No readiness document is left to read: a note says no claim was checked.
            summary: "GREEN: 0 errors, 0 warnings, 1 note", listed: [".greenlight.yml: note: no readiness document found"]
        ),
        ConfigEffect(
            name: "include src/** only", yaml: "include:\n  - \"src/**\"\n", arguments: [], exit: 0,
            // No readiness document is left to read: a note says no claim was checked.
            summary: "GREEN: 0 errors, 0 warnings, 1 note", listed: [".greenlight.yml: note: no readiness document found"]
        ),
        ConfigEffect(
            name: "severity warning", yaml: "rules: {claims.missing-evidence: warning}\n", arguments: [], exit: 0,
            summary: "YELLOW: 0 errors, 1 warning, 0 notes", listed: ["docs/readiness.md:3:23: warning:"]
        ),
        ConfigEffect(
            name: "severity note", yaml: "rules:\n  claims.missing-evidence:\n    severity: note\n", arguments: [], exit: 0,
            summary: "GREEN: 0 errors, 0 warnings, 1 note", listed: ["docs/readiness.md:3:23: note:"]
        ),
        ConfigEffect(
            name: "rule off", yaml: "rules: {claims.missing-evidence: off}\n", arguments: [], exit: 0,
            summary: "GREEN: 0 errors, 0 warnings, 0 notes", listed: []
        ),
        ConfigEffect(
            name: "claims.docs selects other documents", yaml: "claims:\n  docs: [\"plan/*.md\"]\n",
            // The pattern selects no file: said at its position, never a quiet GREEN.
            arguments: [], exit: 0, summary: "YELLOW: 0 errors, 1 warning",
            listed: [".greenlight.yml:2:11: warning: claims.docs pattern `plan/*.md` selects no file"]
        ),
        ConfigEffect(
            name: "--skip claims", yaml: Docs.blocking, arguments: ["--skip", "claims"], exit: 0,
            summary: "GREEN: 0 errors, 0 warnings, 0 notes", listed: []
        ),
        ConfigEffect(
            name: "--only core", yaml: Docs.blocking, arguments: ["--only", "core"], exit: 0,
            summary: "GREEN: 0 errors", listed: []
        ),
        ConfigEffect(
            name: "--only claims", yaml: Docs.blocking, arguments: ["--only", "claims"], exit: 1,
            summary: "RED: 1 error", listed: [Docs.falseClaimLocation]
        ),
        ConfigEffect(
            name: "an empty configuration file", yaml: "", arguments: [], exit: 0,
            summary: "GREEN: 0 errors, 0 warnings, 1 note", listed: ["docs/readiness.md:3:23: note:"]
        ),
    ]

    @Test("configuration and --only/--skip decide exit code and posture", arguments: effects)
    func effect(_ effect: ConfigEffect) throws {
        let fixture = try GitFixture(files: Docs.files(config: nil))
        if let yaml = effect.yaml { try fixture.write(".greenlight.yml", yaml) }
        let path = try #require(CLI.executable)
        let result = try CLI.run(path, ["check", "--repo", fixture.root] + effect.arguments, in: fixture.container, environment: CLI.environment())
        #expect(result.status == effect.exit, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.summaryLine.hasPrefix(effect.summary), "\(result)")
        let listed = findingLines(result.stdout)
        #expect(listed.count == effect.listed.count, "\(result)")
        for (line, prefix) in zip(listed, effect.listed) {
            #expect(line.hasPrefix(prefix), "\(result)")
        }
    }

    @Test("--config FILE is used instead of .greenlight.yml")
    func explicitConfig() throws {
        let fixture = try GitFixture(files: Docs.files(config: nil))
        try fixture.write(".greenlight.yml", "rules: {claims.missing-evidence: off}\n")
        let elsewhere = fixture.container + "/strict.yml"
        try "rules: {claims.missing-evidence: error}\n".write(toFile: elsewhere, atomically: true, encoding: .utf8)

        let byDefault = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(byDefault.status == 0, "\(byDefault)")
        let explicit = try CLI.greenlight("check", "--repo", fixture.root, "--config", elsewhere)
        #expect(explicit.status == 1, "\(explicit)")
        #expect(lines(of: explicit.stdout, containing: Docs.falseClaimLocation).count == 1, "\(explicit)")
    }
}
