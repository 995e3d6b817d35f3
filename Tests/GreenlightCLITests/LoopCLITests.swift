import Foundation
import GreenlightHistory
import GreenlightTestSupport
import Testing

/// The built binary driving both loops against the contract server on 127.0.0.1.
@Suite("CLI: greenlight loop flywheel and loop promote")
struct LoopCLITests {
    @Test func flywheelDryRunReadsOnlyAndLeavesAReport() throws {
        let fixture = try LoopFixture()
        let result = try fixture.greenlight("loop", "flywheel", "--now", LoopFixture.now)
        #expect(result.status == 0, "\(result)")
        #expect(fixture.server.writes.isEmpty)
        #expect(fixture.server.requests.map { "\($0.method) \($0.path)" } == ["GET /health", "GET /api/moat-health"])
        #expect(result.stdout.contains("planned   few-shot-build         would refresh the few-shot bank; then check at least 20 examples"))
        #expect(result.stdout.hasSuffix("PASSED: 1 done, 2 planned, 0 failed\n"), "\(result)")
        #expect(result.stderr == "greenlight: wrote reports/flywheel-dry-run-20261121T090000Z.md and reports/flywheel-dry-run-20261121T090000Z.json\n")
        let report = try fixture.json(fixture.artifact("flywheel", "json", dryRun: true))
        #expect(report["mode"] as? String == "dry-run" && report["passed"] as? Bool == true)
        #expect(fixture.statuses(report, "steps") == ["planned", "planned", "done"])
        #expect(!fixture.exists(".greenlight/evidence/flywheel"), "a dry run proves nothing")
        let (run, decisions) = try fixture.lastRun()
        #expect(run.command == "loop flywheel" && run.exitCode == 0 && run.posture == .green)
        #expect(decisions.map(\.decision) == ["passed", "planned", "planned", "done"])
        let history = try fixture.greenlight("history")
        #expect(history.stdout.hasPrefix("2026-11-21T09:00:00Z  loop flywheel  GREEN   exit 0"), "\(history)")
    }

    @Test func flywheelApplyWritesRecordsEvidenceAndSatisfiesTheGate() throws {
        let fixture = try LoopFixture()
        let before = try fixture.greenlight("check", "--only", "evidence", "--no-history", "--now", LoopFixture.now)
        #expect(before.status == 1 && before.stdout.contains("[evidence.missing]"), "\(before)")

        let result = try fixture.greenlight("loop", "flywheel", "--apply", "--now", LoopFixture.now)
        #expect(result.status == 0, "\(result)")
        #expect(fixture.writes == ["POST /api/few-shot/build {}", #"POST /api/preferences/infer-all {"limit":1000}"#])
        try fixture.expectGolden(try fixture.text(fixture.artifact("flywheel", "md")), "loop-flywheel-apply.md")
        #expect(result.stderr.contains("greenlight: recorded evidence 'flywheel' (pass) in .greenlight/evidence/flywheel/20261121T090000Z.json"))
        let evidence = try fixture.json(".greenlight/evidence/flywheel/20261121T090000Z.json")
        #expect(evidence["status"] as? String == "pass")
        let attached = try #require(evidence["file"] as? [String: Any])
        #expect(attached["path"] as? String == fixture.artifact("flywheel", "json"))

        let (run, decisions) = try fixture.lastRun()
        #expect(run.command == "loop flywheel" && run.exitCode == 0)
        #expect(decisions.map(\.subject) == ["preflight", "few-shot-build", "preference-inference", "moat-health"])
        #expect(decisions.map(\.decision) == ["passed", "done", "done", "done"])

        try fixture.repo.commitAll("flywheel evidence", date: LoopFixture.now)
        let after = try fixture.greenlight("check", "--only", "evidence", "--no-history", "--now", LoopFixture.now)
        #expect(after.status == 0, "the evidence family accepts the record: \(after)")
    }

