import Foundation
import GreenlightCore

/// `secrets.unscanned`: what the secrets scan did not read, or not fully — so that no file
/// passes the scan silently. Shape: from the secrets pass over every file (and, with
/// `--scan-history`, the history scan).
public struct SecretUnscannedRule: FileVisitingRule {
    public static let description = RuleDescription(
        id: "secrets.unscanned",
        severity: .note,
        summary: "A file was not scanned for secrets, or not fully",
        rationale: """
            A scan that skips a file says nothing about it, and a gate that stays green over \
            what it never read promises too much. The secrets scan reads every text file, \
            UTF-16 files (by their byte-order mark) and texts with a few stray NUL bytes; it \
            says here which files it did not read — binary files (one note for all of them), \
            files over `max_file_size`, Git LFS pointers — and where a pattern's search ran \
            over its budget (a count of the regex engine's steps, the same on every machine) and \
            was stopped. With `check --scan-history`, the same for the blobs of history. A \
            `.gitleaks.toml` it cannot read, or a regex in it that it refuses, is said too: \
            those allowlists are not applied. A note \
            never changes the posture; it says what to do: raise `max_file_size`, scan the LFS \
            content where it lives, simplify the pattern.
            """,
        triggering: [
            RuleExample(["assets/logo.png": "\u{0}\u{1}\u{2}PNG\u{3}\u{0}\u{4}\u{5}"], expect: ["assets/logo.png:0:0"]),
            RuleExample(["models/weights.bin": "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n"],
                        expect: ["models/weights.bin:0:0"]),
            // A gitleaks configuration that cannot be read: its allowlists are not applied.
            RuleExample([".gitleaks.toml": "[allowlist]\n↓paths = [\n  '''^docs/''',\nregexes = ['''^x$''']\n"]),
            RuleExample([".gitleaks.toml": "[allowlist]\n↓regexes = ['''(a+)+x''']\n"]),
        ],
        nonTriggering: [
            RuleExample(["src/app.ts": "export const x = 1\n"]),
            RuleExample(["notes.txt": "a text with a stray\u{0}NUL byte is still text\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let scanner = try SecretScanner.configured(for: context)
        var findings: [Finding] = []
        var binaries: [String] = []
        for (entry, result) in try Self.visits(context).files {
            if result.unscanned == .binary {
                binaries.append(entry.path)
                continue
            }
            findings += Self.notes(result, path: entry.path, scanner: scanner).map { $0(Self.description) }
        }
        if let first = binaries.first {
            let more = binaries.count - 1
            findings.append(Finding(
                rule: Self.description, path: first, line: 0, column: 0,
                message: "binary file (not text, not UTF-16) not scanned for secrets"
                    + (more > 0 ? "; \(more) more binary file\(more == 1 ? "" : "s") neither: \(binaries.dropFirst().prefix(3).joined(separator: ", "))\(more > 3 ? ", …" : "")" : ""),
                matched: "binary files",
                fix: "nothing to do if they are images, archives or builds; a secret in a binary needs a dedicated tool"))
        }
        if context.scanHistory {
            findings += try SecretHistoryScan.of(context).unscanned.map { $0(Self.description) }
        }
        for problem in try GitleaksAllowlists.of(context).problems {
            findings.append(Finding(
                rule: Self.description, path: problem.path, line: problem.line, column: 1,
                message: "\(problem.path) could not be read (\(problem.reason)): the gitleaks allowlists it holds are not applied",
                matched: "gitleaks \(problem.line)",
                fix: "fix the file so that gitleaks and Greenlight both read it"))
        }
        return findings
    }

    public static func fileVisitor(_ context: RuleContext) throws -> SecretFileScan {
        try SecretLeakRule.fileVisitor(context)
    }

    /// A file's unscanned parts: the whole file (too large, an LFS pointer) or where a search
    /// was stopped.
    static func notes(_ result: SecretScanResult, path: String, scanner: SecretScanner) -> [(RuleDescription) -> Finding] {
        var notes: [(RuleDescription) -> Finding] = []
        switch result.unscanned {
        case .tooLarge(let size)?:
            notes.append { rule in
                Finding(rule: rule, path: path, line: 0, column: 0,
                        message: "not scanned for secrets: \(size) bytes, over max_file_size",
                        matched: "too large", fix: "raise max_file_size to scan it (a minified or generated file can go in secrets.allow.paths)")
            }
        case .lfsPointer?:
            notes.append { rule in
                Finding(rule: rule, path: path, line: 0, column: 0,
                        message: "a Git LFS pointer: the content lives outside git and was not scanned for secrets",
                        matched: "lfs pointer", fix: "scan the LFS content where it is stored")
            }
        case .binary?, nil: break
        }
        for stop in result.exhausted {
            let pattern = stop.pattern
            let budget = scanner.limits.searchBudget
            notes.append { rule in
                Finding(rule: rule, path: path, line: stop.line, column: stop.column,
                        message: "pattern \(pattern.id) (pack \(pattern.pack), \(pattern.location)) ran over its search budget here (\(budget) × 10,000 regex steps) and was stopped: this part of the file was not fully scanned",
                        matched: "timeout\u{0}" + pattern.id,
                        fix: "simplify the pattern's regex (avoid nested or overlapping repetition)")
            }
        }
        return notes
    }
}
