import GreenlightCore
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("*.md", "README.md", true),
        ("*.md", "docs/deep/TODO.md", true),
        ("*.md", "docs/readme.markdown", false),
        ("docs/*.md", "docs/a.md", true),
        ("docs/*.md", "docs/sub/a.md", false),
        ("docs/*.md", "other/docs/a.md", false),
        ("docs/**/*.md", "docs/a.md", true),
        ("docs/**/*.md", "docs/x/y/a.md", true),
        ("**/fixtures", "a/b/fixtures/c.json", true),
        ("vendor", "vendor/lib/x.js", true),
        ("vendor", "src/vendor/x.js", true),
        ("/vendor", "src/vendor/x.js", false),
        ("build/", "build/out.bin", true),
        ("src/?.ts", "src/a.ts", true),
        ("src/?.ts", "src/ab.ts", false),
        ("src/[a-c].ts", "src/b.ts", true),
        ("src/[!a-c].ts", "src/b.ts", false),
        ("src/[!a-c].ts", "src/d.ts", true),
        ("*.{yml,yaml}", ".github/workflows/ci.yaml", true),
        ("*.{yml,yaml}", "ci.json", false),
        ("services/*/Dockerfile", "services/api/Dockerfile", true),
        ("services/*/Dockerfile", "services/api/v2/Dockerfile", false),
        ("*", "anything/at/all", true),
    ])
    func matching(pattern: String, path: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test(arguments: ["", "src/[a.ts", "a{b,c", "a}b", "x]", "trailing\\", "[z-a]"])
    func invalidPatterns(pattern: String) {
        #expect(throws: Glob.SyntaxError.self) { try Glob(pattern) }
    }
}
