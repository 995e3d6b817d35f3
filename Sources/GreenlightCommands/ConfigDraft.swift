import GreenlightCore
import GreenlightRules

/// The commented `.greenlight.yml` that `greenlight init` writes, tuned to a `RepositoryScan`.
/// It uses only keys this build knows; suggestions for families this build does not have stay
/// commented out, and a suggested section comes alive by itself once its family is registered
/// and the suggestion validates. The draft is loaded and validated before it is written.
struct ConfigDraft {
    /// A part of the file: comment lines, then YAML lines, commented out unless active.
    struct Block {
        var comments: [String]
        var body: [String] = []
        var active = false
        /// A family section this build may not have: activated only when registered and valid.
        var section: String?
    }

    let scan: RepositoryScan
    let engine: Engine

    func render() throws -> String {
        var blocks = self.blocks()
        for index in blocks.indices {
            if let key = blocks[index].section { blocks[index].active = engine.sectionKeys.contains(key) }
        }
        if (try? validate(text(blocks))) == nil {
            for index in blocks.indices where blocks[index].section != nil { blocks[index].active = false }
        }
        let text = text(blocks)
        try validate(text)
        return text
    }

    private func validate(_ yaml: String) throws {
        let config = try ConfigLoader.load(yaml: yaml, file: Config.defaultFileName, knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        try engine.validate(config)
    }

    private func text(_ blocks: [Block]) -> String {
        var out = ""
        for block in blocks {
            if !out.isEmpty { out += "\n" }
            for line in block.comments.flatMap({ $0.split(separator: "\n", omittingEmptySubsequences: false) }) {
                out += line.isEmpty ? "#\n" : "# \(line)\n"
            }
            for line in block.body {
                out += block.active || line.drop(while: { $0 == " " }).hasPrefix("#") ? "\(line)\n" : "# \(line)\n"
            }
        }
        return out
    }

    private func blocks() -> [Block] {
        var blocks = [Block(
            comments: [
                "Greenlight configuration, written by `greenlight init` for what it found here:",
                scan.summary + ".",
                "Every key is optional and has a default; unknown keys are errors.",
                "`greenlight rules` lists the rules; `greenlight explain RULE-ID` documents one.",
            ],
            body: ["version: 1"], active: true)]
        blocks.append(Block(comments: ["Only paths matching one of these are read (default: every file git tracks)."],
                            body: ["include: [\"src/**\", \"docs/**\", \"*.md\"]"]))
        if scan.testDataFolders.isEmpty {
            blocks.append(Block(comments: ["Paths left out of every check."], body: ["exclude: [\"docs/archive\"]"]))
        } else {
            blocks.append(Block(comments: ["Paths left out of every check. Test data may hold deliberately false claims."],
                                body: ["exclude:"] + scan.testDataFolders.map { "  - \(Self.quoted($0))" }, active: true))
        }
        blocks.append(Block(comments: ["Larger files are listed, not read."], body: ["max_file_size: 1MiB"]))
        let rules = engine.rules.map { $0.description }
        blocks.append(Block(
            comments: ["Severity per rule: error | warning | note | off (defaults shown)."],
            body: ["rules:"] + rules.map { "  \($0.id): \($0.severity.rawValue)" }))
        blocks.append(claims())
        blocks.append(evidence())
        blocks += familySuggestions()
        return blocks
    }

    private func claims() -> Block {
        let defaultNames = "Markdown files named\n*readiness*, *roadmap*, *status*, *todo* or *checklist*"
        var block: Block
        if !scan.otherClaimDocuments.isEmpty {
            block = Block(comments: [
                "Readiness documents: the default ones (\(defaultNames)),",
                "and done claims found under other names: \(list(scan.otherClaimDocuments)).",
            ], body: ["claims:", "  default_docs: true", "  docs:"] + scan.otherClaimDocuments.map { "    - \(Self.quoted($0))" },
               active: true)
        } else if !scan.readinessDocuments.isEmpty {
            block = Block(comments: [
                "Readiness documents found, read by default (\(defaultNames)):",
                list(scan.readinessDocuments) + ". List documents to choose others:",
            ], body: ["claims:", "  docs: [" + scan.readinessDocuments.map(Self.quoted).joined(separator: ", ") + "]"])
        } else {
            block = Block(comments: ["Readiness documents: by default \(defaultNames)."],
                          body: ["claims:", "  docs: [\"docs/**/*readiness*.md\", \"ROADMAP.md\"]"])
        }
        if scan.citesRoutes && !scan.sourceFolders.isEmpty {
            let folders = "route_sources: [" + scan.sourceFolders.map { Self.quoted($0 + "/**") }.joined(separator: ", ") + "]"
            block.comments.append("The routes they cite are looked for in every source file; route_sources narrows that.")
            block.body.append(block.active ? "  # \(folders)" : "  \(folders)")
        }
        return block
    }

    private func list(_ paths: [String], limit: Int = 6) -> String {
        paths.count <= limit ? paths.joined(separator: ", ") : paths.prefix(limit).joined(separator: ", ") + " and \(paths.count - limit) more"
    }

    private func evidence() -> Block {
        var body = ["evidence:"]
        let unrecorded = scan.smokeGates.filter { !scan.evidenceNames.contains($0) }
        if !scan.evidenceNames.isEmpty || !unrecorded.isEmpty { body.append("  required:") }
        for name in scan.evidenceNames { body.append("    - {name: \(Self.quoted(name)), max_age: 7d}") }
        let active = !scan.evidenceNames.isEmpty
        let indent = active ? "  # " : "  "
        for name in unrecorded {
            body.append("\(active ? "    # " : "    ")- {name: \(Self.quoted(name)), max_age: 7d}   # after the run: greenlight evidence record --name \(name) --status pass")
        }
        body.append("\(indent)junit: [\"test-results/**/*.xml\"]   # test reports the CI job writes (\(junitHint))")
        if let coverage = coverageSuggestion { body.append("\(indent)coverage:") ; body.append("\(active ? "  #   " : "    ")- \(coverage)") }
        var comments = ["Evidence: recorded gate runs (`greenlight evidence record`), test and coverage reports."]
        if !scan.evidenceNames.isEmpty {
            comments.append("Gates with records under .greenlight/evidence/: \(scan.evidenceNames.joined(separator: ", ")).")
        }
        if !unrecorded.isEmpty {
            comments.append("Smoke runs found with no record yet: \(unrecorded.joined(separator: ", ")); require them once they record one.")
        }
        return Block(comments: comments, body: body, active: active)
    }

    private var junitHint: String {
        let hints = [
            "jest": "jest-junit", "vitest": "vitest --reporter=junit", "pytest": "pytest --junitxml",
            "go": "go-junit-report", "swift": "swift test --xunit-output",
        ]
        let known = scan.testFrameworks.compactMap { hints[$0] }
        return known.isEmpty ? "JUnit XML" : known.joined(separator: ", ")
    }

    private var coverageSuggestion: String? {
        if scan.testFrameworks.contains(where: { $0 == "jest" || $0 == "vitest" }) {
            return "{file: coverage/lcov.info, format: lcov, min: 80}"
        }
        if scan.testFrameworks.contains("pytest") { return "{file: coverage.xml, format: cobertura, min: 80}" }
        return nil
    }

    /// What the families still to come will read, said in comments; the one with a known shape
    /// (proof of work) as a commented section.
    private func familySuggestions() -> [Block] {
        var blocks: [Block] = []
        func has(_ family: String) -> Bool { engine.families.contains(family) }
        if !scan.dockerfiles.isEmpty {
            blocks.append(Block(comments: [
                "Dockerfiles: \(list(scan.dockerfiles)).",
                "The docker family \(has("docker") ? "checks" : "will check") them (parse errors, masked RUN failures, bases, HEALTHCHECK, ports).",
            ]))
        }
        if !scan.workflows.isEmpty {
            blocks.append(Block(comments: [
                "Workflows: \(list(scan.workflows)).",
                "The ci family \(has("ci") ? "checks" : "will check") them (duplicate jobs, masked failures, secrets without preflight).",
            ]))
        }
        if !scan.llmSDKs.isEmpty {
            let files = Set(scan.llmSDKs.values.flatMap { $0 }).sorted()
            blocks.append(Block(comments: [
                "LLM SDK imports: \(scan.llmSDKs.keys.sorted().joined(separator: ", ")) in \(list(files, limit: 4)).",
                "The ai family \(has("ai") ? "checks" : "will check") each call site: context injected, user identity, generation logged.",
            ]))
        }
        if !scan.envExamples.isEmpty {
            var comments = ["\(list(scan.envExamples)) declares \(scan.envNames.isEmpty ? "no variables" : scan.envNames.joined(separator: ", ")) (names only, never values)."]
            if !scan.envNames.isEmpty {
                comments.append("Jobs that need them can fail fast on empty values: greenlight preflight --require \(scan.envNames.joined(separator: ","))")
            }
            comments.append("The secrets family \(has("secrets") ? "checks" : "will check") that no real .env file or secret is committed.")
            blocks.append(Block(comments: comments))
        }
        if !scan.agentLogFolders.isEmpty {
            blocks.append(Block(
                comments: [
                    "Agent logs: \(list(scan.agentLogs)).",
                    "Proof of work: each log must be updated by a commit within stale_after, its latest entry with an artifact.",
                    "The monitor workflow (.github/workflows/greenlight-monitor.yml) checks every five minutes.",
                ],
                body: ["proof_of_work:", "  logs: [" + scan.agentLogFolders.map { Self.quoted($0 + "/*.md") }.joined(separator: ", ") + "]",
                       "  stale_after: 10m"],
                section: "proof_of_work"))
        }
        return blocks
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
