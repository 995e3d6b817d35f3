import Foundation
import GreenlightTestSupport
import Testing

/// `check --format sarif|junit|github` end to end: the built binary on real repositories.
@Suite("CLI: SARIF, JUnit and GitHub formats")
struct CIFormatEndToEndTests {
    static let now = "2026-11-21T09:00:00Z"

    /// One false claim (blocking), one suppressed, one baselined, one item that cites nothing (warning).
    static func repository() throws -> GitFixture {
        let fixture = try GitFixture(files: Docs.files(extra: [
            "docs/STATUS.md": """
                # Status
                <!-- greenlight:ignore claims.missing-evidence -- ships with the v2 gateway -->
                - [x] Gateway — `src/gateway.ts`
                - [x] Cache — `src/cache.ts`
                - [x] Talked to the team

                """,
        ]))
        // Baseline the cache claim only: record a baseline, then keep its one entry for the cache.
        let baseline = fixture.container + "/baseline.json"
        let recorded = try CLI.greenlight("baseline", "--repo", fixture.root, "--output", baseline, "--now", now)
        guard recorded.status == 0 else { throw CLIError("baseline failed: \(recorded)") }
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        var kept = object
        kept["findings"] = (object["findings"] as? [[String: Any]] ?? []).filter {
            ($0["fingerprint"] as? String ?? "").hasPrefix("claims.missing-evidence:docs/STATUS.md")
        }
        try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys]).write(to: URL(fileURLWithPath: baseline))
        return fixture
    }

    @Test("sarif: valid against the SARIF 2.1.0 schema, deterministic, suppressions and fingerprints",
          .enabled(if: JSONSchemaValidator.available, "python3 with the jsonschema module is not installed"))
    func sarif() throws {
        let fixture = try Self.repository()
        let arguments = ["check", "--repo", fixture.root, "--format", "sarif", "--now", Self.now,
                         "--baseline", fixture.container + "/baseline.json"]
        let first = try CLI.run(try #require(CLI.executable), arguments, in: fixture.container, environment: CLI.environment())
        let second = try CLI.run(try #require(CLI.executable), arguments, in: fixture.container, environment: CLI.environment())
        #expect(first.status == 1, "\(first)")
        #expect(first.stderr.isEmpty, "\(first)")
        #expect(first.stdoutBytes == second.stdoutBytes, "SARIF differs between runs")

        let file = fixture.container + "/greenlight.sarif"
        try Data(first.stdoutBytes).write(to: URL(fileURLWithPath: file))
        let validation = try JSONSchemaValidator.validate(file)
        #expect(validation.status == 0, "SARIF fails the 2.1.0 schema: \(validation)")

        let run = try #require((try first.json()["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let summary = results.map { result -> String in
            let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) ?? [:]
            let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "-"
            let region = physical["region"] as? [String: Any] ?? [:]
            let kinds = (result["suppressions"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            return "\(result["level"] ?? "?") \(uri):\(region["startLine"] ?? 0):\(region["startColumn"] ?? 0) \(result["ruleId"] ?? "?") \(kinds)"
        }
        #expect(summary == [
            "error docs/STATUS.md:3:18 claims.missing-evidence [\"inSource\"]",
            "error docs/STATUS.md:4:16 claims.missing-evidence [\"external\"]",
            "warning docs/STATUS.md:5:1 claims.no-evidence []",
            "error docs/readiness.md:3:23 claims.missing-evidence []",
        ], "\(summary)")
        let inSource = try #require(results.first { ($0["suppressions"] as? [[String: Any]])?.first?["kind"] as? String == "inSource" })
        #expect((inSource["suppressions"] as? [[String: Any]])?.first?["justification"] as? String == "ships with the v2 gateway")
        for result in results {
            let fingerprint = (result["partialFingerprints"] as? [String: String])?["greenlightFingerprint/v1"]
            #expect(fingerprint?.hasPrefix("\(result["ruleId"] as? String ?? ""):") == true, "\(result)")
        }

        // One run can write annotations and SARIF alike (`--sarif-output`): the same bytes.
        let both = fixture.container + "/both.sarif"
        let combined = try CLI.run(try #require(CLI.executable), ["check", "--repo", fixture.root, "--format", "github", "--now", Self.now,
                                   "--baseline", fixture.container + "/baseline.json", "--sarif-output", both],
                                   in: fixture.container, environment: CLI.environment())
        #expect(combined.status == 1 && combined.stdout.contains("::error "), "\(combined)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: both)) == Data(first.stdoutBytes))

        // Every rule links to its entry in docs/rules.md; secrets rules are security alerts.
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] as? String == "https://github.com/greenlight/greenlight", "\(driver)")
        let descriptors = try #require(driver["rules"] as? [[String: Any]])
        let reference = try String(contentsOfFile: CLI.packageRoot + "/docs/rules.md", encoding: .utf8)
        for descriptor in descriptors {
            let id = try #require(descriptor["id"] as? String)
            let uri = try #require(descriptor["helpUri"] as? String, "\(descriptor)")
            #expect(uri.hasPrefix("https://github.com/greenlight/greenlight/blob/main/docs/rules.md#"), "\(uri)")
            #expect(reference.contains("\n### \(id)\n"), "docs/rules.md has no heading for \(id)")
            let properties = descriptor["properties"] as? [String: Any] ?? [:]
            let tags = properties["tags"] as? [String] ?? []
            if id.hasPrefix("secrets.") {
                #expect(tags.contains("security") && properties["security-severity"] as? String != nil, "\(descriptor)")
            } else {
                #expect(!tags.contains("security") && properties["security-severity"] == nil, "\(descriptor)")
            }
        }
        #expect(descriptors.contains { ($0["id"] as? String) == "secrets.leak"
            && ($0["properties"] as? [String: Any])?["security-severity"] as? String == "8.0" })

        // The golden SARIF of the report tests holds the rest: a whole-file finding, an endpoint
        // (a logical location), a baselined finding, a rule override, a note.
        let golden = CLI.packageRoot + "/Tests/GreenlightReportTests/Golden/check.sarif"
        let goldenValidation = try JSONSchemaValidator.validate(golden)
        #expect(goldenValidation.status == 0, "the golden SARIF fails the 2.1.0 schema: \(goldenValidation)")

        // The validator can fail: a result with an unknown level is rejected.
        let broken = String(decoding: first.stdoutBytes, as: UTF8.self)
            .replacingOccurrences(of: "\"level\" : \"warning\"", with: "\"level\" : \"severe\"")
        let brokenFile = fixture.container + "/broken.sarif"
        try Data(broken.utf8).write(to: URL(fileURLWithPath: brokenFile))
        #expect(try JSONSchemaValidator.validate(brokenFile).status != 0)
    }

    @Test("junit: parsed back, one suite per family, failures agree with the gate")
    func junit() throws {
        let fixture = try Self.repository()
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--format", "junit", "--now", Self.now,
                                        "--baseline", fixture.container + "/baseline.json")
        #expect(result.status == 1, "\(result)")
        let document = try JUnitDocument.parse(result.stdout)
        let families = try CLI.greenlight("rules", "--format", "json").json(array: true).compactMap { $0["family"] as? String }
        var seen: [String] = []
        for family in families where !seen.contains(family) { seen.append(family) }
        #expect(document.suites.map(\.name) == seen, "one suite per family, in catalog order")
        let claims = try #require(document.suites.first { $0.name == "claims" })
        let failing = claims.cases.filter { $0.failure != nil }
        #expect(failing.map(\.name) == ["claims.missing-evidence — docs/readiness.md"])
        #expect(failing.first?.failure?.hasPrefix("docs/readiness.md:3:23: done item cites `src/rateLimit.ts`") == true)
        #expect(claims.cases.map(\.name).contains("claims.missing-evidence — docs/STATUS.md"))
        #expect(claims.cases.map(\.name).contains("claims.no-evidence — docs/STATUS.md"))
        #expect(claims.cases.map(\.name).contains("claims.open-children"), "a rule that found nothing is a passing case")
        #expect(document.attributes["failures"] == "1")
        let total = document.suites.reduce(0) { $0 + $1.cases.count }
        #expect(document.attributes["tests"] == String(total))
        #expect(document.suites.allSatisfy { $0.attributes["tests"] == String($0.cases.count) })

        let skipped = try CLI.greenlight("check", "--repo", fixture.root, "--format", "junit", "--only", "claims")
        #expect(try JUnitDocument.parse(skipped.stdout).suites.map(\.name) == ["claims"])
    }

    @Test("github: annotations, the remainder counted, the step summary appended")
    func github() throws {
        let fixture = try Self.repository()
        let summary = fixture.container + "/summary.md"
        try Data("# Earlier step\n".utf8).write(to: URL(fileURLWithPath: summary))
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--format", "github", "--now", Self.now,
                                        environment: CLI.environment(extra: ["GITHUB_STEP_SUMMARY": summary]))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(
            "::error file=docs/readiness.md,line=3,col=23,title=claims.missing-evidence::done item cites `src/rateLimit.ts`, which does not exist in commit \(try fixture.git("rev-parse", "--short=12", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines))"),
            "\(result)")
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 2, "\(result)")
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 1, "\(result)")
        #expect(lines.last?.hasPrefix("RED: 2 errors, 1 warning") == true, "\(result)")
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.hasPrefix("# Earlier step\n# Greenlight: RED\n"), "\(written)")
        #expect(written.contains("| error | `docs/readiness.md:3:23` | `claims.missing-evidence` |"), "\(written)")

        let capped = try CLI.greenlight("check", "--repo", fixture.root, "--format", "github", "--max-annotations", "1")
        let cappedLines = capped.stdout.split(separator: "\n")
        #expect(cappedLines.filter { $0.hasPrefix("::") }.count == 2, "\(capped)")
        #expect(cappedLines.contains { $0.hasPrefix("greenlight: 1 more finding not annotated") && $0.contains("1 error; listed here") },
                "\(capped)")
        // What is not annotated is still in the log, as a plain line.
        #expect(cappedLines.filter { !$0.hasPrefix("::") && $0.contains(": error: ") && $0.hasSuffix("[claims.missing-evidence]") }.count == 1,
                "\(capped)")

        // A step summary near GitHub's 1 MiB limit: the report is cut at a line, and what was cut is counted.
        let full = fixture.container + "/full-summary.md"
        let earlier = String(repeating: "x", count: 1_044_100) + "\n"
        try Data(earlier.utf8).write(to: URL(fileURLWithPath: full))
        let near = try CLI.greenlight("check", "--repo", fixture.root, "--format", "github",
                                      environment: CLI.environment(extra: ["GITHUB_STEP_SUMMARY": full]))
        #expect(near.status == 1, "\(near)")
        let nearText = try String(contentsOfFile: full, encoding: .utf8)
        let size = nearText.utf8.count
        #expect(size <= 1_048_576, "\(size)")
        let tail = String(nearText.dropFirst(earlier.count))
        #expect(tail.hasPrefix("# Greenlight: RED\n"), "\(tail)")
        #expect(tail.contains("more findings not shown**: GitHub drops a step summary over 1 MiB"), "\(tail)")

        let missingFolder = try CLI.greenlight("check", "--repo", fixture.root, "--format", "github",
                                               environment: CLI.environment(extra: ["GITHUB_STEP_SUMMARY": fixture.container + "/no/such/summary.md"]))
        #expect(missingFolder.status == 3, "\(missingFolder)")
        #expect(missingFolder.stderr.hasPrefix("greenlight: GITHUB_STEP_SUMMARY="), "\(missingFolder)")

        expectToolError(try CLI.greenlight("check", "--repo", fixture.root, "--format", "github", "--max-annotations", "-1"),
                        exit: 2, ["--max-annotations"])
        expectToolError(try CLI.greenlight("check", "--repo", fixture.root, "--format", "xml"), exit: 2, ["xml"])
    }

    @Test("a clean repository passes in every format, and only the github format touches the step summary")
    func clean() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue))
        let summary = fixture.container + "/summary.md"
        for format in ["sarif", "junit", "text", "json", "markdown", "github"] {
            let result = try CLI.greenlight("check", "--repo", fixture.root, "--format", format, "--now", Self.now,
                                            environment: CLI.environment(extra: ["GITHUB_STEP_SUMMARY": summary]))
            #expect(result.status == 0, "\(format): \(result)")
            #expect(result.stderr.isEmpty, "\(format): \(result)")
            #expect(FileManager.default.fileExists(atPath: summary) == (format == "github"), "\(format)")
        }
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.components(separatedBy: "# Greenlight: GREEN").count == 2, "appended once, by --format github: \(written)")
        #expect(try CLI.greenlight("check", "--repo", fixture.root, "--format", "github").stdout.hasPrefix("GREEN: 0 errors"))
    }
}

/// `python3 -m jsonschema` against the SARIF 2.1.0 schema checked into `Fixtures/`.
enum JSONSchemaValidator {
    static let schema = CLI.packageRoot + "/Tests/GreenlightCLITests/Fixtures/sarif-schema-2.1.0.json"

    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let available: Bool = {
        guard let python, let result = try? CLI.run(python, ["-c", "import jsonschema"], in: NSTemporaryDirectory(),
                                                      environment: ProcessInfo.processInfo.environment) else { return false }
        return result.status == 0
    }()

    static func validate(_ file: String) throws -> CLIResult {
        try CLI.run(try #require(python), ["-W", "ignore", "-m", "jsonschema", "-i", file, schema],
                    in: NSTemporaryDirectory(), environment: ProcessInfo.processInfo.environment)
    }
}
