import Foundation

/// The loops' API (`docs/loops-api.yaml`) as a real HTTP server on 127.0.0.1, with in-memory
/// state — few-shot bank, users and their inferred preferences, prompts and their rollouts,
/// moat health — bearer-token checks (admin routes refuse `API_KEY` with 403), injectable
/// faults per route, and the log of every request received. Paths and field names follow a
/// `Layout`, so a test can stand up the "slightly different API" a config override adopts.
public final class ContractServer: @unchecked Sendable {
    public struct Layout: Sendable {
        public var health = "/health"
        public var fewShotBuild = "/api/few-shot/build"
        public var inferAll = "/api/preferences/infer-all"
        public var users = "/api/preferences/users"
        public var inferUser = "/api/preferences/{userId}/infer"
        public var moatHealth = "/api/moat-health"
        public var prompt = "/api/prompts/{name}"
        public var rollout = "/api/prompts/{name}/rollout"
        public var examples = "examples"
        public var usersLimit = "limit"
        public var usersProcessed = "processed"
        public var userIDs = "users"
        public var candidate = "candidate"
        public var versions = "versions"
        public var version = "version"
        public var rolloutPercent = "rollout_percent"
        public var score = "eval_score"
        public var samples = "sample_count"
        public var errorRate = "error_rate"
        public var baselineScore = "baseline_score"
        public var stepStartedAt = "step_started_at"
        public var rolloutVersion = "version"
        public var rolloutPercentBody = "percent"

        public init() {}
    }

    public struct Version: Sendable, Equatable {
        public var version: String
        public var rolloutPercent: Int
        public var score: Double
        public var samples: Int
        public var errorRate: Double
        public var baselineScore: Double
        public var stepStartedAt: String

        public init(_ version: String, percent: Int, score: Double = 0.82, samples: Int = 500, errorRate: Double = 0.01,
                    baseline: Double = 0.80, since: String = "2026-11-18T09:00:00Z") {
            self.version = version
            self.rolloutPercent = percent
            self.score = score
            self.samples = samples
            self.errorRate = errorRate
            self.baselineScore = baseline
            self.stepStartedAt = since
        }
    }

    public struct Prompt: Sendable, Equatable {
        public var name: String
        public var candidate: String?
        public var versions: [Version]

        public init(_ name: String, candidate: String?, versions: [Version]) {
            self.name = name
            self.candidate = candidate
            self.versions = versions
        }
    }

    /// What a route does instead of its normal answer, once per matching request.
    public enum Fault: Sendable {
        case status(Int)
        case hang
        case reset
        case redirect(String)
    }

    public enum Auth: Sendable { case none, key, admin }

    public let apiKey: String
    public let adminKey: String
    public let layout: Layout
    private let state: State
    private let server: HTTPTestServer

    /// `clock` is the time the server stamps on a rollout change.
    public init(apiKey: String, adminKey: String, layout: Layout = Layout(), clock: String = "2026-11-21T09:00:00Z") throws {
        self.apiKey = apiKey
        self.adminKey = adminKey
        self.layout = layout
        let state = State(layout: layout, apiKey: apiKey, adminKey: adminKey, clock: clock)
        self.state = state
        server = try HTTPTestServer { request in state.handle(request) }
    }

    public var baseURL: String { server.baseURL }
    public func stop() { server.stop() }

    /// Every request received, in order.
    public var requests: [HTTPTestServer.Request] { server.requests }
    /// The requests that change state (anything but GET and HEAD).
    public var writes: [HTTPTestServer.Request] { requests.filter { $0.method != "GET" && $0.method != "HEAD" } }

    // MARK: - State

