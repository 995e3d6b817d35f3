import Foundation
import GreenlightCore

/// A readiness document's statement that tables or columns exist — "Table `trigger_deliveries`
/// created", "`outcomes.collected_at` added", a ✅ bullet of columns under a `#### content_metadata`
/// heading in a "Database Schema ✅" section — with the names it gives.
struct SchemaClaim: Equatable {
    let line: Int
    let column: Int
    /// Table and column names, as written (`outcomes.collected_at` gives both parts).
    let names: [String]
    /// The migration and schema files the line cites, where the names are looked for first.
    let cited: [String]
}

/// Finds schema claims line by line. A line is read when it is done — a checked item, a line
/// marked ✅, or a bullet under a heading marked done — and is about the schema: it, or a
/// heading above it, says table, column, schema, migration or database. Its names are the
/// lower-case identifiers of its code spans and, outside them, words joined by `_`
/// (`decision_id`) — not SQL types, keywords, file names or paths. Under a heading that is
/// itself one such name (`#### content_metadata`) the heading's name is the table. Lines that
/// say something was removed or renamed expect no name, and are not read.
enum SchemaClaims {
    static let schemaWords: Set<String> = ["table", "tables", "column", "columns", "schema", "schemas"]
    /// Types and keywords written beside column names: `decision_id` UUID, `status` TEXT.
    static let notNames: Set<String> = [
        "uuid", "text", "varchar", "char", "integer", "int", "bigint", "smallint", "serial", "bigserial", "numeric",
        "decimal", "real", "float", "double", "boolean", "bool", "json", "jsonb", "timestamp", "timestamptz", "date",
        "time", "interval", "bytea", "blob", "string", "null", "not", "default", "primary", "key", "unique", "index",
        "references", "foreign", "true", "false", "now", "create", "alter", "drop", "add", "table", "column", "select",
        "insert", "update", "delete", "from", "where", "vector", "array", "enum",
    ]

    private struct Heading {
        let level: Int
        let done: Bool
        let aboutSchema: Bool
        /// The table a heading names by itself (`#### content_metadata`).
        let table: String?
        /// A heading over decisions or findings: its lines record, not claim.
        let records: Bool
    }

    static func scan(_ source: SourceText) -> [SchemaClaim] {
        guard ["table", "column", "schema"].contains(where: { ByteSearch.containsIgnoringCase(source.text, $0) }) else { return [] }
        var claims: [SchemaClaim] = []
        var headings: [Heading] = []
        var leadIn = false
        MarkdownLines.forEach(in: source) { number, line, trimmed in
            if let level = MarkdownLines.headingLevel(trimmed) {
                let text = trimmed.dropFirst(level).trimmingWhitespace
                headings.removeAll { $0.level >= level }
                let sole = soleName(text)
                let table = headings.contains(where: \.aboutSchema) && isName(sole) ? sole : nil
                headings.append(Heading(level: level, done: StatusMarkers.state(ofHeading: Substring(text)) == .done,
                                        aboutSchema: mentionsSchema(text), table: table,
                                        records: StatusMarkers.recordsDecisions(text)))
                leadIn = false
                return
            }
            if trimmed.isEmpty { return }
            let isListItem = trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ")
                || TaskListParser.item(in: line, number: number) != nil || startsNumbered(trimmed)
            // "**Tables created**:", "All tables now exist:": the list below is about them.
            if !isListItem && !trimmed.hasPrefix("|") {
                leadIn = mentionsSchema(String(trimmed))
                return
            }
            guard !headings.contains(where: \.records), isDone(line, trimmed: trimmed, number: number, headings: headings)
            else { return }
            // About the schema: the line says so, or the list's lead-in, or the nearest heading
            // (or a table's heading in a section about the schema).
            let table = headings.last?.table
            let aboutSchema = mentionsSchema(String(trimmed)) || (isListItem && (leadIn || headings.last?.aboutSchema == true || table != nil))
            guard aboutSchema, !ClaimsLedger.saysRemoved(String(trimmed)) else { return }
            var names = self.names(in: trimmed, bareWords: true)
            if let table, !names.isEmpty, !names.contains(table) { names.insert(table, at: 0) }
            guard !names.isEmpty else { return }
            let cited = CitationScanner.citations(in: line, number: number).compactMap { citation -> String? in
                guard case .path(let path) = citation.target, isSchemaFile(path) else { return nil }
                return path
            }
            let column = trimmed.startIndex == line.startIndex ? 1 : SourceText.column(of: trimmed.startIndex, in: line)
            claims.append(SchemaClaim(line: number, column: column, names: names, cited: cited))
        }
        return claims
    }

