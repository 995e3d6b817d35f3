import GreenlightCore

/// `docker.untagged-base`: a `FROM` image with neither a tag nor a digest. Shape: a stateless
/// pass over the stages' base images.
public struct UntaggedBaseRule: Rule {
    public static let description = RuleDescription(
        id: "docker.untagged-base",
        severity: .note,
        summary: "A base image has no tag or digest",
        rationale: """
            Without a tag, FROM takes whatever `latest` is on the day of the build, so the same \
            commit builds different images and a base image's major upgrade arrives unannounced. \
            `scratch` and earlier stages are not images and need no tag. Dockerfiles of tests \
            (`tests/`, `e2e/` …) build on the image under test, which their harness names, and \
            an image named by a build argument (`FROM $BASE`) is the build's to pass.
            """,
        triggering: [
            RuleExample(["Dockerfile": """
                FROM ↓node AS build
                FROM ↓ghcr.io/acme/runtime
                COPY --from=build /app /app
                """]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": """
                ARG VERSION
                FROM node:20.11-alpine AS build
                FROM build AS test
                FROM scratch
                FROM python:${VERSION}
                FROM ghcr.io/acme/runtime@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """]),
            RuleExample(["tests/plugins-cli/Dockerfile": "FROM bats-jenkins\nRUN jenkins-plugin-cli --version\n"]),
            // A build argument: the shipping build passes the image.
            RuleExample(["Dockerfile": "ARG BASE=python\nFROM $BASE\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) where !TestCode.contains(file.path) {
            for base in BaseImage.all(in: file) where base.reference.tag == nil && base.reference.digest == nil && !base.fromBuildArgument {
                findings.append(Finding(
                    Self.description, file, base.word.position,
                    "base image '\(base.value)' has no tag, so every build takes whatever 'latest' is that day",
                    matched: base.stage.from.text, fix: "pin a version, e.g. \(base.value):<version>, or a digest"))
            }
        }
        return findings
    }
}
