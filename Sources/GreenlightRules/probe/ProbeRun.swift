import GreenlightCore
import GreenlightProbes

/// The probe family's shared run: the configured probes run once per check, whichever of the
/// family's rules asks first, and their problems become findings on the configuration file.
enum ProbeRun {
    static func results(_ context: RuleContext) -> [ProbeResult] {
        context.shared(SharedKey<[ProbeResult]>("probe.results")) {
            guard runs(context) else { return [] }
            return ProbeRunner(environment: context.live.environment, now: context.now).run(context.section(ProbesSection.self).probes)
        }
    }

    /// Whether this run probes anything: live access allowed and probes configured.
    static func runs(_ context: RuleContext) -> Bool {
        context.live.enabled && !context.section(ProbesSection.self).probes.isEmpty
    }

    /// A finding at the problem's place in the configuration file (or the file as a whole when
    /// the position is unknown), naming the endpoint.
    static func finding(_ rule: RuleDescription, _ problem: ProbeProblem, of result: ProbeResult, file: String,
                        fix: String? = nil) -> Finding {
        var finding = Finding(rule: rule, path: file, line: problem.position?.line ?? 0, column: problem.position?.column ?? 0,
                              message: problem.message, matched: problem.matched, fix: fix)
        finding.endpoint = "\(result.method) \(result.url)"
        return finding
    }

    /// A rule example whose configuration is also committed as `example.yml` (the name the
    /// example test loads it under), so that `↓` can mark positions in it.
    static func example(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> RuleExample {
        RuleExample(["example.yml": yaml], config: yaml.replacingOccurrences(of: String(RuleExample.marker), with: ""),
                    file: file, line: line)
    }
}
