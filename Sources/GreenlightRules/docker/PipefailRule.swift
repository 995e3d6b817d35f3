import GreenlightCore

/// `docker.pipefail`: a `RUN` with a pipe, run by a POSIX shell without `pipefail` — neither a
/// `SHELL [… "-o", "pipefail" …]` in force (inherited through stages) nor `set -o pipefail`
/// before the pipe. Shape: a stateful fold over each stage (the shell in force).
public struct PipefailRule: Rule {
    public static let description = RuleDescription(
        id: "docker.pipefail",
        severity: .note,
        summary: "A RUN with a pipe does not set pipefail",
        rationale: """
            A pipeline's status is its last command's: `curl -fsSL $URL | sh` succeeds when the \
            download fails, and `make | tee build.log` hides a broken build. Set \
            `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` once per stage, or start the RUN with \
            `set -o pipefail`.
            """,
        triggering: [
            RuleExample(["Dockerfile": #"""
                FROM debian:12
                ↓RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
                SHELL ["/bin/bash", "-o", "pipefail", "-c"]
                RUN wget -qO- https://example.com/install.sh | sh
                FROM debian:12 AS other
                ↓RUN <<EOF
                make 2>&1 | tee build.log
                EOF
                """#]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": #"""
                FROM debian:12 AS base
                SHELL ["/bin/bash", "-o", "pipefail", "-c"]
                RUN curl -fsSL https://example.com/key | gpg --dearmor -o /k.gpg
                FROM base AS app
                RUN ls | wc -l
                FROM alpine:3.20
                RUN set -euo pipefail; wget -qO- https://example.com | tar -xz
                RUN test -f /a || test -f /b
                RUN ["sh", "-c", "echo exec form"]
                RUN echo "a | b"
                """#]),
            RuleExample(["Dockerfile": #"""
                FROM mcr.microsoft.com/windows/servercore:ltsc2022
                SHELL ["powershell", "-Command"]
                RUN Get-ChildItem | Select-Object Name
                """#]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) {
            for stage in file.stages {
                for (run, shell) in RunScripts.runs(of: stage, in: file) where run.execForm == nil {
                    if RunScripts.isNonPosix(shell) || setsPipefail(shell) { continue }
                    let unguarded = RunScripts.scripts(of: run).first { script in
                        guard let pipe = script.script.pipes.first else { return false }
                        return !script.script.setsOption(nil, name: "pipefail", before: pipe)
                    }
                    guard let script = unguarded?.script, let pipe = script.pipes.first else { continue }
                    let at = script.text.position(at: pipe)
                    findings.append(Finding(
                        Self.description, file, run.position,
                        "RUN pipes into another command (| at \(at.line):\(at.column)) without pipefail, so a failure before the pipe is lost",
                        matched: run.text,
                        fix: "add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] to the stage, or start with set -o pipefail"))
                }
            }
        }
        return findings
    }

    private func setsPipefail(_ shell: [String]?) -> Bool {
        guard let shell else { return false }
        return zip(shell, shell.dropFirst()).contains { flag, value in
            flag.hasPrefix("-") && flag.contains("o") && value == "pipefail"
        }
    }
}
