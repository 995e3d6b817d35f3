import Foundation

/// What the code does with an environment read's value after the read: whether it only reaches
/// a log line, or whether the code copes with its absence further on — a local tested for
/// presence before use (`const t = process.env.X; if (t) …`), a default given when it is unset
/// (`if not x: x = 30`), or a function in the file that returns a default for `None`.
enum EnvReadUse {
    /// Where a read stands: 0-based `line` of `lines`, `start..<end` its text on that line.
    struct Site {
        let lines: [Substring]
        let line: Int
        /// The line's text, which `start` and `end` index.
        let text: String
        let start: String.Index
        let end: String.Index
    }

    // MARK: Logged

    /// Calls that only write a log line: `print`, and the logging methods of a receiver named
    /// for logging (`logging.info`, `logger.warning`, `console.log`, `self.log.debug`, Go's
    /// `log.Printf`).
    static let logMethods: Set<String> = ["log", "info", "debug", "warn", "warning", "error", "trace", "critical",
                                          "exception", "Printf", "Println", "Print"]

    /// The read at byte `offset` of `lexed` is an argument of a log call (however deeply
    /// nested, within the call's brackets): its value is shown, not used.
    static func isLogged(at offset: Int, in lexed: LexedSource) -> Bool {
        lexed.enclosing(offset, scanning: 64).contains { bracket in
            bracket.kind == UInt8(ascii: "(") && isLogCall(callee(before: bracket.open, in: lexed.code))
        }
    }

    /// The dotted name just before byte `open` (`logging.info` of `logging.info(`).
    static func callee(before open: Int, in code: [UInt8]) -> String {
        var start = open
        while start > 0 {
            let byte = code[start - 1]
            guard byte.isIdentifierByte || byte == UInt8(ascii: ".") else { break }
            start -= 1
        }
        return String(decoding: code[start..<open], as: UTF8.self)
    }

    static func isLogCall(_ callee: String) -> Bool {
        if callee == "print" { return true }
        let parts = callee.split(separator: ".")
        guard parts.count >= 2, let method = parts.last, logMethods.contains(String(method)) else { return false }
        let receiver = parts[parts.count - 2].lowercased()
        return receiver == "console" || receiver.hasPrefix("log")
    }

    // MARK: Overridable default

