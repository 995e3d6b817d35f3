import GreenlightCore

/// `docker.root-user`: the final stage's last USER is root, or no USER is set at all (itself or
/// in the stages it derives from). Shape: needs the whole file.
public struct RootUserRule: Rule {
    public static let description = RuleDescription(
        id: "docker.root-user",
        severity: .note,
        summary: "The final stage runs as root",
        rationale: """
            A process running as root in a container turns a code-execution bug into root in \
            the container and a much shorter path out of it. The final stage should switch to \
            an unprivileged user after installing what needs root. Bases that already run \
            unprivileged (a `nonroot` or `rootless` tag) count as a USER.
            """,
        triggering: [
            RuleExample(["Dockerfile": """
                FROM node:20-alpine AS build
                USER node
                ↓FROM node:20-alpine
                CMD ["node", "server.js"]
                """]),
            RuleExample(["Dockerfile": """
                FROM python:3.12-slim
                USER app
                RUN pip install -r requirements.txt
                ↓USER root
                """]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": """
                FROM python:3.12-slim AS base
                USER root
                RUN apt-get update
                USER 10001:10001
                FROM base AS final
                CMD ["python", "app.py"]
                """]),
            RuleExample(["Dockerfile": "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) {
            guard let final = file.finalStage else { continue }
            if let user = file.inheritedInstructions(of: final).last(where: { $0.keyword == "USER" }) {
                let name = user.words.first?.text ?? ""
                if RootUserRule.isRoot(name) {
                    findings.append(Finding(
                        Self.description, file, user.position, "the final stage's last USER is \(name), so the container runs as root",
                        matched: user.text, fix: "switch to an unprivileged user (USER 10001) after the steps that need root"))
                }
                continue
            }
            let bases = file.lineage(of: final).compactMap { file.resolvedImage(of: $0)?.value.lowercased() }
            if bases.contains(where: { $0.contains("nonroot") || $0.contains("rootless") }) { continue }
            findings.append(Finding(
                Self.description, file, final.from.position, "the final stage sets no USER, so the container runs as root",
                matched: final.from.text, fix: "add USER with an unprivileged user to the final stage"))
        }
        return findings
    }

    static func isRoot(_ user: String) -> Bool {
        user == "root" || user == "0" || user.hasPrefix("root:") || user.hasPrefix("0:")
    }
}
