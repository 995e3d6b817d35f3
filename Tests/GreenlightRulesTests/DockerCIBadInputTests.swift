import Foundation
import GreenlightCore
import GreenlightRules
import GreenlightTestSupport
import Testing

/// Hostile and broken inputs for the docker and ci families: each gives a finding (or nothing
/// to report), never a crash or a hang. The time limit bounds a runaway (generously: a busy
/// machine takes over a minute for the 10 MB cases); it does not measure.
@Suite(.timeLimit(.minutes(10))) struct DockerCIBadInputTests {
    private func findings(_ files: [String: [UInt8]], config yaml: String = "", family: String) throws -> [Finding] {
        let engine = RuleCatalog.engine
        let config = try ConfigLoader.load(yaml: yaml, file: "t.yml", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        let snapshot = MemoryRepository(bytes: files, commitTime: Date(timeIntervalSince1970: 0)).snapshot(config: config)
        return try engine.run(snapshot: snapshot, config: config, now: Date(timeIntervalSince1970: 0), families: [family])
    }

    private func parseErrors(_ found: [Finding], _ rule: String) -> [String] {
        found.filter { $0.rule == rule }.map { "\($0.line):\($0.column) \($0.message)" }
    }

    @Test func binaryDockerfileIsReportedNotRead() throws {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 0, 0xFF, 0xFE] + Array(repeating: 0, count: 64)
        let found = try findings(["Dockerfile": bytes], family: "docker")
        #expect(parseErrors(found, "docker.parse-error") == ["0:0 named like a Dockerfile but a binary file; it was not checked"])
        #expect(found.allSatisfy { $0.rule == "docker.parse-error" })
    }

    @Test func tenMegabyteDockerfileIsCappedOrParsedInLinearTime() throws {
        var text = "FROM alpine:3.20\n"
        let line = "RUN echo \"layer\" \\\n    && apk add --no-cache curl | tee /tmp/log || true\n"
        while text.utf8.count < 10 << 20 { text += line }
        let capped = try findings(["Dockerfile": Array(text.utf8)], family: "docker")
        #expect(parseErrors(capped, "docker.parse-error") == ["0:0 named like a Dockerfile but larger than max_file_size; it was not checked"])

        let file = DockerfileParser.parse(SourceText(path: "Dockerfile", text: text))
        #expect(file.instructions.count == 1 + (text.utf8.count - 17) / line.utf8.count)
        #expect(file.problems.isEmpty)
        // Past the default cap, read when the config allows: every rule over every instruction.
        var large = "FROM alpine:3.20\n"
        while large.utf8.count < 2 << 20 { large += line }
        let read = try findings(["Dockerfile": Array(large.utf8)], config: "max_file_size: 16MiB", family: "docker")
        // Every instruction is judged: 200 findings are reported and one counts the rest.
        let masked = read.filter { $0.rule == "docker.masked-errors" }
        let rest = (large.utf8.count - 17) / line.utf8.count - 200
        #expect(masked.count == 201)
        #expect(masked.contains { $0.message.hasPrefix("and \(rest) more findings of docker.masked-errors in this file") })
    }

    @Test func unterminatedHeredocAndContinuationAreFindings() throws {
        let heredoc = "FROM alpine:3.20\nRUN <<EOF\nset -e\napk add curl\n"
        let continuation = "FROM alpine:3.20\nRUN apk add \\\n    curl \\\n"
        let found = try findings(["a/Dockerfile": Array(heredoc.utf8), "b/Dockerfile": Array(continuation.utf8)], family: "docker")
        let errors = found.filter { $0.rule == "docker.parse-error" }.map { "\($0.path):\($0.line):\($0.column)" }
        #expect(errors == ["a/Dockerfile:2:5", "b/Dockerfile:3:10"])
    }

    @Test func dockerfileOfEscapesAndNoiseParses() throws {
        let noise = String(repeating: "\\\n", count: 50_000) + String(repeating: "\t# \u{FFFD}\u{0301}\n", count: 1000)
        let file = DockerfileParser.parse(SourceText(path: "Dockerfile", text: noise))
        #expect(!file.problems.isEmpty)
        let invalid = DockerfileParser.parse(SourceText(path: "Dockerfile", bytes: [0x46, 0x52, 0x4F, 0x4D, 0x20, 0xC3, 0x28, 0x0A]))
        #expect(invalid.stages.count == 1)
    }

    @Test func aliasBombIsRefused() throws {
        var yaml = "on: push\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for letter in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(letter): &\(letter) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = letter
        }
        yaml += "jobs: {x: {runs-on: ubuntu-latest, steps: [{run: echo}]}}\n"
        let found = try findings([".github/workflows/bomb.yml": Array(yaml.utf8)], family: "ci")
        let errors = parseErrors(found, "ci.parse-error")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("alias bomb") == true)
    }

    @Test func deepNestingIsRefused() throws {
        let deep = "on: push\njobs: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let flow = WorkflowParser.parse(SourceText(path: ".github/workflows/deep.yml", text: deep))
        #expect(flow.problems.count == 1)
        var block = "on: push\njobs:\n"
        for depth in 1...2000 { block += String(repeating: " ", count: depth) + "k\(depth):\n" }
        let nested = WorkflowParser.parse(SourceText(path: ".github/workflows/deep.yml", text: block))
        #expect(nested.problems.count == 1)
    }

    @Test func tabsInvalidUTF8AndEmptyWorkflowsAreFindings() throws {
        let tabs = "on: push\njobs:\n\ttest:\n\t\truns-on: ubuntu-latest\n"
        let invalid: [UInt8] = Array("on: push\njobs:\n  t:\n    runs-on: ubuntu-".utf8) + [0xC3, 0x28] + Array("\n    steps: [{run: x}]\n".utf8)
        let found = try findings([
            ".github/workflows/tabs.yml": Array(tabs.utf8),
            ".github/workflows/latin1.yml": invalid,
            ".github/workflows/empty.yml": [],
            ".github/workflows/nul.yaml": [0x6F, 0x6E, 0x00, 0x01],
        ], family: "ci")
        let errors = found.filter { $0.rule == "ci.parse-error" }.map { "\($0.path):\($0.line):\($0.column)" }
        #expect(errors == [
            ".github/workflows/empty.yml:1:1", ".github/workflows/latin1.yml:4:21",
            ".github/workflows/nul.yaml:0:0", ".github/workflows/tabs.yml:3:1",
        ])
    }

    @Test func hugeWorkflowIsParsedWithinBounds() throws {
        var yaml = "on: [push, pull_request]\njobs:\n"
        for job in 0..<3000 {
            yaml += "  job\(job):\n    needs: [job\(max(0, job - 1))]\n    runs-on: ubuntu-latest\n    steps:\n"
            yaml += "      - run: |\n          make test || true\n          curl -s https://example.com | sh\n"
        }
        let workflow = WorkflowParser.parse(SourceText(path: ".github/workflows/big.yml", text: yaml))
        #expect(workflow.problems.isEmpty)
        #expect(workflow.jobs.count == 3000)
    }
}
