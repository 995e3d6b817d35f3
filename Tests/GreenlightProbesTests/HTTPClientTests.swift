import Foundation
import GreenlightHTTP
import GreenlightProbes
import GreenlightTestSupport
import Testing

/// The libcurl client against real servers on 127.0.0.1.
@Suite struct HTTPClientTests {
    let client = HTTPClient()

    @Test func statusHeadersBodyAndTimings() throws {
        let server = try HTTPTestServer { request in
            .json(200, #"{"status":"ok","method":"\#(request.method)"}"#, headers: [("X-Build", "42")])
        }
        let response = try client.perform(HTTPRequest(url: server.url("/health"))).get()
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json")
        #expect(response.header("X-BUILD") == "42")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"status":"ok","method":"GET"}"#)
        #expect(response.timings.total > 0)
        #expect(response.timings.firstByte <= response.timings.total)
        #expect(response.timings.connect <= response.timings.firstByte)
        #expect(response.timings.tls == 0)
        #expect(response.remoteAddress == "127.0.0.1")
    }

    @Test func methodHeadersAndBodyAreSent() throws {
        let server = try HTTPTestServer { _ in .text(202, "") }
        let request = HTTPRequest(method: "PATCH", url: server.url("/admin/jobs/run?job=plan"),
                                  headers: [HTTPHeader("X-Admin-Token", "t0ken"), HTTPHeader("Content-Type", "application/json")],
                                  body: Array(#"{"a":1}"#.utf8))
        let response = try client.perform(request).get()
        #expect(response.status == 202)
        let seen = try #require(server.requests.first)
        #expect(seen.method == "PATCH")
        #expect(seen.target == "/admin/jobs/run?job=plan")
        #expect(seen.header("x-admin-token") == "t0ken")
        #expect(seen.bodyText == #"{"a":1}"#)
        #expect(seen.header("expect") == nil)
    }

    @Test func serverThatNeverAnswersTimesOut() throws {
        let server = try HTTPTestServer { _ in .hang }
        let started = Date()
        let outcome = client.perform(HTTPRequest(url: server.url("/slow"), totalTimeout: 0.5))
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a timeout, got \(outcome)")
            return
        }
        #expect(failure.kind == .timeout)
        #expect(failure.connected)
        // A guard against a hang only (the server holds the request for 120 s).
        #expect(Date().timeIntervalSince(started) < 60)
        withExtendedLifetime(server) {}
    }

    @Test func refusedConnection() throws {
        let port = try HTTPTestServer.closedPort()
        let outcome = client.perform(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a refusal, got \(outcome)")
            return
        }
        #expect(failure.kind == .refused)
        #expect(!failure.connected)
        #expect(failure.message.contains("\(port)"))
    }

    @Test func connectionReset() throws {
        let server = try HTTPTestServer { _ in .reset }
        let outcome = client.perform(HTTPRequest(url: server.url("/")))
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a reset, got \(outcome)")
            return
        }
        #expect(failure.kind == .reset)
        withExtendedLifetime(server) {}
    }

    @Test func retriesTransientFailuresWithBackoff() throws {
        let counter = Counter()
        let server = try HTTPTestServer { _ in counter.next() < 3 ? .reset : .text(200, "ok") }
        let started = Date()
        let response = try client.perform(HTTPRequest(url: server.url("/")), retry: RetryPolicy(retries: 3, backoff: 0.05)).get()
        #expect(response.status == 200)
        #expect(server.requests.count == 3)
        // 0.05 + 0.1 of backoff at least
        #expect(Date().timeIntervalSince(started) >= 0.15)
    }

    @Test func statusIsNeverRetried() throws {
        let server = try HTTPTestServer { _ in .text(503, "busy") }
        let response = try client.perform(HTTPRequest(url: server.url("/")), retry: RetryPolicy(retries: 3, backoff: 0.01)).get()
        #expect(response.status == 503)
        #expect(server.requests.count == 1)
    }

    @Test func bodyOverTheCapStopsTheTransfer() throws {
        let server = try HTTPTestServer { _ in .stream(status: 200, headers: [], bytes: 50 << 20) }
        let response = try client.perform(HTTPRequest(url: server.url("/big"), maxBodyBytes: 1 << 20)).get()
        #expect(response.status == 200)
        #expect(response.bodyExceededCap)
        #expect(response.body.count == 1 << 20)
        withExtendedLifetime(server) {}
    }

    @Test func aBodyNobodyReadsIsCountedNotKept() throws {
        let server = try HTTPTestServer { request in
            request.path == "/big" ? .stream(status: 200, headers: [], bytes: 5 << 20) : .text(200, String(repeating: "x", count: 1000))
        }
        var request = HTTPRequest(url: server.url("/big"), maxBodyBytes: 1 << 20)
        request.keepsBody = false
        let capped = try client.perform(request).get()
        #expect(capped.bodyExceededCap && capped.body.isEmpty)
        request.url = server.url("/small")
        let small = try client.perform(request).get()
        #expect(small.status == 200 && !small.bodyExceededCap && small.body.isEmpty)
        withExtendedLifetime(server) {}
    }

    @Test func sameHostRedirectIsFollowedWithCredentials() throws {
        let server = try HTTPTestServer { request in
            request.path == "/old" ? .redirect(302, to: "/new") : .text(200, "new")
        }
        let request = HTTPRequest(url: server.url("/old"), headers: [HTTPHeader("Authorization", "Bearer abc")])
        let response = try client.perform(request).get()
        #expect(response.status == 200)
        #expect(response.redirects == [server.url("/new")])
        #expect(server.requests.map(\.path) == ["/old", "/new"])
        #expect(server.requests.last?.header("authorization") == "Bearer abc")
    }

    @Test func redirectToAnotherPortIsNotFollowedByDefault() throws {
        let other = try HTTPTestServer { _ in .text(200, "elsewhere") }
        let server = try HTTPTestServer { _ in .redirect(302, to: other.url("/steal")) }
        let request = HTTPRequest(url: server.url("/"), headers: [HTTPHeader("Authorization", "Bearer abc")])
        let response = try client.perform(request).get()
        #expect(response.status == 302)
        #expect(response.stoppedRedirect == StoppedRedirect(location: other.url("/steal"), reason: .otherHost))
        #expect(other.requests.isEmpty)
    }

    @Test func redirectToAnotherHostNeverCarriesCredentials() throws {
        let other = try HTTPTestServer { _ in .text(200, "elsewhere") }
        let server = try HTTPTestServer { _ in .redirect(307, to: other.url("/landing")) }
        var request = HTTPRequest(method: "POST", url: server.url("/"),
                                  headers: [HTTPHeader("Authorization", "Bearer abc"), HTTPHeader("X-Admin-Token", "s3cret"),
                                            HTTPHeader("Cookie", "session=1"), HTTPHeader("X-Trace", "keep")],
                                  body: Array("payload".utf8), redirects: .anyHost)
        request.credentialHeaders.insert("x-admin-token")
        let response = try client.perform(request).get()
        #expect(response.status == 200)
        let landed = try #require(other.requests.first)
        #expect(landed.method == "POST")
        #expect(landed.bodyText == "payload")
        #expect(landed.header("authorization") == nil)
        #expect(landed.header("x-admin-token") == nil)
        #expect(landed.header("cookie") == nil)
        #expect(landed.header("x-trace") == "keep")
    }

    @Test func credentialBodyIsNotResentToAnotherHost() throws {
        let other = try HTTPTestServer { _ in .text(200, "elsewhere") }
        let server = try HTTPTestServer { _ in .redirect(308, to: other.url("/landing")) }
        let request = HTTPRequest(method: "POST", url: server.url("/"), body: Array("token=s3cret".utf8),
                                  redirects: .anyHost, bodyCarriesCredentials: true)
        let response = try client.perform(request).get()
        #expect(response.status == 308)
        #expect(response.stoppedRedirect?.reason == .credentialsInBody)
        #expect(other.requests.isEmpty)
    }

    @Test func redirectLoopStops() throws {
        let server = try HTTPTestServer { request in .redirect(302, to: request.path == "/a" ? "/b" : "/a") }
        let response = try client.perform(HTTPRequest(url: server.url("/a"), maxRedirects: 5)).get()
        #expect(response.status == 302)
        #expect(response.stoppedRedirect?.reason == .tooMany)
        #expect(server.requests.count == 6)
    }

    @Test func badSchemeIsRefusedByLibcurl() {
        let outcome = client.perform(HTTPRequest(url: "file:///etc/passwd"))
        guard case .failure(let failure) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(failure.kind == .badURL)
    }

    @Test func concurrencyIsBoundedPerGroup() throws {
        let gauge = Gauge()
        let server = try HTTPTestServer { _ in
            gauge.enter()
            defer { gauge.leave() }
            // Each request is held until five are in flight at once: the group runs in parallel
            // waves, shown without timing them.
            gauge.waitForPeak(5)
            return .text(200, "ok")
        }
        let requests = Array(repeating: HTTPRequest(url: server.url("/")), count: 20)
        let outcomes = client.perform([RequestGroup(requests: requests, concurrency: 5)])[0]
        #expect(outcomes.allSatisfy { (try? $0.get().status) == 200 })
        #expect(gauge.peak == 5)
        #expect(!gauge.gaveUp, "five requests were never in flight at once")
        withExtendedLifetime(server) {}
    }
}

/// A thread-safe counter for handlers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// Tracks how many handler calls run at once.
final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var peak = 0

    func enter() {
        lock.withLock {
            current += 1
            peak = max(peak, current)
        }
    }

    func leave() { lock.withLock { current -= 1 } }

    /// Whether a `waitForPeak` gave up.
    private(set) var gaveUp = false

    /// Waits until `count` calls have been in at once; gives up after `limit` seconds, a guard
    /// against a hang only.
    func waitForPeak(_ count: Int, giveUpAfter limit: TimeInterval = 60) {
        let deadline = Date().addingTimeInterval(limit)
        while lock.withLock({ peak < count }) {
            if Date() > deadline {
                lock.withLock { gaveUp = true }
                return
            }
            usleep(1_000)
        }
    }
}
