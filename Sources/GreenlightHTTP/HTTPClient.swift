import CCurl
import CCurlShim
import Foundation

/// Runs groups of requests through one libcurl multi handle on the calling thread: each group
/// keeps at most its `concurrency` exchanges in flight, connections are reused, redirects and
/// retries are this type's own (see `RedirectStep`, `RetryPolicy`). Every transfer has a
/// connect and a total timeout, and the loop has a hard deadline, so `perform` always returns.
public final class HTTPClient {
    public init() {}

    /// One outcome per request, in the order given, per group.
    public func perform(_ groups: [RequestGroup]) -> [[HTTPOutcome]] {
        let run = MultiRun(groups: groups)
        return run.run()
    }

    /// One request on its own.
    public func perform(_ request: HTTPRequest, retry: RetryPolicy = RetryPolicy()) -> HTTPOutcome {
        perform([RequestGroup(requests: [request], concurrency: 1, retry: retry)])[0][0]
    }
}

/// The seconds since boot, for durations.
func monotonicNow() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
}

/// One logical request of a group: its current hop, redirects taken and retry count.
private final class Exchange {
    let group: Int
    let index: Int
    let original: HTTPRequest
    var current: HTTPRequest
    var redirects: [String] = []
    var attempt = 0
    var started = 0.0
    var hopSeconds = 0.0
    var startAt = 0.0

    init(group: Int, index: Int, request: HTTPRequest) {
        self.group = group
        self.index = index
        self.original = request
        self.current = request
    }

    func restart(at time: Double) {
        current = original
        redirects = []
        hopSeconds = 0
        startAt = time
    }
}

/// The state of one `perform` call.
private final class MultiRun {
    let groups: [RequestGroup]
    var outcomes: [[HTTPOutcome?]]
    var nextPending: [Int]
    var inFlight: [Int]
    var waiting: [Exchange] = []
    var active: [UnsafeMutableRawPointer: (CurlTransfer, Exchange)] = [:]
    var remaining: Int
    let deadline: Double

    init(groups: [RequestGroup]) {
        self.groups = groups
        outcomes = groups.map { Array(repeating: nil, count: $0.requests.count) }
        nextPending = Array(repeating: 0, count: groups.count)
        inFlight = Array(repeating: 0, count: groups.count)
        remaining = groups.reduce(0) { $0 + $1.requests.count }
        // The longest a group can take if every request times out on every attempt, plus slack.
        var longest = 0.0
        for group in groups where !group.requests.isEmpty {
            let attempts = Double(group.retry.retries + 1)
            let perRequest = (group.requests.map(\.totalTimeout).max() ?? 30) * attempts
                + (1...(group.retry.retries + 1)).reduce(0.0) { $0 + group.retry.wait(before: $1) }
            let waves = Double((group.requests.count + group.concurrency - 1) / group.concurrency)
            longest = max(longest, perRequest * waves)
        }
        deadline = monotonicNow() + longest + 10
    }

    func run() -> [[HTTPOutcome]] {
        guard remaining > 0 else { return groups.map { _ in [] } }
        guard Curl.ready, let multi = curl_multi_init() else {
            return fail(all: HTTPFailure(kind: .other, message: "libcurl could not be initialised"))
        }
        defer {
            for (handle, _) in active { curl_multi_remove_handle(multi, handle) }
            active.removeAll()
            curl_multi_cleanup(multi)
        }
        while remaining > 0 {
            let now = monotonicNow()
            if now > deadline {
                abandon(multi, now: now)
                break
            }
            startDue(multi, now: now)
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collect(multi)
            if remaining == 0 { break }
            // Slots freed just now are filled at once, not after the next wait.
            let before = active.count
            startDue(multi, now: monotonicNow())
            var wait = active.count > before ? 0 : 100
            if let soonest = waiting.map(\.startAt).min() {
                wait = max(0, min(wait, Int(((soonest - monotonicNow()) * 1000).rounded(.up))))
            }
            var ready: Int32 = 0
            curl_multi_poll(multi, nil, 0, Int32(wait), &ready)
        }
        return outcomes.map { $0.map { $0 ?? .failure(HTTPFailure(kind: .timeout, message: "not run")) } }
    }

    private func fail(all failure: HTTPFailure) -> [[HTTPOutcome]] {
        groups.map { group in group.requests.map { _ in .failure(failure) } }
    }

    /// Start retries that are due, then new exchanges while their group has room.
    private func startDue(_ multi: UnsafeMutableRawPointer, now: Double) {
        let due = waiting.filter { $0.startAt <= now }
        waiting.removeAll { $0.startAt <= now }
        for exchange in due { startHop(multi, exchange, now: now) }
        for (number, group) in groups.enumerated() {
            while inFlight[number] < group.concurrency && nextPending[number] < group.requests.count {
                let exchange = Exchange(group: number, index: nextPending[number], request: group.requests[nextPending[number]])
                nextPending[number] += 1
                inFlight[number] += 1
                exchange.started = now
                startHop(multi, exchange, now: now)
            }
        }
    }

