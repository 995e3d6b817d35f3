import Foundation
import GreenlightCore

/// Where code reads environment variables, in each language's own ways, and what
/// surrounds a read: a fallback to another variable or to a default, a comment calling it
/// legacy. Reads in comments and in string literals (a code snippet the UI shows) are not
/// reads: TypeScript, JavaScript, Python, Go and Swift files go through `CodeLexer` first.
enum EnvReads {
    /// Text that must be on a line for it to read the environment.
    static let keywords = ["env", "environ", "getenv", "Getenv", "LookupEnv", "ENV"]

    struct Read {
        let name: String
        let line: Int
        let column: Int
        /// Reads on one line joined as fallbacks of one another (`A ?? B`,
        /// `getenv("A") or getenv("B")`, `getenv("A", getenv("B"))`) share a group.
        let group: Int
        /// The code goes on without it: another variable or a default follows it.
        var fallsBack: Bool
        /// It is an optional setting: a working default stands beside it (`?? 3000`,
        /// `os.getenv("X", "30")`, `X ? parseInt(X) : 10`, `X || path.join(home, ".app")`; not
        /// `""`, `None`, another variable or a URL on the developer's machine), a schema in the
        /// file gives it one (`.default()`, `.optional()`), or the code only compares it with a
        /// switch's value (`=== "true"`, `!== "0"`) — or the code copes without it: `EnvReadUse`'s
        /// tests, another variable's feature switch (`EnvFeatureFlag`), an option a call fills
        /// (`EnvObjectProperty`), a default a caller can override.
        let isOptional: Bool
        /// A comment on its line or the line above calls it legacy, deprecated or kept for
        /// backward compatibility.
        let isLegacy: Bool
        /// The undecorated top-level Python function holding the read (`def get_config():` at
        /// the file's left margin): dead code when nothing names it.
        var function: String? = nil
        /// The object-literal key whose whole value it is (`gtmId: process.env.GTM_ID`).
        var property: EnvObjectProperty.Property? = nil
        /// What shows the code needs a value: nil when nothing does.
        var need: Need? = nil
    }

    private static let name = "([A-Za-z_][A-Za-z0-9_]*)"
    private static let quoted = "[\"'`]" + name + "[\"'`]"

