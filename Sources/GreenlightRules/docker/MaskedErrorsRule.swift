import GreenlightCore

/// `docker.masked-errors`: a `RUN` that swallows failures — `|| true`, `|| :`, `|| exit 0`, a
/// final `; true`, `set +e` — in its command line or in a heredoc script. Shape: a stateless pass
/// over every `RUN` (and `ONBUILD RUN`).
public struct MaskedErrorsRule: Rule {
    public static let description = RuleDescription(
        id: "docker.masked-errors",
        severity: .note,
        summary: "A RUN instruction hides the failure of a command",
        rationale: """
            A build step whose failure is thrown away gives an image that builds and does not \
            work: a dependency that did not install, a migration that did not run, a file that \
            was not generated. The build should fail where the problem is. Housekeeping whose \
            failure decides nothing is not reported (`userdel … || true`, `chmod … || true`, \
            `rm …`, `: > file`). Findings point at the \
            `||`, the `;` or the `set +e`, in the command line and in heredoc scripts alike.
            """,
        triggering: [
            RuleExample(["Dockerfile": #"""
                FROM node:20
                RUN npx prisma generate ↓|| true
                RUN apt-get update && apt-get install -y curl ↓|| :
                RUN npm run build ↓; true
                RUN ./migrate.sh ↓|| exit 0
                """#]),
            RuleExample(["Dockerfile": #"""
                FROM python:3.12
                RUN <<EOF
                ↓set +e
                pip install -r requirements.txt
                python -m compileall . ↓|| true
                EOF
                RUN pip install \
                    torch \
                    ↓|| true
                """#]),
        ],
        nonTriggering: [
            RuleExample(["Dockerfile": #"""
                FROM node:20
                RUN npm ci || (cat /root/.npm/_logs/*.log && exit 1)
                RUN echo "ok || true" && test -f package.json
                RUN set -e; npm run build; true
                RUN python3 <<EOF
                import os  # || true inside Python is not shell
                EOF
                RUN cat <<EOF > /etc/motd
                welcome || true
                EOF
                """#]),
            // Removing what may not exist, a permission that may not apply.
            RuleExample(["Dockerfile": #"""
                FROM node:20
                ARG UID=1000
                RUN (getent passwd "$UID" && userdel -f "$(id -nu "$UID")") || true && \
                    useradd -u "$UID" -m app
                RUN chmod +x /app/entrypoint.sh 2>/dev/null || true
                RUN [ -f /tmp/x ] || : > /tmp/x
                """#]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try DockerfileFiles.parsed(context) {
            for stage in file.stages {
                for (run, shell) in RunScripts.runs(of: stage, in: file, onbuild: true) {
                    if RunScripts.isNonPosix(shell) && run.execForm == nil { continue }
                    for script in RunScripts.scripts(of: run) {
                        for match in MaskedCommands.find(in: script.script) where !MaskedCommands.onlyHousekeeping(match.masked) {
                            let position = script.positioned ? script.script.text.position(at: match.offset) : run.position
                            findings.append(Finding(
                                Self.description, file, position,
                                "`\(match.construct)` hides the failure of this RUN step; the image builds even when it fails",
                                matched: run.text + "\u{0}" + match.construct,
                                fix: "let the command fail the build, or handle the one error you expect explicitly"))
                        }
                    }
                }
            }
        }
        return findings
    }
}
