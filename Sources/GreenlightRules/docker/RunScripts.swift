/// The shell scripts a `RUN` executes: its command line (shell form, or `sh -c "…"` in exec
/// form) and the heredoc bodies that are scripts (`RUN <<EOF`, `RUN bash <<EOF`) rather than
/// data (`RUN python3 <<EOF`, `RUN cat <<EOF > file`).
enum RunScripts {
    static let shells: Set<String> = ["sh", "bash", "ash", "dash", "zsh", "ksh", "busybox"]
    static let nonPosix = ["pwsh", "powershell", "cmd"]

    struct Script {
        let script: ShellScript
        /// Exec-form scripts have no positions inside; findings go to the instruction.
        let positioned: Bool
    }

    static func scripts(of run: DockerInstruction) -> [Script] {
        if let exec = run.execForm {
            guard let first = exec.first, shells.contains(basename(first)),
                  let dashC = exec.firstIndex(of: "-c"), dashC + 1 < exec.count else { return [] }
            let text = PositionedText(Substring(exec[dashC + 1]), at: run.position)
            return [Script(script: ShellScript(text), positioned: false)]
        }
        let line = ShellScript(run.arguments)
        var scripts = [Script(script: line, positioned: true)]
        guard !run.heredocs.isEmpty else { return scripts }
        let words = line.commands.flatMap(\.words).filter { !$0.text.hasPrefix("<<") && !$0.text.isEmpty }
        let command = words.first.map { basename($0.text) }
        let bodyIsScript = command == nil || shells.contains(command!)
        guard bodyIsScript else { return scripts }
        for heredoc in run.heredocs {
            let firstLine = heredoc.body.string.prefix { $0 != "\n" }
            if firstLine.hasPrefix("#!") {
                var parts = firstLine.dropFirst(2).split(separator: " ").map { basename(String($0)) }
                if parts.first == "env" { parts.removeFirst() }
                guard let interpreter = parts.first, shells.contains(interpreter) else { continue }
            }
            scripts.append(Script(script: ShellScript(heredoc.body), positioned: true))
        }
        return scripts
    }

    static func basename(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// Each `RUN` of `stage` (with `ONBUILD RUN` if asked) and the `SHELL` in force at it,
    /// inherited through the stages it derives from — one pass over the instructions.
    static func runs(of stage: DockerStage, in file: Dockerfile, onbuild: Bool = false) -> [(run: DockerInstruction, shell: [String]?)] {
        var shell: [String]?
        for ancestor in file.lineage(of: stage).dropFirst().reversed() {
            for instruction in ancestor.instructions where instruction.keyword == "SHELL" {
                shell = instruction.execForm ?? shell
            }
        }
        var runs: [(DockerInstruction, [String]?)] = []
        for instruction in stage.instructions {
            switch instruction.keyword {
            case "SHELL": shell = instruction.execForm ?? shell
            case "RUN": runs.append((instruction, shell))
            case "ONBUILD" where onbuild:
                runs += instruction.trigger.filter { $0.keyword == "RUN" }.map { ($0, shell) }
            default: break
            }
        }
        return runs
    }

    static func isNonPosix(_ shell: [String]?) -> Bool {
        guard let first = shell?.first?.lowercased() else { return false }
        return nonPosix.contains { first.hasSuffix($0) || first.hasSuffix($0 + ".exe") }
    }
}