    public var fewShotExamples: Int {
        get { state.locked { $0.examples } }
        set { state.locked { $0.examples = newValue } }
    }
    public var fewShotBuilds: Int { state.locked { $0.builds } }
    public var users: [String] {
        get { state.locked { $0.users } }
        set { state.locked { $0.users = newValue } }
    }
    public var inferredUsers: [String] { state.locked { $0.inferred } }
    /// Whether `infer-all` exists (404 otherwise, for the per-user fallback).
    public var inferAllAvailable: Bool {
        get { state.locked { $0.inferAllAvailable } }
        set { state.locked { $0.inferAllAvailable = newValue } }
    }
    /// Make `infer-all` claim this many users processed, whatever the limit (a governance breach).
    public var inferAllClaims: Int? {
        get { state.locked { $0.inferAllClaims } }
        set { state.locked { $0.inferAllClaims = newValue } }
    }

    public func setPrompt(_ prompt: Prompt) { state.locked { $0.prompts[prompt.name] = prompt } }
    public func prompt(_ name: String) -> Prompt? { state.locked { $0.prompts[name] } }

    /// After `after` more requests to `method template` answered normally, the next `count`
    /// get `fault` instead of their answer.
    public func inject(_ fault: Fault, _ method: String, _ template: String, count: Int = 1, after: Int = 0) {
        state.locked {
            $0.faults[method + " " + template, default: []] += Array(repeating: nil, count: after)
                + Array(repeating: fault, count: count)
        }
    }
}

/// The server's state, behind a lock; the handler runs on the server's connection threads.
private final class State: @unchecked Sendable {
    typealias Layout = ContractServer.Layout
    let layout: Layout
    let apiKey: String
    let adminKey: String
    let clock: String
    private let lock = NSLock()

    var examples = 120
    var builds = 0
    var users = ["u1", "u2", "u3"]
    var inferred: [String] = []
    var inferAllAvailable = true
    var inferAllClaims: Int?
    var prompts: [String: ContractServer.Prompt] = [:]
    var faults: [String: [ContractServer.Fault?]] = [:]

    init(layout: Layout, apiKey: String, adminKey: String, clock: String) {
        self.layout = layout
        self.apiKey = apiKey
        self.adminKey = adminKey
        self.clock = clock
    }

    func locked<T>(_ body: (State) -> T) -> T { lock.withLock { body(self) } }

    private var routes: [(method: String, template: String, auth: ContractServer.Auth)] {
        [("GET", layout.health, .none), ("POST", layout.fewShotBuild, .admin), ("POST", layout.inferAll, .admin),
         ("GET", layout.users, .admin), ("POST", layout.inferUser, .admin), ("GET", layout.moatHealth, .key),
         ("GET", layout.prompt, .key), ("POST", layout.rollout, .admin)]
    }

    func handle(_ request: HTTPTestServer.Request) -> HTTPTestServer.Reply {
        var matched: (String, String, ContractServer.Auth, [String: String])?
        for route in routes {
            if let parameters = Self.match(route.template, request.path) {
                if route.method == request.method { matched = (route.method, route.template, route.auth, parameters) }
                else if matched == nil { matched = ("", route.template, route.auth, parameters) }
            }
        }
        guard let (method, template, auth, parameters) = matched else { return error(404, "no such route") }
        guard !method.isEmpty else { return error(405, "method not allowed") }
        if let fault = lock.withLock({ () -> ContractServer.Fault? in
            let key = method + " " + template
            guard var queue = faults[key], !queue.isEmpty else { return nil }
            let first = queue.removeFirst()
            faults[key] = queue
            return first ?? nil
        }) {
            switch fault {
            case .status(let status): return error(status, "injected fault")
            case .hang: return .hang
            case .reset: return .reset
            case .redirect(let location): return .redirect(307, to: location)
            }
        }
        let token = request.header("Authorization").flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        switch auth {
        case .none: break
        case .key: guard token == apiKey || token == adminKey else { return error(401, "unauthorized") }
        case .admin:
            guard token == apiKey || token == adminKey else { return error(401, "unauthorized") }
            guard token == adminKey else { return error(403, "admin key required") }
        }
        let body = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
        return lock.withLock { answer(template, parameters, body) }
    }

