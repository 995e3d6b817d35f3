import Foundation
import GreenlightCore
import GreenlightHTTP

/// One entry of `probes:` in `.greenlight.yml`, decoded strictly: unknown keys, bad values,
/// malformed conditions and `${…}` references are configuration errors with their position.
public struct ProbeSpec: Sendable {
    public struct Header: Sendable {
        public let name: String
        public let value: Template
    }

    /// A condition with where it was written.
    public struct Expectation: Sendable {
        public let condition: Condition
        public let position: SourcePosition?
    }

    public var name: String
    /// Where the probe's `name` value is, or nil when decoded without positions.
    public var position: SourcePosition?
    public var url: Template
    public var method = "GET"
    public var headers: [Header] = []
    public var body: Template?
    public var expect: [Expectation] = []
    public var requests = 1
    public var concurrency = 1
    public var retries = 0
    public var backoff = 1.0
    public var failureThreshold = 1
    public var connectTimeout = 5.0
    public var timeout = 30.0
    public var insecure = false
    public var followRedirects = RedirectPolicy.sameHost
    public var maxBody = 1 << 20
    public var authRequired = false
    /// The RDAP service `[DOMAIN_EXPIRATION]` asks, ending in `/`.
    public var rdap = "https://rdap.org/"

    static let limits = (requests: 10_000, concurrency: 100, retries: 10, threshold: 10, maxBody: 64 << 20)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, url, method, headers, body, expect, requests, concurrency, retries, backoff
        case failureThreshold = "failure_threshold"
        case connectTimeout = "connect_timeout"
        case timeout, insecure
        case followRedirects = "follow_redirects"
        case maxBody = "max_body"
        case authRequired = "auth_required"
        case rdap
    }

    /// Whether a header carries credentials: the standard ones, and any whose value comes from
    /// the environment.
    public func isCredential(_ header: Header) -> Bool {
        HTTPRequest.standardCredentialHeaders.contains(header.name.lowercased()) || header.value.hasVariables
    }

    /// Whether a condition reads the body (`[BODY]`, or `len()`/`has()` of it): then every
    /// answer's body is kept until the batch is judged, else only the first one's.
    var readsBody: Bool { expect.contains { $0.condition.placeholders.contains(.body) } }

    /// Bytes of bodies a probe may hold: in flight (`concurrency × max_body`) and, when its
    /// conditions read them, kept until the batch is judged (`requests × max_body`).
    static let memoryBudget = (inFlight: 256 << 20, kept: 1 << 30)

    /// Whether the per-response conditions include `[CONNECTED]` only.
    var aggregates: [Expectation] { expect.filter { $0.condition.isAggregate } }
    var perResponse: [Expectation] { expect.filter { !$0.condition.isAggregate } }
}

extension ProbeSpec: Decodable {
    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let path = decoder.codingPath

        let nameScalar = try container.decode(PositionedScalar.self, forKey: .name)
        name = nameScalar.text
        position = nameScalar.position
        guard !name.isEmpty, name.count <= 100,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
        else {
            throw nameScalar.error(at: 0, "invalid probe name '\(name)' (letters, digits, '-', '_' and '.'; at most 100)",
                                   codingPath: path + [CodingKeys.name])
        }

        let urlScalar = try container.decode(PositionedScalar.self, forKey: .url)
        url = try Self.template(urlScalar, path + [CodingKeys.url])
        try Self.checkURL(url, path + [CodingKeys.url])

