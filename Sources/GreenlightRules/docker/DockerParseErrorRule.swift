import GreenlightCore

/// `docker.parse-error`: a Dockerfile `docker build` cannot read — an unknown instruction, an
/// unterminated heredoc or continuation, no `FROM`, a malformed `FROM` — or a file named like a
/// Dockerfile that is binary or too large to read. Shape: a stateless pass over each parse.
public struct DockerParseErrorRule: Rule {
    public static let description = RuleDescription(
        id: "docker.parse-error",
        severity: .note,
        summary: "A Dockerfile cannot be parsed",
        rationale: """
            A Dockerfile that does not parse fails the image build, usually late — in the \
            deploy job — and every other docker rule sees only what could be read. Unknown \
            instructions, heredocs without their terminator, a continuation at the end of the \
            file, instructions before the first FROM and files that are binary or over the size \
            cap are reported here.
            """,
        triggering: [
            RuleExample(["Dockerfile": "FROM node:20-alpine\n↓RUNN npm ci\n"]),
            RuleExample(["api/Dockerfile": "FROM python:3.12-slim\nRUN ↓<<EOF\npip install -r requirements.txt\n"]),
            RuleExample(["Dockerfile.prod": "↓WORKDIR /app\nFROM node:20\n"]),
            RuleExample(["Containerfile": "# just a comment\n↓EXPOSE 80\n"]),
            RuleExample(["deploy/api.df": "FROM alpine:3.20\n↓ENTRYPOIN [\"/api\"]\n"], config: "docker:\n  paths: [\"deploy/*.df\"]"),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": #"""
                # syntax=docker/dockerfile:1
                ARG NODE=20
                FROM node:${NODE}-alpine AS deps
                RUN <<EOF
                npm ci
                npm run build
                EOF
                COPY --from=deps /app /app
                """#]),
            RuleExample(["docs/Dockerfile.md": "RUNN is not an instruction, but this is not a Dockerfile\n"]),
            // An editor's grammar for Dockerfiles is not one.
            RuleExample(["syntaxes/Dockerfile.tmLanguage": "<?xml version=\"1.0\"?>\n<plist>\n<dict>\n</dict>\n</plist>\n"]),
            // BuildKit 0.22+ takes blanks after `<<`; shell arithmetic is not a heredoc.
            RuleExample(["Dockerfile": "FROM node:20\nRUN mkdir -p /app && cat > /app/vite.config.mts << 'EOF'\nimport { defineConfig } from 'vite'\nexport default defineConfig({})\nEOF\nRUN echo $((1 << 2)) && cat <<- END > /x\n\thello\n\tEND\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for entry in DockerfileFiles.entries(context) {
            let content = try context.snapshot.content(of: entry)
            guard case .text(let text) = content else {
                if content.kind == .binary || content.kind == .tooLarge {
                    let what = content.kind == .binary ? "a binary file" : "larger than max_file_size"
                    findings.append(Finding(
                        rule: Self.description, path: entry.path, line: 0, column: 0,
                        message: "named like a Dockerfile but \(what); it was not checked",
                        matched: content.kind.rawValue))
                }
                continue
            }
            let file = context.parsed(DockerfileFiles.parserKey, text, parse: DockerfileParser.parse)
            for problem in file.problems {
                findings.append(Finding(Self.description, file, problem.position, problem.message, matched: problem.matched))
            }
        }
        return findings
    }
}
