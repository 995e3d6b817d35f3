import GreenlightCore

/// `claims.missing-evidence`: a done item of a readiness document cites a path that does not
/// exist in the snapshot. Shape: a stateless pass over each readiness document's items.
public struct MissingEvidenceRule: Rule {
    public struct Options: RuleOptions {
        /// Globs selecting readiness documents; when unset, Markdown files whose name contains
        /// readiness, roadmap, status, todo or checklist.
        public var docs: [String]?

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case docs
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            docs = try container.decodeIfPresent([String].self, forKey: .docs)
            for (index, pattern) in (docs ?? []).enumerated() {
                do {
                    _ = try Glob(pattern)
                } catch let error as Glob.SyntaxError {
                    throw DecodingError.dataCorrupted(DecodingError.Context(
                        codingPath: [CodingKeys.docs, AnyCodingKey(intValue: index)],
                        debugDescription: error.description
                    ))
                }
            }
        }
    }

    public static let description = RuleDescription(
        id: "claims.missing-evidence",
        severity: .error,
        summary: "A done item in a readiness document cites a path that does not exist",
        rationale: """
            A checked box is a claim. When the file it cites as evidence is not in the \
            repository — renamed, never committed, or a typo — the claim is unproven and the \
            readiness document is green without evidence. Paths are looked up from the \
            repository root and from the document's folder; URLs, environment variable names, \
            commands and routes are not paths.
            """,
        configKeys: [
            ConfigKey("docs", "globs selecting the readiness documents",
                      default: "Markdown files named like *readiness*, *roadmap*, *status*, *todo*, *checklist*"),
        ],
        triggering: [
            RuleExample([
                "docs/readiness.md": """
                    # Production readiness
                    - [x] Health route — `src/health.ts`
                    - [x] Vector store persistence — `↓backend/store.py`
                    """,
                "src/health.ts": "export const ok = true\n",
            ]),
            RuleExample([
                "ROADMAP.md": "* [X] Retry budget in `↓src/retry.ts` and `↓src/backoff.ts:12`\n",
            ]),
            RuleExample([
                "plan/launch.md": "  - [x] Smoke script `↓scripts/smoke.sh`\n",
            ], options: "docs: [\"plan/*.md\"]"),
        ],
        nonTriggering: [
            RuleExample([
                "docs/readiness.md": """
                    - [x] Health route — `src/health.ts`, folder `src/`, any `src/*.ts`
                    - [ ] Store persistence — `backend/store.py`
                    - [x] Keys set: `FLYWHEEL_*`, `API_URL`; run `npm run smoke`; see `https://example.com/a.md`
                    - [x] Route `POST /api/few-shot/build` answers; body is `application/json`
                    """,
                "src/health.ts": "export const ok = true\n",
            ]),
            RuleExample([
                "docs/TODO.md": "- [x] Notes beside this file: `notes.md`\n",
                "docs/notes.md": "notes\n",
            ]),
            RuleExample([
                "docs/design.md": "- [x] Store — `backend/store.py`\n",
            ]),
            RuleExample([
                "checklist.md": "```\n- [x] `not/a/claim.py`\n```\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        let globs = try (options.docs ?? []).map(Glob.init)
        let isDocument: (String) -> Bool = { path in
            globs.isEmpty ? ReadinessDocument.isReadinessDocument(path) : globs.contains { $0.matches(path) }
        }
        var findings: [Finding] = []
        for document in try context.textFiles(where: isDocument) {
            let items = context.parsed("claims.tasks", document, parse: TaskListParser.parse)
            for item in items where item.isDone {
                for span in item.codeSpans {
                    guard let path = PathShape.relativePath(span.text),
                          !exists(path, citedFrom: document.path, in: context.snapshot) else { continue }
                    findings.append(Finding(
                        rule: Self.description,
                        path: document.path,
                        line: span.line,
                        column: span.column,
                        message: "done item cites `\(path)`, which does not exist in \(describe(context.snapshot))",
                        matched: path,
                        fix: "commit the file, correct the path, or uncheck the item"
                    ))
                }
            }
        }
        return findings
    }

    private func describe(_ snapshot: RepositorySnapshot) -> String {
        switch snapshot.source {
        case .rev: return snapshot.commit.map { "commit \($0.prefix(12))" } ?? "the tree"
        case .index: return "the index"
        case .worktree: return "the work tree"
        }
    }

    /// Looked up from the repository root, then from the document's folder.
    private func exists(_ path: String, citedFrom document: String, in snapshot: RepositorySnapshot) -> Bool {
        let folder = document.split(separator: "/").dropLast().joined(separator: "/")
        let joined: String? = folder.isEmpty ? nil : folder + "/" + path
        for candidate in [normalise(path), joined.flatMap(normalise)].compactMap({ $0 }) {
            if candidate.contains(where: { "*?[{".contains($0) }) {
                if let glob = try? Glob("/" + candidate), snapshot.entries.contains(where: { glob.matches($0.path) }) {
                    return true
                }
                continue
            }
            let trimmed = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
            if snapshot.fileExists(trimmed) || snapshot.directoryExists(trimmed) { return true }
        }
        return false
    }

    /// Resolves `.` and `..` segments; nil when `..` climbs above the root.
    private func normalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }
}
