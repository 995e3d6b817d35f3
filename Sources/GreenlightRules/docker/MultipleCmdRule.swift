import GreenlightCore

/// `docker.multiple-cmd`: more than one `CMD` or `ENTRYPOINT` in a stage. Shape: a stateful fold
/// over each stage's instructions.
public struct MultipleCmdRule: Rule {
    public static let description = RuleDescription(
        id: "docker.multiple-cmd",
        severity: .warning,
        summary: "A stage has more than one CMD or ENTRYPOINT",
        rationale: """
            Only the last CMD and the last ENTRYPOINT of a stage take effect; the earlier ones \
            read like part of the start-up and are not, which hides what the container runs.
            """,
        triggering: [
            RuleExample(["Dockerfile": """
                FROM python:3.12-slim
                CMD ["python", "migrate.py"]
                ↓CMD ["uvicorn", "app:app", "--host", "0.0.0.0"]
                ENTRYPOINT ["/entrypoint.sh"]
                ↓ENTRYPOINT ["tini", "--"]
                """]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": """
                FROM golang:1.23 AS build
                CMD ["go", "test", "./..."]
                FROM gcr.io/distroless/static:nonroot
                ENTRYPOINT ["/app"]
                CMD ["serve"]
                """]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) {
            for stage in file.stages {
                for keyword in ["CMD", "ENTRYPOINT"] {
                    let all = stage.all(keyword)
                    for extra in all.dropFirst() {
                        findings.append(Finding(
                            Self.description, file, extra.position,
                            "\(keyword) repeats the one at line \(all[0].position.line); only the last \(keyword) of a stage takes effect",
                            matched: extra.text, fix: "keep one \(keyword) per stage"))
                    }
                }
            }
        }
        return findings
    }
}
