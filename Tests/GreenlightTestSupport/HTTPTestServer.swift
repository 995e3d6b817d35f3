import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 and an ephemeral port, in the test process: one accept
/// thread, one thread per connection, keep-alive, and replies chosen per request by a handler
/// (statuses, headers, JSON bodies, delays, redirects, a reply that never comes, a reset, a
/// streamed body of any size). Every wait is bounded; `stop()` (or release) closes every socket.
public final class HTTPTestServer: @unchecked Sendable {
    public struct Request: Sendable {
        public let method: String
        /// Path and query, as sent.
        public let target: String
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        /// The path without the query.
        public var path: String { String(target.prefix { $0 != "?" }) }

        public func header(_ name: String) -> String? {
            headers.last { $0.name.lowercased() == name.lowercased() }?.value
        }

        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    public enum Reply: Sendable {
        /// A complete response, sent after `delay` seconds.
        case respond(status: Int, headers: [(String, String)], body: [UInt8], delay: Double)
        /// `bytes` of body, sent in chunks, with a `Content-Length`.
        case stream(status: Int, headers: [(String, String)], bytes: Int)
        /// Read the request and never answer (until the server stops).
        case hang
        /// Close the connection with a TCP reset before answering.
        case reset

        public static func text(_ status: Int, _ body: String, headers: [(String, String)] = [], delay: Double = 0) -> Reply {
            .respond(status: status, headers: headers, body: Array(body.utf8), delay: delay)
        }

        public static func json(_ status: Int, _ body: String, headers: [(String, String)] = [], delay: Double = 0) -> Reply {
            .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(body.utf8), delay: delay)
        }

        public static func redirect(_ status: Int, to location: String) -> Reply {
            .respond(status: status, headers: [("Location", location)], body: [], delay: 0)
        }
    }

    private let core: Core

    public init(handler: @escaping @Sendable (Request) -> Reply) throws {
        core = try Core(handler: handler)
    }

    deinit { core.stop() }

    public var port: Int { core.port }

    /// `http://127.0.0.1:PORT`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public func url(_ path: String) -> String { baseURL + path }

    /// Every request received so far, in arrival order.
    public var requests: [Request] { core.requests }

    public func stop() { core.stop() }
}

/// The sockets and threads; the threads hold the core, never the server, so releasing the
/// server stops them.
private final class Core: @unchecked Sendable {
    typealias Request = HTTPTestServer.Request
    typealias Reply = HTTPTestServer.Reply

    let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var received: [Request] = []
    private var stopped = false
    private let stopSignal = DispatchSemaphore(value: 0)

    init(handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM_VALUE), 0)
        guard fd >= 0 else { throw TestServerError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw TestServerError("bind/listen on 127.0.0.1 failed")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var requests: [Request] { lock.withLock { received } }

    /// Shut the sockets down; the threads that own them close them (closing here could close
    /// a number another server has been given since).
    func stop() {
        let open: Set<Int32>? = lock.withLock {
            if stopped { return nil }
            stopped = true
            return connections
        }
        guard let open else { return }
        for _ in 0..<1000 { stopSignal.signal() }
        shutdown(listener, Int32(SHUT_RDWR_VALUE))
        for fd in open { shutdown(fd, Int32(SHUT_RDWR_VALUE)) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        for _ in 0..<1_000_000 {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                // A connection aborted before it was accepted, a signal, or no descriptor left
                // for a moment: accept the next one. Anything else (the listener shut down by
                // `stop`) ends the loop — closing the listener early refused clients under load.
                let error = errno
                if !isStopped && [EINTR, ECONNABORTED, EPROTO, EAGAIN, EMFILE, ENFILE].contains(error) {
                    if error == EMFILE || error == ENFILE { usleep(1_000) }
                    continue
                }
                close(listener)
                return
            }
            let admitted: Bool = lock.withLock {
                if stopped { return false }
                connections.insert(fd)
                return true
            }
            guard admitted else {
                close(fd)
                close(listener)
                return
            }
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let thread = Thread { [self] in serve(fd) }
            thread.start()
        }
    }

    /// Requests on one connection until the client closes it or the reply ends it.
    private func serve(_ fd: Int32) {
        var reader = RequestReader(fd: fd)
        defer {
            lock.withLock { _ = connections.remove(fd) }
            close(fd)
        }
        for _ in 0..<10_000 {
            guard !isStopped, let request = reader.next() else { return }
            lock.withLock { received.append(request) }
            switch handler(request) {
            case .respond(let status, let headers, let body, let delay):
                if delay > 0 && stopSignal.wait(timeout: .now() + delay) == .success { return }
                var head = "HTTP/1.1 \(status) \(reason(status))\r\nContent-Length: \(body.count)\r\n"
                for (name, value) in headers { head += "\(name): \(value)\r\n" }
                guard write(fd, Array((head + "\r\n").utf8)), write(fd, body) else { return }
            case .stream(let status, let headers, let bytes):
                var head = "HTTP/1.1 \(status) \(reason(status))\r\nContent-Length: \(bytes)\r\n"
                for (name, value) in headers { head += "\(name): \(value)\r\n" }
                guard write(fd, Array((head + "\r\n").utf8)) else { return }
                let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
                var left = bytes
                while left > 0 {
                    let size = min(left, chunk.count)
                    guard !isStopped, write(fd, Array(chunk[0..<size])) else { return }
                    left -= size
                }
            case .hang:
                _ = stopSignal.wait(timeout: .now() + 120)
                return
            case .reset:
                var option = linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
                return
            }
        }
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { buffer in
                send(fd, buffer.baseAddress, buffer.count, NO_SIGPIPE_FLAG)
            }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

private let SOCK_STREAM_VALUE: Int32 = {
    #if canImport(Glibc)
    return Int32(SOCK_STREAM.rawValue)
    #else
    return SOCK_STREAM
    #endif
}()

private let SHUT_RDWR_VALUE: Int32 = Int32(SHUT_RDWR)

private let NO_SIGPIPE_FLAG: Int32 = {
    #if canImport(Glibc)
    return Int32(MSG_NOSIGNAL)
    #else
    return 0
    #endif
}()

/// Reads HTTP/1.1 requests (head up to 64 KiB, body by Content-Length up to 16 MiB) off one
/// socket.
private struct RequestReader {
    let fd: Int32
    var buffer: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    mutating func next() -> HTTPTestServer.Request? {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = find([13, 10, 13, 10])
            if headEnd != nil { break }
            guard buffer.count < 64 * 1024, fill() else { return nil }
        }
        guard let end = headEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.last { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        guard length <= 16 << 20 else { return nil }
        while buffer.count < length {
            guard fill() else { return nil }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return HTTPTestServer.Request(method: String(parts[0]), target: String(parts[1]), headers: headers, body: body)
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for start in 0...(buffer.count - pattern.count) where buffer[start] == pattern[0] {
            if Array(buffer[start..<start + pattern.count]) == pattern { return start }
        }
        return nil
    }

    private mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<count])
        return true
    }
}

public struct TestServerError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension HTTPTestServer {
    /// A loopback port nothing listens on (bound once, then closed): connecting is refused.
    public static func closedPort() throws -> Int {
        let server = try HTTPTestServer { _ in .text(200, "") }
        let port = server.port
        server.stop()
        return port
    }
}
