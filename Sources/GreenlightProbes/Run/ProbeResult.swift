import Foundation
import GreenlightCore
import GreenlightHTTP

/// What one probe did and found. Every string in it is safe to show: URLs and headers are the
/// templates as written, and text from the network has passed through the `Redactor`.
public struct ProbeResult: Sendable, Encodable {
    public let name: String
    public let method: String
    /// The URL template as written (`${NAME}` references unexpanded).
    public let url: String
    public let position: SourcePosition?
    public let passed: Bool
    /// TLS verification was off (`insecure: true`).
    public let insecure: Bool
    /// Rounds run (more than one when `failure_threshold` allowed another try).
    public let attempts: Int
    public let requests: Int
    public let concurrency: Int
    /// Latency and errors over the last round; nil when no request was sent.
    public let stats: BatchStats?
    /// The first response of the last round, if any.
    public let response: ResponseSummary?
    public let conditions: [ConditionResult]
    /// What failed, one entry per finding.
    public let problems: [ProbeProblem]
    /// The request sent without credentials, when `auth_required` asked for one.
    public let auth: AuthCheck?
}

/// One condition's verdict over the last round.
public struct ConditionResult: Sendable, Encodable {
    public let condition: String
    public let passed: Bool
    /// The value seen (the first failing one when it failed), or why there was none.
    public let actual: String
    /// Responses on which it failed (per-response conditions); 0 for aggregates that passed.
    public let failures: Int
    /// Responses it was decided on.
    public let evaluated: Int
    public let position: SourcePosition?
}

/// A problem worth a finding.
public struct ProbeProblem: Error, Sendable, Encodable, Equatable {
    public enum Kind: String, Sendable, Encodable {
        case missingVariable = "missing-variable"
        case badURL = "bad-url"
        case requestFailed = "request-failed"
        case condition
        case authNotEnforced = "auth-not-enforced"
    }

    public let kind: Kind
    public let message: String
    public let position: SourcePosition?
    /// Stable text for the finding's fingerprint (probe and condition, never values).
    public let matched: String
}

/// The response that stands for the round in reports.
public struct ResponseSummary: Sendable, Encodable {
    public let status: Int
    /// Milliseconds, cumulative from the final hop's start, as `curl -w` prints them.
    public let timingsMilliseconds: Timings
    /// The whole exchange, redirects included, in milliseconds.
    public let elapsedMilliseconds: Double
    public let bodyBytes: Int
    public let bodyExceededCap: Bool
    public let redirects: [String]
    public let stoppedRedirect: String?
    public let certificateExpires: String?

    public struct Timings: Sendable, Encodable, Equatable {
        public let dns: Double
        public let connect: Double
        public let tls: Double
        public let firstByte: Double
        public let total: Double
    }

    init(_ response: HTTPResponse, redact: Redactor) {
        status = response.status
        let t = response.timings
        func ms(_ seconds: Double) -> Double { (seconds * 1_000_000).rounded() / 1000 }
        timingsMilliseconds = Timings(dns: ms(t.dns), connect: ms(t.connect), tls: ms(t.tls), firstByte: ms(t.firstByte), total: ms(t.total))
        elapsedMilliseconds = ms(response.elapsed)
        bodyBytes = response.body.count
        bodyExceededCap = response.bodyExceededCap
        redirects = response.redirects.map { redact($0) }
        stoppedRedirect = response.stoppedRedirect.map { "\(redact($0.location)) (\($0.reason.rawValue))" }
        certificateExpires = response.certificateNotAfter.map(Timestamp.format)
    }
}

/// The request sent without its credential headers must be refused with 401 or 403.
public struct AuthCheck: Sendable, Encodable {
    public let passed: Bool
    /// `401`, or why no status came back.
    public let actual: String
    /// The headers left out.
    public let withheld: [String]
}
