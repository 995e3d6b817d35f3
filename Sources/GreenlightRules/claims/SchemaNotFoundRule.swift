import GreenlightCore

/// `claims.schema-not-found`: a done statement that tables or columns exist names one that no
/// migration or schema file of the snapshot defines. Shape: whole-snapshot, from the claims
/// ledger, over the identifiers of the schema files; one finding per statement.
public struct SchemaNotFoundRule: Rule {
    public static let description = RuleDescription(
        id: "claims.schema-not-found",
        severity: .warning,
        summary: "A done item names a table or column no migration or schema defines",
        rationale: """
            "Table `content_metadata` created with `decision_id`, `bandit_arm`" checked off \
            while no migration creates the column is a claim the next deploy finds false. A \
            line is read when it is done (checked, marked ✅, or a bullet under a heading \
            marked done) and is about the schema (it or a heading above says table, column, \
            schema, migration or database); its names are the lower-case identifiers in code \
            spans and the words joined by `_` outside them — not SQL types, keywords or file \
            names — and a heading that is only a name (`#### content_metadata`) is the table \
            of the bullets under it. Each name is looked for in the code and strings of the \
            schema files — `.sql` and `.prisma` files (comments left out), code files under a \
            migrations, models, entities, schema or db folder or named for one, the \
            migrations the line cites first — then in any code of the commit (an ORM model \
            elsewhere); a name found nowhere is reported. A line that says it dropped, removed \
            or renamed something is not read.
            """,
        triggering: [
            RuleExample([
                "docs/IMPLEMENTATION_STATUS.md": """
                    ### Database schema ✅
                    #### content_metadata
                    ↓- ✅ `decision_id` UUID, `bandit_arm` TEXT
                    - ✅ `status` TEXT
                    ↓- [x] Table `api_usage` created (`migrations/002_usage.sql`)
                    """,
                "migrations/001_content.sql": "CREATE TABLE content_metadata (\n  decision_id UUID,\n  status TEXT\n);\n",
                "migrations/002_usage.sql": "-- api_usage comes later\nCREATE TABLE usage_log (id INT);\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "docs/IMPLEMENTATION_STATUS.md": """
                    ### Database schema ✅
                    #### content_metadata
                    - ✅ `decision_id` UUID, `bandit_arm` TEXT
                    - [x] Table `api_usage` created (`supabase/migrations/002_usage.sql`)
                    - [x] Column `outcomes.collected_at` added
                    - [x] Dropped the `legacy_events` table
                    - [x] Admin routes restricted to super_admins (`admin_roles` table)
                    - [ ] Table `audit_log`
                    ### Frontend ✅
                    - ✅ `use_cache` flag in the settings page
                    """,
                "supabase/migrations/001_content.sql": "create table content_metadata (decision_id uuid, bandit_arm text);\n",
                "supabase/migrations/002_usage.sql": "create table api_usage (id int);\n",
                "app/models/outcome.py": "class Outcome(Base):\n    __tablename__ = \"outcomes\"\n    collected_at = Column(DateTime)\n",
                "app/models/admin.py": "ROLES = [\"super_admin\"]\nclass AdminRole(Base):\n    __tablename__ = \"admin_role\"\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let ledger = try ClaimsLedger.of(context)
        guard ledger.entries.contains(where: { !$0.schemaClaims.isEmpty }) else { return [] }
        let index = try ClaimSymbols.Index.of(context)
        let schemaFiles = context.snapshot.entries.map(\.path).filter(SchemaClaims.isSchemaFile)
        var findings: [Finding] = []
        for entry in ledger.entries {
            for claim in entry.schemaClaims {
                let cited = claim.cited.compactMap(PathLookup.normalise).filter { context.snapshot.fileExists($0) }
                var missing: [String] = []
                // A name the schema files lack but the code holds is defined some other way
                // (an ORM model outside those folders): only a name found nowhere is reported.
                // A table is often the plural of its model's name (`super_admins`, `super_admin`).
                for name in claim.names {
                    let forms = [name, name.hasSuffix("s") ? String(name.dropLast()) : name + "s"]
                    let found = try forms.contains { form in
                        try (cited + schemaFiles).contains(where: { try index.holds(form, in: $0) }) || index.holdsAnywhere(form)
                    }
                    if !found { missing.append(name) }
                }
                guard !missing.isEmpty else { continue }
                let searched = schemaFiles.isEmpty
                    ? "this commit has no migration or schema file, and no code names \(missing.count == 1 ? "it" : "them")"
                    : "no migration, schema file or code of this commit names \(missing.count == 1 ? "it" : "them")"
                findings.append(Finding(
                    rule: Self.description, path: entry.document.path, line: claim.line, column: claim.column,
                    message: "done line names table or column " + missing.map { "`\($0)`" }.joined(separator: ", ") + "; \(searched)",
                    matched: missing.joined(separator: " "),
                    fix: "add the migration that creates it, correct the name, or uncheck the line"))
            }
        }
        return findings
    }
}
