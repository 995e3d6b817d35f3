import Foundation
import GreenlightCore

/// Where a shell script throws away a failure: `|| true`, `|| :`, `|| exit 0`, `set +e`,
/// `set +o errexit`, and a final `; true` — shared by `docker.masked-errors` and
/// `ci.masked-failure`.
public enum MaskedCommands {
    public struct Match: Sendable {
        /// Offset in the script's text of the operator or `set`.
        public let offset: Int
        /// What was found, e.g. `|| true`.
        public let construct: String
        /// The commands whose failure it hides: the one before `|| true` / `; true`, or every
        /// command after `set +e` up to a `set -e`.
        public let masked: [ShellScript.Command]
    }

    /// Whether `text` can hold a construct at all (`||`, `set +e` / `+o errexit`, a final
    /// `; true`): a cheap test before parsing a script.
    public static func mayMask(_ text: String) -> Bool {
        ByteSearch.contains(text, "||") || ByteSearch.contains(text, "+e") || ByteSearch.contains(text, "+o")
            || (ByteSearch.contains(text, ";") && (ByteSearch.contains(text, "true") || ByteSearch.contains(text, ":")))
    }

    public static func find(in script: ShellScript) -> [Match] {
        var matches: [Match] = []
        let commands = script.commands
        for list in [commands, script.nestedCommands] {
            for (index, command) in list.enumerated() where command.before == .or && index > 0 {
                guard let offset = command.beforeOffset, !command.redirects else { continue }
                let words = command.words.map(\.text)
                let masked = chain(before: index, in: list)
                if words == ["true"] || words == [":"] || words == ["/bin/true"] {
                    matches.append(Match(offset: offset, construct: "|| \(words[0])", masked: masked))
                } else if words == ["exit", "0"] {
                    matches.append(Match(offset: offset, construct: "|| exit 0", masked: masked))
                }
            }
        }
        for offset in script.errexitDisabled {
            let after = commands.drop { ($0.words.first?.offset ?? -1) <= offset }
            let scope = after.prefix { !($0.name == "set" && $0.arguments.contains { $0.hasPrefix("-") && $0.contains("e") }) }
            matches.append(Match(offset: offset, construct: "set +e", masked: Array(scope)))
        }
        if let lastIndex = commands.lastIndex(where: { !$0.words.isEmpty }), lastIndex > 0 {
            let last = commands[lastIndex]
            if last.words.map(\.text) == ["true"] || last.words.map(\.text) == [":"], !last.redirects,
               last.before == .semicolon, let offset = last.beforeOffset,
               !script.setsOption("e", name: "errexit", before: offset) {
                matches.append(Match(offset: offset, construct: "; \(last.words[0].text)", masked: chain(before: lastIndex, in: commands)))
            }
        }
        return matches.sorted { $0.offset < $1.offset }
    }

    /// The commands `||` at `index` guards: the `&&` / pipe chain (or subshell) that ends just
    /// before it.
    static func chain(before index: Int, in list: [ShellScript.Command]) -> [ShellScript.Command] {
        var out: [ShellScript.Command] = []
        var at = index - 1
        while at >= 0 {
            let command = list[at]
            if !command.words.isEmpty { out.append(command) }
            guard let link = command.before, [.and, .pipe, .pipeAll, .close].contains(link) else { break }
            at -= 1
        }
        return out.reversed()
    }

    /// Commands whose failure decides nothing: removing what may not exist, looking something up,
    /// printing, waiting, probing (`userdel x || true`, `pkill -f server || true`,
    /// `grep -c err log || true`, `docker logs api || true`, `git commit -m … || exit 0`).
    static let housekeeping: Set<String> = [
        "rm", "rmdir", "unlink", "kill", "pkill", "killall", "userdel", "groupdel", "deluser", "delgroup", "getent", "id",
        "chmod", "chown", "chgrp", "ln", "mkdir", "touch", "echo", "printf", "cat", "head", "tail", "grep", "egrep",
        "fgrep", "sed", "awk", "cut", "tr", "sort", "uniq", "wc", "ls", "find", "diff", "cmp", "test", "[", "[[", "which",
        "command", "type", "hash", "true", "false", "sleep", "wait", "umount", "jq", "yq", "tee",
        "du", "df", "free", "ps", "pgrep", "lsof", "netstat", "ss", "env", "printenv", "date", "stat", "file", "readlink",
    ]
    /// Tools whose sub-commands of `housekeepingVerbs` only look, clean up or record.
    static let toolsWithVerbs: Set<String> = ["docker", "docker-compose", "podman", "kubectl", "helm", "git", "gh", "npm",
                                              "pnpm", "yarn", "pip", "systemctl", "service", "apt-get", "apt"]
    static let housekeepingVerbs: Set<String> = [
        "logs", "log", "ps", "inspect", "describe", "get", "events", "top", "kill", "stop", "rm", "rmi", "down", "prune",
        "delete", "uninstall", "remove", "purge", "autoremove", "clean", "label", "view", "status", "diff", "show", "config",
        "commit", "cache", "list", "ls", "version", "info", "whoami", "fetch",
    ]

    /// Whether every command of `masked` is housekeeping (`housekeeping`, or a tool's look or
    /// clean-up sub-command such as `docker compose down`).
    public static func onlyHousekeeping(_ masked: [ShellScript.Command]) -> Bool {
        masked.allSatisfy { command in
            guard let name = command.name.map({ ($0 as NSString).lastPathComponent }) else { return true }
            if housekeeping.contains(name) { return true }
            guard toolsWithVerbs.contains(name) else { return false }
            let verbs = command.arguments.prefix(3).filter { !$0.hasPrefix("-") }
            return verbs.contains { housekeepingVerbs.contains($0) }
        }
    }

    /// Whether the script reads an exit status (`$?`, `PIPESTATUS`): a `set +e` that keeps the
    /// status and checks it hides nothing.
    public static func capturesStatus(_ script: ShellScript) -> Bool {
        let text = script.text.string
        return ByteSearch.contains(text, "$?") || ByteSearch.contains(text, "PIPESTATUS")
    }
}