    private func startHop(_ multi: UnsafeMutableRawPointer, _ exchange: Exchange, now: Double) {
        if exchange.redirects.isEmpty && exchange.hopSeconds == 0 { exchange.started = now }
        let left = exchange.original.totalTimeout - (now - exchange.started)
        guard left > 0 else {
            finish(exchange, .failure(HTTPFailure(kind: .timeout, message: "timed out during redirects", connected: true,
                                                  elapsed: now - exchange.started)))
            return
        }
        guard let transfer = CurlTransfer(exchange.current, timeout: left) else {
            finish(exchange, .failure(HTTPFailure(kind: .badURL, message: "libcurl refused the request (bad URL or option)")))
            return
        }
        guard curl_multi_add_handle(multi, transfer.handle) == CURLM_OK else {
            finish(exchange, .failure(HTTPFailure(kind: .other, message: "libcurl could not start the transfer")))
            return
        }
        active[transfer.handle] = (transfer, exchange)
    }

    /// Read finished transfers and decide: next hop, retry, or done.
    private func collect(_ multi: UnsafeMutableRawPointer) {
        var left: Int32 = 0
        var reads = 0
        while let message = curl_multi_info_read(multi, &left), reads < 100_000 {
            reads += 1
            guard greenlight_multi_message_is_done(message) != 0,
                  let handle = greenlight_multi_message_handle(message),
                  let (transfer, exchange) = active.removeValue(forKey: handle) else { continue }
            let code = greenlight_multi_message_result(message)
            curl_multi_remove_handle(multi, handle)
            hopFinished(multi, transfer, exchange, code: code)
        }
    }

    private func hopFinished(_ multi: UnsafeMutableRawPointer, _ transfer: CurlTransfer, _ exchange: Exchange, code: CURLcode) {
        let now = monotonicNow()
        let timings = transfer.timings
        exchange.hopSeconds += timings.total
        let answered = code == CURLE_OK || (code == CURLE_WRITE_ERROR && transfer.bodyExceededCap)
        guard answered else {
            let failure = HTTPFailure(kind: kind(of: code), message: transfer.errorMessage(code),
                                      connected: transfer.connected, elapsed: now - exchange.started)
            let retry = groups[exchange.group].retry
            if failure.isTransient && exchange.attempt < retry.retries {
                exchange.attempt += 1
                exchange.restart(at: now + retry.wait(before: exchange.attempt))
                waiting.append(exchange)
                return
            }
            finish(exchange, .failure(failure))
            return
        }
        let status = transfer.status
        switch RedirectStep.decide(status: status, location: transfer.redirectURL, current: exchange.current,
                                   original: exchange.original, followed: exchange.redirects.count) {
        case .follow(let next):
            exchange.redirects.append(next.url)
            exchange.current = next
            startHop(multi, exchange, now: now)
        case .stop(let stopped):
            let response = HTTPResponse(
                status: status, headers: transfer.headers, body: transfer.body, bodyExceededCap: transfer.bodyExceededCap,
                timings: timings, elapsed: exchange.hopSeconds, url: exchange.current.url, redirects: exchange.redirects,
                stoppedRedirect: stopped, certificateNotAfter: exchange.original.wantsCertificate ? transfer.certificateNotAfter : nil,
                remoteAddress: transfer.remoteAddress)
            finish(exchange, .success(response))
        }
    }

    private func finish(_ exchange: Exchange, _ outcome: HTTPOutcome) {
        guard outcomes[exchange.group][exchange.index] == nil else { return }
        outcomes[exchange.group][exchange.index] = outcome
        inFlight[exchange.group] -= 1
        remaining -= 1
    }

    /// Past the hard deadline: everything still open ends as a timeout.
    private func abandon(_ multi: UnsafeMutableRawPointer, now: Double) {
        let failure = HTTPFailure(kind: .timeout, message: "probe run exceeded its deadline")
        for (handle, (_, exchange)) in active {
            curl_multi_remove_handle(multi, handle)
            finish(exchange, .failure(failure))
        }
        active.removeAll()
        for exchange in waiting { finish(exchange, .failure(failure)) }
        waiting.removeAll()
        for (number, group) in groups.enumerated() {
            for index in group.requests.indices where outcomes[number][index] == nil {
                outcomes[number][index] = .failure(failure)
                remaining -= 1
            }
        }
    }

    private func kind(of code: CURLcode) -> HTTPFailure.Kind {
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT: return .badURL
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .resolve
        case CURLE_COULDNT_CONNECT: return .refused
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .tls
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE: return .reset
        default: return .other
        }
    }
}
