import GreenlightCore

/// Reads a readiness document into claims, in every style teams write them: nested task lists
/// with `Evidence:` / `Closed by:` lines under an item, items that are themselves a file claim,
/// headings marked done followed by `**File**:` lines, and status tables. Linear in the size of
/// the document; fenced code blocks are skipped.
public enum ClaimDocumentParser {
    /// Text a document must contain to hold a done claim at all (a checked box, a done symbol
    /// or word): the prefilter for passes over every Markdown file.
    public static let doneNeedles = ["[x]", "[X]"] + StatusMarkers.doneSymbols + StatusMarkers.doneWords.sorted()

    public static func parse(_ source: SourceText) -> ClaimDocument {
        var parser = State()
        MarkdownLines.forEach(in: source) { number, line, trimmed in
            if trimmed.isEmpty {
                parser.endTable()
            } else {
                parser.consume(line, trimmed: trimmed, number: number)
            }
        }
        parser.finishHeading()
        return ClaimDocument(path: source.path, claims: parser.claims)
    }

    /// A heading's section while it is being read: it becomes a claim at its end, unless it
    /// only groups other claims.
    private struct HeadingDraft {
        let line: Int
        let level: Int
        let state: Claim.State?
        let title: String
        var citations: [Citation] = []
        var hasEvidenceLine = false
        var holdsClaims = false
        var expectingFileList = false
        var hasChildHeading = false
        var names: [String] = []
    }

    private struct State {
        var claims: [Claim] = []
        var stack: [(indent: Int, claim: Int)] = []
        var heading: HeadingDraft?
        var tableHeader: [Substring]?
        var inTable = false
        /// Levels of the open headings over decisions or findings.
        var recordSections: [Int] = []
        var inRecordSection: Bool { !recordSections.isEmpty }


        mutating func consume(_ line: Substring, trimmed: Substring, number: Int) {
            if let level = MarkdownLines.headingLevel(trimmed) {
                endTable()
                stack.removeAll()
                let text = trimmed.dropFirst(level).trimmingWhitespace
                if var draft = heading, level > draft.level {
                    draft.hasChildHeading = true
                    heading = draft
                }
                finishHeading()
                heading = HeadingDraft(line: number, level: level, state: StatusMarkers.state(ofHeading: Substring(text)),
                                       title: text)
                recordSections.removeAll { $0 >= level }
                if StatusMarkers.recordsDecisions(text) { recordSections.append(level) }
                return
            }
            if trimmed.hasPrefix("|") {
                consumeTableLine(line, trimmed: trimmed, number: number)
                return
            }
            endTable()
            let indent = indentation(line)
            while let top = stack.last, top.indent >= indent { stack.removeLast() }
            if let item = TaskListParser.item(in: line, number: number) {
                // Under "Decisions" or "Findings" a ticked box records what was decided or
                // found, not work done.
                if inRecordSection { return }
                let parent = stack.last?.claim
                let claim = Claim(kind: .task, state: item.isDone ? .done : .open, line: number, column: item.column,
                                  title: item.text, citations: CitationScanner.citations(in: line, number: number),
                                  parent: parent)
                claims.append(claim)
                if let parent { claims[parent].children.append(claims.count - 1) }
                stack.append((indent, claims.count - 1))
                heading?.holdsClaims = true
                return
            }
            if let owner = stack.last {
                claims[owner.claim].citations += CitationScanner.citations(in: line, number: number)
                for name in ClaimSymbols.named(in: String(trimmed)) where !claims[owner.claim].sectionNames.contains(name) {
                    claims[owner.claim].sectionNames.append(name)
                }
                return
            }
            consumeSectionLine(trimmed, line: line, number: number)
        }

        /// Under a heading: `**File**:`, `**Files**:`, `Evidence:`, `Closed by:` lines, and the
        /// bullet list that may follow a `**Files**:` line.
        mutating func consumeSectionLine(_ trimmed: Substring, line: Substring, number: Int) {
            guard var draft = heading else { return }
            for name in ClaimSymbols.named(in: String(trimmed)) where !draft.names.contains(name) { draft.names.append(name) }
            let bulletless = trimmed.drop { $0 == "-" || $0 == "*" || $0 == "+" || $0 == " " }
            if isEvidenceLabel(bulletless) {
                let found = CitationScanner.citations(in: line, number: number)
                draft.hasEvidenceLine = true
                draft.citations += found
                draft.expectingFileList = found.isEmpty
            } else if draft.expectingFileList, bulletless.count < trimmed.count {
                draft.citations += CitationScanner.citations(in: line, number: number)
            } else if draft.state == .done, bulletless.count < trimmed.count, bulletless.hasPrefix("`"),
                      let first = CitationScanner.citations(in: line, number: number).first,
                      case .path = first.target, first.column <= indentation(line) + (trimmed.count - bulletless.count) + 2 {
                // A bullet that opens with a path (`- `src/app.ts` — the entry point`) under a
                // done heading lists what the section delivered.
                draft.citations.append(first)
            } else {
                draft.expectingFileList = false
            }
            heading = draft
        }