        if let method = try container.decodeIfPresent(PositionedScalar.self, forKey: .method) {
            guard !method.text.isEmpty, method.text.count <= 20, method.text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                throw method.error(at: 0, "invalid method '\(method.text)' (an upper-case HTTP method such as GET or POST)",
                                   codingPath: path + [CodingKeys.method])
            }
            self.method = method.text
        }
        if container.contains(.headers) {
            let headers = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .headers)
            for key in headers.allKeys {
                let valuePath = path + [CodingKeys.headers, key]
                guard !key.stringValue.isEmpty, key.stringValue.unicodeScalars.allSatisfy(Self.isTokenScalar) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: valuePath, debugDescription: "invalid header name '\(key.stringValue)'"))
                }
                let value = try headers.decode(PositionedScalar.self, forKey: key)
                if let bad = value.text.unicodeScalars.firstIndex(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
                    let offset = value.text.unicodeScalars.distance(from: value.text.unicodeScalars.startIndex, to: bad)
                    throw value.error(at: offset, "a header value cannot contain a line break", codingPath: valuePath)
                }
                self.headers.append(Header(name: key.stringValue, value: try Self.template(value, valuePath)))
            }
        }
        if let body = try container.decodeIfPresent(PositionedScalar.self, forKey: .body) {
            self.body = try Self.template(body, path + [CodingKeys.body])
        }

        let conditions = try container.decodeIfPresent([PositionedScalar].self, forKey: .expect) ?? []
        guard !conditions.isEmpty else {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [CodingKeys.expect],
                debugDescription: "probe '\(name)' needs at least one condition in expect, e.g. expect: [\"[STATUS] == 200\"]"))
        }
        for (index, scalar) in conditions.enumerated() {
            do {
                let condition = try ConditionParser.parse(scalar.text)
                expect.append(Expectation(condition: condition, position: scalar.position(at: 0)))
            } catch {
                throw scalar.error(at: error.offset, "invalid condition: \(error.message)",
                                   codingPath: path + [CodingKeys.expect, AnyCodingKey(intValue: index)])
            }
        }

        requests = try Self.int(container, .requests, default: 1, in: 1...Self.limits.requests, path)
        concurrency = try Self.int(container, .concurrency, default: 1, in: 1...Self.limits.concurrency, path)
        retries = try Self.int(container, .retries, default: 0, in: 0...Self.limits.retries, path)
        failureThreshold = try Self.int(container, .failureThreshold, default: 1, in: 1...Self.limits.threshold, path)
        backoff = try Self.seconds(container, .backoff, default: 1, max: 60, path)
        connectTimeout = try Self.seconds(container, .connectTimeout, default: 5, max: 300, path)
        timeout = try Self.seconds(container, .timeout, default: 30, max: 600, path)
        insecure = try container.decodeIfPresent(Bool.self, forKey: .insecure) ?? false
        authRequired = try container.decodeIfPresent(Bool.self, forKey: .authRequired) ?? false
        if let policy = try container.decodeIfPresent(String.self, forKey: .followRedirects) {
            guard let parsed = RedirectPolicy(rawValue: policy) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path + [CodingKeys.followRedirects],
                    debugDescription: "invalid follow_redirects '\(policy)' (expected same-host, any-host or none)"))
            }
            followRedirects = parsed
        }
        if let size = try container.decodeIfPresent(ByteSize.self, forKey: .maxBody) {
            guard size.bytes <= Self.limits.maxBody else {
                throw DecodingError.dataCorrupted(.init(codingPath: path + [CodingKeys.maxBody], debugDescription: "max_body is at most 64MiB"))
            }
            maxBody = size.bytes
        }
        if let rdap = try container.decodeIfPresent(PositionedScalar.self, forKey: .rdap) {
            let scheme = URLComponents(string: rdap.text)?.scheme?.lowercased()
            guard scheme == "http" || scheme == "https", URLComponents(string: rdap.text)?.host?.isEmpty == false else {
                throw rdap.error(at: 0, "invalid rdap URL '\(rdap.text)' (an http or https base, e.g. https://rdap.org/)",
                                 codingPath: path + [CodingKeys.rdap])
            }
            self.rdap = rdap.text.hasSuffix("/") ? rdap.text : rdap.text + "/"
        }
        if concurrency > requests {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [CodingKeys.concurrency],
                debugDescription: "concurrency (\(concurrency)) is more than requests (\(requests))"))
        }
        if concurrency * maxBody > Self.memoryBudget.inFlight {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [CodingKeys.maxBody], debugDescription:
                "concurrency × max_body is \(ByteCount.format(concurrency * maxBody)), more than the \(ByteCount.format(Self.memoryBudget.inFlight)) a probe may hold in flight; lower concurrency or max_body"))
        }
        if readsBody && requests * maxBody > Self.memoryBudget.kept {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [CodingKeys.maxBody], debugDescription:
                "requests × max_body is \(ByteCount.format(requests * maxBody)), more than the \(ByteCount.format(Self.memoryBudget.kept)) of bodies a probe whose conditions read [BODY] may keep; lower requests or max_body (e.g. max_body: 64KiB)"))
        }
        if authRequired && !headers.contains(where: isCredential) {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [CodingKeys.authRequired],
                debugDescription: "auth_required needs a credential header to leave out (Authorization, Cookie, or a header whose value uses ${NAME})"))
        }
    }

    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
    }

    private static func template(_ scalar: PositionedScalar, _ path: [CodingKey]) throws -> Template {
        do {
            return try Template(scalar)
        } catch {
            throw scalar.error(at: error.offset, error.message, codingPath: path)
        }
    }

    /// A URL written out in full must be http or https and have a host; one that starts with a
    /// variable is checked when it is expanded.
    private static func checkURL(_ url: Template, _ path: [CodingKey]) throws {
        let prefix = url.literalPrefix
        if let schemeEnd = prefix.range(of: "://") {
            let scheme = prefix[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else {
                throw url.source.error(at: 0, "unsupported URL scheme '\(scheme)' (probes speak http and https)", codingPath: path)
            }
        } else if !url.hasVariables || !prefix.isEmpty {
            throw url.source.error(at: 0, "invalid URL '\(url.text)' (expected http:// or https://…)", codingPath: path)
        }
        if !url.hasVariables {
            guard let components = URLComponents(string: url.text), let host = components.host, !host.isEmpty else {
                throw url.source.error(at: 0, "invalid URL '\(url.text)'", codingPath: path)
            }
        }
    }

    private static func int(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, default value: Int,
                            in range: ClosedRange<Int>, _ path: [CodingKey]) throws -> Int {
        guard let number = try container.decodeIfPresent(Int.self, forKey: key) else { return value }
        guard range.contains(number) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [key],
                debugDescription: "\(key.stringValue) must be between \(range.lowerBound) and \(range.upperBound)"))
        }
        return number
    }

    private static func seconds(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, default value: Double,
                                max: Double, _ path: [CodingKey]) throws -> Double {
        guard let span = try container.decodeIfPresent(TimeSpan.self, forKey: key) else { return value }
        guard span.seconds > 0, span.seconds <= max else {
            throw DecodingError.dataCorrupted(.init(codingPath: path + [key],
                debugDescription: "\(key.stringValue) must be more than 0 and at most \(DurationText.format(max))"))
        }
        return span.seconds
    }
}

