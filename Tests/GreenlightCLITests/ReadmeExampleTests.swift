import Foundation
import GreenlightTestSupport
import Testing

/// Every `console` example of the README runs here, against the repository its marker names,
/// and must print what the README shows — so the README cannot drift from the tool again.
///
/// The line before each ```console fence is a marker, invisible on GitHub:
/// - `<!-- example: demo -->`: the bundled demo repository (`demo/make-demo-repo.sh`);
/// - `<!-- example: NAME -->`: the repository `Fixtures/readme/NAME.sh DIR` builds (fixed dates,
///   so fixed commit ids);
/// - `<!-- example: none -->`: an empty folder;
/// - `<!-- example: not run: REASON -->`: an example that needs a service outside the machine;
///   those are listed in `notRun`, so a new one is a decision, not an accident.
///
/// Each `$ ` line is one command — leading `NAME=value` words set its environment, a `  # …`
/// tail is a comment, `echo $?` prints the previous exit code — and the lines up to the next
/// `$ ` line are its standard output then its standard error; a line `...` stands for any lines.
@Suite("README: every console example runs and prints what it shows")
struct ReadmeExampleTests {
    struct Example: CustomStringConvertible {
        let line: Int
        let marker: String
        let body: [String]
        var description: String { "README.md:\(line) (\(marker))" }
    }

    /// The examples that are shown but not run, by their first command.
    static let notRun: Set<String> = [
        "API_URL=https://api.example.com ADMIN_TOKEN=… greenlight probe",
        "greenlight loop flywheel",
        "PROMOTION_PROMPT_NAMES=summarize,classify greenlight loop promote --apply",
    ]

    static func examples() throws -> [Example] {
        let readme = try String(contentsOfFile: CLI.packageRoot + "/README.md", encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        var examples: [Example] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index] == "```console" else { continue }
            let previous = index > 0 ? lines[index - 1] : ""
            let marker = previous.hasPrefix("<!-- example: ") && previous.hasSuffix(" -->")
                ? String(previous.dropFirst("<!-- example: ".count).dropLast(" -->".count)) : ""
            var body: [String] = []
            var end = index + 1
            while end < lines.count, lines[end] != "```" { body.append(lines[end]); end += 1 }
            examples.append(Example(line: index + 1, marker: marker, body: body))
            index = end
        }
        return examples
    }

    @Test("every console example has a marker; those not run are the known ones")
    func markers() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 10)
        for example in examples {
            #expect(!example.marker.isEmpty, "\(example): no <!-- example: … --> line before the fence")
        }
        let skipped = Set(examples.filter { $0.marker.hasPrefix("not run: ") }.compactMap { $0.body.first.map(Self.command) })
        #expect(skipped == Self.notRun)
    }

    @Test("each example prints what the README shows", arguments: try ReadmeExampleTests.examples().filter {
        !$0.marker.isEmpty && !$0.marker.hasPrefix("not run: ")
    })
    func runs(_ example: Example) throws {
        let folder = try GitFixture(files: [:]).container + "/example"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        switch example.marker {
        case "none":
            break
        case "demo":
            _ = try CLI.run("/bin/bash", [CLI.packageRoot + "/demo/make-demo-repo.sh", folder], in: NSTemporaryDirectory(),
                            environment: CLI.environment())
        default:
            let script = CLI.packageRoot + "/Tests/GreenlightCLITests/Fixtures/readme/\(example.marker).sh"
            let built = try CLI.run("/bin/bash", [script, folder], in: NSTemporaryDirectory(), environment: CLI.environment())
            try #require(built.status == 0, "\(example): \(built)")
        }
        var status: Int32 = 0
        var position = 0
        while position < example.body.count {
            let line = example.body[position]
            position += 1
            guard line.hasPrefix("$ ") else { continue }
            var expected: [String] = []
            while position < example.body.count, !example.body[position].hasPrefix("$ ") {
                expected.append(example.body[position])
                position += 1
            }
            let (environment, arguments) = Self.parse(Self.command(line))
            let printed: String
            if arguments == ["echo", "$?"] {
                printed = "\(status)\n"
            } else {
                try #require(arguments.first == "greenlight", "\(example): only greenlight and echo $? run: \(line)")
                let result = CLI.inProcess(Array(arguments.dropFirst()), in: folder,
                                           environment: CLI.environment(extra: environment))
                status = result.status
                printed = result.stdout + result.stderr
            }
            let actual = printed.isEmpty ? [] : (printed.hasSuffix("\n") ? String(printed.dropLast()) : printed).components(separatedBy: "\n")
            #expect(Self.matches(actual, expected),
                    "\(example): `\(line)` printed\n\(printed)\nwhere the README shows\n\(expected.joined(separator: "\n"))")
        }
    }

    /// The command without the `$ ` and without a trailing `  # comment`.
    static func command(_ line: String) -> String {
        var text = String(line.dropFirst(line.hasPrefix("$ ") ? 2 : 0))
        if let comment = text.range(of: #"\s+#\s.*$"#, options: .regularExpression) { text.removeSubrange(comment) }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Leading `NAME=value` words, then the words of the command (single or double quotes group).
    static func parse(_ command: String) -> (environment: [String: String], arguments: [String]) {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var started = false
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                started = true
            } else if character == " " {
                if started || !current.isEmpty { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
            }
        }
        if started || !current.isEmpty { words.append(current) }
        var environment: [String: String] = [:]
        while let first = words.first, let equals = first.firstIndex(of: "="),
              first[..<equals].allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }), !first[..<equals].isEmpty {
            environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
            words.removeFirst()
        }
        return (environment, words)
    }

    /// Line by line; `...` in the expected lines matches any number of lines.
    static func matches(_ actual: [String], _ expected: [String]) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "..." {
            return (0...actual.count).contains { matches(Array(actual[$0...]), Array(expected.dropFirst())) }
        }
        guard let line = actual.first, line == first else { return false }
        return matches(Array(actual.dropFirst()), Array(expected.dropFirst()))
    }
}
