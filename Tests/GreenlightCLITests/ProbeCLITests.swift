import Foundation
import GreenlightTestSupport
import Testing

/// The built binary against real servers on 127.0.0.1, with secrets in its real environment.
@Suite("CLI: greenlight probe and the probe family of check")
struct ProbeCLITests {
    static let token = "cli-SECRET-4b1f88"

    let server: HTTPTestServer

    init() throws {
        server = try HTTPTestServer { request in
            switch request.path {
            case "/health": return .json(200, #"{"status":"ok","checks":[{"healthy":true}]}"#)
            case "/env": return .json(200, #"{"MODE":"shadow","token":"\#(request.header("x-admin-token") ?? "")"}"#)
            case "/admin/jobs/run": return request.header("x-admin-token") == nil ? .text(401, "") : .text(202, "")
            case "/hang": return .hang
            default: return .text(404, "")
            }
        }
    }

    func repository(_ probes: String) throws -> GitFixture {
        try GitFixture(files: [
            ".greenlight.yml": "probes:\n" + probes.replacingOccurrences(of: "BASE", with: server.baseURL),
            "README.md": "demo\n",
        ])
    }

    static let seedLike = """
          - name: health
            url: BASE/health
            expect: ["[STATUS] == 200", "[BODY].checks[*].healthy == true", "[RESPONSE_TIME] < 5s"]
          - name: admin-refuses-anonymous
            url: BASE/admin/jobs/run?job=plan
            method: POST
            headers: {x-admin-token: "${ADMIN_TOKEN}"}
            auth_required: true
            expect: ["[STATUS] == 202"]
          - name: load
            url: BASE/health
            requests: 20
            concurrency: 10
            expect: ["[STATUS] == 200", "[P95] < 30s", "[ERROR_RATE] <= 1%"]

        """

    @Test func passingRunExitsZero() throws {
        let repo = try repository(Self.seedLike)
        let result = try CLI.greenlight("probe", in: repo.root, environment: CLI.environment(extra: ["ADMIN_TOKEN": Self.token]))
        #expect(result.status == 0, "\(result)")
        #expect(lines(of: result.stdout, containing: "PASS").count == 3, "\(result)")
        #expect(result.stdout.contains("auth: without x-admin-token got 401 (refused, as required)"))
        #expect(result.stdout.contains("load: 20 requests at concurrency 10, p50 "))
        #expect(result.stdout.hasSuffix("3 probes: 3 passed, 0 failed\n"))
        #expect(!result.stdout.contains(Self.token))
        withExtendedLifetime(server) {}
    }

    @Test func missingVariableFailsThatProbeOnly() throws {
        let repo = try repository(Self.seedLike)
        let result = try CLI.greenlight("probe", in: repo.root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(".greenlight.yml:8:31: probe 'admin-refuses-anonymous': environment variable ADMIN_TOKEN is not set (or empty)"), "\(result)")
        #expect(lines(of: result.stdout, containing: "PASS").count == 2)
        withExtendedLifetime(server) {}
    }

    @Test func checkGatesOnProbesAndRedacts() throws {
        let repo = try repository("""
              - name: env-is-live
                url: BASE/env
                headers: {x-admin-token: "${ADMIN_TOKEN}"}
                expect: ['[BODY].MODE == "live"', '[BODY].token == "nope"']

            """)
        let environment = CLI.environment(extra: ["ADMIN_TOKEN": Self.token])
        let result = try CLI.greenlight("check", "--format", "json", in: repo.root, environment: environment)
        #expect(result.status == 1, "\(result)")
        #expect(!result.stdout.contains(Self.token) && !result.stderr.contains(Self.token))
        // The probe family's findings (the repository holds no readiness document: a claims note).
        let findings = try #require(try result.json()["findings"] as? [[String: Any]])
            .filter { ($0["rule"] as? String)?.hasPrefix("probe.") == true }
        let messages = findings.compactMap { $0["message"] as? String }
        #expect(messages == [
            "probe 'env-is-live': [BODY].MODE == \"live\" failed: got \"shadow\"",
            "probe 'env-is-live': [BODY].token == \"nope\" failed: got \"${ADMIN_TOKEN}\"",
        ])
        #expect(findings.allSatisfy { $0["path"] as? String == ".greenlight.yml" && $0["endpoint"] as? String == "GET \(server.baseURL)/env" })
        let offline = try CLI.greenlight("check", "--no-live", in: repo.root, environment: environment)
        #expect(offline.status == 0, "\(offline)")
    }

    @Test func unreachableEndpointsEndWithinTheirTimeouts() throws {
        let closed = try HTTPTestServer.closedPort()
        let repo = try repository("""
              - name: silent
                url: BASE/hang
                timeout: 1s
                expect: ["[STATUS] == 200"]
              - name: refused
                url: http://127.0.0.1:\(closed)/
                expect: ["[STATUS] == 200"]

            """)
        let started = Date()
        let result = try CLI.greenlight("probe", in: repo.root)
        // A guard against a hang only (the server holds the request for 120 s).
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(!result.timedOut && result.status == 1, "\(result)")
        #expect(result.stdout.contains("probe 'silent': GET \(server.baseURL)/hang request failed: timeout: "))
        #expect(result.stdout.contains("probe 'refused': GET http://127.0.0.1:\(closed)/ request failed: refused: "))
        withExtendedLifetime(server) {}
    }

    @Test func helpTellsTheConditionLanguage() throws {
        let repo = try repository(Self.seedLike)
        let result = try CLI.greenlight("help", "probe", in: repo.root)
        #expect(result.status == 0)
        let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for part in ["[CONNECTED] means an HTTP response arrived", "Gatus's conditions are read as written",
                     "Kept different on purpose", "len() of an object counts its keys"] {
            #expect(text.contains(part), "\(part)")
        }
    }

    @Test func badConditionAndUnknownProbeAreUsageErrors() throws {
        let repo = try repository("  - name: a\n    url: BASE/\n    expect: ['[STATUS] == shadow']\n")
        expectToolError(try CLI.greenlight("probe", in: repo.root), exit: 2,
                        [".greenlight.yml:4:27: invalid condition: bare word 'shadow': [STATUS] is not text"])
        expectToolError(try CLI.greenlight("check", in: repo.root), exit: 2, [".greenlight.yml:4:27: invalid condition"])
        let good = try repository(Self.seedLike)
        expectToolError(try CLI.greenlight("probe", "helth", in: good.root), exit: 2, ["unknown probe 'helth'", "health"])
        expectToolError(try CLI.greenlight("probe", "--format", "xml", in: good.root), exit: 2, ["xml"])
    }

    @Test func rulesAndExplainKnowTheFamily() throws {
        let rules = try CLI.greenlight("rules")
        #expect(rules.status == 0)
        for id in ["probe.failed", "probe.auth-not-enforced", "probe.insecure"] {
            #expect(rules.stdout.contains(id), "\(rules)")
        }
        let explain = try CLI.greenlight("explain", "probe.auth-not-enforced")
        #expect(explain.status == 0 && explain.stdout.contains("auth_required: true"))
    }
}
