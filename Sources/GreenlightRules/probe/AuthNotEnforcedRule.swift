import GreenlightCore
import GreenlightProbes

/// `probe.auth-not-enforced`: a probe marked `auth_required` sent its request again without
/// its credential headers and did not get 401 or 403. Shape: whole-run (the shared probe run).
public struct AuthNotEnforcedRule: Rule {
    public static let description = RuleDescription(
        id: "probe.auth-not-enforced",
        severity: .error,
        summary: "An endpoint that must require credentials answered a request without them",
        rationale: """
            Admin routes and job triggers are protected by a token; that the token works proves \
            nothing about what happens without it. With `auth_required: true` the probe sends \
            the same request once more without its credential headers (Authorization, \
            Proxy-Authorization, Cookie, and every header whose value comes from ${NAME}) and \
            expects 401 or 403. Any other answer, or none, is a finding.
            """,
        triggering: [
            ProbeRun.example("""
                probes:
                  - name: ↓admin-jobs
                    url: http://127.0.0.1:1/admin/jobs/run?job=plan
                    method: POST
                    headers: {Cookie: "session=example"}
                    auth_required: true
                    expect: ["[CONNECTED] == false"]
                """),
        ],
        nonTriggering: [
            ProbeRun.example("""
                probes:
                  - name: admin-jobs
                    url: http://127.0.0.1:1/admin/jobs/run?job=plan
                    expect: ["[CONNECTED] == false"]
                """),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        ProbeRun.results(context).flatMap { result in
            result.problems.filter { $0.kind == .authNotEnforced }.map {
                ProbeRun.finding(Self.description, $0, of: result, file: context.configFile,
                                 fix: "reject requests without credentials with 401 or 403")
            }
        }
    }
}
