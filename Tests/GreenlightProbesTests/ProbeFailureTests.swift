import GreenlightCore
import Foundation
import GreenlightProbes
import GreenlightTestSupport
import Testing

/// Unreachable, refused, silent, resetting, huge and redirecting servers: each a failed probe
/// with a clear message, never a hang.
@Suite struct ProbeFailureTests {
    @Test func refusedConnection() throws {
        let port = try HTTPTestServer.closedPort()
        let results = try runProbes("""
            probes:
              - name: api
                url: BASE/health
                expect: ["[STATUS] == 200", '[BODY].status == "ok"']
              - name: closed
                url: BASE/debug
                expect: ["[CONNECTED] == false"]
            """, base: "http://127.0.0.1:\(port)")
        let message = onlyProblem(results[0])
        #expect(message.hasPrefix("probe 'api': GET BASE/health request failed: refused: ".replacingOccurrences(of: "BASE", with: "http://127.0.0.1:\(port)")))
        #expect(results[0].problems[0].kind == .requestFailed)
        #expect(results[0].problems[0].position == SourcePosition(line: 3, column: 10))
        #expect(results[1].passed)
    }

    @Test func serverThatNeverAnswersTimesOut() throws {
        let server = try HTTPTestServer { _ in .hang }
        let started = Date()
        let results = try runProbes("""
            probes:
              - name: stuck
                url: BASE/
                timeout: 300ms
                expect: ["[STATUS] == 200", "[CONNECTED] == true"]
            """, on: server)
        // A guard against a hang only (the server holds the request for 120 s).
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(results[0].problems.count == 2)
        #expect(results[0].problems.contains { $0.message.contains("request failed: timeout: ") })
        // Connected means a response arrived (as in Gatus): a connection that never answered is not one.
        #expect(results[0].conditions.first { $0.condition == "[CONNECTED] == true" }?.passed == false)
    }

    @Test func connectionReset() throws {
        let server = try HTTPTestServer { _ in .reset }
        let results = try runProbes("""
            probes:
              - name: flaky
                url: BASE/
                expect: ["[STATUS] == 200"]
            """, on: server)
        #expect(onlyProblem(results[0]).contains("request failed: reset: "))
    }

    @Test func fiftyMegabyteBodyIsCappedNotRead() throws {
        let server = try HTTPTestServer { _ in .stream(status: 200, headers: [("Content-Type", "application/json")], bytes: 50 << 20) }
        let results = try runProbes("""
            probes:
              - name: huge
                url: BASE/export
                expect: ["[STATUS] == 200", '[BODY].status == "ok"', '[HEADER].content-type contains "json"']
              - name: huge-small-cap
                url: BASE/export
                max_body: 4KiB
                expect: ["len([BODY]) > 0"]
            """, on: server)
        #expect(onlyProblem(results[0]) == "probe 'huge': [BODY].status == \"ok\" failed: got the body is larger than the 1 MiB cap")
        #expect(results[0].response?.bodyExceededCap == true)
        #expect(results[0].response?.bodyBytes == 1 << 20)
        #expect(onlyProblem(results[1]).contains("the body is larger than the 4 KiB cap"))
    }

    @Test func redirectToAnotherHostIsNotFollowedAndSaysSo() throws {
        let other = try HTTPTestServer { _ in .json(200, #"{"status":"ok"}"#) }
        let server = try HTTPTestServer { _ in .redirect(302, to: other.url("/login")) }
        let results = try runProbes("""
            probes:
              - name: moved
                url: BASE/health
                headers: {Authorization: "Bearer ${API_TOKEN}"}
                expect: ["[STATUS] == 200"]
            """, on: server, environment: ["API_TOKEN": "tok-123456"])
        #expect(onlyProblem(results[0]) == "probe 'moved': [STATUS] == 200 failed: got 302 (redirect to another host not followed: \(other.url("/login")))")
        #expect(other.requests.isEmpty)
    }

    @Test func anyHostRedirectDropsCredentialsOnTheWay() throws {
        let other = try HTTPTestServer { _ in .json(200, #"{"status":"ok"}"#) }
        let server = try HTTPTestServer { _ in .redirect(301, to: other.url("/health")) }
        let results = try runProbes("""
            probes:
              - name: moved
                url: BASE/health
                follow_redirects: any-host
                headers: {x-api-key: "${API_TOKEN}", Cookie: "s=1", Accept: application/json}
                expect: ["[STATUS] == 200", '[BODY].status == "ok"']
            """, on: server, environment: ["API_TOKEN": "tok-123456"])
        #expect(results[0].passed)
        #expect(results[0].response?.redirects == [other.url("/health")])
        let landed = try #require(other.requests.first)
        #expect(landed.header("x-api-key") == nil && landed.header("cookie") == nil)
        #expect(landed.header("accept") == "application/json")
        #expect(server.requests.first?.header("x-api-key") == "tok-123456")
    }

    @Test func retriesThenPasses() throws {
        let counter = Counter()
        let server = try HTTPTestServer { _ in counter.next() <= 2 ? .reset : .json(200, "{}") }
        let results = try runProbes("""
            probes:
              - name: warming
                url: BASE/
                retries: 3
                backoff: 50ms
                expect: ["[STATUS] == 200"]
            """, on: server)
        #expect(results[0].passed)
        #expect(server.requests.count == 3)
    }

    @Test func failureThresholdGivesMoreRounds() throws {
        let counter = Counter()
        let server = try HTTPTestServer { request in
            request.path == "/ready" && counter.next() <= 2 ? .json(503, "{}") : .json(200, "{}")
        }
        let results = try runProbes("""
            probes:
              - name: ready
                url: BASE/ready
                failure_threshold: 3
                backoff: 50ms
                expect: ["[STATUS] == 200"]
              - name: never
                url: BASE/never
                failure_threshold: 2
                backoff: 50ms
                expect: ["[STATUS] == 999"]
            """, on: server)
        #expect(results[0].passed)
        #expect(results[0].attempts == 3)
        #expect(!results[1].passed && results[1].attempts == 2)
        #expect(server.requests.filter { $0.path == "/never" }.count == 2)
    }
}
