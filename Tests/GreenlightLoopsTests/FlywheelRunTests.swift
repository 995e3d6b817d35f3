import Foundation
import GreenlightLoops
import GreenlightTestSupport
import Testing

@Suite("Flywheel against the contract server")
struct FlywheelRunTests {
    @Test func dryRunReadsOnly() throws {
        let harness = try LoopHarness()
        let report = harness.flywheel(.dryRun)
        #expect(report.passed)
        #expect(report.steps.map(\.status) == [.planned, .planned, .done])
        #expect(harness.server.writes.isEmpty)
        #expect(harness.requestLines == ["GET /health", "GET /api/moat-health"])
        #expect(report.steps[0].calls.map(\.outcome) == [.notSent])
        #expect(report.steps[1].calls[0].body == #"{"limit":1000}"#)
        #expect(report.moatHealth?.first { $0.field == "few_shot_bank.examples" }?.value == "120")
    }

    @Test func applyMakesExactlyTheExpectedWrites() throws {
        let harness = try LoopHarness()
        let report = harness.flywheel(.apply)
        #expect(report.passed, "\(report)")
        #expect(report.steps.map(\.status) == [.done, .done, .done])
        #expect(harness.writes == [
            "POST /api/few-shot/build {}",
            #"POST /api/preferences/infer-all {"limit":1000}"#,
        ])
        #expect(harness.server.inferredUsers == ["u1", "u2", "u3"])
        #expect(report.steps[0].detail == "few-shot bank refreshed: 120 examples (minimum 20)")
        #expect(report.steps[1].detail == "preferences inferred for 3 users (at most 1000)")
        #expect(report.steps.flatMap(\.governance).map(\.passed) == [true, true])
        #expect(report.moatHealth == [
            .init(field: "few_shot_bank.examples", value: "120"),
            .init(field: "status", value: "\"healthy\""),
            .init(field: "users_with_preferences", value: "3"),
        ])
    }

    @Test func aServerErrorMidRunStopsAndSaysWhatRan() throws {
        let harness = try LoopHarness()
        harness.server.inject(.status(500), "POST", "/api/preferences/infer-all", count: 3)
        let report = harness.flywheel(.apply)
        #expect(!report.passed)
        #expect(report.steps.map(\.status) == [.done, .failed, .notRun])
        #expect(report.steps[1].calls[0].attempts == 3 && report.steps[1].calls[0].status == 500)
        #expect(report.steps[1].detail == #"POST ${API_URL}/api/preferences/infer-all answered 500 after 3 attempts: {"error":"injected fault"}"#)
        #expect(report.steps[2].detail == "not run: preference-inference failed")
        #expect(report.steps[2].calls.map(\.outcome) == [.notSent])
        #expect(!harness.requestLines.contains("GET /api/moat-health"))
        // Every step reported done has its 2xx answer in the server's log.
        #expect(harness.server.fewShotBuilds == 1)
        #expect(harness.server.inferredUsers.isEmpty)
    }

    @Test func aRetryThatSucceedsIsDone() throws {
        let harness = try LoopHarness()
        harness.server.inject(.status(503), "POST", "/api/few-shot/build", count: 2)
        let report = harness.flywheel(.apply)
        #expect(report.passed)
        #expect(report.steps[0].calls[0].attempts == 3)
        #expect(harness.server.fewShotBuilds == 1, "the two 503s changed nothing")
    }

    @Test func aClientErrorIsNotRetried() throws {
        let harness = try LoopHarness()
        harness.server.inject(.status(409), "POST", "/api/few-shot/build", count: 3)
        let report = harness.flywheel(.apply)
        #expect(report.steps.map(\.status) == [.failed, .notRun, .notRun])
        #expect(report.steps[0].calls[0].attempts == 1)
        #expect(harness.writes == ["POST /api/few-shot/build {}"])
    }

    @Test func governanceLimitsAreCheckedAgainstAnswers() throws {
        var harness = try LoopHarness()
        harness.section.flywheel.minFewShotExamples = 500
        let small = harness.flywheel(.apply)
        #expect(small.steps.map(\.status) == [.failed, .notRun, .notRun])
        #expect(small.steps[0].detail == "the bank holds 120 examples, under min_few_shot_examples 500")
        #expect(small.steps[0].governance == [.init(limit: "min_few_shot_examples", bound: 500, actual: 120, passed: false)])

        let greedy = try LoopHarness()
        greedy.server.inferAllClaims = 5000
        let report = greedy.flywheel(.apply)
        #expect(report.steps.map(\.status) == [.done, .failed, .notRun])
        #expect(report.steps[1].detail == "the API inferred 5000 users, over max_users_per_run 1000")
    }

    @Test func perUserFallbackRespectsTheLimit() throws {
        var harness = try LoopHarness()
        harness.server.inferAllAvailable = false
        harness.server.users = ["a", "b", "c", "d"]
        harness.section.flywheel.maxUsersPerRun = 3
        let report = harness.flywheel(.apply)
        #expect(report.passed, "\(report)")
        #expect(harness.server.inferredUsers == ["a", "b", "c"])
        #expect(harness.writes == [
            "POST /api/few-shot/build {}", #"POST /api/preferences/infer-all {"limit":3}"#,
            "POST /api/preferences/a/infer {}", "POST /api/preferences/b/infer {}", "POST /api/preferences/c/infer {}",
        ])
        let step = report.steps[1]
        #expect(step.detail == "POST ${API_URL}/api/preferences/infer-all answered 404; preferences inferred user by user for 3 users (1 left for later runs by max_users_per_run 3)")
        #expect(step.calls.map(\.url) == ["${API_URL}/api/preferences/infer-all", "${API_URL}/api/preferences/users",
                                          "${API_URL}/api/preferences/{userId}/infer"], "user ids stay out of the report")
    }

    @Test func perUserFallbackFailingHalfwaySaysHowFar() throws {
        let harness = try LoopHarness()
        harness.server.inferAllAvailable = false
        harness.server.users = ["a", "b", "c"]
        harness.server.inject(.status(500), "POST", "/api/preferences/{userId}/infer", count: 3, after: 1)
        let report = harness.flywheel(.apply)
        #expect(report.steps.map(\.status) == [.done, .failed, .notRun])
        #expect(report.steps[1].detail == #"POST ${API_URL}/api/preferences/infer-all answered 404; inferred 1 of 3 users one by one, then user 2 of 3: 500 after 3 attempts: {"error":"injected fault"}"#)
        #expect(report.steps[1].calls.last?.attempts == 4, "1 for the first user, 3 for the second")
        #expect(harness.server.inferredUsers == ["a"])
    }

    @Test func missingSecretsFailBeforeAnyRequest() throws {
        for missing in ["API_URL", "API_KEY", "ADMIN_API_KEY"] {
            var harness = try LoopHarness()
            harness.environment[missing] = missing == "API_KEY" ? "  " : nil
            let report = harness.flywheel(.apply)
            #expect(!report.passed)
            #expect(!report.preflight.passed && report.preflight.health == nil)
            #expect(report.preflight.problems == ["\(missing) is \(missing == "API_KEY" ? "empty" : "not set")"])
            #expect(report.steps.allSatisfy { $0.status == .notRun })
            #expect(harness.server.requests.isEmpty, "\(missing): \(harness.requestLines)")
        }
    }

    @Test func anUnhealthyAPIFailsThePreflight() throws {
        let harness = try LoopHarness()
        harness.server.inject(.status(503), "GET", "/health", count: 3)
        let report = harness.flywheel(.apply)
        #expect(report.preflight.problems == [#"GET ${API_URL}/health answered 503 after 3 attempts: {"error":"injected fault"}"#])
        #expect(report.steps.allSatisfy { $0.status == .notRun })
        #expect(harness.requestLines == ["GET /health", "GET /health", "GET /health"])
    }

    @Test func aDifferentAPIIsAdoptedByConfiguration() throws {
        var layout = ContractServer.Layout()
        layout.fewShotBuild = "/v2/examples/rebuild"
        layout.inferAll = "/v2/prefs/bulk"
        layout.moatHealth = "/v2/moat"
        layout.health = "/healthz"
        layout.examples = "bank.size"
        layout.usersLimit = "max"
        layout.usersProcessed = "count"
        var harness = try LoopHarness(layout: layout)
        harness.section.api.paths.fewShotBuild = "/v2/examples/rebuild"
        harness.section.api.paths.inferAll = "/v2/prefs/bulk"
        harness.section.api.paths.moatHealth = "/v2/moat"
        harness.section.api.paths.health = "/healthz"
        harness.section.api.fields.fewShotExamples = "bank.size"
        harness.section.api.fields.usersLimit = "max"
        harness.section.api.fields.usersProcessed = "count"
        let report = harness.flywheel(.apply)
        #expect(report.passed, "\(report)")
        #expect(harness.writes == ["POST /v2/examples/rebuild {}", #"POST /v2/prefs/bulk {"max":1000}"#])
        #expect(report.steps[0].detail == "few-shot bank refreshed: 120 examples (minimum 20)")
    }
}
