import Foundation
import GreenlightCore
@testable import GreenlightRules
import GreenlightTestSupport
import Testing

/// The built-in secrets packs ship as Swift values, written from `checks/secrets*.yml` by this
/// test: decoding YAML at every start cost a run more than checking 800 workflows. The YAML
/// stays the source; this test fails while the generated file is stale, and rewrites it with
/// `GREENLIGHT_UPDATE_GOLDEN=1`.
@Suite struct SecretPackSourceTests {
    static let folder = URL(fileURLWithPath: SecretPackTests.packageRoot).appendingPathComponent("Sources/GreenlightRules/packs")

    static func decoded() throws -> [SecretPack] {
        let checks = SecretPackTests.packageRoot + "/checks"
        let names = try FileManager.default.contentsOfDirectory(atPath: checks)
            .filter { $0.hasPrefix("secrets") && $0.hasSuffix(".yml") }.sorted()
        return try names.map { name in
            try SecretPack.load(yaml: String(contentsOfFile: checks + "/" + name, encoding: .utf8), file: "checks/" + name)
        }
    }

    @Test func generatedPacksMatchTheYAML() throws {
        let files = SecretPackSource.files(try Self.decoded())
        for (name, text) in files {
            try GoldenFile.expect(text, equals: Self.folder.appendingPathComponent(name))
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(onDisk == files.map(\.name).sorted(), "a generated pack file has no pack any more: delete it")
    }

    /// The values the binary holds are the decoded ones, field by field.
    @Test func builtinPacksEqualTheDecodedOnes() throws {
        let builtin = try SecretPack.builtin()
        let decoded = try Self.decoded()
        #expect(builtin.map(SecretPackSource.pack) == decoded.map(SecretPackSource.pack))
        #expect(builtin.flatMap { $0.patterns.map(\.regex.groupCount) } == decoded.flatMap { $0.patterns.map(\.regex.groupCount) })
    }
}

/// Swift source for secrets packs.
enum SecretPackSource {
    /// One file per pack, and the index: (file name, text).
    static func files(_ packs: [SecretPack]) -> [(name: String, text: String)] {
        let header = [
            "// Generated from checks/secrets*.yml by SecretPackSourceTests. Do not edit: change the pack and",
            "// run `GREENLIGHT_UPDATE_GOLDEN=1 swift test --filter SecretPackSource`; the test fails while",
            "// this file is stale.",
            "",
        ]
        var files: [(name: String, text: String)] = []
        var index = header + ["extension SecretPack {", "    /// The built-in packs, in file-name order.", "    static let generated: [SecretPack] = ["]
        for pack in packs {
            let name = identifier(pack.name)
            index.append("        \(name),")
            let lines = header + ["extension SecretPack {", "    static let \(name) = " + self.pack(pack), "}", ""]
            files.append(("SecretPack+\(name)+Generated.swift", lines.joined(separator: "\n")))
        }
        index += ["    ]", "}", ""]
        files.append(("SecretPacks+Generated.swift", index.joined(separator: "\n")))
        return files
    }

    /// `secrets-tokens` -> `secretsTokens`.
    private static func identifier(_ name: String) -> String {
        let words = name.split(separator: "-").map(String.init)
        return (words.first ?? "") + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The pack as a Swift expression (its first line unindented).
    static func pack(_ pack: SecretPack) -> String {
        var lines = ["SecretPack("]
        lines.append("        name: \(literal(pack.name)), file: \(literal(pack.file)),")
        lines.append("        description: \(pack.description.map(literal) ?? "nil"),")
        lines.append("        allow: \(allow(pack.allow, indent: 8)),")
        lines.append("        patterns: [")
        for pattern in pack.patterns { lines += self.pattern(pattern) }
        lines.append("        ])")
        return lines.joined(separator: "\n")
    }

    private static func pattern(_ p: SecretPattern) -> [String] {
        var lines = ["            SecretPattern("]
        lines.append("                id: \(literal(p.id)), pack: \(literal(p.pack)), title: \(literal(p.title)),")
        lines.append("                keywords: \(list(p.keywords)), randomRuns: \(p.randomRuns.map(String.init) ?? "nil"),")
        lines.append("                regex: .builtin(\(literal(p.regex.pattern))), group: \(p.group),")
        lines.append("                entropy: \(p.entropy.map { "\($0)" } ?? "nil"), hexEntropy: \(p.hexEntropy.map { "\($0)" } ?? "nil"), generic: \(p.generic), confidence: .\(p.confidence.rawValue),")
        lines.append("                linesBefore: \(p.linesBefore), linesAfter: \(p.linesAfter),")
        lines.append("                allow: \(allow(p.allow, indent: 16)),")
        lines.append("                samples: [")
        for sample in p.samples {
            lines.append("                    .init(text: \(literal(sample.text)), shouldMatch: \(sample.shouldMatch), location: \(literal(sample.location))),")
        }
        lines.append("                ],")
        lines.append("                location: \(literal(p.location))),")
        return lines
    }

    private static func allow(_ a: SecretAllowlist, indent: Int) -> String {
        guard !a.isEmpty else { return "SecretAllowlist()" }
        let pad = String(repeating: " ", count: indent + 4)
        var parts: [String] = []
        if !a.paths.isEmpty { parts.append("paths: \(list(a.paths.map(\.pattern)))") }
        if !a.regexes.isEmpty { parts.append("regexes: \(list(a.regexes.map(\.pattern)))") }
        if !a.stopwords.isEmpty { parts.append("stopwords: \(list(a.stopwords))") }
        if !a.names.isEmpty { parts.append("names: \(list(a.names))") }
        if !a.heads.isEmpty { parts.append("heads: \(list(a.heads))") }
        if !a.published.isEmpty { parts.append("published: \(list(a.published.sorted()))") }
        return ".builtin(\n" + parts.map { pad + $0 }.joined(separator: ",\n") + ")"
    }

    private static func list(_ values: [String]) -> String {
        "[" + values.map(literal).joined(separator: ", ") + "]"
    }

    /// A Swift string literal: quotes, backslashes and control characters escaped.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
