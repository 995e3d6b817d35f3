import Foundation
import GreenlightCore

/// The code a done item names (`get_unclustered_feedback()`, `isLLMAllowed()`, `useChat`,
/// `ChatSiliconFlow`) and where it is defined or used in code — not in a comment or a string.
enum ClaimSymbols {
    /// The identifiers a title's code spans name: a call (`name()`, `store.add_item()`: the
    /// last name), a camelCase or snake_case name, a PascalCase name of three words or more.
    /// Not a word, a file name, a path, a command, a flag, a dotted key or an environment
    /// variable (`CONSTANT_CASE` is a setting's name as often as a constant's).
    static func named(in title: String) -> [String] {
        var names: [String] = []
        for span in TaskListParser.codeSpans(in: Substring(title), number: 0) {
            if let name = identifier(span.text), !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Identifiers written without backticks that cannot be ordinary words: camelCase with a
    /// lower-case start (`usePhysics`) or snake_case (`scroll_grants`), five characters or more.
    static func bareIdentifiers(in title: String) -> [String] {
        var names: [String] = []
        for word in MarkdownLines.prose(title).split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }) where word.count >= 5 {
            guard let first = word.first, first.isLowercase else { continue }
            let camel = zip(word, word.dropFirst()).contains { $0.isLowercase && $1.isUppercase }
            let snake = word.dropFirst().dropLast().contains("_") && !word.contains(where: \.isUppercase)
            if (camel || snake), let name = identifier(String(word)), !names.contains(name) { names.append(name) }
        }
        return names
    }

