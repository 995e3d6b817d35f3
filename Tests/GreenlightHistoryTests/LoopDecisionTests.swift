import Foundation
import GreenlightCore
import GreenlightHistory
import Testing

@Suite struct LoopDecisionTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-loops-\(UUID().uuidString)").path

    @Test func loopRunsKeepTheirDecisionsInOrder() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try HistoryStore(path: folder + "/history.sqlite")
        let decisions = [
            LoopDecision(loop: "promote", subject: "preflight", decision: "passed", detail: nil),
            LoopDecision(loop: "promote", subject: "summarize", decision: "promote", detail: "v3 10 % → 50 %, applied"),
            LoopDecision(loop: "promote", subject: "classify", decision: "hold", detail: "held by samples 40 (needs ≥ 200)"),
        ]
        let id = try store.record(RunRecord(
            startedAt: Timestamp.parse("2026-11-21T09:00:00Z")!, durationMilliseconds: 40, repository: "/repo", commit: nil,
            source: "loop", command: "loop promote", posture: .green, exitCode: 0, findings: [], facts: ReportFacts(),
            loopDecisions: decisions))
        let other = try store.record(RunRecord(
            startedAt: Timestamp.parse("2026-11-21T10:00:00Z")!, durationMilliseconds: 5, repository: "/repo", commit: nil,
            source: "rev", command: "check", posture: .green, exitCode: 0, findings: [], facts: ReportFacts()))
        #expect(try store.loopDecisions(ofRun: id) == decisions)
        #expect(try store.loopDecisions(ofRun: other).isEmpty)
        #expect(try store.count(of: "loop_decisions") == 3)
        #expect(try store.runs(limit: 5).map(\.command) == ["check", "loop promote"])
    }
}
