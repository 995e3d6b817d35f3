import GreenlightCore

/// `docker.root-user`: the final stage's last USER is root, or no USER is set at all (itself or
/// in the stages it derives from). Shape: needs the whole file.
public struct RootUserRule: Rule {
    public static let description = RuleDescription(
        id: "docker.root-user",
        severity: .warning,
        summary: "The final stage runs as root",
        rationale: """
            A process running as root in a container turns a code-execution bug into root in \
            the container and a much shorter path out of it. The final stage should switch to \
            an unprivileged user after installing what needs root. Bases that already run \
            unprivileged (a `nonroot` or `rootless` tag, Jupyter, Bitnami, Chainguard images) \
            count as a USER; so does an entrypoint that hands over itself (`gosu`, `su-exec`, \
            s6-overlay's `/init`, nginx or httpd dropping to their worker user). Images that \
            are not shipped (tests, fixtures, examples, development containers, evaluation \
            harnesses) and files that never run (`FROM scratch` with no CMD) are not judged. A \
            final stage with no USER on a base whose user is not known here (not an official \
            image, not a known root one) is `docker.base-user-unknown`'s, a note.
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
            RuleExample([
                "postgres/Dockerfile": "FROM debian:bookworm-slim\nRUN apt-get install -y gosu\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"postgres\"]\n",
                "base/Dockerfile": "FROM alpine:3.20\nADD s6-overlay.tar.xz /\nENTRYPOINT [\"/init\"]\n",
                "web/Dockerfile": "FROM debian:bookworm-slim\nEXPOSE 80\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
                "otel/Dockerfile": "FROM nginx:1.27\nRUN apt-get install -y nginx-module-otel\n",
                "db/Dockerfile": "FROM mysql:8.0\nADD setup.sql /docker-entrypoint-initdb.d\n",
                "notebook/Dockerfile": "FROM quay.io/jupyter/scipy-notebook:2024-10-07\nCOPY notebooks /home/jovyan/\n",
                "bundle/bundle.Dockerfile": "FROM scratch\nCOPY manifests /manifests/\n",
                ".devcontainer/Dockerfile": "FROM mcr.microsoft.com/devcontainers/python:3.12\n",
                "evaluation/benchmarks/swe/Dockerfile": "FROM python:3.12\nCMD [\"python\", \"run.py\"]\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) where DockerfileRole.isShipped(file.path, context) {
            guard let final = file.finalStage else { continue }
            if let user = file.inheritedInstructions(of: final).last(where: { $0.keyword == "USER" }) {
                let name = user.words.first?.text ?? ""
                if ImageUsers.isRoot(name) {
                    findings.append(Finding(
                        Self.description, file, user.position, "the final stage's last USER is \(name), so the container runs as root",
                        matched: user.text, fix: "switch to an unprivileged user (USER 10001) after the steps that need root"))
                }
                continue
            }
            guard case .root = ImageUsers.userWithoutUSER(final, in: file) else { continue }
            findings.append(Finding(
                Self.description, file, final.from.position, "the final stage sets no USER, so the container runs as root",
                matched: final.from.text, fix: "add USER with an unprivileged user to the final stage"))
        }
        return findings
    }
}