    private static let annotatedAttribute = try! NSRegularExpression(pattern: #"^[ \t]+[A-Za-z_]\w*[ \t]*:[^=]+=(?!=)"#)

    /// A Python read that is the default of something a caller can set: a typed class attribute
    /// outside any method (`endpoint: str = Param(os.environ.get("X", None))`, a dataclass or
    /// pydantic field) or a parameter of a `def` (`def __init__(self, key=os.getenv("X"))`).
    static func isOverridableDefault(_ site: Site, at offset: Int, in lexed: LexedSource) -> Bool {
        guard lexed.language == .python else { return false }
        if lexed.outerFunction(around: offset) == nil {
            // The statement's first line: where the outermost bracket around the read opens.
            let first = lexed.enclosing(offset, scanning: 64).last?.open ?? offset
            let number = lexed.line(of: first) - 1
            let statement = number == site.line ? site.text : String(site.lines[number])
            if annotatedAttribute.firstMatch(in: statement, range: NSRange(statement.startIndex..., in: statement)) != nil {
                return true
            }
        }
        // Inside the parentheses of `def name(`.
        guard let bracket = lexed.enclosing(offset, scanning: 64).first(where: { $0.kind == UInt8(ascii: "(") }) else {
            return false
        }
        var start = bracket.open - callee(before: bracket.open, in: lexed.code).utf8.count
        while start > 0 && lexed.code[start - 1] == 0x20 { start -= 1 }
        return start >= 3 && lexed.code[(start - 3)..<start].elementsEqual("def".utf8)
    }

    // MARK: Absence handled

    /// The code goes on without the variable: the read is assigned to a local (alone or as the
    /// last of a chain of fallbacks) that the code then tests for presence before it uses it, or
    /// gives a value when it is missing; or the read is handed to a function of the file that
    /// returns a default for a missing value.
    static func handlesAbsence(_ site: Site, inCondition: Bool) -> Bool {
        if inCondition && (isPresenceTest(site) || isAbsenceTestGoingOn(site)) { return true }
        if isInlinePresenceTest(site) { return true }
        // `return os.environ.get("X", None) is not None`: a presence test as a value.
        let compared = EnvReads.afterValue(site.text[site.end...], commaDefaults: true)
        if !inCondition && (compared.hasPrefix("is not None") || compared.hasPrefix("is None")) { return true }
        if isCaughtWithDefault(site) { return true }
        if let local = assignedLocal(site), guarding(local.name, after: local.line, in: site.lines) == .goesOn { return true }
        return calleeDefaults(site)
    }

    /// The code shows it cannot do without the variable: an `if`'s test of its absence, or of
    /// the local it was assigned to, whose branch throws, raises, exits or answers with an error.
    static func failsWithout(_ site: Site, inCondition: Bool) -> Bool {
        if inCondition && isAbsenceTest(site) && !isAbsenceTestGoingOn(site) { return true }
        if let local = assignedLocal(site), guarding(local.name, after: local.line, in: site.lines) == .fails { return true }
        return false
    }

    /// The read is an `if` condition's test of presence: `if (process.env.X) {`,
    /// `elif os.environ.get("X"):`, `if a and os.getenv("X"):` — not `if (!process.env.X)`.
    static func isPresenceTest(_ site: Site) -> Bool {
        let before = site.text[..<site.start].trimmingCharacters(in: .whitespaces)
        if before.hasSuffix("!") || before.hasSuffix(" not") || before.hasSuffix("(not") { return false }
        // Past a default argument and argument-less calls: `os.environ.get("X", "").strip():`.
        let rest = EnvReads.afterValue(site.text[site.end...], commaDefaults: true)
        return rest.isEmpty || ["{", ":", "&&", "||", "and ", "or ", "is not None", "!= null", "!== undefined"].contains { rest.hasPrefix($0) }
    }

    /// The read is an `if`'s test of absence (`if (!process.env.X) {`, `if not os.getenv("X"):`)
    /// whose branch goes on without failing (`return null;`).
    static func isAbsenceTestGoingOn(_ site: Site) -> Bool {
        guard isAbsenceTest(site) else { return false }
        let branch = [site.text[site.end...]] + branchLines(after: site.line, in: site.lines)
        return !branch.contains(where: isFailure)
    }

    /// The read is negated (`!process.env.X`, `not os.getenv("X")`) or compared with nothing
    /// (`os.getenv("X") is None`, `process.env.X === undefined`).
    static func isAbsenceTest(_ site: Site) -> Bool {
        let before = site.text[..<site.start].trimmingCharacters(in: .whitespaces)
        if (before.hasSuffix("!") && !before.hasSuffix("!!")) || before.hasSuffix(" not") || before.hasSuffix("(not") { return true }
        let rest = site.text[site.end...].drop { $0 == ")" || $0 == "]" || $0 == " " || $0 == "\t" }
        return ["is None", "== None", "=== undefined", "== undefined", "== null", "=== null"].contains { rest.hasPrefix($0) }
    }

    /// The expression tests the read's presence itself: `process.env.X && …`,
    /// `process.env.X ? a : b`, `process.env.X?.split(",")` (the code expects it may be unset), or
    /// compares a value with it (`team !== process.env.X`).
    static func isInlinePresenceTest(_ site: Site) -> Bool {
        let before = site.text[..<site.start].trimmingCharacters(in: .whitespaces)
        // A predicate's answer: `return !!(A && B)`, `return Boolean(…)`, `return bool(…)` — a
        // check whether it is set (`isConfigured()`) the code makes before use. (Shown as a
        // status, `{bedrock: !!process.env.X}`, it is no such check.)
        if before.hasPrefix("return "), ["!!", "!!(", "Boolean(", "bool("].contains(where: { opener in
            before.hasSuffix(opener) || (before.hasSuffix("&&") || before.hasSuffix("and")) && before.contains(opener)
        }) {
            return true
        }
        // The right-hand side of a comparison: unset is simply "not equal".
        if ["===", "!==", "==", "!="].contains(where: before.hasSuffix) { return true }
        let rest = site.text[site.end...].drop { $0 == ")" || $0 == "]" || $0 == " " || $0 == "\t" }
        if rest.hasPrefix("&&") || rest.hasPrefix("?.") { return true }
        // A ternary whose `?` opens the next line.
        if rest.isEmpty, site.line + 1 < site.lines.count {
            let next = site.lines[site.line + 1].drop { $0 == " " || $0 == "\t" }
            return next.hasPrefix("?") && !next.hasPrefix("??") && !next.hasPrefix("?.")
        }
        return rest.hasPrefix("?") && !rest.hasPrefix("??")
    }

    /// The read is in a `try:` whose `except` gives the same name a working default
    /// (`try: url = os.environ["X"]` … `except KeyError: url = "https://…"`), however many
    /// statements the `try` and the `except` hold around it.
    static func isCaughtWithDefault(_ site: Site) -> Bool {
        guard let (name, _) = matchAssignment(site.text) else { return false }
        let lines = site.lines
        let indent = indentation(lines[site.line])
        func blank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
        // The `try:` above: the first line at a smaller indentation, past the try's statements.
        var above = site.line - 1
        while above >= 0, site.line - above <= 8, blank(lines[above]) || indentation(lines[above]) >= indent { above -= 1 }
        guard above >= 0, lines[above].trimmingCharacters(in: .whitespaces) == "try:" else { return false }
        let tryIndent = indentation(lines[above])
        // Its handler: the first line below at the try's indentation.
        var below = site.line + 1
        while below < lines.count, below - site.line <= 8, blank(lines[below]) || indentation(lines[below]) > tryIndent { below += 1 }
        guard below < lines.count, indentation(lines[below]) == tryIndent,
              lines[below].drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("except") else { return false }
        for line in lines.dropFirst(below + 1).prefix(4) where !blank(line) {
            guard indentation(line) > tryIndent else { break }
            let statement = line.trimmingCharacters(in: .whitespaces)
            if statement.hasPrefix(name + " = ") || statement.hasPrefix(name + "=") {
                return EnvReads.isWorkingDefault(statement.drop { $0 != "=" }.dropFirst()[...])
            }
        }
        return false
    }

    private static let assignment = try! NSRegularExpression(
        pattern: #"^\s*(?:(?:const|let|var)\s+)?((?:(?:self|this)\.)?[A-Za-z_]\w*)\s*(?::\s*[\w\[\]|. ]+?)?\s*(?::=|=)(?!=)\s*(.*)$"#)

    /// The local a statement `name = … read` assigns, and the statement's first line: the read
    /// ends the statement, and only fallbacks (`a || b ||`) stand between the `=` and it.
    static func assignedLocal(_ site: Site) -> (name: String, line: Int)? {
        let text = site.text
        let after = text[site.end...].drop { $0 == ")" || $0 == "]" || $0 == " " || $0 == "\t" }
        // `, "")`: Python's empty default argument.
        guard after.isEmpty || after == ";" || after.hasPrefix("||") || after.hasPrefix("??") || after.hasPrefix(",")
        else { return nil }
        var before = String(text[..<site.start])
        var line = site.line
        while line > 0 && site.line - line < 4 {
            guard endsInJoint(before) else { break }
            if matchAssignment(before) != nil { break }
            line -= 1
            before = String(site.lines[line]) + " " + before
        }
        guard let (name, value) = matchAssignment(before) else { return nil }
        guard endsInJoint(value), !opensBracket(value) else { return nil }
        return (name, line)
    }

    /// `value` leaves a call, a list or an interpolation open (`await fetch(\`${base ||`): the
    /// read is inside it, not the local's whole value. A bracket opening the value (`x = (`)
    /// is the value's own.
    private static func opensBracket(_ value: String) -> Bool {
        var depth = 0
        for (index, character) in value.drop(while: { $0 == " " || $0 == "\t" }).enumerated() {
            switch character {
            case "(" where index == 0: continue
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
        }
        return depth > 0
    }

    /// Nothing yet, a bracket opening the value (`x = (`), or a fallback joint (`a ||`, `or`)
    /// ends `text`.
    private static func endsInJoint(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "or" || trimmed == "(" || trimmed.hasSuffix("= (") || trimmed.hasSuffix("||")
            || trimmed.hasSuffix("??") || trimmed.hasSuffix(" or")
    }

    /// The local (or `self.`/`this.` attribute) a line assigns, and the value's text.
    static func matchAssignment(_ text: String) -> (String, String)? {
        guard let match = assignment.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let name = Range(match.range(at: 1), in: text), let value = Range(match.range(at: 2), in: text)
        else { return nil }
        return (String(text[name]), String(text[value]))
    }

    /// What the first line after `line` (within its scope, 40 lines at most) that tests `local`
    /// does with it, before anything gives it another value: a test for presence (`if (t)`, `if t:`, `t ? … :`, `if t is not None`), or a
    /// test for absence that gives it a value on that line or the next two (`if not t: t = 30`)
    /// or goes on, means the code copes without it; a test for absence whose branch fails, that
    /// it cannot.
    enum Guarding { case goesOn, fails, unknown }

    static func guarding(_ local: String, after line: Int, in lines: [Substring]) -> Guarding {
        // An attribute (`self.country`) lives as long as its object: any later method may test it.
        let isAttribute = local.contains(".")
        let indent = indentation(lines[line])
        let word = try! NSRegularExpression(pattern: #"(?<![\w.])"# + NSRegularExpression.escapedPattern(for: local) + #"(?![\w])"#)
        let name = NSRegularExpression.escapedPattern(for: local)
        let present = try! NSRegularExpression(pattern: #"\bif\s*\(?\s*"# + name
            + #"\s*(?:\)|&&|and\b|:|is not None|!==?\s*(?:undefined|null))|(?<![\w.])"# + name + #"\s*(?:\?(?![?.])|&&)"#
            + #"|(?:\band|&&)\s+"# + name + #"\s*(?:$|\)|:|and\b|&&|\{)|\bif\s+"# + name + #"\s+else\b|(?<![\w.])"# + name + #"\s*!==?\s*(?:undefined|null)"#
            // A check the code makes before use: `return key is not None and …`, `return !!key`.
            + #"|\breturn\s+(?:(?:!!|bool\(|Boolean\()\s*"# + name + #"|"# + name + #"\s*(?:is not None|!==?\s*(?:undefined|null|None)))"#)
        let absent = try! NSRegularExpression(pattern: #"(?:\bif\s*\(?|\|\||\bor\b)\s*(?:!\s*|not\s+)"# + name + #"\b|\bif\s*\(?\s*"# + name
            + #"\s*(?:is None|===?\s*(?:undefined|null))"#)
        for number in (line + 1)..<min(lines.count, line + (isAttribute ? 400 : 41)) {
            let string = String(lines[number])
            if !isAttribute && !string.trimmingCharacters(in: .whitespaces).isEmpty && indentation(lines[number]) < indent {
                return .unknown
            }
            let range = NSRange(string.startIndex..., in: string)
            guard word.firstMatch(in: string, range: range) != nil else { continue }
            if present.firstMatch(in: string, range: range) != nil { return .goesOn }
            let given = try! NSRegularExpression(pattern: #"(?<![\w.])"# + name + #"\s*=(?!=)"#)
            guard absent.firstMatch(in: string, range: range) != nil else {
                // A plain use (`models = get_models(url, key)`) says nothing yet: a later test
                // still shows whether the code expects it missing — unless the local is given
                // another value first.
                if given.firstMatch(in: string, range: range) != nil { return .unknown }
                continue
            }
            let handled = lines[number..<min(lines.count, number + 3)].contains { candidate in
                let text = String(candidate)
                if let found = text.range(of: "return "), EnvReads.isWorkingDefault(text[found.upperBound...]) { return true }
                return given.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
            // Or the branch for its absence goes on without failing (`this.client = null` after
            // a warning), where a needed setting would throw, exit or answer with an error.
            if handled { return .goesOn }
            return ([lines[number]] + branchLines(after: number, in: lines)).contains(where: isFailure) ? .fails : .goesOn
        }
        return .unknown
    }

    /// The lines of the branch an `if` on 0-based `line` opens: those after it indented deeper
    /// (five at most), or the next line alone when the `if` ends in `{`/`:` with nothing
    /// indented under it. Code after the branch (`raise` once the `if` is done) is not in it.
    static func branchLines(after line: Int, in lines: [Substring]) -> [Substring] {
        let indent = indentation(lines[line])
        var branch: [Substring] = []
        for next in lines.dropFirst(line + 1).prefix(5) {
            if next.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard indentation(next) > indent else { break }
            branch.append(next)
        }
        return branch
    }

    /// What a branch that cannot go on without the setting says.
    static let failureWords = ["throw", "raise", "exit(", "error", "Error", "abort", "panic", "status(4", "status(5", "fatal",
                               "Fatal", "assert"]

    /// The line fails: it throws, raises, exits or answers with an error — not a log line that
    /// only says so (`console.error("Missing …"); return;` goes on without the setting).
    static func isFailure(_ line: Substring) -> Bool {
        guard failureWords.contains(where: { line.contains($0) }) else { return false }
        let code = line.drop { $0 == " " || $0 == "\t" }
        guard let open = code.firstIndex(of: "("), isLogCall(String(code[..<open])) else { return true }
        return ["throw", "raise", "exit("].contains { code.contains($0) }
    }

    static func indentation(_ line: Substring) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.count
    }

    private static let callOpening = try! NSRegularExpression(pattern: #"(?:(?:self|this|cls)\.)?([A-Za-z_]\w*)\(\s*$"#)

    /// The read is the first argument of `name(…)` (`self.parse(os.getenv("X"))`), and the
    /// file defines `name` to return a working default when that parameter is missing.
    static func calleeDefaults(_ site: Site) -> Bool {
        let text = site.text
        let before = String(text[..<site.start])
        guard let match = callOpening.firstMatch(in: before, range: NSRange(before.startIndex..., in: before)),
              let range = Range(match.range(at: 1), in: before) else { return false }
        let function = NSRegularExpression.escapedPattern(for: String(before[range]))
        let definition = try! NSRegularExpression(pattern: #"^\s*(?:(?:export\s+)?(?:async\s+)?(?:def|function)\s+|(?:static\s+|private\s+|public\s+|async\s+)*)"#
            + function + #"\s*\(\s*(?:(?:self|cls)\s*,\s*)?([A-Za-z_]\w*)"#)
        for (number, line) in site.lines.enumerated() where line.contains(before[range]) {
            let string = String(line)
            guard number != site.line,
                  let found = definition.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)),
                  let parameter = Range(found.range(at: 1), in: string) else { continue }
            // Without `def` or `function`, a method's definition opens its body on the line.
            let keyword = string.contains("def ") || string.contains("function ")
            guard keyword || string.trimmingCharacters(in: .whitespaces).hasSuffix("{") else { continue }
            return returnsDefault(for: String(string[parameter]), in: site.lines[(number + 1)..<min(site.lines.count, number + 20)])
        }
        return false
    }

    /// A test for the parameter's absence followed, on its line or the next, by `return` of a
    /// working default.
    private static func returnsDefault(for parameter: String, in body: ArraySlice<Substring>) -> Bool {
        let name = NSRegularExpression.escapedPattern(for: parameter)
        let absent = try! NSRegularExpression(pattern: #"\bif\s*\(?\s*(?:(?:!\s*|not\s+)"# + name + #"\b|"# + name
            + #"\s*(?:is None|===?\s*(?:undefined|null)))"#)
        let lines = Array(body)
        for (index, line) in lines.enumerated() {
            let string = String(line)
            guard absent.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil else { continue }
            for candidate in [string] + lines.dropFirst(index + 1).prefix(1).map(String.init) {
                guard let found = candidate.range(of: "return ") else { continue }
                return EnvReads.isWorkingDefault(candidate[found.upperBound...])
            }
            return false
        }
        return false
    }
}
