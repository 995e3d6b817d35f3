import Foundation

/// libcurl's timing phases for the final hop, in seconds from that hop's start, cumulative
/// as `curl -w` prints them: name lookup done, connected, TLS done (0 for plain http), first
/// byte received, transfer done.
public struct HTTPTimings: Sendable, Equatable, Codable {
    public var dns: Double
    public var connect: Double
    public var tls: Double
    public var firstByte: Double
    public var total: Double

    public init(dns: Double = 0, connect: Double = 0, tls: Double = 0, firstByte: Double = 0, total: Double = 0) {
        self.dns = dns
        self.connect = connect
        self.tls = tls
        self.firstByte = firstByte
        self.total = total
    }
}

/// An answer from the server (any status).
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Headers of the final response, in order, as received.
    public var headers: [HTTPHeader]
    /// At most the request's body cap.
    public var body: [UInt8]
    /// The body was larger than the cap: the transfer stopped and `body` is incomplete.
    public var bodyExceededCap: Bool
    public var timings: HTTPTimings
    /// Seconds for the whole exchange, redirects included.
    public var elapsed: Double
    /// The URL that gave this response.
    public var url: String
    /// URLs redirected to and followed, in order.
    public var redirects: [String]
    /// A redirect that was not followed, and why.
    public var stoppedRedirect: StoppedRedirect?
    /// The server certificate's expiry (https, when asked for).
    public var certificateNotAfter: Date?
    public var remoteAddress: String?

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [], bodyExceededCap: Bool = false,
                timings: HTTPTimings = HTTPTimings(), elapsed: Double = 0, url: String = "",
                redirects: [String] = [], stoppedRedirect: StoppedRedirect? = nil,
                certificateNotAfter: Date? = nil, remoteAddress: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyExceededCap = bodyExceededCap
        self.timings = timings
        self.elapsed = elapsed
        self.url = url
        self.redirects = redirects
        self.stoppedRedirect = stoppedRedirect
        self.certificateNotAfter = certificateNotAfter
        self.remoteAddress = remoteAddress
    }

    /// The last value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last { $0.name.lowercased() == lowered }?.value
    }
}

public struct StoppedRedirect: Sendable, Equatable {
    public enum Reason: String, Sendable {
        case policy = "redirects are not followed"
        case otherHost = "redirect to another host not followed"
        case tooMany = "too many redirects"
        case scheme = "redirect to a scheme other than http or https"
        case credentialsInBody = "redirect would send the credential-bearing body to another host"
    }

    public var location: String
    public var reason: Reason

    public init(location: String, reason: Reason) {
        self.location = location
        self.reason = reason
    }
}

/// No answer: what went wrong, and whether a connection had been made.
public struct HTTPFailure: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case badURL = "bad-url"
        case resolve
        case refused
        case timeout
        case tls
        case reset
        case other
    }

    public var kind: Kind
    /// One line, from libcurl's error buffer when it has one.
    public var message: String
    /// A TCP connection had been established (a timeout may still follow).
    public var connected: Bool
    public var elapsed: Double

    public init(kind: Kind, message: String, connected: Bool = false, elapsed: Double = 0) {
        self.kind = kind
        self.message = message
        self.connected = connected
        self.elapsed = elapsed
    }

    /// Worth retrying: the server may answer next time.
    public var isTransient: Bool {
        switch kind {
        case .resolve, .refused, .timeout, .reset: return true
        case .badURL, .tls, .other: return false
        }
    }
}

public typealias HTTPOutcome = Result<HTTPResponse, HTTPFailure>
