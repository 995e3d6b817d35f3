import GreenlightCore

/// `docker.pipefail`: a `RUN` with a pipe, run by a POSIX shell without `pipefail` — neither a
/// `SHELL [… "-o", "pipefail" …]` in force (inherited through stages) nor `set -o pipefail`
/// before the pipe. Shape: a stateful fold over each stage (the shell in force).
public struct PipefailRule: Rule {
    public static let description = RuleDescription(
        id: "docker.pipefail",
        severity: .error,
        summary: "A RUN with a pipe does not set pipefail",
        rationale: """
            A pipeline's status is its last command's: `curl -fsSL $URL | sh` succeeds when the \
            download fails, and `make | tee build.log` hides a broken build. Set \
            `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` once per stage, or start the RUN with \
            `set -o pipefail` (a SHELL of `/bin/sh -o pipefail` does not count: dash rejects \
            it). A pipe whose left side only prints or filters a copied file (`echo … | …`, \
            `uname -m | sed …`, `awk … requirements.txt | …`), one \
            into a command that fails on empty input itself (`grep`, `sha256sum -c`, `tar`, \
            `gpg`, `xargs`), one inside `$(…)` and a `case` pattern's `a|b)` are not reported, \
            nor a RUN under `# hadolint ignore=DL4006`. Development and test images are judged \
            too: a failed installer there is as silent.
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
            RuleExample(["Dockerfile": #"""
                FROM debian:12
                SHELL ["/bin/sh", "-o", "pipefail", "-c"]
                ↓RUN curl -fsSL https://example.com/setup.sh | sh
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
                FROM alpine:3.20
                RUN echo "$SHA256  /tmp/x.tgz" | sha256sum -c - && tar -xzf /tmp/x.tgz
                RUN locale -a | grep 'en_US.utf8' && apt-mark showmanual | xargs apt-mark auto
                RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt
                RUN awk '!/torch/' /tmp/requirements.txt | uv pip install --system -r /dev/stdin
                RUN arch="$(uname -m | sed 's/x86_64/amd64/')" && echo "$arch"
                RUN case "$(apk --print-arch)" in x86_64|aarch64) echo ok ;; *) exit 1 ;; esac
                # hadolint ignore=DL4006
                RUN wget -qO- https://example.com/install.sh | sh
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
                    if file.ignoresHadolint("DL4006", before: run) { continue }
                    let unguarded = RunScripts.scripts(of: run).first { script in
                        guard let pipe = Self.riskyPipes(script.script).first else { return false }
                        return !script.script.setsOption(nil, name: "pipefail", before: pipe)
                    }
                    guard let script = unguarded?.script, let pipe = Self.riskyPipes(script).first else { continue }
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

    /// A `SHELL` whose program takes `-o pipefail` (bash, zsh, ash — not `/bin/sh`, which is
    /// dash on Debian and rejects it; hadolint's DL4006 reads it the same way).
    private func setsPipefail(_ shell: [String]?) -> Bool {
        guard let shell, let program = shell.first?.split(separator: "/").last,
              ["bash", "zsh", "ash"].contains(program) else { return false }
        return zip(shell, shell.dropFirst()).contains { flag, value in
            flag.hasPrefix("-") && flag.contains("o") && value == "pipefail"
        }
    }

    /// Commands that print what they already know and cannot fail in a way that matters
    /// (`echo "$SUM  file" | sha256sum -c`, `uname -m | sed …`).
    static let cannotFail: Set<String> = ["echo", "printf", "uname", "arch", "nproc", "date", "id", "whoami", "hostname",
                                          "true", "yes",
                                          // Text filters over a file the build just copied: they
                                          // fail only when it is missing, and COPY fails first.
                                          "cat", "awk", "sed", "cut", "tr", "sort", "uniq", "head", "tail"]

    /// Commands that fail on empty or broken input, so a failure before the pipe still fails the
    /// RUN: `grep` (nothing to match), `sha256sum -c` (no checksum lines), `tar` and the
    /// decompressors (not an archive), `gpg` / `apt-key` (no key), `xargs` (its command without
    /// arguments).
    static let checksInput: Set<String> = ["grep", "egrep", "fgrep", "sha256sum", "sha512sum", "sha1sum", "md5sum", "shasum",
                                           "tar", "gunzip", "gzip", "unzip", "bunzip2", "xz", "zstd", "gpg", "apt-key",
                                           "xargs"]

    /// Offsets of the script's own pipes whose left side can fail and whose right side takes
    /// empty input as success (`curl … | sh`, `make | tee log`); not those inside `$(…)`, whose
    /// empty output fails the command that uses it.
    static func riskyPipes(_ script: ShellScript) -> [Int] {
        var out: [Int] = []
        let commands = script.commands
        for (index, command) in commands.enumerated() {
            guard command.after == .pipe || command.after == .pipeAll, let offset = command.afterOffset else { continue }
            let name = Self.program(command)
            let printsArchitecture = name == "dpkg" && command.arguments.first == "--print-architecture"
            if cannotFail.contains(name) || printsArchitecture { continue }
            if index + 1 < commands.count, checksInput.contains(Self.program(commands[index + 1])) { continue }
            out.append(offset)
        }
        return out
    }

    private static func program(_ command: ShellScript.Command) -> String {
        var words = command.words.map(\.text)[...]
        if words.first == "sudo" { words = words.dropFirst() }
        return words.first.map { String($0.split(separator: "/").last ?? "") } ?? ""
    }
}