    static func identifier(_ text: String) -> String? {
        var body = Substring(text)
        let call = body.hasSuffix("()")
        if call { body = body.dropLast(2) }
        guard body.count >= 3, let first = body.first, first.isLetter || first == "_",
              body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }) else { return nil }
        if body.contains(".") && !call { return nil }
        guard let name = body.split(separator: ".").last, name.count >= 3, name.first.map({ $0.isLetter || $0 == "_" }) ?? false
        else { return nil }
        let hasLower = name.contains { $0.isLowercase }
        guard hasLower else { return nil }
        let camel = zip(name, name.dropFirst()).contains { $0.isLowercase && $1.isUppercase }
        let snake = name.dropFirst().dropLast().contains("_") && name.first!.isLowercase
        let humps = name.filter(\.isUppercase).count
        let pascal = name.first!.isUppercase && humps >= 3 && camel
        guard call || (camel && name.first!.isLowercase) || snake || pascal else { return nil }
        if snake && name.split(separator: "_").contains(where: isRandomToken) { return nil }
        return String(name)
    }

    /// A generated id's tail (`acct_1Nx2Y3z4ABCdef`: a Stripe account): eight characters or
    /// more mixing upper case, lower case and two digits — no word of a name does.
    static func isRandomToken(_ part: Substring) -> Bool {
        part.count >= 8 && part.contains(where: \.isUppercase) && part.contains(where: \.isLowercase)
            && part.filter(\.isNumber).count >= 2
    }

    /// Identifiers in code, by file, read once each: in code proper (not a comment), in a string
    /// literal (a table's name in a migration, a status value), and the names of files and
    /// folders (`deploy_manager` for `deploy_manager.py`).
    final class Index {
        private let context: RuleContext
        private var everywhere: Set<Substring>?

        private init(_ context: RuleContext) { self.context = context }

        /// The run's index, shared by the ledger and the rules that look names up.
        static func of(_ context: RuleContext) throws -> Index {
            try context.shared(SharedKey<Index>("claims.symbols")) { Index(context) }
        }

        /// Whether `name` is in the code of the file at `path` (a folder: of a file below it).
        func holds(_ name: String, in path: String) throws -> Bool {
            let snapshot = context.snapshot
            if let entry = snapshot.entry(at: path) { return try contains(name, entry) }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            for entry in snapshot.entries where entry.path.hasPrefix(prefix) && Self.isCode(entry.path) {
                if try contains(name, entry) { return true }
            }
            return false
        }

        /// Whether `name` is in the code of any file of the snapshot, or names one of its files
        /// or folders.
        func holdsAnywhere(_ name: String) throws -> Bool {
            if everywhere == nil {
                var all: Set<Substring> = []
                for entry in context.snapshot.entries {
                    var parts = entry.path.split(separator: "/")
                    if let file = parts.popLast() { all.insert(file.split(separator: ".").first ?? file) }
                    all.formUnion(parts)
                    if Self.isCode(entry.path) { all.formUnion(try read(entry).code) }
                }
                everywhere = all
            }
            if everywhere!.contains(Substring(name)) { return true }
            // In a string literal: read only when the code does not hold it.
            for entry in context.snapshot.entries where Self.isCode(entry.path) {
                if try read(entry).quoted().contains(Substring(name)) { return true }
            }
            return false
        }

        private func contains(_ name: String, _ entry: SnapshotEntry) throws -> Bool {
            let file = try read(entry)
            return file.code.contains(Substring(name)) || file.quoted().contains(Substring(name))
        }

        /// A file's identifiers in code, and the words of its string literals on demand.
        private final class FileWords {
            let code: Set<Substring>
            private let text: SourceText?
            private var strings: Set<Substring>?

            init(code: Set<Substring>, text: SourceText?) {
                self.code = code
                self.text = text
            }

            func quoted() -> Set<Substring> {
                if strings == nil { strings = text.map(Index.quotedWords) ?? [] }
                return strings!
            }
        }

        private var files: [String: FileWords] = [:]

        private func read(_ entry: SnapshotEntry) throws -> FileWords {
            if let known = files[entry.path] { return known }
            var words = FileWords(code: [], text: nil)
            if case .text(let text) = try context.snapshot.content(of: entry) {
                // Code only where the lexer knows the language; elsewhere (SQL, YAML) the text.
                let code = SourceLanguage.of(path: entry.path).map { CodeLexer.lex(text, language: $0).code }
                    ?? Self.withoutLineComments(text, marker: Self.lineComment[EnvFiles.extensionOf(entry.path)])
                var names = Self.words(code)
                // Go build constraints are directives, though written as comments: `live_openai`
                // in `//go:build live_openai` is a name the code uses.
                if EnvFiles.extensionOf(entry.path) == "go", ByteSearch.contains(text.text, "+build") || ByteSearch.contains(text.text, "go:build") {
                    for line in text.lines where line.hasPrefix("//go:build") || line.hasPrefix("// +build") {
                        names.formUnion(Self.words(Array(line.dropFirst(2).utf8)))
                    }
                }
                words = FileWords(code: names, text: text)
            }
            files[entry.path] = words
            return words
        }

        /// Line comments of languages the lexer does not know: SQL's `--`, Prisma's `//`.
        static let lineComment: [String: String] = ["sql": "--", "prisma": "//", "graphql": "#", "gql": "#"]

        /// The text's bytes, each line cut at `marker` (the whole text when there is none).
        static func withoutLineComments(_ text: SourceText, marker: String?) -> [UInt8] {
            guard let marker, ByteSearch.contains(text.text, marker) else { return Array(text.text.utf8) }
            var bytes: [UInt8] = []
            for line in text.lines {
                let cut = line.range(of: marker).map { line[..<$0.lowerBound] } ?? line
                bytes.append(contentsOf: cut.utf8)
                bytes.append(0x0A)
            }
            return bytes
        }

        /// Words inside quotes on lines that are not comments: `op.create_table("trigger_deliveries")`.
        static func quotedWords(_ text: SourceText) -> Set<Substring> {
            var found: Set<Substring> = []
            for line in text.lines {
                let bytes = Array(line.utf8)
                guard bytes.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x60 }) else { continue }
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if ["#", "//", "*", "/*", "--"].contains(where: { trimmed.hasPrefix($0) }) { continue }
                var quote: UInt8?
                var start = 0
                for (index, byte) in bytes.enumerated() {
                    if let open = quote {
                        if byte == open {
                            found.formUnion(words(Array(bytes[start..<index])))
                            quote = nil
                        }
                    } else if byte == 0x22 || byte == 0x27 || byte == 0x60 {
                        quote = byte
                        start = index + 1
                    }
                }
            }
            return found
        }

        /// Runs of letters, digits and `_` that start with a letter or `_`.
        static func words(_ bytes: [UInt8]) -> Set<Substring> {
            var words: Set<Substring> = []
            var start: Int?
            func isWord(_ byte: UInt8) -> Bool {
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
            }
            for index in 0...bytes.count {
                if index < bytes.count && isWord(bytes[index]) {
                    if start == nil && !(bytes[index] >= 0x30 && bytes[index] <= 0x39) { start = index }
                    continue
                }
                if let begin = start, index - begin >= 3 {
                    words.insert(Substring(String(decoding: bytes[begin..<index], as: UTF8.self)))
                }
                start = nil
            }
            return words
        }

        /// Files whose names the code of a repository is written in: the languages whose
        /// environment reads are known (`EnvFiles.isCode`) and the other common ones.
        static func isCode(_ path: String) -> Bool {
            EnvFiles.isCode(path) || otherCodeExtensions.contains(EnvFiles.extensionOf(path))
        }

        static let otherCodeExtensions: Set<String> = ["java", "kt", "kts", "rs", "cs", "php", "scala", "c", "h", "cc",
                                                       "cpp", "hpp", "m", "sql", "prisma", "graphql", "gql", "sh", "bash",
                                                       "ex", "exs", "dart", "lua", "pyi"]
    }
}