/// `probes:` — a list of probes, names unique.
public struct ProbesSection: ConfigSection {
    public static let key = "probes"

    public var probes: [ProbeSpec] = []

    public init() {}

    public init(probes: [ProbeSpec]) {
        self.probes = probes
    }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), single.decodeNil() { return }
        var container = try decoder.unkeyedContainer()
        var seen: Set<String> = []
        while !container.isAtEnd && probes.count < 1000 {
            let probe = try container.decode(ProbeSpec.self)
            guard seen.insert(probe.name).inserted else {
                let message = "duplicate probe name '\(probe.name)'"
                if let at = probe.position { throw PositionedConfigError(line: at.line, column: at.column, message: message) }
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: message))
            }
            probes.append(probe)
        }
        if !container.isAtEnd {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "at most 1000 probes"))
        }
    }

    /// The probes with these names, in the order asked; unknown names are an error.
    public func select(_ names: [String]) throws -> [ProbeSpec] {
        guard !names.isEmpty else { return probes }
        return try names.map { name in
            guard let probe = probes.first(where: { $0.name == name }) else {
                let known = probes.map(\.name)
                let list = known.isEmpty ? "no probes are configured" : "configured: \(known.joined(separator: ", "))"
                throw ToolError.usage("unknown probe '\(name)' (\(list))")
            }
            return probe
        }
    }
}
