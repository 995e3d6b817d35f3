/// Where a shell script throws away a failure: `|| true`, `|| :`, `|| exit 0`, `set +e`,
/// `set +o errexit`, and a final `; true` — shared by `docker.masked-errors` and
/// `ci.masked-failure`.
public enum MaskedCommands {
    public struct Match: Sendable {
        /// Offset in the script's text of the operator or `set`.
        public let offset: Int
        /// What was found, e.g. `|| true`.
        public let construct: String
    }

    public static func find(in script: ShellScript) -> [Match] {
        var matches: [Match] = []
        let commands = script.commands
        for command in commands + script.nestedCommands where command.before == .or {
            guard let offset = command.beforeOffset else { continue }
            let words = command.words.map(\.text)
            if words == ["true"] || words == [":"] || words == ["/bin/true"] {
                matches.append(Match(offset: offset, construct: "|| \(words[0])"))
            } else if words == ["exit", "0"] {
                matches.append(Match(offset: offset, construct: "|| exit 0"))
            }
        }
        for offset in script.errexitDisabled {
            matches.append(Match(offset: offset, construct: "set +e"))
        }
        if let last = commands.last(where: { !$0.words.isEmpty }), last.words.map(\.text) == ["true"] || last.words.map(\.text) == [":"],
           last.before == .semicolon, let offset = last.beforeOffset,
           !script.setsOption("e", name: "errexit", before: offset) {
            matches.append(Match(offset: offset, construct: "; \(last.words[0].text)"))
        }
        return matches.sorted { $0.offset < $1.offset }
    }
}
