import GreenlightCore

/// `docker.duplicate-stage`: two stages share a name (case-insensitive). Shape: a stateful fold
/// over the stages with a set of names.
public struct DuplicateStageRule: Rule {
    public static let description = RuleDescription(
        id: "docker.duplicate-stage",
        severity: .error,
        summary: "Two stages of a Dockerfile have the same name",
        rationale: """
            `COPY --from=build` and `--target build` pick one of the stages named build, and \
            which one depends on the builder; a copied stage left with its old name is the usual \
            cause. Stage names are compared without case, as BuildKit does.
            """,
        triggering: [
            RuleExample(["Dockerfile": """
                FROM node:20 AS build
                RUN npm ci
                FROM node:20 AS ↓Build
                RUN npm run build
                FROM nginx:1.27
                COPY --from=build /app/dist /usr/share/nginx/html
                """]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": """
                FROM node:20 AS deps
                FROM deps AS build
                FROM nginx:1.27 AS runtime
                """]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) {
            var seen: [String: DockerWord] = [:]
            for stage in file.stages {
                guard let name = stage.name else { continue }
                let key = name.text.lowercased()
                if let first = seen[key] {
                    let named = first.text == name.text ? "" : " as '\(first.text)' (stage names ignore case)"
                    findings.append(Finding(
                        Self.description, file, name.position,
                        "stage name '\(name.text)' is already used by the stage at line \(first.position.line)\(named)",
                        matched: stage.from.text, fix: "give each stage its own name"))
                } else {
                    seen[key] = name
                }
            }
        }
        return findings
    }
}
