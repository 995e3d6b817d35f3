import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real HTTPS server on 127.0.0.1: `openssl s_server -www` with a self-signed certificate
/// generated at test time (valid for `days`). It answers every request with 200 and a status
/// page. Bounded: at most `maxConnections` connections, two minutes of life, killed on release.
public final class TLSTestServer: @unchecked Sendable {
    public let port: Int
    /// The certificate's `notAfter`, give or take a minute.
    public let expires: Date
    private let process: Process
    private let folder: String

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
        process.arguments = ["timeout", "120", "openssl", "s_server", "-accept", "127.0.0.1:0", "-cert", folder + "/cert.pem",
                             "-key", folder + "/key.pem", "-www", "-naccept", String(maxConnections)]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        port = try Self.readPort(out.fileHandleForReading.fileDescriptor, deadline: Date().addingTimeInterval(10))
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: folder)
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
