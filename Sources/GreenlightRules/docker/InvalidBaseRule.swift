import GreenlightCore

/// `docker.invalid-base`: a `FROM` whose image reference is malformed or uses a variable no
/// `ARG` declares, and a `COPY --from` that names no earlier stage. Shape: a stateful fold over
/// the stages (which names exist so far).
public struct InvalidBaseRule: Rule {
    public static let description = RuleDescription(
        id: "docker.invalid-base",
        severity: .note,
        summary: "A base image or COPY --from source is malformed or undefined",
        rationale: """
            The build fails at its first line when the base image reference is malformed \
            (upper case, a bad tag), when FROM uses ${VAR} and no ARG before the first FROM \
            declares VAR, or when COPY --from names a stage that does not exist yet — stages \
            can only copy from stages above them. A bare name that is not a stage is read as an \
            image: write it with a tag to say so.
            """,
        triggering: [
            RuleExample(["Dockerfile": """
                FROM ↓Node:20-alpine AS deps
                FROM ↓${BASE_IMAGE}
                COPY --from=↓builder /app/dist /srv
                """]),
            RuleExample(["services/api/Dockerfile": """
                FROM python:3.12-slim AS runtime
                COPY --from=↓build /wheels /wheels
                FROM python:3.12 AS build
                COPY --from=↓3 /x /x
                FROM ↓python::3.12
                """]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": """
                ARG BASE_IMAGE=node:20-alpine
                ARG REGISTRY
                FROM ${BASE_IMAGE} AS deps
                FROM ${REGISTRY}/tools:1.4 AS tools
                FROM ${RUNTIME:-gcr.io/distroless/nodejs20-debian12}
                COPY --from=deps /app/node_modules ./node_modules
                COPY --from=0 /app /app
                COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
                COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv
                """]),
            // BuildKit's platform ARGs; ARG defaults built from earlier ARGs.
            RuleExample(["Dockerfile": """
                ARG GO_VERSION=1.26
                ARG REGISTRY=docker.io
                ARG BUILD_IMAGE=${REGISTRY}/library/golang:${GO_VERSION}
                FROM ${BUILD_IMAGE} AS build
                FROM build-${TARGETARCH} AS final
                FROM --platform=$BUILDPLATFORM node:20 AS web
                """]),
            RuleExample(["Dockerfile": """
                FROM localhost:5000/team/base@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                FROM scratch
                """]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) {
            for stage in file.stages {
                if let finding = checkBase(stage, in: file) { findings.append(finding) }
                let copies = stage.all("COPY").filter { $0.flag("from")?.value != nil }
                guard !copies.isEmpty else { continue }
                var values = file.metaArgValues
                for (name, value) in file.variables(of: stage) { values[name] = value }
                for copy in copies {
                    if let finding = checkCopySource(copy, stage: stage, values: values, in: file) { findings.append(finding) }
                }
            }
        }
        return findings
    }

    private func checkBase(_ stage: DockerStage, in file: Dockerfile) -> Finding? {
        guard let image = stage.image, let expansion = file.resolvedImage(of: stage) else { return nil }
        if let name = expansion.undeclared.first {
            return Finding(
                Self.description, file, image.position,
                "FROM uses ${\(name)}, but no ARG before the first FROM declares \(name)",
                matched: stage.from.text, fix: "declare `ARG \(name)=<default>` above the first FROM")
        }
        let value = expansion.value
        guard !expansion.unresolved, !value.isEmpty, value.lowercased() != "scratch" else { return nil }
        if file.stage(named: value, before: stage.index) != nil { return nil }
        if let later = file.stages.dropFirst(stage.index).first(where: { $0.name?.text.lowercased() == value.lowercased() }) {
            return Finding(
                Self.description, file, image.position,
                "FROM \(value) names the stage at line \(later.from.position.line), which is not defined before this one",
                matched: stage.from.text)
        }
        if case .failure(let malformed) = ImageReference.parse(value) {
            return Finding(
                Self.description, file, image.position, "malformed image reference '\(value)': \(malformed.reason)",
                matched: stage.from.text)
        }
        return nil
    }

    private func checkCopySource(
        _ copy: DockerInstruction, stage: DockerStage, values: [String: String?], in file: Dockerfile
    ) -> Finding? {
        guard let flag = copy.flag("from"), let raw = flag.value else { return nil }
        let expansion = DockerExpansion(raw, values: values, escape: file.escape)
        guard !expansion.unresolved, expansion.undeclared.isEmpty else { return nil }
        let source = expansion.value
        let position = SourcePosition(line: flag.position.line, column: flag.position.column + "--from=".count)
        if let number = Int(source) {
            guard number >= stage.index else { return nil }
            let earlier = stage.index == 0 ? "no stage comes" : stage.index == 1 ? "only stage 0 comes" : "only stages 0–\(stage.index - 1) come"
            return Finding(
                Self.description, file, position,
                "COPY --from=\(number) names stage \(number), but \(earlier) before it",
                matched: copy.text)
        }
        if file.stage(named: source, before: stage.index) != nil { return nil }
        if let later = file.stages.dropFirst(stage.index).first(where: { $0.name?.text.lowercased() == source.lowercased() }) {
            return Finding(
                Self.description, file, position,
                "COPY --from=\(source) names the stage at line \(later.from.position.line), which comes after this one",
                matched: copy.text, fix: "move the stage above, or copy from an earlier stage")
        }
        if source.contains(where: { ":/@.".contains($0) }) {
            if case .failure(let malformed) = ImageReference.parse(source) {
                return Finding(Self.description, file, position, "malformed image reference '\(source)': \(malformed.reason)",
                               matched: copy.text)
            }
            return nil
        }
        return Finding(
            Self.description, file, position,
            "COPY --from=\(source) names no earlier stage (an image would need a tag, e.g. \(source):1)",
            matched: copy.text, fix: "name an earlier stage, or write the image with a tag")
    }
}
