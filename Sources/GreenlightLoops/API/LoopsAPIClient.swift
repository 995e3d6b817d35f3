import Foundation
import GreenlightCore
import GreenlightHTTP
import GreenlightProbes

/// The loops' client for the team's API over libcurl: every URL is `API_URL` plus a configured
/// path (so it never leaves `API_URL`'s host), redirects are followed on the same host only
/// and credentials never go to another, `ADMIN_API_KEY` goes only with admin calls, and a 5xx
/// or a call without an answer is retried with exponential backoff — a 4xx never is.
public struct LoopsAPIClient {
    public struct Credentials: Sendable {
        public var baseURL: String
        public var key: String
        public var adminKey: String

        public init(baseURL: String, key: String, adminKey: String) {
            self.baseURL = baseURL
            self.key = key
            self.adminKey = adminKey
        }
    }

    /// A call's record and, for a 2xx with a JSON body, the body.
    public struct Result: Sendable {
        public var record: CallRecord
        public var json: JSONValue?

        public var succeeded: Bool { record.outcome == .ok }
    }

    public let settings: LoopsAPISettings
    let credentials: Credentials
    let redactor: Redactor
    /// How the client waits between attempts (tests may count instead of sleeping).
    let sleep: @Sendable (Double) -> Void
    private let http = HTTPClient()

    public init(settings: LoopsAPISettings, credentials: Credentials,
                sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.settings = settings
        var credentials = credentials
        while credentials.baseURL.hasSuffix("/") { credentials.baseURL.removeLast() }
        self.credentials = credentials
        self.redactor = Redactor(
            variables: [settings.urlVariable, settings.keyVariable, settings.adminKeyVariable],
            environment: [settings.urlVariable: credentials.baseURL, settings.keyVariable: credentials.key,
                          settings.adminKeyVariable: credentials.adminKey],
            secrets: [settings.keyVariable, settings.adminKeyVariable])
        self.sleep = sleep
    }

    /// The record of a call that is not made (a dry run's write; a step after a failure).
    public func planned(_ endpoint: Endpoint, _ parameters: [String: String] = [:], body: RequestBody? = nil,
                        detail: String? = nil) -> CallRecord {
        CallRecord(endpoint: endpoint, method: endpoint.method, url: shownURL(endpoint, parameters),
                   credential: credentialName(endpoint), body: body?.text, attempts: 0, status: nil, outcome: .notSent,
                   detail: detail)
    }

    public func shownURL(_ endpoint: Endpoint, _ parameters: [String: String] = [:]) -> String {
        "${\(settings.urlVariable)}" + endpoint.path(in: settings.paths, parameters)
    }

    func credentialName(_ endpoint: Endpoint) -> String? {
        switch endpoint.credential {
        case .none: return nil
        case .key: return settings.keyVariable
        case .adminKey: return settings.adminKeyVariable
        }
    }

    /// Make one call, with its retries.
    public func call(_ endpoint: Endpoint, _ parameters: [String: String] = [:], body: RequestBody? = nil) -> Result {
        var record = planned(endpoint, parameters, body: body)
        let request = makeRequest(endpoint, parameters, body: body)
        let attempts = settings.retries + 1
        for attempt in 1...attempts {
            record.attempts = attempt
            let outcome = http.perform(request)
            let last = attempt == attempts
            switch outcome {
            case .success(let response):
                record.status = response.status
                switch response.status {
                case 200..<300:
                    return answered(record, response)
                case 300..<400:
                    record.outcome = .redirect
                    record.detail = redactor(response.stoppedRedirect.map { "\($0.reason.rawValue)" }
                        ?? "unexpected redirect")
                    return Result(record: record, json: nil)
                case 400..<500:
                    record.outcome = .clientError
                    record.detail = snippet(response)
                    return Result(record: record, json: nil)
                default:
                    record.outcome = .serverError
                    record.detail = snippet(response)
                    if last { return Result(record: record, json: nil) }
                }
            case .failure(let failure):
                record.status = nil
                record.outcome = .noAnswer
                record.detail = redactor("\(failure.kind.rawValue): \(failure.message)")
                if last || !failure.isTransient { return Result(record: record, json: nil) }
            }
            sleep(RetryPolicy(retries: settings.retries, backoff: settings.backoff, maxWait: settings.maxBackoff)
                .wait(before: attempt))
        }
        return Result(record: record, json: nil)
    }

    private func makeRequest(_ endpoint: Endpoint, _ parameters: [String: String], body: RequestBody?) -> HTTPRequest {
        var headers = [HTTPHeader("Accept", "application/json")]
        switch endpoint.credential {
        case .none: break
        case .key: headers.append(HTTPHeader("Authorization", "Bearer \(credentials.key)"))
        case .adminKey: headers.append(HTTPHeader("Authorization", "Bearer \(credentials.adminKey)"))
        }
        var bytes: [UInt8]?
        if let body {
            headers.append(HTTPHeader("Content-Type", "application/json"))
            bytes = body.bytes
        } else if endpoint.isWrite {
            headers.append(HTTPHeader("Content-Type", "application/json"))
            bytes = Array("{}".utf8)
        }
        return HTTPRequest(
            method: endpoint.method, url: credentials.baseURL + endpoint.path(in: settings.paths, parameters),
            headers: headers, body: bytes, connectTimeout: min(settings.connectTimeout, settings.timeout),
            totalTimeout: settings.timeout, redirects: .sameHost)
    }

    private func answered(_ record: CallRecord, _ response: HTTPResponse) -> Result {
        var record = record
        record.outcome = .ok
        if response.bodyExceededCap {
            record.outcome = .badAnswer
            record.detail = "the answer is larger than 1 MiB"
            return Result(record: record, json: nil)
        }
        if response.body.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) {
            return Result(record: record, json: nil)
        }
        switch JSONValue.parse(response.body) {
        case .success(let json): return Result(record: record, json: json)
        case .failure(let error):
            record.outcome = .badAnswer
            record.detail = error.message
            return Result(record: record, json: nil)
        }
    }

    /// The start of an error body, on one line, redacted.
    private func snippet(_ response: HTTPResponse) -> String? {
        let text = String(decoding: response.body.prefix(400), as: UTF8.self)
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let redacted = redactor(text)
        return redacted.count > 120 ? String(redacted.prefix(120)) + "…" : redacted
    }

    /// Redact anything that came back from the network.
    public func redact(_ text: String) -> String { redactor(text) }
}
