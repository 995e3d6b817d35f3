import Foundation
import Testing
import Yams

/// The scheduled workflows shipped for the loops: valid YAML, on a schedule, the secrets as
/// environment, the loop applied on schedule, the report kept even when the loop fails, the
/// evidence committed only when it passes.
@Suite("Workflow templates for the loops")
struct WorkflowTemplateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func workflow(_ name: String) throws -> Node {
        let text = try String(contentsOf: Self.root.appendingPathComponent("templates/workflows/\(name)"), encoding: .utf8)
        return try #require(try Yams.compose(yaml: text))
    }

    @Test(arguments: [
        ("strategy-flywheel.yml", "greenlight loop flywheel", ["API_URL", "API_KEY", "ADMIN_API_KEY"]),
        ("prompt-promotion.yml", "greenlight loop promote", ["API_URL", "API_KEY", "ADMIN_API_KEY", "PROMOTION_PROMPT_NAMES"]),
    ])
    func scheduledAndSafe(file: String, command: String, variables: [String]) throws {
        let workflow = try workflow(file)
        #expect(workflow["on"]?["schedule"]?[0]?["cron"]?.string?.split(separator: " ").count == 5)
        let jobs = try #require(workflow["jobs"]?.mapping)
        #expect(jobs.count == 1)
        let job = try #require(jobs.first?.value)
        #expect(job["timeout-minutes"]?.int != nil)
        let environment = Set((job["env"]?.mapping ?? [:]).keys.compactMap(\.string))
        #expect(environment == Set(variables))
        let steps = try #require(job["steps"]?.sequence).map { $0 }
        let loop = try #require(steps.first { $0["run"]?.string?.hasPrefix(command) == true }, "no step runs \(command)")
        #expect(loop["run"]?.string?.contains("'--apply'") == true)
        #expect(loop["continue-on-error"] == nil, "a failed loop must fail the job")
        let upload = try #require(steps.first { $0["uses"]?.string?.hasPrefix("actions/upload-artifact@") == true })
        #expect(upload["if"]?.string == "always()", "the report is kept when the loop fails")
        let commit = try #require(steps.first { $0["run"]?.string?.contains("git add .greenlight/evidence") == true })
        #expect(commit["if"]?.string == "success()", "evidence only from a passing run")
        let script = commit["run"]?.string ?? ""
        #expect(!script.contains("|| true"))
        #expect(workflow["concurrency"]?["cancel-in-progress"]?.bool == false)
    }
}
