import Foundation
import GreenlightLoops
import GreenlightTestSupport
import Testing

@Suite("Promotion loop against the contract server")
struct PromotionRunTests {
    typealias Version = ContractServer.Version

    /// `summarize` ready to go 10 → 50, `classify` held by samples, `reply` regressed at 50.
    func seeded() throws -> LoopHarness {
        let harness = try LoopHarness()
        harness.server.setPrompt(.init("summarize", candidate: "v3", versions: [Version("v2", percent: 100), Version("v3", percent: 10)]))
        harness.server.setPrompt(.init("classify", candidate: "c2", versions: [Version("c1", percent: 100), Version("c2", percent: 0, samples: 40)]))
        harness.server.setPrompt(.init("reply", candidate: "r5", versions: [Version("r4", percent: 100), Version("r5", percent: 50, score: 0.61)]))
        return harness
    }

    @Test func dryRunDecidesAndWritesNothing() throws {
        let harness = try seeded()
        let report = harness.promote(.dryRun, ["summarize", "classify", "reply"])
        #expect(report.passed)
        #expect(report.prompts.map(\.status) == [.planned, .done, .planned])
        #expect(report.prompts.map { $0.decision?.action } == [.promote, .hold, .rollback])
        #expect(report.prompts.map { $0.decision?.movement } == ["10 % → 50 %", "0 %", "50 % → 0 %"])
        #expect(report.prompts.allSatisfy { !$0.applied })
        #expect(harness.server.writes.isEmpty)
        #expect(report.prompts[0].calls.map(\.outcome) == [.ok, .notSent])
        #expect(report.prompts[0].calls[1].body == #"{"percent":50,"version":"v3"}"#)
        #expect(report.prompts[1].detail == "hold: held by samples 40 (needs ≥ 200)")
        #expect(report.tally == "1 promote, 1 rollback, 1 hold")
    }

    @Test func applyWritesExactlyTheDecisions() throws {
        let harness = try seeded()
        let report = harness.promote(.apply, ["summarize", "classify", "reply"])
        #expect(report.passed)
        #expect(report.prompts.map(\.status) == [.done, .done, .done])
        #expect(report.prompts.map(\.applied) == [true, false, true])
        #expect(harness.writes == [
            #"POST /api/prompts/summarize/rollout {"percent":50,"version":"v3"}"#,
            #"POST /api/prompts/reply/rollout {"percent":0,"version":"r5"}"#,
        ])
        #expect(harness.server.prompt("summarize")?.versions.map(\.rolloutPercent) == [100, 50])
        #expect(harness.server.prompt("reply")?.versions.map(\.rolloutPercent) == [100, 0])
        #expect(harness.server.prompt("classify")?.versions.map(\.rolloutPercent) == [100, 0])
        // Admin key on the writes only.
        for request in harness.server.requests {
            let admin = request.header("Authorization") == "Bearer \(LoopHarness.admin)"
            #expect(admin == (request.method == "POST"), "\(request.method) \(request.path)")
        }
    }

    @Test func oneStepPerRunAndTheNextWaitsForItsDwell() throws {
        let harness = try seeded()
        _ = harness.promote(.apply, ["summarize"])
        let again = harness.promote(.apply, ["summarize"])
        #expect(again.prompts[0].decision?.action == .hold)
        #expect(again.prompts[0].decision?.reason == "held by dwell 0s (needs ≥ 1d)")
        #expect(harness.writes.count == 1)
    }

    @Test func aServerErrorMidRunStopsTheRun() throws {
        let harness = try seeded()
        harness.server.inject(.status(500), "POST", "/api/prompts/{name}/rollout", count: 3, after: 1)
        let report = harness.promote(.apply, ["summarize", "reply", "classify"])
        #expect(!report.passed)
        #expect(report.prompts.map(\.status) == [.done, .failed, .notRun])
        #expect(report.prompts.map(\.applied) == [true, false, false])
        #expect(report.prompts[1].detail == #"rollback r5 50 % → 0 % not applied: POST ${API_URL}/api/prompts/reply/rollout answered 500 after 3 attempts: {"error":"injected fault"}"#)
        #expect(report.prompts[2].detail == "not run: prompt reply failed")
        #expect(report.prompts[2].decision == nil)
        #expect(!harness.requestLines.contains("GET /api/prompts/classify"))
        #expect(harness.server.prompt("reply")?.versions.map(\.rolloutPercent) == [100, 50], "nothing claimed that did not happen")
    }

    @Test func anUnknownPromptFails() throws {
        let harness = try seeded()
        let report = harness.promote(.apply, ["nope", "summarize"])
        #expect(report.prompts.map(\.status) == [.failed, .notRun])
        #expect(report.prompts[0].detail == #"GET ${API_URL}/api/prompts/nope answered 404: {"error":"no such prompt"}"#)
        #expect(harness.server.writes.isEmpty)
    }

    @Test func onlyTheCandidateIsEverWritten() throws {
        let harness = try LoopHarness()
        harness.server.setPrompt(.init("orphan", candidate: nil, versions: [Version("o1", percent: 10)]))
        harness.server.setPrompt(.init("moved", candidate: "m9", versions: [Version("m1", percent: 10)]))
        harness.server.setPrompt(.init("full", candidate: "f2", versions: [Version("f2", percent: 100)]))
        let report = harness.promote(.apply, ["orphan", "moved", "full"])
        #expect(report.passed)
        #expect(report.prompts.map { $0.decision?.action } == [.hold, .hold, .done])
        #expect(report.prompts.map { $0.decision?.reason } == [
            "the API names no candidate version", "candidate m9 is not among the prompt's versions", "f2 is fully rolled out",
        ])
        #expect(harness.server.writes.isEmpty)
    }

    @Test func aBrokenAnswerFailsThePrompt() throws {
        var layout = ContractServer.Layout()
        layout.versions = "items"
        let harness = try LoopHarness(layout: layout)
        harness.server.setPrompt(.init("summarize", candidate: "v3", versions: [Version("v3", percent: 10)]))
        let report = harness.promote(.apply, ["summarize"])
        #expect(report.prompts[0].status == .failed)
        #expect(report.prompts[0].detail == "GET ${API_URL}/api/prompts/summarize: the answer has no 'versions' list")
        #expect(report.prompts[0].calls[0].outcome == .badAnswer)
    }

    @Test func renamedFieldsAreRead() throws {
        var layout = ContractServer.Layout()
        layout.versions = "items"
        layout.rolloutPercent = "traffic"
        layout.score = "quality"
        layout.rolloutPercentBody = "traffic_percent"
        var harness = try LoopHarness(layout: layout)
        harness.section.api.fields.versions = "items"
        harness.section.api.fields.rolloutPercent = "traffic"
        harness.section.api.fields.score = "quality"
        harness.section.api.fields.rolloutPercentBody = "traffic_percent"
        harness.server.setPrompt(.init("summarize", candidate: "v3", versions: [Version("v3", percent: 10)]))
        let report = harness.promote(.apply, ["summarize"])
        #expect(report.prompts[0].applied, "\(report)")
        #expect(harness.writes == [#"POST /api/prompts/summarize/rollout {"traffic_percent":50,"version":"v3"}"#])
    }
}