    @Test func aServerErrorMidRunExitsOneAndSaysWhatRan() throws {
        let fixture = try LoopFixture()
        fixture.server.inject(.status(500), "POST", "/api/preferences/infer-all", count: 3)
        let result = try fixture.greenlight("loop", "flywheel", "--apply", "--now", LoopFixture.now)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("done      few-shot-build"))
        #expect(result.stdout.contains("failed    preference-inference   POST ${API_URL}/api/preferences/infer-all answered 500 after 3 attempts"))
        #expect(result.stdout.contains("not run   moat-health            not run: preference-inference failed"))
        #expect(result.stdout.hasSuffix("FAILED: 1 done, 1 failed, 1 not run\n"))
        let json = try fixture.text(fixture.artifact("flywheel", "json"))
        try fixture.expectGolden(json, "loop-flywheel-500.json")
        // Done means the server answered 2xx; nothing after the failure was sent.
        #expect(fixture.server.fewShotBuilds == 1 && fixture.server.inferredUsers.isEmpty)
        #expect(!fixture.server.requests.contains { $0.path == "/api/moat-health" })
        #expect(!fixture.exists(".greenlight/evidence/flywheel"))
        let (run, decisions) = try fixture.lastRun()
        #expect(run.exitCode == 1 && run.posture == .red)
        #expect(decisions.map(\.decision) == ["passed", "done", "failed", "not-run"])
    }

    @Test func missingSecretsFailThePreflightBeforeAnyRequest() throws {
        var fixture = try LoopFixture()
        fixture.environment["ADMIN_API_KEY"] = nil
        fixture.environment["API_KEY"] = ""
        for loop in [["flywheel", "--apply"], ["promote", "--apply", "--prompts", "summarize"]] {
            let result = try CLI.run(try #require(CLI.executable), ["loop"] + loop + ["--now", LoopFixture.now],
                                     in: fixture.repo.root, environment: fixture.environment)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout.contains("preflight  API_URL set (\(fixture.server.baseURL.count) characters), API_KEY empty, ADMIN_API_KEY missing"))
            #expect(result.stdout.contains("preflight failed: API_KEY is empty\npreflight failed: ADMIN_API_KEY is not set\n"))
            #expect(!result.stdout.contains(fixture.server.baseURL), "values are never printed")
            let report = try fixture.json(fixture.artifact(loop[0] == "flywheel" ? "flywheel" : "promote", "json"))
            #expect(report["passed"] as? Bool == false)
        }
        #expect(fixture.server.requests.isEmpty)
    }

    @Test func promotionNamesComeFromTheVariableAndMustBeThere() throws {
        let fixture = try LoopFixture()
        let missing = try fixture.greenlight("loop", "promote", "--apply", "--now", LoopFixture.now)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("preflight failed: PROMOTION_PROMPT_NAMES is not set"), "\(missing)")
        #expect(fixture.server.requests.isEmpty)

        var named = fixture
        for (value, problem) in [(" , ", "PROMOTION_PROMPT_NAMES names no prompt"),
                                 ("summarize,../etc", "PROMOTION_PROMPT_NAMES holds 1 invalid prompt name(s)")] {
            named.environment["PROMOTION_PROMPT_NAMES"] = value
            let refused = try named.greenlight("loop", "promote", "--now", LoopFixture.now)
            #expect(refused.status == 1 && refused.stdout.contains("preflight failed: \(problem)"), "\(refused)")
            #expect(!refused.stdout.contains("../etc"), "the variable's value is not shown")
        }
        #expect(fixture.server.requests.isEmpty)
        named.environment["PROMOTION_PROMPT_NAMES"] = "summarize, classify,reply"
        let result = try named.greenlight("loop", "promote", "--now", LoopFixture.now)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("promote (dry-run) against ${API_URL}, prompts from PROMOTION_PROMPT_NAMES\n"))
        #expect(result.stdout.contains("planned   summarize             would promote v3 10 % → 50 %: every gate passed"))
        #expect(result.stdout.contains("done      classify              hold: held by samples 40 (needs ≥ 200)"))
        #expect(result.stdout.contains("planned   reply                 would rollback r5 50 % → 0 %: regressed: score 0.61 is below baseline 0.8 by more than 0.05"))
        #expect(fixture.server.writes.isEmpty)
        // The refused runs of the same second left their own reports; this run's is the one it names.
        let written = try #require(result.stderr.split(separator: " ").last.map { String($0.dropLast()) }, "\(result)")
        #expect(written.hasPrefix("reports/promote-dry-run-20261121T090000Z-") && written.hasSuffix(".json"), "\(result)")
        try fixture.expectGolden(try fixture.text(written), "loop-promote-dry-run.json")
    }

    @Test("two dry runs in the same second keep both reports; the same report again keeps its name")
    func dryRunsInOneSecondDoNotOverwrite() throws {
        let fixture = try LoopFixture()
        let first = try fixture.greenlight("loop", "promote", "--prompts", "summarize", "--now", LoopFixture.now)
        let second = try fixture.greenlight("loop", "promote", "--prompts", "classify", "--now", LoopFixture.now)
        #expect(first.status == 0 && second.status == 0, "\(first)\n\(second)")
        let base = "reports/promote-dry-run-20261121T090000Z"
        #expect(first.stderr == "greenlight: wrote \(base).md and \(base).json\n", "\(first)")
        #expect(second.stderr == "greenlight: wrote \(base)-2.md and \(base)-2.json\n", "\(second)")
        #expect(try fixture.text(base + ".md").contains("summarize") && !fixture.text(base + ".md").contains("classify"))
        #expect(try fixture.text(base + "-2.md").contains("classify"))
        // The first again, byte for byte: its own name, nothing new.
        let again = try fixture.greenlight("loop", "promote", "--prompts", "summarize", "--now", LoopFixture.now)
        #expect(again.stderr == first.stderr, "\(again)")
        #expect(!fixture.exists(base + "-3.md"))
    }

    @Test func promoteApplyMovesOneStepAndRecords() throws {
        let fixture = try LoopFixture()
        let result = try fixture.greenlight("loop", "promote", "--apply", "--prompts", "summarize,classify,reply", "--now", LoopFixture.now)
        #expect(result.status == 0, "\(result)")
        #expect(fixture.writes == [
            #"POST /api/prompts/summarize/rollout {"percent":50,"version":"v3"}"#,
            #"POST /api/prompts/reply/rollout {"percent":0,"version":"r5"}"#,
        ])
        try fixture.expectGolden(try fixture.text(fixture.artifact("promote", "md")), "loop-promote-apply.md")
        #expect(fixture.exists(".greenlight/evidence/prompt-promotion/20261121T090000Z.json"))
        let (run, decisions) = try fixture.lastRun()
        #expect(run.command == "loop promote")
        #expect(decisions.map { "\($0.subject) \($0.decision)" } == ["preflight passed", "summarize promote", "classify hold", "reply rollback"])
        #expect(decisions[1].detail?.hasPrefix("v3 10 % → 50 %, applied — every gate passed") == true)

        // The next run, an hour later: the new step has its dwell to serve.
        let again = try fixture.greenlight("loop", "promote", "--apply", "--prompts", "summarize", "--now", "2026-11-21T10:00:00Z")
        #expect(again.status == 0)
        #expect(again.stdout.contains("done      summarize             hold: held by dwell 1h (needs ≥ 1d)"), "\(again)")
        #expect(fixture.server.writes.count == 2)
    }

    @Test func promoteStopsAtAServerError() throws {
        let fixture = try LoopFixture()
        fixture.server.inject(.status(500), "POST", "/api/prompts/{name}/rollout", count: 3, after: 1)
        let result = try fixture.greenlight("loop", "promote", "--apply", "--prompts", "summarize,reply,classify", "--now", LoopFixture.now)
        #expect(result.status == 1, "\(result)")
        let report = try fixture.json(fixture.artifact("promote", "json"))
        #expect(fixture.statuses(report, "prompts") == ["done", "failed", "not-run"])
        let applied = ((report["prompts"] as? [[String: Any]]) ?? []).map { $0["applied"] as? Bool }
        #expect(applied == [true, false, false])
        #expect(result.stdout.hasSuffix("FAILED: 1 promote, 1 rollback; 1 failed; 1 not run\n"), "\(result)")
        #expect(!fixture.exists(".greenlight/evidence/prompt-promotion"))
        #expect(fixture.server.prompt("reply")?.versions.last?.rolloutPercent == 50)
    }

    @Test func theAdminKeyGoesOnlyToAdminCallsOnTheAPIHost() throws {
        let elsewhere = try HTTPTestServer { _ in .json(200, #"{"examples": 999}"#) }
        let fixture = try LoopFixture()
        _ = try fixture.greenlight("loop", "flywheel", "--apply", "--now", LoopFixture.now)
        _ = try fixture.greenlight("loop", "promote", "--apply", "--prompts", "summarize,reply", "--now", LoopFixture.now)
        let admin = ["/api/few-shot/build", "/api/preferences/infer-all", "/api/prompts/summarize/rollout", "/api/prompts/reply/rollout"]
        #expect(fixture.server.requests.count == 9)
        for request in fixture.server.requests {
            let token = request.header("Authorization")
            if admin.contains(request.path) {
                #expect(token == "Bearer \(LoopFixture.admin)", "\(request.path)")
            } else {
                #expect(token != "Bearer \(LoopFixture.admin)", "\(request.path) got the admin key")
                #expect(token == (request.path == "/health" ? nil : "Bearer \(LoopFixture.key)"), "\(request.path)")
            }
        }
        // An admin call redirected to another host: not followed, the key not sent there.
        fixture.server.inject(.redirect(elsewhere.url("/api/few-shot/build")), "POST", "/api/few-shot/build")
        let redirected = try fixture.greenlight("loop", "flywheel", "--apply", "--now", "2026-11-22T09:00:00Z")
        #expect(redirected.status == 1)
        #expect(redirected.stdout.contains("answered 307: redirect to another host not followed"), "\(redirected)")
        #expect(elsewhere.requests.isEmpty)
        for output in [redirected.stdout, redirected.stderr, try fixture.text("reports/flywheel-20261122T090000Z.md"),
                       try fixture.text("reports/flywheel-20261122T090000Z.json")] {
            #expect(!output.contains(LoopFixture.admin) && !output.contains(LoopFixture.key))
        }
    }

    @Test func aLeakyAnswerIsRedactedEverywhere() throws {
        let fixture = try LoopFixture()
        // A broken API that echoes the admin key as a version name.
        fixture.server.setPrompt(.init("leaky", candidate: LoopFixture.admin, versions: [
            .init(LoopFixture.admin, percent: 10),
        ]))
        let result = try fixture.greenlight("loop", "promote", "--prompts", "leaky", "--now", LoopFixture.now)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("would promote ${ADMIN_API_KEY} 10 % → 50 %"), "\(result)")
        let (_, decisions) = try fixture.lastRun()
        let history = decisions.compactMap(\.detail).joined(separator: "\n")
        for output in [result.stdout, result.stderr, history, try fixture.text("reports/promote-dry-run-20261121T090000Z.md"),
                       try fixture.text("reports/promote-dry-run-20261121T090000Z.json")] {
            #expect(!output.contains(LoopFixture.admin))
        }
    }

    @Test func sameInputsSameBytes() throws {
        var outputs: [[String]] = []
        for _ in 0..<2 {
            let fixture = try LoopFixture()   // a new server on another port each time
            for loop in [["flywheel", "--apply"], ["promote", "--apply", "--prompts", "summarize,classify,reply"]] {
                let result = try CLI.run(try #require(CLI.executable), ["loop"] + loop + ["--now", LoopFixture.now, "--output", "out"],
                                         in: fixture.repo.root, environment: fixture.environment)
                #expect(result.status == 0, "\(result)")
            }
            outputs.append(try ["flywheel", "promote"].flatMap { loop in
                try ["md", "json"].map { try fixture.text("out/\(loop)-20261121T090000Z.\($0)") }
            })
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func usageAndConfigurationErrors() throws {
        let fixture = try LoopFixture()
        expectToolError(try fixture.greenlight("loop", "promote", "--prompts", " , "), exit: 2, ["--prompts names no prompt"])
        expectToolError(try fixture.greenlight("loop", "promote", "--prompts", "a/b"), exit: 2, ["'a/b' is not a prompt name"])
        expectToolError(try fixture.greenlight("loop", "flywheel", "--now", "yesterday"), exit: 2, ["--now 'yesterday'"])
        let broken = try LoopFixture(config: "loops:\n  promotion:\n    ladder: [0, 50, 10, 100]\n")
        expectToolError(try broken.greenlight("loop", "promote", "--prompts", "a"), exit: 2,
                        [".greenlight.yml:3:13: ladder must be strictly increasing"])
        // check validates loops: too; probe --config knows the key.
        expectToolError(try broken.greenlight("check", "--no-history"), exit: 2, ["ladder must be strictly increasing"])
        expectToolError(try fixture.greenlight("probe", "--config", ".greenlight.yml"), exit: 2, ["no probes configured"])
        let nowhere = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: nowhere) }
        let outside = try CLI.run(try #require(CLI.executable), ["loop", "flywheel"], in: nowhere, environment: fixture.environment)
        #expect(outside.status == 3, "\(outside)")
        #expect(fixture.server.requests.isEmpty)
    }
}
