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
        return folders.contains { ByteSearch.contains(framed, "/" + $0 + "/") } || fileSuffixes.contains { path.hasSuffix($0) }
    }
}

/// Code that tests the product rather than runs in it: unit and end-to-end tests, their fixtures'
/// set-up and mocks, and evaluation harnesses (`evals/`), the test suites of AI products, run by a
/// developer against a model.
public enum TestCode {
    public static let globPatterns = [
        "*.test.*", "*.spec.*", "*_test.*", "test_*", "conftest.py", "tests/", "test/", "__tests__/", "spec/", "e2e/",
        "evals/", "evaluation/", "evaluations/", "test-suite/", "mock.*", "*.mock.*", "mocks/", "__mocks__/",
    ]
    static let patterns = ComponentPatterns(globPatterns)

    public static func contains(_ path: String) -> Bool {
        patterns.matches(path)
    }
}

/// Code that shows how to use the product rather than runs in it: examples, demos, quickstarts,
/// samples and code kept with the documentation.
public enum ExampleCode {
    public static let globPatterns = ["examples/", "example/", "demo/", "demos/", "quickstart/", "samples/", "docs/", "cookbook/",
                                             "cookbooks/"]
    static let patterns = ComponentPatterns(globPatterns)

    public static func contains(_ path: String) -> Bool {
        patterns.matches(path)
    }
}

/// Slash-free glob patterns matched the way `Glob` matches them — `name/` and `*.test.*` alike
/// match any component of the path — without building a matcher per call: a test, example or
/// vendored path is asked about for every file of a run.
struct ComponentPatterns: Sendable {
    private let components: [[UInt8]]

    init(_ patterns: [String]) {
        components = patterns.map { Array(($0.hasSuffix("/") ? $0.dropLast() : Substring($0)).utf8) }
    }

    func matches(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        return bytes.split(separator: UInt8(ascii: "/")).contains { component in
            components.contains { Self.wildcard($0[...], component) }
        }
    }

    /// `*` matches any run of bytes (none included); every other byte matches itself.
    static func wildcard(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let star = pattern.firstIndex(of: UInt8(ascii: "*")) else { return pattern.elementsEqual(text) }
        let head = pattern[..<star]
        guard text.starts(with: head) else { return false }
        let rest = pattern[(star + 1)...]
        var tail = text.dropFirst(head.count)
        while true {
            if wildcard(rest, tail) { return true }
            guard !tail.isEmpty else { return false }
            tail = tail.dropFirst()
        }
    }
}
