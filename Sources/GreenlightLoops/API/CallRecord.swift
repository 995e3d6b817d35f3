/// One call as the reports keep it: what was (or would be) sent, with which credential, how
/// many attempts, and the answer. URLs are written from `${API_URL}`, never expanded, so
/// reports carry no host, port or token and stay byte-identical between runs.
public struct CallRecord: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// A 2xx answer.
        case ok
        /// A 4xx answer: not retried.
        case clientError = "client-error"
        /// A 5xx answer on the last attempt.
        case serverError = "server-error"
        /// No answer on the last attempt (timeout, refused, reset, unresolved, TLS).
        case noAnswer = "no-answer"
        /// A 3xx not followed (another host, or too many).
        case redirect
        /// A 2xx whose body is not what the contract says.
        case badAnswer = "bad-answer"
        /// Not sent: a dry run's write, or a call after a failed step.
        case notSent = "not-sent"
    }

    public var endpoint: Endpoint
    public var method: String
    public var url: String
    /// The variable whose token went with it (`API_KEY`, `ADMIN_API_KEY`), or nil.
    public var credential: String?
    /// The request body, when there is one (never holds credentials).
    public var body: String?
    public var attempts: Int
    public var status: Int?
    public var outcome: Outcome
    /// One line, redacted.
    public var detail: String?

    public init(endpoint: Endpoint, method: String, url: String, credential: String?, body: String?, attempts: Int,
                status: Int?, outcome: Outcome, detail: String?) {
        self.endpoint = endpoint
        self.method = method
        self.url = url
        self.credential = credential
        self.body = body
        self.attempts = attempts
        self.status = status
        self.outcome = outcome
        self.detail = detail
    }

    /// `POST ${API_URL}/api/few-shot/build`
    public var request: String { "\(method) \(url)" }

    /// `POST ${API_URL}/x answered 500 after 3 attempts: {"error":"db"}`,
    /// `GET ${API_URL}/health got no answer after 3 attempts: refused: …`.
    public var outcomeLine: String {
        let tail = detail.map { ": \($0)" } ?? ""
        if outcome == .notSent { return "\(request) was not sent\(tail)" }
        guard let status else {
            return "\(request) got no answer" + (attempts > 1 ? " after \(attempts) attempts" : "") + tail
        }
        return "\(request) answered \(status)" + (attempts > 1 ? " after \(attempts) attempts" : "") + tail
    }

    /// `200`, `500 after 3 attempts`, `no answer (timeout) after 3 attempts`, `not sent`.
    public var answer: String {
        if outcome == .notSent { return "not sent" }
        let what = status.map(String.init) ?? "no answer"
        return attempts > 1 ? "\(what) after \(attempts) attempts" : what
    }
}
