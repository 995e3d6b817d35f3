import GreenlightCore
import GreenlightProbes

/// `probe.insecure`: a probe turns TLS verification off. Shape: stateless over the config.
public struct InsecureProbeRule: Rule {
    public static let description = RuleDescription(
        id: "probe.insecure",
        severity: .warning,
        summary: "A probe turns TLS certificate verification off",
        rationale: """
            `insecure: true` makes a probe accept any certificate, so it passes against an \
            impostor, an expired certificate or the wrong host. It is sometimes needed for a \
            staging host with a self-signed certificate; the report says so every time, and the \
            warning can be suppressed with a reason.
            """,
        triggering: [
            ProbeRun.example("""
                probes:
                  - name: ↓staging-health
                    url: https://127.0.0.1:1/health
                    insecure: true
                    expect: ["[CONNECTED] == false"]
                """),
        ],
        nonTriggering: [
            ProbeRun.example("""
                probes:
                  - name: staging-health
                    url: https://127.0.0.1:1/health
                    insecure: false
                    expect: ["[CONNECTED] == false"]
                """),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        context.section(ProbesSection.self).probes.filter(\.insecure).map { probe in
            var finding = Finding(
                rule: Self.description, path: context.configFile, line: probe.position?.line ?? 0,
                column: probe.position?.column ?? 0,
                message: "probe '\(probe.name)' does not verify TLS certificates (insecure: true)",
                matched: "\(probe.name) insecure", fix: "trust the server's CA instead, or remove insecure: true")
            finding.endpoint = "\(probe.method) \(probe.url.text)"
            return finding
        }
    }
}
