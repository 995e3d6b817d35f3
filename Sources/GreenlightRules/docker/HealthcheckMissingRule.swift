import GreenlightCore

/// `docker.healthcheck-missing`: the final stage serves (it EXPOSEs a port, or its CMD or
/// ENTRYPOINT starts a server) and declares no HEALTHCHECK, itself or through the stages it
/// derives from. `HEALTHCHECK NONE` is an explicit answer. Shape: needs the whole file.
public struct HealthcheckMissingRule: Rule {
    public struct Options: RuleOptions {
        /// Words that mark a start command as a server, matched against CMD and ENTRYPOINT.
        public var servers: [String] = Options.defaultServers

        static let defaultServers = [
            "uvicorn", "gunicorn", "hypercorn", "daphne", "runserver", "flask run", "rails server", "rails s", "puma",
            "unicorn", "nginx", "httpd", "apache2", "caddy", "traefik", "php-fpm", "npm start", "npm run start",
            "yarn start", "pnpm start", "next start", "node server", "serve", "java -jar", "streamlit run",
            "http.server", "fastapi run", "--port", "--listen",
        ]

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case servers
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            servers = try container.decodeIfPresent([String].self, forKey: .servers) ?? Options.defaultServers
        }
    }

    public static let description = RuleDescription(
        id: "docker.healthcheck-missing",
        severity: .note,
        summary: "The final stage serves traffic but declares no HEALTHCHECK",
        rationale: """
            Without a HEALTHCHECK, Docker and Compose report a container whose server hung or \
            never bound its port as running, and a deploy that waits for "healthy" waits for \
            nothing. A final stage that EXPOSEs a port or starts a server should say how to \
            check it; `HEALTHCHECK NONE` says deliberately that it has none. Images that are not \
            shipped (tests, fixtures, examples, development containers, evaluation harnesses, \
            `Dockerfile.dev`) are not judged, nor an image whose Compose service declares the \
            `healthcheck:` (a service that `build:`s this Dockerfile).
            """,
        configKeys: [ConfigKey("servers", "words marking CMD/ENTRYPOINT as a server", default: "uvicorn, gunicorn, nginx, npm start, …")],
        triggering: [
            RuleExample(["dashboard/Dockerfile": """
                FROM node:20-alpine AS build
                RUN npm ci && npm run build
                ↓FROM node:20-alpine
                COPY --from=build /app /app
                EXPOSE 3000
                CMD ["npm", "start"]
                """]),
            RuleExample([
                "Dockerfile": """
                    ↓FROM python:3.12-slim
                    CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
                    """,
                // Compose builds it and checks another service only.
                "docker-compose.yml": "services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n    healthcheck:\n      test: pg_isready\n",
            ]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": """
                FROM node:20-alpine AS base
                HEALTHCHECK CMD wget -qO- http://localhost:3000/health || exit 1
                FROM base
                EXPOSE 3000
                CMD ["node", "server.js"]
                """]),
            RuleExample(["Dockerfile": """
                FROM python:3.12-slim
                EXPOSE 8000
                HEALTHCHECK NONE
                """]),
            RuleExample([
                "scripts/docker/devops/smtp-server/Dockerfile": "FROM python:3.12\nEXPOSE 1025\nCMD [\"python\", \"-m\", \"smtpd\", \"--port\", \"1025\"]\n",
                "server/dev.Dockerfile": "FROM python:3.12\nCMD [\"uvicorn\", \"main:app\", \"--reload\"]\n",
                "tests/mock_services/api/Dockerfile": "FROM node:20\nEXPOSE 8080\nCMD [\"node\", \"server.js\"]\n",
                "packages/cli/testground/demo-basic/Dockerfile": "FROM node:20\nEXPOSE 3000\nCMD [\"npm\", \"start\"]\n",
            ]),
            RuleExample([
                "py/Dockerfile": "FROM python:3.12\nEXPOSE 7272\nCMD [\"uvicorn\", \"app:app\"]\n",
                "docker/worker/Dockerfile": "FROM node:20\nEXPOSE 5566\nCMD [\"npm\", \"start\"]\n",
                "docker/compose.yaml": "services:\n  api:\n    build:\n      context: ../py\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:7272/health\"]\n  worker:\n    build: ./worker\n    healthcheck:\n      test: curl -f http://localhost:5566/healthz\n",
            ]),
            RuleExample(["tools/Dockerfile": """
                FROM golang:1.23
                ENTRYPOINT ["go", "run", "./cmd/migrate"]
                """]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        var findings: [Finding] = []
        let composeChecked = try ComposeFiles.healthchecked(context)
        for file in try DockerfileFiles.parsed(context) where DockerfileRole.isShipped(file.path, context) && !composeChecked.contains(file.path) {
            guard let final = file.finalStage else { continue }
            let inherited = file.inheritedInstructions(of: final)
            guard !inherited.contains(where: { $0.keyword == "HEALTHCHECK" }) else { continue }
            let expose = inherited.last { $0.keyword == "EXPOSE" }
            let start = inherited.last { ($0.keyword == "CMD" || $0.keyword == "ENTRYPOINT") && isServer($0, options.servers) }
            guard let reason = expose.map({ "EXPOSEs \($0.arguments.string) (line \($0.position.line))" })
                    ?? start.map({ "starts a server (line \($0.position.line))" }) else { continue }
            findings.append(Finding(
                Self.description, file, final.from.position,
                "the final stage \(reason) but has no HEALTHCHECK",
                matched: final.from.text,
                fix: "add HEALTHCHECK CMD curl -fsS http://localhost:<port>/health || exit 1 (or HEALTHCHECK NONE)"))
        }
        return findings
    }

    private func isServer(_ instruction: DockerInstruction, _ servers: [String]) -> Bool {
        let command = " " + instruction.commandText.lowercased() + " "
        return servers.contains {
            ByteSearch.contains(command, " " + $0.lowercased()) || ByteSearch.contains(command, "/" + $0.lowercased())
        }
    }
}
