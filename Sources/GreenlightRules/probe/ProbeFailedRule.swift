import GreenlightCore
import GreenlightProbes

/// `probe.failed`: a configured live probe failed — a condition did not hold, the request got
/// no answer, or a `${NAME}` it needs is not set. Shape: whole-run (one shared probe run).
public struct ProbeFailedRule: Rule {
    public static let description = RuleDescription(
        id: "probe.failed",
        severity: .error,
        summary: "A live endpoint probe failed one of its conditions or got no answer",
        rationale: """
            A readiness claim about a running service — health routes answer, an endpoint \
            returns the right JSON, latency stays under a limit at some concurrency — is only \
            true while the service says so. Probes ask it, through libcurl with timeouts always \
            set and TLS verified, and each condition that does not hold is one finding naming \
            the probe, the condition and the value seen. A request that gets no answer, or a \
            probe whose environment variable is missing, fails too. `check --no-live` skips \
            probes; `greenlight probe` runs them alone. Probes are the top-level `probes:` \
            list of .greenlight.yml; each has name, url, expect and optionally method, \
            headers, body, requests, concurrency, retries, backoff, failure_threshold, \
            timeout, connect_timeout, follow_redirects, max_body, insecure, auth_required.
            """,
        triggering: [
            ProbeRun.example("""
                probes:
                  - name: api-health
                    url: ↓http://127.0.0.1:1/health
                    expect: ["[STATUS] == 200"]
                """),
            ProbeRun.example("""
                probes:
                  - name: admin-jobs
                    url: http://127.0.0.1:1/admin/jobs
                    headers:
                      x-admin-token: "↓${GREENLIGHT_EXAMPLE_UNSET_TOKEN}"
                    expect: ["[STATUS] == 202"]
                """),
        ],
        nonTriggering: [
            ProbeRun.example("""
                probes:
                  - name: debug-port-closed
                    url: http://127.0.0.1:1/
                    expect: ["[CONNECTED] == false"]
                """),
            ProbeRun.example("version: 1\n"),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        ProbeRun.results(context).flatMap { result in
            result.problems.filter { $0.kind != .authNotEnforced }.map {
                ProbeRun.finding(Self.description, $0, of: result, file: context.configFile)
            }
        }
    }
}
