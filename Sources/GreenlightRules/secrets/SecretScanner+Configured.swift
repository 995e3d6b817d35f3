import GreenlightCore

extension SecretScanner {
    /// The scanner a run uses: the built-in packs, then the packs `secrets.packs` names (read
    /// from the snapshot and checked on load, samples included), minus `secrets.disable`, with
    /// `secrets.allow` on top. Cached per run.
    public static func configured(for context: RuleContext) throws -> SecretScanner {
        try context.shared(SharedKey<SecretScanner>("secrets.scanner")) {
            let section = context.section(SecretsSection.self)
            let builtin = try SecretPack.builtin()
            var packs = builtin
            var user: [SecretPack] = []
            for named in section.packs {
                let path = named.text
                guard let text = try context.snapshot.text(at: path) else {
                    throw ToolError.usage("\(named.location(in: context.configFile)): "
                        + "secrets.packs: '\(path)' is not a text file in the snapshot (commit it, and check include/exclude)")
                }
                user.append(try SecretPack.load(yaml: text.text, file: path))
            }
            packs += user
            var owner: [String: String] = [:]
            for pack in packs {
                for pattern in pack.patterns {
                    if let other = owner[pattern.id] {
                        throw ToolError.usage(
                            "\(pattern.location): rule id '\(pattern.id)' of pack \(pack.name) is already used by \(other)")
                    }
                    owner[pattern.id] = "\(pattern.location) (pack \(pattern.pack))"
                }
            }
            for id in section.disable where owner[id] == nil {
                throw ToolError.usage(
                    "secrets.disable: unknown pattern '\(id)'\(ConfigLoader.suggestion(for: id, in: Set(owner.keys))) (packs: \(packs.map(\.name).joined(separator: ", ")))")
            }
            let disabled = Set(section.disable)
            let kept = packs.map { $0.removing(disabled) }
            var limits = Limits()
            limits.maxFindingsPerFile = section.maxFindingsPerFile
            let scanner = SecretScanner(packs: kept, allow: section.allow, limits: limits, now: context.now)
            // A team's own pack proves its samples on load, like the built-in ones do in tests.
            let userIDs = Set(user.flatMap { $0.patterns.map(\.id) }).subtracting(disabled)
            if let failure = scanner.sampleFailures(only: userIDs).first {
                throw ToolError.usage(failure)
            }
            return scanner
        }
    }

    /// Samples that do not behave as declared, as `file:line:col: …` messages.
    public func sampleFailures(only ids: Set<String>? = nil) -> [String] {
        var failures: [String] = []
        for pattern in patterns where ids?.contains(pattern.id) ?? true {
            for sample in pattern.samples {
                let found = scan(Array(sample.expanded.utf8), path: "sample.txt").matches.contains { $0.pattern.id == pattern.id }
                if found != sample.shouldMatch {
                    let what = sample.shouldMatch ? "is not found by" : "is found by"
                    failures.append("\(sample.location): sample \(what) rule \(pattern.id) (pack \(pattern.pack))")
                }
            }
        }
        return failures
    }
}

extension SecretPack {
    func removing(_ ids: Set<String>) -> SecretPack {
        guard !ids.isEmpty else { return self }
        return SecretPack(name: name, file: file, description: description, allow: allow,
                          patterns: patterns.filter { !ids.contains($0.id) })
    }
}
