import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// The install step every workflow `init` writes, run as the runner would run it — against a
/// release served from 127.0.0.1 instead of GitHub: it puts the binary on PATH when the archive
/// matches its SHA-256, and stops when it does not or is missing.
enum WorkflowStep {
    /// The `run: |` script of the first step whose name starts with `name`, dedented.
    static func script(named name: String, in workflow: String) throws -> String {
        let lines = workflow.components(separatedBy: "\n")
        let step = try #require(lines.firstIndex { $0.hasPrefix("      - name: \(name)") }, "no step \(name)")
        let run = try #require(lines[step...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "run: |" })
        let body = lines[(run + 1)...].prefix { $0.hasPrefix("          ") || $0.isEmpty }
        return body.map { String($0.dropFirst(min(10, $0.count))) }.joined(separator: "\n") + "\n"
    }
}

@Suite("init's install step: the release binary, checked against its SHA-256")
struct InstallStepTests {
    /// The `run: |` script of the "Install Greenlight" step of a workflow, dedented.
    static func installScript(_ workflow: String) throws -> String {
        try WorkflowStep.script(named: "Install Greenlight", in: workflow)
    }

    @Test("a matching archive is unpacked and put on PATH; a tampered or missing one stops the job")
    func release() throws {
        let fixture = try GitFixture(files: Docs.files(config: nil))
        #expect(try CLI.greenlight("init", "--repo", fixture.root).status == 0)
        let workflows = fixture.root + "/.github/workflows/"
        let scripts = try ["greenlight.yml", "greenlight-weekly-report.yml", "greenlight-monitor.yml"].map {
            try Self.installScript(String(contentsOfFile: workflows + $0, encoding: .utf8))
        }
        #expect(Set(scripts).count == 1, "the three workflows install the same way")
        // …and the way the Action does: the script it runs, after its variable check.
        let action = try String(contentsOfFile: CLI.packageRoot + "/templates/workflows/steps/install-greenlight.sh", encoding: .utf8)
        let actionSteps = action.components(separatedBy: "\n").drop { !$0.hasPrefix(": \"${GREENLIGHT_VERSION") }.dropFirst()
        #expect(actionSteps.joined(separator: "\n") == scripts[0], "install-greenlight.sh and the install step differ")

        // A release archive of a stand-in binary, and its checksum file.
        let version = GreenlightVersion.current
        let arch = Self.machine()
        let name = "greenlight-\(version)-linux-\(arch).tar.gz"
        let stage = fixture.container + "/stage"
        try FileManager.default.createDirectory(atPath: stage, withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho \"greenlight \(version) (stand-in)\"\n".utf8).write(to: URL(fileURLWithPath: stage + "/greenlight"))
        _ = try CLI.run("/bin/chmod", ["755", stage + "/greenlight"], in: stage, environment: CLI.environment())
        _ = try CLI.run("/bin/tar", ["-czf", fixture.container + "/" + name, "greenlight"], in: stage, environment: CLI.environment())
        let archive = try Data(contentsOf: URL(fileURLWithPath: fixture.container + "/" + name))
        let checksum = SHA256.hex(bytes: Array(archive)) + "  " + name + "\n"
        let tampered = archive + Data([0])

        for (label, served, expectInstalled) in [("matching", archive, true), ("tampered", tampered, false)] {
            let server = try HTTPTestServer { request in
                switch request.path {
                case "/v\(version)/\(name)": return .respond(status: 200, headers: [], body: Array(served), delay: 0)
                case "/v\(version)/\(name).sha256": return .text(200, checksum)
                default: return .text(404, "not found")
                }
            }
            defer { server.stop() }
            let result = try Self.runStep(scripts[0], releases: server.baseURL, in: fixture.container + "/\(label)")
            if expectInstalled {
                #expect(result.run.status == 0, "\(label): \(result.run)")
                #expect(result.run.stdout.contains("greenlight \(version) (stand-in)"), "\(label): \(result.run)")
                #expect(result.path == result.folder + "\n", "\(label): \(result.path)")
            } else {
                #expect(result.run.status != 0, "\(label): \(result.run)")
                #expect(result.path.isEmpty, "\(label): nothing put on PATH")
            }
        }
        // No release for this version: curl fails the step.
        let empty = try HTTPTestServer { _ in .text(404, "not found") }
        defer { empty.stop() }
        let missing = try Self.runStep(scripts[0], releases: empty.baseURL, in: fixture.container + "/missing")
        #expect(missing.run.status != 0 && missing.path.isEmpty, "\(missing.run)")
    }

    static func machine() -> String {
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return machine == "aarch64" ? "arm64" : machine
    }

    /// The script under bash -e, as a runner's `run:` runs it, with the runner's variables.
    static func runStep(_ script: String, releases: String, in folder: String) throws
        -> (run: CLIResult, path: String, folder: String) {
        let temp = folder + "/runner-temp"
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        let pathFile = folder + "/github-path"
        FileManager.default.createFile(atPath: pathFile, contents: nil)
        let environment = CLI.environment(extra: [
            "RUNNER_TEMP": temp, "GITHUB_PATH": pathFile, "GREENLIGHT_RELEASES": releases,
            "GREENLIGHT_VERSION": GreenlightVersion.current,
        ])
        let run = try CLI.run("/bin/bash", ["-e", "-c", script], in: folder, environment: environment)
        return (run, try String(contentsOfFile: pathFile, encoding: .utf8), temp + "/greenlight")
    }
}
