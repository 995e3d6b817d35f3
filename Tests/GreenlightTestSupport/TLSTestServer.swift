import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTPS server on 127.0.0.1: `openssl s_server -www` with a self-signed certificate
/// generated at test time (valid for `days`). It answers every request with 200 and a status
/// page. Bounded: at most `maxConnections` connections, killed and reaped on release.
///
/// The test runner's threads block SIGTERM and SIGALRM, and a child inherits that mask: a
/// `timeout` wrapper never fires and a plain terminate never lands (servers outlived the run by
/// hours). So openssl runs as the direct child and is ended with SIGKILL, which no mask blocks.
public final class TLSTestServer: @unchecked Sendable {
    public let port: Int
    /// The certificate's `notAfter`, give or take a minute.
    public let expires: Date
    private let process: Process
    private let folder: String
    /// The server's process id, for tests that it is gone once released.
    public var processIdentifier: Int32 { process.processIdentifier }

    public init(days: Int = 30, maxConnections: Int = 50) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                              "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem", "-days", String(days),
                              "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        generate.standardOutput = FileHandle.nullDevice
        generate.standardError = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        guard generate.terminationStatus == 0 else { throw TestServerError("openssl req failed") }
        expires = Date().addingTimeInterval(Double(days) * 86400)

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", folder + "/cert.pem",
                             "-key", folder + "/key.pem", "-www", "-naccept", String(maxConnections)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        do {
            port = try Self.readPort(out.fileHandleForReading.fileDescriptor, deadline: Date().addingTimeInterval(10))
        } catch {
            Self.end(process)
            throw error
        }
    }

    deinit {
        Self.end(process)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// SIGKILL, then reap, so that no server and no zombie outlives its test.
    private static func end(_ process: Process) {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    public var baseURL: String { "https://127.0.0.1:\(port)" }

    /// s_server prints `ACCEPT 127.0.0.1:PORT` once it listens.
    private static func readPort(_ fd: Int32, deadline: Date) throws -> Int {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 256)
        while Date() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) >= 0 else { break }
            if poller.revents == 0 { continue }
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
               let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                return port
            }
        }
        throw TestServerError("openssl s_server did not report its port: \(text)")
    }
}