    /// A checked item, a line with a done mark, or a list item under a heading marked done —
    /// never an unchecked item or a line with an open mark.
    private static func isDone(_ line: Substring, trimmed: Substring, number: Int, headings: [Heading]) -> Bool {
        if let item = TaskListParser.item(in: line, number: number) { return item.isDone }
        let text = String(trimmed)
        if StatusMarkers.openSymbols.contains(where: { ByteSearch.contains(text, $0) }) { return false }
        if StatusMarkers.doneSymbols.contains(where: { ByteSearch.contains(text, $0) }) { return true }
        let isListItem = trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") || startsNumbered(trimmed)
        return isListItem && headings.contains(where: \.done)
    }

    /// `2. …`, `10) …`: a numbered list item.
    private static func startsNumbered(_ trimmed: Substring) -> Bool {
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let rest = trimmed.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }

    static func mentionsSchema(_ text: String) -> Bool {
        guard ["table", "column", "schema"].contains(where: { ByteSearch.containsIgnoringCase(text, $0) }) else { return false }
        var word = ""
        for char in text.lowercased() + " " {
            if char.isASCII && char.isLetter {
                word.append(char)
            } else {
                if schemaWords.contains(word) { return true }
                word = ""
            }
        }
        return false
    }

    /// Lower-case identifiers of code spans; outside them (with `bareWords`), words joined by
    /// `_`. `a.b` in a code span gives `a` and `b`.
    static func names(in text: Substring, bareWords: Bool) -> [String] {
        var names: [String] = []
        func add(_ candidate: Substring) {
            let name = String(candidate)
            if isName(name), !names.contains(name) { names.append(name) }
        }
        var prose = ""
        var inCode = false
        var span = ""
        for char in text {
            if char == "`" {
                if inCode {
                    let parts = span.split(separator: ".", omittingEmptySubsequences: false)
                    let isFile = span.contains("/") || PathShape.looksLikeFileName(Substring(span))
                    if !isFile, parts.count <= 2 { parts.forEach(add) }
                    span = ""
                }
                inCode.toggle()
                continue
            }
            if inCode { span.append(char) } else { prose.append(char) }
        }
        if bareWords {
            for word in prose.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) })
            where word.contains("_") && !word.hasPrefix("_") && !word.hasSuffix("_") {
                add(word)
            }
        }
        return names
    }

    /// A table or column name: lower case, starting with a letter, three characters or more,
    /// no SQL type or keyword, not an environment name.
    static func isName(_ name: String) -> Bool {
        guard name.count >= 3, name.count <= 63, let first = name.first, first.isASCII, first.isLowercase,
              name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else { return false }
        // A commit id (`c9e3b7243`) is no name.
        if name.count >= 7, name.allSatisfy(\.isHexDigit), name.contains(where: \.isNumber) { return false }
        return !notNames.contains(name)
    }

    /// A heading's text without marks, emphasis and spaces: a table's name when that is all it is.
    private static func soleName(_ text: String) -> String {
        var stripped = text
        for mark in StatusMarkers.doneSymbols { stripped = stripped.replacingOccurrences(of: mark, with: "") }
        return stripped.filter { $0 != "`" && $0 != "*" && !$0.isWhitespace }
    }

    /// Where tables are defined: SQL and Prisma files, and files under a folder of migrations,
    /// models, entities or the database (`alembic/versions/…`, `supabase/migrations/…`,
    /// `app/models/user.py`, `src/db/schema.ts`).
    static func isSchemaFile(_ path: String) -> Bool {
        let lowered = path.lowercased()
        let ext = EnvFiles.extensionOf(lowered)
        if ext == "sql" || ext == "prisma" { return true }
        guard ClaimSymbols.Index.isCode(lowered) else { return false }
        let parts = lowered.split(separator: "/")
        let name = parts.last.map(String.init) ?? lowered
        if name.hasPrefix("schema") || name.hasPrefix("models") || name.hasPrefix("model.") || name.contains(".entity.")
            || name.contains(".model.") || name.hasSuffix("_model.py") || name.hasSuffix("_models.py") { return true }
        return parts.dropLast().contains { schemaFolders.contains(String($0)) }
    }

    static let schemaFolders: Set<String> = ["migrations", "migration", "migrate", "alembic", "versions", "schema", "schemas",
                                             "models", "model", "entities", "entity", "db", "database", "supabase", "drizzle",
                                             "prisma", "sql"]
}
