import Foundation
import GreenlightCore
import GreenlightGit
@testable import GreenlightRules
import GreenlightTestSupport
import Testing

/// Unterminated strings and comments, unbalanced brackets, minified multi-megabyte one-line
/// bundles, invalid UTF-8: the ai family reads them in one linear pass and reports what is
/// really there — never a crash, never a hang.
@Suite struct AIBadInputTests {
    /// `rule line:column` of each ai finding.
    func findings(_ files: [String: String], bytes: [String: [UInt8]] = [:], config: String = "",
                  messages: Bool = false) throws -> [String] {
        let fixture = try GitFixture()
        for (path, text) in files { try fixture.write(path, text) }
        for (path, data) in bytes { try fixture.write(path, bytes: data) }
        try fixture.commitAll("bad input")
        let engine = RuleCatalog.engine
        let loaded = try ConfigLoader.load(yaml: config, file: "g.yml", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        let snapshot = try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: loaded)
        return try engine.run(snapshot: snapshot, config: loaded, now: Date(timeIntervalSince1970: 0), families: ["ai"])
            .map { "\($0.path):\($0.line):\($0.column) \($0.rule)" + (messages ? " \($0.message)" : "") }
    }

    static let all3 = ["ai.context-injection", "ai.logging", "ai.user-identity"]
    /// Code that knows its users: identity is asked of its calls (`EndUsers`).
    static let users = "export const userId = session.user.id\n"

    func atAllRules(_ position: String) -> [String] { Self.all3.map { "\(position) \($0)" } }

    @Test func unterminatedStringsEndAtTheirLineOrSwallowTheRest() throws {
        // A one-line literal ends at its line: the call below it is a call.
        #expect(try findings(["src/a.ts": "const s = 'oops\nawait openai.chat.completions.create({ model })\n",
                              "src/session.ts": Self.users])
                == atAllRules("src/a.ts:2:7"))
        // A template literal, a block comment, a triple-quoted or raw string that never ends
        // holds everything after it: no call.
        #expect(try findings([
            "src/b.ts": "const s = `never closed ${x}\nopenai.chat.completions.create({ model })\n",
            "src/c.go": "/* open\nresp, err := client.Chat.Completions.New(ctx, p)\n",
            "app/d.py": "doc = '''open\nclient.chat.completions.create(model=m)\n",
            "Sources/E.swift": "let s = #\"\"\"\nlet r = try await openAI.chats(query: q)\n",
            "internal/f.go": "var s = `raw\nclient.Messages.New(ctx, p)\n",
        ]).isEmpty)
    }

    @Test func unbalancedBracketsDegradeGracefully() throws {
        // Stray closers before the call are ignored; an argument list never closed runs to the
        // end of the file, where the identity is.
        let text = "))]}} }\nconst r = openai.chat.completions.create({ model,\n  messages\n\n// end\n, user: id\n"
        #expect(try findings(["src/a.ts": text]) == ["src/a.ts:2:11 ai.context-injection", "src/a.ts:2:11 ai.logging"])
        // Ten thousand unclosed brackets before a call, and a closer of the wrong kind inside it.
        let deep = String(repeating: "(", count: 10_000) + "\nx = client.chat.completions.create(model=m, user=u]\n"
        #expect(try findings(["app/deep.py": deep]) == ["app/deep.py:2:5 ai.context-injection", "app/deep.py:2:5 ai.logging"])
    }

    @Test func deeplyNestedInterpolationsAreBounded() throws {
        var text = "const s = "
        for _ in 0..<5_000 { text += "`${" }
        text += "openai.chat.completions.create({ user })"
        for _ in 0..<5_000 { text += "}`" }
        text += ";\n"
        let found = try findings(["src/nested.ts": text])
        #expect(found.count <= 3)
    }

    @Test func minifiedFiveMegabyteBundleIsReadInOnePass() throws {
        // Not named like a bundle, so it is checked: 2,000 call sites on one 5 MB line.
        let call = "function g(){return n.chat.completions.create({model:\"gpt-4o\",messages:m})}"
        let filler = String(repeating: "var a=1,b=\"x\";/*c*/", count: 130)
        var line = ""
        for _ in 0..<2_000 { line += filler + call }
        #expect(line.utf8.count > 5_000_000)
        let found = try findings(["public/app.js": line + "\n", "src/session.ts": Self.users], config: "max_file_size: 16MiB\n",
                                 messages: true)
        // Every one of the 6,000 is found: 200 per rule are reported, and one finding counts the rest.
        #expect(found.count == 603)
        let column = filler.count + "function g(){return ".count + 1
        #expect(found.first?.hasPrefix("public/app.js:1:\(column) ai.context-injection ") == true)
        let twoHundredFirst = (filler.count + call.count) * 200 + column
        for rule in Self.all3 {
            #expect(found.contains("public/app.js:1:\(twoHundredFirst) \(rule) and 1800 more findings of \(rule) in this file (only the first 200 of a rule in one file are reported)"))
        }
        // Named like one, it is exempt; over the size cap, it is not read.
        #expect(try findings(["public/app.min.js": line], config: "max_file_size: 16MiB\n").isEmpty)
        #expect(try findings(["public/app.js": line]).isEmpty)
    }

    @Test func invalidUTF8CountsAsOneReplacementCharacter() throws {
        let bytes = Array("const é = \"".utf8) + [0xFF, 0xFE, 0xC3] + Array("\"; await openai.chat.completions.create({ user: id })\n".utf8)
        let found = try findings([:], bytes: ["src/bad.ts": bytes])
        // `const é = "` is 11 scalars, the invalid bytes decode to replacement characters.
        let prefix = String(decoding: bytes, as: UTF8.self).split(separator: "\n")[0]
        let column = prefix.unicodeScalars.distance(from: prefix.startIndex, to: prefix.range(of: "openai")!.lowerBound) + 1
        #expect(found == ["src/bad.ts:1:\(column) ai.context-injection", "src/bad.ts:1:\(column) ai.logging"])
    }

    @Test func binaryFilesAndUnknownExtensionsAreNeverRead() throws {
        let binary = [0x00, 0x01] + Array("openai.chat.completions.create(".utf8)
        #expect(try findings(["notes/a.md": "openai.chat.completions.create({})\n"], bytes: ["src/b.ts": binary]).isEmpty)
    }

    @Test func lexerSurvivesEveryPrefixOfATrickyFile() {
        let tricky = """
            const a = `x${ {b: '}'} }` /* ${ */ + /re[/]gex/g.test("\\"") // `
            def f(): return f"{ {'a': 1}['a'] }" # '''
            let s = #"\\#( x )"# + \"\"\"
            """
        let bytes = Array(tricky.utf8)
        for language in SourceLanguage.allCases {
            for end in stride(from: 0, through: bytes.count, by: 1) {
                let lexed = CodeLexer.lex(Array(bytes[..<end]), language: language)
                #expect(lexed.code.count == end)
                #expect(lexed.brackets.allSatisfy { $0.open < $0.close || $0.close == end })
            }
        }
    }
}
