import Foundation
@testable import GreenlightRules
import Testing

/// The TOML subset a gitleaks configuration is read with: every string form, arrays over lines
/// with comments, tables and arrays of tables, and an error at the line where the text breaks.
@Suite struct TOMLTablesTests {
    @Test func readsStringsArraysAndTables() throws {
        let text = #"""
            title = "acme" # a comment
            version = 2

            [extend]
            useDefault = true

            [allowlist]
            description = 'literal \n stays'
            paths = [
              '''^docs/.*\.mdx''',  # public docs
              "^a\tb\u00e9",
              """
            multi
            line""",
            ]

            [[allowlists]]
            targetRules = ["generic-api-key"]
            condition = "AND"
            inline = { a = 1, b = "x" }
            [[allowlists]]
            regexes = []
            """#
        let tables = try TOMLTables(text).tables
        #expect(tables.map(\.name) == ["", "extend", "allowlist", "allowlists", "allowlists"])
        #expect(tables.map(\.isArrayElement) == [false, false, false, true, true])
        #expect(tables[0]["title"] == .string("acme") && tables[0]["version"] == .other)
        #expect(tables[2].strings("description") == [#"literal \n stays"#])
        #expect(tables[2].strings("paths") == [#"^docs/.*\.mdx"#, "^a\tbé", "multi\nline"])
        #expect(tables[2].pairs.first { $0.key == "paths" }?.line == 9)
        #expect(tables[3].strings("targetRules") == ["generic-api-key"] && tables[3]["inline"] == .other)
        #expect(tables[4]["regexes"] == .strings([]) && tables[4].line == 21)
    }

    @Test("malformed text names its line", arguments: [
        ("[allowlist]\npaths = [\n  '''^a'''\n", 2, "unclosed array"),
        ("a = 'open\nb = 1\n", 1, "unclosed string"),
        ("[allowlist\n", 1, "expected ']' before the end of the line"),
        ("x = 1 y\n", 1, "unexpected text after a value"),
        ("= 3\n", 1, "expected a key"),
    ])
    func malformed(text: String, line: Int, reason: String) {
        #expect(throws: TOMLTables.Malformed(line: line, reason: reason)) { try TOMLTables(text) }
    }
}
