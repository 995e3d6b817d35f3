/// Code a repository carries but its team does not write: installed dependencies, vendored
/// copies and build output. A rule about the team's own code leaves it out.
public enum VendoredCode {
    /// Folders, at any depth, that hold someone else's code or generated code.
    public static let folders = ["node_modules", "bower_components", "vendor", "third_party", "site-packages", ".venv",
                                 "dist"]
    /// File-name endings of generated code.
    public static let fileSuffixes = [".min.js"]

    /// The same, as globs (`node_modules/`, `*.min.js`).
    public static var globPatterns: [String] {
        folders.map { $0 + "/" } + fileSuffixes.map { "*" + $0 }
    }

    public static func contains(_ path: String) -> Bool {
        let framed = "/" + path
        return folders.contains { framed.contains("/" + $0 + "/") } || fileSuffixes.contains { path.hasSuffix($0) }
    }
}

/// Code that tests the product rather than runs in it: unit and end-to-end tests, their fixtures'
/// set-up, and evaluation harnesses (`evals/`), the test suites of AI products, run by a developer
/// against a model.
public enum TestCode {
    public static let globPatterns = [
        "*.test.*", "*.spec.*", "*_test.*", "test_*", "conftest.py", "tests/", "test/", "__tests__/", "spec/", "e2e/",
        "evals/", "evaluation/",
    ]
    // Constant and valid; a failure here is a programming error the tests catch.
    static let globs: [Glob] = globPatterns.compactMap { try? Glob($0) }

    public static func contains(_ path: String) -> Bool {
        globs.contains { $0.matches(path) }
    }
}

/// Code that shows how to use the product rather than runs in it: examples, demos, quickstarts,
/// samples and code kept with the documentation.
public enum ExampleCode {
    public static let globPatterns = ["examples/", "example/", "demo/", "demos/", "quickstart/", "samples/", "docs/"]
    // Constant and valid; a failure here is a programming error the tests catch.
    static let globs: [Glob] = globPatterns.compactMap { try? Glob($0) }

    public static func contains(_ path: String) -> Bool {
        globs.contains { $0.matches(path) }
    }
}
