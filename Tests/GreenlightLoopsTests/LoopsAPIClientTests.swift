import Foundation
import GreenlightLoops
import GreenlightTestSupport
import Testing

/// Records the waits between attempts instead of sleeping.
final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double] = []

    var recorded: [Double] { lock.withLock { values } }
    var sleep: @Sendable (Double) -> Void { { [self] seconds in lock.withLock { values.append(seconds) } } }
}

/// Counts requests per path, for servers whose answer depends on the attempt.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func next(_ key: String) -> Int {
        lock.withLock {
            counts[key, default: 0] += 1
            return counts[key]!
        }
    }
}

@Suite("Loops API client: retries, credentials, redaction")
struct LoopsAPIClientTests {
    static let key = "key-PUBLIC-READ-7f3a"
    static let admin = "admin-SECRET-91c2e"

    func client(_ base: String, retries: Int = 2, timeout: Double = 5, waits: Waits = Waits()) -> LoopsAPIClient {
        var settings = LoopsAPISettings()
        settings.retries = retries
        settings.backoff = 0.5
        settings.maxBackoff = 0.75
        settings.timeout = timeout
        return LoopsAPIClient(settings: settings, credentials: .init(baseURL: base + "/", key: Self.key, adminKey: Self.admin),
                              sleep: waits.sleep)
    }

