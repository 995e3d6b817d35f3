import GreenlightCore

/// A call a call-site pattern found: its callee's start, its argument list, its extent.
struct LocatedCall {
    let pattern: CallSitePattern
    /// Offset of the callee expression (`client` in `client.chat.completions.create(`).
    let calleeStart: Int
    /// Offset of the call's `(`; -1 when the pattern names a call without one.
    let open: Int
    /// Offset just past the argument list (and a Swift trailing closure).
    let end: Int

    /// Where `within: call` looks: inside the brackets.
    var arguments: Range<Int> { open >= 0 ? open..<end : calleeStart..<end }
}

/// Finds the calls the patterns name in a lexed file: matches over the code view (so never in
/// a comment or a string), extended back to the whole callee, forward to the balanced argument
/// list; definitions (`function generateText(`, `def generate_content(`, `func Generate(`)
/// are not calls.
enum CallLocator {
    static func calls(in lexed: LexedSource, view: CodeView? = nil, patterns: [CallSitePattern]) -> [LocatedCall] {
        let view = view ?? CodeView(lexed)
        var calls: [LocatedCall] = []
        var seen: Set<Int> = []
        lexed.source.withUnsafeBytes { raw in
            for pattern in patterns where pattern.keywords.contains(where: { ByteSearch.contains(raw, $0) }) {
                for match in pattern.pattern.ranges(in: view) {
                    guard let call = locate(match, pattern: pattern, in: lexed), !isDefinition(call, in: lexed) else { continue }
                    if let arguments = pattern.arguments, !arguments.matches(lexed.textWithStrings(call.arguments)) { continue }
                    if let unless = pattern.unlessAssigned, isAssigned(receiverOf: call, from: unless, in: lexed, view: view) { continue }
                    if seen.insert(call.open >= 0 ? call.open : -1 - call.calleeStart).inserted { calls.append(call) }
                }
            }
        }
        return calls.sorted { $0.calleeStart < $1.calleeStart }
    }

    static func locate(_ match: Range<Int>, pattern: CallSitePattern, in lexed: LexedSource) -> LocatedCall? {
        let code = lexed.code
        guard !match.isEmpty else { return nil }
        var open = -1
        var offset = match.upperBound - 1
        while offset >= match.lowerBound {
            if code[offset] == UInt8(ascii: "(") {
                open = offset
                break
            }
            offset -= 1
        }
        if open < 0, let next = nextSignificant(after: match.upperBound, in: code, newlines: true), code[next] == UInt8(ascii: "(") {
            open = next
        }
        var end = match.upperBound
        if open >= 0, let bracket = lexed.bracket(openingAt: open) {
            end = min(bracket.close + 1, lexed.count)
        }
        if lexed.language == .swift, let next = nextSignificant(after: end, in: code, newlines: false),
           code[next] == UInt8(ascii: "{"), let closure = lexed.bracket(openingAt: next) {
            end = min(closure.close + 1, lexed.count)
        }
        return LocatedCall(pattern: pattern, calleeStart: calleeStart(from: match.lowerBound, in: code), open: open, end: end)
    }

    /// Back from a match over the member chain: `this.client.chat…`, `client?.chat…`,
    /// `client\n  .chat…`; stops at anything else (`)` of `getClient().chat…`, `await`).
    static func calleeStart(from matchStart: Int, in code: [UInt8]) -> Int {
        var start = matchStart
        var afterDot = code[matchStart] == UInt8(ascii: ".")
        var steps = 0
        while start > 0 && steps < 256 {
            let byte = code[start - 1]
            if byte.isIdentifierByte {
                afterDot = false
            } else if byte == UInt8(ascii: ".") {
                afterDot = true
                if start >= 2, code[start - 2] == UInt8(ascii: "?") || code[start - 2] == UInt8(ascii: "!") { start -= 1 }
            } else if !(afterDot && (byte.isBlank || byte == 0x0A)) {
                break
            }
            start -= 1
            steps += 1
        }
        while start < matchStart, !code[start].isIdentifierByte { start += 1 }
        return start
    }

