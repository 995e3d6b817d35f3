import Foundation

/// One header line, as sent or received. Names compare case-insensitively.
public struct HTTPHeader: Sendable, Equatable, Codable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Which redirects a request follows. Whatever the policy, credentials never go to another
/// host: see `HTTPRequest.credentialHeaders`.
public enum RedirectPolicy: String, Sendable, Codable, CaseIterable {
    /// Never follow; the 3xx is the response.
    case none
    /// Follow only to the same host and port (an upgrade from http to https on the same host
    /// counts as the same host); otherwise stop at the 3xx.
    case sameHost = "same-host"
    /// Follow anywhere over http or https, without credentials once the host changes.
    case anyHost = "any-host"
}

/// One logical request: redirects, timeouts, TLS, the body cap. Every field has a safe default.
public struct HTTPRequest: Sendable {
    /// Header names that always carry credentials (lowercased).
    public static let standardCredentialHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie"]

    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]?
    /// Seconds to establish the connection (TCP and TLS).
    public var connectTimeout: Double
    /// Seconds for the whole exchange, redirects included.
    public var totalTimeout: Double
    /// TLS peer and host verification; off only when a probe says `insecure: true`.
    public var verifyTLS: Bool
    /// Bytes of (decoded) body kept; a larger body stops the transfer and is flagged.
    public var maxBodyBytes: Int
    public var redirects: RedirectPolicy
    public var maxRedirects: Int
    /// Lowercased names of the headers that carry credentials: they are never sent to a host
    /// other than the request's own.
    public var credentialHeaders: Set<String>
    /// Whether the body carries credentials (then it is never sent to another host either).
    public var bodyCarriesCredentials: Bool
    /// Read the server certificate's expiry (https only).
    public var wantsCertificate: Bool
    /// Keep the body's bytes (up to the cap). A request whose body nobody reads counts them and
    /// drops them, so that a thousand large answers are not held at once.
    public var keepsBody = true

    public init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: [UInt8]? = nil,
        connectTimeout: Double = 5,
        totalTimeout: Double = 30,
        verifyTLS: Bool = true,
        maxBodyBytes: Int = 1 << 20,
        redirects: RedirectPolicy = .sameHost,
        maxRedirects: Int = 10,
        credentialHeaders: Set<String> = HTTPRequest.standardCredentialHeaders,
        bodyCarriesCredentials: Bool = false,
        wantsCertificate: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.verifyTLS = verifyTLS
        self.maxBodyBytes = maxBodyBytes
        self.redirects = redirects
        self.maxRedirects = maxRedirects
        self.credentialHeaders = credentialHeaders
        self.bodyCarriesCredentials = bodyCarriesCredentials
        self.wantsCertificate = wantsCertificate
    }

    /// Whether a header of this name carries credentials.
    public func isCredential(_ name: String) -> Bool {
        credentialHeaders.contains(name.lowercased())
    }
}

/// How a failed request is retried: only failures to get any answer (refused, reset, timed
/// out, unresolved) are retried — an HTTP status is an answer and is never retried.
public struct RetryPolicy: Sendable, Equatable {
    public var retries: Int
    /// The first wait; each later wait doubles, up to `maxWait`.
    public var backoff: Double
    public var maxWait: Double

    public init(retries: Int = 0, backoff: Double = 1, maxWait: Double = 10) {
        self.retries = retries
        self.backoff = backoff
        self.maxWait = maxWait
    }

    /// Seconds to wait before retry number `attempt` (1-based).
    public func wait(before attempt: Int) -> Double {
        guard attempt > 0 else { return 0 }
        let factor = pow(2.0, Double(min(attempt - 1, 20)))
        return min(backoff * factor, maxWait)
    }
}

/// Requests that run together under one concurrency limit (one probe's load, for instance).
public struct RequestGroup: Sendable {
    public var requests: [HTTPRequest]
    public var concurrency: Int
    public var retry: RetryPolicy

    public init(requests: [HTTPRequest], concurrency: Int = 1, retry: RetryPolicy = RetryPolicy()) {
        self.requests = requests
        self.concurrency = max(1, concurrency)
        self.retry = retry
    }
}
