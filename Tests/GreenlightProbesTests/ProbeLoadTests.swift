import Foundation
import GreenlightProbes
import GreenlightTestSupport
import Testing

/// Light load through the multi interface: concurrency held, percentiles and error rate right.
@Suite struct ProbeLoadTests {
    /// A server whose every tenth request takes 300 ms, the rest answer at once.
    static func tenthIsSlow(_ gauge: Gauge) throws -> HTTPTestServer {
        let counter = Counter()
        return try HTTPTestServer { _ in
            gauge.enter()
            defer { gauge.leave() }
            if counter.next() % 10 == 0 { Thread.sleep(forTimeInterval: 0.3) }
            return .json(200, #"{"status":"ok"}"#)
        }
    }

    @Test func percentilesUnderConcurrency() throws {
        let gauge = Gauge()
        let server = try Self.tenthIsSlow(gauge)
        let results = try runProbes("""
            probes:
              - name: p50-fast
                url: BASE/api
                requests: 40
                concurrency: 10
                expect: ["[STATUS] == 200", "[P50] < 200ms", "[P95] < 30s", "[ERROR_RATE] <= 1%"]
            """, on: server)
        #expect(results[0].passed, "\(results[0].problems.map(\.message))")
        let stats = try #require(results[0].stats)
        #expect(stats.requests == 40 && stats.errors == 0)
        #expect((stats.p50 ?? 1) < 0.2)
        #expect((stats.max ?? 0) >= 0.3)
        #expect(gauge.peak <= 10 && gauge.peak >= 2)

        let tight = try runProbes("""
            probes:
              - name: p95-tight
                url: BASE/api
                requests: 20
                concurrency: 10
                expect: ["[P95] < 200ms"]
            """, on: try Self.tenthIsSlow(Gauge()))
        let message = onlyProblem(tight[0])
        #expect(message.hasPrefix("probe 'p95-tight': [P95] < 200ms failed: got 3"), "\(message)")
        #expect(message.contains("20 requests at concurrency 10, 0 errors"))
    }

    /// One in five requests answers 500.
    static func oneInFiveFails() throws -> HTTPTestServer {
        let counter = Counter()
        return try HTTPTestServer { _ in counter.next() % 5 == 0 ? .json(500, "{}") : .json(200, "{}") }
    }

    @Test func errorRateCountsFailedResponses() throws {
        let probe = { (name: String, requests: Int, expect: String) in
            "probes:\n  - name: \(name)\n    url: BASE/api\n    requests: \(requests)\n    concurrency: 5\n    expect: \(expect)\n"
        }
        let tolerant = try runProbes(probe("tolerant", 50, #"["[STATUS] == 200", "[ERROR_RATE] <= 25%"]"#), on: try Self.oneInFiveFails())
        #expect(tolerant[0].passed, "\(tolerant[0].problems.map(\.message))")
        #expect(tolerant[0].stats?.errors == 10)
        let strict = try runProbes(probe("strict", 50, #"["[STATUS] == 200", "[ERROR_RATE] <= 1%"]"#), on: try Self.oneInFiveFails())
        #expect(onlyProblem(strict[0]).hasPrefix("probe 'strict': [ERROR_RATE] <= 1% failed: got 20%"))
        let noRate = try runProbes(probe("no-rate", 10, #"["[STATUS] == 200"]"#), on: try Self.oneInFiveFails())
        #expect(onlyProblem(noRate[0]).hasPrefix("probe 'no-rate': [STATUS] == 200 failed on 2 of 10 responses (first: 500)"))
    }

    @Test func everyRequestRefusedIsAHundredPercentErrors() throws {
        let port = try HTTPTestServer.closedPort()
        let results = try runProbes("""
            probes:
              - name: down
                url: BASE/
                requests: 10
                concurrency: 10
                expect: ["[STATUS] == 200", "[ERROR_RATE] < 5%", "[P95] < 1s"]
            """, base: "http://127.0.0.1:\(port)")
        let messages = results[0].problems.map(\.message)
        #expect(messages.count == 2)
        #expect(messages[0].hasPrefix("probe 'down': [ERROR_RATE] < 5% failed: got 100% (10 requests at concurrency 10, 10 errors; first failure: refused: "))
        #expect(messages[1].hasPrefix("probe 'down': [P95] < 1s failed: got no responses"))
    }

    @Test func errorRateAloneCountsRefusedHungAndServerErrors() throws {
        // A probe whose only condition is [ERROR_RATE] used to pass with "errors 0/5" when no
        // request got an answer.
        let port = try HTTPTestServer.closedPort()
        let refused = try runProbes("""
            probes:
              - name: refused
                url: BASE/
                requests: 5
                expect: ["[ERROR_RATE] <= 1%"]
            """, base: "http://127.0.0.1:\(port)")
        #expect(!refused[0].passed)
        #expect(refused[0].stats?.errors == 5)
        #expect(onlyProblem(refused[0]).hasPrefix("probe 'refused': [ERROR_RATE] <= 1% failed: got 100% (5 requests at concurrency 1, 5 errors; first failure: refused: "))

        let server = try HTTPTestServer { request in request.path == "/hang" ? .hang : .text(503, "down") }
        let results = try runProbes("""
            probes:
              - name: hung
                url: BASE/hang
                requests: 3
                concurrency: 3
                timeout: 300ms
                expect: ["[ERROR_RATE] <= 1%"]
              - name: server-errors
                url: BASE/down
                requests: 4
                expect: ["[ERROR_RATE] <= 1%"]
              - name: expected-503
                url: BASE/down
                requests: 4
                expect: ["[STATUS] == 503", "[ERROR_RATE] <= 1%"]
            """, on: server)
        #expect(!results[0].passed && results[0].stats?.errors == 3, "\(results[0].problems.map(\.message))")
        #expect(!results[1].passed && results[1].stats?.errors == 4, "a 5xx is an error when no [STATUS] condition says otherwise")
        #expect(results[2].passed && results[2].stats?.errors == 0, "\(results[2].problems.map(\.message))")
    }

    @Test func perRequestLimitUnderConcurrencyLikeTheSeed() throws {
        // "response times < 30 s per request under 10 concurrent requests", scaled down.
        let server = try HTTPTestServer { request in
            .json(200, "{}", delay: request.target.hasSuffix("slow") ? 0.5 : 0.01)
        }
        let results = try runProbes("""
            probes:
              - name: ten-concurrent
                url: BASE/fast
                requests: 10
                concurrency: 10
                expect: ["[RESPONSE_TIME] < 300ms"]
              - name: ten-concurrent-slow
                url: BASE/slow
                requests: 10
                concurrency: 10
                expect: ["[RESPONSE_TIME] < 300ms"]
            """, on: server)
        #expect(results[0].passed)
        #expect(onlyProblem(results[1]).hasPrefix("probe 'ten-concurrent-slow': [RESPONSE_TIME] < 300ms failed on 10 of 10 responses (first: 5"))
    }

    @Test func percentileIsNearestRank() {
        let stats = BatchStats(requests: 20, errors: 0, latencies: (1...20).map(Double.init))
        #expect(stats.p50 == 10 && stats.p95 == 19 && stats.p99 == 20 && stats.max == 20)
        #expect(BatchStats(requests: 1, errors: 0, latencies: [0.5]).p95 == 0.5)
        #expect(BatchStats(requests: 3, errors: 3, latencies: []).p50 == nil)
    }
}