    /// `function name(`, `def name(`, `func name(`, Go `func (r T) Name(`, a method
    /// `name(…) {` or `name(…): Type` in a class, interface or object literal.
    static func isDefinition(_ call: LocatedCall, in lexed: LexedSource) -> Bool {
        let code = lexed.code
        if let word = word(before: call.calleeStart, in: code),
           ["function", "def", "func", "fn", "fun"].contains(word) {
            return true
        }
        switch lexed.language {
        case .go:
            guard let before = previousSignificant(before: call.calleeStart, in: code), code[before] == UInt8(ascii: ")") else { return false }
            var offset = before
            while offset > 0, code[offset] != UInt8(ascii: "("), before - offset < 256 { offset -= 1 }
            return code[offset] == UInt8(ascii: "(") && word(before: offset, in: code) == "func"
        case .typescript, .javascript:
            guard call.open >= 0, !code[call.calleeStart..<call.open].contains(UInt8(ascii: ".")),
                  let next = nextSignificant(after: call.end, in: code, newlines: false) else { return false }
            if code[next] == UInt8(ascii: "{") { return true }
            guard code[next] == UInt8(ascii: ":") else { return false }
            if let word = word(before: call.calleeStart, in: code),
               ["async", "static", "public", "private", "protected", "get", "set", "override", "readonly", "abstract"].contains(word) {
                return true
            }
            guard var before = previousSignificant(before: call.calleeStart, in: code) else { return true }
            // A generator method: `async *stream(…): AsyncGenerator<…> {`.
            if code[before] == UInt8(ascii: "*") {
                if let word = word(before: before, in: code), ["async", "static", "public", "private", "protected"].contains(word) {
                    return true
                }
                guard let star = previousSignificant(before: before, in: code) else { return true }
                before = star
            }
            return [UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";")].contains(code[before])
        case .python, .swift:
            return false
        }
    }

    /// Whether the call's receiver (`graph` in `self.graph.ainvoke(`) is assigned somewhere in
    /// the file (`graph = …`, `self.graph: T = …`) from a value `expression` finds on that line.
    static func isAssigned(receiverOf call: LocatedCall, from expression: CodeRegex, in lexed: LexedSource, view: CodeView) -> Bool {
        let code = lexed.code
        let callee = call.open >= 0 ? call.calleeStart..<call.open : call.calleeStart..<call.end
        let segments = code[callee].split { !$0.isIdentifierByte }.map(Array.init)
        guard segments.count >= 2 else { return false }
        let receiver = segments[segments.count - 2]
        var offset = 0
        while let found = WordIndex.firstOffset(of: receiver, in: code, from: offset) {
            offset = found + receiver.count
            // Over a type annotation to `=` on the same line, not `==` or `=>`.
            var equals = offset
            while equals < code.count, code[equals] != 0x0A, code[equals] != UInt8(ascii: "="), equals - offset < 128 { equals += 1 }
            guard equals + 1 < code.count, code[equals] == UInt8(ascii: "="), code[equals + 1] != UInt8(ascii: "="),
                  code[equals + 1] != UInt8(ascii: ">"), !"!<>".utf8.contains(code[equals - 1]) else { continue }
            var end = equals + 1
            while end < code.count, code[end] != 0x0A { end += 1 }
            if expression.matches(in: view, range: (equals + 1)..<end) { return true }
        }
        return false
    }

    static func nextSignificant(after offset: Int, in code: [UInt8], newlines: Bool) -> Int? {
        var position = offset
        while position < code.count, position - offset < 256,
              code[position].isBlank || (newlines && code[position] == 0x0A) {
            position += 1
        }
        return position < code.count && !code[position].isBlank && code[position] != 0x0A ? position : nil
    }

    static func previousSignificant(before offset: Int, in code: [UInt8]) -> Int? {
        var position = offset - 1
        while position >= 0, offset - position < 256, code[position].isBlank || code[position] == 0x0A { position -= 1 }
        return position >= 0 && !code[position].isBlank && code[position] != 0x0A ? position : nil
    }

    /// The identifier just before `offset` on the same line.
    static func word(before offset: Int, in code: [UInt8]) -> String? {
        var end = offset
        while end > 0, code[end - 1].isBlank, offset - end < 256 { end -= 1 }
        var start = end
        while start > 0, code[start - 1].isIdentifierByte, end - start < 64 { start -= 1 }
        return start < end ? String(decoding: code[start..<end], as: UTF8.self) : nil
    }
}