    private func answer(_ template: String, _ parameters: [String: String], _ body: [String: Any]?) -> HTTPTestServer.Reply {
        switch template {
        case layout.health: return json(["status": "ok"])
        case layout.fewShotBuild:
            builds += 1
            return json(Self.nest(layout.examples, examples))
        case layout.inferAll:
            guard inferAllAvailable else { return error(404, "no such route") }
            guard let limit = body?[layout.usersLimit] as? Int, limit > 0 else { return error(400, "\(layout.usersLimit) required") }
            let chosen = users.prefix(limit)
            for user in chosen where !inferred.contains(user) { inferred.append(user) }
            return json([layout.usersProcessed: inferAllClaims ?? chosen.count])
        case layout.users: return json([layout.userIDs: users])
        case layout.inferUser:
            guard let user = parameters["userId"], users.contains(user) else { return error(404, "no such user") }
            if !inferred.contains(user) { inferred.append(user) }
            return json(["userId": user, "inferred": true])
        case layout.moatHealth:
            return json(["few_shot_bank": ["examples": examples], "users_with_preferences": inferred.count, "status": "healthy"])
        case layout.prompt:
            guard let name = parameters["name"], let prompt = prompts[name] else { return error(404, "no such prompt") }
            return json(render(prompt))
        case layout.rollout:
            guard let name = parameters["name"], var prompt = prompts[name] else { return error(404, "no such prompt") }
            guard let version = body?[layout.rolloutVersion] as? String,
                  let percent = body?[layout.rolloutPercentBody] as? Int, (0...100).contains(percent) else {
                return error(422, "\(layout.rolloutVersion) and \(layout.rolloutPercentBody) (0 to 100) required")
            }
            guard let index = prompt.versions.firstIndex(where: { $0.version == version }) else { return error(404, "no such version") }
            prompt.versions[index].rolloutPercent = percent
            prompt.versions[index].stepStartedAt = clock
            prompts[name] = prompt
            return json(render(prompt))
        default: return error(404, "no such route")
        }
    }

    private func render(_ prompt: ContractServer.Prompt) -> [String: Any] {
        var out: [String: Any] = ["name": prompt.name]
        if let candidate = prompt.candidate { out[layout.candidate] = candidate }
        out[layout.versions] = prompt.versions.map { version -> [String: Any] in
            [layout.version: version.version, layout.rolloutPercent: version.rolloutPercent, layout.score: version.score,
             layout.samples: version.samples, layout.errorRate: version.errorRate, layout.baselineScore: version.baselineScore,
             layout.stepStartedAt: version.stepStartedAt]
        }
        return out
    }

    /// `{"a": {"b": value}}` for the dotted name `a.b`.
    static func nest(_ dotted: String, _ value: Any) -> [String: Any] {
        let parts = dotted.split(separator: ".").map(String.init)
        var object: [String: Any] = [parts.last!: value]
        for part in parts.dropLast().reversed() { object = [part: object] }
        return object
    }

    /// Path parameters when `path` fits `template` segment by segment.
    static func match(_ template: String, _ path: String) -> [String: String]? {
        let expected = template.split(separator: "/", omittingEmptySubsequences: false)
        let actual = path.split(separator: "/", omittingEmptySubsequences: false)
        guard expected.count == actual.count else { return nil }
        var parameters: [String: String] = [:]
        for (want, have) in zip(expected, actual) {
            if want.hasPrefix("{") && want.hasSuffix("}") {
                guard !have.isEmpty else { return nil }
                parameters[String(want.dropFirst().dropLast())] = String(have).removingPercentEncoding ?? String(have)
            } else if want != have {
                return nil
            }
        }
        return parameters
    }

    private func json(_ object: [String: Any], status: Int = 200) -> HTTPTestServer.Reply {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return .respond(status: status, headers: [("Content-Type", "application/json")], body: Array(data), delay: 0)
    }

    private func error(_ status: Int, _ message: String) -> HTTPTestServer.Reply {
        json(["error": message], status: status)
    }
}
