import GreenlightCore
import GreenlightProbes

/// One block per probe: a PASS/FAIL line with the method, the URL template, the status and
/// libcurl's timing phases; then the load figures, the auth check, the TLS warning and each
/// problem as `file:line:col: message`. A summary line ends it.
public struct ProbeTextReporter {
    public init() {}

    public func render(_ report: ProbeReport) -> String {
        var out = ""
        let width = report.probes.map(\.name.count).max() ?? 0
        for probe in report.probes {
            let name = probe.name.padding(toLength: width, withPad: " ", startingAt: 0)
            out += "\(probe.passed ? "PASS" : "FAIL")  \(name)  \(probe.method) \(probe.url)"
            if let response = probe.response {
                let t = response.timingsMilliseconds
                out += "  \(response.status) in \(ms(response.elapsedMilliseconds))"
                out += " (dns \(ms(t.dns)), connect \(ms(t.connect)), tls \(t.tls > 0 ? ms(t.tls) : "-"), first byte \(ms(t.firstByte)))"
            }
            out += "\n"
            let indent = String(repeating: " ", count: 6)
            if let stats = probe.stats, probe.requests > 1 {
                var line = "\(indent)load: \(stats.requests) requests at concurrency \(probe.concurrency)"
                for (label, value) in [("p50", stats.p50), ("p95", stats.p95), ("p99", stats.p99), ("max", stats.max)] {
                    if let value { line += ", \(label) \(ms(value * 1000))" }
                }
                let rate = (stats.errorRate * 10000).rounded() / 100
                line += ", errors \(stats.errors)/\(stats.requests) (\(number(rate))%)\n"
                out += line
            }
            if let stopped = probe.response?.stoppedRedirect { out += "\(indent)redirect not followed: \(stopped)\n" }
            if let expires = probe.response?.certificateExpires { out += "\(indent)certificate expires \(expires)\n" }
            if probe.insecure { out += "\(indent)insecure: TLS certificate verification is off for this probe\n" }
            if let auth = probe.auth {
                out += "\(indent)auth: without \(auth.withheld.joined(separator: ", ")) got \(auth.actual)"
                out += auth.passed ? " (refused, as required)\n" : " (expected 401 or 403)\n"
            }
            if probe.attempts > 1 { out += "\(indent)rounds: \(probe.attempts)\n" }
            for problem in probe.problems {
                let location = problem.position.map { "\(report.config):\($0.line):\($0.column): " } ?? "\(report.config): "
                out += "\(indent)\(location)\(problem.message)\n"
            }
        }
        let summary = report.summary
        out += "\(summary.probes) probe\(summary.probes == 1 ? "" : "s"): \(summary.passed) passed, \(summary.failed) failed\n"
        return out
    }

    private func ms(_ milliseconds: Double) -> String {
        if milliseconds >= 1000 { return number((milliseconds / 10).rounded() / 100) + "s" }
        if milliseconds >= 10 { return number(milliseconds.rounded()) + "ms" }
        if milliseconds >= 1 { return number((milliseconds * 10).rounded() / 10) + "ms" }
        return number((milliseconds * 100).rounded() / 100) + "ms"
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
