import Foundation
import GreenlightHTTP

/// Runs probes: expands `${NAME}` from the environment, sends every probe's requests through
/// one `HTTPClient` call (each probe under its own concurrency), decides the conditions, and
/// gives a probe that failed another round while its `failure_threshold` allows, after a
/// backoff. The number of rounds and every wait are bounded.
public struct ProbeRunner {
    public var environment: [String: String]
    /// The clock for `[CERT_EXPIRY]`.
    public var now: Date
    public var client: HTTPClient

    public init(environment: [String: String], now: Date = Date(), client: HTTPClient = HTTPClient()) {
        self.environment = environment
        self.now = now
        self.client = client
    }

    /// The redactor for these probes' variables. Every variable is a secret (hidden wherever a
    /// part of it comes back) except one that opens a URL (`${API_URL}/health`): a base URL.
    public func redactor(for specs: [ProbeSpec]) -> Redactor {
        let variables = specs.flatMap(Self.variables)
        let bases = Set(specs.compactMap { $0.url.literalPrefix.isEmpty ? $0.url.variables.first : nil })
        let secrets = Set(variables).subtracting(bases).union(specs.flatMap { spec in
            spec.headers.filter(spec.isCredential).flatMap(\.value.variables) })
        return Redactor(variables: variables, environment: environment, secrets: secrets)
    }

    static func variables(_ spec: ProbeSpec) -> [String] {
        spec.url.variables + spec.headers.flatMap(\.value.variables) + (spec.body?.variables ?? [])
    }

    public func run(_ specs: [ProbeSpec]) -> [ProbeResult] {
        let redact = redactor(for: specs)
        var results: [ProbeResult?] = Array(repeating: nil, count: specs.count)
        var prepared: [Int: Prepared] = [:]
        for (index, spec) in specs.enumerated() {
            switch prepare(spec) {
            case .success(let ready): prepared[index] = ready
            case .failure(let problem): results[index] = Evaluation.unsent(spec, problem: problem)
            }
        }

        var domains: [Int: Result<Date, DomainLookupFailure>] = [:]
        for (index, ready) in prepared where specs[index].expect.contains(where: { $0.condition.placeholders.contains(.domainExpiry) }) {
            let spec = specs[index]
            let host = URLComponents(string: ready.requests[0].url)?.host ?? ""
            domains[index] = DomainRegistration(base: spec.rdap, client: client, connectTimeout: spec.connectTimeout, timeout: spec.timeout)
                .expiry(host: host)
        }

        var pending = prepared.keys.sorted()
        var round = 0
        let maxRounds = specs.map(\.failureThreshold).max() ?? 1
        while !pending.isEmpty && round < maxRounds {
            round += 1
            if round > 1 {
                let wait = pending.map { specs[$0].backoff }.max() ?? 1
                Thread.sleep(forTimeInterval: min(wait * pow(2, Double(round - 2)), 30))
            }
            var groups: [RequestGroup] = []
            var slots: [(index: Int, main: Int, auth: Int?)] = []
            for index in pending {
                let ready = prepared[index]!
                let retry = RetryPolicy(retries: specs[index].retries, backoff: specs[index].backoff)
                let main = groups.count
                groups.append(RequestGroup(requests: ready.requests, concurrency: specs[index].concurrency, retry: retry))
                var auth: Int?
                if let request = ready.anonymous {
                    auth = groups.count
                    groups.append(RequestGroup(requests: [request], concurrency: 1, retry: retry))
                }
                slots.append((index, main, auth))
            }
            let outcomes = client.perform(groups)
            var again: [Int] = []
            for slot in slots {
                let spec = specs[slot.index]
                let evaluation = Evaluation(spec: spec, now: now, redact: redact, domainExpiry: domains[slot.index])
                let result = evaluation.result(outcomes[slot.main], auth: slot.auth.map { outcomes[$0][0] },
                                               withheld: prepared[slot.index]!.withheld, attempts: round)
                results[slot.index] = result
                if !result.passed && round < spec.failureThreshold { again.append(slot.index) }
            }
            pending = again
        }
        return results.map { $0! }
    }

    /// A probe's requests, ready to send.
    struct Prepared {
        let requests: [HTTPRequest]
        /// The same request without credential headers (`auth_required`).
        let anonymous: HTTPRequest?
        let withheld: [String]
    }

    func prepare(_ spec: ProbeSpec) -> Result<Prepared, ProbeProblem> {
        var missing: [MissingVariables.Reference] = []
        func expand(_ template: Template) -> String {
            switch template.expand(environment) {
            case .success(let text): return text
            case .failure(let error):
                for reference in error.references where !missing.contains(where: { $0.name == reference.name }) {
                    missing.append(reference)
                }
                return ""
            }
        }
        let url = expand(spec.url)
        let headers = spec.headers.map { HTTPHeader($0.name, expand($0.value)) }
        let body = spec.body.map { Array(expand($0).utf8) }
        if let first = missing.first {
            let names = missing.map(\.name)
            let list = names.count == 1 ? "environment variable \(names[0]) is" : "environment variables \(names.joined(separator: ", ")) are"
            return .failure(ProbeProblem(kind: .missingVariable, message: "probe '\(spec.name)': \(list) not set (or empty)",
                                         position: first.position ?? spec.position, matched: "\(spec.name) ${\(names.joined(separator: ","))}"))
        }
        let components = URLComponents(string: url)
        let scheme = components?.scheme?.lowercased() ?? ""
        guard ["http", "https"].contains(scheme), let host = components?.host, !host.isEmpty else {
            let why = ["http", "https"].contains(scheme) || scheme.isEmpty ? "is not a valid URL" : "has the unsupported scheme '\(scheme)'"
            return .failure(ProbeProblem(kind: .badURL, message: "probe '\(spec.name)': URL \(spec.url.text) \(why) once expanded",
                                         position: spec.url.source.position ?? spec.position, matched: "\(spec.name) url"))
        }
        var credentials = HTTPRequest.standardCredentialHeaders
        for header in spec.headers where spec.isCredential(header) { credentials.insert(header.name.lowercased()) }
        let request = HTTPRequest(
            method: spec.method, url: url, headers: headers, body: body,
            connectTimeout: spec.connectTimeout, totalTimeout: spec.timeout, verifyTLS: !spec.insecure,
            maxBodyBytes: spec.maxBody, redirects: spec.followRedirects, credentialHeaders: credentials,
            bodyCarriesCredentials: spec.body?.hasVariables ?? false)
        var first = request
        first.wantsCertificate = scheme == "https"
        var requests = [first]
        if spec.requests > 1 {
            var rest = request
            rest.keepsBody = spec.readsBody  // the first answer is the report's sample either way
            requests += Array(repeating: rest, count: spec.requests - 1)
        }
        var anonymous: HTTPRequest?
        var withheld: [String] = []
        if spec.authRequired {
            var stripped = request
            stripped.headers.removeAll { credentials.contains($0.name.lowercased()) }
            withheld = spec.headers.filter { credentials.contains($0.name.lowercased()) }.map(\.name)
            anonymous = stripped
        }
        return .success(Prepared(requests: requests, anonymous: anonymous, withheld: withheld))
    }
}