    /// Every way each language reads one variable, each with the name in its one group. A
    /// file is read with its own language's patterns only: Python quoted inside a TypeScript
    /// string is not a read.
    static let readPatterns: [String: NSRegularExpression] = byExtension([
        "javascript": [
            #"process\.env\."# + name,
            #"process\.env\[\s*"# + quoted + #"\s*\]"#,
            #"import\.meta\.env\."# + name,
            #"Bun\.env\."# + name,
            #"Deno\.env\.get\(\s*"# + quoted,
        ],
        "python": [#"(?<![\w.])(?:os\.)?environ(?:\.get\(\s*|\[\s*)"# + quoted, #"os\.getenv\(\s*"# + quoted],
        "swift": [#"ProcessInfo\.processInfo\.environment\[\s*""# + name + #""\s*\]"#],
        "go": [#"os\.(?:Getenv|LookupEnv)\(\s*""# + name + #"""#],
        "ruby": [#"(?<![\w:])ENV(?:\[\s*|\.fetch\(\s*)"# + quoted],
    ])

    /// Languages whose calls take a default as their second argument (`os.getenv("X", "d")`,
    /// `ENV.fetch("X", "d")`).
    static let defaultArgumentLanguages: Set<String> = ["python", "ruby"]

    private static func byExtension(_ byLanguage: [String: [String]]) -> [String: NSRegularExpression] {
        var patterns: [String: NSRegularExpression] = [:]
        for (language, alternatives) in byLanguage {
            let regex = try! NSRegularExpression(pattern: alternatives.joined(separator: "|"))
            for (ext, owner) in EnvFiles.codeExtensions where owner == language { patterns[ext] = regex }
        }
        return patterns
    }

    /// The reads of `text`, in order. A variable the file also sets to a constant
    /// (`if (!process.env.X) process.env.X = "25000"`), or sets to any value before it first
    /// reads it (`os.environ["X"] = token` then `client(os.environ["X"])`), is the file's own:
    /// its reads are left out.
    /// `schema`: the file's `schemaNames`, when the caller has them already.
    static func reads(in text: SourceText, schema known: (optional: Set<String>, required: Set<String>)? = nil) -> [Read] {
        let ext = EnvFiles.extensionOf(text.path)
        guard let readPattern = readPatterns[ext] else { return [] }
        var written: Set<String> = []
        var writtenFirst: [String: Int] = [:]
        let schema = known ?? schemaNames(text.lines)
        let commaDefaults = defaultArgumentLanguages.contains(EnvFiles.codeExtensions[ext] ?? "")
        let lexed = SourceLanguage.of(path: text.path).map { CodeLexer.lex(text, language: $0) }
        var reads: [Read] = []
        var group = 0
        // The group of the read that opened the last `if` chain: a read in an `elif` /
        // `else if` condition is the chain's fallback.
        var chainGroup: Int?
        // A line ending in `||`, `??` or `or` after a read: the next line's first read joins it.
        var carried: (line: Int, group: Int)?
        // The line a read ends: a line under it that opens with `or`, `||` or `??` continues it.
        var endedLine: Int?
        let lines = text.lines
        for (offset, line) in lines.enumerated() where keywords.contains(where: { line.contains($0) }) {
            let string = String(line)
            let opener = conditionOpener(string)
            let byteOffset = { (index: String.Index) -> Int? in
                guard let lexed, offset < lexed.lineStarts.count else { return nil }
                let at = lexed.lineStarts[offset] + string.utf8.distance(from: string.startIndex, to: index)
                return at < lexed.count ? at : nil
            }
            let isCode = { (index: String.Index) -> Bool in
                guard let lexed, offset < lexed.lineStarts.count else { return true }
                return byteOffset(index).map { lexed.code[$0] == lexed.source[$0] } ?? false
            }
            let range = NSRange(string.startIndex..., in: string)
            var previousEnd: String.Index?
            for match in readPattern.matches(in: string, range: range) {
                guard let whole = Range(match.range, in: string), isCode(whole.lowerBound),
                      let captured = firstGroup(match, in: string) else { continue }
                let name = String(string[captured])
                let tail = string[whole.upperBound...].drop { $0 == " " || $0 == "\t" }
                // An assignment sets the variable (`os.environ["X"] = …`); `delete process.env.X`
                // unsets it.
                let assigned = tail.drop { $0 == "]" || $0 == " " || $0 == "\t" }
                if assigned.hasPrefix("=") && !assigned.hasPrefix("==") {
                    // A constant written is the file's own default; a computed value (a user's
                    // choice) is not.
                    let value = assigned.dropFirst().drop { $0 == " " || $0 == "\t" }
                    if let first = value.first, first == "\"" || first == "'" || first.isNumber { written.insert(name) }
                    if writtenFirst[name] == nil && !reads.contains(where: { $0.name == name }) { writtenFirst[name] = offset }
                    previousEnd = nil
                    continue
                }
                if string[..<whole.lowerBound].hasSuffix("delete ") { continue }
                // A value only shown in a log line is not a setting the code uses.
                if let lexed, let at = byteOffset(whole.lowerBound), EnvReadUse.isLogged(at: at, in: lexed) { continue }
                let before = string[..<whole.lowerBound]
                let startsLine = before.allSatisfy { $0 == " " || $0 == "\t" || $0 == "(" }
                // A chain broken before its operator (`or os.getenv("B")` under a line ending
                // in a read) joins the read that ends the line above.
                let leadsWithJoint = ["||", "??", "or"].contains(before.trimmingCharacters(in: .whitespaces))
                let carriedIn = previousEnd == nil && (startsLine && carried?.line == offset - 1
                    || leadsWithJoint && endedLine == offset - 1)
                if carriedIn { reads[reads.count - 1].fallsBack = true }
                let joined = carriedIn || previousEnd.map { isFallbackJoint(string[$0..<whole.lowerBound], commaDefaults: commaDefaults) } ?? false
                let chained = previousEnd == nil && opener == .alternative && chainGroup != nil
                var readGroup: Int
                if joined {
                    reads[reads.count - 1].fallsBack = true
                    readGroup = group
                } else if chained, let chainGroup {
                    readGroup = chainGroup
                } else {
                    group += 1
                    readGroup = group
                }
                if previousEnd == nil && opener == .first { chainGroup = readGroup }
                let column = string.unicodeScalars.distance(from: string.startIndex, to: captured.lowerBound) + 1
                let site = EnvReadUse.Site(lines: lines, line: offset, text: string, start: whole.lowerBound, end: whole.upperBound)
                // The read's byte in the lexed file, for the analyses that need the code's brackets.
                let code = lexed.flatMap { lexed in byteOffset(whole.lowerBound).map { (lexed, $0) } }
                let property = code.flatMap { EnvObjectProperty.of(site, at: $1, in: $0) }
                let following = lines.dropFirst(offset + 1).prefix(2).map { $0.drop { $0 == " " || $0 == "\t" } }
                let copes = isOptional(name, after: tail, following: following, commaDefaults: commaDefaults)
                    || property.map { EnvObjectProperty.isDefaultedOption($0, name: name) } ?? false
                    || EnvFeatureFlag.guards(name, site: site, at: code?.1, in: lexed)
                    || code.map { EnvReadUse.isOverridableDefault(site, at: $1, in: $0) } ?? false
                    || EnvReadUse.handlesAbsence(site, inCondition: opener != .none)
                reads.append(Read(
                    name: name, line: offset + 1, column: column, group: readGroup,
                    fallsBack: joined || chained || hasFallback(after: tail, commaDefaults: commaDefaults),
                    isOptional: schema.optional.contains(name) || copes,
                    isLegacy: lexed.map { isLegacy(line: offset, in: $0) } ?? false || holdsLegacy(string[..<whole.lowerBound]),
                    function: code.flatMap { plainFunction(around: $1, in: $0) },
                    property: property,
                    // A schema that requires it fails the program's start without it.
                    need: [schema.required.contains(name) ? .failsWithout : nil,
                           need(name, site: site, inCondition: opener != .none)].compactMap { $0 }.max()))
                previousEnd = whole.upperBound
                let joint = tail.drop { $0 == ")" || $0 == "]" || $0 == " " || $0 == "\t" }
                let trimmedJoint = joint.trimmingCharacters(in: .whitespaces)
                carried = ["||", "??", "or"].contains(trimmedJoint) ? (offset, readGroup) : nil
                endedLine = trimmedJoint.isEmpty ? offset : nil
            }
        }
        return reads.filter { !written.contains($0.name) && writtenFirst[$0.name] == nil }
    }

    /// The name of the function around `offset` when it is a Python function at the file's
    /// left margin without a decorator (a route, a command, a fixture is called by its framework).
    /// Or `.name` when it is a method decorated `@property`: used only as an attribute.
    static func plainFunction(around offset: Int, in lexed: LexedSource) -> String? {
        guard lexed.language == .python, let function = lexed.outerFunction(around: offset), let name = function.name,
              function.kind == .function else { return nil }
        let first = lexed.source[function.start...].firstIndex { $0 != 0x20 && $0 != 0x09 } ?? function.start
        if lexed.source[first...].starts(with: "@property".utf8) { return "." + name }
        guard function.start == 0 || lexed.source[function.start - 1] == UInt8(ascii: "\n"),
              lexed.source[function.start] != UInt8(ascii: "@") else { return nil }
        return name
    }

    private static func firstGroup(_ match: NSTextCheckingResult, in string: String) -> Range<String.Index>? {
        for group in 1..<match.numberOfRanges {
            if let captured = Range(match.range(at: group), in: string) { return captured }
        }
        return nil
    }

    /// What stands between two reads makes the second a fallback of the first: closers and one
    /// of `??`, `||`, `or` — or, in a call that takes a default, the comma before it.
    static func isFallbackJoint(_ between: Substring, commaDefaults: Bool) -> Bool {
        let trimmed = between.trimmingCharacters(in: .whitespaces)
        if commaDefaults && trimmed == "," { return true }
        let joint = trimmed.drop { $0 == ")" || $0 == "]" }.trimmingCharacters(in: .whitespaces)
        return joint == "??" || joint == "||" || joint == "or"
    }

    /// A default follows the read: `?? "x"`, `|| 3000`, `or "x"`, `os.getenv("X", "x")`.
    static func hasFallback(after tail: Substring, commaDefaults: Bool) -> Bool {
        if commaDefaults && tail.hasPrefix(",") { return true }
        let rest = tail.drop { $0 == ")" || $0 == "]" || $0 == " " || $0 == "\t" }
        return rest.hasPrefix("??") || rest.hasPrefix("||") || rest.hasPrefix("or ") || rest.hasPrefix("or(")
    }

    private static let quotedName = try! NSRegularExpression(pattern: #"["']([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)["']"#)
    private static let configProperty = try! NSRegularExpression(
        pattern: #"(?<![\w$])(?:ENV|env|config|settings|Config|Settings)\??\.([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?!\w)"#)

    /// CONSTANT_CASE names quoted in `text`, with an underscore (`"OPENAI_API_KEY"`), or read
    /// from a configuration object (`window.ENV?.LOCAL_DEVELOPMENT`, `settings.OPENAI_API_KEY`).
    static func quotedNames(in text: SourceText) -> Set<String> {
        EnvFiles.captures(of: quotedName, in: text, onLinesWith: "_")
            .union(EnvFiles.captures(of: configProperty, in: text, onLinesWith: "_"))
    }

    enum ConditionOpener { case first, alternative, none }

    /// Whether `line` opens an `if` chain (`if …`) or continues one (`elif …`, `} else if …`).
    static func conditionOpener(_ line: String) -> ConditionOpener {
        let code = line.drop { $0 == " " || $0 == "\t" || $0 == "}" }.drop { $0 == " " }
        if code.hasPrefix("elif ") || code.hasPrefix("else if") { return .alternative }
        if code.hasPrefix("if ") || code.hasPrefix("if(") { return .first }
        return .none
    }

    /// Values a switch is compared with.
    static let switchValues: Set<String> = ["true", "false", "1", "0", "yes", "no", "on", "off"]

    /// What follows the read makes it optional: a working default after `??`, `||`, `or`, the
    /// default argument, a ternary's `:` (on this line or the next two) or Python's `else`, or a
    /// comparison with a switch value.
    static func isOptional(_ name: String, after tail: Substring, following: [Substring], commaDefaults: Bool) -> Bool {
        let rest = tail.drop { $0 == ")" || $0 == "]" || $0 == " " || $0 == "\t" }
        // Compared with a value, it is a switch or a guard: unset is simply "not equal"
        // (`=== "true"`, `os.getenv("X", "").lower() == "debug"`) — unless the comparison is a
        // test for absence (`=== undefined`).
        let compared = afterValue(tail, commaDefaults: commaDefaults)
        for comparison in ["===", "!==", "==", "!="] where compared.hasPrefix(comparison) {
            let value = compared.dropFirst(comparison.count).drop { $0 == " " || $0 == "\t" }
            return !noDefaults.contains { value.hasPrefix($0) } && !value.hasPrefix("\"\"") && !value.hasPrefix("''")
        }
        let isDefault = { (text: Substring) -> Bool in
            isWorkingDefault(text) || (literal(text) == "" && !needsValue(name))
        }
        for joint in ["??", "||", "or "] where rest.hasPrefix(joint) {
            let value = rest.dropFirst(joint.count)
            let onNextLine = value.allSatisfy { $0 == " " || $0 == "\t" }
            return isDefault(onNextLine ? following.first ?? "" : value)
        }
        if commaDefaults && tail.hasPrefix(","), literal(tail.dropFirst()) == "", !needsValue(name) { return true }
        if rest == "or", let next = following.first { return isWorkingDefault(next) }
        // The default on the next line: `or os.getenv("X")` / `or DEFAULT_LIFETIME`.
        if rest.isEmpty, let next = following.first,
           let joint = ["??", "||", "or "].first(where: { next.hasPrefix($0) }) {
            return isWorkingDefault(next.dropFirst(joint.count))
        }
        if commaDefaults && tail.hasPrefix(",") { return isWorkingDefault(tail.dropFirst()) }
        // Python's conditional expression: `float(os.environ["X"]) if "X" in os.environ else 1.0`.
        let spaced = " " + rest
        if commaDefaults, let condition = spaced.range(of: " if "),
           let otherwise = spaced.range(of: " else ", range: condition.upperBound..<spaced.endIndex) {
            return isWorkingDefault(spaced[otherwise.upperBound...])
        }
        // A ternary on the read's presence: `X ? parse(X) : 10`, possibly over three lines.
        var parts = [rest]
        for line in following {
            guard line.hasPrefix("?") || line.hasPrefix(":") else { break }
            parts.append(line)
        }
        let statement = parts.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard statement.hasPrefix("?") && !statement.hasPrefix("??") && !statement.hasPrefix("?."),
              let colon = statement.lastIndex(of: ":") else { return false }
        return isWorkingDefault(statement[statement.index(after: colon)...])
    }

    /// What follows the read's value: past its closers, Python's default argument (`, "")`) and
    /// argument-less method calls (`.lower()`, `.trim()`).
    static func afterValue(_ tail: Substring, commaDefaults: Bool) -> Substring {
        var rest = tail.drop { $0 == ")" || $0 == "]" || $0 == " " || $0 == "\t" }
        if commaDefaults && tail.hasPrefix(","), let close = tail.firstIndex(of: ")") {
            rest = tail[tail.index(after: close)...]
        }
        while rest.hasPrefix(".") {
            let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let after = rest.dropFirst(1 + name.count)
            guard !name.isEmpty, after.hasPrefix("()") else { break }
            rest = after.dropFirst(2)
        }
        return rest.drop { $0 == ")" || $0 == " " || $0 == "\t" }
    }

    /// Starts of another read: the default is then a fallback variable, judged with its group.
    static let readStarts = ["process.env", "import.meta.env", "Bun.env", "Deno.env", "os.getenv", "os.environ", "environ",
                             "os.Getenv", "os.LookupEnv", "ENV[", "ENV.fetch", "ProcessInfo"]
    /// Defaults that leave the setting unset.
    static let noDefaults = ["None", "null", "undefined", "nil", "false", "[]", "{}", "()"]

    /// The expression at the start of `text` is a default the code can run on: a constant, a call,
    /// a configuration value — not another variable's read, not nothing (`""`, `None`, `[]`), and
    /// not a URL of the developer's machine (a deployment must set that one).
    static func isWorkingDefault(_ text: Substring) -> Bool {
        let expression = text.drop { $0 == " " || $0 == "\t" }
        guard let first = expression.first, !")],;}".contains(first) else { return false }
        if readStarts.contains(where: { expression.hasPrefix($0) }) { return false }
        if let none = noDefaults.first(where: { expression.hasPrefix($0) }) {
            let after = expression.dropFirst(none.count).first
            if after.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return false }
        }
        if first == "\"" || first == "'" || first == "`" {
            guard let value = literal(expression) else { return true }
            return !value.trimmingCharacters(in: .whitespaces).isEmpty && !EnvFiles.holdsLocalURL(value)
        }
        return true
    }

    /// The quoted string's contents or the word at the start of `text`.
    static func literal(_ text: Substring) -> String? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard let first = trimmed.first else { return nil }
        let value: Substring
        if first == "\"" || first == "'" || first == "`" {
            let body = trimmed.dropFirst()
            guard let close = body.firstIndex(of: first) else { return nil }
            value = body[..<close]
            if first == "`" && value.contains("${") { return nil }
        } else {
            let end = trimmed.firstIndex { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") } ?? trimmed.endIndex
            value = trimmed[..<end]
        }
        return String(value)
    }

    static let legacyWords = ["legacy", "deprecated", "backward compat", "backwards compat", "backward-compat",
                              "backwards-compat", "old name"]

    /// A comment on 0-based `line` or the line above it with one of `legacyWords`.
    /// The read is assigned to a local whose name calls it legacy (`legacy = os.getenv("X")`,
    /// `const deprecatedKey = process.env.X`): the code keeps it for old installs.
    static func holdsLegacy(_ before: Substring) -> Bool {
        guard let (name, _) = EnvReadUse.matchAssignment(String(before)) else { return false }
        let lowered = name.lowercased()
        return legacyWords.contains { lowered.contains($0) }
    }

    static func isLegacy(line: Int, in lexed: LexedSource) -> Bool {
        for number in [line, line - 1] where number >= 0 && number < lexed.lineStarts.count {
            let start = lexed.lineStarts[number]
            let end = number + 1 < lexed.lineStarts.count ? lexed.lineStarts[number + 1] : lexed.count
            var comment: [UInt8] = []
            for at in start..<end where lexed.code[at] == 0x20 && lexed.source[at] != 0x20 && lexed.source[at] != 0x0A {
                comment.append(lexed.source[at])
            }
            guard !comment.isEmpty else { continue }
            let text = String(decoding: comment, as: UTF8.self).lowercased()
            if legacyWords.contains(where: { text.contains($0) }) { return true }
        }
        return false
    }
}
