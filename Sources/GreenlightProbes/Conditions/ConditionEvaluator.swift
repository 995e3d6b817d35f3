import Foundation
import GreenlightHTTP

/// What per-response conditions see of one exchange: the response, or the failure that left
/// none. The body is parsed as JSON at most once.
public final class ResponseView {
    public let outcome: HTTPOutcome
    /// For `[CERT_EXPIRY]`.
    public let now: Date
    public let bodyCap: Int
    /// For `[DOMAIN_EXPIRATION]`: the registration's expiry, looked up once per probe.
    public let domainExpiry: Result<Date, DomainLookupFailure>?
    private let cache: JSONCache?
    private var parsed: Result<JSONValue, JSONBodyError>?

    /// `cache` lets the responses of one batch share the parse of identical bodies.
    public init(_ outcome: HTTPOutcome, now: Date, bodyCap: Int, cache: JSONCache? = nil,
                domainExpiry: Result<Date, DomainLookupFailure>? = nil) {
        self.outcome = outcome
        self.now = now
        self.bodyCap = bodyCap
        self.cache = cache
        self.domainExpiry = domainExpiry
    }

    var response: HTTPResponse? { try? outcome.get() }

    var json: Result<JSONValue, JSONBodyError> {
        if let parsed { return parsed }
        let result: Result<JSONValue, JSONBodyError>
        if let response {
            result = cache?.parse(response.body) ?? JSONValue.parse(response.body)
        } else {
            result = .failure(JSONBodyError(message: "no response"))
        }
        parsed = result
        return result
    }
}

/// Parses of recent bodies, so that a load test of an endpoint that answers the same JSON a
/// thousand times parses it once. Holds at most `limit` small bodies.
public final class JSONCache {
    private var entries: [[UInt8]: Result<JSONValue, JSONBodyError>] = [:]
    private let limit: Int
    private let largest: Int

    public init(limit: Int = 32, largest: Int = 64 * 1024) {
        self.limit = limit
        self.largest = largest
    }

    func parse(_ body: [UInt8]) -> Result<JSONValue, JSONBodyError> {
        guard body.count <= largest else { return JSONValue.parse(body) }
        if let hit = entries[body] { return hit }
        let result = JSONValue.parse(body)
        if entries.count < limit { entries[body] = result }
        return result
    }
}

/// Latency and errors over a batch of requests, for the aggregate conditions.
public struct BatchStats: Sendable, Equatable, Codable {
    public var requests: Int
    public var errors: Int
    /// Seconds, over the requests that got a response; nil when none did.
    public var p50: Double?
    public var p95: Double?
    public var p99: Double?
    public var max: Double?

    public var errorRate: Double { requests == 0 ? 0 : Double(errors) / Double(requests) }

    public init(requests: Int, errors: Int, latencies: [Double]) {
        self.requests = requests
        self.errors = errors
        let sorted = latencies.sorted()
        p50 = Self.percentile(sorted, 0.50)
        p95 = Self.percentile(sorted, 0.95)
        p99 = Self.percentile(sorted, 0.99)
        max = sorted.last
    }

    /// Nearest rank: the smallest value with at least `fraction` of the values at or below it.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}

/// The verdict on one condition, with the value it saw, for the message.
public struct ConditionVerdict: Sendable, Equatable {
    public let passed: Bool
    /// `503`, `"shadow"`, `412ms`, `missing`, …
    public let actual: String
}

/// Decides conditions against a response or a batch.
public enum ConditionEvaluator {
    /// A per-response condition.
    public static func evaluate(_ condition: Condition, on view: ResponseView) -> ConditionVerdict {
        let values = resolve(condition.subject, view: view)
        guard !values.isEmpty else { return ConditionVerdict(passed: false, actual: "no elements") }
        let labelled = condition.subject.description.contains("[*]")
        var other: Resolved?
        if case .subject(let right) = condition.expected {
            other = resolve(right, view: view).first?.1 ?? .missing("missing")
        }
        for (label, value) in values {
            let passed = Comparison.holds(value, condition.op, condition.expected, other: other)
            if !passed {
                var shown = labelled ? label.map { "\($0) = \(value.summary)" } ?? value.summary : value.summary
                if let other, case .subject(let right) = condition.expected { shown += " (\(right.description) = \(other.summary))" }
                return ConditionVerdict(passed: false, actual: shown)
            }
        }
        let actual = values.count == 1 ? values[0].1.summary : "\(values.count) elements"
        return ConditionVerdict(passed: true, actual: actual)
    }

    /// An aggregate condition over a batch.
    public static func evaluate(_ condition: Condition, on stats: BatchStats) -> ConditionVerdict {
        let value: Resolved
        switch condition.subject.placeholder {
        case .p50: value = stats.p50.map(Resolved.duration) ?? .missing("no responses")
        case .p95: value = stats.p95.map(Resolved.duration) ?? .missing("no responses")
        case .p99: value = stats.p99.map(Resolved.duration) ?? .missing("no responses")
        case .errorRate: value = .percent(stats.errorRate)
        default: value = .missing("not an aggregate")
        }
        return ConditionVerdict(passed: Comparison.holds(value, condition.op, condition.expected, other: nil), actual: value.summary)
    }

