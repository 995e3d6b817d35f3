import Foundation
import GreenlightProbes
import GreenlightTestSupport
import Testing

/// HTTPS against `openssl s_server` with a self-signed certificate made at test time:
/// verification fails by default, `insecure: true` gets through and says so, `[CERT_EXPIRY]`
/// reads the certificate.
@Suite struct TLSProbeTests {
    @Test func selfSignedCertificateFailsVerificationByDefault() throws {
        let server = try TLSTestServer(days: 30)
        let results = try withExtendedLifetime(server) {
            try runProbes("""
                probes:
                  - name: staging
                    url: BASE/
                    expect: ["[STATUS] == 200"]
                """, base: server.baseURL)
        }
        let message = onlyProblem(results[0])
        #expect(message.contains("request failed: tls: "), "\(message)")
        #expect(!results[0].insecure)
    }

    @Test func insecureProbeConnectsAndReadsTheCertificate() throws {
        let server = try TLSTestServer(days: 30)
        let results = try withExtendedLifetime(server) {
            try runProbes("""
                probes:
                  - name: staging
                    url: BASE/
                    insecure: true
                    expect: ["[STATUS] == 200", "[CERT_EXPIRY] > 14d", "[CERT_EXPIRY] < 31d"]
                  - name: expiring
                    url: BASE/
                    insecure: true
                    expect: ["[CERT_EXPIRY] > 60d"]
                """, base: server.baseURL)
        }
        #expect(results[0].passed, "\(results[0].problems.map(\.message))")
        #expect(results[0].insecure)
        let timings = try #require(results[0].response?.timingsMilliseconds)
        #expect(timings.tls > 0 && timings.tls >= timings.connect)
        #expect(results[0].response?.certificateExpires != nil)
        #expect(onlyProblem(results[1]).hasPrefix("probe 'expiring': [CERT_EXPIRY] > 60d failed: got 29d"))
    }

    @Test func theServerIsGoneOnceReleased() throws {
        var server: TLSTestServer? = try TLSTestServer(days: 1)
        let pid = try #require(server?.processIdentifier)
        #expect(kill(pid, 0) == 0, "running while held")
        server = nil
        // Killed and reaped: no such process any more (not even a zombie).
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func certificateExpiryOnPlainHTTPIsAFailure() throws {
        let server = try HTTPTestServer { _ in .text(200, "") }
        let results = try runProbes("""
            probes:
              - name: plain
                url: BASE/
                expect: ["[CERT_EXPIRY] > 14d"]
            """, on: server)
        #expect(onlyProblem(results[0]) == "probe 'plain': [CERT_EXPIRY] > 14d failed: got no certificate")
    }
}
