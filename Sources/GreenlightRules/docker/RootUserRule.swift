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
            harnesses) and files that never run (`FROM scratch` with no CMD) are not judged.
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
                if RootUserRule.isRoot(name) {
                    findings.append(Finding(
                        Self.description, file, user.position, "the final stage's last USER is \(name), so the container runs as root",
                        matched: user.text, fix: "switch to an unprivileged user (USER 10001) after the steps that need root"))
                }
                continue
            }
            let bases = file.lineage(of: final).compactMap { file.resolvedImage(of: $0)?.value.lowercased() }
            if bases.contains(where: Self.runsUnprivileged) { continue }
            let inherited = file.inheritedInstructions(of: final)
            // An image that never runs: `FROM scratch` holding files, with nothing to start.
            if bases.last == "scratch" && !inherited.contains(where: { $0.keyword == "CMD" || $0.keyword == "ENTRYPOINT" }) {
                continue
            }
            if inherited.contains(where: Self.dropsPrivileges) { continue }
            // A base that is one of those servers (`FROM nginx:1.27`) or an official database
            // image whose entrypoint steps down (`FROM mysql:8.0`) starts it as its CMD.
            if let root = bases.last, Self.droppingServers.union(Self.steppingDownImages).contains(Self.repositoryName(root)) {
                continue
            }
            findings.append(Finding(
                Self.description, file, final.from.position, "the final stage sets no USER, so the container runs as root",
                matched: final.from.text, fix: "add USER with an unprivileged user to the final stage"))
        }
        return findings
    }

    /// Bases that already run unprivileged: a `nonroot` or `rootless` tag, and images published
    /// to run as their own user (Jupyter's `jovyan`, Bitnami's 1001, nginx-unprivileged,
    /// Chainguard's `nonroot`).
    static func runsUnprivileged(_ image: String) -> Bool {
        if image.contains("nonroot") || image.contains("rootless") || image.contains("unprivileged") { return true }
        let name = image.hasPrefix("docker.io/") ? String(image.dropFirst("docker.io/".count)) : image
        return ["jupyter/", "quay.io/jupyter/", "bitnami/", "cgr.dev/chainguard/", "chainguard/"].contains { name.hasPrefix($0) }
    }

    /// Programs that start as root and hand the work to an unprivileged user themselves:
    /// `gosu` / `su-exec` / `setpriv` / `runuser` in the entrypoint, s6-overlay's `/init`, and
    /// servers that drop to their worker user (nginx, httpd, haproxy).
    static let privilegeDroppers: Set<String> = ["gosu", "su-exec", "setpriv", "runuser", "s6-setuidgid"]
    static let droppingServers: Set<String> = ["nginx", "httpd", "apache2", "apache2-foreground", "httpd-foreground",
                                               "haproxy", "squid"]

    /// Official images whose entrypoint starts the server as its own user (with `gosu`).
    static let steppingDownImages: Set<String> = ["postgres", "mysql", "mariadb", "redis", "mongo", "rabbitmq",
                                                  "elasticsearch", "couchdb", "cassandra", "memcached", "solr", "neo4j"]

    static func dropsPrivileges(_ instruction: DockerInstruction) -> Bool {
        switch instruction.keyword {
        case "RUN":
            // Installing a privilege dropper is how official images prepare to use it.
            let words = Set(instruction.commandText.split { $0 == " " || $0 == "\t" || $0 == "\n" }.map(String.init))
            return !words.isDisjoint(with: ["gosu", "su-exec"])
        case "CMD", "ENTRYPOINT":
            let words = instruction.commandText.split { $0 == " " || $0 == "\t" }.map(String.init)
            guard let first = words.first else { return false }
            if first == "/init" || words.contains(where: { privilegeDroppers.contains(String($0.split(separator: "/").last ?? "")) }) {
                return true
            }
            return droppingServers.contains(String(first.split(separator: "/").last ?? ""))
        default:
            return false
        }
    }

    /// `nginx` of `docker.io/library/nginx:1.27-alpine`.
    static func repositoryName(_ image: String) -> String {
        let path = image.split(separator: "@").first.map(String.init) ?? image
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return String(last.split(separator: ":").first ?? Substring(last))
    }

    static func isRoot(_ user: String) -> Bool {
        user == "root" || user == "0" || user.hasPrefix("root:") || user.hasPrefix("0:")
    }
}