    @Test func retriesServerErrorsWithBackoff() throws {
        let counter = Counter()
        let server = try HTTPTestServer { request in
            switch counter.next(request.path) {
            case 1: return .json(500, #"{"error":"db down"}"#)
            case 2: return .json(503, "")
            default: return .json(200, #"{"examples": 42}"#)
            }
        }
        let waits = Waits()
        let result = client(server.baseURL, waits: waits).call(.fewShotBuild)
        #expect(result.record.outcome == .ok)
        #expect(result.record.attempts == 3 && result.record.status == 200)
        #expect(result.json?.field("examples")?.integer == 42)
        #expect(server.requests.count == 3)
        #expect(waits.recorded == [0.5, 0.75], "doubling, capped at max_backoff")
        #expect(result.record.answer == "200 after 3 attempts")
    }

    @Test func givesUpAfterItsRetries() throws {
        let server = try HTTPTestServer { _ in .json(500, #"{"error":"still down"}"#) }
        let result = client(server.baseURL, retries: 3).call(.moatHealth)
        #expect(result.record.outcome == .serverError && result.record.status == 500 && result.record.attempts == 4)
        #expect(result.record.detail == #"{"error":"still down"}"#)
        #expect(result.record.outcomeLine == #"GET ${API_URL}/api/moat-health answered 500 after 4 attempts: {"error":"still down"}"#)
        #expect(server.requests.count == 4)
    }

    @Test(arguments: [400, 401, 403, 404, 409, 422, 429])
    func neverRetriesClientErrors(status: Int) throws {
        let server = try HTTPTestServer { _ in .json(status, "") }
        let waits = Waits()
        let result = client(server.baseURL, waits: waits).call(.rollout, ["name": "summarize"],
                                                               body: RequestBody(["version": .string("v3"), "percent": .int(50)]))
        #expect(result.record.outcome == .clientError && result.record.status == status && result.record.attempts == 1)
        #expect(server.requests.count == 1)
        #expect(waits.recorded.isEmpty)
    }

    @Test func retriesTimeouts() throws {
        let counter = Counter()
        let server = try HTTPTestServer { request in counter.next(request.path) == 1 ? .hang : .json(200, #"{"status":"ok"}"#) }
        let result = client(server.baseURL, timeout: 0.3).call(.health)
        #expect(result.record.outcome == .ok && result.record.attempts == 2, "\(result.record)")
        #expect(server.requests.count == 2)
    }

    @Test func noAnswerAfterEveryAttempt() throws {
        let port = try HTTPTestServer.closedPort()
        let result = client("http://127.0.0.1:\(port)").call(.health)
        #expect(result.record.outcome == .noAnswer && result.record.status == nil && result.record.attempts == 3)
        #expect(result.record.outcomeLine.hasPrefix("GET ${API_URL}/health got no answer after 3 attempts: refused"))
    }

    @Test func eachCallCarriesItsOwnToken() throws {
        let server = try HTTPTestServer { _ in .json(200, "{}") }
        let api = client(server.baseURL)
        for endpoint in Endpoint.allCases {
            _ = api.call(endpoint, ["name": "p", "userId": "u"])
        }
        let byPath = Dictionary(uniqueKeysWithValues: server.requests.map {
            ($0.method + " " + $0.path, $0.header("Authorization") ?? "none")
        })
        #expect(byPath == [
            "GET /health": "none",
            "POST /api/few-shot/build": "Bearer \(Self.admin)",
            "POST /api/preferences/infer-all": "Bearer \(Self.admin)",
            "GET /api/preferences/users": "Bearer \(Self.admin)",
            "POST /api/preferences/u/infer": "Bearer \(Self.admin)",
            "GET /api/moat-health": "Bearer \(Self.key)",
            "GET /api/prompts/p": "Bearer \(Self.key)",
            "POST /api/prompts/p/rollout": "Bearer \(Self.admin)",
        ])
        // Every write has a JSON body, `{}` when the call takes none.
        for request in server.requests where request.method == "POST" {
            #expect(request.header("Content-Type") == "application/json")
            #expect(!request.body.isEmpty)
        }
    }

    @Test func credentialsNeverLeaveTheHost() throws {
        let elsewhere = try HTTPTestServer { _ in .json(200, "{}") }
        let server = try HTTPTestServer { request in
            request.path == "/moved" ? .json(200, #"{"examples": 1}"#) : .redirect(307, to: elsewhere.url("/api/few-shot/build"))
        }
        let result = client(server.baseURL).call(.fewShotBuild)
        #expect(result.record.outcome == .redirect && result.record.status == 307 && result.record.attempts == 1)
        #expect(result.record.detail == "redirect to another host not followed")
        #expect(elsewhere.requests.isEmpty)

        // On the same host, the redirect is followed with the token.
        let same = try HTTPTestServer { request in
            request.path == "/moved" ? .json(200, #"{"examples": 1}"#) : .redirect(307, to: "/moved")
        }
        let followed = client(same.baseURL).call(.fewShotBuild)
        #expect(followed.record.outcome == .ok)
        #expect(same.requests.map { $0.header("Authorization") } == ["Bearer \(Self.admin)", "Bearer \(Self.admin)"])
    }

    @Test func errorBodiesAreRedacted() throws {
        let server = try HTTPTestServer { request in
            .json(500, #"{"error":"bad token \#(request.header("Authorization") ?? "")"}"#)
        }
        let result = client(server.baseURL, retries: 0).call(.inferAll, body: RequestBody(["limit": .int(10)]))
        #expect(result.record.detail == #"{"error":"bad token Bearer ${ADMIN_API_KEY}"}"#)
        #expect(!(result.record.detail ?? "").contains(Self.admin))
    }

    @Test func pathParametersAreOneSegment() throws {
        let server = try HTTPTestServer { _ in .json(200, "{}") }
        _ = client(server.baseURL).call(.inferUser, ["userId": "team/42 ü"])
        #expect(server.requests.map(\.path) == ["/api/preferences/team%2F42%20%C3%BC/infer"])
    }

    @Test func aNonJSONAnswerIsABadAnswer() throws {
        let server = try HTTPTestServer { _ in .text(200, "<html>ok</html>") }
        let result = client(server.baseURL).call(.moatHealth)
        #expect(result.record.outcome == .badAnswer && result.record.detail == "the body is not valid JSON")
        #expect(server.requests.count == 1, "a bad answer is not retried")
    }
}
