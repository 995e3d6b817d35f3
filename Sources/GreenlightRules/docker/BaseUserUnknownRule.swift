import GreenlightCore

/// `docker.base-user-unknown`: the final stage of a shipped image sets no USER, and its base is
/// an image whose user Greenlight does not know (not an official image, not a known root or
/// unprivileged one). Shape: needs the whole file.
public struct BaseUserUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "docker.base-user-unknown",
        severity: .note,
        summary: "The final stage sets no USER and its base's user is not known",
        rationale: """
            With no USER, a container runs as its base image's user. For Docker's official \
            images that is root (`docker.root-user` reports it); for another publisher's image \
            (`falkordb/falkordb`, `ghcr.io/acme/base`) it may be root or not, and only that \
            image's configuration says. Check it (`docker inspect --format '{{.Config.User}}'`), \
            then set USER explicitly either way, so the Dockerfile says who runs the process.
            """,
        triggering: [
            RuleExample(["Dockerfile": "↓FROM falkordb/falkordb:v4.2\nCOPY mcp /app\nCMD [\"/app/start.sh\"]\n"]),
            RuleExample(["Dockerfile": "FROM node:20 AS build\nRUN npm ci\n↓FROM ghcr.io/acme/runtime:1.4\nCOPY --from=build /app /app\n"]),
        ],
        nonTriggering: [
            // Known root (docker.root-user's); known unprivileged; a USER set; not shipped.
            RuleExample([
                "api/Dockerfile": "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\n",
                "cuda/Dockerfile": "FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nCMD [\"./serve\"]\n",
                "rocm/Dockerfile": "FROM rocm/dev-ubuntu-22.04:6.2\nCMD [\"./serve\"]\n",
                "notebook/Dockerfile": "FROM quay.io/jupyter/scipy-notebook:2024-10-07\n",
                "worker/Dockerfile": "FROM ghcr.io/acme/runtime:1.4\nUSER 10001\n",
                "tests/fixture/Dockerfile": "FROM ghcr.io/acme/runtime:1.4\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) where DockerfileRole.isShipped(file.path, context) {
            guard let final = file.finalStage,
                  !file.inheritedInstructions(of: final).contains(where: { $0.keyword == "USER" }),
                  case .unknown(let image) = ImageUsers.userWithoutUSER(final, in: file) else { continue }
            findings.append(Finding(
                Self.description, file, final.from.position,
                "the final stage sets no USER, so the container runs as whatever user '\(image)' runs as — not known here; if that is root, so is the container",
                matched: final.from.text, fix: "check the base's user, then set USER to an unprivileged one explicitly"))
        }
        return findings
    }
}
