import Foundation

/// A read that only runs when another environment variable turns a feature on: inside
/// `if (process.env.ENABLE_X) { … }`, `if os.getenv("ENABLE_X"):`, or the taken side of
/// `process.env.ENABLE_X ? createClient(process.env.X_URL!) : undefined` /
/// `process.env.ENABLE_X && init(process.env.X_KEY)`. Unset, the feature is off and the read
/// never happens: the setting is the feature's, optional for the deployment.
enum EnvFeatureFlag {
    /// A read of another variable, not negated, at the end of `text`.
    private static let scriptFlag = try! NSRegularExpression(
        pattern: #"(?<![!\w.])(?:process\.env|import\.meta\.env)\.([A-Za-z_]\w*)\s*(?:===?\s*["'][^"']*["']\s*)?$"#)
    private static let scriptCondition = try! NSRegularExpression(
        pattern: #"(?<![!\w.])(?:process\.env|import\.meta\.env)\.([A-Za-z_]\w*)(?!\s*(?:===?|!==?)\s*(?:undefined|null|""|''))"#)
    private static let pythonCondition = try! NSRegularExpression(
        pattern: #"^\s*(?:el)?if\s+(?!not\b)(?:.*\b(?:and|or)\s+(?!not\b))?(?:os\.)?(?:getenv\(|environ\.get\(|environ\[)\s*["']([A-Za-z_]\w*)["']"#)

    /// The read of `name` at byte `offset` of `lexed` (for scripts) or at `site` (for Python)
    /// sits behind another variable's switch.
    static func guards(_ name: String, site: EnvReadUse.Site, at offset: Int?, in lexed: LexedSource?) -> Bool {
        guard let lexed else { return false }
        switch lexed.language.syntax {
        case .script: return offset.map { scriptGuards(name, at: $0, in: lexed) } ?? false
        case .python: return pythonGuards(name, site: site)
        default: return false
        }
    }

    /// Walks out through the brackets around the read (eight at most): a `{` block of an `if`
    /// whose condition reads a switch, or an expression (the read, or a call holding it) taken
    /// after `SWITCH ?` or `SWITCH &&`.
    private static func scriptGuards(_ name: String, at offset: Int, in lexed: LexedSource) -> Bool {
        if isTakenSide(name, startingAt: offset, in: lexed) { return true }
        for bracket in lexed.enclosing(offset, scanning: 4096).prefix(8) where offset - bracket.open < 20_000 {
            if bracket.kind == UInt8(ascii: "{"), let condition = ifCondition(before: bracket.open, in: lexed) {
                let text = String(decoding: lexed.code[condition], as: UTF8.self)
                if flags(in: text, scriptCondition).contains(where: { $0 != name }) { return true }
            }
            if bracket.kind == UInt8(ascii: "("), isTakenSide(name, startingAt: calleeStart(before: bracket.open, in: lexed.code), in: lexed) {
                return true
            }
        }
        return false
    }

    /// The condition's bytes of `if (…)` just before `open` (a block's `{`).
    private static func ifCondition(before open: Int, in lexed: LexedSource) -> Range<Int>? {
        var close = open - 1
        while close >= 0 && isSpace(lexed.code[close]) { close -= 1 }
        guard close >= 0, lexed.code[close] == UInt8(ascii: ")") else { return nil }
        let index = lexed.firstBracket(openingAtOrAfter: max(0, close - 4000))
        guard let paren = lexed.brackets[index...].prefix(while: { $0.open < close }).last(where: { $0.close == close }) else {
            return nil
        }
        var keyword = paren.open
        while keyword > 0 && isSpace(lexed.code[keyword - 1]) { keyword -= 1 }
        guard keyword >= 2, lexed.code[keyword - 2] == UInt8(ascii: "i"), lexed.code[keyword - 1] == UInt8(ascii: "f"),
              keyword < 3 || !lexed.code[keyword - 3].isIdentifierByte else { return nil }
        return (paren.open + 1)..<close
    }

    /// The expression starting at `start` follows `SWITCH ?` or `SWITCH &&`.
    private static func isTakenSide(_ name: String, startingAt start: Int, in lexed: LexedSource) -> Bool {
        var at = start
        while at > 0 && isSpace(lexed.code[at - 1]) { at -= 1 }
        guard at >= 2 else { return false }
        let last = lexed.code[at - 1], before = lexed.code[at - 2]
        let joint: Int
        if last == UInt8(ascii: "?") && before != UInt8(ascii: "?") {
            joint = at - 1
        } else if last == UInt8(ascii: "&") && before == UInt8(ascii: "&") {
            joint = at - 2
        } else {
            return false
        }
        let from = max(0, joint - 200)
        let text = String(decoding: lexed.code[from..<joint], as: UTF8.self)
        return flags(in: text, scriptFlag).contains { $0 != name }
    }

    /// Where the call whose `(` is at `open` starts: `new createClient(` → at `new`.
    private static func calleeStart(before open: Int, in code: [UInt8]) -> Int {
        var start = open
        while start > 0 && (code[start - 1].isIdentifierByte || code[start - 1] == UInt8(ascii: ".")) { start -= 1 }
        var word = start
        while word > 0 && isSpace(code[word - 1]) { word -= 1 }
        if word >= 3 && code[(word - 3)..<word].elementsEqual("new".utf8) { return word - 3 }
        return start
    }

    /// The enclosing lines with less indentation, up to the function or class: one is an `if` or
    /// `elif` that reads another variable, not negated.
    private static func pythonGuards(_ name: String, site: EnvReadUse.Site) -> Bool {
        var indent = indentation(site.lines[site.line])
        var number = site.line - 1
        while number >= 0 && indent > 0 && site.line - number < 200 {
            let line = site.lines[number]
            number -= 1
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty, indentation(line) < indent else { continue }
            indent = indentation(line)
            let text = String(line)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("def ") || trimmed.hasPrefix("async def ") || trimmed.hasPrefix("class ") { return false }
            if flags(in: text, pythonCondition).contains(where: { $0 != name }) { return true }
        }
        return false
    }

    /// The switches `pattern` finds in `text`: not what the platform sets, and not the name of a
    /// deployment stage (`NODE_ENV`, `APP_ENVIRONMENT`, `STAGE`): code that runs only in
    /// production is exactly what a deployment must configure.
    private static func flags(in text: String, _ pattern: NSRegularExpression) -> [String] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }.filter { name in
            let last = name.uppercased().split(separator: "_").last.map(String.init) ?? ""
            return !EnvFiles.isBuiltIn(name) && !["ENV", "ENVIRONMENT", "STAGE"].contains(last)
        }
    }

    private static func indentation(_ line: Substring) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
