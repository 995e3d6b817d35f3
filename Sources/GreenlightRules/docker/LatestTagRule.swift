import GreenlightCore

/// `docker.latest-tag`: a `FROM` image tagged `latest` without a digest. Shape: a stateless pass
/// over the stages' base images.
public struct LatestTagRule: Rule {
    public static let description = RuleDescription(
        id: "docker.latest-tag",
        severity: .note,
        summary: "A base image is tagged latest",
        rationale: """
            `latest` moves: the image that passed yesterday's checks is not the one built today. \
            Pin a release tag, or add a digest (`image:latest@sha256:…` is pinned by the digest). \
            A tag that comes from a build argument's default (`ARG VERSION=latest`) is the \
            build's to pass, and images that are not shipped (tests, fixtures, demos) are not \
            judged.
            """,
        triggering: [
            RuleExample(["Dockerfile": "FROM ↓node:latest AS build\nFROM ↓nginx:latest\n"]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": """
                FROM node:20 AS latest
                FROM latest
                FROM nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """]),
            // A build argument's default (the shipping build passes the tag); a test fixture.
            RuleExample([
                "enterprise/Dockerfile": "ARG OPENHANDS_VERSION=latest\nFROM ghcr.io/all-hands-ai/openhands:${OPENHANDS_VERSION}\n",
                "packages/cli/tests/fixtures/minimal/e2b.Dockerfile": "FROM ubuntu:latest\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) where DockerfileRole.isShipped(file.path, context) {
            for base in BaseImage.all(in: file)
            where base.reference.tag == "latest" && base.reference.digest == nil && !base.fromBuildArgument {
                findings.append(Finding(
                    Self.description, file, base.word.position,
                    "base image '\(base.value)' uses the moving tag 'latest'",
                    matched: base.stage.from.text, fix: "pin a release tag or a digest"))
            }
        }
        return findings
    }
}
