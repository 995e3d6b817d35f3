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
        ("**/a/**/b", "x/a/y/z/b/c.md", true),
        ("**/a/**/b", "x/a/y/z/c.md", false),
        ("src/**", "src/a/b.ts", true),
        ("src/**", "lib/a.ts", false),
        ("**", "a", true),
        ("a*b*c", "axxbyyc", true),
        ("a*b*c", "axxbyy", false),
        ("*a*b", "aaaaab", true),
        ("*.test.*", "x.test.ts", true),
        // hostile: 150 '**/a/' against a path 60 deep, and '*a' runs within a segment
        (String(repeating: "**/a/", count: 150) + "**/*.md", String(repeating: "a/", count: 60) + "b.md", false),
        (String(repeating: "**/a/", count: 30) + "**/*.md", String(repeating: "a/", count: 60) + "b.md", true),
        (String(repeating: "*a", count: 200) + "b", String(repeating: "a", count: 400), false),
    ])
    func matching(pattern: String, path: String, expected: Bool) throws {
        #expect(try Glob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test func aListAnswersAsItsGlobsDo() throws {
        let patterns = ["/feedback/rag.md", "docs/STATUS.md", "vendor", "/build/", "*.md", "src/**/x?.ts", "{a,b}/c.txt", "/t/t4100/t-apply-1.expect"]
        let globs = try patterns.map(Glob.init)
        let list = GlobList(globs)
        let paths = ["feedback/rag.md", "feedback/rag.md.bak", "x/feedback/rag.md", "docs/STATUS.md", "docs/STATUS.md/inner",
                     "vendor/a.js", "src/vendor/b.js", "build/out", "src/build/out", "README.md", "src/a/b/x1.ts", "src/x12.ts",
                     "a/c.txt", "b/c.txt", "c/c.txt", "t/t4100/t-apply-1.expect", "t/t4100/t-apply-2.expect", "other.txt"]
        for path in paths {
            #expect(list.matches(path) == globs.contains { $0.matches(path) }, "\(path)")
        }
    }

    @Test(arguments: ["", "src/[a.ts", "a{b,c", "a}b", "x]", "trailing\\", "[z-a]", String(repeating: "{a,b}", count: 30)])
    func invalidPatterns(pattern: String) {
        #expect(throws: Glob.SyntaxError.self) { try Glob(pattern) }
    }
}

/// The test, example and vendored path lists are matched without `Glob` for speed; they must
/// answer as `Glob` does, path for path.
@Suite("ComponentPatterns agree with Glob")
struct ComponentPatternsTests {
    static let paths = [
        "src/app.test.ts", "src/app.ts", "tests/unit/a.py", "test/a.go", "lib/test_utils.py", "conftest.py",
        "pkg/conftest.py", "src/__tests__/x.tsx", "spec/models/user_spec.rb", "web/e2e/login.spec.ts", "evals/run.py",
        "app/evaluation/score.py", "latest/app.py", "contest/app.py", "attest/a.py", "src/tests", "tests", "x_test.go",
        "a/b/c_test.py", "docs/guide.md", "examples/demo/main.py", "example/x", "demo/app/Dockerfile", "my-demos/x",
        "quickstart/q.py", "samples/s.ts", "src/docs.ts", "node_modules/a/index.js", "vendor/x/y.go", "a.min.js",
        "dist/bundle.js", "site-packages/p/q.py", ".venv/lib/x.py", "third_party/z.c", "test_dir/file", "spec.rb",
    ]

    @Test("every sample path", arguments: [
        (TestCode.globPatterns, TestCode.contains as @Sendable (String) -> Bool),
        (ExampleCode.globPatterns, ExampleCode.contains as @Sendable (String) -> Bool),
    ])
    func agrees(patterns: [String], contains: @Sendable (String) -> Bool) throws {
        let globs = try patterns.map { try Glob($0) }
        for path in Self.paths {
            #expect(contains(path) == globs.contains { $0.matches(path) }, "\(path)")
        }
    }
}