    // MARK: - Resolution

    /// One value, or one per element under `[*]`, each with its concrete path for messages.
    static func resolve(_ subject: Subject, view: ResponseView) -> [(String?, Resolved)] {
        switch subject {
        case .length(let inner):
            if case .placeholder(.body, let path) = inner, path.isEmpty, let response = view.response, !response.bodyExceededCap,
               case .success(.array(let items)) = view.json {
                return [(nil, .json(.number(Double(items.count))))]
            }
            return resolve(inner, view: view).map { label, value in
                switch value {
                case .json(.string(let text)): return (label, .json(.number(Double(text.count))))
                case .json(.array(let items)): return (label, .json(.number(Double(items.count))))
                case .json(.object(let fields)): return (label, .json(.number(Double(fields.count))))
                case .json(.null): return (label, .missing("len() of null"))
                case .missing: return (label, value)
                default: return (label, .json(.number(Double(value.text.count))))
                }
            }
        case .has(let inner):
            return resolve(inner, view: view).map { label, value in
                if case .missing(let why) = value {
                    let absent = why.hasPrefix("missing") || why.hasPrefix("no header") || why.hasPrefix("no address")
                    return (label, absent ? .json(.bool(false)) : value)
                }
                if case .placeholder(let placeholder, let path) = inner, path.isEmpty || placeholder != .body {
                    return (label, .json(.bool(!value.text.isEmpty)))
                }
                return (label, .json(.bool(true)))
            }
        case .placeholder(let placeholder, let path):
            return resolve(placeholder, path: path, view: view)
        }
    }

    private static func resolve(_ placeholder: Placeholder, path: [PathStep], view: ResponseView) -> [(String?, Resolved)] {
        if placeholder == .domainExpiry {
            switch view.domainExpiry {
            case .success(let date)?: return [(nil, .duration(date.timeIntervalSince(view.now)))]
            case .failure(let failure)?: return [(nil, .missing(failure.message))]
            case nil: return [(nil, .missing("no RDAP lookup was made"))]
            }
        }
        if placeholder == .connected {
            // An HTTP response arrived, as Gatus means it: a connection that never answered is not one.
            return [(nil, .json(.bool(view.response != nil)))]
        }
        guard let response = view.response else {
            if case .failure(let failure) = view.outcome { return [(nil, .missing("no response (\(failure.message))"))] }
            return [(nil, .missing("no response"))]
        }
        switch placeholder {
        case .status: return [(nil, .json(.number(Double(response.status))))]
        case .responseTime: return [(nil, .duration(response.elapsed))]
        case .ip:
            return [(nil, response.remoteAddress.map { .json(.string($0)) } ?? .missing("no address"))]
        case .certExpiry:
            guard let notAfter = response.certificateNotAfter else { return [(nil, .missing("no certificate"))] }
            return [(nil, .duration(notAfter.timeIntervalSince(view.now)))]
        case .header:
            guard case .key(let name) = path.first else { return [(nil, .missing("no header name"))] }
            return [(nil, response.header(name).map { .json(.string($0)) } ?? .missing("no header '\(name)'"))]
        case .body:
            if response.bodyExceededCap {
                return [(nil, .missing("the body is larger than the \(ByteCount.format(view.bodyCap)) cap"))]
            }
            if path.isEmpty {
                let text = String(decoding: response.body, as: UTF8.self)
                return [(nil, .json(.string(text.trimmingCharacters(in: .whitespacesAndNewlines))))]
            }
            switch view.json {
            case .failure(let error): return [(nil, .missing(error.message))]
            case .success(let root): return walk(root, path[...], label: "[BODY]")
            }
        default:
            return [(nil, .missing("not a per-response value"))]
        }
    }

    private static func walk(_ value: JSONValue, _ path: ArraySlice<PathStep>, label: String) -> [(String?, Resolved)] {
        guard let step = path.first else { return [(label, .json(value))] }
        let rest = path.dropFirst()
        switch (step, value) {
        case (.key(let key), .object(let fields)):
            guard let next = fields[key] else { return [(label, .missing("missing"))] }
            return walk(next, rest, label: label + step.description)
        case (.index(let index), .array(let items)):
            guard index < items.count else { return [(label, .missing("missing (\(items.count) element\(items.count == 1 ? "" : "s"))"))] }
            return walk(items[index], rest, label: label + step.description)
        case (.every, .array(let items)):
            return items.prefix(10_000).enumerated().flatMap { index, item in
                walk(item, rest, label: label + "[\(index)]")
            }
        case (.every, _):
            return []
        default:
            return [(label, .missing("missing (\(label) is \(value.summary))"))]
        }
    }
}

/// Byte counts for people: `1 MiB`, `512 KiB`, `300 B`.
enum ByteCount {
    static func format(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) B"
    }
}