        mutating func consumeTableLine(_ line: Substring, trimmed: Substring, number: Int) {
            let cells = tableCells(trimmed)
            if tableHeader == nil {
                tableHeader = cells
                return
            }
            if !inTable {
                guard cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } && !$0.isEmpty }) else {
                    tableHeader = cells
                    return
                }
                inTable = true
                return
            }
            // Status columns decide alone: a ✅ under "Dependencies" or "Notes" is no verdict.
            let columns = statusColumns.filter { $0 < cells.count }
            // Without one, a matrix's yes/no answers (`✅ Yes`) are values, not statuses.
            let decisive = statusColumns.isEmpty ? [cells.first ?? ""] + cells.dropFirst().filter { !StatusMarkers.isAnswer($0) }
                : [cells.first ?? ""] + columns.map { cells[$0] }
            guard let state = StatusMarkers.state(ofRow: decisive), let first = cells.first else { return }
            let title = first.filter { $0 != "*" }.trimmingWhitespace
            let citations = CitationScanner.citations(in: line, number: number).filter { !namesGitReference(line, $0.column) }
            claims.append(Claim(kind: .tableRow, state: state, line: number, column: indentation(line) + 1,
                                title: title, citations: citations, parent: nil))
            heading?.holdsClaims = true
        }

        /// Lines that introduce a section's evidence: `**File**:`, `**Files Created:**`,
        /// `Evidence:`, `Closed by:` — the paths on them and in the bullets below are its citations.
        static let evidenceLabels = ["file:", "files:", "evidence:", "closed by:", "proof:", "migrations:", "tests:",
                                     "files created", "files modified", "files changed", "files added", "files updated",
                                     "new files", "created files", "modified files", "changed files", "key files",
                                     "location:", "implementation:", "deliverables:"]

        /// Column headers whose cells name git references, not files (`docs/agent-skills-config`
        /// in a Branch column is a branch).
        private static let referenceHeaders: Set<String> = [
            "branch", "branches", "git branch", "pr", "prs", "pull request", "pull requests", "commit", "commits", "sha", "tag", "ref",
        ]

        /// Whether the 1-based scalar `column` of the row `line` lies in a cell under a header
        /// that names git references.
        private func namesGitReference(_ line: Substring, _ column: Int) -> Bool {
            guard let header = tableHeader else { return false }
            let pipes = line.unicodeScalars.enumerated().filter { $0.element == "|" }.map { $0.offset + 1 }
            let opensWithPipe = line.trimmingWhitespace.hasPrefix("|")
            let boundaries = opensWithPipe ? pipes : [0] + pipes
            guard let cell = boundaries.lastIndex(where: { $0 < column }), cell < header.count else { return false }
            let name = header[cell].filter { $0 != "*" && $0 != "_" && $0 != "`" }.trimmingWhitespace.lowercased()
            return Self.referenceHeaders.contains(name)
        }

        /// The header's status columns (`Status`, `Result`, …), if it has any.
        private var statusColumns: [Int] {
            (tableHeader ?? []).indices.filter { index in
                let name = tableHeader![index].filter { $0.isLetter || $0 == " " }.trimmingWhitespace.lowercased()
                return Self.statusHeaders.contains(name)
            }
        }

        static let statusHeaders: Set<String> = ["status", "state", "done", "result", "results", "progress", "complete",
                                                 "completed", "verdict", "outcome"]

        mutating func endTable() {
            tableHeader = nil
            inTable = false
        }

        mutating func finishHeading() {
            guard let draft = heading, let state = draft.state else {
                heading = nil
                return
            }
            heading = nil
            let groupsOthers = !draft.hasEvidenceLine && (draft.holdsClaims || draft.hasChildHeading)
            if groupsOthers { return }
            var claim = Claim(kind: .heading, state: state, line: draft.line, column: 1, title: draft.title,
                              citations: draft.citations, parent: nil)
            claim.sectionNames = draft.names
            claims.append(claim)
        }

        private func indentation(_ line: Substring) -> Int {
            var width = 0
            for char in line {
                if char == " " { width += 1 } else if char == "\t" { width += 4 } else { break }
            }
            return width
        }

        private func isEvidenceLabel(_ text: Substring) -> Bool {
            let plain = text.filter { $0 != "*" && $0 != "_" }.lowercased()
            return Self.evidenceLabels.contains { plain.hasPrefix($0) }
        }

        private func tableCells(_ trimmed: Substring) -> [Substring] {
            var body = trimmed.trimmingWhitespace[...]
            if body.hasPrefix("|") { body = body.dropFirst() }
            if body.hasSuffix("|") { body = body.dropLast() }
            return body.split(separator: "|", omittingEmptySubsequences: false).map { Substring($0.trimmingWhitespace) }
        }
    }
}
