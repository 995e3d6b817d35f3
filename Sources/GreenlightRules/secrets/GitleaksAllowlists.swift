import GreenlightCore

/// The allowlists a team already keeps for gitleaks, applied to the secrets findings so that
/// adopting Greenlight does not re-open what the team has judged: `.gitleaks.toml`'s
/// `[allowlist]` and `[[allowlists]]` tables (`paths` and `regexes` as regular expressions
/// searched in the path and the secret, `stopwords` found in the secret, `commits`,
/// `targetRules`, `condition = "AND"`) and `.gitleaksignore`'s fingerprints
/// (`path:rule:line`, and `commit:path:rule:line` for a secret of history). Gitleaks' rule ids
/// are not Greenlight's: `generic-api-key` targets the generic patterns, any other id the
/// pattern of the same id; a fingerprint is matched by path and line. A finding an allowlist
/// covers stays in the report as suppressed, with the allowlist's description as the reason.
struct GitleaksAllowlists {
    struct Allowlist {
        let description: String
        let paths: [UserPattern]
        let regexes: [UserPattern]
        let stopwords: [String]
        let commits: [String]
        let targetRules: Set<String>
        /// `condition = "AND"`: every criterion given must hold, not one of them.
        let requiresAll: Bool
        let line: Int
    }

    static let configFile = ".gitleaks.toml"
    static let ignoreFile = ".gitleaksignore"

    let allowlists: [Allowlist]
    /// `path:line` and `commit:path:line` of the fingerprints `.gitleaksignore` lists.
    let ignored: Set<String>
    /// What could not be read, as `file:line: reason`: those entries are not applied.
    let problems: [(path: String, line: Int, reason: String)]

    static let key = SharedKey<GitleaksAllowlists>("secrets.gitleaks-allowlists")

    static func of(_ context: RuleContext) throws -> GitleaksAllowlists {
        try context.shared(key) {
            GitleaksAllowlists(config: try context.snapshot.text(at: configFile)?.text,
                               ignore: try context.snapshot.text(at: ignoreFile)?.text)
        }
    }

    init(config: String?, ignore: String?) {
        var allowlists: [Allowlist] = []
        var problems: [(path: String, line: Int, reason: String)] = []
        if let config {
            do {
                for table in try TOMLTables(config).tables where table.name == "allowlist" || table.name == "allowlists" {
                    var patterns: [String: [UserPattern]] = [:]
                    for key in ["paths", "regexes"] {
                        for source in table.strings(key) {
                            do {
                                patterns[key, default: []].append(try UserPattern(source))
                            } catch let error as UserPattern.Invalid {
                                let line = table.pairs.first { $0.key == key }?.line ?? table.line
                                problems.append((Self.configFile, line, "\(key): \(error.description)"))
                            } catch {}
                        }
                    }
                    let condition = table.strings("condition").first?.uppercased()
                    allowlists.append(Allowlist(
                        description: table.strings("description").first ?? "\(table.name) at line \(table.line)",
                        paths: patterns["paths"] ?? [], regexes: patterns["regexes"] ?? [],
                        stopwords: table.strings("stopwords").map { $0.lowercased() }, commits: table.strings("commits"),
                        targetRules: Set(table.strings("targetRules")), requiresAll: condition == "AND", line: table.line))
                }
            } catch let error as TOMLTables.Malformed {
                problems.append((Self.configFile, error.line, error.reason))
            } catch {}
        }
        var ignored: Set<String> = []
        for raw in (ignore ?? "").split(whereSeparator: \.isNewline) {
            let entry = raw.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty, !entry.hasPrefix("#") else { continue }
            // [commit:]path:rule:line — a path may hold colons, so read from both ends.
            var parts = entry.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3, let line = Int(parts.removeLast()) else { continue }
            parts.removeLast()
            if parts.count >= 2, parts[0].count == 40, parts[0].allSatisfy(\.isHexDigit) {
                let commit = parts.removeFirst()
                ignored.insert("\(commit):\(parts.joined(separator: ":")):\(line)")
            } else {
                ignored.insert("\(parts.joined(separator: ":")):\(line)")
            }
        }
        self.allowlists = allowlists
        self.ignored = ignored
        self.problems = problems
    }

    /// Why the team's gitleaks configuration allows `match` at `path` (of `commit`, for a
    /// secret of history), or nil.
    func reason(_ match: SecretMatch, path: String, commit: String? = nil) -> String? {
        if ignored.contains("\(path):\(match.line)") || commit.map({ ignored.contains("\($0):\(path):\(match.line)") }) ?? false {
            return "listed in \(Self.ignoreFile)"
        }
        let secret = match.secret.lowercased()
        for list in allowlists {
            if !list.targetRules.isEmpty && !list.targetRules.contains(match.pattern.id)
                && !(match.pattern.generic && list.targetRules.contains("generic-api-key")) { continue }
            var verdicts: [Bool] = []
            if !list.commits.isEmpty { verdicts.append(commit.map { c in list.commits.contains { c.hasPrefix($0) || $0.hasPrefix(c) } } ?? false) }
            if !list.paths.isEmpty { verdicts.append(list.paths.contains { $0.matches(path) }) }
            if !list.regexes.isEmpty { verdicts.append(list.regexes.contains { $0.matches(match.secret) }) }
            if !list.stopwords.isEmpty { verdicts.append(list.stopwords.contains { secret.contains($0) }) }
            guard !verdicts.isEmpty, list.requiresAll ? verdicts.allSatisfy({ $0 }) : verdicts.contains(true) else { continue }
            return "gitleaks allowlist (\(Self.configFile):\(list.line)): \(list.description)"
        }
        return nil
    }
}
