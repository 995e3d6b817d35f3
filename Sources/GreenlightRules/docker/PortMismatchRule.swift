import Foundation
import GreenlightCore

/// `docker.port-mismatch`: in the final stage, `EXPOSE`, `ENV PORT=…` and the port of a
/// HEALTHCHECK's local URL disagree; in any stage, a port outside 1–65535 (an error). Shape:
/// needs the whole file (values inherited through stages).
public struct PortMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "docker.port-mismatch",
        severity: .warning,
        summary: "EXPOSE, ENV PORT and the HEALTHCHECK URL name different ports",
        rationale: """
            When the app listens on PORT, the image EXPOSEs another port and the health check \
            probes a third, the container is unreachable or reported unhealthy while it works. \
            The ports should agree; a port outside 1–65535 is an error.
            """,
        triggering: [
            RuleExample(["dashboard/Dockerfile": """
                FROM node:20-alpine
                ENV NODE_ENV=production ↓PORT=8080
                EXPOSE 3000
                HEALTHCHECK CMD wget -qO- ↓http://localhost:3001/health || exit 1
                CMD ["npm", "start"]
                """]),
            RuleExample(["Dockerfile": "FROM nginx:1.27\n↓EXPOSE 80 70000/tcp\n"]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": """
                FROM node:20-alpine AS base
                ARG APP_PORT=3000
                ENV PORT=$APP_PORT
                FROM base
                EXPOSE ${PORT}/tcp 9229
                HEALTHCHECK --interval=30s CMD curl -fsS http://127.0.0.1:3000/api/health || exit 1
                """]),
            RuleExample(["Dockerfile": "FROM nginx:1.27\nEXPOSE 8000-8010\nHEALTHCHECK CMD curl -f http://localhost:8005/\n"]),
            // Two servers started by one script; the check probes the internal API.
            RuleExample(["Dockerfile": """
                FROM python:3.12-slim
                EXPOSE 3000
                HEALTHCHECK CMD curl -fsS http://127.0.0.1:8000/api/health || exit 1
                CMD ["/app/start.sh"]
                """]),
        ]
    )

    public init() {}

    struct Exposed {
        let ports: ClosedRange<Int>
        let instruction: DockerInstruction
    }

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) {
            for stage in file.stages {
                findings += rangeErrors(stage, in: file)
            }
            if let final = file.finalStage { findings += disagreements(final, in: file) }
        }
        return findings
    }

    private func rangeErrors(_ stage: DockerStage, in file: Dockerfile) -> [Finding] {
        var findings: [Finding] = []
        let variables = file.variables(of: stage)
        for expose in stage.all("EXPOSE") {
            for word in expose.words {
                let value = DockerExpansion(word.text, values: variables, escape: file.escape).value
                let spec = value.split(separator: "/").first.map(String.init) ?? value
                let bounds = spec.split(separator: "-").compactMap { Int($0) }
                guard !bounds.isEmpty, bounds.contains(where: { !(1...65535).contains($0) }) else { continue }
                var finding = Finding(
                    Self.description, file, expose.position, "EXPOSE \(value): ports range from 1 to 65535",
                    matched: expose.text)
                finding.severity = .error
                findings.append(finding)
            }
        }
        return findings
    }

    private func disagreements(_ final: DockerStage, in file: Dockerfile) -> [Finding] {
        let inherited = file.inheritedInstructions(of: final)
        let variables = file.variables(of: final)
        var exposed: [Exposed] = []
        for expose in inherited where expose.keyword == "EXPOSE" {
            for word in expose.words {
                let value = DockerExpansion(word.text, values: variables, escape: file.escape).value
                let spec = value.split(separator: "/").first.map(String.init) ?? value
                let bounds = spec.split(separator: "-").compactMap { Int($0) }
                if let low = bounds.first, let high = bounds.last, low <= high {
                    exposed.append(Exposed(ports: low...high, instruction: expose))
                }
            }
        }
        var findings: [Finding] = []
        let portEnv = inherited.filter { $0.keyword == "ENV" }.flatMap { env in
            env.assignments.filter { $0.name == "PORT" }.map { (env, $0) }
        }.last
        var port: Int?
        if let (env, variable) = portEnv, let raw = variable.value {
            port = Int(DockerExpansion(raw, values: variables, escape: file.escape).value)
            if let port, !exposed.isEmpty, !exposed.contains(where: { $0.ports.contains(port) }) {
                findings.append(Finding(
                    Self.description, file, variable.position,
                    "PORT=\(port) but EXPOSE declares \(describe(exposed)) (line \(exposed[0].instruction.position.line))",
                    matched: env.text, fix: "make ENV PORT and EXPOSE name the same port"))
            }
        }
        for check in inherited where check.keyword == "HEALTHCHECK" {
            for (probe, position) in localURLPorts(check) {
                if let port, probe != port {
                    findings.append(Finding(
                        Self.description, file, position, "the HEALTHCHECK probes port \(probe) but PORT=\(port)",
                        matched: check.text, fix: "probe the port the app listens on"))
                } else if port == nil, !exposed.isEmpty, !exposed.contains(where: { $0.ports.contains(probe) }),
                          !Self.startsSeveralProcesses(final, in: file) {
                    findings.append(Finding(
                        Self.description, file, position,
                        "the HEALTHCHECK probes port \(probe) but EXPOSE declares \(describe(exposed))",
                        matched: check.text, fix: "probe an exposed port"))
                }
            }
        }
        return findings
    }

    /// Process managers and start scripts: an image that starts several servers (an API beside
    /// the web front it exposes) may check an internal one that nothing outside reaches.
    private static let severalProcesses = [".sh ", "supervisord", "concurrently", "pm2", "honcho", "s6", " & "]

    /// Whether the final stage starts through a script or a process manager rather than one
    /// server command.
    static func startsSeveralProcesses(_ final: DockerStage, in file: Dockerfile) -> Bool {
        guard let start = file.inheritedInstructions(of: final).last(where: { $0.keyword == "CMD" || $0.keyword == "ENTRYPOINT" })
        else { return false }
        let command = start.commandText + " "
        return severalProcesses.contains { command.contains($0) }
    }

    private func describe(_ exposed: [Exposed]) -> String {
        exposed.map { $0.ports.count == 1 ? "\($0.ports.lowerBound)" : "\($0.ports.lowerBound)-\($0.ports.upperBound)" }
            .joined(separator: ", ")
    }

    /// Ports of `http(s)://localhost|127.0.0.1|0.0.0.0[:port]` URLs in the check's command.
    private func localURLPorts(_ check: DockerInstruction) -> [(Int, SourcePosition)] {
        let text = check.arguments.string
        var results: [(Int, SourcePosition)] = []
        var searchStart = text.startIndex
        while let scheme = text.range(of: "http", range: searchStart..<text.endIndex) {
            searchStart = scheme.upperBound
            var rest = text[scheme.upperBound...]
            let secure = rest.hasPrefix("s")
            if secure { rest = rest.dropFirst() }
            guard rest.hasPrefix("://") else { continue }
            rest = rest.dropFirst(3)
            guard let host = ["localhost", "127.0.0.1", "0.0.0.0", "[::1]"].first(where: { rest.hasPrefix($0) }) else { continue }
            rest = rest.dropFirst(host.count)
            var port = secure ? 443 : 80
            if rest.hasPrefix(":") {
                let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                guard let value = Int(digits) else { continue }
                port = value
            }
            let offset = text.unicodeScalars.distance(from: text.startIndex, to: scheme.lowerBound)
            results.append((port, check.arguments.position(at: offset)))
        }
        return results
    }
}
